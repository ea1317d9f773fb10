/* t-pre.c: the presolve of the float phase and its basis map-back (pre.h).
 *
 *   test_pre_hand    small LPs built for one reduction each, beside a
 *                    2 x 2 block B that no reduction touches
 *                    (min a + 2b: a + b >= 1, a - b <= 1/2; optimum
 *                    a = 3/4, b = 1/4, value 5/4).  For each: the record
 *                    counts, the reduced model's size, the statuses the
 *                    map-back must give (derived by hand below), and the
 *                    mapped basis evaluated exactly (beval) on the
 *                    ORIGINAL model must be optimal with the hand-derived
 *                    objective; solve_lp with and without presolve agrees.
 *   test_pre_random  random small LPs rich in singleton rows, fixed
 *                    columns and equality rows: the map-back always gives
 *                    m basics, and solve_lp with presolve (map-back, warm
 *                    start) gives the exact answer of --no-presolve and of
 *                    the brute-force oracle, with an accepted certificate. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beval.h"
#include "fast.h"
#include "oracle.h"
#include "pre.h"
#include "solve.h"
#include "testlib.h"

int test_pre_hand(fk_rng *r);
int test_pre_random(fk_rng *r);

#define BLOCK_OBJ " + a + 2 b"
#define BLOCK_ROWS " p: a + b >= 1\n q: a - b <= 1/2\n"

typedef struct {
    const char *name, *text;
    int kind[4];          /* kinds that must have a record (-1 ends) */
    long mr, nr;          /* reduced size */
    const char *obj;      /* hand-derived optimum */
    const char *want[4];  /* "var=STATUS": B L U (basic, at lo, at up);
                             var is a column name or "row:NAME" */
    int not_kind;         /* 1 + a kind that must have no record, 0 none */
} hand_case;

/* (1) singleton row with an active bound + fixed column + empty column:
 *     z = 1 fixed, w in no row with cost -1 goes to its upper bound 3,
 *     s1: 12 <= 2x <= 20 gives x in [6, 10]; then r1: x + y >= 5 holds with
 *     slack at x = 6, y = 0, so x rests on the bound s1 gave: x basic, s1's
 *     logical at its LOWER side (a = 2 > 0, x at its lower bound), r1's
 *     logical basic.  Value 6 + 0 + 3 - 3 + 5/4 = 29/4.
 * (2) forcing row f: x + y <= 0 with x, y >= 0 (L_f = 0 = hi_f): x = y = 0.
 *     Duals: d_x = -1 - y_f >= 0 and d_y = 2 - y_f >= 0 with y_f <= 0 (f
 *     at its upper side): y_f = -1 (the ratio -1 of x), so x is basic at
 *     0 and f's logical nonbasic at UP; a logical-basic choice (y_f = 0)
 *     would leave d_x = -1 < 0.  g: x + u >= 0 is then redundant.  Value
 *     0 + 0 + 5/4.
 * (3) implied-free column singleton: x in e: x + y + z = 10 only, with
 *     y <= 4, z <= 5, so x = 10 - y - z in [1, 10], inside x >= 0.  The
 *     costs become c_y = 1 - 2 = -1, c_z = 3 - 2 = 1 (+20): y goes to 4
 *     (dual fixing), z to 0, x = 6: 12 + 4 + 0 = 16, and x basic, e's
 *     logical nonbasic.  Value 16 + 5/4 = 69/4.
 * (4) doubleton d: x - y = 1, x in [0, 3]: x = 1 + y, so y in [-1, 2] and
 *     y's upper bound 2 comes from x's 3; c_y = -3 + 1 = -2 sends y to 2:
 *     y basic, x nonbasic at UP (3).  Value 3 - 6 + 5/4 = -7/4.
 * (5) general doubleton d: x - y = 1 where y is also in h: 2x + y <= 10
 *     (and x in g: x + z >= 4, h): y, with fewer entries, goes: y = x - 1,
 *     so y >= 0 gives x >= 1 and h becomes 3x <= 11 (fill into x's entry),
 *     a singleton row: x <= 11/3.  min x + y + 3z = 2x - 1 + 3z with
 *     z = 4 - x: 11 - x, so x = 11/3 on h's bound (x basic, h's logical at
 *     UP), z = 1/3 basic, y = 8/3 basic (d's logical nonbasic).  Value
 *     22/3 + 5/4 = 103/12.
 * (6) implied free substitution: e: x + y + z = 10 with y <= 4, z <= 5
 *     leaves x = 10 - y - z in [1, 10], inside x >= 0, and x is also in
 *     g: x - w <= 2, so it is substituted: min 2x + y + 3z + 2w becomes
 *     20 - y + z + 2w with g: y + z + w >= 8.  y = 4 (cost -1, at UP, by
 *     dual fixing: raising y only loosens g; the reduced model is 3 x 4),
 *     then z + w >= 4 is met by z = 4 (cost 1 < 2), w = 0; x = 2, so g is
 *     tight at its upper side (x - w = 2).  Basics x, z and the block's a,
 *     b; e's logical nonbasic.  Value 4 + 4 + 12 + 0 + 5/4 = 85/4.
 * (7) the same with x <= 3: the row implies only x <= 10, so x is not
 *     implied free and must not be substituted (nor y, z: one entry each,
 *     and the row does not imply y <= 4 or z <= 5); nothing else applies
 *     either (y, z sit in an equality, w's cost pushes it against g).
 *     z = 10 - x - y gives 30 - x - 2y + 2w, y = 4 (at UP), and g makes
 *     w >= x - 2: 22 - x for x <= 2, 18 + x above, so x = 2 (inside its
 *     box: basic), w = 0, z = 4 basic, g tight at UP: (6)'s point, which
 *     x <= 3 does not cut off.  Value 85/4 again, now without (R10). */
