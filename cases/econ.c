/* econ.c: type spaces, games, the named-LP builder and the output step
 * (see econ.h). */
#include "econ.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cert.h"
#include "check/chk.h"
#include "lp_io.h"
#include "prf_doc.h"
#include "rat.h"
#include "solve.h"

/* ---- small helpers ---------------------------------------------------- */

static void names_del(char **s, int k)
{
    int i;
    if (!s)
        return;
    for (i = 0; i < k; i++)
        free(s[i]);
    free(s);
}

/* k copies of src[i], or "<prefix><i>" when src is NULL. */
static char **names_dup(char *const *src, int k, const char *prefix)
{
    char **d = fk_calloc((size_t)k, sizeof *d), buf[32];
    int i;
    if (!d)
        return NULL;
    for (i = 0; i < k; i++) {
        if (src) {
            d[i] = fk_strdup(src[i]);
        } else {
            snprintf(buf, sizeof buf, "%s%d", prefix, i);
            d[i] = fk_strdup(buf);
        }
        if (!d[i]) {
            names_del(d, i);
            return NULL;
        }
    }
    return d;
}

/* ---- type spaces ------------------------------------------------------ */

void econ_tspace_init(econ_tspace ts)
{
    memset(ts, 0, sizeof *ts);
}

void econ_tspace_clear(econ_tspace ts)
{
    int i;
    for (i = 0; i < ts->n; i++) {
        if (ts->type)
            names_del(ts->type[i], ts->ntypes[i]);
        if (ts->bel)
            fk_qarr_free(ts->bel[i], ts->nprof * ts->nstates);
    }
    free(ts->type);
    free(ts->bel);
    free(ts->ntypes);
    names_del(ts->state, ts->nstates);
    memset(ts, 0, sizeof *ts);
}

fk_status econ_tspace_shape(econ_tspace ts, int n, const int *ntypes,
                            int nstates, char *const *const *type_names,
                            char *const *state_names, fk_err *err)
{
    long nprof = 1;
    int i;
    econ_tspace_clear(ts);
    if (n < 1 || nstates < 1)
        return fk_fail(err, FK_EINVAL, NULL, "a type space needs a player and a state");
    for (i = 0; i < n; i++) {
        if (ntypes[i] < 1)
            return fk_fail(err, FK_EINVAL, NULL, "player %d has no type", i + 1);
        if (nprof > ECON_MAX_CELLS / ntypes[i])
            return fk_fail(err, FK_ELIMIT, NULL, "too many type profiles (limit %ld cells)", ECON_MAX_CELLS);
        nprof *= ntypes[i];
    }
    if (nprof > ECON_MAX_CELLS / nstates)
        return fk_fail(err, FK_ELIMIT, NULL, "too many type profiles times states (limit %ld)", ECON_MAX_CELLS);
    ts->ntypes = fk_calloc((size_t)n, sizeof *ts->ntypes);
    ts->type = fk_calloc((size_t)n, sizeof *ts->type);
    ts->bel = fk_calloc((size_t)n, sizeof *ts->bel);
    ts->state = names_dup(state_names, nstates, "s");
    if (ts->state)
        ts->nstates = nstates;
    if (!ts->ntypes || !ts->type || !ts->bel || !ts->state)
        goto oom;
    ts->nprof = nprof;
    for (i = 0; i < n; i++) {
        ts->n = i + 1; /* so clear frees what exists so far */
        ts->ntypes[i] = ntypes[i];
        ts->type[i] = names_dup(type_names ? type_names[i] : NULL, ntypes[i], "t");
        ts->bel[i] = fk_qarr_new(nprof * nstates);
        if (!ts->type[i] || !ts->bel[i])
            goto oom;
    }
    return FK_OK;
oom:
    econ_tspace_clear(ts);
    return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
}

int econ_type_of(const econ_tspace ts, long t, int i)
{
    int k;
    for (k = 0; k < i; k++)
        t /= ts->ntypes[k];
    return (int)(t % ts->ntypes[i]);
}

long econ_prof_with(const econ_tspace ts, long t, int i, int ti)
{
    long stride = 1;
    int k;
    for (k = 0; k < i; k++)
        stride *= ts->ntypes[k];
    return t + (ti - econ_type_of(ts, t, i)) * stride;
}

