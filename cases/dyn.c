/* dyn.c: the finite dynamic model, its transfer rules, budget balance and
 * each agent's deviation problem (backward induction and the MDP LP).
 * See dyn.h for the model and docs/dynamic.md for the formulas. */
#include "dyn.h"

#include <stdlib.h>
#include <string.h>

#include "rat.h"

void dyn_init(dyn_model m)
{
    memset(m, 0, sizeof *m);
    mpq_init(m->delta);
    mpq_set_ui(m->delta, 1, 1);
    m->live = 1;
}

void dyn_clear(dyn_model m)
{
    int i, c, t;
    if (!m->live)   /* already cleared */
        return;
    for (c = 0; c < m->n * m->T && m->nt; c++) {
        int k = m->nt[c], tt = c % (m->T ? m->T : 1);
        if (m->tname && m->tname[c]) {
            for (i = 0; i < k; i++)
                free(m->tname[c][i]);
            free(m->tname[c]);
        }
        if (m->tv)
            fk_qarr_free(m->tv[c], k);
        if (m->p && m->p[c])
            fk_qarr_free(m->p[c], tt == 0 ? k : (long)k * m->nt[c - 1]);
    }
    free(m->nt);
    free(m->tname);
    free(m->tv);
    free(m->p);
    if (m->util)
        fk_qarr_free(m->util, (long)m->n * m->T * DYN_NTERM);
    for (t = 0; t < m->T && m->xc; t++)
        fk_qarr_free(m->xc[t], m->nx[t]);
    free(m->xc);
    free(m->nx);
    for (t = 0; t < m->T && m->chi; t++)
        free(m->chi[t]);
    free(m->chi);
    free(m->nprof);
    free(m->nhist);
    for (i = 0; i < m->n && m->aname; i++)
        free(m->aname[i]);
    free(m->aname);
    mpq_clear(m->delta);
    memset(m, 0, sizeof *m);
}

static long stride(const dyn_model m, int t, int i)
{
    long s = 1;
    int j;
    for (j = 0; j < i; j++)
        s *= m->nt[j * m->T + t];
    return s;
}

int dyn_type_of(const dyn_model m, int t, long p, int i)
{
    return (int)(p / stride(m, t, i) % m->nt[i * m->T + t]);
}

long dyn_prof_with(const dyn_model m, int t, long p, int i, int k)
{
    long s = stride(m, t, i);
    return p - (long)dyn_type_of(m, t, p, i) * s + (long)k * s;
}

void dyn_prof_prob(mpq_t r, const dyn_model m, int t, long q, long p, int skip)
{
    int j;
    mpq_set_ui(r, 1, 1);
    for (j = 0; j < m->n; j++) {
        int c = j * m->T + t, k = dyn_type_of(m, t, p, j);
        if (j == skip)
            continue;
        if (t == 0)
            mpq_mul(r, r, m->p[c][k]);
        else
            mpq_mul(r, r, m->p[c][(long)dyn_type_of(m, t - 1, q, j) * m->nt[c] + k]);
    }
}

void dyn_util(mpq_t r, const dyn_model m, int i, int t, const mpq_t x, const mpq_t th)
{
    const mpq_t *u = (const mpq_t *)m->util + ((long)i * m->T + t) * DYN_NTERM;
    mpq_t a, b;
    mpq_inits(a, b, NULL);
    mpq_mul(a, th, x);
    mpq_mul(r, a, u[0]);              /* th*x */
    mpq_mul(a, x, u[1]);              /* x */
    mpq_add(r, r, a);
    mpq_mul(b, x, x);
    if (mpq_sgn(u[2])) {              /* x^2/th (th != 0 checked by the reader) */
        mpq_div(a, b, th);
        mpq_mul(a, a, u[2]);
        mpq_add(r, r, a);
    }
    mpq_mul(a, b, u[3]);              /* x^2 */
    mpq_add(r, r, a);
    mpq_mul(a, th, u[4]);             /* th */
    mpq_add(r, r, a);
    mpq_add(r, r, u[5]);              /* 1 */
    mpq_clears(a, b, NULL);
}

/* u_{i,t} at report profile p of period t. */
static void util_at(mpq_t r, const dyn_model m, int i, int t, long p, int k)
{
    dyn_util(r, m, i, t, m->xc[t][m->chi[t][p]], m->tv[i * m->T + t][k]);
}

