/* econ_prf.c: see econ_prf.h */
#include "econ_prf.h"

#define TX(s, t, m) ((s)->tex ? (t) : (m))

void econ_prf_label(FILE *f, const prf_style *s, const char *sym_tex, const char *sym_md,
                    int k, const char *a, const char *b, const char *sep)
{
    fputs(s->math_on, f);
    fputs(TX(s, sym_tex, sym_md), f);
    if (k > 0)
        fprintf(f, TX(s, "_{%d}", "%d"), k);
    fputs("(", f);
    s->name(f, a);
    if (b) {
        fputs(sep, f);
        s->name(f, b);
    }
    fputs(")", f);
    fputs(s->math_off, f);
}

void econ_prf_beliefs(FILE *f, const prf_style *s, const econ_tspace_struct *ts,
                      void (*who)(FILE *f, const prf_style *s, int i, const void *ctx),
                      const void *ctx)
{
    static const char *const head[] = {"player and type", "belief over (profile; state)"};
    static const char *const head1[] = {"player and type", "belief over profiles"};
    long S = ts->nstates, t, th;
    char pb[256];
    int i, a, first;
    s->table_begin(f, 2, S > 1 ? head : head1); /* one state: no state to name */
    for (i = 0; i < ts->n; i++)
        for (a = 0; a < ts->ntypes[i]; a++) {
            fputs(s->row_on, f);
            if (who)
                who(f, s, i, ctx);
            else
                fprintf(f, "player %d", i + 1);
            fputs(", type ", f);
            s->name(f, ts->type[i][a]);
            fputs(s->cell, f);
            first = 1;
            for (t = 0; t < ts->nprof; t++) {
                if (econ_type_of(ts, t, i) != a)
                    continue;
                for (th = 0; th < S; th++) {
                    if (mpq_sgn(ts->bel[i][t * S + th]) == 0)
                        continue;
                    fputs(first ? "" : ", ", f);
                    first = 0;
                    econ_prf_label(f, s, "", "", 0, econ_prof_str(ts, t, pb, sizeof pb),
                                   S > 1 ? ts->state[th] : NULL, "; ");
                    fputs(": ", f);
                    prf_num_m(f, s, ts->bel[i][t * S + th]);
                }
            }
            fputs(s->row_off, f);
        }
    fputs(s->table_end, f);
}
