/* case_doval_ely.c: sequential information design (seeds/004, last part;
 * Doval and Ely 2020) for two players who each move once.
 *
 * The designer's canonical extensive form: a device draws the order of
 * moves o (o = i: player i moves first) together with a recommendation
 * r_f to the first mover; the first mover acts (x); the device then
 * recommends r_s to the second mover, and that recommendation may depend
 * on the first mover's actual action x.  A player sees only his own
 * recommendation: he is not told whether he moves first or second.
 *
 * Columns pi[o;a1,a2] >= 0: the on-path probability that o moves first and
 * the players are told (and play) a1, a2.
 *   SUM            sum pi = 1
 *   SOB[i:r>x]     sequential obedience of player i told r against x:
 *       sum_{aj} pi(o=i; r, aj) [u_i(r, aj) - dev_i(x, aj)]
 *     + sum_{aj} pi(o=j; r, aj) [u_i(r, aj) - u_i(x, aj)]   >= 0.
 * The second line is i moving second (j has played aj; i's deviation ends
 * the game).  The first line is i moving first: j has not moved, and after
 * the deviation x the device chooses j's recommendation.  It may keep the
 * recommendation aj (an on-path message, so j cannot tell and obeys it),
 * or tell j that the first mover played x, after which j plays a best
 * reply to x; the designer takes the harsher of the two,
 *     dev_i(x, aj) = min( u_i(x, aj),  min_{y in BR_j(x)} u_i(x, y) )
 * ("credible punishment").  Off-path beliefs beyond these two are not
 * used; DE_ANY replaces dev by min_y u_i(x, y), the harshest punishment
 * any belief could justify, which bounds every variant from above.  When
 * the two LPs agree (they do in the prisoners' dilemma, where the best
 * reply D is also the harshest), the value does not depend on what the
 * later mover believes after a deviation.
 *
 * Objective: max sum_o pi(o; target).  With simultaneous moves the same
 * question over all Bayes correlated equilibria (one state: correlated
 * equilibria) is case_bce_solve's LP.
 *
 * The seed's example, the prisoners' dilemma (C,C) = (g,g), (C,D) = (0,A),
 * (D,C) = (A,0), (D,D) = (b,b), A > g > b > 0: simultaneous W = 0 (D is
 * strictly dominant) and sequential V = 1 if 2g >= A + b, else V = 0
 * (docs/cases.md derives it; tests/cases/t-doval.c checks it). */
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "rat.h"

enum { DE_CREDIBLE = 0, DE_ANY = 1 };

/* u_i when i plays ai and the other plays aj (player 0 is the fast digit) */
static mpq_srcptr pay(const econ_game g, int i, int ai, int aj)
{
    long s = i == 0 ? ai + (long)g->nstrat[0] * aj : aj + (long)g->nstrat[0] * ai;
    return g->u[i][s];
}

static long prof(const econ_game g, int a1, int a2)
{
    return a1 + (long)g->nstrat[0] * a2;
}

/* j's best reply to the first mover i's action x that hurts i most (the
 * first such); its payoff to i in d */
static int punisher(mpq_t d, const econ_game g, int i, int x)
{
    int j = 1 - i, y, yb = -1;
    mpq_srcptr best = pay(g, j, 0, x);
    for (y = 1; y < g->nstrat[j]; y++)
        if (mpq_cmp(pay(g, j, y, x), best) > 0)
            best = pay(g, j, y, x);
    for (y = 0; y < g->nstrat[j]; y++)
        if (mpq_equal(pay(g, j, y, x), best) && (yb < 0 || mpq_cmp(pay(g, i, x, y), pay(g, i, x, yb)) < 0))
            yb = y;
    mpq_set(d, pay(g, i, x, yb));
    return yb;
}

