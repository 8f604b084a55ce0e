/* load.h — the load stage: site folder → hc_model (not yet linked).
 *
 * hc_load_site reads site.yaml, seeds/standards.yaml, content/projects/<f>.yaml
 * and content/ (all .md) under m->root into m, reporting every problem to d with
 * its location (path relative to the site folder). It keeps going after an
 * error so that one run shows them all; the caller checks hc_diags_errors.
 * Documents are read on o->jobs threads; the result does not depend on it.
 * Markdown bodies are rendered to HTML here (cmark; raw HTML omitted unless
 * site.yaml sets unsafe_html: true).
 */
#ifndef HC_LOAD_H
#define HC_LOAD_H
#include "../base/buf.h"
#include "../base/diag.h"
#include "../model/model.h"

typedef struct {
    int drafts;               /* include draft: true documents */
    int jobs;                 /* threads for reading documents (0 or 1: one) */
} hc_load_opts;

int hc_load_site(hc_model *m, const hc_load_opts *o, hc_diags *d);
/* Reads one case study, rel (e.g. "content/cases/a.md", whose name ends in
 * .md), into *doc as hc_load_site would, not linked (doc->projects and
 * tag_terms are NULL) and not added to m; m is only read. Returns 1, or 0
 * when it is a draft left out or has errors (in d), *doc cleared. For
 * serve's quick update of an edited case (serve/fast.h). */
int hc_load_case(hc_model *m, const char *rel, const hc_load_opts *o, hc_doc *doc, hc_diags *d);

/* The theme folder (theme.c): <root>/themes/<name> when the site has it, else
 * themes/<name> installed with the huace binary (beside it, one or two
 * folders up, ../share/huace). Appends to out; -1 (with the site's path
 * appended) if none exists. hc_theme_dir: the site's theme (m->config.theme). */
int hc_theme_dir_named(const char *root, const char *name, hc_buf *out);
int hc_theme_dir(const hc_model *m, hc_buf *out);

/* Appends a document's body as HTML to out. Bodies are not kept in the model
 * (a 100,000-page site would not fit in memory): the file is read and
 * rendered again, and must not have changed since it was loaded (error
 * "changed" otherwise). Thread-safe. */
int hc_doc_body_html(const hc_model *m, const hc_doc *doc, hc_buf *out, hc_diags *d);

/* How a renderer writes the images of a body. fn is called for each image
 * in document order: url as written, alt its text, title "" if none, and
 * block 1 when the image stands alone in its paragraph (a figure: the whole
 * paragraph is replaced), else 0. fn appends HTML to out and returns 1, or
 * returns 0 to leave the image as cmark writes it (<img>). The HTML is
 * written as it is, whatever unsafe_html says: fn escapes what it inserts. */
typedef struct {
    int (*fn)(void *ctx, const hc_doc *doc, const char *url, const char *alt, const char *title, int block,
              hc_buf *out);
    void *ctx;
} hc_md_images;
/* hc_doc_body_html with images written by im (NULL: as cmark does). */
int hc_doc_body_html_with(const hc_model *m, const hc_doc *doc, const hc_md_images *im, hc_buf *out, hc_diags *d);

#endif
