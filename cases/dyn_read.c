/* dyn_read.c: the .dyn model format (docs/dynamic.md).
 *
 *     # comment                          ('#' to the end of a line)
 *     agents S B                         names, [A-Za-z0-9_.], up to 32 chars
 *     periods 2
 *     discount 1                         delta in (0, 1]; default 1
 *     types S 1 1 2                      types AGENT PERIOD|* VALUES (exact, distinct)
 *     init S 1 1/2                       init AGENT TYPE PROB (period 1)
 *     trans B 2 1 2 1/2                  trans AGENT PERIOD FROM TO PROB (PERIOD >= 2)
 *     util S * x^2/th -1/2               util AGENT PERIOD|* TERM COEF
 *     decisions * 0 1 2 4                decisions PERIOD|* CANDIDATES
 *
 * TERM is one of th*x, x, x^2/th, x^2, th, 1.  Unlisted probabilities are
 * 0; an agent with one type in a period needs no init / trans lines (they
 * default to 1).  Each init and each trans row must sum to 1; errors are
 * FK_EPARSE with where = "path:line", and so are the size limits (checked
 * before the work they bound): DYN_MAX_HIST report histories at the types
 * line that crosses it, DYN_MAX_PLAN for the efficient plan at a decisions
 * line. */
#include "dyn.h"
#include "econ_text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "rat.h"

#define MAXTOK 256
#define MAXLINE 8192

typedef struct {
    const char *path;
    long line;
    const char *buf;    /* the line being read (tokens point into it) */
    size_t buflen;
    fk_err *err;
    long *tline;        /* [i*T+t]: line of the types line */
    long **pline;       /* [i*T+t][entry]: line that gave it, 0 = none */
    long *uline;        /* [(i*T+t)*NTERM+k] */
    long *xline;        /* [t] */
} rd;

static const char *const term_name[DYN_NTERM] = {"th*x", "x", "x^2/th", "x^2", "th", "1"};

static fk_status bad(rd *r, long line, const char *fmt, const char *a, const char *b)
{
    char where[256];
    /* the column is known only for the line being read */
    econ_where(where, sizeof where, r->path, line, line == r->line ? r->buf : NULL,
               r->buflen, a, b);
    return fk_fail(r->err, FK_EPARSE, where, fmt, a, b);
}

static fk_status number(rd *r, mpq_t q, const char *s)
{
    int rc = rat_set_str(q, s, strlen(s), NULL);
    if (rc != RAT_OK)
        return bad(r, r->line, "bad number '%s'%s", s, "");
    return FK_OK;
}

static fk_status prob(rd *r, mpq_t q, const char *s)
{
    fk_status st = number(r, q, s);
    if (!st && mpq_sgn(q) < 0)
        return bad(r, r->line, "negative probability '%s'%s", s, "");
    return st;
}

static int agent(const dyn_model m, const char *s)
{
    int i;
    for (i = 0; i < m->n; i++)
        if (strcmp(m->aname[i], s) == 0)
            return i;
    return -1;
}

/* PERIOD or '*' (lo..hi, 0-based). */
static fk_status period(rd *r, const dyn_model m, const char *s, int star, int *lo, int *hi)
{
    char *end;
    long v;
    if (star && strcmp(s, "*") == 0) {
        *lo = 0;
        *hi = m->T - 1;
        return FK_OK;
    }
    v = strtol(s, &end, 10);
    if (*end || end == s || v < 1 || v > m->T) {
        char pt[32];
        snprintf(pt, sizeof pt, "%d", m->T);
        return bad(r, r->line, "bad period '%s' (periods are 1..%s)", s, pt);
    }
    *lo = *hi = (int)v - 1;
    return FK_OK;
}

/* Index of the type named s of agent i in period t: matched by value. */
static fk_status type(rd *r, const dyn_model m, int i, int t, const char *s, int *k)
{
    mpq_t q;
    int a;
    fk_status st;
    char pt[32];
    mpq_init(q);
    st = number(r, q, s);
    *k = -1;
    for (a = 0; !st && a < m->nt[i * m->T + t]; a++)
        if (mpq_equal(q, m->tv[i * m->T + t][a]))
            *k = a;
    mpq_clear(q);
    if (!st && *k < 0) {
        char msg[200];
        snprintf(pt, sizeof pt, "%d", t + 1);
        char where[256];
        snprintf(msg, sizeof msg, "undefined type '%s' of agent %s", s, m->aname[i]);
        /* the column of the token s, not of the message built from it */
        econ_where(where, sizeof where, r->path, r->line, r->buf, r->buflen, s, NULL);
        return fk_fail(r->err, FK_EPARSE, where, "%s in period %s", msg, pt);
    }
    return st;
}

