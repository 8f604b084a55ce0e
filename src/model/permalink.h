/* permalink.h — where every page lives, and how pages link to each other.
 *
 * A page's site path is a folder relative to the output root, ending in '/'
 * ("" for the home page, "projects/QJ-B-01/"); its file is that folder plus
 * index.html. Paths are raw UTF-8 (as on disk). Links inside the site are
 * always relative: hc_href appends, for a page whose folder is `from`, the
 * "../" prefix back to the root and then the percent-encoded target, naming
 * index.html explicitly so that the site also works from file://.
 * All functions append to out.
 */
#ifndef HC_PERMALINK_H
#define HC_PERMALINK_H
#include "../base/buf.h"
#include "model.h"

void hc_path_project(hc_buf *out, const hc_project *p);
void hc_path_case(hc_buf *out, const hc_doc *c);
void hc_path_page(hc_buf *out, const hc_doc *pg);
/* page_no is 1-based; page 1 is the term's folder, page k>1 is <folder>page/k/. */
void hc_path_term(hc_buf *out, const hc_taxonomy *tx, const hc_term *t, size_t page_no);
void hc_path_taxonomy(hc_buf *out, const hc_taxonomy *tx);

/* 1 if the n bytes may name a page's folder as they are (a case study's file
 * name, a project id): at least one, each an ASCII letter, digit, '-' or '_'. */
int hc_name_ok(const char *s, size_t n);
/* Number of folders in a site path ("" → 0, "projects/x/" → 2). */
size_t hc_path_depth(const char *dir);
/* "../" repeated depth times ("" for the root). */
void hc_root_prefix(hc_buf *out, const char *from_dir);
/* Relative href from folder from_dir to site path `to` (a folder ending in '/'
 * gets index.html; anything else is a file). */
void hc_href(hc_buf *out, const char *from_dir, const char *to);

#endif
