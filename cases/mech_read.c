/* mech_read.c: the reader of mechanism files (docs/mechanism-files.md).
 *
 * Line oriented, like the .tsp and .bce readers (econ_text.h): '#' starts
 * a comment, fields are separated by blanks.  Declarations (mechanism,
 * agent, states, alternatives, good) come first; the first table line
 * (prior, joint, belief, value, choose, pay, ...) fixes the shape, and only
 * then, after the size checks, are the tables allocated.  Every error
 * names path:line:col of the offending field. */
#include <stdlib.h>
#include <string.h>

#include "econ_text.h"
#include "lp.h"
#include "lp_io.h"
#include "mech.h"
#include "rat.h"

void mech_init(mech_model m)
{
    memset(m, 0, sizeof *m);
    econ_tspace_init(m->ts);
    mpq_init(m->supply);
    mpq_init(m->pay_lo);
    mpq_init(m->pay_hi);
    mpq_init(m->ir_margin);
    m->live = 1;
}

static void expr_clear(mech_expr *e)
{
    int k;
    for (k = 0; k < e->nterm; k++)
        mpq_clear(e->term[k].coef);
    free(e->term);
    e->term = NULL;
    e->nterm = 0;
}

void mech_clear(mech_model m)
{
    long S = m->ts->nstates, np = m->ts->nprof;
    int i, k;
    if (!m->live)
        return;
    if (m->val)
        for (i = 0; i < m->n; i++)
            fk_qarr_free(m->val[i], np * S * m->ndec);
    free(m->val);
    fk_qarr_free(m->prior, np * S);
    fk_qarr_free(m->fixed, np * m->ndec);
    fk_qarr_free(m->payfix, (long)m->n * np * (m->pay_contingent ? S : 1));
    free(m->payx);
    for (k = 0; k < m->npaye; k++)
        expr_clear(&m->paye[k]);
    free(m->paye);
    for (k = 0; k < m->nvar; k++) {
        free(m->var[k].name);
        mpq_clear(m->var[k].lo);
        mpq_clear(m->var[k].hi);
    }
    free(m->var);
    for (k = 0; k < m->ncons; k++) {
        free(m->cons[k].name);
        expr_clear(&m->cons[k].e);
        mpq_clear(m->cons[k].rhs);
    }
    free(m->cons);
    for (k = 0; k < m->nobj; k++) {
        free(m->obj[k].label);
        expr_clear(&m->obj[k].e);
    }
    econ_names_free(m->agent, m->n);
    econ_names_free(m->alt, m->nalt);
    free(m->name);
    econ_tspace_clear(m->ts);
    mpq_clear(m->supply);
    mpq_clear(m->pay_lo);
    mpq_clear(m->pay_hi);
    mpq_clear(m->ir_margin);
    memset(m, 0, sizeof *m);
}

long mech_pay_index(const mech_model m, long r, int th)
{
    return m->pay_contingent ? r * m->ts->nstates + th : r;
}

/* ---- reading state ------------------------------------------------------ */

typedef struct {
    econ_rd rd;
    mech_model_struct *m;
    /* declarations, before the shape is fixed */
    int ntypes[MECH_MAX_AGENTS];
    char **tname[MECH_MAX_AGENTS];
    int nstates;
    char **sname;
    int shaped;
    /* tables */
    unsigned char *jset;   /* joint / belief entries given (nprof * S per agent) */
    unsigned char *fset;   /* fixed allocation given per profile */
    mpq_t *indep[MECH_MAX_AGENTS];
    int nindep[MECH_MAX_AGENTS];
    int last_line;
    int bel_lines;         /* belief lines given: they, not the prior's conditionals, are the beliefs */
    long work;             /* profiles scanned + limbs written by wildcard lines */
} rdr;

static fk_status failat(rdr *R, const char *tok, const char *fmt, const char *a, const char *b);

/* Wildcard lines (value, choose, pay) scan every profile and may write a
 * long number into each: bounded in all, so that a small file cannot ask
 * for hours of work or gigabytes of copies. */
#define MECH_MAX_WORK 50000000L

static fk_status charge(rdr *R, const char *tok, long nmatch, const mpq_t v)
{
    long limbs = (long)mpz_size(mpq_numref(v)) + (long)mpz_size(mpq_denref(v));
    R->work += R->m->ts->nprof;
    if (nmatch > 0 && limbs > (MECH_MAX_WORK - R->work) / nmatch)
        R->work = MECH_MAX_WORK + 1;
    else
        R->work += nmatch * limbs;
    if (R->work > MECH_MAX_WORK)
        return failat(R, tok, "too much table work: wildcard lines would write over %s limbs of "
                      "numbers%s", "50000000", "");
    return FK_OK;
}

/* Profiles matching ty (-1 = any) times the states matching th. */
static long count_match(const mech_model_struct *m, const int *ty, int th, int S)
{
    long c = 1;
    int i;
    for (i = 0; i < m->n; i++)
        c *= ty[i] < 0 ? m->ts->ntypes[i] : 1;
    return c * (th < 0 ? S : 1);
}

/* a failure pointing at token tok */
static fk_status failat(rdr *R, const char *tok, const char *fmt, const char *a, const char *b)
{
    char where[256];
    econ_where(where, sizeof where, R->rd.path, R->rd.line, R->rd.buf, R->rd.buflen, tok, NULL);
    return fk_fail(R->rd.err, FK_EPARSE, where, fmt, a, b);
}

/* User names: up to MECH_MAX_NAME of letters, digits and _ . / + -, and
 * the characters of extra; the characters [ ] : , ; @ * are the syntax of
 * row and quantity names.  (A side constraint's name may also hold
 * parentheses, as the essays number them: ICH(0.3).) */
static int name_ok(const char *s, const char *extra)
{
    size_t k, len = strlen(s);
    if (len == 0 || len > MECH_MAX_NAME)
        return 0;
    for (k = 0; k < len; k++) {
        char c = s[k];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c == '/' || c == '+' || c == '-' || strchr(extra, c)))
            return 0;
    }
    return 1;
}

static fk_status check_name(rdr *R, const char *tok)
{
    if (!name_ok(tok, ""))
        return failat(R, tok, "bad name '%s' (1 to 24 letters, digits, _ . / + -)%s", tok, "");
    return FK_OK;
}

/* Append names tok[0..k) to *v (count *n, limit lim), refusing duplicates. */
static fk_status add_names(rdr *R, char ***v, int *n, char **tok, int k, int lim, const char *what)
{
    char **nv;
    int j;
    if (*n + k > lim) {
        char b[32];
        snprintf(b, sizeof b, "%d", lim);
        return failat(R, tok[0], "too many %s (at most %s)", what, b);
    }
    for (j = 0; j < k; j++) {
        fk_status st = check_name(R, tok[j]);
        if (st)
            return st;
        if (econ_name_find(*v, *n, tok[j]) >= 0 || econ_name_find(tok, j, tok[j]) >= 0)
            return failat(R, tok[j], "%s '%s' declared twice", what, tok[j]);
    }
    nv = fk_realloc(*v, (size_t)(*n + k), sizeof *nv);
    if (!nv)
        return fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
    *v = nv;
    for (j = 0; j < k; j++) {
        if (!(nv[*n] = fk_strdup(tok[j])))
            return fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
        (*n)++;
    }
    return FK_OK;
}

