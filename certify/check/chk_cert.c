/* chk_cert.c: the checker's reader of docs/certificate-format.md, versions
 * 1 and 2 (2: a section may open with `denominator S D`, then its values are
 * integer numerators over D; no value need be in lowest terms, so reading
 * takes no gcd).  Intended duplication of the certificate writer's side:
 * the checker trusts no code of the solver, so it reads the file on its own,
 * strictly. */
#include "chk_int.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { VERSION, MODELFILE, SHA, SENSE, STATUS, ROWSK, COLSK, RELAX, OBJ, X, Y, R, END, DEN };
static const char *const KEYS[] = {"farkas-certificate", "model-file",
    "model-sha256", "sense", "status", "rows", "cols", "relaxation",
    "objective", "x", "y", "r", "end", "denominator"};
static const char *const STATUS_NAMES[] = {"optimal", "infeasible", "unbounded", "feasible"};
/* Which of the sections x, y, r each status has (bit 1 x, 2 y, 4 r). */
static const int SECTIONS[] = {3, 2, 5, 1};

void chk_cert_init(chk_cert *ct, const chk_model *md)
{
    memset(ct, 0, sizeof *ct);
    mpq_init(ct->obj);
    ct->x = chk_fracs(md->n);
    ct->y = chk_fracs(md->m);
    ct->r = chk_fracs(md->n);
}

void chk_cert_clear(chk_cert *ct, const chk_model *md)
{
    mpq_clear(ct->obj);
    chk_fracs_free(ct->x, md->n);
    chk_fracs_free(ct->y, md->m);
    chk_fracs_free(ct->r, md->n);
}

/* VALUE: [-]digits or [-]digits/digits as GMP prints an mpq (no '+', no
 * leading zeros, no -0, denominator > 1), in lowest terms if lowest. */
static int value(mpq_t q, char *s, int lowest)
{
    char *p = s + (*s == '-'), *d = NULL;
    size_t n = chk_digits(p);
    int ok;
    mpz_t g;
    if (n == 0 || (p[0] == '0' && (n > 1 || p != s || p[1] != '\0')))
        return -1; /* also refuses -0 and 0/q */
    if (p[n] == '\0')
        return mpq_set_str(q, s, 10);
    d = p + n + 1;
    if (p[n] != '/' || chk_digits(d) == 0 || d[chk_digits(d)] != '\0' || d[0] == '0')
        return -1;
    mpq_set_str(q, s, 10); /* p/q as written: GMP does not reduce it */
    mpz_init(g);
    ok = mpz_cmp_ui(mpq_denref(q), 1) > 0 && (!lowest || (mpz_gcd(g, mpq_numref(q), mpq_denref(q)),
                                                      mpz_cmp_ui(g, 1) == 0));
    mpz_clear(g);
    if (!ok)
        mpq_set_ui(q, 0, 1);
    return ok ? 0 : -1;
}

/* Decode a percent-encoded NAME in place; only the bytes that must be
 * encoded may be, with upper-case hex.  Returns the length or -1. */
static long decode(char *s)
{
    static const char HEX[] = "0123456789ABCDEF";
    size_t i, o = 0;
    for (i = 0; s[i]; i++) {
        unsigned c = (unsigned char)s[i];
        if (c == '%') {
            const char *h1 = s[i + 1] ? strchr(HEX, s[i + 1]) : NULL;
            const char *h2 = h1 && s[i + 2] ? strchr(HEX, s[i + 2]) : NULL;
            if (!h2)
                return -1;
            c = (unsigned)((h1 - HEX) * 16 + (h2 - HEX));
            if (c == 0 || (c != '%' && c > 0x20 && c < 0x7f))
                return -1;
            i += 2;
        } else if (c <= 0x20 || c >= 0x7f) {
            return -1;
        }
        s[o++] = (char)c;
    }
    s[o] = '\0';
    return (long)o;
}

/* rows / cols: a non-negative integer without leading zeros. */
static int count(long *v, const char *s)
{
    size_t n = chk_digits(s);
    if (n == 0 || s[n] || n > 15 || (s[0] == '0' && n > 1))
        return -1;
    *v = strtol(s, NULL, 10);
    return 0;
}

static int header_value(chk_cert *ct, int k, char *s)
{
    int i;
    switch (k) {
    case VERSION:
        ct->version = !strcmp(s, "1") ? 1 : !strcmp(s, "2") ? 2 : 0;
        return ct->version ? 0 : -1;
    case MODELFILE:
        return decode(s) < 0 ? -1 : 0;
    case SHA:
        if (strlen(s) != 64 || strspn(s, "0123456789abcdef") != 64)
            return -1;
        memcpy(ct->sha, s, 65);
        return 0;
    case SENSE:
        ct->sense = !strcmp(s, "min") ? 1 : !strcmp(s, "max") ? -1 : 0;
        return ct->sense ? 0 : -1;
    case STATUS:
        for (i = 0; i < 4 && strcmp(s, STATUS_NAMES[i]); i++)
            ;
        ct->status = i;
        return i < 4 ? 0 : -1;
    case ROWSK:
        return count(&ct->rows, s);
    case COLSK:
        return count(&ct->cols, s);
    case RELAX:
        return strcmp(s, "lp") ? -1 : (ct->relax = 1, 0);
    default: /* canonical (version 2 may write it unreduced), for mpq_equal */
        return value(ct->obj, s, ct->version == 1) < 0 ? -1 : (mpq_canonicalize(ct->obj), 0);
    }
}

