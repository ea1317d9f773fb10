/* chk_mps.c: the checker's own MPS reader (fixed columns when every data
 * line keeps to them, else split at white space), following
 * docs/model-formats.md and rejecting anything it does not cover.  Intended
 * duplication of exact/model/mps_read.c: an independent reading is a check. */
#include "chk_int.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

enum { NONE, NAME, OBJSENSE, ROWS, COLUMNS, RHS, RANGES, BOUNDS, ENDATA };
static const char *const SECTION[] = {"", "NAME", "OBJSENSE", "ROWS",
    "COLUMNS", "RHS", "RANGES", "BOUNDS", "ENDATA"};
/* Section s may follow only sections PREV_LO[s] .. s-1 (the order of the
 * spec, with OBJSENSE, RANGES and BOUNDS optional). */
static const int PREV_LO[] = {0, 0, 1, 1, 3, 4, 4, 4, 4};
/* Fixed layout: 0-based first column and end of fields 1..6. */
static const int FLO[] = {1, 4, 14, 24, 39, 49}, FHI[] = {3, 12, 22, 36, 47, 61};

typedef chk_tok tok;

typedef struct {
    chk_model *md;
    const char *file;
    long line;
    int sec, sense_pending, fixed, in_int;
    long nrow_n;          /* N rows seen; N row k has table idx -1-k */
    char *rtype;          /* E, L or G per model row */
    long *lastcol;        /* per ROWS entry (model rows, then N rows) */
    unsigned char *seen;  /* per ROWS entry: 1 RHS given, 2 RANGE given */
    unsigned char *loset; /* per column: 1 lower bound set, 2 relaxed, 4 SC */
    mpq_t *rhs, *rng, v;
    const char *set[3];   /* the one set name of RHS, RANGES, BOUNDS */
} mps;

static int err(mps *p, const tok *t, const char *fmt, const char *arg)
{
    return chk_err(p->file, p->line, t ? t->col : 1, fmt, arg);
}

static int number(mps *p, const tok *t, mpq_t q)
{
    char *d = strpbrk(t->s, "dD"), c = d ? *d : 0; /* Fortran's 1D3 is 1E3 */
    int bad = chk_num(q, t->s, strlen(t->s)) < 0;
    if (bad && d && (*d = 'E', bad = chk_num(q, t->s, strlen(t->s)) < 0))
        *d = c;
    return bad ? err(p, t, "bad number '%s'", t->s) : 0;
}

/* MIN, MINIMIZE: 1; MAX, MAXIMIZE: -1; else 0. */
static int sense_of(const char *s)
{
    return !strcmp(s, "MIN") || !strcmp(s, "MINIMIZE") ? 1 : !strcmp(s, "MAX") || !strcmp(s, "MAXIMIZE") ? -1 : 0;
}

/* Integrality: refused unless md->relax; column j (>= 0) counted once. */
static int relax(mps *p, const tok *t, long j)
{
    if (!p->md->relax)
        return err(p, t, "%s: a mixed-integer program (use --relax for its LP relaxation)", t->s);
    if (j >= 0 && !(p->loset[j] & 2))
        p->loset[j] |= 2, p->md->nrelax++;
    return 0;
}

static int blank(int c) { return c == ' ' || c == '\r'; }

/* Does every data line before ENDATA keep to the fixed layout (no tab,
 * nothing between or after the fields but a '$' comment in field 3 or 5)? */
static int fits_fixed(const char *s)
{
    for (; *s && strncmp(s, "ENDATA", 6); s += strcspn(s, "\n"), s += *s == '\n') {
        int i, k = 0, seen = 0;
        for (i = 0; (*s == ' ' || *s == '\t') && s[i] && s[i] != '\n'; i++) {
            while (k < 6 && i >= FHI[k])
                k++, seen = 0;
            if (s[i] == '\t' || (!blank(s[i]) && (k == 6 || i < FLO[k])))
                return 0;
            if ((k == 2 || k == 4) && s[i] == '$' && !seen)
                break;
            seen |= !blank(s[i]);
        }
    }
    return 1;
}

/* Cut a fixed data line into its non-empty fields (blanks trimmed); a
 * field 3 or 5 starting with '$' ends the line; an empty field 2 in
 * COLUMNS gives the name "" (the column before) unless nothing follows. */
static int fixed_fields(mps *p, char *s, tok *tk)
{
    int a, b, k, n = (int)strlen(s), nt = 0;
    for (k = 0; k < 6 && FLO[k] < n; k++) {
        for (a = FLO[k], b = FHI[k] < n ? FHI[k] : n; a < b && blank(s[a]); a++)
            ;
        while (b > a && blank(s[b - 1]))
            b--;
        if ((k == 2 || k == 4) && a < b && s[a] == '$')
            break;
        if (k == 1 && a == b && p->sec == COLUMNS)
            tk[nt].s = (char *)"", tk[nt++].col = 5; /* never written to */
        else if (a < b)
            s[b] = '\0', tk[nt].s = s + a, tk[nt++].col = a + 1;
    }
    return nt == 1 && !*tk[0].s ? 0 : nt;
}

