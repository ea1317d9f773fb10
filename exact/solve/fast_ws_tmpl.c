/* fast_ws_tmpl.c: the float phase's workspace and its scaling (included by
 * fast.c, once per precision; see fast.c for `real`).
 *
 * Mathematics: the model is scaled to A' = R A C with R, C diagonal
 * matrices of powers of two chosen by a few passes of geometric scaling,
 * r_i = 1 / sqrt(min_j |a_ij| max_j |a_ij|) and likewise for columns.  A
 * power of two multiplies exactly in binary floating point, so A' holds
 * the correctly rounded R A C and the bounds and costs scale the same
 * way (x' = C^{-1} x, s' = R s); a basis of A' is a basis of A with the
 * same column set, so nothing needs unscaling. */

/* The workspace of one solve (all of it on the scaled model). */
typedef struct {
    long m, n, N;
    /* scaled A, CSC */
    long *cbeg, *ridx;
    real *val;
    double *rs, *cs;        /* row / column scale factors (powers of 2) */
    real *lo, *up, *c;      /* N, +-HUGE_VAL for infinite */
    real cscale;            /* costs divided by this (max |c|) */
    long *head, *pos;         /* m, N */
    unsigned char *stat;      /* N */
    real *x;                /* N */

    flu lu;                   /* sparse LU of the last refactored basis */
    long hint1;               /* a one-entry pattern for flu_hint */
    long *dep_pos, *dep_row;  /* m: dependent columns found by flu */
    /* eta file */
    long ne, nealloc, nv, nvalloc;
    long *ep, *ebeg, *ei;
    real *ev;
    long updates;
    int ft;                   /* 1: Forrest-Tomlin updates in flu, no eta file */
    long reflimit;            /* updates before a refactorisation */
    long nft, npf;            /* updates taken each way */

    real *w1, *w2;          /* m work vectors */
    real *lo0, *up0;        /* N: bounds before perturbation, or NULL */
    unsigned long long rng;
    real *d;                /* N reduced costs */
    real *dw;               /* N devex reference weights */
    real *arow, *rho;       /* N pivot row, m its btran vector */
    long *arank;              /* N: where j stands in the pivot row's
                               * canonical order (pivot_row) */
    long *alist, na;          /* nonzero positions of arow */
    long *rbeg, *cidx;        /* scaled A by rows (pivot rows from sparse rho) */
    real *rval;
    long *rnb;                /* m: row i's entries of nonbasic columns come
                               * first, rnb[i] of them (rows_partition) */
    long *rk, *rpos;          /* nnz: row entry q is column entry rk[q];
                               * column entry k sits at row entry rpos[k] */
    int need_full;            /* d must be recomputed from scratch */
    signed char *psign;       /* m: phase-1 cost of each position */
    long nfactor, nunstable;  /* refactorisations, of them forced */
    long flips;               /* bound flips in the dual ratio test */
    int implied;              /* the dual phase ran on implied bounds and
                               * needed no phase 1 (implied_place) */
} fws;

static void fws_clear(fws *w)
{
    free(w->cbeg); free(w->ridx); free(w->val);
    free(w->rs); free(w->cs);
    free(w->lo); free(w->up); free(w->c);
    free(w->head); free(w->pos); free(w->stat); free(w->x);
    flu_clear(&w->lu); free(w->dep_pos); free(w->dep_row);
    free(w->ep); free(w->ebeg); free(w->ei); free(w->ev);
    free(w->w1); free(w->w2); free(w->d);
    free(w->dw); free(w->arow); free(w->arank); free(w->rho); free(w->alist);
    free(w->rbeg); free(w->cidx); free(w->rval);
    free(w->rnb); free(w->rk); free(w->rpos);
    free(w->lo0); free(w->up0); free(w->psign);
}

/* Round to the nearest power of two (in the log sense), so that scaling
 * by it is exact. */
static double pow2_round(double s)
{
    int e;
    if (!(s > 0) || !isfinite(s))
        return 1.0;
    frexp(s * 1.4142135623730951, &e); /* s*sqrt2 in [2^(e-1), 2^e) */
    return ldexp(1.0, e - 1);
}

