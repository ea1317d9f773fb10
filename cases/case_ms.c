/* case_ms.c: Myerson-Satterthwaite with discrete types (seeds/001).
 *
 * A buyer with value v in V = {v_1 < ... } (prior f) and a seller with
 * cost c in C (prior g), independent.  Trade is fixed to ex post
 * efficient: q(v, c) = 1 if v > c, 0 if v < c, and at a tie v = c (where
 * trade is efficient either way) 0, 1 or 1/2 by the tie rule.  Free
 * payments t[buyer], t[seller] (paid by each; the seller's is negative
 * when he is paid).
 *
 * One modelling path: the instance is written as the mechanism file
 * OUTDIR/NAME.mech (docs/mechanism-files.md: alternatives none, trade;
 * `allocation efficient ties first|last|uniform` for none, trade, half;
 * BIC, interim IR, no deficit ex ante or ex post) and solved by
 * mech_solve, so `farkas model OUTDIR/NAME.mech` re-runs exactly this.
 * Rows IC[buyer:v->w], IC[seller:c->d], IR[buyer:v], IR[seller:c], and ND
 * (ex ante: E(t_B + t_S) + s >= 0) or ND[v,c] (ex post, per profile).
 *
 * LP `..-feas` has no subsidy and no objective: feasible (a mechanism) or
 * a Farkas certificate of impossibility.  LP `..-subsidy` adds s, a free
 * column, and minimises it: the minimal external subsidy, exactly.
 * Efficient trade with BIC, IR and BB is possible iff that optimum is
 * <= 0; the case checks the two LPs agree. */
#include <stdlib.h>
#include <string.h>

#include "afile.h"
#include "case.h"
#include "mech.h"
#include "mech_prf.h"
#include "ms_prf.h"
#include "rat.h"

void case_ms_inst_init(case_ms_inst *in)
{
    memset(in, 0, sizeof *in);
}

void case_ms_inst_clear(case_ms_inst *in)
{
    fk_qarr_free(in->v, in->nb);
    fk_qarr_free(in->f, in->nb);
    fk_qarr_free(in->c, in->ns);
    fk_qarr_free(in->g, in->ns);
    memset(in, 0, sizeof *in);
}

/* q(v_i, c_j) under the tie rule */
static void trade_q(mpq_t q, const case_ms_inst *in, int i, int j)
{
    int s = mpq_cmp(in->v[i], in->c[j]);
    if (s > 0)
        mpq_set_ui(q, 1, 1);
    else if (s < 0 || in->tie == CASE_MS_TIE_NONE)
        mpq_set_ui(q, 0, 1);
    else if (in->tie == CASE_MS_TIE_TRADE)
        mpq_set_ui(q, 1, 1);
    else
        mpq_set_ui(q, 1, 2);
}

const char *case_ms_tie_str(int tie)
{
    return tie == CASE_MS_TIE_NONE ? "none" : tie == CASE_MS_TIE_TRADE ? "trade" : "half";
}

/* Check the instance: grids strictly increasing, priors >= 0 summing to 1. */
static fk_status validate(const case_ms_inst *in, fk_err *err)
{
    mpq_t s;
    int k, side;
    fk_status st = FK_OK;
    if (in->nb < 1 || in->ns < 1)
        return fk_fail(err, FK_EINVAL, NULL, "ms: empty grid");
    mpq_init(s);
    for (side = 0; side < 2 && !st; side++) {
        mpq_t *x = side ? in->c : in->v, *p = side ? in->g : in->f;
        int n = side ? in->ns : in->nb;
        mpq_set_ui(s, 0, 1);
        for (k = 0; k < n && !st; k++) {
            if (k && mpq_cmp(x[k - 1], x[k]) >= 0)
                st = fk_fail(err, FK_EINVAL, NULL, "ms: %s grid must be strictly increasing",
                             side ? "cost" : "value");
            else if (mpq_sgn(p[k]) < 0)
                st = fk_fail(err, FK_EINVAL, NULL, "ms: negative probability");
            mpq_add(s, s, p[k]);
        }
        if (!st && mpq_cmp_ui(s, 1, 1) != 0)
            st = fk_fail(err, FK_EINVAL, NULL, "ms: %s prior does not sum to 1", side ? "cost" : "value");
    }
    mpq_clear(s);
    return st;
}

