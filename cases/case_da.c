/* case_da.c: Peters' double-auction collusion example (seeds/000, the LP
 * (0.3)-(0.5)).  Two sellers (value 0), two buyers with values v_l < v_h;
 * values equal with probability pi (hh or ll, pi/2 each), different with
 * 1 - pi.  A high buyer believes the other high w.p. pi, a low buyer
 * believes the other low w.p. pi.  Collusive outcome: one seller withholds
 * whenever a buyer reports low; prices p_hh, p_hl, p_ll >= 0.
 *   ICH (0.3)  pi(v_h - p_hh) + (1-pi)(v_h - p_hl) >= (1-pi)/2 (v_h - p_ll)
 *   ICL (0.4)  pi/2 (v_l - p_ll) >= pi(v_l - p_hl) + (1-pi)(v_l - p_hh)
 *   IRH        pi(v_h - p_hh) + (1-pi)(v_h - p_hl) >= 0
 *   IRL        pi/2 (v_l - p_ll) >= 0
 *   max (0.5)  pi(p_hh/2 + p_ll/4) + (1-pi) p_hl/2      (per seller)
 * By hand: p_ll = v_l, ICH binds, W* = ((1+pi) v_h + v_l)/4; the optimal
 * (p_hh, p_hl) form the segment pi p_hh + (1-pi) p_hl = ((1+pi) v_h +
 * (1-pi) v_l)/2 within ICL; the essay's point p_hl = v_l has p_hh = p* =
 * ((1+pi) v_h - (1-pi) v_l)/(2 pi).  Lost trade against the efficient
 * outcome (both buyers always served): v_l in ll (pi/2) and in hl/lh
 * (1 - pi), i.e. v_l (1 - pi/2). */
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "mech.h"
#include "rat.h"

fk_status case_da_solve(econ_out *o, const mpq_t vl, const mpq_t vh, const mpq_t pi,
                        int fix_phl, const char *name, mpq_t best, mpq_t *price,
                        fk_err *err)
{
    lp_model *lp = lp_new();
    lp_answer res;
    fk_status st = FK_OK;
    long c[3], r;
    mpq_t one, q, h, a, b;
    int k;
    lp_answer_init(&res);
    mpq_inits(one, q, h, a, b, NULL);
    if (!lp) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    mpq_set_ui(one, 1, 1);
    mpq_sub(q, one, pi);            /* q = 1 - pi */
    mpq_set_ui(h, 1, 2);
    lp->sense = LP_MAX;
    if ((st = econ_col(lp, &c[0], err, "p_hh")) || (st = econ_col(lp, &c[1], err, "p_hl")) ||
        (st = econ_col(lp, &c[2], err, "p_ll")))
        goto done;
    mpq_mul(a, pi, h);
    lp_set_obj(lp, c[0], a);
    mpq_mul(a, q, h);
    lp_set_obj(lp, c[1], a);
    mpq_mul(a, a, one);
    mpq_set_ui(b, 1, 4);
    mpq_mul(b, b, pi);
    lp_set_obj(lp, c[2], b);
    if (fix_phl) {
        lp_set_col_lo(lp, c[1], vl);
        lp_set_col_hi(lp, c[1], vl);
    }
    /* ICH: pi p_hh + q p_hl - q/2 p_ll <= v_h (1 + pi)/2 */
    if ((st = econ_row(lp, &r, err, "ICH(0.3)")))
        goto done;
    mpq_add(a, one, pi);
    mpq_mul(a, a, vh);
    mpq_mul(a, a, h);
    lp_set_row_hi(lp, r, a);
    mpq_mul(a, q, h);
    mpq_neg(a, a);
    if ((st = lp_add_coef(lp, r, c[0], pi, err)) || (st = lp_add_coef(lp, r, c[1], q, err)) ||
        (st = lp_add_coef(lp, r, c[2], a, err)))
        goto done;
    /* ICL: q p_hh + pi p_hl - pi/2 p_ll >= v_l (1 - pi/2) */
    if ((st = econ_row(lp, &r, err, "ICL(0.4)")))
        goto done;
    mpq_mul(a, pi, h);
    mpq_sub(b, one, a);
    mpq_mul(b, b, vl);
    lp_set_row_lo(lp, r, b);
    mpq_neg(a, a);
    if ((st = lp_add_coef(lp, r, c[0], q, err)) || (st = lp_add_coef(lp, r, c[1], pi, err)) ||
        (st = lp_add_coef(lp, r, c[2], a, err)))
        goto done;
    /* IRH: pi p_hh + q p_hl <= v_h;  IRL: p_ll <= v_l */
    if ((st = econ_row(lp, &r, err, "IRH")))
        goto done;
    lp_set_row_hi(lp, r, vh);
    if ((st = lp_add_coef(lp, r, c[0], pi, err)) || (st = lp_add_coef(lp, r, c[1], q, err)))
        goto done;
    if ((st = econ_row(lp, &r, err, "IRL")))
        goto done;
    lp_set_row_hi(lp, r, vl);
    if ((st = lp_add_coef(lp, r, c[2], one, err)) || (st = econ_solve_certify(o, lp, name, &res, err)))
        goto done;
    if (res.status != LP_OPTIMAL) {
        st = fk_fail(err, FK_EINVAL, NULL, "%s: LP %s (need 0 < v_l < v_h)", name, lp_status_str(res.status));
        goto done;
    }
    mpq_set(best, res.objval);
    for (k = 0; k < 3; k++)
        mpq_set(price[k], res.x[c[k]]);
    if (o->quiet < 1) {
        printf("%s: sellers' best expected surplus (per seller)%s\n", name,
               fix_phl ? ", with p_hl = v_l as in the essay" : "");
        econ_print_q(stdout, "W*", res.objval);
        for (k = 0; k < 3; k++)
            econ_print_q(stdout, lp->cname[c[k]], res.x[c[k]]);
        printf("  multipliers (loss of the surplus per unit of tightening; >= 0 on a binding row):\n");
        for (k = 0; k < lp->m; k++) {
            mech_shadow(a, lp, k, res.y[k]);
            econ_print_q(stdout, lp->rname[k], a);
        }
    }
done:
    mpq_clears(one, q, h, a, b, NULL);
    lp_answer_clear(&res);
    lp_free(lp);
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
        (st = case_da_solve(o, vl, vh, pi, 1, "double-auction-essay", w2, p2, err)))
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
