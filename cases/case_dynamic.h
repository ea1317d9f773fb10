/* case_dynamic.h: `farkas case dynamic` (case_dynamic.c, docs/dynamic.md). */
#ifndef CASE_DYNAMIC_H
#define CASE_DYNAMIC_H

#include "dyn.h"
#include "econ.h"

#define CASE_DYN_MAXN 16
#define CASE_DYN_RULES 3   /* DYN_AGV, DYN_TEAM, DYN_AS */

/* Verdicts per rule r and agent i (initialised by case_dyn_res_init). */
typedef struct {
    int n;
    int bb[CASE_DYN_RULES];               /* budget balanced in every history */
    int bic[CASE_DYN_RULES];              /* every agent IC (LP verdicts) */
    int ic[CASE_DYN_RULES][CASE_DYN_MAXN];/* LP verdict per agent */
    int agree;                            /* LP and backward induction agree everywhere */
    mpq_t W[CASE_DYN_RULES][CASE_DYN_MAXN];      /* truthful ex ante value */
    mpq_t gain[CASE_DYN_RULES][CASE_DYN_MAXN];   /* best deviation gain (backward induction) */
    mpq_t lpgain[CASE_DYN_RULES][CASE_DYN_MAXN]; /* gain of the certificate's deviation */
    mpq_t bbsum[CASE_DYN_RULES];          /* sum_i psi at the first unbalanced history */
} case_dyn_res;

void case_dyn_res_init(case_dyn_res *r);
void case_dyn_res_clear(case_dyn_res *r);

/* The built-in example NAME ("seed2", "seed3", "three") into m. */
fk_status case_dyn_example(dyn_model m, const char *name, fk_err *err);

/* Run the three rules on m; LPs are written as OUTDIR/NAME-RULE-AGENT. */
fk_status case_dyn_run(econ_out *o, const dyn_model m, const char *name,
                       case_dyn_res *r, fk_err *err);

/* `farkas case dynamic [FILE | --example seed2|seed3|three]` */
fk_status case_dynamic(econ_out *o, int argc, char **argv, fk_err *err);

#endif
