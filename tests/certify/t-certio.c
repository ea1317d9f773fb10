/* t-certio.c: the certificate writer and the solver-side reader.
 *   - what is written reads back equal (every status, odd names, large
 *     and small rationals), and cert_write/cert_write_feasible fill the
 *     header from the model file (sha256, base name, sense);
 *   - writing is atomic: no temporary file survives success or failure,
 *     a missing directory gives FK_EIO and no file, and a failed write
 *     does not clobber what was at the path;
 *   - malformed certificates are refused with FK_EPARSE at path:line:col. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cert.h"
#include "lp.h"
#include "answer.h"
#include "testlib.h"

static const char *const rnames[] = {"IC[seller: c=2 -> c'=1]", "BB", "50%",
                                     "r\tab", "R5"};
static const char *const cnames[] = {"x 1", "caf\xc3\xa9", "t_B[v=3,c=1]",
                                     "%41", "x5", "y", "\x7f"};
#define M 5
#define N 7

static lp_model *small_lp(int sense)
{
    lp_model *lp = lp_new();
    fk_err e;
    long i, j, idx;
    mpq_t v;
    if (lp == NULL)
        return NULL;
    mpq_init(v);
    lp->sense = sense;
    for (i = 0; i < M; i++)
        lp_add_row(lp, rnames[i], &idx, &e);
    for (j = 0; j < N; j++)
        lp_add_col(lp, cnames[j], &idx, &e);
    for (i = 0; i < M; i++)
        for (j = 0; j < N; j++)
            if ((i + j) % 3 == 0) {
                mpq_set_si(v, (long)(i - j), 1);
                lp_add_coef(lp, i, j, v, &e);
            }
    lp_finalize(lp, &e);
    mpq_clear(v);
    return lp;
}

/* A random rational: zero a third of the time, else small or with up to
 * ~300 bits in numerator and denominator. */
static void rand_q(mpq_t q, fk_rng *r)
{
    long k = fk_rng_range(r, 0, 5);
    if (k <= 1) {
        mpq_set_ui(q, 0, 1);
        return;
    }
    if (k <= 3) {
        mpq_set_si(q, fk_rng_range(r, -20, 20), (unsigned long)fk_rng_range(r, 1, 9));
    } else {
        long b, nb = fk_rng_range(r, 1, 300);
        mpz_set_ui(mpq_numref(q), 1);
        mpz_set_ui(mpq_denref(q), 1);
        for (b = 0; b < nb; b += 60) {
            mpz_mul_2exp(mpq_numref(q), mpq_numref(q), 60);
            mpz_add_ui(mpq_numref(q), mpq_numref(q), (unsigned long)(fk_rng_next(r) >> 4));
            mpz_mul_2exp(mpq_denref(q), mpq_denref(q), 60);
            mpz_add_ui(mpq_denref(q), mpq_denref(q), (unsigned long)(fk_rng_next(r) >> 4));
        }
        if (fk_rng_next(r) & 1)
            mpq_neg(q, q);
    }
    mpq_canonicalize(q);
}

static int vec_eq(mpq_t *a, mpq_t *b, long k)
{
    long i;
    for (i = 0; i < k; i++)
        if (!mpq_equal(a[i], b[i]))
            return 0;
    return 1;
}

static int vec_zero(mpq_t *a, long k)
{
    long i;
    for (i = 0; i < k; i++)
        if (mpq_sgn(a[i]) != 0)
            return 0;
    return 1;
}

/* Number of directory entries other than . and .., and whether any looks
 * like a leftover temporary file. */
static int dir_count(const char *dir, int *tmps)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    *tmps = 0;
    if (d == NULL)
        return -1;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        n++;
        if (strstr(e->d_name, ".tmp.") != NULL)
            (*tmps)++;
    }
    closedir(d);
    return n;
}

static int exists(const char *p)
{
    struct stat s;
    return stat(p, &s) == 0;
}

static int write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return -1;
    fputs(text, f);
    return fclose(f);
}

