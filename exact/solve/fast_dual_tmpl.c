/* fast_dual_tmpl.c: the dual simplex of the float phase (included by fast.c,
 * once per precision).
 *
 * Mathematics: the bounded dual simplex keeps every nonbasic d_j on its
 * dual feasible side (d_j >= 0 at a lower bound, <= 0 at an upper, 0 for
 * a free variable) and removes primal infeasibilities: a basic variable
 * outside its box leaves (dual steepest-edge pricing, weights
 * ||e_r^T B^{-1}||^2 updated per pivot), the entering one comes from the
 * ratio test on d_j / alpha_rj, where boxed candidates whose breakpoint is
 * passed flip to their other bound instead (bound flipping: a line search
 * on the piecewise-linear dual objective), with Harris's tolerance for
 * the pivot choice.  Where rounding leaves a d_j on the wrong side its
 * cost is shifted so that d_j = 0; the shifts are taken back at the end.
 * When the slack basis is dual infeasible, bounds implied by the rows
 * (domain propagation) give the variables the bounds their reduced costs
 * ask for where they can; where they cannot, phase 1 solves Fourer's
 * auxiliary problem (boxes [0,1], [-1,0], [-1,1] for variables with only
 * a lower, only an upper, no bound, [0,0] for the others), at whose
 * optimum the reduced costs are as dual feasible as the problem allows.
 * Against dual degeneracy phase 2, when the costs are tied and it has run
 * long, goes on with costs perturbed into their dual feasible side by
 * small deterministic amounts (see dual_perturb); the primal simplex that
 * follows works on the true ones. */

/* ---------- the dual simplex ---------- */

/* How far x_j lies outside [lo_j, up_j] (0 inside). */
static real violation(const fws *w, long j)
{
    return w->x[j] < w->lo[j] ? w->lo[j] - w->x[j]
         : w->x[j] > w->up[j] ? w->x[j] - w->up[j] : 0;
}

/* Boxed nonbasic j to its other bound; returns the change of x_j. */
static real flip_bound(fws *w, long j)
{
    real old = w->x[j];
    w->stat[j] = w->stat[j] == LP_AT_LO ? LP_AT_UP : LP_AT_LO;
    w->x[j] = w->stat[j] == LP_AT_LO ? w->lo[j] : w->up[j];
    return w->x[j] - old;
}

/* Whether nonbasic j, with pivot-row entry arow[j], can enter in the dual
 * ratio test: moving it off its bound pushes the leaving variable towards
 * its violated bound (below: its lower one), and it is not fixed. */
static int dual_candidate(const fws *w, long j, int below)
{
    real a = w->arow[j];
    int s = w->stat[j];
    if (RABS(a) < TOL_PIVOT || w->lo[j] == w->up[j])
        return 0;
    if (s == LP_AT_ZERO)
        return 1;
    return below ? (s == LP_AT_LO && a < 0) || (s == LP_AT_UP && a > 0)
                 : (s == LP_AT_LO && a > 0) || (s == LP_AT_UP && a < 0);
}

/* How far nonbasic j's reduced cost is on its dual feasible side: at a
 * lower bound d_j >= 0 is feasible, at an upper one d_j <= 0, and a free
 * variable (at zero) needs d_j = 0.  Negative: infeasible by that much. */
static real dual_slack(const fws *w, long j)
{
    int s = w->stat[j];
    return s == LP_AT_LO ? w->d[j] : s == LP_AT_UP ? -w->d[j] : -RABS(w->d[j]);
}

/* A ratio-test candidate with its breakpoint, for sorting. */
typedef struct {
    real rt;
    long j;
} dpair;

/* The dual simplex's own arrays. */
typedef struct {
    real *dse;        /* m: dual steepest-edge weights ||e_p^T B^{-1}||^2 */
    real *tau, *dx;   /* m: B^{-1} rho, and the flips' effect on x_B */
    long *cand;       /* N: ratio-test candidates, flipped ones first */
    real *rt;         /* N: their breakpoints */
    dpair *srt;       /* N: the remaining candidates, a heap (bfrt_heap) */
    real *lo1, *up1;  /* N: the true bounds while phase 1 boxes them */
    real *c0;         /* N: the true costs (shifted ones are restored) */
    long nshift;      /* costs shifted so far */
    long ndegen;      /* iterations whose dual step was 0 (|d_q| within
                       * TOL_DUAL): the dual objective did not move */
    int perturbed;    /* costs perturbed (c0 holds the true ones) */
    long pert_at;     /* perturb once the dual has run this many
                       * iterations (-1: never) */
    real *inf;        /* m: squared violation of row p's basic variable,
                       * 0 within TOL_PRIMAL (pricing reads this one
                       * contiguous array instead of x, lo, up through head) */
} dws;

/* dv->inf[p] afresh from x_B: after a refactor (x_B recomputed) and for
 * the rows an iteration moved. */
static void dual_inf_row(const fws *w, dws *dv, long p)
{
    real v = violation(w, w->head[p]);
    dv->inf[p] = v > TOL_PRIMAL ? v * v : 0;
}

