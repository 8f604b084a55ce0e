/* cover.c — the program-drawn art: front and back covers, chapter openers,
 * notes pages. Full-bleed backgrounds reach into the bleed; all text stays
 * well inside the trim. Only opaque colours (no transparency), so that the
 * PDF/X-3 conversion has nothing to flatten. */
#include "pdf_int.h"
#include "../../base/hash.h"
#include <math.h>
#include <string.h>

static pdf_rgb mix(pdf_rgb a, pdf_rgb b, double t)
{
    pdf_rgb c = { a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t };
    return c;
}

/* Vertical gradient over the whole bleed area, as bands of solid colour: a
 * PDF shading would be turned into a coarse image by the PDF/X conversion. The
 * steps between bands are below one level of 8-bit colour. */
static void bleed_gradient(pdf_doc *p, pdf_rgb top, pdf_rgb bottom)
{
    if (!p->cr) return;
    const pdf_geom *g = &p->env->geom;
    const int bands = 160;
    double y0 = -g->bleed, h = (g->trim_h + 2 * g->bleed) / bands;
    for (int i = 0; i < bands; i++) {
        pdf_rgb c = mix(top, bottom, (i + 0.5) / bands);
        cairo_set_source_rgb(p->cr, c.r, c.g, c.b);
        /* a hair of overlap so that no viewer shows a seam */
        cairo_rectangle(p->cr, -g->bleed, y0 + i * h, g->trim_w + 2 * g->bleed, i + 1 < bands ? h + 0.2 : h);
        cairo_fill(p->cr);
    }
}

/* Clips to the bleed box: nothing drawn reaches into the marks area. */
static void clip_bleed(pdf_doc *p)
{
    const pdf_geom *g = &p->env->geom;
    cairo_rectangle(p->cr, -g->bleed, -g->bleed, g->trim_w + 2 * g->bleed, g->trim_h + 2 * g->bleed);
    cairo_clip(p->cr);
}

/* Rays of light from (cx, cy), alternating two shades of the background. */
static void rays(pdf_doc *p, double cx, double cy, int n, pdf_rgb c)
{
    if (!p->cr) return;
    const pdf_geom *g = &p->env->geom;
    double r = 2 * (g->trim_w + g->trim_h);
    cairo_save(p->cr);
    cairo_rectangle(p->cr, -g->bleed, -g->bleed, g->trim_w + 2 * g->bleed, g->trim_h + 2 * g->bleed);
    cairo_clip(p->cr);
    cairo_set_source_rgb(p->cr, c.r, c.g, c.b);
    for (int i = 0; i < n; i++) {
        double a0 = M_PI + i * M_PI / n * 1.0, a1 = a0 + M_PI / n * 0.45;
        cairo_move_to(p->cr, cx, cy);
        cairo_line_to(p->cr, cx + r * cos(a0), cy + r * sin(a0));
        cairo_line_to(p->cr, cx + r * cos(a1), cy + r * sin(a1));
        cairo_close_path(p->cr);
    }
    cairo_fill(p->cr);
    cairo_restore(p->cr);
}

/* Concentric rings (a rising sun) centred at (cx, cy). */
static void rings(pdf_doc *p, double cx, double cy, double r0, int n, pdf_rgb from, pdf_rgb to)
{
    if (!p->cr) return;
    for (int i = n; i >= 1; i--) {
        pdf_rgb c = mix(from, to, (double)(i - 1) / n);
        pdf_fill_disc(p, cx, cy, r0 * i / n, c);
    }
}

/* A route across the page: a smooth ribbon through points chosen from a
 * hash of seed, with a dot at each stop (the 景观线路 as an ornament). */
static void ribbon(pdf_doc *p, const char *seed, double x0, double x1, double y, double amp, int stops, pdf_rgb line,
                   pdf_rgb dot)
{
    if (!p->cr) return;
    uint64_t h = hc_hash(HC_HASH_INIT, seed, strlen(seed));
    double xs[16], ys[16];
    if (stops > 14) stops = 14;
    if (stops < 3) stops = 3;
    for (int i = 0; i <= stops + 1; i++) {
        xs[i] = x0 + (x1 - x0) * i / (stops + 1);
        ys[i] = y + amp * (((h >> (i * 4)) & 15) / 7.5 - 1.0);
    }
    cairo_t *cr = p->cr;
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_source_rgb(cr, line.r, line.g, line.b);
    cairo_set_line_width(cr, pdf_mm(2.2));
    cairo_move_to(cr, xs[0], ys[0]);
    for (int i = 1; i <= stops + 1; i++) {
        double mx = (xs[i - 1] + xs[i]) / 2;
        cairo_curve_to(cr, mx, ys[i - 1], mx, ys[i], xs[i], ys[i]);
    }
    cairo_stroke(cr);
    for (int i = 1; i <= stops; i++) {
        pdf_fill_disc(p, xs[i], ys[i], pdf_mm(3.2), line);
        pdf_fill_disc(p, xs[i], ys[i], pdf_mm(1.8), dot);
    }
}