int chk_read_cert(chk_cert *ct, const chk_text *t, const chk_model *md,
                  const char *model_sha, int quiet)
{
    static const char *const WHAT[] = {"version", "model file name",
        "sha256 (64 lower-case hex digits)", "sense (min or max)", "status",
        "count", "count", "relaxation (lp)", "value"};
    char *s, *next = t->buf, *nl;
    unsigned char *seen = calloc((size_t)(md->m > md->n ? md->m : md->n) + 1, 1);
    chk_tok tk[4];
    long line = 0, idx;
    int k = -1, sec, last = -1, nt, body = 0, done = 0, rc = 0, common = 0;
    chk_frac *v;
    mpq_t q;
    mpz_t den; /* the open section's `denominator` when common */
    if (!seen)
        abort();
    mpq_init(q), mpz_init(den);
    while (!rc && *(s = next)) {
        if ((nl = strchr(s, '\n')))
            *nl = '\0', next = nl + 1;
        else
            next = s + strlen(s);
        line++;
        if (*s == '#' || (nt = chk_split(s, tk, 3)) == 0)
            continue;
        for (k = 0; k <= DEN && strcmp(tk[0].s, KEYS[k]); k++)
            ;
        sec = k != DEN || nt != 3 ? k : !strcmp(tk[1].s, "x") ? X : !strcmp(tk[1].s, "y") ? Y
              : !strcmp(tk[1].s, "r") ? R : -1; /* the section a line belongs to */
        if (done || k > DEN) {
            rc = chk_err(t->file, line, 1, done ? "text after end" : "unknown line '%.64s'", tk[0].s);
        } else if (nt != (k == END ? 1 : k >= X ? 3 : 2)) {
            rc = chk_err(t->file, line, 1, "wrong number of fields for '%.64s'", KEYS[k]);
        } else if (k < X && !body) {
            int want = last + 1 + (last == COLSK && k != RELAX); /* optional */
            want += want == OBJ && ct->status != CHK_OPTIMAL;
            if (k != want)
                rc = chk_err(t->file, line, 1, "'%.64s' out of order or repeated (expected '%.64s')",
                             KEYS[k], KEYS[want]);
            else if (header_value(ct, k, tk[1].s) < 0)
                rc = chk_err(t->file, line, tk[1].col, "bad %s '%.64s'", WHAT[k], tk[1].s);
            last = k;
        } else if (!body && last < (ct->status == CHK_OPTIMAL ? OBJ : COLSK)) {
            rc = chk_err(t->file, line, 1, "'%.64s' before the header is complete", KEYS[k]);
        } else if (k == DEN && (ct->version < 2 || sec < 0)) {
            rc = chk_err(t->file, line, sec < 0 ? tk[1].col : 1, sec < 0 ? "bad section '%.64s' (want x, y or r)"
                         : "'denominator' lines need farkas-certificate 2", tk[1].s);
        } else if (sec < last || (k == DEN && sec == last) || k == OBJ ||
                   (sec < END && !(SECTIONS[ct->status] & (1 << (sec - X))))) {
            rc = chk_err(t->file, line, 1, "'%.64s' out of order or not allowed for status %s",
                         KEYS[k], STATUS_NAMES[ct->status]);
        } else {
            /* The header is complete: a certificate for another model is
             * rejected here, before its names are looked up. */
            if (!body) {
                body = 1;
                if (chk_header(ct, md, model_sha, quiet))
                    rc = 1;
                else if (ct->relax != (md->nrelax > 0) && (rc = 1) && !quiet)
                    printf("rejected: the model %s integer variables but the certificate %s about "
                           "an LP relaxation\n", md->nrelax ? "has" : "has no", ct->relax ? "is" : "is not");
            }
            if (sec != last)
                memset(seen, 0, (size_t)(md->m > md->n ? md->m : md->n)), common = k == DEN;
            last = sec;
            done = k == END;
            if (rc || done)
                continue;
            if (k == DEN) {
                if (chk_digits(tk[2].s) != strlen(tk[2].s) || tk[2].s[0] == '0')
                    rc = chk_err(t->file, line, tk[2].col, "bad denominator '%.64s' (want a positive integer "
                                 "without leading zeros)", tk[2].s);
                else
                    mpz_set_str(den, tk[2].s, 10);
                continue;
            }
            idx = decode(tk[1].s);
            if (idx >= 0)
                idx = chk_names_find(k == Y ? &md->rows : &md->cols, tk[1].s, (size_t)idx);
            if (idx < 0)
                rc = chk_err(t->file, line, tk[1].col, "unknown %s name '%.64s'",
                             k == Y ? "row" : "column", tk[1].s);
            else if (seen[idx]++)
                rc = chk_err(t->file, line, tk[1].col, "'%.64s %.64s' listed twice", KEYS[k], tk[1].s);
            else if (value(q, tk[2].s, ct->version == 1) < 0 || (common && mpz_cmp_ui(mpq_denref(q), 1)))
                rc = chk_err(t->file, line, tk[2].col, common ? "bad numerator '%.64s' (want [-]p: the "
                             "section has a denominator line)" : ct->version == 1 ? "bad value '%.64s' "
                             "(want [-]p or [-]p/q in lowest terms)" : "bad value '%.64s' (want [-]p or [-]p/q)",
                             tk[2].s);
            else if ((v = k == X ? &ct->x[idx] : k == Y ? &ct->y[idx] : &ct->r[idx]))
                mpz_swap(v->n, mpq_numref(q)), common ? mpz_set(v->e, den) : mpz_swap(v->e, mpq_denref(q));
        }
    }
    if (!rc && !done)
        rc = chk_err(t->file, line + 1, 1, "unexpected end of file (no 'end' line)");
    mpq_clear(q), mpz_clear(den);
    free(seen);
    return rc;
}
