/* prf.h: proofs and exports built from a certificate and its model.
 *
 * Each exporter reads a model (lp.h, finalized) and a certificate
 * (certify/cert.h, read against that model) and writes one file,
 * atomically (exact/model/afile.h): all of it or nothing.  Exporters trust
 * neither input to be right: they restate the certificate's claim in the
 * target language so that an outside tool can re-derive the verdict.
 *
 * The CLI entry `farkas proof MODEL CERT --FORMAT OUT ...` lives here too;
 * each format is one row of a table in proof.c, so adding --latex,
 * --markdown or --coq is one function and one row. */
#ifndef PRF_H
#define PRF_H

#include "cert.h"
#include "fk.h"
#include "lp.h"

/* SMT-LIB 2 (QF_LRA), checked by any SMT solver, e.g. `z3 OUT.smt2`.
 * Columns become Real constants named |NAME| with NAME percent-encoded
 * (bytes '%', '|', '\', <= 0x20 and >= 0x7f as %XX), so every name is a
 * harmless, distinct quoted symbol.  Every row and bound is asserted with
 * exact rationals ((/ p q), (- ...)).  The file's header line
 * `; expect: ...` lists the answers its (check-sat) commands must give,
 * in order:
 *   infeasible  "unsat"      the constraints alone
 *   optimal     "unsat sat"  (a) constraints and c^T x + c0 better than the
 *                                certified objective v (min: < v, max: > v);
 *                            (b) constraints, x_j fixed to the certificate,
 *                                and c^T x + c0 = v
 *   unbounded   "sat sat"    (a) constraints and x fixed to the certificate;
 *                            (b) the ray conditions (rows and bounds made
 *                                homogeneous), the ray fixed to the
 *                                certificate, and c'^T r < 0
 *   feasible    "sat"        constraints and x fixed to the certificate
 * FK_EINVAL if lp is not finalized or c does not fit lp; FK_EIO on write
 * errors (nothing is left at path). */
fk_status prf_export_smt(const char *path, const lp_model *lp,
                         const cert_data *c, fk_err *err);

/* `farkas proof MODEL CERT --smt OUT [--smt OUT2 ...]` (argv[0] is
 * "proof").  Refuses (exit 2) a certificate whose model-sha256 or sense
 * does not match MODEL.  It does not verify the certificate: that is
 * `farkas check`.  Returns the exit code: 0 written, 2 usage or bad input
 * (messages "where: msg" on stderr). */
int prf_cmd_proof(int argc, char **argv);

#endif
