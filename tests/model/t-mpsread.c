/* t-mpsread.c: the MPS reader against every rule of docs/model-formats.md,
 * Netlib against the published counts, the bad-input corpus (tests/bad)
 * against its expected messages, and write/read round trips (LP and MPS)
 * of every Netlib model, compared exactly. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lp_io.h"
#include "testlib.h"

static int q_is(const mpq_t q, int fin, const char *want)
{
    mpq_t w;
    int ok;
    if (want == NULL)
        return !fin;
    if (!fin)
        return 0;
    mpq_init(w);
    mpq_set_str(w, want, 10);
    mpq_canonicalize(w);
    ok = mpq_equal(q, w);
    mpq_clear(w);
    return ok;
}

/* NULL stands for an infinite bound. */
static int row_is(const lp_model *lp, const char *name, const char *lo,
                  const char *hi)
{
    long i = lp_find_row(lp, name);
    if (!TL_CHECK(i >= 0, "row %s missing", name))
        return 0;
    return TL_CHECK(q_is(lp->rlo[i], lp->rlo_fin[i], lo) &&
                        q_is(lp->rhi[i], lp->rhi_fin[i], hi),
                    "row %s: [%s%s, %s%s], want [%s, %s]", name,
                    lp->rlo_fin[i] ? "" : "-inf ",
                    mpq_get_str(NULL, 10, lp->rlo[i]),
                    lp->rhi_fin[i] ? "" : "+inf ",
                    mpq_get_str(NULL, 10, lp->rhi[i]), lo ? lo : "-inf",
                    hi ? hi : "+inf");
}

static int col_is(const lp_model *lp, const char *name, const char *lo,
                  const char *hi, const char *obj)
{
    long j = lp_find_col(lp, name);
    if (!TL_CHECK(j >= 0, "column %s missing", name))
        return 0;
    return TL_CHECK(q_is(lp->clo[j], lp->clo_fin[j], lo) &&
                        q_is(lp->chi[j], lp->chi_fin[j], hi) &&
                        q_is(lp->obj[j], 1, obj),
                    "column %s: [%s%s, %s%s] cost %s, want [%s, %s] cost %s",
                    name, lp->clo_fin[j] ? "" : "-inf ",
                    mpq_get_str(NULL, 10, lp->clo[j]),
                    lp->chi_fin[j] ? "" : "+inf ",
                    mpq_get_str(NULL, 10, lp->chi[j]),
                    mpq_get_str(NULL, 10, lp->obj[j]), lo ? lo : "-inf",
                    hi ? hi : "+inf", obj);
}

/* a_ij as a string compare; "0" for absent. */
static int coef_is(const lp_model *lp, const char *row, const char *col,
                   const char *want)
{
    long i = lp_find_row(lp, row), j = lp_find_col(lp, col), k;
    if (!TL_CHECK(i >= 0 && j >= 0, "coef %s,%s: no such row/col", row, col))
        return 0;
    for (k = lp->cbeg[j]; k < lp->cbeg[j + 1]; k++)
        if (lp->ridx[k] == i)
            return TL_CHECK(q_is(lp->val[k], 1, want), "a[%s,%s] = %s, want %s",
                            row, col, mpq_get_str(NULL, 10, lp->val[k]),
                            want);
    return TL_CHECK(strcmp(want, "0") == 0, "a[%s,%s] = 0, want %s", row, col,
                    want);
}

static int err_is(const fk_err *e, fk_status st, fk_status code,
                  const char *where_suffix, const char *msg)
{
    size_t n = strlen(e->where), k = strlen(where_suffix);
    return TL_CHECK(st == code && n >= k &&
                        strcmp(e->where + n - k, where_suffix) == 0 &&
                        strcmp(e->msg, msg) == 0,
                    "got %d '%s: %s', want %d '...%s: %s'", (int)st, e->where,
                    e->msg, (int)code, where_suffix, msg);
}

static const char *full_mps =
    "* every rule in one file\n"
    "NAME          TEST   with commentary\n"
    "ROWS\n"
    " N  COST\n"
    " E  EQ1\n"
    " E  EQ2\n"
    " E  EQ3\n"
    " L  LE1\n"
    " L  LE2\n"
    " G  GE1\n"
    " G  GE2\n"
    " N  FREE2\n"
    " L  NORHS\n"
    "COLUMNS\n"
    "    X1        COST      1.5          EQ1       1\n"
    "    X1        FREE2     7            LE1       -2.5E+2\n"
    "    X2        EQ2       3/4\n"
    "    X2        COST      -1e-3\n"
    "    X3        GE1       .5           GE2       5.\n"
    "    X4        EQ3       1\n"
    "    X5        LE2       1\n"
    "    X6        NORHS     0\n"
    "    X7        COST      0.1\n"
    "    X8        COST      1\n"
    "    X9        COST      1\n"
    "    X10       COST      1\n"
    "    X11       COST      1\n"
    "    X12       COST      1\n"
    "    X13       COST      1\n"
    "    X14       COST      1\n"
    "RHS\n"
    "    RHS       COST      -2.5         EQ1       10\n"
    "    RHS       EQ2       4            EQ3       6\n"
    "    RHS       LE1       8            LE2       -1\n"
    "    RHS       GE1       2            GE2       3\n"
    "    RHS       FREE2     99\n"
    "RANGES\n"
    "    RNG       EQ1       2            EQ2       -3\n"
    "    RNG       EQ3       0            LE1       4\n"
    "    RNG       LE2       -5           GE1       6\n"
    "    RNG       GE2       -7\n"
    "BOUNDS\n"
    " UP BND       X1        4\n"
    " UP BND       X2        -1\n"
    " LO BND       X3        -2\n"
    " UP BND       X3        -1\n"
    " MI BND       X4\n"
    " PL BND       X5\n"
    " FR BND       X6\n"
    " FX BND       X7        1/3\n"
    " LO BND       X8        1\n"
    " UP BND       X8        0\n"
    " MI BND       X9\n"
    " UP BND       X9        5\n"
    " LO BND       X10       -inf\n"
    "ENDATA\n";

