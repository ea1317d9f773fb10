/* lp_io.c: helpers shared by the model readers and writers, and the
 * reader dispatch by file extension (see lp_io.h). */
#include "lp_io.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rat.h"

fk_status lpio_fail(fk_err *err, fk_status code, const char *path, long line,
                    long col, const char *fmt, ...)
{
    va_list ap;
    if (err == NULL)
        return code;
    err->code = code;
    snprintf(err->where, sizeof err->where, "%s:%ld:%ld", path, line, col);
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}

void lpio_warn(const char *path, long line, long col, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s:%ld:%ld: warning: ", path, line, col);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

const char *lpio_show(char *buf, const char *s, size_t n)
{
    size_t k = n > 40 ? 32 : n, i;
    for (i = 0; i < k; i++) {
        unsigned char c = (unsigned char)s[i];
        buf[i] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
    }
    if (k < n)
        memcpy(buf + k, "...", 3), k += 3;
    buf[k] = '\0';
    return buf;
}

fk_status lpio_number(mpq_t r, const char *s, size_t n, const char *path,
                      long line, long col, fk_err *err)
{
    char show[48];
    size_t bad = 0;
    int rc = rat_set_str(r, s, n, &bad);
    if (rc == RAT_OK)
        return FK_OK;
    lpio_show(show, s, n);
    if (rc == RAT_EZERODIV)
        return lpio_fail(err, FK_EPARSE, path, line, col,
                         "division by zero in '%s'", show);
    if (rc == RAT_ELIMIT) {
        if (bad < n && (s[bad] == 'e' || s[bad] == 'E'))
            return lpio_fail(err, FK_ELIMIT, path, line, col,
                             "exponent too large in '%s' (limit %ld)", show,
                             RAT_MAX_EXP);
        return lpio_fail(err, FK_ELIMIT, path, line, col,
                         "too many digits in number '%s' (limit %ld)", show,
                         RAT_MAX_DIGITS);
    }
    return lpio_fail(err, FK_EPARSE, path, line, col, "bad number '%s'",
                     show);
}

fk_status lpio_grow_bytes(unsigned char **a, long *alloc, long need,
                          fk_err *err)
{
    long na = *alloc ? *alloc : 64;
    unsigned char *t;
    if (need < *alloc)
        return FK_OK;
    while (na <= need)
        na *= 2;
    t = fk_realloc(*a, (size_t)na, 1);
    if (t == NULL)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    memset(t + *alloc, 0, (size_t)(na - *alloc));
    *a = t;
    *alloc = na;
    return FK_OK;
}

fk_status lpio_slurp(const char *path, char **buf, size_t *len, fk_err *err)
{
    FILE *f = fopen(path, "rb");
    char *b = NULL;
    size_t n = 0, cap = 1 << 16;
    *buf = NULL;
    *len = 0;
    if (f == NULL)
        return fk_fail(err, FK_EIO, path, "cannot open '%s': %s", path,
                       strerror(errno));
    b = malloc(cap);
    if (b == NULL) {
        fclose(f);
        return fk_fail(err, FK_ENOMEM, path, "out of memory reading '%s'",
                       path);
    }
    for (;;) {
        size_t got;
        if (cap - n < 2) {
            char *nb = cap < ((size_t)-1) / 2 ? realloc(b, cap * 2) : NULL;
            if (nb == NULL) {
                free(b);
                fclose(f);
                return fk_fail(err, FK_ENOMEM, path,
                               "out of memory reading '%s'", path);
            }
            b = nb;
            cap *= 2;
        }
        got = fread(b + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        int e = errno;
        free(b);
        fclose(f);
        return fk_fail(err, FK_EIO, path, "cannot read '%s': %s", path,
                       strerror(e));
    }
    fclose(f);
    b[n] = '\0';
    *buf = b;
    *len = n;
    return FK_OK;
}

static int ends_with_ci(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf), i;
    if (n < k)
        return 0;
    for (i = 0; i < k; i++) {
        char a = s[n - k + i], b = suf[i];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a - 'A' + 'a');
        if (a != b)
            return 0;
    }
    return 1;
}

fk_status lp_read_file(lp_model **out, const char *path, fk_err *err)
{
    return lp_read_file_flags(out, path, 0, err);
}

fk_status lp_read_file_flags(lp_model **out, const char *path, int flags,
                             fk_err *err)
{
    *out = NULL;
    if (ends_with_ci(path, ".mps"))
        return lp_read_mps_flags(out, path, flags, err);
    if (ends_with_ci(path, ".lp"))
        return lp_read_lp_flags(out, path, flags, err);
    return fk_fail(err, FK_EINVAL, NULL,
                   "cannot tell the format of '%s': model files must end "
                   "in .mps (MPS) or .lp (CPLEX LP)",
                   path);
}
