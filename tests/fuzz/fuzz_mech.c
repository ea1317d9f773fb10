/* fuzz_mech.c: the mechanism-file reader (cases/mech_read.c).  A model
 * that reads must be consistent: nprof is the product of the type counts,
 * every type's beliefs are >= 0 and sum to 1, a common prior sums to 1 and
 * its conditionals are the beliefs, a fixed allocation is a lottery (or
 * within the supply).  When tiny, every objective's LP is built, solved and
 * certified as `farkas model` would, and the independent checker must
 * accept every certificate. */
#include "fuzz.h"

#include <dirent.h>

#include "mech.h"

static void fm_check(const mech_model m)
{
    const econ_tspace_struct *ts = m->ts;
    long np = 1, t, S = ts->nstates;
    int i, a, th, j;
    mpq_t s, q;
    mpq_inits(s, q, NULL);
    for (i = 0; i < m->n; i++)
        np *= ts->ntypes[i];
    if (np != ts->nprof || m->n < 1 || S < 1 || m->ndec < 1)
        FUZZ_BUG("shape: %d agents, nprof %ld vs %ld, %ld states, %d decisions", m->n, ts->nprof, np,
                 S, m->ndec);
    for (i = 0; i < m->n && m->bel_kind != MECH_BEL_NONE; i++)
        for (a = 0; a < ts->ntypes[i]; a++) {
            mpq_set_ui(s, 0, 1);
            for (t = 0; t < np; t++)
                if (econ_type_of(ts, t, i) == a)
                    for (th = 0; th < S; th++) {
                        if (mpq_sgn(ts->bel[i][t * S + th]) < 0)
                            FUZZ_BUG("negative belief");
                        mpq_add(s, s, ts->bel[i][t * S + th]);
                    }
            if (mpq_cmp_ui(s, 1, 1) != 0)
                FUZZ_BUG("beliefs of agent %d type %d do not sum to 1", i, a);
        }
    if (m->prior) {
        mpq_set_ui(s, 0, 1);
        for (t = 0; t < np * S; t++)
            mpq_add(s, s, m->prior[t]);
        if (mpq_cmp_ui(s, 1, 1) != 0)
            FUZZ_BUG("the common prior does not sum to 1");
        /* pi(t, th) = bel_i(t, th | t_i) * marginal(t_i): check ratios on agent 0 */
        for (t = 0; t < np * S; t++)
            if (mpq_sgn(m->prior[t]) != mpq_sgn(ts->bel[0][t]))
                FUZZ_BUG("prior and beliefs disagree on the support at %ld", t);
    }
    if (m->fixed)
        for (t = 0; t < np; t++) {
            mpq_set_ui(s, 0, 1);
            for (j = 0; j < m->ndec; j++)
                mpq_add(s, s, m->fixed[t * m->ndec + j]);
            if (m->mode == MECH_ALTS ? mpq_cmp_ui(s, 1, 1) != 0 : mpq_cmp(s, m->supply) > 0)
                FUZZ_BUG("fixed allocation at %ld is not a lottery / within the supply", t);
        }
    mpq_clears(s, q, NULL);
}

/* Remove the files `farkas model` wrote into dir, and dir. */
static void fm_rmdir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char p[512];
    if (d) {
        while ((e = readdir(d)) != NULL)
            if (e->d_name[0] != '.') {
                snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
                unlink(p);
            }
        closedir(d);
    }
    rmdir(dir);
}

FUZZ_TARGET(mech)
{
    char p[128], dir[128];
    const char *path = fuzz_file(p, sizeof p, "in.mech", data, size);
    mech_model m;
    fk_err err;
    if (!path)
        return 0;
    fk_err_clear(&err);
    mech_init(m);
    if (mech_read(m, path, &err) == FK_OK) {
        fm_check(m);
        if (m->ts->nprof * m->ts->nstates * (m->ndec + m->n) <= 48 && m->nobj <= 3) {
            econ_out o;
            memset(&o, 0, sizeof o);
            o.outdir = fuzz_path(dir, sizeof dir, "mech-out");
            o.quiet = 2;
            (void)mech_solve(&o, m, 0, NULL, &err);
            if (o.nbad)
                FUZZ_BUG("the checker rejected %d of %d certificates", o.nbad, o.ncert);
            fm_rmdir(dir);
        }
    } else if (!err.msg[0] || (err.code == FK_EPARSE && strncmp(err.where, path, strlen(path)))) {
        FUZZ_BUG("mech_read: error without a message or a position: '%s: %s'", err.where, err.msg);
    }
    mech_clear(m);
    mech_clear(m); /* idempotent (mech.h) */
    return 0;
}