/* Expected gains from efficient trade: sum f g q (v - c). */
void case_ms_surplus(mpq_t s, const case_ms_inst *in)
{
    mpq_t q, a;
    int i, j;
    mpq_init(q);
    mpq_init(a);
    mpq_set_ui(s, 0, 1);
    for (i = 0; i < in->nb; i++)
        for (j = 0; j < in->ns; j++) {
            trade_q(q, in, i, j);
            mpq_sub(a, in->v[i], in->c[j]);
            mpq_mul(a, a, q);
            mpq_mul(a, a, in->f[i]);
            mpq_mul(a, a, in->g[j]);
            mpq_add(s, s, a);
        }
    mpq_clear(q);
    mpq_clear(a);
}

/* A grid point's type name: its exact value ("1/5") when that is short
 * enough for a mechanism-file name, else PREFIX<k>. */
static void type_name(char *buf, size_t len, const mpq_t x, char prefix, int k)
{
    char *q = econ_qstr(x);
    if (strlen(q) <= MECH_MAX_NAME && strlen(q) < len)
        snprintf(buf, len, "%s", q);
    else
        snprintf(buf, len, "%c%d", prefix, k + 1);
    free(q);
}

static void put_q(FILE *f, const char *pre, const mpq_t x)
{
    char *q = econ_qstr(x);
    fprintf(f, "%s%s", pre, q);
    free(q);
}

/* The instance as a mechanism file (docs/mechanism-files.md): what this
 * case solves is exactly `farkas model OUTDIR/NAME.mech`. */
static fk_status write_mech(const case_ms_inst *in, const char *name, const char *path, fk_err *err)
{
    static const char *ties[] = {"first", "last", "uniform"}; /* none, trade, half */
    char (*vn)[40] = fk_calloc((size_t)in->nb, sizeof *vn), (*cn)[40] = fk_calloc((size_t)in->ns, sizeof *cn);
    afile a;
    fk_status st = FK_OK;
    int i, j;
    if (!vn || !cn)
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    if (!st)
        st = afile_open(&a, path, err);
    if (!st) {
        FILE *f = a.f;
        fprintf(f, "# written by 'farkas case ms': Myerson-Satterthwaite, buyer value / seller cost grids,\n"
                   "# ex post efficient trade (tie: %s), BIC, interim IR, %s no deficit\n",
                case_ms_tie_str(in->tie), in->expost ? "ex post" : "ex ante");
        fprintf(f, "mechanism %s\nagent buyer", name);
        for (i = 0; i < in->nb; i++) {
            type_name(vn[i], sizeof vn[i], in->v[i], 'v', i);
            fprintf(f, "%s%s", i && i % 40 == 0 ? "\nagent buyer " : " ", vn[i]);
        }
        fprintf(f, "\nagent seller");
        for (j = 0; j < in->ns; j++) {
            type_name(cn[j], sizeof cn[j], in->c[j], 'c', j);
            fprintf(f, "%s%s", j && j % 40 == 0 ? "\nagent seller " : " ", cn[j]);
        }
        fprintf(f, "\nalternatives none trade\nprior buyer");
        for (i = 0; i < in->nb; i++)
            put_q(f, i && i % 40 == 0 ? "\nprior buyer " : " ", in->f[i]);
        fprintf(f, "\nprior seller");
        for (j = 0; j < in->ns; j++)
            put_q(f, j && j % 40 == 0 ? "\nprior seller " : " ", in->g[j]);
        fprintf(f, "\n");
        for (i = 0; i < in->nb; i++) {
            fprintf(f, "value buyer trade %s", vn[i]);
            put_q(f, " ", in->v[i]);
            fprintf(f, "\n");
        }
        for (j = 0; j < in->ns; j++) {
            mpq_t m;
            mpq_init(m);
            mpq_neg(m, in->c[j]);
            fprintf(f, "value seller trade %s", cn[j]);
            put_q(f, " ", m);
            fprintf(f, "\n");
            mpq_clear(m);
        }
        fprintf(f, "allocation efficient ties %s\nrequire BIC\nrequire IR interim\n"
                   "require nodeficit %s\nobjective feas feasibility\nobjective subsidy min subsidy\n",
                ties[in->tie], in->expost ? "expost" : "exante");
        st = afile_commit(&a, err);
    }
    free(vn);
    free(cn);
    return st;
}

