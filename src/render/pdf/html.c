/* html.c — print/album.html: the album for browser printing.
 *
 * One self-contained HTML file (styles inline, QR codes as data: SVG, no other
 * host) with @page rules for the trim size, mirrored margins and folios, the
 * same sequence as the PDF album and target-counter() page numbers in the
 * table of contents for engines that support them (WeasyPrint). It lives in
 * print/, so every link into the site starts with ../ and names index.html.
 */
#include "pdf_int.h"
#include "../../base/alloc.h"
#include "../../base/utf8.h"
#include "../../load/load.h"
#include "../../model/permalink.h"
#include "../images/images.h"
#include <stdio.h>
#include <string.h>

static const char *nz(const char *s) { return s ? s : ""; }

static void esc(hc_buf *o, const char *s) { hc_escape_html(o, nz(s), strlen(nz(s))); }

static void css_rgb(hc_buf *o, pdf_rgb c)
{
    hc_buf_printf(o, "#%02x%02x%02x", (int)(c.r * 255 + 0.5), (int)(c.g * 255 + 0.5), (int)(c.b * 255 + 0.5));
}

/* Link from print/ to a site path (folders get index.html). */
static void href(hc_buf *o, const char *site_path)
{
    hc_buf h = HC_BUF_INIT;
    hc_href(&h, "print/", site_path);
    esc(o, hc_buf_cstr(&h));
    hc_buf_free(&h);
}

/* The style sheet: plain CSS that browsers and WeasyPrint both read (no
 * custom properties, no grid); @colour@ names are the theme's colours. */
static const char css[] =
    "html { font: 10.5pt/1.75 \"Noto Serif CJK SC\", \"Noto Serif SC\", serif; color: @ink@; }\n"
    "body { margin: 0; }\n"
    "h1, h2, h3, .sans, nav, dl, .meta, figcaption { font-family: \"Noto Sans CJK SC\", \"Noto Sans SC\", sans-serif; }\n"
    "h1 { font-size: 22pt; color: @accent@; margin: 0 0 6mm; }\n"
    "h2 { font-size: 18pt; margin: 0 0 3mm; line-height: 1.35; }\n"
    "h3 { font-size: 11.5pt; border-left: 1.2mm solid @accent@; padding-left: 2.5mm; margin: 5mm 0 2mm; }\n"
    "p { text-align: justify; margin: 0 0 1.5mm; }\n"
    "a { color: @accent@; text-decoration: none; }\n"
    ".page { break-before: page; }\n"
    ".left { break-before: left; }\n"
    ".bare { page: bare; height: @height@; overflow: hidden; box-sizing: border-box; padding: 34mm 22mm;"
    " color: #fff; background: @accent@; break-after: page; }\n"
    ".bare h1 { color: #fff; font-size: 32pt; } .bare a { color: #fff; } .kicker { color: @gold@; font-weight: bold; }\n"
    "nav ol { list-style: none; padding: 0; } nav li { margin: 1.5mm 0; } nav ol ol { padding-left: 6mm; }\n"
    "nav a { color: @ink@; } nav a::after { content: leader(dotted) target-counter(attr(href), page); }\n"
    ".id { display: inline-block; background: @accent@; color: #fff; padding: 0 2mm; font-weight: bold; }\n"
    ".meta { color: @muted@; font-size: 9pt; } .brand { color: @accent@; }\n"
    "figure { margin: 3mm 0; } figure img { width: 100%; height: auto; display: block; }\n"
    "figcaption { color: @muted@; font-size: 9pt; }\n"
    "dl { columns: 2; column-gap: 6mm; margin: 0; } dt, dd { break-inside: avoid; }\n"
    "dt { color: @muted@; font-size: 8pt; } dd { margin: 0 0 2mm; }\n"
    ".check { columns: 2; list-style: none; padding: 0; } .check li::before { content: \"☐ \"; }\n"
    ".check li.yes::before { content: \"☑ \"; color: @accent@; } .check li.gap { color: @muted@; }\n"
    ".qr { text-align: right; } .qr img { width: 30mm; height: 30mm; vertical-align: bottom; margin-left: 4mm; }\n"
    ".case .body { columns: 2; column-gap: 7mm; } .case .body p { text-indent: 2em; }\n"
    "@media screen { body { max-width: 52rem; margin: 0 auto; padding: 1rem; } .bare { height: auto; } }\n";

