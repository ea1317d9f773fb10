/* lp_read.c: the solver's CPLEX LP reader (docs/model-formats.md, "CPLEX
 * LP").
 *
 * A hand-written lexer over the whole file in memory feeds a recursive
 * descent parser with up to three tokens of lookahead; tokens point into
 * the buffer, so nothing is allocated per token.  The reserved words of
 * the spec are never names, so a section keyword is recognised wherever it
 * stands ("3\nsubject to" is a constant, then a section), except as a
 * label: a word followed by ':' names a row (HiGHS writes "max: ...").
 * Constants on a constraint's left-hand side move to the right (CPLEX).
 * Integrality sections are read only under LPIO_RELAX (lp_io.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lp_io.h"
#include "rat.h"

enum { T_EOF, T_NAME, T_NUM, T_PLUS, T_MINUS, T_COLON, T_LE, T_GE, T_EQ };

typedef struct {
    int type;
    const char *s;
    size_t n;
    long line, col;
} tok;

enum { K_NONE, K_OBJ, K_ST, K_BOUNDS, K_INT, K_END, K_FREE, K_INF, K_SOS };

typedef struct {
    const char *path;
    fk_err *err;
    const char *buf;
    size_t len, pos, lstart;
    long line;
    tok la[4];
    int nla;
    lp_model *lp;
    long nrows;   /* constraints seen, for the default names R1, R2, ... */
    int flags;    /* LPIO_RELAX */
    unsigned char *relaxed; /* per column: integrality dropped */
    long nrelaxed;          /* its size */
    mpq_t v, w, k;          /* k: constants on a left-hand side */
    char name[LPIO_MAX_NAME + 1];
} rd;

static fk_status fail(rd *p, const tok *t, fk_status code, const char *fmt,
                      const char *arg)
{
    return lpio_fail(p->err, code, p->path, t->line, t->col, fmt, arg);
}

static const char *show(char *b, const tok *t)
{
    if (t->type == T_EOF)
        return "end of file";
    return lpio_show(b, t->s, t->n);
}

static int is_digit(int c) { return c >= '0' && c <= '9'; }

static int is_name_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c != 0 && strchr("_!\"#$%&()/,.;?@'{}|~[]", c) != NULL);
}

static int is_name_char(int c) { return is_name_start(c) || is_digit(c); }

/* Start a new line at pos: check its length. */
static fk_status new_line(rd *p)
{
    const char *nl = memchr(p->buf + p->pos, '\n', p->len - p->pos);
    size_t n = nl ? (size_t)(nl - (p->buf + p->pos)) : p->len - p->pos;
    p->line++;
    p->lstart = p->pos;
    if (n > (size_t)LPIO_MAX_LINE)
        return lpio_fail(p->err, FK_ELIMIT, p->path, p->line, 1,
                         "line too long (%zu bytes, at most %ld)", n,
                         LPIO_MAX_LINE);
    return FK_OK;
}