/* Index into the per-ROWS-entry arrays of the row named t (model rows
 * first, then N rows), or -1 after reporting an unknown row. */
static long rowpos(mps *p, const tok *t)
{
    long v = chk_names_find(&p->md->rows, t->s, strlen(t->s));
    if (v == LONG_MIN) {
        err(p, t, "unknown row '%s'", t->s);
        return -1;
    }
    return v >= 0 ? v : p->md->m + (-1 - v);
}

static int setname(mps *p, int which, const char *name, const tok *t)
{
    if (!p->set[which])
        p->set[which] = name;
    else if (strcmp(p->set[which], name) != 0)
        return err(p, t, "a second set name '%s' (only one is allowed)", name);
    return 0;
}

static int header(mps *p, tok *tk, int nt)
{
    int s;
    for (s = NAME; s <= ENDATA; s++)
        if (strcmp(tk[0].s, SECTION[s]) == 0)
            break;
    if (s > ENDATA)
        return err(p, tk, "unknown section '%s'", tk[0].s);
    if (p->sense_pending)
        return err(p, tk, "missing objective sense before %s", tk[0].s);
    if (p->sec < PREV_LO[s] || p->sec >= s)
        return err(p, tk, "section %s out of order", tk[0].s);
    if (nt > (s == OBJSENSE ? 2 : 1))
        return err(p, tk + 1, "unexpected '%s' after section name", tk[1].s);
    if (s == OBJSENSE && nt == 2 && !(p->md->sense = sense_of(tk[1].s)))
        return err(p, tk + 1, "bad objective sense '%s'", tk[1].s);
    p->sense_pending = s == OBJSENSE && nt == 1;
    if (s == COLUMNS) { /* the rows are complete: size the row arrays */
        long k, all = p->md->m + p->nrow_n;
        p->lastcol = malloc((size_t)(all + 1) * sizeof *p->lastcol);
        p->seen = calloc((size_t)all + 1, 1);
        if (!p->lastcol || !p->seen)
            return err(p, tk, "out of memory", "");
        for (k = 0; k < all; k++)
            p->lastcol[k] = -1;
        p->rhs = chk_vec(p->md->m), p->rng = chk_vec(p->md->m);
    }
    p->sec = s;
    return 0;
}

static int row_line(mps *p, tok *tk, int nt)
{
    chk_model *md = p->md;
    const char *ty = tk[0].s;
    long i = 0;
    if (nt != 2)
        return err(p, tk, "ROWS line needs a type and a name", "");
    if (strlen(ty) != 1 || !strchr("NELG", ty[0]))
        return err(p, tk, "bad row type '%s'", ty);
    if (strlen(tk[1].s) > 255)
        return err(p, tk + 1, "name longer than 255 characters", "");
    if (ty[0] == 'N' ? chk_names_add(&md->rows, tk[1].s, strlen(tk[1].s), -1 - p->nrow_n++, NULL) < 0
                     : (i = chk_add_row(md, tk[1].s, strlen(tk[1].s))) < 0)
        return err(p, tk + 1, "repeated row name '%s'", tk[1].s);
    if (ty[0] == 'N')
        return 0;
    p->rtype = realloc(p->rtype, (size_t)md->ralloc);
    if (!p->rtype)
        return err(p, tk, "out of memory", "");
    p->rtype[i] = ty[0];
    return 0;
}

