/* registry.c: the table of theorem cases and `farkas case`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "case_dynamic.h"
#include "case_over.h"

const case_entry case_table[] = {
    {"notrade", case_notrade, "[FILE | --p P --q Q]",
     "Morris (1994): a feasible acceptable trade exists iff there is no common prior; "
     "with IC iff beliefs are not noisy concordant"},
    {"concordance", case_concordance, "[FILE | --p P --q Q]",
     "beliefs admit a common prior / noisy-concordance multipliers (pi, lambda > 0, mu), "
     "or a trade certifies that they do not"},
    {"minmax", case_minmax, "[GAME.nfg]",
     "per player: pure maxmin <= mixed maxmin <= correlated minmax <= pure minmax; "
     "two players: mixed maxmin = mixed minmax (von Neumann)"},
    {"szentes", case_szentes, "",
     "Szentes (2010): against principal 1's majority rule every deterministic deviation of "
     "principal 2 is punished, so payoff -1 < pure minmax 1 is supported"},
    {"yamashita", case_yamashita, "",
     "Yamashita (2010): with majority mechanisms exactly the outcomes giving each principal "
     "at least his minmax are supported"},
    {"ms", case_ms,
     "[--values L --costs L [--pv P --pc P]] [--tie none|trade|half] [--bb exante|expost] [--sweep A-B]",
     "Myerson-Satterthwaite: ex post efficient trade with BIC, interim IR and budget balance "
     "(feasible or Farkas certificate); minimal external subsidy (exact LP optimum)"},
    {"vcg", case_vcg, "[--trade N]",
     "pivot mechanism is DIC; expected externality (AGV) mechanism is BIC and ex post budget "
     "balanced; where interim IR fails, and whether any efficient BIC+BB+IR mechanism exists"},
    {"double-auction", case_da, "[--vl V --vh V --pi P]",
     "Peters: sellers' best collusive surplus in the double auction, LP (0.3)-(0.5): "
     "((1+pi)v_h+v_l)/4 per seller at p_ll = v_l; expected lost trade v_l(1-pi/2)"},
    {"bce", case_bce, "[FILE.bce | --prior P --low L --high H --cost C]",
     "Bayes correlated equilibria (Bergemann-Morris 2016): best and worst objective over all BCE "
     "(two LPs, certified optima); contribution game = concavification value"},
    {"chung-ely", case_chung_ely, "[--values L --n N --prior L]",
     "Chung-Ely (2007): worst-case beliefs pi* from (P)'s optimal multipliers give (P') the value "
     "of the ex post revenue LP (P); pi* noisy concordant; common prior or not"},
    {"bm-separable", case_bm, "",
     "Bergemann-Morris (2005): the non-separable SCC is interim implementable (mechanism certified) "
     "but no deterministic selection is ex post IC (each violation certified)"},
    {"dynamic", case_dynamic, "[FILE.dyn | --example seed2|seed3|three]",
     "Athey-Segal: static AGV is budget balanced but not BIC against contingent deviations; "
     "balanced team transfers are BB in every history and BIC (deviator MDP LPs certified)"},
    {"doval-ely", case_doval_ely, "[--A a --g g --b b | --nfg FILE --outcome ROW,COL]",
     "Doval-Ely (2020): choosing the order of moves and recommendations that react to earlier "
     "actions, the PD's (C,C) is reached w.p. 1 iff g >= (A+b)/2; never in a BCE"},
};
const int case_count = (int)(sizeof case_table / sizeof case_table[0]);

static void usage(void)
{
    int k;
    fprintf(stderr, "usage: farkas case NAME [ARGS] [--out DIR] [--quiet] [--appendix]\n"
                    "                  [--over VAR=LO:HI [--degree D]]\n"
                    "       farkas case list\ncases:\n");
    for (k = 0; k < case_count; k++)
        fprintf(stderr, "  %-12s %s\n", case_table[k].name, case_table[k].args);
}

int case_cmd(int argc, char **argv)
{
    econ_out o;
    fk_err err;
    fk_status st;
    char *rest[64];
    const char *over = NULL;   /* --over VAR=LO:HI (case_over.h) */
    int k, nrest = 0, degree = 4, rc;
    const case_entry *ce = NULL;
    fk_err_clear(&err);
    memset(&o, 0, sizeof o);
    o.outdir = "out/cases";
    if (argc < 2) {
        usage();
        return 2;
    }
    if (strcmp(argv[1], "list") == 0) {
        for (k = 0; k < case_count; k++)
            printf("%-12s %s\n", case_table[k].name, case_table[k].claim);
        return 0;
    }
    for (k = 0; k < case_count; k++)
        if (strcmp(argv[1], case_table[k].name) == 0)
            ce = &case_table[k];
    if (!ce) {
        fprintf(stderr, "farkas: unknown case '%s' (try 'farkas case list')\n", argv[1]);
        return 2;
    }
    for (k = 2; k < argc; k++) {
        if (strcmp(argv[k], "--out") == 0) {
            if (k + 1 >= argc) {
                fprintf(stderr, "farkas: case: --out needs a directory\n");
                return 2;
            }
            o.outdir = argv[++k];
        } else if (strcmp(argv[k], "--quiet") == 0) {
            o.quiet = 1;
        } else if ((rc = case_over_opt("case", argc, argv, &k, &over, &degree)) != 0) {
            if (rc == 2)
                return 2;
        } else if (strcmp(argv[k], "--appendix") == 0) {
            o.appendix = 1; /* NAME.tex and NAME.md beside each certificate */
        } else if (nrest < (int)(sizeof rest / sizeof rest[0])) {
            rest[nrest++] = argv[k];
        } else {
            fprintf(stderr, "farkas: case: too many arguments\n");
            return 2;
        }
    }
    printf("case %s: %s\n", ce->name, ce->claim);
    st = over ? case_over_run(ce, &o, nrest, rest, over, degree, &err)
              : ce->run(&o, nrest, rest, &err);
    if (st) {
        fk_err_print(&err);
        return st == FK_EPARSE || st == FK_EINVAL || st == FK_EIO ? 2 : 1;
    }
    printf("certificates: %d written, %d accepted by the independent checker\n",
           o.ncert, o.ncert - o.nbad);
    return o.nbad ? 1 : 0;
}
