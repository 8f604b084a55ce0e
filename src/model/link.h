/* link.h — where a link written in a page leads: one resolver for the check,
 * the HTML and the PDF, so that all three agree with what a browser does.
 *
 * hc_url_resolve works as a browser resolves a relative URL against a page
 * of the site (WHATWG URL, path part): the url's path is split at '/', the
 * dot segments "." and ".." — also written %2e, .%2e, %2e. or %2e%2e, in any
 * case — are applied, every other segment is percent-decoded, and the query
 * and fragment are dropped. Links to Markdown files are resolved as GitHub
 * and editors do: against the folder of the source file, to the page that
 * file becomes (hc_url_resolve_md). Nothing here looks at what exists.
 */
#ifndef HC_LINK_H
#define HC_LINK_H
#include "../base/buf.h"

typedef enum {
    HC_URL_SITE,        /* a path of this site: out = its site path, raw UTF-8 */
    HC_URL_EXTERNAL,    /* scheme:… or //host…: not ours; out untouched */
    HC_URL_FRAGMENT,    /* "" or "#…": this page; out untouched */
    HC_URL_ROOT,        /* starts with '/': breaks under a sub-path and file:// */
    HC_URL_OUTSIDE,     /* its ".." climb above the site root */
    HC_URL_BAD,         /* a segment decodes to '/', '\', NUL or another control */
    HC_URL_NOT_PAGE     /* (hc_url_resolve_md) a Markdown file no page is made from: out = its source path */
} hc_url_kind;

/* Resolves url as written in the page whose site folder is base_dir ("" for
 * the home page, "cases/x/"). On HC_URL_SITE out is the site path: a folder
 * ends in '/', a file does not ("cases/y/index.html", "assets/a.pdf", "" for
 * the root). */
hc_url_kind hc_url_resolve(const char *base_dir, const char *url, hc_buf *out);

/* 1 if url's path (before any ?query or #fragment) names a Markdown file
 * (ends in .md or .markdown, in any case) and url is not external. */
int hc_url_is_md(const char *url);

/* The site folder of the page a source file becomes: "content/cases/x.md" →
 * "cases/x/", "content/about.md" → "about/"; returns 0, or -1 (out
 * untouched) if no page is made from that path (or src_path is NULL). */
int hc_source_page(const char *src_path, hc_buf *out);

/* A link to a Markdown file (hc_url_is_md) written in the source file
 * doc_path ("content/cases/x.md"), resolved against that file's folder: on
 * HC_URL_SITE, out is the site folder of the page the file becomes
 * ("cases/y/"); on HC_URL_NOT_PAGE, out is the source path it names; else
 * as hc_url_resolve. */
hc_url_kind hc_url_resolve_md(const char *doc_path, const char *url, hc_buf *out);

/* The href a page at from_dir writes for a Markdown link that resolved to
 * the page folder `to`: the relative path to its index.html, then url's own
 * #fragment if it has one. Appends to out. */
void hc_url_md_href(hc_buf *out, const char *from_dir, const char *to, const char *url);

/* 1 if url, which resolved to nothing, looks like a web address written
 * without its scheme ("pptrconsole.com", "www.x.cn/a"): then a message can
 * say "did you mean https://…?". */
int hc_url_looks_like_domain(const char *url);

#endif
