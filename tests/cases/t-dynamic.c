/* t-dynamic.c: dynamic mechanisms (cases/dyn.[ch], case_dynamic.c).
 *
 * Expected verdicts derived by hand (docs/dynamic.md).  Two-period example
 * (theta_S, theta_B in {1,2} uniform, delta = 1, chi_1 = theta_S,
 * chi_2 = theta_S theta_B):
 *   static AGV: gamma_B(r) = -E_S[c(chi_1) + c(chi_2(theta_S, r))]
 *     = -3/4 - 3/4 r^2, so in period 2 a buyer who has inferred theta_S
 *     from x_1 maximises theta_B theta_S r - 3/4 r^2: with theta_S = 1 and
 *     theta_B = 2, r = 1 gives 5/4 against 1 for the truth: gain 1/4 at
 *     that history (probability 1/4), ex ante 1/16.  The seller's payoff
 *     (1 + E theta_B^2)(r - r^2/(2 theta_S)) is maximised by the truth.
 *   Athey-Segal: budget balanced by construction and BIC (the theorem).
 *   team: BIC, not budget balanced.
 * Three periods (theta_B,3 = theta_B,2 w.p. 3/4, delta = 9/10): the AGV
 * payment is separable across periods, so the buyer lies exactly when
 * theta_S = 1 and his type is 2, in periods 2 and 3 (probability 1/4
 * each): gain 1/16 (9/10 + 81/100) = 171/1600.
 * Three agents: each buyer faces the same period-2 problem, 1/16 each.
 *
 * Independently of the backward induction and the LP, a brute force
 * enumerates every pure reporting strategy of each agent (a report for
 * every information set: own true types so far, own and others' past
 * reports) and evaluates it by summing over all type paths. */
#include <gmp.h>
#include <stdio.h>

#include "caseutil.h"
#include "case_dynamic.h"
#include "check/chk.h"
#include "rat.h"
#include "testlib.h"

/* ---- brute force over pure strategies --------------------------------- */

typedef struct {
    long *base;     /* base[t]: first key index of period t */
    long *npre;     /* own type-path prefixes of length t+1 */
    long nkey;
    long *keyof;    /* [base[t] + pre * nhist[t] + h] -> key number, -1 */
    int *nrep;      /* per key */
    long nslot;
} bf_keys;

static long own_prefix(const dyn_model m, int i, long w, int len)
{
    long idx = 0, mul = 1;
    int t;
    for (t = 0; t < len; t++) {
        long p = w / m->nhist[t] % m->nprof[t];
        idx += mul * dyn_type_of(m, t, p, i);
        mul *= m->nt[i * m->T + t];
    }
    return idx;
}

/* Reports history for true path w (others truthful) and own reports rho
 * (mixed radix over periods), first len periods. */
static long rep_hist(const dyn_model m, int i, long w, long rho, int len)
{
    long h = 0, mul = 1;
    int t;
    for (t = 0; t < len; t++) {
        long p = w / m->nhist[t] % m->nprof[t];
        int r = (int)(rho / mul % m->nt[i * m->T + t]);
        h += m->nhist[t] * dyn_prof_with(m, t, p, i, r);
        mul *= m->nt[i * m->T + t];
    }
    return h;
}

static int path_pos(const dyn_model m, long w, mpq_t pr)
{
    long q = 0;
    int t;
    mpq_t a;
    mpq_init(a);
    mpq_set_ui(pr, 1, 1);
    for (t = 0; t < m->T; t++) {
        long p = w / m->nhist[t] % m->nprof[t];
        dyn_prof_prob(a, m, t, q, p, -1);
        mpq_mul(pr, pr, a);
        q = p;
    }
    mpq_clear(a);
    return mpq_sgn(pr) > 0;
}

/* Best gain over truth of agent i among all pure strategies, by brute
 * force; -1 if the strategy space is too large. */