/* dev_i(x, aj) of the header for the given mode */
static void dev_payoff(mpq_t d, const econ_game g, int i, int x, int aj, int mode)
{
    int y;
    if (mode == DE_ANY) {
        mpq_set(d, pay(g, i, x, 0));
        for (y = 1; y < g->nstrat[1 - i]; y++)
            if (mpq_cmp(pay(g, i, x, y), d) < 0)
                mpq_set(d, pay(g, i, x, y));
        return;
    }
    punisher(d, g, i, x);
    if (mpq_cmp(pay(g, i, x, aj), d) < 0)
        mpq_set(d, pay(g, i, x, aj));
}

/* Make p an MPS-safe part of an LP name, in place: at most 60
 * characters; blanks, '%', ',' and ';' (the separators of our names)
 * become '_'; stem = 1 also cuts at the first '.' (a file's extension). */
static void tokenize(char *p, int stem)
{
    size_t k;
    for (k = 0; p[k]; k++) {
        unsigned char c = (unsigned char)p[k];
        if (k == 60 || (stem && c == '.')) {
            p[k] = '\0';
            break;
        }
        if (c <= 0x20 || c >= 0x7f || c == '%' || c == ',' || c == ';')
            p[k] = '_';
    }
}

/* Strategy names as MPS-safe tokens for LP names (tokenize; s1, s2, ..
 * for a player whose names would then clash); *out[i][a], free with
 * free_names. */
static fk_status safe_names(char ***out, const econ_game g, fk_err *err)
{
    int i, a;
    for (i = 0; i < 2; i++) {
        out[i] = fk_calloc((size_t)g->nstrat[i], sizeof *out[i]);
        if (!out[i])
            return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        for (a = 0; a < g->nstrat[i]; a++) {
            if (!(out[i][a] = fk_strdup(g->sname[i][a][0] ? g->sname[i][a] : "_")))
                return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            tokenize(out[i][a], 0);
        }
        /* names that coincide after tokenize: number the strategies instead */
        for (a = 0; a < g->nstrat[i]; a++) {
            int a2, clash = 0;
            for (a2 = 0; a2 < a && !clash; a2++)
                clash = strcmp(out[i][a], out[i][a2]) == 0;
            if (clash) {
                for (a2 = 0; a2 < g->nstrat[i]; a2++) {
                    char buf[24];
                    snprintf(buf, sizeof buf, "s%d", a2 + 1);
                    free(out[i][a2]);
                    if (!(out[i][a2] = fk_strdup(buf)))
                        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                }
                break;
            }
        }
    }
    return FK_OK;
}

static void free_names(char ***nm, const econ_game g)
{
    int i, a;
    for (i = 0; i < 2; i++) {
        if (!nm[i])
            continue;
        for (a = 0; a < g->nstrat[i]; a++)
            free(nm[i][a]);
        free(nm[i]);
        nm[i] = NULL;
    }
}

/* The sequential LP of the header; full = 1: objective 0 and the row
 * TARGET (sum_o pi(o; target) = 1) instead of max P(target). */