int test_cert_roundtrip(fk_rng *r);
int test_cert_roundtrip(fk_rng *r)
{
    char dir[] = "/tmp/fk-t-certio.XXXXXX", path[256];
    long rep, reps = 40 * tl_mult(), j, i;
    int tmps;
    lp_model *lp[2];
    if (!TL_CHECK(mkdtemp(dir) != NULL, "mkdtemp"))
        return TL_FAIL;
    lp[0] = small_lp(LP_MIN);
    lp[1] = small_lp(LP_MAX);
    if (!TL_CHECK(lp[0] && lp[1], "lp_new"))
        goto done;
    snprintf(path, sizeof path, "%s/c.cert", dir);
    for (rep = 0; rep < reps && !tl_failed_now(); rep++) {
        int which = (int)fk_rng_range(r, 0, 1);
        lp_model *m = lp[which];
        cert_data *c = cert_new(M, N), *b = NULL;
        fk_err e;
        fk_status st;
        if (!TL_CHECK(c != NULL, "cert_new"))
            break;
        c->status = (cert_status)fk_rng_range(r, 0, 3);
        c->sense = m->sense;
        for (i = 0; i < 64; i++)
            c->sha256[i] = "0123456789abcdef"[fk_rng_range(r, 0, 15)];
        c->sha256[64] = '\0';
        free(c->model_file);
        c->model_file = fk_strdup(rep % 3 == 0 ? "dir/odd name%.mps" : "m.lp");
        rand_q(c->objective, r);
        for (j = 0; j < N; j++) {
            rand_q(c->x[j], r);
            rand_q(c->r[j], r);
        }
        for (i = 0; i < M; i++)
            rand_q(c->y[i], r);
        st = cert_write_data(path, m, c, &e);
        TL_CHECK(st == FK_OK, "cert_write_data: %s: %s", e.where, e.msg);
        TL_CHECK(dir_count(dir, &tmps) == 1 && tmps == 0,
                 "directory must hold exactly the certificate");
        st = cert_read(&b, path, m, &e);
        if (TL_CHECK(st == FK_OK, "cert_read (status %s): %s: %s",
                     cert_status_str(c->status), e.where, e.msg)) {
            cert_status s = c->status;
            TL_CHECK(b->status == s && b->sense == m->sense &&
                         strcmp(b->sha256, c->sha256) == 0 &&
                         strcmp(b->model_file, c->model_file) == 0,
                     "header differs");
            TL_CHECK(s == CERT_OPTIMAL ? b->has_objective &&
                                             mpq_equal(b->objective, c->objective)
                                       : !b->has_objective,
                     "objective differs");
            TL_CHECK(s == CERT_INFEASIBLE ? vec_zero(b->x, N) : vec_eq(b->x, c->x, N),
                     "x differs (status %s)", cert_status_str(s));
            TL_CHECK(s == CERT_OPTIMAL || s == CERT_INFEASIBLE ? vec_eq(b->y, c->y, M)
                                                               : vec_zero(b->y, M),
                     "y differs (status %s)", cert_status_str(s));
            TL_CHECK(s == CERT_UNBOUNDED ? vec_eq(b->r, c->r, N) : vec_zero(b->r, N),
                     "r differs (status %s)", cert_status_str(s));
        }
        cert_free(b);
        cert_free(c);
    }
done:
    remove(path);
    rmdir(dir);
    lp_free(lp[0]);
    lp_free(lp[1]);
    return TL_RESULT();
}

/* cert_write and cert_write_feasible fill the header from the model file,
 * write only nonzero entries, and refuse solver statuses with no
 * certificate. */