/* Fix the shape: size checks first, then allocation. */
static fk_status shape(rdr *R, const char *tok)
{
    mech_model_struct *m = R->m;
    long np = 1, S, cells;
    char b1[40], b2[40];
    int i;
    fk_status st;
    if (R->shaped)
        return FK_OK;
    if (m->n == 0)
        return failat(R, tok, "no 'agent' line before the tables%s%s", "", "");
    if (m->ndec == 0)
        return failat(R, tok, "no 'alternatives' or 'good' line before the tables%s%s", "", "");
    for (i = 0; i < m->n; i++) {
        if (np > MECH_MAX_PROFILES / R->ntypes[i]) {
            snprintf(b1, sizeof b1, "%ld", MECH_MAX_PROFILES);
            return failat(R, tok, "too many type profiles: types^agents is over %s%s", b1, "");
        }
        np *= R->ntypes[i];
    }
    S = R->nstates ? R->nstates : 1;
    { /* the longest LP name, DIC[agent:a->b;t1,..,tn;state], must fit MPS */
        size_t len = 12, ma = 0, mt = 0, k;
        int j;
        for (i = 0; i < m->n; i++) {
            size_t mi = 0;
            ma = strlen(m->agent[i]) > ma ? strlen(m->agent[i]) : ma;
            for (j = 0; j < R->ntypes[i]; j++)
                mi = strlen(R->tname[i][j]) > mi ? strlen(R->tname[i][j]) : mi;
            len += mi + 1;
            mt = mi > mt ? mi : mt;
        }
        k = 0;
        for (j = 0; j < R->nstates; j++)
            k = strlen(R->sname[j]) > k ? strlen(R->sname[j]) : k;
        len += ma + 2 * mt + k;
        if (len > LPIO_MAX_NAME) {
            snprintf(b1, sizeof b1, "%lu", (unsigned long)len);
            return failat(R, tok, "names too long: a row name such as DIC[agent:type->type;profile] "
                          "would have %s characters (MPS allows 255)%s", b1, "");
        }
    }
    /* the largest tables: valuations n x profiles x states x decisions */
    cells = np * S;
    if (cells > ECON_MAX_CELLS / m->ndec || cells * m->ndec > ECON_MAX_CELLS / m->n) {
        snprintf(b1, sizeof b1, "%ld", np);
        snprintf(b2, sizeof b2, "%ld", ECON_MAX_CELLS);
        return failat(R, tok, "too large: %s profiles x states x decisions x agents is over %s", b1, b2);
    }
    {
        char dash[2] = "-", *one[1] = {dash};
        st = econ_tspace_shape(m->ts, m->n, R->ntypes, (int)S, (char *const *const *)R->tname,
                               R->nstates ? R->sname : one, R->rd.err);
        if (st)
            return st;
    }
    m->val = fk_calloc((size_t)m->n, sizeof *m->val);
    R->jset = fk_calloc((size_t)(np * S * (m->n + 1)), 1); /* beliefs per agent, then the joint prior */
    if (!m->val || !R->jset)
        return fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
    for (i = 0; i < m->n; i++)
        if (!(m->val[i] = fk_qarr_new(np * S * m->ndec)))
            return fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
    m->has_states = R->nstates > 0;
    R->shaped = 1;
    return FK_OK;
}

static int agent_of(rdr *R, const char *s)
{
    return econ_name_find(R->m->agent, R->m->n, s);
}

static fk_status want_agent(rdr *R, const char *s, int *i)
{
    if ((*i = agent_of(R, s)) < 0)
        return failat(R, s, "unknown agent '%s'%s", s, "");
    return FK_OK;
}

static fk_status want_type(rdr *R, int i, const char *s, int *ti, int star)
{
    if (star && strcmp(s, "*") == 0) {
        *ti = -1;
        return FK_OK;
    }
    if ((*ti = econ_name_find(R->m->ts->type[i], R->m->ts->ntypes[i], s)) < 0)
        return failat(R, s, "unknown type '%s' of agent %s", s, R->m->agent[i]);
    return FK_OK;
}

static fk_status want_state(rdr *R, const char *s, int *th, int star)
{
    if (star && strcmp(s, "*") == 0) {
        *th = -1;
        return FK_OK;
    }
    if ((*th = econ_name_find(R->m->ts->state, R->m->ts->nstates, s)) < 0)
        return failat(R, s, "unknown state '%s'%s", s, "");
    return FK_OK;
}

/* n type tokens (one per agent, '*' allowed with star) into ty[]. */
static fk_status want_profile(rdr *R, char **tok, int *ty, int star)
{
    int i;
    fk_status st;
    for (i = 0; i < R->m->n; i++)
        if ((st = want_type(R, i, tok[i], &ty[i], star)))
            return st;
    return FK_OK;
}

static int prof_match(const mech_model_struct *m, long r, const int *ty)
{
    int i;
    for (i = 0; i < m->n; i++)
        if (ty[i] >= 0 && econ_type_of(m->ts, r, i) != ty[i])
            return 0;
    return 1;
}

static long prof_index(const mech_model_struct *m, const int *ty)
{
    long r = 0, mul = 1;
    int i;
    for (i = 0; i < m->n; i++) {
        r += ty[i] * mul;
        mul *= m->ts->ntypes[i];
    }
    return r;
}

static fk_status number(rdr *R, mpq_t q, const char *s, int nonneg)
{
    return econ_rd_number(&R->rd, q, s, nonneg);
}

/* ---- table lines ---------------------------------------------------------- */

static fk_status rd_prior(rdr *R, char **tok, int nt)
{
    mech_model_struct *m = R->m;
    int i, k;
    fk_status st;
    if (m->bel_kind == MECH_BEL_JOINT)
        return failat(R, tok[0], "'prior' cannot be mixed with 'joint' lines%s%s", "", "");
    if (m->has_states)
        return failat(R, tok[0], "independent priors cannot be combined with states: "
                      "give a 'joint' table%s%s", "", "");
    if (nt < 3)
        return failat(R, tok[0], "'prior' takes an agent and probabilities%s%s", "", "");
    if ((st = want_agent(R, tok[1], &i)))
        return st;
    m->bel_kind = MECH_BEL_INDEP;
    if (!R->indep[i] && !(R->indep[i] = fk_qarr_new(m->ts->ntypes[i])))
        return fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
    for (k = 2; k < nt; k++) {
        if (R->nindep[i] >= m->ts->ntypes[i])
            return failat(R, tok[k], "more probabilities than types of agent %s%s", m->agent[i], "");
        if ((st = number(R, R->indep[i][R->nindep[i]++], tok[k], 1)))
            return st;
    }
    return FK_OK;
}

