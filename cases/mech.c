/* mech.c: the LPs of a mechanism file (mech.h, docs/mechanism-files.md)
 * and their report in economic words.
 *
 * Columns (names as printed):
 *   p[alt:t]         probability of alternative alt at reported profile t,
 *                    in [0, 1], row SUM[t]: sum_alt p = 1
 *   q[agent:t]       probability that agent gets the good, in [0, 1], row
 *                    SUPPLY[t]: sum_agent q <= supply
 *   t[agent:t(;s)]   agent's payment (free, or bounded), per state with
 *                    contingent payments
 *   subsidy          free; only in an LP whose objective or side
 *                    constraints mention it, and then added to every budget
 *                    row (BB, ND): the designer may inject that much.
 * Fixed parts (an allocation fixed in the file or efficient, fixed
 * payments) are constants, moved to the right-hand sides.
 *
 * With u_i(t, s; r) = sum_j w_i,j(t, s) d_j(r) - pay_i(r, s) (mech.h):
 *   IC[i:a->b]       sum_{t: t_i = a, s} pi_i(t_-i, s | a) [u_i(t, s; t) - u_i(t, s; (b, t_-i))] >= 0
 *   DIC[i:a->b;t(;s)] u_i(t, s; t) - u_i(t, s; (b, t_-i)) >= 0   for t_i = a
 *   IR[i:a]          sum pi_i(t_-i, s | a) u_i(t, s; t) >= margin
 *   IRX[i:t(;s)]     u_i(t, s; t) >= 0
 *   BB, ND           E sum_i pay_i (+ subsidy)  = 0, >= 0
 *   BB[t(;s)], ND[t(;s)]  sum_i pay_i(t, s) (+ subsidy) = 0, >= 0
 *   NAME             the file's side constraints
 * Expected values use the common prior.  Each objective line is one LP,
 * written as OUTDIR/MECH-LABEL.mps with its certificate (econ.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_over.h"
#include "lp_io.h"
#include "mech.h"
#include "mech_prf.h"
#include "rat.h"

#define MECH_MAX_BUILD 5e8

void mech_shadow(mpq_t lam, const lp_model *lp, long i, const mpq_t y)
{
    int eq = lp->rlo_fin[i] && lp->rhi_fin[i] && mpq_equal(lp->rlo[i], lp->rhi[i]);
    if (eq || mpq_sgn(y) >= 0)
        mpq_set(lam, y);
    else
        mpq_neg(lam, y);
}

/* ---- the builder ----------------------------------------------------------- */

typedef struct {
    const mech_model_struct *m;
    lp_model *lp;
    long np, S, D, npay;
    long *dcol;        /* np * D: column, or -1 for the constant dval */
    mpq_t *dval;
    long *pcol;        /* n * npay: column, or -1 for a fixed payment */
    long *vcol;        /* the declared variables' columns */
    long scol;         /* subsidy column, -1 */
    /* a linear form: acc over columns (touched listed once) + cst */
    mpq_t *acc;
    long *touched, ntouch, accn;
    unsigned char *mark;
    mpq_t cst, a, cw;   /* cw: acc_util's scratch (acc_dec and acc_pay use a) */
    /* the row map (mech_solve_keep): what each row added is, cur set by
     * the caller of emit / note_row */
    int keep;
    mech_row cur, *rows;
    long nrows, rows_alloc;
} bld;

static fk_status oom(fk_err *err)
{
    return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
}

/* The row map entry of row r (added last), from b->cur; a no-op without keep. */
static fk_status note_row(bld *b, long r, fk_err *err)
{
    if (!b->keep)
        return FK_OK;
    if (r != b->nrows)
        return fk_fail(err, FK_EINVAL, NULL, "mechanism LP: row map out of step at row %ld", r);
    if (b->nrows == b->rows_alloc) {
        long k = b->rows_alloc ? b->rows_alloc * 2 : 256;
        mech_row *nr = fk_realloc(b->rows, (size_t)k, sizeof *nr);
        if (!nr)
            return oom(err);
        b->rows = nr;
        b->rows_alloc = k;
    }
    b->rows[b->nrows++] = b->cur;
    return FK_OK;
}

/* b->cur := family fam with the given indices */
static void set_row(bld *b, int fam, int agent, int type, int dev, long prof, int state)
{
    b->cur.fam = fam;
    b->cur.agent = agent;
    b->cur.type = type;
    b->cur.dev = dev;
    b->cur.prof = prof;
    b->cur.state = state;
    b->cur.cons = -1;
}

static void acc_col(bld *b, long j, const mpq_t c)
{
    if (!b->mark[j]) {
        b->mark[j] = 1;
        b->touched[b->ntouch++] = j;
    }
    mpq_add(b->acc[j], b->acc[j], c);
}

static void acc_dec(bld *b, const mpq_t c, long r, int j)
{
    long k = r * b->D + j;
    if (b->dcol[k] >= 0)
        acc_col(b, b->dcol[k], c);
    else if (mpq_sgn(b->dval[k])) {
        mpq_mul(b->a, c, b->dval[k]);
        mpq_add(b->cst, b->cst, b->a);
    }
}

static void acc_pay(bld *b, const mpq_t c, int i, long r, int th)
{
    long k = i * b->npay + mech_pay_index(b->m, r, th);
    if (b->pcol[k] >= 0)
        acc_col(b, b->pcol[k], c);
    else if (b->m->payx && b->m->payx[k] >= 0) { /* c * (c0 + sum_v a_v v) */
        const mech_expr *e = &b->m->paye[b->m->payx[k]];
        int j;
        for (j = 0; j < e->nterm; j++) {
            mpq_mul(b->a, c, e->term[j].coef);
            if (e->term[j].kind == MECH_Q_VAR)
                acc_col(b, b->vcol[e->term[j].a], b->a);
            else
                mpq_add(b->cst, b->cst, b->a);
        }
    } else if (b->m->payfix && mpq_sgn(b->m->payfix[k])) {
        mpq_mul(b->a, c, b->m->payfix[k]);
        mpq_add(b->cst, b->cst, b->a);
    }
}

/* c * u_i(t, th; r) */
static void acc_util(bld *b, const mpq_t c, int i, long t, int th, long r)
{
    const mpq_t *w = (const mpq_t *)b->m->val[i] + (t * b->S + th) * b->D;
    int j;
    for (j = 0; j < b->D; j++)
        if (mpq_sgn(w[j])) {
            mpq_mul(b->cw, c, w[j]);
            acc_dec(b, b->cw, r, j);
        }
    mpq_neg(b->cw, c);
    acc_pay(b, b->cw, i, r, th);
}

