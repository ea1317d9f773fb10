/* econ.h: the small modelling layer under the theorem cases.
 *
 * Three things live here, all exact (mpq):
 *
 * 1. Finite type spaces (econ_tspace).  Players i = 0..n-1 (printed 1..n),
 *    a finite type set T_i per player, a finite state set Theta.  A type
 *    profile t is an index 0..nprof-1 in mixed radix with player 0 the
 *    fastest digit.  Player i's belief pi_i(t_-i, theta | t_i) is stored
 *    against the full profile: bel[i][t * nstates + theta] is the belief of
 *    i's type in profile t (t_i = econ_type_of(ts, t, i)) that the others
 *    have t_-i and the state is theta.  Each type's beliefs sum to 1.
 *
 * 2. Finite games in normal form (econ_game): n players, nstrat[i] pure
 *    strategies, payoff u[i][s] for the pure profile s (mixed radix, player
 *    0 fastest, which is also Gambit's .nfg order).
 *
 * 3. A named-LP builder and the output step every case shares.  Names are
 *    formatted printf-style and must be free MPS tokens: no white space,
 *    no '%', at most LPIO_MAX_NAME characters (checked: FK_EINVAL).  The
 *    output step writes the model to OUTDIR/NAME.mps (lp_write_mps), the
 *    certificate to OUTDIR/NAME.cert (cert_write or cert_write_feasible),
 *    and runs the independent checker (chk_files) on the written files,
 *    so every certificate a case reports was accepted against the model
 *    file, not against the in-memory model.
 *
 * Ownership: econ_tspace and econ_game are value types with init/clear
 * (clear is safe after init and idempotent).  Names are copied. */
#ifndef ECON_H
#define ECON_H

#include <gmp.h>
#include <stdio.h>

#include "fk.h"
#include "lp.h"
#include "answer.h"

/* ---- type spaces ------------------------------------------------------ */

typedef struct {
    int n;            /* players */
    int nstates;
    char **state;     /* nstates names */
    int *ntypes;      /* n */
    char ***type;     /* type[i][k] */
    long nprof;       /* prod ntypes */
    mpq_t **bel;      /* bel[i][t * nstates + theta] */
} econ_tspace_struct;
typedef econ_tspace_struct econ_tspace[1];

void econ_tspace_init(econ_tspace ts);
void econ_tspace_clear(econ_tspace ts);

/* Set the shape (clears any old content); all beliefs 0.  Names are
 * copied; NULL name arrays give the names "s0.." and "t0..".  FK_ELIMIT if
 * the number of profiles times states exceeds ECON_MAX_CELLS. */
#define ECON_MAX_CELLS 1000000L
fk_status econ_tspace_shape(econ_tspace ts, int n, const int *ntypes,
                            int nstates, char *const *const *type_names,
                            char *const *state_names, fk_err *err);

int econ_type_of(const econ_tspace ts, long t, int i);     /* t_i */
long econ_prof_with(const econ_tspace ts, long t, int i, int ti); /* (ti, t_-i) */

/* Check that every type's beliefs are >= 0 and sum to 1.  FK_EINVAL naming
 * the first bad type otherwise. */
fk_status econ_tspace_validate(const econ_tspace ts, fk_err *err);

/* "a,t0" : the profile's type names joined by ','.  buf of size len. */
const char *econ_prof_str(const econ_tspace ts, long t, char *buf, size_t len);

/* Brooks' two-state example: states 0 and 1, player 1 has one type "a",
 * player 2 has types "0" and "1" (his signal).  Player 1 believes the
 * state is 0 or 1 with probability 1/2 each and player 2's signal correct
 * with probability p; player 2 believes his signal correct with
 * probability q.  p, q in [0, 1] (FK_EINVAL otherwise). */
fk_status econ_tspace_brooks(econ_tspace ts, const mpq_t p, const mpq_t q,
                             fk_err *err);

/* Read the type-space format of docs/cases.md.  FK_EIO, or FK_EPARSE with
 * where = "path:line" and a message. */
fk_status econ_tspace_read(econ_tspace ts, const char *path, fk_err *err);

/* ---- normal-form games ------------------------------------------------ */

typedef struct {
    int n;
    int *nstrat;      /* n */
    char ***sname;    /* sname[i][k] strategy names */
    char **pname;     /* player names */
    long nprof;
    mpq_t **u;        /* u[i][s] */
} econ_game_struct;
typedef econ_game_struct econ_game[1];