static void dual_inf_all(const fws *w, dws *dv)
{
    long p;
    for (p = 0; p < w->m; p++)
        dual_inf_row(w, dv, p);
}

/* A binary min-heap of candidates by breakpoint, h[0..n). */
static void heap_down(dpair *h, long n, long i)
{
    dpair x = h[i];
    for (;;) {
        long c = 2 * i + 1;
        if (c >= n)
            break;
        if (c + 1 < n && h[c + 1].rt < h[c].rt)
            c++;
        if (!(h[c].rt < x.rt))
            break;
        h[i] = h[c];
        i = c;
    }
    h[i] = x;
}

/* cand[nf..nc) into the heap dv->srt (returns its size).  The bound
 * flipping ratio test passes the breakpoints group by group; rescanning
 * all remaining candidates for each group is quadratic in their number,
 * and on a boxed LP with few rows and many columns (fit2d: 25 x 10,500,
 * thousands of flips an iteration) most of the run went there; a full
 * sort instead still took a third.  The heap costs O(n) to build and
 * O(log n) per breakpoint passed. */
static long bfrt_heap(dws *dv, long nf, long nc)
{
    long k, n = nc - nf;
    for (k = 0; k < n; k++) {
        dv->srt[k].rt = dv->rt[nf + k];
        dv->srt[k].j = dv->cand[nf + k];
    }
    for (k = n / 2 - 1; k >= 0; k--)
        heap_down(dv->srt, n, k);
    return n;
}

/* Refactor, then x_B and d afresh, then dual feasibility restored where
 * rounding lost it: a boxed variable on the wrong side flips to its other
 * bound (x_B recomputed), any other gets its cost shifted so that d_j = 0
 * (Harris's tolerance makes such shifts small; dual_phase takes them back
 * at the end and the primal simplex cleans up). */
static int dual_refresh(fws *w, dws *dv)
{
    long j;
    int flipped = 0;
    if (refresh(w))
        return -1;
    full_d(w);
    for (j = 0; j < w->N; j++) {
        if (w->stat[j] == LP_BASIC || w->lo[j] == w->up[j] || dual_slack(w, j) >= -TOL_DUAL)
            continue;
        if (w->lo[j] > -HUGE_VAL && w->up[j] < HUGE_VAL) {
            flip_bound(w, j);
            flipped = 1;
        } else {
            w->c[j] -= w->d[j];
            w->d[j] = 0;
            dv->nshift++;
        }
    }
    if (flipped)
        basic_values(w);
    return 0;
}

/* Nonbasic variables to the bound their reduced cost asks for, where a
 * finite bound allows (a free one rests at 0); then x_B afresh and d. */
static int dual_place(fws *w, dws *dv)
{
    long j;
    for (j = 0; j < w->N; j++)
        if (w->stat[j] != LP_BASIC)
            rest(w, j, w->d[j] < 0 && w->lo[j] != w->up[j] ? LP_AT_UP : LP_AT_LO);
    return dual_refresh(w, dv);
}

/* Cost perturbation against dual degeneracy.  Many reduced costs at 0
 * (qap: integer costs, thousands equal) make ties in the ratio test, and
 * the dual simplex takes steps of length 0.  Each nonbasic structural's
 * cost moves by delta_j into its dual feasible side (c_j up at a lower
 * bound, down at an upper), so d_j moves by the same delta_j (pi depends
 * on the basic costs only) and the basis stays dual feasible, with the
 * ties broken.  delta_j = (a + r |c_j|)(1 + u_j): the costs are
 * normalised to max |c| = 1 (fws_init), so this is relative to |c_j| and
 * to the cost norm at once; u_j in [0, 1) is a hash of j, so the run is
 * deterministic.  Free and fixed variables and basic ones keep their
 * costs.  The true costs come back at the end of the dual phase
 * (dual_phase); the primal simplex then removes the dual infeasibilities
 * this leaves, in phase 2 from the dual's primal feasible basis.
 *
 * Only when the costs are tied: PERT_TIES or more columns per distinct
 * nonzero |c_j| (qap8 96, qap12 466, pds 185-303, cre-b 81, maros-r7
 * 4704; dfl001 2.2, d2q06c 3.3, pilot87 12.5, ken-11 1.5).  Then a = 1e-5,
 * r = 1e-3: qap12 takes 54,801 dual + 1,791 primal iterations, where
 * a = 1e-7, r = 1e-6 had not finished after 145,000 (the count is chaotic
 * in the sizes: 55,000 to 90,000 for sizes near these).  Untied costs are
 * left alone: on dfl001 the large size cut the dual from 22,898 to 18,033
 * iterations but left 1,739 dual infeasibilities that took the primal
 * 61,000 degenerate iterations, and both sizes ended on a basis exactly
 * 6.5e-11 primal infeasible, whose refinement then runs the primal phase
 * 1 for minutes (bench/PROFILE.md).
 *
 * And only once the dual has run PERT_AFTER m iterations (a switch in
 * mid-run keeps dual feasibility like one at the start): from the start
 * it made cre-b (14,667 dual iterations, 1.5 m) 33 % slower, maros-r7
 * (1.8 m) 13 %, for no fewer iterations; qap12 is perturbed after 6,384
 * of its 66,588 (81 s user; from the start 64.7 s, same sizes). */