/* c * (interim utility of agent i, type a, reporting rep) */
static void acc_interim(bld *b, const mpq_t c, int i, int a, int rep)
{
    const econ_tspace_struct *ts = b->m->ts;
    mpq_t cb;
    long t, lo, hi, stride = 1, nhi;
    int th, j;
    mpq_init(cb);
    for (j = 0; j < i; j++)
        stride *= ts->ntypes[j];
    nhi = b->np / (stride * ts->ntypes[i]);
    /* the profiles with t_i = a: lo + a * stride + hi * stride * T_i */
    for (hi = 0; hi < nhi; hi++)
        for (lo = 0; lo < stride; lo++) {
            t = lo + (a + hi * ts->ntypes[i]) * stride;
            for (th = 0; th < b->S; th++) {
                mpq_srcptr p = ts->bel[i][t * b->S + th];
                if (!mpq_sgn(p))
                    continue;
                mpq_mul(cb, c, p);
                acc_util(b, cb, i, t, th, rep == a ? t : econ_prof_with(ts, t, i, rep));
            }
        }
    mpq_clear(cb);
}

static void acc_revenue(bld *b, const mpq_t c)
{
    mpq_t cp;
    long t;
    int th, i;
    mpq_init(cp);
    for (t = 0; t < b->np; t++)
        for (th = 0; th < b->S; th++) {
            mpq_mul(cp, c, b->m->prior[t * b->S + th]);
            if (mpq_sgn(cp))
                for (i = 0; i < b->m->n; i++)
                    acc_pay(b, cp, i, t, th);
        }
    mpq_clear(cp);
}

static void acc_welfare(bld *b, const mpq_t c)
{
    mpq_t cp, cw;
    long t;
    int th, i, j;
    mpq_init(cp);
    mpq_init(cw);
    for (t = 0; t < b->np; t++)
        for (th = 0; th < b->S; th++) {
            mpq_mul(cp, c, b->m->prior[t * b->S + th]);
            if (!mpq_sgn(cp))
                continue;
            for (i = 0; i < b->m->n; i++)
                for (j = 0; j < b->D; j++) {
                    mpq_srcptr w = b->m->val[i][(t * b->S + th) * b->D + j];
                    if (mpq_sgn(w)) {
                        mpq_mul(cw, cp, w);
                        acc_dec(b, cw, t, j);
                    }
                }
        }
    mpq_clear(cp);
    mpq_clear(cw);
}

static void acc_expr(bld *b, const mech_expr *e)
{
    int k;
    for (k = 0; k < e->nterm; k++) {
        const mech_term *t = &e->term[k];
        switch (t->kind) {
        case MECH_Q_CONST:
            mpq_add(b->cst, b->cst, t->coef);
            break;
        case MECH_Q_U:
            acc_interim(b, t->coef, t->a, t->ti, t->rep);
            break;
        case MECH_Q_VAR:
            acc_col(b, b->vcol[t->a], t->coef);
            break;
        case MECH_Q_PAY:
            acc_pay(b, t->coef, t->a, t->r, t->th);
            break;
        case MECH_Q_DEC:
            acc_dec(b, t->coef, t->r, t->a);
            break;
        case MECH_Q_REV:
            acc_revenue(b, t->coef);
            break;
        case MECH_Q_WEL:
            acc_welfare(b, t->coef);
            break;
        default: /* subsidy */
            if (b->scol >= 0)
                acc_col(b, b->scol, t->coef);
            break;
        }
    }
}

static void acc_reset(bld *b)
{
    long k;
    for (k = 0; k < b->ntouch; k++) {
        mpq_set_ui(b->acc[b->touched[k]], 0, 1);
        b->mark[b->touched[k]] = 0;
    }
    b->ntouch = 0;
    mpq_set_ui(b->cst, 0, 1);
}

/* The accumulated form (+ cst) rel rhs, as row NAME; resets the form. */
static fk_status emit(bld *b, const char *name, int rel, const mpq_t rhs, fk_err *err)
{
    long r, k;
    fk_status st = lp_add_row(b->lp, name, &r, err);
    mpq_t v;
    if (!st)
        st = note_row(b, r, err);
    if (st) {
        acc_reset(b);
        return st;
    }
    for (k = 0; k < b->ntouch && !st; k++)
        st = lp_add_coef(b->lp, r, b->touched[k], b->acc[b->touched[k]], err);
    mpq_init(v);
    mpq_sub(v, rhs, b->cst);
    if (rel >= 0)
        lp_set_row_lo(b->lp, r, v);
    if (rel <= 0)
        lp_set_row_hi(b->lp, r, v);
    mpq_clear(v);
    acc_reset(b);
    return st;
}

static fk_status col(bld *b, long *j, fk_err *err, const char *name)
{
    fk_status st = lp_add_col(b->lp, name, j, err);
    long k;
    if (st || *j < b->accn)
        return st;
    /* grow the accumulator with the columns */
    k = b->accn ? b->accn * 2 : 1024;
    {
        mpq_t *na = fk_realloc(b->acc, (size_t)k, sizeof *na);
        long *nt;
        unsigned char *nm;
        if (!na)
            return oom(err);
        b->acc = na;
        nt = fk_realloc(b->touched, (size_t)k, sizeof *nt);
        if (!nt)
            return oom(err);
        b->touched = nt;
        nm = fk_realloc(b->mark, (size_t)k, 1);
        if (!nm)
            return oom(err);
        b->mark = nm;
        for (; b->accn < k; b->accn++) {
            mpq_init(b->acc[b->accn]);
            b->mark[b->accn] = 0;
        }
    }
    return FK_OK;
}

static void bld_free(bld *b)
{
    long k;
    for (k = 0; k < b->accn; k++)
        mpq_clear(b->acc[k]);
    free(b->acc);
    free(b->touched);
    free(b->mark);
    free(b->dcol);
    fk_qarr_free(b->dval, b->np * b->D);
    free(b->pcol);
    free(b->vcol);
    free(b->rows);
    mpq_clear(b->cst);
    mpq_clear(b->a);
    mpq_clear(b->cw);
}

/* "t" or "t;s" for profile t and state th (states shown when with). */
static const char *pstr(const mech_model_struct *m, long t, int th, int with, char *buf, size_t len)
{
    size_t k;
    econ_prof_str(m->ts, t, buf, len);
    k = strlen(buf);
    if (with && m->has_states)
        snprintf(buf + k, len - k, ";%s", m->ts->state[th]);
    return buf;
}

/* The efficient allocation at profile r (no states): maximisers of the
 * total value, then the tie rule; designer ties become columns. */
