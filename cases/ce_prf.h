/* ce_prf.h: the economic parts of the Chung-Ely appendices (case_ce.c
 * over the mechanism path).  Both LPs get the mechanism file's proposition,
 * glossary and binding-constraint table (mech_prf.h); the ex post LP (P)
 * adds Chung and Ely's worst-case beliefs read off its multipliers:
 *   W_i(v) = lambda IRX[i:v] + sum_{w != v_i} lambda DIC[i:v_i->w; v]
 *   pi*_i(v_-i | v_i) = W_i(v) / sum_{v'_-i} W_i(v_i, v'_-i)
 * (a value v_i whose rows carry no multiplier keeps its prior conditional,
 * as case_ce.c does), every number from the certificate as read back. */
#ifndef CE_PRF_H
#define CE_PRF_H

#include "mech.h"
#include "prf_doc.h"

typedef struct {
    prf_econ mech;                 /* the mechanism file's parts, wrapped */
    const mech_model_struct *m;    /* the LP's mechanism file, as read */
    int beliefs;                   /* 1 for (P): add the worst-case beliefs */
} ce_prf;

/* Fill e (using c, which must outlive the appendices) for m; returns e. */
const prf_econ *ce_prf_econ(prf_econ *e, ce_prf *c, const mech_model_struct *m, int beliefs);

#endif