#define PERT_TIES 50
#define PERT_AFTER 2 /* times m dual iterations */

static real pert_hash(long j)
{
    unsigned long long z = (unsigned long long)j + 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return (real)(z >> 11) * (1.0 / 9007199254740992.0);
}

static int pert_cmp(const void *a, const void *b)
{
    real x = *(const real *)a, y = *(const real *)b;
    return x < y ? -1 : x > y;
}

/* Columns per distinct nonzero |c_j| (structurals), or -1 when memory
 * runs out (then no perturbation: it is only a speed-up). */
static long pert_ties(const fws *w)
{
    long j, k = 0, distinct = 0;
    real *v = fk_calloc((size_t)w->n + 1, sizeof *v);
    if (!v)
        return -1;
    for (j = 0; j < w->n; j++)
        if (w->c[j] != 0)
            v[k++] = RABS(w->c[j]);
    qsort(v, (size_t)k, sizeof *v, pert_cmp);
    for (j = 0; j < k; j++)
        if (j == 0 || v[j] != v[j - 1])
            distinct++;
    free(v);
    return w->n / (distinct + 1);
}

static void dual_perturb(fws *w, dws *dv)
{
    long j;
    const real a = 1e-5, r = 1e-3;
    for (j = 0; j < w->n; j++) {
        int s = w->stat[j];
        real delta;
        if (s == LP_BASIC || s == LP_AT_ZERO || w->lo[j] == w->up[j])
            continue;
        delta = (a + r * RABS(w->c[j])) * (1 + pert_hash(j));
        if (s == LP_AT_UP)
            delta = -delta;
        w->c[j] += delta;
        w->d[j] += delta;
    }
    dv->perturbed = 1;
}

/* c^T w over all N variables (scaled): the dual objective, which the
 * progress guard and the progress lines of dual_loop read. */
static real dual_obj(const fws *w)
{
    real obj = 0;
    long j;
    for (j = 0; j < w->N; j++)
        obj += w->c[j] * w->x[j];
    return obj;
}

/* The bounded dual simplex from a dual feasible basis (within tolerances)
 * on the current bounds.  Pricing: the largest primal infeasibility
 * squared over its dual steepest-edge weight (exact weights, updated with
 * tau = B^{-1} rho; the slack basis starts them at 1, exactly right for
 * B = -I).  Ratio test: bound flipping (long step) with Harris's
 * tolerance: breakpoints are taken group by group (a group: those within
 * the Harris bound of the smallest), every boxed candidate of a passed
 * group flips to its other bound, as long as the leaving variable stays
 * infeasible; the entering one is the largest |alpha| of the last group.
 * Returns 0 at primal feasibility, 1 at a dual ray (the primal is then
 * infeasible, up to tolerances), 2 when it stops short (limits, an
 * unstable pivot twice), -1 when memory runs out. */
