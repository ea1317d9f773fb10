/* export_coq.c: `farkas proof --coq OUT.v`, a Coq file that coqc checks.
 *
 * Stating a large LP as one Coq proposition and proving it by tactics
 * does not scale (the terms explode).  Instead proofs/coq/FarkasCheck.v
 * holds, once, a checker written in Coq (a function from model and
 * certificate data to bool) and its soundness theorems.  This export
 * writes only data, lists of Q, and closes the claim with
 *     apply (infeasible_sound cs ys). vm_compute. reflexivity.
 * so coqc runs the checker on the data; a wrong certificate makes the
 * computation return false and `reflexivity` (hence coqc) fail.
 *
 * The model as FarkasCheck sees it: every row with its sides, then one
 * constraint x_j in [l_j, u_j] per column with a finite bound.  The
 * multipliers are the certificate's y on rows and, on the bound
 * constraints, what the bounds contribute: -g_j (g = A^T y) for an
 * infeasible certificate, the reduced cost z_j = c'_j - g_j for an optimal
 * one.  They are derived here without any check: coqc is the checker.
 *
 * Names appear only in comments.  Coq comments nest and contain string
 * literals, so a name is written with letters, digits and harmless
 * punctuation only; '(', ')', '*', '"', '%', '\', '`', blanks, control
 * and non-ASCII bytes become %XX: no name can open or close a comment or
 * a string. */
#include "prf_doc.h"

#include <stdlib.h>
#include <string.h>

#include "afile.h"

static void coq_name(FILE *f, const char *name)
{
    const unsigned char *p = (const unsigned char *)name;
    for (; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || (*p > 0x20 && *p < 0x7f &&
                                         strchr("[]:,;.-_>=<+/!?@#$^&{}|~'", *p)))
            putc(*p, f);
        else
            fprintf(f, "%%%02X", *p);
    }
}

/* (p # q): Qmake with a Z numerator and a positive denominator. */
static void coq_q(FILE *f, const mpq_t q)
{
    fputs("(", f);
    mpz_out_str(f, 10, mpq_numref(q));
    fputs(" # ", f);
    mpz_out_str(f, 10, mpq_denref(q));
    fputs(")", f);
}

static void coq_side(FILE *f, int fin, const mpq_t v)
{
    if (!fin) {
        fputs("None", f);
        return;
    }
    fputs("(Some ", f);
    coq_q(f, v);
    fputs(")", f);
}

static int has_bound(const lp_model *lp, long j)
{
    return lp->clo_fin[j] || lp->chi_fin[j];
}

