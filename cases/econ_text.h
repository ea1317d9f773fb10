/* econ_text.h: the small pieces every case-input reader (.tsp, .bce, .dyn)
 * shares: a position for "file:line: message" errors, plain names and
 * exact numbers. */
#ifndef ECON_TEXT_H
#define ECON_TEXT_H

#include <gmp.h>

#include "fk.h"

typedef struct {
    const char *path;
    long line;   /* 1-based line being read */
    fk_err *err;
} econ_rd;

/* FK_EPARSE at "path:line" with fmt formatted from the two strings. */
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

#endif
