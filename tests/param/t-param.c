/* t-param.c: parametric verdicts (exact/param/, certify/pcheck/) against
 * closed forms derived here by hand and against exact single-instance
 * solves of the case's own LPs at random rational points.
 *
 * Peters' double auction (cases/case_da.c defaults v_l = 1, v_h = 2): the
 * by-hand optimum of tests/cases/t-da.c is W*(pi) = ((1+pi) v_h + v_l)/4
 * = (2 + 2 pi + 1)/4 = 3/4 + pi/2 on all of (1/2, 1].
 *
 * BCE contribution game (--low 0 --high 3 --cost 2): one player, C pays
 * theta - 2, i.e. -2 in state L and +1 in state H, P(H) = mu.  Obedience to
 * "contribute" needs P(C,H) - 2 P(C,L) >= 0, so at best C is recommended
 * in all of H and in L with P(C,L) <= mu/2 (and <= 1 - mu):
 *     max P(C) = mu + min(1 - mu, mu/2) = min(1, 3 mu/2), kink at mu = 2/3.
 * Obedience to "not contribute" needs P(N,H) - 2 P(N,L) <= 0, so
 * P(N,H) <= 2 P(N,L) <= 2 (1 - mu) and
 *     min P(C) = mu - min(mu, 2(1 - mu)) = max(0, 3 mu - 2).
 *
 * Brooks' no-trade example with q = 2/3 (cases/econ.c): player 1's belief
 * that 2's signal is right is p, player 2's own is q.  A common prior
 * exists iff p = q (both conditionals then come from one joint
 * distribution), so without IC a trade exists exactly when p != 2/3;
 * with IC the beliefs are noisy concordant iff p >= q (the case's claim,
 * docs/cases.md), so an IC trade exists exactly when p < 2/3. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case_over.h"
#include "cert.h"
#include "par.h"
#include "pcheck/pchk.h"
#include "prf_param.h"
#include "solve.h"
#include "testlib.h"

static const case_entry *find_case(const char *name)
{
    int k;
    for (k = 0; k < case_count; k++)
        if (strcmp(case_table[k].name, name) == 0)
            return &case_table[k];
    return NULL;
}

/* the piece of r containing t, or NULL */
static const par_piece *piece_at(const par_result *r, const mpq_t t)
{
    int k;
    for (k = 0; k < r->np; k++) {
        const par_piece *p = r->p + k;
        int ca = -par_end_cmp(p, 0, t), cb = -par_end_cmp(p, 1, t);   /* exact at algebraic ends */
        if ((ca > 0 || (ca == 0 && p->ac)) && (cb < 0 || (cb == 0 && p->bc)))
            return p;
    }
    return NULL;
}

/* a random rational in [lo, hi] with denominator <= 100 (the ends and
 * 2/3 come up on their own often enough at this size) */
static void rand_q(mpq_t t, fk_rng *r, const mpq_t lo, const mpq_t hi)
{
    mpq_t w;
    long d = fk_rng_range(r, 1, 100), n;
    mpq_init(w);
    mpq_sub(w, hi, lo);
    n = fk_rng_range(r, 0, d);
    mpq_set_si(t, n, (unsigned long)d);
    mpq_canonicalize(t);
    mpq_mul(t, t, w);
    mpq_add(t, t, lo);
    mpq_clear(w);
}

typedef void (*closed_form)(mpq_t v, int lp, const mpq_t t); /* optimal value of LP lp */
typedef int (*feasible_form)(int lp, const mpq_t t);         /* 1 if feasible */

/* Solve the case's (cname NULL: the mechanism file args[0]'s) parametric models; for each LP and 50 random rational
 * t in the interval (50 * FK_TEST_MULT): the piece's verdict and value
 * agree with (a) the closed form and (b) an exact solve of the LP the case
 * itself builds at t (where the case accepts t: open_ends asks for t
 * strictly inside).  Every certificate is accepted by the checker. */
static int run_case(fk_rng *r, const char *cname, char **args, int nargs, const char *var,
                    const char *spec, int nlp_want, closed_form val, feasible_form feas,
                    int open_ends)
{
    const case_entry *ce = cname ? find_case(cname) : NULL;
    par_model *pms[8];
    par_result res[8];
    int npm = 0, l;
    long it, N = 50 * tl_mult();
    fk_err err;
    char dir[] = "/tmp/fk-param-XXXXXX", mp[256], cp[256];
    mpq_t t, v, want;
    fk_err_clear(&err);
    if (!TL_CHECK(ce != NULL || !cname, "no case %s", cname) || !mkdtemp(dir))
        return TL_FAIL;
    if (!cname)
        cname = args[0];   /* a mechanism file (case_over.h) */
    mpq_inits(t, v, want, NULL);
    if (!TL_CHECK(case_over_models(ce, nargs, args, spec, 4, pms, 8, &npm, &err) == FK_OK,
                  "%s: %s", cname, err.msg) ||
        !TL_CHECK(npm == nlp_want, "%s: %d LPs, want %d", cname, npm, nlp_want))
        goto out;
    for (l = 0; l < npm; l++) {
        par_result_init(&res[l]);
        if (!TL_CHECK(par_solve(&res[l], pms[l], &err) == FK_OK, "%s: %s", pms[l]->name, err.msg))
            continue;
        snprintf(mp, sizeof mp, "%s/m%d.pmodel", dir, l);
        snprintf(cp, sizeof cp, "%s/c%d.pcert", dir, l);
        if (TL_CHECK(par_model_write(pms[l], mp, &err) == FK_OK &&
                     par_cert_write(&res[l], pms[l], mp, cp, &err) == FK_OK, "%s", err.msg))
            TL_CHECK(pchk_files(mp, cp, 1) == 0, "%s: the checker rejects the certificate",
                     pms[l]->name);
        unlink(mp);
        unlink(cp);
    }
    for (it = 0; it < N && !tl_failed_now(); it++) {
        lp_model *lps[8];
        int nlp = 0;
        rand_q(t, r, pms[0]->tlo, pms[0]->thi);
        if (open_ends && (mpq_equal(t, pms[0]->tlo) || mpq_equal(t, pms[0]->thi)))
            continue;
        if (!TL_CHECK(case_over_capture(ce, nargs, args, var, t, lps, 8, &nlp, &err) == FK_OK,
                      "%s at %s = %s: %s", cname, var, mpq_get_str(NULL, 10, t), err.msg))
            break;
        for (l = 0; l < npm && l < nlp; l++) {
            const par_piece *pc = piece_at(&res[l], t);
            lp_answer a;
            solve_opts o;
            char *ts = mpq_get_str(NULL, 10, t);
            int f = feas(l, t);
            lp_answer_init(&a);
            solve_opts_default(&o);
            TL_CHECK(pc != NULL, "%s: no piece contains %s", pms[l]->name, ts);
            TL_CHECK(solve_lp(&a, lps[l], &o, NULL, &err) == FK_OK, "%s", err.msg);
            TL_CHECK((a.status == LP_OPTIMAL) == f, "%s at %s: single solve says %s, by hand %s",
                     pms[l]->name, ts, lp_status_str(a.status), f ? "feasible" : "infeasible");
            if (pc) {
                TL_CHECK((pc->verdict == PAR_OPTIMAL) == f, "%s at %s: piece verdict differs",
                         pms[l]->name, ts);
                if (f && pc->verdict == PAR_OPTIMAL && a.status == LP_OPTIMAL) {
                    fmpz_poly_q_evaluate(v, pc->value, t);
                    val(want, l, t);
                    TL_CHECK(mpq_equal(v, want), "%s at %s: piece value differs from the closed form",
                             pms[l]->name, ts);
                    TL_CHECK(mpq_equal(v, a.objval), "%s at %s: piece value differs from the "
                             "single-instance solve", pms[l]->name, ts);
                }
            }
            free(ts);
            lp_answer_clear(&a);
        }
        TL_CHECK(nlp == npm, "%s: %d LPs at one point", cname, nlp);
        for (l = 0; l < nlp; l++)
            lp_free(lps[l]);
    }
    for (l = 0; l < npm; l++)
        par_result_clear(&res[l]);
out:
    for (l = 0; l < npm; l++)
        par_model_free(pms[l]);
    rmdir(dir);
    mpq_clears(t, v, want, NULL);
    return TL_RESULT();
}