mpq_srcptr dyn_decision(const dyn_model m, int t, long h)
{
    return m->xc[t][m->chi[t][h / m->nhist[t]]];
}

const char *dyn_hist_str(const dyn_model m, int len, long h, char *buf, size_t sz)
{
    size_t used = 0;
    int t, i;
    if (len == 0) {
        snprintf(buf, sz, "-");
        return buf;
    }
    buf[0] = '\0';
    for (t = 0; t < len; t++) {
        long p = h / m->nhist[t] % m->nprof[t];
        for (i = 0; i < m->n; i++) {
            int w = snprintf(buf + used, sz - used, "%s%s", i ? "," : (t ? ";" : ""),
                             m->tname[i * m->T + t][dyn_type_of(m, t, p, i)]);
            if (w < 0 || (size_t)w >= sz - used)
                return buf;
            used += (size_t)w;
        }
    }
    return buf;
}

fk_status dyn_prepare(dyn_model m, fk_err *err)
{
    int t, i, c;
    long p;
    mpq_t tot, u, best;
    m->nprof = fk_calloc((size_t)m->T, sizeof *m->nprof);
    m->nhist = fk_calloc((size_t)m->T + 1, sizeof *m->nhist);
    m->chi = fk_calloc((size_t)m->T, sizeof *m->chi);
    if (!m->nprof || !m->nhist || !m->chi)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    m->nhist[0] = 1;
    for (t = 0; t < m->T; t++) {
        m->nprof[t] = 1;
        for (i = 0; i < m->n; i++) {
            m->nprof[t] *= m->nt[i * m->T + t];
            if (m->nprof[t] > DYN_MAX_HIST)
                return fk_fail(err, FK_ELIMIT, NULL, "too many type profiles");
        }
        m->nhist[t + 1] = m->nhist[t] * m->nprof[t];
        if (m->nhist[t + 1] > DYN_MAX_HIST)
            return fk_fail(err, FK_ELIMIT, NULL, "more than %ld histories", DYN_MAX_HIST);
    }
    mpq_inits(tot, u, best, NULL);
    for (t = 0; t < m->T; t++) {
        if (!(m->chi[t] = fk_calloc((size_t)m->nprof[t], sizeof *m->chi[t]))) {
            mpq_clears(tot, u, best, NULL);
            return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        }
        for (p = 0; p < m->nprof[t]; p++)
            for (c = 0; c < m->nx[t]; c++) {
                mpq_set_ui(tot, 0, 1);
                for (i = 0; i < m->n; i++) {
                    dyn_util(u, m, i, t, m->xc[t][c], m->tv[i * m->T + t][dyn_type_of(m, t, p, i)]);
                    mpq_add(tot, tot, u);
                }
                if (c == 0 || mpq_cmp(tot, best) > 0) {
                    mpq_set(best, tot);
                    m->chi[t][p] = c;
                }
            }
    }
    mpq_clears(tot, u, best, NULL);
    return FK_OK;
}

const char *dyn_rule_str(int rule)
{
    return rule == DYN_AGV ? "static AGV" : rule == DYN_TEAM ? "team" : "Athey-Segal balanced team";
}

void dyn_psi_free(mpq_t **psi, const dyn_model m)
{
    int t;
    if (!psi)
        return;
    for (t = 0; t < m->T; t++)
        fk_qarr_free(psi[t], (long)m->n * m->nhist[t + 1]);
    free(psi);
}

/* Static AGV: agent i's "type" is its whole report path; gamma_i(path) =
 * E over the others' paths (prior) of the others' discounted utilities;
 * psi_i = gamma_i - 1/(n-1) sum_{j != i} gamma_j, paid in the last period
 * (scaled by delta^-(T-1) so that its present value is that amount). */
