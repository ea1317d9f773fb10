/* econ_nfg.c: Gambit's .nfg strategic-form format, every variant Gambit
 * reads.  The header and the body are independent choices:
 *
 *   header:  NFG 1 R "title" { "P1" "P2" } STRATEGIES ["comment"]
 *            (NFG 1 D is the older decimal header; numbers are read
 *            exactly either way), where STRATEGIES is either counts
 *            { 2 2 } or name lists { { "U" "D" } { "L" "R" } }, per player
 *   body:    a payoff list: u1(s) u2(s) ... for every profile s, player
 *            1's strategy varying fastest; or, when it starts with '{',
 *            an outcome list { { "name" u1, u2 } ... } (outcomes numbered
 *            from 1) followed by k(s) for every profile s (0 = the null
 *            outcome, all payoffs 0)
 * Commas between numbers are optional, as in Gambit.  Numbers are exact
 * (rat.h: "1/2", "0.1", "1e-3").  Errors: FK_EPARSE, where = "path:line:col". */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "econ.h"
#include "rat.h"

enum { T_EOF, T_LB, T_RB, T_STR, T_WORD };

typedef struct {
    const char *path;
    char *buf;
    size_t pos, len;
    long line;       /* line of the current position */
    int tok;         /* last token read */
    char *s;         /* its text (T_STR: unquoted, T_WORD: the word) */
    long tline;      /* its line */
    size_t lstart;   /* offset where the current line starts */
    long tcol;       /* the last token's column */
    fk_err *err;
    char sbuf[4096];
} lexer;

static fk_status lfail(lexer *x, long line, const char *fmt, const char *a,
                       const char *b)
{
    char where[300];
    /* the column is that of the last token when the error is on its line */
    snprintf(where, sizeof where, "%s:%ld:%ld", x->path, line, line == x->tline ? x->tcol : 1L);
    return fk_fail(x->err, FK_EPARSE, where, fmt, a, b);
}

static fk_status next(lexer *x)
{
    size_t k = 0;
    for (;;) {
        while (x->pos < x->len && (isspace((unsigned char)x->buf[x->pos]) || x->buf[x->pos] == ',')) {
            if (x->buf[x->pos] == '\n') {
                x->line++;
                x->lstart = x->pos + 1;
            }
            x->pos++;
        }
        break;
    }
    x->tline = x->line;
    x->tcol = (long)(x->pos - x->lstart) + 1;
    x->s = x->sbuf;
    x->sbuf[0] = '\0';
    if (x->pos >= x->len) {
        x->tok = T_EOF;
        return FK_OK;
    }
    if (x->buf[x->pos] == '{' || x->buf[x->pos] == '}') {
        x->tok = x->buf[x->pos++] == '{' ? T_LB : T_RB;
        return FK_OK;
    }
    if (x->buf[x->pos] == '"') {
        x->pos++;
        for (;;) {
            char c;
            if (x->pos >= x->len)
                return lfail(x, x->tline, "unterminated string%s%s", "", "");
            c = x->buf[x->pos++];
            if (c == '"')
                break;
            if (c == '\\' && x->pos < x->len)
                c = x->buf[x->pos++];
            if (c == '\n') {
                x->line++;
                x->lstart = x->pos;
            }
            if (k + 1 < sizeof x->sbuf)
                x->sbuf[k++] = c;
        }
        x->sbuf[k] = '\0';
        x->tok = T_STR;
        return FK_OK;
    }
    while (x->pos < x->len && !isspace((unsigned char)x->buf[x->pos]) &&
           x->buf[x->pos] != ',' && x->buf[x->pos] != '{' &&
           x->buf[x->pos] != '}' && x->buf[x->pos] != '"') {
        if (k + 1 < sizeof x->sbuf)
            x->sbuf[k++] = x->buf[x->pos];
        x->pos++;
    }
    x->sbuf[k] = '\0';
    x->tok = T_WORD;
    return FK_OK;
}

static fk_status number(lexer *x, mpq_t q)
{
    int rc;
    if (x->tok != T_WORD)
        return lfail(x, x->tline, "expected a number%s%s", "", "");
    rc = rat_set_str(q, x->s, strlen(x->s), NULL);
    if (rc != RAT_OK)
        return lfail(x, x->tline, "%s '%s'", rat_strerror(rc), x->s);
    return FK_OK;
}

static fk_status expect(lexer *x, int tok, const char *what)
{
    fk_status st = next(x);
    if (st)
        return st;
    if (x->tok != tok)
        return lfail(x, x->tline, "expected %s%s", what, "");
    return FK_OK;
}

