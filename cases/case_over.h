/* case_over.h: a case's verdicts over an interval of one of its numbers
 * (`farkas case NAME ARGS --over VAR=LO:HI [--degree D]`, case_over.c). */
#ifndef CASE_OVER_H
#define CASE_OVER_H

#include "case.h"
#include "par.h"

/* spec is "VAR=LO:HI"; degree bounds the degree in VAR of every entry of
 * the case's LPs (default 4 on the command line).  FK_EINVAL for a bad
 * spec or an LP that is not polynomial of that degree in VAR; FK_ELIMIT
 * for what the parametric solver does not support (par.h).  Rejected
 * certificates are counted in o->nbad. */
fk_status case_over_run(const case_entry *ce, econ_out *o, int argc, char **argv,
                        const char *spec, int degree, fk_err *err);
/* A file argument of the case (.tsp, .bce, .nfg, .dyn, .mech) is what
 * varies, as in case_over_mech: its fields that mention VAR are
 * expressions in it (in a .nfg, a field may end in the ',' of an outcome's
 * payoff list; the other formats' first field of a line is a keyword and
 * never an expression). */

/* The options --over VAR=LO:HI and --degree D at argv[*k], for every
 * command that takes them (farkas case, farkas model), so they are read
 * and refused the same way: 1 consumed (*k at its value; *over or *degree
 * set), 0 not one of them, 2 refused (the message printed to stderr as
 * "farkas: CMD: ...").  VAR=LO:HI itself is checked when the run starts
 * (the same messages for both commands). */
int case_over_opt(const char *cmd, int argc, char **argv, int *k, const char **over, int *degree);

/* `farkas model FILE.mech --over VAR=LO:HI`: every field of the file
 * (outside comments) that mentions VAR is an expression in it, with
 * numbers, VAR, + - * / and parentheses (no blanks inside), e.g.
 * `joint h h pi/2`; at each sample point it is replaced by its exact
 * value and the file read and solved as `farkas model` does. */
fk_status case_over_mech(const char *file, econ_out *o, const char *spec, int degree, fk_err *err);

/* The parametric models of the case's LPs (pms[0..*npm), in the order
 * the case solves them; free each with par_model_free).  With ce NULL,
 * argv[0] is a mechanism file, varied as case_over_mech varies it (in
 * both functions here). */
fk_status case_over_models(const case_entry *ce, int argc, char **argv, const char *spec,
                           int degree, par_model **pms, int max, int *npm, fk_err *err);

/* The LPs the case solves with --VAR t (lps[0..*nlp), lp_free each),
 * built by the case itself (its output silenced): the single instances the
 * parametric answer is tested against. */
fk_status case_over_capture(const case_entry *ce, int argc, char **argv, const char *var,
                            const mpq_t t, lp_model **lps, int max, int *nlp, fk_err *err);

#endif
