/* ms_prf.c: the economic parts of the Myerson-Satterthwaite appendices
 * (case_ms.c; rows as mech.c names them), for proofs/prf_doc.h.
 *
 * Rows, with U_B(v) = sum_c g(c) [q(v,c) v - t_B(v,c)] and U_S(c) =
 * sum_v f(v) [-q(v,c) c - t_S(v,c)]: IR[k:a] U_k(a) >= 0, IC[k:a->b]
 * (type a's truthful utility less its utility from reporting b) >= 0,
 * ND  E[t_B + t_S] (+ subsidy) >= 0.  The payments are free columns, so
 * a certificate y (infeasible: A^T y = 0; subsidy LP: reduced costs 0)
 * gives on the column t_B(v,c) (coefficient -g(c) in IR/IC rows of v,
 * +g(c) in IC rows w->v, f(v) g(c) in ND), divided by g(c):
 *     y_IR(a) + sum_b y_IC(a->b) - sum_b y_IC(b->a) = y_ND prior_k(a)
 * for each agent k and type a: the weights are a flow from the IR rows
 * down the IC rows whose outflow at each type is the prior (the classical
 * argument weighs IR at the lowest buyer and highest seller and the
 * adjacent IC rows by F and 1 - G).  Then sum y_i row_i holds the
 * payments only as y_ND E[t_B + t_S], and the right-hand sides sum to
 * b(y): dividing by y_ND, the expected payments the weighted IR and IC
 * rows allow are at most S - R, the expected gains from trade S less the
 * information rents R := S + b(y)/y_ND.  Infeasible: b(y) > 0, so
 * S - R < 0 while ND asks E[t_B + t_S] >= 0.  Subsidy LP: y_ND = 1 (the
 * subsidy's reduced cost) and the optimum is b(y) = R - S.
 * Every identity is checked here on the certificate's numbers; a
 * certificate without this shape gets no economic story. */
#include <stdlib.h>
#include <string.h>

#include "ms_prf.h"

#define TX(s, t, m) ((s)->tex ? (t) : (m))

/* The rows the reading needs, found by name.  Type a of agent k is the
 * a-th IR[k:*] row (mech.c emits one per type, in order). */
typedef struct {
    int n[2], alloc[2];    /* types found; entries allocated */
    long *ir[2];           /* IR row of type a */
    long nd;               /* the ND row */
    mpq_t *flow[2];        /* y_IR(a) + sum_b y_IC(a->b) - sum_b y_IC(b->a) */
} ms_rows;

static const char *const agent[2] = {"buyer", "seller"};

static void rows_clear(ms_rows *r)
{
    int k;
    for (k = 0; k < 2; k++) {
        free(r->ir[k]);
        fk_qarr_free(r->flow[k], r->alloc[k]);
    }
}

/* Type index of name a (from IR rows) of agent k, or -1. */
static int type_ix(const prf_doc *d, const ms_rows *r, int k, const char *a, size_t len)
{
    int t;
    size_t pl = strlen(agent[k]) + 4; /* "IR[" agent ":" */
    for (t = 0; t < r->n[k]; t++) {
        const char *nm = d->lp->rname[r->ir[k][t]];
        if (strlen(nm) == pl + len + 1 && strncmp(nm + pl, a, len) == 0)
            return t;
    }
    return -1;
}

/* Fill r from d; nonzero when the rows are not those of case_ms. */
static int rows_find(ms_rows *r, const prf_doc *d, const case_ms_inst *in)
{
    const lp_model *lp = d->lp;
    long i;
    int k;
    memset(r, 0, sizeof *r);
    r->nd = prf_doc_find(d, "ND", 0);
    for (k = 0; k < 2; k++) {
        int want = k ? in->ns : in->nb;
        size_t al = strlen(agent[k]);
        r->ir[k] = calloc((size_t)want, sizeof *r->ir[k]);
        r->flow[k] = fk_qarr_new(want);
        if (!r->ir[k] || !r->flow[k])
            return 1;
        r->alloc[k] = want;
        for (i = 0; i < lp->m; i++) {
            const char *nm = lp->rname[i];
            if (strncmp(nm, "IR[", 3) || strncmp(nm + 3, agent[k], al) || nm[3 + al] != ':')
                continue;
            if (r->n[k] == want)
                return 1;
            if (mpq_sgn(prf_doc_y(d, i)) < 0)
                return 1;
            r->ir[k][r->n[k]++] = i;
            mpq_add(r->flow[k][r->n[k] - 1], r->flow[k][r->n[k] - 1], prf_doc_y(d, i));
        }
        if (r->n[k] != want)
            return 1;
    }
    for (i = 0; i < lp->m; i++) { /* IC[k:a->b] */
        const char *nm = lp->rname[i], *ar, *col;
        int a, b;
        if (strncmp(nm, "IC[", 3))
            continue;
        col = strchr(nm, ':');
        ar = col ? strstr(col, "->") : NULL;
        if (!ar)
            return 1;
        for (k = 0; k < 2; k++)
            if ((size_t)(col - nm - 3) == strlen(agent[k]) && !strncmp(nm + 3, agent[k], strlen(agent[k])))
                break;
        if (k == 2)
            return 1;
        a = type_ix(d, r, k, col + 1, (size_t)(ar - col - 1));
        b = type_ix(d, r, k, ar + 2, strlen(ar + 2) - 1);
        if (a < 0 || b < 0 || mpq_sgn(prf_doc_y(d, i)) < 0)
            return 1;
        mpq_add(r->flow[k][a], r->flow[k][a], prf_doc_y(d, i));
        mpq_sub(r->flow[k][b], r->flow[k][b], prf_doc_y(d, i));
    }
    return r->nd < 0;
}

