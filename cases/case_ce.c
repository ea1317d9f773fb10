/* case_ce.c: ex post implementation (seeds/003), Chung and Ely (2007).
 * (The Bergemann and Morris example of the same seed is in case_bm.c.)
 *
 * chung-ely.  n bidders, values V (strictly increasing), seller's prior f
 * on V^n (all f > 0).  The ex post revenue LP (P):
 *   columns q[i:v] >= 0, t[i:v] free;  max sum_v f(v) sum_i t_i(v)
 *   FEAS[v]      sum_i q_i(v) <= 1
 *   IR[i:v]      v_i q_i(v) - t_i(v) >= 0
 *   IC[i:v->w]   v_i q_i(v) - t_i(v) - v_i q_i(w,v_-i) + t_i(w,v_-i) >= 0
 * pi* from its optimal multipliers y: for bidder i of value v_i the weight
 * of v_-i is the total multiplier on the constraints of (i, v_i, v_-i),
 * W_i(v) = |y IR[i:v]| + sum_w |y IC[i:v->w]|, and
 *   pi*_i(v_-i | v_i) = W_i(v) / sum_{v'_-i} W_i(v_i, v'_-i).
 * (With f regular only local downward IC and the bottom IR bind, with
 * multiplier sum_{v'_i >= v_i} f(v'_i, v_-i): Brooks' slide.)  (P') is the
 * Bayesian program on the type space "type = value, beliefs pi*": same
 * columns, FEAS, interim IIR[i:vi] and BIC[i:vi->w] (pi*-averages of the
 * ex post rows).  Every point of (P) is a point of (P'), so
 * val(P') >= val(P); if y's multipliers on each (i, v_i) family are
 * proportional to pi*, y is also a dual of (P') and the values agree.  Both
 * optima are certified; the case reports their equality exactly.  Then
 * pi* is handed to the concordance LP of case_notrade.c (noisy concordance
 * with IC, and the common-prior version). */
#include <stdlib.h>
#include <string.h>

#include "afile.h"
#include "case.h"
#include "ce_prf.h"
#include "mech.h"
#include "rat.h"

void case_ce_inst_init(case_ce_inst *in)
{
    memset(in, 0, sizeof *in);
}

void case_ce_inst_clear(case_ce_inst *in)
{
    fk_qarr_free(in->v, in->nv);
    fk_qarr_free(in->f, in->nprof);
    memset(in, 0, sizeof *in);
}

static fk_status ce_alloc(case_ce_inst *in, int n, int nv, fk_err *err)
{
    long p = 1;
    int i;
    case_ce_inst_clear(in);
    if (n < 1 || n > 6 || nv < 1 || nv > 50)
        return fk_fail(err, FK_EINVAL, NULL, "chung-ely: need 1..6 bidders and 1..50 values");
    for (i = 0; i < n; i++) {
        p *= nv;
        if (p > 20000)
            return fk_fail(err, FK_ELIMIT, NULL, "chung-ely: too many value profiles (limit 20000)");
    }
    in->n = n;
    in->nv = nv;
    in->nprof = p;
    in->v = fk_qarr_new(nv);
    in->f = fk_qarr_new(p);
    if (!in->v || !in->f)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    return FK_OK;
}

fk_status case_ce_default(case_ce_inst *in, fk_err *err)
{
    static const long f[9] = {4, 2, 1, 2, 4, 2, 1, 2, 4};
    fk_status st = ce_alloc(in, 2, 3, err);
    int k;
    if (st)
        return st;
    for (k = 0; k < 3; k++)
        mpq_set_ui(in->v[k], (unsigned long)k + 1, 1);
    for (k = 0; k < 9; k++) {
        mpq_set_ui(in->f[k], (unsigned long)f[k], 22);
        mpq_canonicalize(in->f[k]);
    }
    return FK_OK;
}

void case_ce_res_init(case_ce_res *r)
{
    memset(r, 0, sizeof *r);
    mpq_init(r->valP);
    mpq_init(r->valP2);
}

void case_ce_res_clear(case_ce_res *r, const case_ce_inst *in)
{
    mpq_clear(r->valP);
    mpq_clear(r->valP2);
    fk_qarr_free(r->pistar, in->n * in->nprof);
    r->pistar = NULL;
}

