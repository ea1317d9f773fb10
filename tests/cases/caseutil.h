/* caseutil.h: helpers shared by the tests of cases/ (static, included). */
#ifndef CASEUTIL_H
#define CASEUTIL_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case.h"
#include "mech.h"
#include "testlib.h"

/* A fresh output directory under /tmp; o->quiet = 2 (only failures). */
static inline int cu_open(econ_out *o, char *dir)
{
    strcpy(dir, "/tmp/fk-cases-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    memset(o, 0, sizeof *o);
    o->outdir = dir;
    o->quiet = 2;
    return 0;
}

/* Remove the files the cases wrote and the directory. */
static inline void cu_close(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char p[512];
    if (d) {
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            unlink(p);
        }
        closedir(d);
    }
    rmdir(dir);
}

static inline void cu_q(mpq_t q, long a, long b)
{
    mpq_set_si(q, a, (unsigned long)b);
    mpq_canonicalize(q);
}

/* Read and solve the mechanism file FILE (keep: with each LP's row map,
 * multipliers and mechanism, mech_solve_keep); on success (1) res[]
 * (MECH_MAX_LPS) is initialised, on failure (0, a failed check) m and res
 * are cleared. */
static inline int cu_mech_run(econ_out *o, const char *file, mech_model m, mech_result *res, int keep)
{
    fk_err err;
    fk_err_clear(&err);
    mech_init(m);
    if (!TL_CHECK(mech_read(m, file, &err) == FK_OK, "%s: %s: %s", file, err.where, err.msg)) {
        mech_clear(m);
        return 0;
    }
    if (!TL_CHECK((keep ? mech_solve_keep(o, m, 0, res, &err) : mech_solve(o, m, 0, res, &err)) == FK_OK,
                  "%s: %s", file, err.msg)) {
        mech_results_clear(res, m->nobj);
        mech_clear(m);
        return 0;
    }
    return 1;
}

#endif