static const hand_case CASES[] = {
    {"singleton",
     "Minimize\n obj: x + 2 y + 3 z - w" BLOCK_OBJ "\nSubject To\n"
     " s1: 12 <= 2 x <= 20\n r1: x + y >= 5\n r2: x + y + z <= 10\n" BLOCK_ROWS
     "Bounds\n z = 1\n w <= 3\nEnd\n",
     {PRE_SINGLETON, PRE_FIXED, PRE_EMPTY_COL, -1}, 2, 2, "29/4",
     {"x=B", "row:s1=L", "row:r1=B", NULL}, 0},
    {"forcing",
     "Minimize\n obj: - x + 2 y + u" BLOCK_OBJ "\nSubject To\n"
     " f: x + y <= 0\n g: x + u >= 0\n" BLOCK_ROWS "End\n",
     {PRE_FORCING, -1, -1, -1}, 2, 2, "5/4",
     {"x=B", "row:f=U", "y=L", NULL}, 0},
    {"colsing",
     "Minimize\n obj: 2 x + y + 3 z" BLOCK_OBJ "\nSubject To\n"
     " e: x + y + z = 10\n" BLOCK_ROWS "Bounds\n y <= 4\n z <= 5\nEnd\n",
     {PRE_COLSING, PRE_EMPTY_COL, -1, -1}, 2, 2, "69/4",
     {"x=B", "y=U", "z=L", NULL}, 0},
    {"doubleton",
     "Minimize\n obj: x - 3 y" BLOCK_OBJ "\nSubject To\n"
     " d: x - y = 1\n" BLOCK_ROWS "Bounds\n x <= 3\n y >= -inf\nEnd\n",
     {PRE_DOUBLETON, -1, -1, -1}, 2, 2, "-7/4",
     {"y=B", "x=U", NULL, NULL}, 0},
    {"doubleton-fill",
     "Minimize\n obj: x + y + 3 z" BLOCK_OBJ "\nSubject To\n"
     " d: x - y = 1\n g: x + z >= 4\n h: 2 x + y <= 10\n" BLOCK_ROWS "End\n",
     {PRE_DOUBLETON, PRE_SINGLETON, -1, -1}, 3, 4, "103/12",
     {"y=B", "x=B", "row:h=U", "z=B"}, 0},
    {"substitution",
     "Minimize\n obj: 2 x + y + 3 z + 2 w" BLOCK_OBJ "\nSubject To\n"
     " e: x + y + z = 10\n g: x - w <= 2\n" BLOCK_ROWS "Bounds\n y <= 4\n z <= 5\n w <= 10\nEnd\n",
     {PRE_SUBST, PRE_DUALFIX, -1, -1}, 3, 4, "85/4",
     {"x=B", "z=B", "y=U", "row:g=U"}, 0},
    {"no-substitution",
     "Minimize\n obj: 2 x + y + 3 z + 2 w" BLOCK_OBJ "\nSubject To\n"
     " e: x + y + z = 10\n g: x - w <= 2\n" BLOCK_ROWS "Bounds\n x <= 3\n y <= 4\n z <= 5\n w <= 10\nEnd\n",
     {-1, -1, -1, -1}, 4, 6, "85/4",
     {"x=B", "z=B", "y=U", "row:g=U"}, 1 + PRE_SUBST},
};