static fk_status efficient(bld *b, long r, fk_err *err)
{
    const mech_model_struct *m = b->m;
    mpq_t best, w;
    int j, i, nmax = 0, first = -1, last = -1;
    char *ismax = fk_calloc((size_t)b->D, 1), nm[700], pb[600];
    fk_status st = FK_OK;
    if (!ismax)
        return oom(err);
    mpq_init(best);
    mpq_init(w);
    for (j = 0; j < b->D; j++) {
        int c;
        mpq_set_ui(w, 0, 1);
        for (i = 0; i < m->n; i++)
            mpq_add(w, w, m->val[i][r * b->D + j]);
        c = j ? mpq_cmp(w, best) : 1;
        if (c > 0) {
            mpq_set(best, w);
            memset(ismax, 0, (size_t)j);
            nmax = 0;
            first = j;
        }
        if (c >= 0) {
            ismax[j] = 1;
            nmax++;
            last = j;
        }
    }
    if (m->tie == MECH_TIE_FIRST || nmax == 1)
        mpq_set_ui(b->dval[r * b->D + first], 1, 1);
    else if (m->tie == MECH_TIE_LAST)
        mpq_set_ui(b->dval[r * b->D + last], 1, 1);
    else if (m->tie == MECH_TIE_UNIFORM) {
        for (j = 0; j < b->D; j++)
            if (ismax[j])
                mpq_set_ui(b->dval[r * b->D + j], 1, (unsigned long)nmax);
    } else {
        long row;
        mpq_set_ui(w, 1, 1);
        econ_prof_str(m->ts, r, pb, sizeof pb);
        for (j = 0; j < b->D && !st; j++)
            if (ismax[j]) {
                snprintf(nm, sizeof nm, "p[%s:%s]", m->alt[j], pb);
                if (!(st = col(b, &b->dcol[r * b->D + j], err, nm)))
                    lp_set_col_hi(b->lp, b->dcol[r * b->D + j], w);
            }
        snprintf(nm, sizeof nm, "SUM[%s]", pb);
        set_row(b, MECH_ROW_SUM, -1, -1, -1, r, -1);
        if (!st && !(st = lp_add_row(b->lp, nm, &row, err)) && !(st = note_row(b, row, err))) {
            lp_set_row_lo(b->lp, row, w);
            lp_set_row_hi(b->lp, row, w);
            for (j = 0; j < b->D && !st; j++)
                if (ismax[j])
                    st = lp_add_coef(b->lp, row, b->dcol[r * b->D + j], w, err);
        }
    }
    mpq_clear(best);
    mpq_clear(w);
    free(ismax);
    return st;
}

static fk_status decisions(bld *b, fk_err *err)
{
    const mech_model_struct *m = b->m;
    char nm[700], pb[600];
    mpq_t one;
    long r, row;
    int j;
    fk_status st = FK_OK;
    mpq_init(one);
    mpq_set_ui(one, 1, 1);
    for (r = 0; r < b->np && !st; r++) {
        if (m->alloc == MECH_ALLOC_FIXED) {
            for (j = 0; j < b->D; j++)
                mpq_set(b->dval[r * b->D + j], m->fixed[r * b->D + j]);
            continue;
        }
        if (m->alloc == MECH_ALLOC_EFFICIENT) {
            st = efficient(b, r, err);
            continue;
        }
        econ_prof_str(m->ts, r, pb, sizeof pb);
        for (j = 0; j < b->D && !st; j++) {
            snprintf(nm, sizeof nm, "%s[%s:%s]", m->mode == MECH_GOOD ? "q" : "p",
                     m->mode == MECH_GOOD ? m->agent[j] : m->alt[j], pb);
            if (!(st = col(b, &b->dcol[r * b->D + j], err, nm)))
                lp_set_col_hi(b->lp, b->dcol[r * b->D + j], one);
        }
        snprintf(nm, sizeof nm, "%s[%s]", m->mode == MECH_GOOD ? "SUPPLY" : "SUM", pb);
        set_row(b, m->mode == MECH_GOOD ? MECH_ROW_SUPPLY : MECH_ROW_SUM, -1, -1, -1, r, -1);
        if (st || (st = lp_add_row(b->lp, nm, &row, err)) || (st = note_row(b, row, err)))
            break;
        if (m->mode == MECH_GOOD)
            lp_set_row_hi(b->lp, row, m->supply);
        else {
            lp_set_row_lo(b->lp, row, one);
            lp_set_row_hi(b->lp, row, one);
        }
        for (j = 0; j < b->D && !st; j++)
            st = lp_add_coef(b->lp, row, b->dcol[r * b->D + j], one, err);
    }
    mpq_clear(one);
    return st;
}

static fk_status payments(bld *b, fk_err *err)
{
    const mech_model_struct *m = b->m;
    char nm[700], pb[600];
    long r, k;
    int i, th, S = m->pay_contingent ? (int)b->S : 1;
    fk_status st = FK_OK;
    for (k = 0; k < m->n * b->npay; k++)
        b->pcol[k] = -1;
    if (m->pay_kind == MECH_PAY_FIXED || m->pay_kind == MECH_PAY_ZERO)
        return FK_OK;
    for (r = 0; r < b->np && !st; r++)
        for (th = 0; th < S && !st; th++)
            for (i = 0; i < m->n && !st; i++) {
                long *c = &b->pcol[i * b->npay + mech_pay_index(m, r, th)];
                snprintf(nm, sizeof nm, "t[%s:%s]", m->agent[i],
                         pstr(m, r, th, m->pay_contingent, pb, sizeof pb));
                if ((st = col(b, c, err, nm)))
                    break;
                if (m->pay_kind == MECH_PAY_FREE)
                    econ_col_free(b->lp, *c);
                else {
                    lp_set_col_lo(b->lp, *c, m->pay_lo_fin ? m->pay_lo : NULL);
                    lp_set_col_hi(b->lp, *c, m->pay_hi_fin ? m->pay_hi : NULL);
                }
            }
    return st;
}

static int expr_uses_sub(const mech_expr *e)
{
    int k;
    for (k = 0; k < e->nterm; k++)
        if (e->term[k].kind == MECH_Q_SUB)
            return 1;
    return 0;
}

/* A copy of the accumulated form, in its touched order, so that a form used
 * by many rows (type a's truthful interim utility, in every IC[i:a->c]) is
 * computed once and replayed: the rows get the same coefficients in the
 * same order as if it were recomputed. */
typedef struct {
    long n, alloc;
    long *j;
    mpq_t *v;
    mpq_t cst;
} saved_form;

static int form_save(saved_form *f, const bld *b)
{
    long k;
    if (b->ntouch > f->alloc) {
        long *nj = realloc(f->j, (size_t)b->ntouch * sizeof *nj);
        mpq_t *nv;
        if (!nj)
            return 0;
        f->j = nj;
        nv = realloc(f->v, (size_t)b->ntouch * sizeof *nv);
        if (!nv)
            return 0;
        f->v = nv;
        for (k = f->alloc; k < b->ntouch; k++)
            mpq_init(f->v[k]);
        f->alloc = b->ntouch;
    }
    for (k = 0; k < b->ntouch; k++) {
        f->j[k] = b->touched[k];
        mpq_set(f->v[k], b->acc[b->touched[k]]);
    }
    f->n = b->ntouch;
    mpq_set(f->cst, b->cst);
    return 1;
}

