/* farkas.c: the command-line interface, a thin table of subcommands.
 *
 * Exit codes, one convention for every subcommand: 0 success / accepted,
 * 1 rejected or no verdict (time or iteration limit), 2 bad input or usage.
 * This file chooses them for `solve` and for usage errors; each other
 * subcommand's entry function (chk_main, prf_cmd_proof, case_cmd,
 * sweep_cmd, mech_cmd) returns its own under the same convention, and
 * main passes it through.  Below those entries library code returns an
 * fk_status and never exits.
 * Every subcommand is one step of the data flow in DESIGN.md and runs on
 * files from the previous step: solve -> check -> proof. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "cert.h"
#include "check/chk.h"
#include "pcheck/pchk.h"
#include "fk.h"
#include "lp.h"
#include "lp_io.h"
#include "mech.h"
#include "prf.h"
#include "rat.h"
#include "solve.h"
#include "sweep.h"
#include "answer.h"

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "farkas: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n(see 'farkas help')\n");
    return 2;
}

static int exit_for(fk_status st)
{
    return st == FK_OK ? 0 : 2;
}

/* Print "status  p/q  (decimal)" for an objective value. */
static void print_value(const char *label, const mpq_t v, const char *tail)
{
    char *s = rat_get_str(v), *d = rat_get_dec(v, 17);
    printf("%-10s %s  (%s)%s\n", label, s ? s : "?", d ? d : "?", tail);
    free(s);
    free(d);
}

static int cmd_solve(int argc, char **argv)
{
    const char *file = NULL, *cert = NULL;
    int quiet = 0, force_max = 0, force_min = 0, relax = 0, i, rc = 2;
    lp_model *lp = NULL;
    solve_opts opts;
    lp_answer res;
    fk_err err;
    fk_status st;

    fk_err_clear(&err);
    solve_opts_default(&opts);
    {
        /* FK_FAST_FT=0: the float LU's older product-form updates, for
         * side-by-side timing (bench/PROFILE.md); the verdict is the same */
        const char *e = getenv("FK_FAST_FT");
        opts.product_form = e && strcmp(e, "0") == 0;
    }
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--cert") == 0 && i + 1 < argc)
            cert = argv[++i];
        else if (strcmp(argv[i], "--max") == 0)
            force_max = 1;
        else if (strcmp(argv[i], "--min") == 0)
            force_min = 1;
        else if (strcmp(argv[i], "--quiet") == 0)
            quiet = 1;
        else if (strcmp(argv[i], "--verbose") == 0)
            opts.verbose = 1;
        else if (strcmp(argv[i], "--pure") == 0)
            opts.pure = 1;
        else if (strcmp(argv[i], "--no-presolve") == 0)
            opts.no_presolve = 1;
        else if (strcmp(argv[i], "--relax") == 0)
            relax = LPIO_RELAX;
        else if (strcmp(argv[i], "--time-limit") == 0 && i + 1 < argc) {
            char *end;
            opts.time_limit = strtod(argv[++i], &end);
            if (*end || opts.time_limit <= 0)
                return usage_error("bad --time-limit '%s'", argv[i]);
        } else if (argv[i][0] == '-' && argv[i][1])
            return usage_error("solve: unknown or incomplete option '%s'", argv[i]);
        else if (!file)
            file = argv[i];
        else
            return usage_error("solve: unexpected argument '%s'", argv[i]);
    }
    if (!file)
        return usage_error("%s", "usage: farkas solve FILE [--cert OUT] [--max|--min] [--quiet] [--time-limit S] [--verbose] [--pure] [--no-presolve] [--relax]");
    if (force_max && force_min)
        return usage_error("%s", "solve: --max and --min exclude each other");
    /* A certificate speaks about the model file as it is, sense included,
     * and the checker reads that file: a sense changed on the command line
     * would certify a claim the file does not make. */
    if ((force_max || force_min) && cert)
        return usage_error("%s", "solve: --cert cannot be combined with --max/--min: the certificate must "
                                 "speak about the model file's own objective sense (change it in the file)");
    st = lp_read_file_flags(&lp, file, relax, &err);
    if (st) {
        fk_err_print(&err);
        return exit_for(st);
    }
    if (force_max)
        lp->sense = LP_MAX;
    if (force_min)
        lp->sense = LP_MIN;
    lp_answer_init(&res);
    st = solve_lp(&res, lp, &opts, NULL, &err);
    if (st) {
        if (!err.where[0]) /* a model-level error: name the file */
            snprintf(err.where, sizeof err.where, "%s", file);
        fk_err_print(&err);
        goto done;
    }
    /* A relaxation's verdict must not pass for the MIP's. */
    switch (res.status) {
    case LP_OPTIMAL:
        print_value("optimal", res.objval, lp->nrelax ? "  LP relaxation" : "");
        rc = 0;
        break;
    case LP_INFEASIBLE:
    case LP_UNBOUNDED:
        printf("%s%s\n", lp_status_str(res.status), lp->nrelax ? "  LP relaxation" : "");
        rc = 0;
        break;
    default:
        printf("%s (no verdict after %ld iterations)\n",
               lp_status_str(res.status), res.iters);
        rc = 1;
        break;
    }
    if (!quiet)
        fprintf(stderr, "farkas: %ld rows, %ld columns, %ld nonzeros; %ld iterations (%ld in phase 1)\n",
                lp->m, lp->n, lp->nnz, res.iters, res.phase1_iters);
    if (!quiet && lp->nrelax)
        fprintf(stderr, "farkas: LP relaxation: integrality of %ld column%s ignored; this is no verdict "
                        "on the mixed-integer program\n", lp->nrelax, lp->nrelax == 1 ? "" : "s");
    if (rc == 0 && cert) {
        st = cert_write(cert, file, lp, &res, &err);
        if (st) {
            fk_err_print(&err);
            rc = 2;
        } else if (!quiet) {
            fprintf(stderr, "farkas: certificate written to %s\n", cert);
        }
    }
