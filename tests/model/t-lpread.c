/* t-lpread.c: the CPLEX LP reader against every rule of
 * docs/model-formats.md, its errors, and LP/MPS writer round trips of
 * models with the awkward cases (free rows, keyword names, constants). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lp_io.h"
#include "testlib.h"

/* "lo hi" strings, "-" for infinite. */
static int q_is(const mpq_t q, int fin, const char *want)
{
    mpq_t w;
    int ok;
    if (strcmp(want, "-") == 0)
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

static void row_is(const lp_model *lp, long i, const char *name,
                   const char *lo, const char *hi)
{
    if (!TL_CHECK(i < lp->m, "row %ld missing", i))
        return;
    TL_CHECK(strcmp(lp->rname[i], name) == 0 &&
                 q_is(lp->rlo[i], lp->rlo_fin[i], lo) &&
                 q_is(lp->rhi[i], lp->rhi_fin[i], hi),
             "row %ld: %s [%s%s, %s%s], want %s [%s, %s]", i, lp->rname[i],
             lp->rlo_fin[i] ? "" : "inf:", mpq_get_str(NULL, 10, lp->rlo[i]),
             lp->rhi_fin[i] ? "" : "inf:", mpq_get_str(NULL, 10, lp->rhi[i]),
             name, lo, hi);
}

static void col_is(const lp_model *lp, long j, const char *name,
                   const char *lo, const char *hi, const char *obj)
{
    if (!TL_CHECK(j < lp->n, "column %ld missing", j))
        return;
    TL_CHECK(strcmp(lp->cname[j], name) == 0 &&
                 q_is(lp->clo[j], lp->clo_fin[j], lo) &&
                 q_is(lp->chi[j], lp->chi_fin[j], hi) &&
                 q_is(lp->obj[j], 1, obj),
             "column %ld: %s [%s%s, %s%s] cost %s, want %s [%s, %s] %s", j,
             lp->cname[j], lp->clo_fin[j] ? "" : "inf:",
             mpq_get_str(NULL, 10, lp->clo[j]), lp->chi_fin[j] ? "" : "inf:",
             mpq_get_str(NULL, 10, lp->chi[j]),
             mpq_get_str(NULL, 10, lp->obj[j]), name, lo, hi, obj);
}

static void coef_is(const lp_model *lp, long i, long j, const char *want)
{
    long k;
    for (k = lp->cbeg[j]; k < lp->cbeg[j + 1]; k++)
        if (lp->ridx[k] == i) {
            TL_CHECK(q_is(lp->val[k], 1, want), "a[%ld,%ld] = %s, want %s", i,
                     j, mpq_get_str(NULL, 10, lp->val[k]), want);
            return;
        }
    TL_CHECK(strcmp(want, "0") == 0, "a[%ld,%ld] = 0, want %s", i, j, want);
}

static const char *full_lp =
    "\\ every rule in one file\n"
    "Maximize\n"
    " profit: 3 x + 2.5 y - z + 7/2 - 1e-1 x + e12 + 0 w\n"
    "   + 2 - 1\n"
    "Subject To\n"
    " c1: x + y <= 4\n"
    " x + 2 y >= -3\n"
    " -5 <= x - y <= 5\n"
    " r: 10 >= x + z >= 1/2\n"
    " eq: x + x = 3   \\ repeated names add up\n"
    " e: 2e1 x - 3 y < 1.5E+1\n"
    " g: y > .5\n"
    " h: y =< 2\n"
    " k: y => 1\n"
    " obj: 2x >= 0\n"
    " R8: y + newcol <= 1\n"
    "Bounds\n"
    " x <= 10\n"
    " y >= -inf\n"
    " -2 <= z <= INF\n"
    " w free\n"
    " 4 >= newcol\n"
    " -Infinity <= e12 <= -1\n"
    " v = 3/4\n"
    " u >= 2\n"
    " u <= -1\n"
    " 1 <= t\n"
    " end_ >= 1\n"
    "End\n";

int test_lp_rules(fk_rng *r);
int test_lp_rules(fk_rng *r)
{
    lp_model *lp = NULL;
    fk_err e;
    fk_status st;
    (void)r;
    st = tl_read_model_text(&lp, "full.lp", full_lp, &e);
    if (!TL_CHECK(st == FK_OK, "read: %s: %s", e.where, e.msg))
        return TL_FAIL;
    TL_CHECK(lp->sense == LP_MAX, "sense");
    TL_CHECK(strcmp(lp->objname, "profit") == 0, "objname %s", lp->objname);
    TL_CHECK(q_is(lp->objconst, 1, "9/2"), "c0 = %s",
             mpq_get_str(NULL, 10, lp->objconst));
    TL_CHECK(lp->m == 11 && lp->n == 10, "m=%ld n=%ld", lp->m, lp->n);
    /* columns by first appearance: x y z e12 w newcol v u t end */
    col_is(lp, 0, "x", "0", "10", "29/10");
    col_is(lp, 1, "y", "-", "-", "5/2");
    col_is(lp, 2, "z", "-2", "-", "-1");
    col_is(lp, 3, "e12", "-", "-1", "1");
    col_is(lp, 4, "w", "-", "-", "0");
    col_is(lp, 5, "newcol", "0", "4", "0");
    col_is(lp, 6, "v", "3/4", "3/4", "0");
    col_is(lp, 7, "u", "2", "-1", "0"); /* negative UP keeps l in LP */
    col_is(lp, 8, "t", "1", "-", "0");
    col_is(lp, 9, "end_", "1", "-", "0");
    row_is(lp, 0, "c1", "-", "4");
    row_is(lp, 1, "R2", "-3", "-");
    row_is(lp, 2, "R3", "-5", "5");
    row_is(lp, 3, "r", "1/2", "10");
    row_is(lp, 4, "eq", "3", "3");
    row_is(lp, 5, "e", "-", "15");
    row_is(lp, 6, "g", "1/2", "-");
    row_is(lp, 7, "h", "-", "2");
    row_is(lp, 8, "k", "1", "-");
    row_is(lp, 9, "obj", "0", "-"); /* not the objective's name space */
    coef_is(lp, 9, 0, "2");
    row_is(lp, 10, "R8", "-", "1"); /* explicit name R8 at position 11 */
    coef_is(lp, 4, 0, "2");
    coef_is(lp, 5, 0, "20");
    coef_is(lp, 5, 1, "-3");
    coef_is(lp, 2, 1, "-1");
    coef_is(lp, 10, 5, "1");
    TL_CHECK(lp->nnz == 17, "nnz %ld", lp->nnz);
    lp_free(lp);

    /* section keyword spellings, empty objective, no constraints */
    {
        static const char *const v[] = {
            "min\nobj: x\nst\nc: x >= 1\nend\n",
            "MINIMIZE\n x\nsubject to\n x >= 1\nbounds\nend\n",
            "minimum\n obj: x\nsuch that\n c: x >= 1\nEND\n",
            "maximum\n x\ns.t.\n c: x >= 1\nend",
            "max\n\\ nothing\nst.\n c: x >= 1\nend\n",
            "minimize\nsubject to\nend\n",
            "minimize\n 5\nsubject to\n c: 3 x >= 1\nend\n",
        };
        size_t k;
        for (k = 0; k < sizeof v / sizeof *v; k++) {
            st = tl_read_model_text(&lp, "kw.lp", v[k], &e);
            TL_CHECK(st == FK_OK, "variant %zu: %s: %s", k, e.where, e.msg);
            if (st == FK_OK && k == 6)
                TL_CHECK(q_is(lp->objconst, 1, "5") && lp->n == 1,
                         "constant before a section");
            lp_free(lp);
        }
    }
    return TL_RESULT();
}

int test_lp_errors(fk_rng *r);
int test_lp_errors(fk_rng *r)
{
    static const struct {
        const char *text, *where, *msg;
        fk_status code;
    } cases[] = {
        {"", ":1:1",
         "unexpected end of file: expected 'minimize' or 'maximize'",
         FK_EPARSE},
        {"foo\n", ":1:1", "expected 'minimize' or 'maximize', found 'foo'",
         FK_EPARSE},
        {"min\n x\nst\n c: x >= 1\n", ":5:1",
         "unexpected end of file: missing 'end'", FK_EPARSE},
        {"min\n x\nst\nend\nx\n", ":5:1", "text after 'end': 'x'", FK_EPARSE},
        {"min\n x\nst\n c: x >= 1.2.3\nend\n", ":5:1", /* 1.2, then .3 */
         "expected '<=', '>=' or '=', found 'end'", FK_EPARSE},
        {"min\n x\nend\n", ":3:1", "expected 'subject to', found 'end'",
         FK_EPARSE},
        {"min\n x\n", ":3:1", "unexpected end of file: missing 'subject to'",
         FK_EPARSE},
        {"min\n x\nsubject\n c: x >= 1\nend\n", ":4:2",
         "expected 'to' after 'subject'", FK_EPARSE},
        {"min\n x + free\nst\nend\n", ":2:6",
         "reserved word 'free' cannot be a name", FK_EPARSE},
        {"min\n x\nst\n Inf: x + Inf >= 1\nend\n", ":4:11",
         "reserved word 'Inf' cannot be a name", FK_EPARSE},
        {"min\n x\nst\n c: x >= inf\nend\n", ":4:10",
         "expected a number after '>=', found 'inf'", FK_EPARSE},
        {"min\n x\nst\n c: x + y\nbounds\nend\n", ":5:1",
         "expected '<=', '>=' or '=', found 'bounds'", FK_EPARSE},
        {"min\n x\nst\n c: x >= 3/0\nend\n", ":4:10",
         "division by zero in '3/0'", FK_EPARSE},
        {"min\n x\nst\n c: x >= 1e999999999\nend\n", ":4:10",
         "exponent too large in '1e999999999' (limit 100000)", FK_ELIMIT},
        {"min\n x\nst\n c: x >= 1\n c: x <= 2\nend\n", ":5:2",
         "duplicate row name 'c'", FK_EPARSE},
        {"min\n x\nst\n R2: x >= 1\n x <= 2\nend\n", ":5:2",
         "duplicate row name 'R2' (the default name of this unnamed "
         "constraint)",
         FK_EPARSE},
        {"min\n x\nst\n c: x >= 1\ngeneral\n x\nend\n", ":5:1",
         "'general' section: this is a mixed-integer program and farkas "
         "solves LPs (--relax solves its LP relaxation)",
         FK_EPARSE},
        {"min\n x\nst\n c: x >= 1\nsemi-continuous\n x\nend\n", ":5:1",
         "'semi' section: this is a mixed-integer program and farkas "
         "solves LPs (--relax solves its LP relaxation)",
         FK_EPARSE},
        {"min\n x\nst\nbounds\n x >= 1\nst\n c: x >= 1\nend\n", ":6:1",
         "section 'subject to' out of order (after 'bounds')", FK_EPARSE},
        {"min\n x y\nend\n", ":2:4", "expected '+' or '-' before 'y'",
         FK_EPARSE},
        {"min\n x\nst\n c: x +\nend\n", ":5:1", "reserved word 'end' cannot be a name",
         FK_EPARSE},
        {"min\n x\nst\n c: x >= 1\nsos\n s1: S1:: x:1\nend\n", ":5:1",
         "'sos' section: special ordered sets are not supported (not even "
         "with --relax)", FK_EPARSE},
        {"min\n x\nst\n c: x >= y\nend\n", ":4:10",
         "expected a number after '>=', found 'y'", FK_EPARSE},
        {"min\n x\nst\n c: 1 <= x >= 2\nend\n", ":4:12",
         "expected '<=' to close the ranged constraint", FK_EPARSE},
        {"min\n x\nst\nbounds\n x = -inf\nend\n", ":5:4",
         "a column cannot be fixed at infinity", FK_EPARSE},
        {"min\n x\nst\nbounds\n x >= +inf\nend\n", ":5:4",
         "infinite bound with '>=' is infeasible", FK_EPARSE},
        {"min\n x\nst\nbounds\n x ~ 3\nend\n", ":5:4",
         "expected '<=', '>=', '=' or 'free', found '~'", FK_EPARSE},
        {"min\n x\nst\nbounds\n 3 = x\nend\n", ":5:4",
         "expected '<=' or '>=', found '='", FK_EPARSE},
        {"min\n x\nst\nbounds\n 3 >= x >= 1\nend\n", ":5:9",
         "a double bound must read 'v <= name <= w'", FK_EPARSE},
        {"min\n 2 * x\nend\n", ":2:4", "unexpected character '*'", FK_EPARSE},
        {"min\n x\n\001\nend\n", ":3:1", "invalid character 0x01", FK_EPARSE},
        {"min\n - - x\nend\n", ":2:4", "expected a term, found '-'", FK_EPARSE},
        {"min: x\nend\n", ":1:4", "expected a term, found ':'", FK_EPARSE},
    };
    size_t k;
    (void)r;
    for (k = 0; k < sizeof cases / sizeof *cases; k++) {
        lp_model *lp = NULL;
        fk_err e;
        fk_status st = tl_read_model_text(&lp, "err.lp", cases[k].text, &e);
        size_t n = strlen(e.where), w = strlen(cases[k].where);
        TL_CHECK(st == cases[k].code && n >= w &&
                     strcmp(e.where + n - w, cases[k].where) == 0 &&
                     strcmp(e.msg, cases[k].msg) == 0,
                 "case %zu: got %d '%s: %s', want %d '...%s: %s'", k, (int)st,
                 e.where, e.msg, (int)cases[k].code, cases[k].where,
                 cases[k].msg);
        TL_CHECK(lp == NULL, "model returned on error");
        lp_free(lp);
    }
    return TL_RESULT();
}

static int same(const lp_model *a, const lp_model *b)
{
    long i, j, k;
    int ok = a->m == b->m && a->n == b->n && a->nnz == b->nnz &&
             a->sense == b->sense && mpq_equal(a->objconst, b->objconst);
    for (i = 0; ok && i < a->m; i++)
        ok = strcmp(a->rname[i], b->rname[i]) == 0 &&
             a->rlo_fin[i] == b->rlo_fin[i] && a->rhi_fin[i] == b->rhi_fin[i] &&
             mpq_equal(a->rlo[i], b->rlo[i]) && mpq_equal(a->rhi[i], b->rhi[i]);
    for (j = 0; ok && j < a->n; j++) {
        ok = strcmp(a->cname[j], b->cname[j]) == 0 &&
             a->clo_fin[j] == b->clo_fin[j] && a->chi_fin[j] == b->chi_fin[j] &&
             mpq_equal(a->clo[j], b->clo[j]) &&
             mpq_equal(a->chi[j], b->chi[j]) &&
             mpq_equal(a->obj[j], b->obj[j]) && a->cbeg[j] == b->cbeg[j];
        for (k = a->cbeg[j]; ok && k < a->cbeg[j + 1]; k++)
            ok = a->ridx[k] == b->ridx[k] && mpq_equal(a->val[k], b->val[k]);
    }
    return ok;
}

/* Random models with every kind of bound, written and read back. */
/* The dialect rules of docs/model-formats.md ("What other tools write"),
 * each value worked out by hand in the comment beside it. */
int test_lp_dialects(fk_rng *r);
int test_lp_dialects(fk_rng *r)
{
    lp_model *lp = NULL;
    fk_err e;
    fk_status st;
    (void)r;
    /* Constants on a left-hand side move to the right (CPLEX):
     * x + 3 >= 1 is x >= -2; 1 <= y - 1/2 <= 2 is 3/2 <= y <= 5/2;
     * 2 + x + 1 <= 4 is x <= 1.  Empty left-hand sides (HiGHS): c4: = 0,
     * c5: >= 1 (an empty row, so the model is infeasible: not our concern
     * here).  Keywords as labels: end, max, bounds, free, Inf, st. */
    st = tl_read_model_text(&lp, "d1.lp",
                   "maximize\n st: x + 0.5\nsubject to\n end: x + 3 >= 1\n"
                   " max: 1 <= y - 1/2 <= 2\n bounds: 2 + x + 1 <= 4\n"
                   " free: = 0\n Inf: >= 1\nbounds\n x free\nend\n", &e);
    if (TL_CHECK(st == FK_OK, "d1: %s: %s", e.where, e.msg)) {
        TL_CHECK(strcmp(lp->objname, "st") == 0 && q_is(lp->objconst, 1, "1/2"), "d1 objective");
        row_is(lp, 0, "end", "-2", "-");
        row_is(lp, 1, "max", "3/2", "5/2");
        row_is(lp, 2, "bounds", "-", "1");
        row_is(lp, 3, "free", "0", "0");
        row_is(lp, 4, "Inf", "1", "-");
        TL_CHECK(lp->m == 5 && lp->nnz == 3 && lp->nrelax == 0, "d1 sizes");
        lp_free(lp);
    }
    /* Integer sections under LPIO_RELAX: x general (bounds kept), z binary
     * ([0, 1] whatever the bounds said), w semi-continuous with 2 <= w <= 10
     * (relaxed to [0, 10]), v semi-continuous with -3 <= v <= -1 (hull of
     * {0} and [-3, -1]: [-3, 0]), u named only in 'generals' (a new column
     * [0, +inf)).  x listed twice counts once: 5 columns relaxed. */
    st = tl_read_model_text_flags(&lp, "d2.lp",
                   "min\n x + z + w + v\nst\n c: x + z + w + v >= 1\nbounds\n"
                   " z <= 7\n 2 <= w <= 10\n -3 <= v <= -1\ngenerals\n x u\n"
                   "binaries\n z\nsemi-continuous\n w v\ngen\n x\nend\n",
                   LPIO_RELAX, &e);
    if (TL_CHECK(st == FK_OK, "d2: %s: %s", e.where, e.msg)) {
        col_is(lp, 0, "x", "0", "-", "1");
        col_is(lp, 1, "z", "0", "1", "1");
        col_is(lp, 2, "w", "0", "10", "1");
        col_is(lp, 3, "v", "-3", "0", "1");
        col_is(lp, 4, "u", "0", "-", "0");
        TL_CHECK(lp->nrelax == 5, "d2 nrelax %ld, want 5", lp->nrelax);
        lp_free(lp);
    }
    /* Bounds after an integer section are out of order. */
    st = tl_read_model_text_flags(&lp, "d4.lp", "min\n x\nst\nbinary\n x\nbounds\nend\n",
                                  LPIO_RELAX, &e);
    TL_CHECK(st == FK_EPARSE && strstr(e.where, ":6:1") &&
                 strcmp(e.msg, "section 'bounds' out of order (after 'integer section')") == 0,
             "d4: %d %s: %s", (int)st, e.where, e.msg);
    /* The same file without the flag names --relax at the section. */
    st = tl_read_model_text(&lp, "d3.lp", "min\n x\nst\nbinary\n x\nend\n", &e);
    TL_CHECK(st == FK_EPARSE && strstr(e.msg, "--relax") && strstr(e.where, ":4:1"),
             "d3: %d %s: %s", (int)st, e.where, e.msg);
    TL_CHECK(lp == NULL, "d3: model returned on error");
    return TL_RESULT();
}

int test_lp_write_roundtrip(fk_rng *r);
int test_lp_write_roundtrip(fk_rng *r)
{
    static const char *const cnames[] = {"x", "end_", "Free1", "st2", "_inf",
                                         "e1", "[b]", "y.z", "minimal"};
    long it, iters = 60 * tl_mult();
    mpq_t v;
    fk_err e;
    mpq_init(v);
    for (it = 0; it < iters && !tl_failed_now(); it++) {
        lp_model *lp = lp_new(), *back = NULL;
        long m = fk_rng_range(r, 0, 6), n = fk_rng_range(r, 1, 9), i, j, idx;
        int as_lp = (int)(it & 1);
        char nm[32];
        const char *path;
        lp->sense = fk_rng_range(r, 0, 1) ? LP_MAX : LP_MIN;
        lp_set_objname(lp, "cost", &e);
        mpq_set_si(lp->objconst, fk_rng_range(r, -3, 3), 7);
        for (j = 0; j < n; j++) {
            lp_add_col(lp, cnames[j], &idx, &e);
            mpq_set_si(v, fk_rng_range(r, -5, 5), (unsigned long)fk_rng_range(r, 1, 4));
            mpq_canonicalize(v);
            lp_set_obj(lp, j, v);
            switch (fk_rng_range(r, 0, 5)) {
            case 0: break;
            case 1: lp_set_col_lo(lp, j, NULL); break;
            case 2: lp_set_col_lo(lp, j, NULL); lp_set_col_hi(lp, j, NULL); break;
            case 3: mpq_set_si(v, -2, 3); lp_set_col_hi(lp, j, v); break;
            case 4: mpq_set_si(v, -2, 3); lp_set_col_lo(lp, j, NULL);
                    lp_set_col_hi(lp, j, v); break;
            default: mpq_set_si(v, 5, 1); lp_set_col_lo(lp, j, v);
                     lp_set_col_hi(lp, j, v); break;
            }
        }
        for (i = 0; i < m; i++) {
            int kind = (int)fk_rng_range(r, 0, 3);
            snprintf(nm, sizeof nm, i == 0 ? "subjects" : "R%ld", i + 3);
            lp_add_row(lp, nm, &idx, &e);
            for (j = 0; j < n; j++)
                if (fk_rng_range(r, 0, 2) == 0) {
                    mpq_set_si(v, fk_rng_range(r, -9, 9), (unsigned long)fk_rng_range(r, 1, 5));
                    mpq_canonicalize(v);
                    lp_add_coef(lp, i, j, v, &e);
                }
            mpq_set_si(v, fk_rng_range(r, -9, 9), 2);
            mpq_canonicalize(v);
            if (kind == 0 || kind == 2 || kind == 3)
                lp_set_row_lo(lp, i, v);
            if (kind == 1 || kind == 2)
                lp_set_row_hi(lp, i, v);
            if (kind == 3) {
                mpq_add(v, v, v);
                mpz_add_ui(mpq_numref(v), mpq_numref(v), 10);
                lp_set_row_hi(lp, i, v); /* ranged */
            }
        }
        lp_finalize(lp, &e);
        path = tl_tmp_path(as_lp ? "rt.lp" : "rt.mps");
        if (TL_CHECK((as_lp ? lp_write_lp(lp, path, &e)
                            : lp_write_mps(lp, path, &e)) == FK_OK,
                     "write: %s", e.msg) &&
            TL_CHECK(lp_read_file(&back, path, &e) == FK_OK, "read: %s: %s",
                     e.where, e.msg))
            TL_CHECK(same(lp, back), "round trip %ld (%s) differs (seed %llu)",
                     it, as_lp ? "LP" : "MPS",
                     (unsigned long long)tl_seed());
        if (!tl_failed_now())
            remove(path);
        else
            printf("  kept %s\n", path);
        lp_free(back);
        lp_free(lp);
    }
    /* numbers at the writers' word-size boundaries (lp_write.c formats
     * numerators below 2^63 and word-size denominators by hand, the rest
     * through GMP): both formats read back exactly */
    {
        static const char *const q[] = {"9223372036854775807", "-9223372036854775807",
                                        "9223372036854775808", "-9223372036854775808",
                                        "18446744073709551615/18446744073709551614",
                                        "-1/18446744073709551615", "1/18446744073709551616",
                                        "-7/2", "0", "123456789012345678901234567890/7"};
        int as_lp;
        for (as_lp = 0; as_lp < 2; as_lp++) {
            lp_model *lp = lp_new(), *back = NULL;
            long idx, j, nq = (long)(sizeof q / sizeof q[0]);
            char nm[32];
            const char *path = tl_tmp_path(as_lp ? "words.lp" : "words.mps");
            lp_add_row(lp, "r", &idx, &e);
            for (j = 0; j < nq; j++) {
                snprintf(nm, sizeof nm, "x%ld", j);
                lp_add_col(lp, nm, &idx, &e);
                mpq_set_str(v, q[j], 10);
                mpq_canonicalize(v);
                if (mpq_sgn(v))
                    lp_add_coef(lp, 0, j, v, &e);
                lp_set_obj(lp, j, v);
                lp_set_col_hi(lp, j, v);
            }
            lp_set_row_lo(lp, 0, v);
            lp_finalize(lp, &e);
            if (TL_CHECK((as_lp ? lp_write_lp(lp, path, &e) : lp_write_mps(lp, path, &e)) == FK_OK,
                         "words write: %s", e.msg) &&
                TL_CHECK(lp_read_file(&back, path, &e) == FK_OK, "words read: %s: %s", e.where, e.msg))
                TL_CHECK(same(lp, back), "words round trip (%s) differs", as_lp ? "LP" : "MPS");
            remove(path);
            lp_free(back);
            lp_free(lp);
        }
    }
    /* names the formats cannot carry are refused, nothing is left behind */
    {
        lp_model *lp = lp_new();
        long idx;
        const char *path = tl_tmp_path("bad.lp");
        lp_add_col(lp, "2x", &idx, &e);
        TL_CHECK(lp_write_lp(lp, path, &e) == FK_EINVAL &&
                     access(path, F_OK) != 0,
                 "LP name '2x' accepted");
        lp_free(lp);
        lp = lp_new();
        lp_add_col(lp, "End", &idx, &e);
        TL_CHECK(lp_write_lp(lp, path, &e) == FK_EINVAL,
                 "reserved LP name 'End' accepted");
        lp_free(lp);
        lp = lp_new();
        lp_add_col(lp, "x", &idx, &e);
        lp_add_row(lp, "r", &idx, &e);
        TL_CHECK(lp_write_lp(lp, path, &e) == FK_EINVAL &&
                     lp_write_mps(lp, tl_tmp_path("free.mps"), &e) == FK_EINVAL &&
                     access(path, F_OK) != 0,
                 "free row accepted");
        lp_free(lp);
        lp = lp_new();
        lp_add_col(lp, "a b", &idx, &e);
        path = tl_tmp_path("bad.mps");
        TL_CHECK(lp_write_mps(lp, path, &e) == FK_EINVAL &&
                     access(path, F_OK) != 0,
                 "MPS name 'a b' accepted");
        TL_CHECK(lp_write_mps(lp, "/nonexistent-dir/x.mps", &e) != FK_OK,
                 "write to a missing directory");
        lp_free(lp);
    }
    mpq_clear(v);
    tl_tmp_done();
    return TL_RESULT();
}

/* Random mutations of valid files: the readers must answer (a model or an
 * error with a position), never crash, leak or hang (run under ASan). */
int test_reader_fuzz(fk_rng *r);
int test_reader_fuzz(fk_rng *r)
{
    static const char *const seeds[] = {
        "NAME T\nOBJSENSE\n MAX\nROWS\n N obj\n E c1\n L c2\n G c3\n"
        "COLUMNS\n x obj 1 c1 2\n x c2 3/4\n y c1 -1.5e1 c3 .5\n"
        "RHS\n RHS c1 4 c2 5\nRANGES\n R c1 -2 c3 3\n"
        "BOUNDS\n UP B x -1\n FR B y\nENDATA\n",
        "\\ c\nminimize\n obj: 3 x + 2.5 y - z + 7/2\nsubject to\n"
        " c1: x + y <= 4\n x + 2 y >= -3\n -5 <= x - y <= 5\n"
        "bounds\n x <= 10\n -inf <= z <= 2\n y free\nend\n",
    };
    static const char alphabet[] = "0123456789.e+-/:<>= \n\tNMAXxyRHSBOUNDSend*\\";
    long it, iters = 400 * tl_mult();
    char *buf = malloc(4096);
    fk_err e;
    for (it = 0; it < iters && !tl_failed_now(); it++) {
        int which = (int)(it & 1), k, nmut = (int)fk_rng_range(r, 1, 4);
        size_t n = strlen(seeds[which]);
        lp_model *lp = NULL;
        fk_status st;
        memcpy(buf, seeds[which], n + 1);
        for (k = 0; k < nmut; k++) {
            size_t at = (size_t)fk_rng_range(r, 0, (long)n - 1);
            switch (fk_rng_range(r, 0, 3)) {
            case 0: /* replace a byte */
                buf[at] = alphabet[fk_rng_range(r, 0, sizeof alphabet - 2)];
                break;
            case 1: /* truncate */
                n = at;
                buf[n] = '\0';
                break;
            case 2: /* delete a byte */
                memmove(buf + at, buf + at + 1, n - at);
                n--;
                break;
            default: /* insert a byte */
                if (n + 2 < 4096) {
                    memmove(buf + at + 1, buf + at, n - at + 1);
                    buf[at] = alphabet[fk_rng_range(r, 0, sizeof alphabet - 2)];
                    n++;
                }
                break;
            }
            if (n == 0)
                break;
        }
        st = tl_read_model_text(&lp, which ? "fz.lp" : "fz.mps", buf, &e);
        if (st == FK_OK)
            TL_CHECK(lp != NULL && lp->finalized, "OK without a model");
        else
            TL_CHECK(lp == NULL && (st == FK_EPARSE || st == FK_ELIMIT) &&
                         strstr(e.where, "fz.") != NULL && e.msg[0] != '\0',
                     "mutant %ld: status %d '%s: %s' (seed %llu)\n%s", it,
                     (int)st, e.where, e.msg, (unsigned long long)tl_seed(),
                     buf);
        lp_free(lp);
    }
    free(buf);
    tl_tmp_done();
    return TL_RESULT();
}
