/* svg.c — an SVG is published as it is, so it may hold nothing active.
 *
 * A small scanner, not an XML parser: it walks tags and their attributes
 * (skipping comments and CDATA), and reports what a browser could run or
 * fetch: <script>, <foreignObject> (HTML inside), on* event attributes,
 * javascript: anywhere in a value, href / xlink:href to anything but a
 * "#fragment" or an embedded raster data: URI, url(…) to anything but
 * "#fragment", and <!ENTITY declarations (entity expansion bombs). */
#include "images_int.h"
#include "../../base/buf.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>

typedef struct {
    const char *p, *end, *path;
    const hc_loc *used_at;
    hc_diags *d;
    int found;
} scan;

static void finding(scan *s, const char *at, const char *what)
{
    int line = 1, col = 1;
    for (const char *q = s->p; q < at; q++) {
        if (*q == '\n') line++, col = 1;
        else if (((unsigned char)*q & 0xC0) != 0x80) col++;
    }
    hc_buf where = HC_BUF_INIT;
    if (s->used_at && s->used_at->path) hc_buf_printf(&where, " (used at %s:%d:%d)", s->used_at->path, s->used_at->line, s->used_at->col);
    if (s->found < 5)
        hc_error(s->d, "image", s->path, line, col,
                 "SVG %s has %s: SVG files are published as they are, so they may hold nothing that runs or "
                 "loads from elsewhere%s", s->path, what, hc_buf_cstr(&where));
    s->found++;
    hc_buf_free(&where);
}

static int starts_ci(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    return (size_t)(end - p) >= n && !strncasecmp(p, word, n);
}

static const char *find(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    for (; (size_t)(end - p) >= n; p++)
        if (!memcmp(p, word, n)) return p;
    return end;
}

/* A reference that stays inside the file: "#id", or an embedded raster. */
static int local_ref(const char *v, const char *end)
{
    while (v < end && (isspace((unsigned char)*v) || *v == '\'' || *v == '"')) v++;
    if (v < end && *v == '#') return 1;
    static const char *const ok[] = { "data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp" };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
        if (starts_ci(v, end, ok[i])) return 1;
    return 0;
}

static void check_value(scan *s, const char *name, size_t nlen, const char *v, const char *vend)
{
    for (const char *q = v; q < vend; q++) {
        if (starts_ci(q, vend, "javascript:")) {
            finding(s, q, "a javascript: URL");
            return;
        }
        if (starts_ci(q, vend, "url(") && !local_ref(q + 4, vend)) {   /* style="fill:url(…)" */
            finding(s, q, "a url() to another file or host");
            return;
        }
    }
    int href = (nlen == 4 && !strncasecmp(name, "href", 4)) || (nlen > 5 && !strncasecmp(name + nlen - 5, ":href", 5));
    if (href && !local_ref(v, vend)) finding(s, v, "a reference to another file or host (href)");
}

/* The attributes of a tag, from p (after its name) to its '>'. */
static const char *attributes(scan *s, const char *p)
{
    while (p < s->end && *p != '>') {
        if (isspace((unsigned char)*p) || *p == '/') { p++; continue; }
        const char *name = p;
        while (p < s->end && !isspace((unsigned char)*p) && *p != '=' && *p != '>' && *p != '/') p++;
        size_t nlen = (size_t)(p - name);
        if (nlen > 2 && !strncasecmp(name, "on", 2)) finding(s, name, "an event attribute (on…)");
        while (p < s->end && isspace((unsigned char)*p)) p++;
        if (p >= s->end || *p != '=') continue;
        p++;
        while (p < s->end && isspace((unsigned char)*p)) p++;
        const char *v = p, *vend;
        if (p < s->end && (*p == '"' || *p == '\'')) {
            char q = *p++;
            v = p;
            while (p < s->end && *p != q) p++;
            vend = p;
            if (p < s->end) p++;
        } else {
            while (p < s->end && !isspace((unsigned char)*p) && *p != '>') p++;
            vend = p;
        }
        check_value(s, name, nlen, v, vend);
    }
    return p;
}

int hc_svg_check(const char *data, size_t len, const char *path, const hc_loc *used_at, hc_diags *d)
{
    scan s = { data, data + len, path, used_at, d, 0 };
    const char *p = data;
    while (p < s.end) {
        if (*p != '<') {
            if (starts_ci(p, s.end, "url(") && !local_ref(p + 4, s.end)) finding(&s, p, "a url() to another file or host");
            p++;
            continue;
        }
        if (starts_ci(p, s.end, "<!--")) { p = find(p + 4, s.end, "-->"); continue; }
        if (starts_ci(p, s.end, "<![CDATA[")) { p += 9; continue; }   /* its text is scanned for url( as well */
        if (starts_ci(p, s.end, "<!ENTITY")) { finding(&s, p, "an entity declaration (<!ENTITY)"); p++; continue; }
        if (p + 1 < s.end && (p[1] == '!' || p[1] == '?' || p[1] == '/')) { p++; continue; }
        const char *name = ++p;
        while (p < s.end && !isspace((unsigned char)*p) && *p != '>' && *p != '/') p++;
        size_t n = (size_t)(p - name);
        const char *colon = memchr(name, ':', n);   /* svg:script */
        if (colon) { n -= (size_t)(colon + 1 - name); name = colon + 1; }
        if (n == 6 && !strncasecmp(name, "script", 6)) finding(&s, name - 1, "a <script> element");
        if (n == 13 && !strncasecmp(name, "foreignObject", 13)) finding(&s, name - 1, "a <foreignObject> element (HTML inside)");
        p = attributes(&s, p);
    }
    return s.found ? -1 : 0;
}
