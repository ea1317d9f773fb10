/* sweep_out.c: what a sweep's instances wrote, read back (sweep.h,
 * sweep_int.h): `farkas sweep --record` for one instance, and the
 * collection of all of them into results.tsv, summary.md and the SVG
 * pictures of the verdict regions. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fk.h"
#include "prf.h"
#include "rat.h"
#include "sweep_int.h"

/* ---- recording one instance -------------------------------------------- */

static const char *cert_line(const char *text, const char *key, char *out, size_t len)
{
    const char *p = text;
    size_t n = strlen(key);
    while (p && *p) {
        if (strncmp(p, key, n) == 0 && (p[n] == ' ' || p[n] == '\t')) {
            const char *v = p + n, *e;
            while (*v == ' ' || *v == '\t')
                v++;
            for (e = v; *e && *e != '\n' && *e != '\r' && *e != ' ' && *e != '\t'; e++)
                ;
            snprintf(out, len, "%.*s", (int)(e - v), v);
            return out;
        }
        p = strchr(p, '\n');
        p = p ? p + 1 : NULL;
    }
    return NULL;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static const char *rc_status(int rc)
{
    return rc == 124 ? "timeout" : rc == 2 || (rc >= 125 && rc <= 128) ? "error"
         : rc == 1 ? "no-verdict" : "crash";
}

/* Does a row (LP name, status, checked) match --until [LABEL=]VERDICT? */
static int until_match(const char *until, const char *name, const char *status,
                       const char *checked)
{
    const char *eq = strchr(until, '='), *v = eq ? eq + 1 : until;
    if (eq) {
        size_t ln = (size_t)(eq - until), nn = strlen(name);
        if (!(nn == ln && strncmp(name, until, ln) == 0) &&
            !(nn > ln && name[nn - ln - 1] == '-' && strncmp(name + nn - ln, until, ln) == 0))
            return 0;
    }
    if (strcmp(v, "rejected") == 0)
        return checked && strcmp(checked, "accepted") != 0 && strcmp(checked, "-") != 0;
    if (strcmp(v, "feasible") == 0)
        return !strcmp(status, "optimal") || !strcmp(status, "feasible") || !strcmp(status, "unbounded");
    return strcmp(v, status) == 0;
}

/* `farkas sweep --record DIR ID`: runs/ID/rows.tsv from what the instance
 * wrote.  Exit 1 when FK_SWEEP_UNTIL is set and a row matches it (so that
 * parallel's --halt stops the sweep), else 0; 2 on bad use. */
int sweep_record(const char *dir, const char *id)
{
    char rdir[4096], path[4400], val[512], stat_[64], *txt;
    char **names = NULL;
    size_t nn = 0, cap = 0, k;
    const char *until = getenv("FK_SWEEP_UNTIL");
    int rc = -1, hit = 0, bad = 0;
    sbuf b = {0};
    DIR *d;
    struct dirent *e;
    fk_err err;
    fk_err_clear(&err);
    if (strlen(id) != 6 || strspn(id, "0123456789") != 6) {
        fprintf(stderr, "farkas: sweep --record: bad instance id '%s'\n", id);
        return 2;
    }
    snprintf(rdir, sizeof rdir, "%s/runs/%s", dir, id);
    snprintf(path, sizeof path, "%s/rc", rdir);
    if ((txt = sweep_slurp(path)) != NULL) {
        rc = atoi(txt);
        free(txt);
    }
    if (!(d = opendir(rdir))) {
        fprintf(stderr, "farkas: sweep --record: cannot read %s\n", rdir);
        return 2;
    }
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 6 || strcmp(e->d_name + l - 5, ".cert") != 0)
            continue;
        if (nn == cap) {
            char **nw = fk_realloc(names, cap = 2 * cap + 8, sizeof *names);
            if (!nw)
                break;
            names = nw;
        }
        names[nn++] = fk_strdup(e->d_name);
    }
    closedir(d);
    if (nn > 1)
        qsort(names, nn, sizeof *names, by_name);
    for (k = 0; k < nn; k++) {
        char lp[4096], checked[32] = "unreadable";
        int crc = -1;
        if (!names[k])
            continue;
        snprintf(lp, sizeof lp, "%.*s", (int)(strlen(names[k]) - 5), names[k]);
        snprintf(path, sizeof path, "%s/%s", rdir, names[k]);
        txt = sweep_slurp(path);
        if (!txt || !cert_line(txt, "status", stat_, sizeof stat_))
            snprintf(stat_, sizeof stat_, "unreadable");
        if (!txt || !cert_line(txt, "objective", val, sizeof val))
            snprintf(val, sizeof val, "-");
        free(txt);
        snprintf(path, sizeof path, "%s/%s.rc", rdir, names[k]);
        if ((txt = sweep_slurp(path)) != NULL) {
            crc = atoi(txt);
            free(txt);
        }
        snprintf(checked, sizeof checked, "%s",
                 crc == 0 ? "accepted" : crc == 1 ? "rejected" : crc == 2 ? "unreadable" : "not-checked");
        bad |= crc != 0;
        sweep_sb_add(&b, "%s\t%s\t%s\truns/%s/%s\t%s\n", lp, stat_, val, id, names[k], checked);
        if (until && until_match(until, lp, stat_, checked))
            hit = 1;
    }
    if (rc != 0 && !(rc == 1 && bad)) {
        const char *st = rc < 0 ? "crash" : rc_status(rc);
        sweep_sb_add(&b, "-\t%s\t-\truns/%s/log\t-\n", st, id);
        if (until && until_match(until, "-", st, "-"))
            hit = 1;
    }
    for (k = 0; k < nn; k++)
        free(names[k]);
    free(names);
    snprintf(path, sizeof path, "%s/rows.tsv", rdir);
    if (b.oom || sweep_put_file(path, b.s ? b.s : "", &err)) {
        free(b.s);
        fk_err_print(&err);
        return 2;
    }
    free(b.s);
    if (hit) { /* tells Slurm tasks (which have no --halt) to stop too */
        snprintf(path, sizeof path, "%s/until.hit", dir);
        sweep_put_file(path, id, &err);
    }
    return hit;
}