int test_cert_write_header(fk_rng *r);
int test_cert_write_header(fk_rng *r)
{
    char dir[] = "/tmp/fk-t-certio.XXXXXX", path[256], model[256], hex[65];
    lp_model *lp = small_lp(LP_MAX);
    mpq_t x[N], y[M], ray[N];
    lp_answer res;
    cert_data *b = NULL;
    fk_err e;
    long j, i;
    int tmps;
    (void)r;
    if (!TL_CHECK(mkdtemp(dir) != NULL && lp != NULL, "setup"))
        return TL_FAIL;
    for (j = 0; j < N; j++) {
        mpq_init(x[j]);
        mpq_init(ray[j]);
        mpq_set_si(x[j], j % 2 ? (long)j : 0, 3);
        mpq_canonicalize(x[j]);
        mpq_set_si(ray[j], -(long)j, 1);
    }
    for (i = 0; i < M; i++) {
        mpq_init(y[i]);
        mpq_set_si(y[i], (long)i - 2, 7);
    }
    snprintf(model, sizeof model, "%s/the model.lp", dir);
    snprintf(path, sizeof path, "%s/c.cert", dir);
    write_text(model, "\\ any bytes: the writer hashes the file, not the model\n");
    cert_file_sha256(model, hex);

    memset(&res, 0, sizeof res);
    res.m = M;
    res.n = N;
    res.x = x;
    res.y = y;
    res.ray = ray;
    mpq_init(res.objval);
    mpq_set_si(res.objval, -5, 2);

    res.status = LP_OPTIMAL;
    TL_CHECK(cert_write(path, model, lp, &res, &e) == FK_OK, "cert_write: %s", e.msg);
    if (TL_CHECK(cert_read(&b, path, lp, &e) == FK_OK, "read: %s: %s", e.where, e.msg)) {
        TL_CHECK(strcmp(b->sha256, hex) == 0, "sha256 %s, want %s", b->sha256, hex);
        TL_CHECK(strcmp(b->model_file, "the model.lp") == 0, "model-file '%s'",
                 b->model_file);
        TL_CHECK(b->status == CERT_OPTIMAL && b->sense == LP_MAX &&
                     mpq_equal(b->objective, res.objval) && vec_eq(b->x, x, N) &&
                     vec_eq(b->y, y, M) && !b->relaxation,
                 "optimal certificate differs");
    }
    cert_free(b);
    b = NULL;
    {
        /* Nonzero entries only: x has (N-1)/2... count the x lines. */
        FILE *f = fopen(path, "rb");
        char line[4096];
        long nx = 0, ny = 0;
        while (f && fgets(line, sizeof line, f)) {
            nx += line[0] == 'x' && line[1] == ' ';
            ny += line[0] == 'y' && line[1] == ' ';
        }
        if (f)
            fclose(f);
        TL_CHECK(nx == N / 2 && ny == M - 1, "%ld x lines, %ld y lines", nx, ny);
    }

    /* An LP relaxation (lp->nrelax > 0) writes `relaxation lp`, read back. */
    lp->nrelax = 2;
    TL_CHECK(cert_write(path, model, lp, &res, &e) == FK_OK, "cert_write: %s", e.msg);
    if (TL_CHECK(cert_read(&b, path, lp, &e) == FK_OK, "read: %s: %s", e.where, e.msg))
        TL_CHECK(b->relaxation && b->status == CERT_OPTIMAL && mpq_equal(b->objective, res.objval),
                 "relaxation certificate differs");
    cert_free(b);
    b = NULL;
    lp->nrelax = 0;

    res.status = LP_INFEASIBLE;
    TL_CHECK(cert_write(path, model, lp, &res, &e) == FK_OK, "cert_write: %s", e.msg);
    if (TL_CHECK(cert_read(&b, path, lp, &e) == FK_OK, "read: %s: %s", e.where, e.msg))
        TL_CHECK(b->status == CERT_INFEASIBLE && vec_eq(b->y, y, M) &&
                     vec_zero(b->x, N) && !b->has_objective,
                 "infeasible certificate differs");
    cert_free(b);
    b = NULL;

    res.status = LP_UNBOUNDED;
    TL_CHECK(cert_write(path, model, lp, &res, &e) == FK_OK, "cert_write: %s", e.msg);
    if (TL_CHECK(cert_read(&b, path, lp, &e) == FK_OK, "read: %s: %s", e.where, e.msg))
        TL_CHECK(b->status == CERT_UNBOUNDED && vec_eq(b->x, x, N) &&
                     vec_eq(b->r, ray, N) && vec_zero(b->y, M),
                 "unbounded certificate differs");
    cert_free(b);
    b = NULL;

    TL_CHECK(cert_write_feasible(path, model, lp, x, &e) == FK_OK, "feasible: %s", e.msg);
    if (TL_CHECK(cert_read(&b, path, lp, &e) == FK_OK, "read: %s: %s", e.where, e.msg))
        TL_CHECK(b->status == CERT_FEASIBLE && vec_eq(b->x, x, N), "feasible differs");
    cert_free(b);
    b = NULL;

    /* No certificate for a limit: FK_EINVAL, and the old file stays. */
    res.status = LP_ITER_LIMIT;
    TL_CHECK(cert_write(path, model, lp, &res, &e) == FK_EINVAL, "ITER_LIMIT accepted");
    TL_CHECK(cert_read(&b, path, lp, &e) == FK_OK && b->status == CERT_FEASIBLE,
             "old certificate damaged");
    cert_free(b);
    b = NULL;

    /* A model file that cannot be read: FK_EIO, nothing new written. */
    remove(path);
    res.status = LP_OPTIMAL;
    TL_CHECK(cert_write(path, "/nonexistent/m.lp", lp, &res, &e) == FK_EIO,
             "unreadable model accepted");
    TL_CHECK(!exists(path) && dir_count(dir, &tmps) == 1 && tmps == 0,
             "files left behind");

    remove(model);
    rmdir(dir);
    for (j = 0; j < N; j++) {
        mpq_clear(x[j]);
        mpq_clear(ray[j]);
    }
    for (i = 0; i < M; i++)
        mpq_clear(y[i]);
    mpq_clear(res.objval);
    lp_free(lp);
    return TL_RESULT();
}

