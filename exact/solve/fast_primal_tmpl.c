/* fast_primal_tmpl.c: the primal simplex of the float phase and fast_solve,
 * the entry that runs the whole phase (included by fast.c, once per
 * precision).
 *
 * Mathematics: the bounded-variable primal simplex with a composite phase
 * 1 (the cost of a basic variable is +1 above its upper bound, -1 below
 * its lower, 0 inside; its reduced costs price the sum of
 * infeasibilities), devex pricing (largest d_j^2 / weight_j, reference-
 * framework weights approximating steepest edge),
 * and Harris's two-pass ratio test: pass 1 takes the largest step that
 * keeps every basic variable within its bounds relaxed by the primal
 * tolerance, pass 2 among the ratios up to it the largest |alpha_p|, with
 * a bound flip when the entering variable's box is shorter than the step.
 * Against stalling the finite bounds are moved outwards once by small
 * random amounts (perturbation) and restored when that problem is solved. */

/* Degeneracy: after a long run of steps of length 0 every finite bound is
 * moved outwards by a small random amount (relative 1e-6 at most), which
 * breaks the ties that let the simplex stall or cycle.  The original
 * bounds come back when the perturbed problem is solved, and the simplex
 * continues from there (usually a few pivots).  Only once per solve. */
static real rnd(fws *w)
{
    w->rng = w->rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (real)(w->rng >> 11) * (1.0 / 9007199254740992.0);
}

static void set_nonbasic_values(fws *w)
{
    long j;
    for (j = 0; j < w->N; j++)
        if (w->stat[j] != LP_BASIC)
            w->x[j] = w->stat[j] == LP_AT_LO ? w->lo[j]
                    : w->stat[j] == LP_AT_UP ? w->up[j] : 0.0;
}

static int perturb(fws *w)
{
    long j;
    w->lo0 = fk_calloc((size_t)w->N + 1, sizeof *w->lo0);
    w->up0 = fk_calloc((size_t)w->N + 1, sizeof *w->up0);
    if (!w->lo0 || !w->up0)
        return -1;
    for (j = 0; j < w->N; j++) {
        w->lo0[j] = w->lo[j];
        w->up0[j] = w->up[j];
        if (w->lo[j] == w->up[j])
            continue; /* fixed: a perturbation would free it */
        if (w->lo[j] > -HUGE_VAL)
            w->lo[j] -= (1e-7 + 1e-7 * RABS(w->lo[j])) * (1 + 9 * rnd(w));
        if (w->up[j] < HUGE_VAL)
            w->up[j] += (1e-7 + 1e-7 * RABS(w->up[j])) * (1 + 9 * rnd(w));
    }
    set_nonbasic_values(w);
    return 0;
}

static void unperturb(fws *w)
{
    memcpy(w->lo, w->lo0, (size_t)w->N * sizeof *w->lo);
    memcpy(w->up, w->up0, (size_t)w->N * sizeof *w->up);
    set_nonbasic_values(w);
}

/* The step along which basic variable p (changing at rate per unit step)
 * reaches the bound that blocks it, each bound relaxed by tol; in phase 1
 * an infeasible variable is blocked by the bound it is moving towards.  0
 * when no bound blocks it (or its rate is below the pivot tolerance). */
static int primal_ratio(const fws *w, long p, real rate, int phase, real tol, real *t)
{
    long b = w->head[p];
    real xj = w->x[b];
    int inf;
    if (RABS(rate) < TOL_PIVOT)
        return 0;
    inf = phase == 1 ? infeas(w, b) : 0;
    if (rate > 0) {
        if (inf < 0)
            *t = (w->lo[b] - xj + tol) / rate;
        else if (inf == 0 && w->up[b] < HUGE_VAL)
            *t = (w->up[b] - xj + tol) / rate;
        else
            return 0;
    } else {
        if (inf > 0)
            *t = (xj - w->up[b] + tol) / -rate;
        else if (inf == 0 && w->lo[b] > -HUGE_VAL)
            *t = (xj - w->lo[b] + tol) / -rate;
        else
            return 0;
    }
    return 1;
}

