/* sweep_int.h: what sweep.c (arguments, instances, running) and
 * sweep_out.c (recording and collecting) share; not for other modules. */
#ifndef SWEEP_INT_H
#define SWEEP_INT_H

#include <stddef.h>

#include "fk.h"

/* at most this many swept parameters, instances, characters in a name */
enum { SW_MAXPAR = 8, SW_MAXINST = 1000000, SW_NAMELEN = 64 };

/* A growing string; oom is set (and further adds ignored) on failure. */
typedef struct {
    char *s;
    size_t len, cap;
    int oom;
} sbuf;

void sweep_sb_add(sbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The whole file as a NUL-terminated string (free it), or NULL. */
char *sweep_slurp(const char *path);
/* Write s to path through an atomic file (afile.h). */
fk_status sweep_put_file(const char *path, const char *s, fk_err *err);

/* FK_EINVAL unless u is [LABEL=]VERDICT with a known VERDICT. */
fk_status sweep_check_until(const char *u, fk_err *err);

/* `farkas sweep --record DIR ID`: DIR/runs/ID/rows.tsv from what the
 * instance wrote; exit 1 when $FK_SWEEP_UNTIL is set and matches. */
int sweep_record(const char *dir, const char *id);
/* Merge DIR/runs/ * into results.tsv and summary.md, print the counts and
 * (until != NULL) the first hit; the exit code of sweep.h. */
int sweep_collect(const char *dir, const char *until);
/* 1 if a recorded instance of DIR matches until, 0 if none, -1 on error. */
int sweep_hit_recorded(const char *dir, const char *until, fk_err *err);

#endif