static fk_status agv(mpq_t **psi, const dyn_model m, fk_err *err)
{
    long H = m->nhist[m->T], h, *npath = NULL, *pidx = NULL;
    mpq_t **g = NULL, pr, ext, u, dt, a;
    int i, j, t, T = m->T, n = m->n;
    fk_status st = FK_OK;
    mpq_inits(pr, ext, u, dt, a, NULL);
    npath = fk_calloc((size_t)n, sizeof *npath);
    pidx = fk_calloc((size_t)n, sizeof *pidx);
    g = fk_calloc((size_t)n, sizeof *g);
    if (!npath || !pidx || !g) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    for (i = 0; i < n; i++) {
        npath[i] = 1;
        for (t = 0; t < T; t++)
            npath[i] *= m->nt[i * T + t];
        if (!(g[i] = fk_qarr_new(npath[i]))) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            goto done;
        }
    }
    for (h = 0; h < H; h++)
        for (i = 0; i < n; i++) {
            long q = 0, mul = 1;
            mpq_set_ui(pr, 1, 1);
            mpq_set_ui(ext, 0, 1);
            mpq_set_ui(dt, 1, 1);
            pidx[i] = 0;
            for (t = 0; t < T; t++) {
                long p = h / m->nhist[t] % m->nprof[t];
                dyn_prof_prob(a, m, t, q, p, i);
                mpq_mul(pr, pr, a);
                for (j = 0; j < n; j++) {
                    if (j == i)
                        continue;
                    util_at(u, m, j, t, p, dyn_type_of(m, t, p, j));
                    mpq_mul(u, u, dt);
                    mpq_add(ext, ext, u);
                }
                pidx[i] += mul * dyn_type_of(m, t, p, i);
                mul *= m->nt[i * T + t];
                mpq_mul(dt, dt, m->delta);
                q = p;
            }
            mpq_mul(ext, ext, pr);
            mpq_add(g[i][pidx[i]], g[i][pidx[i]], ext);
        }
    /* dt = delta^T now; a = delta^-(T-1) */
    mpq_set_ui(a, 1, 1);
    for (t = 0; t + 1 < T; t++)
        mpq_div(a, a, m->delta);
    for (h = 0; h < H; h++) {
        for (i = 0; i < n; i++) {
            long mul = 1;
            pidx[i] = 0;
            for (t = 0; t < T; t++) {
                long p = h / m->nhist[t] % m->nprof[t];
                pidx[i] += mul * dyn_type_of(m, t, p, i);
                mul *= m->nt[i * T + t];
            }
        }
        for (i = 0; i < n; i++) {
            mpq_t *x = &psi[T - 1][(long)i * H + h];
            mpq_set_ui(u, 0, 1);
            for (j = 0; j < n; j++)
                if (j != i)
                    mpq_add(u, u, g[j][pidx[j]]);
            mpq_set_ui(pr, 1, (unsigned long)(n - 1));
            mpq_mul(u, u, pr);
            mpq_sub(*x, g[i][pidx[i]], u);
            mpq_mul(*x, *x, a);
        }
    }
done:
    if (g)
        for (i = 0; i < n; i++)
            if (g[i])
                fk_qarr_free(g[i], npath[i]);
    free(g);
    free(npath);
    free(pidx);
    mpq_clears(pr, ext, u, dt, a, NULL);
    return st;
}

/* Team: psi_{i,t} = sum_{j != i} u_{j,t} at the reports. */
static void team(mpq_t **psi, const dyn_model m)
{
    int t, i, j;
    long h;
    mpq_t u;
    mpq_init(u);
    for (t = 0; t < m->T; t++)
        for (h = 0; h < m->nhist[t + 1]; h++) {
            long p = h / m->nhist[t];
            for (i = 0; i < m->n; i++)
                for (j = 0; j < m->n; j++)
                    if (j != i) {
                        util_at(u, m, j, t, p, dyn_type_of(m, t, p, j));
                        mpq_add(psi[t][(long)i * m->nhist[t + 1] + h],
                                psi[t][(long)i * m->nhist[t + 1] + h], u);
                    }
        }
    mpq_clear(u);
}

/* Athey-Segal: C_t(p)[k] = E[sum_{tau >= t} delta^{tau-t} u_k | types p at
 * t] under truth; gamma_{j,t}(th_{j,t}, h^{t-1}) = E[sum_{k != j} C_t | th_{j,t},
 * p_{t-1}] - E[sum_{k != j} C_t | p_{t-1}]; psi_i = gamma_i - 1/(n-1)
 * sum_{j != i} gamma_j. */
