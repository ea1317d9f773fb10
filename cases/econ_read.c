/* econ_read.c: the type-space text format (docs/cases.md).
 *
 *     # comment                      ('#' to the end of a line)
 *     players N
 *     states S1 S2 ...
 *     types I T1 T2 ...              (one line per player I = 1..N)
 *     belief I TI T_-i... STATE P    (others' types in player order)
 *     prior T1 ... TN STATE P        (instead of beliefs: a common prior)
 *
 * Unlisted beliefs are 0.  Each type's beliefs must sum to 1; a prior must
 * sum to 1 and give every type positive probability (beliefs are its
 * conditionals).  Errors are FK_EPARSE with where = "path:line". */
#include "econ.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "econ_text.h"
#include "rat.h"

typedef econ_rd rd;

/* Parse a list of distinct names tok[0..k) into a new array. */
static fk_status name_list(rd *r, char **tok, int k, char ***out)
{
    char **v = fk_calloc((size_t)k, sizeof *v);
    int i;
    if (!v)
        return fk_fail(r->err, FK_ENOMEM, NULL, "out of memory");
    for (i = 0; i < k; i++) {
        if (!econ_name_ok(tok[i])) {
            free(v);
            return econ_rd_fail(r, "bad name '%s' (use up to 32 letters, digits, '_' or '.')%s", tok[i], "");
        }
        if (econ_name_find(v, i, tok[i]) >= 0) {
            free(v);
            return econ_rd_fail(r, "duplicate name '%s'%s", tok[i], "");
        }
        v[i] = tok[i]; /* borrowed from the line buffer until shape() copies */
    }
    *out = v;
    return FK_OK;
}

typedef struct {
    int n, nstates, *ntypes;
    char **states;   /* owned copies */
    char ***types;   /* owned copies */
    long *types_line;
    int shaped, mode; /* mode 0 none, 1 belief, 2 prior */
} hdr;

static char **copy_names(char **v, int k)
{
    char **d = fk_calloc((size_t)k, sizeof *d);
    int i;
    if (!d)
        return NULL;
    for (i = 0; i < k; i++)
        if (!(d[i] = fk_strdup(v[i]))) {
            while (i--)
                free(d[i]);
            free(d);
            return NULL;
        }
    return d;
}

static fk_status header_line(rd *r, hdr *h, char **tok, int nt)
{
    if (strcmp(tok[0], "players") == 0) {
        fk_status st = econ_rd_players(r, tok, nt, &h->n);
        if (st != FK_OK)
            return st;
        h->ntypes = fk_calloc((size_t)h->n, sizeof *h->ntypes);
        h->types = fk_calloc((size_t)h->n, sizeof *h->types);
        h->types_line = fk_calloc((size_t)h->n, sizeof *h->types_line);
        if (!h->ntypes || !h->types || !h->types_line)
            return fk_fail(r->err, FK_ENOMEM, NULL, "out of memory");
        return FK_OK;
    }
    if (strcmp(tok[0], "states") == 0) {
        char **v;
        fk_status st;
        if (h->states)
            return econ_rd_fail(r, "'states' given twice%s%s", "", "");
        if (nt < 2)
            return econ_rd_fail(r, "'states' needs at least one state%s%s", "", "");
        if ((st = name_list(r, tok + 1, nt - 1, &v)))
            return st;
        h->states = copy_names(v, nt - 1);
        free(v);
        if (!h->states)
            return fk_fail(r->err, FK_ENOMEM, NULL, "out of memory");
        h->nstates = nt - 1;
        return FK_OK;
    }
    if (strcmp(tok[0], "types") == 0) {
        char **v, *end;
        long i;
        fk_status st;
        if (!h->n)
            return econ_rd_fail(r, "'types' before 'players'%s%s", "", "");
        if (nt < 3)
            return econ_rd_fail(r, "'types' takes a player and at least one type%s%s", "", "");
        i = strtol(tok[1], &end, 10);
        if (*end || i < 1 || i > h->n)
            return econ_rd_fail(r, "bad player '%s'%s", tok[1], "");
        if (h->types[i - 1])
            return econ_rd_fail(r, "types of player %s given twice%s", tok[1], "");
        if ((st = name_list(r, tok + 2, nt - 2, &v)))
            return st;
        h->types[i - 1] = copy_names(v, nt - 2);
        free(v);
        if (!h->types[i - 1])
            return fk_fail(r->err, FK_ENOMEM, NULL, "out of memory");
        h->ntypes[i - 1] = nt - 2;
        h->types_line[i - 1] = r->line;
        return FK_OK;
    }
    return econ_rd_fail(r, "unknown keyword '%s' (players, states, types, belief, prior)%s", tok[0], "");
}

