/* prf_param.h: the appendix of a parametric run (`--over`, docs/parametric.md):
 * a LaTeX document stating, for every LP, the proposition "for every t in
 * each piece the verdict (and value) is ...", the argument that makes the
 * checked certificates a proof of it, and a plot of the values against t
 * drawn in LaTeX's own picture mode (\qbezier chords; no packages, so
 * texlive-latex-base compiles it).  The plot's coordinates are doubles:
 * a picture, never a verdict. */
#ifndef PRF_PARAM_H
#define PRF_PARAM_H

#include "par.h"

/* Write the document for the n models pms with their results rs (all over
 * the same parameter and interval) to path, atomically. */
fk_status prf_param_latex(const char *path, par_model *const *pms, const par_result *rs, int n,
                          fk_err *err);

#endif
