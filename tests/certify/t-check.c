/* t-check.c: the independent checker (certify/check/) on hand-made models
 * whose certificates are derived by hand in the comments below, on
 * single-entry corruptions of them, on malformed inputs, and on the
 * published Netlib row/column/nonzero counts.
 *
 * Exit codes (docs/certificate-format.md): 0 accepted; 1 rejected, which
 * includes a wrong header (model-sha256, sense, rows, cols: readable but
 * wrong); 2 unreadable (syntax, unknown or repeated names, sections that do
 * not belong, missing `end`, non-canonical numbers). */
#include "testlib.h"
#include "check/chk.h"

#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Prototypes (tests/genmain.sh calls these). */
int test_chk_optimal_min(fk_rng *r);
int test_chk_optimal_max(fk_rng *r);
int test_chk_infeasible(fk_rng *r);
int test_chk_unbounded(fk_rng *r);
int test_chk_feasible(fk_rng *r);
int test_chk_cert_syntax(fk_rng *r);
int test_chk_big_numbers(fk_rng *r);
int test_chk_format2(fk_rng *r);
int test_chk_sha256(fk_rng *r);
int test_chk_model_rules(fk_rng *r);
int test_chk_model_errors(fk_rng *r);
int test_chk_netlib_counts(fk_rng *r);

/* ---- scratch files ---- */

static char tdir[64];
static char *made[256];
static int nmade;

static void tmp_begin(void)
{
    strcpy(tdir, "/tmp/fk-chk-XXXXXX");
    if (!mkdtemp(tdir))
        tdir[0] = '\0';
}

static void tmp_end(void)
{
    int k;
    for (k = 0; k < nmade; k++) {
        remove(made[k]);
        free(made[k]);
    }
    nmade = 0;
    rmdir(tdir);
}

/* Write text to tdir/name; returns the path (freed by tmp_end). */
static const char *wfile(const char *name, const char *text)
{
    char *path = malloc(strlen(tdir) + strlen(name) + 2);
    FILE *f;
    int k;
    sprintf(path, "%s/%s", tdir, name);
    for (k = 0; k < nmade && strcmp(made[k], path); k++)
        ;
    if (k == nmade && nmade < 256)
        made[nmade++] = path;
    else if (k < nmade) {
        free(path);
        path = made[k];
    }
    f = fopen(path, "wb");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    return path;
}

/* Run fn with stderr sent to /dev/null (expected error messages). */
static int saved_err = -1, mute_depth;
static void mute(int on)
{
    fflush(stderr);
    if (on ? mute_depth++ > 0 : --mute_depth > 0)
        return;
    if (on) {
        FILE *null = fopen("/dev/null", "w");
        saved_err = dup(2);
        if (null) {
            dup2(fileno(null), 2);
            fclose(null);
        }
    } else if (saved_err >= 0) {
        dup2(saved_err, 2);
        close(saved_err);
        saved_err = -1;
    }
}

/* ---- certificates ---- */

typedef struct { const char *key, *name, *val; } ent;

/* The certificate text for model (header from its sha256), malloc'ed. */
static char *cert_text(const char *model, const char *sense, const char *status,
                       long rows, long cols, const char *obj, const ent *e, int ne)
{
    char sha[65], *s;
    size_t n = 512;
    int k;
    if (chk_sha256_file(model, sha))
        sha[0] = '\0';
    for (k = 0; k < ne; k++)
        n += strlen(e[k].name) + strlen(e[k].val) + 8;
    n += obj ? strlen(obj) : 0;
    s = malloc(n);
    sprintf(s, "farkas-certificate 1\nmodel-file m\nmodel-sha256 %s\nsense %s\n"
            "status %s\nrows %ld\ncols %ld\n", sha, sense, status, rows, cols);
    if (obj)
        sprintf(s + strlen(s), "objective %s\n", obj);
    for (k = 0; k < ne; k++)
        sprintf(s + strlen(s), "%s %s %s\n", e[k].key, e[k].name, e[k].val);
    strcat(s, "end\n");
    return s;
}

/* Check the certificate text against model; 1 if the exit code is want. */
static int expect_text(const char *model, const char *text, int want, const char *what)
{
    const char *cert = wfile("cert.txt", text);
    int rc;
    if (want)
        mute(1);
    rc = chk_files(model, cert, want != 0);
    if (want)
        mute(0);
    return TL_CHECK(rc == want, "%s: exit %d, want %d", what, rc, want);
}

/* Text with the first occurrence of from replaced by to (malloc'ed). */
static char *subst(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    char *s = malloc(strlen(text) + strlen(to) + 1);
    if (!at) {
        strcpy(s, "(subst failed)");
        return s;
    }
    memcpy(s, text, (size_t)(at - text));
    strcpy(s + (at - text), to);
    strcat(s, at + strlen(from));
    return s;
}

static void expect_subst(const char *model, const char *text, const char *from,
                         const char *to, int want)
{
    char *t = subst(text, from, to), what[160];
    snprintf(what, sizeof what, "'%s' -> '%s'", from, to);
    TL_CHECK(strcmp(t, "(subst failed)") != 0, "%s: pattern not found", what);
    expect_text(model, t, want, what);
    free(t);
}

/* v + d/den (d = +-1: the numerator changes by d), or -v (d = 0). */
static char *tweak(const char *v, int d)
{
    mpq_t q, t;
    char *s;
    mpq_init(q), mpq_init(t);
    mpq_set_str(q, v, 10);
    if (d == 0)
        mpq_neg(q, q);
    else {
        mpq_set_si(t, d, 1);
        mpz_set(mpq_denref(t), mpq_denref(q));
        mpq_canonicalize(t);
        mpq_add(q, q, t);
    }
    s = mpq_get_str(NULL, 10, q);
    mpq_clear(q), mpq_clear(t);
    return s;
}

/* A certificate whose x and y are unique (nondegenerate primal and dual):
 * then every single change is wrong and must be rejected (exit 1): each
 * listed value +-1 in the numerator, its sign flipped, its line dropped,
 * an extra line for each name in extra_y / extra_x, and the objective +-1. */