/* Failures leave nothing behind and do not clobber. */
int test_cert_atomic(fk_rng *r);
int test_cert_atomic(fk_rng *r)
{
    char dir[] = "/tmp/fk-t-certio.XXXXXX", path[256], sub[256];
    lp_model *lp = small_lp(LP_MIN);
    cert_data *c = cert_new(M, N), *b = NULL;
    fk_err e;
    int tmps;
    (void)r;
    if (!TL_CHECK(mkdtemp(dir) != NULL && lp && c, "setup"))
        return TL_FAIL;
    memset(c->sha256, 'a', 64);
    mpq_set_si(c->x[2], 7, 1);
    mpq_set_si(c->y[1], -1, 2);

    /* Missing directory: FK_EIO with a message, and no file anywhere. */
    snprintf(path, sizeof path, "%s/no/such/dir/c.cert", dir);
    fk_err_clear(&e);
    TL_CHECK(cert_write_data(path, lp, c, &e) == FK_EIO && e.msg[0] != '\0',
             "missing directory: want FK_EIO");
    TL_CHECK(!exists(path) && dir_count(dir, &tmps) == 0,
             "a missing directory must leave no file");

    /* The target is a directory: the temporary file is written but the
     * rename fails; the temporary file must be gone and the directory
     * untouched. */
    snprintf(sub, sizeof sub, "%s/isdir", dir);
    mkdir(sub, 0700);
    TL_CHECK(cert_write_data(sub, lp, c, &e) == FK_EIO, "rename onto a directory: want FK_EIO");
    TL_CHECK(dir_count(dir, &tmps) == 1 && tmps == 0, "temporary file left behind");
    rmdir(sub);

    /* Success replaces an older file completely. */
    snprintf(path, sizeof path, "%s/c.cert", dir);
    write_text(path, "old contents that are much longer than the new certificate "
                     "would ever be ... ... ... ... ... ... ... ... ... ... ... ... "
                     "... ... ... ... ... ... ... ... ... ... ... ... ... ... ... "
                     "... ... ... ... ... ... ... ... ... ... ... ... ... ... ...\n");
    TL_CHECK(cert_write_data(path, lp, c, &e) == FK_OK, "write: %s", e.msg);
    TL_CHECK(cert_read(&b, path, lp, &e) == FK_OK, "read back: %s: %s", e.where, e.msg);
    TL_CHECK(dir_count(dir, &tmps) == 1 && tmps == 0, "one file, no temporaries");
    cert_free(b);

    /* A certificate for another model size is FK_EINVAL before any file
     * is touched. */
    {
        cert_data *w = cert_new(M + 1, N);
        TL_CHECK(w && cert_write_data(path, lp, w, &e) == FK_EINVAL, "size mismatch");
        cert_free(w);
    }
    remove(path);
    rmdir(dir);
    cert_free(c);
    lp_free(lp);
    return TL_RESULT();
}