/* ---- collecting -------------------------------------------------------- */

typedef struct {
    long inst;
    char *line;                /* owned; the fields point into it */
    char *name, *status, *value, *cert, *checked;
} sw_row;

typedef struct {
    char **id;                 /* ninst ids */
    char **vals;               /* ninst * npar value strings */
    char *pname[SW_MAXPAR];
    int npar;
    long ninst;
    int *done;                 /* instance has rows.tsv */
    sw_row *row;
    long nrow;
    size_t prefix;             /* shared prefix of the LP names, stripped for labels */
    char *command;
} sw_res;

static void res_clear(sw_res *r)
{
    long i;
    int k;
    for (i = 0; i < r->ninst; i++) {
        free(r->id ? r->id[i] : NULL);
        for (k = 0; k < r->npar && r->vals; k++)
            free(r->vals[i * r->npar + k]);
    }
    for (k = 0; k < r->npar; k++)
        free(r->pname[k]);
    for (i = 0; i < r->nrow; i++)
        free(r->row[i].line);
    free(r->id);
    free(r->vals);
    free(r->done);
    free(r->row);
    free(r->command);
    memset(r, 0, sizeof *r);
}

/* Split s at tabs into at most n fields (NUL-terminating them). */
static int split_tabs(char *s, char **f, int n)
{
    int k = 0;
    while (k < n) {
        f[k++] = s;
        s = strchr(s, '\t');
        if (!s)
            break;
        *s++ = '\0';
    }
    return k;
}