static int dual_loop(fws *w, dws *dv, const fast_opts *o, long *iters, long limit,
                     long give_up, double t0, const char *tag)
{
    long m = w->m, p, t, k, start_iters = *iters;
    int unstable = 0, stale = 1;
    real *alpha = w->w2, last_obj = -HUGE_VAL;
    for (;;) {
        long r = -1, q = -1, lv, nc = 0, nf = 0, nh;
        real best = 0, slope, theta_d, theta_p, target, ar, wr;
        int below;
        if (*iters - start_iters > give_up) {
            /* past the guard, but as long as the dual objective still
             * rises the dual goes on, m + 1000 iterations at a time
             * (qap12 needs about 3.5 times that guard's 30 m; the primal
             * simplex from the slack basis would need far longer) */
            real obj = dual_obj(w);
            if ((last_obj > -HUGE_VAL && !(obj > last_obj + 1e-9 * (1 + RABS(last_obj)))))
                return 2;
            last_obj = obj;
            give_up += m + 1000;
        }
        if (*iters >= limit ||
            (o->time_limit > 0 && (*iters & 15) == 0 && fk_now_sec() - t0 > o->time_limit))
            return 2;
        if (dv->pert_at >= 0 && *iters - start_iters >= dv->pert_at) {
            dual_perturb(w, dv);
            dv->pert_at = -1;
            if (o->verbose)
                fprintf(stderr, "fast: %ld dual iterations on tied costs: costs perturbed\n",
                        *iters - start_iters);
        }
        if (w->updates >= w->reflimit) {
            if (dual_refresh(w, dv))
                return -1;
            stale = 1;
        }
        if (stale)
            dual_inf_all(w, dv);
        stale = 0;
        /* the same choice as v > TOL_PRIMAL && v^2 / dse_p largest */
        for (p = 0; p < m; p++)
            if (dv->inf[p] > best * dv->dse[p]) {
                best = dv->inf[p] / dv->dse[p];
                r = p;
            }
        if (r < 0)
            return 0;
        lv = w->head[r];
        below = w->x[lv] < w->lo[lv];
        slope = violation(w, lv);
        pivot_row(w, r);
        for (t = 0; t < w->na; t++) {
            long j = w->alist[t];
            if (dual_candidate(w, j, below)) {
                real sl = dual_slack(w, j);
                dv->cand[nc] = j;
                dv->rt[nc++] = (sl > 0 ? sl : 0) / RABS(w->arow[j]);
            }
        }
        /* cand[0..nf) are passed (to flip), cand[nf..nc) remain; rt[k]
         * is cand[k]'s breakpoint, where its d_j reaches 0 */
        /* The group: the remaining k with rt[k] <= tmax, tmax the least
         * rt[k] + TOL_DUAL / |alpha_k| (Harris).  The first group (which
         * usually blocks) comes from one pass; after it the rest go into a
         * heap by rt and each group is popped in rt order: an item popped
         * while rt <= tmax stays in, since a later, smaller tmax is some
         * rt_l + tol >= rt_l >= its rt.  Popped items are written back to
         * cand/rt from nf on. */
        nh = -1;
        for (;;) {
            real tmax = HUGE_VAL, red = 0, amax = 0;
            long end = nc;
            if (nh >= 0) {
                for (end = nf; nh > 0 && dv->srt[0].rt <= tmax; end++) {
                    real v;
                    dv->rt[end] = dv->srt[0].rt;
                    dv->cand[end] = dv->srt[0].j;
                    dv->srt[0] = dv->srt[--nh];
                    heap_down(dv->srt, nh, 0);
                    v = dv->rt[end] + TOL_DUAL / RABS(w->arow[dv->cand[end]]);
                    if (v < tmax)
                        tmax = v;
                }
            } else {
                for (k = nf; k < nc; k++) {
                    real v = dv->rt[k] + TOL_DUAL / RABS(w->arow[dv->cand[k]]);
                    if (v < tmax)
                        tmax = v;
                }
            }
            if (tmax == HUGE_VAL)
                break; /* nothing left to block: a dual ray */
            for (k = nf; k < end && red < HUGE_VAL; k++) {
                long j = dv->cand[k];
                if (dv->rt[k] > tmax)
                    continue;
                if (w->lo[j] > -HUGE_VAL && w->up[j] < HUGE_VAL)
                    red += RABS(w->arow[j]) * (w->up[j] - w->lo[j]);
                else
                    red = HUGE_VAL;
            }
            if (slope - red > TOL_PRIMAL) {
                /* the whole group is passed: move it to the flip part */
                slope -= red;
                if (nh >= 0) {
                    nf = end;
                    continue;
                }
                for (k = nf; k < nc; k++)
                    if (dv->rt[k] <= tmax) {
                        long j = dv->cand[k];
                        real v = dv->rt[k];
                        dv->cand[k] = dv->cand[nf];
                        dv->rt[k] = dv->rt[nf];
                        dv->cand[nf] = j;
                        dv->rt[nf++] = v;
                    }
                nh = bfrt_heap(dv, nf, nc);
                continue;
            }
            /* the largest |alpha| of the group (stability); among equal
             * ones (+-1 rows after power-of-two scaling) the first in the
             * pivot row's canonical order (arank: by first row, then
             * index), whatever order the heap or the row copy left.
             * Order-free tie rules were tried and changed iterations
             * chaotically both ways; on qap12 the earliest-breakpoint
             * rule took 73,828 iterations and 56 s where this one takes
             * 55,933 and 40 s (bench/PROFILE.md) */
            for (k = nf; k < end; k++) {
                real a = RABS(w->arow[dv->cand[k]]);
                if (dv->rt[k] <= tmax &&
                    (a > amax || (a == amax && q >= 0 && w->arank[dv->cand[k]] < w->arank[q]))) {
                    amax = a;
                    q = dv->cand[k];
                }
            }
            break;
        }
        if (q < 0)
            return 1;
        ar = w->arow[q];
        load_col(w, alpha, q);
        hint_col(w, q);
        w->lu.keep = w->ft;
        ftran(w, alpha);
        if (RABS(alpha[r] - ar) > 1e-6 * (1 + RABS(alpha[r]))) {
            w->nunstable++;
            if (++unstable > 1)
                return 2;
            if (dual_refresh(w, dv))
                return -1;
            stale = 1;
            continue;
        }
        unstable = 0;
        /* the flips: x_B moves by -B^{-1} sum_j K_j dx_j */
        if (nf > 0) {
            memset(dv->dx, 0, (size_t)m * sizeof *dv->dx);
            for (k = 0; k < nf; k++)
                add_col(w, dv->dx, dv->cand[k], flip_bound(w, dv->cand[k]));
            ftran(w, dv->dx);
            for (p = 0; p < m; p++)
                if (dv->dx[p] != 0) {
                    w->x[w->head[p]] -= dv->dx[p];
                    dual_inf_row(w, dv, p);
                }
            w->flips += nf;
        }
        target = below ? w->lo[lv] : w->up[lv];
        theta_p = (w->x[lv] - target) / alpha[r];
        for (p = 0; p < m; p++)
            if (alpha[p] != 0) {
                w->x[w->head[p]] -= theta_p * alpha[p];
                dual_inf_row(w, dv, p);
            }
        w->x[q] += theta_p;
        /* Harris's tolerance lets d_q sit slightly on the wrong side of
         * 0; a step then taken backwards would spoil the dual feasibility
         * of every other candidate, so it is 0 instead (d_q's small error
         * is dropped as q becomes basic) */
        theta_d = w->d[q] / alpha[r];
        if (below ? theta_d > 0 : theta_d < 0)
            theta_d = 0;
        if (RABS(w->d[q]) <= TOL_DUAL)
            dv->ndegen++;
        for (t = 0; t < w->na; t++) {
            long j = w->alist[t];
            if (j != q)
                w->d[j] -= theta_d * w->arow[j];
        }
        /* dual steepest edge: row p of the new B^{-1} is
         * rho_p - (alpha_p / alpha_r) rho_r */
        wr = 0;
        for (p = 0; p < m; p++)
            wr += w->rho[p] * w->rho[p];
        memcpy(dv->tau, w->rho, (size_t)m * sizeof *dv->tau);
        ftran(w, dv->tau);
        for (p = 0; p < m; p++)
            if (p != r && alpha[p] != 0) {
                real kp = alpha[p] / alpha[r], v;
                v = dv->dse[p] + kp * (kp * wr - 2 * dv->tau[p]);
                dv->dse[p] = v > 1e-6 ? v : 1e-6;
            }
        dv->dse[r] = wr / (alpha[r] * alpha[r]);
        if (dv->dse[r] < 1e-6)
            dv->dse[r] = 1e-6;
        if (eta_push(w, alpha, r))
            return -1;
        w->stat[lv] = below ? LP_AT_LO : LP_AT_UP;
        w->x[lv] = target;
        w->pos[lv] = -1;
        w->d[lv] = -theta_d;
        w->d[q] = 0;
        w->head[r] = q;
        w->pos[q] = r;
        w->stat[q] = LP_BASIC;
        rows_move(w, q, 1);
        rows_move(w, lv, 0);
        dual_inf_row(w, dv, r);
        (*iters)++;
        if (RABS(alpha[r]) < 1e-7) {
            if (dual_refresh(w, dv))
                return -1;
            stale = 1;
        }
        if (o->verbose && *iters % 500 == 0) {
            real sinf = 0, obj = dual_obj(w);
            for (p = 0; p < m; p++)
                sinf += violation(w, w->head[p]);
            /* the dual objective (scaled), nondecreasing but for shifts */
            fprintf(stderr, "fast: %s, %ld iterations (%ld degenerate), %ld factorisations, LU %ld, primal infeasibility %.10g, objective %.12g, %.2f s\n",
                    tag, *iters, dv->ndegen, w->nfactor, w->lu.nnz_lu, (double)sinf, (double)obj, fk_now_sec() - t0);
        }
    }
}

