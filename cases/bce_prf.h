/* bce_prf.h: the economic parts of the Bayes-correlated-equilibrium
 * appendices (case_bce.c): the proposition with the base game, prior and
 * objective, the glossary of the martingale and obedience rows, and the
 * reading of the optimality certificate as state values and obedience
 * shadow prices (bce_prf.c). */
#ifndef BCE_PRF_H
#define BCE_PRF_H

#include "econ.h"
#include "prf_doc.h"

/* Fill e to write the parts for base game b (b must outlive the
 * appendix); returns e.  The LP is case_bce.c's, found by its layout:
 * column pi(s, theta) at s * S + theta, MART[theta] at row theta, then the
 * OB rows in econ_dev order; every name is checked against that layout
 * (a mismatch refuses the appendix). */
const prf_econ *bce_prf_econ(prf_econ *e, const econ_bgame_struct *b);

#endif