/* The front cover. With a photo: the photo over the upper 62 % of the page
 * (full bleed), the title on the theme colour below it; without: the drawn
 * art (rays, a rising sun, the route ribbon). */
void pdf_cover_front(pdf_doc *p, const char *title, const char *kicker, const char *sub, size_t unit,
                     const pdf_pic *photo)
{
    pdf_page_begin(p, 0, NULL, "封面");
    pdf_cover_front_art(p, title, kicker, sub, unit, photo);
    pdf_page_end(p);
}

void pdf_cover_front_art(pdf_doc *p, const char *title, const char *kicker, const char *sub, size_t unit,
                         const pdf_pic *photo)
{
    const pdf_theme *th = &p->env->theme;
    const pdf_geom *g = &p->env->geom;
    bleed_gradient(p, th->accent, th->accent_dark);
    double y = pdf_mm(34);
    if (photo) {
        double ph = g->trim_h * 0.62;
        pdf_photo_draw(p, photo, -g->bleed, -g->bleed, g->trim_w + 2 * g->bleed, ph + g->bleed);
        pdf_fill_rect(p, -g->bleed, ph, g->trim_w + 2 * g->bleed, pdf_mm(1.6), th->gold);
        y = ph + pdf_mm(12);
    } else {
        if (p->cr) {
            cairo_save(p->cr);
            clip_bleed(p);
        }
        rays(p, g->trim_w * 0.78, g->trim_h * 0.62, 18, mix(th->accent, th->accent_dark, 0.28));
        rings(p, g->trim_w * 0.78, g->trim_h * 0.62, pdf_mm(62), 5, mix(th->gold, th->accent, 0.15),
              mix(th->gold, th->accent, 0.75));
        int stops = unit != HC_NONE ? (int)p->m->projects[unit].nroute : (int)(p->m->nprojects > 12 ? 12 : p->m->nprojects);
        ribbon(p, title, -g->bleed, g->trim_w + g->bleed, g->trim_h * 0.8, pdf_mm(9), stops, th->gold, th->accent_dark);
        if (p->cr) cairo_restore(p->cr);
    }
    /* gold band at the foot, into the bleed */
    pdf_fill_rect(p, -g->bleed, g->trim_h - pdf_mm(16), g->trim_w + 2 * g->bleed, pdf_mm(16) + g->bleed, th->gold);

    double x = pdf_mm(22), w = g->trim_w - pdf_mm(44);
    pdf_tstyle k = pdf_style(PDF_SANS, PDF_FS_L, 1, w);
    y += pdf_title(p, x, y, kicker, &k, th->gold) + pdf_mm(photo ? 3 : 5);
    pdf_fill_rect(p, x, y, pdf_mm(18), pdf_mm(1.2), th->gold);
    y += pdf_mm(photo ? 5 : 7);
    /* the subject (the district's title or the unit's name) over the main title */
    pdf_tstyle t = pdf_style(PDF_SANS, PDF_FS_H, 1, w);
    t.spacing = 3;
    y += pdf_title(p, x, y, title, &t, th->paper) + pdf_mm(photo ? 2 : 4);
    pdf_tstyle m = pdf_style(PDF_SANS, PDF_FS_DD, 1, w);
    y += pdf_cover_main_title(p, x, y, &m, th->paper) + pdf_mm(photo ? 3 : 6);
    if (sub && *sub) {
        pdf_tstyle s = pdf_style(PDF_SANS, PDF_FS_L, 0, w);
        pdf_title(p, x, y, sub, &s, mix(th->paper, th->gold, 0.35));
    }
    pdf_tstyle foot = pdf_style(PDF_SANS, PDF_FS_M, 1, w);
    pdf_text(p, x, g->trim_h - pdf_mm(12.5), p->m->config.author ? p->m->config.author : "", &foot, th->accent_dark);
    if (p->m->internal) {   /* the internal edition (huace build --edition internal) */
        double mx = g->trim_w - pdf_mm(22) - pdf_mm(25);
        pdf_fill_rect(p, mx, pdf_mm(12), pdf_mm(25), pdf_mm(9), th->paper);
        pdf_tstyle ms = pdf_style(PDF_SANS, PDF_FS_L, 1, pdf_mm(25));
        pdf_text(p, mx + pdf_mm(4), pdf_mm(13.6), "内部资料", &ms, th->accent);
    }
}

