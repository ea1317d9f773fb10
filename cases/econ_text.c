/* econ_text.c: see econ_text.h */
#include "econ_text.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rat.h"

#define STR(x) #x
#define XSTR(x) STR(x) /* the value of a macro as a string */

void econ_where(char *where, size_t n, const char *path, long line, const char *buf,
                size_t buflen, const char *a, const char *b)
{
    long col = 1;
    /* comparing pointers into different objects is not portable C: test
     * through uintptr_t */
    uintptr_t lo = (uintptr_t)buf, hi = lo + buflen;
    if (buf && a && (uintptr_t)a >= lo && (uintptr_t)a < hi)
        col = (long)((uintptr_t)a - lo) + 1;
    else if (buf && b && (uintptr_t)b >= lo && (uintptr_t)b < hi)
        col = (long)((uintptr_t)b - lo) + 1;
    snprintf(where, n, "%s:%ld:%ld", path, line, col);
}

void econ_rd_init(econ_rd *r, const char *path, fk_err *err)
{
    r->path = path;
    r->line = 0;
    r->buf = NULL;
    r->buflen = 0;
    r->err = err;
}

fk_status econ_rd_line(econ_rd *r, FILE *f, char *line, char **tok, int *nt)
{
    *nt = 0;
    while (*nt == 0 && fgets(line, ECON_MAXLINE + 2, f)) {
        char *p, *c;
        r->line++;
        r->buf = line;
        r->buflen = strlen(line);
        if (r->buflen > ECON_MAXLINE && line[r->buflen - 1] != '\n')
            return econ_rd_fail(r, "line too long (over %s characters)%s", XSTR(ECON_MAXLINE), "");
        if ((c = strchr(line, '#')))
            *c = '\0';
        for (p = strtok(line, " \t\r\n"); p; p = strtok(NULL, " \t\r\n")) {
            if (*nt == ECON_MAXTOK)
                return econ_rd_fail(r, "too many fields on one line%s%s", "", "");
            tok[(*nt)++] = p;
        }
    }
    return FK_OK;
}

fk_status econ_rd_fail(econ_rd *r, const char *fmt, const char *a, const char *b)
{
    char where[256];
    econ_where(where, sizeof where, r->path, r->line, r->buf, r->buflen, a, b);
    return fk_fail(r->err, FK_EPARSE, where, fmt, a, b);
}

int econ_name_ok(const char *s)
{
    if (!*s || strlen(s) > 32)
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_' && *s != '.')
            return 0;
    return 1;
}

int econ_name_find(char *const *names, int k, const char *s)
{
    int i;
    for (i = 0; i < k; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

void econ_names_free(char **v, int k)
{
    int i;
    if (!v)
        return;
    for (i = 0; i < k; i++)
        free(v[i]);
    free(v);
}

fk_status econ_rd_number(econ_rd *r, mpq_t q, const char *s, int nonneg)
{
    int rc = rat_set_str(q, s, strlen(s), NULL);
    if (rc != RAT_OK)
        return econ_rd_fail(r, "%s '%s'", rat_strerror(rc), s);
    if (nonneg && mpq_sgn(q) < 0)
        return econ_rd_fail(r, "negative probability '%s'%s", s, "");
    return FK_OK;
}

fk_status econ_rd_players(econ_rd *r, char **tok, int nt, int *n)
{
    char *end;
    long v;
    if (*n)
        return econ_rd_fail(r, "'players' given twice%s%s", "", "");
    if (nt != 2)
        return econ_rd_fail(r, "'players' takes one number%s%s", "", "");
    v = strtol(tok[1], &end, 10);
    if (*end || v < 1 || v > 16)
        return econ_rd_fail(r, "bad number of players '%s' (1 to 16)%s", tok[1], "");
    *n = (int)v;
    return FK_OK;
}