static fk_status shape(rd *r, dyn_model m)
{
    int i, T = m->T, n = m->n;
    m->nt = fk_calloc((size_t)n * T, sizeof *m->nt);
    m->tname = fk_calloc((size_t)n * T, sizeof *m->tname);
    m->tv = fk_calloc((size_t)n * T, sizeof *m->tv);
    m->p = fk_calloc((size_t)n * T, sizeof *m->p);
    m->util = fk_qarr_new((long)n * T * DYN_NTERM);
    m->nx = fk_calloc((size_t)T, sizeof *m->nx);
    m->xc = fk_calloc((size_t)T, sizeof *m->xc);
    r->tline = fk_calloc((size_t)n * T, sizeof *r->tline);
    r->pline = fk_calloc((size_t)n * T, sizeof *r->pline);
    r->uline = fk_calloc((size_t)n * T * DYN_NTERM, sizeof *r->uline);
    r->xline = fk_calloc((size_t)T, sizeof *r->xline);
    if (!m->nt || !m->tname || !m->tv || !m->p || !m->util || !m->nx || !m->xc || !r->tline ||
        !r->pline || !r->uline || !r->xline)
        return fk_fail(r->err, FK_ENOMEM, NULL, "out of memory");
    for (i = 0; i < n * T; i++)
        m->nt[i] = 0;
    return FK_OK;
}

/* Report histories of length T (the product of every type count) if cell
 * c had k types; counting stops past DYN_MAX_HIST. */
static long histories_with(const dyn_model m, int c, int k)
{
    long h = 1;
    int d;
    for (d = 0; d < m->n * m->T && h <= DYN_MAX_HIST; d++) {
        int v = d == c ? k : m->nt[d];
        if (v > 0)
            h *= v;
    }
    return h;
}

static fk_status types_line(rd *r, dyn_model m, char **tok, int nt)
{
    int i, lo, hi, t, k, a;
    fk_status st;
    if (nt < 4)
        return bad(r, r->line, "types needs AGENT PERIOD VALUES%s%s", "", "");
    if ((i = agent(m, tok[1])) < 0)
        return bad(r, r->line, "unknown agent '%s'%s", tok[1], "");
    if ((st = period(r, m, tok[2], 1, &lo, &hi)))
        return st;
    for (t = lo; t <= hi; t++) {
        int c = i * m->T + t;
        if (m->nt[c])
            return bad(r, r->line, "types of agent %s repeated for a period%s", tok[1], "");
        if (t > 0 && m->nt[c - 1] == 0)
            return bad(r, r->line, "types of agent %s for the previous period must come first%s",
                       tok[1], "");
        k = nt - 3;
        if (histories_with(m, c, k) > DYN_MAX_HIST) { /* before allocating k * nt[c-1] */
            char lim[32];
            snprintf(lim, sizeof lim, "%ld", DYN_MAX_HIST);
            return bad(r, r->line, "more than %s report histories (type counts multiply over "
                        "agents and periods)%s", lim, "");
        }
        m->tv[c] = fk_qarr_new(k);
        m->tname[c] = fk_calloc((size_t)k, sizeof *m->tname[c]);
        m->p[c] = fk_qarr_new(t == 0 ? k : (long)k * (t ? m->nt[c - 1] : 1));
        r->pline[c] = fk_calloc((size_t)(t == 0 ? k : k * (t ? m->nt[c - 1] : 1)), sizeof(long));
        if (!m->tv[c] || !m->tname[c] || !m->p[c] || !r->pline[c])
            return fk_fail(r->err, FK_ENOMEM, NULL, "out of memory");
        m->nt[c] = k;
        r->tline[c] = r->line;
        for (a = 0; a < k; a++) {
            int b;
            if ((st = number(r, m->tv[c][a], tok[3 + a])))
                return st;
            for (b = 0; b < a; b++)
                if (mpq_equal(m->tv[c][a], m->tv[c][b]))
                    return bad(r, r->line, "type '%s' listed twice%s", tok[3 + a], "");
            if (!(m->tname[c][a] = econ_qstr(m->tv[c][a])))
                return fk_fail(r->err, FK_ENOMEM, NULL, "out of memory");
        }
    }
    return FK_OK;
}

static fk_status need_types(rd *r, const dyn_model m, int i, int t)
{
    if (m->nt[i * m->T + t] == 0) {
        char pt[32];
        snprintf(pt, sizeof pt, "%d", t + 1);
        return bad(r, r->line, "agent %s has no types in period %s yet", m->aname[i], pt);
    }
    return FK_OK;
}