/* 党建画册, letter-spaced a fifth of an em: the album's main title. */
double pdf_cover_main_title(pdf_doc *p, double x, double y, const pdf_tstyle *st, pdf_rgb c)
{
    PangoLayout *l = pdf_layout(p, PDF_MAIN_TITLE, st);
    PangoAttrList *a = pango_attr_list_copy(pango_layout_get_attributes(l));
    if (!a) a = pango_attr_list_new();
    pango_attr_list_insert(a, pango_attr_letter_spacing_new((int)(st->size * 0.2 * PANGO_SCALE)));
    pango_layout_set_attributes(l, a);
    pango_attr_list_unref(a);
    double h = pdf_layout_h(l);
    pdf_draw_layout(p, l, x, y, c);
    g_object_unref(l);
    return h;
}

void pdf_cover_back(pdf_doc *p)
{
    pdf_page_begin(p, 0, NULL, "封底");
    pdf_dest(p, "cover-back", 0);   /* its page number is the page count (colophon, spine) */
    pdf_cover_back_art(p);
    pdf_page_end(p);
}

/* The back cover joins the front across the spine: the same gradient, the
 * same gold band at the foot. */
void pdf_cover_back_art(pdf_doc *p)
{
    const pdf_theme *th = &p->env->theme;
    const pdf_geom *g = &p->env->geom;
    const hc_config *c = &p->m->config;
    bleed_gradient(p, th->accent, th->accent_dark);
    rays(p, g->trim_w * 0.5, g->trim_h * 1.05, 14, mix(th->accent, th->accent_dark, 0.35));
    pdf_fill_rect(p, -g->bleed, g->trim_h - pdf_mm(16), g->trim_w + 2 * g->bleed, pdf_mm(16) + g->bleed, th->gold);
    double w = g->trim_w - pdf_mm(44), x = pdf_mm(22), y = g->trim_h * 0.42;
    double qs = pdf_mm(32);
    if (c->base_url && *c->base_url) {
        pdf_qr_draw(p, c->base_url, (g->trim_w - qs) / 2, y - qs - pdf_mm(10), qs);
    }
    pdf_tstyle t = pdf_style(PDF_SANS, PDF_FS_XL, 1, w);
    t.align = PANGO_ALIGN_CENTER;
    y += pdf_title(p, x, y, c->title ? c->title : "", &t, th->paper) + pdf_mm(4);
    pdf_tstyle s = pdf_style(PDF_SANS, PDF_FS_M, 0, w);
    s.align = PANGO_ALIGN_CENTER;
    if (c->base_url) y += pdf_text(p, x, y, c->base_url, &s, mix(th->paper, th->gold, 0.4)) + pdf_mm(2);
    pdf_tstyle a = pdf_style(PDF_SANS, PDF_FS_M, 1, w);
    a.align = PANGO_ALIGN_CENTER;
    char line[256];
    snprintf(line, sizeof line, "%s　%s", c->author ? c->author : "", p->env->year);
    pdf_text(p, x, g->trim_h - pdf_mm(12.5), line, &a, th->accent_dark);
}

#define CHAPTER_PHOTO_H 0.64   /* share of the trim height */

void pdf_chapter_photo_frame(const pdf_geom *g, double *w, double *h)
{
    *w = g->trim_w + 2 * g->bleed;
    *h = g->trim_h * CHAPTER_PHOTO_H + g->bleed;
}

/* A chapter opener's titles at (x, y), w wide: the big one white, a short
 * gold rule, the small one in a paler gold. */
static void opener_titles(pdf_doc *p, double x, double y, double w, const char *big, const char *small)
{
    const pdf_theme *th = &p->env->theme;
    pdf_tstyle b = pdf_style(PDF_SANS, PDF_FS_DD, 1, w);
    y += pdf_title(p, x, y, big, &b, th->paper) + pdf_mm(3);
    pdf_fill_rect(p, x, y, pdf_mm(16), pdf_mm(1.2), th->gold);
    y += pdf_mm(6);
    pdf_tstyle s = pdf_style(PDF_SANS, PDF_FS_XL, 0, w);
    pdf_title(p, x, y, small, &s, mix(th->paper, th->gold, 0.3));
}