static fk_status read_results(sw_res *r, const char *dir, fk_err *err)
{
    char path[4400], *txt, *line, *next, *f[SW_MAXPAR + 2];
    long i, cap = 0;
    int k;
    snprintf(path, sizeof path, "%s/sweep.spec", dir);
    if (!(txt = sweep_slurp(path)))
        return fk_fail(err, FK_EIO, NULL, "sweep: %s is not a sweep directory (no sweep.spec)", dir);
    r->command = txt;
    snprintf(path, sizeof path, "%s/instances.tsv", dir);
    if (!(txt = sweep_slurp(path)))
        return fk_fail(err, FK_EIO, NULL, "sweep: cannot read %s", path);
    for (line = txt, i = -1; line && *line; line = next, i++) {
        int nf;
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        nf = split_tabs(line, f, SW_MAXPAR + 1);
        if (i < 0) {
            r->npar = nf - 1;
            for (k = 0; k < r->npar; k++)
                r->pname[k] = fk_strdup(f[k + 1]);
            continue;
        }
        if (nf != r->npar + 1)
            break;
        if (r->ninst == cap) {
            cap = 2 * cap + 64;
            r->id = fk_realloc(r->id, (size_t)cap, sizeof *r->id);
            r->vals = fk_realloc(r->vals, (size_t)(cap * r->npar), sizeof *r->vals);
            r->done = fk_realloc(r->done, (size_t)cap, sizeof *r->done);
            if (!r->id || !r->vals || !r->done) {
                free(txt);
                return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            }
        }
        r->id[r->ninst] = fk_strdup(f[0]);
        for (k = 0; k < r->npar; k++)
            r->vals[r->ninst * r->npar + k] = fk_strdup(f[k + 1]);
        r->done[r->ninst] = 0;
        r->ninst++;
    }
    free(txt);
    cap = 0;
    for (i = 0; i < r->ninst; i++) {
        snprintf(path, sizeof path, "%s/runs/%s/rows.tsv", dir, r->id[i]);
        if (!(txt = sweep_slurp(path)))
            continue;
        r->done[i] = 1;
        for (line = txt; line && *line; line = next) {
            sw_row *w;
            char *fl[5];
            next = strchr(line, '\n');
            if (next)
                *next++ = '\0';
            if (r->nrow == cap) {
                sw_row *nr = fk_realloc(r->row, (size_t)(cap = 2 * cap + 64), sizeof *r->row);
                if (!nr) {
                    free(txt);
                    return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                }
                r->row = nr;
            }
            w = &r->row[r->nrow];
            if (!(w->line = fk_strdup(line)))
                continue;
            if (split_tabs(w->line, fl, 5) != 5) {
                free(w->line);
                continue;
            }
            w->inst = i;
            w->name = fl[0];
            w->status = fl[1];
            w->value = fl[2];
            w->cert = fl[3];
            w->checked = fl[4];
            r->nrow++;
        }
        free(txt);
    }
    /* The shared prefix, cut back to whole '-' separated words. */
    {
        const char *first = NULL;
        size_t p = 0;
        for (i = 0; i < r->nrow; i++) {
            const char *nm = r->row[i].name;
            if (strcmp(nm, "-") == 0)
                continue;
            if (!first) {
                first = nm;
                p = strlen(nm);
            } else {
                size_t j = 0;
                while (j < p && nm[j] == first[j])
                    j++;
                p = j;
            }
        }
        /* a name that is the whole shared part (one LP per instance, or
         * double-auction beside double-auction-essay) keeps every name whole */
        for (i = 0; i < r->nrow && p > 0; i++)
            if (strlen(r->row[i].name) == p)
                p = 0;
        while (p > 0 && first[p - 1] != '-')
            p--;
        r->prefix = p;
    }
    return FK_OK;
}

static const char *label_of(const sw_res *r, const sw_row *w)
{
    return strcmp(w->name, "-") == 0 ? "-" : w->name + r->prefix;
}

