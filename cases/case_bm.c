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
 * certifies that point too. */
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "rat.h"

/* payoff u[i][x][th1][th2], x = a, b, c; th = 0 (th), 1 (th') */
static const int BM_U[2][3][2][2] = {
    {{{1, -1}, {0, 0}}, {{-1, 1}, {0, 0}}, {{0, 0}, {1, 1}}},
    {{{0, 2}, {0, 0}}, {{2, 0}, {0, 0}}, {{0, 0}, {1, 1}}}};
static const char BM_X[3] = {'a', 'b', 'c'};

static int bm_allowed(int x, int th1)
{
    return th1 == 0 ? x != 2 : x == 2;
}

/* IIC LP on a KPT type space ts (one state; ptype[i][k] = payoff type),
 * with the point "player 1 chooses" certified. */
static fk_status bm_interim(econ_out *o, const econ_tspace ts, int *const *ptype,
                            const char *name, int *ok, fk_err *err)
{
    lp_model *lp = lp_new();
    long np = ts->nprof, p, r, *col = fk_calloc((size_t)(np * 3), sizeof *col);
    mpq_t *x = NULL, c, one;
    char pb[256];
    fk_status st = FK_OK;
    int i, a, b, xx;
    econ_dev dv;
    mpq_inits(c, one, NULL);
    mpq_set_ui(one, 1, 1);
    if (!lp || !col) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    for (p = 0; p < np * 3; p++)
        col[p] = -1;
    for (p = 0; p < np && !st; p++) {
        int th1 = ptype[0][econ_type_of(ts, p, 0)];
        for (xx = 0; xx < 3 && !st; xx++)
            if (bm_allowed(xx, th1))
                st = econ_col(lp, &col[p * 3 + xx], err, "g[%c|%s]", BM_X[xx],
                              econ_prof_str(ts, p, pb, sizeof pb));
        if (!st && !(st = econ_row(lp, &r, err, "SUM[%s]", pb))) {
            econ_row_eq(lp, r, 1);
            for (xx = 0; xx < 3 && !st; xx++)
                if (col[p * 3 + xx] >= 0)
                    st = lp_add_coef(lp, r, col[p * 3 + xx], one, err);
        }
    }
    for (econ_dev_start(&dv, 2, ts->ntypes); econ_dev_ok(&dv) && !st; econ_dev_next(&dv)) {
        i = dv.i;
        a = dv.a;
        b = dv.b;
        if ((st = econ_row(lp, &r, err, "IIC[%d:%s->%s]", i + 1, ts->type[i][a], ts->type[i][b])))
            break;
        econ_row_ge(lp, r, 0);
        for (p = 0; p < np && !st; p++) {
            long pb2;
            int th1, th2;
            if (econ_type_of(ts, p, i) != a || mpq_sgn(ts->bel[i][p]) == 0)
                continue;
            th1 = ptype[0][econ_type_of(ts, p, 0)];
            th2 = ptype[1][econ_type_of(ts, p, 1)];
            pb2 = econ_prof_with(ts, p, i, b);
            for (xx = 0; xx < 3 && !st; xx++) {
                mpq_set_si(c, BM_U[i][xx][th1][th2], 1);
                mpq_mul(c, c, ts->bel[i][p]);
                if (col[p * 3 + xx] >= 0)
                    st = lp_add_coef(lp, r, col[p * 3 + xx], c, err);
                mpq_neg(c, c);
                if (!st && col[pb2 * 3 + xx] >= 0)
                    st = lp_add_coef(lp, r, col[pb2 * 3 + xx], c, err);
            }
        }
    }
    if (st)
        goto done;
    /* the mechanism: c at th1p; else a if player 1's expected u(a) >= u(b) */
    x = fk_qarr_new(lp->n);
    if (!x) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
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
        mpq_set_ui(x[col[p * 3 + pick]], 1, 1);
        if (o->quiet < 1)
            printf("  %s: f(%s) = %c\n", name, econ_prof_str(ts, p, pb, sizeof pb), BM_X[pick]);
    }
    {
        int before = o->nbad;
        st = econ_point_certify(o, lp, name, x, err);
        *ok = !st && o->nbad == before;
    }
done:
    fk_qarr_free(x, lp ? lp->n : 0);
    free(col);
    mpq_clears(c, one, NULL);
    lp_free(lp);
    return st;
}

/* The EPIC LP over lotteries g[x|th1,th2]; sel >= 0: selection number sel
 * (bit k: a or b at (th1, th2 = k)) with columns fixed; sel < 0: free,
 * and the point 1/2 a + 1/2 b certified instead of solving. */