/* ---- Peters ---------------------------------------------------------------- */

static void da_val(mpq_t v, int lp, const mpq_t pi)
{
    mpq_t q;
    (void)lp;
    mpq_init(q);
    mpq_set_ui(q, 1, 2);   /* 3/4 + pi/2 for both LPs (the essay's fixes p_hl = v_l) */
    mpq_mul(v, pi, q);
    mpq_set_ui(q, 3, 4);
    mpq_add(v, v, q);
    mpq_clear(q);
}

static int always(int lp, const mpq_t t)
{
    (void)lp;
    (void)t;
    return 1;
}

int test_param_peters(fk_rng *r)
{
    return run_case(r, "double-auction", NULL, 0, "pi", "pi=1/2:1", 2, da_val, always, 1);
}

/* ---- BCE -------------------------------------------------------------------- */

static void bce_val(mpq_t v, int lp, const mpq_t mu)
{
    mpq_t a;
    mpq_init(a);
    if (lp == 0) {                        /* best: min(1, 3 mu / 2) */
        mpq_set_ui(a, 3, 2);
        mpq_mul(v, mu, a);
        if (mpq_cmp_ui(v, 1, 1) > 0)
            mpq_set_ui(v, 1, 1);
    } else {                              /* worst: max(0, 3 mu - 2) */
        mpq_set_ui(a, 3, 1);
        mpq_mul(v, mu, a);
        mpq_set_ui(a, 2, 1);
        mpq_sub(v, v, a);
        if (mpq_sgn(v) < 0)
            mpq_set_ui(v, 0, 1);
    }
    mpq_clear(a);
}

static char *bce_args[] = {"--low", "0", "--high", "3", "--cost", "2"};

int test_param_bce(fk_rng *r)
{
    return run_case(r, "bce", bce_args, 6, "prior", "prior=0:1", 2, bce_val, always, 1);
}

/* The best LP of bce with args over spec: exactly two pieces, [0, 2/3] and (2/3, 1]. */
static void expect_kink(char **args, int nargs, const char *spec)
{
    const case_entry *ce = find_case("bce");
    par_model *pms[8];
    par_result res;
    int npm = 0, l;
    fk_err err;
    mpq_t k;
    mpq_init(k);
    mpq_set_ui(k, 2, 3);
    par_result_init(&res);
    fk_err_clear(&err);
    if (TL_CHECK(case_over_models(ce, nargs, args, spec, 4, pms, 8, &npm, &err) == FK_OK, "%s", err.msg) &&
        TL_CHECK(par_solve(&res, pms[0], &err) == FK_OK, "%s", err.msg))
        TL_CHECK(res.np == 2 && mpq_equal(res.p[0].b, k) && res.p[0].bc && !res.p[1].ac,
                 "best over %s: %d pieces, want [0, 2/3] and (2/3, 1]", spec, res.np);
    par_result_clear(&res);
    for (l = 0; l < npm; l++)
        par_model_free(pms[l]);
    mpq_clear(k);
}

/* The kink itself. */
int test_param_bce_kink(fk_rng *r)
{
    (void)r;
    expect_kink(bce_args, 6, "prior=0:1");
    return TL_RESULT();
}

/* ---- notrade ----------------------------------------------------------------- */

static void zero_val(mpq_t v, int lp, const mpq_t t)
{
    (void)lp;
    (void)t;
    mpq_set_ui(v, 0, 1);
}

/* LP 0 is noic (trade iff p != q), LP 1 is ic (trade iff p < q), q = 2/3 */
static int nt_feas(int lp, const mpq_t p)
{
    int c = mpq_cmp_ui(p, 2, 3);
    return lp == 0 ? c != 0 : c < 0;
}

static char *nt_args[] = {"--q", "2/3"};

int test_param_notrade(fk_rng *r)
{
    return run_case(r, "notrade", nt_args, 2, "p", "p=1/2:1", 2, zero_val, nt_feas, 0);
}

/* ---- the same instances as .bce and .tsp files -------------------------------------- */

/* tests/data/contribution-mu.bce writes the prior as '1-mu mu' and the
 * payoffs theta - 2 of --low 0 --high 3 --cost 2 as -2 and 1: the closed
 * forms are those of bce_val above (max P(C) = min(1, 3 mu/2), min P(C) =
 * max(0, 3 mu - 2)), and the exact single solves are of the LPs the case
 * builds from the file with mu written in at each random point. */
static char *bce_file_args[] = {"tests/data/contribution-mu.bce"};

int test_param_bce_file(fk_rng *r)
{
    return run_case(r, "bce", bce_file_args, 1, "mu", "mu=0:1", 2, bce_val, always, 1);
}

/* tests/data/brooks-p.tsp is Brooks' example with player 1's beliefs
 * p/2, (1-p)/2, (1-p)/2, p/2 and q = 2/3: nt_feas above (a trade iff
 * p != 2/3, an IC trade iff p < 2/3).  Here the ends are kept: p = 1 puts
 * a zero belief in the file, which the reader allows. */
static char *nt_file_args[] = {"tests/data/brooks-p.tsp"};

int test_param_notrade_file(fk_rng *r)
{
    return run_case(r, "notrade", nt_file_args, 1, "p", "p=1/2:1", 2, zero_val, nt_feas, 0);
}

/* The kink of the file route is exactly at 2/3 too, and a file that does
 * not mention the parameter, or a bad expression in it, is refused with
 * the user's file named. */
int test_param_file_refuse(fk_rng *r)
{
    const case_entry *ce = find_case("bce");
    par_model *pms[8];
    int npm = 0;
    fk_err err;
    char dir[] = "/tmp/fk-pfile-XXXXXX", path[256];
    char *args[1];
    FILE *f;
    (void)r;
    fk_err_clear(&err);
    expect_kink(bce_file_args, 1, "mu=0:1");
    TL_CHECK(case_over_models(ce, 1, bce_file_args, "nu=0:1", 4, pms, 8, &npm, &err) == FK_EINVAL &&
             strstr(err.msg, "does not mention nu") != NULL, "a file without nu: %s", err.msg);
    if (mkdtemp(dir)) {
        snprintf(path, sizeof path, "%s/bad.bce", dir);
        f = fopen(path, "w");
        if (TL_CHECK(f != NULL, "cannot write %s", path)) {
            fputs("players 1\nstates thL thH\nprior 1-mu mu*\nactions 1 C NC\npayoff thL C -2\n", f);
            fclose(f);
            args[0] = path;
            TL_CHECK(case_over_models(ce, 1, args, "mu=0:1", 4, pms, 8, &npm, &err) == FK_EPARSE &&
                     strstr(err.where, path) == err.where && strstr(err.where, ":3:") != NULL,
                     "a bad expression: '%s: %s'", err.where, err.msg);
            unlink(path);
        }
        rmdir(dir);
    }
    TL_CHECK(npm == 0, "models returned on failure");
    return TL_RESULT();
}