static void tamper_all(const char *model, const char *sense, long m, long n,
                       const char *obj, const ent *e, int ne,
                       const char *const *extra, int nextra)
{
    ent *f = malloc((size_t)(ne + 1) * sizeof *f);
    char *text, *v, what[200];
    int k, d;
    for (k = 0; k <= ne; k++) {
        for (d = -1; d <= 2; d++) {
            const char *o = obj;
            memcpy(f, e, (size_t)ne * sizeof *f);
            if (k == ne && d == 2)
                continue;
            v = tweak(k < ne ? e[k].val : obj, d < 2 ? d : 1);
            if (k < ne && d < 2)
                f[k].val = v;
            else if (k == ne)
                o = v;
            if (d == 0 && strcmp(v, k < ne ? e[k].val : obj) == 0) {
                free(v);
                continue; /* -0 is 0 */
            }
            if (k < ne && d == 2) /* drop the line, keeping the order */
                memmove(f + k, f + k + 1, (size_t)(ne - 1 - k) * sizeof *f);
            text = cert_text(model, sense, "optimal", m, n, o, f, ne - (k < ne && d == 2));
            snprintf(what, sizeof what, "%s: %s %s %s",
                     d == 2 ? "drop" : d == 0 ? "flip" : d > 0 ? "+1" : "-1",
                     k < ne ? e[k].key : "objective", k < ne ? e[k].name : "",
                     d == 2 ? "" : v);
            expect_text(model, text, 1, what);
            free(text);
            free(v);
        }
    }
    for (k = 0; k < nextra; k++) {
        for (d = -1; d <= 1; d += 2) {
            memcpy(f, e, (size_t)ne * sizeof *f);
            f[ne].key = extra[k][0] == 'x' ? "x" : "y";
            f[ne].name = extra[k] + 2;
            f[ne].val = d > 0 ? "1" : "-1";
            text = cert_text(model, sense, "optimal", m, n, obj, f, ne + 1);
            snprintf(what, sizeof what, "extra %s %s %s", f[ne].key, f[ne].name, f[ne].val);
            expect_text(model, text, 1, what);
            free(text);
        }
    }
    free(f);
}

/* ---- model 1: min, objective constant, ranged row, free column ----
 *   min x + 2y - z + 3
 *   c1: x + y >= 2;  c2: -1 <= x - y <= 1;  c3: z - x <= 1;  x, y >= 0, z free
 * z free with cost -1 gives z = 1 + x, so the objective is 2y + 2 with
 * x + y >= 2, x <= 1 + y: y = 1/2, x = 3/2, z = 5/2, objective 3.
 * Duals: z free needs z_z = -1 - y3 = 0, y3 = -1 (c3 has hi); x, y off
 * their bounds need 1 = y1 + y2 - y3, 2 = y1 - y2: y1 = 1, y2 = -1.
 * b(y) = 1*2 + (-1)*1 + (-1)*1 = 0 = c^T x = 3/2 + 1 - 5/2.
 * Three tight rows, three nonzero columns: x and y are both unique. */
static const char M1_LP[] =
    "\\ model 1\nMinimize\n obj: x + 2 y - z + 3\nSubject To\n c1: x + y >= 2\n"
    " c2: -1 <= x - y <= 1\n c3: z - x <= 1\nBounds\n z free\nEnd\n";
static const char M1_MPS[] =
    "NAME          M1 (model one)\nROWS\n N  obj\n G  c1\n E  c2\n L  c3\nCOLUMNS\n"
    "    x         obj       1            c1        1\n"
    "    x         c2        1            c3        -1\n"
    "    y         obj       2            c1        1\n"
    "    y         c2        -1\n"
    "    z         obj       -1           c3        1\n"
    "RHS\n    RHS       obj       -3           c1        2\n"
    "    RHS       c2        -1           c3        1\n"
    "RANGES\n    RNG       c2        2\nBOUNDS\n FR BND       z\nENDATA\n";
static const ent M1[] = {{"x", "x", "3/2"}, {"x", "y", "1/2"}, {"x", "z", "5/2"},
                         {"y", "c1", "1"}, {"y", "c2", "-1"}, {"y", "c3", "-1"}};

int test_chk_optimal_min(fk_rng *r)
{
    const char *lp, *mps;
    char *t;
    tmp_begin();
    lp = wfile("m1.lp", M1_LP);
    mps = wfile("m1.mps", M1_MPS);
    t = cert_text(lp, "min", "optimal", 3, 3, "3", M1, 6);
    expect_text(lp, t, 0, "model 1 (LP)");
    free(t);
    t = cert_text(mps, "min", "optimal", 3, 3, "3", M1, 6);
    expect_text(mps, t, 0, "model 1 (MPS)");
    free(t);
    tamper_all(lp, "min", 3, 3, "3", M1, 6, NULL, 0);
    tamper_all(mps, "min", 3, 3, "3", M1, 6, NULL, 0);
    tmp_end();
    return TL_RESULT();
}

/* ---- model 2: max, upper bound, a slack row ----
 *   max 3x + 2y + 1   r1: x + y <= 4;  r2: x + 3y <= 7;  0 <= x <= 3, y >= 0
 * Vertices: (3,1) 11, (5/2,3/2) 21/2, (0,7/3), (3,0): optimum x = 3, y = 1,
 * objective 12.  Min form c' = (-3,-2); y1 = -2 (r1 has hi), y2 = 0:
 * z = c' - A^T y = (-1, 0), z_x < 0 uses u_x = 3.
 * c'^T x = -11 = b(y) + z_x u_x = -8 - 3.  Nondegenerate both ways. */
static const char M2_LP[] =
    "Maximize\n profit: 3 x + 2 y + 1\nSubject To\n r1: x + y <= 4\n"
    " r2: x + 3 y <= 7\nBounds\n x <= 3\nEnd\n";
static const char M2_MPS[] =
    "NAME M2\nOBJSENSE\n    MAX\nROWS\n N profit\n L r1\n L r2\nCOLUMNS\n"
    " x profit 3 r1 1\n x r2 1\n y profit 2 r1 1\n y r2 3\n"
    "RHS\n RHS profit -1 r1 4\n RHS r2 7\nBOUNDS\n UP BND x 3\nENDATA\n";
static const ent M2[] = {{"x", "x", "3"}, {"x", "y", "1"}, {"y", "r1", "-2"}};

int test_chk_optimal_max(fk_rng *r)
{
    static const char *const extra[] = {"y r2"};
    const char *lp, *mps;
    char *t;
    tmp_begin();
    lp = wfile("m2.lp", M2_LP);
    mps = wfile("m2.mps", M2_MPS);
    t = cert_text(lp, "max", "optimal", 2, 2, "12", M2, 3);
    expect_text(lp, t, 0, "model 2 (LP)");
    expect_subst(lp, t, "sense max", "sense min", 1);
    free(t);
    t = cert_text(mps, "max", "optimal", 2, 2, "12", M2, 3);
    expect_text(mps, t, 0, "model 2 (MPS, OBJSENSE MAX)");
    free(t);
    tamper_all(lp, "max", 2, 2, "12", M2, 3, extra, 1);
    tamper_all(mps, "max", 2, 2, "12", M2, 3, extra, 1);
    tmp_end();
    return TL_RESULT();
}

/* ---- infeasible ----
 * Box case: x + y >= 5 with 0 <= x, y <= 2.  y = 1 gives g = A^T y = (1,1),
 * which is not 0, but M = max over the box of x + y = 4 < b(y) = 5.
 * Classic case: x + y >= 3 and x + y <= 1, x, y free: y = (1, -1) gives
 * g = 0, M = 0 < b(y) = 3 - 1 = 2. */