static fk_status lex(rd *p, tok *t)
{
    const char *b = p->buf;
    fk_status st;
    for (;;) {
        int c = p->pos < p->len ? (unsigned char)b[p->pos] : -1;
        if (c == '\n') {
            p->pos++;
            if ((st = new_line(p)) != FK_OK)
                return st;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            p->pos++;
        } else if (c == '\\') {
            while (p->pos < p->len && b[p->pos] != '\n')
                p->pos++;
        } else {
            break;
        }
    }
    t->s = b + p->pos;
    t->line = p->line;
    t->col = (long)(p->pos - p->lstart) + 1;
    t->n = 1;
    if (p->pos >= p->len) {
        t->type = T_EOF;
        t->n = 0;
        return FK_OK;
    }
    {
        size_t i = p->pos;
        int c = (unsigned char)b[i];
        int c1 = i + 1 < p->len ? (unsigned char)b[i + 1] : 0;
        if (is_digit(c) || (c == '.' && is_digit(c1))) {
            /* maximal munch of the number syntax of rat.h */
            while (i < p->len && is_digit(b[i]))
                i++;
            if (i + 1 < p->len && b[i] == '/' && is_digit(b[i + 1])) {
                i++;
                while (i < p->len && is_digit(b[i]))
                    i++;
            } else {
                if (i < p->len && b[i] == '.') {
                    i++;
                    while (i < p->len && is_digit(b[i]))
                        i++;
                }
                if (i < p->len && (b[i] == 'e' || b[i] == 'E')) {
                    size_t k = i + 1;
                    if (k < p->len && (b[k] == '+' || b[k] == '-'))
                        k++;
                    if (k < p->len && is_digit(b[k])) {
                        i = k;
                        while (i < p->len && is_digit(b[i]))
                            i++;
                    }
                }
            }
            /* the longest prefix that is a number: "1.2.3" is 1.2 then .3 */
            t->type = T_NUM;
            t->n = i - p->pos;
            p->pos = i;
            return FK_OK;
        }
        if (is_name_start(c)) {
            while (i < p->len && is_name_char((unsigned char)b[i]))
                i++;
            t->type = T_NAME;
            t->n = i - p->pos;
            p->pos = i;
            if (t->n > LPIO_MAX_NAME) {
                char sb[48];
                return lpio_fail(p->err, FK_ELIMIT, p->path, t->line, t->col,
                                 "name '%s' too long (%zu characters, at "
                                 "most %d)",
                                 lpio_show(sb, t->s, t->n), t->n,
                                 LPIO_MAX_NAME);
            }
            return FK_OK;
        }
        p->pos++;
        switch (c) {
        case '+':
            t->type = T_PLUS;
            return FK_OK;
        case '-':
            t->type = T_MINUS;
            return FK_OK;
        case ':':
            t->type = T_COLON;
            return FK_OK;
        case '<':
        case '>':
            t->type = c == '<' ? T_LE : T_GE;
            if (c1 == '=')
                p->pos++, t->n = 2;
            return FK_OK;
        case '=':
            t->type = T_EQ;
            if (c1 == '<' || c1 == '>') {
                t->type = c1 == '<' ? T_LE : T_GE;
                p->pos++, t->n = 2;
            }
            return FK_OK;
        default:
            if (c > 0x20 && c < 0x7f)
                return lpio_fail(p->err, FK_EPARSE, p->path, t->line, t->col,
                                 "unexpected character '%c'", c);
            return lpio_fail(p->err, FK_EPARSE, p->path, t->line, t->col,
                             "invalid character 0x%02X", (unsigned)c);
        }
    }
}

/* The k-th token ahead (0 = next); NULL with err filled on a lexer error. */
static const tok *peek(rd *p, int k)
{
    while (p->nla <= k) {
        if (lex(p, &p->la[p->nla]) != FK_OK)
            return NULL;
        p->nla++;
    }
    return &p->la[k];
}

static void drop(rd *p)
{
    int k;
    for (k = 1; k < p->nla; k++)
        p->la[k - 1] = p->la[k];
    p->nla--;
}

static int word_is(const tok *t, const char *w)
{
    size_t i, n = strlen(w);
    if (t->type != T_NAME || t->n != n)
        return 0;
    for (i = 0; i < n; i++) {
        char c = t->s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != w[i])
            return 0;
    }
    return 1;
}

/* The reserved word t is (K_*), or K_NONE. */
static int reserved(const tok *t)
{
    static const char *const objw[] = {"minimize", "minimum", "min",
                                       "maximize", "maximum", "max"};
    static const char *const stw[] = {"st", "s.t.", "st.", "subject",
                                      "such"};
    static const char *const intw[] = {"general", "generals", "gen",
                                       "integer", "binary",   "binaries",
                                       "bin",     "semi",     "sec",
                                       "semis"};
    size_t k;
    if (t->type != T_NAME || t->n > 9)
        return K_NONE;
    for (k = 0; k < sizeof objw / sizeof *objw; k++)
        if (word_is(t, objw[k]))
            return K_OBJ;
    for (k = 0; k < sizeof stw / sizeof *stw; k++)
        if (word_is(t, stw[k]))
            return K_ST;
    for (k = 0; k < sizeof intw / sizeof *intw; k++)
        if (word_is(t, intw[k]))
            return K_INT;
    if (word_is(t, "bounds"))
        return K_BOUNDS;
    if (word_is(t, "end"))
        return K_END;
    if (word_is(t, "sos"))
        return K_SOS;
    if (word_is(t, "free"))
        return K_FREE;
    if (word_is(t, "inf") || word_is(t, "infinity"))
        return K_INF;
    return K_NONE;
}

