/* econ_bgame.c: base games with states and a prior (econ.h), and their
 * text format (docs/cases.md, `.bce`):
 *
 *     # comment                        ('#' to the end of a line)
 *     players N
 *     states S1 S2 ...
 *     prior P1 P2 ...                  (one probability per state, in order)
 *     actions I A1 A2 ...              (one line per player I = 1..N)
 *     payoff STATE A_1 .. A_N  U_1 .. U_N
 *     objective STATE A_1 .. A_N  V    (optional; default: sum of payoffs)
 *
 * Header lines (players, states, prior, actions) come before the first
 * payoff/objective line.  Unlisted payoffs and objective values are 0; an
 * entry given twice is an error; the prior must be >= 0 and sum to 1.
 * Errors are FK_EPARSE with where = "path:line". */
#include "econ.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "econ_text.h"
#include "rat.h"

void econ_bgame_init(econ_bgame b)
{
    memset(b, 0, sizeof *b);
    econ_game_init(b->g);
}

void econ_bgame_clear(econ_bgame b)
{
    int i;
    long cells = b->g->nprof * b->nstates;
    for (i = 0; b->u && i < b->g->n; i++)
        fk_qarr_free(b->u[i], cells);
    free(b->u);
    fk_qarr_free(b->obj, cells);
    fk_qarr_free(b->prior, b->nstates);
    for (i = 0; b->state && i < b->nstates; i++)
        free(b->state[i]);
    free(b->state);
    econ_game_clear(b->g);
    memset(b, 0, sizeof *b);
}

fk_status econ_bgame_shape(econ_bgame b, int n, const int *nact, int nstates,
                           char *const *state_names, fk_err *err)
{
    fk_status st;
    long cells, nprof, lim;
    int i;
    econ_bgame_clear(b);
    if (nstates < 1)
        return fk_fail(err, FK_EINVAL, NULL, "a base game needs a state");
    /* Every (action profile, state) cell holds n payoffs and an objective
     * value, listed or not (and econ_game_shape n more): checked before any
     * allocation, so that a few lines cannot ask for gigabytes. */
    lim = n < 1 ? 1 : ECON_MAX_CELLS / nstates / (n + 1);
    for (i = 0, nprof = 1; i < n && nprof <= lim; i++)
        if (nact[i] > 0)
            nprof *= nact[i];
    if (nprof > lim)
        return fk_fail(err, FK_ELIMIT, NULL, "too many values: (players + 1) x action profiles x "
                       "states is over %ld", ECON_MAX_CELLS);
    if ((st = econ_game_shape(b->g, n, nact, err)))
        return st;
    cells = b->g->nprof * nstates;
    b->nstates = nstates;
    b->state = fk_calloc((size_t)nstates, sizeof *b->state);
    b->prior = fk_qarr_new(nstates);
    b->u = fk_calloc((size_t)n, sizeof *b->u);
    b->obj = fk_qarr_new(cells);
    if (!b->state || !b->prior || !b->u || !b->obj)
        goto oom;
    for (i = 0; i < n; i++)
        if (!(b->u[i] = fk_qarr_new(cells)))
            goto oom;
    for (i = 0; i < nstates; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "%d", i + 1);
        if (!(b->state[i] = fk_strdup(state_names ? state_names[i] : buf)))
            goto oom;
        mpq_set_ui(b->prior[i], 1, (unsigned long)nstates);
    }
    return FK_OK;
oom:
    econ_bgame_clear(b);
    return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
}

/* ---- reader ----------------------------------------------------------- */

typedef econ_rd rd;

/* Copy tok[0..k) into a new array of distinct plain names. */
static fk_status names(rd *r, char **tok, int k, char ***out)
{
    char **v = fk_calloc((size_t)k, sizeof *v);
    int i;
    if (!v)
        return fk_fail(r->err, FK_ENOMEM, NULL, "out of memory");
    for (i = 0; i < k; i++) {
        fk_status st = FK_OK;
        if (!econ_name_ok(tok[i]))
            st = econ_rd_fail(r, "bad name '%s' (use up to 32 letters, digits, '_' or '.')%s", tok[i], "");
        else if (econ_name_find(v, i, tok[i]) >= 0)
            st = econ_rd_fail(r, "duplicate name '%s'%s", tok[i], "");
        else if (!(v[i] = fk_strdup(tok[i])))
            st = fk_fail(r->err, FK_ENOMEM, NULL, "out of memory");
        if (st) {
            econ_names_free(v, i);
            return st;
        }
    }
    *out = v;
    return FK_OK;
}

