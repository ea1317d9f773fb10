/* case_bm.c: ex post implementation (seeds/003), the Bergemann and Morris
 * (2005) non-separable example.  (Chung and Ely of the same seed is in
 * case_ce.c.)
 *
 * bm-separable.  Two players, Theta_i = {th, th'} (printed th1, th1p, th2,
 * th2p), X = {a, b, c}, payoffs (u1, u2):
 *         a: (th1,th2) (1,0)  (th1,th2p) (-1,2)  (th1p,.) (0,0)
 *         b: (th1,th2) (-1,2) (th1,th2p) (1,0)   (th1p,.) (0,0)
 *         c: (th1,.)   (0,0)                     (th1p,.) (1,1)
 * F(th1, .) = {a, b}, F(th1p, .) = {c}.  Interim: "player 1 chooses" (c at
 * th1p, else the better of a and b for his belief) is IIC on every KPT
 * type space; certified as a point of the IIC LP on two type spaces.
 * Ex post: each of the 4 deterministic selections, as the EPIC LP over
 * lotteries g[x|theta] with the selection's columns fixed, is infeasible
 * (Farkas certificate).  By hand: player 1's EPIC at (th1,th2) against
 * reporting th1p (c, payoff 0) forces a, at (th1,th2p) forces b, and then
 * player 2 of type th2 gains 2 by reporting th2p.  The lottery 1/2 a +
 * 1/2 b at both th1 states IS ex post IC (all those payoffs are equal):
 * BM's negative result is about deterministic selections; the case
 * certifies that point too.
 *
 * Every LP goes through the mechanism-file path: each is written as
 * OUTDIR/bm-LABEL.mech (see bm_check) and solved by mech_solve. */
#include <stdlib.h>
#include <string.h>

#include "afile.h"
#include "case.h"
#include "mech.h"
#include "rat.h"

/* payoff u[i][x][th1][th2], x = a, b, c; th = 0 (th), 1 (th') */
static const int BM_U[2][3][2][2] = {
    {{{1, -1}, {0, 0}}, {{-1, 1}, {0, 0}}, {{0, 0}, {1, 1}}},
    {{{0, 2}, {0, 0}}, {{2, 0}, {0, 0}}, {{0, 0}, {1, 1}}}};
static const char BM_X[3] = {'a', 'b', 'c'};

/* Every LP of the case is a mechanism file (docs/mechanism-files.md) with
 * the outcome fixed and no payments, solved by the mechanism-file path
 * (cases/mech.c): what the case certifies is exactly `farkas model
 * OUTDIR/bm-LABEL.mech`.  Agents 1 and 2; ts gives the type names (ptype[i][k]
 * the payoff type of type k) and, for the interim LPs, the beliefs (BIC
 * rows IC[i:a->b]); without beliefs the rows are ex post IC, DIC[i:a->b;t].
 * g[p * 3 + x] is the outcome at profile p, a lottery over a, b, c.  *ok:
 * the LP is feasible (the mechanism satisfies the rows) and its
 * certificate was accepted. */
static fk_status bm_check(econ_out *o, const econ_tspace ts, int *const *ptype, int interim,
                          mpq_t *const g, const char *label, int *ok, fk_err *err)
{
    char path[4200];
    afile a;
    fk_status st;
    long p;
    int i, x;
    *ok = 0;
    if ((st = econ_out_dir(o, err)))
        return st;
    if (snprintf(path, sizeof path, "%s/bm-%s.mech", o->outdir, label) >= (int)sizeof path)
        return fk_fail(err, FK_ELIMIT, NULL, "output path too long");
    if ((st = afile_open(&a, path, err)))
        return st;
    fprintf(a.f, "# written by 'farkas case bm-separable': Bergemann-Morris (2005), %s\n"
                 "mechanism bm\n", interim ? "interim IC on a KPT type space" : "ex post IC");
    for (i = 0; i < 2; i++) {
        int k;
        fprintf(a.f, "agent %d", i + 1);
        for (k = 0; k < ts->ntypes[i]; k++)
            fprintf(a.f, " %s", ts->type[i][k]);
        fprintf(a.f, "\n");
    }
    fprintf(a.f, "alternatives a b c\n");
    for (i = 0; i < 2 && interim; i++)
        for (p = 0; p < ts->nprof; p++) {
            char *q = econ_qstr(ts->bel[i][p]);
            fprintf(a.f, "belief %d %s %s %s\n", i + 1, ts->type[i][econ_type_of(ts, p, i)],
                    ts->type[1 - i][econ_type_of(ts, p, 1 - i)], q);
            free(q);
        }
    if (!interim)
        fprintf(a.f, "prior 1 1/2 1/2\nprior 2 1/2 1/2\n");
    for (p = 0; p < ts->nprof; p++) {
        int th1 = ptype[0][econ_type_of(ts, p, 0)], th2 = ptype[1][econ_type_of(ts, p, 1)];
        const char *n1 = ts->type[0][econ_type_of(ts, p, 0)], *n2 = ts->type[1][econ_type_of(ts, p, 1)];
        for (i = 0; i < 2; i++)
            for (x = 0; x < 3; x++)
                if (BM_U[i][x][th1][th2])
                    fprintf(a.f, "value %d %c %s %s %d\n", i + 1, BM_X[x], n1, n2, BM_U[i][x][th1][th2]);
    }
    fprintf(a.f, "allocation fixed\n");
    for (p = 0; p < ts->nprof; p++) {
        fprintf(a.f, "choose %s %s", ts->type[0][econ_type_of(ts, p, 0)], ts->type[1][econ_type_of(ts, p, 1)]);
        for (x = 0; x < 3; x++)
            if (mpq_sgn(g[p * 3 + x])) {
                char *q = econ_qstr(g[p * 3 + x]);
                fprintf(a.f, " %c %s", BM_X[x], q);
                free(q);
            }
        fprintf(a.f, "\n");
    }
    fprintf(a.f, "payments zero\nrequire %s\nobjective %s feasibility\n", interim ? "BIC" : "DIC", label);
    if (!(st = afile_commit(&a, err)))
        st = mech_solve_file(o, path, ok, err);
    return st;
}

