/* econ_text.h: the small pieces every case-input reader (.tsp, .bce, .dyn)
 * shares: a position for "file:line:col: message" errors, plain names and
 * exact numbers. */
#ifndef ECON_TEXT_H
#define ECON_TEXT_H

#include <stdio.h>

#include <gmp.h>

#include "fk.h"

typedef struct {
    const char *path;
    long line;        /* 1-based line being read */
    const char *buf;  /* that line's buffer (tokens point into it) */
    size_t buflen;    /* its length before tokenising */
    fk_err *err;
} econ_rd;

/* Line and field limits of the .tsp and .bce readers. */
#define ECON_MAXLINE 4096
#define ECON_MAXTOK 64

/* r reads path, with errors into err (line 0, no buffer yet). */
void econ_rd_init(econ_rd *r, const char *path, fk_err *err);

/* The next line of f that has a field: text after '#' dropped, fields
 * split at blanks into tok[0..*nt) (pointers into line, which must hold
 * ECON_MAXLINE + 2 characters; tok holds ECON_MAXTOK).  r->line, r->buf
 * and r->buflen follow every line read.  FK_OK with *nt = 0 at the end of
 * the file (the caller checks ferror); FK_EPARSE for a line over
 * ECON_MAXLINE characters or with more than ECON_MAXTOK fields. */
fk_status econ_rd_line(econ_rd *r, FILE *f, char *line, char **tok, int *nt);

/* "path:line:col" into where: col is where a (else b) lies in the line's
 * buffer when it points into it (a token of that line), else 1. */
void econ_where(char *where, size_t n, const char *path, long line, const char *buf,
                size_t buflen, const char *a, const char *b);

/* FK_EPARSE at "path:line:col" (econ_where) with fmt formatted from the two
 * strings. */
fk_status econ_rd_fail(econ_rd *r, const char *fmt, const char *a, const char *b);

/* Names become parts of LP names such as g[1:a,t0;s1]: up to 32 letters,
 * digits, '_' or '.'. */
int econ_name_ok(const char *s);

/* Index of s in names[0..k), or -1. */
int econ_name_find(char *const *names, int k, const char *s);

/* Free k strings and the array (NULL is fine). */
void econ_names_free(char **v, int k);

/* q = the exact number s; with nonneg, a negative value is an error
 * ("negative probability"). */
fk_status econ_rd_number(econ_rd *r, mpq_t q, const char *s, int nonneg);

/* The "players N" header line (tok[0] is "players", nt tokens):
 * *n = N, 1..16; *n must be 0 before (a second such line is an error). */
fk_status econ_rd_players(econ_rd *r, char **tok, int nt, int *n);

#endif
