/* t-smt.c: the SMT-LIB export with hostile names.
 *
 * Names may hold anything lp.h accepts: blanks, newlines, '|', '\', '%',
 * DEL, UTF-8.  The export must keep every one a single harmless symbol
 * (no way to close the |...| quote or start a new line), distinct from
 * every other (a column literally named "b%7Cc" next to "b|c", a column
 * named "ray a" next to the ray symbol of column "a").  Checked on the
 * text always, and with z3 when it is installed: the right certificate
 * gives the `; expect:` answers, a wrong ray does not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cert.h"
#include "lp.h"
#include "prf.h"
#include "testlib.h"

static const char *const cn[] = {"ray a", "a", "b|c", "b%7Cc", "d\\e",
                                 "new\nline", "del\x7f", "caf\xc3\xa9", "|) (assert false) (|"};
#define NC (long)(sizeof cn / sizeof cn[0])

/* min -"ray a" - "a"  s.t.  "row\n1": sum of all columns >= 1, x >= 0. */
static lp_model *hostile_lp(void)
{
    lp_model *lp = lp_new();
    fk_err e;
    long j, idx;
    mpq_t v;
    mpq_init(v);
    lp_add_row(lp, "row\n1 |x|", &idx, &e);
    mpq_set_ui(v, 1, 1);
    lp_set_row_lo(lp, 0, v);
    for (j = 0; j < NC; j++) {
        lp_add_col(lp, cn[j], &idx, &e);
        mpq_set_ui(v, 1, 1);
        lp_add_coef(lp, 0, j, v, &e);
        mpq_set_si(v, j < 2 ? -1 : 0, 1);
        lp_set_obj(lp, j, v);
    }
    mpq_clear(v);
    lp_finalize(lp, &e);
    return lp;
}

static int have_z3(void)
{
    return system("command -v z3 >/dev/null 2>&1") == 0;
}

/* z3's answers on one line, blank-separated ("sat sat"). */
static void run_z3(const char *path, char *out, size_t cap)
{
    char cmd[512], line[256];
    FILE *p;
    size_t len = 0;
    out[0] = '\0';
    snprintf(cmd, sizeof cmd, "timeout 60 z3 '%s' 2>&1", path);
    p = popen(cmd, "r");
    if (p == NULL)
        return;
    while (fgets(line, sizeof line, p) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        len += (size_t)snprintf(out + len, cap - len, "%s%s", len ? " " : "", line);
        if (len >= cap)
            break;
    }
    pclose(p);
}

static char *expect_line(const char *path, char *buf, size_t cap)
{
    FILE *f = fopen(path, "rb");
    char line[512];
    buf[0] = '\0';
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "; expect: ", 10) == 0) {
            line[strcspn(line, "\n")] = '\0';
            snprintf(buf, cap, "%.50s", line + 10); /* answers are short */
            break;
        }
    if (f)
        fclose(f);
    return buf;
}

/* Every line starts with ';' or '(', has no control byte, and, outside
 * comments, an even number of '|' and no '\'. */
static int text_ok(const char *path)
{
    FILE *f = fopen(path, "rb");
    int ch, col = 0, bars = 0, ok = 1, comment = 0;
    if (f == NULL)
        return 0;
    while ((ch = getc(f)) != EOF && ok) {
        if (ch == '\n') {
            ok = comment || bars % 2 == 0;
            col = bars = comment = 0;
            continue;
        }
        if (col == 0) {
            comment = ch == ';';
            ok = ch == ';' || ch == '(';
        }
        if (ch < 0x20 || ch >= 0x7f)
            ok = 0;
        if (!comment && ch == '\\')
            ok = 0;
        bars += ch == '|';
        col++;
    }
    fclose(f);
    return ok;
}

int test_smt_names(fk_rng *r);
int test_smt_names(fk_rng *r)
{
    char dir[] = "/tmp/fk-t-smt.XXXXXX", path[256], expect[64], got[256];
    lp_model *lp = hostile_lp();
    cert_data *c = cert_new(1, NC);
    fk_err e;
    (void)r;
    if (!TL_CHECK(mkdtemp(dir) != NULL && lp && c, "setup"))
        return TL_FAIL;
    snprintf(path, sizeof path, "%s/h.smt2", dir);
    c->status = CERT_UNBOUNDED;
    memset(c->sha256, '0', 64);
    mpq_set_ui(c->x[2], 1, 1);   /* "b|c" = 1 is feasible */
    mpq_set_ui(c->r[0], 1, 1);   /* the ray along "ray a" and "a" */
    mpq_set_ui(c->r[1], 1, 1);

    TL_CHECK(prf_export_smt(path, lp, c, &e) == FK_OK, "export: %s", e.msg);
    TL_CHECK(text_ok(path), "%s: a name escaped its quotes or its line", path);
    TL_CHECK(strcmp(expect_line(path, expect, sizeof expect), "sat sat") == 0,
             "expect line '%s'", expect);
    if (have_z3()) {
        run_z3(path, got, sizeof got);
        TL_CHECK(strcmp(got, "sat sat") == 0, "z3 says '%s', want 'sat sat'", got);
        /* A wrong ray (negative on a column with l = 0) and a wrong point
         * (infeasible) must each change an answer. */
        mpq_set_si(c->r[0], -1, 1);
        prf_export_smt(path, lp, c, &e);
        run_z3(path, got, sizeof got);
        TL_CHECK(strcmp(got, "sat unsat") == 0, "wrong ray: z3 says '%s'", got);
        mpq_set_si(c->r[0], 1, 1);
        mpq_set_ui(c->x[2], 0, 1);
        prf_export_smt(path, lp, c, &e);
        run_z3(path, got, sizeof got);
        TL_CHECK(strcmp(got, "unsat sat") == 0, "wrong point: z3 says '%s'", got);
        /* A column named like the ray symbol of another must stay apart:
         * a ray on "ray a" alone is also a ray (cost -1). */
        mpq_set_ui(c->x[2], 1, 1);
        mpq_set_ui(c->r[1], 0, 1);
        prf_export_smt(path, lp, c, &e);
        run_z3(path, got, sizeof got);
        TL_CHECK(strcmp(got, "sat sat") == 0, "ray on 'ray a': z3 says '%s'", got);
    } else {
        tl_report("smt z3", TL_SKIP, "z3 not installed");
    }

    /* Failures: no file, the right code. */
    {
        char bad[300];
        lp_model *raw = lp_new();
        long idx;
        snprintf(bad, sizeof bad, "%s/none/h.smt2", dir);
        TL_CHECK(prf_export_smt(bad, lp, c, &e) == FK_EIO && access(bad, F_OK) != 0,
                 "missing directory: want FK_EIO and no file");
        lp_add_col(raw, "x", &idx, &e);
        TL_CHECK(prf_export_smt(bad, raw, c, &e) == FK_EINVAL, "unfinalized model");
        lp_free(raw);
    }
    remove(path);
    rmdir(dir);
    cert_free(c);
    lp_free(lp);
    return TL_RESULT();
}
