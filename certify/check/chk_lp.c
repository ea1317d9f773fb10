/* chk_lp.c: the checker's own reader of the CPLEX LP subset of
 * docs/model-formats.md, rejecting anything it does not cover.  Intended
 * duplication of exact/model/lp_read.c: an independent reading of the same file
 * is a cross-check. */
#include "chk_int.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { T_EOF, T_NAME, T_NUM, T_COLON, T_PLUS, T_MINUS, T_LE, T_GE, T_EQ };
/* Reserved words (any case); none of them can be a name. */
enum { K_NONE, K_MIN, K_MAX, K_ST, K_SUBJECT, K_SUCH, K_BOUNDS, K_INT,
       K_END, K_FREE, K_INF, K_SOS };
static const struct { const char *w; int k; } WORDS[] = {
    {"minimize", K_MIN}, {"minimum", K_MIN}, {"min", K_MIN},
    {"maximize", K_MAX}, {"maximum", K_MAX}, {"max", K_MAX},
    {"st", K_ST}, {"s.t.", K_ST}, {"st.", K_ST}, {"subject", K_SUBJECT},
    {"such", K_SUCH}, {"bounds", K_BOUNDS}, {"general", K_INT},
    {"generals", K_INT}, {"gen", K_INT}, {"integer", K_INT},
    {"binary", K_INT}, {"binaries", K_INT}, {"bin", K_INT}, {"semi", K_INT},
    {"sec", K_INT}, {"semis", K_INT}, {"sos", K_SOS}, {"end", K_END}, {"free", K_FREE},
    {"inf", K_INF}, {"infinity", K_INF}};

typedef struct {
    int type;
    const char *s;
    size_t len;
    long line, col;
} token;

typedef struct {
    chk_model *md;
    const char *file, *p, *lstart; /* scan position and its line start */
    long line;
    token tk;                      /* current token; a number's value is v */
    mpq_t v, k, lv;                /* k: constants of a left-hand side */
    long *mark, *where, nmark;     /* per column: last row, its triplet;
                                    * after the rows, where = -1: relaxed */
} lp;

static int err(lp *L, const char *fmt, const char *arg)
{
    return chk_err(L->file, L->tk.line, L->tk.col, fmt, arg);
}

static int namech(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c != 0 && strchr("_!\"#$%&()/,.;?@'{}|~[]", c));
}

static int isdig(int c) { return c >= '0' && c <= '9'; }

/* Scan the next token into L->tk (and a number's value into L->v). */
static int next(lp *L)
{
    const char *p = L->p;
    token *t = &L->tk;
    for (;;) {
        if (*p == '\n')
            L->line++, L->lstart = ++p;
        else if (*p == ' ' || *p == '\t' || *p == '\r')
            p++;
        else if (*p == '\\')
            while (*p && *p != '\n')
                p++;
        else
            break;
    }
    t->s = p;
    t->line = L->line;
    t->col = (long)(p - L->lstart) + 1;
    t->type = T_EOF;
    if (!*p)
        t->len = 0;
    else if (isdig(*p) || (*p == '.' && isdig(p[1]))) {
        t->type = T_NUM;
        t->len = chk_numlen(p);
        if (chk_num(L->v, p, t->len) < 0)
            return err(L, "number out of range", "");
    } else if (namech(*p)) {
        t->type = T_NAME;
        for (t->len = 0; namech(p[t->len]) || isdig(p[t->len]); t->len++)
            ;
        if (t->len > 255)
            return err(L, "name longer than 255 characters", "");
    } else {
        static const char OPS[] = ":+-<>=";
        const char *o = strchr(OPS, *p);
        if (!o)
            return err(L, "unexpected character", "");
        t->type = (int)(o - OPS) + T_COLON;
        t->len = 1;
        if (*p == '=' && (p[1] == '<' || p[1] == '>'))
            t->type = p[1] == '<' ? T_LE : T_GE, t->len = 2;
        else if ((*p == '<' || *p == '>') && p[1] == '=')
            t->len = 2;
    }
    L->p = p + t->len;
    return 0;
}