/* Sorted distinct values of parameter k (indices into r->vals). */
static long axis(const sw_res *r, int k, long *out, long max)
{
    long n = 0, i, j;
    mpq_t a, b;
    mpq_init(a);
    mpq_init(b);
    for (i = 0; i < r->ninst; i++) {
        const char *v = r->vals[i * r->npar + k];
        int found = 0;
        rat_set_str(a, v, strlen(v), NULL);
        for (j = 0; j < n && !found; j++)
            found = strcmp(r->vals[out[j] * r->npar + k], v) == 0;
        if (found)
            continue;
        if (n == max) {
            n = -1;
            break;
        }
        for (j = n; j > 0; j--) { /* insertion sort by value */
            const char *u = r->vals[out[j - 1] * r->npar + k];
            rat_set_str(b, u, strlen(u), NULL);
            if (mpq_cmp(b, a) <= 0)
                break;
            out[j] = out[j - 1];
        }
        out[j] = i;
        n++;
    }
    mpq_clear(b);
    mpq_clear(a);
    return n;
}

enum { SW_AXMAX = 80, SW_MAXLAB = 64 };

static const struct {
    char ch;
    const char *status, *color;
} sw_look[] = {
    {'O', "optimal", "#4e9a4e"},    {'I', "infeasible", "#c8553d"}, {'U', "unbounded", "#e0a030"},
    {'F', "feasible", "#5b9bd5"},   {'X', "crash", "#222222"},      {'T', "timeout", "#8064a2"},
    {'E', "error", "#aaaaaa"},      {'N', "no-verdict", "#d0d0d0"}, {'R', "rejected", "#000000"},
};

/* The row's entry of sw_look: a certificate the checker did not accept
 * shows as R whatever its status. */
static int look(const sw_row *w)
{
    int k, n = (int)(sizeof sw_look / sizeof sw_look[0]);
    if (strcmp(w->checked, "accepted") != 0 && strcmp(w->checked, "-") != 0)
        return n - 1;
    for (k = 0; k < n - 1; k++)
        if (strcmp(w->status, sw_look[k].status) == 0)
            return k;
    return 7;
}

/* Position of instance in's value of parameter k on the axis ax[0..n). */
static long axis_pos(const sw_res *r, const long *ax, long n, long in, int k)
{
    long j;
    for (j = 0; j < n; j++)
        if (strcmp(r->vals[ax[j] * r->npar + k], r->vals[in * r->npar + k]) == 0)
            return j;
    return -1;
}

static void svg_text(sbuf *b, const char *s)
{
    for (; *s; s++)
        if (*s == '<')
            sweep_sb_add(b, "&lt;");
        else if (*s == '&')
            sweep_sb_add(b, "&amp;");
        else
            sweep_sb_add(b, "%c", *s);
}

/* DIR/regions-LABEL.svg: a cell per grid point (gridded) or a dot per
 * instance at its value (random sweeps); coordinates are for the eye only,
 * the verdicts are those of results.tsv. */
