/* t-mech.c: the Szentes and Yamashita cases against an oracle that does
 * not share their LP.
 *
 * The oracle (mo_*) enumerates, for every deviation of a principal k to
 * one of the 256 deterministic contracts (the other principal keeps the
 * majority rule), all 64 pure profiles of the three agents and keeps the
 * pure Nash equilibria of their common-payoff game, and the lowest payoff
 * k gets in one of them.  The payoff tables are typed from Peters' essay
 * (seeds/000), not taken from cases/case_mech.c.
 *
 * Hand facts the oracle must reproduce:
 *  - Szentes, principal 2 uses a constant contract (always Left, or always
 *    Right).  Only the messages to principal 1 matter; the agents' payoff
 *    is 1 when principal 1's action matches principal 2's constant one
 *    (the "good" action) and -1 otherwise.  Every profile whose majority
 *    sends the good action is an equilibrium (nobody can gain on the
 *    maximum): 1 + 3 = 4 message triples; of the others only the
 *    unanimous bad one is (no single agent moves the majority; with a 2-1
 *    split either bad sender would fix it).  So 5 triples to principal 1
 *    times 2^3 free messages to principal 2 = 40 equilibrium profiles.
 *  - Szentes: principal 2's pure minmax is min(max(-1,1), max(1,-1)) = 1,
 *    his pure maxmin max(min(-1,1), min(1,-1)) = -1; every deviation of his
 *    is punished to -1, below the minmax.
 *  - Yamashita: each principal's pure minmax is 0 (P1: max(2,3) = 3 vs
 *    Left, max(-1,0) = 0 vs Right; P2 likewise), so exactly (Up,Left) =
 *    (2,2) and (Down,Right) = (0,0) give both at least 0 and are the
 *    outcomes the majority contracts support.
 *
 * Then the certificates' LPs are read back from the case's output
 * directory and required to hold exactly one block per deviation (256
 * for Szentes, 512 per supported Yamashita outcome), each block row by
 * row the constraints of the contract it is named after, recomputed
 * here; the checker accepted those certificates (o.nbad == 0), so the
 * verdict stands on the LP this test wrote down itself. */
#include <stdio.h>

#include "caseutil.h"
#include "lp_io.h"
#include "testlib.h"

/* u[a1][a2][who]: a1 0 = Up, 1 = Down; a2 0 = Left, 1 = Right; who 0 =
 * principal 1, 1 = principal 2, 2 = each agent. */
typedef struct {
    const char *name;
    int u[2][2][3];
} mo_game;

static const mo_game MO_SZENTES = {"szentes", {{{1, -1, 1}, {-1, 1, -1}}, {{-1, 1, -1}, {1, -1, 1}}}};
static const mo_game MO_YAMASHITA = {"yamashita", {{{2, 2, 2}, {-1, 3, 0}}, {{3, -1, 0}, {0, 0, 0}}}};
static const char MO_L1[2] = {'U', 'D'}, MO_L2[2] = {'L', 'R'};
static const char *const MO_W1[2] = {"Up", "Down"}, *const MO_W2[2] = {"Left", "Right"};

/* Agent j's action act[j] in 0..3: bit 0 his message to principal 1,
 * bit 1 to principal 2 (the order of the case's column names).  Contract
 * c of the deviator: his action for messages (r1, r2, r3) is bit
 * r1 + 2 r2 + 4 r3 of c; the other principal follows the majority. */
static int mo_pay(const mo_game *g, int k, int c, const int act[3], int who)
{
    int a[2], p;
    for (p = 0; p < 2; p++) {
        int j, t = 0, ones = 0;
        for (j = 0; j < 3; j++) {
            int bit = (act[j] >> p) & 1;
            t |= bit << j;
            ones += bit;
        }
        a[p] = p == k ? (c >> t) & 1 : ones >= 2;
    }
    return g->u[a[0]][a[1]][who];
}

/* Number of pure equilibria of the agents' game after k deviates to c;
 * *worst = k's lowest payoff in one (unchanged when there is none). */
