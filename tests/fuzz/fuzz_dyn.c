/* fuzz_dyn.c: the dynamic-mechanism reader (cases/dyn_read.c).  A model
 * that reads must be consistent: nprof and nhist are the products of the
 * type counts, every initial and transition row is >= 0 and sums to 1, the
 * planned decision chi is a candidate and the first maximiser of the total
 * utility, and every history prints.  When small, the three transfer rules
 * are computed as `farkas case dynamic` would: static AGV and Athey-Segal
 * are budget balanced in every history by construction, and each agent's
 * deviation problem, solved by backward induction, has an optimal value at
 * least the truthful one and equal to it under team transfers (the agent's
 * payoff is then the welfare the plan maximises).  No LP is written. */
#include "fuzz.h"

#include "dyn.h"

/* Row of len probabilities: each >= 0, sum 1. */
static int fd_row_ok(mpq_t *row, long len)
{
    mpq_t s;
    long k;
    int ok = 1;
    mpq_init(s);
    for (k = 0; k < len; k++) {
        ok &= mpq_sgn(row[k]) >= 0;
        mpq_add(s, s, row[k]);
    }
    ok &= mpq_cmp_ui(s, 1, 1) == 0;
    mpq_clear(s);
    return ok;
}

static void fd_check(const dyn_model m)
{
    mpq_t tot, best, u;
    long p, prod;
    int i, t, c, T = m->T;
    if (m->n < 2 || T < 1 || m->nhist[0] != 1)
        FUZZ_BUG("n %d, T %d, nhist[0] %ld", m->n, T, m->nhist[0]);
    mpq_inits(tot, best, u, NULL);
    for (t = 0; t < T; t++) {
        prod = 1;
        for (i = 0; i < m->n; i++) {
            int cc = i * T + t, nt = m->nt[cc];
            if (nt < 1)
                FUZZ_BUG("agent %d period %d: %d types", i, t, nt);
            prod *= nt;
            if (t == 0 && !fd_row_ok(m->p[cc], nt))
                FUZZ_BUG("initial probabilities of agent %d do not sum to 1", i);
            for (c = 0; t > 0 && c < m->nt[cc - 1]; c++)
                if (!fd_row_ok(m->p[cc] + (long)c * nt, nt))
                    FUZZ_BUG("transitions of agent %d period %d from %d do not sum to 1", i, t, c);
        }
        if (prod != m->nprof[t] || m->nhist[t + 1] != m->nhist[t] * prod)
            FUZZ_BUG("period %d: nprof %ld nhist %ld, products %ld", t, m->nprof[t],
                     m->nhist[t + 1], prod);
        if (m->nx[t] < 1)
            FUZZ_BUG("period %d: no candidates", t);
        if (m->nprof[t] * m->nx[t] > 2000)
            continue;
        for (p = 0; p < m->nprof[t]; p++) {
            int ch = m->chi[t][p];
            if (ch < 0 || ch >= m->nx[t]) {
                FUZZ_BUG("period %d profile %ld: decision %d of %d", t, p, ch, m->nx[t]);
                continue;
            }
            for (c = 0; c < m->nx[t]; c++) {
                mpq_set_ui(tot, 0, 1);
                for (i = 0; i < m->n; i++) {
                    dyn_util(u, m, i, t, m->xc[t][c], m->tv[i * T + t][dyn_type_of(m, t, p, i)]);
                    mpq_add(tot, tot, u);
                }
                if (c == ch)
                    mpq_set(best, tot);
            }
            for (c = 0; c < m->nx[t]; c++) {
                int cmp;
                mpq_set_ui(tot, 0, 1);
                for (i = 0; i < m->n; i++) {
                    dyn_util(u, m, i, t, m->xc[t][c], m->tv[i * T + t][dyn_type_of(m, t, p, i)]);
                    mpq_add(tot, tot, u);
                }
                cmp = mpq_cmp(tot, best);
                if (cmp > 0 || (cmp == 0 && c < ch))
                    FUZZ_BUG("period %d profile %ld: candidate %d beats the plan's %d", t, p, c, ch);
            }
        }
    }
    mpq_clears(tot, best, u, NULL);
}

static void fd_run(const dyn_model m)
{
    char hb[512];
    fk_err err;
    mpq_t **psi = NULL, sum;
    dyn_agent ag;
    long h, bh = 0;
    int rule, i, bb = 0, bt = 0;
    memset(&ag, 0, sizeof ag);
    fk_err_clear(&err);
    for (h = 0; h < m->nhist[m->T]; h++)
        (void)dyn_hist_str(m, m->T, h, hb, sizeof hb);
    mpq_init(sum);
    for (rule = DYN_AGV; rule <= DYN_AS; rule++) {
        if (dyn_transfers(&psi, m, rule, &err) != FK_OK)
            continue;
        dyn_budget(m, psi, &bb, &bt, &bh, sum);
        if (rule != DYN_TEAM && !bb)
            FUZZ_BUG("%s transfers not budget balanced (period %d, history %ld)",
                     dyn_rule_str(rule), bt, bh);
        for (i = 0; i < m->n; i++) {
            if (dyn_agent_solve(&ag, m, psi, i, &err) == FK_OK) {
                int cmp = mpq_cmp(ag.Vopt, ag.W);
                if (cmp < 0 || (rule == DYN_TEAM && cmp != 0))
                    FUZZ_BUG("%s: agent %d optimal value %s truthful value", dyn_rule_str(rule), i,
                             cmp < 0 ? "below" : "above");
            }
            dyn_agent_free(&ag, m);
        }
        dyn_psi_free(psi, m);
        psi = NULL;
    }
    mpq_clear(sum);
}

FUZZ_TARGET(dyn)
{
    char p[128];
    const char *path = fuzz_file(p, sizeof p, "in.dyn", data, size);
    dyn_model m;
    fk_err err;
    if (!path)
        return 0;
    fk_err_clear(&err);
    dyn_init(m);
    if (dyn_read(m, path, &err) == FK_OK) {
        fd_check(m);
        if (m->nhist[m->T] * m->n <= 256)
            fd_run(m);
    } else if (!err.msg[0] || (err.code == FK_EPARSE && strncmp(err.where, path, strlen(path)))) {
        FUZZ_BUG("dyn_read: error without a message or a position: '%s: %s'", err.where, err.msg);
    }
    dyn_clear(m);
    dyn_clear(m); /* idempotent (dyn.h) */
    return 0;
}
