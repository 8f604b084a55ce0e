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

/* ---- names that become paths ----
 * Every name that becomes a folder or file name of the output goes through
 * hc_name_check: project ids, case study and page file names, the seeds' keys
 * and slugs (domains, levels, statuses, grades), township slugs and tags.
 *
 * HC_NAME_ASCII: ASCII letters, digits, '-' and '_' only.
 * HC_NAME_TEXT (tags, which are Chinese): the same ASCII set, plus any
 *   non-ASCII character except controls, spaces and invisible formatting
 *   characters (U+0080..U+009F, U+00A0, U+00AD, U+200B..U+200F,
 *   U+2028..U+202F, U+205F..U+206F, U+3000, U+FEFF, U+FFF0..U+FFFF).
 * Either way: not empty, valid UTF-8, never '/', '\', '.' (so no "." or ".."
 * segment and no leading dot), no control character, and at most
 * HC_NAME_MAX bytes as written to disk (raw UTF-8; links percent-encode it). */
#define HC_NAME_MAX 200   /* bytes; NAME_MAX is 255, the rest is room for "-press.pdf" etc. */
typedef enum { HC_NAME_ASCII, HC_NAME_TEXT } hc_name_kind;

/* Returns 1 if the n bytes at s may be used as a name of this kind. Otherwise
 * returns 0 and, if why is not NULL, appends to it a phrase saying why
 * ("contains '/'", "is 264 bytes long, over the limit of 200…"), to follow
 * "it " in a message. */
int hc_name_check(const char *s, size_t n, hc_name_kind kind, hc_buf *why);
/* What a name of this kind may use, for messages ("ASCII letters, digits, '-' and '_'"). */
const char *hc_name_rule(hc_name_kind kind);
/* hc_name_check(s, n, HC_NAME_ASCII, NULL). */
int hc_name_ok(const char *s, size_t n);

/* 1 if s is an absolute http:// or https:// URL that may be written as it is
 * into every output (HTML attributes, XML, .ics, robots.txt, JSON): a scheme
 * (http or https, any case), a host of ASCII letters, digits, '-' and '.' (or
 * an [IPv6] literal), an optional :port of 1-5 digits, then an optional path
 * of printable ASCII without space, quotes, '<', '>', '\', '^', '`', '{',
 * '|', '}', '?' or '#' and with every '%' followed by two hex digits. No
 * user:password@, query or fragment. On 0, *why (if why is not NULL) gets a
 * static phrase saying what is wrong, to follow "base_url ". */
int hc_url_base_ok(const char *s, const char **why);
/* Where an image written in the Markdown file at doc_path (a site path such
 * as "content/cases/x.md") points: url relative to that file, or from the
 * site root with one leading '/'. %XX escapes are decoded. Appends the site
 * path ("assets/photos/a.jpg") to out and returns 0; 1 for a URL that is not
 * a file of the site (a scheme such as http: or data:, "//host", "#x", ""),
 * left as written; -1 for a path that climbs out of the site or holds a NUL
 * or control character. */
int hc_path_image(const char *doc_path, const char *url, hc_buf *out);
/* Number of folders in a site path ("" → 0, "projects/x/" → 2). */
size_t hc_path_depth(const char *dir);
/* "../" repeated depth times ("" for the root). */
void hc_root_prefix(hc_buf *out, const char *from_dir);
/* Relative href from folder from_dir to site path `to` (a folder ending in '/'
 * gets index.html; anything else is a file). */
void hc_href(hc_buf *out, const char *from_dir, const char *to);

#endif
