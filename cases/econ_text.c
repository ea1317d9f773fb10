/* econ_text.c: see econ_text.h */
#include "econ_text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rat.h"

fk_status econ_rd_fail(econ_rd *r, const char *fmt, const char *a, const char *b)
{
    char where[256];
    snprintf(where, sizeof where, "%s:%ld", r->path, r->line);
    return fk_fail(r->err, FK_EPARSE, where, fmt, a, b);
}

int econ_name_ok(const char *s)
{
    if (!*s || strlen(s) > 32)
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_' && *s != '.')
            return 0;
    return 1;
}

int econ_name_find(char *const *names, int k, const char *s)
{
    int i;
    for (i = 0; i < k; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

void econ_names_free(char **v, int k)
{
    int i;
    if (!v)
        return;
    for (i = 0; i < k; i++)
        free(v[i]);
    free(v);
}

fk_status econ_rd_number(econ_rd *r, mpq_t q, const char *s, int nonneg)
{
    int rc = rat_set_str(q, s, strlen(s), NULL);
    if (rc != RAT_OK)
        return econ_rd_fail(r, "%s '%s'", rat_strerror(rc), s);
    if (nonneg && mpq_sgn(q) < 0)
        return econ_rd_fail(r, "negative probability '%s'%s", s, "");
    return FK_OK;
}