int test_mps_rules(fk_rng *r);
int test_mps_rules(fk_rng *r)
{
    lp_model *lp = NULL;
    fk_err e;
    fk_status st;
    (void)r;
    /* "-inf" is not an MPS number: first check the error, then drop it */
    st = tl_read_model_text(&lp, "full.mps", full_mps, &e);
    err_is(&e, st, FK_EPARSE, ":55:25", "bad number '-inf'");
    {
        char *t = fk_strdup(full_mps);
        char *cut = strstr(t, " LO BND       X10");
        strcpy(cut, "ENDATA\n");
        st = tl_read_model_text(&lp, "full.mps", t, &e);
        free(t);
    }
    if (!TL_CHECK(st == FK_OK, "read: %s: %s", e.where, e.msg))
        return TL_FAIL;
    TL_CHECK(lp->m == 8 && lp->n == 14, "m=%ld n=%ld", lp->m, lp->n);
    TL_CHECK(strcmp(lp->name, "TEST") == 0, "name '%s'", lp->name);
    TL_CHECK(strcmp(lp->objname, "COST") == 0, "objname '%s'", lp->objname);
    TL_CHECK(lp->sense == LP_MIN, "sense");
    TL_CHECK(lp_find_row(lp, "FREE2") < 0, "extra N row kept");
    TL_CHECK(q_is(lp->objconst, 1, "5/2"), "c0 = %s",
             mpq_get_str(NULL, 10, lp->objconst));
    TL_CHECK(lp->nnz == 7, "nnz = %ld (FREE2 entry and the zero dropped)",
             lp->nnz);
    coef_is(lp, "LE1", "X1", "-250");
    coef_is(lp, "EQ2", "X2", "3/4");
    coef_is(lp, "GE1", "X3", "1/2");
    coef_is(lp, "GE2", "X3", "5");
    coef_is(lp, "NORHS", "X6", "0");
    /* RANGES: E with R>0, R<0, R=0; L and G take |R| */
    row_is(lp, "EQ1", "10", "12");
    row_is(lp, "EQ2", "1", "4");
    row_is(lp, "EQ3", "6", "6");
    row_is(lp, "LE1", "4", "8");
    row_is(lp, "LE2", "-6", "-1");
    row_is(lp, "GE1", "2", "8");
    row_is(lp, "GE2", "3", "10");
    row_is(lp, "NORHS", NULL, "0");
    /* BOUNDS */
    col_is(lp, "X1", "0", "4", "3/2");
    col_is(lp, "X2", NULL, "-1", "-1/1000"); /* UP < 0, no LO: l = -inf */
    col_is(lp, "X3", "-2", "-1", "0");       /* UP < 0 after LO: kept */
    col_is(lp, "X4", NULL, NULL, "0");
    col_is(lp, "X5", "0", NULL, "0");
    col_is(lp, "X6", NULL, NULL, "0");
    col_is(lp, "X7", "1/3", "1/3", "1/10");
    col_is(lp, "X8", "1", "0", "1");
    col_is(lp, "X9", NULL, "5", "1");
    lp_free(lp);
    return TL_RESULT();
}

