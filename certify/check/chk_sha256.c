/* chk_sha256.c: SHA-256 (FIPS 180-4) of the model file's bytes, written
 * here so that the checker needs nothing but GMP and the C library, and
 * the one SHA-256 of farkas: the solver side calls it through chk.h.
 *
 * Two compressions of the same function: block() in portable C, and on
 * x86 CPUs that have the SHA extensions (CPUID leaf 7, EBX bit 29) one
 * built on SHA256RNDS2 / SHA256MSG1 / SHA256MSG2, chosen at run time.
 * The hash is on the path of every certificate: the writer hashes the
 * model it was given and the checker the file it reads, so a 38 MB mechanism
 * LP is hashed twice per certificate; the portable loop runs at about
 * 0.3 GB/s here, the extensions about 1.5 GB/s.  tests/certify/t-sha256.c
 * holds both to the FIPS vectors and to each other on random inputs. */
#include "chk.h"
#include "chk_int.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#define SHA_X86 1
#include <cpuid.h>
#include <immintrin.h>
#endif

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static uint32_t ror(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void block(uint32_t h[8], const unsigned char *p)
{
    uint32_t w[64], a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7], t1, t2;
    int i;
    for (i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (; i < 64; i++)
        w[i] = w[i - 16] + (ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3)) +
               w[i - 7] + (ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10));
    for (i = 0; i < 64; i++) { /* the working variables in scalars, so they stay in registers */
        t1 = k + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        k = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += k;
}

static void blocks_c(uint32_t h[8], const unsigned char *p, size_t n)
{
    size_t k;
    for (k = 0; k < n; k++)
        block(h, p + 64 * k);
}

#ifdef SHA_X86
/* The extensions keep the state as two vectors, lanes low to high:
 * abef = (F, E, B, A) and cdgh = (H, G, D, C).  SHA256RNDS2(cdgh, abef, wk)
 * does two rounds with wk's lanes 0 and 1 and returns the new abef (the old
 * abef becomes the new cdgh), so two calls with the roles swapped do four
 * rounds.  The schedule, four words W[i..i+3] at a time (i = 4g, g >= 4):
 *   M[g] = MSG2(MSG1(M[g-4], M[g-3]) + (W[i-7..i-4]), M[g-1]),
 * where MSG1 adds sigma0 of W[i-15..i-12], (W[i-7..i-4]) is M[g-2]:M[g-1]
 * shifted by one word, and MSG2 adds sigma1 of W[i-2], W[i-1] (the last two
 * computed in turn). */
__attribute__((target("sha,sse4.1")))
static void blocks_ni(uint32_t h[8], const unsigned char *p, size_t n)
{
    const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i t = _mm_loadu_si128((const __m128i *)h);        /* A B C D */
    __m128i u = _mm_loadu_si128((const __m128i *)(h + 4)); /* E F G H */
    __m128i abef, cdgh, abef0, cdgh0, m[4], wk;
    size_t k;
    int g;
    t = _mm_shuffle_epi32(t, 0xB1); /* B A D C */
    u = _mm_shuffle_epi32(u, 0x1B); /* H G F E */
    abef = _mm_alignr_epi8(t, u, 8);
    cdgh = _mm_blend_epi16(u, t, 0xF0);
    for (k = 0; k < n; k++, p += 64) {
        abef0 = abef, cdgh0 = cdgh;
        for (g = 0; g < 16; g++) {
            if (g < 4)
                m[g] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * g)), bswap);
            else
                m[g & 3] = _mm_sha256msg2_epu32(
                    _mm_add_epi32(_mm_sha256msg1_epu32(m[g & 3], m[(g + 1) & 3]),
                                  _mm_alignr_epi8(m[(g + 3) & 3], m[(g + 2) & 3], 4)),
                    m[(g + 3) & 3]);
            wk = _mm_add_epi32(m[g & 3], _mm_loadu_si128((const __m128i *)(K + 4 * g)));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E));
        }
        abef = _mm_add_epi32(abef, abef0);
        cdgh = _mm_add_epi32(cdgh, cdgh0);
    }
    t = _mm_shuffle_epi32(abef, 0x1B); /* A B E F */
    u = _mm_shuffle_epi32(cdgh, 0xB1); /* G H C D */
    _mm_storeu_si128((__m128i *)h, _mm_blend_epi16(t, u, 0xF0));
    _mm_storeu_si128((__m128i *)(h + 4), _mm_alignr_epi8(u, t, 8));
}

static int have_sha_ni(void)
{
    unsigned a, b, c, d;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
        return 0;
    /* SHA (EBX bit 29); SSSE3 and SSE4.1 (leaf 1, ECX bits 9 and 19) for the shuffles and the blend */
    if (!(b >> 29 & 1) || !__get_cpuid(1, &a, &b, &c, &d))
        return 0;
    return (c >> 9 & 1) && (c >> 19 & 1);
}
#endif

void chk_sha256_impl(const unsigned char *p, size_t len, char hex[65], int portable)
{
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    unsigned char last[128] = {0};
    size_t full = len / 64 * 64, rest = len - full, k, n;
    uint64_t bits = (uint64_t)len * 8;
    void (*blocks)(uint32_t *, const unsigned char *, size_t) = blocks_c;
#ifdef SHA_X86
    if (!portable && have_sha_ni())
        blocks = blocks_ni;
#endif
    blocks(h, p, full / 64);
    /* Padding: 0x80, zeros, then the bit length big-endian. */
    memcpy(last, p + full, rest);
    last[rest] = 0x80;
    n = rest < 56 ? 64 : 128;
    for (k = 0; k < 8; k++)
        last[n - 1 - k] = (unsigned char)(bits >> (8 * k));
    blocks(h, last, n / 64);
    for (k = 0; k < 8; k++)
        sprintf(hex + 8 * k, "%08lx", (unsigned long)h[k]);
}

void chk_sha256(const unsigned char *p, size_t len, char hex[65])
{
    chk_sha256_impl(p, len, hex, 0);
}