static void form_replay(bld *b, const saved_form *f)
{
    long k;
    for (k = 0; k < f->n; k++)
        acc_col(b, f->j[k], f->v[k]);
    mpq_add(b->cst, b->cst, f->cst);
}

static void form_clear(saved_form *f)
{
    long k;
    for (k = 0; k < f->alloc; k++)
        mpq_clear(f->v[k]);
    free(f->v);
    free(f->j);
    mpq_clear(f->cst);
}

static fk_status families(bld *b, fk_err *err)
{
    const mech_model_struct *m = b->m;
    const econ_tspace_struct *ts = m->ts;
    char nm[1400], pb[600];
    mpq_t one, zero, mone;
    long t, r;
    int i, a, c, th;
    econ_dev dv;
    saved_form truth;
    fk_status st = FK_OK;
    mpq_init(one);
    mpq_init(zero);
    mpq_init(mone);
    mpq_set_ui(one, 1, 1);
    mpq_set_si(mone, -1, 1);
    memset(&truth, 0, sizeof truth);
    mpq_init(truth.cst);
    for (i = 0; i < m->n && !st; i++)
        for (a = 0; a < ts->ntypes[i] && !st; a++) {
            if (m->req & MECH_BIC) {
                acc_interim(b, one, i, a, a);
                if (!form_save(&truth, b))
                    st = oom(err);
                acc_reset(b);
            }
            if (m->req & MECH_BIC)
                for (econ_dev_reports(&dv, a, ts->ntypes[i]); econ_dev_ok(&dv) && !st; econ_dev_next(&dv)) {
                    c = dv.b;
                    form_replay(b, &truth);
                    acc_interim(b, mone, i, a, c);
                    snprintf(nm, sizeof nm, "IC[%s:%s->%s]", m->agent[i], ts->type[i][a], ts->type[i][c]);
                    set_row(b, MECH_ROW_IC, i, a, c, -1, -1);
                    st = emit(b, nm, 1, zero, err);
                }
            if (!st && (m->req & MECH_IRI)) {
                acc_interim(b, one, i, a, a);
                snprintf(nm, sizeof nm, "IR[%s:%s]", m->agent[i], ts->type[i][a]);
                set_row(b, MECH_ROW_IRI, i, a, -1, -1, -1);
                st = emit(b, nm, 1, m->ir_margin, err);
            }
        }
    for (t = 0; t < b->np && !st; t++)
        for (th = 0; th < b->S && !st; th++)
            for (i = 0; i < m->n && !st; i++) {
                a = econ_type_of(ts, t, i);
                pstr(m, t, th, 1, pb, sizeof pb);
                if (m->req & MECH_DIC)
                    for (econ_dev_reports(&dv, a, ts->ntypes[i]); econ_dev_ok(&dv) && !st;
                         econ_dev_next(&dv)) {
                        c = dv.b;
                        acc_util(b, one, i, t, th, t);
                        acc_util(b, mone, i, t, th, econ_prof_with(ts, t, i, c));
                        snprintf(nm, sizeof nm, "DIC[%s:%s->%s;%s]", m->agent[i], ts->type[i][a],
                                 ts->type[i][c], pb);
                        set_row(b, MECH_ROW_DIC, i, a, c, t, m->has_states ? th : -1);
                        st = emit(b, nm, 1, zero, err);
                    }
                if (!st && (m->req & MECH_IRX)) {
                    acc_util(b, one, i, t, th, t);
                    snprintf(nm, sizeof nm, "IRX[%s:%s]", m->agent[i], pb);
                    set_row(b, MECH_ROW_IRX, i, a, -1, t, m->has_states ? th : -1);
                    st = emit(b, nm, 1, zero, err);
                }
            }
    /* budget rows */
    if (!st && (m->req & (MECH_BBA | MECH_NDA))) {
        int k;
        for (k = 0; k < 2 && !st; k++) {
            if (!(m->req & (k ? MECH_NDA : MECH_BBA)))
                continue;
            acc_revenue(b, one);
            if (b->scol >= 0)
                acc_col(b, b->scol, one);
            set_row(b, k ? MECH_ROW_ND : MECH_ROW_BB, -1, -1, -1, -1, -1);
            st = emit(b, k ? "ND" : "BB", k ? 1 : 0, zero, err);
        }
    }
    if (!st && (m->req & (MECH_BBX | MECH_NDX))) {
        int S = m->pay_contingent ? (int)b->S : 1, k;
        for (r = 0; r < b->np && !st; r++)
            for (th = 0; th < S && !st; th++)
                for (k = 0; k < 2 && !st; k++) {
                    if (!(m->req & (k ? MECH_NDX : MECH_BBX)))
                        continue;
                    for (i = 0; i < m->n; i++)
                        acc_pay(b, one, i, r, th);
                    if (b->scol >= 0)
                        acc_col(b, b->scol, one);
                    snprintf(nm, sizeof nm, "%s[%s]", k ? "ND" : "BB",
                             pstr(m, r, th, m->pay_contingent, pb, sizeof pb));
                    set_row(b, k ? MECH_ROW_NDX : MECH_ROW_BBX, -1, -1, -1, r,
                            m->pay_contingent ? th : -1);
                    st = emit(b, nm, k ? 1 : 0, zero, err);
                }
    }
    for (i = 0; i < m->ncons && !st; i++) {
        acc_expr(b, &m->cons[i].e);
        set_row(b, MECH_ROW_SIDE, -1, -1, -1, -1, -1);
        b->cur.cons = i;
        st = emit(b, m->cons[i].name, m->cons[i].rel, m->cons[i].rhs, err);
    }
    mpq_clear(one);
    mpq_clear(zero);
    mpq_clear(mone);
    form_clear(&truth);
    return st;
}

