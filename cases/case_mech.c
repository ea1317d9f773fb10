/* case_mech.c: competing mechanisms with three agents (Peters' essay,
 * seeds/000): the Szentes (2010) and Yamashita (2010) examples.
 *
 * Two principals choose actions a1 in {Up, Down} and a2 in {Left, Right}.
 * Three agents send each principal a binary message.  A principal's
 * contract maps the three messages he receives to his action: 2^(2^3) =
 * 256 deterministic contracts; "majority" follows the majority message.
 * An agent's action is a pair (message to 1, message to 2): 4 actions,
 * 64 agent profiles.  Agents share one payoff u_A(a1, a2).
 *
 * A deviation of principal k to contract c is PUNISHED to level L when the
 * agents' continuation game (k uses c, the other principal majority) has
 * an equilibrium giving k at most L.  We search the 64 pure profiles for
 * a pure Nash equilibrium minimising k's payoff (the finite enumeration),
 * and certify the result as an LP: one block per deviation, columns
 * x(m) >= 0 over agent profiles m,
 *     PROB[..]       sum_m x(m) = 1
 *     PUN[..]        sum_m x(m) u_k(outcome(m)) <= L
 *     OB[..:j:r>r']  sum_{m: m_j = r} x(m) [u_A(m) - u_A(r', m_-j)] >= 0
 * (obedience: the correlated-equilibrium constraints).  The witness x is
 * the point mass on the pure equilibrium found, so the checker's
 * verification of every OB row is exactly the Nash condition for that
 * profile; the whole enumeration is one `feasible` certificate.  When no
 * pure equilibrium punishes, the block alone is solved exactly: if it is
 * infeasible the Farkas certificate shows that not even a correlated
 * continuation punishes.
 *
 * File-local names for competing mechanisms use cm_ (cm_game); mech_ is
 * the prefix of the mechanism-file modules (mech.h). */
#include <stdlib.h>
#include <string.h>

#include "case.h"

#define NC 256   /* contracts */
#define NM 64    /* agent profiles */

typedef struct {
    const char *name;
    const char *act[2][2];   /* action names per principal */
    int u[2][2][3];          /* u[a1][a2][0: P1, 1: P2, 2: agents] */
} cm_game;

static const cm_game SZENTES = {
    "szentes", {{"Up", "Down"}, {"Left", "Right"}},
    /* matching pennies; agents' payoffs coincide with principal 1's */
    {{{1, -1, 1}, {-1, 1, -1}}, {{-1, 1, -1}, {1, -1, 1}}}};

static const cm_game YAMASHITA = {
    "yamashita", {{"Up", "Down"}, {"Left", "Right"}},
    {{{2, 2, 2}, {-1, 3, 0}}, {{3, -1, 0}, {0, 0, 0}}}};

/* Messages of profile m to principal k, as a 3-bit number. */
static int msgs(int m, int k)
{
    int j, b = 0;
    for (j = 0; j < 3; j++)
        b |= ((m >> (2 * j + k)) & 1) << j;
    return b;
}

static int majority(int b)
{
    return ((b & 1) + ((b >> 1) & 1) + ((b >> 2) & 1)) >= 2;
}

/* Outcome when principal dev uses contract c and the other majority. */
static void outcome(int dev, int c, int m, int *a1, int *a2)
{
    int b0 = msgs(m, 0), b1 = msgs(m, 1);
    *a1 = dev == 0 ? (c >> b0) & 1 : majority(b0);
    *a2 = dev == 1 ? (c >> b1) & 1 : majority(b1);
}

static int pay(const cm_game *gm, int dev, int c, int m, int who)
{
    int a1, a2;
    outcome(dev, c, m, &a1, &a2);
    return gm->u[a1][a2][who];
}

static int is_nash(const cm_game *gm, int dev, int c, int m)
{
    int j, r, base = pay(gm, dev, c, m, 2);
    for (j = 0; j < 3; j++)
        for (r = 0; r < 4; r++) {
            int m2 = (m & ~(3 << (2 * j))) | (r << (2 * j));
            if (pay(gm, dev, c, m2, 2) > base)
                return 0;
        }
    return 1;
}

/* The pure NE minimising dev's payoff, or -1 if none exists. */
static int worst_nash(const cm_game *gm, int dev, int c, int *val)
{
    int m, best = -1;
    for (m = 0; m < NM; m++)
        if (is_nash(gm, dev, c, m) &&
            (best < 0 || pay(gm, dev, c, m, dev) < *val)) {
            best = m;
            *val = pay(gm, dev, c, m, dev);
        }
    return best;
}