/* ---- Myerson-Satterthwaite with a parameter in a prior --------------------------------- */

/* tests/data/ms-2x2-t.mech: buyer values v in {1, 3} with P(v = 3) = t, seller costs c in {0, 2}
 * with P(c = 0) = 3/4 (independent), trade exactly when v > c (all profiles but (1, 2)), free
 * payments t_B(v, c), t_S(v, c) (each paid by that agent), BIC, interim IR, ex ante
 * E(t_B + t_S) + s >= 0, s minimised.  By hand, with a = t, b = 3/4 and the interim trade
 * probabilities Q_B(1) = b, Q_B(3) = 1, Q_S(0) = 1, Q_S(2) = a:
 *   Buyer (U_B(v) = v Q_B(v) - T_B(v)): IR at v = 1 and IC 3 -> 1 bind, U_B(1) = 0,
 *   U_B(3) = (3 - 1) Q_B(1) = 2b (and 1 -> 3 holds since Q_B is increasing), so
 *     max E T_B = (1-a)(1)(b) + a(3)(1) - a(2b) = b + 3a - 3ab.
 *   Seller (U_S(c) = -c Q_S(c) - T_S(c)): IR at c = 2 and IC 0 -> 2 bind, U_S(2) = 0,
 *   U_S(0) = (2 - 0) Q_S(2) = 2a, so
 *     max E T_S = b(0) + (1-b)(-2a) - b(2a) = -2a.
 *   BIC and IR are interim constraints on each agent alone; only the ex ante budget joins
 *   them, so  s*(t) = -(max E T_B + max E T_S) = 3ab - a - b = 9t/4 - t - 3/4 = 5t/4 - 3/4.
 * The feasibility LP (s = 0) is feasible exactly when s*(t) <= 0, i.e. t <= 3/5: every t in
 * [0, 3/5] has an efficient, BIC, IR, budget-balanced mechanism, and none in (3/5, 1]. */
static void ms_val(mpq_t v, int lp, const mpq_t t)
{
    mpq_t a;
    mpq_init(a);
    if (lp == 0) {
        mpq_set_ui(v, 0, 1);            /* feas: no objective */
    } else {
        mpq_set_ui(a, 5, 4);            /* subsidy: 5t/4 - 3/4 */
        mpq_mul(v, t, a);
        mpq_set_ui(a, 3, 4);
        mpq_sub(v, v, a);
    }
    mpq_clear(a);
}

static int ms_feas(int lp, const mpq_t t)
{
    return lp == 1 || mpq_cmp_ui(t, 3, 5) <= 0;
}

static char *ms_args[] = {"tests/data/ms-2x2-t.mech"};

int test_param_ms_prior(fk_rng *r)
{
    par_model *pms[8];
    par_result res;
    int npm = 0, l, k, last = -1;
    fk_err err;
    mpq_t b;
    run_case(r, NULL, ms_args, 1, "t", "t=0:1", 2, ms_val, ms_feas, 1);
    /* the verdict of the feasibility LP changes exactly at 3/5, closed on the feasible side */
    mpq_init(b);
    mpq_set_ui(b, 3, 5);
    par_result_init(&res);
    if (TL_CHECK(case_over_models(NULL, 1, ms_args, "t=0:1", 4, pms, 8, &npm, &err) == FK_OK, "%s", err.msg) &&
        TL_CHECK(par_solve(&res, pms[0], &err) == FK_OK, "%s", err.msg)) {
        for (k = 0; k < res.np; k++)
            if (res.p[k].verdict == PAR_OPTIMAL)
                last = k;
        TL_CHECK(last >= 0 && last + 1 < res.np && mpq_equal(res.p[last].b, b) && res.p[last].bc &&
                 res.p[last + 1].verdict == PAR_INFEASIBLE,
                 "feas: the last feasible piece does not end at 3/5]");
    }
    par_result_clear(&res);
    for (l = 0; l < npm; l++)
        par_model_free(pms[l]);
    mpq_clear(b);
    return TL_RESULT();
}

/* ---- tampering ------------------------------------------------------------------ */

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    long n;
    char *s;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    if (s)
        s[n] = '\0';
    fclose(f);
    return s;
}

static int spit(const char *path, const char *s)
{
    FILE *f = fopen(path, "wb");
    int ok = f && fputs(s, f) >= 0;
    if (f)
        ok = fclose(f) == 0 && ok;
    return ok;
}

/* s with the first occurrence of from replaced by to (malloc'ed), or NULL */
static char *replace(const char *s, const char *from, const char *to)
{
    const char *p = strstr(s, from);
    char *o;
    if (!p)
        return NULL;
    o = malloc(strlen(s) + strlen(to) + 1);
    if (!o)
        return NULL;
    memcpy(o, s, (size_t)(p - s));
    strcpy(o + (p - s), to);
    strcat(o, p + strlen(from));
    return o;
}

/* write the models and certificates of one case into dir */
static int write_case(const char *cname, char **args, int nargs, const char *spec, const char *dir,
                      int *npm_out)
{
    const case_entry *ce = find_case(cname);
    par_model *pms[8];
    int npm = 0, l, ok = 1;
    fk_err err;
    char mp[256], cp[256];
    if (!TL_CHECK(case_over_models(ce, nargs, args, spec, 4, pms, 8, &npm, &err) == FK_OK, "%s", err.msg))
        return 0;
    for (l = 0; l < npm; l++) {
        par_result res;
        par_result_init(&res);
        snprintf(mp, sizeof mp, "%s/m%d.pmodel", dir, l);
        snprintf(cp, sizeof cp, "%s/c%d.pcert", dir, l);
        ok &= TL_CHECK(par_model_write(pms[l], mp, &err) == FK_OK && par_solve(&res, pms[l], &err) == FK_OK &&
                       par_cert_write(&res, pms[l], mp, cp, &err) == FK_OK, "%s", err.msg);
        par_result_clear(&res);
        par_model_free(pms[l]);
    }
    *npm_out = npm;
    return ok;
}

/* The certificate cp made to name the model mp by its present hash (so a
 * changed model meets the piece checks, not only the hash): returns the
 * certificate as it was (to restore), *now the rewritten text. */
static char *rehash(const char *mp, const char *cp, char **now)
{
    char hex[65], line[80], *c = slurp(cp), *p;
    *now = NULL;
    if (!TL_CHECK(c && cert_file_sha256(mp, hex) == 0 && (p = strstr(c, "model-sha256 ")) != NULL,
                  "cannot rehash %s", cp)) {
        free(c);
        return NULL;
    }
    snprintf(line, sizeof line, "model-sha256 %s", hex);
    *now = strdup(c);
    if (*now) {
        memcpy(*now + (p - c), line, strlen(line));
        TL_CHECK(spit(cp, *now), "cannot write %s", cp);
    }
    return c;
}