static int mo_equilibria(const mo_game *g, int k, int c, int *worst)
{
    int act[3], n = 0;
    for (act[0] = 0; act[0] < 4; act[0]++)
        for (act[1] = 0; act[1] < 4; act[1]++)
            for (act[2] = 0; act[2] < 4; act[2]++) {
                int j, alt, nash = 1, base = mo_pay(g, k, c, act, 2);
                for (j = 0; j < 3 && nash; j++)
                    for (alt = 0; alt < 4 && nash; alt++) {
                        int dev[3] = {act[0], act[1], act[2]};
                        dev[j] = alt;
                        nash = mo_pay(g, k, c, dev, 2) <= base;
                    }
                if (nash) {
                    int v = mo_pay(g, k, c, act, k);
                    if (n == 0 || v < *worst)
                        *worst = v;
                    n++;
                }
            }
    return n;
}

/* Is principal k's deviation to c punished to level? */
static int mo_punished(const mo_game *g, int k, int c, int level)
{
    int w = 0;
    return mo_equilibria(g, k, c, &w) > 0 && w <= level;
}

static void mo_prof(char *buf, const int act[3])
{
    snprintf(buf, 16, "%c%c,%c%c,%c%c", MO_L1[act[0] & 1], MO_L2[act[0] >> 1], MO_L1[act[1] & 1],
             MO_L2[act[1] >> 1], MO_L1[act[2] & 1], MO_L2[act[2] >> 1]);
}

/* Row `name` of lp must have exactly the coefficients want[0..64) on the
 * block's columns (slot[col] = position in the block, -1 elsewhere) and
 * the bounds lo (fin_lo) .. hi (fin_hi). */
static int mo_row(const lp_model *lp, const char *name, const long *slot, const long *want,
                  int fin_lo, long lo, int fin_hi, long hi)
{
    long i = lp_find_row(lp, name), e, nz = 0, t;
    if (!TL_CHECK(i >= 0, "row %s missing", name))
        return 0;
    if (!TL_CHECK(lp->rlo_fin[i] == fin_lo && (!fin_lo || mpq_cmp_si(lp->rlo[i], lo, 1) == 0) &&
                      lp->rhi_fin[i] == fin_hi && (!fin_hi || mpq_cmp_si(lp->rhi[i], hi, 1) == 0),
                  "row %s: wrong bounds", name))
        return 0;
    for (t = 0; t < 64; t++)
        nz += want[t] != 0;
    for (e = lp->rbeg[i]; e < lp->rbeg[i + 1]; e++) {
        long s = slot[lp->cidx[e]];
        if (!TL_CHECK(s >= 0 && mpq_cmp_si(lp_rval(lp, e), want[s], 1) == 0,
                      "row %s: unexpected coefficient on %s", name, lp->cname[lp->cidx[e]]))
            return 0;
    }
    return TL_CHECK(lp->rbeg[i + 1] - lp->rbeg[i] == nz, "row %s: %ld of %ld coefficients", name,
                    lp->rbeg[i + 1] - lp->rbeg[i], nz);
}

/* The block of principal k's deviation to c, punishment level `level`:
 * 64 columns x[P<k>c<c>:profile], PROB (sum = 1), PUN (k's expected
 * payoff <= level) and for agent j, action r, alternative r2 the
 * obedience row OB (sum over profiles with act_j = r of x times the
 * agent's gain from not switching to r2, >= 0): 2 + 3 * 4 * 3 = 38 rows.
 * slot has lp->n entries, all -1 on entry and on return. */