static int is_inf(const tok *t) { return reserved(t) == K_INF; }

/* Is the next token a section keyword?  *kw gets K_OBJ ... K_SOS, or
 * K_NONE (also for a reserved word used as a label, "end: x >= 1"). */
static fk_status keyword(rd *p, int *kw)
{
    const tok *t = peek(p, 0), *u;
    *kw = K_NONE;
    if (t == NULL)
        return p->err->code;
    *kw = reserved(t);
    if (*kw == K_FREE || *kw == K_INF)
        *kw = K_NONE;
    if (*kw != K_NONE) {
        if ((u = peek(p, 1)) == NULL)
            return p->err->code;
        if (u->type == T_COLON)
            *kw = K_NONE;
    }
    return FK_OK;
}

static fk_status not_reserved(rd *p, const tok *t)
{
    char b[48];
    if (reserved(t) != K_NONE)
        return fail(p, t, FK_EPARSE, "reserved word '%s' cannot be a name",
                    show(b, t));
    return FK_OK;
}

/* Column of a name token, created on first sight. */
static fk_status column(rd *p, const tok *t, long *j)
{
    fk_status st = not_reserved(p, t);
    if (st != FK_OK)
        return st;
    memcpy(p->name, t->s, t->n);
    p->name[t->n] = '\0';
    *j = lp_find_col(p->lp, p->name);
    if (*j >= 0)
        return FK_OK;
    return lp_add_col(p->lp, p->name, j, p->err);
}

/* The column named by the next token, which must be a name; consumed. */
static fk_status column_tok(rd *p, long *j)
{
    char b[48];
    const tok *t = peek(p, 0);
    fk_status st;
    if (t == NULL)
        return p->err->code;
    if (t->type != T_NAME)
        return fail(p, t, FK_EPARSE, "expected a column name, found '%s'",
                    show(b, t));
    if ((st = column(p, t, j)) != FK_OK)
        return st;
    drop(p);
    return FK_OK;
}

static fk_status number(rd *p, mpq_t r, const tok *t)
{
    return lpio_number(r, t->s, t->n, p->path, t->line, t->col, p->err);
}

/* A linear expression into row `row` (-1: the objective).  Constants are
 * added to c0 (objective) or to p->k (a constraint's left-hand side).
 * Stops before a comparison, a section keyword or the end of the file;
 * an empty left-hand side is allowed before a comparison ("c1: = 0"). */
static fk_status expr(rd *p, long row)
{
    char b[48];
    fk_status st;
    int first = 1, kw;
    for (;;) {
        const tok *t;
        tok numtok;
        int neg = 0, have_num = 0;
        if ((st = keyword(p, &kw)) != FK_OK)
            return st;
        t = &p->la[0];
        if (kw != K_NONE || t->type == T_EOF || t->type == T_LE ||
            t->type == T_GE || t->type == T_EQ) {
            if (first && row >= 0 && (kw != K_NONE || t->type == T_EOF))
                return fail(p, t, FK_EPARSE, "expected a term, found '%s'",
                            show(b, t));
            return FK_OK;
        }
        if (t->type == T_PLUS || t->type == T_MINUS) {
            neg = t->type == T_MINUS;
            drop(p);
            if ((t = peek(p, 0)) == NULL)
                return p->err->code;
        } else if (!first) {
            return fail(p, t, FK_EPARSE, "expected '+' or '-' before '%s'",
                        show(b, t));
        }
        first = 0;
        if (t->type == T_NUM) {
            if ((st = number(p, p->v, t)) != FK_OK)
                return st;
            have_num = 1;
            numtok = *t;
            drop(p);
            if ((st = keyword(p, &kw)) != FK_OK)
                return st;
            t = &p->la[0];
        } else {
            mpq_set_ui(p->v, 1, 1);
        }
        if (neg)
            mpq_neg(p->v, p->v);
        if (t->type == T_NAME && kw == K_NONE) {
            long j;
            if ((st = column(p, t, &j)) != FK_OK)
                return st;
            if (row < 0) {
                mpq_add(p->w, p->lp->obj[j], p->v);
                lp_set_obj(p->lp, j, p->w);
            } else if ((st = lp_add_coef(p->lp, row, j, p->v, p->err)) !=
                       FK_OK) {
                return st;
            }
            drop(p);
        } else if (have_num) {
            mpq_ptr c = row < 0 ? p->lp->objconst : p->k;
            (void)numtok;
            mpq_add(c, c, p->v);
        } else {
            return fail(p, t, FK_EPARSE, "expected a term, found '%s'",
                        show(b, t));
        }
    }
}