/* tamper(file, from, to): the checker must reject the changed file */
static void expect_reject(const char *dir, const char *file, const char *from, const char *to,
                          const char *what, int l)
{
    char path[256], mp[256], cp[256], *s, *t;
    snprintf(path, sizeof path, "%s/%s", dir, file);
    snprintf(mp, sizeof mp, "%s/m%d.pmodel", dir, l);
    snprintf(cp, sizeof cp, "%s/c%d.pcert", dir, l);
    s = slurp(path);
    if (!TL_CHECK(s != NULL, "cannot read %s", path))
        return;
    t = replace(s, from, to);
    if (TL_CHECK(t != NULL, "%s: '%s' not in %s", what, from, file)) {
        char *c = NULL, *c2 = NULL;
        TL_CHECK(spit(path, t), "cannot write %s", path);
        if (file[0] == 'm')
            c = rehash(mp, cp, &c2);   /* past the hash, to the check named by what */
        TL_CHECK(pchk_files(mp, cp, 1) != 0, "%s: the checker accepts it", what);
        TL_CHECK(spit(path, s) && (!c || spit(cp, c)), "cannot restore %s", path);
        TL_CHECK(pchk_files(mp, cp, 1) == 0, "%s: the restored files are rejected", what);
        free(c);
        free(c2);
    }
    free(t);
    free(s);
}

/* Both ends of a breakpoint moved (from1 -> to1 in one piece line,
 * from2 -> to2 in the next) in certificate c<l>: the checker must say
 * rejected (exit 1), and accept the restored file. */
static void expect_moved(const char *dir, int l, const char *from1, const char *to1,
                         const char *from2, const char *to2, const char *what)
{
    char path[256], mp[256], *s, *t, *u;
    snprintf(path, sizeof path, "%s/c%d.pcert", dir, l);
    snprintf(mp, sizeof mp, "%s/m%d.pmodel", dir, l);
    s = slurp(path);
    t = s ? replace(s, from1, to1) : NULL;
    u = t ? replace(t, from2, to2) : NULL;
    if (TL_CHECK(u != NULL, "%s: pieces not as expected", what)) {
        TL_CHECK(spit(path, u), "cannot write %s", path);
        TL_CHECK(pchk_files(mp, path, 1) == 1, "%s: accepted", what);
        TL_CHECK(spit(path, s), "cannot restore %s", path);
        TL_CHECK(pchk_files(mp, path, 1) == 0, "%s: the restored certificate is rejected", what);
    }
    free(s);
    free(t);
    free(u);
}

/* The certificate is bound to its model file's bytes.  A model that
 * differs only in a row's name is another LP file for which every piece
 * check still passes (the certificate refers to rows by number): with the
 * certificate's model-sha256 set to the renamed model's hash it is
 * accepted, so the rejection with the original hash is the binding's
 * alone.  And the worst LP's certificate (same case, parameter, interval)
 * is rejected against the best LP's model. */
static void bound_to_model(const char *dir)
{
    char mp[256], cp[256], hex[65], old[80], now[80], *m, *c, *m2 = NULL, *c2 = NULL;
    snprintf(mp, sizeof mp, "%s/m0.pmodel", dir);
    snprintf(cp, sizeof cp, "%s/c0.pcert", dir);
    m = slurp(mp);
    c = slurp(cp);
    if (TL_CHECK(m && c && cert_file_sha256(mp, hex) == 0, "cannot read %s", mp)) {
        snprintf(old, sizeof old, "model-sha256 %s", hex);
        m2 = replace(m, " MART[thL]\n", " MART[thL]x\n");
        if (TL_CHECK(m2 && spit(mp, m2) && cert_file_sha256(mp, hex) == 0, "cannot rename a row")) {
            TL_CHECK(pchk_files(mp, cp, 1) == 1, "a model with a renamed row is accepted");
            snprintf(now, sizeof now, "model-sha256 %s", hex);
            c2 = replace(c, old, now);
            TL_CHECK(c2 && spit(cp, c2) && pchk_files(mp, cp, 1) == 0,
                     "with the renamed model's hash the certificate is not accepted");
        }
        TL_CHECK(spit(mp, m) && spit(cp, c), "cannot restore");
        snprintf(cp, sizeof cp, "%s/c1.pcert", dir);
        TL_CHECK(pchk_files(mp, cp, 1) == 1, "the worst LP's certificate not rejected (exit 1) as another model's");
    }
    free(m);
    free(c);
    free(m2);
    free(c2);
}

/* Moved breakpoints and changed coefficients: every one makes the
 * certificate wrong (the BCE value has its kink at 2/3, not 3/5 or 7/10;
 * an IC trade exists at p = 3/5; the value 3/2 prior is exact) and must
 * be rejected. */
int test_param_tamper(fk_rng *r)
{
    char dir[] = "/tmp/fk-ptamper-XXXXXX", p[256];
    int npm = 0, l;
    (void)r;
    if (!mkdtemp(dir))
        return TL_FAIL;
    if (write_case("bce", bce_args, 6, "prior=0:1", dir, &npm)) {
        TL_CHECK(pchk_files("/nonexistent.pmodel", "/nonexistent.pcert", 1) == 2, "a missing file");
        expect_reject(dir, "c0.pcert", "piece [ 0 2/3 ]", "piece [ 0 7/10 ]", "best: kink moved right", 0);
        expect_moved(dir, 0, "piece [ 0 2/3 ]", "piece [ 0 3/5 ]", "piece ( 2/3 1 ]", "piece ( 3/5 1 ]",
                     "best: kink moved left to 3/5");
        expect_moved(dir, 0, "piece [ 0 2/3 ]", "piece [ 0 3/5 ]", "piece ( 2/3 1 ]", "piece ( 3/4 1 ]",
                     "best: a gap (3/5, 3/4]");
        expect_reject(dir, "c0.pcert", "value [0 3] [2]", "value [0 3] [5]", "best: value coefficient", 0);
        expect_reject(dir, "c1.pcert", "value [-2 3]", "value [-2 4]", "worst: value coefficient", 1);
        expect_reject(dir, "c0.pcert", "pieces 2", "pieces 3", "best: piece count", 0);
        expect_reject(dir, "c0.pcert", "param prior", "param mu", "best: parameter name", 0);
        expect_reject(dir, "m0.pmodel", "interval 0 1", "interval 0 2", "best: model interval", 0);
        expect_reject(dir, "c0.pcert", "model-sha256 ", "model-sha256 0", "best: model hash", 0);
        bound_to_model(dir);
    }
    for (l = 0; l < npm; l++) {
        snprintf(p, sizeof p, "%s/m%d.pmodel", dir, l);
        unlink(p);
        snprintf(p, sizeof p, "%s/c%d.pcert", dir, l);
        unlink(p);
    }
    npm = 0;
    if (write_case("notrade", nt_args, 2, "p=1/2:1", dir, &npm))
        expect_moved(dir, 1, "piece [ 1/2 2/3 )", "piece [ 1/2 3/5 )", "piece [ 2/3 1 ]", "piece [ 3/5 1 ]",
                     "ic: infeasible from 3/5 on");
    for (l = 0; l < npm; l++) {
        snprintf(p, sizeof p, "%s/m%d.pmodel", dir, l);
        unlink(p);
        snprintf(p, sizeof p, "%s/c%d.pcert", dir, l);
        unlink(p);
    }
    rmdir(dir);
    return TL_RESULT();
}