static void styles(hc_buf *o, const pdf_env *env)
{
    const pdf_theme *th = &env->theme;
    const pdf_geom *g = &env->geom;
    double w = g->trim_w / PDF_PT_PER_MM, h = g->trim_h / PDF_PT_PER_MM;
    hc_buf_puts(o, "<style>\n");
    hc_buf_printf(o,
                  "@page { size: %.1fmm %.1fmm; margin: %.1fmm %.1fmm %.1fmm %.1fmm; }\n"
                  "@page :left { margin-left: %.1fmm; margin-right: %.1fmm;"
                  " @bottom-left { content: counter(page); font: 9pt sans-serif; } }\n"
                  "@page :right { @bottom-right { content: counter(page); font: 9pt sans-serif; } }\n"
                  "@page bare { margin: 0; @bottom-left { content: none; } @bottom-right { content: none; } }\n",
                  w, h, g->top / PDF_PT_PER_MM, g->outer / PDF_PT_PER_MM, g->bottom / PDF_PT_PER_MM,
                  g->inner / PDF_PT_PER_MM, g->outer / PDF_PT_PER_MM, g->inner / PDF_PT_PER_MM);
    const struct { const char *name; pdf_rgb c; } colours[] = {
        { "@accent@", th->accent }, { "@gold@", th->gold }, { "@ink@", th->ink }, { "@muted@", th->muted },
    };
    for (const char *p = css; *p;) {
        const char *at = strchr(p, '@');
        if (!at) {
            hc_buf_puts(o, p);
            break;
        }
        hc_buf_put(o, p, (size_t)(at - p));
        p = at;
        int done = 0;
        for (size_t i = 0; i < sizeof colours / sizeof *colours && !done; i++)
            if (strncmp(p, colours[i].name, strlen(colours[i].name)) == 0) {
                css_rgb(o, colours[i].c);
                p += strlen(colours[i].name);
                done = 1;
            }
        if (!done && strncmp(p, "@height@", 8) == 0) {
            hc_buf_printf(o, "%.1fmm", h - 0.5);   /* a hair short: never spills onto a second page */
            p += 8;
            done = 1;
        }
        if (!done) hc_buf_putc(o, *p++);         /* @page and others */
    }
    hc_buf_puts(o, "</style>\n");
}

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

