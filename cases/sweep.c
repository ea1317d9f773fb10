/* sweep.c: `farkas sweep` (sweep.h).
 *
 * The sweep itself schedules nothing: it writes one command line per
 * instance and hands the list to GNU parallel (or to Slurm as a job
 * array).  Each instance is an ordinary `farkas case ...` process writing
 * into its own directory; what it wrote is read back afterwards, so a crash
 * or a time-out costs one instance and nothing else.  Reading back and
 * collecting is sweep_out.c. */
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
#include "rat.h"
#include "sweep.h"
#include "sweep_int.h"

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

char *sweep_slurp(const char *path)
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

fk_status sweep_put_file(const char *path, const char *s, fk_err *err)
{
    afile a;
    fk_status st = afile_open(&a, path, err);
    if (st)
        return st;
    fputs(s, a.f);
    return afile_commit(&a, err);
}

void sweep_sb_add(sbuf *b, const char *fmt, ...)
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
    sweep_sb_add(b, "'");
    for (; *s; s++)
        if (*s == '\'')
            sweep_sb_add(b, "'\\''");
        else
            sweep_sb_add(b, "%c", *s);
    sweep_sb_add(b, "'");
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

fk_status sweep_check_until(const char *u, fk_err *err)
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
            st = sweep_check_until(v, err), s->until = v;
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
    sweep_sb_add(b, "%06ld\t%s\t%s", i + 1, s->kind->subcmd, s->target);
    for (a = 0; a < s->nargs; a++) {
        sweep_sb_add(b, "\t%s", s->args[a]);
        for (k = 0; k < s->npar; k++)
            if (s->args[a][0] == '-' && s->args[a][1] == '-' &&
                strcmp(s->args[a] + 2, s->par[k].name) == 0 && a + 1 < s->nargs) {
                char *v = qstr(s->val[i * s->npar + k]);
                sweep_sb_add(b, "\t%s", v);
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
            sweep_sb_add(b, "\t--%s\t%s", s->par[k].name, v);
            free(v);
        }
    }
    if (s->kind->quiet)
        sweep_sb_add(b, "\t%s", s->kind->quiet);
    sweep_sb_add(b, "\n");
}

/* ---- the directory ----------------------------------------------------- */

/* sweep.spec: the arguments one by one (exactly), then the whole request as
 * a command line (its parameters canonical: 0.5 is written 1/2), which
 * also heads summary.md. */