/* The type of the token after the current one (not a number's value). */
static int peek(lp *L)
{
    const char *p = L->p, *lstart = L->lstart;
    long line = L->line;
    token tk = L->tk;
    int type = next(L) ? T_EOF : L->tk.type;
    L->p = p, L->lstart = lstart, L->line = line, L->tk = tk;
    return type;
}

/* Is t the name w (lower case) in any case? */
static int word(const token *t, const char *w)
{
    size_t i;
    if (t->type != T_NAME || t->len != strlen(w))
        return 0;
    for (i = 0; i < t->len; i++)
        if ((t->s[i] | 0x20) != w[i])
            return 0;
    return 1;
}

static int kw(const token *t)
{
    size_t k;
    for (k = 0; k < sizeof WORDS / sizeof *WORDS; k++)
        if (word(t, WORDS[k].w))
            return WORDS[k].k;
    return K_NONE;
}

/* Section keywords (and the end of the file) end a section; a keyword
 * followed by ':' is a label. */
static int section(lp *L)
{
    int k = kw(&L->tk);
    return L->tk.type == T_EOF || (k != K_NONE && k != K_FREE && k != K_INF && peek(L) != T_COLON);
}

static int isname(const lp *L) { return L->tk.type == T_NAME && !kw(&L->tk); }

/* Column of the current name token, created on first appearance. */
static long column(lp *L)
{
    long j = chk_names_find(&L->md->cols, L->tk.s, L->tk.len);
    if (j != LONG_MIN)
        return j;
    j = chk_add_col(L->md, L->tk.s, L->tk.len);
    if (j >= L->nmark) {
        L->nmark = L->md->calloc_;
        L->mark = chk_alloc(L->mark, (size_t)L->nmark, sizeof *L->mark);
        L->where = chk_alloc(L->where, (size_t)L->nmark, sizeof *L->where);
    }
    L->mark[j] = -1, L->where[j] = 0;
    return j;
}

/* a_ij += q for row i >= 0, c_j += q for i = -1; repeated names add up. */
static void add(lp *L, long i, long j, const mpq_t q)
{
    chk_model *md = L->md;
    if (i < 0)
        mpq_add(md->c[j], md->c[j], q);
    else if (L->mark[j] == i)
        mpq_add(md->tv[L->where[j]], md->tv[L->where[j]], q);
    else {
        L->mark[j] = i;
        L->where[j] = md->nnz;
        chk_add_coef(md, i, j, q);
    }
}

/* Terms [+|-] [number] name and constants [+|-] number (added to c0 in
 * the objective, row -1, else to L->k).  *count gets the number of terms. */
static int expr(lp *L, long row, int first, mpq_t q, int *count)
{
    for (*count = 0;; first = 0) {
        int sign = L->tk.type == T_MINUS ? -1 : 1, had = 0;
        if (L->tk.type == T_PLUS || L->tk.type == T_MINUS)
            had = 1;
        else if (!first)
            return 0;
        if (had && next(L))
            return 2;
        mpq_set_si(q, sign, 1);
        if (L->tk.type == T_NUM) {
            mpq_mul(q, q, L->v);
            if (next(L))
                return 2;
        } else if (!isname(L)) {
            return had ? err(L, "expected a term", "") : 0;
        }
        if (isname(L)) {
            add(L, row, column(L), q);
            if (next(L))
                return 2;
        } else {
            mpq_add(row < 0 ? L->md->c0 : L->k, row < 0 ? L->md->c0 : L->k, q);
        }
        ++*count;
    }
}

/* [+|-] number, or with inf != NULL also [+|-] inf[inity] (*inf = +-1). */
static int value(lp *L, mpq_t q, int *inf)
{
    int sign = L->tk.type == T_MINUS ? -1 : 1;
    if ((L->tk.type == T_PLUS || L->tk.type == T_MINUS) && next(L))
        return 2;
    if (inf)
        *inf = kw(&L->tk) == K_INF ? sign : 0;
    if (L->tk.type == T_NUM) {
        mpq_set(q, L->v);
        if (sign < 0)
            mpq_neg(q, q);
    } else if (!(inf && *inf)) {
        return err(L, "expected a number", "");
    }
    return next(L);
}