/* Interpolation refuses what is not a polynomial of the degree asked. */
int test_param_refuse(fk_rng *r)
{
    const case_entry *ce = find_case("double-auction");
    par_model *pms[8];
    int npm = 0;
    fk_err err;
    (void)r;
    fk_err_clear(&err);
    /* v_h enters the right-hand sides as (1 + pi) v_h / 2: degree 1 in v_h,
     * fine; but degree 0 cannot fit an entry linear in pi */
    TL_CHECK(case_over_models(ce, 0, NULL, "pi=1/2:1", 0, pms, 8, &npm, &err) == FK_EINVAL &&
             strstr(err.msg, "not a polynomial of degree <= 0") != NULL,
             "degree 0 accepted or wrong message: %s", err.msg);
    TL_CHECK(npm == 0, "models returned on failure");
    TL_CHECK(case_over_models(ce, 0, NULL, "pi=1:1/2", 4, pms, 8, &npm, &err) == FK_EINVAL,
             "an empty interval accepted");
    TL_CHECK(case_over_models(ce, 0, NULL, "pi1/2:1", 4, pms, 8, &npm, &err) == FK_EINVAL,
             "a spec without '=' accepted");
    return TL_RESULT();
}

/* ---- random LPs ------------------------------------------------------------------ */

/* One random LP at t: m rows over n columns in [0, 4] or [0, inf), A constant, row
 * sides and costs linear in t with small integer coefficients (so every
 * breakpoint is rational: x_B and y are then linear over a fixed basis). */
static lp_model *rand_lp(const long *co, const long *dt, int m, int n, const mpq_t t)
{
    lp_model *lp = lp_new();
    fk_err err;
    mpq_t v, w;
    long idx;
    int i, j, k = 0;
    char nm[32];
    mpq_init(v);
    mpq_init(w);
    lp->sense = co[k++] ? LP_MAX : LP_MIN;
    lp_set_name(lp, "rand", &err);
    for (j = 0; j < n; j++) {   /* x_j in [0, 4], or [0, inf) for 2 of the 7 values of co */
        snprintf(nm, sizeof nm, "x%d", j);
        lp_add_col(lp, nm, &idx, &err);
        mpq_set_ui(v, 4, 1);
        if (co[k++] <= 1)
            lp_set_col_hi(lp, j, v);
    }
    for (i = 0; i < m; i++) {
        snprintf(nm, sizeof nm, "r%d", i);
        lp_add_row(lp, nm, &idx, &err);
    }
    for (j = 0; j < n; j++) {   /* c_j = c0 + c1 t */
        mpq_set_si(v, co[k], 1);
        mpq_set_si(w, co[k + 1], 1);
        mpq_mul(w, w, t);
        mpq_add(v, v, w);
        lp_set_obj(lp, j, v);
        k += 2;
    }
    for (i = 0; i < m; i++) {
        for (j = 0; j < n; j++) {   /* a_ij = co + dt t (dt NULL: constant) */
            mpq_set_si(v, co[k++], 1);
            mpq_set_si(w, dt ? dt[i * n + j] : 0, 1);
            mpq_mul(w, w, t);
            mpq_add(v, v, w);
            lp_add_coef(lp, i, j, v, &err);
        }
        mpq_set_si(v, co[k], 1);     /* a_i x >= b0 + b1 t, or <= for odd kind */
        mpq_set_si(w, co[k + 1], 1);
        mpq_mul(w, w, t);
        mpq_add(v, v, w);
        if (co[k + 2])
            lp_set_row_hi(lp, i, v);
        else
            lp_set_row_lo(lp, i, v);
        k += 3;
    }
    lp_finalize(lp, &err);
    mpq_clear(v);
    mpq_clear(w);
    return lp;
}

/* With FK_PARAM_KEEP=DIR, a rejected pair is copied there (to look at). */
static void keep(const char *mp, const char *cp)
{
    const char *d = getenv("FK_PARAM_KEEP");
    char path[512], *s;
    if (!d)
        return;
    snprintf(path, sizeof path, "%s/kept.pmodel", d);
    if ((s = slurp(mp)) && spit(path, s))
        free(s);
    snprintf(path, sizeof path, "%s/kept.pcert", d);
    if ((s = slurp(cp)) && spit(path, s))
        free(s);
}

/* Random LPs against exact single solves at 20 random points each, and
 * every certificate accepted by the independent checker.  tmat = 0: A
 * constant (every breakpoint rational); tmat = 1: a_ij = c + d t too,
 * whose breakpoints are roots of determinants, often irrational.  With
 * tmat a run the solver refuses (an algebraic point no neighbouring basis
 * covers, FK_ELIMIT) is counted, not failed: it gives no answer, and so no
 * wrong one. */
static int random_lps(fk_rng *r, int tmat)
{
    long it, NIT = (tl_quick() ? 15 : 60) * tl_mult(), co[160], dt[16];
    char dir[] = "/tmp/fk-prand-XXXXXX", mp[256], cp[256];
    mpq_t lo, hi, ts[4], t, v;
    int k, nopt = 0, ninf = 0, nunb = 0, npieces = 0, nalg = 0, nref = 0;
    if (!mkdtemp(dir))
        return TL_FAIL;
    snprintf(mp, sizeof mp, "%s/r.pmodel", dir);
    snprintf(cp, sizeof cp, "%s/r.pcert", dir);
    mpq_inits(lo, hi, t, v, NULL);
    for (k = 0; k < 4; k++)
        mpq_init(ts[k]);
    mpq_set_si(lo, -2, 1);
    mpq_set_si(hi, 3, 1);
    for (it = 0; it < NIT && !tl_failed_now(); it++) {
        int m = (int)fk_rng_range(r, 1, 3), n = (int)fk_rng_range(r, 1, 3), nc, l;
        const long *d = tmat ? dt : NULL;
        lp_model *lps[4];
        par_model *pm = NULL;
        par_result res;
        fk_err err;
        fk_status st = FK_OK;
        nc = 1 + 3 * n + m * (n + 3);
        for (k = 0; k < nc; k++)
            co[k] = fk_rng_range(r, -3, 3);
        co[0] = fk_rng_range(r, 0, 1);
        for (k = 0; tmat && k < m * n; k++)
            dt[k] = fk_rng_range(r, -1, 1);
        for (k = 0; k < 4; k++) {   /* samples at -1, 0, 1, 2 */
            mpq_set_si(ts[k], k - 1, 1);
            lps[k] = rand_lp(co, d, m, n, ts[k]);
        }
        par_result_init(&res);
        fk_err_clear(&err);
        if (TL_CHECK(par_model_interpolate(&pm, lps, (const mpq_t *)ts, 4, 1, "t", lo, hi, &err) == FK_OK,
                     "iteration %ld: %s", it, err.msg) &&
            (st = par_solve(&res, pm, &err)) == FK_ELIMIT && tmat)
            nref++;
        else if (pm && TL_CHECK(st == FK_OK, "iteration %ld: %s (replay: FK_SEED=%llu)", it, err.msg,
                                (unsigned long long)tl_seed()) &&
                 TL_CHECK(par_model_write(pm, mp, &err) == FK_OK && par_cert_write(&res, pm, mp, cp, &err) == FK_OK,
                          "%s", err.msg) &&
                 TL_CHECK(pchk_files(mp, cp, 1) == 0 || (pchk_files(mp, cp, 0), keep(mp, cp), 0),
                          "iteration %ld: certificate rejected (FK_SEED=%llu)", it, (unsigned long long)tl_seed())) {
            npieces += res.np;
            for (l = 0; l < res.np; l++)
                nalg += res.p[l].ab != NULL;
            for (l = 0; l < 20; l++) {
                lp_model *one = NULL;
                lp_answer a;
                solve_opts o;
                const par_piece *pc;
                rand_q(t, r, lo, hi);
                pc = piece_at(&res, t);
                lp_answer_init(&a);
                solve_opts_default(&o);
                one = rand_lp(co, d, m, n, t);
                TL_CHECK(solve_lp(&a, one, &o, NULL, &err) == FK_OK, "%s", err.msg);
                if (TL_CHECK(pc != NULL, "iteration %ld: no piece at a point", it)) {
                    TL_CHECK((pc->verdict == PAR_OPTIMAL) == (a.status == LP_OPTIMAL) &&
                             (pc->verdict == PAR_UNBOUNDED) == (a.status == LP_UNBOUNDED),
                             "iteration %ld: verdicts differ (FK_SEED=%llu)", it, (unsigned long long)tl_seed());
                    if (pc->verdict == PAR_OPTIMAL && a.status == LP_OPTIMAL) {
                        fmpz_poly_q_evaluate(v, pc->value, t);
                        TL_CHECK(mpq_equal(v, a.objval), "iteration %ld: values differ (FK_SEED=%llu)", it,
                                 (unsigned long long)tl_seed());
                    }
                    nopt += a.status == LP_OPTIMAL;
                    ninf += a.status == LP_INFEASIBLE;
                    nunb += a.status == LP_UNBOUNDED;
                }
                lp_answer_clear(&a);
                lp_free(one);
            }
        }
        unlink(mp);
        unlink(cp);
        par_result_clear(&res);
        par_model_free(pm);
        for (k = 0; k < 4; k++)
            lp_free(lps[k]);
    }
    tl_info(tmat ? "param_random_matrix" : "param_random", "%ld LPs, %d pieces (%d ending at an algebraic "
            "point), %d refused; points: %d optimal, %d infeasible, %d unbounded", NIT, npieces, nalg, nref,
            nopt, ninf, nunb);
    TL_CHECK(nunb > 0 || tl_quick(), "no unbounded point drawn");
    TL_CHECK(!tmat || nalg > 0 || tl_quick(), "no algebraic breakpoint drawn");
    TL_CHECK(nref * 4 <= NIT, "more than a quarter refused (%d of %ld)", nref, NIT);
    for (k = 0; k < 4; k++)
        mpq_clear(ts[k]);
    mpq_clears(lo, hi, t, v, NULL);
    rmdir(dir);
    return TL_RESULT();
}