done:
    lp_answer_clear(&res);
    lp_free(lp);
    return rc;
}

static int cmd_check(int argc, char **argv)
{
    int k;
    for (k = 1; k < argc; k++) {   /* a parametric model goes to its own checker */
        size_t n = strlen(argv[k]);
        if (n > 7 && strcmp(argv[k] + n - 7, ".pmodel") == 0)
            return pchk_main(argc, argv);
    }
    return chk_main(argc, argv);
}

static int cmd_proof(int argc, char **argv)
{
    return prf_cmd_proof(argc, argv);
}

static int cmd_help(int argc, char **argv);

static const struct {
    const char *name;
    int (*fn)(int, char **);
    const char *help;
} cmds[] = {
    {"solve", cmd_solve,
     "solve FILE [--cert OUT] [--max|--min] [--quiet] [--time-limit S] [--verbose] [--pure] [--no-presolve] [--relax]\n"
     "        solve an LP (.mps or .lp) exactly; print the status and the exact objective\n"
     "        (a double-precision phase proposes the basis; --pure: rational simplex only);\n"
     "        --cert writes a certificate that `farkas check` verifies; --relax reads a MIP\n"
     "        (integer markers, BV/LI/UI/SC bounds, generals/binaries/semi-continuous) as its\n"
     "        LP relaxation, and says so on every line that reports it"},
    {"check", cmd_check,
     "check MODEL CERT [--quiet] [--relax]\n"
     "        verify a certificate against the original model file with the independent\n"
     "        checker: exit 0 accepted, 1 rejected (first failing condition printed), 2 unreadable;\n"
     "        --relax: MODEL may be a MIP, read as its LP relaxation (CERT must then say so)"},
    {"proof", cmd_proof,
     "proof MODEL CERT (--latex OUT.tex | --latex-doc OUT.tex | --markdown OUT.md | --coq OUT.v | --smt OUT.smt2)\n"
     "        turn a certificate into a proof appendix (LaTeX section or whole document,\n"
     "        Markdown) or an export a third party checks (Coq with proofs/coq/FarkasCheck.v, z3)"},
    {"case", case_cmd,
     "case NAME [ARGS] [--out DIR] [--quiet] [--over VAR=LO:HI [--degree D]] | case list\n"
     "        verify a built-in theorem instance (certificates written to DIR, default out/cases);\n"
     "        --over: for every VAR in [LO, HI], one line per piece (docs/parametric.md)"},
    {"sweep", sweep_cmd,
     "sweep CASE [ARGS] (--grid NAME=LO:HI:STEPS ... | --random NAME=LO:HI ... --count N --seed S)\n"
     "      [--until [LABEL=]VERDICT] [--jobs J] [--timeout SEC] [--slurm [--chunk K]] --out DIR\n"
     "        run many instances of a case with its options --NAME swept over exact rationals,\n"
     "        each its own process through GNU parallel (or a Slurm job array: --slurm, then\n"
     "        `farkas sweep --collect DIR`); DIR/results.tsv and DIR/summary.md collect every\n"
     "        LP's verdict and checked certificate; --until stops at the first instance with\n"
     "        that verdict (e.g. ic=feasible); rerunning resumes"},
    {"model", mech_cmd,
     "model FILE.mech [--out DIR] [--quiet] [--json] [--over VAR=LO:HI [--degree D]]\n"
     "        verify a finite mechanism-design problem written in a mechanism file\n"
     "        (docs/mechanism-files.md): one exact LP per objective line, certificates in DIR\n"
     "        (default out/models); --json prints the same report as JSON"},
    {"help", cmd_help, "help      this text"},
};

static int cmd_help(int argc, char **argv)
{
    size_t k;
    printf("farkas: exact LP solving with checkable certificates\n\nusage: farkas COMMAND ...\n\n");
    for (k = 0; k < sizeof cmds / sizeof cmds[0]; k++)
        printf("  %s\n\n", cmds[k].help);
    return 0;
}

int main(int argc, char **argv)
{
    size_t k;
    if (argc < 2)
        return cmd_help(0, NULL), 2;
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return cmd_help(0, NULL);
    for (k = 0; k < sizeof cmds / sizeof cmds[0]; k++)
        if (strcmp(argv[1], cmds[k].name) == 0)
            return cmds[k].fn(argc - 1, argv + 1);
    return usage_error("unknown command '%s'", argv[1]);
}