static void list(FILE *f, const prf_style *s, const char *what, mpq_t *x, int n)
{
    int k;
    fputs(what, f);
    fputs(s->math_on, f);
    fputs(TX(s, "\\{", "{"), f);
    for (k = 0; k < n; k++) {
        fputs(k ? ", " : "", f);
        s->num(f, x[k]);
    }
    fputs(TX(s, "\\}", "}"), f);
    fputs(s->math_off, f);
}

static int claim(FILE *f, const prf_doc *d, const prf_style *s, const void *vctx)
{
    const case_ms_inst *in = vctx;
    int none = d->c->status == CERT_INFEASIBLE;
    int sub = prf_doc_find(d, "subsidy", 1) >= 0;
    mpq_t S;
    fputs("A buyer values the good at v, a seller's cost is c, each knows only his "
          "own, independently drawn. ", f);
    list(f, s, "Buyer values ", in->v, in->nb);
    list(f, s, " with probabilities ", in->f, in->nb);
    list(f, s, "; seller costs ", in->c, in->ns);
    list(f, s, " with probabilities ", in->g, in->ns);
    fprintf(f, ". Trade is ex post efficient: it happens exactly when v > c (at a tie: %s). "
               "The linear program asks for payments making it Bayesian incentive "
               "compatible (no type gains by misreporting, in expectation over the other's "
               "type), interim individually rational (every type expects at least zero) and "
               "ex ante budget balanced (the expected payments cover the transfers",
            in->tie == CASE_MS_TIE_NONE ? "no trade" : in->tie == CASE_MS_TIE_TRADE ? "trade"
                                                                                      : "trade with probability 1/2");
    fputs(sub ? ", up to an external subsidy it minimises)." : ", no deficit).", f);
    mpq_init(S);
    case_ms_surplus(S, in);
    fputs(" The expected gains from efficient trade are ", f);
    prf_num_m(f, s, S);
    mpq_clear(S);
    if (sub) {
        fputs(". Proposition: the least expected external subsidy that makes efficient "
              "trade possible is ", f);
        prf_num_m(f, s, d->value);
        fputs(mpq_sgn(d->value) > 0 ? " (positive: without it, efficient trade is impossible).\n"
                                    : " (no subsidy is needed).\n", f);
    } else
        fputs(none ? ". Proposition (Myerson and Satterthwaite): no such mechanism exists; "
                     "efficient trade is impossible.\n"
                   : ". Here such a mechanism exists.\n", f);
    return 0;
}

static int glossary(FILE *f, const prf_doc *d, const prf_style *s, const void *vctx)
{
    (void)d;
    (void)vctx;
    s->name(f, "t[buyer:v,c]");
    fputs(", ", f);
    s->name(f, "t[seller:v,c]");
    fputs(": what buyer and seller pay at reports (v, c) (the seller's is negative when he "
          "is paid).", f);
    prf_text(f, s, "\\begin{itemize}\n\\item ", "\n- ");
    s->name(f, "IC[buyer:v->v']");
    fputs(": the buyer with value v does not gain by reporting v'; ", f);
    s->name(f, "IC[seller:c->c']");
    fputs(" likewise for the seller with cost c.", f);
    prf_text(f, s, "\n\\item ", "\n- ");
    s->name(f, "IR[buyer:v]");
    fputs(", ", f);
    s->name(f, "IR[seller:c]");
    fputs(": that type expects at least zero from taking part.", f);
    prf_text(f, s, "\n\\item ", "\n- ");
    s->name(f, "ND");
    fputs(": the expected payments of buyer and seller", f);
    fputs(prf_doc_find(d, "subsidy", 1) >= 0 ? ", plus the subsidy," : "", f);
    fputs(" are at least zero: the budget balances ex ante.", f);
    prf_text(f, s, "\n\\end{itemize}\n", "\n");
    return 0;
}

/* The rows with a nonzero multiplier, by family, with their weights
 * divided by z, largest first (d->y is sorted that way). */
static void weights(FILE *f, const prf_doc *d, const prf_style *s, const mpq_t z, long top)
{
    long k, shown = 0;
    mpq_t w;
    mpq_init(w);
    for (k = 0; k < d->y.n; k++) {
        if (shown == top)
            break;
        mpq_div(w, d->y.e[k].v, z);
        fputs(shown ? ", " : "", f);
        s->name(f, d->lp->rname[d->y.e[k].idx]);
        fputs(TX(s, " $=$ ", " = "), f);
        prf_num_m(f, s, w);
        shown++;
    }
    if (d->y.n > shown)
        fprintf(f, " and %ld more", d->y.n - shown);
    mpq_clear(w);
}