static int column_line(mps *p, tok *tk, int nt)
{
    chk_model *md = p->md;
    long j = md->n - 1, pos;
    int f;
    for (f = 0; f < nt; f++)
        if (strcmp(tk[f].s, "'MARKER'") == 0) { /* name 'MARKER' 'INTORG', later 'INTEND' */
            const char *want = p->in_int ? "'INTEND'" : "'INTORG'";
            if (relax(p, tk + f, -1) || nt != 3 || f != 1 || strcmp(tk[2].s, want))
                return p->md->relax ? err(p, tk, "bad MARKER line (want name 'MARKER' %s)", want) : 2;
            return p->in_int = !p->in_int, 0;
        }
    if (nt != 3 && nt != 5)
        return err(p, tk, "COLUMNS line needs a column and 1 or 2 (row, value) pairs", "");
    if (!*tk[0].s && j < 0)
        return err(p, tk, "empty column name and no column before", "");
    if (*tk[0].s && (j < 0 || strcmp(md->cname[j], tk[0].s) != 0)) {
        if (chk_names_find(&md->cols, tk[0].s, strlen(tk[0].s)) != LONG_MIN)
            return err(p, tk, "column '%s' split into two blocks", tk[0].s);
        if (strlen(tk[0].s) > 255)
            return err(p, tk, "name longer than 255 characters", "");
        j = chk_add_col(md, tk[0].s, strlen(tk[0].s));
        if (!(p->loset = realloc(p->loset, (size_t)md->calloc_ + 1)))
            return err(p, tk, "out of memory", "");
        if ((p->loset[j] = 0) || (p->in_int && relax(p, tk, j)))
            return 2;
    }
    for (f = 1; f < nt; f += 2) {
        if ((pos = rowpos(p, tk + f)) < 0 || number(p, tk + f + 1, p->v))
            return 2;
        if (p->lastcol[pos] == j)
            return err(p, tk + f, "repeated entry for row '%s'", tk[f].s);
        p->lastcol[pos] = j;
        if (pos == md->m) /* the first N row: the objective */
            mpq_set(md->c[j], p->v);
        else if (pos < md->m && mpq_sgn(p->v) != 0)
            chk_add_coef(md, pos, j, p->v);
    }
    return 0;
}

/* RHS and RANGES: [set] row value [row value]. */
static int rhs_line(mps *p, tok *tk, int nt)
{
    int f = nt % 2, bit = p->sec == RHS ? 1 : 2;
    long pos, m = p->md->m;
    if (nt < 2 || nt > 5)
        return err(p, tk, "bad number of fields", "");
    if (setname(p, bit - 1, f ? tk[0].s : "", tk))
        return 2;
    for (; f < nt; f += 2) {
        if ((pos = rowpos(p, tk + f)) < 0 || number(p, tk + f + 1, p->v))
            return 2;
        if (p->seen[pos] & bit)
            return err(p, tk + f, "repeated entry for row '%s'", tk[f].s);
        p->seen[pos] |= (unsigned char)bit;
        if (bit == 2 && pos >= m)
            return err(p, tk + f, "RANGES on N row '%s'", tk[f].s);
        if (pos < m)
            mpq_set(bit == 1 ? p->rhs[pos] : p->rng[pos], p->v);
        else if (pos == m) /* the objective row: c0 = -rhs */
            mpq_neg(p->md->c0, p->v);
    }
    return 0;
}

static int bound_line(mps *p, tok *tk, int nt)
{
    static const char *const TYPES[] = {"UP", "LO", "FX", "LI", "UI", "FR",
                                        "MI", "PL", "BV", "SC"};
    chk_model *md = p->md;
    const char *ty = tk[0].s;
    int t, ci, vi;
    long j;
    for (t = 0; t < 10 && strcmp(ty, TYPES[t]); t++)
        ;
    if (t == 10)
        return err(p, tk, "unknown bound type '%s'", ty);
    /* Field rule of the spec: which field is the column, which the value. */
    if (t < 5 && (nt == 3 || nt == 4))
        ci = nt - 2, vi = nt - 1;
    else if (t >= 5 && t < 8 && (nt == 2 || nt == 3))
        ci = nt - 1, vi = 0;
    else if (t >= 8 && (nt == 2 || nt == 4))
        ci = nt / 2, vi = nt == 4 ? 3 : 0;
    else if (t >= 8 && nt == 3)
        vi = chk_numlen(tk[2].s) == strlen(tk[2].s) ? 2 : 0, ci = vi ? 1 : 2;
    else
        return err(p, tk, "bad number of fields for bound type %s", ty);
    if (setname(p, 2, ci == 2 ? tk[1].s : "", tk))
        return 2;
    if ((j = chk_names_find(&md->cols, tk[ci].s, strlen(tk[ci].s))) < 0)
        return err(p, tk + ci, "unknown column '%s'", tk[ci].s);
    if (vi && number(p, tk + vi, p->v))
        return 2;
    if ((t == 3 || t == 4 || t >= 8) && relax(p, tk, j))
        return 2;
    if (t == 9 && vi && mpq_sgn(p->v) < 0)
        return err(p, tk + vi, "negative SC bound", "");
    if (t == 9) /* SC: x = 0 or l <= x <= v: UP v (no v: PL), hull at ENDATA */
        p->loset[j] |= 4, t = vi ? 0 : 7;
    if (t == 0 || t == 4) { /* UP, UI; CPLEX: u < 0 with l never set: l = -inf */
        mpq_set(md->chi[j], p->v), md->chi_fin[j] = 1;
        if (mpq_sgn(p->v) < 0 && !(p->loset[j] & 1))
            md->clo_fin[j] = 0;
        return 0;
    }
    if (t != 7)
        p->loset[j] |= 1;
    if (t == 1 || t == 3 || t == 2) /* LO, LI, FX */
        mpq_set(md->clo[j], p->v), md->clo_fin[j] = 1;
    if (t == 2)
        mpq_set(md->chi[j], p->v), md->chi_fin[j] = 1;
    if (t == 5 || t == 6)
        mpq_set_ui(md->clo[j], 0, 1), md->clo_fin[j] = 0;
    if (t == 5 || t == 7)
        mpq_set_ui(md->chi[j], 0, 1), md->chi_fin[j] = 0;
    if (t == 8) /* BV */
        mpq_set_ui(md->clo[j], 0, 1), md->clo_fin[j] = 1, mpq_set_ui(md->chi[j], 1, 1), md->chi_fin[j] = 1;
    return 0;
}

