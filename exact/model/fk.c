/* fk.c: see fk.h */
#include "fk.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

fk_status fk_fail(fk_err *e, fk_status code, const char *where,
                  const char *fmt, ...)
{
    va_list ap;
    if (e == NULL)
        return code;
    e->code = code;
    snprintf(e->where, sizeof e->where, "%s", where ? where : "");
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    return code;
}

void fk_err_clear(fk_err *e)
{
    e->code = FK_OK;
    e->where[0] = '\0';
    e->msg[0] = '\0';
}

void fk_err_print(const fk_err *e)
{
    if (e->where[0])
        fprintf(stderr, "%s: %s\n", e->where, e->msg);
    else
        fprintf(stderr, "farkas: %s\n", e->msg);
}

void *fk_calloc(size_t n, size_t size)
{
    if (n == 0 || size == 0)
        n = size = 1;
    return calloc(n, size);
}

void *fk_realloc(void *p, size_t n, size_t size)
{
    if (n == 0 || size == 0)
        n = size = 1;
    if (n > SIZE_MAX / size)
        return NULL;
    return realloc(p, n * size);
}

char *fk_strdup(const char *s)
{
    size_t len = strlen(s) + 1;
    char *d = malloc(len);
    if (d)
        memcpy(d, s, len);
    return d;
}

mpq_t *fk_qarr_new(long k)
{
    mpq_t *v = fk_calloc((size_t)(k > 0 ? k : 1), sizeof *v);
    long i;
    if (v)
        for (i = 0; i < k; i++)
            mpq_init(v[i]);
    return v;
}

void fk_qarr_free(mpq_t *v, long k)
{
    long i;
    if (!v)
        return;
    for (i = 0; i < k; i++)
        mpq_clear(v[i]);
    free(v);
}

double fk_now_sec(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}