static fk_status svg_regions(const sw_res *r, const char *dir, const char *lab, const long *row,
                             long ax[2][SW_AXMAX], long n0, long n1, char *fname, size_t flen,
                             fk_err *err)
{
    sbuf b = {0};
    char path[4400];
    long in, k;
    const int cell = 22, left = 90, top = 40;
    int gridded = n0 > 0 && n1 > 0, wpx, hpx;
    double lo[2] = {0, 0}, hi[2] = {1, 1};
    fk_status st;
    size_t c;
    snprintf(fname, flen, "regions-%s.svg", lab);
    for (c = 8; fname[c]; c++)
        if (!((fname[c] >= 'a' && fname[c] <= 'z') || (fname[c] >= 'A' && fname[c] <= 'Z') ||
              (fname[c] >= '0' && fname[c] <= '9') || fname[c] == '-' || fname[c] == '.'))
            fname[c] = '_';
    wpx = gridded ? (int)n0 * cell : 440;
    hpx = gridded ? (int)n1 * cell : 440;
    if (!gridded) {
        mpq_t q;
        mpq_init(q);
        for (k = 0; k < 2; k++)
            for (in = 0; in < r->ninst; in++) {
                const char *v = r->vals[in * r->npar + k];
                double d;
                rat_set_str(q, v, strlen(v), NULL);
                d = mpq_get_d(q);
                if (in == 0 || d < lo[k])
                    lo[k] = d;
                if (in == 0 || d > hi[k])
                    hi[k] = d;
            }
        mpq_clear(q);
        for (k = 0; k < 2; k++)
            if (hi[k] <= lo[k])
                hi[k] = lo[k] + 1;
    }
    sweep_sb_add(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
               "font-family=\"sans-serif\" font-size=\"11\">\n", left + wpx + 150, top + hpx + 70);
    sweep_sb_add(&b, "<text x=\"%d\" y=\"20\" font-size=\"14\">", left);
    svg_text(&b, lab);
    sweep_sb_add(&b, ": verdict over (%s, %s)</text>\n", r->pname[0], r->pname[1]);
    for (in = 0; in < r->ninst; in++) {
        const sw_row *w = row[in] >= 0 ? &r->row[row[in]] : NULL;
        const char *col = w ? sw_look[look(w)].color : "#ffffff";
        if (gridded) {
            long i = axis_pos(r, ax[0], n0, in, 0), j = axis_pos(r, ax[1], n1, in, 1);
            sweep_sb_add(&b, "<rect x=\"%ld\" y=\"%ld\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#fff\">"
                       "<title>%s=%s %s=%s: %s</title></rect>\n",
                   left + i * cell, top + (n1 - 1 - j) * cell, cell, cell, col, r->pname[0],
                   r->vals[in * r->npar], r->pname[1], r->vals[in * r->npar + 1], w ? w->status : "not run");
        } else {
            mpq_t q;
            double x, y;
            const char *v;
            mpq_init(q);
            v = r->vals[in * r->npar];
            rat_set_str(q, v, strlen(v), NULL);
            x = (mpq_get_d(q) - lo[0]) / (hi[0] - lo[0]);
            v = r->vals[in * r->npar + 1];
            rat_set_str(q, v, strlen(v), NULL);
            y = (mpq_get_d(q) - lo[1]) / (hi[1] - lo[1]);
            mpq_clear(q);
            sweep_sb_add(&b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s=%s %s=%s: %s</title></circle>\n",
                   left + x * wpx, top + (1 - y) * hpx, col, r->pname[0], r->vals[in * r->npar],
                   r->pname[1], r->vals[in * r->npar + 1], w ? w->status : "not run");
        }
    }
    if (gridded) { /* exact tick labels */
        for (k = 0; k < n0; k++)
            sweep_sb_add(&b, "<text transform=\"translate(%ld,%d) rotate(60)\">%s</text>\n",
                   left + k * cell + cell / 2 - 3, top + hpx + 6, r->vals[ax[0][k] * r->npar]);
        for (k = 0; k < n1; k++)
            sweep_sb_add(&b, "<text x=\"%d\" y=\"%ld\" text-anchor=\"end\">%s</text>\n", left - 4,
                   top + (n1 - 1 - k) * cell + cell / 2 + 4, r->vals[ax[1][k] * r->npar + 1]);
    } else {
        sweep_sb_add(&b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>\n",
               left, top, wpx, hpx);
        sweep_sb_add(&b, "<text x=\"%d\" y=\"%d\">%g</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%g</text>\n",
               left, top + hpx + 14, lo[0], left + wpx, top + hpx + 14, hi[0]);
        sweep_sb_add(&b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%g</text><text x=\"%d\" y=\"%d\" "
                   "text-anchor=\"end\">%g</text>\n", left - 4, top + hpx, lo[1], left - 4, top + 10, hi[1]);
    }
    sweep_sb_add(&b, "<text x=\"%d\" y=\"%d\">%s</text>\n", left + wpx / 2, top + hpx + 60, r->pname[0]);
    sweep_sb_add(&b, "<text x=\"10\" y=\"%d\">%s</text>\n", top + hpx / 2, r->pname[1]);
    for (c = 0; c < sizeof sw_look / sizeof sw_look[0]; c++)
        sweep_sb_add(&b, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                   "<text x=\"%d\" y=\"%d\">%s</text>\n",
               left + wpx + 20, top + (int)c * 18, sw_look[c].color, left + wpx + 38,
               top + (int)c * 18 + 10, sw_look[c].status);
    sweep_sb_add(&b, "</svg>\n");
    snprintf(path, sizeof path, "%s/%s", dir, fname);
    st = b.oom ? fk_fail(err, FK_ENOMEM, NULL, "out of memory") : sweep_put_file(path, b.s, err);
    free(b.s);
    return st;
}