static int brute(const dyn_model m, mpq_t **psi, int i, mpq_t gain, mpq_t truthv)
{
    int T = m->T, t;
    long W = m->nhist[T], w, rho, nrho = 1, k, *choice = NULL, *keyv = NULL;
    double nstrat = 1;
    bf_keys K;
    mpq_t pr, val, best, u, dt;
    int rc = 0, first = 1;
    mpq_inits(pr, val, best, u, dt, NULL);
    K.base = calloc((size_t)T + 1, sizeof(long));
    K.npre = calloc((size_t)T, sizeof(long));
    for (t = 0; t < T; t++)
        nrho *= m->nt[i * T + t];
    K.nslot = 0;
    for (t = 0; t < T; t++) {
        K.npre[t] = 1;
        for (k = 0; k <= t; k++)
            K.npre[t] *= m->nt[i * T + k];
        K.base[t] = K.nslot;
        K.nslot += K.npre[t] * m->nhist[t];
    }
    K.keyof = malloc((size_t)K.nslot * sizeof(long));
    K.nrep = calloc((size_t)K.nslot, sizeof(int));
    for (k = 0; k < K.nslot; k++)
        K.keyof[k] = -1;
    K.nkey = 0;
    for (w = 0; w < W; w++) {
        if (!path_pos(m, w, pr))
            continue;
        for (rho = 0; rho < nrho; rho++)
            for (t = 0; t < T; t++) {
                long slot = K.base[t] + own_prefix(m, i, w, t + 1) * m->nhist[t] + rep_hist(m, i, w, rho, t);
                if (K.keyof[slot] < 0) {
                    K.keyof[slot] = K.nkey;
                    K.nrep[K.nkey++] = m->nt[i * T + t];
                    nstrat *= m->nt[i * T + t];
                }
            }
    }
    if (nstrat > 1 << 12) {
        rc = -1;
        goto done;
    }
    choice = calloc((size_t)K.nkey + 1, sizeof(long));
    keyv = calloc((size_t)T, sizeof(long));
    /* truthful value */
    for (;;) {
        mpq_set_ui(val, 0, 1);
        for (w = 0; w < W; w++) {
            long h = 0;
            if (!path_pos(m, w, pr))
                continue;
            mpq_set_ui(dt, 1, 1);
            for (t = 0; t < T; t++) {
                long p = w / m->nhist[t] % m->nprof[t], slot, r;
                int k0 = dyn_type_of(m, t, p, i);
                slot = K.base[t] + own_prefix(m, i, w, t + 1) * m->nhist[t] + h;
                r = first ? k0 : choice[K.keyof[slot]];
                h += m->nhist[t] * dyn_prof_with(m, t, p, i, (int)r);
                dyn_util(u, m, i, t, dyn_decision(m, t, h), m->tv[i * T + t][k0]);
                mpq_add(u, u, psi[t][(long)i * m->nhist[t + 1] + h]);
                mpq_mul(u, u, dt);
                mpq_mul(u, u, pr);
                mpq_add(val, val, u);
                mpq_mul(dt, dt, m->delta);
            }
        }
        if (first) {
            mpq_set(truthv, val);
            mpq_set(best, val);
            first = 0;
            continue; /* then every strategy, from choice = 0 */
        } else if (mpq_cmp(val, best) > 0) {
            mpq_set(best, val);
        }
        /* next strategy (odometer) */
        for (k = 0; k < K.nkey; k++) {
            if (++choice[k] < K.nrep[k])
                break;
            choice[k] = 0;
        }
        if (k == K.nkey)
            break;
    }
    mpq_sub(gain, best, truthv);
done:
    free(choice);
    free(keyv);
    free(K.base);
    free(K.npre);
    free(K.keyof);
    free(K.nrep);
    mpq_clears(pr, val, best, u, dt, NULL);
    return rc;
}

static int q_is(const mpq_t v, long a, long b)
{
    mpq_t q;
    int eq;
    mpq_init(q);
    cu_q(q, a, b);
    eq = mpq_equal(v, q);
    mpq_clear(q);
    return eq;
}

/* Run an example; check the verdict table and brute force every agent
 * under every rule (when small enough). */