static void spec_text(sbuf *b, const sw_spec *s)
{
    int k;
    sweep_sb_add(b, "farkas-sweep 1\nkind %s\ntarget %s\n", s->kind->kind, s->target);
    for (k = 0; k < s->nargs; k++)
        sweep_sb_add(b, "arg %s\n", s->args[k]);
    sweep_sb_add(b, "instances %ld\ncommand farkas sweep %s", s->ninst, s->target);
    for (k = 0; k < s->nargs; k++)
        sweep_sb_add(b, " %s", s->args[k]);
    for (k = 0; k < s->npar; k++) {
        char *lo = qstr(s->par[k].lo), *hi = qstr(s->par[k].hi);
        if (s->par[k].random)
            sweep_sb_add(b, " --random %s=%s:%s", s->par[k].name, lo, hi);
        else
            sweep_sb_add(b, " --grid %s=%s:%s:%ld", s->par[k].name, lo, hi, s->par[k].steps);
        free(lo);
        free(hi);
    }
    if (s->par[0].random)
        sweep_sb_add(b, " --count %ld --seed %llu --denom %ld", s->count, s->seed, s->denom);
    sweep_sb_add(b, "\n");
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
    sweep_sb_add(&b, "#!/bin/sh\n"
               "# job.sh ID ARG...: one instance of this sweep (written by `farkas sweep`).\n"
               "# Runs `farkas ARG... --out runs/ID` under the time limit, has `farkas check`\n"
               "# verify each certificate it wrote, and `farkas sweep --record` turn that into\n"
               "# runs/ID/rows.tsv, which marks the instance done.\n"
               "set -u\nF=");
    sb_shq(&b, exe);
    sweep_sb_add(&b, "\nD=");
    sb_shq(&b, dir);
    sweep_sb_add(&b, "\nT=%ld\ncd ", timeout);
    sb_shq(&b, cwd);
    sweep_sb_add(&b, " || exit 3\n"
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
        st = sweep_put_file(path, b.s, err);
    free(b.s);
    return st;
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
    sweep_sb_add(&b, "#!/bin/sh\n"
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
        sweep_sb_add(&b, "#SBATCH --time=%ld\n", min);
    }
    sweep_sb_add(&b, "D=");
    sb_shq(&b, dir);
    sweep_sb_add(&b, "\ncd ");
    sb_shq(&b, cwd);
    sweep_sb_add(&b, " || exit 3\n");
    if (s->until) {
        sweep_sb_add(&b, "FK_SWEEP_UNTIL=");
        sb_shq(&b, s->until);
        sweep_sb_add(&b, "; export FK_SWEEP_UNTIL\n");
    }
    sweep_sb_add(&b, "first=$(( (SLURM_ARRAY_TASK_ID - 1) * %ld + 1 ))\n"
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
        st = sweep_put_file(path, b.s, err);
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
    sweep_sb_add(&inst, "id");
    for (k = 0; k < s.npar; k++)
        sweep_sb_add(&inst, "\t%s", s.par[k].name);
    sweep_sb_add(&inst, "\n");
    for (i = 0; i < s.ninst; i++) {
        sweep_sb_add(&inst, "%06ld", i + 1);
        for (k = 0; k < s.npar; k++) {
            char *v = qstr(s.val[i * s.npar + k]);
            sweep_sb_add(&inst, "\t%s", v);
            free(v);
        }
        sweep_sb_add(&inst, "\n");
        job_line(&jobs, &s, i);
    }
    if (spec.oom || jobs.oom || inst.oom) {
        st = fk_fail(&err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    snprintf(path, sizeof path, "%s/sweep.spec", dir);
    if ((old = sweep_slurp(path)) != NULL && strcmp(old, spec.s) != 0) {
        st = fk_fail(&err, FK_EINVAL, NULL, "sweep: %s holds a different sweep (see %s); "
                     "use another --out", s.out, path);
        goto done;
    }
    if ((!old && (st = sweep_put_file(path, spec.s, &err))))
        goto done;
    snprintf(path, sizeof path, "%s/instances.tsv", dir);
    if ((st = sweep_put_file(path, inst.s, &err)))
        goto done;
    snprintf(path, sizeof path, "%s/jobs.txt", dir);
    if ((st = sweep_put_file(path, jobs.s, &err)))
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
        int hit = sweep_hit_recorded(dir, s.until, &err);
        if (hit < 0) {
            st = err.code;
            goto done;
        }
        if (hit) {
            printf("sweep: an earlier run already found it; nothing run\n");
            rc = sweep_collect(dir, s.until);
            goto done;
        }
    }
    if ((st = run_parallel(&s, dir, &err)))
        goto done;
    rc = sweep_collect(dir, s.until);
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
            if (sweep_check_until(argv[4], &err)) {
                fk_err_print(&err);
                return 2;
            }
            until = argv[4];
        } else if (argc != 3) {
            fprintf(stderr, "usage: farkas sweep --collect DIR [--until [LABEL=]VERDICT]\n");
            return 2;
        }
        return sweep_collect(argv[2], until);
    }
    if (argc == 4 && strcmp(argv[1], "--record") == 0)
        return sweep_record(argv[2], argv[3]);
    if (argc < 2 || argv[1][0] == '-') {
        fprintf(stderr, "usage: farkas sweep CASE [ARGS] (--grid NAME=LO:HI:STEPS ... | --random NAME=LO:HI ... "
                        "--count N --seed S [--denom D]) [--until [LABEL=]VERDICT] [--jobs J] "
                        "[--timeout SEC] [--slurm [--chunk K]] --out DIR\n"
                        "       farkas sweep --collect DIR [--until [LABEL=]VERDICT]\n");
        return 2;
    }
    return sweep_run(argc, argv);
}