typedef struct {
    int n, nstates, nprior;
    char **states;
    char ***acts;
    int *nact;
    mpq_t *prior;
    int shaped;
} hdr;

static void hdr_free(hdr *h)
{
    int i;
    econ_names_free(h->states, h->nstates);
    for (i = 0; h->acts && i < h->n; i++)
        econ_names_free(h->acts[i], h->nact[i]);
    free(h->acts);
    free(h->nact);
    fk_qarr_free(h->prior, h->nprior);
}

static fk_status header(rd *r, hdr *h, char **tok, int nt)
{
    fk_status st;
    int k;
    if (strcmp(tok[0], "players") == 0) {
        if ((st = econ_rd_players(r, tok, nt, &h->n)) != FK_OK)
            return st;
        h->acts = fk_calloc((size_t)h->n, sizeof *h->acts);
        h->nact = fk_calloc((size_t)h->n, sizeof *h->nact);
        if (!h->acts || !h->nact)
            return fk_fail(r->err, FK_ENOMEM, NULL, "out of memory");
        return FK_OK;
    }
    if (strcmp(tok[0], "states") == 0) {
        if (h->states)
            return econ_rd_fail(r, "'states' given twice%s%s", "", "");
        if (nt < 2)
            return econ_rd_fail(r, "'states' needs at least one name%s%s", "", "");
        if ((st = names(r, tok + 1, nt - 1, &h->states)))
            return st;
        h->nstates = nt - 1;
        return FK_OK;
    }
    if (strcmp(tok[0], "prior") == 0) {
        mpq_t s;
        if (!h->states)
            return econ_rd_fail(r, "'prior' before 'states'%s%s", "", "");
        if (h->prior)
            return econ_rd_fail(r, "'prior' given twice%s%s", "", "");
        if (nt - 1 != h->nstates)
            return econ_rd_fail(r, "'prior' needs one probability per state%s%s", "", "");
        h->nprior = h->nstates;
        if (!(h->prior = fk_qarr_new(h->nstates)))
            return fk_fail(r->err, FK_ENOMEM, NULL, "out of memory");
        for (k = 0; k < h->nstates; k++)
            if ((st = econ_rd_number(r, h->prior[k], tok[k + 1], 1)))
                return st;
        mpq_init(s);
        for (k = 0; k < h->nstates; k++)
            mpq_add(s, s, h->prior[k]);
        k = mpq_cmp_ui(s, 1, 1);
        mpq_clear(s);
        return k ? econ_rd_fail(r, "prior sums to %s than 1%s", k > 0 ? "more" : "less", "") : FK_OK;
    }
    if (strcmp(tok[0], "actions") == 0) {
        char *e;
        long i;
        if (!h->n)
            return econ_rd_fail(r, "'actions' before 'players'%s%s", "", "");
        if (nt < 3)
            return econ_rd_fail(r, "'actions' takes a player and at least one action%s%s", "", "");
        i = strtol(tok[1], &e, 10);
        if (*e || i < 1 || i > h->n)
            return econ_rd_fail(r, "no player '%s'%s", tok[1], "");
        if (h->acts[i - 1])
            return econ_rd_fail(r, "actions of player %s given twice%s", tok[1], "");
        if ((st = names(r, tok + 2, nt - 2, &h->acts[i - 1])))
            return st;
        h->nact[i - 1] = nt - 2;
        return FK_OK;
    }
    return econ_rd_fail(r, "unknown keyword '%s'%s", tok[0], "");
}

static fk_status shape(rd *r, hdr *h, econ_bgame b)
{
    fk_err e2;
    int i, k;
    char buf[32];
    if (!h->n)
        return econ_rd_fail(r, "no 'players' line%s%s", "", "");
    if (!h->states)
        return econ_rd_fail(r, "no 'states' line%s%s", "", "");
    if (!h->prior)
        return econ_rd_fail(r, "no 'prior' line%s%s", "", "");
    for (i = 0; i < h->n; i++)
        if (!h->acts[i]) {
            snprintf(buf, sizeof buf, "%d", i + 1);
            return econ_rd_fail(r, "no 'actions' line for player %s%s", buf, "");
        }
    fk_err_clear(&e2);
    if (econ_bgame_shape(b, h->n, h->nact, h->nstates, h->states, &e2))
        return econ_rd_fail(r, "%s%s", e2.msg, "");
    for (k = 0; k < h->nstates; k++)
        mpq_set(b->prior[k], h->prior[k]);
    for (i = 0; i < h->n; i++)
        for (k = 0; k < h->nact[i]; k++) {
            char *d = fk_strdup(h->acts[i][k]);
            if (!d)
                return fk_fail(r->err, FK_ENOMEM, NULL, "out of memory");
            free(b->g->sname[i][k]);
            b->g->sname[i][k] = d;
        }
    h->shaped = 1;
    return FK_OK;
}

