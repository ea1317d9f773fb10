/* case.h: the theorem cases and their registry (`farkas case ...`).
 *
 * A case builds LPs from primitive economic data (econ.h), solves them
 * exactly, writes model and certificate files to an output directory and
 * has the independent checker accept them, then prints a verdict table.
 * Each case function takes the arguments after its name (options already
 * stripped of --out/--quiet) and returns FK_OK when it reached a verdict;
 * bad parameters or input files are FK_EINVAL / FK_EPARSE (exit 2).  A
 * certificate the checker rejects is counted in o->nbad (exit 1). */
#ifndef CASE_H
#define CASE_H

#include "econ.h"
#include "fk.h"

/* `farkas case NAME [args] [--out DIR] [--quiet]` and `farkas case list`;
 * argv[0] is "case".  Exit code 0 / 1 / 2 as in farkas.c. */
int case_cmd(int argc, char **argv);

typedef fk_status (*case_fn)(econ_out *o, int argc, char **argv, fk_err *err);

typedef struct {
    const char *name;
    case_fn run;
    const char *args;   /* usage of the arguments */
    const char *claim;  /* the statement verified, one line */
} case_entry;

extern const case_entry case_table[];
extern const int case_count;

/* ---- notrade / concordance (case_notrade.c) -------------------------- */

/* Decide whether a feasible, acceptable (and, if ic, incentive compatible)
 * trade exists on ts: *trade = 1 or 0.  The LP is written as
 * OUTDIR/name.mps with its certificate; a table of the trade or of the
 * dual multipliers goes to stdout unless o->quiet > 1. */
fk_status case_notrade_decide(econ_out *o, const econ_tspace ts, int ic,
                              const char *name, int *trade, fk_err *err);

/* Decide noisy concordance (ic) or a common prior (!ic) directly:
 * *concordant = 1 or 0 (then the Farkas certificate is a trade). */
fk_status case_concordance_decide(econ_out *o, const econ_tspace ts, int ic,
                                  const char *name, int *concordant,
                                  fk_err *err);

fk_status case_notrade(econ_out *o, int argc, char **argv, fk_err *err);
fk_status case_concordance(econ_out *o, int argc, char **argv, fk_err *err);

/* ---- minmax (case_minmax.c) ------------------------------------------ */

/* Per player i of g, exact values:
 *   pure_minmax   min over others' pure profiles of i's best pure reply
 *   pure_maxmin   max over i's pure strategies of the worst others' profile
 *   mixed_maxmin  max over i's mixed strategies of the worst pure profile (LP)
 *   corr_minmax   min over correlated punishments of i's best reply (LP)
 * and, for two players, the mixed value of player 1's zero-sum game
 * (value_known = 1) -- the same LP as mixed_maxmin, whose dual is the
 * punisher's optimal strategy. */
typedef struct {
    mpq_t pure_minmax, pure_maxmin, mixed_maxmin, corr_minmax;
} case_minmax_vals;

fk_status case_minmax_player(econ_out *o, const econ_game g, int i,
                             const char *name, case_minmax_vals *v,
                             fk_err *err);
void case_minmax_vals_init(case_minmax_vals *v);
void case_minmax_vals_clear(case_minmax_vals *v);

fk_status case_minmax(econ_out *o, int argc, char **argv, fk_err *err);
fk_status case_szentes(econ_out *o, int argc, char **argv, fk_err *err);
fk_status case_yamashita(econ_out *o, int argc, char **argv, fk_err *err);

/* ---- Myerson-Satterthwaite (case_ms.c) -------------------------------- */

enum { CASE_MS_TIE_NONE = 0, CASE_MS_TIE_TRADE = 1, CASE_MS_TIE_HALF = 2 };

/* Buyer values v[0..nb) (strictly increasing) with prior f, seller costs
 * c[0..ns) with prior g (independent); trade q = 1 if v > c, 0 if v < c,
 * tie rule at v = c; expost: budget balance per profile (else ex ante).
 * Arrays are fk_qarr_new'ed and owned (clear frees them). */
typedef struct {
    int nb, ns;
    mpq_t *v, *f, *c, *g;
    int tie;
    int expost;
} case_ms_inst;

void case_ms_inst_init(case_ms_inst *in);
void case_ms_inst_clear(case_ms_inst *in);
/* values = costs = {0, 1/(n-1), .., 1}, uniform priors (tie, expost reset). */
fk_status case_ms_uniform(case_ms_inst *in, int n, fk_err *err);
const char *case_ms_tie_str(int tie);
/* s = expected gains from efficient trade. */
void case_ms_surplus(mpq_t s, const case_ms_inst *in);
/* Two LPs, NAME-feas (feasibility: *feasible, Farkas certificate when 0)
 * and NAME-subsidy (minimal external subsidy, exact optimum). */
fk_status case_ms_solve(econ_out *o, const case_ms_inst *in, const char *name,
                        int *feasible, mpq_t subsidy, fk_err *err);
fk_status case_ms(econ_out *o, int argc, char **argv, fk_err *err);

/* ---- pivot and AGV mechanisms (case_vcg.c) ---------------------------- */

/* Agents = players of ts (one state; beliefs = product of the others'
 * priors f), alternatives kname[0..nk), valuations val[i][ti * nk + k]. */
typedef struct {
    econ_tspace ts;
    int nk;
    char **kname;
    mpq_t **f;
    mpq_t **val;
} case_vcg_inst;

typedef struct {
    int pivot_dic, agv_bic_bb, agv_ir_fail, ir_possible;
    mpq_t pivot_revenue;  /* initialised by the caller */
} case_vcg_res;

void case_vcg_inst_init(case_vcg_inst *in);
void case_vcg_inst_clear(case_vcg_inst *in);
fk_status case_vcg_shape(case_vcg_inst *in, int n, const int *nt, int nk,
                         char *const *const *tnames, char *const *knames, fk_err *err);
fk_status case_vcg_project(case_vcg_inst *in, fk_err *err);
fk_status case_vcg_trade(case_vcg_inst *in, int n, fk_err *err);
/* first maximiser of total value (skip = -1) or of all but agent skip */
int case_vcg_kstar(const case_vcg_inst *in, long t, int skip);
/* transfers x[i * nprof + t] (n * nprof entries, initialised) */
void case_vcg_pivot(mpq_t *x, const case_vcg_inst *in);
void case_vcg_agv(mpq_t *x, const case_vcg_inst *in);
void case_vcg_interim(mpq_t u, const case_vcg_inst *in, mpq_t *x, int i, int ti);
/* Fills the type space's beliefs from f, certifies pivot DIC and AGV
 * BIC + BB as points, solves the BIC + BB + interim IR LP. */
fk_status case_vcg_run(econ_out *o, case_vcg_inst *in, const char *name,
                       case_vcg_res *out, fk_err *err);
fk_status case_vcg(econ_out *o, int argc, char **argv, fk_err *err);

/* ---- Peters' double-auction collusion (case_da.c) --------------------- */

/* Solve the LP (0.3)-(0.5) (fix_phl: with p_hl = v_l): best = per-seller
 * surplus, price = {p_hh, p_hl, p_ll} (initialised by the caller). */
fk_status case_da_solve(econ_out *o, const mpq_t vl, const mpq_t vh, const mpq_t pi,
                        int fix_phl, const char *name, mpq_t best, mpq_t *price,
                        fk_err *err);
fk_status case_da(econ_out *o, int argc, char **argv, fk_err *err);

#endif