static fk_status seq_build(lp_model *lp, const econ_game g, const int *t, int mode, int full,
                           char ***nm, fk_err *err)
{
    long np = g->nprof, k, r;
    int o, i, a1, a2, x, aj;
    fk_status st = FK_OK;
    mpq_t one, c, d;
    mpq_inits(one, c, d, NULL);
    mpq_set_ui(one, 1, 1);
    lp->sense = full ? LP_MIN : LP_MAX;
    for (o = 0; o < 2 && !st; o++)
        for (a2 = 0; a2 < g->nstrat[1] && !st; a2++)
            for (a1 = 0; a1 < g->nstrat[0] && !st; a1++) {
                st = econ_col(lp, &k, err, "pi[%d>%d;%s,%s]", o + 1, 2 - o, nm[0][a1], nm[1][a2]);
                if (!st && !full && a1 == t[0] && a2 == t[1])
                    lp_set_obj(lp, k, one);
            }
    /* column of (o, a1, a2) is o * np + prof(a1, a2) */
    if (!st && !(st = econ_row(lp, &r, err, "SUM"))) {
        econ_row_eq(lp, r, 1);
        for (k = 0; k < 2 * np && !st; k++)
            st = lp_add_coef(lp, r, k, one, err);
    }
    if (!st && full && !(st = econ_row(lp, &r, err, "TARGET"))) {
        econ_row_eq(lp, r, 1);
        for (o = 0; o < 2 && !st; o++)
            st = lp_add_coef(lp, r, o * np + prof(g, t[0], t[1]), one, err);
    }
    for (i = 0; i < 2 && !st; i++) {
        int j = 1 - i;
        for (a1 = 0; a1 < g->nstrat[i] && !st; a1++) /* a1 = r, i's recommendation */
            for (x = 0; x < g->nstrat[i] && !st; x++) {
                if (x == a1)
                    continue;
                if ((st = econ_row(lp, &r, err, "SOB[%d:%s>%s]", i + 1, nm[i][a1], nm[i][x])))
                    break;
                econ_row_ge(lp, r, 0);
                for (aj = 0; aj < g->nstrat[j] && !st; aj++) {
                    long s = i == 0 ? prof(g, a1, aj) : prof(g, aj, a1);
                    /* i first (o = i) */
                    dev_payoff(d, g, i, x, aj, mode);
                    mpq_sub(c, pay(g, i, a1, aj), d);
                    if (mpq_sgn(c))
                        st = lp_add_coef(lp, r, i * np + s, c, err);
                    /* i second (o = j) */
                    mpq_sub(c, pay(g, i, a1, aj), pay(g, i, x, aj));
                    if (!st && mpq_sgn(c))
                        st = lp_add_coef(lp, r, j * np + s, c, err);
                }
            }
    }
    mpq_clears(one, c, d, NULL);
    return st;
}

void case_de_res_init(case_de_res *r)
{
    memset(r, 0, sizeof *r);
    mpq_inits(r->sim, r->sim_low, r->seq, r->seq_any, NULL);
}

void case_de_res_clear(case_de_res *r)
{
    mpq_clears(r->sim, r->sim_low, r->seq, r->seq_any, NULL);
    fk_qarr_free(r->design, 2 * r->nprof);
    memset(r, 0, sizeof *r);
}

fk_status case_de_pd(econ_game g, const mpq_t A, const mpq_t gg, const mpq_t b, fk_err *err)
{
    int ns[2] = {2, 2}, i;
    fk_status st;
    if (!(mpq_cmp(A, gg) > 0 && mpq_cmp(gg, b) > 0 && mpq_sgn(b) > 0))
        return fk_fail(err, FK_EINVAL, NULL, "doval-ely: the prisoners' dilemma needs A > g > b > 0");
    if ((st = econ_game_shape(g, 2, ns, err)))
        return st;
    for (i = 0; i < 2; i++) {
        free(g->sname[i][0]);
        free(g->sname[i][1]);
        g->sname[i][0] = fk_strdup("C");
        g->sname[i][1] = fk_strdup("D");
        if (!g->sname[i][0] || !g->sname[i][1])
            return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    }
    /* s = a1 + 2 a2, C = 0 */
    mpq_set(g->u[0][0], gg);
    mpq_set(g->u[1][0], gg);
    mpq_set_ui(g->u[0][2], 0, 1); /* (C,D) */
    mpq_set(g->u[1][2], A);
    mpq_set(g->u[0][1], A);       /* (D,C) */
    mpq_set_ui(g->u[1][1], 0, 1);
    mpq_set(g->u[0][3], b);
    mpq_set(g->u[1][3], b);
    return FK_OK;
}

/* the game as a one-state base game for case_bce_solve, objective 1{target} */
static fk_status as_bgame(econ_bgame bg, const econ_game g, const int *t, char ***nm, fk_err *err)
{
    fk_status st;
    long s;
    int i, a;
    if ((st = econ_bgame_shape(bg, 2, g->nstrat, 1, NULL, err)))
        return st;
    for (i = 0; i < 2; i++)
        for (a = 0; a < g->nstrat[i]; a++) {
            free(bg->g->sname[i][a]);
            if (!(bg->g->sname[i][a] = fk_strdup(nm[i][a])))
                return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        }
    for (s = 0; s < g->nprof; s++) {
        for (i = 0; i < 2; i++)
            mpq_set(bg->u[i][s], g->u[i][s]);
        mpq_set_ui(bg->obj[s], s == prof(g, t[0], t[1]), 1);
    }
    bg->has_obj = 1;
    return FK_OK;
}