int test_param_random(fk_rng *r)
{
    return random_lps(r, 0);
}

int test_param_random_matrix(fk_rng *r)
{
    return random_lps(r, 1);
}

/* ---- unbounded pieces ------------------------------------------------------------- */

/* The LP of 'kind' at t, one row r and columns x (and y), both >= 0:
 *   kind 0:  max x      s.t. (1 - t) x <= 1               t in [0, 2]
 *   kind 1:  max x + y  s.t. x - t y <= 1                 t in [-1, 1]
 * By hand.  Kind 0: for t < 1, x <= 1/(1 - t), so the optimum is
 * 1/(1 - t); for t >= 1, (1 - t) x <= 0 <= 1 for every x >= 0, and the
 * ray r = 1 (with (1 - t) r <= 0 exactly when t >= 1) makes it
 * unbounded: pieces [0, 1) optimal and [1, 2] unbounded.  Kind 1: for
 * t < 0 write s = -t > 0; x + s y <= 1 has the vertices (1, 0) and
 * (0, 1/s), so the optimum is max(1, 1/s) = -1/t on [-1, 0) (s <= 1);
 * for t >= 0 the ray (0, 1) has x - t y = -t <= 0: unbounded on [0, 1]. */
static lp_model *unb_lp(int kind, const mpq_t t)
{
    lp_model *lp = lp_new();
    fk_err err;
    mpq_t v;
    long idx;
    mpq_init(v);
    lp->sense = LP_MAX;
    lp_set_name(lp, kind ? "unb1" : "unb0", &err);
    lp_add_col(lp, "x", &idx, &err);
    mpq_set_ui(v, 1, 1);
    lp_set_obj(lp, 0, v);
    lp_add_row(lp, "r", &idx, &err);
    lp_set_row_hi(lp, 0, v);
    if (kind == 0) {
        mpq_sub(v, v, t);                   /* 1 - t */
        lp_add_coef(lp, 0, 0, v, &err);
    } else {
        lp_add_col(lp, "y", &idx, &err);
        lp_set_obj(lp, 1, v);
        lp_add_coef(lp, 0, 0, v, &err);
        mpq_neg(v, t);                      /* -t */
        lp_add_coef(lp, 0, 1, v, &err);
    }
    lp_finalize(lp, &err);
    mpq_clear(v);
    return lp;
}

/* by hand at t: PAR_UNBOUNDED, or PAR_OPTIMAL with the optimum in v */
static int unb_hand(mpq_t v, int kind, const mpq_t t)
{
    mpq_t one;
    int c = kind == 0 ? mpq_cmp_ui(t, 1, 1) : mpq_sgn(t);
    if (c >= 0)
        return PAR_UNBOUNDED;
    mpq_init(one);
    mpq_set_ui(one, 1, 1);
    if (kind == 0)
        mpq_sub(v, one, t);                 /* 1 / (1 - t) */
    else
        mpq_neg(v, t);                      /* 1 / (-t) */
    mpq_div(v, one, v);
    mpq_clear(one);
    return PAR_OPTIMAL;
}

/* A family of hand-built LPs: build(kind, t) and its verdict and value by hand. */
typedef struct {
    const char *name;
    lp_model *(*build)(int kind, const mpq_t t);
    int (*hand)(mpq_t v, int kind, const mpq_t t);
} family;

/* LP kind of f over [lo, hi] from the samples ts[0..N) (entries of degree
 * <= d): the parametric model and its pieces in *pm, res, written to mp,
 * cp and accepted by the checker; then 50 random points where the piece's
 * verdict and value, the hand form and an exact single solve agree.  1 if
 * the model was solved (the caller frees pm and res either way). */
static int family_run(fk_rng *r, const family *f, int kind, const mpq_t *ts, int N, int d, const mpq_t lo,
                      const mpq_t hi, const char *mp, const char *cp, par_model **pm, par_result *res)
{
    lp_model *lps[8];
    fk_err err;
    mpq_t t, v, w;
    int k, it, ok;
    for (k = 0; k < N; k++)
        lps[k] = f->build(kind, ts[k]);
    *pm = NULL;
    par_result_init(res);
    ok = TL_CHECK(par_model_interpolate(pm, lps, ts, N, d, "t", lo, hi, &err) == FK_OK, "%s", err.msg) &&
         TL_CHECK(par_solve(res, *pm, &err) == FK_OK, "%s%d: %s", f->name, kind, err.msg) &&
         TL_CHECK(par_model_write(*pm, mp, &err) == FK_OK && par_cert_write(res, *pm, mp, cp, &err) == FK_OK,
                  "%s", err.msg) &&
         TL_CHECK(pchk_files(mp, cp, 1) == 0, "%s%d: certificate rejected", f->name, kind);
    for (k = 0; k < N; k++)
        lp_free(lps[k]);
    mpq_inits(t, v, w, NULL);
    for (it = 0; ok && it < 50 * tl_mult(); it++) {
        const par_piece *pc;
        lp_model *one;
        lp_answer a;
        solve_opts o;
        int h;
        rand_q(t, r, lo, hi);
        pc = piece_at(res, t);
        h = f->hand(w, kind, t);
        one = f->build(kind, t);
        lp_answer_init(&a);
        solve_opts_default(&o);
        TL_CHECK(solve_lp(&a, one, &o, NULL, &err) == FK_OK, "%s", err.msg);
        TL_CHECK((a.status == LP_UNBOUNDED) == (h == PAR_UNBOUNDED) &&
                 (h != PAR_OPTIMAL || (a.status == LP_OPTIMAL && mpq_equal(a.objval, w))),
                 "%s%d: the single solve disagrees with the hand form", f->name, kind);
        if (TL_CHECK(pc != NULL, "%s%d: no piece at a point", f->name, kind)) {
            TL_CHECK(pc->verdict == h, "%s%d: piece verdict differs from the hand form", f->name, kind);
            if (h == PAR_OPTIMAL && pc->verdict == PAR_OPTIMAL) {
                fmpz_poly_q_evaluate(v, pc->value, t);
                TL_CHECK(mpq_equal(v, w), "%s%d: piece value differs from the hand form", f->name, kind);
            }
        }
        lp_answer_clear(&a);
        lp_free(one);
    }
    mpq_clears(t, v, w, NULL);
    return ok;
}

