/* case_over.c: `farkas case NAME ARGS --over VAR=LO:HI [--degree D]`, the
 * case's verdicts for every value of one of its numbers (docs/parametric.md).
 *
 * The case is run, in this process with its output silenced, at N = D+3
 * rational points inside (LO, HI) with its option --VAR set to each; every
 * LP it solves is captured (econ_out.capture).  Each LP (by name, in the
 * order the case solves them) becomes a parametric model by interpolation
 * (par.h), written to OUTDIR/NAME.pmodel, solved piece by piece, its
 * certificate written to OUTDIR/NAME.pcert and checked by the independent
 * parametric checker (certify/pcheck/).  One line per piece is printed:
 *     [LABEL: ]piece [a, b): VERDICT [VALUE]
 * LABEL is the LP's name less the leading '-'-separated words every LP of
 * the case shares (the whole name when some LP's name is just those). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case_over.h"
#include "par.h"
#include "pcheck/pchk.h"
#include "rat.h"

enum { OVER_MAXLP = 32, OVER_MAXARG = 64, OVER_MAXDEG = 40 };

typedef struct {
    int nlp;
    lp_model *lp[OVER_MAXLP];
    int overflow, oom;
} capture_set;

static int capture(void *ctx, const lp_model *lp)
{
    capture_set *cs = ctx;
    lp_model *c;
    if (cs->nlp >= OVER_MAXLP) {
        cs->overflow = 1;
        return 0;
    }
    if (!(c = lp_copy(lp))) {
        cs->oom = 1;
        return 1;
    }
    cs->lp[cs->nlp++] = c;
    return 0;
}

static void capture_clear(capture_set *cs)
{
    int k;
    for (k = 0; k < cs->nlp; k++)
        lp_free(cs->lp[k]);
    memset(cs, 0, sizeof *cs);
}

/* Run the case once at t with stdout sent to /dev/null. */
static fk_status run_at(const case_entry *ce, capture_set *cs, int argc, char **argv,
                        const char *var, const mpq_t t, fk_err *err)
{
    char *args[OVER_MAXARG + 2], opt[80], *val = rat_get_str(t);
    econ_out o;
    int k, n = 0, set = 0, saved, dn;
    fk_status st;
    if (!val)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    snprintf(opt, sizeof opt, "--%s", var);
    for (k = 0; k < argc && n < OVER_MAXARG; k++) {
        args[n++] = argv[k];
        if (strcmp(argv[k], opt) == 0 && k + 1 < argc) {
            args[n++] = val;
            k++;
            set = 1;
        }
    }
    if (!set) {
        args[n++] = opt;
        args[n++] = val;
    }
    memset(&o, 0, sizeof o);
    o.outdir = "/nonexistent";
    o.quiet = 2;
    o.capture = capture;
    o.capture_ctx = cs;
    fflush(stdout);
    saved = dup(1);
    dn = open("/dev/null", O_WRONLY);
    if (saved >= 0 && dn >= 0)
        dup2(dn, 1);
    st = ce->run(&o, n, args, err);
    fflush(stdout);
    if (saved >= 0) {
        dup2(saved, 1);
        close(saved);
    }
    if (dn >= 0)
        close(dn);
    free(val);
    if (!st && cs->overflow)
        st = fk_fail(err, FK_ELIMIT, NULL, "%s: more than %d LPs", ce->name, OVER_MAXLP);
    return st;
}

static fk_status parse_over(const char *spec, char *var, size_t vlen, mpq_t lo, mpq_t hi,
                            fk_err *err)
{
    const char *eq = strchr(spec, '='), *colon = eq ? strchr(eq, ':') : NULL;
    if (!eq || !colon || eq == spec || (size_t)(eq - spec) >= vlen)
        return fk_fail(err, FK_EINVAL, NULL, "--over wants NAME=LO:HI, not '%s'", spec);
    memcpy(var, spec, (size_t)(eq - spec));
    var[eq - spec] = '\0';
    if (rat_set_str(lo, eq + 1, (size_t)(colon - eq - 1), NULL) != RAT_OK ||
        rat_set_str(hi, colon + 1, strlen(colon + 1), NULL) != RAT_OK)
        return fk_fail(err, FK_EINVAL, NULL, "--over %s: LO and HI must be exact numbers", spec);
    if (mpq_cmp(lo, hi) >= 0)
        return fk_fail(err, FK_EINVAL, NULL, "--over %s: need LO < HI", spec);
    return FK_OK;
}

fk_status case_over_capture(const case_entry *ce, int argc, char **argv, const char *var,
                            const mpq_t t, lp_model **lps, int max, int *nlp, fk_err *err)
{
    capture_set cs;
    fk_status st;
    int k;
    memset(&cs, 0, sizeof cs);
    *nlp = 0;
    st = run_at(ce, &cs, argc, argv, var, t, err);
    if (!st && cs.nlp > max)
        st = fk_fail(err, FK_ELIMIT, NULL, "%s: more than %d LPs", ce->name, max);
    if (!st) {
        for (k = 0; k < cs.nlp; k++)
            lps[k] = cs.lp[k];
        *nlp = cs.nlp;
        cs.nlp = 0;
    }
    capture_clear(&cs);
    return st;
}