/* Geometric scaling: a few passes of r_i = 1/sqrt(min_j |a_ij| max_j |a_ij|)
 * and likewise for columns, rounded to powers of two. */
static void scale(fws *w, const double *a0, double *rmin, double *rmax)
{
    long m = w->m, n = w->n, i, j, k, pass;
    for (i = 0; i < m; i++)
        w->rs[i] = 1.0;
    for (j = 0; j < n; j++)
        w->cs[j] = 1.0;
    for (pass = 0; pass < 6; pass++) {
        for (i = 0; i < m; i++) {
            rmin[i] = HUGE_VAL;
            rmax[i] = 0;
        }
        for (j = 0; j < n; j++)
            for (k = w->cbeg[j]; k < w->cbeg[j + 1]; k++) {
                double v = fabs(a0[k]) * w->rs[w->ridx[k]] * w->cs[j];
                i = w->ridx[k];
                if (v < rmin[i]) rmin[i] = v;
                if (v > rmax[i]) rmax[i] = v;
            }
        for (i = 0; i < m; i++)
            if (rmax[i] > 0)
                w->rs[i] /= sqrt(rmin[i] * rmax[i]);
        for (j = 0; j < n; j++) {
            double cmin = HUGE_VAL, cmax = 0;
            for (k = w->cbeg[j]; k < w->cbeg[j + 1]; k++) {
                double v = fabs(a0[k]) * w->rs[w->ridx[k]] * w->cs[j];
                if (v < cmin) cmin = v;
                if (v > cmax) cmax = v;
            }
            if (cmax > 0)
                w->cs[j] /= sqrt(cmin * cmax);
        }
    }
    for (i = 0; i < m; i++)
        w->rs[i] = pow2_round(w->rs[i]);
    for (j = 0; j < n; j++)
        w->cs[j] = pow2_round(w->cs[j]);
}