void econ_game_init(econ_game g);
void econ_game_clear(econ_game g);
/* Shape with default names ("1", "2", ... and "s1", "s2", ...); payoffs 0. */
fk_status econ_game_shape(econ_game g, int n, const int *nstrat, fk_err *err);
int econ_strat_of(const econ_game g, long s, int i);
long econ_strat_with(const econ_game g, long s, int i, int si);
/* "C,D": the strategy names of profile s joined by ',', player skip left
 * out (-1: none).  buf of size len; returns buf. */
const char *econ_game_prof_str(const econ_game g, long s, int skip, char *buf, size_t len);

/* Gambit .nfg, outcome or payoff version (docs/cases.md). */
fk_status econ_game_read_nfg(econ_game g, const char *path, fk_err *err);

/* ---- base games with a state and a prior (information design) ------- */

/* A finite base game G = (N, (A_i), Theta, mu0, (u_i)) plus a designer's
 * objective v(a, theta).  Actions live in g (names, mixed radix; g->u is
 * unused and stays 0); payoffs u[i][s * nstates + theta], objective
 * obj[s * nstates + theta] (default: the sum of the players' payoffs). */
typedef struct {
    econ_game g;
    int nstates;
    char **state;     /* nstates names */
    mpq_t *prior;     /* nstates, >= 0, sum 1 */
    mpq_t **u;        /* n x (nprof * nstates) */
    mpq_t *obj;       /* nprof * nstates */
    int has_obj;      /* 1 if the objective was given */
} econ_bgame_struct;
typedef econ_bgame_struct econ_bgame[1];

void econ_bgame_init(econ_bgame b);
void econ_bgame_clear(econ_bgame b);
/* Shape with default action names; all payoffs 0, prior uniform.  Names
 * may be NULL (then "1", "2", .. for states).  FK_ELIMIT, before any
 * allocation, if (n + 1) x action profiles x states exceeds ECON_MAX_CELLS. */
fk_status econ_bgame_shape(econ_bgame b, int n, const int *nact, int nstates,
                           char *const *state_names, fk_err *err);
/* The base-game format of docs/cases.md (.bce).  FK_EIO, or FK_EPARSE with
 * where = "path:line". */
fk_status econ_bgame_read(econ_bgame b, const char *path, fk_err *err);

/* ---- named LP builder ------------------------------------------------- */

/* Append a row / column named by fmt.  Rows are free and columns [0, inf)
 * until bounds are set (lp.h). */
