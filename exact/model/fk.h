/* fk.h: status codes, error records and checked allocation shared by every
 * module of farkas except the independent checker (certify/check/), which
 * deliberately has its own.
 *
 * Library code never exits: a function that can fail on input returns an
 * fk_status and fills the fk_err passed last.  Only the CLI's subcommand
 * entry functions (the table in farkas.c) turn a status into an exit code
 * (0 ok, 1 rejected/no verdict, 2 bad input or usage). */
#ifndef FK_H
#define FK_H

#include <stddef.h>

#include <gmp.h>

typedef enum {
    FK_OK = 0,
    FK_ENOMEM,   /* our own allocation failed (GMP itself aborts on OOM) */
    FK_EIO,      /* cannot open/read/write a file */
    FK_EPARSE,   /* malformed input; where = "file:line:col" */
    FK_EINVAL,   /* inconsistent request or data (duplicate name, ...) */
    FK_ELIMIT    /* a size, length or time limit was exceeded */
} fk_status;

typedef struct {
    fk_status code;
    char where[256]; /* "file:line:col", or "" when there is no position */
    char msg[512];
} fk_err;

/* Fill e (if not NULL) and return code.  where may be NULL. */
fk_status fk_fail(fk_err *e, fk_status code, const char *where,
                  const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Reset e to FK_OK with empty strings. */
void fk_err_clear(fk_err *e);

/* Print "where: msg\n" (or "farkas: msg\n" without a position) to stderr. */
void fk_err_print(const fk_err *e);

/* malloc/realloc that return NULL for n*size overflow as well as failure.
 * fk_strdup copies a string (NULL on failure). */
void *fk_calloc(size_t n, size_t size);
void *fk_realloc(void *p, size_t n, size_t size);
char *fk_strdup(const char *s);

/* An array of k mpq_t, each initialised to 0 (NULL on allocation failure),
 * and its release (clears the k entries; NULL is fine). */
mpq_t *fk_qarr_new(long k);
void fk_qarr_free(mpq_t *v, long k);

/* Seconds on the monotonic clock (CLOCK_MONOTONIC: not moved by changes of
 * the wall clock), for time limits and progress lines; only differences
 * mean anything. */
double fk_now_sec(void);

#endif