/* the optimal credible design, in words */
static void print_design(const econ_game g, const case_de_res *r)
{
    long np = g->nprof;
    int o, af, as, x;
    mpq_t po, pf, q, d;
    mpq_inits(po, pf, q, d, NULL);
    printf("optimal sequential design (recommendations are what a player is told; he is not told "
           "whether he moves first):\n");
    for (o = 0; o < 2; o++) {
        int j = 1 - o;
        long k;
        mpq_set_ui(po, 0, 1);
        for (k = 0; k < np; k++)
            mpq_add(po, po, r->design[o * np + k]);
        if (!mpq_sgn(po))
            continue;
        econ_print_q(stdout, o ? "  P(player 2 moves first)" : "  P(player 1 moves first)", po);
        for (af = 0; af < g->nstrat[o]; af++) {
            char lab[300];
            mpq_set_ui(pf, 0, 1);
            for (as = 0; as < g->nstrat[j]; as++)
                mpq_add(pf, pf, r->design[o * np + (o ? prof(g, as, af) : prof(g, af, as))]);
            if (!mpq_sgn(pf))
                continue;
            mpq_div(q, pf, po);
            snprintf(lab, sizeof lab, "    first mover %d told %s, probability", o + 1, g->sname[o][af]);
            econ_print_q(stdout, lab, q);
            for (as = 0; as < g->nstrat[j]; as++) {
                mpq_srcptr p = r->design[o * np + (o ? prof(g, as, af) : prof(g, af, as))];
                if (!mpq_sgn(p))
                    continue;
                mpq_div(q, p, pf);
                snprintf(lab, sizeof lab, "      if he plays %s: player %d told %s, probability",
                         g->sname[o][af], j + 1, g->sname[j][as]);
                econ_print_q(stdout, lab, q);
                for (x = 0; x < g->nstrat[o]; x++) {
                    int y;
                    if (x == af)
                        continue;
                    y = punisher(d, g, o, x);
                    if (mpq_cmp(pay(g, o, x, as), d) <= 0)
                        printf("        if he plays %s instead: player %d still told %s\n",
                               g->sname[o][x], j + 1, g->sname[j][as]);
                    else
                        printf("        if he plays %s instead: player %d learns it and plays %s "
                               "(a best reply to %s)\n", g->sname[o][x], j + 1, g->sname[j][y],
                               g->sname[o][x]);
                }
            }
        }
    }
    mpq_clears(po, pf, q, d, NULL);
}