const char *econ_prof_str(const econ_tspace ts, long t, char *buf, size_t len)
{
    size_t used = 0;
    int i;
    buf[0] = '\0';
    for (i = 0; i < ts->n && used < len; i++) {
        int w = snprintf(buf + used, len - used, "%s%s", i ? "," : "",
                         ts->type[i][econ_type_of(ts, t, i)]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
    return buf;
}

fk_status econ_tspace_validate(const econ_tspace ts, fk_err *err)
{
    mpq_t sum;
    fk_status st = FK_OK;
    int i, ti;
    long t, th;
    mpq_init(sum);
    for (i = 0; i < ts->n && !st; i++)
        for (ti = 0; ti < ts->ntypes[i] && !st; ti++) {
            mpq_set_ui(sum, 0, 1);
            for (t = 0; t < ts->nprof; t++) {
                if (econ_type_of(ts, t, i) != ti)
                    continue;
                for (th = 0; th < ts->nstates; th++) {
                    mpq_srcptr b = ts->bel[i][t * ts->nstates + th];
                    if (mpq_sgn(b) < 0) {
                        st = fk_fail(err, FK_EINVAL, NULL, "player %d type %s: negative belief", i + 1, ts->type[i][ti]);
                        break;
                    }
                    mpq_add(sum, sum, b);
                }
            }
            if (!st && mpq_cmp_ui(sum, 1, 1) != 0) {
                char *s = rat_get_str(sum);
                st = fk_fail(err, FK_EINVAL, NULL, "beliefs of player %d type %s sum to %s, not 1",
                             i + 1, ts->type[i][ti], s ? s : "?");
                free(s);
            }
        }
    mpq_clear(sum);
    return st;
}

/* x = 1 - x */
static void ui_minus(mpq_t x)
{
    mpq_t one;
    mpq_init(one);
    mpq_set_ui(one, 1, 1);
    mpq_sub(x, one, x);
    mpq_clear(one);
}

fk_status econ_tspace_brooks(econ_tspace ts, const mpq_t p, const mpq_t q,
                             fk_err *err)
{
    static char *const t1[] = {"a"}, *const t2[] = {"0", "1"};
    static char *const *const tn[] = {t1, t2};
    static char *const sn[] = {"0", "1"};
    const int nt[2] = {1, 2};
    mpq_t half, pc;
    fk_status st;
    long t, th;
    if (mpq_sgn(p) < 0 || mpq_cmp_ui(p, 1, 1) > 0 || mpq_sgn(q) < 0 ||
        mpq_cmp_ui(q, 1, 1) > 0)
        return fk_fail(err, FK_EINVAL, NULL, "p and q must lie in [0, 1]");
    st = econ_tspace_shape(ts, 2, nt, 2, tn, sn, err);
    if (st)
        return st;
    mpq_init(half);
    mpq_init(pc);
    mpq_set_ui(half, 1, 2);
    /* Profiles t = 0, 1 are (a, 0) and (a, 1): t is player 2's signal. */
    for (t = 0; t < 2; t++)
        for (th = 0; th < 2; th++) {
            int correct = (t == th);
            /* player 1: theta uniform, signal correct w.p. p */
            mpq_set(pc, p);
            if (!correct)
                ui_minus(pc);
            mpq_mul(ts->bel[0][t * 2 + th], pc, half);
            /* player 2 with signal t: the state equals t w.p. q */
            mpq_set(ts->bel[1][t * 2 + th], q);
            if (!correct)
                ui_minus(ts->bel[1][t * 2 + th]);
        }
    mpq_clear(pc);
    mpq_clear(half);
    return FK_OK;
}

/* ---- games ------------------------------------------------------------ */

void econ_game_init(econ_game g)
{
    memset(g, 0, sizeof *g);
}

void econ_game_clear(econ_game g)
{
    int i;
    for (i = 0; i < g->n; i++) {
        if (g->sname)
            names_del(g->sname[i], g->nstrat[i]);
        if (g->u)
            fk_qarr_free(g->u[i], g->nprof);
    }
    free(g->sname);
    free(g->u);
    free(g->nstrat);
    names_del(g->pname, g->n);
    memset(g, 0, sizeof *g);
}

fk_status econ_game_shape(econ_game g, int n, const int *nstrat, fk_err *err)
{
    long nprof = 1;
    int i;
    econ_game_clear(g);
    if (n < 1)
        return fk_fail(err, FK_EINVAL, NULL, "a game needs a player");
    for (i = 0; i < n; i++) {
        if (nstrat[i] < 1)
            return fk_fail(err, FK_EINVAL, NULL, "player %d has no strategy", i + 1);
        if (nprof > ECON_MAX_CELLS / nstrat[i])
            return fk_fail(err, FK_ELIMIT, NULL, "too many strategy profiles (limit %ld)", ECON_MAX_CELLS);
        nprof *= nstrat[i];
    }
    g->nstrat = fk_calloc((size_t)n, sizeof *g->nstrat);
    g->sname = fk_calloc((size_t)n, sizeof *g->sname);
    g->u = fk_calloc((size_t)n, sizeof *g->u);
    g->pname = fk_calloc((size_t)n, sizeof *g->pname);
    if (!g->nstrat || !g->sname || !g->u || !g->pname) {
        free(g->nstrat);
        free(g->sname);
        free(g->u);
        free(g->pname);
        memset(g, 0, sizeof *g);
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    }
    g->nprof = nprof;
    for (i = 0; i < n; i++) {
        char buf[32];
        g->n = i + 1;
        g->nstrat[i] = nstrat[i];
        snprintf(buf, sizeof buf, "%d", i + 1);
        g->pname[i] = fk_strdup(buf);
        g->sname[i] = names_dup(NULL, nstrat[i], "s");
        g->u[i] = fk_qarr_new(nprof);
        if (!g->pname[i] || !g->sname[i] || !g->u[i]) {
            econ_game_clear(g);
            return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        }
        /* default names s1, s2, ... (1-based, as Gambit numbers them) */
        {
            int k;
            for (k = 0; k < nstrat[i]; k++) {
                snprintf(buf, sizeof buf, "s%d", k + 1);
                free(g->sname[i][k]);
                g->sname[i][k] = fk_strdup(buf);
                if (!g->sname[i][k]) {
                    econ_game_clear(g);
                    return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                }
            }
        }
    }
    return FK_OK;
}

int econ_strat_of(const econ_game g, long s, int i)
{
    int k;
    for (k = 0; k < i; k++)
        s /= g->nstrat[k];
    return (int)(s % g->nstrat[i]);
}

long econ_strat_with(const econ_game g, long s, int i, int si)
{
    long stride = 1;
    int k;
    for (k = 0; k < i; k++)
        stride *= g->nstrat[k];
    return s + (si - econ_strat_of(g, s, i)) * stride;
}

/* ---- named LP builder ------------------------------------------------- */

static fk_status vname(char *buf, size_t len, fk_err *err, const char *fmt,
                       va_list ap)
{
    int w = vsnprintf(buf, len, fmt, ap);
    const char *p;
    if (w < 0 || (size_t)w >= len || w > LPIO_MAX_NAME)
        return fk_fail(err, FK_ELIMIT, NULL, "LP name too long (over %d characters)", LPIO_MAX_NAME);
    if (w == 0)
        return fk_fail(err, FK_EINVAL, NULL, "empty LP name");
    /* Free MPS names are white-space-free tokens; '%' would be
     * percent-encoded in certificates and is avoided for readability. */
    for (p = buf; *p; p++)
        if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f || *p == '%')
            return fk_fail(err, FK_EINVAL, NULL, "LP name '%s' contains a blank, '%%' or a non-ASCII byte", buf);
    return FK_OK;
}

fk_status econ_row(lp_model *lp, long *idx, fk_err *err, const char *fmt, ...)
{
    char buf[LPIO_MAX_NAME + 2];
    va_list ap;
    fk_status st;
    va_start(ap, fmt);
    st = vname(buf, sizeof buf, err, fmt, ap);
    va_end(ap);
    return st ? st : lp_add_row(lp, buf, idx, err);
}

fk_status econ_col(lp_model *lp, long *idx, fk_err *err, const char *fmt, ...)
{
    char buf[LPIO_MAX_NAME + 2];
    va_list ap;
    fk_status st;
    va_start(ap, fmt);
    st = vname(buf, sizeof buf, err, fmt, ap);
    va_end(ap);
    return st ? st : lp_add_col(lp, buf, idx, err);
}

static void with_si(lp_model *lp, long k, long v,
                    void (*set)(lp_model *, long, mpq_srcptr))
{
    mpq_t q;
    mpq_init(q);
    mpq_set_si(q, v, 1);
    set(lp, k, q);
    mpq_clear(q);
}

void econ_row_ge(lp_model *lp, long i, long v) { with_si(lp, i, v, lp_set_row_lo); }
void econ_row_le(lp_model *lp, long i, long v) { with_si(lp, i, v, lp_set_row_hi); }
void econ_row_eq(lp_model *lp, long i, long v)
{
    econ_row_ge(lp, i, v);
    econ_row_le(lp, i, v);
}
void econ_col_free(lp_model *lp, long j)
{
    lp_set_col_lo(lp, j, NULL);
    lp_set_col_hi(lp, j, NULL);
}

/* ---- the no-trade families ------------------------------------------- */

fk_status econ_trade_cols(econ_trade *tr, lp_model *lp, const econ_tspace ts,
                          fk_err *err)
{
    long S = ts->nstates, t, th;
    char pb[256];
    fk_status st;
    int i;
    memset(tr, 0, sizeof *tr);
    tr->n = ts->n;
    tr->col = fk_calloc((size_t)ts->n, sizeof *tr->col);
    tr->acc = fk_calloc((size_t)ts->n, sizeof *tr->acc);
    tr->ic = fk_calloc((size_t)ts->n, sizeof *tr->ic);
    tr->feas = fk_calloc((size_t)(ts->nprof * S), sizeof *tr->feas);
    if (!tr->col || !tr->acc || !tr->ic || !tr->feas)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    for (i = 0; i < ts->n; i++) {
        int a, b;
        tr->col[i] = fk_calloc((size_t)(ts->nprof * S), sizeof **tr->col);
        tr->acc[i] = fk_calloc((size_t)ts->ntypes[i], sizeof **tr->acc);
        tr->ic[i] = fk_calloc((size_t)ts->ntypes[i], sizeof **tr->ic);
        if (!tr->col[i] || !tr->acc[i] || !tr->ic[i])
            return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        for (a = 0; a < ts->ntypes[i]; a++) {
            tr->acc[i][a] = -1;
            tr->ic[i][a] = fk_calloc((size_t)ts->ntypes[i], sizeof ***tr->ic);
            if (!tr->ic[i][a])
                return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            for (b = 0; b < ts->ntypes[i]; b++)
                tr->ic[i][a][b] = -1;
        }
    }
    for (i = 0; i < ts->n; i++)
        for (t = 0; t < ts->nprof; t++)
            for (th = 0; th < S; th++) {
                long j;
                st = econ_col(lp, &j, err, "g[%d:%s;%s]", i + 1,
                              econ_prof_str(ts, t, pb, sizeof pb), ts->state[th]);
                if (st)
                    return st;
                econ_col_free(lp, j);
                tr->col[i][t * S + th] = j;
            }
    return FK_OK;
}

fk_status econ_trade_feas(econ_trade *tr, lp_model *lp, const econ_tspace ts,
                          fk_err *err)
{
    long S = ts->nstates, t, th;
    char pb[256];
    mpq_t one;
    fk_status st = FK_OK;
    int i;
    mpq_init(one);
    mpq_set_ui(one, 1, 1);
    for (t = 0; t < ts->nprof && !st; t++)
        for (th = 0; th < S && !st; th++) {
            long r;
            st = econ_row(lp, &r, err, "FEAS[%s;%s]",
                          econ_prof_str(ts, t, pb, sizeof pb), ts->state[th]);
            if (st)
                break;
            econ_row_le(lp, r, 0);
            tr->feas[t * S + th] = r;
            for (i = 0; i < ts->n && !st; i++)
                st = lp_add_coef(lp, r, tr->col[i][t * S + th], one, err);
        }
    mpq_clear(one);
    return st;
}

fk_status econ_trade_acc(econ_trade *tr, lp_model *lp, const econ_tspace ts,
                         fk_err *err)
{
    long S = ts->nstates, t, th;
    fk_status st = FK_OK;
    int i, a;
    for (i = 0; i < ts->n && !st; i++)
        for (a = 0; a < ts->ntypes[i] && !st; a++) {
            long r;
            st = econ_row(lp, &r, err, "ACC[%d:%s]", i + 1, ts->type[i][a]);
            if (st)
                break;
            econ_row_ge(lp, r, 0);
            tr->acc[i][a] = r;
            for (t = 0; t < ts->nprof && !st; t++) {
                if (econ_type_of(ts, t, i) != a)
                    continue;
                for (th = 0; th < S && !st; th++)
                    st = lp_add_coef(lp, r, tr->col[i][t * S + th],
                                     ts->bel[i][t * S + th], err);
            }
        }
    return st;
}

fk_status econ_trade_ic(econ_trade *tr, lp_model *lp, const econ_tspace ts,
                        fk_err *err)
{
    long S = ts->nstates, t, th;
    fk_status st = FK_OK;
    mpq_t neg;
    int i, a, b;
    econ_dev dv;
    mpq_init(neg);
    for (econ_dev_start(&dv, ts->n, ts->ntypes); econ_dev_ok(&dv) && !st; econ_dev_next(&dv)) {
        long r;
        i = dv.i;
        a = dv.a;
        b = dv.b;
        st = econ_row(lp, &r, err, "IC[%d:%s->%s]", i + 1,
                      ts->type[i][a], ts->type[i][b]);
        if (st)
            break;
        econ_row_ge(lp, r, 0);
        tr->ic[i][a][b] = r;
        /* type a's expected gain from telling the truth minus from
         * reporting b, both under a's belief */
        for (t = 0; t < ts->nprof && !st; t++) {
            long tb;
            if (econ_type_of(ts, t, i) != a)
                continue;
            tb = econ_prof_with(ts, t, i, b);
            for (th = 0; th < S && !st; th++) {
                mpq_srcptr p = ts->bel[i][t * S + th];
                mpq_neg(neg, p);
                st = lp_add_coef(lp, r, tr->col[i][t * S + th], p, err);
                if (!st)
                    st = lp_add_coef(lp, r, tr->col[i][tb * S + th], neg, err);
            }
        }
    }
    mpq_clear(neg);
    return st;
}

void econ_trade_gain(mpq_t u, const econ_tspace ts, const econ_trade *tr, int i, int a,
                     mpq_t *const x)
{
    long S = ts->nstates, t, th;
    mpq_t w;
    mpq_init(w);
    mpq_set_ui(u, 0, 1);
    for (t = 0; t < ts->nprof; t++) {
        if (econ_type_of(ts, t, i) != a)
            continue;
        for (th = 0; th < S; th++) {
            mpq_mul(w, ts->bel[i][t * S + th], x[tr->col[i][t * S + th]]);
            mpq_add(u, u, w);
        }
    }
    mpq_clear(w);
}

void econ_trade_free(econ_trade *tr, const econ_tspace ts)
{
    int i, a;
    for (i = 0; i < tr->n; i++) {
        if (tr->col)
            free(tr->col[i]);
        if (tr->acc)
            free(tr->acc[i]);
        if (tr->ic && tr->ic[i]) {
            for (a = 0; a < ts->ntypes[i]; a++)
                free(tr->ic[i][a]);
            free(tr->ic[i]);
        }
    }
    free(tr->col);
    free(tr->acc);
    free(tr->ic);
    free(tr->feas);
    memset(tr, 0, sizeof *tr);
}

/* ---- output ------------------------------------------------------------ */

fk_status econ_out_dir(econ_out *o, fk_err *err)
{
    char buf[4096];
    size_t k, len = strlen(o->outdir);
    if (len == 0 || len >= sizeof buf)
        return fk_fail(err, FK_EINVAL, NULL, "bad output directory '%s'", o->outdir);
    memcpy(buf, o->outdir, len + 1);
    for (k = 1; k <= len; k++) {
        if (buf[k] == '/' || buf[k] == '\0') {
            char c = buf[k];
            buf[k] = '\0';
            if (mkdir(buf, 0777) != 0 && errno != EEXIST)
                return fk_fail(err, FK_EIO, NULL, "cannot create directory '%s': %s", buf, strerror(errno));
            buf[k] = c;
        }
    }
    return FK_OK;
}

static fk_status paths(const econ_out *o, const char *name, char *mps,
                       char *cert, size_t len, fk_err *err)
{
    int a = snprintf(mps, len, "%s/%s.mps", o->outdir, name);
    int b = snprintf(cert, len, "%s/%s.cert", o->outdir, name);
    if (a < 0 || b < 0 || (size_t)a >= len || (size_t)b >= len)
        return fk_fail(err, FK_ELIMIT, NULL, "output path too long");
    return FK_OK;
}

/* The appendix of an accepted certificate, from the certificate file
 * (so every number in it is the file's), with the case's economic parts. */
static fk_status appendix(econ_out *o, const lp_model *lp, const char *cert,
                          fk_err *err)
{
    cert_data *c = NULL;
    char base[4200];
    size_t len = strlen(cert);
    fk_status st;
    const prf_econ *e = o->econ;
    o->econ = NULL;
    if (len < 5 || len - 5 >= sizeof base)
        return fk_fail(err, FK_ELIMIT, NULL, "output path too long");
    memcpy(base, cert, len - 5); /* less ".cert" */
    base[len - 5] = '\0';
    if ((st = cert_read(&c, cert, lp, err)) == FK_OK)
        st = prf_export_appendix(base, lp, c, e, err);
    cert_free(c);
    if (st == FK_OK && o->quiet < 2)
        printf("appendix: %s.tex %s.md\n", base, base);
    return st;
}

/* Run the independent checker on the files and count the outcome;
 * write the appendix of an accepted certificate when asked. */
static fk_status check_files(econ_out *o, const lp_model *lp, const char *mps,
                             const char *cert, fk_err *err)
{
    int rc = chk_files(mps, cert, 1);
    o->ncert++;
    if (rc != 0)
        o->nbad++;
    if (o->quiet < 2 || rc != 0)
        printf("certificate: %s %s %s\n", mps, cert,
               rc == 0 ? "accepted" : rc == 1 ? "REJECTED" : "UNREADABLE");
    if (rc != 0 && o->quiet < 2)
        chk_files(mps, cert, 0); /* again, aloud, to show why */
    if (rc == 0 && o->appendix)
        return appendix(o, lp, cert, err);
    o->econ = NULL;
    return FK_OK;
}

fk_status econ_solve_certify(econ_out *o, lp_model *lp, const char *name,
                             lp_answer *res, fk_err *err)
{
    char mps[4200], cert[4200];
    solve_opts opts;
    fk_status st;
    if (o->capture) {
        solve_opts_default(&opts);
        if ((st = lp_set_name(lp, name, err)) || (st = lp_finalize(lp, err)) ||
            (st = solve_lp(res, lp, &opts, NULL, err)))
            return st;
        return o->capture(o->capture_ctx, lp) ? fk_fail(err, FK_ENOMEM, NULL, "out of memory") : FK_OK;
    }
    if ((st = paths(o, name, mps, cert, sizeof mps, err)) ||
        (st = econ_out_dir(o, err)) || (st = lp_set_name(lp, name, err)) ||
        (st = lp_finalize(lp, err)) || (st = lp_write_mps(lp, mps, err)))
        return st;
    solve_opts_default(&opts);
    st = solve_lp(res, lp, &opts, NULL, err);
    if (st)
        return st;
    if (res->status != LP_OPTIMAL && res->status != LP_INFEASIBLE &&
        res->status != LP_UNBOUNDED)
        return fk_fail(err, FK_ELIMIT, NULL, "%s: solver stopped without a verdict (%s)",
                       name, lp_status_str(res->status));
    st = cert_write(cert, mps, lp, res, err);
    if (st)
        return st;
    return check_files(o, lp, mps, cert, err);
}

fk_status econ_point_certify(econ_out *o, lp_model *lp, const char *name,
                             mpq_t *const x, fk_err *err)
{
    char mps[4200], cert[4200];
    fk_status st;
    if (o->capture) {
        if ((st = lp_set_name(lp, name, err)) || (st = lp_finalize(lp, err)))
            return st;
        return o->capture(o->capture_ctx, lp) ? fk_fail(err, FK_ENOMEM, NULL, "out of memory") : FK_OK;
    }
    if ((st = paths(o, name, mps, cert, sizeof mps, err)) ||
        (st = econ_out_dir(o, err)) || (st = lp_set_name(lp, name, err)) ||
        (st = lp_finalize(lp, err)) || (st = lp_write_mps(lp, mps, err)) ||
        (st = cert_write_feasible(cert, mps, lp, x, err)))
        return st;
    return check_files(o, lp, mps, cert, err);
}

char *econ_qstr(const mpq_t v)
{
    char *s = rat_get_str(v);
    return s ? s : fk_strdup("?");
}

void econ_fput_q(FILE *f, const char *pre, const mpq_t v, const char *post)
{
    char *q = econ_qstr(v);
    fprintf(f, "%s%s%s", pre, q, post);
    free(q);
}

void econ_print_q(FILE *f, const char *label, const mpq_t v)
{
    char *s = rat_get_str(v);
    if (mpz_cmp_ui(mpq_denref(v), 1) != 0) {
        char *d = rat_get_dec(v, 6);
        fprintf(f, "  %-28s %s  (~%s)\n", label, s ? s : "?", d ? d : "?");
        free(d);
    } else {
        fprintf(f, "  %-28s %s\n", label, s ? s : "?");
    }
    free(s);
}

fk_status econ_qlist_parse(const char *s, const char *what, mpq_t **out,
                           int *n, fk_err *err)
{
    const char *p;
    int k = 1, i = 0;
    *out = NULL;
    *n = 0;
    for (p = s; *p; p++)
        k += *p == ',';
    if (!*s || k > 100000)
        return fk_fail(err, FK_EINVAL, NULL, "%s: expected a comma-separated list of numbers", what);
    *out = fk_qarr_new(k);
    if (!*out)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    for (p = s; i < k; i++) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == 0 || rat_set_str((*out)[i], p, len, NULL) != RAT_OK) {
            fk_qarr_free(*out, k);
            *out = NULL;
            return fk_fail(err, FK_EINVAL, NULL, "%s: bad number '%.*s'", what, (int)len, p);
        }
        p = e ? e + 1 : p + len;
    }
    *n = k;
    return FK_OK;
}