static int relop(const lp *L) { return L->tk.type >= T_LE; }

static void setrow(chk_model *md, long i, int op, const mpq_t q)
{
    if (op != T_LE)
        mpq_set(md->rlo[i], q), md->rlo_fin[i] = 1;
    if (op != T_GE)
        mpq_set(md->rhi[i], q), md->rhi_fin[i] = 1;
}

static int constraint(lp *L, mpq_t q)
{
    chk_model *md = L->md;
    char gen[32];
    long i;
    int op, n = 0, more;
    token at = L->tk;
    mpq_set_ui(L->k, 0, 1);
    if (L->tk.type == T_NAME && peek(L) == T_COLON) {
        snprintf(gen, sizeof gen, "%.*s", (int)(L->tk.len > 20 ? 20 : L->tk.len), L->tk.s);
        i = chk_add_row(md, L->tk.s, L->tk.len);
        if (next(L) || next(L))
            return 2;
    } else {
        snprintf(gen, sizeof gen, "R%ld", md->m + 1);
        i = chk_add_row(md, gen, strlen(gen));
    }
    if (i < 0)
        return chk_err(L->file, at.line, at.col, "duplicate row name '%s'", gen);
    if (L->tk.type == T_NUM || ((L->tk.type == T_PLUS || L->tk.type == T_MINUS) &&
                                peek(L) == T_NUM)) {
        mpq_ptr lv = L->lv;
        int rc = value(L, lv, NULL);
        op = L->tk.type;
        if (!rc && (op == T_LE || op == T_GE)) { /* number op expr op number */
            if (!(rc = next(L)) && !(rc = expr(L, i, 1, q, &n)) && n == 0)
                rc = err(L, "expected a term", "");
            if (!rc && L->tk.type != op)
                rc = err(L, "a ranged row needs the same operator twice", "");
            if (!rc && !(rc = next(L)) && !(rc = value(L, q, NULL))) {
                mpq_sub(q, q, L->k), mpq_sub(lv, lv, L->k);
                setrow(md, i, op, q), setrow(md, i, op == T_LE ? T_GE : T_LE, lv);
            }
            return rc;
        }
        if (!rc && !isname(L))
            mpq_set(L->k, lv); /* a constant, moved to the right */
        else if (rc || (add(L, i, column(L), lv), next(L)))
            return 2;
        n = 1;
    }
    if (expr(L, i, n == 0, q, &more))
        return 2;
    if (!relop(L)) /* an empty left-hand side is fine: "c: = 0" */
        return err(L, n + more ? "expected <=, >= or =" : "expected a term", "");
    op = L->tk.type;
    if (next(L) || value(L, q, NULL))
        return 2;
    mpq_sub(q, q, L->k);
    setrow(md, i, op, q);
    return 0;
}

/* Set a column bound: lower (lo = 1) or upper; inf is the sign of an
 * infinite value, which must point away from the column. */
static int bound(lp *L, long j, int lo, const mpq_t q, int inf, const token *at)
{
    chk_model *md = L->md;
    if (inf == (lo ? 1 : -1))
        return chk_err(L->file, at->line, at->col, lo ? "lower bound +inf" : "upper bound -inf");
    mpq_set(lo ? md->clo[j] : md->chi[j], q);
    if (inf)
        mpq_set_ui(lo ? md->clo[j] : md->chi[j], 0, 1);
    *(lo ? &md->clo_fin[j] : &md->chi_fin[j]) = !inf;
    return 0;
}