/* the piece lines of kind 0 (the breakpoint at 1, both ends as by hand),
 * 50 random points against the hand forms and single solves, the
 * certificate accepted, and tampered: the unbounded piece started at
 * 9/10 (the ray leaves the row there), a ray 3 - 2t (below x's bound 0
 * past 3/2), a ray -1 (it leaves x's bound and does not improve).
 * (A ray 1 + t would be right: (1 - t)(1 + t) <= 0 on [1, 2].) */
int test_param_unbounded(fk_rng *r)
{
    static const family f = {"unb", unb_lp, unb_hand};
    char dir[] = "/tmp/fk-punb-XXXXXX", mp[256], cp[256];
    int kind, k;
    mpq_t ts[4], lo, hi, w;
    if (!mkdtemp(dir))
        return TL_FAIL;
    mpq_inits(lo, hi, w, NULL);
    for (k = 0; k < 4; k++) {
        mpq_init(ts[k]);
        mpq_set_si(ts[k], 2 * k - 3, 4);   /* -3/4, -1/4, 1/4, 3/4 */
    }
    for (kind = 0; kind < 2 && !tl_failed_now(); kind++) {
        par_model *pm;
        par_result res;
        mpq_set_si(lo, kind ? -1 : 0, 1);
        mpq_set_si(hi, kind ? 1 : 2, 1);
        snprintf(mp, sizeof mp, "%s/u%d.pmodel", dir, kind);
        snprintf(cp, sizeof cp, "%s/u%d.pcert", dir, kind);
        if (family_run(r, &f, kind, (const mpq_t *)ts, 4, 1, lo, hi, mp, cp, &pm, &res)) {
            const par_piece *last = res.p + res.np - 1;
            mpq_set_ui(w, kind ? 0 : 1, 1);
            TL_CHECK(res.np >= 2 && last->verdict == PAR_UNBOUNDED && mpq_equal(last->a, w) && last->ac &&
                     res.p[res.np - 2].verdict == PAR_OPTIMAL && !res.p[res.np - 2].bc,
                     "unb%d: the pieces do not end with [%s, %s] unbounded after an open optimal piece",
                     kind, kind ? "0" : "1", kind ? "1" : "2");
        }
        if (kind == 0 && !tl_failed_now()) {
            /* the optimal piece [0, 1) and the unbounded [1, 2]: see the file */
            char *c = slurp(cp), *x1 = c ? replace(c, "piece [ 0 1 )", "piece [ 0 9/10 )") : NULL;
            char *x2 = x1 ? replace(x1, "piece [ 1 2 ] unbounded", "piece [ 9/10 2 ] unbounded") : NULL;
            char *x3 = c ? replace(c, "r 0 [1]", "r 0 [3 -2]") : NULL;
            char *x4 = c ? replace(c, "r 0 [1]", "r 0 [-1]") : NULL;
            if (TL_CHECK(x2 && x3 && x4, "unb0: certificate not as expected:\n%s", c ? c : "")) {
                TL_CHECK(spit(cp, x2) && pchk_files(mp, cp, 1) == 1, "unb0: unbounded from 9/10 accepted");
                TL_CHECK(spit(cp, x3) && pchk_files(mp, cp, 1) == 1, "unb0: ray 3 - 2t (negative past 3/2) accepted");
                TL_CHECK(spit(cp, x4) && pchk_files(mp, cp, 1) == 1, "unb0: ray -1 accepted");
                TL_CHECK(spit(cp, c) && pchk_files(mp, cp, 1) == 0, "unb0: restored certificate rejected");
            }
            free(c);
            free(x1);
            free(x2);
            free(x3);
            free(x4);
        }
        unlink(mp);
        unlink(cp);
        par_result_clear(&res);
        par_model_free(pm);
    }
    for (k = 0; k < 4; k++)
        mpq_clear(ts[k]);
    mpq_clears(lo, hi, w, NULL);
    rmdir(dir);
    return TL_RESULT();
}

/* ---- algebraic breakpoints ------------------------------------------------------------ */

/* The LP of 'kind' at t in [0, 1], one column 0 <= x <= 1, maximised:
 *   kind 0:  max x  s.t.  (2t^2 - 1) x <= 0
 *   kind 1:  max x  s.t.  x - 2t^2 <= 0
 * By hand, with alpha = sqrt(2)/2 the root of 2t^2 - 1 in [0, 1] (alpha^2 = 1/2).
 * Kind 0: where 2t^2 - 1 <= 0 (t <= alpha) the row holds for every x >= 0, so x = 1
 * and the value is 1; where 2t^2 - 1 > 0 (t > alpha) it forces x <= 0, value 0:
 * pieces [0, alpha] optimal 1 and (alpha, 1] optimal 0 (the verdict's value jumps at an
 * irrational point).  Kind 1: the value is min(1, 2t^2): 2t^2 on [0, alpha], 1 on
 * [alpha, 1] (a kink; at alpha both formulas give 1).  Kind 2 (no algebraic point, but
 * a double root):  max x  s.t.  x <= t^2 - t + 5/4  =  1 + (t - 1/2)^2, so x = 1 and the
 * value is 1 on all of [0, 1]; the row's slack (t - 1/2)^2 touches 0 at 1/2 without
 * changing sign, and a checker that asked for no root at all would reject it. */
static lp_model *alg_lp(int kind, const mpq_t t)
{
    lp_model *lp = lp_new();
    fk_err err;
    mpq_t v, w;
    long idx;
    mpq_inits(v, w, NULL);
    lp->sense = LP_MAX;
    lp_set_name(lp, kind ? "alg1" : "alg0", &err);
    lp_add_col(lp, "x", &idx, &err);
    mpq_set_ui(v, 1, 1);
    lp_set_obj(lp, 0, v);
    lp_set_col_hi(lp, 0, v);
    lp_add_row(lp, "r", &idx, &err);
    mpq_mul(w, t, t);
    mpz_mul_ui(mpq_numref(w), mpq_numref(w), 2);
    mpq_canonicalize(w);                    /* 2t^2 */
    if (kind == 2) {
        mpq_set_ui(w, 5, 4);                /* t^2 - t + 5/4 */
        mpq_sub(w, w, t);
        mpq_mul(v, t, t);
        mpq_add(w, w, v);
        mpq_set_ui(v, 1, 1);
        lp_add_coef(lp, 0, 0, v, &err);
        lp_set_row_hi(lp, 0, w);
    } else if (kind == 0) {
        mpq_sub(w, w, v);                   /* 2t^2 - 1 */
        lp_add_coef(lp, 0, 0, w, &err);
        mpq_set_ui(v, 0, 1);
        lp_set_row_hi(lp, 0, v);
    } else {
        lp_add_coef(lp, 0, 0, v, &err);
        lp_set_row_hi(lp, 0, w);
    }
    lp_finalize(lp, &err);
    mpq_clears(v, w, NULL);
    return lp;
}