fk_status econ_prior_parse(const char *s, const char *what, int n,
                           mpq_t **out, fk_err *err)
{
    mpq_t sum;
    fk_status st = FK_OK;
    int k, i;
    if (!s) {
        *out = fk_qarr_new(n);
        if (!*out)
            return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        for (i = 0; i < n; i++)
            mpq_set_ui((*out)[i], 1, (unsigned long)n);
        return FK_OK;
    }
    if ((st = econ_qlist_parse(s, what, out, &k, err)))
        return st;
    mpq_init(sum);
    if (k != n)
        st = fk_fail(err, FK_EINVAL, NULL, "%s: %d probabilities for %d points", what, k, n);
    for (i = 0; i < k && !st; i++) {
        if (mpq_sgn((*out)[i]) < 0)
            st = fk_fail(err, FK_EINVAL, NULL, "%s: negative probability", what);
        mpq_add(sum, sum, (*out)[i]);
    }
    if (!st && mpq_cmp_ui(sum, 1, 1) != 0)
        st = fk_fail(err, FK_EINVAL, NULL, "%s: probabilities sum to %s, not 1", what,
                     mpq_cmp_ui(sum, 1, 1) > 0 ? "more than 1" : "less than 1");
    mpq_clear(sum);
    if (st) {
        fk_qarr_free(*out, k);
        *out = NULL;
    }
    return st;
}

