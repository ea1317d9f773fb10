/* case_minmax.c: minmax and maxmin values of a finite game, per player.
 *
 * For player i, with S_i his pure strategies and S_-i the others' pure
 * profiles:
 *   pure maxmin   max_{s_i} min_{s_-i} u_i        (a finite enumeration)
 *   pure minmax   min_{s_-i} max_{s_i} u_i
 *   mixed maxmin  LP "maxmin":   max v  s.t.  GUAR[s_-i]: sum_si x(si) u_i(si,s_-i) - v >= 0,
 *                                             PROB: sum x = 1, x >= 0, v free
 *   corr. minmax  LP "minmax":   min w  s.t.  BR[si]: w - sum_{s_-i} z(s_-i) u_i(si,s_-i) >= 0,
 *                                             PROB: sum z = 1, z >= 0, w free
 * Against a mixed x the worst punishment is pure, so "maxmin" is i's
 * mixed maxmin even though the others may correlate; "minmax" lets the
 * punishers correlate.  The two LPs are dual to each other, so their
 * values agree (von Neumann); the case solves both independently and
 * reports the exact gap, which must be 0.  Always
 *   pure maxmin <= mixed maxmin = correlated minmax <= pure minmax,
 * and the independent mixed minmax (not an LP for n >= 3) lies between
 * correlated and pure minmax.  For two players "minmax" is the opponent's
 * mixed minmax, and the certificate of "maxmin" holds both optimal
 * strategies: x is i's, the duals y on GUAR rows are the opponent's. */
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "minmax_prf.h"

void case_minmax_vals_init(case_minmax_vals *v)
{
    mpq_init(v->pure_minmax);
    mpq_init(v->pure_maxmin);
    mpq_init(v->mixed_maxmin);
    mpq_init(v->corr_minmax);
}

void case_minmax_vals_clear(case_minmax_vals *v)
{
    mpq_clear(v->pure_minmax);
    mpq_clear(v->pure_maxmin);
    mpq_clear(v->mixed_maxmin);
    mpq_clear(v->corr_minmax);
}

/* The others' profiles are the profiles with s_i = 0. */
static void pure_values(const econ_game g, int i, case_minmax_vals *v)
{
    long s;
    int a, first = 1;
    /* pure minmax */
    for (s = 0; s < g->nprof; s++) {
        mpq_srcptr best;
        if (econ_strat_of(g, s, i) != 0)
            continue;
        best = g->u[i][s];
        for (a = 1; a < g->nstrat[i]; a++) {
            mpq_srcptr u = g->u[i][econ_strat_with(g, s, i, a)];
            if (mpq_cmp(u, best) > 0)
                best = u;
        }
        if (first || mpq_cmp(best, v->pure_minmax) < 0)
            mpq_set(v->pure_minmax, best);
        first = 0;
    }
    /* pure maxmin */
    for (a = 0; a < g->nstrat[i]; a++) {
        mpq_srcptr worst = NULL;
        for (s = 0; s < g->nprof; s++)
            if (econ_strat_of(g, s, i) == a && (!worst || mpq_cmp(g->u[i][s], worst) < 0))
                worst = g->u[i][s];
        if (a == 0 || mpq_cmp(worst, v->pure_maxmin) > 0)
            mpq_set(v->pure_maxmin, worst);
    }
}

/* "2.1.3": the others' strategy numbers (1-based) in profile s. */
static const char *others(const econ_game g, long s, int i, char *buf, size_t len)
{
    size_t used = 0;
    int j;
    buf[0] = '\0';
    for (j = 0; j < g->n && used < len; j++) {
        int w;
        if (j == i)
            continue;
        w = snprintf(buf + used, len - used, "%s%d", used ? "." : "", econ_strat_of(g, s, j) + 1);
        if (w < 0)
            break;
        used += (size_t)w;
    }
    if (!buf[0])
        snprintf(buf, len, "none");
    return buf;
}