/* { "a" "b" ... } after the opening brace was read: count (and keep in
 * names[] when names is not NULL, up to max). */
static fk_status strings(lexer *x, char **names, int max, int *count)
{
    fk_status st;
    *count = 0;
    for (;;) {
        if ((st = next(x)))
            return st;
        if (x->tok == T_RB)
            return FK_OK;
        if (x->tok != T_STR)
            return lfail(x, x->tline, "expected a quoted name or '}'%s%s", "", "");
        if (*count >= max)
            return lfail(x, x->tline, "too many entries (limit %s)%s", "64", "");
        if (names && !(names[*count] = fk_strdup(x->s)))
            return fk_fail(x->err, FK_ENOMEM, NULL, "out of memory");
        (*count)++;
    }
}

#define NFG_MAXP 64

fk_status econ_game_read_nfg(econ_game g, const char *path, fk_err *err)
{
    FILE *f = fopen(path, "rb");
    lexer x;
    char *pn[NFG_MAXP], **sn[NFG_MAXP];
    int ns[NFG_MAXP], np = 0, i, k;
    long nout = 0, s;
    mpq_t *opay = NULL; /* outcome payoffs, (nout+1) * np, row 0 = null */
    fk_status st = FK_OK;
    memset(&x, 0, sizeof x);
    memset(pn, 0, sizeof pn);
    memset(sn, 0, sizeof sn);
    econ_game_clear(g);
    x.path = path;
    x.line = 1;
    x.err = err;
    if (!f)
        return fk_fail(err, FK_EIO, NULL, "cannot open '%s'", path);
    {
        size_t cap = 1 << 16, n;
        x.buf = malloc(cap);
        while (x.buf && (n = fread(x.buf + x.len, 1, cap - x.len, f)) > 0) {
            x.len += n;
            if (x.len == cap) {
                char *nb = cap < (64u << 20) ? realloc(x.buf, cap *= 2) : NULL;
                if (!nb) {
                    free(x.buf);
                    x.buf = NULL;
                }
                x.buf = nb;
            }
        }
        fclose(f);
        if (!x.buf)
            return fk_fail(err, FK_ELIMIT, NULL, "'%s': file too large", path);
    }
    /* NFG 1 R "title" or NFG 1 D "title" */
    if ((st = next(&x)) || x.tok != T_WORD || strcmp(x.s, "NFG") ||
        (st = next(&x)) || x.tok != T_WORD || strcmp(x.s, "1") ||
        (st = next(&x)) || x.tok != T_WORD || (strcmp(x.s, "R") && strcmp(x.s, "D"))) {
        if (!st)
            st = lfail(&x, x.tline, "expected 'NFG 1 R' or 'NFG 1 D' (Gambit strategic form)%s%s", "", "");
        goto done;
    }
    if ((st = expect(&x, T_STR, "the game's title in quotes")) ||
        (st = expect(&x, T_LB, "'{' before the player names")) ||
        (st = strings(&x, pn, NFG_MAXP, &np)))
        goto done;
    if (np < 1) {
        st = lfail(&x, x.tline, "a game needs at least one player%s%s", "", "");
        goto done;
    }
    if ((st = expect(&x, T_LB, "'{' before the strategies")))
        goto done;
    for (i = 0; i < np; i++) {
        if ((st = next(&x)))
            goto done;
        if (x.tok == T_WORD) { /* payoff version: counts */
            char *end;
            long v = strtol(x.s, &end, 10);
            if (*end || v < 1 || v > 100000) {
                st = lfail(&x, x.tline, "bad number of strategies '%s'%s", x.s, "");
                goto done;
            }
            ns[i] = (int)v;
        } else if (x.tok == T_LB) {
            sn[i] = fk_calloc(4096, sizeof *sn[i]);
            if (!sn[i]) {
                st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                goto done;
            }
            if ((st = strings(&x, sn[i], 4096, &ns[i])))
                goto done;
            if (ns[i] < 1) {
                st = lfail(&x, x.tline, "player %s has no strategy%s", pn[i], "");
                goto done;
            }
        } else {
            st = lfail(&x, x.tline, "expected %d strategy counts or lists%s", np == 1 ? "one" : "one per player", "");
            goto done;
        }
    }
    if ((st = expect(&x, T_RB, "'}' after the strategies")) || (st = next(&x)))
        goto done;
    if (x.tok == T_STR && (st = next(&x))) /* optional comment */
        goto done;
    if ((st = econ_game_shape(g, np, ns, err)))
        goto done;
    for (i = 0; i < np; i++) {
        char *t = fk_strdup(pn[i]);
        if (!t) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            goto done;
        }
        free(g->pname[i]);
        g->pname[i] = t;
        for (k = 0; sn[i] && k < ns[i]; k++) {
            if (!(t = fk_strdup(sn[i][k]))) {
                st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                goto done;
            }
            free(g->sname[i][k]);
            g->sname[i][k] = t;
        }
    }
    if (x.tok == T_LB) { /* outcome list */
        long cap = 16;
        opay = malloc((size_t)(cap + 1) * (size_t)np * sizeof *opay);
        if (!opay) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            goto done;
        }
        for (i = 0; i < np; i++)
            mpq_init(opay[i]);
        for (;;) {
            if ((st = next(&x)))
                goto done;
            if (x.tok == T_RB)
                break;
            if (x.tok != T_LB) {
                st = lfail(&x, x.tline, "expected '{' starting an outcome or '}'%s%s", "", "");
                goto done;
            }
            if (nout == cap) {
                mpq_t *no;
                if (cap > 1000000) {
                    st = lfail(&x, x.tline, "too many outcomes%s%s", "", "");
                    goto done;
                }
                no = realloc(opay, (size_t)(2 * cap + 1) * (size_t)np * sizeof *opay);
                if (!no) {
                    st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                    goto done;
                }
                opay = no;
                cap *= 2;
            }
            nout++;
            for (i = 0; i < np; i++)
                mpq_init(opay[nout * np + i]);
            if ((st = expect(&x, T_STR, "the outcome's name in quotes")))
                goto done;
            for (i = 0; i < np; i++)
                if ((st = next(&x)) || (st = number(&x, opay[nout * np + i])))
                    goto done;
            if ((st = expect(&x, T_RB, "'}' closing the outcome (one payoff per player)")))
                goto done;
        }
        for (s = 0; s < g->nprof; s++) {
            char *end;
            long v;
            if ((st = next(&x)))
                goto done;
            if (x.tok != T_WORD) {
                char a[32], b[32];
                snprintf(a, sizeof a, "%ld", g->nprof);
                snprintf(b, sizeof b, "%ld", s);
                st = lfail(&x, x.tline, "expected %s outcome numbers, found %s", a, b);
                goto done;
            }
            v = strtol(x.s, &end, 10);
            if (*end || v < 0 || v > nout) {
                char b[64];
                snprintf(b, sizeof b, "(0..%ld)", nout);
                st = lfail(&x, x.tline, "outcome %s out of range %s", x.s, b);
                goto done;
            }
            for (i = 0; i < np; i++)
                mpq_set(g->u[i][s], opay[v * np + i]);
        }
    } else {
        long need = g->nprof * np, got = 0;
        while (x.tok == T_WORD && got < need) {
            if ((st = number(&x, g->u[got % np][got / np])))
                goto done;
            got++;
            if ((st = next(&x)))
                goto done;
        }
        if (got < need) {
            char a[32], b[32];
            snprintf(a, sizeof a, "%ld", need);
            snprintf(b, sizeof b, "%ld", got);
            st = lfail(&x, x.tok == T_EOF ? x.line - (x.len && x.buf[x.len - 1] == '\n') : x.tline,
                       "expected %s payoffs, found %s", a, b);
            goto done;
        }
        goto tail;
    }
    if ((st = next(&x)))
        goto done;
tail:
    if (x.tok != T_EOF)
        st = lfail(&x, x.tline, "unexpected text after the game%s%s", "", "");
done:
    if (opay) {
        for (i = 0; i < (nout + 1) * np; i++)
            mpq_clear(opay[i]);
        free(opay);
    }
    for (i = 0; i < NFG_MAXP; i++) {
        free(pn[i]);
        if (sn[i]) {
            for (k = 0; k < 4096 && sn[i][k]; k++)
                free(sn[i][k]);
            free(sn[i]);
        }
    }
    free(x.buf);
    if (st)
        econ_game_clear(g);
    return st;
}

const char *econ_game_prof_str(const econ_game g, long s, int skip, char *buf, size_t len)
{
    size_t used = 0;
    int j, any = 0;
    buf[0] = '\0';
    for (j = 0; j < g->n && used < len; j++) {
        int w;
        if (j == skip)
            continue;
        w = snprintf(buf + used, len - used, "%s%s", any++ ? "," : "", g->sname[j][econ_strat_of(g, s, j)]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
    return buf;
}