static void run_example(const char *ex, int nbrute_expected, int *nbrute)
{
    econ_out o;
    fk_err err;
    char dir[64];
    dyn_model m;
    case_dyn_res res;
    mpq_t g, tv;
    int rule, i;
    if (cu_open(&o, dir))
        return;
    fk_err_clear(&err);
    dyn_init(m);
    case_dyn_res_init(&res);
    mpq_inits(g, tv, NULL);
    *nbrute = 0;
    if (TL_CHECK(case_dyn_example(m, ex, &err) == FK_OK, "%s: %s", ex, err.msg) &&
        TL_CHECK(case_dyn_run(&o, m, ex, &res, &err) == FK_OK, "%s: %s", ex, err.msg)) {
        TL_CHECK(o.nbad == 0 && o.ncert == 3 * m->n, "%s: %d of %d certificates rejected", ex, o.nbad,
                 o.ncert);
        TL_CHECK(res.agree, "%s: LP and backward induction disagree", ex);
        for (rule = 0; rule < CASE_DYN_RULES; rule++) {
            mpq_t **psi = NULL;
            if (!TL_CHECK(dyn_transfers(&psi, m, rule, &err) == FK_OK, "%s", err.msg))
                continue;
            for (i = 0; i < m->n; i++) {
                if (brute(m, psi, i, g, tv) != 0)
                    continue;
                ++*nbrute;
                TL_CHECK(mpq_equal(g, res.gain[rule][i]), "%s rule %d agent %s: brute-force gain differs", ex,
                         rule, m->aname[i]);
                TL_CHECK(mpq_equal(tv, res.W[rule][i]), "%s rule %d agent %s: truthful value differs", ex,
                         rule, m->aname[i]);
                TL_CHECK(res.ic[rule][i] == (mpq_sgn(g) == 0), "%s rule %d agent %s: LP verdict", ex, rule,
                         m->aname[i]);
            }
            dyn_psi_free(psi, m);
        }
        TL_CHECK(*nbrute >= nbrute_expected, "%s: only %d agents brute-forced", ex, *nbrute);
        /* verdict table common to all examples */
        TL_CHECK(res.bb[DYN_AGV] && !res.bic[DYN_AGV], "%s: AGV should be BB, not BIC", ex);
        TL_CHECK(!res.bb[DYN_TEAM] && res.bic[DYN_TEAM], "%s: team should be BIC, not BB", ex);
        TL_CHECK(res.bb[DYN_AS] && res.bic[DYN_AS], "%s: Athey-Segal should be BB and BIC", ex);
        TL_CHECK(mpq_sgn(res.gain[DYN_AGV][0]) == 0, "%s: the seller should not gain under AGV", ex);
        for (i = 1; i < m->n; i++) {
            if (strcmp(ex, "seed3") == 0)
                TL_CHECK(q_is(res.gain[DYN_AGV][i], 171, 1600), "%s: AGV gain of %s", ex, m->aname[i]);
            else
                TL_CHECK(q_is(res.gain[DYN_AGV][i], 1, 16), "%s: AGV gain of %s", ex, m->aname[i]);
            /* the certificate's deviation gains something, at most the optimum */
            TL_CHECK(mpq_sgn(res.lpgain[DYN_AGV][i]) > 0 &&
                         mpq_cmp(res.lpgain[DYN_AGV][i], res.gain[DYN_AGV][i]) <= 0,
                     "%s: certificate gain of %s", ex, m->aname[i]);
        }
    }
    mpq_clears(g, tv, NULL);
    case_dyn_res_clear(&res);
    dyn_clear(m);
    dyn_clear(m); /* idempotent */
    cu_close(dir);
}

int test_dynamic_seed2(fk_rng *r)
{
    int nb;
    (void)r;
    run_example("seed2", 6, &nb);
    return TL_RESULT();
}

int test_dynamic_three(fk_rng *r)
{
    int nb;
    (void)r;
    run_example("three", 9, &nb);
    return TL_RESULT();
}

int test_dynamic_seed3(fk_rng *r)
{
    int nb;
    (void)r;
    run_example("seed3", 0, &nb);
    return TL_RESULT();
}

/* The transfers against the seed's formulas, two-period example.  History
 * (S1, B1=1; S2, B2) with consistent seller reports S1 = S2 = s, buyer b:
 *   AGV (paid in period 2): psi_S = gamma_S(s) - gamma_B(b),
 *     gamma_S = chi_1 + E[theta_B chi_2] = s + 5/2 s = 7/2 s,
 *     gamma_B = -E_S[c(chi_1) + c(chi_2)] = -3/4 - 3/4 b^2;
 *   Athey-Segal: period 1 psi_S = gamma_S,1 = 7/2 (s - 3/2) (buyer's
 *     expected utility given s minus its mean), psi_B = -psi_S; period 2
 *     psi_B = gamma_B,2 - gamma_S,2 with gamma_B,2 = s (5/4 - b^2/2) (the
 *     seller's expected cost minus his cost) and gamma_S,2 = 0. */