static fk_status rd_joint(rdr *R, char **tok, int nt)
{
    mech_model_struct *m = R->m;
    int ty[MECH_MAX_AGENTS], th = 0, hs = m->has_states;
    long r, S = m->ts->nstates;
    fk_status st;
    if (m->bel_kind == MECH_BEL_INDEP)
        return failat(R, tok[0], "'joint' cannot be mixed with 'prior' lines%s%s", "", "");
    if (nt != 2 + m->n + hs)
        return failat(R, tok[0], "'joint' takes one type per agent%s, then a probability",
                      hs ? ", a state" : "", "");
    m->bel_kind = MECH_BEL_JOINT;
    if (!m->prior && !(m->prior = fk_qarr_new(m->ts->nprof * S)))
        return fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
    if ((st = want_profile(R, tok + 1, ty, 0)) || (hs && (st = want_state(R, tok[1 + m->n], &th, 0))))
        return st;
    r = (long)m->n * m->ts->nprof * S + prof_index(m, ty) * S + th;
    if (R->jset[r])
        return failat(R, tok[1], "entry given twice%s%s", "", "");
    R->jset[r] = 1;
    r = prof_index(m, ty);
    return number(R, m->prior[r * S + th], tok[nt - 1], 1);
}

static fk_status rd_belief(rdr *R, char **tok, int nt)
{
    mech_model_struct *m = R->m;
    int ty[MECH_MAX_AGENTS], th = 0, hs = m->has_states, i, j, k, tt;
    long r, S = m->ts->nstates, np = m->ts->nprof;
    fk_status st;
    if (nt != 3 + m->n + hs)
        return failat(R, tok[0], "'belief' takes an agent, its type, the others' types%s, then a "
                      "probability", hs ? ", a state" : "", "");
    if (m->bel_kind == MECH_BEL_NONE)
        m->bel_kind = MECH_BEL_TYPES;
    R->bel_lines = 1;
    if ((st = want_agent(R, tok[1], &i)) || (st = want_type(R, i, tok[2], &ty[i], 0)))
        return st;
    for (j = 0, k = 3; j < m->n; j++) {
        if (j == i)
            continue;
        if ((st = want_type(R, j, tok[k++], &tt, 0)))
            return st;
        ty[j] = tt;
    }
    if (hs && (st = want_state(R, tok[k], &th, 0)))
        return st;
    r = prof_index(m, ty);
    if (R->jset[(long)i * np * S + r * S + th])
        return failat(R, tok[1], "entry given twice%s%s", "", "");
    R->jset[(long)i * np * S + r * S + th] = 1;
    return number(R, m->ts->bel[i][r * S + th], tok[nt - 1], 1);
}

/* value AGENT [ALT] (TYPE | t1..tn [state]) NUMBER; later lines override. */
static fk_status rd_value(rdr *R, char **tok, int nt)
{
    mech_model_struct *m = R->m;
    int good = m->mode == MECH_GOOD, base = good ? 2 : 3, hs = m->has_states;
    int full = base + m->n + hs + 1, i, j, ty[MECH_MAX_AGENTS], th = -1, k;
    long r, S = m->ts->nstates;
    mpq_t v;
    fk_status st;
    if (nt < 2)
        return failat(R, tok[0], "'value' takes an agent%s and a number", good ? "" : ", an alternative", "");
    if ((st = want_agent(R, tok[1], &i)))
        return st;
    j = i;
    if (!good && (j = econ_name_find(m->alt, m->nalt, tok[2])) < 0)
        return failat(R, tok[2], "unknown alternative '%s'%s", tok[2], "");
    for (k = 0; k < m->n; k++)
        ty[k] = -1;
    if (nt == base + 2 && full != base + 2) { /* private value: own type only */
        if ((st = want_type(R, i, tok[base], &ty[i], 0)))
            return st;
    } else if (nt == full) {
        if ((st = want_profile(R, tok + base, ty, 1)) ||
            (hs && (st = want_state(R, tok[base + m->n], &th, 1))))
            return st;
    } else {
        return failat(R, tok[0], "'value' takes an agent%s, then its type or one type per agent "
                      "('*' for any) and a state if there are states, then a number",
                      good ? "" : ", an alternative", "");
    }
    mpq_init(v);
    if ((st = number(R, v, tok[nt - 1], 0)) == FK_OK &&
        (st = charge(R, tok[nt - 1], count_match(m, ty, th, (int)S), v)) == FK_OK)
        for (r = 0; r < m->ts->nprof; r++)
            if (prof_match(m, r, ty))
                for (k = 0; k < S; k++)
                    if (th < 0 || th == k)
                        mpq_set(m->val[i][(r * S + k) * m->ndec + j], v);
    mpq_clear(v);
    return st;
}

/* choose t1..tn ALT | choose t1..tn ALT P ALT P ... | (good) choose t1..tn q1..qn */
static fk_status rd_choose(rdr *R, char **tok, int nt)
{
    mech_model_struct *m = R->m;
    int ty[MECH_MAX_AGENTS], k, j;
    long r, np = m->ts->nprof, D = m->ndec;
    mpq_t *row;
    fk_status st;
    if (m->alloc != MECH_ALLOC_FIXED)
        return failat(R, tok[0], "'choose' needs 'allocation fixed' before it%s%s", "", "");
    if (nt < 2 + m->n)
        return failat(R, tok[0], "'choose' takes one type per agent ('*' for any), then the outcome%s%s", "", "");
    if ((st = want_profile(R, tok + 1, ty, 1)))
        return st;
    if (!m->fixed && (!(m->fixed = fk_qarr_new(np * D)) || !(R->fset = fk_calloc((size_t)np, 1))))
        return fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
    if (!(row = fk_qarr_new(D)))
        return fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
    k = 1 + m->n;
    if (m->mode == MECH_GOOD) {
        if (nt != k + m->n)
            st = failat(R, tok[0], "'choose' with a good takes one type per agent, then each agent's "
                        "probability of getting it%s%s", "", "");
        for (j = 0; j < m->n && !st; j++)
            st = number(R, row[j], tok[k + j], 1);
    } else if (nt == k + 1) {
        if ((j = econ_name_find(m->alt, m->nalt, tok[k])) < 0)
            st = failat(R, tok[k], "unknown alternative '%s'%s", tok[k], "");
        else
            mpq_set_ui(row[j], 1, 1);
    } else if ((nt - k) % 2) {
        st = failat(R, tok[0], "'choose' takes an alternative, or pairs of an alternative and "
                    "its probability%s%s", "", "");
    } else {
        for (; k < nt && !st; k += 2) {
            if ((j = econ_name_find(m->alt, m->nalt, tok[k])) < 0)
                st = failat(R, tok[k], "unknown alternative '%s'%s", tok[k], "");
            else
                st = number(R, row[j], tok[k + 1], 1);
        }
    }
    for (j = 0; j < D && !st; j++)
        st = charge(R, tok[0], count_match(m, ty, 0, 1), row[j]);
    for (r = 0; r < np && !st; r++)
        if (prof_match(m, r, ty)) {
            for (j = 0; j < D; j++)
                mpq_set(m->fixed[r * D + j], row[j]);
            R->fset[r] = 1;
        }
    fk_qarr_free(row, D);
    return st;
}

/* the declared variable named s, or -1 */
static int var_index(const mech_model_struct *m, const char *s)
{
    int k;
    for (k = 0; k < m->nvar; k++)
        if (strcmp(m->var[k].name, s) == 0)
            return k;
    return -1;
}