static fk_status data_line(rd *r, dyn_model m, char **tok, int nt)
{
    int i, lo, hi, t, k, a;
    fk_status st;
    if (strcmp(tok[0], "init") == 0) {
        if (nt != 4)
            return bad(r, r->line, "init needs AGENT TYPE PROB%s%s", "", "");
        if ((i = agent(m, tok[1])) < 0)
            return bad(r, r->line, "unknown agent '%s'%s", tok[1], "");
        if ((st = need_types(r, m, i, 0)) || (st = type(r, m, i, 0, tok[2], &k)))
            return st;
        if (r->pline[i * m->T][k])
            return bad(r, r->line, "init of agent %s type %s repeated", tok[1], tok[2]);
        r->pline[i * m->T][k] = r->line;
        return prob(r, m->p[i * m->T][k], tok[3]);
    }
    if (strcmp(tok[0], "trans") == 0) {
        int c;
        if (nt != 6)
            return bad(r, r->line, "trans needs AGENT PERIOD FROM TO PROB%s%s", "", "");
        if ((i = agent(m, tok[1])) < 0)
            return bad(r, r->line, "unknown agent '%s'%s", tok[1], "");
        if ((st = period(r, m, tok[2], 0, &lo, &hi)))
            return st;
        t = lo;
        if (t == 0)
            return bad(r, r->line, "trans needs a period >= 2 (period 1 is 'init')%s%s", "", "");
        if ((st = need_types(r, m, i, t)) || (st = type(r, m, i, t - 1, tok[3], &a)) ||
            (st = type(r, m, i, t, tok[4], &k)))
            return st;
        c = i * m->T + t;
        if (r->pline[c][a * m->nt[c] + k])
            return bad(r, r->line, "transition %s -> %s repeated", tok[3], tok[4]);
        r->pline[c][a * m->nt[c] + k] = r->line;
        return prob(r, m->p[c][a * m->nt[c] + k], tok[5]);
    }
    if (strcmp(tok[0], "util") == 0) {
        if (nt != 5)
            return bad(r, r->line, "util needs AGENT PERIOD TERM COEF%s%s", "", "");
        if ((i = agent(m, tok[1])) < 0)
            return bad(r, r->line, "unknown agent '%s'%s", tok[1], "");
        if ((st = period(r, m, tok[2], 1, &lo, &hi)))
            return st;
        for (k = 0; k < DYN_NTERM; k++)
            if (strcmp(tok[3], term_name[k]) == 0)
                break;
        if (k == DYN_NTERM)
            return bad(r, r->line, "unknown term '%s' (th*x, x, x^2/th, x^2, th, 1)%s", tok[3], "");
        for (t = lo; t <= hi; t++) {
            long u = ((long)i * m->T + t) * DYN_NTERM + k;
            if (r->uline[u])
                return bad(r, r->line, "util term '%s' of agent %s repeated", tok[3], tok[1]);
            r->uline[u] = r->line;
            if ((st = number(r, m->util[u], tok[4])))
                return st;
        }
        return FK_OK;
    }
    if (strcmp(tok[0], "decisions") == 0) {
        if (nt < 3)
            return bad(r, r->line, "decisions needs PERIOD CANDIDATES%s%s", "", "");
        if ((st = period(r, m, tok[1], 1, &lo, &hi)))
            return st;
        for (t = lo; t <= hi; t++) {
            if (m->nx[t])
                return bad(r, r->line, "decisions repeated for a period%s%s", "", "");
            m->nx[t] = nt - 2;
            r->xline[t] = r->line;
            if (!(m->xc[t] = fk_qarr_new(nt - 2)))
                return fk_fail(r->err, FK_ENOMEM, NULL, "out of memory");
            for (k = 0; k < nt - 2; k++)
                if ((st = number(r, m->xc[t][k], tok[2 + k])))
                    return st;
        }
        return FK_OK;
    }
    return bad(r, r->line, "unknown keyword '%s'%s", tok[0], "");
}