static fk_status make_shape(rd *r, hdr *h, econ_tspace ts)
{
    int i;
    if (!h->n)
        return econ_rd_fail(r, "'%s' before 'players'%s", "belief/prior", "");
    if (!h->states)
        return econ_rd_fail(r, "'%s' before 'states'%s", "belief/prior", "");
    for (i = 0; i < h->n; i++)
        if (!h->types[i]) {
            char b[16];
            snprintf(b, sizeof b, "%d", i + 1);
            return econ_rd_fail(r, "no 'types' line for player %s before the first belief/prior%s", b, "");
        }
    h->shaped = 1;
    return econ_tspace_shape(ts, h->n, h->ntypes, h->nstates,
                             (char *const *const *)h->types, h->states, r->err);
}

/* The profile named by tok[0..n) with player `skip` taking type `ti`
 * (skip = -1: all n names are in tok). */
static fk_status profile(rd *r, const econ_tspace ts, char **tok, int skip,
                         int ti, long *t)
{
    long prof = 0, stride = 1;
    int i, k = 0;
    for (i = 0; i < ts->n; i++) {
        int v;
        if (i == skip) {
            v = ti;
        } else {
            v = econ_name_find(ts->type[i], ts->ntypes[i], tok[k]);
            if (v < 0) {
                char b[16];
                snprintf(b, sizeof b, "%d", i + 1);
                return econ_rd_fail(r, "unknown type '%s' of player %s", tok[k], b);
            }
            k++;
        }
        prof += v * stride;
        stride *= ts->ntypes[i];
    }
    *t = prof;
    return FK_OK;
}

static fk_status data_line(rd *r, hdr *h, econ_tspace ts, char **tok, int nt,
                           unsigned char *seen)
{
    fk_status st;
    long t, idx;
    int th, i = -1, ti = 0, mode = strcmp(tok[0], "belief") == 0 ? 1 : 2;
    if (!h->shaped && (st = make_shape(r, h, ts)))
        return st;
    if (h->mode && h->mode != mode)
        return econ_rd_fail(r, "'belief' and 'prior' lines cannot be mixed%s%s", "", "");
    h->mode = mode;
    if (mode == 1) {
        char *end;
        long v;
        if (nt != ts->n + 4)
            return econ_rd_fail(r, "'belief' takes: player, type, the others' types, state, probability%s%s", "", "");
        v = strtol(tok[1], &end, 10);
        if (*end || v < 1 || v > ts->n)
            return econ_rd_fail(r, "bad player '%s'%s", tok[1], "");
        i = (int)v - 1;
        ti = econ_name_find(ts->type[i], ts->ntypes[i], tok[2]);
        if (ti < 0)
            return econ_rd_fail(r, "unknown type '%s' of player %s", tok[2], tok[1]);
        if ((st = profile(r, ts, tok + 3, i, ti, &t)))
            return st;
    } else {
        if (nt != ts->n + 3)
            return econ_rd_fail(r, "'prior' takes: one type per player, state, probability%s%s", "", "");
        if ((st = profile(r, ts, tok + 1, -1, 0, &t)))
            return st;
    }
    th = econ_name_find(ts->state, ts->nstates, tok[nt - 2]);
    if (th < 0)
        return econ_rd_fail(r, "unknown state '%s'%s", tok[nt - 2], "");
    /* a prior is kept in player 0's slot until the end */
    idx = (mode == 1 ? (long)i : 0) * ts->nprof * ts->nstates + t * ts->nstates + th;
    if (seen[idx])
        return econ_rd_fail(r, "entry given twice%s%s", "", "");
    seen[idx] = 1;
    return econ_rd_number(r, ts->bel[mode == 1 ? i : 0][t * ts->nstates + th], tok[nt - 1], 1);
}