static void print_mix(const char *who, const econ_game g, int i, const lp_answer *res,
                      const long *col, int dual, const lp_model *lp)
{
    char lab[300], ob[200];
    long s;
    int a;
    printf("  %s:\n", who);
    if (!dual) {
        for (a = 0; a < g->nstrat[i]; a++)
            if (mpq_sgn(res->x[col[a]])) {
                snprintf(lab, sizeof lab, "%s", g->sname[i][a]);
                econ_print_q(stdout, lab, res->x[col[a]]);
            }
        return;
    }
    /* duals on GUAR rows (minimisation convention: the LP is a max, so the
     * duals of >= rows come back <= 0; the weights are their negatives) */
    for (s = 0; s < g->nprof; s++) {
        mpq_t w;
        if (econ_strat_of(g, s, i) != 0 || col[s] < 0 || mpq_sgn(res->y[col[s]]) == 0)
            continue;
        mpq_init(w);
        mpq_abs(w, res->y[col[s]]);
        snprintf(lab, sizeof lab, "%s", lp->rname[col[s]]);
        (void)ob;
        econ_print_q(stdout, lab, w);
        mpq_clear(w);
    }
}

fk_status case_minmax_player(econ_out *o, const econ_game g, int i,
                             const char *name, case_minmax_vals *v,
                             fk_err *err)
{
    lp_model *a = lp_new(), *b = lp_new();
    long *xcol = NULL, *grow = NULL, *zcol = NULL, *brow = NULL, vcol, wcol, prob, s;
    minmax_prf pa, pb; /* the appendices' economic parts (minmax_prf.h) */
    prf_econ ea, eb;
    char nm[300], ob[200];
    lp_answer ra, rb;
    fk_status st = FK_OK;
    mpq_t one, neg;
    int k;
    lp_answer_init(&ra);
    lp_answer_init(&rb);
    mpq_init(one);
    mpq_init(neg);
    mpq_set_ui(one, 1, 1);
    xcol = fk_calloc((size_t)g->nstrat[i], sizeof *xcol);
    grow = fk_calloc((size_t)g->nprof, sizeof *grow);
    zcol = fk_calloc((size_t)g->nprof, sizeof *zcol);
    brow = fk_calloc((size_t)g->nstrat[i], sizeof *brow);
    if (!a || !b || !xcol || !grow || !zcol || !brow) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    pure_values(g, i, v);

    /* maxmin: max v */
    a->sense = LP_MAX;
    for (k = 0; k < g->nstrat[i] && !st; k++)
        st = econ_col(a, &xcol[k], err, "x[%d]", k + 1);
    if (st || (st = econ_col(a, &vcol, err, "v")) || (st = econ_row(a, &prob, err, "PROB")))
        goto done;
    econ_col_free(a, vcol);
    lp_set_obj(a, vcol, one);
    econ_row_eq(a, prob, 1);
    for (k = 0; k < g->nstrat[i] && !st; k++)
        st = lp_add_coef(a, prob, xcol[k], one, err);
    mpq_set_si(neg, -1, 1);
    for (s = 0; s < g->nprof && !st; s++) {
        grow[s] = -1;
        if (econ_strat_of(g, s, i) != 0)
            continue;
        st = econ_row(a, &grow[s], err, "GUAR[%s]", others(g, s, i, ob, sizeof ob));
        if (st)
            break;
        econ_row_ge(a, grow[s], 0);
        st = lp_add_coef(a, grow[s], vcol, neg, err);
        for (k = 0; k < g->nstrat[i] && !st; k++)
            st = lp_add_coef(a, grow[s], xcol[k], g->u[i][econ_strat_with(g, s, i, k)], err);
    }
    snprintf(nm, sizeof nm, "%s-p%d-maxmin", name, i + 1);
    pa = (minmax_prf){g, i, 0, xcol, grow};
    o->econ = minmax_prf_econ(&ea, &pa);
    if (st || (st = econ_solve_certify(o, a, nm, &ra, err)))
        goto done;
    if (ra.status != LP_OPTIMAL) {
        st = fk_fail(err, FK_EINVAL, NULL, "%s: LP %s (cannot happen for a finite game)", nm,
                     lp_status_str(ra.status));
        goto done;
    }
    mpq_set(v->mixed_maxmin, ra.objval);

    /* correlated minmax: min w */
    for (s = 0; s < g->nprof && !st; s++) {
        zcol[s] = -1;
        if (econ_strat_of(g, s, i) == 0)
            st = econ_col(b, &zcol[s], err, "z[%s]", others(g, s, i, ob, sizeof ob));
    }
    if (st || (st = econ_col(b, &wcol, err, "w")) || (st = econ_row(b, &prob, err, "PROB")))
        goto done;
    econ_col_free(b, wcol);
    lp_set_obj(b, wcol, one);
    econ_row_eq(b, prob, 1);
    for (s = 0; s < g->nprof && !st; s++)
        if (zcol[s] >= 0)
            st = lp_add_coef(b, prob, zcol[s], one, err);
    for (k = 0; k < g->nstrat[i] && !st; k++) {
        long r;
        st = econ_row(b, &r, err, "BR[%d]", k + 1);
        if (st)
            break;
        brow[k] = r;
        econ_row_ge(b, r, 0);
        st = lp_add_coef(b, r, wcol, one, err);
        for (s = 0; s < g->nprof && !st; s++)
            if (zcol[s] >= 0) {
                mpq_neg(neg, g->u[i][econ_strat_with(g, s, i, k)]);
                st = lp_add_coef(b, r, zcol[s], neg, err);
            }
    }
    snprintf(nm, sizeof nm, "%s-p%d-corrminmax", name, i + 1);
    pb = (minmax_prf){g, i, 1, brow, zcol};
    o->econ = minmax_prf_econ(&eb, &pb);
    if (st || (st = econ_solve_certify(o, b, nm, &rb, err)))
        goto done;
    if (rb.status != LP_OPTIMAL) {
        st = fk_fail(err, FK_EINVAL, NULL, "%s: LP %s (cannot happen for a finite game)", nm,
                     lp_status_str(rb.status));
        goto done;
    }
    mpq_set(v->corr_minmax, rb.objval);

    if (o->quiet < 2) {
        printf("player %d (%s):\n", i + 1, g->pname[i]);
        econ_print_q(stdout, "pure maxmin", v->pure_maxmin);
        econ_print_q(stdout, "mixed maxmin (LP)", v->mixed_maxmin);
        econ_print_q(stdout, g->n == 2 ? "mixed minmax (LP)" : "correlated minmax (LP)", v->corr_minmax);
        econ_print_q(stdout, "pure minmax", v->pure_minmax);
        print_mix("optimal guarantee strategy x (maxmin LP primal)", g, i, &ra, xcol, 0, a);
        print_mix(g->n == 2 ? "opponent's optimal punishment (maxmin LP duals on GUAR[others])"
                            : "optimal correlated punishment (maxmin LP duals on GUAR[others])",
                  g, i, &ra, grow, 1, a);
    }
done:
    free(xcol);
    free(grow);
    free(zcol);
    free(brow);
    o->econ = NULL;
    mpq_clear(one);
    mpq_clear(neg);
    lp_answer_clear(&ra);
    lp_answer_clear(&rb);
    lp_free(a);
    lp_free(b);
    return st;
}