/* For two parameters: per label an SVG and (for grids) a text grid. */
static fk_status regions(sbuf *b, const sw_res *r, const char *dir, fk_err *err)
{
    long ax[2][SW_AXMAX], n0, n1, i, j, *row = NULL, *cellmap = NULL;
    const char *labs[SW_MAXLAB];
    char fname[300];
    int l, nlab = 0;
    fk_status st = FK_OK;
    if (r->npar != 2 || r->ninst == 0)
        return FK_OK;
    n0 = axis(r, 0, ax[0], SW_AXMAX);
    n1 = axis(r, 1, ax[1], SW_AXMAX);
    for (i = 0; i < r->nrow; i++) {
        const char *lb = label_of(r, &r->row[i]);
        int seen = 0;
        for (l = 0; l < nlab && !seen; l++)
            seen = strcmp(labs[l], lb) == 0;
        if (!seen && nlab < SW_MAXLAB && strcmp(lb, "-") != 0)
            labs[nlab++] = lb;
    }
    if (!(row = fk_calloc((size_t)r->ninst, sizeof *row)) ||
        (n0 > 0 && n1 > 0 && !(cellmap = fk_calloc((size_t)(n0 * n1), sizeof *cellmap)))) {
        free(row);
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    }
    if (cellmap) { /* grid cell -> its (first) instance */
        for (i = 0; i < n0 * n1; i++)
            cellmap[i] = -1;
        for (i = r->ninst - 1; i >= 0; i--)
            cellmap[axis_pos(r, ax[0], n0, i, 0) * n1 + axis_pos(r, ax[1], n1, i, 1)] = i;
    }
    sweep_sb_add(b, "\n## Verdict regions\n\nText grids: one character per instance, O optimal, I infeasible, "
              "U unbounded, F feasible, R certificate not accepted, X crash, T timeout, E error, "
              "N no verdict, . not run; columns %s (increasing to the right), rows %s (increasing "
              "upwards).\n", r->pname[0], r->pname[1]);
    for (l = 0; l < nlab && !st; l++) {
        for (i = 0; i < r->ninst; i++)
            row[i] = -1;
        for (i = 0; i < r->nrow; i++)  /* the LP of this label, or the instance's failure */
            if (strcmp(label_of(r, &r->row[i]), labs[l]) == 0 ||
                (strcmp(r->row[i].name, "-") == 0 && row[r->row[i].inst] < 0))
                row[r->row[i].inst] = i;
        if ((st = svg_regions(r, dir, labs[l], row, ax, n0, n1, fname, sizeof fname, err)))
            break;
        sweep_sb_add(b, "\n### %s\n\n![%s](%s)\n", labs[l], labs[l], fname);
        if (n0 <= 0 || n1 <= 0)
            continue;
        sweep_sb_add(b, "\n```\n");
        for (j = n1 - 1; j >= 0; j--) {
            sweep_sb_add(b, "%s=%-8s ", r->pname[1], r->vals[ax[1][j] * r->npar + 1]);
            for (i = 0; i < n0; i++) {
                long in = cellmap[i * n1 + j];
                sweep_sb_add(b, "%c", in >= 0 && row[in] >= 0 ? sw_look[look(&r->row[row[in]])].ch : '.');
            }
            sweep_sb_add(b, "\n");
        }
        sweep_sb_add(b, "%*s %s = ", (int)strlen(r->pname[1]) + 9, "", r->pname[0]);
        for (i = 0; i < n0; i++)
            sweep_sb_add(b, "%s%s", i ? ", " : "", r->vals[ax[0][i] * r->npar]);
        sweep_sb_add(b, " (left to right)\n```\n");
    }
    free(cellmap);
    free(row);
    return st;
}

