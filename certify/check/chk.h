/* chk.h: the independent certificate checker of farkas (see shared/DESIGN.md
 * and docs/certificate-format.md).
 *
 * Independent on purpose: certify/check/ shares no code with exact/ and
 * reads the user's model file (MPS or LP, docs/model-formats.md) with its
 * own, stricter parser.  The duplication is intended: two independent
 * readings of the same file are a cross-check.  It needs only GMP and the
 * C library, and never touches floating point. */
#ifndef CHK_H
#define CHK_H

#include <stddef.h>

/* The `check` subcommand.  argv = {NAME, MODEL, CERT [, --quiet]}, where
 * argv[0] is the subcommand (or program) name.  Returns the exit code:
 * 0 accepted ("accepted: ..." on stdout), 1 rejected ("rejected: <first
 * failing condition>" on stdout), 2 unreadable model or certificate, or a
 * usage error ("file:line:col: message" on stderr).  --quiet prints nothing
 * on stdout; messages for exit code 2 still go to stderr.  --relax: see
 * CHK_RELAX below. */
int chk_main(int argc, char **argv);

/* What chk_main does after reading its arguments.  quiet | CHK_RELAX: read
 * a MIP as its LP relaxation; CERT must say `relaxation lp` iff it is one. */
#define CHK_RELAX 2
int chk_files(const char *model, const char *cert, int quiet);

/* Read MODEL with the checker's reader only.  Returns 0 and the numbers of
 * rows (objective and dropped free rows excluded), columns and stored
 * nonzeros of A, or 2 after printing the error to stderr. */
int chk_model_counts(const char *model, long *rows, long *cols, long *nnz);

/* SHA-256 of a file's bytes as 64 lower-case hex digits plus NUL in hex.
 * Returns 0, or 2 after printing the error to stderr. */
int chk_sha256_file(const char *path, char hex[65]);

/* SHA-256 (FIPS 180-4) of p[0..len) as 64 lower-case hex digits plus NUL.
 * The only SHA-256 of farkas: the solver side (certificate writer, proof
 * exports) calls it too, so a model's name in a certificate is computed by
 * the code that checks it.  (What stays independent is the reading of
 * the model and the checking of the certificate's claims; a hash has one
 * right answer, pinned by the FIPS 180 vectors of tests/certify/t-sha256.c.) */
void chk_sha256(const unsigned char *p, size_t len, char hex[65]);
/* The same with the compression chosen: portable = 1 the portable C loop,
 * 0 the CPU's SHA extensions where it has them (what chk_sha256 does). */
void chk_sha256_impl(const unsigned char *p, size_t len, char hex[65], int portable);

#endif
