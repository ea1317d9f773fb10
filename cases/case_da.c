/* case_da.c: Peters' double-auction collusion example (seeds/000, the LP
 * (0.3)-(0.5)).  Two sellers (value 0), two buyers with values v_l < v_h;
 * values equal with probability pi (hh or ll, pi/2 each), different with
 * 1 - pi.  A high buyer believes the other high w.p. pi, a low buyer
 * believes the other low w.p. pi.  Collusive outcome: one seller withholds
 * whenever a buyer reports low; prices p_hh, p_hl, p_ll >= 0.
 *   ICH (0.3)  pi(v_h - p_hh) + (1-pi)(v_h - p_hl) >= (1-pi)/2 (v_h - p_ll)
 *   ICL (0.4)  pi/2 (v_l - p_ll) >= pi(v_l - p_hl) + (1-pi)(v_l - p_hh)
 *   IRH        pi(v_h - p_hh) + (1-pi)(v_h - p_hl) >= 0
 *   IRL        pi/2 (v_l - p_ll) >= 0, written p_ll <= v_l (the low buyer
 *              trades only at p_ll; its multiplier is per unit of price)
 *   max (0.5)  pi(p_hh/2 + p_ll/4) + (1-pi) p_hl/2      (per seller)
 * The LP goes through the mechanism-file path (write_mech below): the
 * prices are declared variables, the payments expressions in them, the
 * four rows side constraints in the essay's names. 
 * By hand: p_ll = v_l, ICH binds, W* = ((1+pi) v_h + v_l)/4; the optimal
 * (p_hh, p_hl) form the segment pi p_hh + (1-pi) p_hl = ((1+pi) v_h +
 * (1-pi) v_l)/2 within ICL; the essay's point p_hl = v_l has p_hh = p* =
 * ((1+pi) v_h - (1-pi) v_l)/(2 pi).  Lost trade against the efficient
 * outcome (both buyers always served): v_l in ll (pi/2) and in hl/lh
 * (1 - pi), i.e. v_l (1 - pi/2). */
#include <stdlib.h>
#include <string.h>

#include "afile.h"
#include "case.h"
#include "mech.h"
#include "rat.h"

/* The LP as a mechanism file in the essay's terms (as
 * cases/data/peters-da-prices.mech, which is this at the defaults): the
 * buyers B1, B2 of type l or h are the agents, the collusive allocation is
 * fixed, the prices are declared variables and the payments are written
 * in them; (0.3), (0.4), IRH, IRL are side constraints on buyer B1 (B2's
 * are the same by symmetry), with U[B1:h->l] the utility of a high buyer
 * who reports low.  The essay's point fixes p_hl = v_l by its bounds. */
static fk_status write_mech(const mpq_t vl, const mpq_t vh, const mpq_t pi, int fix_phl,
                            const char *name, const char *path, fk_err *err)
{
    mpq_t eq, ne;
    afile a;
    fk_status st;
    if ((st = afile_open(&a, path, err)))
        return st;
    mpq_inits(eq, ne, NULL);
    mpq_set_ui(ne, 1, 1);
    mpq_sub(ne, ne, pi);            /* values differ: 1 - pi, split over hl and lh */
    mpq_div_2exp(ne, ne, 1);
    mpq_div_2exp(eq, pi, 1);        /* hh and ll: pi/2 each */
    {
        FILE *f = a.f;
        fprintf(f, "# written by 'farkas case double-auction': Peters' collusion LP (0.3)-(0.5) in the\n"
                   "# essay's prices%s (docs/cases.md, cases/data/peters-da-prices.mech)\n"
                   "mechanism %s\nagent B1 l h\nagent B2 l h\ngood 2\n",
                fix_phl ? ", with p_hl = v_l as at the essay's point" : "", name);
        econ_fput_q(f, "joint h h ", eq, "\n");
        econ_fput_q(f, "joint l l ", eq, "\n");
        econ_fput_q(f, "joint h l ", ne, "\n");
        econ_fput_q(f, "joint l h ", ne, "\n");
        econ_fput_q(f, "value B1 l ", vl, "\n");
        econ_fput_q(f, "value B1 h ", vh, "\n");
        econ_fput_q(f, "value B2 l ", vl, "\n");
        econ_fput_q(f, "value B2 h ", vh, "\n");
        fprintf(f, "allocation fixed\nchoose h h 1 1\nchoose h l 1 0\nchoose l h 0 1\nchoose l l 1/2 1/2\n"
                   "variable p_hh 0 inf\n");
        if (fix_phl) {
            econ_fput_q(f, "variable p_hl ", vl, "");
            econ_fput_q(f, " ", vl, "\n");
        } else
            fprintf(f, "variable p_hl 0 inf\n");
        fprintf(f, "variable p_ll 0 inf\npayments fixed\n"
                   "pay B1 h h p_hh\npay B2 h h p_hh\npay B1 h l p_hl\npay B2 l h p_hl\n"
                   "pay B1 l l 1/2 p_ll\npay B2 l l 1/2 p_ll\n"
                   "constraint ICH(0.3) U[B1:h] - U[B1:h->l] >= 0\n"
                   "constraint ICL(0.4) U[B1:l] - U[B1:l->h] >= 0\n"
                   "constraint IRH U[B1:h] >= 0\n");
        econ_fput_q(f, "constraint IRL p_ll <= ", vl, "\n");
        fprintf(f, "objective %s max 1/2 revenue\n", fix_phl ? "essay" : "surplus");
    }
    mpq_clears(eq, ne, NULL);
    return afile_commit(&a, err);
}

