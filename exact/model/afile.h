/* afile.h: all-or-nothing output files for certificates and proof exports.
 *
 * A certificate that is half written must never be mistaken for a whole
 * one, so writers go through a temporary file "<path>.tmp.<pid>" in the
 * same directory (rename() is atomic only within one file system) and the
 * final name appears only after every byte has been written, flushed,
 * synced and the stream closed without error.  Any failure removes the
 * temporary file and leaves an existing file at path untouched.
 *
 *     afile a;
 *     if (afile_open(&a, path, err)) return err->code;
 *     ... fprintf(a.f, ...) ...                  (errors are caught by commit)
 *     return afile_commit(&a, err);              (or afile_abort(&a))
 *
 * While the temporary file exists, SIGINT, SIGTERM and SIGHUP are blocked
 * (and delivered after the rename or removal), so an interrupt can never
 * leave a stray "<path>.tmp.<pid>" behind: there is a whole file or none.
 * Writing a certificate takes milliseconds; solving, which may be long,
 * happens before afile_open and stays interruptible.
 */
#ifndef AFILE_H
#define AFILE_H

#include <signal.h>
#include <stdio.h>

#include "fk.h"

typedef struct {
    FILE *f;        /* the open temporary file; NULL when not open */
    char *path;     /* final name (copied) */
    char *tmp;      /* temporary name */
    sigset_t saved; /* signal mask before afile_open */
} afile;

/* Create the temporary file.  FK_EIO (msg names the temporary file and
 * strerror) or FK_ENOMEM; on failure a is left closed. */
fk_status afile_open(afile *a, const char *path, fk_err *err);

/* Flush, fsync, close and rename onto path.  On any failure the temporary
 * file is removed and FK_EIO is returned with where = path.  a is closed
 * afterwards in every case. */
fk_status afile_commit(afile *a, fk_err *err);

/* Close and remove the temporary file (safe on a closed afile). */
void afile_abort(afile *a);

#endif