static int fws_init(fws *w, const lp_model *lp, int do_scale, int product_form)
{
    long m = lp->m, n = lp->n, N = m + n, j, i, k;
    double *a0 = NULL, *t1 = NULL, *t2 = NULL;
    real cmax = 0;
    memset(w, 0, sizeof *w);
    w->m = m;
    w->n = n;
    w->N = N;
    w->cbeg = fk_calloc((size_t)n + 1, sizeof *w->cbeg);
    w->ridx = fk_calloc((size_t)lp->nnz + 1, sizeof *w->ridx);
    w->val = fk_calloc((size_t)lp->nnz + 1, sizeof *w->val);
    w->rs = fk_calloc((size_t)m + 1, sizeof *w->rs);
    w->cs = fk_calloc((size_t)n + 1, sizeof *w->cs);
    w->lo = fk_calloc((size_t)N + 1, sizeof *w->lo);
    w->up = fk_calloc((size_t)N + 1, sizeof *w->up);
    w->c = fk_calloc((size_t)N + 1, sizeof *w->c);
    w->head = fk_calloc((size_t)m + 1, sizeof *w->head);
    w->pos = fk_calloc((size_t)N + 1, sizeof *w->pos);
    w->stat = fk_calloc((size_t)N + 1, 1);
    w->x = fk_calloc((size_t)N + 1, sizeof *w->x);
    flu_init(&w->lu);
    w->ft = !product_form;
    w->reflimit = w->ft ? FAST_REFACTOR_FT : FAST_REFACTOR;
    w->dep_pos = fk_calloc((size_t)m + 1, sizeof *w->dep_pos);
    w->dep_row = fk_calloc((size_t)m + 1, sizeof *w->dep_row);
    w->w1 = fk_calloc((size_t)m + 1, sizeof *w->w1);
    w->w2 = fk_calloc((size_t)m + 1, sizeof *w->w2);
    w->d = fk_calloc((size_t)N + 1, sizeof *w->d);
    w->dw = fk_calloc((size_t)N + 1, sizeof *w->dw);
    w->arow = fk_calloc((size_t)N + 1, sizeof *w->arow);
    w->arank = fk_calloc((size_t)N + 1, sizeof *w->arank);
    w->alist = fk_calloc((size_t)N + 1, sizeof *w->alist);
    w->rho = fk_calloc((size_t)m + 1, sizeof *w->rho);
    w->psign = fk_calloc((size_t)m + 1, sizeof *w->psign);
    w->rbeg = fk_calloc((size_t)m + 2, sizeof *w->rbeg);
    w->cidx = fk_calloc((size_t)lp->nnz + 1, sizeof *w->cidx);
    w->rval = fk_calloc((size_t)lp->nnz + 1, sizeof *w->rval);
    w->rnb = fk_calloc((size_t)m + 1, sizeof *w->rnb);
    w->rk = fk_calloc((size_t)lp->nnz + 1, sizeof *w->rk);
    w->rpos = fk_calloc((size_t)lp->nnz + 1, sizeof *w->rpos);
    if (!w->cbeg || !w->ridx || !w->val || !w->rs || !w->cs || !w->lo ||
        !w->up || !w->c || !w->head || !w->pos || !w->stat || !w->x ||
        !w->dep_pos || !w->dep_row || !w->w1 || !w->w2 || !w->d ||
        !w->dw || !w->arow || !w->alist || !w->rho || !w->psign || !w->rbeg || !w->cidx || !w->rval || !w->arank ||
        !w->rnb || !w->rk || !w->rpos)
        return -1;
    a0 = fk_calloc((size_t)lp->nnz + 1, sizeof *a0);
    t1 = fk_calloc((size_t)m + 1, sizeof *t1);
    t2 = fk_calloc((size_t)m + 1, sizeof *t2);
    if (!a0 || !t1 || !t2) {
        free(a0); free(t1); free(t2);
        return -1;
    }
    for (j = 0; j <= n; j++)
        w->cbeg[j] = lp->cbeg[j];
    for (k = 0; k < lp->nnz; k++) {
        w->ridx[k] = lp->ridx[k];
        a0[k] = mpq_get_d(lp->val[k]);
    }
    if (do_scale) {
        scale(w, a0, t1, t2);
    } else {
        for (i = 0; i < m; i++) w->rs[i] = 1.0;
        for (j = 0; j < n; j++) w->cs[j] = 1.0;
    }
    for (j = 0; j < n; j++)
        for (k = w->cbeg[j]; k < w->cbeg[j + 1]; k++)
            w->val[k] = R_GET(lp->val[k]) * w->rs[w->ridx[k]] * w->cs[j];
    /* the same matrix by rows */
    for (k = 0; k < lp->nnz; k++)
        w->rbeg[w->ridx[k] + 2]++;
    for (i = 0; i < m; i++)
        w->rbeg[i + 2] += w->rbeg[i + 1];
    for (j = 0; j < n; j++)
        for (k = w->cbeg[j]; k < w->cbeg[j + 1]; k++) {
            long q = w->rbeg[w->ridx[k] + 1]++;
            w->cidx[q] = j;
            w->rval[q] = w->val[k];
            w->rk[q] = k;
            w->rpos[k] = q;
        }
    for (j = 0; j < N; j++)
        w->dw[j] = 1.0;
    for (j = 0; j < n; j++) {
        w->lo[j] = lp->clo_fin[j] ? R_GET(lp->clo[j]) / w->cs[j] : -HUGE_VAL;
        w->up[j] = lp->chi_fin[j] ? R_GET(lp->chi[j]) / w->cs[j] : HUGE_VAL;
        w->c[j] = R_GET(lp->obj[j]) * w->cs[j];
        if (lp->sense == LP_MAX)
            w->c[j] = -w->c[j];
        if (RABS(w->c[j]) > cmax)
            cmax = RABS(w->c[j]);
    }
    /* costs normalised to max 1 so that one dual tolerance fits all */
    w->cscale = cmax > 0 ? cmax : 1.0;
    for (j = 0; j < n; j++)
        w->c[j] /= w->cscale;
    for (i = 0; i < m; i++) {
        w->lo[n + i] = lp->rlo_fin[i] ? R_GET(lp->rlo[i]) * w->rs[i] : -HUGE_VAL;
        w->up[n + i] = lp->rhi_fin[i] ? R_GET(lp->rhi[i]) * w->rs[i] : HUGE_VAL;
    }
    free(a0);
    free(t1);
    free(t2);
    return 0;
}