static int reading(FILE *f, const prf_doc *d, const prf_style *s, const void *vctx)
{
    const case_ms_inst *in = vctx;
    int sub = prf_doc_find(d, "subsidy", 1) >= 0, k, a, bad = 0;
    ms_rows r;
    mpq_t S, R, w, yn;
    if (d->c->status == CERT_OPTIMAL && !sub) {
        fputs("The certificate is a mechanism: the payments below satisfy every incentive, "
              "participation and budget constraint, so efficient trade is possible here.\n", f);
        return 0;
    }
    if (d->c->status != CERT_INFEASIBLE && d->c->status != CERT_OPTIMAL)
        return 1;
    if (rows_find(&r, d, in)) {
        rows_clear(&r);
        return 1;
    }
    mpq_inits(S, R, w, yn, NULL);
    mpq_set(yn, prf_doc_y(d, r.nd));
    /* the shape: y_ND > 0 (= 1 with a subsidy), the flow identity, and
     * b(y) > 0 (infeasible) or b(y) = the optimum (subsidy) */
    bad = mpq_sgn(yn) <= 0 || (sub && mpq_cmp_ui(yn, 1, 1) != 0);
    for (k = 0; k < 2 && !bad; k++)
        for (a = 0; a < r.n[k] && !bad; a++) {
            mpq_mul(w, yn, k ? in->g[a] : in->f[a]);
            bad = !mpq_equal(w, r.flow[k][a]);
        }
    if (!bad) {
        case_ms_surplus(S, in);
        mpq_div(R, d->by, yn);
        mpq_add(R, R, S); /* R = S + b(y)/y_ND */
        bad = sub ? !mpq_equal(d->by, d->value) : mpq_sgn(d->by) <= 0;
    }
    if (bad) {
        mpq_clears(S, R, w, yn, NULL);
        rows_clear(&r);
        return 1;
    }
    if (sub)
        fputs("The multipliers are the shadow prices of the constraints that bind at the "
              "least subsidy, all non-negative; the budget row ", f);
    else
        fputs("Divide the certificate's multipliers by that of the budget row ", f);
    s->name(f, "ND");
    fputs(sub ? " has price 1 (a unit of subsidy relaxes it by one). The binding rows and their prices: "
              : " (" , f);
    if (!sub) {
        fputs(s->math_on, f);
        fputs(TX(s, "y_{ND} = ", "y_ND = "), f);
        s->num(f, yn);
        fputs(s->math_off, f);
        fputs("). They weigh the participation and incentive constraints: ", f);
    }
    weights(f, d, s, yn, 12);
    fputs(". For each agent and type they satisfy (checked on these numbers) the balance of "
          "the classical argument: the weight of its IR row plus the weights of its IC rows "
          "to other reports, less the weights of the IC rows of other types reporting it, "
          "equals its probability:\n", f);
    prf_text(f, s, "\\begin{center}$y_{IR}(a) + \\sum_{b} y_{IC}(a \\to b) - \\sum_{b} y_{IC}(b \\to a) = "
                   "\\Pr(a)$\\end{center}\n",
             "\n\n  y_IR(a) + Σ_b y_IC(a → b) − Σ_b y_IC(b → a) = Pr(a)\n\n");
    fputs("So the weighted sum of the IR and IC rows holds the payments only as their expected "
          "total, and says that the expected payments can be at most the expected gains from "
          "trade ", f);
    prf_num_m(f, s, S);
    fputs(sub ? " less the information rents, " : " less the information rents these weights give up "
                "(a Farkas certificate is not unique; any one proves the claim), ", f);
    fputs(s->math_on, f);
    fputs("R = ", f);
    s->num(f, R);
    fputs(s->math_off, f);
    mpq_sub(w, S, R);
    fputs(": at most ", f);
    prf_num_m(f, s, w);
    if (sub) {
        fputs(mpq_sgn(d->value) > 0 ? ". Budget balance needs the subsidy to cover the difference: "
                                      "the least subsidy is the information rents less the gains from trade, "
                                    : ". The gains from trade cover the rents and budget balance holds with "
                                      "room to spare: the least subsidy, the information rents less the "
                                      "gains from trade, is ", f);
        prf_num_m(f, s, d->value);
        fputs(", the optimum verified below.\n", f);
    } else
        fputs(", which is negative, while budget balance asks the expected payments to be at "
              "least zero. The rents exceed the gains from trade: no mechanism is efficient, "
              "incentive compatible, individually rational and budget balanced. The linear "
              "program below makes this exact.\n", f);
    mpq_clears(S, R, w, yn, NULL);
    rows_clear(&r);
    return 0;
}

const prf_econ *ms_prf_econ(prf_econ *e, const case_ms_inst *in)
{
    memset(e, 0, sizeof *e);
    e->title = "Myerson and Satterthwaite (1983): efficient bilateral trade";
    e->claim = claim;
    e->glossary = glossary;
    e->reading = reading;
    e->ctx = in;
    return e;
}