/* A value: [+|-] number, or [+|-] inf[inity] (*inf = -1 or +1). */
static fk_status value(rd *p, mpq_t r, int *inf, int allow_inf,
                       const char *after)
{
    char b[48], msg[80];
    fk_status st;
    const tok *t = peek(p, 0);
    int neg = 0;
    *inf = 0;
    if (t == NULL)
        return p->err->code;
    if (t->type == T_PLUS || t->type == T_MINUS) {
        neg = t->type == T_MINUS;
        drop(p);
        if ((t = peek(p, 0)) == NULL)
            return p->err->code;
    }
    if (t->type == T_NUM) {
        if ((st = number(p, r, t)) != FK_OK)
            return st;
        if (neg)
            mpq_neg(r, r);
    } else if (allow_inf && is_inf(t)) {
        *inf = neg ? -1 : 1;
        mpq_set_ui(r, 0, 1);
    } else {
        snprintf(msg, sizeof msg, "expected a number after '%s', found '%%s'",
                 after);
        return lpio_fail(p->err, FK_EPARSE, p->path, t->line, t->col, msg,
                         show(b, t));
    }
    drop(p);
    return FK_OK;
}

static const char *op_text(int type)
{
    return type == T_LE ? "<=" : type == T_GE ? ">=" : "=";
}

static fk_status constraint(rd *p)
{
    char b[48];
    fk_status st;
    const tok *t = peek(p, 0), *u;
    long row;
    int inf, op, ranged = 0, k;
    if (t == NULL || (u = peek(p, 1)) == NULL)
        return p->err->code;
    t = &p->la[0];
    p->nrows++;
    mpq_set_ui(p->k, 0, 1);
    if (t->type == T_NAME && u->type == T_COLON) {
        memcpy(p->name, t->s, t->n);
        p->name[t->n] = '\0';
        st = lp_add_row(p->lp, p->name, &row, p->err);
        if (st == FK_EINVAL)
            return fail(p, t, FK_EPARSE, "duplicate row name '%s'",
                        show(b, t));
        if (st != FK_OK)
            return st;
        drop(p);
        drop(p);
    } else {
        snprintf(p->name, sizeof p->name, "R%ld", p->nrows);
        st = lp_add_row(p->lp, p->name, &row, p->err);
        if (st == FK_EINVAL)
            return lpio_fail(p->err, FK_EPARSE, p->path, t->line, t->col,
                             "duplicate row name '%s' (the default name of "
                             "this unnamed constraint)",
                             p->name);
        if (st != FK_OK)
            return st;
    }
    /* ranged form: [sign] number op ... */
    k = 0;
    if ((t = peek(p, 0)) == NULL)
        return p->err->code;
    if (t->type == T_PLUS || t->type == T_MINUS)
        k = 1;
    if ((t = peek(p, k)) == NULL || (u = peek(p, k + 1)) == NULL)
        return p->err->code;
    if (t->type == T_NUM &&
        (u->type == T_LE || u->type == T_GE || u->type == T_EQ))
        ranged = 1;
    if (ranged) {
        tok optok;
        if ((st = value(p, p->w, &inf, 0, "")) != FK_OK)
            return st;
        if ((t = peek(p, 0)) == NULL)
            return p->err->code;
        optok = *t;
        op = optok.type;
        if (op == T_EQ)
            return fail(p, &optok, FK_EPARSE, "%s",
                        "a ranged constraint needs '<=' or '>=', not '='");
        drop(p);
        if ((st = expr(p, row)) != FK_OK)
            return st;
        t = &p->la[0];
        if (t->type != op)
            return fail(p, t, FK_EPARSE,
                        "expected '%s' to close the ranged constraint",
                        op_text(op));
        drop(p);
        if ((st = value(p, p->v, &inf, 0, op_text(op))) != FK_OK)
            return st;
        mpq_sub(p->v, p->v, p->k);
        mpq_sub(p->w, p->w, p->k);
        lp_set_row_lo(p->lp, row, op == T_LE ? p->w : p->v);
        lp_set_row_hi(p->lp, row, op == T_LE ? p->v : p->w);
        return FK_OK;
    }
    if ((st = expr(p, row)) != FK_OK)
        return st;
    t = &p->la[0];
    op = t->type;
    if (op != T_LE && op != T_GE && op != T_EQ)
        return fail(p, t, FK_EPARSE,
                    "expected '<=', '>=' or '=', found '%s'", show(b, t));
    {
        tok optok = *t;
        drop(p);
        if ((st = value(p, p->v, &inf, 0, op_text(op))) != FK_OK)
            return st;
        mpq_sub(p->v, p->v, p->k);
        (void)optok;
    }
    if (op != T_LE)
        lp_set_row_lo(p->lp, row, p->v);
    if (op != T_GE)
        lp_set_row_hi(p->lp, row, p->v);
    return FK_OK;
}

