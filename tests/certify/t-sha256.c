/* t-sha256.c: the solver-side SHA-256 against the FIPS 180-4 / NIST
 * example vectors, fed in one piece and in random pieces, and through a
 * file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sha256.h"
#include "testlib.h"

static const struct {
    const char *msg;
    const char *hex;
} vec[] = {
    {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
     "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
     "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
};

static const char *million_a =
    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

/* Hash data in random-sized pieces (0..130 bytes), to cross every
 * block-boundary case of sha256_update. */
static void hash_pieces(char hex[65], const char *data, size_t len, fk_rng *r)
{
    static const char digits[] = "0123456789abcdef";
    sha256_ctx c;
    unsigned char d[32];
    size_t off = 0;
    int i;
    sha256_init(&c);
    while (off < len) {
        size_t k = (size_t)fk_rng_range(r, 0, 130);
        if (k > len - off)
            k = len - off;
        sha256_update(&c, data + off, k);
        off += k;
    }
    sha256_final(&c, d);
    for (i = 0; i < 32; i++) {
        hex[2 * i] = digits[d[i] >> 4];
        hex[2 * i + 1] = digits[d[i] & 15];
    }
    hex[64] = '\0';
}

int test_sha256(fk_rng *r);
int test_sha256(fk_rng *r)
{
    char hex[65], path[64];
    size_t k, n = 1000000;
    char *a = malloc(n);
    FILE *f;
    int rep;
    for (k = 0; k < sizeof vec / sizeof vec[0]; k++) {
        sha256_hex(hex, vec[k].msg, strlen(vec[k].msg));
        TL_CHECK(strcmp(hex, vec[k].hex) == 0, "sha256('%s') = %s, want %s",
                 vec[k].msg, hex, vec[k].hex);
        for (rep = 0; rep < 5; rep++) {
            hash_pieces(hex, vec[k].msg, strlen(vec[k].msg), r);
            TL_CHECK(strcmp(hex, vec[k].hex) == 0, "pieces: sha256('%s') = %s",
                     vec[k].msg, hex);
        }
    }
    if (!TL_CHECK(a != NULL, "malloc"))
        return TL_FAIL;
    memset(a, 'a', n);
    sha256_hex(hex, a, n);
    TL_CHECK(strcmp(hex, million_a) == 0, "million a: %s", hex);
    hash_pieces(hex, a, n, r);
    TL_CHECK(strcmp(hex, million_a) == 0, "million a in pieces: %s", hex);

    /* The file path: the same million bytes through sha256_file_hex. */
    snprintf(path, sizeof path, "/tmp/fk-t-sha256.%ld", (long)fk_rng_range(r, 0, 1L << 30));
    f = fopen(path, "wb");
    if (TL_CHECK(f != NULL, "cannot create %s", path)) {
        fwrite(a, 1, n, f);
        fclose(f);
        TL_CHECK(sha256_file_hex(path, hex) == 0 && strcmp(hex, million_a) == 0,
                 "file: %s", hex);
        remove(path);
    }
    TL_CHECK(sha256_file_hex(path, hex) == -1 && hex[0] == '\0',
             "missing file must give -1");
    free(a);
    return TL_RESULT();
}