/* Counts per label and status, for summary.md and stdout. */
static void counts(sbuf *b, const sw_res *r, int md)
{
    long i, j, ndone = 0, nacc = 0, nrej = 0;
    for (i = 0; i < r->ninst; i++)
        ndone += r->done[i];
    for (i = 0; i < r->nrow; i++) {
        nacc += strcmp(r->row[i].checked, "accepted") == 0;
        nrej += strcmp(r->row[i].checked, "accepted") != 0 && strcmp(r->row[i].checked, "-") != 0;
    }
    sweep_sb_add(b, md ? "%ld of %ld instances done; %ld LPs, %ld certificates accepted by `farkas check`, "
                   "%ld not accepted.\n\n| label | status | count |\n|---|---|---|\n"
                 : "%ld of %ld instances done; %ld LPs, %ld certificates accepted by farkas check, "
                   "%ld not accepted\n",
           ndone, r->ninst, r->nrow, nacc, nrej);
    for (i = 0; i < r->nrow; i++) {
        const char *lb = label_of(r, &r->row[i]);
        long n = 0;
        int seen = 0;
        for (j = 0; j < i && !seen; j++)
            seen = strcmp(label_of(r, &r->row[j]), lb) == 0 && strcmp(r->row[j].status, r->row[i].status) == 0;
        if (seen)
            continue;
        for (j = i; j < r->nrow; j++)
            n += strcmp(label_of(r, &r->row[j]), lb) == 0 && strcmp(r->row[j].status, r->row[i].status) == 0;
        sweep_sb_add(b, md ? "| %s | %s | %ld |\n" : "  %-16s %-12s %ld\n", lb, r->row[i].status, n);
    }
}

static fk_status write_results(const sw_res *r, const char *dir, fk_err *err)
{
    sbuf t = {0}, m = {0};
    char path[4400];
    long i;
    int k;
    fk_status st;
    sweep_sb_add(&t, "label");
    for (k = 0; k < r->npar; k++)
        sweep_sb_add(&t, "\t%s", r->pname[k]);
    sweep_sb_add(&t, "\tstatus\tvalue\tcertificate\tchecked\n");
    for (i = 0; i < r->nrow; i++) {
        const sw_row *w = &r->row[i];
        sweep_sb_add(&t, "%s", label_of(r, w));
        for (k = 0; k < r->npar; k++)
            sweep_sb_add(&t, "\t%s", r->vals[w->inst * r->npar + k]);
        sweep_sb_add(&t, "\t%s\t%s\t%s\t%s\n", w->status, w->value, w->cert, w->checked);
    }
    {
        const char *c = strstr(r->command, "\ncommand ");
        int n = c ? (int)strcspn(c + 9, "\n") : 0;
        sweep_sb_add(&m, "# Sweep\n\n    %.*s\n\n", n, c ? c + 9 : "");
    }
    counts(&m, r, 1);
    if ((st = regions(&m, r, dir, err))) {
        free(t.s);
        free(m.s);
        return st;
    }
    sweep_sb_add(&m, "\nEvery LP: `results.tsv`; each instance's files: `runs/ID/` (ids in `instances.tsv`).\n");
    if (t.oom || m.oom) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    } else {
        snprintf(path, sizeof path, "%s/results.tsv", dir);
        st = sweep_put_file(path, t.s, err);
        snprintf(path, sizeof path, "%s/summary.md", dir);
        if (!st)
            st = sweep_put_file(path, m.s, err);
    }
    free(t.s);
    free(m.s);
    return st;
}