static const char *prof_name(const cm_game *gm, int m, char *buf, size_t len)
{
    int j;
    size_t k = 0;
    for (j = 0; j < 3 && k + 4 < len; j++) {
        int a = (m >> (2 * j)) & 3;
        buf[k++] = gm->act[0][a & 1][0];
        buf[k++] = gm->act[1][(a >> 1) & 1][0];
        if (j < 2)
            buf[k++] = ',';
    }
    buf[k] = '\0';
    return buf;
}

/* Append block (dev, c) with level L to lp; cols[] receives its columns. */
static fk_status add_block(lp_model *lp, const cm_game *gm, int dev, int c,
                           int level, const char *tag, long *cols, fk_err *err)
{
    char pn[32];
    long prob, pun;
    mpq_t q;
    fk_status st = FK_OK;
    int m, j, r, r2;
    static const int four[3] = {4, 4, 4}; /* action pairs per agent */
    econ_dev dv;
    mpq_init(q);
    for (m = 0; m < NM && !st; m++)
        st = econ_col(lp, &cols[m], err, "x[%s:%s]", tag, prof_name(gm, m, pn, sizeof pn));
    if (st || (st = econ_row(lp, &prob, err, "PROB[%s]", tag)) ||
        (st = econ_row(lp, &pun, err, "PUN[%s]", tag)))
        goto done;
    econ_row_eq(lp, prob, 1);
    econ_row_le(lp, pun, level);
    for (m = 0; m < NM && !st; m++) {
        mpq_set_ui(q, 1, 1);
        st = lp_add_coef(lp, prob, cols[m], q, err);
        mpq_set_si(q, pay(gm, dev, c, m, dev), 1);
        if (!st)
            st = lp_add_coef(lp, pun, cols[m], q, err);
    }
    /* agent j's own action pair r, deviation r2 */
    for (econ_dev_start(&dv, 3, four); econ_dev_ok(&dv) && !st; econ_dev_next(&dv)) {
        long row;
        j = dv.i;
        r = dv.a;
        r2 = dv.b;
        st = econ_row(lp, &row, err, "OB[%s:%d:%c%c>%c%c]", tag, j + 1,
                      gm->act[0][r & 1][0], gm->act[1][r >> 1][0],
                      gm->act[0][r2 & 1][0], gm->act[1][r2 >> 1][0]);
        if (st)
            break;
        econ_row_ge(lp, row, 0);
        for (m = 0; m < NM && !st; m++) {
            int md;
            if (((m >> (2 * j)) & 3) != r)
                continue;
            md = (m & ~(3 << (2 * j))) | (r2 << (2 * j));
            mpq_set_si(q, pay(gm, dev, c, m, 2) - pay(gm, dev, c, md, 2), 1);
            st = lp_add_coef(lp, row, cols[m], q, err);
        }
    }
done:
    mpq_clear(q);
    return st;
}

/* Check every deviation of the principals in devs[] against the levels;
 * returns in *supported whether all are punished by pure NE, and writes
 * the certificate(s).  fail_dev and fail_c name the first unpunished one. */