static int mo_block(const lp_model *lp, const mo_game *g, int k, int c, int level, long *slot)
{
    char tag[32], nm[96], pn[16];
    long col[64], want[64];
    int act[3], m, j, r, r2, ok = 1;
    snprintf(tag, sizeof tag, "P%dc%d", k + 1, c);
    for (m = 0; m < 64; m++) {
        act[0] = m & 3, act[1] = (m >> 2) & 3, act[2] = m >> 4;
        mo_prof(pn, act);
        snprintf(nm, sizeof nm, "x[%s:%s]", tag, pn);
        col[m] = lp_find_col(lp, nm);
        if (!TL_CHECK(col[m] >= 0 && slot[col[m]] < 0, "column %s missing", nm)) {
            ok = 0;
            goto out;
        }
        slot[col[m]] = m;
        if (!TL_CHECK(lp->clo_fin[col[m]] && mpq_sgn(lp->clo[col[m]]) == 0 && !lp->chi_fin[col[m]],
                      "column %s is not x >= 0", nm))
            ok = 0;
    }
    for (m = 0; m < 64; m++)
        want[m] = 1;
    snprintf(nm, sizeof nm, "PROB[%s]", tag);
    ok = ok && mo_row(lp, nm, slot, want, 1, 1, 1, 1);
    for (m = 0; m < 64; m++) {
        act[0] = m & 3, act[1] = (m >> 2) & 3, act[2] = m >> 4;
        want[m] = mo_pay(g, k, c, act, k);
    }
    snprintf(nm, sizeof nm, "PUN[%s]", tag);
    ok = ok && mo_row(lp, nm, slot, want, 0, 0, 1, level);
    for (j = 0; j < 3 && ok; j++)
        for (r = 0; r < 4 && ok; r++)
            for (r2 = 0; r2 < 4 && ok; r2++) {
                if (r2 == r)
                    continue;
                for (m = 0; m < 64; m++) {
                    int dev[3];
                    act[0] = m & 3, act[1] = (m >> 2) & 3, act[2] = m >> 4;
                    dev[0] = act[0], dev[1] = act[1], dev[2] = act[2];
                    dev[j] = r2;
                    want[m] = act[j] != r ? 0 : mo_pay(g, k, c, act, 2) - mo_pay(g, k, c, dev, 2);
                }
                snprintf(nm, sizeof nm, "OB[%s:%d:%c%c>%c%c]", tag, j + 1, MO_L1[r & 1], MO_L2[r >> 1],
                         MO_L1[r2 & 1], MO_L2[r2 >> 1]);
                ok = mo_row(lp, nm, slot, want, 1, 0, 0, 0);
            }
out:
    for (m = 0; m < 64; m++)
        if (col[m] >= 0 && slot[col[m]] == m)
            slot[col[m]] = -1;
    return ok;
}

/* Read DIR/NAME.mps and require exactly the blocks of the deviations of
 * the principals in devs[0..ndev) to every contract, at level[k]. */
static int mo_blocks(const char *dir, const char *name, const mo_game *g, const int *devs, int ndev,
                     const int *level, int ncontract, int first_c)
{
    char path[256];
    lp_model *lp = NULL;
    fk_err err;
    long *slot = NULL, j;
    int d, c, ok = 0;
    snprintf(path, sizeof path, "%s/%s.mps", dir, name);
    fk_err_clear(&err);
    if (!TL_CHECK(lp_read_file(&lp, path, &err) == FK_OK, "%s: %s", path, err.msg))
        return 0;
    if (!TL_CHECK(lp->m == 38L * ndev * ncontract && lp->n == 64L * ndev * ncontract,
                  "%s: %ld rows, %ld columns, want %d blocks of 38 x 64 (one per deviation)", name,
                  lp->m, lp->n, ndev * ncontract))
        goto out;
    slot = fk_calloc((size_t)lp->n, sizeof *slot);
    if (!TL_CHECK(slot != NULL, "out of memory"))
        goto out;
    for (j = 0; j < lp->n; j++)
        slot[j] = -1;
    ok = 1;
    for (d = 0; d < ndev && ok; d++)
        for (c = first_c; c < first_c + ncontract && ok; c++)
            ok = mo_block(lp, g, devs[d], c, level[devs[d]], slot);
out:
    free(slot);
    lp_free(lp);
    return ok;
}