int test_mps_variants(fk_rng *r);
int test_mps_variants(fk_rng *r)
{
    lp_model *lp = NULL;
    fk_err e;
    fk_status st;
    (void)r;
    /* OBJSENSE on its own line, and on one line; MAXIMIZE */
    st = tl_read_model_text(&lp, "s1.mps",
                   "NAME\nOBJSENSE\n    MAX\nROWS\n N obj\n L c\nCOLUMNS\n"
                   " x obj 1 c 1\nRHS\n rhs c 1\nENDATA\n",
                   &e);
    if (TL_CHECK(st == FK_OK, "s1: %s: %s", e.where, e.msg)) {
        TL_CHECK(lp->sense == LP_MAX && lp->name[0] == '\0', "s1 sense");
        lp_free(lp);
    }
    st = tl_read_model_text(&lp, "s2.mps",
                   "NAME x\nOBJSENSE MAXIMIZE\nROWS\n N obj\nCOLUMNS\n"
                   " x obj 1\nRHS\nENDATA\n",
                   &e);
    if (TL_CHECK(st == FK_OK, "s2: %s: %s", e.where, e.msg)) {
        TL_CHECK(lp->sense == LP_MAX && lp->m == 0 && lp->n == 1, "s2");
        lp_free(lp);
    }
    st = tl_read_model_text(&lp, "s3.mps",
                   "NAME\nOBJSENSE\n  MINIMIZE\nROWS\n N obj\nCOLUMNS\n"
                   " x obj 1\nRHS\nENDATA\n",
                   &e);
    if (TL_CHECK(st == FK_OK, "s3: %s: %s", e.where, e.msg)) {
        TL_CHECK(lp->sense == LP_MIN, "s3");
        lp_free(lp);
    }
    /* RHS without a set name (even fields); BV with and without a set,
     * and BV with a value; LI / UI; blank and comment lines; CRLF */
    st = tl_read_model_text_flags(&lp, "s4.mps",
                   "NAME\r\nROWS\r\n N obj\r\n G c\r\n\r\n* note\r\nCOLUMNS\r\n"
                   " x obj 1 c 1\r\n y c 1\r\n z c 1\r\n w c 1\r\n v c 1\r\n"
                   "RHS\r\n c 3 obj 4\r\nBOUNDS\r\n BV B x\r\n BV B y\r\n"
                   " BV B z 1\r\n LI B w -3\r\n UI B v -2\r\nENDATA\r\n",
                   LPIO_RELAX, &e);
    if (TL_CHECK(st == FK_OK, "s4: %s: %s", e.where, e.msg)) {
        row_is(lp, "c", "3", NULL);
        TL_CHECK(q_is(lp->objconst, 1, "-4"), "s4 c0");
        col_is(lp, "x", "0", "1", "1");
        col_is(lp, "y", "0", "1", "0");
        col_is(lp, "z", "0", "1", "0");
        col_is(lp, "w", "-3", NULL, "0");
        col_is(lp, "v", NULL, "-2", "0"); /* UI < 0 acts as UP */
        lp_free(lp);
    }
    /* BOUNDS without set names: BV with 3 fields ending in a number */
    st = tl_read_model_text_flags(&lp, "s6.mps",
                   "NAME\nROWS\n N obj\nCOLUMNS\n x obj 1\n z obj 1\nRHS\n"
                   "BOUNDS\n BV z 1\n UP x 4\nENDATA\n",
                   LPIO_RELAX, &e);
    if (TL_CHECK(st == FK_OK, "s6: %s: %s", e.where, e.msg)) {
        TL_CHECK(lp->nrelax == 1, "s6 nrelax");
        col_is(lp, "x", "0", "4", "1");
        col_is(lp, "z", "0", "1", "1");
        lp_free(lp);
    }
    /* no N row at all: objective empty */
    st = tl_read_model_text(&lp, "s5.mps",
                   "NAME\nROWS\n E c\nCOLUMNS\n x c 2\nRHS\n B c 4\nENDATA\n",
                   &e);
    if (TL_CHECK(st == FK_OK, "s5: %s: %s", e.where, e.msg)) {
        row_is(lp, "c", "4", "4");
        TL_CHECK(lp->objname[0] == '\0', "s5 objname");
        lp_free(lp);
    }
    return TL_RESULT();
}

/* Fixed columns, '$' comments, D exponents, optional RHS, text after
 * ENDATA, integrality under LPIO_RELAX (docs/model-formats.md). */