fk_status fast_solve(fast_result *res, const lp_model *lp, const fast_opts *o,
                     fk_err *err)
{
    fws w;
    fast_opts defo;
    long m = lp->m, n = lp->n, N = m + n, j, p, iters = 0, limit;
    double t0 = fk_now_sec();
    int phase = 0, perturbed = 0, last_phase = 0, merit_phase = 0, dual_fed = 0;
    long last_r = -1, last_lv = -1;
    real best_merit = HUGE_VAL;
    long stall = 0;
    long degen_run = 0;
    fk_status st = FK_OK;

    if (!o) {
        fast_opts_default(&defo);
        o = &defo;
    }
    if (!lp->finalized)
        return fk_fail(err, FK_EINVAL, NULL, "model not finalized");
    fast_result_clear(res);
    if (lp_basis_init(&res->basis, m, n))
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    if (m == 0) {
        res->status = FAST_FAILED;
        return FK_OK;
    }
    if (fws_init(&w, lp, !o->no_scale, o->product_form)) {
        fws_clear(&w);
        /* too big for memory is not an error of the whole solve: the exact
         * path does not need the float phase */
        res->status = FAST_FAILED;
        return FK_OK;
    }
    limit = o->iter_limit > 0 ? o->iter_limit : 20 * N + 10000;
    override_bounds(&w, o);
    start(&w, o->start);
    override_costs(&w, o);
    res->status = FAST_FAILED;
    if (refresh(&w))
        goto done;
    /* from the slack basis, the dual simplex first (see dual_phase) */
    if (!o->start && !o->primal_only) {
        int dr = dual_phase(&w, o, &iters, limit, t0, &res->dual_degen);
        if (dr < 0) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            goto done;
        }
        if (dr == 2) {
            /* abandoned: the primal simplex from the slack basis */
            start(&w, NULL);
            if (refresh(&w))
                goto done;
        }
    } else if (o->start && !o->primal_only) {
        /* from a given basis that is primal infeasible, the dual simplex
         * first as well (see dual_from_start); wherever it stops, the
         * primal simplex goes on from its basis */
        int dr = dual_from_start(&w, o, &iters, limit, t0);
        if (dr < 0) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            goto done;
        }
        dual_fed = dr == 0 && iters > 0;
    }
    res->dual_iters = iters;
    for (;;) {
        long q = -1, r = -1;
        real best = 0, sigma, tmax, tstep, amax;
        real *pi = w.w1, *alpha = w.w2;
        int flip = 0, ninf = 0, fresh = 0, unstable = 0;
        real sinf = 0;

        if (w.updates >= w.reflimit && refresh(&w)) {
            res->status = FAST_FAILED;
            break;
        }
        if (iters >= limit) {
            res->status = FAST_ITER_LIMIT;
            break;
        }
        if (o->time_limit > 0 && (iters & 15) == 0 && fk_now_sec() - t0 > o->time_limit) {
            res->status = FAST_TIME_LIMIT;
            break;
        }
        /* phase and basic costs */
        for (p = 0; p < m; p++) {
            int s = infeas(&w, w.head[p]);
            pi[p] = s;
            if (s) {
                ninf++;
                sinf += s > 0 ? w.x[w.head[p]] - w.up[w.head[p]]
                              : w.lo[w.head[p]] - w.x[w.head[p]];
            }
        }
        if (ninf == 0) {
            if (phase != 2)
                res->phase1_iters = iters - res->dual_iters;
            phase = 2;
            for (p = 0; p < m; p++)
                pi[p] = w.c[w.head[p]];
        } else {
            /* The dual simplex made the start primal feasible and the
             * primal simplex removing its cost shifts lost that again:
             * rounding at the magnitudes of this problem (a corrected
             * problem whose primal scale is far above its dual one:
             * dfl001's 2^34 and 2^6, values of 1e8 against a tolerance
             * of 1e-9), not a phase-1 problem.  A phase 1 from here,
             * blind to the costs, is what took dfl001 tens of thousands
             * of pivots, and a second dual pass found a false ray:
             * report the trouble, solve.c boosts the precision. */
            if (dual_fed) {
                res->status = FAST_FAILED;
                if (o->verbose)
                    fprintf(stderr, "fast: primal feasibility lost after the dual from the start basis "
                            "(%d infeasibilities): numerical trouble\n", ninf);
                break;
            }
            phase = 1;
        }
        if (o->verbose && iters % 500 == 0) {
            real obj = 0;
            for (j = 0; j < n; j++)
                obj += w.c[j] * w.x[j];
            fprintf(stderr, "fast: phase %d, %ld iterations, %ld factorisations (%ld forced), LU %ld, %s %.10g, %.2f s\n",
                    phase, iters, w.nfactor, w.nunstable, w.lu.nnz_lu, phase == 1 ? "infeasibility" : "objective",
                    (double)(phase == 1 ? sinf : obj * w.cscale * (lp->sense == LP_MAX ? -1 : 1)),
                    fk_now_sec() - t0);
        }
        /* reduced costs: from scratch in phase 1 (its costs change as
         * variables become feasible) and after a refactorisation, else
         * as updated from the last pivot row */
        /* Phase 1's costs (+-1 on the infeasible basic variables) stay
         * put from one iteration to the next when only the leaving
         * variable changed its sign (it left the basis, its cost went to
         * 0, which shifts its own reduced cost by -sign and nothing else):
         * then the updated d is right.  Any other change recomputes. */
        if (phase == 1 && last_phase == 1 && !w.need_full) {
            int same = 1;
            for (p = 0; p < m && same; p++) {
                int s = (int)pi[p];
                if (p == last_r ? s != 0 : s != w.psign[p])
                    same = 0;
            }
            if (same && last_r >= 0)
                w.d[last_lv] -= w.psign[last_r];
            if (!same)
                w.need_full = 1;
        }
        if (phase == 1)
            for (p = 0; p < m; p++)
                w.psign[p] = (signed char)pi[p];
        last_r = -1;
        if (w.need_full || phase != last_phase) {
            btran(&w, pi);
            for (j = 0; j < N; j++)
                w.d[j] = w.stat[j] == LP_BASIC ? 0.0
                       : (phase == 2 ? w.c[j] : 0.0) - dot_col(&w, pi, j);
            w.need_full = 0;
            fresh = 1;
        }
        last_phase = phase;
        /* devex pricing: the largest d_j^2 / weight_j among improving j */
        for (j = 0; j < N; j++) {
            real dj = w.d[j], sc;
            int s = w.stat[j];
            if (s == LP_BASIC || w.lo[j] == w.up[j])
                continue;
            if ((s == LP_AT_LO && dj < -TOL_DUAL) || (s == LP_AT_UP && dj > TOL_DUAL) ||
                (s == LP_AT_ZERO && RABS(dj) > TOL_DUAL)) {
                sc = dj * dj / w.dw[j];
                if (sc > best) {
                    best = sc;
                    q = j;
                }
            }
        }
        if (q < 0 && !fresh) {
            /* confirm optimality with reduced costs computed afresh */
            w.need_full = 1;
            continue;
        }
        if (q < 0) {
            if (perturbed == 1) {
                /* solved with moved bounds: put them back and go on */
                unperturb(&w);
                perturbed = 2;
                if (o->verbose)
                    fprintf(stderr, "fast: bounds restored after %ld iterations\n", iters);
                if (refresh(&w))
                    break;
                continue;
            }
            res->status = phase == 2 ? FAST_OPTIMAL : FAST_INFEASIBLE;
            break;
        }
        sigma = w.d[q] < 0 ? 1.0 : -1.0;
        load_col(&w, alpha, q);
        hint_col(&w, q);
        w.lu.keep = w.ft;
        ftran(&w, alpha);
        /* Harris pass 1: the largest step keeping every basic variable
         * within its bounds relaxed by the primal tolerance */
        tmax = HUGE_VAL;
        for (p = 0; p < m; p++) {
            real t;
            if (primal_ratio(&w, p, -sigma * alpha[p], phase, TOL_PRIMAL, &t) && t < tmax)
                tmax = t;
        }
        if (w.lo[q] > -HUGE_VAL && w.up[q] < HUGE_VAL && w.up[q] - w.lo[q] <= tmax) {
            flip = 1;
            tstep = w.up[q] - w.lo[q];
        } else if (tmax == HUGE_VAL) {
            res->status = phase == 2 ? FAST_UNBOUNDED : FAST_FAILED;
            break;
        } else {
            /* pass 2: among the ratios within tmax, the largest pivot */
            amax = 0;
            tstep = 0;
            for (p = 0; p < m; p++) {
                real t;
                if (!primal_ratio(&w, p, -sigma * alpha[p], phase, 0, &t))
                    continue;
                if (t <= tmax && RABS(alpha[p]) > amax) {
                    amax = RABS(alpha[p]);
                    r = p;
                    tstep = t < 0 ? 0 : t;
                }
            }
            if (r < 0) {
                res->status = FAST_FAILED;
                break;
            }
        }
        /* update values */
        if (tstep != 0) {
            for (p = 0; p < m; p++)
                if (alpha[p] != 0)
                    w.x[w.head[p]] -= sigma * alpha[p] * tstep;
            w.x[q] += sigma * tstep;
        }
        iters++;
        /* stalling: no step, or no progress of the phase's merit
         * (infeasibility sum, objective) for a long run of iterations */
        {
            real merit = 0;
            if (phase == 1) {
                merit = sinf;
            } else {
                for (j = 0; j < N; j++)
                    if (w.c[j] != 0)
                        merit += w.c[j] * w.x[j];
            }
            if (phase != merit_phase || merit < best_merit - 1e-9 * (1 + RABS(best_merit))) {
                best_merit = merit;
                merit_phase = phase;
                stall = 0;
            } else {
                stall++;
            }
        }
        degen_run = tstep == 0 ? degen_run + 1 : 0;
        if (!perturbed && (degen_run > 100 + w.m / 20 || stall > 500 + w.m / 5)) {
            if (perturb(&w)) {
                st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                break;
            }
            perturbed = 1;
            dual_fed = 0; /* restoring the bounds may need phase 1 */
            if (o->verbose)
                fprintf(stderr, "fast: %ld degenerate steps in a row, %ld without progress: bounds perturbed\n",
                        degen_run, stall);
            if (refresh(&w))
                break;
            continue;
        }
        if (flip) {
            w.stat[q] = sigma > 0 ? LP_AT_UP : LP_AT_LO;
            w.x[q] = sigma > 0 ? w.up[q] : w.lo[q];
            continue;
        }
        {
            long lv = w.head[r];
            int to_up;
            /* the leaving variable rests at the bound it has reached */
            if (w.lo[lv] > -HUGE_VAL && w.up[lv] < HUGE_VAL)
                to_up = RABS(w.x[lv] - w.up[lv]) < RABS(w.x[lv] - w.lo[lv]);
            else
                to_up = !(w.lo[lv] > -HUGE_VAL);
            pivot_row(&w, r);
            /* the row and the column must agree on the pivot element */
            unstable = RABS(w.arow[q] - alpha[r]) > 1e-6 * (1 + RABS(alpha[r]));
            devex_update(&w, q, lv, alpha[r], phase);
            last_r = r;
            last_lv = lv;
            if (eta_push(&w, alpha, r)) {
                st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                break;
            }
            rest(&w, lv, to_up ? LP_AT_UP : LP_AT_LO);
            w.head[r] = q;
            w.pos[q] = r;
            w.stat[q] = LP_BASIC;
            rows_move(&w, q, 1);
            rows_move(&w, lv, 0);
            /* an unstable update: start again from a fresh factorisation */
            if (unstable)
                w.nunstable++;
            if ((unstable || RABS(alpha[r]) < 1e-7) && refresh(&w)) {
                res->status = FAST_FAILED;
                break;
            }
        }
    }
done:
    res->iters = iters;
    res->flips = w.flips;
    res->implied = w.implied;
    if (phase == 1)
        res->phase1_iters = iters - res->dual_iters;
    {
        real obj = 0;
        for (j = 0; j < n; j++)
            obj += w.c[j] * w.x[j];
        obj *= w.cscale;
        if (lp->sense == LP_MAX)
            obj = -obj;
        res->objval = (double)(obj + R_GET(lp->objconst));
    }
    if (o->verbose)
        fprintf(stderr, "fast: %s after %ld iterations (%ld dual, %ld in primal phase 1), objective ~ %.15g, "
                "%ld factorisations (%ld forced), %ld Forrest-Tomlin and %ld product-form updates, %.2f s\n",
                fast_status_str(res->status), iters, res->dual_iters, res->phase1_iters, res->objval,
                w.nfactor, w.nunstable, w.nft, w.npf, fk_now_sec() - t0);
    for (p = 0; p < m; p++)
        res->basis.head[p] = w.head[p];
    for (j = 0; j < N; j++)
        res->basis.stat[j] = w.stat[j];
    fws_clear(&w);
    return st;
}