int test_chk_infeasible(fk_rng *r)
{
    static const ent box[] = {{"y", "need", "1"}};
    static const ent cls[] = {{"y", "lo", "1"}, {"y", "hi", "-1"}};
    const char *lp, *mps;
    char *t;
    tmp_begin();
    lp = wfile("box.lp", "Minimize\n obj: x + y\nSubject To\n need: x + y >= 5\n"
               "Bounds\n x <= 2\n y <= 2\nEnd\n");
    t = cert_text(lp, "min", "infeasible", 1, 2, NULL, box, 1);
    expect_text(lp, t, 0, "box Farkas");
    expect_subst(lp, t, "y need 1", "y need 1/2", 0);   /* M = 2 < 5/2: still a proof */
    expect_subst(lp, t, "y need 1", "y need -1", 1);    /* sign rule: need has no hi */
    expect_subst(lp, t, "y need 1\n", "", 1);           /* y = 0: M = 0 = b(y) */
    expect_subst(lp, t, "status infeasible", "status feasible", 2); /* y in a feasible cert */
    free(t);
    t = cert_text(lp, "min", "infeasible", 1, 2, NULL, box, 0);
    expect_text(lp, t, 1, "box Farkas without y");
    free(t);
    /* The same box with x <= 3: M = 5 is not < 5. */
    lp = wfile("box3.lp", "Minimize\n obj: x + y\nSubject To\n need: x + y >= 5\n"
               "Bounds\n x <= 3\n y <= 2\nEnd\n");
    t = cert_text(lp, "min", "infeasible", 1, 2, NULL, box, 1);
    expect_text(lp, t, 1, "box Farkas, M = b(y)");
    free(t);
    mps = wfile("cls.mps", "NAME\nROWS\n N obj\n G lo\n L hi\nCOLUMNS\n x obj 1 lo 1\n"
                " x hi 1\n y lo 1\n y hi 1\nRHS\n RHS lo 3 hi 1\nBOUNDS\n FR B x\n FR B y\nENDATA\n");
    t = cert_text(mps, "min", "infeasible", 2, 2, NULL, cls, 2);
    expect_text(mps, t, 0, "classic Farkas");
    expect_subst(mps, t, "y lo 1", "y lo 2", 1);   /* g = (1,1) on free columns */
    expect_subst(mps, t, "y hi -1", "y hi 1", 1);  /* sign rule */
    expect_subst(mps, t, "y hi -1\n", "", 1);
    expect_subst(mps, t, "y lo 1\n", "", 1);
    free(t);
    tmp_end();
    return TL_RESULT();
}

/* ---- unbounded ----
 * min -x - y, d: x - y <= 1, x, y >= 0: x = (0,0), ray r = (1,1) with
 * a^T r = 0 <= 0, r >= 0, c^T r = -2 < 0.
 * max x, c: x - y <= 2: x = (0,0), r = (1,1), c^T r = 1 > 0. */
int test_chk_unbounded(fk_rng *r)
{
    static const ent u1[] = {{"x", "x", "0"}, {"r", "x", "1"}, {"r", "y", "1"}};
    static const ent u2[] = {{"r", "x", "1"}, {"r", "y", "1"}};
    const char *lp, *mps;
    char *t;
    tmp_begin();
    lp = wfile("u1.lp", "Minimize\n obj: - x - y\nSubject To\n d: x - y <= 1\nEnd\n");
    t = cert_text(lp, "min", "unbounded", 1, 2, NULL, u1, 3);
    expect_text(lp, t, 0, "unbounded min");
    expect_subst(lp, t, "r y 1", "r y 2", 0);    /* still a ray */
    expect_subst(lp, t, "r x 1", "r x 2", 1);    /* a^T r = 1 > 0 */
    expect_subst(lp, t, "r x 1", "r x -1", 1);   /* r_x < 0, l_x finite */
    expect_subst(lp, t, "r y 1\n", "", 1);
    expect_subst(lp, t, "x x 0", "x x 2", 1);    /* x violates d */
    expect_subst(lp, t, "x x 0", "x x -1", 1);   /* x below its bound */
    expect_subst(lp, t, "r x 1", "y d -1", 2);   /* y does not belong */
    free(t);
    t = cert_text(lp, "min", "unbounded", 1, 2, NULL, u1, 1);
    expect_text(lp, t, 1, "zero ray");
    free(t);
    mps = wfile("u2.mps", "NAME\nOBJSENSE MAXIMIZE\nROWS\n N obj\n L c\nCOLUMNS\n"
                " x obj 1 c 1\n y c -1\nRHS\n RHS c 2\nENDATA\n");
    t = cert_text(mps, "max", "unbounded", 1, 2, NULL, u2, 2);
    expect_text(mps, t, 0, "unbounded max");
    expect_subst(mps, t, "r x 1\n", "", 1);      /* c^T r = 0 */
    free(t);
    tmp_end();
    return TL_RESULT();
}

/* ---- feasible: x + y = 1, x - 2y <= 0 at (1/3, 2/3); empty objective ---- */
int test_chk_feasible(fk_rng *r)
{
    static const ent f[] = {{"x", "x", "1/3"}, {"x", "y", "2/3"}};
    const char *lp;
    char *t;
    tmp_begin();
    lp = wfile("f.lp", "minimize\nsubject to\n s: x + y = 1\n x - 2 y <= 0\nend\n");
    t = cert_text(lp, "min", "feasible", 2, 2, NULL, f, 2);
    expect_text(lp, t, 0, "feasible");
    expect_subst(lp, t, "x y 2/3", "x y 1/3", 1);
    expect_subst(lp, t, "x x 1/3", "x x 2/3", 1);
    expect_subst(lp, t, "x x 1/3", "x x 4/3", 1);
    free(t);
    tmp_end();
    return TL_RESULT();
}