/* the variable index of "x" or "row:NAME" in lp's [A -I] layout */
static long var_index(const lp_model *lp, const char *s, size_t len)
{
    char nm[64];
    long k;
    if (len >= sizeof nm)
        return -1;
    memcpy(nm, s, len);
    nm[len] = 0;
    if (strncmp(nm, "row:", 4) == 0) {
        k = lp_find_row(lp, nm + 4);
        return k < 0 ? -1 : lp->n + k;
    }
    return lp_find_col(lp, nm);
}

/* reduced solve + map-back of lp: 0 and *b filled, or -1 (reported) */
static int map_back(lp_basis *b, pre *p, const lp_model *lp, const char *name, int *red_opt)
{
    fast_result fr;
    fast_opts fo;
    fk_err err;
    int rc = -1;
    fast_result_init(&fr);
    fast_opts_default(&fo);
    *red_opt = 0;
    if (!TL_CHECK(pre_run(p, lp, 0, &err) == FK_OK, "%s: pre_run: %s", name, err.msg))
        goto out;
    if (!p->red) {
        rc = 1; /* presolve found infeasibility */
        goto out;
    }
    if (p->red->m == 0 && p->red->n == 0) {
        if (lp_basis_init(&fr.basis, 0, 0))
            goto out;
        fr.status = FAST_OPTIMAL;
    } else if (!TL_CHECK(fast_solve(&fr, p->red, &fo, &err) == FK_OK, "%s: fast_solve", name)) {
        goto out;
    }
    *red_opt = fr.status == FAST_OPTIMAL;
    if (!TL_CHECK(pre_basis_back(b, p, lp, &fr.basis, &err) == FK_OK, "%s: map-back: %s",
                  name, err.msg))
        goto out;
    rc = 0;
out:
    fast_result_clear(&fr);
    return rc;
}

/* exact objective of solve_lp with presolve on (pre = 1) or off */
static int solve_obj(mpq_t v, lp_status *s, const lp_model *lp, int use_pre)
{
    solve_opts o;
    lp_answer res;
    fk_err err;
    int rc;
    solve_opts_default(&o);
    o.no_presolve = !use_pre;
    lp_answer_init(&res);
    rc = solve_lp(&res, lp, &o, NULL, &err) == FK_OK ? 0 : -1;
    *s = res.status;
    mpq_set(v, res.objval);
    lp_answer_clear(&res);
    return rc;
}