/* The dual simplex's arrays, the true costs saved, the weights at 1
 * (exact for the slack basis).  Returns -1 when memory runs out (what was
 * allocated is freed by dws_clear all the same). */
static int dws_init(const fws *w, dws *dv)
{
    long m = w->m, N = w->N, p;
    dv->dse = fk_calloc((size_t)m + 1, sizeof *dv->dse);
    dv->tau = fk_calloc((size_t)m + 1, sizeof *dv->tau);
    dv->dx = fk_calloc((size_t)m + 1, sizeof *dv->dx);
    dv->cand = fk_calloc((size_t)N + 1, sizeof *dv->cand);
    dv->rt = fk_calloc((size_t)N + 1, sizeof *dv->rt);
    dv->srt = fk_calloc((size_t)N + 1, sizeof *dv->srt);
    dv->lo1 = fk_calloc((size_t)N + 1, sizeof *dv->lo1);
    dv->up1 = fk_calloc((size_t)N + 1, sizeof *dv->up1);
    dv->c0 = fk_calloc((size_t)N + 1, sizeof *dv->c0);
    dv->inf = fk_calloc((size_t)m + 1, sizeof *dv->inf);
    dv->nshift = 0;
    dv->ndegen = 0;
    dv->perturbed = 0;
    dv->pert_at = -1; /* dual_phase sets it; a start from a given basis is not perturbed */
    if (!dv->dse || !dv->tau || !dv->dx || !dv->cand || !dv->rt || !dv->srt || !dv->lo1 || !dv->up1 ||
        !dv->c0 || !dv->inf)
        return -1;
    memcpy(dv->c0, w->c, (size_t)N * sizeof *w->c);
    for (p = 0; p < m; p++)
        dv->dse[p] = 1.0;
    return 0;
}

static void dws_clear(dws *dv)
{
    free(dv->dse); free(dv->tau); free(dv->dx); free(dv->cand); free(dv->rt); free(dv->srt);
    free(dv->lo1); free(dv->up1); free(dv->c0); free(dv->inf);
}

