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
static int saved_err = -1;
static void mute(int on)
{
    fflush(stderr);
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
            if (k < ne && d == 2) /* drop the line */
                f[k] = f[ne - 1];
            text = cert_text(model, sense, "optimal", m, n, o, f, ne - (k < ne && d == 2));
            snprintf(what, sizeof what, "%s: %s %s %s",
                     d == 2 ? "drop" : d == 0 ? "flip" : d > 0 ? "+1" : "-1",
                     k < ne ? e[k].key : "objective", k < ne ? e[k].name : "", v);
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
        {"farkas-certificate 1", "farkas-certificate 2"},
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