static int is_number(const char *s);
static fk_status rd_expr(rdr *R, char **tok, int k0, int k1, mech_expr *e);

/* pay AGENT t1..tn [state] (NUMBER | EXPR in the variables); later lines
 * override. */
static fk_status rd_pay(rdr *R, char **tok, int nt)
{
    mech_model_struct *m = R->m;
    int ty[MECH_MAX_AGENTS], i, th = -1, hs = m->pay_contingent, k;
    long r, S = m->ts->nstates, np = m->ts->nprof, npay = np * (hs ? S : 1);
    mpq_t v;
    fk_status st;
    if (m->pay_kind != MECH_PAY_FIXED)
        return failat(R, tok[0], "'pay' needs 'payments fixed' before it%s%s", "", "");
    if (nt < 3 + m->n + hs)
        return failat(R, tok[0], "'pay' takes an agent, one type per agent ('*' for any)%s, then "
                      "a number or an expression in variables", hs ? ", a state" : "", "");
    if ((st = want_agent(R, tok[1], &i)) || (st = want_profile(R, tok + 2, ty, 1)) ||
        (hs && (st = want_state(R, tok[2 + m->n], &th, 1))))
        return st;
    if (!m->payfix && !(m->payfix = fk_qarr_new((long)m->n * npay)))
        return fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
    if (nt > 3 + m->n + hs || !is_number(tok[nt - 1])) {
        /* a payment written in the declared variables: t = c + sum_v a_v v */
        int e;
        mech_expr *ne;
        if (m->npaye >= MECH_MAX_PAYX)
            return failat(R, tok[0], "too many 'pay' lines with expressions (at most 100000)%s%s", "", "");
        if (!m->payx) {
            if (!(m->payx = fk_calloc((size_t)(m->n * npay), sizeof *m->payx)))
                return fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
            for (r = 0; r < m->n * npay; r++)
                m->payx[r] = -1;
        }
        if (!(ne = fk_realloc(m->paye, (size_t)m->npaye + 1, sizeof *ne)))
            return fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
        m->paye = ne;
        e = m->npaye++;
        memset(&m->paye[e], 0, sizeof m->paye[e]);
        if ((st = rd_expr(R, tok, 2 + m->n + hs, nt, &m->paye[e])))
            return st;
        for (k = 0; k < m->paye[e].nterm; k++)
            if (m->paye[e].term[k].kind != MECH_Q_VAR && m->paye[e].term[k].kind != MECH_Q_CONST) {
                /* point at the first token that is no sign, number or variable */
                int j = 2 + m->n + hs;
                for (; j < nt - 1; j++) {
                    if (!strcmp(tok[j], "+") || !strcmp(tok[j], "-") || is_number(tok[j]))
                        continue;
                    if (var_index(m, tok[j]) < 0)
                        break;
                }
                return failat(R, tok[j], "a payment is a number or an expression in declared "
                              "variables ('variable' lines before it), not '%s'%s", tok[j], "");
            }
        mpq_init(v);
        st = charge(R, tok[0], count_match(m, ty, th, hs ? (int)S : 1), v);
        mpq_clear(v);
        for (r = 0; r < np && !st; r++)
            if (prof_match(m, r, ty))
                for (k = 0; k < (hs ? S : 1); k++)
                    if (th < 0 || th == k)
                        m->payx[i * npay + mech_pay_index(m, r, k)] = e;
        return st;
    }
    mpq_init(v);
    if ((st = number(R, v, tok[nt - 1], 0)) == FK_OK &&
        (st = charge(R, tok[nt - 1], count_match(m, ty, th, hs ? (int)S : 1), v)) == FK_OK)
        for (r = 0; r < np; r++)
            if (prof_match(m, r, ty))
                for (k = 0; k < (hs ? S : 1); k++)
                    if (th < 0 || th == k) {
                        mpq_set(m->payfix[i * npay + mech_pay_index(m, r, k)], v);
                        if (m->payx) /* a later number overrides an earlier expression */
                            m->payx[i * npay + mech_pay_index(m, r, k)] = -1;
                    }
    mpq_clear(v);
    return st;
}

/* ---- settings ------------------------------------------------------------ */

static fk_status rd_allocation(rdr *R, char **tok, int nt)
{
    mech_model_struct *m = R->m;
    static const char *ties[] = {"first", "last", "uniform", "designer"};
    int k;
    if (m->fixed)
        return failat(R, tok[0], "'allocation' after 'choose' lines%s%s", "", "");
    if (nt == 2 && strcmp(tok[1], "free") == 0) {
        m->alloc = MECH_ALLOC_FREE;
        return FK_OK;
    }
    if (nt == 2 && strcmp(tok[1], "fixed") == 0) {
        m->alloc = MECH_ALLOC_FIXED;
        return FK_OK;
    }
    if ((nt == 2 || nt == 4) && strcmp(tok[1], "efficient") == 0) {
        if (m->mode != MECH_ALTS)
            return failat(R, tok[1], "'allocation efficient' needs alternatives, not a good%s%s", "", "");
        m->alloc = MECH_ALLOC_EFFICIENT;
        m->tie = MECH_TIE_FIRST;
        if (nt == 2)
            return FK_OK;
        if (strcmp(tok[2], "ties") == 0)
            for (k = 0; k < 4; k++)
                if (strcmp(tok[3], ties[k]) == 0) {
                    m->tie = k;
                    return FK_OK;
                }
        return failat(R, tok[2], "expected 'ties first', 'ties last', 'ties uniform' or "
                      "'ties designer'%s%s", "", "");
    }
    return failat(R, tok[nt > 1 ? 1 : 0], "'allocation' takes free, fixed, or efficient "
                  "[ties first|last|uniform|designer]%s%s", "", "");
}

static fk_status rd_payments(rdr *R, char **tok, int nt)
{
    mech_model_struct *m = R->m;
    int k = 1;
    fk_status st;
    if (m->payfix)
        return failat(R, tok[0], "'payments' after 'pay' lines%s%s", "", "");
    m->pay_contingent = 0;
    if (k < nt && strcmp(tok[k], "contingent") == 0) {
        if (!m->has_states)
            return failat(R, tok[k], "contingent payments need states%s%s", "", "");
        m->pay_contingent = 1;
        k++;
    }
    if (k + 1 == nt && strcmp(tok[k], "free") == 0)
        m->pay_kind = MECH_PAY_FREE;
    else if (k + 1 == nt && strcmp(tok[k], "fixed") == 0)
        m->pay_kind = MECH_PAY_FIXED;
    else if (k + 1 == nt && strcmp(tok[k], "zero") == 0)
        m->pay_kind = MECH_PAY_ZERO;
    else if (k + 3 == nt && strcmp(tok[k], "bounded") == 0) {
        m->pay_kind = MECH_PAY_BOUNDED;
        m->pay_lo_fin = strcmp(tok[k + 1], "-inf") != 0;
        m->pay_hi_fin = strcmp(tok[k + 2], "inf") != 0 && strcmp(tok[k + 2], "+inf") != 0;
        if ((m->pay_lo_fin && (st = number(R, m->pay_lo, tok[k + 1], 0))) ||
            (m->pay_hi_fin && (st = number(R, m->pay_hi, tok[k + 2], 0))))
            return st;
        if (m->pay_lo_fin && m->pay_hi_fin && mpq_cmp(m->pay_lo, m->pay_hi) > 0)
            return failat(R, tok[k + 1], "payment bounds cross: '%s' > '%s'", tok[k + 1], tok[k + 2]);
    } else
        return failat(R, tok[k < nt ? k : 0], "'payments' takes [contingent] free, zero, fixed, "
                      "or bounded LO HI%s%s", "", "");
    return FK_OK;
}

