#!/bin/sh
# mutate.sh [BUILD]: the tests must catch a deliberately broken build.
#
# Copies the source tree and BUILD's objects (default build/, so only the
# broken file is recompiled) to a temporary directory; there, for each
# mutant below, first checks that the named tests pass on the intact
# copy, then applies the break (a literal text replacement, which must
# change the file: a mutant whose text no longer occurs is a failure
# telling you to update this list), rebuilds just the test binary of the
# module, runs just those tests and requires them to FAIL.  The intact
# file is put back (and touched, so it is recompiled) before the next.
# Run by tests/run.sh in the normal pass of `make test`; under half a
# minute (7.4 s measured on the shared, loaded 2-core machine).
#
# A mutant: NAME@FILE@FROM@TO@MODULE@TESTS (TESTS: test names of
# build/tests/MODULE, space-separated).  FROM and TO are fixed strings
# on one line.
. tests/cli/lib.sh
BUILD=${1:-build}
MUTANTS='szentes-checks-no-deviation@cases/case_mech.c@"szentes-deviations", devs, 1,@"szentes-deviations", devs, 0,@cases@cm_szentes
deviation-walk-skips-next-report@cases/econ.c@} else if (d->b == d->a) {@} else if (d->b == d->a || d->b == d->a + 1) {@cases@bce_grid doval_brute
cm-obedience-row-dropped@cases/case_mech.c@r2 = dv.b;@r2 = dv.b; if (r2 == 3) continue;@cases@cm_yamashita
checker-ignores-duality-gap@certify/check/chk_check.c@if (!rc && !mpq_equal(p, d))@if (0 && !rc && !mpq_equal(p, d))@certify@chk_optimal_min chk_optimal_max
checker-drops-last-term@certify/check/chk_check.c@for (k = 0; k < md->nnz; k++)@for (k = 0; k < md->nnz - 1; k++)@certify@chk_optimal_min chk_big_numbers
checker-lcm-without-rescale@certify/check/chk_check.c@mpz_mul(a->n, a->n, t);@(void)0;@certify@tamper
checker-ignores-denominator-line@certify/check/chk_cert.c@common ? mpz_set(v->e, den) : mpz_swap(v->e, mpq_denref(q))@mpz_swap(v->e, mpq_denref(q))@certify@chk_format2 tamper
checker-takes-fraction-as-numerator@certify/check/chk_cert.c@(common && mpz_cmp_ui(mpq_denref(q), 1))@(0)@certify@chk_format2
bsolve-always-singular@exact/solve/bsolve.c@if (k > BS_MAX_K)@if (k >= 0)@solve@bsolve_random
bsolve-word-residual-from-too-wide@exact/solve/bsolve.c@if (mpz_sizeinbase(R[i], 2) > 62)@if (mpz_sizeinbase(R[i], 2) > 70)@solve@bsolve_random
bsolve-fill-sign-lost@exact/solve/bsolve.c@a.rv[i2][n2] = p - d;@a.rv[i2][n2] = d;@solve@bsolve_large
flu-hint-first-entry-lost@exact/solve/flu.c@for (a = 0; a < f->nhint; a++)@for (a = 1; a < f->nhint; a++)@solve@flu_hint
flu-rowform-ftran-sign@exact/solve/flu.c@s -= f->uval[q] * v[f->uidx[q]];@s += f->uval[q] * v[f->uidx[q]];@solve@flu_paths
flu-rowform-btran-sign@exact/solve/flu.c@s += f->lval[q] * t[f->lidx[q]];@s -= f->lval[q] * t[f->lidx[q]];@solve@flu_paths
flu-ft-ftran-r-sign@exact/solve/flu.c@t[f->rrow[k]] -= z;@t[f->rrow[k]] += z;@solve@flu_update
flu-ft-old-column-kept@exact/solve/flu.c@urow_drop(f, f->stepr[f->ucrow[q]], p);@(void)urow_drop;@solve@flu_update
flu-ft-btran-hyper-r-sign@exact/solve/flu.c@t[i] -= f->rrval[q] * x;@t[i] += f->rrval[q] * x;@solve@flu_update
bfrt-heap-pops-largest-first@exact/solve/fast_dual_tmpl.c@if (!(h[c].rt < x.rt))@if (!(h[c].rt > x.rt))@solve@fast_dual_knapsack
presolve-subst-ignores-upper-bound@exact/solve/pre.c@        if (mpq_cmp(w->t, w->chi[j]) > 0)@        if (0 && mpq_cmp(w->t, w->chi[j]) > 0)@solve@pre_hand
implied-bound-moved-inward@exact/solve/fast_dual_tmpl.c@w->lo[j] = lo[j] - IMPL_MARGIN * (1 + RABS(lo[j]));@w->lo[j] = lo[j] + IMPL_MARGIN * (1 + RABS(lo[j]));@solve@fast_implied
implied-bound-negative-coef-wrong-side@exact/solve/fast_dual_tmpl.c@impl_tighten(lo, up, j, axhi == HUGE_VAL ? -HUGE_VAL : axhi / a,@impl_tighten(lo, up, j, axlo == -HUGE_VAL ? -HUGE_VAL : axlo / a,@solve@fast_implied
implied-bound-own-infinity-counted@exact/solve/fast_dual_tmpl.c@real restL = Li - linf > 0 ? -HUGE_VAL : Lf - (linf ? 0 : a * l);@real restL = Li > 0 ? -HUGE_VAL : Lf - (linf ? 0 : a * l);@solve@fast_implied
beval-y-thread-result-lost@exact/solve/beval.c@ys->r = bsolve_solve_t(ys->bs, ys->y, ys->c);@ys->r = 0;@solve@fast_phase_threaded
fast-row-copy-leaving-column-kept-basic@exact/solve/fast_basis_tmpl.c@row_swap(w, q, w->rbeg[i] + w->rnb[i]++);@(void)q;@solve@fast_dual_flips
beval-reduced-cost-sign-flipped@exact/solve/beval.c@(st == LP_AT_LO && sg > 0)@(st == LP_AT_LO && sg < 0)@solve@random_vs_oracle
pure-minmax-loop-flipped@cases/case_minmax.c@if (mpq_cmp(u, best) > 0)@if (mpq_cmp(u, best) < 0)@cases@minmax_random
agv-ir-failure-at-zero@cases/case_vcg.c@if (mpq_sgn(u) < 0)@if (mpq_sgn(u) <= 0)@cases@vcg_trade_vs_ms
pcheck-sturm-count-ignored@certify/pcheck/pchk.c@ok = (o.len == 1 || roots_inside(&o, I) == 0) && sign_inside@ok = sign_inside@param@param_tamper
pcheck-model-hash-ignored@certify/pcheck/pchk.c@if (strcmp(buf, model_sha) != 0) {@if (0 && strcmp(buf, model_sha) != 0) {@param@param_tamper
pcheck-ray-cone-unchecked@certify/pcheck/pchk.c@(rc = holds(pm, c->R, &c->rden, I, 1))@(rc = 0)@param@param_unbounded
pcheck-roots-beside-algebraic-end-skipped@certify/pcheck/pchk.c@if (I->ea.alg) {@if (0 && I->ea.alg) {@param@param_algebraic
mech-row-map-wrong-report@cases/mech.c@set_row(b, MECH_ROW_DIC, i, a, c, t,@set_row(b, MECH_ROW_DIC, i, a, a, t,@cases@ce_files
mech-row-map-wrong-constraint@cases/mech.c@b->cur.cons = i;@b->cur.cons = m->ncons - 1 - i;@cases@da_closed_form
pre-singleton-side-flipped@exact/solve/pre.c@(at == LP_AT_LO) == (rc->a > 0) ? LP_AT_LO : LP_AT_UP;@(at == LP_AT_LO) == (rc->a > 0) ? LP_AT_UP : LP_AT_LO;@solve@pre_hand
pre-forcing-ratio-flipped@exact/solve/pre.c@(rc->side == LP_AT_UP ? t < by : t > by)@(rc->side == LP_AT_UP ? t > by : t < by)@solve@pre_hand
pre-doubleton-fill-sign-lost@exact/solve/pre.c@mpq_neg(w->t, w->t);@(void)0;@solve@pre_hand
prf-doc-z-sign-lost@proofs/prf_doc.c@            mpz_neg(g[j].n, g[j].n);@            (void)0;@proofs@doc_optimal_vs_plain'

W=$TMP/tree
mkdir -p "$W"
# the tree without build outputs other than BUILD's, and without .git
tar -cf - --exclude=./.git --exclude="./$BUILD/asan" --exclude="./$BUILD/fuzz" --exclude=./out . | (cd "$W" && tar -xf -)
if [ "$BUILD" != build ] && [ -d "$BUILD" ]; then mkdir -p "$W/build" && cp -pR "$BUILD"/. "$W/build/"; fi

# run_tests MODULE TESTS: 0 when every named test passed
run_tests() {
    ok_all=0
    for t in $2; do
        (cd "$W" && FK_TEST_QUICK=1 timeout 120 build/tests/"$1" "$t") > "$TMP/run.log" 2>&1 || ok_all=1
        grep -q "^ok $t\$" "$TMP/run.log" || ok_all=1
    done
    return $ok_all
}
build_mod() { # build_mod MODULE
    (cd "$W" && nice make -j2 --no-print-directory B=build "build/tests/$1") > "$TMP/make.log" 2>&1
}

printf '%s\n' "$MUTANTS" > "$TMP/mutants"
while IFS='@' read -r name file from to mod tests; do
    if ! build_mod "$mod"; then fail "$name" "intact build fails: $(tail -n 3 "$TMP/make.log")"; continue; fi
    if ! run_tests "$mod" "$tests"; then fail "$name" "$mod $tests fail on the intact tree"; continue; fi
    cp -p "$W/$file" "$TMP/orig"
    FROM=$from TO=$to awk 'BEGIN { f = ENVIRON["FROM"]; t = ENVIRON["TO"] }
        { while ((i = index($0, f)) > 0 && !d) { $0 = substr($0, 1, i - 1) t substr($0, i + length(f)); d = 1 } print }' \
        "$TMP/orig" > "$W/$file"
    if cmp -s "$TMP/orig" "$W/$file"; then
        fail "$name" "'$from' no longer occurs in $file: update tests/mutate.sh"; continue
    fi
    if ! build_mod "$mod"; then
        fail "$name" "the mutant does not build: $(grep -m1 error "$TMP/make.log")"
    elif run_tests "$mod" "$tests"; then
        fail "$name" "$file broken ('$from' -> '$to') but $mod $tests still pass"
    else
        ok "$name: caught by $mod $tests"
    fi
    cp "$TMP/orig" "$W/$file"; touch "$W/$file"
done < "$TMP/mutants"
finish