static fk_status check_outcome(econ_out *o, const cm_game *gm, const char *name,
                               const int *devs, int ndev, const int *level,
                               int *supported, int *fail_dev, int *fail_c,
                               fk_err *err)
{
    lp_model *lp = lp_new();
    long *cols = NULL;
    mpq_t *x = NULL;
    fk_status st = FK_OK;
    int d, c, worst_max[2] = {-1000, -1000}, nblk = 0;
    char tag[32];
    *supported = 1;
    *fail_dev = *fail_c = -1;
    cols = fk_calloc((size_t)(ndev * NC * NM), sizeof *cols);
    if (!lp || !cols) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    for (d = 0; d < ndev && *supported; d++)
        for (c = 0; c < NC && *supported; c++) {
            int k = devs[d], val = 0, m = worst_nash(gm, k, c, &val);
            if (m < 0 || val > level[k]) {
                *supported = 0;
                *fail_dev = k;
                *fail_c = c;
                break;
            }
            if (val > worst_max[k])
                worst_max[k] = val;
            snprintf(tag, sizeof tag, "P%dc%d", k + 1, c);
            st = add_block(lp, gm, k, c, level[k], tag, cols + (long)nblk * NM, err);
            if (st)
                goto done;
            cols[(long)nblk * NM + m] = -1 - cols[(long)nblk * NM + m]; /* mark witness */
            nblk++;
        }
    if (*supported) {
        long j, t;
        x = fk_calloc((size_t)lp->n, sizeof *x);
        if (!x) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            goto done;
        }
        for (j = 0; j < lp->n; j++)
            mpq_init(x[j]);
        for (t = 0; t < (long)nblk * NM; t++)
            if (cols[t] < 0)
                mpq_set_ui(x[-1 - cols[t]], 1, 1);
        st = econ_point_certify(o, lp, name, x, err);
        for (d = 0; d < ndev && !st && o->quiet < 2; d++)
            printf("  all %d deviations of principal %d punished by a pure agents' equilibrium; "
                   "best deviation payoff %d <= %d\n", NC, devs[d] + 1, worst_max[devs[d]], level[devs[d]]);
        for (j = 0; j < lp->n; j++)
            mpq_clear(x[j]);
    } else {
        /* the unpunished deviation alone: is even a correlated punishment impossible? */
        lp_model *b = lp_new();
        lp_answer res;
        char nm[200];
        long bc[NM];
        lp_answer_init(&res);
        snprintf(tag, sizeof tag, "P%dc%d", *fail_dev + 1, *fail_c);
        snprintf(nm, sizeof nm, "%s-P%dc%d", name, *fail_dev + 1, *fail_c);
        if (!b)
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        if (!st)
            st = add_block(b, gm, *fail_dev, *fail_c, level[*fail_dev], tag, bc, err);
        if (!st)
            st = econ_solve_certify(o, b, nm, &res, err);
        if (!st && o->quiet < 2)
            printf("  principal %d's deviation to contract %d is not punished: %s\n", *fail_dev + 1,
                   *fail_c, res.status == LP_INFEASIBLE
                                ? "no correlated continuation equilibrium gives him <= his payoff (Farkas certificate)"
                                : "no pure continuation equilibrium does (a correlated one would)");
        if (!st && res.status != LP_INFEASIBLE)
            *supported = -1;
        lp_answer_clear(&res);
        lp_free(b);
    }
done:
    free(x);
    free(cols);
    lp_free(lp);
    return st;
}

/* Player k's pure minmax and maxmin in the principals' 2x2 game. */
static void pure_mm(const cm_game *gm, int k, int *minmax, int *maxmin)
{
    int a, b;
    *minmax = 1000;
    *maxmin = -1000;
    for (b = 0; b < 2; b++) { /* other's action b */
        int best = -1000;
        for (a = 0; a < 2; a++) {
            int u = k == 0 ? gm->u[a][b][0] : gm->u[b][a][1];
            if (u > best)
                best = u;
        }
        if (best < *minmax)
            *minmax = best;
    }
    for (a = 0; a < 2; a++) { /* own action a */
        int worst = 1000;
        for (b = 0; b < 2; b++) {
            int u = k == 0 ? gm->u[a][b][0] : gm->u[b][a][1];
            if (u < worst)
                worst = u;
        }
        if (worst > *maxmin)
            *maxmin = worst;
    }
}

/* The principals' game as econ_game, for the LP minmax values. */
static fk_status principals_game(econ_game g, const cm_game *gm, fk_err *err)
{
    const int ns[2] = {2, 2};
    fk_status st = econ_game_shape(g, 2, ns, err);
    int a1, a2, k;
    if (st)
        return st;
    for (a1 = 0; a1 < 2; a1++)
        for (a2 = 0; a2 < 2; a2++)
            for (k = 0; k < 2; k++)
                mpq_set_si(g->u[k][a1 + 2 * a2], gm->u[a1][a2][k], 1);
    return FK_OK;
}

