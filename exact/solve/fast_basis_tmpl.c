/* fast_basis_tmpl.c: basis operations of the float phase (included by
 * fast.c, once per precision).
 *
 * Mathematics: B = L U, a sparse Markowitz factorisation of the basis
 * (flu.h) whose U is updated in place when a column replaces another
 * (Forrest-Tomlin, flu_update: B^{-1} = U^{-1} R_t ... R_1 L^{-1}); or, with
 * w->ft = 0, B^{-1} = E_k ... E_1 (L U)^{-1} with E_i the product-form
 * eta matrices of the updates since (the column alpha = B^{-1} K_q of the
 * entering variable replaces position p: E = I + (e_p - alpha) e_p^T /
 * alpha_p).  FTRAN solves B v = a, BTRAN solves u^T B = c^T; basic values
 * come from B w_B = -sum_{j nonbasic} K_j w_j, reduced costs from
 * d_j = c_j - pi^T K_j with B^T pi = c_B.  The pivot row is rho^T K with
 * B^T rho = e_r.  Singular bases are repaired by swapping in logicals for
 * the dependent columns flu reports (K's logical columns are -e_i, so
 * this always gives a nonsingular basis).  Also the start basis. */

/* ---------- factorisation ---------- */

/* Put nonbasic j at a bound (its preferred one if finite). */
static void rest(fws *w, long j, int prefer)
{
    if (prefer == LP_AT_UP && w->up[j] < HUGE_VAL)
        w->stat[j] = LP_AT_UP;
    else if (w->lo[j] > -HUGE_VAL)
        w->stat[j] = LP_AT_LO;
    else if (w->up[j] < HUGE_VAL)
        w->stat[j] = LP_AT_UP;
    else
        w->stat[j] = LP_AT_ZERO;
    w->x[j] = w->stat[j] == LP_AT_LO ? w->lo[j]
            : w->stat[j] == LP_AT_UP ? w->up[j] : 0.0;
    w->pos[j] = -1;
}

/* Row entries q1 and q2 trade places (rows_partition, rows_move). */
static void row_swap(fws *w, long q1, long q2)
{
    long c = w->cidx[q1], k = w->rk[q1];
    real v = w->rval[q1];
    w->cidx[q1] = w->cidx[q2];
    w->rval[q1] = w->rval[q2];
    w->rk[q1] = w->rk[q2];
    w->cidx[q2] = c;
    w->rval[q2] = v;
    w->rk[q2] = k;
    w->rpos[w->rk[q1]] = q1;
    w->rpos[w->rk[q2]] = q2;
}

/* The pivot row (pivot_row) visits only nonbasic columns, so each row of
 * the row copy keeps its nonbasic columns' entries first: rebuilt after
 * every factorisation (which is where a basis is set or repaired), moved
 * entry by entry at each pivot (rows_move).  pivot_row was 36 % of
 * dfl001's float phase; skipping the basic columns' entries (and the
 * status test per entry) took its 24,094 iterations from 10.5 to 8.8 s.
 * The order of a row's entries changes with the swaps, so pivot_row also
 * records each column's rank in the order it had before (by first row,
 * then index: arank), which the dual ratio test breaks ties by: paths
 * without bound flips stay exactly what they were (dfl001, qap12). */
static void rows_partition(fws *w)
{
    long i;
    for (i = 0; i < w->m; i++) {
        long a = w->rbeg[i], b = w->rbeg[i + 1];
        while (a < b) {
            if (w->stat[w->cidx[a]] != LP_BASIC)
                a++;
            else
                row_swap(w, a, --b);
        }
        w->rnb[i] = a - w->rbeg[i];
    }
}

/* Structural j has become basic (to_basic) or nonbasic: its entries to
 * the other part of their rows. */
static void rows_move(fws *w, long j, int to_basic)
{
    long k;
    if (j >= w->n)
        return;
    for (k = w->cbeg[j]; k < w->cbeg[j + 1]; k++) {
        long i = w->ridx[k], q = w->rpos[k], nb = w->rbeg[i] + w->rnb[i];
        /* only entries on the wrong side move, so a repeated call is a
         * no-op and the counts never leave the row */
        if (to_basic && q < nb)
            row_swap(w, q, w->rbeg[i] + --w->rnb[i]);
        else if (!to_basic && q >= nb)
            row_swap(w, q, w->rbeg[i] + w->rnb[i]++);
    }
}

/* Sparse LU of B.  A column found dependent on the others is replaced by
 * the logical of a row left without a pivot (flu.h), as the exact phase
 * repairs a singular start basis.  Returns -1 when memory runs out. */
static int factor(fws *w)
{
    long t, nd;
    if (flu_factor(&w->lu, w->m, w->n, w->cbeg, w->ridx, w->val, w->head,
                   w->dep_pos, w->dep_row, &nd))
        return -1;
    for (t = 0; t < nd; t++) {
        long k = w->dep_pos[t], lj = w->n + w->dep_row[t], old = w->head[k];
        if (w->pos[old] == k)
            rest(w, old, LP_AT_LO);
        w->head[k] = lj;
        w->pos[lj] = k;
        w->stat[lj] = LP_BASIC;
    }
    w->ne = 0;
    w->nv = 0;
    w->updates = 0;
    rows_partition(w);
    return 0;
}