/* Thin wrapper: the instance is written as OUTDIR/NAME.mech and solved by
 * the mechanism-file path (cases/mech.c), whose two LPs NAME-feas and
 * NAME-subsidy are certified and checked there. */
fk_status case_ms_solve(econ_out *o, const case_ms_inst *in, const char *name,
                        int *feasible, mpq_t subsidy, fk_err *err)
{
    char path[4200];
    mech_model m;
    mech_result res[MECH_MAX_LPS];
    fk_status st;
    int have = 0;
    mech_init(m);
    if ((st = validate(in, err)) || (st = econ_out_dir(o, err)))
        goto done;
    if (snprintf(path, sizeof path, "%s/%s.mech", o->outdir, name) >= (int)sizeof path) {
        st = fk_fail(err, FK_ELIMIT, NULL, "output path too long");
        goto done;
    }
    if ((st = write_mech(in, name, path, err)) || (st = mech_read(m, path, err)))
        goto done;
    if (o->quiet < 1)
        printf("%s: the instance as a mechanism file: %s (farkas model %s)\n", name, path, path);
    prf_econ pe;
    /* the appendices' economic parts: the information-rent reading needs the
     * one ex ante budget row ND; with ex post budget rows (one per profile)
     * the mechanism file's generic text (priced rows in words) */
    o->econ = in->expost ? mech_prf_econ(&pe, m) : ms_prf_econ(&pe, in);
    st = mech_solve(o, m, 0, res, err);
    have = 1; /* res initialised even on failure (mech.h) */
    if (st)
        goto done;
    if (res[1].status != LP_OPTIMAL || res[0].status == LP_UNBOUNDED) {
        /* IR at the lowest types and BIC bound the subsidy from below */
        st = fk_fail(err, FK_ELIMIT, NULL, "%s: subsidy LP %s", name, lp_status_str(res[1].status));
        goto done;
    }
    *feasible = res[0].status == LP_OPTIMAL;
    mpq_set(subsidy, res[1].value);
    if (*feasible != (mpq_sgn(subsidy) <= 0))
        st = fk_fail(err, FK_ELIMIT, NULL, "%s: feasibility LP and subsidy LP disagree", name);
    else if (o->quiet < 1) {
        printf("%s: efficient trade with BIC, interim IR and %s budget balance is %s\n", name,
               in->expost ? "ex post" : "ex ante", *feasible ? "POSSIBLE" : "IMPOSSIBLE");
        econ_print_q(stdout, "minimal external subsidy", subsidy);
    }
done:
    if (have)
        mech_results_clear(res, m->nobj);
    mech_clear(m);
    return st;
}

