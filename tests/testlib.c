/* testlib.c: see testlib.h */
#include "testlib.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lp_io.h"

static const char *module_name = "?";
static const char *only = NULL;
static int npass, nfail, nskip;
static int cur_fails;
static uint64_t cur_seed;
static uint64_t base_seed = 20261123u;

void fk_rng_seed(fk_rng *r, uint64_t seed) { r->s = seed ^ 0x9E3779B97F4A7C15ull; }

uint64_t fk_rng_next(fk_rng *r)
{
    /* splitmix64: tiny, good enough for test data */
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

long fk_rng_range(fk_rng *r, long lo, long hi)
{
    uint64_t span = (uint64_t)(hi - lo) + 1u;
    return lo + (long)(fk_rng_next(r) % span);
}

void fk_rng_perm(fk_rng *r, long *p, long n)
{
    long j;
    for (j = 0; j < n; j++)
        p[j] = j;
    for (j = n - 1; j > 0; j--) {
        long u = fk_rng_range(r, 0, j), t = p[j];
        p[j] = p[u];
        p[u] = t;
    }
}

long tl_mult(void)
{
    const char *s = getenv("FK_TEST_MULT");
    long v = s ? strtol(s, NULL, 10) : 1;
    return v > 0 ? v : 1;
}

int tl_quick(void)
{
    const char *s = getenv("FK_TEST_QUICK");
    return s && *s && strcmp(s, "0") != 0;
}

uint64_t tl_seed(void) { return cur_seed; }

const char *tl_shared(void)
{
    const char *s = getenv("FK_SHARED");
    return s && *s ? s : "../shared";
}

void tl_begin(const char *module, int argc, char **argv)
{
    const char *s = getenv("FK_SEED");
    module_name = module;
    if (s && *s)
        base_seed = strtoull(s, NULL, 10);
    if (argc > 1)
        only = argv[1];
}

void tl_failf(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    cur_fails++;
    fprintf(stdout, "  %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stdout, fmt, ap);
    va_end(ap);
    fprintf(stdout, "\n");
    fflush(stdout);
}

int tl_failed_now(void) { return cur_fails; }

void tl_report(const char *name, int res, const char *fmt, ...)
{
    va_list ap;
    const char *tag = res == TL_PASS ? "ok" : res == TL_SKIP ? "skip" : "FAIL";
    if (res == TL_PASS) npass++;
    else if (res == TL_SKIP) nskip++;
    else {
        nfail++;
        cur_fails++; /* the enclosing test fails too */
    }
    printf("%s %s: ", tag, name);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    if (res == TL_FAIL)
        printf(" (FK_SEED=%llu)", (unsigned long long)base_seed);
    printf("\n");
    fflush(stdout);
}

void tl_info(const char *name, const char *fmt, ...)
{
    va_list ap;
    printf("info %s: ", name);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
}

void tl_skip_load(const char *name, const char *fmt, ...)
{
    va_list ap;
    nskip++;
    printf("skip %s: [load] ", name);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
}

void tl_run(const char *name, int (*fn)(fk_rng *))
{
    fk_rng r;
    int res;
    if (only && strcmp(only, name) != 0)
        return;
    cur_fails = 0;
    cur_seed = base_seed;
    fk_rng_seed(&r, base_seed);
    res = fn(&r);
    if (res != TL_FAIL && cur_fails)
        res = TL_FAIL;
    if (res == TL_HELPER) {
        printf("(helper step %s: not counted)\n", name);
    } else if (res == TL_SKIP) {
        nskip++;
        printf("skip %s\n", name);
    } else if (res == TL_PASS) {
        npass++;
        printf("ok %s\n", name);
    } else {
        nfail++;
        printf("FAIL %s (FK_SEED=%llu)\n", name, (unsigned long long)base_seed);
    }
    fflush(stdout);
}

int tl_end(void)
{
    tl_tmp_done();
    printf("%s: %d passed, %d failed, %d skipped\n", module_name, npass, nfail,
           nskip);
    return nfail ? 1 : 0;
}

static char tmpdir[64];

const char *tl_tmp_path(const char *name)
{
    static char buf[256];
    if (tmpdir[0] == '\0') {
        strcpy(tmpdir, "/tmp/fk-test-XXXXXX");
        if (mkdtemp(tmpdir) == NULL)
            tmpdir[0] = '\0';
    }
    snprintf(buf, sizeof buf, "%s/%s", tmpdir, name);
    return buf;
}

void tl_tmp_done(void)
{
    if (tmpdir[0])
        rmdir(tmpdir);
    tmpdir[0] = '\0';
}

fk_status tl_read_model_text(lp_model **lp, const char *name, const char *text, fk_err *e)
{
    return tl_read_model_text_flags(lp, name, text, 0, e);
}

fk_status tl_read_model_text_flags(lp_model **lp, const char *name, const char *text, int flags,
                                   fk_err *e)
{
    const char *p = tl_tmp_path(name);
    FILE *f = fopen(p, "w");
    fk_status st;
    if (f == NULL)
        return fk_fail(e, FK_EIO, NULL, "cannot write %s", p);
    fputs(text, f);
    fclose(f);
    fk_err_clear(e);
    st = lp_read_file_flags(lp, p, flags, e);
    remove(p);
    return st;
}