int test_dynamic_transfers(fk_rng *r)
{
    dyn_model m;
    fk_err err;
    mpq_t **agv = NULL, **as = NULL, want, a;
    int s, b;
    (void)r;
    dyn_init(m);
    mpq_inits(want, a, NULL);
    fk_err_clear(&err);
    if (TL_CHECK(case_dyn_example(m, "seed2", &err) == FK_OK, "%s", err.msg) &&
        TL_CHECK(dyn_transfers(&agv, m, DYN_AGV, &err) == FK_OK, "%s", err.msg) &&
        TL_CHECK(dyn_transfers(&as, m, DYN_AS, &err) == FK_OK, "%s", err.msg)) {
        long H1 = m->nhist[1], H2 = m->nhist[2];
        TL_CHECK(H1 == 2 && H2 == 8, "history counts %ld %ld", H1, H2);
        /* decisions: chi_1 = s, chi_2 = s b */
        for (s = 0; s < 2; s++)
            for (b = 0; b < 2; b++) {
                long p1 = s, p2 = s + 2L * b, h1 = p1, h2 = h1 + H1 * p2;
                long sv = s + 1, bv = b + 1;
                TL_CHECK(q_is(dyn_decision(m, 0, h1), sv, 1), "chi_1(%ld)", sv);
                TL_CHECK(q_is(dyn_decision(m, 1, h2), sv * bv, 1), "chi_2(%ld,%ld)", sv, bv);
                /* AGV */
                cu_q(want, 7 * sv, 2);
                cu_q(a, 3 + 3 * bv * bv, 4);
                mpq_add(want, want, a);
                TL_CHECK(mpq_equal(agv[1][0 * H2 + h2], want), "AGV psi_S(%ld,%ld)", sv, bv);
                mpq_neg(want, want);
                TL_CHECK(mpq_equal(agv[1][1 * H2 + h2], want), "AGV psi_B(%ld,%ld)", sv, bv);
                TL_CHECK(mpq_sgn(agv[0][h1]) == 0 && mpq_sgn(agv[0][H1 + h1]) == 0, "AGV period 1");
                /* Athey-Segal */
                cu_q(want, 7 * (2 * sv - 3), 4);
                TL_CHECK(mpq_equal(as[0][h1], want), "AS psi_S,1(%ld)", sv);
                mpq_neg(want, want);
                TL_CHECK(mpq_equal(as[0][H1 + h1], want), "AS psi_B,1(%ld)", sv);
                cu_q(want, sv * (5 - 2 * bv * bv), 4);
                TL_CHECK(mpq_equal(as[1][H2 + h2], want), "AS psi_B,2(%ld,%ld)", sv, bv);
                mpq_neg(want, want);
                TL_CHECK(mpq_equal(as[1][h2], want), "AS psi_S,2(%ld,%ld)", sv, bv);
            }
    }
    dyn_psi_free(agv, m);
    dyn_psi_free(as, m);
    mpq_clears(want, a, NULL);
    dyn_clear(m);
    return TL_RESULT();
}

/* Rewrite the first line of path starting with prefix: its value += d.
 * Returns 0 on success. */
static int tamper(const char *path, const char *prefix, long d)
{
    FILE *f = fopen(path, "r");
    char *buf, *line, *out;
    long len, o = 0;
    int done = 0;
    if (!f)
        return -1;
    fseek(f, 0, SEEK_END);
    len = ftell(f);
    rewind(f);
    buf = malloc((size_t)len + 1);
    out = malloc((size_t)len + 256);
    if (!buf || !out || fread(buf, 1, (size_t)len, f) != (size_t)len) {
        fclose(f);
        free(buf);
        free(out);
        return -1;
    }
    fclose(f);
    buf[len] = '\0';
    for (line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
        char *sp = strrchr(line, ' ');
        if (!done && strncmp(line, prefix, strlen(prefix)) == 0 && sp) {
            mpq_t q, dq;
            char *v;
            mpq_inits(q, dq, NULL);
            rat_set_str(q, sp + 1, strlen(sp + 1), NULL);
            mpq_set_si(dq, d, 1);
            mpq_add(q, q, dq);
            v = rat_get_str(q);
            *sp = '\0';
            o += sprintf(out + o, "%s %s\n", line, v);
            free(v);
            mpq_clears(q, dq, NULL);
            done = 1;
        } else {
            o += sprintf(out + o, "%s\n", line);
        }
    }
    f = fopen(path, "w");
    if (f) {
        fwrite(out, 1, (size_t)o, f);
        fclose(f);
    }
    free(buf);
    free(out);
    return done && f ? 0 : -1;
}