static fk_status athey_segal(mpq_t **psi, const dyn_model m, fk_err *err)
{
    int T = m->T, n = m->n, t, j, k;
    mpq_t **C, pr, a, s, gam_j;
    mpq_t *gam = NULL;
    long p, q, h;
    fk_status st = FK_OK;
    C = fk_calloc((size_t)T, sizeof *C);
    gam = fk_qarr_new(n);
    mpq_inits(pr, a, s, gam_j, NULL);
    if (!C || !gam) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    for (t = T - 1; t >= 0; t--) {
        if (!(C[t] = fk_qarr_new(m->nprof[t] * n))) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            goto done;
        }
        for (p = 0; p < m->nprof[t]; p++)
            for (k = 0; k < n; k++) {
                mpq_t *c = &C[t][p * n + k];
                util_at(*c, m, k, t, p, dyn_type_of(m, t, p, k));
                if (t + 1 < T) {
                    long p2;
                    mpq_set_ui(s, 0, 1);
                    for (p2 = 0; p2 < m->nprof[t + 1]; p2++) {
                        dyn_prof_prob(pr, m, t + 1, p, p2, -1);
                        mpq_mul(a, pr, C[t + 1][p2 * n + k]);
                        mpq_add(s, s, a);
                    }
                    mpq_mul(s, s, m->delta);
                    mpq_add(*c, *c, s);
                }
            }
    }
    for (t = 0; t < T; t++)
        for (h = 0; h < m->nhist[t + 1]; h++) {
            long p0 = h / m->nhist[t], p2;
            q = t ? h / m->nhist[t - 1] % m->nprof[t - 1] : 0;
            for (j = 0; j < n; j++) {
                /* gamma_j = sum_{p2} [P_-j(p2 | q) 1{p2_j = p0_j} - P(p2 | q)] sum_{k != j} C */
                mpq_set_ui(gam[j], 0, 1);
                for (p2 = 0; p2 < m->nprof[t]; p2++) {
                    mpq_set_ui(s, 0, 1);
                    for (k = 0; k < n; k++)
                        if (k != j)
                            mpq_add(s, s, C[t][p2 * n + k]);
                    dyn_prof_prob(pr, m, t, q, p2, -1);
                    mpq_neg(pr, pr);
                    if (dyn_type_of(m, t, p2, j) == dyn_type_of(m, t, p0, j)) {
                        dyn_prof_prob(a, m, t, q, p2, j);
                        mpq_add(pr, pr, a);
                    }
                    mpq_mul(a, pr, s);
                    mpq_add(gam[j], gam[j], a);
                }
            }
            for (j = 0; j < n; j++) {
                mpq_t *x = &psi[t][(long)j * m->nhist[t + 1] + h];
                mpq_set_ui(s, 0, 1);
                for (k = 0; k < n; k++)
                    if (k != j)
                        mpq_add(s, s, gam[k]);
                mpq_set_ui(a, 1, (unsigned long)(n - 1));
                mpq_mul(s, s, a);
                mpq_sub(*x, gam[j], s);
            }
        }
done:
    if (C)
        for (t = 0; t < T; t++)
            if (C[t])
                fk_qarr_free(C[t], m->nprof[t] * n);
    free(C);
    fk_qarr_free(gam, n);
    mpq_clears(pr, a, s, gam_j, NULL);
    return st;
}

fk_status dyn_transfers(mpq_t ***out, const dyn_model m, int rule, fk_err *err)
{
    mpq_t **psi = fk_calloc((size_t)m->T, sizeof *psi);
    fk_status st = FK_OK;
    int t;
    *out = NULL;
    if (!psi)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    for (t = 0; t < m->T; t++)
        if (!(psi[t] = fk_qarr_new((long)m->n * m->nhist[t + 1]))) {
            dyn_psi_free(psi, m);
            return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        }
    if (rule == DYN_AGV)
        st = agv(psi, m, err);
    else if (rule == DYN_TEAM)
        team(psi, m);
    else
        st = athey_segal(psi, m, err);
    if (st) {
        dyn_psi_free(psi, m);
        return st;
    }
    *out = psi;
    return FK_OK;
}

void dyn_budget(const dyn_model m, mpq_t **psi, int *bb, int *bt, long *bh, mpq_t sum)
{
    int t, i;
    long h;
    *bb = 1;
    for (t = 0; t < m->T; t++)
        for (h = 0; h < m->nhist[t + 1]; h++) {
            mpq_set_ui(sum, 0, 1);
            for (i = 0; i < m->n; i++)
                mpq_add(sum, sum, psi[t][(long)i * m->nhist[t + 1] + h]);
            if (mpq_sgn(sum)) {
                *bb = 0;
                *bt = t;
                *bh = h;
                return;
            }
        }
}

/* ---- the deviator's problem --------------------------------------------- */