/* The first instance (in instance order) matching until; -1 if none. */
static long first_hit(const sw_res *r, const char *until, long *row)
{
    long i;
    for (i = 0; i < r->nrow; i++)
        if (until_match(until, r->row[i].name, r->row[i].status, r->row[i].checked)) {
            *row = i;
            return r->row[i].inst;
        }
    return -1;
}

/* Print the hit with its certificate, and write its proof appendices. */
static void report_hit(const sw_res *r, const char *dir, const char *until, long in, long w)
{
    const sw_row *row = &r->row[w];
    char cert[4400], mps[4400], md[4400], tex[4400];
    int k;
    printf("until %s: instance %s (", until, r->id[in]);
    for (k = 0; k < r->npar; k++)
        printf("%s%s=%s", k ? " " : "", r->pname[k], r->vals[in * r->npar + k]);
    printf("), %s %s\n", label_of(r, row), row->status);
    snprintf(cert, sizeof cert, "%s/%s", dir, row->cert);
    printf("  certificate: %s (%s by farkas check)\n", cert, row->checked);
    if (strcmp(row->name, "-") == 0)
        return;
    snprintf(mps, sizeof mps, "%s/runs/%s/%s.mps", dir, r->id[in], row->name);
    snprintf(md, sizeof md, "%s/runs/%s/%s.md", dir, r->id[in], row->name);
    snprintf(tex, sizeof tex, "%s/runs/%s/%s.tex", dir, r->id[in], row->name);
    printf("  model:       %s\n", mps);
    {
        char *av[] = {"proof", mps, cert, "--markdown", md, NULL};
        char *al[] = {"proof", mps, cert, "--latex-doc", tex, NULL};
        if (prf_cmd_proof(5, av) == 0)
            printf("  appendix:    %s\n", md);
        if (prf_cmd_proof(5, al) == 0)
            printf("  appendix:    %s\n", tex);
    }
}

/* Collect, write results.tsv and summary.md, print the counts (and the
 * --until hit); exit code as in sweep.h. */
int sweep_collect(const char *dir, const char *until)
{
    sw_res r;
    sbuf b = {0};
    fk_err err;
    long i, w = -1, hit;
    int rc = 0;
    memset(&r, 0, sizeof r);
    fk_err_clear(&err);
    if (read_results(&r, dir, &err) || write_results(&r, dir, &err)) {
        fk_err_print(&err);
        res_clear(&r);
        return 2;
    }
    counts(&b, &r, 0);
    if (b.s)
        fputs(b.s, stdout);
    free(b.s);
    printf("results: %s/results.tsv\nsummary: %s/summary.md\n", dir, dir);
    for (i = 0; i < r.ninst; i++)
        rc |= !r.done[i];
    for (i = 0; i < r.nrow; i++)
        rc |= strcmp(r.row[i].checked, "accepted") != 0;
    if (until) {
        hit = first_hit(&r, until, &w);
        if (hit >= 0)
            report_hit(&r, dir, until, hit, w);
        else
            printf("until %s: no instance found\n", until);
        rc = hit < 0;
    }
    res_clear(&r);
    return rc;
}

int sweep_hit_recorded(const char *dir, const char *until, fk_err *err)
{
    sw_res r;
    long w, hit;
    memset(&r, 0, sizeof r);
    if (read_results(&r, dir, err)) {
        res_clear(&r);
        return -1;
    }
    hit = first_hit(&r, until, &w);
    res_clear(&r);
    return hit >= 0;
}