static fk_status bound(rd *p)
{
    char b[48];
    fk_status st;
    const tok *t = peek(p, 0), *u;
    long j;
    int inf, inf2;
    if (t == NULL)
        return p->err->code;
    if (t->type == T_NAME && !is_inf(t)) {
        if ((st = column(p, t, &j)) != FK_OK)
            return st;
        drop(p);
        if ((u = peek(p, 0)) == NULL)
            return p->err->code;
        if (reserved(u) == K_FREE) {
            drop(p);
            lp_set_col_lo(p->lp, j, NULL);
            lp_set_col_hi(p->lp, j, NULL);
            return FK_OK;
        }
        if (u->type != T_LE && u->type != T_GE && u->type != T_EQ)
            return fail(p, u, FK_EPARSE,
                        "expected '<=', '>=', '=' or 'free', found '%s'",
                        show(b, u));
        {
            tok optok = *u;
            int op = u->type;
            drop(p);
            if ((st = value(p, p->v, &inf, 1, op_text(op))) != FK_OK)
                return st;
            if (op == T_EQ && inf)
                return fail(p, &optok, FK_EPARSE, "%s",
                            "a column cannot be fixed at infinity");
            if ((op == T_GE && inf > 0) || (op == T_LE && inf < 0))
                return fail(p, &optok, FK_EPARSE,
                            "infinite bound with '%s' is infeasible",
                            op_text(op));
            if (op != T_LE)
                lp_set_col_lo(p->lp, j, inf ? NULL : p->v);
            if (op != T_GE)
                lp_set_col_hi(p->lp, j, inf ? NULL : p->v);
        }
        return FK_OK;
    }
    if (t->type == T_PLUS || t->type == T_MINUS || t->type == T_NUM ||
        is_inf(t)) {
        tok optok;
        int op;
        if ((st = value(p, p->w, &inf, 1, "")) != FK_OK)
            return st;
        if ((u = peek(p, 0)) == NULL)
            return p->err->code;
        optok = *u;
        op = u->type;
        if (op != T_LE && op != T_GE)
            return fail(p, u, FK_EPARSE, "expected '<=' or '>=', found '%s'",
                        show(b, u));
        drop(p);
        if ((st = column_tok(p, &j)) != FK_OK)
            return st;
        /* v <= name means l = v; v >= name means u = v */
        if ((op == T_LE && inf > 0) || (op == T_GE && inf < 0))
            return fail(p, &optok, FK_EPARSE,
                        "infinite bound with '%s' is infeasible",
                        op_text(op));
        if (op == T_LE)
            lp_set_col_lo(p->lp, j, inf ? NULL : p->w);
        else
            lp_set_col_hi(p->lp, j, inf ? NULL : p->w);
        if ((u = peek(p, 0)) == NULL)
            return p->err->code;
        if (op == T_LE && u->type == T_LE) {
            optok = *u;
            drop(p);
            if ((st = value(p, p->v, &inf2, 1, "<=")) != FK_OK)
                return st;
            if (inf2 < 0)
                return fail(p, &optok, FK_EPARSE,
                            "infinite bound with '%s' is infeasible", "<=");
            lp_set_col_hi(p->lp, j, inf2 ? NULL : p->v);
        } else if (u->type == T_LE || u->type == T_GE || u->type == T_EQ) {
            return fail(p, u, FK_EPARSE, "%s",
                        "a double bound must read 'v <= name <= w'");
        }
        return FK_OK;
    }
    return fail(p, t, FK_EPARSE, "expected a bound, found '%s'", show(b, t));
}