void pdf_chapter_photo(pdf_doc *p, const pdf_pic *photo, const char *big, const char *small)
{
    const pdf_theme *th = &p->env->theme;
    const pdf_geom *g = &p->env->geom;
    double ph = g->trim_h * CHAPTER_PHOTO_H;
    pdf_fill_rect(p, -g->bleed, ph, g->trim_w + 2 * g->bleed, g->trim_h - ph + g->bleed, th->accent);
    pdf_photo_draw(p, photo, -g->bleed, -g->bleed, g->trim_w + 2 * g->bleed, ph + g->bleed);
    pdf_fill_rect(p, -g->bleed, ph, g->trim_w + 2 * g->bleed, pdf_mm(1.6), th->gold);
    double x = pdf_mm(22), w = g->trim_w - pdf_mm(44), y = ph + pdf_mm(14);
    opener_titles(p, x, y, w, big, small);
    if (photo->caption && *photo->caption) {
        pdf_tstyle cs = pdf_style(PDF_SANS, PDF_FS_XS, 0, w);
        cs.ellipsize = 1;
        pdf_text(p, x, g->trim_h - pdf_mm(16), photo->caption, &cs, mix(th->paper, th->accent, 0.3));
    }
}

/* The drawn opener: a sun with rays and the route ribbon. The sun stands
 * in the upper half on the outer side, whole and at least ART_FOLD_MM from
 * the fold, above the title (white on the theme colour only, never on the
 * gold); the ribbon runs off the outer edge into the bleed and stops short
 * of the fold. Everything is clipped to the bleed. */
#define ART_FOLD_MM 12.0
void pdf_chapter_art(pdf_doc *p, const char *big, const char *small, int variant)
{
    const pdf_theme *th = &p->env->theme;
    const pdf_geom *g = &p->env->geom;
    int right = pdf_page_is_right(p);   /* a right-hand page has the fold at x = 0 */
    bleed_gradient(p, th->accent, th->accent_dark);
    double r = pdf_mm(40 + 6 * (variant % 4)), ty = g->trim_h * 0.52;
    if (r > g->trim_h * 0.2) r = g->trim_h * 0.2;
    double fold = pdf_mm(ART_FOLD_MM), from_fold = g->trim_w * (variant % 2 ? 0.58 : 0.7);
    if (from_fold - r < fold) from_fold = fold + r;
    double cx = right ? from_fold : g->trim_w - from_fold;
    double cy = g->trim_h * (0.22 + 0.04 * (variant % 3));
    if (cy + r > ty - pdf_mm(8)) cy = ty - pdf_mm(8) - r;
    if (p->cr) {
        cairo_save(p->cr);
        clip_bleed(p);   /* the rays run to the fold as the background does; sun and ribbon stop short of it */
        rays(p, cx, cy, 12 + 2 * (variant % 3), mix(th->accent, th->accent_dark, 0.3));
        rings(p, cx, cy, r, 4, mix(th->gold, th->accent, 0.2), mix(th->gold, th->accent, 0.8));
        /* from a rounded end short of the fold off the outer edge */
        double in = fold + pdf_mm(3), out = g->trim_w + g->bleed + pdf_mm(6);
        ribbon(p, big, right ? in : g->trim_w - in, right ? out : g->trim_w - out, g->trim_h * 0.86, pdf_mm(7),
               5 + variant % 4, th->gold, th->accent_dark);
        cairo_restore(p->cr);
    }
    double x = pdf_mm(22), w = g->trim_w - pdf_mm(44), y = ty;
    opener_titles(p, x, y, w, big, small);
}

void pdf_notes_page(pdf_doc *p, const char *running)
{
    const pdf_theme *th = &p->env->theme;
    pdf_page_begin(p, 1, running, NULL);
    double x = pdf_page_x0(p), w = pdf_page_text_w(p), y = pdf_page_y0(p);
    pdf_tstyle h = pdf_style(PDF_SANS, PDF_FS_XL, 1, w);
    y += pdf_text(p, x, y, "记事", &h, th->accent) + pdf_mm(8);
    for (double ly = y + pdf_mm(9); ly < pdf_page_y1(p); ly += pdf_mm(9)) pdf_stroke_line(p, x, ly, x + w, ly, 0.4, th->line);
    pdf_page_end(p);
}