/* Implied bounds against dual phase 1.  Every row i of [A -I] w = 0 says
 * s_i = sum_j a_ij x_j, so over the current boxes its activity lies in
 * [L_i, U_i] (sums of a_ij l_j or a_ij u_j by sign) and each variable's
 * box can shrink to what the row and the others' boxes allow:
 *     a_ij x_j in [lo_s - (U_i - max a_ij x_j), up_s - (L_i - min a_ij x_j)],
 *     s_i in [L_i, U_i]
 * (domain propagation; an infinite contribution is counted, so that a row
 * with one gives a finite bound to that variable alone).  These bounds are
 * implied: the LP with them has the same feasible set.  A variable whose
 * reduced cost asks for a bound it lacks gets the implied one, moved
 * outward by IMPL_MARGIN (1 + |v|) so that no feasible point reaches it;
 * the slack basis is then dual feasible and the dual simplex needs no
 * phase 1.  At its optimum no nonbasic variable can sit at such a bound
 * (the point would be infeasible), so with the true bounds back the basis
 * is optimal as it is; dual_phase checks that and otherwise falls back on
 * Fourer's phase 1 from there.  cycle's reduced model (1,242 x 2,244): 432
 * such variables, all given a bound in three passes; 5,169 dual
 * iterations (1,606 of them in phase 1) became 621, 0.22 s to 0.02 s
 * (clp, on the same model with the same bounds: 1,625 -> 570).  Also
 * taken on bnl2, czprob, degen3, pilot, pilotnov (bench/PROFILE.md).
 * Only when every such variable gets a bound: big-M bounds for the rest
 * (as in clp's fake bounds) made perold and greenbea slower.  Bounds
 * above IMPL_HUGE in magnitude count as infinite: pilot87's reach 1.6e8,
 * and its dual on them stalled (64,931 iterations, against 14,774 with
 * phase 1).  Passes and margin: 2 or 5 passes, margins 1e-6 or 1e-1 move
 * the counts both ways (cycle 440-631, pilot 5,692-7,578). */
#define IMPL_PASSES 3
#define IMPL_MARGIN 1e-3
#define IMPL_HUGE 1e6

static void impl_tighten(real *lo, real *up, long j, real l, real u)
{
    if (l > lo[j] + 1e-9 * (1 + RABS(l)) && l > -IMPL_HUGE)
        lo[j] = l;
    if (u < up[j] - 1e-9 * (1 + RABS(u)) && u < IMPL_HUGE)
        up[j] = u;
}

/* lo, up (N): w's bounds tightened by IMPL_PASSES passes of propagation. */
static void implied_bounds(const fws *w, real *lo, real *up)
{
    long i, q, n = w->n, pass;
    memcpy(lo, w->lo, (size_t)w->N * sizeof *lo);
    memcpy(up, w->up, (size_t)w->N * sizeof *up);
    for (pass = 0; pass < IMPL_PASSES; pass++)
        for (i = 0; i < w->m; i++) {
            real Lf = 0, Uf = 0, ls = lo[n + i], us = up[n + i];
            long Li = 0, Ui = 0;
            for (q = w->rbeg[i]; q < w->rbeg[i + 1]; q++) {
                long j = w->cidx[q];
                real a = w->rval[q], l = a > 0 ? lo[j] : up[j], u = a > 0 ? up[j] : lo[j];
                if (RABS(l) == HUGE_VAL) Li++; else Lf += a * l;
                if (RABS(u) == HUGE_VAL) Ui++; else Uf += a * u;
            }
            impl_tighten(lo, up, n + i, Li ? -HUGE_VAL : Lf, Ui ? HUGE_VAL : Uf);
            for (q = w->rbeg[i]; q < w->rbeg[i + 1]; q++) {
                long j = w->cidx[q];
                real a = w->rval[q], l = a > 0 ? lo[j] : up[j], u = a > 0 ? up[j] : lo[j];
                int linf = RABS(l) == HUGE_VAL, uinf = RABS(u) == HUGE_VAL;
                /* the others' activity: [Lf - a l, Uf - a u] when finite */
                real restL = Li - linf > 0 ? -HUGE_VAL : Lf - (linf ? 0 : a * l);
                real restU = Ui - uinf > 0 ? HUGE_VAL : Uf - (uinf ? 0 : a * u);
                /* a x_j = s_i - (the others) lies in [axlo, axhi] */
                real axhi = us == HUGE_VAL || restL == -HUGE_VAL ? HUGE_VAL : us - restL;
                real axlo = ls == -HUGE_VAL || restU == HUGE_VAL ? -HUGE_VAL : ls - restU;
                if (a > 0)
                    impl_tighten(lo, up, j, axlo == -HUGE_VAL ? -HUGE_VAL : axlo / a,
                                 axhi == HUGE_VAL ? HUGE_VAL : axhi / a);
                else
                    impl_tighten(lo, up, j, axhi == HUGE_VAL ? -HUGE_VAL : axhi / a,
                                 axlo == -HUGE_VAL ? HUGE_VAL : axlo / a);
            }
        }
}

/* The bounds the dual needs instead of phase 1 (see implied_bounds), set
 * in w with the true ones saved in dv->lo1, dv->up1.  Returns 1 when every
 * variable that needs one got one (w's bounds then changed), 0 when some
 * did not (w unchanged), -1 when memory runs out. */
