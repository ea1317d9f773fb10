/* mech.h: finite Bayesian mechanism design problems read from a text file
 * (docs/mechanism-files.md), built into LPs with named rows and solved
 * exactly with a checked certificate per LP (`farkas model FILE.mech`).
 *
 * The model.  Agents i = 0..n-1 with finite type sets T_i; type profiles
 * t in mixed radix (agent 0 fastest, econ.h); an optional finite state set
 * Theta (one unnamed state when the file declares none).  Beliefs are held
 * as in econ.h: bel[i][t * S + theta] = pi_i(t_-i, theta | t_i); when the
 * file gives a common prior (independent marginals or a joint table) it is
 * kept in prior[t * S + theta] and the beliefs are its conditionals, unless
 * the file also gives belief lines: then those are the agents' beliefs (for
 * BIC, interim IR, U) and the prior is the designer's (expected values).
 *
 * Decisions per reported profile r: ndec components d_j(r), either the
 * probabilities of the alternatives (sum 1) or, with a good, the agents'
 * probabilities of getting it (each in [0, 1], sum <= supply).  Agent i
 * of true type profile t in state theta, when r is reported, gets
 *     u_i = sum_j w_i,j(t, theta) d_j(r) - pay_i(r [, theta])
 * with w = val[i][(t * S + theta) * ndec + j] (for a good, only j = i).
 * Payments are paid BY the agent (revenue = E sum_i pay_i).
 *
 * Ownership: mech_model has init/clear (clear is idempotent and safe after
 * init; after clear the model is empty and needs init before reuse, which
 * mech_read does itself); every array and name belongs to the model. */
#ifndef MECH_H
#define MECH_H

#include <gmp.h>

#include "econ.h"
#include "fk.h"

/* Size limits, checked before anything of that size is allocated. */
#define MECH_MAX_AGENTS 16
#define MECH_MAX_TYPES 1000       /* per agent */
#define MECH_MAX_ALTS 1000
#define MECH_MAX_PROFILES 200000L /* types^agents */
#define MECH_MAX_NAME 24          /* characters of a user name */
#define MECH_MAX_LPS 16           /* objective lines */
#define MECH_MAX_VARS 1000        /* variable lines */
#define MECH_MAX_PAYX 100000      /* pay lines with an expression */

enum { MECH_BEL_NONE = 0, MECH_BEL_INDEP, MECH_BEL_JOINT, MECH_BEL_TYPES };
enum { MECH_ALTS = 0, MECH_GOOD = 1 };
enum { MECH_ALLOC_FREE = 0, MECH_ALLOC_FIXED, MECH_ALLOC_EFFICIENT };
enum { MECH_TIE_FIRST = 0, MECH_TIE_LAST, MECH_TIE_UNIFORM, MECH_TIE_DESIGNER };
enum { MECH_PAY_FREE = 0, MECH_PAY_BOUNDED, MECH_PAY_FIXED, MECH_PAY_ZERO };

/* constraint families (bits of mech_model.req) */
#define MECH_BIC 0x01u  /* IC[i:ti->ti']         Bayesian IC with the file's beliefs */
#define MECH_DIC 0x02u  /* DIC[i:ti->ti';t]      dominant strategy / ex post IC */
#define MECH_IRI 0x04u  /* IR[i:ti]              interim IR */
#define MECH_IRX 0x08u  /* IRX[i:t]              ex post IR */
#define MECH_BBA 0x10u  /* BB                    ex ante budget balance */
#define MECH_BBX 0x20u  /* BB[t]                 ex post budget balance */
#define MECH_NDA 0x40u  /* ND                    no expected deficit */
#define MECH_NDX 0x80u  /* ND[t]                 no deficit in any profile */

/* A quantity of a linear expression. */
enum { MECH_Q_CONST = 0, MECH_Q_U, MECH_Q_PAY, MECH_Q_DEC, MECH_Q_REV, MECH_Q_WEL, MECH_Q_SUB,
       MECH_Q_VAR };

typedef struct {
    int kind;         /* MECH_Q_* */
    int a;            /* agent (U, PAY), decision component (DEC) or variable (VAR) */
    int ti, rep;      /* type and report (U; rep == ti: truthful) */
    long r;           /* profile (PAY, DEC) */
    int th;           /* state (PAY with contingent payments) */
    mpq_t coef;
} mech_term;

typedef struct {
    int nterm;
    mech_term *term;
} mech_expr;

typedef struct {
    char *name;
    mech_expr e;
    int rel;          /* -1 <=, 0 =, 1 >= */
    mpq_t rhs;
    long line;        /* for messages */
} mech_cons;

/* A declared decision variable (`variable NAME LO HI`): one LP column of
 * that name, for quantities such as anonymous prices that the payments are
 * written in. */
typedef struct {
    char *name;
    mpq_t lo, hi;
    int lo_fin, hi_fin; /* 0: -inf / +inf */
} mech_var;

typedef struct {
    char *label;      /* LP name suffix */
    int feas;         /* 1: feasibility only */
    int sense;        /* LP_MIN / LP_MAX */
    int what;         /* MECH_Q_REV, MECH_Q_WEL, MECH_Q_SUB or MECH_Q_CONST (expression) */
    mech_expr e;
} mech_obj;

