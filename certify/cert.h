/* cert.h: the solver-side certificate writer and reader.
 *
 * The format is docs/certificate-format.md: version 2 is written (each
 * x/y/r section per entry or over one common denominator, whichever is
 * shorter), versions 1 and 2 are read.  The independent
 * checker in certify/check/ has its own reader on purpose; nothing here is
 * shared with it.  The reader below serves the proof exports (proofs/),
 * which turn a certificate plus its model into LaTeX, SMT-LIB, ...
 *
 * Conventions (DESIGN.md): y and the ray speak about the minimisation of
 * c' = sense * c; `objective` is in the model's own sense and includes c0.
 *
 * Writing is atomic (exact/model/afile.h): on success the complete file is at
 * path; on any failure nothing new is at path (an older file stays), the
 * temporary file is removed, and FK_EIO comes back with a message.
 * Only nonzero entries are written, in model order, names percent-encoded
 * (bytes '%', <= 0x20 and >= 0x7f become %XX); the vectors read back are
 * canonical mpq whatever the spelling (version 2 allows 2/4 and any
 * common denominator). */
#ifndef CERT_H
#define CERT_H

#include <gmp.h>

#include "fk.h"
#include "lp.h"
#include "answer.h"

typedef enum {
    CERT_OPTIMAL = 0,
    CERT_INFEASIBLE,
    CERT_UNBOUNDED,
    CERT_FEASIBLE
} cert_status;

/* A certificate held densely against one model.  x and r have lp->n
 * entries, y has lp->m; entries not listed in the file are 0.  All three
 * vectors are always allocated and initialised, whatever the status, so a
 * consumer may read them without testing the status first. */
typedef struct cert_data {
    cert_status status;
    int sense;            /* LP_MIN or LP_MAX, as the file says */
    long m, n;
    char sha256[65];      /* model-sha256 as written (lower-case hex) */
    char *model_file;     /* model-file, decoded; "" if absent */
    int relaxation;       /* a `relaxation lp` line: about the LP
                           * relaxation of a MIP (lp->nrelax > 0) */
    int has_objective;    /* an `objective` line was present */
    mpq_t objective;      /* in the model's own sense (0 if absent) */
    mpq_t *x;             /* n */
    mpq_t *y;             /* m */
    mpq_t *r;             /* n */
} cert_data;

/* Allocate a zero certificate of the given sizes (status optimal, sense
 * min, sha256 "").  NULL on allocation failure. */
cert_data *cert_new(long m, long n);
void cert_free(cert_data *c); /* NULL is fine */

const char *cert_status_str(cert_status s); /* "optimal", ... */

/* Write res (OPTIMAL, INFEASIBLE or UNBOUNDED; anything else is FK_EINVAL)
 * as the certificate for the model file model_path, whose bytes are
 * hashed now, and whose parsed form is lp (names, sizes, sense).
 * `objective` is res->objval. */
fk_status cert_write(const char *path, const char *model_path,
                     const lp_model *lp, const lp_answer *res, fk_err *err);

/* Write a `status feasible` certificate for the point x (lp->n entries). */
fk_status cert_write_feasible(const char *path, const char *model_path,
                              const lp_model *lp, mpq_t *const x,
                              fk_err *err);

/* Write c as it stands: its status, sense, sha256 and model_file fields
 * are written verbatim (no hashing here), with the sections the status
 * calls for.  This is the common back end of the two writers above, and
 * lets tests write deliberately wrong certificates.  FK_EINVAL if c's
 * sizes do not match lp. */
fk_status cert_write_data(const char *path, const lp_model *lp,
                          const cert_data *c, fk_err *err);

/* hex = SHA-256 of the bytes of the file at path (the checker's chk_sha256,
 * the one implementation).  0 on success; -1 if the file cannot be opened
 * or read, or memory runs out, with errno as the C library set it and hex
 * set to "". */
int cert_file_sha256(const char *path, char hex[65]);

/* Read the certificate at path against lp: names are looked up with
 * lp_find_row/lp_find_col, `rows`/`cols` must equal lp's sizes.  The
 * model hash is stored, not checked (callers compare it with
 * cert_file_sha256 of the model they hold).  Errors: FK_EIO (cannot open),
 * FK_EPARSE with where = "path:line:col" for anything the format forbids,
 * FK_ENOMEM.  *out is NULL on failure; the caller frees it with
 * cert_free. */
fk_status cert_read(cert_data **out, const char *path, const lp_model *lp,
                    fk_err *err);

#endif