/* Malformed certificates: the reader names the line and column. */
int test_cert_read_errors(fk_rng *r);
int test_cert_read_errors(fk_rng *r)
{
    static const char *head =
        "farkas-certificate 1\n"
        "model-file m.lp\n"
        "model-sha256 0000000000000000000000000000000000000000000000000000000000000000\n"
        "sense min\n";
    static const struct {
        const char *body;  /* appended to head */
        fk_status code;
        const char *where; /* expected suffix of err.where */
    } bad[] = {
        {"status optimal\nrows 5\ncols 7\nobjective 1\nx y 1\ny BB 2\nend\n", FK_OK, ""},
        {"status optimal\nrows 5\ncols 7\nobjective 1\nx y 1\ny BB 2\n", FK_EPARSE, ":11:1"},
        {"status optimal\nrows 5\ncols 7\nx y 1\nend\n", FK_EPARSE, ":8:1"},
        {"status optimal\nrows 5\ncols 7\nobjective 1\nx y 1\nx y 2\nend\n", FK_EPARSE, ":10:3"},
        {"status optimal\nrows 5\ncols 7\nobjective 1\nx nope 1\nend\n", FK_EPARSE, ":9:3"},
        {"status optimal\nrows 5\ncols 7\nobjective 1\nx y 2/4\nend\n", FK_EPARSE, ":9:5"},
        {"status optimal\nrows 5\ncols 7\nobjective 1\nx y 0.5\nend\n", FK_EPARSE, ":9:5"},
        {"status optimal\nrows 5\ncols 7\nobjective 1\nx y 1/-2\nend\n", FK_EPARSE, ":9:5"},
        {"status optimal\nrows 5\ncols 7\nobjective 1\nx y -0\nend\n", FK_EPARSE, ":9:5"},
        {"status optimal\nrows 5\ncols 7\nobjective 1\ny BB 1\nx y 1\nend\n", FK_EPARSE, ":10:1"},
        {"status optimal\nrows 5\ncols 7\nobjective 1\nr y 1\nend\n", FK_EPARSE, ":9:1"},
        {"status infeasible\nrows 5\ncols 7\nx y 1\nend\n", FK_EPARSE, ":8:1"},
        {"status infeasible\nrows 5\ncols 7\nobjective 1\nend\n", FK_EPARSE, ":8:1"},
        {"status infeasible\nrows 6\ncols 7\nend\n", FK_EPARSE, ":6:6"},
        {"status sideways\nrows 5\ncols 7\nend\n", FK_EPARSE, ":5:8"},
        {"status feasible\nrows 5\ncols 7\nx x%201 1\nx x 1\nend\n", FK_EPARSE, ":9:3"},
        {"status feasible\nrows 5\ncols 7\nx x%201 1\nx %2541 -3\nx caf%C3%A9 1/3\nend\n",
         FK_OK, ""},
        {"status feasible\nrows 5\ncols 7\nx x%2 1\nend\n", FK_EPARSE, ":8:3"},
        {"status feasible\nrows 5\ncols 7\nend\nx y 1\n", FK_EPARSE, ":9:1"},
        {"status feasible\nrows 5\ncols 7\nend\n# trailing comment\n\n", FK_OK, ""},
        {"status feasible\nstatus feasible\nrows 5\ncols 7\nend\n", FK_EPARSE, ":6:1"},
        {"status feasible\nrows 5\ncols 7\nwhat 1\nend\n", FK_EPARSE, ":8:1"},
        {"status feasible\nrows 5\ncols 7\nx y 1 2\nend\n", FK_EPARSE, ":8:1"},
        {"status feasible\nrows 5\ncols 7\nend extra\n", FK_EPARSE, ":8:1"},
    };
    char dir[] = "/tmp/fk-t-certio.XXXXXX", path[256];
    lp_model *lp = small_lp(LP_MIN);
    size_t k;
    (void)r;
    if (!TL_CHECK(mkdtemp(dir) != NULL && lp, "setup"))
        return TL_FAIL;
    snprintf(path, sizeof path, "%s/c.cert", dir);
    for (k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        char *text = malloc(strlen(head) + strlen(bad[k].body) + 1);
        cert_data *c = NULL;
        fk_err e;
        fk_status st;
        size_t wl = strlen(bad[k].where);
        strcpy(text, head);
        strcat(text, bad[k].body);
        write_text(path, text);
        fk_err_clear(&e);
        st = cert_read(&c, path, lp, &e);
        TL_CHECK(st == bad[k].code, "case %zu: status %d, want %d (%s: %s)", k,
                 (int)st, (int)bad[k].code, e.where, e.msg);
        TL_CHECK((st == FK_OK) == (c != NULL), "case %zu: *out", k);
        if (st != FK_OK) {
            size_t el = strlen(e.where);
            TL_CHECK(el >= wl && strcmp(e.where + el - wl, bad[k].where) == 0 &&
                         strncmp(e.where, path, strlen(path)) == 0,
                     "case %zu: where '%s', want '...%s' (%s)", k, e.where,
                     bad[k].where, e.msg);
        }
        cert_free(c);
        free(text);
    }
    {
        cert_data *c = NULL;
        fk_err e;
        TL_CHECK(cert_read(&c, "/nonexistent/c.cert", lp, &e) == FK_EIO && c == NULL,
                 "missing file: want FK_EIO");
    }
    remove(path);
    rmdir(dir);
    lp_free(lp);
    return TL_RESULT();
}

/* Characters a section of v[0..k) takes as the writer could spell it:
 * the value fields per entry (p/q), or over the lcm D (the `denominator
 * KEY D` line and the integers v_i D).  Counted here on mpz_get_str's
 * output, independently of cert.c's digit estimates. */