/* Build the LP of objective k into b (b->lp set by the caller). */
static fk_status build(bld *b, const mech_model_struct *m, int k, fk_err *err)
{
    const mech_obj *ob = &m->obj[k];
    int uses = expr_uses_sub(&ob->e), c;
    fk_status st;
    long j;
    b->m = m;
    b->np = m->ts->nprof;
    b->S = m->ts->nstates;
    b->D = m->ndec;
    b->npay = b->np * (m->pay_contingent ? b->S : 1);
    b->scol = -1;
    b->dcol = fk_calloc((size_t)(b->np * b->D), sizeof *b->dcol);
    b->dval = fk_qarr_new(b->np * b->D);
    b->pcol = fk_calloc((size_t)(m->n * b->npay), sizeof *b->pcol);
    b->vcol = fk_calloc((size_t)m->nvar + 1, sizeof *b->vcol);
    if (!b->dcol || !b->dval || !b->pcol || !b->vcol)
        return oom(err);
    for (j = 0; j < b->np * b->D; j++)
        b->dcol[j] = -1;
    for (c = 0; c < m->ncons; c++)
        uses |= expr_uses_sub(&m->cons[c].e);
    { /* the IC families' work, bounded before building (a file within the
       * reader's limits can still ask for ~10^11 steps) */
        double w = 0;
        int i;
        for (i = 0; i < m->n; i++) {
            double T = m->ts->ntypes[i];
            if (m->req & (MECH_BIC | MECH_IRI))
                w += T * (T + 1) * (double)b->np * (double)b->D;
            if (m->req & (MECH_DIC | MECH_IRX))
                w += (double)b->np * (double)b->S * T * (double)b->D;
        }
        if (w > MECH_MAX_BUILD)
            return fk_fail(err, FK_ELIMIT, NULL, "%s: too large: the IC and IR families would take "
                           "over %.0e steps to build", m->name, (double)MECH_MAX_BUILD);
    }
    if ((st = decisions(b, err)) || (st = payments(b, err)))
        return st;
    for (c = 0; c < m->nvar; c++) { /* the declared variables, in file order */
        const mech_var *v = &m->var[c];
        if ((st = col(b, &b->vcol[c], err, v->name)))
            return st;
        if (!v->lo_fin && !v->hi_fin)
            econ_col_free(b->lp, b->vcol[c]);
        else {
            lp_set_col_lo(b->lp, b->vcol[c], v->lo_fin ? v->lo : NULL);
            lp_set_col_hi(b->lp, b->vcol[c], v->hi_fin ? v->hi : NULL);
        }
    }
    if (uses) {
        if ((st = col(b, &b->scol, err, "subsidy")))
            return st;
        econ_col_free(b->lp, b->scol);
    }
    if ((st = families(b, err)))
        return st;
    b->lp->sense = ob->sense;
    if (!ob->feas) {
        long t;
        acc_expr(b, &ob->e);
        for (t = 0; t < b->ntouch; t++)
            lp_set_obj(b->lp, b->touched[t], b->acc[b->touched[t]]);
        mpq_set(b->lp->objconst, b->cst);
        acc_reset(b);
    }
    return FK_OK;
}

/* ---- the report ------------------------------------------------------------ */

static void dec_val(mpq_t v, const bld *b, const lp_answer *res, long r, int j)
{
    long k = r * b->D + j;
    mpq_set(v, b->dcol[k] >= 0 ? res->x[b->dcol[k]] : b->dval[k]);
}

static void pay_val(mpq_t v, const bld *b, const lp_answer *res, int i, long pk)
{
    long k = i * b->npay + pk;
    if (b->pcol[k] >= 0)
        mpq_set(v, res->x[b->pcol[k]]);
    else if (b->m->payx && b->m->payx[k] >= 0) {
        const mech_expr *e = &b->m->paye[b->m->payx[k]];
        mpq_t a;
        int j;
        mpq_init(a);
        mpq_set_ui(v, 0, 1);
        for (j = 0; j < e->nterm; j++) {
            if (e->term[j].kind == MECH_Q_VAR)
                mpq_mul(a, e->term[j].coef, res->x[b->vcol[e->term[j].a]]);
            else
                mpq_set(a, e->term[j].coef);
            mpq_add(v, v, a);
        }
        mpq_clear(a);
    }
    else if (b->m->payfix)
        mpq_set(v, b->m->payfix[k]);
    else
        mpq_set_ui(v, 0, 1);
}

/* Interim utility of (i, a) under the solution: the form's value. */
static void interim_val(mpq_t u, bld *b, const lp_answer *res, int i, int a)
{
    mpq_t one;
    long k;
    mpq_init(one);
    mpq_set_ui(one, 1, 1);
    acc_interim(b, one, i, a, a);
    mpq_set(u, b->cst);
    for (k = 0; k < b->ntouch; k++) {
        mpq_mul(one, b->acc[b->touched[k]], res->x[b->touched[k]]);
        mpq_add(u, u, one);
    }
    acc_reset(b);
    mpq_clear(one);
}

static int row_binds(const lp_model *lp, const lp_answer *res, long i, mpq_t act)
{
    long k;
    mpq_t p;
    mpq_init(p);
    mpq_set_ui(act, 0, 1);
    for (k = lp->rbeg[i]; k < lp->rbeg[i + 1]; k++) {
        mpq_mul(p, lp_rval(lp, k), res->x[lp->cidx[k]]);
        mpq_add(act, act, p);
    }
    mpq_clear(p);
    return (lp->rlo_fin[i] && mpq_equal(act, lp->rlo[i])) || (lp->rhi_fin[i] && mpq_equal(act, lp->rhi[i]));
}

static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if ((unsigned char)*s < 0x20)
            fprintf(f, "\\u%04x", (unsigned)(unsigned char)*s);
        else {
            if (*s == '"' || *s == '\\')
                fputc('\\', f);
            fputc(*s, f);
        }
    }
    fputc('"', f);
}

static void json_q(FILE *f, const mpq_t v)
{
    char *s = econ_qstr(v);
    json_str(f, s);
    free(s);
}

/* A row shown among the binding constraints: at a finite bound, and for an
 * equality row only with a nonzero multiplier. */
static int shown_binding(const lp_model *lp, const lp_answer *res, long i, mpq_t act)
{
    int eq = lp->rlo_fin[i] && lp->rhi_fin[i] && mpq_equal(lp->rlo[i], lp->rhi[i]);
    return row_binds(lp, res, i, act) && (!eq || mpq_sgn(res->y[i]));
}

/* ", \"row\": \"lambda\"" for row i (no comma before the first). */
static void json_mult(const lp_model *lp, const lp_answer *res, long i, int *first, mpq_t lam)
{
    mech_shadow(lam, lp, i, res->y[i]);
    printf("%s", *first ? "" : ", ");
    json_str(stdout, lp->rname[i]);
    printf(": ");
    json_q(stdout, lam);
    *first = 0;
}

static void describe(char *buf, size_t len, const mech_model_struct *m)
{
    static const char *ties[] = {"first", "last", "uniform", "designer"};
    static const struct { unsigned bit; const char *w; } fam[] = {
        {MECH_BIC, "BIC"}, {MECH_DIC, "DIC"}, {MECH_IRI, "interim IR"}, {MECH_IRX, "ex post IR"},
        {MECH_BBA, "ex ante budget balance"}, {MECH_BBX, "ex post budget balance"},
        {MECH_NDA, "no expected deficit"}, {MECH_NDX, "no deficit"}};
    size_t k, u;
    u = (size_t)snprintf(buf, len, "%s",
                         m->alloc == MECH_ALLOC_FREE ? "allocation chosen by the designer" :
                         m->alloc == MECH_ALLOC_FIXED ? "the file's allocation" : "efficient allocation");
    if (m->alloc == MECH_ALLOC_EFFICIENT && u < len)
        u += (size_t)snprintf(buf + u, len - u, " (ties %s)", ties[m->tie]);
    for (k = 0; k < sizeof fam / sizeof fam[0] && u < len; k++)
        if (m->req & fam[k].bit)
            u += (size_t)snprintf(buf + u, len - u, ", %s", fam[k].w);
    if (m->ncons && u < len)
        snprintf(buf + u, len - u, ", %d side constraint%s", m->ncons, m->ncons > 1 ? "s" : "");
}

