/* case_over.c: `farkas case NAME ARGS --over VAR=LO:HI [--degree D]`, the
 * case's verdicts for every value of one of its numbers (docs/parametric.md).
 *
 * The case is run, in this process with its output silenced, at N = D+3
 * rational points inside (LO, HI) with its option --VAR set to each; every
 * LP it solves is captured (econ_out.capture).  Each LP (by name, in the
 * order the case solves them) becomes a parametric model by interpolation
 * (par.h), written to OUTDIR/NAME.pmodel, solved piece by piece, its
 * certificate written to OUTDIR/NAME.pcert and checked by the independent
 * parametric checker (certify/pcheck/).  One line per piece is printed:
 *     [LABEL: ]piece [a, b): VERDICT [VALUE]
 * LABEL is the LP's name less the leading '-'-separated words every LP of
 * the case shares (the whole name when some LP's name is just those). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case_over.h"
#include "mech.h"
#include "par.h"
#include "pcheck/pchk.h"
#include "prf_param.h"
#include "rat.h"

enum { OVER_MAXLP = 32, OVER_MAXARG = 64, OVER_MAXDEG = 40 };

typedef struct {
    int nlp;
    lp_model *lp[OVER_MAXLP];
    int overflow, oom;
} capture_set;

static int capture(void *ctx, const lp_model *lp)
{
    capture_set *cs = ctx;
    lp_model *c;
    if (cs->nlp >= OVER_MAXLP) {
        cs->overflow = 1;
        return 0;
    }
    if (!(c = lp_copy(lp))) {
        cs->oom = 1;
        return 1;
    }
    cs->lp[cs->nlp++] = c;
    return 0;
}

static void capture_clear(capture_set *cs)
{
    int k;
    for (k = 0; k < cs->nlp; k++)
        lp_free(cs->lp[k]);
    memset(cs, 0, sizeof *cs);
}

/* What is run at each point: a case with its arguments, or the text of a
 * mechanism file whose numbers may be expressions in VAR. */
typedef struct {
    const case_entry *ce;
    int argc;
    char **argv;
    const char *file, *text;
    int filearg;            /* the case's .tsp/.bce argument to vary (argv index), or -1 */
    char *tmp;              /* the varied file's copy: TMPDIR/farkas-over-XXXXXX/BASENAME */
} over_src;

/* ---- expressions in VAR inside a mechanism file ----------------------------- */

typedef struct {
    const char *s, *var;
    size_t vlen;
    mpq_srcptr t;
    int bad;
} xp;

static void x_expr(mpq_t v, xp *x);

static void x_factor(mpq_t v, xp *x)
{
    if (*x->s == '-') {
        x->s++;
        x_factor(v, x);
        mpq_neg(v, v);
    } else if (*x->s == '(') {
        x->s++;
        x_expr(v, x);
        if (*x->s != ')')
            x->bad = 1;
        else
            x->s++;
    } else if (strncmp(x->s, x->var, x->vlen) == 0) {
        mpq_set(v, x->t);
        x->s += x->vlen;
    } else {
        size_t n = strspn(x->s, "0123456789.");
        if (n == 0 || rat_set_str(v, x->s, n, NULL) != RAT_OK)
            x->bad = 1;
        x->s += n;
    }
}

static void x_term(mpq_t v, xp *x)
{
    mpq_t w;
    mpq_init(w);
    x_factor(v, x);
    while (!x->bad && (*x->s == '*' || *x->s == '/')) {
        char op = *x->s++;
        x_factor(w, x);
        if (op == '*')
            mpq_mul(v, v, w);
        else if (mpq_sgn(w) == 0)
            x->bad = 1;
        else
            mpq_div(v, v, w);
    }
    mpq_clear(w);
}

static void x_expr(mpq_t v, xp *x)
{
    mpq_t w;
    mpq_init(w);
    x_term(v, x);
    while (!x->bad && (*x->s == '+' || *x->s == '-')) {
        char op = *x->s++;
        x_term(w, x);
        if (op == '+')
            mpq_add(v, v, w);
        else
            mpq_sub(v, v, w);
    }
    mpq_clear(w);
}