static fk_status bm_expost(econ_out *o, int sel, const char *name, int *feasible,
                           fk_err *err)
{
    static const char *tn[2][2] = {{"th1", "th1p"}, {"th2", "th2p"}};
    lp_model *lp = lp_new();
    long col[2][2][3], r;
    mpq_t c, one, *x = NULL;
    lp_answer res;
    fk_status st = FK_OK;
    int t1, t2, xx, i, d;
    econ_dev dv;
    mpq_inits(c, one, NULL);
    mpq_set_ui(one, 1, 1);
    lp_answer_init(&res);
    if (!lp) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    for (t1 = 0; t1 < 2 && !st; t1++)
        for (t2 = 0; t2 < 2 && !st; t2++) {
            for (xx = 0; xx < 3 && !st; xx++) {
                col[t1][t2][xx] = -1;
                if (!bm_allowed(xx, t1))
                    continue;
                if ((st = econ_col(lp, &col[t1][t2][xx], err, "g[%c|%s,%s]", BM_X[xx], tn[0][t1], tn[1][t2])))
                    break;
                if (sel >= 0) {
                    int want = t1 == 1 ? xx == 2 : xx == ((sel >> t2) & 1);
                    mpq_set_ui(c, (unsigned long)want, 1);
                    lp_set_col_lo(lp, col[t1][t2][xx], c);
                    lp_set_col_hi(lp, col[t1][t2][xx], c);
                }
            }
            if (!st && !(st = econ_row(lp, &r, err, "SUM[%s,%s]", tn[0][t1], tn[1][t2]))) {
                econ_row_eq(lp, r, 1);
                for (xx = 0; xx < 3 && !st; xx++)
                    if (col[t1][t2][xx] >= 0)
                        st = lp_add_coef(lp, r, col[t1][t2][xx], one, err);
            }
        }
    /* EP[i:true state->misreport]: u_i(g(th), th) >= u_i(g(th_i', th_-i), th) */
    for (i = 0; i < 2 && !st; i++)
        for (t1 = 0; t1 < 2 && !st; t1++)
            for (t2 = 0; t2 < 2 && !st; t2++)
                for (econ_dev_reports(&dv, i == 0 ? t1 : t2, 2); econ_dev_ok(&dv) && !st;
                     econ_dev_next(&dv)) {
                    int m1 = i == 0 ? dv.b : t1, m2 = i == 1 ? dv.b : t2;
                    if ((st = econ_row(lp, &r, err, "EP[%d:%s,%s->%s]", i + 1, tn[0][t1], tn[1][t2],
                                       tn[i][i == 0 ? m1 : m2])))
                        break;
                    econ_row_ge(lp, r, 0);
                    for (xx = 0; xx < 3 && !st; xx++)
                        for (d = 0; d < 2 && !st; d++) {
                            long cc = d ? col[m1][m2][xx] : col[t1][t2][xx];
                            if (cc < 0)
                                continue;
                            mpq_set_si(c, d ? -BM_U[i][xx][t1][t2] : BM_U[i][xx][t1][t2], 1);
                            st = lp_add_coef(lp, r, cc, c, err);
                        }
                }
    if (st)
        goto done;
    if (sel >= 0) {
        if ((st = econ_solve_certify(o, lp, name, &res, err)))
            goto done;
        *feasible = res.status == LP_OPTIMAL;
    } else {
        if (!(x = fk_qarr_new(lp->n))) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            goto done;
        }
        for (t2 = 0; t2 < 2; t2++) {
            mpq_set_ui(x[col[0][t2][0]], 1, 2);
            mpq_set_ui(x[col[0][t2][1]], 1, 2);
            mpq_set_ui(x[col[1][t2][2]], 1, 1);
        }
        {
            int before = o->nbad;
            st = econ_point_certify(o, lp, name, x, err);
            *feasible = !st && o->nbad == before;
        }
    }
done:
    fk_qarr_free(x, lp ? lp->n : 0);
    lp_answer_clear(&res);
    mpq_clears(c, one, NULL);
    lp_free(lp);
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
        (st = bm_interim(o, ts, pta, "bm-interim-A", &okA, err)))
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
        (st = bm_interim(o, ts, ptb, "bm-interim-B", &okB, err)))
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
        snprintf(nm, sizeof nm, "bm-select-%c%c", BM_X[sel & 1], BM_X[(sel >> 1) & 1]);
        if ((st = bm_expost(o, sel, nm, &feas, err)))
            return st;
        (*nselect)++;
        *nviol += !feas;
        if (o->quiet < 2)
            printf("  selection f(th1,th2) = %c, f(th1,th2p) = %c, f(th1p,.) = c: %s\n",
                   BM_X[sel & 1], BM_X[(sel >> 1) & 1],
                   feas ? "ex post IC" : "NOT ex post IC (Farkas certificate)");
    }
    if ((st = bm_expost(o, -1, "bm-lottery", lottery_epic, err)))
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
