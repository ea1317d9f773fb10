/* t-sha256.c: the one SHA-256 of farkas (the checker's chk_sha256, which
 * the certificate writer reaches through cert_file_sha256) against the
 * FIPS 180-4 / NIST example vectors, at every padding boundary, and
 * through a file; both compressions (the portable C one and, on a CPU that
 * has them, the SHA extensions), and the two against each other on random
 * bytes of random lengths. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cert.h"
#include "check/chk.h"
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

/* k bytes 'a' around the padding boundaries (55/56: the length still fits
 * the last block or not; 64, 128: whole blocks), as computed by GNU
 * coreutils sha256sum (`head -c k /dev/zero | tr '\0' a | sha256sum`). */
static const struct {
    size_t k;
    const char *hex;
} edge[] = {
    {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
    {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
    {57, "f13b2d724659eb3bf47f2dd6af1accc87b81f09f59f2b75e5c0bed6589dfe8c6"},
    {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
    {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
    {65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
    {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
    {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
    {127, "c57e9278af78fa3cab38667bef4ce29d783787a2f731d4e12200270f0c32320a"},
    {128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"},
};

int test_sha256(fk_rng *r);
int test_sha256(fk_rng *r)
{
    char hex[65], hex2[65], path[64];
    size_t k, n = 1000000, len;
    unsigned char *a = malloc(n);
    int pt, trial;
    FILE *f;
    if (!TL_CHECK(a != NULL, "malloc"))
        return TL_FAIL;
    for (pt = 0; pt < 2; pt++) {
        for (k = 0; k < sizeof vec / sizeof vec[0]; k++) {
            chk_sha256_impl((const unsigned char *)vec[k].msg, strlen(vec[k].msg), hex, pt);
            TL_CHECK(strcmp(hex, vec[k].hex) == 0, "sha256('%s') = %s, want %s (portable %d)",
                     vec[k].msg, hex, vec[k].hex, pt);
        }
        memset(a, 'a', n);
        for (k = 0; k < sizeof edge / sizeof edge[0]; k++) {
            chk_sha256_impl(a, edge[k].k, hex, pt);
            TL_CHECK(strcmp(hex, edge[k].hex) == 0, "sha256(%zu x 'a') = %s, want %s (portable %d)",
                     edge[k].k, hex, edge[k].hex, pt);
        }
        chk_sha256_impl(a, n, hex, pt);
        TL_CHECK(strcmp(hex, million_a) == 0, "million a: %s (portable %d)", hex, pt);
    }
    /* random bytes: every byte value, lengths across several blocks */
    for (trial = 0; trial < 200; trial++) {
        len = (size_t)fk_rng_range(r, 0, 1000);
        for (k = 0; k < len; k++)
            a[k] = (unsigned char)fk_rng_range(r, 0, 255);
        chk_sha256_impl(a, len, hex, 0);
        chk_sha256_impl(a, len, hex2, 1);
        if (!TL_CHECK(strcmp(hex, hex2) == 0, "random %zu bytes: %s vs portable %s", len, hex, hex2))
            break;
    }
    memset(a, 'a', n);

    /* The file path: the same million bytes (more than the first read
     * buffer) through cert_file_sha256. */
    snprintf(path, sizeof path, "/tmp/fk-t-sha256.%ld", (long)fk_rng_range(r, 0, 1L << 30));
    f = fopen(path, "wb");
    if (TL_CHECK(f != NULL, "cannot create %s", path)) {
        fwrite(a, 1, n, f);
        fclose(f);
        TL_CHECK(cert_file_sha256(path, hex) == 0 && strcmp(hex, million_a) == 0,
                 "file: %s", hex);
        remove(path);
    }
    TL_CHECK(cert_file_sha256(path, hex) == -1 && hex[0] == '\0',
             "missing file must give -1");
    free(a);
    return TL_RESULT();
}