int test_mps_dialects(fk_rng *r);
int test_mps_dialects(fk_rng *r)
{
    /* "    x" at column 5 .. : the fixed layout, built by column */
    static const char *const fixed =
        "NAME          T\n"
        "ROWS\n"
        " N  COST\n"
        " L  LIM 1\n"
        "COLUMNS\n"
        "    X ONE     COST      1.5D0          LIM 1     2\n"
        "              LIM 1     1              $ repeated: an error\n"
        "ENDATA\n";
    lp_model *lp = NULL;
    fk_err e;
    fk_status st;
    char buf[512];
    (void)r;
    /* GLPK-style fixed file (tests/data/dialects/glpk-fixed.mps): names with
     * blanks, empty name fields, comments in fields 3 and 5, D exponents. */
    st = lp_read_file(&lp, "tests/data/dialects/glpk-fixed.mps", &e);
    if (TL_CHECK(st == FK_OK, "glpk-fixed: %s: %s", e.where, e.msg)) {
        TL_CHECK(lp->m == 3 && lp->n == 3 && lp->nnz == 7, "glpk-fixed sizes");
        row_is(lp, "CAP A", "4", NULL);
        row_is(lp, "CAP B", NULL, "1");
        row_is(lp, "BAL ANCE", "0", "0");
        col_is(lp, "X ONE", "0", NULL, "3");
        col_is(lp, "Y TWO", "0", "3/2", "3");
        col_is(lp, "Z SCALED", "0", NULL, "1");
        coef_is(lp, "CAP B", "X ONE", "1");  /* the line with an empty name */
        coef_is(lp, "CAP B", "Y TWO", "-1");
        coef_is(lp, "BAL ANCE", "Y TWO", "1");    /* 1.0d0 */
        coef_is(lp, "CAP A", "Z SCALED", "1");
        coef_is(lp, "BAL ANCE", "Z SCALED", "-1");
        lp_free(lp);
    }
    /* In the fixed layout the continuation line repeats (LIM 1, X ONE). */
    st = tl_read_model_text(&lp, "fx.mps", fixed, &e);
    err_is(&e, st, FK_EPARSE, ":7:15", "duplicate entry for row 'LIM 1' in this column");
    /* One tab anywhere makes the file free: "LIM 1" is then two fields. */
    snprintf(buf, sizeof buf, "%s", fixed);
    memcpy(strstr(buf, "COLUMNS") - 1, "\t", 1); /* "LIM 1\t" */
    st = tl_read_model_text(&lp, "fx2.mps", buf, &e);
    err_is(&e, st, FK_EPARSE, ":4:9", "unexpected field '1'");
    /* Free: '$' comments after two fields, D exponents, no RHS section
     * (rhs 0), RANGES right after COLUMNS, text after ENDATA ignored. */
    st = tl_read_model_text(&lp, "fr.mps",
                   "NAME\nROWS\n N obj $ c\n G c\nCOLUMNS\n x obj -2.5d1 c 1D-1 $ x y z\n"
                   " y c 3 $comment\nRANGES\n R c 2D0\nENDATA\nPRIORITIES\n\001\n", &e);
    if (TL_CHECK(st == FK_OK, "fr: %s: %s", e.where, e.msg)) {
        row_is(lp, "c", "0", "2");
        col_is(lp, "x", "0", NULL, "-25");
        coef_is(lp, "c", "x", "1/10");
        coef_is(lp, "c", "y", "3");
        lp_free(lp);
    }
    /* A "$" as the second field is a name, not a comment ("$" rows). */
    st = tl_read_model_text(&lp, "dl.mps", "NAME\nROWS\n N $o\nCOLUMNS\n x $o 2\nENDATA\n", &e);
    if (TL_CHECK(st == FK_OK, "dl: %s: %s", e.where, e.msg)) {
        col_is(lp, "x", "0", NULL, "2");
        lp_free(lp);
    }
    /* MIPLIB style under LPIO_RELAX: X in a MARKER block, B binary, S
     * semi-continuous with lower bound 1 and SC 4 (hull [0, 4]), Y LI/UI.
     * Four columns relaxed; Z is a plain column. */
    st = tl_read_model_text_flags(&lp, "mip.mps",
                   "NAME\nROWS\n N o\n G c\nCOLUMNS\n M 'MARKER' 'INTORG'\n X c 1\n"
                   " M 'MARKER' 'INTEND'\n Y c 1\n B c 1\n S c 1\n Z c 1\nRHS\n"
                   " c 1\nBOUNDS\n BV bd B\n LO bd S 1\n SC bd S 4\n LI bd Y -2\n"
                   " UI bd Y 3\n UP bd X 9\nENDATA\n", LPIO_RELAX, &e);
    if (TL_CHECK(st == FK_OK, "mip: %s: %s", e.where, e.msg)) {
        TL_CHECK(lp->nrelax == 4, "mip nrelax %ld, want 4", lp->nrelax);
        col_is(lp, "X", "0", "9", "0");
        col_is(lp, "Y", "-2", "3", "0");
        col_is(lp, "B", "0", "1", "0");
        col_is(lp, "S", "0", "4", "0");
        col_is(lp, "Z", "0", NULL, "0");
        lp_free(lp);
    }
    {
        static const struct { const char *text, *where, *msg; } bad[] = {
            {"NAME\nROWS\n N o\nCOLUMNS\n M 'MARKER' 'INTEND'\n", ":5:2",
             "'INTEND' without 'INTORG'"},
            {"NAME\nROWS\n N o\nCOLUMNS\n M 'MARKER' 'INTORG'\n M 'MARKER' 'INTORG'\n", ":6:2",
             "'INTORG' inside an integer block"},
            {"NAME\nROWS\n N o\nCOLUMNS\n M 'MARKER'\n", ":5:2",
             "bad MARKER line (want: name 'MARKER' 'INTORG' or 'INTEND')"},
            {"NAME\nROWS\n N o\nCOLUMNS\n x o 1\nBOUNDS\n SC B x -1\nENDATA\n", ":7:9",
             "negative SC bound"},
            {"NAME\nROWS\n N  o\nCOLUMNS\n              o         1\nENDATA\n", ":5:5",
             "empty column name and no column before"},
        };
        size_t k;
        for (k = 0; k < sizeof bad / sizeof *bad; k++) {
            st = tl_read_model_text_flags(&lp, "bad.mps", bad[k].text, LPIO_RELAX, &e);
            if (!err_is(&e, st, FK_EPARSE, bad[k].where, bad[k].msg))
                printf("  dialect case %zu\n", k);
            TL_CHECK(lp == NULL, "model returned on error");
        }
    }
    return TL_RESULT();
}

