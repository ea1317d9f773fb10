/* dyn.h: finite dynamic mechanisms (docs/dynamic.md, seeds/002).
 *
 * The model.  Agents i = 0..n-1, periods t = 0..T-1 (printed 1..T).  In
 * period t agent i has a private type k in a finite set whose members are
 * exact rationals (tv[i*T+t][k]).  Types follow independent Markov chains:
 * p[i*T+0][k] is the period-1 distribution, p[i*T+t][a * nt(i,t) + b] the
 * probability of type b at t given type a at t-1.  Every period all agents
 * report publicly; the public decision x_t is the first maximiser of the
 * reported total utility over the candidate set xc[t] (efficient plan),
 * computed exactly; since types do not depend on decisions this is the
 * efficient plan of the dynamic problem.  Agent i's period-t utility is
 *     u_{i,t}(x, th) = sum_k util[(i*T+t)*DYN_NTERM + k] * term_k(x, th)
 * with the terms th*x, x, x^2/th, x^2, th, 1 (th = i's current type).  An
 * agent's payoff is sum_t delta^t (u_{i,t} + psi_{i,t}), delta in (0, 1].
 *
 * Histories.  A type (or report) profile of period t is an index in mixed
 * radix over agents (agent 0 fastest); a history of length t (profiles of
 * periods 0..t-1) is h = h' + nhist[t-1] * p (earlier periods fastest),
 * nhist[0] = 1.  A history of length T is a joint type path.
 *
 * Transfers psi[t][i * nhist[t+1] + h] for h a history of length t+1
 * (fk_qarr arrays owned by dyn_transfers' caller via dyn_psi_free).
 *
 * Ownership: dyn_model is a value type with init/clear (clear is safe
 * after init and idempotent); it owns every array and name. */
#ifndef DYN_H
#define DYN_H

#include <gmp.h>
#include <stdio.h>

#include "econ.h"
#include "fk.h"

#define DYN_NTERM 6
#define DYN_MAX_HIST 200000L   /* histories of length T, per model */
/* Work of the efficient plan: sum over periods of agents x type profiles x
 * candidates, times w^2 for w the longest number's size in 64-bit words
 * (numerator + denominator); about a second. */
#define DYN_MAX_PLAN 4000000L

enum { DYN_AGV = 0, DYN_TEAM = 1, DYN_AS = 2 };

typedef struct {
    int n, T;
    char **aname;       /* n */
    int *nt;            /* nt[i*T+t] */
    char ***tname;      /* tname[i*T+t][k] (canonical exact string) */
    mpq_t **tv;         /* tv[i*T+t][k] */
    mpq_t **p;          /* see above */
    mpq_t *util;        /* n*T*DYN_NTERM */
    int *nx;            /* nx[t] */
    mpq_t **xc;         /* xc[t][c] */
    mpq_t delta;
    /* derived by dyn_prepare */
    long *nprof;        /* T */
    long *nhist;        /* T+1 */
    int **chi;          /* chi[t][profile]: candidate index */
    int live;           /* set by dyn_init, cleared by dyn_clear */
} dyn_model_struct;
typedef dyn_model_struct dyn_model[1];

void dyn_init(dyn_model m);
void dyn_clear(dyn_model m);

/* Read the .dyn format (docs/dynamic.md) from path, or from the string
 * text (then path only names it in messages).  Validates (probabilities
 * >= 0 summing to 1, defined types, x^2/th needs th != 0) and prepares
 * (dyn_prepare).  FK_EIO, FK_EPARSE with where = "path:line" (also past
 * DYN_MAX_HIST or DYN_MAX_PLAN). */
fk_status dyn_read(dyn_model m, const char *path, fk_err *err);
fk_status dyn_read_string(dyn_model m, const char *text, const char *path,
                          fk_err *err);

/* Computes nprof, nhist and the efficient plan chi (dyn_read calls it). */
fk_status dyn_prepare(dyn_model m, fk_err *err);