static int bounds_line(lp *L, mpq_t q)
{
    token at = L->tk;
    long j;
    int op, inf;
    if (isname(L)) { /* name op v | name free */
        j = column(L);
        if (next(L))
            return 2;
        if (kw(&L->tk) == K_FREE) {
            bound(L, j, 1, q, -1, &at), bound(L, j, 0, q, 1, &at);
            return next(L);
        }
        if (!relop(L))
            return err(L, "expected <=, >=, = or free", "");
        op = L->tk.type;
        at = L->tk;
        if (next(L) || value(L, q, &inf))
            return 2;
        if (op == T_EQ && inf)
            return chk_err(L->file, at.line, at.col, "fixed at an infinite value");
        if (op != T_LE && bound(L, j, 1, q, inf, &at))
            return 2;
        return op != T_GE ? bound(L, j, 0, q, inf, &at) : 0;
    }
    if (value(L, q, &inf)) /* v <= name [<= w] | v >= name */
        return 2;
    op = L->tk.type;
    if (op != T_LE && op != T_GE)
        return err(L, "expected <= or >=", "");
    if (next(L))
        return 2;
    if (!isname(L))
        return err(L, "expected a column name", "");
    j = column(L);
    if (next(L) || bound(L, j, op == T_LE, q, inf, &at))
        return 2;
    if (op == T_GE || L->tk.type != T_LE)
        return 0;
    at = L->tk;
    if (next(L) || value(L, q, &inf))
        return 2;
    return bound(L, j, 0, q, inf, &at);
}

static int parse(lp *L, mpq_t q)
{
    int k, n;
    if (next(L))
        return 2;
    if ((k = kw(&L->tk)) != K_MIN && k != K_MAX)
        return err(L, "expected minimize or maximize", "");
    L->md->sense = k == K_MIN ? 1 : -1;
    if (next(L) || (L->tk.type == T_NAME && peek(L) == T_COLON && (next(L) || next(L))) ||
        expr(L, -1, 1, q, &n))
        return 2;
    k = kw(&L->tk);
    if (k != K_SUBJECT && k != K_SUCH && k != K_ST)
        return err(L, "expected subject to", "");
    if (k != K_ST && (next(L) || !word(&L->tk, k == K_SUBJECT ? "to" : "that")))
        return err(L, "expected 'subject to' or 'such that'", "");
    if (next(L))
        return 2;
    while (!section(L))
        if (constraint(L, q))
            return 2;
    if (kw(&L->tk) == K_BOUNDS && next(L))
        return 2;
    while (!section(L)) /* the bounds, if any */
        if (bounds_line(L, q))
            return 2;
    while (kw(&L->tk) == K_INT) { /* general, binary, semi-continuous */
        int kind = L->tk.s[0] | 0x20, semi = word(&L->tk, "semi") && peek(L) == T_MINUS;
        long j = 0;
        if (!L->md->relax)
            return err(L, "integer section: a mixed-integer program (use --relax for its LP relaxation)", "");
        if (semi && (next(L) || next(L) || !word(&L->tk, "continuous")))
            return err(L, "expected semi-continuous", "");
        if (next(L))
            return 2;
        for (; !section(L); L->where[j] = -1) {
            if (!isname(L))
                return err(L, "expected a column name", "");
            j = column(L); /* binary: [0, 1]; semi: hull of {0} and [l, u] */
            L->md->nrelax += L->where[j] != -1;
            if (kind == 'b' || (kind == 's' && L->md->clo_fin[j] && mpq_sgn(L->md->clo[j]) > 0))
                mpq_set_ui(L->md->clo[j], 0, 1), L->md->clo_fin[j] = 1;
            if (kind == 'b' || (kind == 's' && L->md->chi_fin[j] && mpq_sgn(L->md->chi[j]) < 0))
                mpq_set_ui(L->md->chi[j], kind == 'b', 1), L->md->chi_fin[j] = 1;
            if (next(L))
                return 2;
        }
    }
    if (kw(&L->tk) != K_END)
        return err(L, L->tk.type == T_EOF ? "unexpected end of file (no end)"
                                          : "unexpected keyword", "");
    return next(L) ? 2 : L->tk.type == T_EOF ? 0 : err(L, "text after end", "");
}

int chk_read_lp(chk_model *md, const chk_text *t)
{
    lp L;
    mpq_t q;
    int rc;
    memset(&L, 0, sizeof L);
    L.md = md;
    L.file = t->file;
    L.p = L.lstart = t->buf;
    L.line = 1;
    mpq_init(L.v), mpq_init(L.k), mpq_init(L.lv), mpq_init(q);
    rc = parse(&L, q);
    mpq_clear(q), mpq_clear(L.lv), mpq_clear(L.k), mpq_clear(L.v);
    free(L.mark), free(L.where);
    return rc;
}