/* Turn the prior held in bel[0] into every player's conditionals. */
static fk_status from_prior(rd *r, econ_tspace ts)
{
    long S = ts->nstates, t, th, cells = ts->nprof * S;
    mpq_t sum, *marg = NULL;
    fk_status st = FK_OK;
    int i, a;
    mpq_init(sum);
    for (t = 0; t < cells; t++)
        mpq_add(sum, sum, ts->bel[0][t]);
    if (mpq_cmp_ui(sum, 1, 1) != 0) {
        char *s = rat_get_str(sum);
        st = econ_rd_fail(r, "the prior sums to %s, not 1%s", s ? s : "?", "");
        free(s);
        goto done;
    }
    for (i = ts->n - 1; i >= 0 && !st; i--) {
        marg = fk_calloc((size_t)ts->ntypes[i], sizeof *marg);
        if (!marg) {
            st = fk_fail(r->err, FK_ENOMEM, NULL, "out of memory");
            break;
        }
        for (a = 0; a < ts->ntypes[i]; a++)
            mpq_init(marg[a]);
        for (t = 0; t < ts->nprof; t++)
            for (th = 0; th < S; th++)
                mpq_add(marg[econ_type_of(ts, t, i)], marg[econ_type_of(ts, t, i)],
                        ts->bel[0][t * S + th]);
        for (a = 0; a < ts->ntypes[i] && !st; a++)
            if (mpq_sgn(marg[a]) == 0) {
                char b[16];
                snprintf(b, sizeof b, "%d", i + 1);
                st = econ_rd_fail(r, "type '%s' of player %s has prior probability 0 (give beliefs instead)",
                         ts->type[i][a], b);
            }
        /* player 0 last: its slot holds the prior until then */
        for (t = 0; t < ts->nprof && !st; t++)
            for (th = 0; th < S; th++)
                mpq_div(ts->bel[i][t * S + th], ts->bel[0][t * S + th],
                        marg[econ_type_of(ts, t, i)]);
        for (a = 0; a < ts->ntypes[i]; a++)
            mpq_clear(marg[a]);
        free(marg);
    }
done:
    mpq_clear(sum);
    return st;
}

fk_status econ_tspace_read(econ_tspace ts, const char *path, fk_err *err)
{
    FILE *f = fopen(path, "r");
    char line[ECON_MAXLINE + 2], *tok[ECON_MAXTOK];
    int nt = 0;
    unsigned char *seen = NULL;
    hdr h;
    rd r;
    fk_status st = FK_OK;
    int i;
    memset(&h, 0, sizeof h);
    econ_rd_init(&r, path, err);
    econ_tspace_clear(ts);
    if (!f)
        return fk_fail(err, FK_EIO, NULL, "cannot open '%s'", path);
    while (!st && !(st = econ_rd_line(&r, f, line, tok, &nt)) && nt > 0) {
        if (strcmp(tok[0], "belief") == 0 || strcmp(tok[0], "prior") == 0) {
            if (!h.shaped) {
                st = make_shape(&r, &h, ts);
                if (st)
                    break;
                seen = calloc((size_t)(ts->n * ts->nprof * ts->nstates), 1);
                if (!seen) {
                    st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                    break;
                }
            }
            st = data_line(&r, &h, ts, tok, nt, seen);
        } else if (h.shaped) {
            st = econ_rd_fail(&r, "'%s' after the first belief/prior line%s", tok[0], "");
        } else {
            st = header_line(&r, &h, tok, nt);
        }
    }
    if (!st && ferror(f))
        st = fk_fail(err, FK_EIO, NULL, "cannot read '%s'", path);
    if (!st && !h.shaped)
        st = econ_rd_fail(&r, "no belief or prior lines%s%s", "", "");
    if (!st && h.mode == 2)
        st = from_prior(&r, ts);
    if (!st && h.mode == 1) {
        fk_err e2;
        fk_err_clear(&e2);
        if (econ_tspace_validate(ts, &e2)) {
            /* point at the end of the file: the sums are only known there */
            st = econ_rd_fail(&r, "%s%s", e2.msg, "");
        }
    }
    fclose(f);
    free(seen);
    econ_names_free(h.states, h.nstates);
    for (i = 0; i < h.n && h.types; i++)
        econ_names_free(h.types[i], h.ntypes[i]);
    free(h.types);
    free(h.ntypes);
    free(h.types_line);
    if (st)
        econ_tspace_clear(ts);
    return st;
}