/* Certificates accepted as written; a corrupted value function (IC
 * certificate) and a corrupted deviation (Farkas certificate) rejected. */
int test_dynamic_tamper(fk_rng *r)
{
    econ_out o;
    fk_err err;
    char dir[64], mps[128], cert[128];
    dyn_model m;
    case_dyn_res res;
    (void)r;
    if (cu_open(&o, dir))
        return TL_SKIP;
    fk_err_clear(&err);
    dyn_init(m);
    case_dyn_res_init(&res);
    if (TL_CHECK(case_dyn_example(m, "seed2", &err) == FK_OK, "%s", err.msg) &&
        TL_CHECK(case_dyn_run(&o, m, "t", &res, &err) == FK_OK, "%s", err.msg)) {
        /* IC certificate of the buyer under Athey-Segal: value functions */
        snprintf(mps, sizeof mps, "%s/t-as-B.mps", dir);
        snprintf(cert, sizeof cert, "%s/t-as-B.cert", dir);
        TL_CHECK(chk_files(mps, cert, 1) == 0, "as-B accepted");
        TL_CHECK(tamper(cert, "x V[1:", -1) == 0, "tamper as-B");
        TL_CHECK(chk_files(mps, cert, 1) == 1, "corrupted value function not rejected");
        /* violation certificate of the buyer under AGV: the deviation */
        snprintf(mps, sizeof mps, "%s/t-agv-B.mps", dir);
        snprintf(cert, sizeof cert, "%s/t-agv-B.cert", dir);
        TL_CHECK(chk_files(mps, cert, 1) == 0, "agv-B accepted");
        TL_CHECK(tamper(cert, "y BELL[2:", 1) == 0, "tamper agv-B");
        TL_CHECK(chk_files(mps, cert, 1) == 1, "corrupted deviation not rejected");
    }
    case_dyn_res_clear(&res);
    dyn_clear(m);
    cu_close(dir);
    return TL_RESULT();
}

/* Bad models: FK_EPARSE at the right line and column (the offending token;
 * 1 for a sum checked at the end of its last line). */
int test_dynamic_bad(fk_rng *r)
{
    static const char *const head = "agents S B\nperiods 2\ntypes S * 1 2\ntypes B 1 1\ntypes B 2 1 2\n"
                                    "decisions * 0 1 2 4\nutil S * x^2/th -1/2\n";
    static const struct {
        const char *tail, *where, *msg;
    } cases[] = {
        {"init S 1 1/2\ninit S 2 1/3\ntrans S 2 1 1 1\ntrans S 2 2 2 1\ntrans B 2 1 1 1/2\ntrans B 2 1 2 1/2\n",
         "x:9:1", "sum to 5/6"},
        {"init S 1 -1/2\n", "x:8:10", "negative probability"},
        {"init S 3 1\n", "x:8:8", "undefined type '3'"},
        {"init S 1 1/2\ninit S 2 1/2\ntrans S 2 1 1 1\ntrans S 2 2 2 1\ntrans B 2 1 1 1/2\ntrans B 2 1 2 1/4\n",
         "x:13:1", "from type 1 sum to 3/4"},
        {"trans B 2 1 5 1\n", "x:8:13", "undefined type '5'"},
        {"bogus 1\n", "x:8:1", "unknown keyword"},
        {"util X * x 1\n", "x:8:6", "unknown agent"},
    };
    size_t k;
    char text[2048];
    (void)r;
    for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        dyn_model m;
        fk_err err;
        fk_status st;
        fk_err_clear(&err);
        dyn_init(m);
        snprintf(text, sizeof text, "%s%s", head, cases[k].tail);
        st = dyn_read_string(m, text, "x", &err);
        TL_CHECK(st == FK_EPARSE, "case %zu: status %d", k, (int)st);
        TL_CHECK(strcmp(err.where, cases[k].where) == 0, "case %zu: where '%s', want '%s'", k, err.where,
                 cases[k].where);
        TL_CHECK(strstr(err.msg, cases[k].msg) != NULL, "case %zu: msg '%s'", k, err.msg);
        dyn_clear(m);
    }
    return TL_RESULT();
}