void dyn_q(mpq_t r, const dyn_model m, mpq_t **psi, const dyn_agent *a, int t, long s,
           int rep, mpq_t *const vnext)
{
    int i = a->i, T = m->T, nti = m->nt[i * T + t], k = (int)(s % nti), k2;
    long h = s / nti, q = t ? h / m->nhist[t - 1] : 0, p;
    mpq_t pr, term, u;
    mpq_inits(pr, term, u, NULL);
    mpq_set_ui(r, 0, 1);
    for (p = 0; p < m->nprof[t]; p++) {
        long h2;
        if (dyn_type_of(m, t, p, i) != rep)
            continue;
        dyn_prof_prob(pr, m, t, q, p, i);
        if (mpq_sgn(pr) == 0)
            continue;
        h2 = h + m->nhist[t] * p;
        util_at(term, m, i, t, p, k);
        mpq_add(term, term, psi[t][(long)i * m->nhist[t + 1] + h2]);
        if (t + 1 < T) {
            int nt2 = m->nt[i * T + t + 1];
            mpq_set_ui(u, 0, 1);
            for (k2 = 0; k2 < nt2; k2++) {
                mpq_srcptr tp = m->p[i * T + t + 1][(long)k * nt2 + k2];
                mpq_t w;
                if (mpq_sgn(tp) == 0)
                    continue;
                mpq_init(w);
                mpq_mul(w, tp, vnext[h2 * nt2 + k2]);
                mpq_add(u, u, w);
                mpq_clear(w);
            }
            mpq_mul(u, u, m->delta);
            mpq_add(term, term, u);
        }
        mpq_mul(term, term, pr);
        mpq_add(r, r, term);
    }
    mpq_clears(pr, term, u, NULL);
}

void dyn_agent_free(dyn_agent *a, const dyn_model m)
{
    int t;
    for (t = 0; t < m->T; t++) {
        if (a->reach)
            free(a->reach[t]);
        if (a->plan)
            free(a->plan[t]);
        if (a->vtr && a->vtr[t])
            fk_qarr_free(a->vtr[t], a->ns[t]);
        if (a->vopt && a->vopt[t])
            fk_qarr_free(a->vopt[t], a->ns[t]);
    }
    free(a->reach);
    free(a->plan);
    free(a->vtr);
    free(a->vopt);
    free(a->ns);
    if (a->live) {
        mpq_clear(a->W);
        mpq_clear(a->Vopt);
    }
    memset(a, 0, sizeof *a);
}

fk_status dyn_agent_solve(dyn_agent *a, const dyn_model m, mpq_t **psi, int i, fk_err *err)
{
    int T = m->T, t, r;
    econ_dev dv;
    long s;
    mpq_t qv, best, qt;
    memset(a, 0, sizeof *a);
    mpq_init(a->W);
    mpq_init(a->Vopt);
    a->live = 1;
    a->i = i;
    a->reach = fk_calloc((size_t)T, sizeof *a->reach);
    a->plan = fk_calloc((size_t)T, sizeof *a->plan);
    a->vtr = fk_calloc((size_t)T, sizeof *a->vtr);
    a->vopt = fk_calloc((size_t)T, sizeof *a->vopt);
    a->ns = fk_calloc((size_t)T, sizeof *a->ns);
    if (!a->reach || !a->plan || !a->vtr || !a->vopt || !a->ns)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    for (t = 0; t < T; t++) {
        a->ns[t] = m->nhist[t] * m->nt[i * T + t];
        a->reach[t] = fk_calloc((size_t)a->ns[t], 1);
        a->plan[t] = fk_calloc((size_t)a->ns[t], sizeof(int));
        a->vtr[t] = fk_qarr_new(a->ns[t]);
        a->vopt[t] = fk_qarr_new(a->ns[t]);
        if (!a->reach[t] || !a->plan[t] || !a->vtr[t] || !a->vopt[t])
            return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    }
    mpq_inits(qv, best, qt, NULL);
    /* reachability, forward */
    for (s = 0; s < a->ns[0]; s++)
        a->reach[0][s] = mpq_sgn(m->p[i * T][s]) > 0;
    for (t = 0; t + 1 < T; t++) {
        int nti = m->nt[i * T + t], nt2 = m->nt[i * T + t + 1];
        for (s = 0; s < a->ns[t]; s++) {
            long h = s / nti, q = t ? h / m->nhist[t - 1] : 0, p;
            int k = (int)(s % nti), k2;
            if (!a->reach[t][s])
                continue;
            for (p = 0; p < m->nprof[t]; p++) {
                dyn_prof_prob(qv, m, t, q, p, i);
                if (mpq_sgn(qv) == 0)
                    continue;
                for (k2 = 0; k2 < nt2; k2++)
                    if (mpq_sgn(m->p[i * T + t + 1][(long)k * nt2 + k2]))
                        a->reach[t + 1][(h + m->nhist[t] * p) * nt2 + k2] = 1;
            }
        }
    }
    /* backward induction: truthful and optimal values */
    for (t = T - 1; t >= 0; t--) {
        int nti = m->nt[i * T + t];
        for (s = 0; s < a->ns[t]; s++) {
            int k = (int)(s % nti);
            if (!a->reach[t][s])
                continue;
            dyn_q(a->vtr[t][s], m, psi, a, t, s, k, t + 1 < T ? a->vtr[t + 1] : NULL);
            dyn_q(qt, m, psi, a, t, s, k, t + 1 < T ? a->vopt[t + 1] : NULL);
            mpq_set(best, qt);
            a->plan[t][s] = k;
            for (econ_dev_reports(&dv, k, nti); econ_dev_ok(&dv); econ_dev_next(&dv)) {
                r = dv.b;
                dyn_q(qv, m, psi, a, t, s, r, t + 1 < T ? a->vopt[t + 1] : NULL);
                if (mpq_cmp(qv, best) > 0) {
                    mpq_set(best, qv);
                    a->plan[t][s] = r;
                }
            }
            mpq_set(a->vopt[t][s], best);
        }
    }
    for (s = 0; s < a->ns[0]; s++) {
        mpq_mul(qv, m->p[i * T][s], a->vtr[0][s]);
        mpq_add(a->W, a->W, qv);
        mpq_mul(qv, m->p[i * T][s], a->vopt[0][s]);
        mpq_add(a->Vopt, a->Vopt, qv);
    }
    mpq_clears(qv, best, qt, NULL);
    return FK_OK;
}