int test_cm_szentes(fk_rng *r)
{
    econ_out o;
    fk_err err;
    char dir[64];
    const int devs[1] = {1}, level[2] = {1, -1};
    int c, w0 = 0, w1 = 0, unpunished = 0, n0, n1;
    (void)r;
    /* the oracle against the hand count */
    n0 = mo_equilibria(&MO_SZENTES, 1, 0, &w0);
    n1 = mo_equilibria(&MO_SZENTES, 1, 255, &w1);
    TL_CHECK(n0 == 40 && n1 == 40, "constant contracts: %d and %d equilibrium profiles, want 40 (hand count)",
             n0, n1);
    TL_CHECK(w0 == -1 && w1 == -1, "constant contracts: worst payoffs %d, %d, want -1", w0, w1);
    for (c = 0; c < 256; c++)
        unpunished += !mo_punished(&MO_SZENTES, 1, c, -1);
    TL_CHECK(unpunished == 0, "brute force: %d of principal 2's 256 deviations not punished to -1", unpunished);
    /* principal 1 is at his maximum 1: nothing to punish, so the case checks principal 2 only */
    TL_CHECK(MO_SZENTES.u[0][0][0] == 1, "principal 1 not at his maximum");
    if (cu_open(&o, dir))
        return TL_SKIP;
    fk_err_clear(&err);
    TL_CHECK(case_szentes(&o, 0, NULL, &err) == FK_OK, "szentes: %s", err.msg);
    TL_CHECK(o.ncert == 3, "szentes wrote %d certificates", o.ncert);
    TL_CHECK(o.nbad == 0, "%d of %d certificates rejected", o.nbad, o.ncert);
    TL_CHECK(mo_blocks(dir, "szentes-deviations", &MO_SZENTES, devs, 1, level, 256, 0),
             "szentes-deviations.mps is not the 256 deviation blocks");
    cu_close(dir);
    return TL_RESULT();
}

int test_cm_yamashita(fk_rng *r)
{
    econ_out o;
    fk_err err;
    char dir[64], name[96];
    const int devs[2] = {0, 1};
    int a1, a2, k, c, nsup = 0;
    (void)r;
    if (cu_open(&o, dir))
        return TL_SKIP;
    fk_err_clear(&err);
    TL_CHECK(case_yamashita(&o, 0, NULL, &err) == FK_OK, "yamashita: %s", err.msg);
    TL_CHECK(o.ncert == 4, "yamashita wrote %d certificates, want one per outcome", o.ncert);
    TL_CHECK(o.nbad == 0, "%d of %d certificates rejected", o.nbad, o.ncert);
    for (a1 = 0; a1 < 2; a1++)
        for (a2 = 0; a2 < 2; a2++) {
            const int level[2] = {MO_YAMASHITA.u[a1][a2][0], MO_YAMASHITA.u[a1][a2][1]};
            int sup = 1, fk = -1, fc = -1, hand = level[0] >= 0 && level[1] >= 0;
            for (k = 0; k < 2; k++)
                for (c = 0; c < 256; c++)
                    if (!mo_punished(&MO_YAMASHITA, k, c, level[k])) {
                        if (sup)
                            fk = k, fc = c;
                        sup = 0;
                    }
            TL_CHECK(sup == hand, "(%s,%s): brute force says %s, the minmax argument %s", MO_W1[a1], MO_W2[a2],
                     sup ? "supported" : "not", hand ? "supported" : "not");
            nsup += sup;
            snprintf(name, sizeof name, "yamashita-%s%s", MO_W1[a1], MO_W2[a2]);
            if (sup) {
                TL_CHECK(mo_blocks(dir, name, &MO_YAMASHITA, devs, 2, level, 256, 0),
                         "%s.mps is not the 512 deviation blocks", name);
            } else {
                /* the case certifies the first unpunished deviation it meets,
                 * principal 1's contracts first, alone */
                const int one[1] = {fk};
                char bn[128];
                snprintf(bn, sizeof bn, "%s-P%dc%d", name, fk + 1, fc);
                TL_CHECK(mo_blocks(dir, bn, &MO_YAMASHITA, one, 1, level, 1, fc),
                         "%s.mps is not the block of the unpunished deviation", bn);
            }
        }
    TL_CHECK(nsup == 2, "brute force supports %d outcomes, want 2", nsup);
    cu_close(dir);
    return TL_RESULT();
}
