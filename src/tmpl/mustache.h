/* mustache.h — huace's Mustache template engine.
 *
 * A set holds named templates, each parsed once (at add time) into an op
 * tree; rendering walks that tree and never re-scans template text. Partials
 * {{>x}}, parents {{<x}} and dynamic names {{>*x}} are looked up by name in
 * the same set when rendering, so templates may be added in any order.
 *
 * Implements the Mustache spec: interpolation, sections, inverted sections,
 * comments, set delimiters, partials, and the optional inheritance ({{<x}},
 * {{$x}}) and dynamic-names ({{>*x}}) modules; lambdas are not supported.
 * {{x}} escapes with hc_escape_html (base/utf8.h): & < > " ' (the last as
 * &#39;), NUL as U+FFFD. Numbers print like "%.15g",
 * booleans as true/false; lists and maps interpolate as nothing.
 *
 * Indentation: a standalone partial, parent or block is indented by the
 * whitespace before its tag, on each line of its own template text (not on
 * newlines coming from interpolated values). Empty lines are not indented,
 * so no trailing whitespace is produced.
 *
 * Ownership: the set owns copies of everything passed to it (names, paths
 * are only used in error locations and not kept, text is copied). The
 * context tree is only read during rendering and never retained.
 *
 * Threads: adding and freeing need exclusive access to the set. Rendering
 * only reads it and keeps all its state on the caller's stack and in local
 * buffers (there is no global or static mutable state), so any number of
 * threads may render from one set at once once it is filled.
 *
 * Nesting deeper than HC_MUSTACHE_MAX_DEPTH (sections, partials, parents and
 * blocks together) renders as nothing, so recursive partials terminate; a
 * template nesting sections deeper than that is a syntax error.
 */
#ifndef HC_MUSTACHE_H
#define HC_MUSTACHE_H
#include <stddef.h>
#include "../base/buf.h"
#include "../base/diag.h"
#include "value.h"

#define HC_MUSTACHE_MAX_DEPTH 100

typedef struct hc_mustache_set hc_mustache_set;

hc_mustache_set *hc_mustache_set_new(void);
/* Frees the set and every template in it; NULL is fine. */
void hc_mustache_set_free(hc_mustache_set *s);

/* Parses text (len bytes, need not be NUL-terminated) now, into an op tree,
 * and stores it under name, replacing an existing template of that name.
 * path is only used in error locations. Returns 0, or -1 after reporting a
 * located error (rule "template-syntax", 1-based line and column of the
 * offending tag) to d (d may be NULL): unclosed tag, unclosed section,
 * mismatched or stray closing tag, bad delimiter change, empty or invalid
 * name, nesting too deep. On error the set is left unchanged. */
int hc_mustache_set_add(hc_mustache_set *s, const char *name, const char *path,
                        const char *text, size_t len, hc_diags *d);

/* Reports (rule "template", at the file, line and column of the tag) every
 * group of templates that include one another unconditionally: a partial or
 * parent tag outside any section, inverted section or block, naming a
 * template that leads back to its own, so that rendering would never end
 * ({{>badge}} in badge). One error per such cycle, naming it ("a → b → a").
 * Recursion inside a section, which ends with the data, and dynamic names
 * are allowed (the render budget bounds them). Call once the set is filled.
 * Returns 0, or -1 if it reported (d may be NULL). O(templates + tags). */
int hc_mustache_set_check(const hc_mustache_set *s, hc_diags *d);

/* 1 if some template of the set may include template name: names it as a
 * partial or parent, or has a partial or parent named by the data (which
 * may be any). For serve's page-by-page re-render of an edited template. */
int hc_mustache_set_refers(const hc_mustache_set *s, const char *name);

/* 1 if a template of that name is in the set, else 0. */
int hc_mustache_set_has(const hc_mustache_set *s, const char *name);

/* The render budget of one hc_mustache_render call: at most this many
 * bytes of output and this many ops (tags and text runs) rendered, far more
 * than any page of a site needs; partials that include one another twice
 * over (2^depth expansions) reach the limit within seconds (50 M ops take
 * about 2 s) instead of running out of memory. */
#define HC_MUSTACHE_MAX_OUTPUT ((size_t)64 << 20)
#define HC_MUSTACHE_MAX_STEPS ((size_t)50 * 1000 * 1000)
#define HC_MUSTACHE_TOO_BIG (-2)

/* Sets a smaller (or larger) budget for every render of this set than the
 * defaults above, e.g. for a fuzz target that must not spend seconds on one
 * input. */
void hc_mustache_set_budget(hc_mustache_set *s, size_t max_output, size_t max_steps);

/* Renders template name against ctx (NULL renders against nothing),
 * appending to out. Missing partials and parents render as empty. Returns 0;
 * -1 (out untouched) if name is not in the set; HC_MUSTACHE_TOO_BIG (out
 * left as it was) if the render budget above ran out. */
int hc_mustache_render(const hc_mustache_set *s, const char *name, const hc_tv *ctx,
                       hc_buf *out);

/* The same render streamed: the output goes to sink->write in order, in
 * pieces of about HC_MUSTACHE_CHUNK bytes (never more than that plus one
 * value or text run), so that only one piece is held in memory whatever the
 * output's size; the bytes are those hc_mustache_render appends. write
 * returns 0, or -1 to stop the render. Returns 0; -1 if name is not in the
 * set (nothing written); HC_MUSTACHE_TOO_BIG if the budget ran out (what was
 * written so far is a truncated page: the caller discards it);
 * HC_MUSTACHE_WRITE_FAILED if write returned -1. */
#define HC_MUSTACHE_CHUNK ((size_t)64 << 10)
#define HC_MUSTACHE_WRITE_FAILED (-3)
typedef struct {
    int (*write)(void *ctx, const char *p, size_t n);
    void *ctx;
} hc_mustache_sink;
int hc_mustache_render_to(const hc_mustache_set *s, const char *name, const hc_tv *ctx,
                          const hc_mustache_sink *sink);

#endif