static fk_status ce_validate(const case_ce_inst *in, fk_err *err)
{
    mpq_t s;
    long p;
    int k, bad = 0;
    for (k = 1; k < in->nv; k++)
        if (mpq_cmp(in->v[k - 1], in->v[k]) >= 0)
            return fk_fail(err, FK_EINVAL, NULL, "chung-ely: values must be strictly increasing");
    mpq_init(s);
    for (p = 0; p < in->nprof; p++) {
        bad |= mpq_sgn(in->f[p]) <= 0;
        mpq_add(s, s, in->f[p]);
    }
    bad |= mpq_cmp_ui(s, 1, 1) != 0;
    mpq_clear(s);
    return bad ? fk_fail(err, FK_EINVAL, NULL, "chung-ely: the prior must be > 0 everywhere and sum to 1")
               : FK_OK;
}

/* the type space "type = value": players = bidders, one state */
static fk_status ce_tspace(econ_tspace ts, const case_ce_inst *in, fk_err *err)
{
    char **names = fk_calloc((size_t)in->nv, sizeof *names);
    char *const **tn = fk_calloc((size_t)in->n, sizeof *tn);
    int *nt = fk_calloc((size_t)in->n, sizeof *nt), i, k;
    static char *const sname[] = {"s"};
    fk_status st = FK_OK;
    if (!names || !tn || !nt)
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    for (k = 0; k < in->nv && !st; k++) {
        char *s = econ_qstr(in->v[k]), *q;
        for (q = s; *q; q++) /* '/' is not a type-name character: 1/2 -> 1_2 */
            if (*q == '/')
                *q = '_';
        names[k] = s;
    }
    for (i = 0; i < in->n && !st; i++) {
        tn[i] = names;
        nt[i] = in->nv;
    }
    if (!st)
        st = econ_tspace_shape(ts, in->n, nt, 1, tn, sname, err);
    for (k = 0; names && k < in->nv; k++)
        free(names[k]);
    free(names);
    free((void *)tn);
    free(nt);
    return st;
}

/* A type name of the mechanism file: ts's (the value, '/' as '_') when it
 * is a mechanism-file name, else v<k+1>; rows are found by index, so only
 * the printed names depend on it. */
static void ce_tname(char *buf, size_t len, const econ_tspace ts, int k)
{
    const char *s = ts->type[0][k];
    if (strlen(s) <= MECH_MAX_NAME && strlen(s) < len)
        snprintf(buf, len, "%s", s);
    else
        snprintf(buf, len, "v%d", k + 1);
}

/* (P) (pistar == NULL) or (P') with beliefs pistar[i * np + p] =
 * pi*_i(v_-i | v_i) as the mechanism file PATH, MECH-LABEL the LP's name
 * (docs/mechanism-files.md): bidders 1..n, a good of supply 1, the seller's
 * prior as the joint table (revenue is expected under f in both), private
 * values; (P) asks ex post IC and IR, (P') BIC and interim IR under the
 * belief lines. */