fk_status case_de_solve(econ_out *o, const econ_game g, const int *t, const char *name,
                        case_de_res *r, fk_err *err)
{
    char **nm[2] = {NULL, NULL};
    char lpn[300];
    econ_bgame bg;
    fk_status st;
    int k;
    if (g->n != 2)
        return fk_fail(err, FK_EINVAL, NULL, "doval-ely: the game must have 2 players (it has %d)", g->n);
    if (t[0] < 0 || t[0] >= g->nstrat[0] || t[1] < 0 || t[1] >= g->nstrat[1])
        return fk_fail(err, FK_EINVAL, NULL, "doval-ely: target outcome out of range");
    /* sizes before allocating: 2 * profiles columns; per player n_i^2 rows
     * with up to 2 n_j entries */
    if (g->nprof > ECON_MAX_CELLS / 4 ||
        2.0 * g->nstrat[0] * g->nstrat[0] * g->nstrat[1] + 2.0 * g->nstrat[1] * g->nstrat[1] * g->nstrat[0] >
            4.0 * ECON_MAX_CELLS)
        return fk_fail(err, FK_ELIMIT, NULL, "doval-ely: game too large (%d x %d strategies)",
                       g->nstrat[0], g->nstrat[1]);
    fk_qarr_free(r->design, 2 * r->nprof);
    r->nprof = g->nprof;
    if (!(r->design = fk_qarr_new(2 * g->nprof)))
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    econ_bgame_init(bg);
    st = safe_names(nm, g, err);
    /* simultaneous moves: max and min P(target) over all BCE */
    snprintf(lpn, sizeof lpn, "%s-sim", name);
    if (!st)
        st = as_bgame(bg, g, t, nm, err);
    if (!st)
        st = case_bce_solve(o, bg, lpn, r->sim, r->sim_low, NULL, NULL, err);
    /* sequential: credible (0), any punishment (1), P(target) = 1 (2) */
    for (k = 0; k < 3 && !st; k++) {
        static const char *const suf[] = {"seq", "seq-any", "seq-full"};
        lp_model *lp = lp_new();
        lp_answer res;
        long jx;
        lp_answer_init(&res);
        snprintf(lpn, sizeof lpn, "%s-%s", name, suf[k]);
        if (!lp)
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        if (!st)
            st = seq_build(lp, g, t, k == 1 ? DE_ANY : DE_CREDIBLE, k == 2, nm, err);
        if (!st)
            st = econ_solve_certify(o, lp, lpn, &res, err);
        /* every correlated equilibrium, played with player 1 first, is
         * sequentially obedient (dev <= u_i(x, aj)), so k < 2 is feasible */
        if (!st && k < 2 && res.status != LP_OPTIMAL)
            st = fk_fail(err, FK_ELIMIT, NULL, "%s: LP %s", lpn, lp_status_str(res.status));
        if (!st && k == 2 && res.status == LP_UNBOUNDED)
            st = fk_fail(err, FK_ELIMIT, NULL, "%s: LP unbounded", lpn);
        if (!st) {
            if (k == 0) {
                mpq_set(r->seq, res.objval);
                for (jx = 0; jx < 2 * g->nprof; jx++)
                    mpq_set(r->design[jx], res.x[jx]);
            } else if (k == 1) {
                mpq_set(r->seq_any, res.objval);
            } else {
                r->full = res.status == LP_OPTIMAL;
            }
            if (o->quiet < 2 && k < 2) {
                printf("%s: max P(target) over sequentially obedient designs (%s punishments)\n", lpn,
                       k ? "any" : "credible");
                econ_print_q(stdout, "value", res.objval);
                if (o->quiet < 1) {
                    printf("  dual multipliers (nonzero; they bound P(target) over every design):\n");
                    for (jx = 0; jx < lp->m; jx++)
                        if (mpq_sgn(res.y[jx]))
                            econ_print_q(stdout, lp->rname[jx], res.y[jx]);
                }
            }
            if (o->quiet < 2 && k == 2)
                printf("%s: a design reaching the target with probability 1 %s\n", lpn,
                       r->full ? "exists (the certificate's point is one)"
                               : "does not exist (Farkas certificate)");
        }
        lp_answer_clear(&res);
        lp_free(lp);
    }
    if (!st && o->quiet < 2)
        print_design(g, r);
    free_names(nm, g);
    econ_bgame_clear(bg);
    return st;
}

static fk_status qarg(mpq_t q, const char *s, const char *opt, fk_err *err)
{
    if (rat_set_str(q, s, strlen(s), NULL) != RAT_OK)
        return fk_fail(err, FK_EINVAL, NULL, "doval-ely: bad number '%s' for %s", s, opt);
    return FK_OK;
}

/* "ROW,COL": strategy names or 1-based numbers */
static fk_status parse_outcome(int *t, const econ_game g, const char *s, fk_err *err)
{
    const char *comma = strchr(s, ',');
    int i;
    if (!comma || strchr(comma + 1, ','))
        return fk_fail(err, FK_EINVAL, NULL, "doval-ely: --outcome wants ROW,COL, got '%s'", s);
    for (i = 0; i < 2; i++) {
        const char *p = i ? comma + 1 : s;
        size_t len = i ? strlen(p) : (size_t)(comma - s);
        int a;
        char *end;
        long v;
        t[i] = -1;
        for (a = 0; a < g->nstrat[i] && t[i] < 0; a++)
            if (strlen(g->sname[i][a]) == len && strncmp(g->sname[i][a], p, len) == 0)
                t[i] = a;
        if (t[i] < 0 && len > 0 && len < 10) {
            v = strtol(p, &end, 10);
            if (end == p + len && v >= 1 && v <= g->nstrat[i])
                t[i] = (int)v - 1;
        }
        if (t[i] < 0)
            return fk_fail(err, FK_EINVAL, NULL,
                           "doval-ely: --outcome: '%.*s' is no strategy of player %d (name or 1..%d)",
                           (int)len, p, i + 1, g->nstrat[i]);
    }
    return FK_OK;
}