static const char *obj_words(const mech_obj *ob)
{
    if (ob->feas)
        return "feasibility";
    if (ob->e.nterm == 1 && mpq_cmp_ui(ob->e.term[0].coef, 1, 1) == 0) {
        int k = ob->e.term[0].kind;
        if (k == MECH_Q_REV)
            return ob->sense == LP_MAX ? "maximal expected revenue" : "minimal expected revenue";
        if (k == MECH_Q_WEL)
            return ob->sense == LP_MAX ? "maximal expected welfare" : "minimal expected welfare";
        if (k == MECH_Q_SUB)
            return ob->sense == LP_MIN ? "minimal external subsidy" : "maximal subsidy";
    }
    {   /* an expression: named by its label */
        static char buf[80];
        snprintf(buf, sizeof buf, "%s of %s", ob->sense == LP_MAX ? "maximum" : "minimum", ob->label);
        return buf;
    }
}

#define MECH_SHOW_ROWS 400  /* profiles printed in the text table */
#define MECH_SHOW_BIND 60   /* binding constraints printed in text */

static void text_report(bld *b, const mech_obj *ob, const char *lpname, const lp_answer *res, int quiet)
{
    const mech_model_struct *m = b->m;
    const lp_model *lp = b->lp;
    char pb[600], desc[600];
    mpq_t v, lam;
    long r, i, shown = 0, nbind = 0;
    int a, j, th, PS = m->pay_contingent ? (int)b->S : 1;
    mpq_init(v);
    mpq_init(lam);
    describe(desc, sizeof desc, m);
    printf("\n%s: %s subject to %s\n", lpname, ob->feas ? "is there a mechanism" : obj_words(ob), desc);
    printf("  (%ld rows, %ld columns)\n", lp->m, lp->n);
    if (res->status == LP_INFEASIBLE) {
        printf("verdict: NO mechanism satisfies these constraints (Farkas certificate)\n");
        printf("  multipliers that combine the constraints into a contradiction (nonzero only):\n");
        for (i = 0; i < lp->m; i++)
            if (mpq_sgn(res->y[i])) {
                if (quiet && shown >= 10) {
                    shown++;
                    continue;
                }
                mech_shadow(lam, lp, i, res->y[i]);
                econ_print_q(stdout, lp->rname[i], lam);
                shown++;
            }
        if (quiet && shown > 10)
            printf("  ... %ld in all\n", shown);
        goto done;
    }
    if (res->status == LP_UNBOUNDED) {
        printf("verdict: UNBOUNDED: the %s is not finite: the objective %s without bound along the "
               "certificate's ray\n", obj_words(ob), ob->sense == LP_MAX ? "grows" : "falls");
        goto done;
    }
    if (ob->feas)
        printf("verdict: a mechanism EXISTS\n");
    else {
        char *s = econ_qstr(res->objval), *d = rat_get_dec(res->objval, 6);
        printf("verdict: %s = %s", obj_words(ob), s);
        if (mpz_cmp_ui(mpq_denref(res->objval), 1))
            printf("  (~%s)", d ? d : "?");
        printf("\n");
        free(s);
        free(d);
    }
    if (quiet)
        goto done;
    printf("  the mechanism (per reported profile: %s; payment by each agent%s):\n",
           m->mode == MECH_GOOD ? "who gets the good, with its probability" : "outcome",
           m->pay_contingent ? ", per state" : "");
    for (r = 0; r < b->np && r < MECH_SHOW_ROWS; r++) {
        int first = 1;
        printf("    %-16s ", econ_prof_str(m->ts, r, pb, sizeof pb));
        for (j = 0; j < b->D; j++) {
            const char *who = m->mode == MECH_ALTS ? m->alt[j] : m->agent[j];
            dec_val(v, b, res, r, j);
            if (!mpq_sgn(v))
                continue;
            if (mpq_cmp_ui(v, 1, 1) == 0)
                printf("%s%s", first ? "" : " ", who);
            else {
                char *s = econ_qstr(v);
                printf("%s%s %s", first ? "" : " ", who, s);
                free(s);
            }
            first = 0;
        }
        if (first)
            printf("%s", m->mode == MECH_GOOD ? "(kept)" : "(nothing)");
        printf("  |");
        for (a = 0; a < m->n; a++)
            for (th = 0; th < PS; th++) {
                char *s;
                pay_val(v, b, res, a, mech_pay_index(m, r, th));
                s = econ_qstr(v);
                if (PS > 1)
                    printf(" t[%s;%s]=%s", m->agent[a], m->ts->state[th], s);
                else
                    printf(" t[%s]=%s", m->agent[a], s);
                free(s);
            }
        printf("\n");
    }
    if (b->np > MECH_SHOW_ROWS)
        printf("    ... %ld profiles in all (the full table: --json)\n", b->np);
    if (m->nvar)
        printf("  the variables:\n");
    for (j = 0; j < m->nvar; j++)
        econ_print_q(stdout, m->var[j].name, res->x[b->vcol[j]]);
    if (m->bel_kind != MECH_BEL_NONE) {
        printf("  interim utilities (truthful):\n");
        for (a = 0; a < m->n; a++)
            for (j = 0; j < m->ts->ntypes[a]; j++) {
                snprintf(pb, sizeof pb, "U[%s:%s]", m->agent[a], m->ts->type[a][j]);
                interim_val(v, b, res, a, j);
                econ_print_q(stdout, pb, v);
            }
    }
    printf("  binding constraints (multiplier = loss of the objective per unit of tightening):\n");
    for (i = 0; i < lp->m; i++) {
        if (!shown_binding(lp, res, i, v))
            continue;
        if (nbind++ >= MECH_SHOW_BIND)
            continue;
        mech_shadow(lam, lp, i, res->y[i]);
        econ_print_q(stdout, lp->rname[i], lam);
    }
    if (nbind > MECH_SHOW_BIND)
        printf("    ... %ld binding in all (the full list: --json)\n", nbind);
done:
    mpq_clear(v);
    mpq_clear(lam);
}