static int implied_place(fws *w, dws *dv)
{
    long j, N = w->N;
    real *lo = fk_calloc((size_t)N + 1, sizeof *lo), *up = fk_calloc((size_t)N + 1, sizeof *up);
    int ok = 1;
    if (!lo || !up) {
        free(lo); free(up);
        return -1;
    }
    implied_bounds(w, lo, up);
    memcpy(dv->lo1, w->lo, (size_t)N * sizeof *w->lo);
    memcpy(dv->up1, w->up, (size_t)N * sizeof *w->up);
    for (j = 0; j < N && ok; j++) {
        if (w->stat[j] == LP_BASIC)
            continue;
        if (w->lo[j] == -HUGE_VAL && w->d[j] > TOL_DUAL) {
            if (lo[j] == -HUGE_VAL)
                ok = 0;
            else
                w->lo[j] = lo[j] - IMPL_MARGIN * (1 + RABS(lo[j]));
        } else if (w->up[j] == HUGE_VAL && w->d[j] < -TOL_DUAL) {
            if (up[j] == HUGE_VAL)
                ok = 0;
            else
                w->up[j] = up[j] + IMPL_MARGIN * (1 + RABS(up[j]));
        }
    }
    if (!ok) {
        memcpy(w->lo, dv->lo1, (size_t)N * sizeof *w->lo);
        memcpy(w->up, dv->up1, (size_t)N * sizeof *w->up);
    }
    free(lo); free(up);
    return ok;
}

/* The true bounds back after a run on implied ones; the count of nonbasic
 * variables left at an implied bound (0 at a true optimum). */
static long implied_restore(fws *w, dws *dv)
{
    long j, k = 0;
    memcpy(w->lo, dv->lo1, (size_t)w->N * sizeof *w->lo);
    memcpy(w->up, dv->up1, (size_t)w->N * sizeof *w->up);
    for (j = 0; j < w->N; j++)
        if ((w->stat[j] == LP_AT_LO && w->lo[j] == -HUGE_VAL) ||
            (w->stat[j] == LP_AT_UP && w->up[j] == HUGE_VAL))
            k++;
    return k;
}

/* Dual phase (from the slack basis).  Phase 1, only when some variable
 * without a finite bound on the side its reduced cost asks for is dual
 * infeasible: the dual simplex on the auxiliary problem whose bounds are
 * boxes [0,1], [-1,0], [-1,1] for variables with only a lower, only an
 * upper, no bound, and [0,0] for boxed and fixed ones (all finite, so
 * every basis is dual feasible there; at its optimum the reduced costs
 * are as dual feasible as the true problem allows: Fourer's auxiliary
 * problem, Koberstein's thesis ch. 4) -- unless implied bounds give every
 * such variable the bound it lacks (implied_place), when phase 2 runs on
 * those directly and phase 1 only if its basis does not stand.  Phase 2:
 * the dual simplex on the true bounds from there.  The primal simplex that follows finishes (a
 * few pivots when the dual ended optimal).  Returns 0 (or 1 at a dual
 * ray); 2 when it gave up (past 30m + 1000 iterations without a rise of
 * the dual objective over the last m + 1000, or an unstable pivot twice),
 * the basis to be discarded; -1: out of memory.  (pilot87 needs 6.7m
 * iterations; the guard is for hopeless runs only.)  Phase 2 switches to
 * perturbed costs on the way (dual_perturb, o->perturb). */
