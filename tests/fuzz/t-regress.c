/* t-regress.c: replay every fuzz harness (tests/fuzz/fuzz_*.c) on its seed
 * corpus tests/fuzz/corpus/NAME/ and on the inputs that once crashed it,
 * tests/fuzz/regress/NAME/, under the normal build and ASan+UBSan.  A
 * harness's invariant failures (FUZZ_BUG) are counted, not fatal, here;
 * memory errors abort the sanitizer build as they would in the fuzzer.
 * The readers' own messages (stderr) are silenced while replaying. */
#define FUZZ_REPLAY 1

#include "fuzz_bce.c"
#include "fuzz_cert.c"
#include "fuzz_check_cert.c"
#include "fuzz_check_model.c"
#include "fuzz_dyn.c"
#include "fuzz_lp.c"
#include "fuzz_mech.c"
#include "fuzz_mps.c"
#include "fuzz_nfg.c"
#include "fuzz_tsp.c"

#include <dirent.h>
#include <fcntl.h>

#include "testlib.h"

typedef int (*fuzz_fn)(const uint8_t *, size_t);

static uint8_t *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    uint8_t *b;
    long n;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
        fclose(f);
        return NULL;
    }
    b = malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return b;
}

/* Replay every file of dir through fn; returns the number of files, -1 if
 * dir cannot be opened. */
static long replay_dir(const char *name, fuzz_fn fn, const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    long count = 0;
    if (!d)
        return -1;
    while ((e = readdir(d))) {
        char path[1024];
        uint8_t *b;
        size_t len = 0;
        int before = fuzz_bugs, saved;
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (!(b = slurp(path, &len))) {
            tl_report(name, TL_FAIL, "cannot read %s", path);
            continue;
        }
        fflush(stderr);
        saved = dup(2);
        if (saved >= 0) {
            int null = open("/dev/null", O_WRONLY);
            if (null >= 0) {
                dup2(null, 2);
                close(null);
            }
        }
        fn(b, len);
        fflush(stderr);
        if (saved >= 0) {
            dup2(saved, 2);
            close(saved);
        }
        free(b);
        if (fuzz_bugs != before)
            tl_report(name, TL_FAIL, "%s breaks an invariant of harness %s (replay it "
                      "with build/fuzz/bin/%s %s)", path, name, name, path);
        count++;
    }
    closedir(d);
    return count;
}

static int replay(const char *name, fuzz_fn fn)
{
    char dir[256];
    long seeds, reg;
    snprintf(dir, sizeof dir, "tests/fuzz/corpus/%s", name);
    seeds = replay_dir(name, fn, dir);
    snprintf(dir, sizeof dir, "tests/fuzz/regress/%s", name);
    reg = replay_dir(name, fn, dir);
    if (!TL_CHECK(seeds > 0, "no seed corpus in tests/fuzz/corpus/%s", name))
        return TL_FAIL;
    tl_info(name, "%ld seeds, %ld regression inputs", seeds, reg < 0 ? 0 : reg);
    return TL_RESULT();
}

int test_fuzz_mps(fk_rng *r)
{
    return replay("mps", fuzz_mps);
}

int test_fuzz_lp(fk_rng *r)
{
    return replay("lp", fuzz_lp);
}

int test_fuzz_check_cert(fk_rng *r)
{
    return replay("check_cert", fuzz_check_cert);
}

int test_fuzz_check_model(fk_rng *r)
{
    return replay("check_model", fuzz_check_model);
}

int test_fuzz_cert(fk_rng *r)
{
    return replay("cert", fuzz_cert);
}

int test_fuzz_nfg(fk_rng *r)
{
    return replay("nfg", fuzz_nfg);
}

int test_fuzz_tsp(fk_rng *r)
{
    return replay("tsp", fuzz_tsp);
}

int test_fuzz_dyn(fk_rng *r)
{
    return replay("dyn", fuzz_dyn);
}

int test_fuzz_bce(fk_rng *r)
{
    return replay("bce", fuzz_bce);
}

int test_fuzz_mech(fk_rng *r)
{
    return replay("mech", fuzz_mech);
}

/* Remove the harnesses' temporary files of this process. */
int test_fuzz_cleanup(fk_rng *r)
{
    static const char *tags[] = {"in.mps", "in.lp", "rt.mps", "rt.lp", "solve.cert",
                                 "fixed.lp", "check.cert", "cm.mps", "cm.lp", "cm.cert",
                                 "in.cert", "w1.cert", "w2.cert", "in.nfg", "in.tsp", "in.dyn",
                                 "in.bce", "in.mech"};
    char p[128];
    size_t k;
    for (k = 0; k < sizeof tags / sizeof *tags; k++)
        unlink(fuzz_path(p, sizeof p, tags[k]));
    return TL_HELPER;
}