/* Sum of a probability row; 'one' if it is empty and has one entry. */
static fk_status check_row(rd *r, mpq_t *row, long *line, int len, long deflt_line,
                           const char *what, const char *who)
{
    mpq_t s;
    long last = 0;
    int k;
    fk_status st = FK_OK;
    for (k = 0; k < len; k++)
        if (line[k] > last)
            last = line[k];
    if (last == 0 && len == 1) {
        mpq_set_ui(row[0], 1, 1);
        return FK_OK;
    }
    mpq_init(s);
    for (k = 0; k < len; k++)
        mpq_add(s, s, row[k]);
    if (mpq_cmp_ui(s, 1, 1) != 0) {
        char *v = econ_qstr(s), msg[300];
        snprintf(msg, sizeof msg, "%s %s sum to %s, not 1", what, who, v);
        free(v);
        st = bad(r, last ? last : deflt_line, "%s%s", msg, "");
    }
    mpq_clear(s);
    return st;
}

/* Words (limbs) of q's numerator and denominator. */
static long words(const mpq_t q)
{
    return (long)(mpz_size(mpq_numref(q)) + mpz_size(mpq_denref(q)));
}

/* The efficient plan (dyn_prepare) evaluates every agent's utility at every
 * type profile and candidate, each evaluation costing about the square of
 * the numbers' size: refuse (at the decisions line of the period that
 * crosses it) more than DYN_MAX_PLAN evaluations times words^2. */
static fk_status plan_work(rd *r, const dyn_model m)
{
    long w = 1, cost = 0, total = 0, e;
    int i, t, k;
    for (i = 0; i < m->n * m->T; i++)
        for (k = 0; k < m->nt[i]; k++)
            if ((e = words(m->tv[i][k])) > w)
                w = e;
    for (i = 0; i < m->n * m->T * DYN_NTERM; i++)
        if ((e = words(m->util[i])) > w)
            w = e;
    for (t = 0; t < m->T; t++)
        for (k = 0; k < m->nx[t]; k++)
            if ((e = words(m->xc[t][k])) > w)
                w = e;
    for (t = 0; t < m->T; t++) {
        long evals = (long)m->n * m->nx[t]; /* times nprof[t] <= DYN_MAX_HIST (types_line) */
        for (i = 0; i < m->n; i++)
            evals *= m->nt[i * m->T + t];
        total += evals;
        if (w > DYN_MAX_PLAN / w || evals > (DYN_MAX_PLAN - cost) / (w * w)) {
            char msg[300];
            snprintf(msg, sizeof msg, "the efficient plan is too much work: %ld utility "
                     "evaluations (agents x type profiles x candidates) of numbers of up to %ld "
                     "words (evaluations x words^2 is limited to %ld)",
                     total, w, DYN_MAX_PLAN);
            return bad(r, r->xline[t], "%s%s", msg, "");
        }
        cost += evals * w * w;
    }
    return FK_OK;
}

static fk_status finish(rd *r, dyn_model m)
{
    int i, t, a, k;
    fk_status st;
    char who[200];
    for (i = 0; i < m->n; i++)
        for (t = 0; t < m->T; t++)
            if (m->nt[i * m->T + t] == 0) {
                snprintf(who, sizeof who, "%d", t + 1);
                return bad(r, r->line, "agent %s has no types in period %s", m->aname[i], who);
            }
    for (i = 0; i < m->n; i++) {
        int c = i * m->T;
        snprintf(who, sizeof who, "of agent %s", m->aname[i]);
        if ((st = check_row(r, m->p[c], r->pline[c], m->nt[c], r->tline[c],
                            "initial probabilities", who)))
            return st;
        for (t = 1; t < m->T; t++) {
            c = i * m->T + t;
            for (a = 0; a < m->nt[c - 1]; a++) {
                snprintf(who, sizeof who, "of agent %s in period %d from type %s", m->aname[i],
                         t + 1, m->tname[c - 1][a]);
                if ((st = check_row(r, m->p[c] + (long)a * m->nt[c], r->pline[c] + (long)a * m->nt[c],
                                    m->nt[c], r->tline[c], "transition probabilities", who)))
                    return st;
            }
        }
    }
    for (t = 0; t < m->T; t++)
        if (m->nx[t] == 0) {
            snprintf(who, sizeof who, "%d", t + 1);
            return bad(r, r->line, "no decisions for period %s%s", who, "");
        }
    for (i = 0; i < m->n; i++)
        for (t = 0; t < m->T; t++) {
            long u = ((long)i * m->T + t) * DYN_NTERM + 2;
            if (mpq_sgn(m->util[u]) == 0)
                continue;
            for (k = 0; k < m->nt[i * m->T + t]; k++)
                if (mpq_sgn(m->tv[i * m->T + t][k]) == 0)
                    return bad(r, r->uline[u], "x^2/th with type 0 of agent %s%s", m->aname[i], "");
        }
    return plan_work(r, m);
}

