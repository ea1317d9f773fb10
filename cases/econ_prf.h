/* econ_prf.h: appendix pieces the economic cases share (econ_prf.c), for
 * the prf_econ parts of proofs/prf_doc.h: a type space's belief table and
 * a "(profile; state)" label in math mode. */
#ifndef ECON_PRF_H
#define ECON_PRF_H

#include "econ.h"
#include "prf_doc.h"

/* sym_k(a, b) in math mode: sym with subscript k when k > 0, the user names
 * a and b (b may be NULL) joined by sep. */
void econ_prf_label(FILE *f, const prf_style *s, const char *sym_tex, const char *sym_md,
                    int k, const char *a, const char *b, const char *sep);

/* The beliefs pi_i(t_-i, theta | t_i) of ts as a table, a row per player
 * and type, listing the nonzero entries against the whole profile and
 * state; who(f, s, i, ctx) names player i (NULL: "player i+1"). */
void econ_prf_beliefs(FILE *f, const prf_style *s, const econ_tspace_struct *ts,
                      void (*who)(FILE *f, const prf_style *s, int i, const void *ctx),
                      const void *ctx);

#endif