static fk_status rd_require(rdr *R, char **tok, int nt)
{
    mech_model_struct *m = R->m;
    const char *f = nt > 1 ? tok[1] : "", *w = nt > 2 ? tok[2] : "";
    unsigned bit = 0;
    fk_status st;
    if (nt == 2 && strcmp(f, "BIC") == 0)
        bit = MECH_BIC;
    else if (nt == 2 && (strcmp(f, "DIC") == 0 || strcmp(f, "EPIC") == 0))
        bit = MECH_DIC;
    else if ((nt == 3 || nt == 4) && strcmp(f, "IR") == 0 && strcmp(w, "interim") == 0) {
        bit = MECH_IRI;
        if (nt == 4 && (st = number(R, m->ir_margin, tok[3], 0)))
            return st;
    } else if (nt == 3 && strcmp(f, "IR") == 0 && strcmp(w, "expost") == 0)
        bit = MECH_IRX;
    else if (nt == 3 && strcmp(f, "BB") == 0 && strcmp(w, "exante") == 0)
        bit = MECH_BBA;
    else if (nt == 3 && strcmp(f, "BB") == 0 && strcmp(w, "expost") == 0)
        bit = MECH_BBX;
    else if (nt == 3 && strcmp(f, "nodeficit") == 0 && strcmp(w, "exante") == 0)
        bit = MECH_NDA;
    else if (nt == 3 && strcmp(f, "nodeficit") == 0 && strcmp(w, "expost") == 0)
        bit = MECH_NDX;
    else
        return failat(R, tok[nt > 1 ? 1 : 0], "'require' takes BIC, DIC, EPIC, IR interim [MARGIN], "
                      "IR expost, BB exante|expost, or nodeficit exante|expost%s%s", "", "");
    m->req |= bit;
    return FK_OK;
}

/* "X[a:b,c;d]" split: head X, parts after '[' at ':' ',' ';' before ']'. */
static int split_q(char *s, char **head, char **parts, char *seps, int maxp)
{
    char *p = strchr(s, '['), *e;
    int k = 0;
    if (!p || !(e = strchr(p, ']')) || e[1])
        return -1;
    *p = '\0';
    *e = '\0';
    *head = s;
    parts[k] = p + 1;
    for (p = p + 1; *p; p++)
        if (*p == ':' || *p == ',' || *p == ';') {
            if (k + 1 >= maxp)
                return -1;
            seps[k] = *p;
            *p = '\0';
            parts[++k] = p + 1;
        }
    return k + 1;
}

/* One quantity token into t (coefficient left to the caller). */
static fk_status rd_quantity(rdr *R, const char *tok, mech_term *t)
{
    mech_model_struct *m = R->m;
    char buf[512], *head, *parts[MECH_MAX_AGENTS + 3], seps[MECH_MAX_AGENTS + 3];
    int np, i, ty[MECH_MAX_AGENTS], k, hs;
    if (strcmp(tok, "revenue") == 0 || strcmp(tok, "welfare") == 0 || strcmp(tok, "subsidy") == 0) {
        t->kind = tok[0] == 'r' ? MECH_Q_REV : tok[0] == 'w' ? MECH_Q_WEL : MECH_Q_SUB;
        return FK_OK;
    }
    if ((k = var_index(m, tok)) >= 0) {
        t->kind = MECH_Q_VAR;
        t->a = k;
        return FK_OK;
    }
    if (strlen(tok) >= sizeof buf)
        return failat(R, tok, "bad quantity '%s'%s", tok, "");
    strcpy(buf, tok);
    np = split_q(buf, &head, parts, seps, MECH_MAX_AGENTS + 3);
    if (np < 2 || seps[0] != ':')
        return failat(R, tok, "bad quantity '%s' (revenue, welfare, subsidy, a variable, "
                      "U[agent:type], U[agent:type->report], t[agent:profile], p[alternative:profile] "
                      "or q[agent:profile])", tok, "");
    if (strcmp(head, "U") == 0) {
        char *arrow;
        if (np != 2)
            return failat(R, tok, "'%s': U[agent:type] names one type%s", tok, "");
        t->kind = MECH_Q_U;
        if ((t->a = agent_of(R, parts[0])) < 0)
            return failat(R, tok, "unknown agent in '%s'%s", tok, "");
        /* U[agent:type->report]: '>' is in no name, so the first "->" splits */
        if ((arrow = strstr(parts[1], "->")) != NULL)
            *arrow = '\0';
        if ((t->ti = econ_name_find(m->ts->type[t->a], m->ts->ntypes[t->a], parts[1])) < 0)
            return failat(R, tok, "unknown type in '%s'%s", tok, "");
        t->rep = t->ti;
        if (arrow && (t->rep = econ_name_find(m->ts->type[t->a], m->ts->ntypes[t->a], arrow + 2)) < 0)
            return failat(R, tok, "unknown report in '%s'%s", tok, "");
        return FK_OK;
    }
    if (strcmp(head, "t") == 0) {
        t->kind = MECH_Q_PAY;
        if ((t->a = agent_of(R, parts[0])) < 0)
            return failat(R, tok, "unknown agent in '%s'%s", tok, "");
    } else if (strcmp(head, "p") == 0 && m->mode == MECH_ALTS) {
        t->kind = MECH_Q_DEC;
        if ((t->a = econ_name_find(m->alt, m->nalt, parts[0])) < 0)
            return failat(R, tok, "unknown alternative in '%s'%s", tok, "");
    } else if (strcmp(head, "q") == 0 && m->mode == MECH_GOOD) {
        t->kind = MECH_Q_DEC;
        if ((t->a = agent_of(R, parts[0])) < 0)
            return failat(R, tok, "unknown agent in '%s'%s", tok, "");
    } else {
        return failat(R, tok, "bad quantity '%s'%s", tok, "");
    }
    hs = t->kind == MECH_Q_PAY && m->pay_contingent;
    if (np != 1 + m->n + hs)
        return failat(R, tok, "'%s' needs one type per agent%s", tok, hs ? " and a state" : "");
    for (i = 0; i < m->n; i++) {
        if ((ty[i] = econ_name_find(m->ts->type[i], m->ts->ntypes[i], parts[1 + i])) < 0 ||
            (i + 1 < m->n && seps[1 + i] != ','))
            return failat(R, tok, "bad profile in '%s'%s", tok, "");
    }
    t->r = prof_index(m, ty);
    t->th = 0;
    if (hs) {
        k = 1 + m->n;
        if (seps[k - 1] != ';' ||
            (t->th = econ_name_find(m->ts->state, m->ts->nstates, parts[k])) < 0)
            return failat(R, tok, "bad state in '%s'%s", tok, "");
    }
    return FK_OK;
}