/* Errors with their exact position and message. */
int test_mps_errors(fk_rng *r);
int test_mps_errors(fk_rng *r)
{
    static const struct {
        const char *text, *where, *msg;
        fk_status code;
    } cases[] = {
        {"", ":1:1", "unexpected end of file: missing ENDATA", FK_EPARSE},
        {"NAME\nROWS\n N o\nCOLUMNS\n x o 1\nRHS\n", ":7:1",
         "unexpected end of file: missing ENDATA", FK_EPARSE},
        {"NAME\nFOO\n", ":2:1", "unknown section 'FOO'", FK_EPARSE},
        {"NAME\nCOLUMNS\n", ":2:1", "missing section ROWS before COLUMNS",
         FK_EPARSE},
        {"NAME\nROWS\nCOLUMNS\nROWS\n", ":4:1",
         "section ROWS out of order (after COLUMNS)", FK_EPARSE},
        {"NAME\nROWS\n N o\n E r\n L r\n", ":5:4", "duplicate row name 'r'",
         FK_EPARSE},
        {"NAME\nROWS\n N o\n N o\n", ":4:4", "duplicate row name 'o'",
         FK_EPARSE},
        {"NAME\nROWS\n X r\n", ":3:2", "unknown row type 'X'", FK_EPARSE},
        {"NAME\nROWS\n E r\nCOLUMNS\n x s 1\n", ":5:4",
         "row 's' not declared in ROWS", FK_EPARSE},
        {"NAME\nROWS\n E r\nCOLUMNS\n x r 1.2.3\n", ":5:6",
         "bad number '1.2.3'", FK_EPARSE},
        {"NAME\nROWS\n E r\nCOLUMNS\n x r 1e\n", ":5:6", "bad number '1e'",
         FK_EPARSE},
        {"NAME\nROWS\n E r\nCOLUMNS\n x r 3/0\n", ":5:6",
         "division by zero in '3/0'", FK_EPARSE},
        {"NAME\nROWS\n E r\nCOLUMNS\n x r 1e999999\n", ":5:6",
         "exponent too large in '1e999999' (limit 100000)", FK_ELIMIT},
        {"NAME\nROWS\n E r\nCOLUMNS\n x r 1 r 2\n", ":5:8",
         "duplicate entry for row 'r' in this column", FK_EPARSE},
        {"NAME\nROWS\n E r\n E s\nCOLUMNS\n x r 1\n y r 1\n x s 1\n", ":8:2",
         "entries of column 'x' are split into two blocks", FK_EPARSE},
        {"NAME\nROWS\n E r\nCOLUMNS\n MARKER 'MARKER' 'INTORG'\n", ":5:9",
         "integer MARKER: this is a mixed-integer program and farkas solves "
         "LPs (--relax solves its LP relaxation)",
         FK_EPARSE},
        {"NAME\nROWS\n E r\nCOLUMNS\n x r 1\nRHS\n A r 1\n B r 1\n", ":8:2",
         "second RHS set 'B' (only one set is allowed)", FK_EPARSE},
        {"NAME\nROWS\n E r\nCOLUMNS\n x r 1\nRHS\n r 1\n r 2\n", ":8:2",
         "duplicate RHS entry for row 'r'", FK_EPARSE},
        {"NAME\nROWS\n N o\nCOLUMNS\n x o 1\nRHS\nRANGES\n R o 1\n", ":8:4",
         "RANGES entry for N row 'o'", FK_EPARSE},
        {"NAME\nROWS\n N o\nCOLUMNS\n x o 1\nRHS\nBOUNDS\n SC B x 1\n", ":8:2",
         "bound type SC: this is a mixed-integer program and farkas solves "
         "LPs (--relax solves its LP relaxation)", FK_EPARSE},
        {"NAME\nROWS\n N o\nCOLUMNS\n x o 1\nRHS\nBOUNDS\n SI B x 1\n", ":8:2",
         "unknown bound type 'SI'", FK_EPARSE},
        {"NAME\nROWS\n N o\nCOLUMNS\n x o 1\nRHS\nBOUNDS\n UP B y 1\n", ":8:7",
         "column 'y' not declared in COLUMNS", FK_EPARSE},
        {"NAME\nROWS\n N o\nCOLUMNS\n x o 1\nRHS\nBOUNDS\n UP x\n", ":8:2",
         "too few fields in BOUNDS line", FK_EPARSE},
        {"NAME\nOBJSENSE\nROWS\n", ":2:1", "OBJSENSE without MIN or MAX",
         FK_EPARSE},
        {"NAME\nOBJSENSE\n  UP\n", ":3:3", "unknown objective sense 'UP'",
         FK_EPARSE},
        {" x y\n", ":1:2", "data line 'x' before the NAME section",
         FK_EPARSE},
        {"NAME\n\001\n", ":2:1", "invalid character 0x01", FK_EPARSE},
        {"NAME\nROWS\n E r s\n", ":3:6", "unexpected field 's'", FK_EPARSE},
        {"NAME\nROWS\n E r\n E s\nCOLUMNS\n x r 1\nRHS\n A r 1\n s 1\n", ":9:2",
         "RHS line without a set name after set 'A' (only one set is allowed)",
         FK_EPARSE},
        {"NAME\nROWS\n N o\n N d\nCOLUMNS\n x d 1 d 2\n", ":6:8",
         "duplicate entry for row 'd' in this column", FK_EPARSE},
        {"NAME\nROWS\n N o\n N d\nCOLUMNS\n x d 1.2.3\n", ":6:6",
         "bad number '1.2.3'", FK_EPARSE},
        {"NAME\nROWS\n N o\n N d\nCOLUMNS\n x o 1\nRHS\n d 1 d 2\n", ":8:6",
         "duplicate RHS entry for row 'd'", FK_EPARSE},
        {"NAME\nROWS\n N o\nCOLUMNS\n x o 1 'MARKER' 2\n", ":5:8",
         "integer MARKER: this is a mixed-integer program and farkas solves "
         "LPs (--relax solves its LP relaxation)",
         FK_EPARSE},
        {"NAME\f\n", ":1:5", "invalid character 0x0C", FK_EPARSE},
    };
    size_t k;
    (void)r;
    for (k = 0; k < sizeof cases / sizeof *cases; k++) {
        lp_model *lp = NULL;
        fk_err e;
        fk_status st = tl_read_model_text(&lp, "err.mps", cases[k].text, &e);
        if (!err_is(&e, st, cases[k].code, cases[k].where, cases[k].msg))
            printf("  case %zu\n", k);
        TL_CHECK(lp == NULL, "model returned on error");
        lp_free(lp);
    }
    /* limits: a long line, a long name */
    {
        size_t n = (size_t)LPIO_MAX_LINE + 10;
        char *t = malloc(n + 64);
        lp_model *lp = NULL;
        fk_err e;
        fk_status st;
        strcpy(t, "NAME\nROWS\n E ");
        memset(t + 13, 'a', n);
        strcpy(t + 13 + n, "\n");
        st = tl_read_model_text(&lp, "long.mps", t, &e);
        err_is(&e, st, FK_ELIMIT, ":3:1",
               "line too long (1048589 bytes, at most 1048576)");
        strcpy(t, "NAME\nROWS\n E ");
        memset(t + 13, 'a', 256);
        strcpy(t + 13 + 256, "\n");
        st = tl_read_model_text(&lp, "name.mps", t, &e);
        err_is(&e, st, FK_ELIMIT, ":3:4",
               "name 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...' too long (256 "
               "characters, at most 255)");
        free(t);
        st = lp_read_file(&lp, tl_tmp_path("absent.mps"), &e);
        TL_CHECK(st == FK_EIO && lp == NULL, "missing file: %d", (int)st);
        st = lp_read_file(&lp, "model.txt", &e);
        TL_CHECK(st == FK_EINVAL && strstr(e.msg, ".mps") &&
                     strstr(e.msg, ".lp"),
                 "unknown extension: %d %s", (int)st, e.msg);
    }
    return TL_RESULT();
}