static void section_sizes(mpq_t *const v, long k, const char *key, size_t *per, size_t *com)
{
    long i;
    mpz_t d, t;
    char *s;
    mpz_init_set_ui(d, 1);
    mpz_init(t);
    for (i = 0; i < k; i++)
        if (mpq_sgn(v[i]) != 0)
            mpz_lcm(d, d, mpq_denref(v[i]));
    s = mpz_get_str(NULL, 10, d);
    *com = strlen("denominator ") + strlen(key) + 1 + strlen(s) + 1;
    free(s);
    *per = 0;
    for (i = 0; i < k; i++) {
        if (mpq_sgn(v[i]) == 0)
            continue;
        s = mpq_get_str(NULL, 10, v[i]);
        *per += strlen(s);
        free(s);
        mpz_divexact(t, d, mpq_denref(v[i]));
        mpz_mul(t, t, mpq_numref(v[i]));
        s = mpz_get_str(NULL, 10, t);
        *com += strlen(s);
        free(s);
    }
    mpz_clear(d);
    mpz_clear(t);
}

/* The characters the written file spends on section key: its value
 * fields and its denominator line. */
static size_t section_written(const char *path, const char *key)
{
    FILE *f = fopen(path, "rb");
    char line[4096], den[64];
    size_t n = 0, kl = strlen(key);
    snprintf(den, sizeof den, "denominator %s ", key);
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, den, strlen(den)) == 0)
            n += strlen(line);
        else if (strncmp(line, key, kl) == 0 && line[kl] == ' ')
            n += strlen(strrchr(line, ' ') + 1) - 1; /* the value, without '\n' */
    }
    if (f)
        fclose(f);
    return n;
}

/* Version 2's writer takes, per section, the shorter of the two spellings
 * (per entry on a tie).  Word-size numbers over a few shared or unshared
 * denominators, so that either wins and a digit decides (ship12l's y
 * was written over a common denominator though per entry was shorter). */
int test_cert_shorter_encoding(fk_rng *r);
int test_cert_shorter_encoding(fk_rng *r)
{
    static const unsigned long dens[] = {1, 2, 3, 4, 7, 10, 25, 625, 1000, 99991, 6665, 250000};
    char dir[] = "/tmp/fk-t-certio.XXXXXX", path[256];
    long rep, reps = 400 * tl_mult(), j, i, nc = 0, np = 0;
    lp_model *lp = small_lp(LP_MIN);
    if (!TL_CHECK(mkdtemp(dir) != NULL && lp != NULL, "mkdtemp, lp_new"))
        return TL_FAIL;
    snprintf(path, sizeof path, "%s/c.cert", dir);
    for (rep = 0; rep < reps && !tl_failed_now(); rep++) {
        cert_data *c = cert_new(M, N);
        fk_err e;
        size_t per, com, got;
        long nd = fk_rng_range(r, 1, 4), d0 = fk_rng_range(r, 0, 11), big = fk_rng_range(r, 0, 1) ? 99999 : 9;
        c->status = CERT_OPTIMAL;
        memset(c->sha256, 'a', 64);
        c->sha256[64] = '\0';
        for (j = 0; j < N + M; j++) {
            mpq_ptr q = j < N ? c->x[j] : c->y[j - N];
            if (fk_rng_range(r, 0, 4) == 0)
                continue;
            mpq_set_si(q, fk_rng_range(r, -big, big), dens[(d0 + fk_rng_range(r, 0, nd - 1)) % 12]);
            mpq_canonicalize(q);
        }
        TL_CHECK(cert_write_data(path, lp, c, &e) == FK_OK, "cert_write_data: %s", e.msg);
        for (i = 0; i < 2; i++) {
            section_sizes(i ? c->y : c->x, i ? M : N, i ? "y" : "x", &per, &com);
            got = section_written(path, i ? "y" : "x");
            TL_CHECK(got == (com < per ? com : per), "section %s: %zu characters written, "
                     "per entry %zu, over the lcm %zu", i ? "y" : "x", got, per, com);
            nc += com < per;
            np += com >= per;
        }
        cert_free(c);
    }
    tl_info("cert_shorter_encoding", "%ld sections over a common denominator, %ld per entry", nc, np);
    TL_CHECK(nc > 0 && np > 0, "both encodings must occur");
    remove(path);
    rmdir(dir);
    lp_free(lp);
    return TL_RESULT();
}
