/* templates.h — checking a site's templates without rendering (huace check).
 *
 * The renderer loads templates through hc_templates_load (render_int.h);
 * this is the same load for the rules, so that `huace check` reports what a
 * build would stop on: template syntax, a theme that is missing, and
 * partials that include themselves outside any section. */
#ifndef HC_TEMPLATES_H
#define HC_TEMPLATES_H
#include "../../base/diag.h"
#include "../../model/model.h"

/* Loads the theme's and the site's templates (as a build does), reports
 * their errors to d, and frees them. Returns 0, or -1 if it reported errors. */
int hc_templates_check(const hc_model *m, hc_diags *d);

#endif