/* A name in a general, binary (kind 'b') or semi-continuous ('s')
 * section, read under LPIO_RELAX: its integrality is dropped; binary
 * keeps its bounds [0, 1], semi-continuous (x = 0 or l <= x <= u) its
 * hull [min(l, 0), max(u, 0)]. */
static fk_status int_name(rd *p, int kind)
{
    fk_status st;
    long j;
    if ((st = column_tok(p, &j)) != FK_OK)
        return st;
    if ((st = lpio_grow_bytes(&p->relaxed, &p->nrelaxed, j, p->err)) !=
        FK_OK)
        return st;
    if (!p->relaxed[j]) {
        p->relaxed[j] = 1;
        p->lp->nrelax++;
    }
    mpq_set_ui(p->v, 0, 1);
    if (kind == 'b' || (kind == 's' && p->lp->clo_fin[j] &&
                        mpq_sgn(p->lp->clo[j]) > 0))
        lp_set_col_lo(p->lp, j, p->v);
    mpq_set_ui(p->v, kind == 'b', 1);
    if (kind == 'b' || (kind == 's' && p->lp->chi_fin[j] &&
                        mpq_sgn(p->lp->chi[j]) < 0))
        lp_set_col_hi(p->lp, j, p->v);
    return FK_OK;
}

static const char *kw_name(int kw)
{
    switch (kw) {
    case K_OBJ:
        return "objective";
    case K_ST:
        return "subject to";
    case K_BOUNDS:
        return "bounds";
    case K_INT:
        return "integer section";
    default:
        return "end";
    }
}