void dyn_ymass_free(mpq_t **y, const dyn_model m, const dyn_agent *a)
{
    int t;
    if (!y)
        return;
    for (t = 0; t < m->T; t++)
        fk_qarr_free(y[t], a->ns[t] * m->nt[a->i * m->T + t]);
    free(y);
}

fk_status dyn_agent_lp(econ_out *o, const dyn_model m, mpq_t **psi, const dyn_agent *a,
                       const char *name, int *ic, mpq_t gain, mpq_t ***ymass, fk_err *err)
{
    int T = m->T, i = a->i, t, r;
    long s, **col = NULL, **row = NULL, val = -1;
    lp_model *lp = lp_new();
    lp_answer res;
    fk_status st = FK_OK;
    char hb[1024];
    mpq_t rhs, pr, u, c, by;
    lp_answer_init(&res);
    mpq_inits(rhs, pr, u, c, by, NULL);
    if (ymass)
        *ymass = NULL;
    col = fk_calloc((size_t)T, sizeof *col);
    row = fk_calloc((size_t)T, sizeof *row);
    if (!lp || !col || !row) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    for (t = 0; t < T; t++) {
        int nti = m->nt[i * T + t];
        col[t] = fk_calloc((size_t)a->ns[t], sizeof **col);
        row[t] = fk_calloc((size_t)a->ns[t] * nti, sizeof **row);
        if (!col[t] || !row[t]) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            goto done;
        }
        for (s = 0; s < a->ns[t]; s++) {
            col[t][s] = -1;
            if (!a->reach[t][s])
                continue;
            dyn_hist_str(m, t, s / nti, hb, sizeof hb);
            if ((st = econ_col(lp, &col[t][s], err, "V[%d:%s|%s]", t + 1, hb,
                               m->tname[i * T + t][s % nti])))
                goto done;
            econ_col_free(lp, col[t][s]);
        }
    }
    lp->sense = LP_MIN;
    for (t = 0; t < T; t++) {
        int nti = m->nt[i * T + t];
        for (s = 0; s < a->ns[t]; s++) {
            long h = s / nti, q = t ? h / m->nhist[t - 1] : 0, p;
            int k = (int)(s % nti);
            if (!a->reach[t][s])
                continue;
            dyn_hist_str(m, t, h, hb, sizeof hb);
            for (r = 0; r < nti; r++) {
                long ri;
                if ((st = econ_row(lp, &ri, err, "BELL[%d:%s|%s>%s]", t + 1, hb,
                                   m->tname[i * T + t][k], m->tname[i * T + t][r])))
                    goto done;
                row[t][s * nti + r] = ri;
                mpq_set_ui(c, 1, 1);
                if ((st = lp_add_coef(lp, ri, col[t][s], c, err)))
                    goto done;
                mpq_set_ui(rhs, 0, 1);
                for (p = 0; p < m->nprof[t]; p++) {
                    long h2;
                    if (dyn_type_of(m, t, p, i) != r)
                        continue;
                    dyn_prof_prob(pr, m, t, q, p, i);
                    if (mpq_sgn(pr) == 0)
                        continue;
                    h2 = h + m->nhist[t] * p;
                    util_at(u, m, i, t, p, k);
                    mpq_add(u, u, psi[t][(long)i * m->nhist[t + 1] + h2]);
                    mpq_mul(u, u, pr);
                    mpq_add(rhs, rhs, u);
                    if (t + 1 < T) {
                        int nt2 = m->nt[i * T + t + 1], k2;
                        for (k2 = 0; k2 < nt2; k2++) {
                            mpq_srcptr tp = m->p[i * T + t + 1][(long)k * nt2 + k2];
                            if (mpq_sgn(tp) == 0)
                                continue;
                            mpq_mul(c, pr, tp);
                            mpq_mul(c, c, m->delta);
                            mpq_neg(c, c);
                            if ((st = lp_add_coef(lp, ri, col[t + 1][h2 * nt2 + k2], c, err)))
                                goto done;
                        }
                    }
                }
                lp_set_row_lo(lp, ri, rhs);
            }
        }
    }
    if ((st = econ_row(lp, &val, err, "VAL")))
        goto done;
    for (s = 0; s < a->ns[0]; s++) {
        if (!a->reach[0][s])
            continue;
        lp_set_obj(lp, col[0][s], m->p[i * T][s]);
        if ((st = lp_add_coef(lp, val, col[0][s], m->p[i * T][s], err)))
            goto done;
    }
    lp_set_row_hi(lp, val, a->W);
    if ((st = econ_solve_certify(o, lp, name, &res, err)))
        goto done;
    if (res.status == LP_OPTIMAL) {
        *ic = 1;
        mpq_set_ui(gain, 0, 1);
        if (!mpq_equal(res.objval, a->W))
            st = fk_fail(err, FK_EINVAL, NULL, "%s: LP optimum differs from the truthful value", name);
    } else if (res.status == LP_INFEASIBLE) {
        long k;
        *ic = 0;
        /* b(y) = sum_i y_i (y_i > 0 ? lo_i : hi_i); gain = b(y) / (-y_VAL) */
        for (k = 0; k < lp->m; k++) {
            if (mpq_sgn(res.y[k]) == 0)
                continue;
            if (k == val)
                mpq_mul(u, res.y[k], a->W);
            else
                mpq_mul(u, res.y[k], lp->rlo[k]);
            mpq_add(by, by, u);
        }
        if (mpq_sgn(res.y[val]) >= 0) {
            st = fk_fail(err, FK_EINVAL, NULL, "%s: Farkas multiplier of VAL is not negative", name);
            goto done;
        }
        mpq_neg(u, res.y[val]);
        mpq_div(gain, by, u);
        if (ymass) {
            mpq_t **y = fk_calloc((size_t)T, sizeof *y);
            if (!y) {
                st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                goto done;
            }
            *ymass = y;
            for (t = 0; t < T; t++) {
                int nti = m->nt[i * T + t];
                if (!(y[t] = fk_qarr_new(a->ns[t] * nti))) {
                    st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                    goto done;
                }
                for (s = 0; s < a->ns[t]; s++)
                    if (a->reach[t][s])
                        for (r = 0; r < nti; r++)
                            mpq_div(y[t][s * nti + r], res.y[row[t][s * nti + r]], u);
            }
        }
    } else {
        st = fk_fail(err, FK_EINVAL, NULL, "%s: deviation LP %s", name, lp_status_str(res.status));
    }
done:
    for (t = 0; t < T; t++) {
        if (col)
            free(col[t]);
        if (row)
            free(row[t]);
    }
    free(col);
    free(row);
    mpq_clears(rhs, pr, u, c, by, NULL);
    lp_answer_clear(&res);
    lp_free(lp);
    return st;
}
