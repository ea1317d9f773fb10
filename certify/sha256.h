/* sha256.h: SHA-256 (FIPS 180-4) for the solver side.
 *
 * The certificate names its model by the SHA-256 of the model file's bytes
 * (docs/certificate-format.md).  The independent checker has its own copy
 * in certify/check/; this one serves the writer and the proof exports, so
 * that the two sides compute the hash independently.
 *
 * Usage: sha256_init, any number of sha256_update calls, sha256_final.
 * The context holds no heap memory; nothing needs freeing. */
#ifndef SHA256_H
#define SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t h[8];
    uint64_t len;          /* bytes hashed so far */
    unsigned char buf[64]; /* pending partial block */
    size_t nbuf;
} sha256_ctx;

void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *data, size_t len);
void sha256_final(sha256_ctx *c, unsigned char out[32]);

/* hex = 64 lower-case hex digits of SHA-256(data[0..len)) and a NUL. */
void sha256_hex(char hex[65], const void *data, size_t len);

/* hex = SHA-256 of the bytes of the file at path.  Returns 0 on success,
 * -1 if the file cannot be opened or read (errno is left as set by the C
 * library), with hex set to "". */
int sha256_file_hex(const char *path, char hex[65]);

#endif