static fk_status parse(rd *p)
{
    char b[48];
    fk_status st;
    const tok *t, *u;
    int kw, sec, kind = 'g';

    if ((st = new_line(p)) != FK_OK)
        return st;
    if ((t = peek(p, 0)) == NULL)
        return p->err->code;
    kw = reserved(t); /* "min:" is the sense, then a stray ':' */
    if (kw != K_OBJ) {
        if (t->type == T_EOF)
            return fail(p, t, FK_EPARSE, "%s",
                        "unexpected end of file: expected 'minimize' or "
                        "'maximize'");
        return fail(p, t, FK_EPARSE,
                    "expected 'minimize' or 'maximize', found '%s'",
                    show(b, t));
    }
    p->lp->sense = (t->s[1] == 'a' || t->s[1] == 'A') ? LP_MAX : LP_MIN;
    drop(p);
    /* objective name */
    if ((t = peek(p, 0)) == NULL || (u = peek(p, 1)) == NULL)
        return p->err->code;
    t = &p->la[0];
    if (t->type == T_NAME && u->type == T_COLON) {
        memcpy(p->name, t->s, t->n);
        p->name[t->n] = '\0';
        drop(p);
        drop(p);
    } else {
        strcpy(p->name, "obj");
    }
    if ((st = lp_set_objname(p->lp, p->name, p->err)) != FK_OK)
        return st;
    if ((st = expr(p, -1)) != FK_OK)
        return st;

    sec = K_OBJ;
    if ((st = keyword(p, &kw)) != FK_OK)
        return st;
    t = &p->la[0];
    if (kw != K_ST && kw != K_INT) {
        if (t->type == T_EOF)
            return fail(p, t, FK_EPARSE, "%s",
                        "unexpected end of file: missing 'subject to'");
        return fail(p, t, FK_EPARSE, "expected 'subject to', found '%s'",
                    show(b, t));
    }
    for (;;) {
        if ((st = keyword(p, &kw)) != FK_OK)
            return st;
        t = &p->la[0];
        if (kw == K_NONE) {
            if (t->type == T_EOF)
                return fail(p, t, FK_EPARSE, "%s",
                            "unexpected end of file: missing 'end'");
            if (sec == K_ST) {
                if ((st = constraint(p)) != FK_OK)
                    return st;
            } else if (sec == K_BOUNDS) {
                if ((st = bound(p)) != FK_OK)
                    return st;
            } else if (sec == K_INT) {
                if ((st = int_name(p, kind)) != FK_OK)
                    return st;
            } else {
                return fail(p, t, FK_EPARSE, "unexpected '%s'", show(b, t));
            }
            continue;
        }
        if (kw == K_SOS)
            return fail(p, t, FK_EPARSE, "%s",
                        "'sos' section: special ordered sets are not "
                        "supported (not even with --relax)");
        if (kw == K_INT && !(p->flags & LPIO_RELAX))
            return fail(p, t, FK_EPARSE,
                        "'%s' section: this is a mixed-integer program and "
                        "farkas solves LPs (--relax solves its LP "
                        "relaxation)",
                        show(b, t));
        if (kw == K_INT) { /* general, binary or semi-continuous */
            kind = (t->s[0] | 0x20) == 'b' ? 'b'
                 : (t->s[0] | 0x20) == 's' ? 's' : 'g';
            if (word_is(t, "semi")) { /* semi-continuous: three tokens */
                const tok *m = peek(p, 1), *c = m ? peek(p, 2) : NULL;
                if (c == NULL)
                    return p->err->code;
                if (m->type == T_MINUS && word_is(c, "continuous")) {
                    tok keep = p->la[0];
                    drop(p);
                    drop(p);
                    p->la[0] = keep;
                }
                t = &p->la[0];
            }
        }
        if (kw <= sec && !(kw == K_INT && sec == K_INT)) {
            char msg[96];
            snprintf(msg, sizeof msg, "section '%s' out of order (after '%s')",
                     kw_name(kw), kw_name(sec));
            return lpio_fail(p->err, FK_EPARSE, p->path, t->line, t->col,
                             "%s", msg);
        }
        if (kw == K_END) {
            drop(p);
            if ((t = peek(p, 0)) == NULL)
                return p->err->code;
            if (t->type != T_EOF)
                return fail(p, t, FK_EPARSE, "text after 'end': '%s'",
                            show(b, t));
            return FK_OK;
        }
        /* "subject to", "such that": two tokens */
        if (word_is(t, "subject") || word_is(t, "such")) {
            const char *want = word_is(t, "such") ? "that" : "to";
            if ((u = peek(p, 1)) == NULL)
                return p->err->code;
            if (!word_is(u, want)) {
                char msg[80];
                snprintf(msg, sizeof msg, "expected '%s' after '%%s'", want);
                return lpio_fail(p->err, FK_EPARSE, p->path, u->line, u->col,
                                 msg, show(b, &p->la[0]));
            }
            drop(p);
        }
        drop(p);
        sec = kw;
    }
}

fk_status lp_read_lp(lp_model **out, const char *path, fk_err *err)
{
    return lp_read_lp_flags(out, path, 0, err);
}

fk_status lp_read_lp_flags(lp_model **out, const char *path, int flags,
                           fk_err *err)
{
    rd p;
    char *buf = NULL;
    size_t len = 0;
    fk_status st;

    *out = NULL;
    memset(&p, 0, sizeof p);
    p.path = path;
    p.err = err;
    p.flags = flags;
    mpq_init(p.v);
    mpq_init(p.w);
    mpq_init(p.k);
    if ((st = lpio_slurp(path, &buf, &len, err)) != FK_OK)
        goto cleanup;
    p.buf = buf;
    p.len = len;
    p.lp = lp_new();
    if (p.lp == NULL) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto cleanup;
    }
    if ((st = parse(&p)) != FK_OK)
        goto cleanup;
    if ((st = lp_finalize(p.lp, err)) != FK_OK)
        goto cleanup;
    *out = p.lp;
    p.lp = NULL;

cleanup:
    lp_free(p.lp);
    free(p.relaxed);
    mpq_clear(p.k);
    mpq_clear(p.w);
    mpq_clear(p.v);
    free(buf);
    return st;
}