/* ---- Netlib: counts, round trips ---- */

static int same_q(const mpq_t a, int af, const mpq_t b, int bf)
{
    return af == bf && (!af || mpq_equal(a, b));
}

/* Exact model equality; the problem name only if `names`. */
static int model_eq(const lp_model *a, const lp_model *b, int pname,
                    const char *what)
{
    long i, j, k;
    if (!TL_CHECK(a->m == b->m && a->n == b->n && a->nnz == b->nnz &&
                      a->sense == b->sense,
                  "%s: sizes/sense differ (%ld %ld %ld vs %ld %ld %ld)", what,
                  a->m, a->n, a->nnz, b->m, b->n, b->nnz))
        return 0;
    if (!TL_CHECK(!pname || strcmp(a->name, b->name) == 0,
                  "%s: name '%s' vs '%s'", what, a->name, b->name) ||
        !TL_CHECK(strcmp(a->objname, b->objname) == 0,
                  "%s: objname '%s' vs '%s'", what, a->objname, b->objname) ||
        !TL_CHECK(mpq_equal(a->objconst, b->objconst), "%s: c0", what))
        return 0;
    for (i = 0; i < a->m; i++)
        if (!TL_CHECK(strcmp(a->rname[i], b->rname[i]) == 0 &&
                          same_q(a->rlo[i], a->rlo_fin[i], b->rlo[i],
                                 b->rlo_fin[i]) &&
                          same_q(a->rhi[i], a->rhi_fin[i], b->rhi[i],
                                 b->rhi_fin[i]),
                      "%s: row %ld (%s vs %s)", what, i, a->rname[i],
                      b->rname[i]))
            return 0;
    for (j = 0; j < a->n; j++) {
        if (!TL_CHECK(strcmp(a->cname[j], b->cname[j]) == 0 &&
                          mpq_equal(a->obj[j], b->obj[j]) &&
                          same_q(a->clo[j], a->clo_fin[j], b->clo[j],
                                 b->clo_fin[j]) &&
                          same_q(a->chi[j], a->chi_fin[j], b->chi[j],
                                 b->chi_fin[j]) &&
                          a->cbeg[j + 1] == b->cbeg[j + 1],
                      "%s: column %ld (%s vs %s)", what, j, a->cname[j],
                      b->cname[j]))
            return 0;
        for (k = a->cbeg[j]; k < a->cbeg[j + 1]; k++)
            if (!TL_CHECK(a->ridx[k] == b->ridx[k] &&
                              mpq_equal(a->val[k], b->val[k]),
                          "%s: entry %ld of column %s", what, k, a->cname[j]))
                return 0;
    }
    return 1;
}