/* Interim IC on a KPT type space ts (one state; ptype[i][k] = payoff
 * type) of the mechanism "player 1 chooses": c at th1p, else the better
 * of a and b for player 1's belief. */
static fk_status bm_interim(econ_out *o, const econ_tspace ts, int *const *ptype,
                            const char *label, int *ok, fk_err *err)
{
    long np = ts->nprof, p;
    mpq_t *g = fk_qarr_new(np * 3), c;
    char pb[256];
    fk_status st;
    if (!g)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    mpq_init(c);
    for (p = 0; p < np; p++) {
        int t1 = econ_type_of(ts, p, 0), pick = 2;
        if (ptype[0][t1] == 0) {
            long q;
            mpq_set_ui(c, 0, 1);
            for (q = 0; q < np; q++)
                if (econ_type_of(ts, q, 0) == t1) {
                    int th2 = ptype[1][econ_type_of(ts, q, 1)];
                    mpq_t d;
                    mpq_init(d);
                    mpq_set_si(d, BM_U[0][0][0][th2] - BM_U[0][1][0][th2], 1);
                    mpq_mul(d, d, ts->bel[0][q]);
                    mpq_add(c, c, d);
                    mpq_clear(d);
                }
            pick = mpq_sgn(c) >= 0 ? 0 : 1;
        }
        mpq_set_ui(g[p * 3 + pick], 1, 1);
        if (o->quiet < 1)
            printf("  bm-%s: f(%s) = %c\n", label, econ_prof_str(ts, p, pb, sizeof pb), BM_X[pick]);
    }
    st = bm_check(o, ts, ptype, 1, g, label, ok, err);
    mpq_clear(c);
    fk_qarr_free(g, np * 3);
    return st;
}

/* Ex post IC of a fixed outcome on the payoff types: sel >= 0: selection
 * number sel (bit k: a or b at (th1, th2 = k)), c at th1p; sel < 0: the
 * lottery 1/2 a + 1/2 b at both th1 profiles.  *feasible: it is ex post
 * IC (else the Farkas certificate says why not). */
static fk_status bm_expost(econ_out *o, int sel, const char *label, int *feasible, fk_err *err)
{
    static char *const t1[] = {"th1", "th1p"}, *const t2[] = {"th2", "th2p"}, *const sn[] = {"s"};
    static int pt[] = {0, 1};
    int *ptype[2] = {pt, pt}, nt[2] = {2, 2};
    char *const *tn[2] = {t1, t2};
    econ_tspace ts;
    mpq_t *g = fk_qarr_new(4 * 3);
    fk_status st;
    long p;
    econ_tspace_init(ts);
    if (!g)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    if (!(st = econ_tspace_shape(ts, 2, nt, 1, tn, sn, err))) {
        for (p = 0; p < ts->nprof; p++) {
            int th1 = econ_type_of(ts, p, 0), th2 = econ_type_of(ts, p, 1);
            if (th1 == 1)
                mpq_set_ui(g[p * 3 + 2], 1, 1);
            else if (sel >= 0)
                mpq_set_ui(g[p * 3 + ((sel >> th2) & 1)], 1, 1);
            else {
                mpq_set_ui(g[p * 3 + 0], 1, 2);
                mpq_set_ui(g[p * 3 + 1], 1, 2);
            }
        }
        st = bm_check(o, ts, ptype, 0, g, label, feasible, err);
    }
    econ_tspace_clear(ts);
    fk_qarr_free(g, 4 * 3);
    return st;
}

/* Two KPT type spaces: (A) payoff types only, player 1 believes th2 w.p.
 * 3/4, player 2 believes th1 w.p. 1/2; (B) player 1 of payoff type th1
 * has two epistemic types h (th2 w.p. 3/4) and l (th2 w.p. 1/4); player
 * 1p has th1p; player 2's types believe player 1's uniform.  In (B) the
 * mechanism picks a for h and b for l: the selection varies with beliefs. */
