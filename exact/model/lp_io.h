/* lp_io.h: reading and writing model files (docs/model-formats.md).
 *
 * Readers return a new, finalized lp_model in *out (the caller frees it
 * with lp_free) or leave *out NULL and return:
 *   FK_EIO     the file cannot be opened or read;
 *   FK_EPARSE  malformed input;
 *   FK_ELIMIT  a line over LPIO_MAX_LINE bytes, a name over LPIO_MAX_NAME
 *              characters, or a number over the limits of rat.h.
 * err->where is "path:line:col" (1-based; col is the first character of
 * the offending token) and err->msg says what is wrong.  Warnings (text
 * after ENDATA, which is ignored) go to stderr as
 * "path:line:col: warning: ...".  Nothing is leaked on any path.
 *
 * Integrality (MPS MARKER lines and BV LI UI SC bounds; LP general,
 * binary, semi-continuous and sos sections) is FK_EPARSE naming --relax,
 * unless flags has LPIO_RELAX: then it is dropped (binary: [0, 1];
 * semi-continuous: lower bound min(l, 0); sos: ignored), lp->nrelax counts
 * the columns concerned, and the model read is the LP relaxation.
 *
 * Writers write the model exactly (rationals as p/q) to path.tmp.<pid>,
 * then rename it to path, so a reader never sees a half-written file; on
 * any error the temporary file is removed and path is untouched.
 *   FK_EIO     cannot create, write or rename the file;
 *   FK_EINVAL  the model cannot be expressed in the format: a name that is
 *              not a valid name of the format (an LP name starting with a
 *              digit or equal to a reserved word, any name with blanks), a
 *              free row (neither format has one), an MPS row with lo > hi,
 *              or an empty row in a model with no column (LP).
 * Reading what a writer wrote gives an identical model: same names in the
 * same order, same exact data (lp_write_lp does not keep the problem name,
 * and writes no objective name when the model has none, which the LP
 * reader then calls "obj"; lp_write_mps invents an objective row name
 * when the model's is empty or clashes with a row).  The model need not be
 *  * finalized; the writers do not modify it. */
#ifndef LP_IO_H
#define LP_IO_H

#include <stddef.h>

#include "fk.h"
#include "lp.h"

#define LPIO_MAX_LINE (1L << 20) /* bytes per line, without the newline */
#define LPIO_MAX_NAME 255        /* characters per name */

#define LPIO_RELAX 1 /* read a MIP as its LP relaxation */

fk_status lp_read_mps(lp_model **out, const char *path, fk_err *err);
fk_status lp_read_lp(lp_model **out, const char *path, fk_err *err);
fk_status lp_read_mps_flags(lp_model **out, const char *path, int flags,
                            fk_err *err);
fk_status lp_read_lp_flags(lp_model **out, const char *path, int flags,
                           fk_err *err);

/* By the file name's extension, case-insensitively: .mps or .lp.  Any
 * other name is FK_EINVAL naming the supported extensions. */
fk_status lp_read_file(lp_model **out, const char *path, fk_err *err);
fk_status lp_read_file_flags(lp_model **out, const char *path, int flags,
                             fk_err *err);

fk_status lp_write_lp(const lp_model *lp, const char *path, fk_err *err);
fk_status lp_write_mps(const lp_model *lp, const char *path, fk_err *err);

/* Shared by the readers and writers (lp_io.c); not for other modules. */

/* The whole file in a new NUL-terminated buffer (*len excludes the NUL).
 * FK_EIO with msg "cannot open 'path': reason" on failure. */
fk_status lpio_slurp(const char *path, char **buf, size_t *len, fk_err *err);

/* Fill err with code and where = "path:line:col". */
fk_status lpio_fail(fk_err *err, fk_status code, const char *path, long line,
                    long col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Print "path:line:col: warning: msg" to stderr. */
void lpio_warn(const char *path, long line, long col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* r = the number s[0..n).  On error fills err (at path:line:col) with
 * "bad number 'X'", "division by zero in 'X'", "exponent too large in
 * 'X'" or "too many digits in number 'X'" (long X shortened to its first
 * 32 characters and "..."), returning FK_EPARSE or FK_ELIMIT. */
fk_status lpio_number(mpq_t r, const char *s, size_t n, const char *path,
                      long line, long col, fk_err *err);

/* Grow the zero-filled byte array *a (*alloc bytes) to hold index need:
 * FK_ENOMEM ("out of memory") on failure, *a unchanged. */
fk_status lpio_grow_bytes(unsigned char **a, long *alloc, long need,
                          fk_err *err);

/* The printable form of token s[0..n) for messages: at most 40
 * characters ("..." marks a cut), into buf (size >= 48). */
const char *lpio_show(char *buf, const char *s, size_t n);

#endif
