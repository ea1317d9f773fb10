/* t-crossread.c: the two independent readers of docs/model-formats.md,
 * the solver's (exact/model/lp_io.h) and the checker's (certify/check/), must
 * accept the same files and build the same model: names, bounds with
 * their infinities, costs, c0, sense and every entry of A, all exact.
 * Run on every shared Netlib file (the large set only outside the quick
 * sanitizer run). */
#include "testlib.h"
#include "lp_io.h"
#include "check/chk_int.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int test_crossread(fk_rng *r);

static int same_bound(int fa, const mpq_t a, int fb, const mpq_t b)
{
    return fa == fb && (!fa || mpq_equal(a, b));
}

/* NULL if the models agree, else what differs. */
static const char *differ(const lp_model *a, const chk_model *b)
{
    long i, j, k, p, nz = 0;
    if (a->m != b->m || a->n != b->n)
        return "sizes";
    if (a->sense != b->sense || !mpq_equal(a->objconst, b->c0))
        return "sense or c0";
    for (i = 0; i < a->m; i++)
        if (strcmp(a->rname[i], b->rname[i]) ||
            !same_bound(a->rlo_fin[i], a->rlo[i], b->rlo_fin[i], b->rlo[i]) ||
            !same_bound(a->rhi_fin[i], a->rhi[i], b->rhi_fin[i], b->rhi[i]))
            return "a row name or bound";
    for (j = 0; j < a->n; j++)
        if (strcmp(a->cname[j], b->cname[j]) || !mpq_equal(a->obj[j], b->c[j]) ||
            !same_bound(a->clo_fin[j], a->clo[j], b->clo_fin[j], b->clo[j]) ||
            !same_bound(a->chi_fin[j], a->chi[j], b->chi_fin[j], b->chi[j]))
            return "a column name, cost or bound";
    for (k = 0; k < b->nnz; k++) {
        if (mpq_sgn(b->tv[k]) == 0)
            continue;
        nz++;
        for (p = a->cbeg[b->tj[k]]; p < a->cbeg[b->tj[k] + 1] && a->ridx[p] != b->ti[k]; p++)
            ;
        if (p == a->cbeg[b->tj[k] + 1] || !mpq_equal(a->val[p], b->tv[k]))
            return "an entry of A";
    }
    if (a->nrelax != b->nrelax)
        return "the number of relaxed columns";
    return nz == a->nnz ? NULL : "the number of nonzeros";
}

/* Read path with both readers (relax: LPIO_RELAX / md->relax); NULL if
 * both accept it and agree, or both refuse it. */
static const char *crossread_one(const char *path, int relax)
{
    lp_model *a = NULL;
    chk_model b;
    chk_text t;
    fk_err e;
    fk_status st = lp_read_file_flags(&a, path, relax ? LPIO_RELAX : 0, &e);
    size_t n = strlen(path);
    int rc;
    const char *why;
    chk_model_init(&b);
    b.relax = relax;
    rc = chk_read_text(&t, path);
    if (!rc)
        rc = n > 3 && strcmp(path + n - 3, ".lp") == 0 ? chk_read_lp(&b, &t) : chk_read_mps(&b, &t);
    why = (st != FK_OK) != (rc != 0) ? "one reader failed" : st != FK_OK ? NULL : differ(a, &b);
    lp_free(a);
    free(t.buf);
    chk_model_clear(&b);
    return why;
}

/* The dialect files (tests/data/dialects) both ways: with relax both
 * readers accept them alike; without it both accept the LPs alike and
 * both refuse the MIPs. */
int test_crossread_dialects(fk_rng *r);
int test_crossread_dialects(fk_rng *r)
{
    DIR *d = opendir("tests/data/dialects");
    struct dirent *de;
    char path[512];
    int done = 0, relax;
    (void)r;
    if (!d)
        return TL_SKIP;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "tests/data/dialects/%s", de->d_name);
        for (relax = 0; relax < 2; relax++) {
            const char *why = crossread_one(path, relax);
            TL_CHECK(why == NULL, "%s (relax %d): %s", de->d_name, relax, why);
        }
        done++;
    }
    closedir(d);
    TL_CHECK(done >= 8, "only %d dialect files", done);
    return TL_RESULT();
}

int test_crossread(fk_rng *r)
{
    static const char *const dirs[] = {"netlib", "netlib-infeas", "netlib-large"};
    static const char *const names[] = {"adlittle", "afiro", "agg", "agg2", "beaconfd",
        "blend", "boeing2", "bore3d", "brandy", "capri", "e226", "grow7", "israel", "kb2",
        "lotfi", "recipe", "sc105", "sc205", "sc50a", "sc50b", "scagr7", "scsd1", "share1b",
        "share2b", "stair", "stocfor1", "vtpbase", "box1", "ex72a", "forest6", "galenet",
        "klein1", "woodinfe", "80bau3b", "bnl2", "cycle", "czprob", "d2q06c", "degen3",
        "dfl001", "fit2d", "fit2p", "ganges", "greenbea", "greenbeb", "maros-r7", "nesm",
        "perold", "pilot", "pilot4", "pilot87", "pilotnov", "ship12l", "sierra", "wood1p",
        "woodw"};
    char path[512];
    size_t k;
    int done = 0, nquick = 0;
    for (k = 0; k < sizeof names / sizeof *names; k++) {
        int d = k < 27 ? 0 : k < 33 ? 1 : 2, rc;
        lp_model *a = NULL;
        chk_model b;
        chk_text t;
        fk_err e;
        fk_status st;
        const char *why;
        FILE *f;
        if (d == 2 && tl_quick()) {
            nquick++;
            continue;
        }
        snprintf(path, sizeof path, "%s/data/%s/%s.mps", tl_shared(), dirs[d], names[k]);
        if (!(f = fopen(path, "rb"))) {
            tl_report(names[k], TL_SKIP, "crossread: %s not found", path);
            continue;
        }
        fclose(f);
        st = lp_read_file(&a, path, &e);
        chk_model_init(&b);
        rc = chk_read_text(&t, path);
        if (!rc)
            rc = chk_read_mps(&b, &t);
        why = st != FK_OK || rc ? "a reader failed" : differ(a, &b);
        TL_CHECK(why == NULL, "%s: %s", names[k], why);
        done++;
        lp_free(a);
        free(t.buf);
        chk_model_clear(&b);
    }
    if (nquick)
        tl_report("crossread netlib-large", TL_SKIP, "quick run: %d large files are read in the full run only",
                  nquick);
    if (!done)
        return TL_SKIP;
    tl_info("crossread_files", "%d Netlib files read alike by both readers", done);
    return TL_RESULT();
}