/* dst = src made a valid LP name: characters LP names cannot hold become
 * '_', and a leading digit or '.' gets a '_' in front. */
static void lp_fix_name(char *dst, size_t cap, const char *src)
{
    size_t k = 0;
    const char *ok = "_!\"#$%&()/,.;?@'{}|~[]";
    if ((src[0] >= '0' && src[0] <= '9') || src[0] == '.')
        dst[k++] = '_';
    for (; *src && k + 1 < cap; src++) {
        char c = *src;
        int good = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                   (c >= '0' && c <= '9') || strchr(ok, c) != NULL;
        dst[k++] = good ? c : '_';
    }
    dst[k] = '\0';
}

/* A copy with names that LP cannot carry (leading digit or '.') given a
 * leading '_', built through the public API. */
static lp_model *lp_renamed(const lp_model *src)
{
    lp_model *d = lp_new();
    char buf[300];
    long i, j, k, idx;
    fk_err e;
    if (d == NULL)
        return NULL;
    d->sense = src->sense;
    lp_set_name(d, src->name, &e);
    lp_fix_name(buf, sizeof buf, src->objname);
    lp_set_objname(d, src->objname[0] ? buf : "", &e);
    mpq_set(d->objconst, src->objconst);
    for (i = 0; i < src->m; i++) {
        lp_fix_name(buf, sizeof buf, src->rname[i]);
        if (lp_add_row(d, buf, &idx, &e) != FK_OK)
            goto fail;
        lp_set_row_lo(d, i, src->rlo_fin[i] ? src->rlo[i] : NULL);
        lp_set_row_hi(d, i, src->rhi_fin[i] ? src->rhi[i] : NULL);
    }
    for (j = 0; j < src->n; j++) {
        lp_fix_name(buf, sizeof buf, src->cname[j]);
        if (lp_add_col(d, buf, &idx, &e) != FK_OK)
            goto fail;
        lp_set_col_lo(d, j, src->clo_fin[j] ? src->clo[j] : NULL);
        lp_set_col_hi(d, j, src->chi_fin[j] ? src->chi[j] : NULL);
        lp_set_obj(d, j, src->obj[j]);
        for (k = src->cbeg[j]; k < src->cbeg[j + 1]; k++)
            if (lp_add_coef(d, src->ridx[k], j, src->val[k], &e) != FK_OK)
                goto fail;
    }
    if (lp_finalize(d, &e) == FK_OK)
        return d;
fail:
    lp_free(d);
    return NULL;
}

/* Write with `wr`, read back, compare. */
static int roundtrip(const lp_model *lp, const char *tag, int as_lp)
{
    char path[300];
    lp_model *back = NULL;
    fk_err e;
    fk_status st;
    int ok;
    snprintf(path, sizeof path, "%s.%s", tl_tmp_path(tag), as_lp ? "lp" : "mps");
    st = as_lp ? lp_write_lp(lp, path, &e) : lp_write_mps(lp, path, &e);
    if (!TL_CHECK(st == FK_OK, "%s: write: %s", tag, e.msg))
        return 0;
    st = lp_read_file(&back, path, &e);
    remove(path);
    if (!TL_CHECK(st == FK_OK, "%s: read back: %s: %s", tag, e.where, e.msg))
        return 0;
    ok = model_eq(lp, back, !as_lp, tag);
    lp_free(back);
    return ok;
}

static const struct {
    const char *dir, *name;
    long rows, cols, nnz;
} netlib[] = {
    {"netlib", "adlittle", 56, 97, 383},   {"netlib", "afiro", 27, 32, 83},
    {"netlib", "agg", 488, 163, 2410},     {"netlib", "agg2", 516, 302, 4284},
    {"netlib", "beaconfd", 173, 262, 3375}, {"netlib", "blend", 74, 83, 491},
    {"netlib", "boeing2", 166, 143, 1196}, {"netlib", "bore3d", 233, 315, 1429},
    {"netlib", "brandy", 220, 249, 2148},  {"netlib", "capri", 271, 353, 1767},
    {"netlib", "e226", 223, 282, 2578},    {"netlib", "grow7", 140, 301, 2612},
    {"netlib", "israel", 174, 142, 2269},  {"netlib", "kb2", 43, 41, 286},
    {"netlib", "lotfi", 153, 308, 1078},   {"netlib", "recipe", 91, 180, 663},
    {"netlib", "sc105", 105, 103, 280},    {"netlib", "sc205", 205, 203, 551},
    {"netlib", "sc50a", 50, 48, 130},      {"netlib", "sc50b", 50, 48, 118},
    {"netlib", "scagr7", 129, 140, 420},   {"netlib", "scsd1", 77, 760, 2388},
    {"netlib", "share1b", 117, 225, 1151}, {"netlib", "share2b", 96, 79, 694},
    {"netlib", "stair", 356, 467, 3856},   {"netlib", "stocfor1", 117, 111, 447},
    {"netlib", "vtpbase", 198, 203, 908},
    {"netlib-infeas", "box1", 231, 261, 651},
    {"netlib-infeas", "ex72a", 197, 215, 467},
    {"netlib-infeas", "forest6", 66, 95, 210},
    {"netlib-infeas", "galenet", 8, 8, 16},
    {"netlib-infeas", "klein1", 54, 54, 696},
    {"netlib-infeas", "woodinfe", 35, 89, 140},
};