fk_status case_over_models(const case_entry *ce, int argc, char **argv, const char *spec,
                           int degree, par_model **pms, int max, int *npm, fk_err *err)
{
    char var[64];
    mpq_t lo, hi, *ts = NULL;
    capture_set *cs = NULL;
    int N = degree + 3, k, l;
    fk_status st = FK_OK;
    mpq_init(lo);
    mpq_init(hi);
    *npm = 0;
    if (degree < 0 || degree > OVER_MAXDEG) {
        st = fk_fail(err, FK_EINVAL, NULL, "--degree must lie in 0..%d", OVER_MAXDEG);
        goto done;
    }
    if ((st = parse_over(spec, var, sizeof var, lo, hi, err)))
        goto done;
    ts = fk_qarr_new(N);
    cs = fk_calloc((size_t)N, sizeof *cs);
    if (!ts || !cs) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    /* t_k = LO + (HI - LO) k / (N + 1), k = 1..N: inside the interval, so
     * a case that refuses an end (double-auction's pi = 1/2) still runs */
    for (k = 0; k < N && !st; k++) {
        mpq_sub(ts[k], hi, lo);
        mpz_mul_ui(mpq_numref(ts[k]), mpq_numref(ts[k]), (unsigned long)(k + 1));
        mpz_mul_ui(mpq_denref(ts[k]), mpq_denref(ts[k]), (unsigned long)(N + 1));
        mpq_canonicalize(ts[k]);
        mpq_add(ts[k], ts[k], lo);
        st = run_at(ce, &cs[k], argc, argv, var, ts[k], err);
        if (!st && (cs[k].nlp != cs[0].nlp || cs[k].nlp == 0))
            st = fk_fail(err, FK_EINVAL, NULL, "%s --over %s: the case solves %d LPs at one "
                         "point and %d at another", ce->name, spec, cs[0].nlp, cs[k].nlp);
        for (l = 0; l < cs[k].nlp && !st; l++)
            if (strcmp(cs[k].lp[l]->name, cs[0].lp[l]->name) != 0)
                st = fk_fail(err, FK_EINVAL, NULL, "%s --over %s: the case solves different LPs "
                             "at different points ('%s', '%s')", ce->name, spec,
                             cs[0].lp[l]->name, cs[k].lp[l]->name);
    }
    if (!st && cs[0].nlp > max)
        st = fk_fail(err, FK_ELIMIT, NULL, "%s: more than %d LPs", ce->name, max);
    for (l = 0; !st && l < cs[0].nlp; l++) {
        lp_model *lps[OVER_MAXDEG + 3];
        for (k = 0; k < N; k++)
            lps[k] = cs[k].lp[l];
        st = par_model_interpolate(&pms[l], lps, (const mpq_t *)ts, N, degree, var, lo, hi, err);
        if (!st)
            ++*npm;
    }
    if (st) {
        for (l = 0; l < *npm; l++)
            par_model_free(pms[l]);
        *npm = 0;
    }
done:
    if (cs)
        for (k = 0; k < N; k++)
            capture_clear(&cs[k]);
    free(cs);
    fk_qarr_free(ts, N);
    mpq_clear(lo);
    mpq_clear(hi);
    return st;
}

fk_status case_over_run(const case_entry *ce, econ_out *o, int argc, char **argv,
                        const char *spec, int degree, fk_err *err)
{
    par_model *pms[OVER_MAXLP];
    int npm = 0, l, k;
    fk_status st;
    size_t pre = 0;
    if ((st = case_over_models(ce, argc, argv, spec, degree, pms, OVER_MAXLP, &npm, err)) ||
        (st = econ_out_dir(o, err)))
        goto done;
    /* labels: the LP names less the leading words they all share */
    {
        const char *n0 = pms[0]->name;
        size_t len = strlen(n0), j;
        int some_all = 0;
        for (l = 1; l < npm; l++) {
            for (j = 0; j < len && pms[l]->name[j] == n0[j]; j++)
                ;
            len = j;
        }
        for (l = 0; l < npm; l++)
            some_all |= strlen(pms[l]->name) == len;
        while (!some_all && len > 0 && n0[len - 1] != '-')
            len--;
        pre = some_all ? 0 : len;
    }
    gmp_printf("over %s in [%Qd, %Qd]: %d LPs, interpolated from %d instances (degree <= %d)\n",
               pms[0]->pname, pms[0]->tlo, pms[0]->thi, npm, degree + 3, degree);
    for (l = 0; l < npm && !st; l++) {
        par_model *pm = pms[l];
        par_result r;
        char mpath[4200], cpath[4200];
        int rc;
        par_result_init(&r);
        snprintf(mpath, sizeof mpath, "%s/%s.pmodel", o->outdir, pm->name);
        snprintf(cpath, sizeof cpath, "%s/%s.pcert", o->outdir, pm->name);
        if ((st = par_model_write(pm, mpath, err)) || (st = par_solve(&r, pm, err)) ||
            (st = par_cert_write(&r, pm, mpath, cpath, err))) {
            par_result_clear(&r);
            break;
        }
        for (k = 0; k < r.np; k++) {
            char *s = par_piece_str(r.p + k, pm->pname);
            if (npm > 1)
                printf("%s: ", pm->name + pre);
            printf("%s\n", s ? s : "?");
            free(s);
        }
        rc = pchk_files(mpath, cpath, 1);
        o->ncert++;
        if (rc != 0)
            o->nbad++;
        if (o->quiet < 2 || rc != 0)
            printf("certificate: %s %s %s\n", mpath, cpath,
                   rc == 0 ? "accepted" : rc == 1 ? "REJECTED" : "UNREADABLE");
        if (rc != 0 && o->quiet < 2)
            pchk_files(mpath, cpath, 0);
        par_result_clear(&r);
    }
done:
    for (l = 0; l < npm; l++)
        par_model_free(pms[l]);
    return st;
}