static fk_status ce_write(const case_ce_inst *in, const econ_tspace ts, const char *mname,
                          mpq_t *pistar, const char *path, fk_err *err)
{
    char (*tn)[40] = fk_calloc((size_t)in->nv, sizeof *tn);
    long np = in->nprof, p;
    int n = in->n, i, j, k;
    afile a;
    fk_status st = FK_OK;
    if (!tn)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    for (k = 0; k < in->nv; k++)
        ce_tname(tn[k], sizeof tn[k], ts, k);
    if (!(st = afile_open(&a, path, err))) {
        FILE *f = a.f;
        fprintf(f, "# written by 'farkas case chung-ely': Chung-Ely (2007), %d bidders, %d values,\n"
                   "# %s\nmechanism %s\n",
                n, in->nv, pistar ? "(P'): BIC and interim IR with the worst-case beliefs pi* from (P)'s multipliers"
                                  : "(P): the ex post revenue LP, ex post IC and ex post IR", mname);
        for (i = 0; i < n; i++) {
            fprintf(f, "agent %d", i + 1);
            for (k = 0; k < in->nv; k++)
                fprintf(f, " %s", tn[k]);
            fprintf(f, "\n");
        }
        fprintf(f, "good\n");
        for (p = 0; p < np; p++) {
            fprintf(f, "joint");
            for (i = 0; i < n; i++)
                fprintf(f, " %s", tn[econ_type_of(ts, p, i)]);
            econ_fput_q(f, " ", in->f[p], "\n");
        }
        for (i = 0; i < n; i++)
            for (k = 0; k < in->nv; k++) {
                fprintf(f, "value %d %s", i + 1, tn[k]);
                econ_fput_q(f, " ", in->v[k], "\n");
            }
        for (i = 0; pistar && i < n; i++)
            for (p = 0; p < np; p++) {
                fprintf(f, "belief %d %s", i + 1, tn[econ_type_of(ts, p, i)]);
                for (j = 0; j < n; j++)
                    if (j != i)
                        fprintf(f, " %s", tn[econ_type_of(ts, p, j)]);
                econ_fput_q(f, " ", pistar[i * np + p], "\n");
            }
        fprintf(f, pistar ? "require BIC\nrequire IR interim\nobjective Pstar max revenue\n"
                          : "require EPIC\nrequire IR expost\nobjective P max revenue\n");
        st = afile_commit(&a, err);
    }
    free(tn);
    return st;
}

/* Write and solve one of the two LPs through the mechanism-file path,
 * keeping its multipliers and row map in res[0] (the report is the case's). */
static fk_status ce_solve(econ_out *o, const case_ce_inst *in, const econ_tspace ts, const char *name,
                          mpq_t *pistar, mech_model m, mech_result *res, char *path, size_t len,
                          fk_err *err)
{
    fk_status st;
    prf_econ pe;
    ce_prf pc;
    if ((st = econ_out_dir(o, err)))
        return st;
    if (snprintf(path, len, "%s/%s-%s.mech", o->outdir, name, pistar ? "Pstar" : "P") >= (int)len)
        return fk_fail(err, FK_ELIMIT, NULL, "output path too long");
    if ((st = ce_write(in, ts, name, pistar, path, err)) || (st = mech_read(m, path, err)))
        return st;
    o->econ = ce_prf_econ(&pe, &pc, m, !pistar); /* the appendix's economic parts */
    return mech_solve_keep(o, m, 0, res, err);
}

/* local virtual values nondecreasing in own value (Brooks' (1), with
 * "v_i -" restored; spacing = the gap to the next value) */
static int ce_regular(const case_ce_inst *in, const econ_tspace ts)
{
    long p;
    int i, k, ok = 1;
    mpq_t prev, phi, tail, d;
    mpq_inits(prev, phi, tail, d, NULL);
    for (i = 0; i < in->n && ok; i++)
        for (p = 0; p < in->nprof && ok; p++) {
            if (econ_type_of(ts, p, i) != 0)
                continue;
            for (k = 0; k < in->nv && ok; k++) {
                long pk = econ_prof_with(ts, p, i, k);
                int j;
                mpq_set_ui(tail, 0, 1);
                for (j = k + 1; j < in->nv; j++)
                    mpq_add(tail, tail, in->f[econ_prof_with(ts, p, i, j)]);
                mpq_set_ui(d, 0, 1);
                if (k + 1 < in->nv)
                    mpq_sub(d, in->v[k + 1], in->v[k]);
                mpq_mul(phi, d, tail);
                mpq_div(phi, phi, in->f[pk]);
                mpq_sub(phi, in->v[k], phi);
                if (k && mpq_cmp(phi, prev) < 0)
                    ok = 0;
                mpq_set(prev, phi);
            }
        }
    mpq_clears(prev, phi, tail, d, NULL);
    return ok;
}