typedef struct {
    char *name;
    int n;
    char **agent;
    econ_tspace ts;   /* types, states (one "-" if none declared), beliefs */
    int has_states;
    int bel_kind;
    mpq_t *prior;     /* nprof * S, or NULL without a common prior */
    int mode;         /* MECH_ALTS / MECH_GOOD */
    int nalt;
    char **alt;
    mpq_t supply;
    int ndec;         /* nalt or n */
    mpq_t **val;      /* [i][(t * S + theta) * ndec + j] */
    int alloc, tie;
    mpq_t *fixed;     /* nprof * ndec (MECH_ALLOC_FIXED) */
    int pay_contingent, pay_kind;
    mpq_t pay_lo, pay_hi;
    int pay_lo_fin, pay_hi_fin; /* 0: -inf / +inf */
    mpq_t *payfix;    /* [i * npay + k], npay = nprof (* S if contingent) */
    int *payx;        /* NULL, or [i * npay + k]: -1 (payfix) or an index into paye: a
                       * payment written as an expression in the variables */
    mech_expr *paye;
    int npaye;
    int nvar;
    mech_var *var;
    unsigned req;
    mpq_t ir_margin;
    int ncons;
    mech_cons *cons;
    int nobj;
    mech_obj obj[MECH_MAX_LPS];
    int live;         /* 1 between init and clear */
} mech_model_struct;
typedef mech_model_struct mech_model[1];

void mech_init(mech_model m);
void mech_clear(mech_model m);

/* Read the file.  FK_EIO, or FK_EPARSE / FK_ELIMIT with where =
 * "path:line:col". */
fk_status mech_read(mech_model m, const char *path, fk_err *err);
/* The same from an open stream (not closed here); path names it in
 * messages. */
fk_status mech_read_stream(mech_model m, FILE *f, const char *path, fk_err *err);

/* Payment index of (r, theta): r without contingent payments. */
long mech_pay_index(const mech_model m, long r, int th);

/* What one row of a mechanism LP is: its family and the indices that
 * name it (-1 where the family has none).  A case that reads the duals in
 * economic terms (Chung-Ely's pi* from the multipliers of (P)) finds its
 * rows here instead of parsing row names.
 *   SUM, SUPPLY     prof = the reported profile
 *   IC              agent, type = true type, dev = the report
 *   DIC             agent, type, dev, prof = the true profile, state
 *   IRI             agent, type
 *   IRX             agent, type, prof = the true profile, state
 *   BB, ND          (ex ante) nothing
 *   BBX, NDX        prof, state (with contingent payments; else -1)
 *   SIDE            cons = index into mech_model.cons */
enum { MECH_ROW_SUM = 0, MECH_ROW_SUPPLY, MECH_ROW_IC, MECH_ROW_DIC, MECH_ROW_IRI, MECH_ROW_IRX,
       MECH_ROW_BB, MECH_ROW_BBX, MECH_ROW_ND, MECH_ROW_NDX, MECH_ROW_SIDE };

typedef struct {
    int fam;          /* MECH_ROW_* */
    int agent, type, dev, state, cons;
    long prof;
} mech_row;

/* One solved LP. */
typedef struct {
    char label[64];
    int feas, sense;
    lp_status status;
    mpq_t value;      /* objective value (OPTIMAL) */
    /* Filled by mech_solve_keep only (else NULL / 0).  For OPTIMAL and
     * INFEASIBLE: row[k] says what LP row k is, lam[k] its multiplier as
     * mech_shadow reads it (>= 0 on an inequality row, the Farkas weights
     * when INFEASIBLE).  For OPTIMAL: the mechanism, dec[r * ndec + j]
     * (outcome component j at reported profile r < nprof, fixed parts
     * included) and pay[i * npay + mech_pay_index(r, th)] (the payment of
     * agent i < nagent). */
    long nrow, nprof, ndec, npay;
    int nagent, nvar;
    mech_row *row;
    mpq_t *lam, *dec, *pay, *var;  /* var: the declared variables' values (OPTIMAL) */
} mech_result;

/* Build, solve and certify every objective's LP (OUTDIR/NAME-LABEL.mps and
 * .cert, checked); print the economic report (text, or JSON with json)
 * unless o->quiet > 1.  res (NULL or m->nobj entries, left initialised by
 * this call: clear with mech_results_clear) receives the verdicts. */
fk_status mech_solve(econ_out *o, const mech_model m, int json, mech_result *res,
                     fk_err *err);
/* mech_solve that also keeps, in res, each LP's row map, multipliers and
 * mechanism (the fields above); report 0 leaves the report to the caller
 * (the certificate lines are printed as o->quiet says). */
fk_status mech_solve_keep(econ_out *o, const mech_model m, int report, mech_result *res,
                          fk_err *err);
void mech_results_clear(mech_result *res, int k);

/* Read the mechanism file PATH and solve it as mech_solve does (report
 * included): the way a built-in case that wrote its instance as a file
 * solves it.  *ok = 1 if the file's first LP is feasible (OPTIMAL) and
 * every certificate written was accepted by the checker. */
fk_status mech_solve_file(econ_out *o, const char *path, int *ok, fk_err *err);

/* The multiplier an economist reads for row i of lp given the answer's y
 * (the certificate's convention, minimisation of sense * c): the loss of
 * the designer's objective per unit of tightening the row as written, so a
 * binding >= or <= constraint gets a value >= 0 whether the problem is a
 * min or a max; an equality row reports the loss from raising its
 * right-hand side (sign free). */
void mech_shadow(mpq_t lam, const lp_model *lp, long i, const mpq_t y);

/* `farkas model FILE.mech [--out DIR] [--quiet] [--json]`; argv[0] is
 * "model".  Exit code 0 / 1 / 2 as in farkas.c. */
int mech_cmd(int argc, char **argv);

#endif