fk_status econ_row(lp_model *lp, long *idx, fk_err *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
fk_status econ_col(lp_model *lp, long *idx, fk_err *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* Bounds with small integers, for readability at the call site. */
void econ_row_ge(lp_model *lp, long i, long v);  /* row >= v */
void econ_row_le(lp_model *lp, long i, long v);  /* row <= v */
void econ_row_eq(lp_model *lp, long i, long v);
void econ_col_free(lp_model *lp, long j);

/* ---- deviation families --------------------------------------------- */

/* Incentive rows come in families "agent i, true type a, report b != a"
 * (IC, BIC, DIC, obedience, ...).  Their row names and their order are in
 * the certificates and golden files, so every family walks the deviations
 * in one order: i ascending, then a, then b, with b == a left out.
 * econ_dev is that walk:
 *     econ_dev d;
 *     for (econ_dev_start(&d, n, ntypes); econ_dev_ok(&d); econ_dev_next(&d))
 *         ... d.i, d.a, d.b ...
 * (ntypes[i] types for agent i; the array must outlive the walk).  Where
 * the true type comes from an outer loop (a profile, a history), the
 * reports of one type a among nt alone:
 *     for (econ_dev_reports(&d, a, nt); econ_dev_ok(&d); econ_dev_next(&d))
 *         ... d.b ...
 * (d.i is 0 there; an a outside 0..nt-1 gives every b, as for an IR row
 * written in the same loop as its IC rows). */
typedef struct {
    int i, a, b;      /* the current deviation */
    int n;            /* agents; i == n when the walk is over */
    const int *nt;    /* nt[i]: types of agent i */
    int one;          /* 1: only the reports of one (i, a) */
    int nt1;          /* the count for econ_dev_reports */
} econ_dev;

void econ_dev_start(econ_dev *d, int n, const int *ntypes);
void econ_dev_reports(econ_dev *d, int a, int nt);
int econ_dev_ok(const econ_dev *d);
void econ_dev_next(econ_dev *d);

/* ---- families of the no-trade LP ------------------------------------- */

/* Trade columns gamma_i(t, theta), free: col[i][t * nstates + theta],
 * named g[i:t;theta] (e.g. g[2:a,1;0]).  The families:
 *   FEAS[t;theta]    sum_i gamma_i(t, theta) <= 0
 *   ACC[i:ti]        sum_{t_-i,theta} pi_i(t_-i,theta|ti) gamma_i(ti,t_-i,theta) >= 0
 *   IC[i:ti->ti']    sum pi_i(.|ti) [gamma_i(ti,.) - gamma_i(ti',.)] >= 0
 * Row indices are stored in the struct so a case can read multipliers. */
typedef struct {
    long **col;       /* [i][t*S+theta] */
    long *feas;       /* [t*S+theta] */
    long **acc;       /* [i][ti] */
    long ***ic;       /* [i][ti][ti'] (-1 on the diagonal or without IC) */
    int n;
} econ_trade;

fk_status econ_trade_cols(econ_trade *tr, lp_model *lp, const econ_tspace ts,
                          fk_err *err);
fk_status econ_trade_feas(econ_trade *tr, lp_model *lp, const econ_tspace ts,
                          fk_err *err);
fk_status econ_trade_acc(econ_trade *tr, lp_model *lp, const econ_tspace ts,
                         fk_err *err);
fk_status econ_trade_ic(econ_trade *tr, lp_model *lp, const econ_tspace ts,
                        fk_err *err);
void econ_trade_free(econ_trade *tr, const econ_tspace ts);
/* u = U_i(a) = sum_{t: t_i = a, theta} pi_i(t_-i, theta | a) x[col[i][t * S + theta]]:
 * the interim gain of player i's type a from the trade whose columns hold
 * the values x (an LP point: solver answer or certificate). */
void econ_trade_gain(mpq_t u, const econ_tspace ts, const econ_trade *tr, int i, int a,
                     mpq_t *const x);

/* ---- output ------------------------------------------------------------ */

struct prf_econ;

typedef struct {
    const char *outdir;
    int quiet;        /* 1: fewer details; 2: only failures (tests) */
    int ncert;        /* certificates written */
    int nbad;         /* certificates the checker did not accept */
    /* When set (farkas case --over, cases/case_over.c), econ_solve_certify
     * only solves and hands each finalized LP to capture: no files, no
     * checker.  A nonzero return is FK_ENOMEM. */
    int (*capture)(void *ctx, const lp_model *lp);
    void *capture_ctx;
    /* --appendix: after the checker accepts a certificate, write the proof
     * appendix OUTDIR/NAME.tex and NAME.md from the certificate as read
     * back from its file (proofs/prf_doc.h), with the economic parts in
     * econ when the case set them.  econ applies to the next certificate
     * only: the output step resets it, so a case hooks in with one line
     * before its econ_solve_certify. */
    int appendix;
    const struct prf_econ *econ;
} econ_out;

/* mkdir -p for o->outdir. */
fk_status econ_out_dir(econ_out *o, fk_err *err);

/* Write lp (finalized here) to OUTDIR/name.mps, solve it with solve_lp
 * into res (initialised by the caller), write OUTDIR/name.cert and check
 * it with chk_files.  A solver outcome other than optimal / infeasible /
 * unbounded is FK_ELIMIT.  A checker rejection is not an error: it is
 * counted in o->nbad and printed. */
fk_status econ_solve_certify(econ_out *o, lp_model *lp, const char *name,
                             lp_answer *res, fk_err *err);

/* Same, but for a point x found by the case itself (a finite enumeration):
 * writes a `feasible` certificate for x; no solve. */
fk_status econ_point_certify(econ_out *o, lp_model *lp, const char *name,
                             mpq_t *const x, fk_err *err);

/* Parse a comma-separated list of exact numbers ("0,1/5,0.4") into a new
 * array *out of *n entries (free with fk_qarr_free).  what names the list
 * in the FK_EINVAL message. */
fk_status econ_qlist_parse(const char *s, const char *what, mpq_t **out,
                           int *n, fk_err *err);
/* Prior list: NULL means uniform over n; otherwise parse, require n
 * entries >= 0 summing to 1 (FK_EINVAL). */
fk_status econ_prior_parse(const char *s, const char *what, int n,
                           mpq_t **out, fk_err *err);

/* Print "label  p/q" with the value exact (and a decimal when not an
 * integer). */
void econ_print_q(FILE *f, const char *label, const mpq_t v);
/* A newly malloc'ed exact string for v ("?" on failure, never NULL). */
char *econ_qstr(const mpq_t v);
/* pre, v as econ_qstr spells it, post: a number written into a model or
 * mechanism file */
void econ_fput_q(FILE *f, const char *pre, const mpq_t v, const char *post);

#endif