fk_status case_ce_run(econ_out *o, const case_ce_inst *in, const char *name,
                      case_ce_res *r, fk_err *err)
{
    econ_tspace ts;
    mech_model m1, m2;
    mech_result res[MECH_MAX_LPS], res2[MECH_MAX_LPS];
    long np = in->nprof, p, k;
    int n = in->n, nv = in->nv, i, nfall = 0, have1 = 0, have2 = 0;
    mpq_t **bel = NULL, s;
    char path1[4200], path2[4200];
    fk_status st;
    econ_tspace_init(ts);
    mech_init(m1);
    mech_init(m2);
    mpq_init(s);
    if ((st = ce_validate(in, err)) || (st = ce_tspace(ts, in, err)))
        goto done;
    r->pistar = fk_qarr_new(n * np);
    if (!r->pistar) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    r->regular = ce_regular(in, ts);
    st = ce_solve(o, in, ts, name, NULL, m1, res, path1, sizeof path1, err);
    have1 = m1->nobj; /* res initialised once the file is read (mech.h) */
    if (st)
        goto done;
    if (res[0].status != LP_OPTIMAL) {
        st = fk_fail(err, FK_ELIMIT, NULL, "%s-P: LP (P) %s", name, lp_status_str(res[0].status));
        goto done;
    }
    mpq_set(r->valP, res[0].value);
    /* The local multipliers (Brooks): IC[i:v->v_i-] (IR at the bottom)
     * gets sum_{v'_i >= v_i} f(v'_i, v_-i).  With z(v) = max(0, max_i
     * f(v) phi_i(v)) on FEAS they satisfy every dual constraint of (P);
     * they are optimal iff sum_v z(v) = val(P) (checked exactly). */
    {
        mpq_t z, phi, tail, d;
        mpq_inits(z, phi, tail, d, NULL);
        mpq_set_ui(s, 0, 1);
        for (p = 0; p < np; p++) {
            mpq_set_ui(z, 0, 1);
            for (i = 0; i < n; i++) {
                int vi = econ_type_of(ts, p, i), j;
                mpq_set_ui(tail, 0, 1);
                for (j = vi + 1; j < nv; j++)
                    mpq_add(tail, tail, in->f[econ_prof_with(ts, p, i, j)]);
                mpq_set_ui(d, 0, 1);
                if (vi + 1 < nv)
                    mpq_sub(d, in->v[vi + 1], in->v[vi]);
                mpq_mul(phi, in->v[vi], in->f[p]); /* f(v) phi_i(v) */
                mpq_mul(d, d, tail);
                mpq_sub(phi, phi, d);
                if (mpq_cmp(phi, z) > 0)
                    mpq_set(z, phi);
                /* W_i(v) = f(v) + tail = sum_{v'_i >= v_i} f */
                mpq_add(r->pistar[i * np + p], tail, in->f[p]);
            }
            mpq_add(s, s, z);
        }
        r->local_optimal = mpq_equal(s, r->valP);
        mpq_clears(z, phi, tail, d, NULL);
    }
    if (!r->local_optimal || in->from_solver) {
        /* the solver's multipliers: W_i(v) sums those of the rows of
         * (i, v) itself, IRX[i:v] and DIC[i:v_i->w;v] (the row map) */
        for (k = 0; k < n * np; k++)
            mpq_set_ui(r->pistar[k], 0, 1);
        for (k = 0; k < res[0].nrow; k++) {
            const mech_row *w = &res[0].row[k];
            if (w->fam == MECH_ROW_IRX || w->fam == MECH_ROW_DIC)
                mpq_add(r->pistar[w->agent * np + w->prof], r->pistar[w->agent * np + w->prof],
                        res[0].lam[k]);
        }
    }
    for (i = 0; i < n; i++)
        for (p = 0; p < np; p++) {
            int vi = econ_type_of(ts, p, i);
            long q;
            /* normalise within (i, vi): once, at the first profile with vi */
            {
                int first = 1;
                for (q = 0; q < p; q++)
                    if (econ_type_of(ts, q, i) == vi) {
                        first = 0;
                        break;
                    }
                if (!first)
                    continue;
            }
            mpq_set_ui(s, 0, 1);
            for (q = 0; q < np; q++)
                if (econ_type_of(ts, q, i) == vi)
                    mpq_add(s, s, r->pistar[i * np + q]);
            if (mpq_sgn(s) == 0) { /* no binding constraint: f's conditional */
                nfall++;
                for (q = 0; q < np; q++)
                    if (econ_type_of(ts, q, i) == vi) {
                        mpq_set(r->pistar[i * np + q], in->f[q]);
                        mpq_add(s, s, in->f[q]);
                    }
            }
            for (q = 0; q < np; q++)
                if (econ_type_of(ts, q, i) == vi)
                    mpq_div(r->pistar[i * np + q], r->pistar[i * np + q], s);
        }
    bel = fk_calloc((size_t)n, sizeof *bel);
    if (!bel) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    for (i = 0; i < n; i++) {
        bel[i] = r->pistar + i * np;
        for (p = 0; p < np; p++)
            mpq_set(ts->bel[i][p], bel[i][p]);
    }
    st = ce_solve(o, in, ts, name, r->pistar, m2, res2, path2, sizeof path2, err);
    have2 = m2->nobj;
    if (st)
        goto done;
    if (res2[0].status == LP_UNBOUNDED) { /* a money pump: certified by the ray */
        r->p2_unbounded = 1;
    } else if (res2[0].status != LP_OPTIMAL) {
        st = fk_fail(err, FK_ELIMIT, NULL, "%s-Pstar: LP (P') %s", name, lp_status_str(res2[0].status));
        goto done;
    } else {
        mpq_set(r->valP2, res2[0].value);
    }
    r->equal = !r->p2_unbounded && mpq_equal(r->valP, r->valP2);
    if (o->quiet < 2) {
        char pb[256], lab[300];
        printf("%s: f %s regular (local virtual values nondecreasing)\n", name,
               r->regular ? "IS" : "is NOT");
        econ_print_q(stdout, "value of (P), ex post", r->valP);
        if (r->p2_unbounded)
            printf("  value of (P') with pi*        unbounded (certified ray)\n");
        else
            econ_print_q(stdout, "value of (P') with pi*", r->valP2);
        printf("  pi* from %s multipliers of (P)\n", r->local_optimal && !in->from_solver
               ? "the local (Brooks) multipliers, verified optimal: sum_v max(0, max_i f phi_i) = val(P),"
               : r->local_optimal ? "the solver's optimal (local multipliers optimal too)"
               : "the solver's optimal (local multipliers NOT optimal)");
        if (nfall)
            printf("  (%d types had no positive multiplier; their pi* is f's conditional)\n", nfall);
        printf("  worst-case beliefs pi*_i(v_-i | v_i):\n");
        for (i = 0; i < n; i++)
            for (p = 0; p < np; p++) {
                snprintf(lab, sizeof lab, "pi*[%d:%s]", i + 1, econ_prof_str(ts, p, pb, sizeof pb));
                econ_print_q(stdout, lab, bel[i][p]);
            }
        if (o->quiet < 1) {
            printf("  optimal ex post mechanism (nonzero q, t):\n");
            for (i = 0; i < n; i++)
                for (p = 0; p < np; p++) {
                    mpq_srcptr q = res[0].dec[p * res[0].ndec + i], t = res[0].pay[i * res[0].npay + p];
                    econ_prof_str(ts, p, pb, sizeof pb);
                    snprintf(lab, sizeof lab, "q[%d:%s]", i + 1, pb);
                    if (mpq_sgn(q))
                        econ_print_q(stdout, lab, q);
                    snprintf(lab, sizeof lab, "t[%d:%s]", i + 1, pb);
                    if (mpq_sgn(t))
                        econ_print_q(stdout, lab, t);
                }
            printf("  (P) and (P') as mechanism files: %s, %s (farkas model FILE)\n", path1, path2);
        }
    }
    {
        econ_out q = *o;
        char n1[320];
        if (q.quiet < 1)
            q.quiet = 1;
        snprintf(n1, sizeof n1, "%s-concordance", name);
        if ((st = case_concordance_decide(&q, ts, 1, n1, &r->concordant, err)))
            goto done;
        snprintf(n1, sizeof n1, "%s-concordance-weak", name);
        if ((st = case_concordance_decide_weak(&q, ts, 1, 1, n1, &r->weak_concordant, err)))
            goto done;
        snprintf(n1, sizeof n1, "%s-commonprior", name);
        if ((st = case_concordance_decide(&q, ts, 0, n1, &r->common_prior, err)))
            goto done;
        o->ncert = q.ncert;
        o->nbad = q.nbad;
    }
done:
    free(bel);
    mpq_clear(s);
    mech_results_clear(res, have1);
    mech_results_clear(res2, have2);
    mech_clear(m1);
    mech_clear(m2);
    econ_tspace_clear(ts);
    return st;
}