/* ---- deviation families ---------------------------------------------- */

/* Move d from where it stands to the first valid deviation at or after it
 * in the order (i, a, b), or to the end (i == n). */
static void dev_settle(econ_dev *d)
{
    while (d->i < d->n) {
        if (d->a >= d->nt[d->i] && !d->one) {
            d->i++;
            d->a = d->b = 0;
        } else if (d->b == d->a) {
            d->b++;
        } else if (d->b >= d->nt[d->i]) {
            if (d->one) {
                d->i = d->n;
            } else {
                d->a++;
                d->b = 0;
            }
        } else {
            return;
        }
    }
}

void econ_dev_start(econ_dev *d, int n, const int *ntypes)
{
    d->i = d->a = d->b = 0;
    d->n = n;
    d->nt = ntypes;
    d->one = 0;
    d->nt1 = 0;
    dev_settle(d);
}

void econ_dev_reports(econ_dev *d, int a, int nt)
{
    d->i = d->b = 0;
    d->a = a;
    d->n = 1;
    d->nt1 = nt;
    d->nt = &d->nt1;
    d->one = 1;
    dev_settle(d);
}

int econ_dev_ok(const econ_dev *d)
{
    return d->i < d->n;
}

void econ_dev_next(econ_dev *d)
{
    d->b++;
    dev_settle(d);
}
