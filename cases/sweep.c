/* sweep.c: `farkas sweep` (sweep.h).
 *
 * The sweep itself schedules nothing: it writes one command line per
 * instance and hands the list to GNU parallel (or to Slurm as a job
 * array).  Each instance is an ordinary `farkas case ...` process writing
 * into its own directory; what it wrote is read back afterwards, so a crash
 * or a time-out costs one instance and nothing else. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "afile.h"
#include "case.h"
#include "fk.h"
#include "prf.h"
#include "rat.h"
#include "sweep.h"

enum { SW_MAXPAR = 8, SW_MAXINST = 1000000, SW_NAMELEN = 64 };

/* ---- target kinds ------------------------------------------------------
 * A target kind says how an instance is run: `farkas SUBCMD TARGET ARGS
 * --out DIR [QUIET]`.  A new kind (mechanism files, `farkas model
 * FILE.mech`, issue 17) is one more row:
 *     {"model", is_mech_file, "model", NULL, NULL},
 * with has_param NULL meaning "let the instance reject an unknown option". */
typedef struct {
    const char *kind;
    int (*accepts)(const char *target);
    const char *subcmd;
    const char *quiet;                                  /* or NULL */
    int (*has_param)(const char *target, const char *name);
} sw_kind;

static const case_entry *find_case(const char *name)
{
    int k;
    for (k = 0; k < case_count; k++)
        if (strcmp(case_table[k].name, name) == 0)
            return &case_table[k];
    return NULL;
}

static int is_case(const char *target)
{
    return find_case(target) != NULL;
}

/* A case takes --NAME when its usage line mentions it as a whole word. */
static int case_has_param(const char *target, const char *name)
{
    const char *u = find_case(target)->args, *p;
    size_t n = strlen(name);
    for (p = u; (p = strstr(p, "--")) != NULL; p += 2)
        if (strncmp(p + 2, name, n) == 0 &&
            (p[2 + n] == ' ' || p[2 + n] == ']' || p[2 + n] == '\0'))
            return 1;
    return 0;
}

static const sw_kind sw_kinds[] = {
    {"case", is_case, "case", "--quiet", case_has_param},
};

/* ---- small helpers ----------------------------------------------------- */

/* The whole file as a NUL-terminated string, or NULL. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL, *nb;
    size_t len = 0, cap = 0, got;
    if (!f)
        return NULL;
    for (;;) {
        if (len + 4097 > cap) {
            cap = 2 * cap + 8192;
            if (!(nb = realloc(buf, cap))) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        got = fread(buf + len, 1, 4096, f);
        len += got;
        if (got < 4096)
            break;
    }
    fclose(f);
    buf[len] = '\0';
    return buf;
}

/* mkdir -p, as the cases make their output directories. */
static fk_status mkdir_p(const char *path, fk_err *err)
{
    econ_out o;
    memset(&o, 0, sizeof o);
    o.outdir = path;
    return econ_out_dir(&o, err);
}

/* Write s to path through an atomic file. */
static fk_status put_file(const char *path, const char *s, fk_err *err)
{
    afile a;
    fk_status st = afile_open(&a, path, err);
    if (st)
        return st;
    fputs(s, a.f);
    return afile_commit(&a, err);
}

/* A growing string (text of the spec, the job list, ...). */
typedef struct {
    char *s;
    size_t len, cap;
    int oom;
} sbuf;