fk_status case_chung_ely(econ_out *o, int argc, char **argv, fk_err *err)
{
    case_ce_inst in;
    case_ce_res r;
    const char *vs = NULL, *fs = NULL;
    int n = 2, k, nv = 0;
    fk_status st = FK_OK;
    case_ce_inst_init(&in);
    case_ce_res_init(&r);
    for (k = 0; k < argc && !st; k++) {
        const char *a = argv[k];
        if (k + 1 >= argc)
            st = fk_fail(err, FK_EINVAL, NULL, "chung-ely: unknown or incomplete option '%s'", a);
        else if (strcmp(a, "--values") == 0)
            vs = argv[++k];
        else if (strcmp(a, "--prior") == 0)
            fs = argv[++k];
        else if (strcmp(a, "--n") == 0) {
            char *e;
            n = (int)strtol(argv[++k], &e, 10);
            if (*e || n < 1 || n > 6)
                st = fk_fail(err, FK_EINVAL, NULL, "chung-ely: --n takes 1..6");
        } else
            st = fk_fail(err, FK_EINVAL, NULL, "chung-ely: unknown or incomplete option '%s'", a);
    }
    if (st)
        goto done;
    if (!vs && !fs && n == 2) {
        if ((st = case_ce_default(&in, err)))
            goto done;
        printf("chung-ely: 2 bidders, values 1,2,3, correlated prior f(v1,v2) = "
               "[4 2 1; 2 4 2; 1 2 4]/22\n");
    } else {
        mpq_t *v = NULL, *f = NULL;
        long p;
        if (!vs) {
            st = fk_fail(err, FK_EINVAL, NULL, "chung-ely: give --values (and --prior, or uniform)");
            goto done;
        }
        if ((st = econ_qlist_parse(vs, "chung-ely: --values", &v, &nv, err)))
            goto done;
        st = ce_alloc(&in, n, nv, err);
        for (k = 0; k < nv && !st; k++)
            mpq_set(in.v[k], v[k]);
        fk_qarr_free(v, nv);
        if (!st)
            st = econ_prior_parse(fs, "chung-ely: --prior (profiles, bidder 1 fastest)", (int)in.nprof, &f, err);
        for (p = 0; !st && p < in.nprof; p++)
            mpq_set(in.f[p], f[p]);
        fk_qarr_free(f, (int)in.nprof);
        if (st)
            goto done;
        printf("chung-ely: %d bidders, %d values, prior from --prior%s\n", n, nv, fs ? "" : " (uniform)");
    }
    if ((st = case_ce_run(o, &in, "chung-ely", &r, err)))
        goto done;
    {
        char *s1 = econ_qstr(r.valP), *s2 = econ_qstr(r.valP2);
        int eq = r.equal;
        if (r.p2_unbounded) {
            free(s2);
            s2 = fk_strdup("unbounded");
        }
        printf("\nverdict table (chung-ely)\n  value (P) ex post:        %s\n  value (P') with pi*:      %s  (%s)\n"
               "  pi* from local multipliers (optimal): %s\n  pi* noisy concordant (lambda >= 0, not all 0): %s\n"
               "  pi* noisy concordant (every lambda > 0):       %s\n  pi* admits a common prior: %s\n  f regular:                %s\n",
               s1, s2, eq ? "EQUAL" : "DIFFERENT", r.local_optimal ? "yes" : "no", r.weak_concordant ? "yes" : "NO", r.concordant ? "yes" : "NO",
               r.common_prior ? "yes" : "no", r.regular ? "yes" : "no");
        printf("summary: chung-ely | n=%d |V|=%d%s | val(P) %s val(P'); pi* noisy concordant: %s "
               "(every lambda > 0: %s); common prior: %s\n", in.n, in.nv,
               r.regular ? " regular" : " irregular", eq ? "=" : "!=",
               r.weak_concordant ? "yes" : "no", r.concordant ? "yes" : "no",
               r.common_prior ? "yes" : "no");
        printf("values: P=%s Pstar=%s\n", s1, s2);
        free(s1);
        free(s2);
    }
done:
    case_ce_res_clear(&r, &in);
    case_ce_inst_clear(&in);
    return st;
}
