/* html.c — print/album.html: the album for browser printing.
 *
 * The page is the theme's layout album.mustache (partials album-style,
 * album-unit, album-case), rendered by hc_theme_render through the same
 * templates and shared site values as every page of the website; this file
 * only builds its values from the model and the album's choices (pdf_env:
 * the theme colours, the trim and margins, the case studies the album
 * carries). The page is self-contained (styles inline, QR codes as data:
 * SVG, no other host), with @page rules for the trim size, mirrored margins
 * and folios, the same sequence as the PDF album, and target-counter() page
 * numbers in the contents for engines that support them (WeasyPrint). It
 * lives in print/, so every link into the site starts with ../ and names
 * index.html.
 *
 * Values (besides `site` and `root`; their rows, with meanings, are scope
 * "album" in render/html/contract.c: `huace help templates`): year; base_url;
 * paper {width, height, top, outer, bottom, inner, bare_height} as "210.0mm";
 * colors {accent, gold, ink, muted} as "#rrggbb"; items [{name}] (十个一);
 * statuses [{name, meaning, color}]; chapters [{key, name, full, planned,
 * count, units [unit]}]; cases [case] (the album's case studies). A unit:
 * {id, name, domain, level, brand, summary, route {src, nodes [{name,
 * first}]}, lead_name, lead_title, grade, baseline {passed, total}, funding,
 * status {name, meaning, color}, checks_done, checks_total, checks [{name,
 * yes, note}], cases [{url, title}], url, web, qr}. A case: {slug, date,
 * township, url, title, units [{id, name, sep}], body} (body: HTML, its links
 * and images already pointing from print/). Absent facts are "" or false.
 */
#include "pdf_int.h"
#include "../../base/alloc.h"
#include "../../base/utf8.h"
#include "../../load/load.h"
#include "../../model/permalink.h"
#include "../html/templates.h"
#include "../images/images.h"
#include <stdio.h>
#include <string.h>

static const char *nz(const char *s) { return s ? s : ""; }

static void esc(hc_buf *o, const char *s) { hc_escape_html(o, nz(s), strlen(nz(s))); }

static const char *css_rgb(hc_arena *a, pdf_rgb c)
{
    return hc_arena_printf(a, "#%02x%02x%02x", (int)(c.r * 255 + 0.5), (int)(c.g * 255 + 0.5),
                           (int)(c.b * 255 + 0.5));
}

/* Link from print/ to a site path (folders get index.html). */
static void href(hc_buf *o, const char *site_path)
{
    hc_buf h = HC_BUF_INIT;
    hc_href(&h, "print/", site_path);
    esc(o, hc_buf_cstr(&h));
    hc_buf_free(&h);
}

/* The same link as a value (the template escapes it). */
static hc_tv *site_link(hc_arena *a, const char *site_path)
{
    hc_buf h = HC_BUF_INIT;
    hc_href(&h, "print/", site_path);
    hc_tv *v = hc_tv_strn(a, h.data ? h.data : "", h.len);
    hc_buf_free(&h);
    return v;
}

static void set_s(hc_arena *a, hc_tv *x, const char *key, const char *s) { hc_tv_set_str(a, x, key, nz(s)); }

/* The case body with its links rewritten from cases/<slug>/ to print/, and
 * its images pointed at their published renditions (the widest JPEG): the
 * source files are not published. */
