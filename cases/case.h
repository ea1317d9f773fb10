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

#endif