static int is_number(const char *s)
{
    return (s[0] >= '0' && s[0] <= '9') || s[0] == '.' ||
           ((s[0] == '-' || s[0] == '+') && s[1] && ((s[1] >= '0' && s[1] <= '9') || s[1] == '.'));
}

/* tok[k0..k1): [+|-] [NUMBER] QUANTITY | [+|-] NUMBER, repeated. */
static fk_status rd_expr(rdr *R, char **tok, int k0, int k1, mech_expr *e)
{
    int k = k0;
    fk_status st = FK_OK;
    if (k0 >= k1)
        return failat(R, tok[k0 > 0 ? k0 - 1 : 0], "empty expression%s%s", "", "");
    e->term = fk_calloc((size_t)(k1 - k0), sizeof *e->term);
    if (!e->term)
        return fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
    while (k < k1 && !st) {
        mech_term *t = &e->term[e->nterm];
        int neg = 0, have = 0;
        mpq_init(t->coef);
        e->nterm++;
        mpq_set_ui(t->coef, 1, 1);
        if (strcmp(tok[k], "+") == 0 || strcmp(tok[k], "-") == 0) {
            neg = tok[k][0] == '-';
            if (++k >= k1)
                return failat(R, tok[k - 1], "expression ends with '%s'%s", tok[k - 1], "");
        }
        if (is_number(tok[k])) {
            if ((st = number(R, t->coef, tok[k], 0)))
                break;
            k++;
            have = 1;
        }
        if (k < k1 && strcmp(tok[k], "+") && strcmp(tok[k], "-") && !is_number(tok[k])) {
            st = rd_quantity(R, tok[k], t);
            k++;
        } else if (!have) {
            st = failat(R, tok[k < k1 ? k : k1 - 1], "expected a number or a quantity%s%s", "", "");
        } else {
            t->kind = MECH_Q_CONST;
        }
        if (neg)
            mpq_neg(t->coef, t->coef);
    }
    return st;
}

/* A constraint name (cons) or objective label: a good name, not used
 * before by either. */
static fk_status new_label(rdr *R, const char *tok, int cons)
{
    const mech_model_struct *m = R->m;
    int k;
    fk_status st = !cons ? check_name(R, tok) : name_ok(tok, "()") ? FK_OK :
                   failat(R, tok, "bad constraint name '%s' (1 to 24 letters, digits, _ . / + - "
                          "( ))%s", tok, "");
    for (k = 0; !st && k < m->ncons + m->nobj; k++)
        if (strcmp(k < m->ncons ? m->cons[k].name : m->obj[k - m->ncons].label, tok) == 0)
            st = failat(R, tok, "'%s' already names a constraint or an objective%s", tok, "");
    return st;
}

/* variable NAME [LO HI]: a decision variable of every LP (free without
 * bounds).  Its name must start with a letter (so that it is never read as
 * a number) and be none of the built-in quantities. */
static fk_status rd_variable(rdr *R, char **tok, int nt)
{
    mech_model_struct *m = R->m;
    mech_var *v, *nv;
    const char *s = nt > 1 ? tok[1] : "";
    fk_status st;
    if (nt != 2 && nt != 4)
        return failat(R, tok[0], "'variable' takes a name, then optionally bounds LO HI (-inf, inf "
                      "allowed)%s%s", "", "");
    if ((st = check_name(R, s)))
        return st;
    if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')) || strcmp(s, "revenue") == 0 ||
        strcmp(s, "welfare") == 0 || strcmp(s, "subsidy") == 0)
        return failat(R, s, "bad variable name '%s': it starts with a letter and is not revenue, "
                      "welfare or subsidy%s", s, "");
    if (var_index(m, s) >= 0)
        return failat(R, s, "variable '%s' declared twice%s", s, "");
    if (m->nvar >= MECH_MAX_VARS)
        return failat(R, tok[0], "too many variables (at most 1000)%s%s", "", "");
    if (!(nv = fk_realloc(m->var, (size_t)m->nvar + 1, sizeof *nv)))
        return fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
    m->var = nv;
    v = &m->var[m->nvar++];
    memset(v, 0, sizeof *v);
    mpq_init(v->lo);
    mpq_init(v->hi);
    if (!(v->name = fk_strdup(s)))
        return fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
    if (nt == 2)
        return FK_OK;
    v->lo_fin = strcmp(tok[2], "-inf") != 0;
    v->hi_fin = strcmp(tok[3], "inf") != 0 && strcmp(tok[3], "+inf") != 0;
    if ((v->lo_fin && (st = number(R, v->lo, tok[2], 0))) || (v->hi_fin && (st = number(R, v->hi, tok[3], 0))))
        return st;
    if (v->lo_fin && v->hi_fin && mpq_cmp(v->lo, v->hi) > 0)
        return failat(R, tok[2], "variable bounds cross: '%s' > '%s'", tok[2], tok[3]);
    return FK_OK;
}

static fk_status rd_constraint(rdr *R, char **tok, int nt)
{
    mech_model_struct *m = R->m;
    mech_cons *c, *nc;
    int rel = 2;
    fk_status st;
    if (nt < 5)
        return failat(R, tok[0], "'constraint' takes a name, an expression, >= <= or =, and a "
                      "number%s%s", "", "");
    if ((st = new_label(R, tok[1], 1)))
        return st;
    if (strcmp(tok[nt - 2], ">=") == 0)
        rel = 1;
    else if (strcmp(tok[nt - 2], "<=") == 0)
        rel = -1;
    else if (strcmp(tok[nt - 2], "=") == 0)
        rel = 0;
    else
        return failat(R, tok[nt - 2], "expected >=, <= or = before the last number, found '%s'%s",
                      tok[nt - 2], "");
    if (m->ncons >= 100000)
        return failat(R, tok[0], "too many constraints%s%s", "", "");
    nc = fk_realloc(m->cons, (size_t)m->ncons + 1, sizeof *nc);
    if (!nc)
        return fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
    m->cons = nc;
    c = &m->cons[m->ncons++];
    memset(c, 0, sizeof *c);
    mpq_init(c->rhs);
    c->rel = rel;
    c->line = R->rd.line;
    if (!(c->name = fk_strdup(tok[1])))
        return fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
    if ((st = rd_expr(R, tok, 2, nt - 2, &c->e)))
        return st;
    return number(R, c->rhs, tok[nt - 1], 0);
}

static fk_status rd_objective(rdr *R, char **tok, int nt)
{
    mech_model_struct *m = R->m;
    mech_obj *o;

    fk_status st;
    if (nt < 3)
        return failat(R, tok[0], "'objective' takes a label, then feasibility or max|min and "
                      "revenue, welfare, subsidy or an expression%s%s", "", "");
    if ((st = new_label(R, tok[1], 0)))
        return st;
    if (m->nobj >= MECH_MAX_LPS)
        return failat(R, tok[0], "too many objectives (at most 16)%s%s", "", "");
    o = &m->obj[m->nobj++];
    memset(o, 0, sizeof *o);
    if (!(o->label = fk_strdup(tok[1])))
        return fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
    if (nt == 3 && strcmp(tok[2], "feasibility") == 0) {
        o->feas = 1;
        o->sense = LP_MIN;
        return FK_OK;
    }
    if (nt < 4 || (strcmp(tok[2], "max") && strcmp(tok[2], "min")))
        return failat(R, tok[2], "expected feasibility, max or min%s%s", "", "");
    o->sense = strcmp(tok[2], "max") == 0 ? LP_MAX : LP_MIN;
    o->what = MECH_Q_CONST;
    return rd_expr(R, tok, 3, nt, &o->e);
}

