/* par_cert.c: the parametric certificate file (docs/parametric.md). */
#include "afile.h"
#include "cert.h"
#include "par.h"

/* a piece's end: the rational, or "root POLY LO HI" (the root of POLY
 * in (LO, HI), docs/parametric.md) */
static void put_end(FILE *f, const mpq_t q, const par_alg *x)
{
    fmpq_poly_t p;
    if (!x) {
        gmp_fprintf(f, "%Qd", q);
        return;
    }
    fmpq_poly_init(p);
    fmpq_poly_set_fmpz_poly(p, x->g);
    fprintf(f, "root ");
    par_put_poly(f, p);
    gmp_fprintf(f, " %Qd %Qd", x->lo, x->hi);
    fmpq_poly_clear(p);
}

/* "KEYden D" and "KEY J W_J" for the nonzero W_J: w = W / D */
static void put_vec(FILE *f, const char *key, const fmpq_poly_t D, const fmpq_poly_struct *W, long n)
{
    long i;
    fprintf(f, "%sden ", key);
    par_put_poly(f, D);
    fputc('\n', f);
    for (i = 0; i < n; i++)
        if (!fmpq_poly_is_zero(W + i)) {
            fprintf(f, "%s %ld ", key, i);
            par_put_poly(f, W + i);
            fputc('\n', f);
        }
}

fk_status par_cert_write(const par_result *r, const par_model *pm,
                         const char *model, const char *path, fk_err *err)
{
    afile af;
    fk_status st;
    fmpq_poly_t num, den;
    int k;
    long i;
    char hex[65];
    /* the certificate names its model by content, as the ordinary ones do */
    if (cert_file_sha256(model, hex) != 0)
        return fk_fail(err, FK_EIO, NULL, "cannot read the model '%s' to hash it", model);
    if ((st = afile_open(&af, path, err)))
        return st;
    fmpq_poly_init(num);
    fmpq_poly_init(den);
    fprintf(af.f, "farkas-pcert 2\nmodel %s\nmodel-sha256 %s\nname %s\nparam %s\n", model, hex,
            pm->name, pm->pname);
    gmp_fprintf(af.f, "interval %Qd %Qd\npieces %d\n", pm->tlo, pm->thi, r->np);
    for (k = 0; k < r->np; k++) {
        const par_piece *pc = r->p + k;
        fprintf(af.f, "piece %s ", pc->ac ? "[" : "(");
        put_end(af.f, pc->a, pc->aa);
        fputc(' ', af.f);
        put_end(af.f, pc->b, pc->ab);
        fprintf(af.f, " %s %s\n", pc->bc ? "]" : ")", pc->verdict == PAR_INFEASIBLE ? "infeasible" :
                pc->verdict == PAR_UNBOUNDED ? "unbounded" : "optimal");
        if (pc->verdict != PAR_INFEASIBLE)
            put_vec(af.f, "x", pc->Dx, pc->X, r->n);
        if (pc->verdict == PAR_OPTIMAL) {
            fprintf(af.f, "yden ");
            par_put_poly(af.f, pc->Dy);
            fputc('\n', af.f);
        }
        if (pc->verdict == PAR_UNBOUNDED)
            put_vec(af.f, "r", pc->Dr, pc->R, r->n);
        for (i = 0; i < r->m; i++)
            if (!fmpq_poly_is_zero(pc->Y + i)) {
                fprintf(af.f, "y %ld ", i);
                par_put_poly(af.f, pc->Y + i);
                fputc('\n', af.f);
            }
        if (pc->verdict == PAR_OPTIMAL) {
            fmpq_poly_set_fmpz_poly(num, fmpz_poly_q_numref(pc->value));
            fmpq_poly_set_fmpz_poly(den, fmpz_poly_q_denref(pc->value));
            fprintf(af.f, "value ");
            par_put_poly(af.f, num);
            fputc(' ', af.f);
            par_put_poly(af.f, den);
            fputc('\n', af.f);
        }
    }
    fprintf(af.f, "end\n");
    fmpq_poly_clear(num);
    fmpq_poly_clear(den);
    return afile_commit(&af, err);
}