static void unit(hc_buf *o, const pdf_env *env, size_t pi)
{
    const hc_model *m = env->m;
    const hc_project *u = &m->projects[pi];
    hc_buf path = HC_BUF_INIT, url = HC_BUF_INIT, svg = HC_BUF_INIT;
    hc_path_project(&path, u);
    pdf_site_url(m, hc_buf_cstr(&path), &url);
    hc_buf_puts(o, "<article class=\"unit left\" id=\"unit-");
    esc(o, u->id);
    hc_buf_puts(o, "\">\n<p class=\"meta\"><span class=\"id\">");
    esc(o, u->id);
    hc_buf_puts(o, "</span> ");
    if (u->domain != HC_NONE) esc(o, m->std.domains[u->domain].full);
    if (u->level != HC_NONE) {
        hc_buf_puts(o, " · ");
        esc(o, m->std.levels[u->level].name);
    }
    hc_buf_puts(o, "</p>\n<h2>");
    esc(o, u->name);
    hc_buf_puts(o, "</h2>\n");
    if (u->brand) {
        hc_buf_puts(o, "<p class=\"brand sans\">主题品牌：");
        esc(o, u->brand);
        hc_buf_puts(o, "</p>\n");
    }
    if (u->nnodes) {
        hc_buf_puts(o, "<figure><img src=\"");
        hc_buf route = HC_BUF_INIT;
        hc_buf_printf(&route, "%sroute.png", hc_buf_cstr(&path));
        href(o, hc_buf_cstr(&route));
        hc_buf_free(&route);
        hc_buf_puts(o, "\" alt=\"");
        esc(o, u->name);
        hc_buf_puts(o, "景观线路图\"><figcaption>景观线路：");
        for (size_t i = 0; i < u->nroute; i++) {
            if (i) hc_buf_puts(o, " → ");
            esc(o, u->nodes[u->route[i]].name);
        }
        hc_buf_puts(o, "</figcaption></figure>\n");
    }
    if (u->summary) {
        hc_buf_puts(o, "<p>");
        esc(o, u->summary);
        hc_buf_puts(o, "</p>\n");
    }
    hc_buf_puts(o, "<h3>基本情况</h3>\n<dl><dt>挂帅领战</dt><dd>");
    esc(o, u->lead_name);
    if (u->lead_title) {
        hc_buf_puts(o, "（");
        esc(o, u->lead_title);
        hc_buf_puts(o, "）");
    }
    hc_buf_puts(o, "</dd>");
    if (m->std.ngrades) {   /* none in the public edition */
        hc_buf_puts(o, "<dt>考评等次</dt><dd>");
        esc(o, u->grade != HC_NONE ? m->std.grades[u->grade].name : "尚未考评");
        hc_buf_puts(o, "</dd>");
    }
    if (u->has_baseline)
        hc_buf_printf(o, "<dt>双40条</dt><dd>达标 %ld / %ld 条</dd>", u->baseline_passed, u->baseline_total);
    if (u->has_funding) hc_buf_printf(o, "<dt>投入资金</dt><dd>%g 万元</dd>", u->funding);
    hc_buf_puts(o, "</dl>\n<h3>挂图作战进度</h3>\n<p class=\"sans\">");
    if (u->status != HC_NONE) {
        const hc_status *s = &m->std.statuses[u->status];
        hc_buf_puts(o, "<span style=\"color:");
        css_rgb(o, pdf_status_rgb(&env->theme, u->status));
        hc_buf_puts(o, "\">●</span> ");
        esc(o, s->name);
        hc_buf_puts(o, "：");
        esc(o, s->meaning);
    } else {
        hc_buf_puts(o, "未标注进度");
    }
    size_t yes = 0;
    for (size_t i = 0; i < m->std.nitems; i++) yes += u->standard && u->standard[i] == 1;
    hc_buf_printf(o, "</p>\n<h3>“十个一”创建标准 %zu / %zu</h3>\n<ul class=\"check sans\">", yes, m->std.nitems);
    for (size_t i = 0; i < m->std.nitems; i++) {
        int st = u->standard ? u->standard[i] : -1;
        hc_buf_printf(o, "<li class=\"%s\">", st == 1 ? "yes" : "gap");
        esc(o, m->std.items[i].name);
        if (st != 1) hc_buf_puts(o, st == 0 ? "（待补齐）" : "（未填报）");
        hc_buf_puts(o, "</li>");
    }
    hc_buf_puts(o, "</ul>\n");
    if (u->ncases) {
        hc_buf_puts(o, "<h3>典型案例</h3>\n<ul class=\"sans\">");
        for (size_t i = 0; i < u->ncases; i++) {
            const hc_doc *c = &m->cases[u->cases[i]];
            if (env->in_album[u->cases[i]]) {
                hc_buf_puts(o, "<li><a href=\"#case-");
                esc(o, c->slug);
            } else {   /* not in the album: its page on the site */
                hc_buf path = HC_BUF_INIT;
                hc_path_case(&path, c);
                hc_buf_puts(o, "<li><a href=\"");
                href(o, hc_buf_cstr(&path));
                hc_buf_free(&path);
            }
            hc_buf_puts(o, "\">");
            esc(o, c->title);
            hc_buf_puts(o, "</a></li>");
        }
        hc_buf_puts(o, "</ul>\n");
    }
    hc_buf_puts(o, "<p class=\"qr sans\"><a href=\"");
    href(o, hc_buf_cstr(&path));
    hc_buf_puts(o, "\">扫码查看网页版<br>");
    esc(o, hc_buf_cstr(&url));
    hc_buf_puts(o, "</a>");
    if (pdf_qr_svg(hc_buf_cstr(&url), &svg) == 0) {
        hc_buf_puts(o, "<img src=\"data:image/svg+xml;base64,");
        hc_buf_base64(o, (const unsigned char *)svg.data, svg.len);
        hc_buf_puts(o, "\" alt=\"二维码：");
        esc(o, hc_buf_cstr(&url));
        hc_buf_puts(o, "\">");
    }
    hc_buf_puts(o, "</p>\n</article>\n");
    hc_buf_free(&path);
    hc_buf_free(&url);
    hc_buf_free(&svg);
}