/* ---- header and syntax corruptions of model 1's certificate ---- */
int test_chk_cert_syntax(fk_rng *r)
{
    static const char *const bad2[][2] = {
        {"x y 1/2\n", "x y 1/2\nx y 1/2\n"},            /* name listed twice */
        {"x y 1/2\n", "x y 1/2\nx w 1\n"},              /* unknown column */
        {"y c1 1", "y obj 1"},                          /* the objective row is not a row */
        {"end\n", ""},                                  /* truncated */
        {"x x 3/2", "x x 6/4"}, {"x y 1/2", "x y 2/4"}, /* not lowest terms */
        {"x y 1/2", "x y 0.5"},                         /* decimal */
        {"y c1 1", "y c1 +1"}, {"y c1 1", "y c1 01"}, {"y c1 1", "y c1 1/1"},
        {"x y 1/2", "x y 1/-2"}, {"x y 1/2", "x y -1/2/3"}, {"x y 1/2", "x y 1e0"},
        {"y c1 1", "y c1 -0"}, {"y c1 1", "y c1 1/0"}, {"y c1 1", "y c1 0/1"},
        {"farkas-certificate 1", "farkas-certificate 3"},
        {"status optimal", "status optimum"},
        {"sense min", "sense minimize"},
        {"rows 3", "rows 03"}, {"rows 3", "rows -3"}, {"rows 3", "rows"},
        {"objective 3\n", ""},                          /* missing objective */
        {"objective 3\n", "objective 3\nobjective 3\n"},
        {"y c1 1", "r x 1"},                            /* a section of another status */
        {"end\n", "end\nx x 1\n"},                      /* text after end */
        {"end\n", "fin\nend\n"},                        /* unknown key */
        {"x x 3/2", "x  x 3/2 4"},                      /* too many fields */
        {"x z 5/2", "x %7A 5/2"},                       /* needless percent-encoding */
        {"model-file m", "model-file m%2"},
        {"model-sha256 ", "model-sha256 A"},            /* upper-case / 65 digits */
        {"sense min\n", ""},
        {"sense min\nstatus optimal\n", "status optimal\nsense min\n"},
        {"x x 3/2\n", "y c1 1\nx x 3/2\n"},             /* y before x */
    };
    const char *lp;
    char *t;
    size_t k;
    tmp_begin();
    lp = wfile("m1.lp", M1_LP);
    t = cert_text(lp, "min", "optimal", 3, 3, "3", M1, 6);
    expect_text(lp, t, 0, "model 1");
    for (k = 0; k < sizeof bad2 / sizeof *bad2; k++)
        expect_subst(lp, t, bad2[k][0], bad2[k][1], 2);
    /* A dropped x line is readable (x = 0) but wrong. */
    expect_subst(lp, t, "x x 3/2\n", "", 1);
    /* Readable but wrong header: exit 1. */
    {
        char *at = strstr(t, "model-sha256 ") + 13, keep = *at;
        *at = keep == '0' ? '1' : '0';
        expect_text(lp, t, 1, "wrong sha256");
        *at = keep;
    }
    expect_subst(lp, t, "sense min", "sense max", 1);
    expect_subst(lp, t, "rows 3", "rows 4", 1);
    expect_subst(lp, t, "cols 3", "cols 2", 1);
    expect_subst(lp, t, "objective 3", "objective 4", 1);
    expect_subst(lp, t, "objective 3", "objective -3", 1);
    /* Comments, blank lines and tabs are fine. */
    expect_subst(lp, t, "x x 3/2\n", "# a comment\n\nx\tx    3/2\n", 0);
    free(t);
    /* Unreadable files and usage. */
    mute(1);
    TL_CHECK(chk_files(lp, "/nonexistent/cert", 1) == 2, "missing certificate");
    TL_CHECK(chk_files("/nonexistent/m.lp", lp, 1) == 2, "missing model");
    TL_CHECK(chk_files(wfile("m.txt", M1_LP), lp, 1) == 2, "unknown model suffix");
    TL_CHECK(chk_files(lp, wfile("empty", ""), 1) == 2, "empty certificate");
    {
        char *argv[] = {"check", (char *)lp, NULL};
        TL_CHECK(chk_main(2, argv) == 2, "usage");
    }
    mute(0);
    tmp_end();
    return TL_RESULT();
}

/* ---- numbers with a thousand digits ----
 * min x, c: N x >= M with N = 10^1000 + 1, M = 10^999 + 7, x >= 0:
 * x = M/N, y = 1/N (z = 1 - N/N = 0), b(y) = M/N = c^T x. */
/* ---- format 2 on model 1: denominator lines and unreduced values ----
 * Model 1's x = (3/2, 1/2, 5/2) is x = (3, 1, 5) / 2, and y = (1, -1, -1)
 * is (3, -3, -3) / 3.  Version 1 (every other test here) is still read
 * strictly; version 2 reads the same vectors in either encoding, and any
 * edit of a denominator or a numerator changes a unique x or y, so it must
 * be rejected (exit 1), and a malformed denominator line is unreadable. */
int test_chk_format2(fk_rng *r)
{
    static const char *const X1 = "x x 3/2\nx y 1/2\nx z 5/2\n";
    static const char *const right[] = {
        "denominator x 2\nx x 3\nx y 1\nx z 5\n",
        "denominator x 4\nx x 6\nx y 2\nx z 10\n",     /* D need not be the least */
        "x x 6/4\nx y 1/2\nx z 10/4\n",                 /* nor a value in lowest terms */
        "denominator x 2\nx y 1\nx z 5\nx x 3\n",          /* any order */
    };
    static const char *const wrong[] = {
        "denominator x 3\nx x 3\nx y 1\nx z 5\n", "denominator x 1\nx x 3\nx y 1\nx z 5\n",
        "denominator x 2\nx x 4\nx y 1\nx z 5\n", "denominator x 2\nx x 2\nx y 1\nx z 5\n",
        "denominator x 2\nx x 3\nx y -1\nx z 5\n", "denominator x 2\nx x 3\nx z 5\n",
        "denominator x 4\nx x 6\nx y 2\nx z 11\n", "x x 6/4\nx y 1/2\nx z 10/3\n",
    };
    static const char *const unreadable[] = {
        "denominator x 0\nx x 3\nx y 1\nx z 5\n", "denominator x -2\nx x -3\nx y -1\nx z -5\n",
        "denominator x 2/1\nx x 3\nx y 1\nx z 5\n", "denominator x\nx x 3\nx y 1\nx z 5\n",
        "denominator x 2\nx x 3/1\nx y 1\nx z 5\n", "denominator x 2\nx x 6/2\nx y 1\nx z 5\n",
        "x x 3\ndenominator x 2\nx y 1\nx z 5\n", "denominator x 2\ndenominator x 2\nx x 3\nx y 1\nx z 5\n",
        "denominator r 2\nx x 3\nx y 1\nx z 5\n", "denominator x 2 2\nx x 3\nx y 1\nx z 5\n",
        "denominator x 2\nx x 3 1\nx y 1\nx z 5\n", "x x 3/2\nx y 1/2\nx z 5/2\ndenominator x 2\n",
    };
    const char *lp;
    char *t, *t2;
    size_t k;
    tmp_begin();
    lp = wfile("m1.lp", M1_LP);
    t = cert_text(lp, "min", "optimal", 3, 3, "3", M1, 6);
    expect_text(lp, t, 0, "model 1, version 1");
    expect_subst(lp, t, X1, right[0], 2);                 /* a denominator line needs version 2 */
    expect_subst(lp, t, "objective 3", "objective 6/2", 2);
    t2 = subst(t, "farkas-certificate 1", "farkas-certificate 2");
    expect_text(lp, t2, 0, "model 1, version 2 per entry");
    expect_subst(lp, t2, "objective 3", "objective 6/2", 0);
    expect_subst(lp, t2, "objective 3", "objective 8/2", 1);
    expect_subst(lp, t2, "y c1 1\ny c2 -1\ny c3 -1\n", "denominator y 3\ny c1 3\ny c2 -3\ny c3 -3\n", 0);
    expect_subst(lp, t2, "y c1 1\ny c2 -1\ny c3 -1\n", "denominator y 3\ny c1 3\ny c2 -3\ny c3 -2\n", 1);
    for (k = 0; k < sizeof right / sizeof *right; k++)
        expect_subst(lp, t2, X1, right[k], 0);
    for (k = 0; k < sizeof wrong / sizeof *wrong; k++)
        expect_subst(lp, t2, X1, wrong[k], 1);
    for (k = 0; k < sizeof unreadable / sizeof *unreadable; k++)
        expect_subst(lp, t2, X1, unreadable[k], 2);
    free(t2);
    free(t);
    tmp_end();
    return TL_RESULT();
}