static int ident(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* 1 if the token tok[0..n) is made of var (as a whole word, at least
 * once), digits, '.' and + - * / ( ) only: an expression, not a name such
 * as 'peters-da-pi' (whose letters are not all var's) */
static int mentions(const char *tok, size_t n, const char *var, size_t vlen)
{
    size_t k = 0;
    int seen = 0;
    while (k < n) {
        if (k + vlen <= n && strncmp(tok + k, var, vlen) == 0 && (k == 0 || !ident(tok[k - 1])) &&
            (k + vlen == n || !ident(tok[k + vlen]))) {
            seen = 1;
            k += vlen;
        } else if (strchr("0123456789.+-*/()", tok[k])) {
            k++;
        } else {
            return 0;
        }
    }
    return seen;
}

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && strcmp(s + n - k, suf) == 0;
}

/* text with every field that mentions var (outside comments) replaced by
 * its exact value at t; *out malloc'ed.  FK_EPARSE at a field that is not
 * an expression in var with + - * / ( ) and numbers. */
static fk_status subst(char **out, const char *file, const char *text, const char *var,
                       const mpq_t t, int *nsub, fk_err *err)
{
    size_t vlen = strlen(var), len = 0, cap = strlen(text) + 64, line = 1;
    const char *p = text, *bol = text;
    char *o = malloc(cap);
    int comment = 0, first = 1;
    /* Gambit's .nfg has no keywords and writes an outcome's payoffs as
     * "1, -1": a field ends at a comma there, and the first is not skipped */
    int nfg = ends_with(file, ".nfg");
    mpq_t v;
    *nsub = 0;
    if (!o)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    mpq_init(v);
    while (*p) {
        size_t n = 0;
        const char *q = p;
        char *val = NULL, where[300];
        if (*p == '\n') {
            comment = 0;
            first = 1;
            line++;
            bol = p + 1;
        }
        if (*p == '#')
            comment = 1;
        if (!comment && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
            n = strcspn(p, nfg ? " \t\r\n#," : " \t\r\n#");
            /* the first field of a line is its keyword ('prior' stays a keyword with --over prior=) */
            if ((!first || nfg) && mentions(p, n, var, vlen)) {
                xp x = {p, var, vlen, t, 0};
                char tmp[512];
                x_expr(v, &x);
                if (x.bad || x.s != p + n) {
                    snprintf(tmp, sizeof tmp, "%.*s", (int)(n < 200 ? n : 200), p);
                    snprintf(where, sizeof where, "%s:%zu:%zu", file, line, (size_t)(p - bol) + 1);
                    mpq_clear(v);
                    free(o);
                    return fk_fail(err, FK_EPARSE, where, "'%s' is not an expression in %s "
                                   "(numbers, %s, + - * / and parentheses)", tmp, var, var);
                }
                val = rat_get_str(v);
                ++*nsub;
            }
            first = 0;
        }
        {
            const char *w = val ? val : q;
            size_t wn = val ? strlen(val) : n ? n : 1;
            if (len + wn + 1 > cap) {
                char *no;
                cap = 2 * (len + wn + 1);
                if (!(no = realloc(o, cap))) {
                    free(val);
                    free(o);
                    mpq_clear(v);
                    return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                }
                o = no;
            }
            memcpy(o + len, w, wn);
            len += wn;
            p += n ? n : 1;
        }
        free(val);
    }
    o[len] = '\0';
    mpq_clear(v);
    *out = o;
    return FK_OK;
}

/* ---- one point ------------------------------------------------------------------ */

static fk_status run_src(const over_src *src, econ_out *o, const char *var, const mpq_t t,
                         const char *val, fk_err *err)
{
    char *args[OVER_MAXARG + 2], opt[80], *text = NULL;
    int k, n = 0, set = 0, nsub = 0;
    mech_model m;
    mech_result res[MECH_MAX_LPS];
    FILE *f;
    fk_status st;
    if (src->ce && src->filearg >= 0) {
        /* the case reads its file by name: give it the file with VAR's
         * value written in, under the same base name (the LP names come
         * from it), and speak of the user's file in any error */
        size_t tl = strlen(src->tmp);
        if ((st = subst(&text, src->file, src->text, var, t, &nsub, err)))
            return st;
        if (!(f = fopen(src->tmp, "wb"))) {
            free(text);
            return fk_fail(err, FK_EIO, NULL, "cannot write '%s'", src->tmp);
        }
        k = fputs(text, f) >= 0;
        k = (fclose(f) == 0) && k;
        free(text);
        if (nsub == 0)
            return fk_fail(err, FK_EINVAL, NULL, "%s does not mention %s: nothing to vary", src->file, var);
        if (!k)
            return fk_fail(err, FK_EIO, NULL, "cannot write '%s'", src->tmp);
        for (k = 0; k < src->argc && n < OVER_MAXARG; k++)
            args[n++] = k == src->filearg ? src->tmp : src->argv[k];
        st = src->ce->run(o, n, args, err);
        if (st && strncmp(err->where, src->tmp, tl) == 0) {
            char rest[sizeof err->where];
            snprintf(rest, sizeof rest, "%s", err->where + tl);
            snprintf(err->where, sizeof err->where, "%s%s", src->file, rest);
        }
        return st;
    }
    if (src->ce) {
        snprintf(opt, sizeof opt, "--%s", var);
        for (k = 0; k < src->argc && n < OVER_MAXARG; k++) {
            args[n++] = src->argv[k];
            if (strcmp(src->argv[k], opt) == 0 && k + 1 < src->argc) {
                args[n++] = (char *)val;
                k++;
                set = 1;
            }
        }
        if (!set) {
            args[n++] = opt;
            args[n++] = (char *)val;
        }
        return src->ce->run(o, n, args, err);
    }
    if ((st = subst(&text, src->file, src->text, var, t, &nsub, err)))
        return st;
    if (nsub == 0) {
        free(text);
        return fk_fail(err, FK_EINVAL, NULL, "%s does not mention %s: nothing to vary", src->file, var);
    }
    if (!(f = fmemopen(text, strlen(text), "r"))) {
        free(text);
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    }
    mech_init(m);
    st = mech_read_stream(m, f, src->file, err);
    fclose(f);
    free(text);
    if (!st) {
        st = mech_solve(o, m, 0, res, err);
        if (!st)
            mech_results_clear(res, m->nobj);
    }
    mech_clear(m);
    return st;
}

/* Run the source once at t with stdout sent to /dev/null. */
static fk_status run_at(const over_src *src, capture_set *cs, const char *var, const mpq_t t,
                        fk_err *err)
{
    char *val = rat_get_str(t);
    econ_out o;
    int saved, dn;
    fk_status st;
    if (!val)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    memset(&o, 0, sizeof o);
    o.outdir = "/nonexistent";
    o.quiet = 2;
    o.capture = capture;
    o.capture_ctx = cs;
    fflush(stdout);
    saved = dup(1);
    dn = open("/dev/null", O_WRONLY);
    if (saved >= 0 && dn >= 0)
        dup2(dn, 1);
    st = run_src(src, &o, var, t, val, err);
    fflush(stdout);
    if (saved >= 0) {
        dup2(saved, 1);
        close(saved);
    }
    if (dn >= 0)
        close(dn);
    free(val);
    if (!st && cs->overflow)
        st = fk_fail(err, FK_ELIMIT, NULL, "more than %d LPs", OVER_MAXLP);
    return st;
}

int case_over_opt(const char *cmd, int argc, char **argv, int *k, const char **over, int *degree)
{
    const char *a = argv[*k];
    char *end;
    long d;
    if (strcmp(a, "--over") != 0 && strcmp(a, "--degree") != 0)
        return 0;
    if (*k + 1 >= argc || (a[2] == 'o' && argv[*k + 1][0] == '-')) {
        fprintf(stderr, "farkas: %s: %s needs %s\n", cmd, a, a[2] == 'o' ? "VAR=LO:HI" : "a degree D");
        return 2;
    }
    a = argv[++*k];
    if (argv[*k - 1][2] == 'o') {
        *over = a;
        return 1;
    }
    d = strtol(a, &end, 10);
    if (*end || end == a || d < 0 || d > OVER_MAXDEG) {
        fprintf(stderr, "farkas: %s: --degree must be an integer in 0..%d, not '%s'\n", cmd, OVER_MAXDEG, a);
        return 2;
    }
    *degree = (int)d;
    return 1;
}

static fk_status parse_over(const char *spec, char *var, size_t vlen, mpq_t lo, mpq_t hi,
                            fk_err *err)
{
    const char *eq = strchr(spec, '='), *colon = eq ? strchr(eq, ':') : NULL;
    if (!eq || !colon || eq == spec || (size_t)(eq - spec) >= vlen)
        return fk_fail(err, FK_EINVAL, NULL, "--over wants NAME=LO:HI, not '%s'", spec);
    memcpy(var, spec, (size_t)(eq - spec));
    var[eq - spec] = '\0';
    if (rat_set_str(lo, eq + 1, (size_t)(colon - eq - 1), NULL) != RAT_OK ||
        rat_set_str(hi, colon + 1, strlen(colon + 1), NULL) != RAT_OK)
        return fk_fail(err, FK_EINVAL, NULL, "--over %s: LO and HI must be exact numbers", spec);
    if (mpq_cmp(lo, hi) >= 0)
        return fk_fail(err, FK_EINVAL, NULL, "--over %s: need LO < HI", spec);
    return FK_OK;
}

/* The whole of file, NUL-terminated, in *text (malloc'ed). */
static fk_status read_text(char **text, const char *file, fk_err *err)
{
    FILE *f = fopen(file, "rb");
    long n;
    *text = NULL;
    if (!f)
        return fk_fail(err, FK_EIO, NULL, "cannot open '%s'", file);
    if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || n > (64L << 20) || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return fk_fail(err, FK_EIO, NULL, "cannot read '%s' (or larger than 64 MB)", file);
    }
    if (!(*text = malloc((size_t)n + 1))) {
        fclose(f);
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    }
    if (fread(*text, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(*text);
        *text = NULL;
        return fk_fail(err, FK_EIO, NULL, "cannot read '%s'", file);
    }
    fclose(f);
    (*text)[n] = '\0';
    return FK_OK;
}

/* The source for a case (ce NULL: the mechanism file argv[0]); with a .tsp or .bce argument, that file is what
 * varies (its numbers may be expressions in VAR, as in a .mech file); its
 * text is read once and each point's copy goes to a private directory. */
static fk_status src_case(over_src *src, const case_entry *ce, int argc, char **argv, fk_err *err)
{
    const char *tmpdir = getenv("TMPDIR"), *base;
    char *dir, *text;
    size_t len;
    int k;
    fk_status st;
    memset(src, 0, sizeof *src);
    src->ce = ce;
    src->argc = argc;
    src->argv = argv;
    src->filearg = -1;
    if (!ce) {   /* a mechanism file, argv[0]: read from memory (mech_read_stream) */
        src->file = argv[0];
        st = read_text(&text, src->file, err);
        src->text = text;
        return st;
    }
    for (k = 0; k < argc; k++)
        if (ends_with(argv[k], ".tsp") || ends_with(argv[k], ".bce") || ends_with(argv[k], ".nfg") ||
            ends_with(argv[k], ".dyn") || ends_with(argv[k], ".mech"))
            src->filearg = k;
    if (src->filearg < 0)
        return FK_OK;
    src->file = argv[src->filearg];
    if ((st = read_text(&text, src->file, err))) {
        src->filearg = -1;
        return st;
    }
    src->text = text;
    base = strrchr(src->file, '/');
    base = base ? base + 1 : src->file;
    if (!tmpdir || !*tmpdir)
        tmpdir = "/tmp";
    len = strlen(tmpdir) + strlen(base) + 40;
    if (!(src->tmp = malloc(len))) {
        free(text);
        memset(src, 0, sizeof *src);
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    }
    snprintf(src->tmp, len, "%s/farkas-over-XXXXXX", tmpdir);
    if (!(dir = mkdtemp(src->tmp))) {
        free(src->tmp);
        free(text);
        memset(src, 0, sizeof *src);
        return fk_fail(err, FK_EIO, NULL, "cannot make a temporary directory in '%s'", tmpdir);
    }
    strcat(src->tmp, "/");
    strcat(src->tmp, base);
    return FK_OK;
}

static void src_clear(over_src *src)
{
    if (src->filearg >= 0 && src->tmp) {
        char *slash = strrchr(src->tmp, '/');
        unlink(src->tmp);
        *slash = '\0';
        rmdir(src->tmp);
    }
    free(src->tmp);
    free((char *)src->text);
    memset(src, 0, sizeof *src);
}

fk_status case_over_capture(const case_entry *ce, int argc, char **argv, const char *var,
                            const mpq_t t, lp_model **lps, int max, int *nlp, fk_err *err)
{
    capture_set cs;
    over_src src;
    fk_status st;
    int k;
    memset(&cs, 0, sizeof cs);
    *nlp = 0;
    if ((st = src_case(&src, ce, argc, argv, err)))
        return st;
    st = run_at(&src, &cs, var, t, err);
    src_clear(&src);
    if (!st && cs.nlp > max)
        st = fk_fail(err, FK_ELIMIT, NULL, "%s: more than %d LPs", ce ? ce->name : argv[0], max);
    if (!st) {
        for (k = 0; k < cs.nlp; k++)
            lps[k] = cs.lp[k];
        *nlp = cs.nlp;
        cs.nlp = 0;
    }
    capture_clear(&cs);
    return st;
}

static fk_status over_models(const over_src *src, const char *what, const char *spec,
                             int degree, par_model **pms, int max, int *npm, fk_err *err)
{
    char var[64];
    mpq_t lo, hi, *ts = NULL;
    capture_set *cs = NULL;
    int N = degree + 3, k, l;
    fk_status st = FK_OK;
    mpq_init(lo);
    mpq_init(hi);
    *npm = 0;
    if (degree < 0 || degree > OVER_MAXDEG) {
        st = fk_fail(err, FK_EINVAL, NULL, "--degree must lie in 0..%d", OVER_MAXDEG);
        goto done;
    }
    if ((st = parse_over(spec, var, sizeof var, lo, hi, err)))
        goto done;
    ts = fk_qarr_new(N);
    cs = fk_calloc((size_t)N, sizeof *cs);
    if (!ts || !cs) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    /* t_k = LO + (HI - LO) k / (N + 1), k = 1..N: inside the interval, so
     * a case that refuses an end (double-auction's pi = 1/2) still runs */
    for (k = 0; k < N && !st; k++) {
        mpq_sub(ts[k], hi, lo);
        mpz_mul_ui(mpq_numref(ts[k]), mpq_numref(ts[k]), (unsigned long)(k + 1));
        mpz_mul_ui(mpq_denref(ts[k]), mpq_denref(ts[k]), (unsigned long)(N + 1));
        mpq_canonicalize(ts[k]);
        mpq_add(ts[k], ts[k], lo);
        st = run_at(src, &cs[k], var, ts[k], err);
        if (!st && (cs[k].nlp != cs[0].nlp || cs[k].nlp == 0))
            st = fk_fail(err, FK_EINVAL, NULL, "%s --over %s: the case solves %d LPs at one "
                         "point and %d at another", what, spec, cs[0].nlp, cs[k].nlp);
        for (l = 0; l < cs[k].nlp && !st; l++)
            if (strcmp(cs[k].lp[l]->name, cs[0].lp[l]->name) != 0)
                st = fk_fail(err, FK_EINVAL, NULL, "%s --over %s: the case solves different LPs "
                             "at different points ('%s', '%s')", what, spec,
                             cs[0].lp[l]->name, cs[k].lp[l]->name);
    }
    if (!st && cs[0].nlp > max)
        st = fk_fail(err, FK_ELIMIT, NULL, "%s: more than %d LPs", what, max);
    for (l = 0; !st && l < cs[0].nlp; l++) {
        lp_model *lps[OVER_MAXDEG + 3];
        for (k = 0; k < N; k++)
            lps[k] = cs[k].lp[l];
        st = par_model_interpolate(&pms[l], lps, (const mpq_t *)ts, N, degree, var, lo, hi, err);
        if (!st)
            ++*npm;
    }
    if (st) {
        for (l = 0; l < *npm; l++)
            par_model_free(pms[l]);
        *npm = 0;
    }
done:
    if (cs)
        for (k = 0; k < N; k++)
            capture_clear(&cs[k]);
    free(cs);
    fk_qarr_free(ts, N);
    mpq_clear(lo);
    mpq_clear(hi);
    return st;
}

fk_status case_over_models(const case_entry *ce, int argc, char **argv, const char *spec,
                           int degree, par_model **pms, int max, int *npm, fk_err *err)
{
    over_src src;
    fk_status st = src_case(&src, ce, argc, argv, err);
    if (!st)
        st = over_models(&src, ce ? ce->name : argv[0], spec, degree, pms, max, npm, err);
    src_clear(&src);
    return st;
}

/* the models, then per LP: files, pieces, lines, the checker */
static fk_status over_report(const over_src *src, const char *what, econ_out *o, const char *spec,
                             int degree, fk_err *err)
{
    par_model *pms[OVER_MAXLP];
    par_result rs[OVER_MAXLP];
    int npm = 0, l, k;
    fk_status st;
    size_t pre = 0;
    if ((st = over_models(src, what, spec, degree, pms, OVER_MAXLP, &npm, err)) ||
        (st = econ_out_dir(o, err)))
        goto done;
    /* labels: the LP names less the leading words they all share */
    {
        const char *n0 = pms[0]->name;
        size_t len = strlen(n0), j;
        int some_all = 0;
        for (l = 1; l < npm; l++) {
            for (j = 0; j < len && pms[l]->name[j] == n0[j]; j++)
                ;
            len = j;
        }
        for (l = 0; l < npm; l++)
            some_all |= strlen(pms[l]->name) == len;
        while (!some_all && len > 0 && n0[len - 1] != '-')
            len--;
        pre = some_all ? 0 : len;
    }
    gmp_printf("over %s in [%Qd, %Qd]: %d LP%s, interpolated from %d instances (degree <= %d)\n",
               pms[0]->pname, pms[0]->tlo, pms[0]->thi, npm, npm > 1 ? "s" : "", degree + 3, degree);
    for (l = 0; l < npm; l++)
        par_result_init(&rs[l]);
    for (l = 0; l < npm && !st; l++) {
        par_model *pm = pms[l];
        char mpath[4200], cpath[4200];
        int rc;
        snprintf(mpath, sizeof mpath, "%s/%s.pmodel", o->outdir, pm->name);
        snprintf(cpath, sizeof cpath, "%s/%s.pcert", o->outdir, pm->name);
        if ((st = par_model_write(pm, mpath, err)) || (st = par_solve(&rs[l], pm, err)) ||
            (st = par_cert_write(&rs[l], pm, mpath, cpath, err)))
            break;
        for (k = 0; k < rs[l].np; k++) {
            char *s = par_piece_str(rs[l].p + k, pm->pname);
            if (npm > 1)
                printf("%s: ", pm->name + pre);
            printf("%s\n", s ? s : "?");
            free(s);
        }
        rc = pchk_files(mpath, cpath, 1);
        o->ncert++;
        if (rc != 0)
            o->nbad++;
        if (o->quiet < 2 || rc != 0)
            printf("certificate: %s %s %s\n", mpath, cpath,
                   rc == 0 ? "accepted" : rc == 1 ? "REJECTED" : "UNREADABLE");
        if (rc != 0 && o->quiet < 2)
            pchk_files(mpath, cpath, 0);
    }
    if (!st) {
        char tpath[4200];
        snprintf(tpath, sizeof tpath, "%s/over-%s.tex", o->outdir, pms[0]->pname);
        if (!(st = prf_param_latex(tpath, pms, rs, npm, err)) && o->quiet < 2)
            printf("appendix: %s\n", tpath);
    }
    for (l = 0; l < npm; l++)
        par_result_clear(&rs[l]);
done:
    for (l = 0; l < npm; l++)
        par_model_free(pms[l]);
    return st;
}

fk_status case_over_run(const case_entry *ce, econ_out *o, int argc, char **argv,
                        const char *spec, int degree, fk_err *err)
{
    over_src src;
    fk_status st = src_case(&src, ce, argc, argv, err);
    if (!st)
        st = over_report(&src, ce->name, o, spec, degree, err);
    src_clear(&src);
    return st;
}

fk_status case_over_mech(const char *file, econ_out *o, const char *spec, int degree, fk_err *err)
{
    over_src src;
    char *argv[1];
    fk_status st;
    argv[0] = (char *)file;
    if (!(st = src_case(&src, NULL, 1, argv, err)))
        st = over_report(&src, file, o, spec, degree, err);
    src_clear(&src);
    return st;
}