static int dual_phase(fws *w, const fast_opts *o, long *iters, long limit, double t0,
                      long *ndegen)
{
    long m = w->m, N = w->N, j, start_iters = *iters, give_up = 30 * m + 1000;
    int rc = -1, need = 0;
    dws dv;
    if (dws_init(w, &dv))
        goto out;
    full_d(w);
    for (j = 0; j < N; j++)
        if (w->stat[j] != LP_BASIC &&
            ((w->lo[j] == -HUGE_VAL && w->d[j] > TOL_DUAL) ||
             (w->up[j] == HUGE_VAL && w->d[j] < -TOL_DUAL)))
            need = 1;
    if (need && !o->no_implied) {
        int ip = implied_place(w, &dv);
        if (ip < 0)
            goto out;
        if (ip) {
            long left;
            if (dual_place(w, &dv)) {
                implied_restore(w, &dv);
                goto out;
            }
            dv.pert_at = o->perturb < 0 || pert_ties(w) < PERT_TIES ? -1 : o->perturb > 0 ? 0 : PERT_AFTER * m;
            rc = dual_loop(w, &dv, o, iters, limit, give_up, t0, "dual on implied bounds");
            left = implied_restore(w, &dv);
            if (o->verbose)
                fprintf(stderr, "fast: dual on implied bounds %s after %ld iterations, %ld nonbasic at an implied bound, %.2f s\n",
                        rc == 0 ? "done" : "stopped", *iters - start_iters, left, fk_now_sec() - t0);
            if (rc < 0)
                goto out;
            need = rc != 0 || left > 0;
            w->implied = !need;
        }
    }
    if (need) {
        memcpy(dv.lo1, w->lo, (size_t)N * sizeof *w->lo);
        memcpy(dv.up1, w->up, (size_t)N * sizeof *w->up);
        for (j = 0; j < N; j++) {
            int fl = w->lo[j] > -HUGE_VAL, fu = w->up[j] < HUGE_VAL;
            w->lo[j] = fl ? 0 : -1;
            w->up[j] = fu ? 0 : 1;
        }
        if (dual_place(w, &dv))
            goto restore;
        rc = dual_loop(w, &dv, o, iters, limit, give_up, t0, "dual phase 1");
    restore:
        memcpy(w->lo, dv.lo1, (size_t)N * sizeof *w->lo);
        memcpy(w->up, dv.up1, (size_t)N * sizeof *w->up);
        if (rc != 0)
            goto out;
        if (o->verbose)
            fprintf(stderr, "fast: dual phase 1 done after %ld iterations, %.2f s\n",
                    *iters - start_iters, fk_now_sec() - t0);
    }
    if (dual_place(w, &dv)) {
        rc = -1;
        goto out;
    }
    dv.pert_at = o->perturb < 0 || pert_ties(w) < PERT_TIES ? -1 : o->perturb > 0 ? 0 : PERT_AFTER * m;
    rc = dual_loop(w, &dv, o, iters, limit, give_up - (*iters - start_iters), t0, "dual");
out:
    if (dv.nshift > 0 || dv.perturbed) {
        memcpy(w->c, dv.c0, (size_t)N * sizeof *w->c);
        w->need_full = 1;
    }
    if (dv.perturbed && rc == 0 && o->verbose) {
        long ninf = 0;
        full_d(w);
        for (j = 0; j < N; j++)
            if (w->stat[j] != LP_BASIC && w->lo[j] != w->up[j] && dual_slack(w, j) < -TOL_DUAL)
                ninf++;
        fprintf(stderr, "fast: costs restored, %ld dual infeasibilities\n", ninf);
        w->need_full = 1;
    }
    if (o->verbose)
        fprintf(stderr, "fast: dual phase %s after %ld iterations (%ld degenerate, %ld factorisations, %ld cost shifts), %.2f s\n",
                rc < 0 ? "failed" : rc == 1 ? "found a dual ray" : rc == 2 ? "abandoned" : "done",
                *iters - start_iters, dv.ndegen, w->nfactor, dv.nshift, fk_now_sec() - t0);
    *ndegen = dv.ndegen;
    dws_clear(&dv);
    return rc;
}

/* The dual simplex from a given start basis (solve.c's corrected problems),
 * run when that basis is primal infeasible.  A refinement round starts
 * from a basis the exact evaluation found a little off, both violations
 * magnified to order 1 by the corrected problem's scaling, while the
 * nonbasic costs that are not violated are up to 1/(dual violation) times
 * larger.  The primal phase 1 prices by infeasibility alone, blind to
 * those costs: from such a start it can walk far from the optimum and
 * take tens of thousands of pivots back in phase 2 (dfl001, bench/
 * PROFILE.md), where the dual simplex keeps the reduced costs on their
 * side and removes a primal violation of a nearly optimal basis in a few
 * pivots.  A start that is dual infeasible as well gets its wrong-sided
 * costs shifted so that d_j = 0 (boxed ones too: flipping them would move
 * them across boxes up to 1/(primal violation) wide), the shifts being of
 * the order of the violations and small against the other costs; the
 * primal simplex that follows removes them from a primal feasible basis
 * with phase 2 pivots.  Returns 0 when nothing was to be done (primal
 * feasible start: the primal simplex alone finishes) or as dual_loop
 * does: 0 at primal feasibility, 1 at a dual ray, 2 when it stopped short
 * (the primal simplex then goes on from the basis it reached), -1 when
 * memory runs out. */
static int dual_from_start(fws *w, const fast_opts *o, long *iters, long limit, double t0)
{
    long m = w->m, N = w->N, j, p, start_iters = *iters;
    int rc = 0;
    dws dv;
    for (p = 0; p < m; p++)
        if (violation(w, w->head[p]) > TOL_PRIMAL)
            break;
    if (p == m)
        return 0;
    rc = -1;
    if (dws_init(w, &dv))
        goto out;
    full_d(w);
    for (j = 0; j < N; j++)
        if (w->stat[j] != LP_BASIC && w->lo[j] != w->up[j] && dual_slack(w, j) < 0) {
            w->c[j] -= w->d[j];
            w->d[j] = 0;
            dv.nshift++;
        }
    rc = dual_loop(w, &dv, o, iters, limit, 30 * m + 1000, t0, "dual from the start basis");
out:
    if (dv.nshift > 0) {
        memcpy(w->c, dv.c0, (size_t)N * sizeof *w->c);
        w->need_full = 1;
    }
    if (o->verbose)
        fprintf(stderr, "fast: dual from the start basis %s after %ld iterations (%ld cost shifts), %.2f s\n",
                rc < 0 ? "failed" : rc == 1 ? "found a dual ray" : rc == 2 ? "stopped" : "done",
                *iters - start_iters, dv.nshift, fk_now_sec() - t0);
    dws_clear(&dv);
    return rc;
}