/* ---- the end: derived beliefs and completeness ------------------------ */

static fk_status at_end(rdr *R, const char *fmt, const char *a, const char *b)
{
    char where[256];
    snprintf(where, sizeof where, "%s:%ld:1", R->rd.path, (long)R->last_line);
    return fk_fail(R->rd.err, FK_EPARSE, where, fmt, a, b);
}

/* Per type of agent i, the sum of v[t * S + theta] over the profiles t of
 * that type and the states (a new array, NULL on allocation failure). */
static mpq_t *type_sums(const mech_model_struct *m, int i, mpq_t *v)
{
    long S = m->ts->nstates, r, th;
    mpq_t *sum = fk_qarr_new(m->ts->ntypes[i]);
    for (r = 0; sum && r < m->ts->nprof; r++)
        for (th = 0; th < S; th++)
            mpq_add(sum[econ_type_of(m->ts, r, i)], sum[econ_type_of(m->ts, r, i)], v[r * S + th]);
    return sum;
}

static fk_status finish(rdr *R)
{
    mech_model_struct *m = R->m;
    long np = m->ts->nprof, S = m->ts->nstates, r, th;
    int i, ti;
    mpq_t *marg = NULL, sum, one;
    fk_status st = FK_OK;
    char b[64];
    if (!R->shaped)
        return at_end(R, "no tables: a mechanism file needs agents, alternatives or a good, and "
                      "'value' lines%s%s", "", "");
    if (m->nobj == 0)
        return at_end(R, "no 'objective' line%s%s", "", "");
    mpq_init(sum);
    mpq_init(one);
    mpq_set_ui(one, 1, 1);
    if (m->bel_kind == MECH_BEL_INDEP) {
        for (i = 0; i < m->n && !st; i++)
            if (R->nindep[i] != m->ts->ntypes[i])
                st = at_end(R, "'prior' of agent %s needs one probability per type%s", m->agent[i], "");
        if (!st && !(m->prior = fk_qarr_new(np * S)))
            st = fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
        for (i = 0; i < m->n && !st; i++) {
            mpq_set_ui(sum, 0, 1);
            for (ti = 0; ti < m->ts->ntypes[i]; ti++)
                mpq_add(sum, sum, R->indep[i][ti]);
            if (!mpq_equal(sum, one))
                st = at_end(R, "the prior of agent %s does not sum to 1%s", m->agent[i], "");
        }
        for (r = 0; r < np && !st; r++) {
            mpq_set_ui(m->prior[r], 1, 1);
            for (i = 0; i < m->n; i++)
                mpq_mul(m->prior[r], m->prior[r], R->indep[i][econ_type_of(m->ts, r, i)]);
            /* beliefs: the others' marginals (defined for a type of prior 0 too) */
            for (i = 0; i < m->n && !R->bel_lines; i++) {
                int j;
                mpq_set_ui(m->ts->bel[i][r], 1, 1);
                for (j = 0; j < m->n; j++)
                    if (j != i)
                        mpq_mul(m->ts->bel[i][r], m->ts->bel[i][r], R->indep[j][econ_type_of(m->ts, r, j)]);
            }
        }
    }
    if (!st && m->prior && m->bel_kind == MECH_BEL_JOINT) { /* common prior: sum 1, positive marginals, conditionals */
        mpq_set_ui(sum, 0, 1);
        for (r = 0; r < np * S; r++)
            mpq_add(sum, sum, m->prior[r]);
        if (!mpq_equal(sum, one))
            st = at_end(R, "the joint prior does not sum to 1%s%s", "", "");
        for (i = 0; i < m->n && !st; i++) {
            if (!(marg = type_sums(m, i, m->prior))) {
                st = fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
                break;
            }
            for (ti = 0; ti < m->ts->ntypes[i] && !st; ti++)
                if (mpq_sgn(marg[ti]) == 0 && !R->bel_lines)
                    st = at_end(R, "type %s of agent %s has prior probability 0", m->ts->type[i][ti],
                                m->agent[i]);
            for (r = 0; r < np && !st && !R->bel_lines; r++)
                for (th = 0; th < S; th++)
                    mpq_div(m->ts->bel[i][r * S + th], m->prior[r * S + th],
                            marg[econ_type_of(m->ts, r, i)]);
            fk_qarr_free(marg, m->ts->ntypes[i]);
            marg = NULL;
        }
    }
    if (!st && R->bel_lines) {
        for (i = 0; i < m->n && !st; i++) {
            if (!(marg = type_sums(m, i, m->ts->bel[i]))) {
                st = fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
                break;
            }
            for (ti = 0; ti < m->ts->ntypes[i] && !st; ti++)
                if (!mpq_equal(marg[ti], one)) {
                    char *s = econ_qstr(marg[ti]);
                    snprintf(b, sizeof b, "%s type %s", m->agent[i], m->ts->type[i][ti]);
                    st = at_end(R, "beliefs of agent %s sum to %s, not 1", b, s);
                    free(s);
                }
            fk_qarr_free(marg, m->ts->ntypes[i]);
            marg = NULL;
        }
    }
    if (!st && m->alloc == MECH_ALLOC_FIXED) {
        if (!m->fixed)
            st = at_end(R, "'allocation fixed' without 'choose' lines%s%s", "", "");
        for (r = 0; r < np && !st; r++) {
            char pb[600];
            int j;
            if (!R->fset[r]) {
                st = at_end(R, "no 'choose' line covers profile %s%s",
                            econ_prof_str(m->ts, r, pb, sizeof pb), "");
                break;
            }
            mpq_set_ui(sum, 0, 1);
            for (j = 0; j < m->ndec; j++) {
                mpq_add(sum, sum, m->fixed[r * m->ndec + j]);
                if (m->mode == MECH_GOOD && mpq_cmp_ui(m->fixed[r * m->ndec + j], 1, 1) > 0)
                    st = at_end(R, "profile %s: a probability above 1%s",
                                econ_prof_str(m->ts, r, pb, sizeof pb), "");
            }
            if (!st && m->mode == MECH_ALTS && !mpq_equal(sum, one))
                st = at_end(R, "profile %s: the lottery does not sum to 1%s",
                            econ_prof_str(m->ts, r, pb, sizeof pb), "");
            if (!st && m->mode == MECH_GOOD && mpq_cmp(sum, m->supply) > 0)
                st = at_end(R, "profile %s: more than the supply allocated%s",
                            econ_prof_str(m->ts, r, pb, sizeof pb), "");
        }
    }
    if (!st && m->alloc == MECH_ALLOC_EFFICIENT && m->mode == MECH_GOOD)
        st = at_end(R, "'allocation efficient' needs alternatives, not a good%s%s", "", "");
    if (!st && m->alloc == MECH_ALLOC_EFFICIENT && m->has_states)
        st = at_end(R, "'allocation efficient' is defined without states only%s%s", "", "");
    if (!st && m->pay_kind == MECH_PAY_FIXED && !m->payfix &&
        !(m->payfix = fk_qarr_new((long)m->n * np * (m->pay_contingent ? S : 1))))
        st = fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
    mpq_clear(sum);
    mpq_clear(one);
    return st;
}