/* payoff / objective line: STATE A_1 .. A_N then values */
static fk_status data(rd *r, econ_bgame b, char **tok, int nt, unsigned char *seen)
{
    int n = b->g->n, isobj = strcmp(tok[0], "objective") == 0, i, th, want;
    long s = 0, stride = 1, cell;
    fk_status st;
    want = 2 + n + (isobj ? 1 : n);
    if (nt != want)
        return econ_rd_fail(r, isobj ? "'objective' takes: state, one action per player, value%s%s"
                            : "'payoff' takes: state, one action per player, one payoff per player%s%s",
                   "", "");
    if ((th = econ_name_find(b->state, b->nstates, tok[1])) < 0)
        return econ_rd_fail(r, "unknown state '%s'%s", tok[1], "");
    for (i = 0; i < n; i++) {
        int a = econ_name_find(b->g->sname[i], b->g->nstrat[i], tok[2 + i]);
        if (a < 0) {
            char buf[32];
            snprintf(buf, sizeof buf, "%d", i + 1);
            return econ_rd_fail(r, "unknown action '%s' of player %s", tok[2 + i], buf);
        }
        s += a * stride;
        stride *= b->g->nstrat[i];
    }
    cell = s * b->nstates + th;
    if (seen[cell] & (isobj ? 2 : 1))
        return econ_rd_fail(r, "entry given twice%s%s", "", "");
    seen[cell] |= (unsigned char)(isobj ? 2 : 1);
    if (isobj) {
        b->has_obj = 1;
        return econ_rd_number(r, b->obj[cell], tok[2 + n], 0);
    }
    for (i = 0; i < n; i++)
        if ((st = econ_rd_number(r, b->u[i][cell], tok[2 + n + i], 0)))
            return st;
    return FK_OK;
}

fk_status econ_bgame_read(econ_bgame b, const char *path, fk_err *err)
{
    FILE *f = fopen(path, "r");
    char line[ECON_MAXLINE + 2], *tok[ECON_MAXTOK];
    int nt = 0;
    unsigned char *seen = NULL;
    hdr h;
    rd r;
    fk_status st = FK_OK;
    int npay = 0;
    memset(&h, 0, sizeof h);
    econ_rd_init(&r, path, err);
    econ_bgame_clear(b);
    if (!f)
        return fk_fail(err, FK_EIO, NULL, "cannot open '%s'", path);
    while (!st && !(st = econ_rd_line(&r, f, line, tok, &nt)) && nt > 0) {
        if (strcmp(tok[0], "payoff") == 0 || strcmp(tok[0], "objective") == 0) {
            if (!h.shaped) {
                if ((st = shape(&r, &h, b)))
                    break;
                seen = calloc((size_t)(b->g->nprof * b->nstates), 1);
                if (!seen) {
                    st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                    break;
                }
            }
            npay += tok[0][0] == 'p';
            st = data(&r, b, tok, nt, seen);
        } else if (h.shaped) {
            st = econ_rd_fail(&r, "'%s' after the first payoff/objective line%s", tok[0], "");
        } else {
            st = header(&r, &h, tok, nt);
        }
    }
    if (!st && ferror(f))
        st = fk_fail(err, FK_EIO, NULL, "cannot read '%s'", path);
    if (!st && !npay)
        st = econ_rd_fail(&r, "no payoff lines%s%s", "", "");
    if (!st && !b->has_obj) { /* default objective: the sum of payoffs */
        long c, cells = b->g->nprof * b->nstates;
        int i;
        for (c = 0; c < cells; c++)
            for (i = 0; i < b->g->n; i++)
                mpq_add(b->obj[c], b->obj[c], b->u[i][c]);
    }
    fclose(f);
    free(seen);
    hdr_free(&h);
    if (st)
        econ_bgame_clear(b);
    return st;
}
