/* fast_over_tmpl.c: the refinement overrides of the float phase (included by
 * fast.c, once per precision).
 *
 * Mathematics: solve.c's refinement rounds solve a corrected problem over
 * the same matrix K: the residual bounds l - w*, u - w* and the residual
 * costs c - K^T y* of the current exact solution, multiplied by a power
 * of two.  The system K w = 0 is homogeneous, so the bounds can be
 * rescaled by a common power of two, and so can the costs, without
 * changing which basis is optimal; the factor is undone on the way back
 * (cscale). */

/* A power of two near 1/v (v > 0), so that rescaling by it is exact. */
static double inv_pow2(double v)
{
    int e;
    frexp(v, &e);
    return ldexp(1.0, e < -1000 ? 1000 : e > 1000 ? -1000 : -e);
}

/* Bounds given by the caller (original units) replace the model's: the
 * refinement rounds of solve.c solve corrected problems over the same
 * matrix this way. */
static void override_bounds(fws *w, const fast_opts *o)
{
    long j, n = w->n;
    if (!o->lo || !o->up)
        return;
    for (j = 0; j < w->N; j++) {
        real sc = j < n ? 1.0 / w->cs[j] : w->rs[j - n];
        w->lo[j] = isfinite(o->lo[j]) ? o->lo[j] * sc : -HUGE_VAL;
        w->up[j] = isfinite(o->up[j]) ? o->up[j] * sc : HUGE_VAL;
    }
}

/* Costs given by the caller, after the start basis is in place.  In a
 * corrected problem the violations sit in the first basis: the basic
 * costs are 0 and the basic values 0 (the nonbasic bounds are 0), so the
 * violated bounds and wrong-signed costs are read off directly.  The
 * scaled model may still shrink them below the tolerances (columns with
 * tiny scale factors), so costs are divided by the largest violated one
 * and all bounds by the largest violated one (a common factor: the system
 * K w = 0 is homogeneous), both powers of two. */
static void override_costs(fws *w, const fast_opts *o)
{
    long j, n = w->n;
    real vd = 0, vp = 0, f;
    if (o->cost) {
        for (j = 0; j < w->N; j++) {
            int s = w->stat[j];
            real c = j < n ? o->cost[j] * w->cs[j] : o->cost[j] / w->rs[j - n];
            w->c[j] = c;
            if (s != LP_BASIC && w->lo[j] != w->up[j] &&
                ((s == LP_AT_LO && c < 0) || (s == LP_AT_UP && c > 0) ||
                 (s == LP_AT_ZERO && c != 0)) && RABS(c) > vd)
                vd = RABS(c);
        }
        w->cscale = 1.0;
        if (vd > 0) {
            f = inv_pow2(vd);
            w->cscale = 1.0 / f;
            for (j = 0; j < w->N; j++)
                w->c[j] *= f;
        }
    }
    if (o->lo && o->up) {
        for (j = 0; j < w->N; j++)
            if (w->stat[j] == LP_BASIC) {
                if (w->lo[j] > vp) vp = w->lo[j];
                if (-w->up[j] > vp) vp = -w->up[j];
            }
        if (vp > 0) {
            f = inv_pow2(vp);
            for (j = 0; j < w->N; j++) {
                w->lo[j] *= f;
                w->up[j] *= f;
                w->x[j] *= f;
            }
        }
    }
}
