/* t-da.c: Peters' double-auction LP (0.3)-(0.5) against the closed form
 * derived by hand (cases/case_da.c header): IRL gives p_ll <= v_l and
 * raising p_ll both adds pi/4 and relaxes ICH, so p_ll = v_l; the
 * objective's gradient in (p_hh, p_hl) is (pi, 1-pi)/2, parallel to ICH,
 * which binds before IRH because v_l < v_h:
 *   pi p_hh + (1-pi) p_hl = ((1+pi) v_h + (1-pi) v_l)/2,
 *   W* = that / 2 + pi v_l / 4 = ((1+pi) v_h + v_l)/4,
 * and p_hh = p_hl = that value (> v_l) satisfies ICL, so it is attained.
 * With p_hl = v_l fixed: p_hh = p* = ((1+pi) v_h - (1-pi) v_l)/(2 pi).
 *
 * The multipliers, from the dual: a positive price among p_hh, p_hl has a
 * zero reduced cost, and its column (pi, 1-pi)/2 in the objective against
 * (pi, 1-pi) in ICH gives lambda(ICH) = 1/2; p_ll = v_l > 0, whose column
 * is pi/4 in the objective and -(1-pi)/2 in ICH, 1 in IRL, gives
 * lambda(IRL) = pi/4 + (1-pi)/4 = 1/4; ICL and IRH are slack at
 * p_hh = p_hl (so 0).  The dual value 1/2 (1+pi) v_h/2 + v_l/4 is W*.
 * These are read through the mechanism path's row map (side constraints
 * by name), so a map or sign error shows here. */
#include <gmp.h>

#include "caseutil.h"
#include "mech.h"
#include "testlib.h"

/* lambda of the side constraint NAME in the LP of file PATH (kept answer);
 * 0 on success */
static int da_lambda(econ_out *o, const char *path, const char *name, mpq_t lam)
{
    mech_model m;
    mech_result res[MECH_MAX_LPS];
    fk_err err;
    long k;
    int found = -1;
    fk_err_clear(&err);
    mech_init(m);
    if (mech_read(m, path, &err) != FK_OK) {
        mech_clear(m);
        return -1;
    }
    if (mech_solve_keep(o, m, 0, res, &err) == FK_OK && res[0].status == LP_OPTIMAL)
        for (k = 0; k < res[0].nrow; k++)
            if (res[0].row[k].fam == MECH_ROW_SIDE && strcmp(m->cons[res[0].row[k].cons].name, name) == 0) {
                mpq_set(lam, res[0].lam[k]);
                found = 0;
            }
    mech_results_clear(res, m->nobj);
    mech_clear(m);
    return found;
}

int test_da_closed_form(fk_rng *r)
{
    static const long par[][5] = { /* vl num/den, vh, pi num/den */
        {1, 1, 2, 3, 4}, {2, 1, 3, 3, 4}, {1, 2, 1, 2, 3}, {3, 1, 10, 9, 10}, {1, 1, 5, 1, 1}};
    econ_out o;
    fk_err err;
    char dir[64];
    mpq_t vl, vh, pi, w, w2, want, ps, p[3], p2[3];
    size_t k;
    int j;
    (void)r;
    if (cu_open(&o, dir))
        return TL_SKIP;
    mpq_inits(vl, vh, pi, w, w2, want, ps, NULL);
    for (j = 0; j < 3; j++) {
        mpq_init(p[j]);
        mpq_init(p2[j]);
    }
    fk_err_clear(&err);
    for (k = 0; k < sizeof par / sizeof par[0]; k++) {
        cu_q(vl, par[k][0], par[k][1]);
        mpq_set_si(vh, par[k][2], 1);
        cu_q(pi, par[k][3], par[k][4]);
        if (!TL_CHECK(case_da_solve(&o, vl, vh, pi, 0, "da", w, p, &err) == FK_OK, "%s", err.msg) ||
            !TL_CHECK(case_da_solve(&o, vl, vh, pi, 1, "dae", w2, p2, &err) == FK_OK, "%s", err.msg))
            continue;
        /* want = ((1 + pi) vh + vl) / 4 */
        mpq_set_ui(want, 1, 1);
        mpq_add(want, want, pi);
        mpq_mul(want, want, vh);
        mpq_add(want, want, vl);
        mpq_set_ui(ps, 1, 4);
        mpq_mul(want, want, ps);
        TL_CHECK(mpq_equal(w, want) && mpq_equal(w2, want), "instance %zu: W* differs", k);
        TL_CHECK(mpq_equal(p[2], vl) && mpq_equal(p2[2], vl), "instance %zu: p_ll != v_l", k);
        /* p* = ((1+pi) vh - (1-pi) vl) / (2 pi) */
        mpq_set_ui(ps, 1, 1);
        mpq_add(ps, ps, pi);
        mpq_mul(ps, ps, vh);
        mpq_set_ui(want, 1, 1);
        mpq_sub(want, want, pi);
        mpq_mul(want, want, vl);
        mpq_sub(ps, ps, want);
        mpq_div(ps, ps, pi);
        mpq_set_ui(want, 1, 2);
        mpq_mul(ps, ps, want);
        TL_CHECK(mpq_equal(p2[0], ps), "instance %zu: p_hh with p_hl = v_l is not p*", k);
        {
            char path[128];
            snprintf(path, sizeof path, "%s/da-surplus.mech", dir);
            TL_CHECK(da_lambda(&o, path, "ICH(0.3)", ps) == 0 && mpq_cmp_ui(ps, 1, 2) == 0,
                     "instance %zu: lambda(ICH) = %s, by hand 1/2", k, mpq_get_str(NULL, 10, ps));
            TL_CHECK(da_lambda(&o, path, "IRL", ps) == 0 && mpq_cmp_ui(ps, 1, 4) == 0,
                     "instance %zu: lambda(IRL) = %s, by hand 1/4", k, mpq_get_str(NULL, 10, ps));
        }
    }
    TL_CHECK(o.nbad == 0, "%d certificates rejected", o.nbad);
    mpq_clears(vl, vh, pi, w, w2, want, ps, NULL);
    for (j = 0; j < 3; j++) {
        mpq_clear(p[j]);
        mpq_clear(p2[j]);
    }
    cu_close(dir);
    return TL_RESULT();
}