fk_status case_szentes(econ_out *o, int argc, char **argv, fk_err *err)
{
    const cm_game *gm = &SZENTES;
    const int devs[1] = {1}, level[2] = {1, -1};
    econ_game g;
    case_minmax_vals v;
    int sup, fd, fc, mm, xm;
    fk_status st;
    if (argc)
        return fk_fail(err, FK_EINVAL, NULL, "szentes: takes no arguments");
    econ_game_init(g);
    case_minmax_vals_init(&v);
    printf("szentes: principal 1 commits to the majority report, principal 2 to Left; the agents\n"
           "  (payoffs = principal 1's) report Up: outcome (Up, Left), principal 2 gets -1.\n"
           "  Principal 1 gets 1, the game's maximum, so only principal 2's %d deviations matter.\n", NC);
    st = check_outcome(o, gm, "szentes-deviations", devs, 1, level, &sup, &fd, &fc, err);
    if (st)
        goto done;
    pure_mm(gm, 1, &mm, &xm);
    if ((st = principals_game(g, gm, err)) ||
        (st = case_minmax_player(o, g, 1, "szentes", &v, err)))
        goto done;
    printf("\nverdict table (szentes)\n");
    printf("  payoff -1 of principal 2 supported:  %s\n", sup == 1 ? "yes (all 256 deviations punished)" : "NO");
    printf("  principal 2's pure minmax / maxmin:  %d / %d\n", mm, xm);
    econ_print_q(stdout, "principal 2's mixed value", v.mixed_maxmin);
    printf("  => the supported payoff -1 is below the pure minmax %d and equals the pure maxmin %d\n", mm, xm);
    printf("summary: szentes | 2 principals, 3 agents, 256 contracts | %s; -1 < pure minmax %d; pure maxmin %d\n",
           sup == 1 ? "payoff -1 supported" : "payoff -1 NOT supported", mm, xm);
    printf("values: supported=%s pure_minmax=%d pure_maxmin=%d\n", sup == 1 ? "-1" : "no", mm, xm);
    if (sup != 1 || mm != 1 || xm != -1)
        st = fk_fail(err, FK_EINVAL, NULL, "szentes: the claim failed on this instance");
done:
    case_minmax_vals_clear(&v);
    econ_game_clear(g);
    return st;
}

fk_status case_yamashita(econ_out *o, int argc, char **argv, fk_err *err)
{
    const cm_game *gm = &YAMASHITA;
    const int devs[2] = {0, 1};
    int a1, a2, mm[2], xm[2], sup[2][2], nsup = 0, ok = 1;
    char list[200] = "";
    fk_status st = FK_OK;
    if (argc)
        return fk_fail(err, FK_EINVAL, NULL, "yamashita: takes no arguments");
    pure_mm(gm, 0, &mm[0], &xm[0]);
    pure_mm(gm, 1, &mm[1], &xm[1]);
    printf("yamashita: both principals use the majority rule; on path the agents report the outcome\n"
           "  unanimously (no single agent can change a majority).  Pure minmax: P1 %d, P2 %d;\n"
           "  pure maxmin: P1 %d, P2 %d.\n", mm[0], mm[1], xm[0], xm[1]);
    for (a1 = 0; a1 < 2 && !st; a1++)
        for (a2 = 0; a2 < 2 && !st; a2++) {
            int level[2] = {gm->u[a1][a2][0], gm->u[a1][a2][1]}, fd, fc;
            int want = level[0] >= mm[0] && level[1] >= mm[1];
            char nm[100];
            snprintf(nm, sizeof nm, "yamashita-%s%s", gm->act[0][a1], gm->act[1][a2]);
            if (o->quiet < 2)
                printf("outcome (%s, %s), payoffs (%d, %d):\n", gm->act[0][a1], gm->act[1][a2],
                       level[0], level[1]);
            st = check_outcome(o, gm, nm, devs, 2, level, &sup[a1][a2], &fd, &fc, err);
            if (st)
                break;
            if ((sup[a1][a2] == 1) != want)
                ok = 0;
            if (sup[a1][a2] == 1) {
                nsup++;
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s(%s,%s)",
                         nsup > 1 ? " " : "", gm->act[0][a1], gm->act[1][a2]);
            }
        }
    if (st)
        return st;
    printf("\nverdict table (yamashita)\n  %-14s %-10s %-12s %s\n", "outcome", "payoffs", "supported", ">= minmax for both");
    for (a1 = 0; a1 < 2; a1++)
        for (a2 = 0; a2 < 2; a2++) {
            char oc[40], py[40];
            snprintf(oc, sizeof oc, "(%s, %s)", gm->act[0][a1], gm->act[1][a2]);
            snprintf(py, sizeof py, "(%d, %d)", gm->u[a1][a2][0], gm->u[a1][a2][1]);
            printf("  %-14s %-10s %-12s %s\n", oc, py,
                   sup[a1][a2] == 1 ? "yes" : sup[a1][a2] == 0 ? "no" : "no (pure)",
                   gm->u[a1][a2][0] >= mm[0] && gm->u[a1][a2][1] >= mm[1] ? "yes" : "no");
        }
    printf("summary: yamashita | 2 principals, 3 agents, 4 outcomes x 512 deviations | supported: %s = "
           "the outcomes with each principal >= his minmax: %s\n", list, ok ? "yes" : "NO");
    printf("values: minmax=(%d,%d) maxmin=(%d,%d)\n", mm[0], mm[1], xm[0], xm[1]);
    if (!ok)
        return fk_fail(err, FK_EINVAL, NULL, "yamashita: supported outcomes differ from the minmax prediction");
    return FK_OK;
}