/* v = B^{-1} v: v is indexed by rows on entry, by positions on exit. */
static void ftran(fws *w, real *v)
{
    long k, q;
    flu_ftran(&w->lu, v);
    for (k = 0; k < w->ne; k++) {
        long p = w->ep[k], b = w->ebeg[k];
        if (v[p] == 0)
            continue;
        v[p] /= w->ev[b];
        for (q = b + 1; q < w->ebeg[k + 1]; q++)
            v[w->ei[q]] -= w->ev[q] * v[p];
    }
}

/* u = B^{-T} u: u indexed by positions on entry, by rows on exit. */
static void btran(fws *w, real *u)
{
    long k, q;
    for (k = w->ne - 1; k >= 0; k--) {
        long p = w->ep[k], b = w->ebeg[k];
        real s = u[p];
        for (q = b + 1; q < w->ebeg[k + 1]; q++)
            s -= w->ev[q] * u[w->ei[q]];
        u[p] = s / w->ev[b];
    }
    flu_btran(&w->lu, u);
}

/* The basis update after alpha = B^{-1} K_q replaced position p: a
 * Forrest-Tomlin update of flu's factors (which refactors on the next
 * iteration when flu refuses it or asks for it), or a product-form eta. */
static int eta_push(fws *w, const real *alpha, long p)
{
    long i, need = w->nv + w->m + 1;
    if (w->ft) {
        int rc = flu_update(&w->lu, p, alpha[p]);
        if (rc < 0)
            return -1;
        if (rc == 1)
            w->nunstable++;
        w->updates = rc ? w->reflimit : w->updates + 1;
        w->nft++;
        return 0;
    }
    w->npf++;
    if (need > w->nvalloc) {
        long cap = w->nvalloc ? w->nvalloc : 1024;
        real *nv;
        long *ni;
        while (cap < need)
            cap *= 2;
        if (!(nv = fk_realloc(w->ev, (size_t)cap, sizeof *nv)))
            return -1;
        w->ev = nv;
        if (!(ni = fk_realloc(w->ei, (size_t)cap, sizeof *ni)))
            return -1;
        w->ei = ni;
        w->nvalloc = cap;
    }
    if (w->ne + 2 > w->nealloc) {
        long cap = w->nealloc ? 2 * w->nealloc : 128, *a;
        if (!(a = fk_realloc(w->ep, (size_t)cap, sizeof *a)))
            return -1;
        w->ep = a;
        if (!(a = fk_realloc(w->ebeg, (size_t)cap + 1, sizeof *a)))
            return -1;
        w->ebeg = a;
        w->nealloc = cap;
    }
    w->ep[w->ne] = p;
    w->ebeg[w->ne] = w->nv;
    w->ev[w->nv] = alpha[p];
    w->ei[w->nv++] = p;
    for (i = 0; i < w->m; i++)
        if (i != p && RABS(alpha[i]) > TOL_DROP) {
            w->ev[w->nv] = alpha[i];
            w->ei[w->nv++] = i;
        }
    w->ne++;
    w->ebeg[w->ne] = w->nv;
    w->updates++;
    return 0;
}

/* v += f K_j (v indexed by rows). */
static void add_col(const fws *w, real *v, long j, real f)
{
    long k;
    if (j >= w->n) {
        v[j - w->n] -= f;
        return;
    }
    for (k = w->cbeg[j]; k < w->cbeg[j + 1]; k++)
        v[w->ridx[k]] += w->val[k] * f;
}

static void load_col(const fws *w, real *v, long j)
{
    memset(v, 0, (size_t)w->m * sizeof *v);
    add_col(w, v, j, 1.0);
}

/* The next FTRAN is of load_col(j): its pattern, for the hypersparse
 * solve (flu_hint). */
static void hint_col(fws *w, long j)
{
    if (j >= w->n) {
        w->hint1 = j - w->n;
        flu_hint(&w->lu, &w->hint1, 1);
    } else if (w->cbeg[j + 1] > w->cbeg[j]) {
        flu_hint(&w->lu, w->ridx + w->cbeg[j], w->cbeg[j + 1] - w->cbeg[j]);
    }
}

static real dot_col(const fws *w, const real *pi, long j)
{
    long k;
    real s = 0;
    if (j >= w->n)
        return -pi[j - w->n];
    for (k = w->cbeg[j]; k < w->cbeg[j + 1]; k++)
        s += pi[w->ridx[k]] * w->val[k];
    return s;
}

/* x_B recomputed from the nonbasic values. */
static void basic_values(fws *w)
{
    long j, p;
    real *r = w->w1;
    memset(r, 0, (size_t)w->m * sizeof *r);
    for (j = 0; j < w->N; j++)
        if (w->stat[j] != LP_BASIC && w->x[j] != 0)
            add_col(w, r, j, -w->x[j]);
    ftran(w, r);
    for (p = 0; p < w->m; p++)
        w->x[w->head[p]] = r[p];
}

