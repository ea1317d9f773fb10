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
/* The same for Brooks' example with parameters p and q (NULL: another type
 * space), which the appendix's proposition names. */
fk_status case_notrade_decide_pq(econ_out *o, const econ_tspace ts, int ic,
                                 const char *name, mpq_srcptr p, mpq_srcptr q,
                                 int *trade, fk_err *err);

/* Decide noisy concordance (ic) or a common prior (!ic) directly:
 * *concordant = 1 or 0 (then the Farkas certificate is a trade). */
fk_status case_concordance_decide(econ_out *o, const econ_tspace ts, int ic,
                                  const char *name, int *concordant,
                                  fk_err *err);

/* weak = 1: lambda >= 0 not all zero (Brooks' slide; the alternative of
 * "strict gain for every type") instead of every lambda > 0. */
fk_status case_concordance_decide_weak(econ_out *o, const econ_tspace ts, int ic,
                                       int weak, const char *name, int *concordant,
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
/* Fills the type space's beliefs from f; writes and solves, through the
 * mechanism-file path, pivot DIC, AGV BIC + BB and the BIC + BB + interim
 * IR LP (OUTDIR/NAME-{dic,agv,ir}.mech, .mps, .cert). */
fk_status case_vcg_run(econ_out *o, case_vcg_inst *in, const char *name,
                       case_vcg_res *out, fk_err *err);
fk_status case_vcg(econ_out *o, int argc, char **argv, fk_err *err);

/* ---- Peters' double-auction collusion (case_da.c) --------------------- */

/* Solve the LP (0.3)-(0.5) (fix_phl: with p_hl = v_l) through the
 * mechanism-file path, as OUTDIR/NAME-surplus.mech (LP NAME-surplus) or
 * OUTDIR/NAME-essay.mech (LP NAME-essay): best = per-seller surplus,
 * price = {p_hh, p_hl, p_ll} (initialised by the caller). */
fk_status case_da_solve(econ_out *o, const mpq_t vl, const mpq_t vh, const mpq_t pi,
                        int fix_phl, const char *name, mpq_t best, mpq_t *price,
                        fk_err *err);
fk_status case_da(econ_out *o, int argc, char **argv, fk_err *err);

/* ---- Bayes correlated equilibria (case_bce.c) ------------------------- */

/* The contribution game of seeds/004 (one player, C / NC, states thL, thH,
 * P(thH) = mu0, C pays theta - cost), objective P(C). */
fk_status case_bce_contribution(econ_bgame b, const mpq_t mu0, const mpq_t low,
                                const mpq_t high, const mpq_t cost, fk_err *err);
/* Best (NAME-best, max) and worst (NAME-worst, min) objective over all BCE
 * of b; pbest / pworst (NULL or nprof * nstates initialised entries,
 * index s * nstates + theta) receive the optimal outcome distributions. */
fk_status case_bce_solve(econ_out *o, const econ_bgame b, const char *name,
                         mpq_t best, mpq_t worst, mpq_t *pbest, mpq_t *pworst,
                         fk_err *err);
fk_status case_bce(econ_out *o, int argc, char **argv, fk_err *err);

/* ---- Chung-Ely and Bergemann-Morris (case_ce.c, case_bm.c) ------------------- */

/* n bidders, values v[0..nv) strictly increasing, prior f over V^n (index
 * mixed radix, bidder 0 fastest), every f > 0. */
typedef struct {
    int n, nv;
    mpq_t *v;
    mpq_t *f;      /* nv^n */
    long nprof;
    int from_solver; /* 1: pi* from the solver's multipliers of (P) even when the local
                      * ones are optimal (a test of the mechanism path's row map) */
} case_ce_inst;

typedef struct {
    mpq_t valP, valP2;    /* (P) and (P') optima */
    mpq_t *pistar;        /* [i * nprof + v]: pi*_i(v_-i | v_i), n * nprof */
    int regular;          /* local virtual values nondecreasing */
    int local_optimal;    /* the local multipliers are optimal for (P) (pi* from them) */
    int p2_unbounded;     /* (P') unbounded (then valP2 is 0) */
    int equal;            /* val(P) == val(P') */
    int concordant;       /* pi* noisy concordant, every lambda > 0 (Morris) */
    int weak_concordant;  /* noisy concordant with lambda >= 0 not all zero (Brooks) */
    int common_prior;     /* pi* admits a common prior */
} case_ce_res;

void case_ce_inst_init(case_ce_inst *in);
void case_ce_inst_clear(case_ce_inst *in);
/* The built-in instance: 2 bidders, values 1,2,3, f = [4 2 1; 2 4 2; 1 2 4]/22. */
fk_status case_ce_default(case_ce_inst *in, fk_err *err);
void case_ce_res_init(case_ce_res *r);
void case_ce_res_clear(case_ce_res *r, const case_ce_inst *in);
fk_status case_ce_run(econ_out *o, const case_ce_inst *in, const char *name,
                      case_ce_res *r, fk_err *err);
fk_status case_chung_ely(econ_out *o, int argc, char **argv, fk_err *err);

/* Bergemann-Morris (2005) non-separable example: *interim = 1 if the
 * "player 1 chooses" mechanism is certified IIC on the built-in type
 * spaces, *nselect deterministic selections enumerated, *nviol of them
 * certified not EPIC, *lottery_epic = 1 if the lottery 1/2 a + 1/2 b is
 * EPIC (certified point). */
fk_status case_bm_run(econ_out *o, int *interim, int *nselect, int *nviol,
                      int *lottery_epic, fk_err *err);
fk_status case_bm(econ_out *o, int argc, char **argv, fk_err *err);

/* ---- sequential information design (case_doval_ely.c) ----------------- */

/* Two players, target outcome t = (t1, t2) (strategy indices).  sim /
 * sim_low: max / min P(t) over all BCE (simultaneous moves); seq: max P(t)
 * over sequentially obedient designs with credible punishments; seq_any:
 * the same with any punishment (an upper bound over off-path beliefs);
 * full = 1 if a credible design reaches t with probability 1; design:
 * the optimal credible design pi[o * nprof + s] (o = first mover 0 / 1,
 * s = a1 + n1 a2), owned by the result. */
typedef struct {
    mpq_t sim, sim_low, seq, seq_any;
    int full;
    long nprof;
    mpq_t *design;
} case_de_res;

void case_de_res_init(case_de_res *r);
void case_de_res_clear(case_de_res *r);
/* The seed's prisoners' dilemma (C = strategy 0); FK_EINVAL unless A > g > b > 0. */
fk_status case_de_pd(econ_game g, const mpq_t A, const mpq_t gg, const mpq_t b, fk_err *err);
/* Five LPs NAME-sim-best/-worst, NAME-seq, NAME-seq-any, NAME-seq-full. */
fk_status case_de_solve(econ_out *o, const econ_game g, const int *t, const char *name,
                        case_de_res *r, fk_err *err);
fk_status case_doval_ely(econ_out *o, int argc, char **argv, fk_err *err);

#endif