int test_mps_netlib(fk_rng *r);
int test_mps_netlib(fk_rng *r)
{
    size_t k;
    (void)r;
    for (k = 0; k < sizeof netlib / sizeof *netlib; k++) {
        char path[512];
        lp_model *lp = NULL, *ren = NULL;
        fk_err e;
        fk_status st;
        int before = tl_failed_now();
        snprintf(path, sizeof path, "%s/data/%s/%s.mps", tl_shared(),
                 netlib[k].dir, netlib[k].name);
        if (access(path, R_OK) != 0) {
            tl_report(netlib[k].name, TL_SKIP, "%s not found", path);
            continue;
        }
        st = lp_read_mps(&lp, path, &e);
        if (TL_CHECK(st == FK_OK, "%s: %s", e.where, e.msg)) {
            TL_CHECK(lp->m == netlib[k].rows && lp->n == netlib[k].cols &&
                         lp->nnz == netlib[k].nnz,
                     "%s: %ld/%ld/%ld, REFERENCE.md says %ld/%ld/%ld",
                     netlib[k].name, lp->m, lp->n, lp->nnz, netlib[k].rows,
                     netlib[k].cols, netlib[k].nnz);
            roundtrip(lp, netlib[k].name, 0);
            ren = lp_renamed(lp);
            if (TL_CHECK(ren != NULL, "%s: rename", netlib[k].name))
                roundtrip(ren, netlib[k].name, 1);
            lp_free(ren);
        }
        lp_free(lp);
        tl_report(netlib[k].name, tl_failed_now() > before ? TL_FAIL : TL_PASS,
                  "read, counts, MPS and LP round trips");
    }
    return TL_RESULT();
}

/* tests/bad: each NAME.mps / NAME.lp with NAME.err holding the exact
 * first line the CLI prints, "where: msg". */
int test_bad_corpus(fk_rng *r);
int test_bad_corpus(fk_rng *r)
{
    DIR *d = opendir("tests/bad");
    struct dirent *de;
    int n = 0;
    (void)r;
    if (d == NULL) {
        tl_report("bad corpus", TL_SKIP, "run from the repository root");
        return TL_SKIP;
    }
    while ((de = readdir(d)) != NULL) {
        char path[512], errp[512], want[1024], got[1024];
        const char *dot = strrchr(de->d_name, '.');
        size_t len;
        FILE *f;
        lp_model *lp = NULL;
        fk_err e;
        if (dot == NULL || (strcmp(dot, ".mps") != 0 && strcmp(dot, ".lp") != 0))
            continue;
        snprintf(path, sizeof path, "tests/bad/%s", de->d_name);
        snprintf(errp, sizeof errp, "tests/bad/%.*s.err",
                 (int)(dot - de->d_name), de->d_name);
        f = fopen(errp, "r");
        if (!TL_CHECK(f != NULL, "%s: no .err file", path))
            continue;
        want[0] = '\0';
        if (fgets(want, sizeof want, f) == NULL)
            want[0] = '\0';
        fclose(f);
        len = strlen(want);
        if (len && want[len - 1] == '\n')
            want[--len] = '\0';
        fk_err_clear(&e);
        /* A file the reader accepts must fail the model check that solvers
         * run first (crossed bounds); the CLI then names the file. */
        if (lp_read_file(&lp, path, &e) == FK_OK) {
            int bad = lp_check_bounds(lp, &e) != FK_OK;
            lp_free(lp);
            if (!TL_CHECK(bad, "%s accepted", path))
                continue;
            snprintf(e.where, sizeof e.where, "%.200s", path);
        }
        snprintf(got, sizeof got, "%s: %s", e.where, e.msg);
        TL_CHECK(strcmp(got, want) == 0, "%s:\n    got  %s\n    want %s", path,
                 got, want);
        n++;
    }
    closedir(d);
    TL_CHECK(n >= 40, "only %d bad inputs", n);
    return TL_RESULT();
}

int test_mps_cleanup(fk_rng *r);
int test_mps_cleanup(fk_rng *r)
{
    (void)r;
    tl_tmp_done();
    return TL_HELPER;
}
