/* templates.h — checking a site's templates without rendering (huace check).
 *
 * The renderer loads templates through hc_templates_load (render_int.h);
 * this is the same load for the rules, so that `huace check` reports what a
 * build would stop on: template syntax, a theme that is missing,
 * partials that include themselves outside any section, and a theme without
 * layouts/album.mustache when the album is on (print.enabled). */
#ifndef HC_TEMPLATES_H
#define HC_TEMPLATES_H
#include "../../base/diag.h"
#include "../../model/model.h"
#include "../../tmpl/mustache.h"
#include "../../tmpl/value.h"

/* Loads the theme's and the site's templates (as a build does), reports
 * their errors to d, and frees them. Returns 0, or -1 if it reported errors. */
int hc_templates_check(const hc_model *m, hc_diags *d);

/* Renders layout `name` of the site's theme for a page made outside the
 * website's renderer (print/album.html, from the album stage), through the
 * same templates (the site's layouts/ over the theme's, hc_templates_load)
 * and the same shared values as every page: the context is vals's keys plus
 * `site` (hc_shared_build: title, statuses, …; site.css and site.js are ""
 * since such a page has no stylesheet of the site's) and `root`, the prefix
 * from the page's folder back to the site root (e.g. "../"). vals is only
 * read; images (render/images/images.h, may be NULL) gives the logo.
 * Appends to out. Returns 0, or -1 after reporting to d: template errors,
 * rule "template" when the theme has no layouts/<name>.mustache or the page
 * renders over the engine's budget. With HUACE_CONTRACT_DUMP set, writes the keys
 * of the values as layout name's (contract.h). */
struct hc_images;
int hc_theme_render(const hc_model *m, const struct hc_images *images, const char *name, const char *root,
                    const hc_tv *vals, hc_buf *out, hc_diags *d);
/* The same, streamed to sink (tmpl/mustache.h): only a piece of the page is
 * held in memory at a time. Returns 0; -1 after reporting as above (what
 * the sink got then is no page: the caller discards it); -2, unreported,
 * when sink->write failed. */
int hc_theme_render_to(const hc_model *m, const struct hc_images *images, const char *name, const char *root,
                       const hc_tv *vals, const hc_mustache_sink *sink, hc_diags *d);

#endif