/* Matching pennies, the built-in default. */
static fk_status pennies(econ_game g, fk_err *err)
{
    const int ns[2] = {2, 2};
    static const int u1[4] = {1, -1, -1, 1}; /* (H,H) (T,H) (H,T) (T,T) */
    fk_status st = econ_game_shape(g, 2, ns, err);
    long s;
    int i;
    if (st)
        return st;
    for (s = 0; s < 4; s++) {
        mpq_set_si(g->u[0][s], u1[s], 1);
        mpq_set_si(g->u[1][s], -u1[s], 1);
    }
    for (i = 0; i < 2; i++) {
        char *h = fk_strdup("H"), *t = fk_strdup("T");
        if (!h || !t) {
            free(h);
            free(t);
            return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        }
        free(g->sname[i][0]);
        free(g->sname[i][1]);
        g->sname[i][0] = h;
        g->sname[i][1] = t;
    }
    return FK_OK;
}

static void stem(char *buf, size_t len, const char *file)
{
    const char *b = strrchr(file, '/');
    size_t k, n;
    b = b ? b + 1 : file;
    snprintf(buf, len, "minmax-%s", b);
    n = strlen(buf);
    for (k = 7; k < n; k++) {
        if (buf[k] == '.') {
            buf[k] = '\0';
            break;
        }
        if (!((buf[k] >= 'a' && buf[k] <= 'z') || (buf[k] >= 'A' && buf[k] <= 'Z') ||
              (buf[k] >= '0' && buf[k] <= '9') || buf[k] == '-'))
            buf[k] = '_';
    }
}