static fk_status bm_spaces(econ_out *o, int *ok, fk_err *err)
{
    static char *const t1a[] = {"th1", "th1p"}, *const t1b[] = {"h", "l", "th1p"};
    static char *const t2[] = {"th2", "th2p"}, *const sn[] = {"s"};
    static int pa1[] = {0, 1}, pb1[] = {0, 0, 1}, p2[] = {0, 1};
    int *pta[2] = {pa1, p2}, *ptb[2] = {pb1, p2};
    char *const *tna[2] = {t1a, t2}, *const *tnb[2] = {t1b, t2};
    int nta[2] = {2, 2}, ntb[2] = {3, 2}, okA = 0, okB = 0;
    econ_tspace ts;
    fk_status st;
    long p;
    econ_tspace_init(ts);
    if ((st = econ_tspace_shape(ts, 2, nta, 1, tna, sn, err)))
        goto done;
    for (p = 0; p < ts->nprof; p++) {
        int a = econ_type_of(ts, p, 0), b = econ_type_of(ts, p, 1);
        mpq_set_ui(ts->bel[0][p], b == 0 ? 3 : 1, 4);
        mpq_set_ui(ts->bel[1][p], 1, 2);
        (void)a;
    }
    if ((st = econ_tspace_validate(ts, err)) ||
        (st = bm_interim(o, ts, pta, "interim-A", &okA, err)))
        goto done;
    if ((st = econ_tspace_shape(ts, 2, ntb, 1, tnb, sn, err)))
        goto done;
    for (p = 0; p < ts->nprof; p++) {
        int a = econ_type_of(ts, p, 0), b = econ_type_of(ts, p, 1);
        if (a == 0)
            mpq_set_ui(ts->bel[0][p], b == 0 ? 3 : 1, 4);
        else if (a == 1)
            mpq_set_ui(ts->bel[0][p], b == 0 ? 1 : 3, 4);
        else
            mpq_set_ui(ts->bel[0][p], 1, 2);
        mpq_set_ui(ts->bel[1][p], 1, 3);
    }
    if ((st = econ_tspace_validate(ts, err)) ||
        (st = bm_interim(o, ts, ptb, "interim-B", &okB, err)))
        goto done;
    *ok = okA && okB;
done:
    econ_tspace_clear(ts);
    return st;
}

fk_status case_bm_run(econ_out *o, int *interim, int *nselect, int *nviol,
                      int *lottery_epic, fk_err *err)
{
    fk_status st;
    int sel, feas = -1;
    *nselect = *nviol = 0;
    *interim = *lottery_epic = 0;
    if ((st = bm_spaces(o, interim, err)))
        return st;
    for (sel = 0; sel < 4; sel++) {
        char nm[64];
        snprintf(nm, sizeof nm, "select-%c%c", BM_X[sel & 1], BM_X[(sel >> 1) & 1]);
        if ((st = bm_expost(o, sel, nm, &feas, err)))
            return st;
        (*nselect)++;
        *nviol += !feas;
        if (o->quiet < 2)
            printf("  selection f(th1,th2) = %c, f(th1,th2p) = %c, f(th1p,.) = c: %s\n",
                   BM_X[sel & 1], BM_X[(sel >> 1) & 1],
                   feas ? "ex post IC" : "NOT ex post IC (Farkas certificate)");
    }
    if ((st = bm_expost(o, -1, "lottery", lottery_epic, err)))
        return st;
    return FK_OK;
}

fk_status case_bm(econ_out *o, int argc, char **argv, fk_err *err)
{
    int interim = 0, nsel = 0, nviol = 0, lot = 0;
    fk_status st;
    if (argc > 0)
        return fk_fail(err, FK_EINVAL, NULL, "bm-separable: takes no arguments ('%s')", argv[0]);
    printf("bm-separable: Bergemann-Morris (2005) example, X = {a,b,c}, "
           "F(th1,.) = {a,b}, F(th1p,.) = {c}\n");
    if ((st = case_bm_run(o, &interim, &nsel, &nviol, &lot, err)))
        return st;
    printf("\nverdict table (bm-separable)\n"
           "  interim implementable (player 1 chooses; 2 type spaces): %s\n"
           "  deterministic selections ex post IC: %d of %d (%d violations certified)\n"
           "  lottery 1/2 a + 1/2 b at th1 ex post IC: %s\n",
           interim ? "yes (certified points)" : "NO", nsel - nviol, nsel, nviol,
           lot ? "yes (certified point)" : "no");
    printf("summary: bm-separable | built-in | interim implementable: %s; deterministic EPIC "
           "selections: %d of %d; random selection EPIC: %s\n",
           interim ? "yes" : "no", nsel - nviol, nsel, lot ? "yes" : "no");
    printf("values: selections=%d violations=%d\n", nsel, nviol);
    return FK_OK;
}