fk_status prf_export_coq(const char *path, const lp_model *lp,
                         const cert_data *c, fk_err *err)
{
    afile a;
    FILE *f;
    fk_status st;
    mpq_t *w = NULL;
    mpq_t t;
    long i, j, k, nw = 0;
    int first = 1, max = lp->sense == LP_MAX;

    if (!lp->finalized)
        return fk_fail(err, FK_EINVAL, NULL, "model not finalized");
    if (c->m != lp->m || c->n != lp->n)
        return fk_fail(err, FK_EINVAL, NULL,
                       "certificate (%ld rows, %ld cols) does not fit the "
                       "model (%ld, %ld)", c->m, c->n, lp->m, lp->n);
    if (c->status == CERT_UNBOUNDED)
        return fk_fail(err, FK_EINVAL, NULL,
                       "the Coq export covers infeasible, optimal and "
                       "feasible certificates, not unbounded ones (use --smt)");
    w = fk_calloc((size_t)lp->n + 1, sizeof *w);
    if (w == NULL)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    for (; nw < lp->n; nw++)
        mpq_init(w[nw]);
    mpq_init(t);
    /* w = -A^T y, then (optimal) + c'. */
    for (i = 0; i < lp->m; i++)
        for (k = lp->rbeg[i]; k < lp->rbeg[i + 1]; k++) {
            mpq_mul(t, c->y[i], lp_rval(lp, k));
            mpq_sub(w[lp->cidx[k]], w[lp->cidx[k]], t);
        }
    if (c->status == CERT_OPTIMAL)
        for (j = 0; j < lp->n; j++) {
            if (max)
                mpq_sub(w[j], w[j], lp->obj[j]);
            else
                mpq_add(w[j], w[j], lp->obj[j]);
        }

    st = afile_open(&a, path, err);
    if (st != FK_OK)
        goto cleanup;
    f = a.f;
    fprintf(f, "(* farkas Coq export of a certificate, status %s.\n"
               "   model-file ", cert_status_str(c->status));
    coq_name(f, c->model_file ? c->model_file : "");
    if (lp->nrelax) /* what is proved is about the relaxation only */
        fprintf(f, "\n   LP relaxation: integrality of %ld columns dropped", lp->nrelax);
    fprintf(f, "\n   model-sha256 %s\n   sense %s, %ld rows, %ld columns\n"
               "   Check with the fixed checker proofs/coq/FarkasCheck.v in DIR:\n"
               "     coqc -Q DIR Farkas DIR/FarkasCheck.v && coqc -Q DIR Farkas THIS.v\n"
               "   Names are in comments only; parentheses, star, double quote, "
               "percent,\n   backslash, backquote, blanks and non-ASCII bytes "
               "are written %%XX. *)\n",
            c->sha256, max ? "max" : "min", lp->m, lp->n);
    fputs("From Farkas Require Import FarkasCheck.\n"
          "From Coq Require Import QArith List.\nImport ListNotations.\n"
          "Open Scope Q_scope.\n\n(* Variables: x_j is entry j of the point.\n", f);
    for (j = 0; j < lp->n; j++) {
        fprintf(f, "   %ld: ", j);
        coq_name(f, lp->cname[j]);
        putc('\n', f);
    }
    fputs("*)\n\n(* The rows, then one constraint per column with a finite "
          "bound. *)\nDefinition cs : list constr := [\n", f);
    for (i = 0; i < lp->m; i++) {
        fprintf(f, "%s  (* row %ld: ", first ? "" : ";\n", i);
        first = 0;
        coq_name(f, lp->rname[i]);
        fputs(" *)\n  mk [", f);
        for (k = lp->rbeg[i]; k < lp->rbeg[i + 1]; k++) {
            fprintf(f, "%s(%ld%%nat, ", k > lp->rbeg[i] ? "; " : "", lp->cidx[k]);
            coq_q(f, lp_rval(lp, k));
            putc(')', f);
        }
        fputs("] ", f);
        coq_side(f, lp->rlo_fin[i], lp->rlo[i]);
        putc(' ', f);
        coq_side(f, lp->rhi_fin[i], lp->rhi[i]);
    }
    for (j = 0; j < lp->n; j++) {
        if (!has_bound(lp, j))
            continue;
        fprintf(f, "%s  (* bound of x_%ld: ", first ? "" : ";\n", j);
        first = 0;
        coq_name(f, lp->cname[j]);
        fprintf(f, " *)\n  mk [(%ld%%nat, 1)] ", j);
        coq_side(f, lp->clo_fin[j], lp->clo[j]);
        putc(' ', f);
        coq_side(f, lp->chi_fin[j], lp->chi[j]);
    }
    fputs("\n].\n\n", f);

    if (c->status != CERT_FEASIBLE) {
        first = 1;
        fputs("(* One multiplier per constraint above, in order. *)\n"
              "Definition ys : list Q := [\n(* begin multipliers *)\n", f);
        for (i = 0; i < lp->m; i++) {
            fputs(first ? "  " : ";\n  ", f);
            first = 0;
            coq_q(f, c->y[i]);
        }
        for (j = 0; j < lp->n; j++) {
            if (!has_bound(lp, j))
                continue;
            fputs(first ? "  " : ";\n  ", f);
            first = 0;
            coq_q(f, w[j]);
        }
        fputs("\n(* end multipliers *)\n].\n\n", f);
    }
    if (c->status != CERT_INFEASIBLE) {
        fputs("Definition xs : list Q := [\n", f);
        for (j = 0; j < lp->n; j++) {
            fputs(j ? ";\n  " : "  ", f);
            coq_q(f, c->x[j]);
        }
        fputs("\n].\n\n", f);
    }
    switch (c->status) {
    case CERT_INFEASIBLE:
        fputs("Theorem farkas_infeasible : forall x : list Q, ~ feasible cs x.\n"
              "Proof. apply (infeasible_sound cs ys). vm_compute. reflexivity. "
              "Qed.\n", f);
        break;
    case CERT_OPTIMAL:
        fputs("Definition obj : list (nat * Q) := [", f);
        first = 1;
        for (j = 0; j < lp->n; j++) {
            if (mpq_sgn(lp->obj[j]) == 0)
                continue;
            fprintf(f, "%s(%ld%%nat, ", first ? "" : "; ", j);
            first = 0;
            coq_q(f, lp->obj[j]);
            putc(')', f);
        }
        fputs("].\nDefinition c0 : Q := ", f);
        coq_q(f, lp->objconst);
        fputs(".\nDefinition value : Q := ", f);
        coq_q(f, c->objective);
        fprintf(f, ".\n\n(* xs is feasible, attains value, and no feasible x "
                   "does better. *)\n"
                   "Theorem farkas_optimal : feasible cs xs /\\ objval obj c0 xs "
                   "== value /\\\n  forall x, feasible cs x -> %s.\n"
                   "Proof. apply (optimal_%s_sound cs ys). vm_compute. "
                   "reflexivity. Qed.\n",
                max ? "objval obj c0 x <= value" : "value <= objval obj c0 x",
                max ? "max" : "min");
        break;
    default:
        fputs("Theorem farkas_feasible : feasible cs xs.\n"
              "Proof. apply feasible_sound. vm_compute. reflexivity. Qed.\n", f);
        break;
    }
    st = afile_commit(&a, err);

cleanup:
    for (j = 0; j < nw; j++)
        mpq_clear(w[j]);
    free(w);
    mpq_clear(t);
    return st;
}
