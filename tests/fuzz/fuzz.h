/* fuzz.h: shared helpers of the libFuzzer harnesses (tests/fuzz/fuzz_*.c).
 *
 * Each harness defines its entry with FUZZ_TARGET(name).  Built by
 * `make fuzz` (clang -fsanitize=fuzzer) it is LLVMFuzzerTestOneInput; built
 * with FUZZ_REPLAY defined (tests/fuzz/t-regress.c, part of `make test`)
 * it is fuzz_<name>(), so the unit tests replay every seed and every
 * regression input through the same code under gcc and ASan+UBSan.
 *
 * The readers take paths, so an input goes to a temporary file first:
 * /tmp/farkas-fuzz-<pid>-<tag> (one per tag, overwritten per input).  A
 * harness calls FUZZ_BUG() when an input breaks an invariant that is not a
 * memory error (a round trip that changes the model, a checker rejecting
 * the solver's certificate): abort() makes libFuzzer keep the input. */
#ifndef FUZZ_H
#define FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef FUZZ_REPLAY
#define FUZZ_TARGET(name) int fuzz_##name(const uint8_t *data, size_t size)
int fuzz_bugs; /* counted instead of aborting when replaying */
#define FUZZ_BUG(...) (fprintf(stderr, "fuzz invariant broken: " __VA_ARGS__), \
                       fputc('\n', stderr), fuzz_bugs++)
#else
#define FUZZ_TARGET(name) \
    int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size); \
    int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
#define FUZZ_BUG(...) (fprintf(stderr, "fuzz invariant broken: " __VA_ARGS__), \
                       fputc('\n', stderr), abort())
#endif

/* The path of temporary file TAG (e.g. "in.mps"), in a static buffer per
 * call site's own buf. */
static const char *fuzz_path(char *buf, size_t len, const char *tag)
{
    snprintf(buf, len, "/tmp/farkas-fuzz-%ld-%s", (long)getpid(), tag);
    return buf;
}

/* Write data[0..size) to the temporary file TAG; its path, or NULL. */
static const char *fuzz_file(char *buf, size_t len, const char *tag,
                             const uint8_t *data, size_t size)
{
    FILE *f;
    fuzz_path(buf, len, tag);
    f = fopen(buf, "wb");
    if (!f)
        return NULL;
    if (size && fwrite(data, 1, size, f) != size) {
        fclose(f);
        return NULL;
    }
    if (fclose(f))
        return NULL;
    return buf;
}

#endif
