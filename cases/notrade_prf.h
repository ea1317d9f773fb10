/* notrade_prf.h: the economic parts of the no-trade appendices (Morris
 * 1994): the proposition with the type space, the glossary of the trade
 * LP's families, and the noisy-concordance reading (pi, lambda, mu) of
 * its Farkas certificate or the trade of its point (notrade_prf.c). */
#ifndef NOTRADE_PRF_H
#define NOTRADE_PRF_H

#include "econ.h"
#include "econ_prf.h"

typedef struct {
    const econ_tspace_struct *ts;
    const econ_trade *tr;   /* row and column indices of the LP */
    long norm;              /* the NORM row */
    int ic;                 /* the LP has the IC rows */
    mpq_srcptr p, q;        /* Brooks' example: its parameters; NULL otherwise */
} notrade_prf;

/* Fill e to write c's parts (c must outlive the appendix); returns e. */
const prf_econ *notrade_prf_econ(prf_econ *e, const notrade_prf *c);

#endif
