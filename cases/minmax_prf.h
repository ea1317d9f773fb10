/* minmax_prf.h: the economic parts of the minmax / maxmin appendices
 * (case_minmax.c): the proposition with the punished player's payoff
 * table, the glossary of the two LPs' rows, and the reading of the
 * certificate as two mixtures that certify each other: the player's
 * guarantee (maxmin) and the others' punishment (minmax), each re-checked
 * here against the payoff table (minmax_prf.c). */
#ifndef MINMAX_PRF_H
#define MINMAX_PRF_H

#include "econ.h"
#include "prf_doc.h"

/* One LP of case_minmax_player for player i of g.
 *   corr = 0, LP "maxmin" (max v):  strat[k] = column x[k] (i's mixture),
 *                                   prof[s]  = row GUAR[s];
 *   corr = 1, LP "minmax" (min w):  strat[k] = row BR[k],
 *                                   prof[s]  = column z[s] (the punishment);
 * prof[s] is -1 for profiles s whose s_i != 0 (the others' profiles are
 * the profiles with s_i = 0).  The arrays must outlive the appendix. */
typedef struct {
    const econ_game_struct *g;
    int i;
    int corr;
    const long *strat;
    const long *prof;
} minmax_prf;

/* Fill e to write c's parts (c must outlive the appendix); returns e. */
const prf_econ *minmax_prf_econ(prf_econ *e, const minmax_prf *c);

#endif
