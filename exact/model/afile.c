/* afile.c: see afile.h */
#include "afile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void block_signals(afile *a)
{
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGINT);
    sigaddset(&s, SIGTERM);
    sigaddset(&s, SIGHUP);
    sigprocmask(SIG_BLOCK, &s, &a->saved);
}

/* Free the names and restore the signal mask: a pending SIGINT is
 * delivered here, after the temporary file is gone. */
static void release(afile *a)
{
    sigprocmask(SIG_SETMASK, &a->saved, NULL);
    free(a->path);
    free(a->tmp);
    a->path = a->tmp = NULL;
    a->f = NULL;
}

fk_status afile_open(afile *a, const char *path, fk_err *err)
{
    size_t len = strlen(path) + 48;
    block_signals(a);
    a->f = NULL;
    a->path = fk_strdup(path);
    a->tmp = malloc(len);
    if (a->path == NULL || a->tmp == NULL) {
        release(a);
        return fk_fail(err, FK_ENOMEM, path, "out of memory");
    }
    snprintf(a->tmp, len, "%s.tmp.%ld", path, (long)getpid());
    /* "wx" would refuse a stale temp of a dead process with the same pid;
     * plain "w" truncates it, which is what we want. */
    a->f = fopen(a->tmp, "wb");
    if (a->f == NULL) {
        int e = errno;
        fk_fail(err, FK_EIO, path, "cannot create '%s': %s", a->tmp,
                strerror(e));
        release(a);
        return FK_EIO;
    }
    return FK_OK;
}

fk_status afile_commit(afile *a, fk_err *err)
{
    int e = 0;
    const char *what = NULL;
    if (a->f == NULL)
        return fk_fail(err, FK_EINVAL, a->path, "file not open");
    if (ferror(a->f)) {
        what = "write";
        e = EIO;
    } else if (fflush(a->f) != 0) {
        what = "write";
        e = errno;
    } else if (fsync(fileno(a->f)) != 0 && errno != EINVAL && errno != EROFS) {
        /* EINVAL/EROFS: the file system cannot sync (pipes, some special
         * file systems); the data were still written. */
        what = "sync";
        e = errno;
    }
    if (fclose(a->f) != 0 && what == NULL) {
        what = "close";
        e = errno;
    }
    a->f = NULL;
    if (what == NULL && rename(a->tmp, a->path) != 0) {
        what = "rename";
        e = errno;
    }
    if (what != NULL) {
        fk_fail(err, FK_EIO, a->path, "cannot %s '%s': %s", what, a->tmp,
                strerror(e));
        remove(a->tmp);
        release(a);
        return FK_EIO;
    }
    release(a);
    return FK_OK;
}

void afile_abort(afile *a)
{
    if (a->f != NULL) {
        fclose(a->f);
        remove(a->tmp);
    }
    release(a);
}