/* Refactor, then x_B afresh. */
static int refresh(fws *w)
{
    if (factor(w))
        return -1;
    w->nfactor++;
    basic_values(w);
    w->need_full = 1;
    return 0;
}

/* The pivot row r of B^{-1} K over the nonbasic variables, into w->arow
 * (nonzeros listed in w->alist): rho = B^{-T} e_r, then rho^T K_j, summed
 * over the rows where rho is nonzero (rho is usually very sparse). */
static void pivot_row(fws *w, long r)
{
    long m = w->m, n = w->n, i, k, t;
    real *rho = w->rho;
    for (t = 0; t < w->na; t++)
        w->arow[w->alist[t]] = 0;
    w->na = 0;
    memset(rho, 0, (size_t)m * sizeof *rho);
    rho[r] = 1.0;
    if (w->ne == 0) { /* no eta file to change rho before flu_btran */
        w->hint1 = r;
        flu_hint(&w->lu, &w->hint1, 1);
    }
    btran(w, rho);
    for (i = 0; i < m; i++) {
        real ri = rho[i];
        if (RABS(ri) < TOL_DROP)
            continue;
        for (k = w->rbeg[i]; k < w->rbeg[i] + w->rnb[i]; k++) {
            long j = w->cidx[k];
            if (w->arow[j] == 0) {
                w->alist[w->na++] = j;
                w->arank[j] = i * (w->N + 1) + j;
            }
            w->arow[j] += ri * w->rval[k];
            if (w->arow[j] == 0)
                w->arow[j] = 1e-300; /* keep it listed */
        }
        if (w->stat[n + i] != LP_BASIC) {
            w->arank[n + i] = i * (w->N + 1) + n + i;
            w->alist[w->na++] = n + i;
            w->arow[n + i] = -ri;
        }
    }
}

/* After the pivot (q enters at the position of lv, pivot element ar):
 * devex weights (Forrest-Goldfarb reference framework) and, in phase 2,
 * the reduced costs are updated from the pivot row. */
static void devex_update(fws *w, long q, long lv, real ar, int phase)
{
    long t;
    real wq = w->dw[q], td = w->d[q] / ar, big = 0;
    for (t = 0; t < w->na; t++) {
        long j = w->alist[t];
        real a = w->arow[j], v;
        if (j == q)
            continue;
        v = a / ar;
        v = v * v * wq;
        if (v > w->dw[j])
            w->dw[j] = v;
        if (w->dw[j] > big)
            big = w->dw[j];
        w->d[j] -= td * a;
    }
    w->dw[lv] = wq / (ar * ar) > 1.0 ? wq / (ar * ar) : 1.0;
    w->d[lv] = -td;
    w->d[q] = 0;
    /* weights grown out of proportion: a new reference framework */
    if (big > 1e8)
        for (t = 0; t < w->N; t++)
            w->dw[t] = 1.0;
}

/* -1 below its lower bound, +1 above its upper bound, else 0. */
static int infeas(const fws *w, long j)
{
    if (w->x[j] < w->lo[j] - TOL_PRIMAL)
        return -1;
    if (w->x[j] > w->up[j] + TOL_PRIMAL)
        return 1;
    return 0;
}

/* d_j = c_j - K_j^T pi with pi = B^{-T} c_B, for every nonbasic j. */
static void full_d(fws *w)
{
    long p, j;
    real *pi = w->w1;
    for (p = 0; p < w->m; p++)
        pi[p] = w->c[w->head[p]];
    btran(w, pi);
    for (j = 0; j < w->N; j++)
        w->d[j] = w->stat[j] == LP_BASIC ? 0.0 : w->c[j] - dot_col(w, pi, j);
    w->need_full = 0;
}

/* The start basis: the caller's (positions in order, the rest at their
 * recorded bounds; a wrong size or a repeated or missing column falls back
 * to the slack basis), else all logicals with structurals at a bound. */
static void start(fws *w, const lp_basis *b)
{
    long m = w->m, n = w->n, j, p, cnt = 0;
    if (b && b->m == m && b->n == n) {
        for (j = 0; j < w->N; j++)
            w->pos[j] = -1;
        for (p = 0; p < m; p++) {
            j = b->head[p];
            if (j < 0 || j >= w->N || w->pos[j] >= 0)
                break;
            w->pos[j] = p;
            cnt++;
        }
    }
    if (cnt == m && b) {
        for (j = 0; j < w->N; j++)
            if (w->pos[j] < 0)
                rest(w, j, b->stat[j]);
        for (p = 0; p < m; p++) {
            w->head[p] = b->head[p];
            w->stat[b->head[p]] = LP_BASIC;
        }
        return;
    }
    for (p = 0; p < m; p++) {
        w->head[p] = n + p;
        w->pos[n + p] = p;
        w->stat[n + p] = LP_BASIC;
    }
    for (j = 0; j < n; j++)
        rest(w, j, LP_AT_LO);
}
