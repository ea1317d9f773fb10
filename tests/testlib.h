/* testlib.h: the unit test harness.
 *
 * A test is `int test_<name>(fk_rng *r)` in tests/<module>/t-<name>.c,
 * found by tests/genmain.sh.  It returns TL_PASS, TL_FAIL or TL_SKIP, and
 * may report sub-results (one Netlib instance, say) with tl_report(), each
 * counted on its own.  Randomised tests draw from r, seeded from FK_SEED
 * (default fixed) so that every failure can be replayed: the seed is
 * printed with the failure.  FK_TEST_MULT scales iteration counts.
 * FK_TEST_QUICK=1 (set for the sanitizer run) asks long tests to do a
 * smaller, still meaningful, subset.
 * Output: "ok NAME", "FAIL NAME: why", "skip NAME: why", and at the end
 * "MODULE: N passed, N failed, N skipped".
 *
 * A pass line is an assertion: a step that checks nothing (a cleanup)
 * returns TL_HELPER and is not counted; figures worth printing (how many
 * LPs were optimal) go out with tl_info, also not counted.  A check that
 * is dropped is a counted, named skip (tl_report(.., TL_SKIP, ..)).  A
 * skip caused by machine load (a time limit hit) goes through
 * tl_skip_load, which tags it "[load]": tests/run.sh fails when more than
 * FK_LOAD_SKIP_MAX of those happen in one run. */
#ifndef TESTLIB_H
#define TESTLIB_H

#include <stdint.h>

#include "lp.h"

enum { TL_PASS = 0, TL_FAIL = 1, TL_SKIP = 77, TL_HELPER = 78 };

typedef struct { uint64_t s; } fk_rng;

void fk_rng_seed(fk_rng *r, uint64_t seed);
uint64_t fk_rng_next(fk_rng *r);
long fk_rng_range(fk_rng *r, long lo, long hi); /* uniform in [lo, hi] */
/* p[0..n) := a uniformly random permutation of 0..n-1 (Fisher-Yates,
 * from the top). */
void fk_rng_perm(fk_rng *r, long *p, long n);

long tl_mult(void);       /* FK_TEST_MULT, default 1 */
int tl_quick(void);       /* FK_TEST_QUICK set and not "0" */
uint64_t tl_seed(void);   /* seed of the current test */
const char *tl_shared(void); /* path of ../shared (FK_SHARED or "../shared") */

void tl_begin(const char *module, int argc, char **argv);
void tl_run(const char *name, int (*fn)(fk_rng *));
int tl_end(void);

/* Record one sub-result: res is TL_PASS/TL_FAIL/TL_SKIP; fmt explains. */
void tl_report(const char *name, int res, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* "info NAME: ..." (not counted). */
void tl_info(const char *name, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* A counted skip "skip NAME: [load] ...": the check was dropped because
 * a time limit ran out, which depends on the machine's load. */
void tl_skip_load(const char *name, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Print a failure message (with file:line) and remember the failure;
 * TL_CHECK evaluates to the truth of cond. */
void tl_failf(const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
int tl_failed_now(void); /* failures since the current test began */

/* Files for tests: tl_tmp_path(name) is name inside this process's
 * temporary directory (made on first use; a static buffer, valid until the
 * next call); tl_tmp_done() removes the directory once it is empty (tl_end
 * calls it too).  tl_read_model_text writes text to tl_tmp_path(name),
 * reads it with lp_read_file (format by extension) and removes it. */
const char *tl_tmp_path(const char *name);
void tl_tmp_done(void);
fk_status tl_read_model_text(lp_model **lp, const char *name, const char *text, fk_err *e);
/* The same with lp_read_file_flags (LPIO_RELAX). */
fk_status tl_read_model_text_flags(lp_model **lp, const char *name, const char *text, int flags,
                                   fk_err *e);
#define TL_CHECK(cond, ...) \
    ((cond) ? 1 : (tl_failf(__FILE__, __LINE__, __VA_ARGS__), 0))
#define TL_RESULT() (tl_failed_now() ? TL_FAIL : TL_PASS)

#endif