/* The grid {0, 1/(n-1), ..., 1} with the uniform prior, both sides. */
fk_status case_ms_uniform(case_ms_inst *in, int n, fk_err *err)
{
    int k;
    case_ms_inst_clear(in);
    if (n < 1 || n > 200)
        return fk_fail(err, FK_EINVAL, NULL, "ms: grid size must be 1..200");
    in->v = fk_qarr_new(n);
    in->f = fk_qarr_new(n);
    in->c = fk_qarr_new(n);
    in->g = fk_qarr_new(n);
    in->nb = in->ns = n;
    if (!in->v || !in->f || !in->c || !in->g)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    for (k = 0; k < n; k++) {
        if (n > 1)
            mpq_set_ui(in->v[k], (unsigned long)k, (unsigned long)(n - 1));
        mpq_canonicalize(in->v[k]);
        mpq_set(in->c[k], in->v[k]);
        mpq_set_ui(in->f[k], 1, (unsigned long)n);
        mpq_set_ui(in->g[k], 1, (unsigned long)n);
    }
    return FK_OK;
}

static void print_list(const char *label, mpq_t *x, int n)
{
    int k;
    printf("%s", label);
    for (k = 0; k < n; k++) {
        char *s = econ_qstr(x[k]);
        printf("%s%s", k ? "," : "", s);
        free(s);
    }
}

