/* ms_prf.h: the economic parts of the Myerson-Satterthwaite appendices
 * (case_ms.c over the mechanism path, mech.c): the proposition with the
 * instance's grids and priors, the glossary of the IC, IR and ND rows,
 * and the information-rent reading of the feasibility LP's Farkas
 * certificate and of the subsidy LP's shadow prices (ms_prf.c). */
#ifndef MS_PRF_H
#define MS_PRF_H

#include "case.h"
#include "prf_doc.h"

/* Fill e to write in's parts (in must outlive the appendices); returns e.
 * Ex ante budget rows only (ND); the ex post variant (one ND row per
 * profile) gets the mechanism file's generic text (mech_prf.h). */
const prf_econ *ms_prf_econ(prf_econ *e, const case_ms_inst *in);

#endif