int pdf_album_html(const pdf_env *env, hc_buf *o)
{
    const hc_model *m = env->m;
    const hc_config *c = &m->config;
    hc_buf_puts(o, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    if (m->internal) hc_buf_puts(o, "<meta name=\"robots\" content=\"noindex,nofollow\">\n");
    hc_buf_puts(o, "<title>");
    esc(o, c->title);
    hc_buf_puts(o, "·党建画册</title>\n");
    styles(o, env);
    hc_buf_puts(o, "</head>\n<body>\n<section class=\"bare\">\n");
    if (m->internal) hc_buf_puts(o, "<p class=\"kicker sans\"><strong>内部资料</strong></p>\n");
    hc_buf_puts(o, "<p class=\"kicker sans\">");
    esc(o, c->district);
    hc_buf_puts(o, "基层党组织示范创建</p>\n<h1>");
    esc(o, c->title);
    hc_buf_puts(o, "</h1>\n<p class=\"sans\">党建画册　");
    esc(o, env->year);
    hc_buf_puts(o, "</p>\n<p class=\"sans\"><a href=\"");
    href(o, "");
    hc_buf_puts(o, "\">返回网站首页</a></p>\n</section>\n");

    hc_buf_puts(o, "<nav class=\"page\">\n<h1>目录</h1>\n<ol>\n<li><a href=\"#overview\">概览与创建标准</a></li>\n");
    for (size_t di = 0; di < m->std.ndomains; di++) {
        const hc_domain *dm = &m->std.domains[di];
        hc_buf_puts(o, "<li><a href=\"#chapter-");
        esc(o, dm->key);
        hc_buf_puts(o, "\">");
        esc(o, dm->name);
        hc_buf_puts(o, " ");
        esc(o, dm->full);
        hc_buf_puts(o, "</a>");
        int any = 0;
        for (size_t i = 0; i < m->nprojects; i++) {
            if (m->projects[i].domain != di) continue;
            hc_buf_puts(o, any ? "" : "\n<ol>");
            any = 1;
            hc_buf_puts(o, "<li><a href=\"#unit-");
            esc(o, m->projects[i].id);
            hc_buf_puts(o, "\">");
            esc(o, m->projects[i].id);
            hc_buf_puts(o, " ");
            esc(o, m->projects[i].name);
            hc_buf_puts(o, "</a></li>");
        }
        hc_buf_puts(o, any ? "</ol>\n</li>\n" : "</li>\n");
    }
    if (env->nalbum) {
        hc_buf_puts(o, "<li><a href=\"#chapter-cases\">典型案例</a>\n<ol>");
        for (size_t i = 0; i < m->ncases; i++) {
            if (!env->in_album[i]) continue;
            hc_buf_puts(o, "<li><a href=\"#case-");
            esc(o, m->cases[i].slug);
            hc_buf_puts(o, "\">");
            esc(o, m->cases[i].title);
            hc_buf_puts(o, "</a></li>");
        }
        hc_buf_puts(o, "</ol>\n</li>\n");
    }
    hc_buf_puts(o, "</ol>\n</nav>\n");

    hc_buf_puts(o, "<section class=\"page left\" id=\"overview\">\n<h1>概览与创建标准</h1>\n");
    if (c->description) {
        hc_buf_puts(o, "<p>");
        esc(o, c->description);
        hc_buf_puts(o, "</p>\n");
    }
    hc_buf_puts(o, "<h3>“十个一”</h3>\n<ol class=\"sans\">");
    for (size_t i = 0; i < m->std.nitems; i++) {
        hc_buf_puts(o, "<li>");
        esc(o, m->std.items[i].name);
        hc_buf_puts(o, "</li>");
    }
    hc_buf_puts(o, "</ol>\n<h3>挂图作战进度颜色</h3>\n<ul class=\"sans\">");
    for (size_t s = 0; s < m->std.nstatuses; s++) {
        hc_buf_puts(o, "<li><span style=\"color:");
        css_rgb(o, pdf_status_rgb(&env->theme, s));
        hc_buf_puts(o, "\">●</span> ");
        esc(o, m->std.statuses[s].name);
        hc_buf_puts(o, "：");
        esc(o, m->std.statuses[s].meaning);
        hc_buf_puts(o, "</li>");
    }
    hc_buf_puts(o, "</ul>\n</section>\n");

    for (size_t di = 0; di < m->std.ndomains; di++) {
        const hc_domain *dm = &m->std.domains[di];
        size_t n = 0;
        for (size_t i = 0; i < m->nprojects; i++) n += m->projects[i].domain == di;
        hc_buf_puts(o, "<section class=\"page left\" id=\"chapter-");
        esc(o, dm->key);
        hc_buf_puts(o, "\">\n<h1>");
        esc(o, dm->name);
        hc_buf_puts(o, "</h1>\n<p class=\"sans\">");
        esc(o, dm->full);
        hc_buf_printf(o, "：项目库规划 %ld 个，本画册收录 %zu 个。</p>\n</section>\n", dm->planned, n);
        for (size_t i = 0; i < m->nprojects; i++)
            if (m->projects[i].domain == di) unit(o, env, i);
    }
    if (env->nalbum) {
        hc_buf_puts(o, "<section class=\"page\" id=\"chapter-cases\">\n<h1>典型案例</h1>\n</section>\n");
        for (size_t i = 0; i < m->ncases; i++) {
            const hc_doc *d = &m->cases[i];
            if (!env->in_album[i]) continue;
            hc_buf path = HC_BUF_INIT;
            hc_path_case(&path, d);
            hc_buf_puts(o, "<article class=\"case page\" id=\"case-");
            esc(o, d->slug);
            hc_buf_puts(o, "\">\n<p class=\"meta\">");
            if (d->date != HC_NO_DATE) {
                char ds[11];
                hc_date_format(d->date, ds);
                hc_buf_puts(o, ds);
                hc_buf_puts(o, " ");
            }
            esc(o, d->township);
            hc_buf_puts(o, "</p>\n<h2><a href=\"");
            href(o, hc_buf_cstr(&path));
            hc_buf_puts(o, "\">");
            esc(o, d->title);
            hc_buf_puts(o, "</a></h2>\n<p class=\"meta\">相关示范单位：");
            for (size_t k = 0; k < d->nprojects; k++) {
                if (d->projects[k] == HC_NONE) continue;
                const hc_project *u = &m->projects[d->projects[k]];
                hc_buf_puts(o, k ? "、<a href=\"#unit-" : "<a href=\"#unit-");
                esc(o, u->id);
                hc_buf_puts(o, "\">");
                esc(o, u->id);
                hc_buf_puts(o, " ");
                esc(o, u->name);
                hc_buf_puts(o, "</a>");
            }
            hc_buf_puts(o, "</p>\n<div class=\"body\">\n");
            hc_buf html = HC_BUF_INIT;   /* one body at a time, never all */
            hc_doc_body_html(m, d, &html, env->d);
            case_body(o, env, d, hc_buf_cstr(&html));
            hc_buf_free(&html);
            hc_buf_puts(o, "</div>\n</article>\n");
            hc_buf_free(&path);
        }
    }
    hc_buf_puts(o, "<section class=\"bare page\">\n<h1>");
    esc(o, c->title);
    hc_buf_puts(o, "</h1>\n<p class=\"sans\">");
    esc(o, c->author);
    hc_buf_puts(o, "　");
    esc(o, env->year);
    hc_buf_puts(o, "</p>\n<p class=\"sans\">");
    esc(o, c->base_url);
    hc_buf_puts(o, "</p>\n</section>\n</body>\n</html>\n");
    return 0;
}