/* What needs beliefs or a common prior; checked once everything is read. */
static fk_status needs(rdr *R)
{
    mech_model_struct *m = R->m;
    int k, j, prior = (m->req & (MECH_BBA | MECH_NDA)) != 0, bel = (m->req & (MECH_BIC | MECH_IRI)) != 0;
    for (k = 0; k < m->ncons + m->nobj; k++) {
        mech_expr *e = k < m->ncons ? &m->cons[k].e : &m->obj[k - m->ncons].e;
        for (j = 0; j < e->nterm; j++) {
            prior |= e->term[j].kind == MECH_Q_REV || e->term[j].kind == MECH_Q_WEL;
            bel |= e->term[j].kind == MECH_Q_U;
        }
    }
    if (bel && m->bel_kind == MECH_BEL_NONE)
        return at_end(R, "BIC, interim IR and U[..] need beliefs: add 'prior', 'joint' or "
                      "'belief' lines%s%s", "", "");
    if (prior && !m->prior)
        return at_end(R, "expected revenue, welfare and ex ante budget constraints need a common "
                      "prior ('prior' or 'joint' lines)%s%s", "", "");
    return FK_OK;
}

static fk_status rd_line(rdr *R, char **tok, int nt)
{
    mech_model_struct *m = R->m;
    const char *k = tok[0];
    fk_status st;
    int i;
    int decl = strcmp(k, "mechanism") == 0 || strcmp(k, "agent") == 0 || strcmp(k, "states") == 0 ||
               strcmp(k, "alternatives") == 0 || strcmp(k, "good") == 0;
    if (decl && R->shaped)
        return failat(R, k, "'%s' after the tables: declarations come first%s", k, "");
    if (strcmp(k, "mechanism") == 0) {
        if (nt != 2)
            return failat(R, k, "'mechanism' takes one name%s%s", "", "");
        if (m->name)
            return failat(R, k, "'mechanism' given twice%s%s", "", "");
        if ((st = check_name(R, tok[1])))
            return st;
        return (m->name = fk_strdup(tok[1])) ? FK_OK : fk_fail(R->rd.err, FK_ENOMEM, NULL, "out of memory");
    }
    if (strcmp(k, "agent") == 0) {
        if (nt < 3)
            return failat(R, k, "'agent' takes a name and its types%s%s", "", "");
        if ((i = agent_of(R, tok[1])) < 0) {
            if ((st = add_names(R, &m->agent, &m->n, tok + 1, 1, MECH_MAX_AGENTS, "agent")))
                return st;
            i = m->n - 1;
        }
        return add_names(R, &R->tname[i], &R->ntypes[i], tok + 2, nt - 2, MECH_MAX_TYPES, "type");
    }
    if (strcmp(k, "states") == 0) {
        if (nt < 2 || R->nstates)
            return failat(R, k, R->nstates ? "'states' given twice%s%s" : "'states' takes names%s%s", "", "");
        return add_names(R, &R->sname, &R->nstates, tok + 1, nt - 1, MECH_MAX_ALTS, "state");
    }
    if (strcmp(k, "alternatives") == 0) {
        if (nt < 2 || m->ndec)
            return failat(R, k, m->ndec ? "outcomes declared twice%s%s" : "'alternatives' takes names%s%s", "", "");
        if ((st = add_names(R, &m->alt, &m->nalt, tok + 1, nt - 1, MECH_MAX_ALTS, "alternative")))
            return st;
        m->mode = MECH_ALTS;
        m->ndec = m->nalt;
        return FK_OK;
    }
    if (strcmp(k, "good") == 0) {
        if (nt > 2 || m->ndec)
            return failat(R, k, m->ndec ? "outcomes declared twice%s%s" : "'good' takes at most a supply%s%s", "", "");
        if (m->n == 0)
            return failat(R, k, "'good' after the agents%s%s", "", "");
        mpq_set_ui(m->supply, 1, 1);
        if (nt == 2 && (st = number(R, m->supply, tok[1], 1)))
            return st;
        m->mode = MECH_GOOD;
        m->ndec = m->n;
        return FK_OK;
    }
    if (strcmp(k, "require") == 0)
        return rd_require(R, tok, nt);
    if (strcmp(k, "allocation") == 0)
        return rd_allocation(R, tok, nt);
    {
        static const struct {
            const char *kw;
            fk_status (*fn)(rdr *, char **, int);
        } tables[] = {{"payments", rd_payments}, {"prior", rd_prior}, {"joint", rd_joint},
                      {"belief", rd_belief}, {"value", rd_value}, {"choose", rd_choose},
                      {"pay", rd_pay}, {"variable", rd_variable}, {"constraint", rd_constraint},
                      {"objective", rd_objective}};
        size_t j;
        for (j = 0; j < sizeof tables / sizeof *tables; j++)
            if (strcmp(k, tables[j].kw) == 0)
                /* the first table line fixes the shape */
                return (st = shape(R, k)) ? st : tables[j].fn(R, tok, nt);
    }
    return failat(R, k, "unknown keyword '%s'%s", k, "");
}

fk_status mech_read(mech_model m, const char *path, fk_err *err)
{
    FILE *f = fopen(path, "r");
    fk_status st;
    if (!f) {
        mech_clear(m);
        mech_init(m);
        return fk_fail(err, FK_EIO, NULL, "cannot open '%s'", path);
    }
    st = mech_read_stream(m, f, path, err);
    fclose(f);
    return st;
}

fk_status mech_read_stream(mech_model m, FILE *f, const char *path, fk_err *err)
{
    rdr R;
    char line[ECON_MAXLINE + 2], *tok[ECON_MAXTOK];
    int nt, i;
    fk_status st = FK_OK;
    mech_clear(m);
    mech_init(m);
    memset(&R, 0, sizeof R);
    R.m = m;
    econ_rd_init(&R.rd, path, err);
    for (;;) {
        if ((st = econ_rd_line(&R.rd, f, line, tok, &nt)) || nt == 0)
            break;
        R.last_line = (int)R.rd.line;
        if ((st = rd_line(&R, tok, nt)))
            break;
    }
    if (!st && ferror(f))
        st = fk_fail(err, FK_EIO, NULL, "cannot read '%s'", path);
    R.rd.buf = NULL;
    if (!st && !m->name)
        st = at_end(&R, "no 'mechanism NAME' line%s%s", "", "");
    if (!st)
        st = finish(&R);
    if (!st)
        st = needs(&R);
    for (i = 0; i < MECH_MAX_AGENTS; i++) {
        econ_names_free(R.tname[i], R.ntypes[i]);
        fk_qarr_free(R.indep[i], R.ntypes[i]);
    }
    econ_names_free(R.sname, R.nstates);
    free(R.jset);
    free(R.fset);
    if (st)
        mech_clear(m);
    return st;
}