/* Profile helpers. */
int dyn_type_of(const dyn_model m, int t, long p, int i);
long dyn_prof_with(const dyn_model m, int t, long p, int i, int k);
/* Probability of profile p at t given profile q at t-1 (t = 0: q ignored),
 * over the agents other than skip (skip = -1: all agents). */
void dyn_prof_prob(mpq_t r, const dyn_model m, int t, long q, long p, int skip);
/* u_{i,t}(x, th) */
void dyn_util(mpq_t r, const dyn_model m, int i, int t, const mpq_t x,
              const mpq_t th);
/* The decision at history h of length t+1 (its last profile). */
mpq_srcptr dyn_decision(const dyn_model m, int t, long h);
/* "1,2;2,1": the profiles of history h of length len ("-" when len 0). */
const char *dyn_hist_str(const dyn_model m, int len, long h, char *buf,
                         size_t sz);

/* Transfers of a rule (DYN_AGV, DYN_TEAM, DYN_AS) into a new *psi. */
fk_status dyn_transfers(mpq_t ***psi, const dyn_model m, int rule, fk_err *err);
void dyn_psi_free(mpq_t **psi, const dyn_model m);
const char *dyn_rule_str(int rule);

/* Budget balance in every history: *bb = 1, or 0 with the first failing
 * period *bt, history *bh and surplus sum_i psi (deficit if negative). */
void dyn_budget(const dyn_model m, mpq_t **psi, int *bb, int *bt, long *bh,
                mpq_t sum);

/* Agent i's deviation problem (others truthful).  States of period t:
 * s = h * nt(i,t) + k (public history h of length t, own true type k).
 * reach[t][s]: reachable under some strategy of i.  vtr: value of truth
 * from s on; vopt: optimal value (backward induction); plan[t][s]: an
 * optimal report (truth when truth is optimal). */
typedef struct {
    int i;
    char **reach;       /* T */
    mpq_t **vtr, **vopt;/* T, size nhist[t] * nt(i,t) */
    int **plan;
    long *ns;           /* T */
    mpq_t W, Vopt;      /* ex ante truthful and optimal values */
    int live;           /* W, Vopt initialised */
} dyn_agent;

fk_status dyn_agent_solve(dyn_agent *a, const dyn_model m, mpq_t **psi, int i,
                          fk_err *err);
void dyn_agent_free(dyn_agent *a, const dyn_model m);
/* Q(t, s, r): expected payoff of reporting r at state s with continuation
 * values v (vtr or vopt of period t+1). */
void dyn_q(mpq_t r, const dyn_model m, mpq_t **psi, const dyn_agent *a, int t,
           long s, int rep, mpq_t *const vnext);

/* The deviator's MDP as an LP, written, solved and certified (econ.h):
 * columns V[t:hist|k] (free) for reachable states, rows
 * BELL[t:hist|k>r]  V_t(s) - delta E V_{t+1} >= E[u + psi]  and
 * VAL  sum_k P(k) V_1(k) <= W, objective min sum_k P(k) V_1(k).
 * Optimal (value W): IC, the primal is the value functions and the duals on
 * BELL the occupation measure of truth.  Infeasible: the Farkas
 * multipliers on BELL are the occupation measure of a deviation whose gain
 * over W is b(y)/y_VAL.  *ic = 1 / 0; gain (initialised) gets the LP's
 * gain (0 when IC); ymass, if not NULL, receives a new array of the
 * Farkas multipliers by state and report ([t][s * nt + r]), NULL if IC. */
fk_status dyn_agent_lp(econ_out *o, const dyn_model m, mpq_t **psi,
                       const dyn_agent *a, const char *name, int *ic,
                       mpq_t gain, mpq_t ***ymass, fk_err *err);
void dyn_ymass_free(mpq_t **y, const dyn_model m, const dyn_agent *a);

#endif