static void sb_add(sbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void sb_add(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    if (b->oom)
        return;
    va_start(ap, fmt);
    n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->oom = 1;
        return;
    }
    if (!b->s || b->len + (size_t)n + 1 > b->cap) {
        size_t cap = 2 * (b->len + (size_t)n + 1) + 256;
        char *ns = realloc(b->s, cap);
        if (!ns) {
            b->oom = 1;
            return;
        }
        b->s = ns;
        b->cap = cap;
        va_start(ap, fmt);
        vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
}

/* s quoted for sh: '...' with ' written '\''. */
static void sb_shq(sbuf *b, const char *s)
{
    sb_add(b, "'");
    for (; *s; s++)
        if (*s == '\'')
            sb_add(b, "'\\''");
        else
            sb_add(b, "%c", *s);
    sb_add(b, "'");
}

static char *qstr(const mpq_t v)
{
    char *s = rat_get_str(v);
    return s ? s : fk_strdup("?");
}

/* ---- the sweep's description ------------------------------------------- */

typedef struct {
    char name[SW_NAMELEN];
    int random;
    mpq_t lo, hi;
    long steps;
} sw_param;

typedef struct {
    const sw_kind *kind;
    const char *target;
    char **args;          /* the target's own arguments (pointers into argv) */
    int nargs;
    sw_param par[SW_MAXPAR];
    int npar;
    long count, denom;
    unsigned long long seed;
    int have_seed;
    const char *until, *out;
    long jobs, timeout, chunk;
    int slurm;
    long ninst;
    mpq_t *val;           /* ninst * npar values */
} sw_spec;

static void spec_init(sw_spec *s)
{
    int k;
    memset(s, 0, sizeof *s);
    for (k = 0; k < SW_MAXPAR; k++) {
        mpq_init(s->par[k].lo);
        mpq_init(s->par[k].hi);
    }
    s->denom = 100;
    s->jobs = 2;
    s->timeout = 3600;
}

static void spec_clear(sw_spec *s)
{
    int k;
    for (k = 0; k < SW_MAXPAR; k++) {
        mpq_clear(s->par[k].lo);
        mpq_clear(s->par[k].hi);
    }
    fk_qarr_free(s->val, s->ninst * s->npar);
    free(s->args);
    s->val = NULL;
    s->args = NULL;
}

static fk_status parse_q(mpq_t q, const char *s, size_t len, const char *what, fk_err *err)
{
    if (len == 0 || rat_set_str(q, s, len, NULL) != RAT_OK)
        return fk_fail(err, FK_EINVAL, NULL, "sweep: bad number '%.*s' in %s", (int)len, s, what);
    return FK_OK;
}

/* NAME=LO:HI[:STEPS] (STEPS iff grid). */
static fk_status parse_param(sw_spec *s, const char *a, int random, fk_err *err)
{
    const char *eq = strchr(a, '='), *c1, *c2;
    sw_param *p;
    size_t n;
    fk_status st;
    int k;
    if (s->npar >= SW_MAXPAR)
        return fk_fail(err, FK_ELIMIT, NULL, "sweep: at most %d parameters", SW_MAXPAR);
    p = &s->par[s->npar];
    n = eq ? (size_t)(eq - a) : 0;
    if (!eq || n == 0 || n >= SW_NAMELEN)
        return fk_fail(err, FK_EINVAL, NULL, "sweep: expected NAME=LO:HI%s, got '%s'",
                       random ? "" : ":STEPS", a);
    for (k = 0; k < (int)n; k++)
        if (!((a[k] >= 'a' && a[k] <= 'z') || (a[k] >= 'A' && a[k] <= 'Z') ||
              (k > 0 && ((a[k] >= '0' && a[k] <= '9') || a[k] == '-' || a[k] == '_'))))
            return fk_fail(err, FK_EINVAL, NULL, "sweep: bad parameter name '%.*s'", (int)n, a);
    memcpy(p->name, a, n);
    p->name[n] = '\0';
    for (k = 0; k < s->npar; k++)
        if (strcmp(s->par[k].name, p->name) == 0)
            return fk_fail(err, FK_EINVAL, NULL, "sweep: parameter '%s' given twice", p->name);
    c1 = strchr(eq + 1, ':');
    c2 = c1 ? strchr(c1 + 1, ':') : NULL;
    if (!c1 || (random && c2) || (!random && !c2))
        return fk_fail(err, FK_EINVAL, NULL, "sweep: expected NAME=LO:HI%s, got '%s'",
                       random ? "" : ":STEPS", a);
    if ((st = parse_q(p->lo, eq + 1, (size_t)(c1 - eq - 1), a, err)) ||
        (st = parse_q(p->hi, c1 + 1, c2 ? (size_t)(c2 - c1 - 1) : strlen(c1 + 1), a, err)))
        return st;
    if (mpq_cmp(p->lo, p->hi) > 0)
        return fk_fail(err, FK_EINVAL, NULL, "sweep: %s: LO > HI", a);
    p->random = random;
    if (!random) {
        char *end;
        errno = 0;
        p->steps = strtol(c2 + 1, &end, 10);
        if (*end || c2[1] == '\0' || errno || p->steps < 1 || p->steps > SW_MAXINST)
            return fk_fail(err, FK_EINVAL, NULL, "sweep: %s: STEPS must be 1..%d", a, SW_MAXINST);
        if (p->steps == 1 && !mpq_equal(p->lo, p->hi))
            return fk_fail(err, FK_EINVAL, NULL, "sweep: %s: one step needs LO = HI", a);
    }
    s->npar++;
    return FK_OK;
}

static fk_status parse_long(long *v, const char *s, long lo, long hi, const char *what, fk_err *err)
{
    char *end;
    errno = 0;
    *v = strtol(s, &end, 10);
    if (!*s || *end || errno || *v < lo || *v > hi)
        return fk_fail(err, FK_EINVAL, NULL, "sweep: %s must be an integer in %ld..%ld, got '%s'",
                       what, lo, hi, s);
    return FK_OK;
}

static const char *const sw_verdicts[] = {"optimal", "infeasible", "unbounded", "feasible",
                                          "rejected", "crash", "timeout", "error", "no-verdict"};

static fk_status check_until(const char *u, fk_err *err)
{
    const char *v = strchr(u, '=');
    size_t k;
    v = v ? v + 1 : u;
    for (k = 0; k < sizeof sw_verdicts / sizeof sw_verdicts[0]; k++)
        if (strcmp(v, sw_verdicts[k]) == 0)
            return FK_OK;
    return fk_fail(err, FK_EINVAL, NULL, "sweep: --until %s: the verdict must be one of optimal, "
                   "infeasible, unbounded, feasible, rejected, crash, timeout, error, no-verdict", u);
}

static fk_status parse_args(sw_spec *s, int argc, char **argv, fk_err *err)
{
    size_t k;
    int i, ngrid = 0, nrand = 0;
    fk_status st;
    s->target = argv[1];
    for (k = 0; k < sizeof sw_kinds / sizeof sw_kinds[0] && !s->kind; k++)
        if (sw_kinds[k].accepts(s->target))
            s->kind = &sw_kinds[k];
    if (!s->kind)
        return fk_fail(err, FK_EINVAL, NULL, "sweep: '%s' is not a case (try 'farkas case list')",
                       s->target);
    if (!(s->args = fk_calloc((size_t)argc, sizeof *s->args)))
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    for (i = 2; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        int takes = 1;
        if (strcmp(a, "--grid") == 0 && v)
            st = parse_param(s, v, 0, err), ngrid++;
        else if (strcmp(a, "--random") == 0 && v)
            st = parse_param(s, v, 1, err), nrand++;
        else if (strcmp(a, "--count") == 0 && v)
            st = parse_long(&s->count, v, 1, SW_MAXINST, "--count", err);
        else if (strcmp(a, "--seed") == 0 && v) {
            long sd;
            st = parse_long(&sd, v, 0, LONG_MAX, "--seed", err);
            s->seed = (unsigned long long)sd;
            s->have_seed = 1;
        } else if (strcmp(a, "--denom") == 0 && v)
            st = parse_long(&s->denom, v, 1, 1000000, "--denom", err);
        else if (strcmp(a, "--jobs") == 0 && v)
            st = parse_long(&s->jobs, v, 1, 4096, "--jobs", err);
        else if (strcmp(a, "--timeout") == 0 && v)
            st = parse_long(&s->timeout, v, 0, 100000000, "--timeout", err);
        else if (strcmp(a, "--chunk") == 0 && v)
            st = parse_long(&s->chunk, v, 1, SW_MAXINST, "--chunk", err);
        else if (strcmp(a, "--until") == 0 && v)
            st = check_until(v, err), s->until = v;
        else if (strcmp(a, "--out") == 0 && v)
            st = FK_OK, s->out = v;
        else if (strcmp(a, "--slurm") == 0)
            st = FK_OK, s->slurm = 1, takes = 0;
        else if (strcmp(a, "--quiet") == 0)
            st = FK_OK, takes = 0; /* instances are always quiet */
        else if (strchr(a, '\t') || strchr(a, '\n'))
            return fk_fail(err, FK_EINVAL, NULL, "sweep: an argument holds a tab or newline");
        else
            st = FK_OK, takes = 0, s->args[s->nargs++] = argv[i];
        if (st)
            return st;
        i += takes;
    }
    if (!s->out)
        return fk_fail(err, FK_EINVAL, NULL, "sweep: --out DIR is required");
    if (s->npar == 0)
        return fk_fail(err, FK_EINVAL, NULL, "sweep: give --grid NAME=LO:HI:STEPS or --random NAME=LO:HI");
    if (ngrid && nrand)
        return fk_fail(err, FK_EINVAL, NULL, "sweep: --grid and --random cannot be mixed");
    if (nrand && (!s->count || !s->have_seed))
        return fk_fail(err, FK_EINVAL, NULL, "sweep: --random needs --count N and --seed S");
    if (ngrid && (s->count || s->have_seed))
        return fk_fail(err, FK_EINVAL, NULL, "sweep: --count and --seed belong to --random");
    if (s->chunk && !s->slurm)
        return fk_fail(err, FK_EINVAL, NULL, "sweep: --chunk belongs to --slurm");
    for (i = 0; i < s->npar; i++)
        if (s->kind->has_param && !s->kind->has_param(s->target, s->par[i].name))
            return fk_fail(err, FK_EINVAL, NULL, "sweep: %s %s has no option --%s", s->kind->kind,
                           s->target, s->par[i].name);
    for (i = 0; i < s->nargs; i++)
        if (strcmp(s->args[i], "--out") == 0)
            return fk_fail(err, FK_EINVAL, NULL, "sweep: --out is the sweep's own");
    return FK_OK;
}

/* ---- instances --------------------------------------------------------- */

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Uniform in [0, n), n >= 1, without modulo bias. */
static uint64_t uniform(uint64_t *x, uint64_t n)
{
    uint64_t lim = UINT64_MAX - UINT64_MAX % n, r;
    do
        r = splitmix(x);
    while (r >= lim);
    return r % n;
}

/* A random n/d in [lo, hi] with 1 <= d <= D (see sweep.h). */
static fk_status draw(mpq_t out, const sw_param *p, long D, uint64_t *rng, fk_err *err)
{
    mpz_t a, b, t;
    fk_status st = FK_OK;
    long d, tries, any = 0;
    mpz_init(a);
    mpz_init(b);
    mpz_init(t);
    for (d = 1; d <= D && !any; d++) { /* is there any? */
        mpz_mul_ui(t, mpq_numref(p->lo), (unsigned long)d);
        mpz_cdiv_q(a, t, mpq_denref(p->lo));
        mpz_mul_ui(t, mpq_numref(p->hi), (unsigned long)d);
        mpz_fdiv_q(b, t, mpq_denref(p->hi));
        any = mpz_cmp(a, b) <= 0;
    }
    if (!any) {
        st = fk_fail(err, FK_EINVAL, NULL, "sweep: no rational with denominator <= %ld lies in %s's range",
                     D, p->name);
        goto done;
    }
    for (tries = 0;; tries++) {
        d = 1 + (long)uniform(rng, (uint64_t)D);
        mpz_mul_ui(t, mpq_numref(p->lo), (unsigned long)d);
        mpz_cdiv_q(a, t, mpq_denref(p->lo));
        mpz_mul_ui(t, mpq_numref(p->hi), (unsigned long)d);
        mpz_fdiv_q(b, t, mpq_denref(p->hi));
        if (mpz_cmp(a, b) > 0)
            continue;
        mpz_sub(t, b, a);
        if (!mpz_fits_ulong_p(t) || mpz_get_ui(t) >= UINT64_MAX) {
            st = fk_fail(err, FK_ELIMIT, NULL, "sweep: %s's range is too wide for --random", p->name);
            goto done;
        }
        mpz_add_ui(a, a, (unsigned long)uniform(rng, (uint64_t)mpz_get_ui(t) + 1));
        mpz_set(mpq_numref(out), a);
        mpz_set_ui(mpq_denref(out), (unsigned long)d);
        mpq_canonicalize(out);
        break;
    }
done:
    mpz_clear(t);
    mpz_clear(b);
    mpz_clear(a);
    return st;
}

static fk_status make_instances(sw_spec *s, fk_err *err)
{
    long n = 1, i;
    int k;
    fk_status st = FK_OK;
    if (s->par[0].random)
        n = s->count;
    else
        for (k = 0; k < s->npar; k++) {
            if (n > SW_MAXINST / s->par[k].steps)
                return fk_fail(err, FK_ELIMIT, NULL, "sweep: more than %d instances", SW_MAXINST);
            n *= s->par[k].steps;
        }
    if (!(s->val = fk_qarr_new(n * s->npar)))
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    s->ninst = n;
    if (s->par[0].random) {
        uint64_t rng = s->seed;
        for (i = 0; i < n && !st; i++)
            for (k = 0; k < s->npar && !st; k++)
                st = draw(s->val[i * s->npar + k], &s->par[k], s->denom, &rng, err);
        return st;
    }
    for (i = 0; i < n; i++) {
        long rest = i;
        for (k = s->npar - 1; k >= 0; k--) { /* last parameter fastest */
            const sw_param *p = &s->par[k];
            mpq_ptr v = s->val[i * s->npar + k];
            long j = rest % p->steps;
            rest /= p->steps;
            mpq_set(v, p->lo);
            if (p->steps > 1) {
                mpq_t t;
                mpq_init(t);
                mpq_sub(t, p->hi, p->lo);
                mpz_mul_ui(mpq_numref(t), mpq_numref(t), (unsigned long)j);
                mpz_mul_ui(mpq_denref(t), mpq_denref(t), (unsigned long)(p->steps - 1));
                mpq_canonicalize(t);
                mpq_add(v, v, t);
                mpq_clear(t);
            }
        }
    }
    return FK_OK;
}

/* The instance's argument list: the target's arguments with each swept
 * --NAME's value replaced (or --NAME VALUE appended). */
static void job_line(sbuf *b, const sw_spec *s, long i)
{
    int k, a;
    sb_add(b, "%06ld\t%s\t%s", i + 1, s->kind->subcmd, s->target);
    for (a = 0; a < s->nargs; a++) {
        sb_add(b, "\t%s", s->args[a]);
        for (k = 0; k < s->npar; k++)
            if (s->args[a][0] == '-' && s->args[a][1] == '-' &&
                strcmp(s->args[a] + 2, s->par[k].name) == 0 && a + 1 < s->nargs) {
                char *v = qstr(s->val[i * s->npar + k]);
                sb_add(b, "\t%s", v);
                free(v);
                a++;
            }
    }
    for (k = 0; k < s->npar; k++) {
        int given = 0;
        for (a = 0; a + 1 < s->nargs; a++)
            given |= s->args[a][0] == '-' && s->args[a][1] == '-' &&
                     strcmp(s->args[a] + 2, s->par[k].name) == 0;
        if (!given) {
            char *v = qstr(s->val[i * s->npar + k]);
            sb_add(b, "\t--%s\t%s", s->par[k].name, v);
            free(v);
        }
    }
    if (s->kind->quiet)
        sb_add(b, "\t%s", s->kind->quiet);
    sb_add(b, "\n");
}

/* ---- the directory ----------------------------------------------------- */

static void spec_text(sbuf *b, const sw_spec *s)
{
    int k;
    sb_add(b, "farkas-sweep 1\nkind %s\ntarget %s\n", s->kind->kind, s->target);
    for (k = 0; k < s->nargs; k++)
        sb_add(b, "arg %s\n", s->args[k]);
    for (k = 0; k < s->npar; k++) {
        char *lo = qstr(s->par[k].lo), *hi = qstr(s->par[k].hi);
        if (s->par[k].random)
            sb_add(b, "random %s %s %s\n", s->par[k].name, lo, hi);
        else
            sb_add(b, "grid %s %s %s %ld\n", s->par[k].name, lo, hi, s->par[k].steps);
        free(lo);
        free(hi);
    }
    if (s->par[0].random)
        sb_add(b, "count %ld\nseed %llu\ndenom %ld\n", s->count, s->seed, s->denom);
    sb_add(b, "instances %ld\ncommand farkas sweep %s", s->ninst, s->target);
    for (k = 0; k < s->nargs; k++)
        sb_add(b, " %s", s->args[k]);
    for (k = 0; k < s->npar; k++) {
        char *lo = qstr(s->par[k].lo), *hi = qstr(s->par[k].hi);
        if (s->par[k].random)
            sb_add(b, " --random %s=%s:%s", s->par[k].name, lo, hi);
        else
            sb_add(b, " --grid %s=%s:%s:%ld", s->par[k].name, lo, hi, s->par[k].steps);
        free(lo);
        free(hi);
    }
    if (s->par[0].random)
        sb_add(b, " --count %ld --seed %llu --denom %ld", s->count, s->seed, s->denom);
    sb_add(b, "\n");
}

/* The absolute path of the running farkas: the instances run the same one
 * (or $FK_SWEEP_FARKAS, e.g. where a cluster installs it elsewhere). */
static fk_status self_exe(char *buf, size_t len, fk_err *err)
{
    const char *env = getenv("FK_SWEEP_FARKAS");
    ssize_t n;
    if (env && *env) {
        if (env[0] != '/' || strlen(env) >= len)
            return fk_fail(err, FK_EINVAL, NULL, "sweep: FK_SWEEP_FARKAS must be an absolute path");
        snprintf(buf, len, "%s", env);
        return FK_OK;
    }
    n = readlink("/proc/self/exe", buf, len - 1);
    if (n <= 0 || (size_t)n >= len - 1)
        return fk_fail(err, FK_EIO, NULL, "sweep: cannot find the farkas binary (/proc/self/exe)");
    buf[n] = '\0';
    return FK_OK;
}

static fk_status write_job_sh(const char *path, const char *exe, const char *dir,
                              const char *cwd, long timeout, fk_err *err)
{
    sbuf b = {0};
    fk_status st;
    sb_add(&b, "#!/bin/sh\n"
               "# job.sh ID ARG...: one instance of this sweep (written by `farkas sweep`).\n"
               "# Runs `farkas ARG... --out runs/ID` under the time limit, has `farkas check`\n"
               "# verify each certificate it wrote, and `farkas sweep --record` turn that into\n"
               "# runs/ID/rows.tsv, which marks the instance done.\n"
               "set -u\nF=");
    sb_shq(&b, exe);
    sb_add(&b, "\nD=");
    sb_shq(&b, dir);
    sb_add(&b, "\nT=%ld\ncd ", timeout);
    sb_shq(&b, cwd);
    sb_add(&b, " || exit 3\n"
               "id=$1; shift\n"
               "r=\"$D/runs/$id\"\n"
               "[ -f \"$r/rows.tsv\" ] && exit 0\n"
               "mkdir -p \"$r\" || exit 3\n"
               "echo \"$$\" >> \"$r/attempts\"\n"
               "timeout -k 10 \"$T\" \"$F\" \"$@\" --out \"$r\" > \"$r/log\" 2>&1\n"
               "echo $? > \"$r/rc\"\n"
               "for c in \"$r\"/*.cert; do\n"
               "    [ -f \"$c\" ] || continue\n"
               "    \"$F\" check \"${c%%.cert}.mps\" \"$c\" --quiet > \"$c.check\" 2>&1\n"
               "    echo $? > \"$c.rc\"\n"
               "done\n"
               "exec \"$F\" sweep --record \"$D\" \"$id\"\n");
    if (b.oom)
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    else
        st = put_file(path, b.s, err);
    free(b.s);
    return st;
}

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
static int record_cmd(const char *dir, const char *id)
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
    if ((txt = slurp(path)) != NULL) {
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
        txt = slurp(path);
        if (!txt || !cert_line(txt, "status", stat_, sizeof stat_))
            snprintf(stat_, sizeof stat_, "unreadable");
        if (!txt || !cert_line(txt, "objective", val, sizeof val))
            snprintf(val, sizeof val, "-");
        free(txt);
        snprintf(path, sizeof path, "%s/%s.rc", rdir, names[k]);
        if ((txt = slurp(path)) != NULL) {
            crc = atoi(txt);
            free(txt);
        }
        snprintf(checked, sizeof checked, "%s",
                 crc == 0 ? "accepted" : crc == 1 ? "rejected" : crc == 2 ? "unreadable" : "not-checked");
        bad |= crc != 0;
        sb_add(&b, "%s\t%s\t%s\truns/%s/%s\t%s\n", lp, stat_, val, id, names[k], checked);
        if (until && until_match(until, lp, stat_, checked))
            hit = 1;
    }
    if (rc != 0 && !(rc == 1 && bad)) {
        const char *st = rc < 0 ? "crash" : rc_status(rc);
        sb_add(&b, "-\t%s\t-\truns/%s/log\t-\n", st, id);
        if (until && until_match(until, "-", st, "-"))
            hit = 1;
    }
    for (k = 0; k < nn; k++)
        free(names[k]);
    free(names);
    snprintf(path, sizeof path, "%s/rows.tsv", rdir);
    if (b.oom || put_file(path, b.s ? b.s : "", &err)) {
        free(b.s);
        fk_err_print(&err);
        return 2;
    }
    free(b.s);
    if (hit) { /* tells Slurm tasks (which have no --halt) to stop too */
        snprintf(path, sizeof path, "%s/until.hit", dir);
        put_file(path, id, &err);
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
    if (!(txt = slurp(path)))
        return fk_fail(err, FK_EIO, NULL, "sweep: %s is not a sweep directory (no sweep.spec)", dir);
    r->command = txt;
    snprintf(path, sizeof path, "%s/instances.tsv", dir);
    if (!(txt = slurp(path)))
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
        if (!(txt = slurp(path)))
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
            sb_add(b, "&lt;");
        else if (*s == '&')
            sb_add(b, "&amp;");
        else
            sb_add(b, "%c", *s);
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
    sb_add(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
               "font-family=\"sans-serif\" font-size=\"11\">\n", left + wpx + 150, top + hpx + 70);
    sb_add(&b, "<text x=\"%d\" y=\"20\" font-size=\"14\">", left);
    svg_text(&b, lab);
    sb_add(&b, ": verdict over (%s, %s)</text>\n", r->pname[0], r->pname[1]);
    for (in = 0; in < r->ninst; in++) {
        const sw_row *w = row[in] >= 0 ? &r->row[row[in]] : NULL;
        const char *col = w ? sw_look[look(w)].color : "#ffffff";
        if (gridded) {
            long i = axis_pos(r, ax[0], n0, in, 0), j = axis_pos(r, ax[1], n1, in, 1);
            sb_add(&b, "<rect x=\"%ld\" y=\"%ld\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#fff\">"
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
            sb_add(&b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s=%s %s=%s: %s</title></circle>\n",
                   left + x * wpx, top + (1 - y) * hpx, col, r->pname[0], r->vals[in * r->npar],
                   r->pname[1], r->vals[in * r->npar + 1], w ? w->status : "not run");
        }
    }
    if (gridded) { /* exact tick labels */
        for (k = 0; k < n0; k++)
            sb_add(&b, "<text transform=\"translate(%ld,%d) rotate(60)\">%s</text>\n",
                   left + k * cell + cell / 2 - 3, top + hpx + 6, r->vals[ax[0][k] * r->npar]);
        for (k = 0; k < n1; k++)
            sb_add(&b, "<text x=\"%d\" y=\"%ld\" text-anchor=\"end\">%s</text>\n", left - 4,
                   top + (n1 - 1 - k) * cell + cell / 2 + 4, r->vals[ax[1][k] * r->npar + 1]);
    } else {
        sb_add(&b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>\n",
               left, top, wpx, hpx);
        sb_add(&b, "<text x=\"%d\" y=\"%d\">%g</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%g</text>\n",
               left, top + hpx + 14, lo[0], left + wpx, top + hpx + 14, hi[0]);
        sb_add(&b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%g</text><text x=\"%d\" y=\"%d\" "
                   "text-anchor=\"end\">%g</text>\n", left - 4, top + hpx, lo[1], left - 4, top + 10, hi[1]);
    }
    sb_add(&b, "<text x=\"%d\" y=\"%d\">%s</text>\n", left + wpx / 2, top + hpx + 60, r->pname[0]);
    sb_add(&b, "<text x=\"10\" y=\"%d\">%s</text>\n", top + hpx / 2, r->pname[1]);
    for (c = 0; c < sizeof sw_look / sizeof sw_look[0]; c++)
        sb_add(&b, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                   "<text x=\"%d\" y=\"%d\">%s</text>\n",
               left + wpx + 20, top + (int)c * 18, sw_look[c].color, left + wpx + 38,
               top + (int)c * 18 + 10, sw_look[c].status);
    sb_add(&b, "</svg>\n");
    snprintf(path, sizeof path, "%s/%s", dir, fname);
    st = b.oom ? fk_fail(err, FK_ENOMEM, NULL, "out of memory") : put_file(path, b.s, err);
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
    sb_add(b, "\n## Verdict regions\n\nText grids: one character per instance, O optimal, I infeasible, "
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
        sb_add(b, "\n### %s\n\n![%s](%s)\n", labs[l], labs[l], fname);
        if (n0 <= 0 || n1 <= 0)
            continue;
        sb_add(b, "\n```\n");
        for (j = n1 - 1; j >= 0; j--) {
            sb_add(b, "%s=%-8s ", r->pname[1], r->vals[ax[1][j] * r->npar + 1]);
            for (i = 0; i < n0; i++) {
                long in = cellmap[i * n1 + j];
                sb_add(b, "%c", in >= 0 && row[in] >= 0 ? sw_look[look(&r->row[row[in]])].ch : '.');
            }
            sb_add(b, "\n");
        }
        sb_add(b, "%*s %s = ", (int)strlen(r->pname[1]) + 9, "", r->pname[0]);
        for (i = 0; i < n0; i++)
            sb_add(b, "%s%s", i ? ", " : "", r->vals[ax[0][i] * r->npar]);
        sb_add(b, " (left to right)\n```\n");
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
    sb_add(b, md ? "%ld of %ld instances done; %ld LPs, %ld certificates accepted by `farkas check`, "
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
        sb_add(b, md ? "| %s | %s | %ld |\n" : "  %-16s %-12s %ld\n", lb, r->row[i].status, n);
    }
}

static fk_status write_results(const sw_res *r, const char *dir, fk_err *err)
{
    sbuf t = {0}, m = {0};
    char path[4400];
    long i;
    int k;
    fk_status st;
    sb_add(&t, "label");
    for (k = 0; k < r->npar; k++)
        sb_add(&t, "\t%s", r->pname[k]);
    sb_add(&t, "\tstatus\tvalue\tcertificate\tchecked\n");
    for (i = 0; i < r->nrow; i++) {
        const sw_row *w = &r->row[i];
        sb_add(&t, "%s", label_of(r, w));
        for (k = 0; k < r->npar; k++)
            sb_add(&t, "\t%s", r->vals[w->inst * r->npar + k]);
        sb_add(&t, "\t%s\t%s\t%s\t%s\n", w->status, w->value, w->cert, w->checked);
    }
    {
        const char *c = strstr(r->command, "\ncommand ");
        int n = c ? (int)strcspn(c + 9, "\n") : 0;
        sb_add(&m, "# Sweep\n\n    %.*s\n\n", n, c ? c + 9 : "");
    }
    counts(&m, r, 1);
    if ((st = regions(&m, r, dir, err))) {
        free(t.s);
        free(m.s);
        return st;
    }
    sb_add(&m, "\nEvery LP: `results.tsv`; each instance's files: `runs/ID/` (ids in `instances.tsv`).\n");
    if (t.oom || m.oom) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    } else {
        snprintf(path, sizeof path, "%s/results.tsv", dir);
        st = put_file(path, t.s, err);
        snprintf(path, sizeof path, "%s/summary.md", dir);
        if (!st)
            st = put_file(path, m.s, err);
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
static int collect(const char *dir, const char *until)
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

/* ---- running ----------------------------------------------------------- */

static fk_status run_parallel(const sw_spec *s, const char *dir, fk_err *err)
{
    char jobs[32], joblog[4400], jobsh[4400], list[4400], plog[4400];
    char *av[16];
    int n = 0, status;
    pid_t pid;
    snprintf(jobs, sizeof jobs, "%ld", s->jobs);
    snprintf(joblog, sizeof joblog, "%s/joblog", dir);
    snprintf(jobsh, sizeof jobsh, "%s/job.sh", dir);
    snprintf(list, sizeof list, "%s/jobs.txt", dir);
    snprintf(plog, sizeof plog, "%s/parallel.log", dir);
    av[n++] = "parallel";
    av[n++] = "--jobs";
    av[n++] = jobs;
    av[n++] = "--joblog";
    av[n++] = joblog;
    av[n++] = "--resume-failed"; /* a job that failed before recording is run again */
    av[n++] = "--colsep";
    av[n++] = "\t";
    if (s->until) {
        av[n++] = "--halt";
        av[n++] = "soon,fail=1";
    }
    av[n++] = "sh";
    av[n++] = jobsh;
    av[n++] = "::::";
    av[n++] = list;
    av[n] = NULL;
    if (s->until)
        setenv("FK_SWEEP_UNTIL", s->until, 1);
    else
        unsetenv("FK_SWEEP_UNTIL");
    fflush(NULL);
    pid = fork();
    if (pid < 0)
        return fk_fail(err, FK_EIO, NULL, "sweep: fork: %s", strerror(errno));
    if (pid == 0) {
        /* parallel reports each --until hit as "This job failed": keep its
         * messages in DIR/parallel.log, not on the user's terminal. */
        FILE *lf = freopen(plog, "w", stderr);
        (void)lf;
        execvp(av[0], av);
        _exit(127);
    }
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return fk_fail(err, FK_EIO, NULL, "sweep: waitpid: %s", strerror(errno));
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
        return fk_fail(err, FK_EIO, NULL, "sweep: cannot run GNU parallel (on Debian: apt-get install parallel)");
    if (WIFEXITED(status) && WEXITSTATUS(status) == 255)
        return fk_fail(err, FK_EIO, NULL, "sweep: GNU parallel failed (see %s)", plog);
    return FK_OK;
}

static fk_status write_slurm(const sw_spec *s, const char *dir, const char *cwd, fk_err *err)
{
    sbuf b = {0};
    char path[4400];
    long chunk = s->chunk ? s->chunk : (s->ninst + 999) / 1000, ntask;
    fk_status st;
    ntask = (s->ninst + chunk - 1) / chunk;
    sb_add(&b, "#!/bin/sh\n"
               "# A Slurm job array for this sweep (written by `farkas sweep --slurm`): task k runs\n"
               "# instances (k-1)*%ld+1 .. k*%ld of jobs.txt, one after the other, each through job.sh.\n"
               "# Submit with `sbatch slurm.sh`; when the tasks are done, `farkas sweep --collect DIR`.\n"
               "# Resubmitting skips finished instances.\n"
               "#SBATCH --job-name=farkas-sweep\n"
               "#SBATCH --array=1-%ld\n"
               "#SBATCH --ntasks=1\n"
               "#SBATCH --cpus-per-task=1\n"
               "#SBATCH --output=%s/slurm/task-%%a.out\n",
           chunk, chunk, ntask, dir);
    if (s->timeout > 0) {
        long min = (chunk * (s->timeout + 60) + 59) / 60;
        sb_add(&b, "#SBATCH --time=%ld\n", min);
    }
    sb_add(&b, "D=");
    sb_shq(&b, dir);
    sb_add(&b, "\ncd ");
    sb_shq(&b, cwd);
    sb_add(&b, " || exit 3\n");
    if (s->until) {
        sb_add(&b, "FK_SWEEP_UNTIL=");
        sb_shq(&b, s->until);
        sb_add(&b, "; export FK_SWEEP_UNTIL\n");
    }
    sb_add(&b, "first=$(( (SLURM_ARRAY_TASK_ID - 1) * %ld + 1 ))\n"
               "last=$(( first + %ld - 1 ))\n"
               "sed -n \"${first},${last}p\" \"$D/jobs.txt\" | while IFS= read -r line; do\n"
               "%s"
               "    (IFS='\t'; set -f; sh \"$D/job.sh\" $line)\n"
               "done\n",
           chunk, chunk, s->until ? "    [ -e \"$D/until.hit\" ] && break\n" : "");
    snprintf(path, sizeof path, "%s/slurm", dir);
    if (b.oom)
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    else if (!(st = mkdir_p(path, err))) {
        snprintf(path, sizeof path, "%s/slurm.sh", dir);
        st = put_file(path, b.s, err);
    }
    free(b.s);
    if (!st)
        printf("wrote %s/slurm.sh: a job array of %ld tasks, %ld instance%s each (%ld in all)\n"
               "submit: sbatch %s/slurm.sh\nthen:   farkas sweep --collect %s\n",
               dir, ntask, chunk, chunk == 1 ? "" : "s", s->ninst, dir, dir);
    return st;
}

static int sweep_run(int argc, char **argv)
{
    sw_spec s;
    sbuf spec = {0}, jobs = {0}, inst = {0};
    char dir[4096], cwd[4096], exe[4096], path[4400], *old = NULL;
    fk_err err;
    fk_status st;
    long i;
    int k, rc = 2;
    spec_init(&s);
    fk_err_clear(&err);
    if ((st = parse_args(&s, argc, argv, &err)) || (st = make_instances(&s, &err)) ||
        (st = mkdir_p(s.out, &err)) || (st = self_exe(exe, sizeof exe, &err)))
        goto done;
    /* Absolute paths: job.sh and slurm.sh run from anywhere. */
    if (!getcwd(cwd, sizeof cwd) ||
        (size_t)snprintf(dir, sizeof dir, "%s%s%s", s.out[0] == '/' ? "" : cwd,
                         s.out[0] == '/' ? "" : "/", s.out) >= sizeof dir) {
        st = fk_fail(&err, FK_EIO, NULL, "sweep: cannot resolve %s", s.out);
        goto done;
    }
    spec_text(&spec, &s);
    sb_add(&inst, "id");
    for (k = 0; k < s.npar; k++)
        sb_add(&inst, "\t%s", s.par[k].name);
    sb_add(&inst, "\n");
    for (i = 0; i < s.ninst; i++) {
        sb_add(&inst, "%06ld", i + 1);
        for (k = 0; k < s.npar; k++) {
            char *v = qstr(s.val[i * s.npar + k]);
            sb_add(&inst, "\t%s", v);
            free(v);
        }
        sb_add(&inst, "\n");
        job_line(&jobs, &s, i);
    }
    if (spec.oom || jobs.oom || inst.oom) {
        st = fk_fail(&err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    snprintf(path, sizeof path, "%s/sweep.spec", dir);
    if ((old = slurp(path)) != NULL && strcmp(old, spec.s) != 0) {
        st = fk_fail(&err, FK_EINVAL, NULL, "sweep: %s holds a different sweep (see %s); "
                     "use another --out", s.out, path);
        goto done;
    }
    if ((!old && (st = put_file(path, spec.s, &err))))
        goto done;
    snprintf(path, sizeof path, "%s/instances.tsv", dir);
    if ((st = put_file(path, inst.s, &err)))
        goto done;
    snprintf(path, sizeof path, "%s/jobs.txt", dir);
    if ((st = put_file(path, jobs.s, &err)))
        goto done;
    snprintf(path, sizeof path, "%s/runs", dir);
    if ((st = mkdir_p(path, &err)))
        goto done;
    snprintf(path, sizeof path, "%s/job.sh", dir);
    if ((st = write_job_sh(path, exe, dir, cwd, s.timeout, &err)))
        goto done;
    if (s.slurm) {
        st = write_slurm(&s, dir, cwd, &err);
        rc = st ? 2 : 0;
        goto done;
    }
    printf("sweep: %ld instances of %s %s in %s (%ld jobs, %lds each at most)\n", s.ninst,
           s.kind->kind, s.target, s.out, s.jobs, s.timeout);
    if (s.until) { /* a hit recorded by an earlier run answers at once */
        sw_res r;
        long w, hit;
        memset(&r, 0, sizeof r);
        st = read_results(&r, dir, &err);
        hit = st ? -1 : first_hit(&r, s.until, &w);
        res_clear(&r);
        if (st)
            goto done;
        if (hit >= 0) {
            printf("sweep: an earlier run already found it; nothing run\n");
            rc = collect(dir, s.until);
            goto done;
        }
    }
    if ((st = run_parallel(&s, dir, &err)))
        goto done;
    rc = collect(dir, s.until);
done:
    if (st) {
        fk_err_print(&err);
        rc = 2;
    }
    free(old);
    free(spec.s);
    free(jobs.s);
    free(inst.s);
    spec_clear(&s);
    return rc;
}

int sweep_cmd(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "--collect") == 0) {
        const char *until = NULL;
        fk_err err;
        fk_err_clear(&err);
        if (argc == 5 && strcmp(argv[3], "--until") == 0) {
            if (check_until(argv[4], &err)) {
                fk_err_print(&err);
                return 2;
            }
            until = argv[4];
        } else if (argc != 3) {
            fprintf(stderr, "usage: farkas sweep --collect DIR [--until [LABEL=]VERDICT]\n");
            return 2;
        }
        return collect(argv[2], until);
    }
    if (argc == 4 && strcmp(argv[1], "--record") == 0)
        return record_cmd(argv[2], argv[3]);
    if (argc < 2 || argv[1][0] == '-') {
        fprintf(stderr, "usage: farkas sweep CASE [ARGS] (--grid NAME=LO:HI:STEPS ... | --random NAME=LO:HI ... "
                        "--count N --seed S [--denom D]) [--until [LABEL=]VERDICT] [--jobs J] "
                        "[--timeout SEC] [--slurm [--chunk K]] --out DIR\n"
                        "       farkas sweep --collect DIR [--until [LABEL=]VERDICT]\n");
        return 2;
    }
    return sweep_run(argc, argv);
}