static void case_body(hc_buf *o, const pdf_env *env, const hc_doc *c, const char *html)
{
    const hc_model *m = env->m;
    hc_buf base = HC_BUF_INIT, sp = HC_BUF_INIT;
    hc_buf_printf(&base, "cases/%s/", c->slug);
    const char *p = nz(html);
    while (*p) {
        const char *h = strstr(p, "href=\""), *s = strstr(p, "src=\"");
        const char *a = h && (!s || h < s) ? h : s;
        if (!a) {
            hc_buf_puts(o, p);
            break;
        }
        size_t klen = a == h ? 6 : 5;
        hc_buf_put(o, p, (size_t)(a - p) + klen);
        const char *v = a + klen, *e = strchr(v, '"');
        if (!e) {
            hc_buf_puts(o, v);
            break;
        }
        char *raw = hc_xstrndup(v, (size_t)(e - v));
        /* cmark escaped the value for HTML: undo &amp; before resolving */
        hc_buf dec = HC_BUF_INIT;
        for (const char *q = raw; *q; q++) {
            if (strncmp(q, "&amp;", 5) == 0) {
                hc_buf_putc(&dec, '&');
                q += 4;
            } else {
                hc_buf_putc(&dec, *q);
            }
        }
        const hc_img *im = NULL;
        if (a == s && hc_path_image(c->path, hc_buf_cstr(&dec), &sp) == 0)
            im = hc_images_get(env->images, hc_buf_cstr(&sp));
        hc_buf_reset(&sp);
        int r = im ? 0 : pdf_resolve_href(hc_buf_cstr(&base), hc_buf_cstr(&dec), &sp);
        char id[160];
        size_t pi;
        if (im) {
            href(o, im->svg ? im->svg_path : im->sizes[im->nsizes - 1].jpeg);
        } else if (r == 1 && sscanf(hc_buf_cstr(&sp), "projects/%159[^/]", id) == 1 &&
            (pi = hc_model_find_project(m, id)) != HC_NONE) {
            hc_buf_puts(o, "#unit-");
            esc(o, m->projects[pi].id);
        } else if (r == 1) {
            href(o, hc_buf_cstr(&sp));
        } else {
            hc_buf_puts(o, raw);
        }
        free(raw);
        hc_buf_free(&dec);
        p = e;
    }
    hc_buf_free(&base);
    hc_buf_free(&sp);
}

/* The values a unit's spread and the overview share: lead, grade, baseline,
 * funding and status. */
static void unit_facts(hc_arena *a, const pdf_env *env, const hc_project *u, hc_tv *x)
{
    const hc_model *m = env->m;
    set_s(a, x, "lead_name", u->lead_name);
    set_s(a, x, "lead_title", u->lead_title);
    /* none in the public edition: no grades in the standard */
    set_s(a, x, "grade", !m->std.ngrades ? "" : u->grade != HC_NONE ? m->std.grades[u->grade].name : "尚未考评");
    if (u->has_baseline) {
        hc_tv *b = hc_tv_map(a);
        hc_tv_set_num(a, b, "passed", (double)u->baseline_passed);
        hc_tv_set_num(a, b, "total", (double)u->baseline_total);
        hc_tv_set(a, x, "baseline", b);
    } else {
        hc_tv_set_bool(a, x, "baseline", 0);
    }
    set_s(a, x, "funding", u->has_funding ? hc_arena_printf(a, "%g", u->funding) : "");
    if (u->status != HC_NONE) {
        const hc_status *st = &m->std.statuses[u->status];
        hc_tv *s = hc_tv_map(a);
        set_s(a, s, "name", st->name);
        set_s(a, s, "meaning", st->meaning);
        hc_tv_set_str(a, s, "color", css_rgb(a, pdf_status_rgb(&env->theme, u->status)));
        hc_tv_set(a, x, "status", s);
    } else {
        hc_tv_set_bool(a, x, "status", 0);
    }
}

/* The 十个一 with ticks and gaps, and the unit's case studies: in the album
 * (#case-…) or else their pages on the site. */
static void unit_lists(hc_arena *a, const pdf_env *env, const hc_project *u, hc_tv *x)
{
    const hc_model *m = env->m;
    hc_tv *checks = hc_tv_list(a);
    size_t yes = 0;
    for (size_t i = 0; i < m->std.nitems; i++) {
        int st = u->standard ? u->standard[i] : -1;
        hc_tv *c = hc_tv_map(a);
        set_s(a, c, "name", m->std.items[i].name);
        hc_tv_set_bool(a, c, "yes", st == 1);
        hc_tv_set_str(a, c, "note", st == 1 ? "" : st == 0 ? "（待补齐）" : "（未填报）");
        hc_tv_push(a, checks, c);
        yes += st == 1;
    }
    hc_tv_set_num(a, x, "checks_done", (double)yes);
    hc_tv_set_num(a, x, "checks_total", (double)m->std.nitems);
    hc_tv_set(a, x, "checks", checks);
    hc_tv *cases = hc_tv_list(a);
    hc_buf path = HC_BUF_INIT;
    for (size_t i = 0; i < u->ncases; i++) {
        const hc_doc *c = &m->cases[u->cases[i]];
        hc_tv *l = hc_tv_map(a);
        if (env->in_album[u->cases[i]]) {
            hc_tv_set(a, l, "url", hc_tv_str(a, hc_arena_printf(a, "#case-%s", c->slug)));
        } else {
            hc_buf_reset(&path);
            hc_path_case(&path, c);
            hc_tv_set(a, l, "url", site_link(a, hc_buf_cstr(&path)));
        }
        set_s(a, l, "title", c->title);
        hc_tv_push(a, cases, l);
    }
    hc_tv_set(a, x, "cases", cases);
    hc_buf_free(&path);
}