/* At ENDATA: row bounds from type, RHS and RANGES (docs/model-formats.md). */
static void row_bounds(mps *p)
{
    chk_model *md = p->md;
    long i;
    for (i = 0; i < md->m; i++) {
        char ty = p->rtype[i];
        int r = p->seen[i] & 2 ? mpq_sgn(p->rng[i]) : 0;
        mpq_abs(p->rng[i], p->rng[i]);
        md->rlo_fin[i] = ty != 'L' || r != 0;
        md->rhi_fin[i] = ty != 'G' || r != 0;
        mpq_set(md->rlo[i], p->rhs[i]), mpq_set(md->rhi[i], p->rhs[i]);
        if (ty == 'L' || (ty == 'E' && r < 0))
            mpq_sub(md->rlo[i], p->rhs[i], p->rng[i]);
        else if (r != 0)
            mpq_add(md->rhi[i], p->rhs[i], p->rng[i]);
        if (!md->rlo_fin[i])
            mpq_set_ui(md->rlo[i], 0, 1);
        if (!md->rhi_fin[i])
            mpq_set_ui(md->rhi[i], 0, 1);
    }
}

int chk_read_mps(chk_model *md, const chk_text *t)
{
    mps p;
    tok tk[6];
    char *s, *next = t->buf, *nl;
    int nt, rc = 0;
    long k;
    memset(&p, 0, sizeof p);
    p.md = md;
    p.file = t->file;
    mpq_init(p.v);
    p.fixed = fits_fixed(t->buf);
    while (!rc && *(s = next)) {
        if ((nl = strchr(s, '\n')))
            *nl = '\0', next = nl + 1;
        else
            next = s + strlen(s);
        p.line++;
        if (strncmp(s, "NAME", 4) == 0 && strchr(" \t\r", s[4]))
            s[4] = '\0'; /* the rest of the NAME line is free text */
        if (*s == '*')
            continue;
        if (p.fixed && *s == ' ' && p.sec != OBJSENSE && p.sec != ENDATA)
            nt = fixed_fields(&p, s, tk);
        else /* free: a '$' field after two others starts a comment */
            for (nt = chk_split(s, tk, 5), k = 2; tk[0].col > 1 && k < nt; k++)
                if (tk[k].s[0] == '$')
                    nt = (int)k;
        if (nt == 0)
            continue;
        if (p.sec == ENDATA && chk_err(p.file, p.line, tk[0].col, "warning: text after ENDATA ignored"))
            break; /* MIPLIB's priorities and the like */
        if (nt > 5)
            rc = err(&p, tk + 5, "too many fields", "");
        else if (tk[0].col == 1)
            rc = header(&p, tk, nt);
        else if (p.sense_pending && nt == 1 && sense_of(tk[0].s))
            md->sense = sense_of(tk[0].s), p.sense_pending = 0;
        else if (p.sec == ROWS)
            rc = row_line(&p, tk, nt);
        else if (p.sec == COLUMNS)
            rc = column_line(&p, tk, nt);
        else if (p.sec == RHS || p.sec == RANGES)
            rc = rhs_line(&p, tk, nt);
        else if (p.sec == BOUNDS)
            rc = bound_line(&p, tk, nt);
        else
            rc = err(&p, tk, "unexpected data line '%s'", tk[0].s);
    }
    if (!rc && p.sec != ENDATA)
        rc = chk_err(t->file, p.line + 1, 1, "unexpected end of file (no ENDATA)");
    if (!rc)
        row_bounds(&p);
    for (k = 0; !rc && k < md->n; k++) /* SC relaxed: hull of {0} and [l, u] */
        if ((p.loset[k] & 4) && md->clo_fin[k] && mpq_sgn(md->clo[k]) > 0)
            mpq_set_ui(md->clo[k], 0, 1);
    if (p.rhs)
        chk_vec_free(p.rhs, md->m), chk_vec_free(p.rng, md->m);
    free(p.rtype), free(p.lastcol), free(p.seen), free(p.loset);
    mpq_clear(p.v);
    return rc;
}