int test_pre_hand(fk_rng *r)
{
    size_t c;
    (void)r;
    for (c = 0; c < sizeof CASES / sizeof CASES[0]; c++) {
        const hand_case *hc = &CASES[c];
        lp_model *lp = NULL;
        pre p;
        lp_basis b;
        beval ev;
        fk_err err;
        mpq_t want, v1, v2;
        lp_status s1, s2;
        int k, ro;
        pre_init(&p);
        beval_init(&ev);
        memset(&b, 0, sizeof b);
        mpq_init(want);
        mpq_init(v1);
        mpq_init(v2);
        mpq_set_str(want, hc->obj, 10);
        mpq_canonicalize(want);
        if (!TL_CHECK(tl_read_model_text(&lp, "pre.lp", hc->text, &err) == FK_OK &&
                          lp_finalize(lp, &err) == FK_OK,
                      "%s: model: %s", hc->name, err.msg))
            goto next;
        if (map_back(&b, &p, lp, hc->name, &ro) != 0)
            goto next;
        for (k = 0; k < 4 && hc->kind[k] >= 0; k++)
            TL_CHECK(p.count[hc->kind[k]] > 0, "%s: no %s", hc->name, pre_kind_str(hc->kind[k]));
        TL_CHECK(!hc->not_kind || p.count[hc->not_kind - 1] == 0, "%s: %ld %s", hc->name,
                 hc->not_kind ? p.count[hc->not_kind - 1] : 0L, hc->not_kind ? pre_kind_str(hc->not_kind - 1) : "");
        TL_CHECK(p.red->m == hc->mr && p.red->n == hc->nr, "%s: reduced %ld x %ld, want %ld x %ld",
                 hc->name, p.red->m, p.red->n, hc->mr, hc->nr);
        TL_CHECK(ro, "%s: reduced model not solved", hc->name);
        for (k = 0; k < 4 && hc->want[k]; k++) {
            const char *eq = strchr(hc->want[k], '=');
            long j = var_index(lp, hc->want[k], (size_t)(eq - hc->want[k]));
            int st = eq[1] == 'B' ? LP_BASIC : eq[1] == 'L' ? LP_AT_LO : LP_AT_UP;
            if (TL_CHECK(j >= 0, "%s: no variable %s", hc->name, hc->want[k]))
                TL_CHECK(b.stat[j] == st, "%s: %s has status %d", hc->name, hc->want[k],
                         b.stat[j]);
        }
        if (TL_CHECK(beval_basis(&ev, lp, &b, 1, 0, &err) == FK_OK, "%s: beval", hc->name) &&
            TL_CHECK(ev.optimal, "%s: mapped basis not optimal (primal %d, dual %d)", hc->name,
                     ev.primal_feasible, ev.dual_feasible)) {
            lp_answer res;
            lp_answer_init(&res);
            if (beval_answer(&res, &ev, lp, &err) == FK_OK)
                TL_CHECK(mpq_equal(res.objval, want), "%s: objective %s, want %s", hc->name,
                         mpq_get_str(NULL, 10, res.objval), hc->obj);
            lp_answer_clear(&res);
        }
        if (TL_CHECK(solve_obj(v1, &s1, lp, 1) == 0 && solve_obj(v2, &s2, lp, 0) == 0,
                     "%s: solve_lp", hc->name))
            TL_CHECK(s1 == LP_OPTIMAL && s2 == LP_OPTIMAL && mpq_equal(v1, want) &&
                         mpq_equal(v2, want),
                     "%s: solve_lp %s / %s without presolve, want %s", hc->name,
                     mpq_get_str(NULL, 10, v1), mpq_get_str(NULL, 10, v2), hc->obj);
    next:
        mpq_clear(want);
        mpq_clear(v1);
        mpq_clear(v2);
        beval_clear(&ev);
        lp_basis_clear(&b);
        pre_clear(&p);
        lp_free(lp);
    }
    return TL_RESULT();
}

/* A random small LP with the structure presolve acts on: sparse rows (a
 * third singletons), equality rows, fixed and boxed columns. */