/* The route map (its PNG beside the unit's page) and the route in words. */
static hc_tv *unit_route(hc_arena *a, const hc_project *u, const char *page)
{
    if (!u->nnodes) return hc_tv_bool(a, 0);
    hc_tv *r = hc_tv_map(a), *nodes = hc_tv_list(a);
    hc_buf png = HC_BUF_INIT;
    hc_buf_printf(&png, "%sroute.png", page);
    hc_tv_set(a, r, "src", site_link(a, hc_buf_cstr(&png)));
    for (size_t i = 0; i < u->nroute; i++) {
        hc_tv *n = hc_tv_map(a);
        set_s(a, n, "name", u->nodes[u->route[i]].name);
        hc_tv_set_bool(a, n, "first", i == 0);
        hc_tv_push(a, nodes, n);
    }
    hc_tv_set(a, r, "nodes", nodes);
    hc_buf_free(&png);
    return r;
}

static hc_tv *unit(hc_arena *a, const pdf_env *env, size_t pi)
{
    const hc_model *m = env->m;
    const hc_project *u = &m->projects[pi];
    hc_tv *x = hc_tv_map(a);
    hc_buf path = HC_BUF_INIT, url = HC_BUF_INIT, svg = HC_BUF_INIT, qr = HC_BUF_INIT;
    hc_path_project(&path, u);
    pdf_site_url(m, hc_buf_cstr(&path), &url);
    set_s(a, x, "id", u->id);
    set_s(a, x, "name", u->name);
    set_s(a, x, "domain", u->domain != HC_NONE ? m->std.domains[u->domain].full : "");
    set_s(a, x, "level", u->level != HC_NONE ? m->std.levels[u->level].name : "");
    set_s(a, x, "brand", u->brand);
    set_s(a, x, "summary", u->summary);
    hc_tv_set(a, x, "route", unit_route(a, u, hc_buf_cstr(&path)));
    unit_facts(a, env, u, x);
    unit_lists(a, env, u, x);
    hc_tv_set(a, x, "url", site_link(a, hc_buf_cstr(&path)));
    set_s(a, x, "web", hc_buf_cstr(&url));
    if (pdf_qr_svg(hc_buf_cstr(&url), &svg) == 0) hc_buf_base64(&qr, (const unsigned char *)svg.data, svg.len);
    set_s(a, x, "qr", hc_buf_cstr(&qr));
    hc_buf_free(&path);
    hc_buf_free(&url);
    hc_buf_free(&svg);
    hc_buf_free(&qr);
    return x;
}

/* A case study the album carries, its body read again (one at a time). */
static hc_tv *case_study(hc_arena *a, const pdf_env *env, size_t ci)
{
    const hc_model *m = env->m;
    const hc_doc *d = &m->cases[ci];
    hc_tv *x = hc_tv_map(a), *units = hc_tv_list(a);
    hc_buf path = HC_BUF_INIT, html = HC_BUF_INIT, body = HC_BUF_INIT;
    set_s(a, x, "slug", d->slug);
    char ds[11] = "";
    if (d->date != HC_NO_DATE) hc_date_format(d->date, ds);
    hc_tv_set_str(a, x, "date", ds);
    set_s(a, x, "township", d->township);
    hc_path_case(&path, d);
    hc_tv_set(a, x, "url", site_link(a, hc_buf_cstr(&path)));
    set_s(a, x, "title", d->title);
    for (size_t k = 0; k < d->nprojects; k++) {
        if (d->projects[k] == HC_NONE) continue;
        const hc_project *u = &m->projects[d->projects[k]];
        hc_tv *l = hc_tv_map(a);
        set_s(a, l, "id", u->id);
        set_s(a, l, "name", u->name);
        hc_tv_set_bool(a, l, "sep", k > 0);
        hc_tv_push(a, units, l);
    }
    hc_tv_set(a, x, "units", units);
    hc_doc_body_html(m, d, &html, env->d);
    case_body(&body, env, d, hc_buf_cstr(&html));
    set_s(a, x, "body", hc_buf_cstr(&body));
    hc_buf_free(&path);
    hc_buf_free(&html);
    hc_buf_free(&body);
    return x;
}