/* Thin wrapper: the LP is written as OUTDIR/NAME-{surplus,essay}.mech and
 * solved by the mechanism-file path (its report printed), which certifies
 * NAME-surplus / NAME-essay; best and price (p_hh, p_hl, p_ll) from its
 * answer. */
fk_status case_da_solve(econ_out *o, const mpq_t vl, const mpq_t vh, const mpq_t pi,
                        int fix_phl, const char *name, mpq_t best, mpq_t *price,
                        fk_err *err)
{
    char path[4200];
    mech_model m;
    mech_result res[MECH_MAX_LPS];
    fk_status st;
    int have = 0, k;
    mech_init(m);
    if ((st = econ_out_dir(o, err)))
        goto done;
    if (snprintf(path, sizeof path, "%s/%s-%s.mech", o->outdir, name, fix_phl ? "essay" : "surplus") >=
        (int)sizeof path) {
        st = fk_fail(err, FK_ELIMIT, NULL, "output path too long");
        goto done;
    }
    if ((st = write_mech(vl, vh, pi, fix_phl, name, path, err)) || (st = mech_read(m, path, err)))
        goto done;
    if (o->quiet < 1)
        printf("%s: the LP as a mechanism file: %s (farkas model %s)\n", name, path, path);
    st = mech_solve_keep(o, m, 1, res, err);
    have = m->nobj; /* res initialised even on failure (mech.h) */
    if (st)
        goto done;
    if (res[0].status != LP_OPTIMAL) {
        st = fk_fail(err, FK_EINVAL, NULL, "%s: LP %s (need 0 < v_l < v_h)", name, lp_status_str(res[0].status));
        goto done;
    }
    mpq_set(best, res[0].value);
    for (k = 0; k < 3; k++)
        mpq_set(price[k], res[0].var[k]);
done:
    mech_results_clear(res, have);
    mech_clear(m);
    return st;
}