static lp_model *random_pre_lp(fk_rng *r)
{
    lp_model *lp = lp_new();
    long n = fk_rng_range(r, 1, ORACLE_MAX_N), m = fk_rng_range(r, 1, 7), i, j, idx;
    char nm[48];
    mpq_t v;
    fk_err err;
    if (!lp)
        return NULL;
    mpq_init(v);
    lp->sense = fk_rng_range(r, 0, 1) ? LP_MIN : LP_MAX;
    for (j = 0; j < n; j++) {
        long k = fk_rng_range(r, 0, 9);
        snprintf(nm, sizeof nm, "x%ld", j);
        lp_add_col(lp, nm, &idx, &err);
        mpq_set_si(v, fk_rng_range(r, -5, 5), (unsigned long)fk_rng_range(r, 1, 2));
        mpq_canonicalize(v);
        lp_set_obj(lp, j, v);
        mpq_set_si(v, fk_rng_range(r, -2, 2), 1);
        if (k < 4) {
            lp_set_col_lo(lp, j, v);
        } else if (k < 7) {
            lp_set_col_lo(lp, j, v);
            mpq_set_si(v, fk_rng_range(r, 3, 6), 1);
            lp_set_col_hi(lp, j, v);
        } else if (k < 8) {
            lp_set_col_lo(lp, j, v);
            lp_set_col_hi(lp, j, v);
        } else {
            lp_set_col_lo(lp, j, NULL);
        }
    }
    for (i = 0; i < m; i++) {
        long k = fk_rng_range(r, 0, 9), len = fk_rng_range(r, 0, 2) == 0 ? 1 : n;
        snprintf(nm, sizeof nm, "r%ld", i);
        lp_add_row(lp, nm, &idx, &err);
        for (j = 0; j < n; j++)
            if (len == 1 ? j == fk_rng_range(r, 0, n - 1) : fk_rng_range(r, 0, 99) < 50) {
                mpq_set_si(v, fk_rng_range(r, -4, 4), (unsigned long)fk_rng_range(r, 1, 2));
                mpq_canonicalize(v);
                if (mpq_sgn(v))
                    lp_add_coef(lp, i, j, v, &err);
            }
        mpq_set_si(v, fk_rng_range(r, -6, 6), 1);
        if (k < 3) {
            lp_set_row_hi(lp, i, v);
        } else if (k < 5) {
            lp_set_row_lo(lp, i, v);
        } else if (k < 8) {
            lp_set_row_lo(lp, i, v);
            lp_set_row_hi(lp, i, v);
        } else {
            lp_set_row_lo(lp, i, v);
            mpq_set_si(v, fk_rng_range(r, 7, 12), 1);
            lp_set_row_hi(lp, i, v);
        }
    }
    mpq_clear(v);
    if (lp_finalize(lp, &err)) {
        lp_free(lp);
        return NULL;
    }
    return lp;
}

int test_pre_random(fk_rng *r)
{
    long it, iters = 600 * tl_mult(), mapped = 0, optimal_mapped = 0, records = 0, cmp = 0;
    for (it = 0; it < iters && !tl_failed_now(); it++) {
        lp_model *lp = random_pre_lp(r);
        pre p;
        lp_basis b;
        beval ev;
        fk_err err;
        mpq_t v1, v2, vo;
        lp_status s1, s2;
        int ro, rc, ost;
        if (!TL_CHECK(lp != NULL, "random model"))
            break;
        if (lp_check_bounds(lp, &err)) {
            lp_free(lp);
            continue;
        }
        pre_init(&p);
        beval_init(&ev);
        memset(&b, 0, sizeof b);
        mpq_init(v1);
        mpq_init(v2);
        mpq_init(vo);
        rc = map_back(&b, &p, lp, "random", &ro);
        TL_CHECK(rc >= 0, "seed %llu iteration %ld: map-back failed", (unsigned long long)tl_seed(), it);
        records += p.nrec;
        if (rc == 0 && ro) {
            mapped++;
            if (beval_basis(&ev, lp, &b, 1, 0, &err) == FK_OK && ev.optimal)
                optimal_mapped++;
        }
        ost = oracle_solve(lp, vo, NULL);
        if (TL_CHECK(solve_obj(v1, &s1, lp, 1) == 0 && solve_obj(v2, &s2, lp, 0) == 0,
                     "iteration %ld: solve_lp", it)) {
            cmp++;
            TL_CHECK(s1 == s2 && (s1 != LP_OPTIMAL || mpq_equal(v1, v2)),
                     "iteration %ld: presolve %d %s, without %d %s", it, (int)s1,
                     mpq_get_str(NULL, 10, v1), (int)s2, mpq_get_str(NULL, 10, v2));
            TL_CHECK((ost == ORACLE_OPTIMAL) == (s1 == LP_OPTIMAL) &&
                         (ost != ORACLE_OPTIMAL || mpq_equal(v1, vo)),
                     "iteration %ld: presolve %d %s, oracle %s %s", it, (int)s1,
                     mpq_get_str(NULL, 10, v1), oracle_status_str(ost), mpq_get_str(NULL, 10, vo));
        }
        if (tl_failed_now())
            oracle_dump_lp(lp);
        mpq_clear(v1);
        mpq_clear(v2);
        mpq_clear(vo);
        beval_clear(&ev);
        lp_basis_clear(&b);
        pre_clear(&p);
        lp_free(lp);
    }
    tl_info("pre_random", "%ld LPs, %ld reductions, %ld mapped bases of which %ld exactly optimal, "
            "%ld compared", it, records, mapped, optimal_mapped, cmp);
    return TL_RESULT();
}