static fk_status read_stream(dyn_model m, FILE *f, rd *r)
{
    char line[MAXLINE + 2], *tok[MAXTOK];
    fk_status st = FK_OK;
    int haveT = 0;
    r->line = 0;
    while (fgets(line, sizeof line, f)) {
        char *c, *s;
        int nt = 0;
        r->line++;
        r->buf = line;
        r->buflen = strlen(line);
        if (strlen(line) > MAXLINE)
            return bad(r, r->line, "line too long%s%s", "", "");
        if ((c = strchr(line, '#')))
            *c = '\0';
        for (s = strtok(line, " \t\r\n"); s; s = strtok(NULL, " \t\r\n")) {
            if (nt == MAXTOK)
                return bad(r, r->line, "too many fields%s%s", "", "");
            tok[nt++] = s;
        }
        if (nt == 0)
            continue;
        if (strcmp(tok[0], "agents") == 0) {
            int i;
            if (m->n)
                return bad(r, r->line, "agents repeated%s%s", "", "");
            if (nt < 3 || nt - 1 > 16)
                return bad(r, r->line, "agents needs 2 to 16 names%s%s", "", "");
            if (!(m->aname = fk_calloc((size_t)nt - 1, sizeof *m->aname)))
                return fk_fail(r->err, FK_ENOMEM, NULL, "out of memory");
            for (i = 0; i < nt - 1; i++) {
                if (!econ_name_ok(tok[1 + i]) || agent(m, tok[1 + i]) >= 0)
                    return bad(r, r->line, "bad or repeated agent name '%s'%s", tok[1 + i], "");
                if (!(m->aname[i] = fk_strdup(tok[1 + i])))
                    return fk_fail(r->err, FK_ENOMEM, NULL, "out of memory");
                m->n = i + 1;
            }
        } else if (strcmp(tok[0], "periods") == 0) {
            char *end;
            long v = nt == 2 ? strtol(tok[1], &end, 10) : 0;
            if (haveT)
                return bad(r, r->line, "periods repeated%s%s", "", "");
            if (nt != 2 || *end || v < 1 || v > 12)
                return bad(r, r->line, "periods needs a number 1..12%s%s", "", "");
            m->T = (int)v;
            haveT = 1;
        } else if (strcmp(tok[0], "discount") == 0) {
            if (nt != 2 || (st = number(r, m->delta, tok[1])))
                return st ? st : bad(r, r->line, "discount needs one number%s%s", "", "");
            if (mpq_sgn(m->delta) <= 0 || mpq_cmp_ui(m->delta, 1, 1) > 0)
                return bad(r, r->line, "discount '%s' not in (0, 1]%s", tok[1], "");
        } else {
            if (!m->n || !haveT)
                return bad(r, r->line, "'agents' and 'periods' must come first%s%s", "", "");
            if (!m->nt && (st = shape(r, m)))
                return st;
            st = strcmp(tok[0], "types") == 0 ? types_line(r, m, tok, nt) : data_line(r, m, tok, nt);
            if (st)
                return st;
        }
    }
    if (ferror(f))
        return fk_fail(r->err, FK_EIO, NULL, "%s: read error", r->path);
    if (!m->n || !haveT)
        return bad(r, r->line, "'agents' and 'periods' missing%s%s", "", "");
    if (!m->nt && (st = shape(r, m)))
        return st;
    if ((st = finish(r, m)))
        return st;
    return dyn_prepare(m, r->err);
}

static void rd_free(rd *r, const dyn_model m)
{
    int c;
    if (r->pline)
        for (c = 0; c < m->n * m->T; c++)
            free(r->pline[c]);
    free(r->pline);
    free(r->tline);
    free(r->uline);
    free(r->xline);
}

static fk_status read_file(dyn_model m, FILE *f, const char *path, fk_err *err)
{
    rd r;
    fk_status st;
    memset(&r, 0, sizeof r);
    r.path = path;
    r.err = err;
    dyn_clear(m);
    dyn_init(m);
    st = read_stream(m, f, &r);
    rd_free(&r, m);
    return st;
}

fk_status dyn_read(dyn_model m, const char *path, fk_err *err)
{
    FILE *f = fopen(path, "r");
    fk_status st;
    if (!f)
        return fk_fail(err, FK_EIO, NULL, "cannot open '%s'", path);
    st = read_file(m, f, path, err);
    fclose(f);
    return st;
}

fk_status dyn_read_string(dyn_model m, const char *text, const char *path, fk_err *err)
{
    FILE *f = fmemopen((char *)text, strlen(text), "r");
    fk_status st;
    if (!f)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    st = read_file(m, f, path, err);
    fclose(f);
    return st;
}