static void json_report(bld *b, const mech_obj *ob, const char *lpname, const lp_answer *res,
                        const char *dir, int accepted)
{
    const mech_model_struct *m = b->m;
    const lp_model *lp = b->lp;
    mpq_t v, lam;
    long r, i;
    int a, j, th, first, PS = m->pay_contingent ? (int)b->S : 1;
    char desc[600];
    mpq_init(v);
    mpq_init(lam);
    describe(desc, sizeof desc, m);
    printf("{\"lp\": ");
    json_str(stdout, lpname);
    printf(", \"label\": ");
    json_str(stdout, ob->label);
    {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s.mps", dir, lpname);
        printf(", \"model\": ");
        json_str(stdout, path);
        snprintf(path, sizeof path, "%s/%s.cert", dir, lpname);
        printf(", \"certificate\": ");
        json_str(stdout, path);
        printf(", \"accepted\": %s", accepted ? "true" : "false");
    }
    printf(",\n  \"question\": ");
    json_str(stdout, ob->feas ? "feasibility" : obj_words(ob));
    printf(", \"constraints\": ");
    json_str(stdout, desc);
    printf(", \"sense\": \"%s\", \"status\": \"%s\"", ob->sense == LP_MAX ? "max" : "min",
           lp_status_str(res->status));
    printf(", \"rows\": %ld, \"columns\": %ld", lp->m, lp->n);
    if (res->status == LP_INFEASIBLE) {
        printf(",\n  \"farkas\": {");
        for (i = 0, first = 1; i < lp->m; i++)
            if (mpq_sgn(res->y[i]))
                json_mult(lp, res, i, &first, lam);
        printf("}");
    }
    if (res->status == LP_OPTIMAL) {
        if (!ob->feas) {
            printf(", \"value\": ");
            json_q(stdout, res->objval);
        }
        printf(",\n  \"mechanism\": [");
        for (r = 0; r < b->np; r++) {
            printf("%s\n    {\"profile\": [", r ? "," : "");
            for (a = 0; a < m->n; a++) {
                printf("%s", a ? ", " : "");
                json_str(stdout, m->ts->type[a][econ_type_of(m->ts, r, a)]);
            }
            printf("], \"%s\": {", m->mode == MECH_GOOD ? "good" : "lottery");
            for (j = 0, first = 1; j < b->D; j++) {
                dec_val(v, b, res, r, j);
                if (!mpq_sgn(v))
                    continue;
                printf("%s", first ? "" : ", ");
                json_str(stdout, m->mode == MECH_GOOD ? m->agent[j] : m->alt[j]);
                printf(": ");
                json_q(stdout, v);
                first = 0;
            }
            printf("}, \"payments\": {");
            for (a = 0; a < m->n; a++) {
                printf("%s", a ? ", " : "");
                json_str(stdout, m->agent[a]);
                printf(": ");
                if (PS > 1)
                    printf("{");
                for (th = 0; th < PS; th++) {
                    if (PS > 1) {
                        printf("%s", th ? ", " : "");
                        json_str(stdout, m->ts->state[th]);
                        printf(": ");
                    }
                    pay_val(v, b, res, a, mech_pay_index(m, r, th));
                    json_q(stdout, v);
                }
                if (PS > 1)
                    printf("}");
            }
            printf("}}");
        }
        printf("],\n  \"variables\": {");
        for (j = 0; j < m->nvar; j++) {
            printf("%s", j ? ", " : "");
            json_str(stdout, m->var[j].name);
            printf(": ");
            json_q(stdout, res->x[b->vcol[j]]);
        }
        printf("},\n  \"interim\": [");
        for (a = 0, first = 1; a < m->n && m->bel_kind != MECH_BEL_NONE; a++)
            for (j = 0; j < m->ts->ntypes[a]; j++) {
                interim_val(v, b, res, a, j);
                printf("%s{\"agent\": ", first ? "" : ", ");
                json_str(stdout, m->agent[a]);
                printf(", \"type\": ");
                json_str(stdout, m->ts->type[a][j]);
                printf(", \"utility\": ");
                json_q(stdout, v);
                printf("}");
                first = 0;
            }
        printf("],\n  \"binding\": {");
        for (i = 0, first = 1; i < lp->m; i++)
            if (shown_binding(lp, res, i, v))
                json_mult(lp, res, i, &first, lam);
        printf("}");
    }
    printf("}");
    mpq_clear(v);
    mpq_clear(lam);
}

void mech_results_clear(mech_result *res, int k)
{
    int i;
    for (i = 0; res && i < k; i++) {
        mpq_clear(res[i].value);
        free(res[i].row);
        fk_qarr_free(res[i].lam, res[i].nrow);
        fk_qarr_free(res[i].dec, res[i].nprof * res[i].ndec);
        fk_qarr_free(res[i].pay, res[i].nagent * res[i].npay);
        fk_qarr_free(res[i].var, res[i].var ? res[i].nvar + 1 : 0);
        res[i].row = NULL;
        res[i].lam = res[i].dec = res[i].pay = res[i].var = NULL;
    }
}

/* The row map, multipliers and mechanism of a solved LP into out (keep). */
static fk_status keep_answer(mech_result *out, bld *b, const lp_answer *res, fk_err *err)
{
    long k, r;
    int i, j;
    if (res->status != LP_OPTIMAL && res->status != LP_INFEASIBLE)
        return FK_OK;
    if (b->nrows != b->lp->m)
        return fk_fail(err, FK_EINVAL, NULL, "mechanism LP: %ld rows mapped of %ld", b->nrows, b->lp->m);
    out->row = b->rows; /* handed over */
    b->rows = NULL;
    out->nrow = b->nrows;
    if (!(out->lam = fk_qarr_new(b->nrows)))
        return oom(err);
    for (k = 0; k < b->nrows; k++)
        mech_shadow(out->lam[k], b->lp, k, res->y[k]);
    if (res->status != LP_OPTIMAL)
        return FK_OK;
    out->nprof = b->np;
    out->ndec = b->D;
    out->nagent = b->m->n;
    out->npay = b->npay;
    out->nvar = b->m->nvar;
    out->dec = fk_qarr_new(b->np * b->D);
    out->pay = fk_qarr_new(b->m->n * b->npay);
    out->var = fk_qarr_new(b->m->nvar + 1);
    if (!out->dec || !out->pay || !out->var)
        return oom(err);
    for (j = 0; j < b->m->nvar; j++)
        mpq_set(out->var[j], res->x[b->vcol[j]]);
    for (r = 0; r < b->np; r++)
        for (j = 0; j < b->D; j++)
            dec_val(out->dec[r * b->D + j], b, res, r, j);
    for (i = 0; i < b->m->n; i++)
        for (k = 0; k < b->npay; k++)
            pay_val(out->pay[i * b->npay + k], b, res, i, k);
    return FK_OK;
}

/* mech_solve (report: print it as json says) and, with keep, the answers'
 * details into out. */