/* the value by hand at rational t (never alpha): t^2 < 1/2 decides */
static int alg_hand(mpq_t v, int kind, const mpq_t t)
{
    mpq_t w;
    mpq_init(w);
    mpq_mul(w, t, t);
    mpz_mul_ui(mpq_numref(w), mpq_numref(w), 2);
    mpq_canonicalize(w);
    if (kind == 2)
        mpq_set_ui(v, 1, 1);
    else if (mpq_cmp_ui(w, 1, 1) >= 0)
        mpq_set_ui(v, kind ? 1 : 0, 1);   /* t > alpha */
    else if (kind)
        mpq_set(v, w);                    /* 2t^2 */
    else
        mpq_set_ui(v, 1, 1);
    mpq_clear(w);
    return PAR_OPTIMAL;
}

/* Two pieces meeting at sqrt(2)/2 (printed so), the value against the hand form and
 * single solves at 50 random points, the certificate accepted by the checker; and
 * tampered: the breakpoint moved to the root of 3t^2 - 1 (1/sqrt(3)), also inside an
 * interval that holds sqrt(2)/2 too, its isolating interval widened past a second root,
 * the polynomial made non-squarefree, and a piece end that no longer meets the next;
 * the true breakpoint in a wider (still isolating) interval is accepted. */
int test_param_algebraic(fk_rng *r)
{
    static const family f = {"alg", alg_lp, alg_hand};
    char dir[] = "/tmp/fk-palg-XXXXXX", mp[256], cp[256];
    int kind, k;
    mpq_t ts[5], lo, hi;
    if (!mkdtemp(dir))
        return TL_FAIL;
    mpq_inits(lo, hi, NULL);
    for (k = 0; k < 5; k++) {
        mpq_init(ts[k]);
        mpq_set_ui(ts[k], (unsigned long)k + 1, 6);
    }
    mpq_set_ui(lo, 0, 1);
    mpq_set_ui(hi, 1, 1);
    for (kind = 0; kind < 3 && !tl_failed_now(); kind++) {
        par_model *pm;
        par_result res;
        fk_err err;
        snprintf(mp, sizeof mp, "%s/a%d.pmodel", dir, kind);
        snprintf(cp, sizeof cp, "%s/a%d.pcert", dir, kind);
        if (family_run(r, &f, kind, (const mpq_t *)ts, 5, 2, lo, hi, mp, cp, &pm, &res) && kind < 2) {
            char *s0 = res.np == 2 ? par_piece_str(res.p, "t") : NULL;
            char *s1 = res.np == 2 ? par_piece_str(res.p + 1, "t") : NULL;
            const char *w0 = kind ? "piece [0, sqrt(2)/2]: optimal 2*t^2" : "piece [0, sqrt(2)/2]: optimal 1";
            const char *w1 = kind ? "piece (sqrt(2)/2, 1]: optimal 1" : "piece (sqrt(2)/2, 1]: optimal 0";
            TL_CHECK(s0 && s1 && strcmp(s0, w0) == 0 && (strcmp(s1, w1) == 0 ||
                     (kind && strcmp(s1, "piece [sqrt(2)/2, 1]: optimal 1") == 0)),
                     "alg%d: %d pieces '%s', '%s', want '%s', '%s'", kind, res.np, s0 ? s0 : "", s1 ? s1 : "",
                     w0, w1);
            free(s0);
            free(s1);
            if (kind == 0) {   /* the appendix names the breakpoint as a square root */
                char tp[300], *tx = NULL;
                snprintf(tp, sizeof tp, "%s/over-t.tex", dir);
                if (prf_param_latex(tp, &pm, &res, 1, &err) == FK_OK)
                    tx = slurp(tp);
                TL_CHECK(tx && strstr(tx, "\\in [0, \\sqrt{2}/2]") != NULL,
                         "alg0: the appendix does not state the piece [0, sqrt(2)/2]");
                free(tx);
                if (getenv("FK_KEEP_TEX") == NULL)
                    unlink(tp);
            }
        }
        if (kind == 0 && !tl_failed_now()) {
            char *c = slurp(cp), *end = c ? strstr(c, "root [-1 0 2] ") : NULL, iv[200] = "", *x[6] = {0};
            const char *what[6] = {"the breakpoint moved to 1/sqrt(3)", "an interval with two roots",
                                   "a polynomial that is not squarefree", "ends that do not meet",
                                   "the breakpoint moved to 1/sqrt(3) in (1/2, 1)",
                                   "the true breakpoint in the wider interval (1/2, 1)"};
            if (end) {   /* "root [-1 0 2] LO HI" as written, in both pieces */
                const char *e = end + 14;
                size_t n = strcspn(e, " ");
                n += 1 + strcspn(e + n + 1, " \n");
                snprintf(iv, sizeof iv, "root [-1 0 2] %.*s", (int)n, e);
            }
            if (TL_CHECK(iv[0] != '\0', "alg0: no algebraic end in\n%s", c ? c : "")) {
                char *y;
                /* 3t^2 - 1 has its root 0.577.. outside (LO, HI) around 0.707: rejected as read;
                 * so the interval goes with it: (1/2, 3/5) */
                y = replace(c, iv, "root [-1 0 3] 1/2 3/5");
                x[0] = y ? replace(y, iv, "root [-1 0 3] 1/2 3/5") : NULL;
                free(y);
                y = replace(c, iv, "root [-1 0 2] -1 1");
                x[1] = y ? replace(y, iv, "root [-1 0 2] -1 1") : NULL;
                free(y);
                y = replace(c, iv, "root [1 0 -4 0 4] 1/2 1");
                x[2] = y ? replace(y, iv, "root [1 0 -4 0 4] 1/2 1") : NULL;
                free(y);
                x[3] = replace(c, iv, "root [-1 0 2] 7/10 3/4");
                /* (1/2, 1) holds sqrt(2)/2 too: the moved root's piece (1/sqrt(3), 1] has the
                 * denominator 2t^2 - 1 vanishing inside, beside the root and within its interval */
                y = replace(c, iv, "root [-1 0 3] 1/2 1");
                x[4] = y ? replace(y, iv, "root [-1 0 3] 1/2 1") : NULL;
                free(y);
                y = replace(c, iv, "root [-1 0 2] 1/2 1");
                x[5] = y ? replace(y, iv, "root [-1 0 2] 1/2 1") : NULL;
                free(y);
                for (k = 0; k < 5; k++)
                    TL_CHECK(x[k] && spit(cp, x[k]) && pchk_files(mp, cp, 1) != 0, "alg0: %s: accepted", what[k]);
                TL_CHECK(x[5] && spit(cp, x[5]) && pchk_files(mp, cp, 1) == 0, "alg0: %s: rejected", what[5]);
                TL_CHECK(spit(cp, c) && pchk_files(mp, cp, 1) == 0, "alg0: restored certificate rejected");
            }
            for (k = 0; k < 6; k++)
                free(x[k]);
            free(c);
        }
        unlink(mp);
        unlink(cp);
        par_result_clear(&res);
        par_model_free(pm);
    }
    for (k = 0; k < 5; k++)
        mpq_clear(ts[k]);
    mpq_clears(lo, hi, NULL);
    rmdir(dir);
    return TL_RESULT();
}