fk_status case_da(econ_out *o, int argc, char **argv, fk_err *err)
{
    mpq_t vl, vh, pi, w1, w2, p1[3], p2[3], want, lost, a;
    fk_status st = FK_OK;
    int k;
    mpq_inits(vl, vh, pi, w1, w2, want, lost, a, NULL);
    for (k = 0; k < 3; k++) {
        mpq_init(p1[k]);
        mpq_init(p2[k]);
    }
    mpq_set_ui(vl, 1, 1);
    mpq_set_ui(vh, 2, 1);
    mpq_set_ui(pi, 3, 4);
    for (k = 0; k < argc && !st; k++) {
        mpq_ptr d = strcmp(argv[k], "--vl") == 0 ? vl : strcmp(argv[k], "--vh") == 0 ? vh :
                    strcmp(argv[k], "--pi") == 0 ? pi : NULL;
        if (!d || k + 1 >= argc)
            st = fk_fail(err, FK_EINVAL, NULL, "double-auction: arguments are --vl V --vh V --pi P");
        else if (rat_set_str(d, argv[k + 1], strlen(argv[k + 1]), NULL) != RAT_OK)
            st = fk_fail(err, FK_EINVAL, NULL, "double-auction: bad number '%s'", argv[k + 1]);
        k++;
    }
    if (!st && (mpq_sgn(vl) <= 0 || mpq_cmp(vl, vh) >= 0 || mpq_cmp_ui(pi, 1, 2) <= 0 ||
                mpq_cmp_ui(pi, 1, 1) > 0))
        st = fk_fail(err, FK_EINVAL, NULL, "double-auction: need 0 < v_l < v_h and 1/2 < pi <= 1");
    if (st)
        goto done;
    {
        char *s1 = econ_qstr(vl), *s2 = econ_qstr(vh), *s3 = econ_qstr(pi);
        printf("double-auction: v_l = %s, v_h = %s, pi = %s\n", s1, s2, s3);
        free(s1);
        free(s2);
        free(s3);
    }
    if ((st = case_da_solve(o, vl, vh, pi, 0, "double-auction", w1, p1, err)) ||
        (st = case_da_solve(o, vl, vh, pi, 1, "double-auction", w2, p2, err)))
        goto done;
    /* the closed form, and the expected lost trade v_l (1 - pi/2) */
    mpq_set_ui(a, 1, 1);
    mpq_add(want, a, pi);
    mpq_mul(want, want, vh);
    mpq_add(want, want, vl);
    mpq_set_ui(a, 1, 4);
    mpq_mul(want, want, a);
    mpq_set_ui(a, 1, 2);
    mpq_mul(a, a, pi);
    mpq_set_ui(lost, 1, 1);
    mpq_sub(lost, lost, a);
    mpq_mul(lost, lost, vl);
    econ_print_q(stdout, "closed form ((1+pi)v_h+v_l)/4", want);
    econ_print_q(stdout, "competitive benchmark v_l", vl);
    econ_print_q(stdout, "expected lost trade", lost);
    mpq_mul(a, a, vl);
    econ_print_q(stdout, "(essay's figure pi v_l/2, ll only)", a);
    {
        char *s1 = econ_qstr(w1), *s2 = econ_qstr(p2[0]), *s3 = econ_qstr(lost), *s4 = econ_qstr(p1[2]);
        /* the claim includes where the optimum is: p_ll = v_l, read from the LP's solution */
        int ok = mpq_equal(w1, want) && mpq_equal(w1, w2) && mpq_equal(p1[2], vl);
        printf("\nverdict table (double-auction)\n  best seller surplus %s (%s closed form, %s with p_hl = v_l)\n"
               "  collusion %s the competitive price v_l\n", s1, ok ? "=" : "!=",
               mpq_equal(w1, w2) ? "same" : "DIFFERENT", mpq_cmp(w1, vl) > 0 ? "beats" : "does not beat");
        char *a1 = econ_qstr(vl), *a2 = econ_qstr(vh), *a3 = econ_qstr(pi);
        printf("summary: double-auction | v_l=%s v_h=%s pi=%s | best seller surplus %s; collusion %s\n",
               a1, a2, a3, s1, mpq_cmp(w1, vl) > 0 ? "pays" : "does not pay");
        free(a1);
        free(a2);
        free(a3);
        printf("values: W*=%s p_ll=%s%s p*=%s lost_trade=%s\n", s1, s4, mpq_equal(p1[2], vl) ? " (=v_l)" : "",
               s2, s3);
        free(s4);
        free(s1);
        free(s2);
        free(s3);
        if (!ok)
            st = fk_fail(err, FK_ELIMIT, NULL, "double-auction: LP optimum differs from the closed form");
    }
done:
    mpq_clears(vl, vh, pi, w1, w2, want, lost, a, NULL);
    for (k = 0; k < 3; k++) {
        mpq_clear(p1[k]);
        mpq_clear(p2[k]);
    }
    return st;
}