fk_status case_doval_ely(econ_out *o, int argc, char **argv, fk_err *err)
{
    econ_game g;
    case_de_res r;
    mpq_t A, gg, b, th, gap;
    const char *nfg = NULL, *outc = NULL;
    char *sA = NULL, *sg = NULL, *sb = NULL;
    int k, t[2] = {0, 0}, pdargs = 0;
    fk_status st = FK_OK;
    char nm[200];
    econ_game_init(g);
    case_de_res_init(&r);
    mpq_inits(A, gg, b, th, gap, NULL);
    mpq_set_ui(A, 3, 1);
    mpq_set_ui(gg, 5, 2);
    mpq_set_ui(b, 1, 1);
    for (k = 0; k < argc && !st; k++) {
        const char *a = argv[k];
        mpq_ptr dst = strcmp(a, "--A") == 0 ? A : strcmp(a, "--g") == 0 ? gg : strcmp(a, "--b") == 0 ? b : NULL;
        if (k + 1 >= argc || (!dst && strcmp(a, "--nfg") && strcmp(a, "--outcome")))
            st = fk_fail(err, FK_EINVAL, NULL, "doval-ely: unknown or incomplete argument '%s'", a);
        else if (dst) {
            pdargs = 1;
            st = qarg(dst, argv[++k], a, err);
        }
        else if (strcmp(a, "--nfg") == 0)
            nfg = argv[++k];
        else
            outc = argv[++k];
    }
    if (!st && nfg && pdargs)
        st = fk_fail(err, FK_EINVAL, NULL, "doval-ely: --A/--g/--b describe the built-in game; not with --nfg");
    if (!st && nfg && !outc)
        st = fk_fail(err, FK_EINVAL, NULL, "doval-ely: --nfg needs --outcome ROW,COL (strategy names or numbers)");
    if (st)
        goto done;
    if (nfg) {
        const char *base = strrchr(nfg, '/');
        if ((st = econ_game_read_nfg(g, nfg, err)))
            goto done;
        if (g->n != 2) {
            st = fk_fail(err, FK_EINVAL, NULL, "doval-ely: %s has %d players; the case needs 2", nfg, g->n);
            goto done;
        }
        snprintf(nm, sizeof nm, "doval-ely-%s", base ? base + 1 : nfg);
        tokenize(nm + 10, 1);
    } else {
        if ((st = case_de_pd(g, A, gg, b, err)))
            goto done;
        snprintf(nm, sizeof nm, "doval-ely-pd");
    }
    if (outc && (st = parse_outcome(t, g, outc, err)))
        goto done;
    sA = econ_qstr(A);
    sg = econ_qstr(gg);
    sb = econ_qstr(b);
    {
        if (nfg)
            printf("doval-ely: %s (%d x %d), target outcome (%s,%s)\n", nfg, g->nstrat[0], g->nstrat[1],
                   g->sname[0][t[0]], g->sname[1][t[1]]);
        else
            printf("doval-ely: prisoners' dilemma (C,C) = (g,g), (C,D) = (0,A), (D,C) = (A,0), (D,D) = (b,b); "
                   "A = %s, g = %s, b = %s; target (%s,%s)\n", sA, sg, sb, g->sname[0][t[0]], g->sname[1][t[1]]);
    }
    if ((st = case_de_solve(o, g, t, nm, &r, err)))
        goto done;
    {
        char tg[300], *sw = econ_qstr(r.sim), *sl = econ_qstr(r.sim_low), *sv = econ_qstr(r.seq),
             *sa = econ_qstr(r.seq_any);
        snprintf(tg, sizeof tg, "(%s,%s)", g->sname[0][t[0]], g->sname[1][t[1]]);
        printf("\nverdict table (doval-ely)\n");
        printf("simultaneous: max P%s = %s   (over all BCE; certified optimum; min over BCE %s)\n", tg, sw, sl);
        printf("sequential: max P%s = %s   (credible punishments; certified optimum)\n", tg, sv);
        printf("  with any punishment (upper bound over off-path beliefs): %s%s\n", sa,
               mpq_equal(r.seq, r.seq_any) ? " -- equal: the value does not depend on them" : "");
        printf("  target with probability 1: %s\n", r.full ? "yes (design certified as a feasible point)"
                                                            : "no (Farkas certificate)");
        if (!nfg) {
            /* threshold derived in docs/cases.md: V = 1 iff 2g >= A + b, else 0 */
            char *st1, *st2;
            int above;
            mpq_add(th, A, b);
            mpq_div_2exp(th, th, 1);
            mpq_sub(gap, gg, th);
            above = mpq_sgn(gap) >= 0;
            st1 = econ_qstr(th);
            st2 = econ_qstr(gap);
            printf("threshold: (C,C) is reached with probability 1 iff g >= (A + b)/2 = %s "
                   "(else max P(C,C) = 0); here g - (A + b)/2 = %s: %s\n", st1, st2,
                   mpq_sgn(gap) > 0 ? "above" : mpq_sgn(gap) == 0 ? "on the threshold" : "below");
            if (above) {
                /* with all mass on (C,C): x1 (g - b) >= (1 - x1)(A - g) for player 1, the
                 * mirror image for player 2 (docs/cases.md) */
                mpq_t lo, hi, den;
                char *s1, *s2;
                mpq_inits(lo, hi, den, NULL);
                mpq_sub(den, A, b);
                mpq_sub(lo, A, gg);
                mpq_div(lo, lo, den);
                mpq_sub(hi, gg, b);
                mpq_div(hi, hi, den);
                s1 = econ_qstr(lo);
                s2 = econ_qstr(hi);
                printf("  designs reaching (C,C) w.p. 1: exactly those with P(player 1 moves first) in "
                       "[(A-g)/(A-b), (g-b)/(A-b)] = [%s, %s] (the seed's fair coin 1/2 among them)\n", s1, s2);
                free(s1);
                free(s2);
                mpq_clears(lo, hi, den, NULL);
            }
            printf("  closed form W = 0, V = %d: %s\n", above,
                   mpq_sgn(r.sim) == 0 && mpq_cmp_ui(r.seq, (unsigned long)above, 1) == 0 &&
                           r.full == above ? "equal" : "DIFFERENT");
            if (!(mpq_sgn(r.sim) == 0 && mpq_cmp_ui(r.seq, (unsigned long)above, 1) == 0 && r.full == above))
                st = fk_fail(err, FK_ELIMIT, NULL, "doval-ely: LP values differ from the closed form");
            printf("summary: doval-ely | PD A=%s g=%s b=%s | sequential max P(C,C) = %s, simultaneous %s "
                   "(g %s (A+b)/2)\n", sA, sg, sb, sv, sw, above ? ">=" : "<");
            printf("values: W=%s V=%s V_any=%s threshold_g=%s\n", sw, sv, sa, st1);
            free(st1);
            free(st2);
        } else {
            printf("summary: doval-ely | %s target %s | sequential max P = %s, simultaneous %s\n", nfg, tg, sv, sw);
            printf("values: W=%s V=%s V_any=%s\n", sw, sv, sa);
        }
        free(sw);
        free(sl);
        free(sv);
        free(sa);
    }
done:
    free(sA);
    free(sg);
    free(sb);
    mpq_clears(A, gg, b, th, gap, NULL);
    case_de_res_clear(&r);
    econ_game_clear(g);
    return st;
}