int test_chk_big_numbers(fk_rng *r)
{
    mpz_t N, M;
    mpq_t x, y;
    char *ns, *ms, *xs, *ys, *lp_text, *mps_text, *t, *ys1;
    const char *lp, *mps;
    ent e[2];
    tmp_begin();
    mpz_init(N), mpz_init(M), mpq_init(x), mpq_init(y);
    mpz_ui_pow_ui(N, 10, 1000), mpz_add_ui(N, N, 1);
    mpz_ui_pow_ui(M, 10, 999), mpz_add_ui(M, M, 7);
    mpq_set_num(x, M), mpq_set_den(x, N), mpq_canonicalize(x);
    mpq_set_ui(y, 1, 1), mpq_set_den(y, N), mpq_canonicalize(y);
    ns = mpz_get_str(NULL, 10, N), ms = mpz_get_str(NULL, 10, M);
    xs = mpq_get_str(NULL, 10, x), ys = mpq_get_str(NULL, 10, y);
    lp_text = malloc(2 * strlen(ns) + 200);
    sprintf(lp_text, "Minimize\n obj: x\nSubject To\n c: %s x >= %s\nEnd\n", ns, ms);
    mps_text = malloc(2 * strlen(ns) + 200);
    /* MPS with the right-hand side as a decimal with an exponent:
     * M = 1.000...0007e999 (999 digits after the point). */
    sprintf(mps_text, "NAME\nROWS\n N obj\n G c\nCOLUMNS\n x obj 1 c %s\nRHS\n R c %c.%se999\nENDATA\n",
            ns, ms[0], ms + 1);
    lp = wfile("big.lp", lp_text);
    mps = wfile("big.mps", mps_text);
    e[0].key = "x", e[0].name = "x", e[0].val = xs;
    e[1].key = "y", e[1].name = "c", e[1].val = ys;
    TL_CHECK(strlen(xs) > 1900, "x has %zu characters", strlen(xs));
    t = cert_text(lp, "min", "optimal", 1, 1, xs, e, 2);
    expect_text(lp, t, 0, "big LP");
    free(t);
    t = cert_text(mps, "min", "optimal", 1, 1, xs, e, 2);
    expect_text(mps, t, 0, "big MPS");
    free(t);
    ys1 = tweak(ys, 1);
    e[1].val = ys1;
    t = cert_text(lp, "min", "optimal", 1, 1, xs, e, 2);
    expect_text(lp, t, 1, "big LP, y numerator + 1");
    free(t), free(ys1);
    e[1].val = ys;
    ys1 = tweak(xs, -1);
    e[0].val = ys1;
    t = cert_text(lp, "min", "optimal", 1, 1, xs, e, 2);
    expect_text(lp, t, 1, "big LP, x numerator - 1");
    free(t), free(ys1);
    free(ns), free(ms), free(xs), free(ys), free(lp_text), free(mps_text);
    mpz_clear(N), mpz_clear(M), mpq_clear(x), mpq_clear(y);
    tmp_end();
    return TL_RESULT();
}