static fk_status solve_all(econ_out *o, const mech_model m, int json, int report, int keep,
                           mech_result *out, fk_err *err)
{
    fk_status st = FK_OK;
    int k, i;
    const struct prf_econ *econ = o->econ; /* the case's appendix text, for each LP */
    for (k = 0; out && k < m->nobj; k++) {
        memset(&out[k], 0, sizeof out[k]);
        mpq_init(out[k].value);
    }
    if (json) {
        printf("{\"mechanism\": ");
        json_str(stdout, m->name);
        printf(", \"agents\": [");
        for (i = 0; i < m->n; i++) {
            printf("%s", i ? ", " : "");
            json_str(stdout, m->agent[i]);
        }
        printf("],\n \"lps\": [\n");
    }
    for (k = 0; k < m->nobj && !st; k++) {
        bld b;
        lp_answer res;
        char lpname[128];
        int bad0 = o->nbad;
        memset(&b, 0, sizeof b);
        b.keep = keep && out;
        mpq_init(b.cst);
        mpq_init(b.a);
        mpq_init(b.cw);
        lp_answer_init(&res);
        snprintf(lpname, sizeof lpname, "%s-%s", m->name, m->obj[k].label);
        if (!(b.lp = lp_new()))
            st = oom(err);
        if (!st)
            st = build(&b, m, k, err);
        o->econ = econ;
        if (!st)
            st = econ_solve_certify(o, b.lp, lpname, &res, err);
        if (!st && out) {
            snprintf(out[k].label, sizeof out[k].label, "%s", m->obj[k].label);
            out[k].feas = m->obj[k].feas;
            out[k].sense = m->obj[k].sense;
            out[k].status = res.status;
            if (res.status == LP_OPTIMAL)
                mpq_set(out[k].value, res.objval);
            if (b.keep)
                st = keep_answer(&out[k], &b, &res, err);
        }
        if (!st && report && (json || o->quiet < 2)) {
            if (json) {
                printf("%s", k ? ",\n" : "");
                json_report(&b, &m->obj[k], lpname, &res, o->outdir, o->nbad == bad0);
            } else
                text_report(&b, &m->obj[k], lpname, &res, o->quiet);
        }
        lp_answer_clear(&res);
        lp_free(b.lp);
        bld_free(&b);
    }
    o->econ = NULL;
    if (json)
        printf("\n]}\n");
    return st;
}

fk_status mech_solve(econ_out *o, const mech_model m, int json, mech_result *out, fk_err *err)
{
    return solve_all(o, m, json, 1, 0, out, err);
}

fk_status mech_solve_keep(econ_out *o, const mech_model m, int report, mech_result *out, fk_err *err)
{
    return solve_all(o, m, 0, report, 1, out, err);
}

fk_status mech_solve_file(econ_out *o, const char *path, int *ok, fk_err *err)
{
    mech_model m;
    mech_result res[MECH_MAX_LPS];
    fk_status st;
    int nbad0 = o->nbad;
    *ok = 0;
    mech_init(m);
    if ((st = mech_read(m, path, err))) {
        mech_clear(m);
        return st;
    }
    st = mech_solve(o, m, 0, res, err);
    if (!st)
        *ok = res[0].status == LP_OPTIMAL && o->nbad == nbad0;
    mech_results_clear(res, m->nobj); /* initialised even on failure */
    mech_clear(m);
    return st;
}

/* ---- the command ----------------------------------------------------------- */

int mech_cmd(int argc, char **argv)
{
    const char *file = NULL;
    econ_out o;
    fk_err err;
    fk_status st;
    mech_model m;
    mech_result res[MECH_MAX_LPS];
    prf_econ pe;
    int json = 0, k, rc = 0, nv = 0, degree = 4, oc;
    const char *over = NULL;
    memset(&o, 0, sizeof o);
    o.outdir = "out/models";
    fk_err_clear(&err);
    for (k = 1; k < argc; k++) {
        if (strcmp(argv[k], "--out") == 0 && k + 1 < argc)
            o.outdir = argv[++k];
        else if (strcmp(argv[k], "--quiet") == 0)
            o.quiet = 1;
        else if (strcmp(argv[k], "--json") == 0)
            json = 1;
        else if ((oc = case_over_opt("model", argc, argv, &k, &over, &degree)) != 0) {
            if (oc == 2)
                return 2;
        } else if (strcmp(argv[k], "--appendix") == 0)
            o.appendix = 1;
        else if (argv[k][0] == '-' && argv[k][1]) {
            fprintf(stderr, "farkas: model: unknown or incomplete option '%s'\n", argv[k]);
            return 2;
        } else if (!file)
            file = argv[k];
        else {
            fprintf(stderr, "farkas: model: unexpected argument '%s'\n", argv[k]);
            return 2;
        }
    }
    if (!file) {
        fprintf(stderr, "usage: farkas model FILE.mech [--out DIR] [--quiet] [--json] [--appendix] "
                        "[--over VAR=LO:HI [--degree D]]\n");
        return 2;
    }
    if (over && json) {   /* the piece lines have no JSON form yet */
        fprintf(stderr, "farkas: model: --json cannot be combined with --over\n");
        return 2;
    }
    if (over) {   /* the verdicts for every VAR in [LO, HI] (docs/parametric.md) */
        if ((st = case_over_mech(file, &o, over, degree, &err))) {
            fk_err_print(&err);
            return st == FK_EPARSE || st == FK_EINVAL || st == FK_EIO ? 2 : 1;
        }
        printf("certificates: %d written, %d accepted by the independent checker\n", o.ncert,
               o.ncert - o.nbad);
        return o.nbad ? 1 : 0;
    }
    mech_init(m);
    if ((st = mech_read(m, file, &err))) {
        fk_err_print(&err);
        mech_clear(m);
        return st == FK_ENOMEM ? 1 : 2;
    }
    if (json)
        o.quiet = 2; /* certificate lines would break the JSON (a rejection still prints) */
    if (!json)
        printf("model %s (%s): %d agent%s, %ld type profiles\n", m->name, file, m->n,
               m->n > 1 ? "s" : "", m->ts->nprof);
    o.econ = mech_prf_econ(&pe, m); /* the appendices' economic parts (mech_prf.h) */
    st = mech_solve(&o, m, json, res, &err);
    if (st) {
        fk_err_print(&err);
        rc = st == FK_EPARSE || st == FK_EINVAL || st == FK_EIO ? 2 : 1;
    } else if (!json) {
        printf("summary: model | %s |", file);
        for (k = 0; k < m->nobj; k++) {
            char *s = econ_qstr(res[k].value);
            printf("%s %s: %s", k ? ";" : "", res[k].label,
                   res[k].status == LP_OPTIMAL && res[k].feas ? "feasible" :
                   res[k].status == LP_OPTIMAL ? s : lp_status_str(res[k].status));
            free(s);
        }
        printf("\n");
        for (k = 0; k < m->nobj; k++)
            if (res[k].status == LP_OPTIMAL && !res[k].feas) {
                char *s = econ_qstr(res[k].value);
                printf("%s %s=%s", nv++ ? "" : "values:", res[k].label, s);
                free(s);
            }
        printf("%scertificates: %d written, %d accepted by the independent checker\n", nv ? "\n" : "", o.ncert,
               o.ncert - o.nbad);
    }
    if (!st && o.nbad)
        rc = 1;
    mech_results_clear(res, m->nobj);
    mech_clear(m);
    return rc;
}