fk_status case_ms(econ_out *o, int argc, char **argv, fk_err *err)
{
    case_ms_inst in;
    const char *vs = NULL, *cs = NULL, *fs = NULL, *gs = NULL;
    int k, lo = 0, hi = -1, feas = 0, n;
    fk_status st = FK_OK;
    mpq_t sub, sur;
    case_ms_inst_init(&in);
    mpq_init(sub);
    mpq_init(sur);
    for (k = 0; k < argc && !st; k++) {
        const char *a = argv[k], *val = k + 1 < argc ? argv[k + 1] : NULL;
        if (!val && a[0] == '-')
            st = fk_fail(err, FK_EINVAL, NULL, "ms: option '%s' needs a value", a);
        else if (strcmp(a, "--values") == 0)
            vs = argv[++k];
        else if (strcmp(a, "--costs") == 0)
            cs = argv[++k];
        else if (strcmp(a, "--pv") == 0)
            fs = argv[++k];
        else if (strcmp(a, "--pc") == 0)
            gs = argv[++k];
        else if (strcmp(a, "--tie") == 0) {
            k++;
            if (strcmp(val, "none") == 0)
                in.tie = CASE_MS_TIE_NONE;
            else if (strcmp(val, "trade") == 0)
                in.tie = CASE_MS_TIE_TRADE;
            else if (strcmp(val, "half") == 0)
                in.tie = CASE_MS_TIE_HALF;
            else
                st = fk_fail(err, FK_EINVAL, NULL, "ms: --tie takes none, trade or half");
        } else if (strcmp(a, "--bb") == 0) {
            k++;
            if (strcmp(val, "exante") == 0)
                in.expost = 0;
            else if (strcmp(val, "expost") == 0)
                in.expost = 1;
            else
                st = fk_fail(err, FK_EINVAL, NULL, "ms: --bb takes exante or expost");
        } else if (strcmp(a, "--sweep") == 0) {
            char *e;
            k++;
            lo = (int)strtol(val, &e, 10);
            hi = *e == '-' ? (int)strtol(e + 1, &e, 10) : -1;
            if (*e || lo < 1 || hi < lo || hi > 40)
                st = fk_fail(err, FK_EINVAL, NULL, "ms: --sweep takes A-B with 1 <= A <= B <= 40");
        } else
            st = fk_fail(err, FK_EINVAL, NULL, "ms: unknown argument '%s'", a);
    }
    if (st)
        goto done;
    if (hi >= lo && lo >= 1) { /* sweep */
        int nposs = 0, last = -1;
        if (vs || cs || fs || gs) {
            st = fk_fail(err, FK_EINVAL, NULL, "ms: --sweep uses uniform grids; no --values/--costs");
            goto done;
        }
        printf("ms sweep: values = costs = {0, 1/(n-1), ..., 1}, uniform priors, tie rule %s, %s budget balance\n",
               case_ms_tie_str(in.tie), in.expost ? "ex post" : "ex ante");
        printf("  %4s  %-12s %-16s %s\n", "n", "efficient", "min subsidy", "gains from trade");
        for (n = lo; n <= hi; n++) {
            char nm[64], *s1, *s2;
            int tie = in.tie, ep = in.expost;
            econ_out q = *o;
            if ((st = case_ms_uniform(&in, n, err)))
                goto done;
            in.tie = tie;
            in.expost = ep;
            snprintf(nm, sizeof nm, "ms-sweep-%s-%s-n%d", case_ms_tie_str(tie), ep ? "expost" : "exante", n);
            q.quiet = o->quiet > 1 ? 2 : 1;
            if ((st = case_ms_solve(&q, &in, nm, &feas, sub, err)))
                goto done;
            o->ncert = q.ncert;
            o->nbad = q.nbad;
            case_ms_surplus(sur, &in);
            s1 = econ_qstr(sub);
            s2 = econ_qstr(sur);
            printf("  %4d  %-12s %-16s %s\n", n, feas ? "possible" : "IMPOSSIBLE", s1, s2);
            printf("values: n=%d subsidy=%s\n", n, s1);
            free(s1);
            free(s2);
            nposs += feas;
            if (feas)
                last = n;
        }
        printf("summary: ms | sweep n=%d..%d tie=%s bb=%s | efficient trade possible for %d grid sizes "
               "(largest n = %d), impossible for %d\n", lo, hi, case_ms_tie_str(in.tie),
               in.expost ? "expost" : "exante", nposs, last, hi - lo + 1 - nposs);
        goto done;
    }
    if (!vs && !cs) {
        int tie = in.tie, ep = in.expost;
        if ((st = case_ms_uniform(&in, 6, err)))
            goto done;
        in.tie = tie;
        in.expost = ep;
        if (fs || gs) {
            st = fk_fail(err, FK_EINVAL, NULL, "ms: --pv/--pc need --values/--costs");
            goto done;
        }
    } else {
        if (!vs || !cs) {
            st = fk_fail(err, FK_EINVAL, NULL, "ms: give both --values and --costs");
            goto done;
        }
        if ((st = econ_qlist_parse(vs, "ms: --values", &in.v, &in.nb, err)) ||
            (st = econ_qlist_parse(cs, "ms: --costs", &in.c, &in.ns, err)) ||
            (st = econ_prior_parse(fs, "ms: --pv", in.nb, &in.f, err)) ||
            (st = econ_prior_parse(gs, "ms: --pc", in.ns, &in.g, err)))
            goto done;
    }
    print_list("ms: buyer values ", in.v, in.nb);
    print_list(" prior ", in.f, in.nb);
    print_list("; seller costs ", in.c, in.ns);
    print_list(" prior ", in.g, in.ns);
    printf("; tie rule %s; %s budget balance\n", case_ms_tie_str(in.tie), in.expost ? "ex post" : "ex ante");
    if ((st = case_ms_solve(o, &in, in.expost ? "ms-expost" : "ms", &feas, sub, err)))
        goto done;
    case_ms_surplus(sur, &in);
    {
        char *s1 = econ_qstr(sub), *s2 = econ_qstr(sur);
        econ_print_q(stdout, "expected gains from trade", sur);
        printf("\nverdict table (ms)\n  efficient trade, BIC, interim IR, %s BB: %s\n  minimal subsidy: %s\n",
               in.expost ? "ex post" : "ex ante", feas ? "possible" : "impossible (Farkas certificate)", s1);
        printf("summary: ms | %dx%d grid tie=%s bb=%s | efficient trade %s\n", in.nb, in.ns,
               case_ms_tie_str(in.tie), in.expost ? "expost" : "exante", feas ? "possible" : "impossible");
        printf("values: min_subsidy=%s gains=%s\n", s1, s2);
        free(s1);
        free(s2);
    }
done:
    mpq_clear(sub);
    mpq_clear(sur);
    case_ms_inst_clear(&in);
    return st;
}