/* paper (the trim and the margins in mm) and colors (the album's theme). */
static void paper_colors(hc_arena *a, const pdf_env *env, hc_tv *ctx)
{
    const pdf_geom *g = &env->geom;
    const pdf_theme *th = &env->theme;
    hc_tv *p = hc_tv_map(a), *c = hc_tv_map(a);
    const struct { const char *key; double pt; } mm[] = {
        { "width", g->trim_w }, { "height", g->trim_h }, { "top", g->top }, { "outer", g->outer },
        { "bottom", g->bottom }, { "inner", g->inner },
    };
    for (size_t i = 0; i < sizeof mm / sizeof *mm; i++)
        hc_tv_set_str(a, p, mm[i].key, hc_arena_printf(a, "%.1fmm", mm[i].pt / PDF_PT_PER_MM));
    /* a hair short: the cover never spills onto a second page */
    hc_tv_set_str(a, p, "bare_height", hc_arena_printf(a, "%.1fmm", g->trim_h / PDF_PT_PER_MM - 0.5));
    hc_tv_set(a, ctx, "paper", p);
    hc_tv_set_str(a, c, "accent", css_rgb(a, th->accent));
    hc_tv_set_str(a, c, "gold", css_rgb(a, th->gold));
    hc_tv_set_str(a, c, "ink", css_rgb(a, th->ink));
    hc_tv_set_str(a, c, "muted", css_rgb(a, th->muted));
    hc_tv_set(a, ctx, "colors", c);
}

/* items (十个一) and statuses (their colours as the album prints them). */
static void standards(hc_arena *a, const pdf_env *env, hc_tv *ctx)
{
    const hc_model *m = env->m;
    hc_tv *items = hc_tv_list(a), *sts = hc_tv_list(a);
    for (size_t i = 0; i < m->std.nitems; i++) {
        hc_tv *x = hc_tv_map(a);
        set_s(a, x, "name", m->std.items[i].name);
        hc_tv_push(a, items, x);
    }
    for (size_t s = 0; s < m->std.nstatuses; s++) {
        hc_tv *x = hc_tv_map(a);
        set_s(a, x, "name", m->std.statuses[s].name);
        set_s(a, x, "meaning", m->std.statuses[s].meaning);
        hc_tv_set_str(a, x, "color", css_rgb(a, pdf_status_rgb(&env->theme, s)));
        hc_tv_push(a, sts, x);
    }
    hc_tv_set(a, ctx, "items", items);
    hc_tv_set(a, ctx, "statuses", sts);
}

/* A chapter per domain with its units, then the case studies. */
static void chapters(hc_arena *a, const pdf_env *env, hc_tv *ctx)
{
    const hc_model *m = env->m;
    hc_tv *chs = hc_tv_list(a), *cases = hc_tv_list(a);
    for (size_t di = 0; di < m->std.ndomains; di++) {
        const hc_domain *dm = &m->std.domains[di];
        hc_tv *ch = hc_tv_map(a), *units = hc_tv_list(a);
        for (size_t i = 0; i < m->nprojects; i++)
            if (m->projects[i].domain == di) hc_tv_push(a, units, unit(a, env, i));
        set_s(a, ch, "key", dm->key);
        set_s(a, ch, "name", dm->name);
        set_s(a, ch, "full", dm->full);
        hc_tv_set_num(a, ch, "planned", (double)dm->planned);
        hc_tv_set_num(a, ch, "count", units->n);
        hc_tv_set(a, ch, "units", units);
        hc_tv_push(a, chs, ch);
    }
    for (size_t i = 0; i < m->ncases; i++)
        if (env->in_album[i]) hc_tv_push(a, cases, case_study(a, env, i));
    hc_tv_set(a, ctx, "chapters", chs);
    hc_tv_set(a, ctx, "cases", cases);
}

int pdf_album_html(const pdf_env *env, const hc_mustache_sink *sink)
{
    hc_arena a = HC_ARENA_INIT;
    hc_tv *ctx = hc_tv_map(&a);
    set_s(&a, ctx, "year", env->year);
    set_s(&a, ctx, "base_url", env->m->config.base_url);
    paper_colors(&a, env, ctx);
    standards(&a, env, ctx);
    chapters(&a, env, ctx);
    int rc = hc_theme_render_to(env->m, env->images, "album", "../", ctx, sink, env->d);
    hc_arena_free(&a);
    return rc;
}