fk_status case_minmax(econ_out *o, int argc, char **argv, fk_err *err)
{
    econ_game g;
    case_minmax_vals *v = NULL;
    char name[300], *s1, *s2, *s3, *s4;
    fk_status st = FK_OK;
    int i, ngap = 0;
    econ_game_init(g);
    if (argc > 1 || (argc == 1 && argv[0][0] == '-' && argv[0][1]))
        return fk_fail(err, FK_EINVAL, NULL, "minmax: usage: farkas case minmax [GAME.nfg]");
    if (argc == 1) {
        st = econ_game_read_nfg(g, argv[0], err);
        stem(name, sizeof name, argv[0]);
    } else {
        st = pennies(g, err);
        snprintf(name, sizeof name, "minmax-pennies");
    }
    if (st)
        goto done;
    printf("minmax: %s, %d players\n", argc ? argv[0] : "matching pennies (built in)", g->n);
    v = fk_calloc((size_t)g->n, sizeof *v);
    if (!v) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    for (i = 0; i < g->n; i++)
        case_minmax_vals_init(&v[i]);
    for (i = 0; i < g->n && !st; i++)
        st = case_minmax_player(o, g, i, name, &v[i], err);
    if (st)
        goto done;
    printf("\nverdict table (minmax)\n  %-8s %-14s %-14s %-14s %-14s %s\n", "player", "pure maxmin",
           "mixed maxmin", g->n == 2 ? "mixed minmax" : "corr. minmax", "pure minmax", "gaps");
    for (i = 0; i < g->n; i++) {
        mpq_t d1, d2, d3;
        int eq;
        mpq_init(d1);
        mpq_init(d2);
        mpq_init(d3);
        mpq_sub(d1, v[i].mixed_maxmin, v[i].pure_maxmin);
        mpq_sub(d2, v[i].corr_minmax, v[i].mixed_maxmin);
        mpq_sub(d3, v[i].pure_minmax, v[i].corr_minmax);
        eq = mpq_sgn(d2) == 0;
        if (!eq || mpq_sgn(d1) < 0 || mpq_sgn(d3) < 0)
            ngap++;
        s1 = econ_qstr(v[i].pure_maxmin);
        s2 = econ_qstr(v[i].mixed_maxmin);
        s3 = econ_qstr(v[i].corr_minmax);
        s4 = econ_qstr(v[i].pure_minmax);
        printf("  %-8d %-14s %-14s %-14s %-14s", i + 1, s1, s2, s3, s4);
        free(s1), free(s2), free(s3), free(s4);
        s1 = econ_qstr(d1);
        s2 = econ_qstr(d2);
        s3 = econ_qstr(d3);
        printf(" mixing gains %s, duality gap %s, pure minmax - corr. %s\n", s1, s2, s3);
        free(s1), free(s2), free(s3);
        s1 = econ_qstr(v[i].pure_maxmin);
        s2 = econ_qstr(v[i].mixed_maxmin);
        s3 = econ_qstr(v[i].pure_minmax);
        printf("values: p%d pure_maxmin=%s mixed=%s pure_minmax=%s\n", i + 1, s1, s2, s3);
        free(s1), free(s2), free(s3);
        mpq_clear(d1);
        mpq_clear(d2);
        mpq_clear(d3);
    }
    if (ngap) {
        st = fk_fail(err, FK_EINVAL, NULL, "minmax: %d player(s) violate pure maxmin <= mixed maxmin = corr. minmax <= pure minmax", ngap);
        goto done;
    }
    printf("summary: minmax | %s | pure maxmin <= mixed maxmin = %s minmax <= pure minmax for all %d players\n",
           argc ? argv[0] : "pennies", g->n == 2 ? "mixed" : "correlated", g->n);
done:
    if (v)
        for (i = 0; i < g->n; i++)
            case_minmax_vals_clear(&v[i]);
    free(v);
    econ_game_clear(g);
    return st;
}
