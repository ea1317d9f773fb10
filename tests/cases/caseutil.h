/* caseutil.h: helpers shared by the tests of cases/ (static, included). */
#ifndef CASEUTIL_H
#define CASEUTIL_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case.h"

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

#endif