/* ---- SHA-256 known answers (FIPS 180-4 examples) ---- */
int test_chk_sha256(fk_rng *r)
{
    static const char *const io[][2] = {
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"}};
    char hex[65], *big;
    size_t k;
    tmp_begin();
    for (k = 0; k < 3; k++) {
        chk_sha256_file(wfile("s", io[k][0]), hex);
        TL_CHECK(strcmp(hex, io[k][1]) == 0, "sha256('%s') = %s", io[k][0], hex);
    }
    big = malloc(1000001);
    memset(big, 'a', 1000000);
    big[1000000] = '\0';
    chk_sha256_file(wfile("s", big), hex);
    TL_CHECK(strcmp(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0") == 0,
             "sha256(10^6 x 'a') = %s", hex);
    free(big);
    tmp_end();
    return TL_RESULT();
}

/* Feasibility probes: the base point is accepted, and each probe changes
 * one column's value to one that must be accepted (0) or rejected (1). */
typedef struct { const char *col, *val; int want; } probe;

static void run_probes(const char *model, const char *sense, long m, long n,
                       const ent *base, int nb, const probe *p, int np)
{
    ent *e = malloc((size_t)nb * sizeof *e);
    char *t, what[120];
    int k, i;
    t = cert_text(model, sense, "feasible", m, n, NULL, base, nb);
    expect_text(model, t, 0, "base point");
    free(t);
    for (k = 0; k < np; k++) {
        memcpy(e, base, (size_t)nb * sizeof *e);
        for (i = 0; i < nb && strcmp(e[i].name, p[k].col); i++)
            ;
        if (!TL_CHECK(i < nb, "probe column %s", p[k].col))
            continue;
        e[i].val = p[k].val;
        t = cert_text(model, sense, "feasible", m, n, NULL, e, nb);
        snprintf(what, sizeof what, "%s = %s", p[k].col, p[k].val);
        expect_text(model, t, p[k].want, what);
        free(t);
    }
    free(e);
}

/* ---- MPS semantics of docs/model-formats.md ----
 * Rows: e1 E 1 range 2 -> [1,3]; e2 E 1 range -2 -> [-1,1]; l1 L 1 range -3
 * -> [-2,1]; g1 G 1 range -3 -> [1,4]; e0 E 2 range 0 -> [2,2]; a second N
 * row `extra` is dropped with its entries and RHS.  Bounds: u UP -1 with no
 * lower bound set -> (-inf,-1]; v LO -5 then UP -1 -> [-5,-1]; w MI ->
 * (-inf,+inf); p UP 4 then PL -> [0,+inf); q FX 3.5 -> [7/2,7/2]; s UP 1 ->
 * [0,1] (BV, a MIP bound, needs --relax: t-crossread and t-dialects); the
 * row columns a b c d f are free. */
static const char RULES_MPS[] =
    "* comment line\nNAME RULES\nROWS\n N obj\n N extra\n E e1\n E e2\n L l1\n G g1\n E e0\n"
    "COLUMNS\n a obj 1 e1 1\n a extra 5\n b obj 1 e2 1\n c obj 1 l1 1\n d obj 1 g1 1\n"
    " f obj 1 e0 1\n u obj 1\n v obj 1\n w obj 1\n p obj 1\n q obj 1\n s obj 1\n"
    "RHS\n RHS e1 1 e2 1\n RHS l1 1 g1 1\n RHS e0 2 extra 7\n"
    "RANGES\n R e1 2 e2 -2\n R l1 -3 g1 -3\n R e0 0\n"
    "BOUNDS\n FR B a\n FR B b\n FR B c\n FR B d\n FR B f\n UP B u -1\n LO B v -5\n"
    " UP B v -1\n MI B w\n UP B p 4\n PL B p\n FX B q 3.5\n UP B s 1\nENDATA\n";
static const ent RULES_X[] = {
    {"x", "a", "1"}, {"x", "b", "0"}, {"x", "c", "0"}, {"x", "d", "1"}, {"x", "f", "2"},
    {"x", "u", "-1"}, {"x", "v", "-1"}, {"x", "w", "0"}, {"x", "p", "0"}, {"x", "q", "7/2"},
    {"x", "s", "0"}};
static const probe RULES_P[] = {
    {"a", "3", 0}, {"a", "4", 1}, {"a", "1/2", 1}, {"b", "-1", 0}, {"b", "-2", 1},
    {"b", "1", 0}, {"b", "2", 1}, {"c", "-2", 0}, {"c", "-3", 1}, {"c", "1", 0},
    {"c", "2", 1}, {"d", "4", 0}, {"d", "5", 1}, {"d", "0", 1}, {"f", "3", 1},
    {"u", "-100", 0}, {"u", "0", 1}, {"v", "-5", 0}, {"v", "-6", 1}, {"v", "0", 1},
    {"w", "-100", 0}, {"w", "1000", 0}, {"p", "1000", 0}, {"p", "-1", 1},
    {"q", "3", 1}, {"s", "1", 0}, {"s", "2", 1}, {"s", "-1", 1}};

/* ---- LP semantics ----
 * value: 2a + 3 - a + 1 + ... (a's terms add up); R1 is the unnamed first
 * row -a + b >= -10; named: 3a + a - b = 17 (4a - b = 17); rg: -2 <= a - b
 * <= 2; R4 named explicitly.  Bounds: a <= 5; -3 <= b <= 3; c >= -inf
 * (free); d free; e = 2.5e0; 10 >= f (u = 10, l stays 0); h in
 * [-INFINITY, +Inf].  Base a = 5, b = 3. */
static const char RULES_LP[] =
    "\\ rules\nMAXIMIZE\n value: 2 a + 3 - a + 1 + b + c + d + e + f + h\nsubject to\n"
    " -a + b >= -10\n named: 3 a + a - b = 17\n rg: -2 <= a - b <= 2\n R4: b >= 3/2\n"
    "Bounds\n a <= 5\n -3 <= b <= 3\n c >= -inf\n d free\n e = 2.5e0\n 10 >= f\n"
    " -INFINITY <= h <= +Inf\nEND\n";
static const ent RULES_LPX[] = {
    {"x", "a", "5"}, {"x", "b", "3"}, {"x", "c", "-100"}, {"x", "d", "-7"},
    {"x", "e", "5/2"}, {"x", "f", "10"}, {"x", "h", "-1000"}};
static const probe RULES_LPP[] = {
    {"e", "2", 1}, {"f", "11", 1}, {"f", "-1", 1}, {"f", "0", 0}, {"b", "-3", 1},
    {"d", "7", 0}, {"h", "1000", 0}, {"c", "100", 0}};

int test_chk_model_rules(fk_rng *r)
{
    static const ent g[] = {{"x", "g", "-2"}};
    static const ent rows[] = {{"x", "a", "5"}, {"x", "b", "3"}, {"y", "R1", "0"},
                               {"y", "named", "1"}, {"y", "rg", "0"}, {"y", "R4", "0"}};
    static const ent pct[] = {{"x", "x%251", "1"}, {"y", "%C3%A9t%C3%A9", "1"}};
    const char *f;
    char *t;
    long m, n, z;
    tmp_begin();
    f = wfile("rules.mps", RULES_MPS);
    mute(1);
    TL_CHECK(chk_model_counts(f, &m, &n, &z) == 0 && m == 5 && n == 11 && z == 5,
             "rules.mps counts %ld %ld %ld", m, n, z);
    mute(0);
    mute(1);
    run_probes(f, "min", 5, 11, RULES_X, 11, RULES_P, (int)(sizeof RULES_P / sizeof *RULES_P));
    mute(0);
    f = wfile("rules.lp", RULES_LP);
    TL_CHECK(chk_model_counts(f, &m, &n, &z) == 0 && m == 4 && n == 7 && z == 7,
             "rules.lp counts %ld %ld %ld", m, n, z);
    run_probes(f, "max", 4, 7, RULES_LPX, 7, RULES_LPP, (int)(sizeof RULES_LPP / sizeof *RULES_LPP));
    /* Row names R1 (generated) and named are rows; obj is not. */
    t = cert_text(f, "max", "infeasible", 4, 7, NULL, rows + 2, 4);
    expect_text(f, t, 1, "names R1 named rg R4 exist (exit 1, not 2)");
    expect_subst(f, t, "y R1 0", "y R2 0", 2);
    expect_subst(f, t, "y R1 0", "y value 0", 2);
    free(t);
    /* A negative upper bound: MPS frees the lower bound, LP does not. */
    f = wfile("neg.mps", "NAME\nROWS\n N obj\nCOLUMNS\n g obj 1\nRHS\nBOUNDS\n UP B g -2\nENDATA\n");
    t = cert_text(f, "min", "feasible", 0, 1, NULL, g, 1);
    expect_text(f, t, 0, "MPS UP -2: l = -inf");
    free(t);
    f = wfile("neg.lp", "Minimize\n obj: g\nSubject To\nBounds\n g <= -2\nEnd\n");
    t = cert_text(f, "min", "feasible", 0, 1, NULL, g, 1);
    expect_text(f, t, 1, "LP g <= -2: l stays 0");
    free(t);
    /* Percent-encoded names: column x%1, row \xc3\xa9t\xc3\xa9 (UTF-8). */
    f = wfile("pct.mps", "NAME\nROWS\n N obj\n G \xc3\xa9t\xc3\xa9\nCOLUMNS\n x%1 obj 1 \xc3\xa9t\xc3\xa9 1\n"
              "RHS\n RHS \xc3\xa9t\xc3\xa9 1\nENDATA\n");
    t = cert_text(f, "min", "optimal", 1, 1, "1", pct, 2);
    expect_text(f, t, 0, "percent-encoded names");
    expect_subst(f, t, "%C3%A9t", "%c3%a9t", 2);
    expect_subst(f, t, "x%251", "x%1", 2);
    free(t);
    tmp_end();
    return TL_RESULT();
}

/* ---- readers: files docs/model-formats.md calls errors (exit 2) ---- */
int test_chk_model_errors(fk_rng *r)
{
    static const char MPS_OK[] = "NAME T\nROWS\n N obj\n L c1\n G c2\nCOLUMNS\n"
        " x obj 1 c1 1\n x c2 1\n y c1 1\nRHS\n RHS c1 4\nBOUNDS\n UP BND x 3\nENDATA\n";
    static const char *const mps_bad[][2] = {
        {"ENDATA\n", ""},                                 /* no ENDATA */
        {"RHS\n", "FOO\nRHS\n"},                          /* unknown section */
        {" G c2\n", " G c2\n E c1\n"},                    /* repeated row name */
        {" G c2\n", " G obj\n"},                          /* ... also against N rows */
        {" x c2 1\n", " x c2 1\n x c1 2\n"},              /* repeated entry */
        {" y c1 1\n", " y c1 1\n x c2 2\n"},              /* split column */
        {" y c1 1\n", " M 'MARKER' 'INTORG'\n y c1 1\n"}, /* integer marker */
        {" y c1 1\n", " y c9 1\n"},                       /* undeclared row */
        {"BOUNDS\n", "RANGES\n R obj 1\nBOUNDS\n"},       /* RANGES on the N row */
        {" UP BND x 3", " SC BND x 3"},                   /* unknown bound type */
        {" UP BND x 3", " UP BND z 3"},                   /* undeclared column */
        {" UP BND x 3", " UP BND x 3 4"},                 /* too many fields */
        {" UP BND x 3", " UP BND x 3\n UP OTHER x 3"},    /* a second set name */
        {" RHS c1 4\n", " RHS c1 4\n OTHER c2 1\n"},
        {" RHS c1 4\n", " RHS c1 4\n RHS c1 5\n"},        /* repeated RHS entry */
        {" RHS c1 4", " RHS c1 1.2.3"},                   /* bad numbers */
        {" RHS c1 4", " RHS c1 1e999999999"},
        {" RHS c1 4", " RHS c1 inf"},
        {" RHS c1 4", " RHS c1 0x10"},
        {" RHS c1 4", " RHS c1 1/0"},
        {" RHS c1 4", " RHS c1 4."},                      /* fine: see mps_good */
        {"ROWS\n", "rows\n"},                             /* lower-case section */
        {" UP BND x 3", " BV BND x"},                     /* a MIP, no --relax */
        {"ROWS\n", "OBJSENSE\nROWS\n"},                   /* no sense given */
        {"ROWS\n", "OBJSENSE\n    UPWARDS\nROWS\n"},
        {"COLUMNS\n", "COLUMNS\nROWS\n"},                 /* out of order */
        {"NAME T\n", " x\nNAME T\n"},                     /* data before NAME */
        {" L c1\n", " X c1\n"},                           /* bad row type */
    };
    static const char LP_OK[] = "Minimize\n obj: x + y\nSubject To\n c1: x + y >= 1\n"
        " c2: x - y <= 3\nBounds\n x <= 4\nEnd\n";
    static const char *const lp_bad[][2] = {
        {"End\n", ""},                                    /* no end */
        {"End\n", "End\nx\n"},                            /* text after end */
        {"Bounds\n", "General\n x\nBounds\n"},            /* integer section */
        {"End\n", "Binary\n x\nEnd\n"},
        {"c1: x + y >= 1\n c2:", "R2: x + y >= 1\n"},   /* clashes with unnamed R2 */
        {"c1: x + y >= 1", "c2: x + y >= 1"},             /* repeated name */
        {"c1: x + y >= 1", "c1: x + y >= inf"},
        {"c1: x + y >= 1", "c1: -1 <= x + y >= 1"},       /* mixed ranged ops */
        {"c1: x + y >= 1", "c1: x * y >= 1"},             /* unknown character */
        {"c1: x + y >= 1", "c1: x + y"},                  /* no operator */
        {"c1: x + y >= 1", "c1: x + y +"},                /* a sign, no term */
        {"End\n", "sos\n s1: S1:: x:1\nEnd\n"},          /* sos, never read */
        {"c1: x + y >= 1", "c1: x + min >= 1"},           /* keyword as a name */
        {"c1: x + y >= 1", "c1: x + >= 1"},
        {"c1: x + y >= 1", "c1: x + y >= 1e999999"},
        {"x <= 4", "x <= -inf"},
        {"x <= 4", "x >= +inf"},
        {"x <= 4", "x = inf"},
        {"x <= 4", "5 >= x >= 1"},
        {"x <= 4", "x <= 4 <= 5"},
        {"Minimize\n", ""},                               /* no objective section */
        {"Subject To\n", ""},                             /* no constraints section */
        {"Subject To\n", "Subject\n"},
        {" obj: x + y\n", " obj: x y\n"},                 /* missing operator */
    };
    static const char *const mps_good[][2] = {
        {" RHS c1 4", " RHS c1 4."}, {" RHS c1 4", " RHS c1 .4e1"}, {" RHS c1 4", " RHS c1 +40E-1"},
        {" RHS c1 4", " RHS c1 8/2"}, {"ROWS\n", "OBJSENSE MIN\nROWS\n"},
        {" RHS c1 4\n", " c1 4\n"}, {"ENDATA\n", "ENDATA\n* trailing comment\n\n"},
        {"NAME T\n", "NAME\r\n"}, {" x obj 1 c1 1\n", "\tx\tobj\t1\tc1\t1\r\n"},
        {"ENDATA\n", "ENDATA\n x\n"}, {"RHS\n RHS c1 4\n", ""}, {" RHS c1 4", " RHS c1 4D0"},
        {" y c1 1\n", " y c1 1 $ comment\n"}, {"RHS\n RHS c1 4\n", "RANGES\n R c1 1\n"},
    };
    static const char *const lp_good[][2] = {
        {"c1: x + y >= 1", "c1: x + y > 1"}, {"c1: x + y >= 1", "c1: x + y => 1"},
        {"c2: x - y <= 3", "c2: x - y =< 3"}, {"c1: x + y >= 1", "c1: 1 <= x + y <= 1e1"},
        {"c1: x + y >= 1", "\\ comment\nc1: x\n+ y >= 1 \\ more"},
        {"Subject To", "st"}, {"Subject To", "such that"}, {"Subject To", "S.T."},
        {"Minimize", "MIN"}, {"x <= 4", "x <= 4 y >= -1"}, {"c1: x + y >= 1", "c1: 2x + 3y >= 1"},
        {"c1: x + y >= 1", "c1: x + y + 2 >= 1"}, {"c1: x + y >= 1", "c1: 2 + x + y >= 1"},
        {"c1: x + y >= 1", "end: x + y >= 1"}, {"c1: x + y >= 1", "bounds: x + y >= 1"},
    };
    const char *f;
    char *t, what[200];
    long m, n, z;
    size_t k;
    tmp_begin();
    f = wfile("ok.mps", MPS_OK);
    TL_CHECK(chk_model_counts(f, &m, &n, &z) == 0 && m == 2 && n == 2 && z == 3, "ok.mps");
    f = wfile("ok.lp", LP_OK);
    TL_CHECK(chk_model_counts(f, &m, &n, &z) == 0 && m == 2 && n == 2 && z == 4, "ok.lp");
    mute(1);
    for (k = 0; k < sizeof mps_bad / sizeof *mps_bad; k++) {
        t = subst(MPS_OK, mps_bad[k][0], mps_bad[k][1]);
        snprintf(what, sizeof what, "MPS '%s' -> '%s'", mps_bad[k][0], mps_bad[k][1]);
        f = wfile("bad.mps", t);
        TL_CHECK(strcmp(mps_bad[k][1], " RHS c1 4.") == 0 ? chk_model_counts(f, &m, &n, &z) == 0
                 : chk_model_counts(f, &m, &n, &z) == 2, "%s", what);
        free(t);
    }
    for (k = 0; k < sizeof lp_bad / sizeof *lp_bad; k++) {
        t = subst(LP_OK, lp_bad[k][0], lp_bad[k][1]);
        f = wfile("bad.lp", t);
        TL_CHECK(chk_model_counts(f, &m, &n, &z) == 2, "LP '%s' -> '%s'", lp_bad[k][0], lp_bad[k][1]);
        free(t);
    }
    f = wfile("long.lp", "Minimize\n obj: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
              "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
              "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
              "xxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nSubject To\nEnd\n");
    TL_CHECK(chk_model_counts(f, &m, &n, &z) == 2, "name of 256 characters");
    mute(0);
    for (k = 0; k < sizeof mps_good / sizeof *mps_good; k++) {
        t = subst(MPS_OK, mps_good[k][0], mps_good[k][1]);
        f = wfile("good.mps", t);
        TL_CHECK(chk_model_counts(f, &m, &n, &z) == 0 && m == 2 && n == 2 && z == 3,
                 "MPS '%s' -> '%s'", mps_good[k][0], mps_good[k][1]);
        free(t);
    }
    for (k = 0; k < sizeof lp_good / sizeof *lp_good; k++) {
        t = subst(LP_OK, lp_good[k][0], lp_good[k][1]);
        f = wfile("good.lp", t);
        TL_CHECK(chk_model_counts(f, &m, &n, &z) == 0 && m == 2 && n == 2,
                 "LP '%s' -> '%s'", lp_good[k][0], lp_good[k][1]);
        free(t);
    }
    tmp_end();
    return TL_RESULT();
}

/* ---- Netlib: rows, columns and nonzeros as published in
 * shared/data/netlib/REFERENCE.md and netlib-large/REFERENCE.md ---- */
static const struct { const char *file; long m, n, nnz; } NETLIB[] = {
    {"netlib/adlittle", 56, 97, 383}, {"netlib/afiro", 27, 32, 83},
    {"netlib/agg", 488, 163, 2410}, {"netlib/agg2", 516, 302, 4284},
    {"netlib/beaconfd", 173, 262, 3375}, {"netlib/blend", 74, 83, 491},
    {"netlib/boeing2", 166, 143, 1196}, {"netlib/bore3d", 233, 315, 1429},
    {"netlib/brandy", 220, 249, 2148}, {"netlib/capri", 271, 353, 1767},
    {"netlib/e226", 223, 282, 2578}, {"netlib/grow7", 140, 301, 2612},
    {"netlib/israel", 174, 142, 2269}, {"netlib/kb2", 43, 41, 286},
    {"netlib/lotfi", 153, 308, 1078}, {"netlib/recipe", 91, 180, 663},
    {"netlib/sc105", 105, 103, 280}, {"netlib/sc205", 205, 203, 551},
    {"netlib/sc50a", 50, 48, 130}, {"netlib/sc50b", 50, 48, 118},
    {"netlib/scagr7", 129, 140, 420}, {"netlib/scsd1", 77, 760, 2388},
    {"netlib/share1b", 117, 225, 1151}, {"netlib/share2b", 96, 79, 694},
    {"netlib/stair", 356, 467, 3856}, {"netlib/stocfor1", 117, 111, 447},
    {"netlib/vtpbase", 198, 203, 908},
    {"netlib-infeas/box1", 231, 261, 651}, {"netlib-infeas/ex72a", 197, 215, 467},
    {"netlib-infeas/forest6", 66, 95, 210}, {"netlib-infeas/galenet", 8, 8, 16},
    {"netlib-infeas/klein1", 54, 54, 696}, {"netlib-infeas/woodinfe", 35, 89, 140},
    {"netlib-large/80bau3b", 2262, 9799, 21002}, {"netlib-large/bnl2", 2324, 3489, 13999},
    {"netlib-large/cycle", 1903, 2857, 20720}, {"netlib-large/czprob", 929, 3523, 10669},
    {"netlib-large/d2q06c", 2171, 5167, 32417}, {"netlib-large/degen3", 1503, 1818, 24646},
    {"netlib-large/dfl001", 6071, 12230, 35632}, {"netlib-large/fit2d", 25, 10500, 129018},
    {"netlib-large/fit2p", 3000, 13525, 50284}, {"netlib-large/ganges", 1309, 1681, 6912},
    {"netlib-large/greenbea", 2392, 5405, 30877}, {"netlib-large/greenbeb", 2392, 5405, 30877},
    {"netlib-large/maros-r7", 3136, 9408, 144848}, {"netlib-large/nesm", 662, 2923, 13288},
    {"netlib-large/perold", 625, 1376, 6018}, {"netlib-large/pilot", 1441, 3652, 43167},
    {"netlib-large/pilot4", 410, 1000, 5141}, {"netlib-large/pilot87", 2030, 4883, 73152},
    {"netlib-large/pilotnov", 975, 2172, 13057}, {"netlib-large/ship12l", 1151, 5427, 16170},
    {"netlib-large/sierra", 1227, 2036, 7302}, {"netlib-large/wood1p", 244, 2594, 70215},
    {"netlib-large/woodw", 1098, 8405, 37474}};

int test_chk_netlib_counts(fk_rng *r)
{
    char path[512];
    long m, n, z;
    size_t k;
    int any = 0, nquick = 0;
    for (k = 0; k < sizeof NETLIB / sizeof *NETLIB; k++) {
        FILE *f;
        int large = strncmp(NETLIB[k].file, "netlib-large", 12) == 0, rc;
        clock_t t0;
        snprintf(path, sizeof path, "%s/data/%s.mps", tl_shared(), NETLIB[k].file);
        if (!(f = fopen(path, "rb"))) {
            tl_report(NETLIB[k].file, TL_SKIP, "counts: %s not found", path);
            continue;
        }
        fclose(f);
        if (large && tl_quick() && strcmp(NETLIB[k].file, "netlib-large/fit2d")) {
            nquick++;
            continue; /* the sanitizer run reads one large file */
        }
        any = 1;
        t0 = clock();
        rc = chk_model_counts(path, &m, &n, &z);
        TL_CHECK(rc == 0 && m == NETLIB[k].m && n == NETLIB[k].n && z == NETLIB[k].nnz,
                 "%s: exit %d, %ld rows %ld cols %ld nonzeros; published %ld %ld %ld",
                 NETLIB[k].file, rc, m, n, z, NETLIB[k].m, NETLIB[k].n, NETLIB[k].nnz);
        if (strcmp(NETLIB[k].file, "netlib-large/fit2d") == 0)
            tl_info("chk_fit2d_read", "fit2d.mps (4.8 MB) read in %ld ms",
                      (long)((clock() - t0) * 1000 / CLOCKS_PER_SEC));
    }
    if (nquick)
        tl_report("chk_netlib_counts netlib-large", TL_SKIP,
                  "quick run: %d large files are counted in the full run only", nquick);
    return any ? TL_RESULT() : TL_SKIP;
}
