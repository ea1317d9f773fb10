/* mech_prf.h: the economic parts of the appendix of a mechanism file's LP
 * (`farkas model FILE.mech --appendix`; mech.c): the proposition built from
 * the file (agents, types, beliefs, outcomes, values, the constraint
 * families asked for and the question), a glossary of the LP's row
 * families in words, and the reading of the certificate: the binding
 * constraints with their multipliers, or the constraints a Farkas
 * certificate combines (mech_prf.c).  Built-in cases that go through the
 * mechanism path with a text of their own (Myerson-Satterthwaite,
 * Chung-Ely) set o->econ themselves. */
#ifndef MECH_PRF_H
#define MECH_PRF_H

#include "mech.h"
#include "prf_doc.h"

/* Fill e to write the parts for m (m must outlive the appendices; the LP of
 * objective k is recognised by its name NAME-LABEL); returns e. */
const prf_econ *mech_prf_econ(prf_econ *e, const mech_model_struct *m);

#endif
