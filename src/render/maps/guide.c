/* guide.c — a township's work guide (工作导图): the township, its domains and
 * its units as a small tree, each unit coloured by its status. */
#include "maps_int.h"
#include "../../base/alloc.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAPER 0xfaf8f3
#define INK 0x222222
#define MUTED 0x666666
#define LINK 0xb9ad94
#define ROOT_BG 0xa4161a
#define DOMAIN_BG 0xf6efe2
#define DOMAIN_LINE 0xc9b990
#define BASE_WIDTH 1000.0

static int iround(double v) { return (int)lround(v); }

static int in_township(const hc_project *p, size_t t)
{
    for (size_t j = 0; j < p->ntownships; j++)
        if (p->township_idx && p->township_idx[j] == t) return 1;
    return 0;
}

/* Smooth S-shaped connector from (x0, y0) to (x1, y1). */
static void connector(gdImagePtr im, double x0, double y0, double x1, double y1, double width)
{
    mp_pt pts[17];
    for (int i = 0; i <= 16; i++) {
        double t = i / 16.0, u = 1 - t;
        double mx = (x0 + x1) / 2;
        /* cubic Bézier with horizontal tangents */
        pts[i].x = u * u * u * x0 + 3 * u * u * t * mx + 3 * u * t * t * mx + t * t * t * x1;
        pts[i].y = u * u * u * y0 + 3 * u * u * t * y0 + 3 * u * t * t * y1 + t * t * t * y1;
    }
    mp_polyline(im, pts, 17, width, LINK);
}

static void box_text(gdImagePtr im, const mp_ink *ink, const mp_font *font, double px, double x, double y, double w,
                     double h, int color, const char *s)
{
    hc_buf t = HC_BUF_INIT;
    mp_text_fit(&t, font, px, s, (int)(w - 12 * ink->k));
    int tw = mp_text_width(font, px, hc_buf_cstr(&t));
    mp_text_draw(im, font, px, iround(x + (w - tw) / 2), iround(y + (h - px) / 2), color, hc_buf_cstr(&t));
    hc_buf_free(&t);
}

static size_t units_in(const hc_model *m, size_t t)
{
    size_t n = 0;
    for (size_t i = 0; i < m->nprojects; i++)
        n += in_township(&m->projects[i], t) && m->projects[i].domain < m->std.ndomains;
    return n;
}

/* Height of the web guide at width w (see mp_guide_image). */
static int guide_height(const hc_model *m, size_t t, int w)
{
    double k = w / BASE_WIDTH;
    mp_ink ink = { NULL, NULL, k };
    size_t n = units_in(m, t);
    int th = mp_title_bar_height(&ink, 1), pad = iround(24 * k);
    int body_h = (int)(n ? n : 1) * (iround(46 * k) + iround(10 * k)) - iround(10 * k);
    return th + pad + body_h + pad + iround(36 * k) + pad;
}

int hc_map_guide_size(const hc_model *m, size_t t, int *w, int *h)
{
    *w = (int)BASE_WIDTH;
    *h = t < m->config.ntownships ? guide_height(m, t, *w) : 0;
    return *h > 0 ? 0 : -1;
}

gdImagePtr mp_guide_image(const hc_model *m, size_t t, int w)
{
    double k = w / BASE_WIDTH;
    mp_ink ink = { mp_face(0), mp_face(1), k };
    const char *name = m->config.townships[t].name;
    size_t n = 0, *counts = hc_xcalloc(m->std.nstatuses + 1, sizeof *counts);
    for (size_t i = 0; i < m->nprojects; i++)
        if (in_township(&m->projects[i], t) && m->projects[i].domain < m->std.ndomains) {
            n++;
            if (m->projects[i].status < m->std.nstatuses) counts[m->projects[i].status]++;
        }
    int th = mp_title_bar_height(&ink, 1), pad = iround(24 * k);
    int chip_h = iround(46 * k), gap = iround(10 * k);
    int legend_h = iround(36 * k);
    int body_h = (int)(n ? n : 1) * (chip_h + gap) - gap;
    int h = guide_height(m, t, w);
    gdImagePtr im = mp_canvas(w, h, PAPER);
    if (!im) {
        free(counts);
        return NULL;
    }

    hc_buf title = HC_BUF_INIT, sub = HC_BUF_INIT;
    hc_buf_printf(&title, "%s 工作导图", name);
    hc_buf_printf(&sub, "示范单位 %zu 个", n);
    for (size_t s = 0; s < m->std.nstatuses; s++)
        hc_buf_printf(&sub, " · %s %zu", m->std.statuses[s].name ? m->std.statuses[s].name : m->std.statuses[s].key,
                      counts[s]);
    mp_title_bar(im, &ink, hc_buf_cstr(&title), hc_buf_cstr(&sub));

    int top = th + pad;
    double root_x = 24 * k, root_w = 160 * k, root_h = 56 * k;
    double dom_x = 250 * k, dom_w = 150 * k, dom_h = 40 * k;
    double chip_x = 470 * k, chip_w = w - chip_x - 24 * k;
    double root_y = top + body_h / 2.0 - root_h / 2;
    mp_fill_rect(im, root_x, root_y, root_w, root_h, ROOT_BG);
    box_text(im, &ink, ink.bold, 20 * k, root_x, root_y, root_w, root_h, 0xffffff, name);
    if (!n) {
        mp_text_draw(im, ink.font, 16 * k, iround(dom_x), iround(top + (body_h - 16 * k) / 2), MUTED,
                     "暂无示范单位");
    }
    int y = top;
    for (size_t d = 0; d < m->std.ndomains; d++) {
        int first = y, count = 0;
        for (size_t i = 0; i < m->nprojects; i++) {
            const hc_project *p = &m->projects[i];
            if (p->domain != d || !in_township(p, t)) continue;
            int c = mp_status_color(m, p->status);
            mp_fill_rect(im, chip_x, y, chip_w, chip_h, c);
            int ink_c = mp_color_text_on(c);
            hc_buf_reset(&title);
            hc_buf_printf(&title, "%s %s", p->id, p->name);
            hc_buf fit = HC_BUF_INIT;
            mp_text_fit(&fit, ink.bold, 15 * k, hc_buf_cstr(&title), (int)(chip_w - 20 * k));
            mp_text_draw(im, ink.bold, 15 * k, iround(chip_x + 10 * k), iround(y + 5 * k), ink_c, hc_buf_cstr(&fit));
            hc_buf_reset(&title);
            const char *sep = "";
            if (p->lead_name) {
                hc_buf_printf(&title, "挂帅：%s", p->lead_name);
                sep = " · ";
            }
            if (p->status < m->std.nstatuses && m->std.statuses[p->status].name)
                hc_buf_printf(&title, "%s%s", sep, m->std.statuses[p->status].name);
            mp_text_fit(&fit, ink.font, 12 * k, hc_buf_cstr(&title), (int)(chip_w - 20 * k));
            mp_text_draw(im, ink.font, 12 * k, iround(chip_x + 10 * k), iround(y + 26 * k), ink_c, hc_buf_cstr(&fit));
            hc_buf_free(&fit);
            y += chip_h + gap;
            count++;
        }
        if (!count) continue;
        double mid = (first + y - gap) / 2.0;
        for (int c = 0; c < count; c++) {
            double cy = first + c * (chip_h + gap) + chip_h / 2.0;
            connector(im, dom_x + dom_w, mid, chip_x, cy, 2 * k);
        }
        connector(im, root_x + root_w, root_y + root_h / 2, dom_x, mid, 2.5 * k);
        mp_fill_rect(im, dom_x, mid - dom_h / 2, dom_w, dom_h, DOMAIN_BG);
        mp_stroke_rect(im, dom_x, mid - dom_h / 2, dom_w, dom_h, 1.2 * k, DOMAIN_LINE);
        hc_buf_reset(&sub);
        hc_buf_printf(&sub, "%s（%d）", m->std.domains[d].name, count);
        box_text(im, &ink, ink.bold, 15 * k, dom_x, mid - dom_h / 2, dom_w, dom_h, INK, hc_buf_cstr(&sub));
    }
    /* legend along the bottom */
    int ly = h - pad - legend_h + iround(8 * k), lx = iround(24 * k);
    int step = m->std.nstatuses ? (w - 2 * lx) / (int)m->std.nstatuses : w;
    for (size_t s = 0; s < m->std.nstatuses; s++) {
        mp_fill_rect(im, lx + (int)s * step, ly + 2 * k, 22 * k, 14 * k, mp_status_color(m, s));
        hc_buf_reset(&sub);
        hc_buf_printf(&sub, "%s", m->std.statuses[s].name ? m->std.statuses[s].name : m->std.statuses[s].key);
        if (m->std.statuses[s].meaning) hc_buf_printf(&sub, "：%s", m->std.statuses[s].meaning);
        hc_buf fit = HC_BUF_INIT;
        mp_text_fit(&fit, ink.font, 13 * k, hc_buf_cstr(&sub), step - iround(36 * k));
        mp_text_draw(im, ink.font, 13 * k, iround(lx + (int)s * step + 30 * k), ly, INK, hc_buf_cstr(&fit));
        hc_buf_free(&fit);
    }
    hc_buf_free(&title);
    hc_buf_free(&sub);
    free(counts);
    return im;
}

/* ---- the phone variant: one column, a heading per domain, a full-width
 * chip per unit, the legend below ---- */
#define PH_HEAD 30
#define PH_CHIP 48
#define PH_GAP 6
#define PH_MIN_H 470        /* 1.25 × the width */

/* Draws (im != NULL) or only measures; returns the height. */
static int guide_phone(gdImagePtr im, const hc_model *m, size_t t, double k)
{
    mp_ink ink = { mp_face(0), mp_face(1), k };
    int w = iround(MP_PHONE_W * k), x = iround(12 * k), cw = w - 2 * x;
    int y = mp_phone_title_height(&ink) + iround(12 * k);
    hc_buf a = HC_BUF_INIT, fit = HC_BUF_INIT;
    size_t n = 0;
    for (size_t d = 0; d < m->std.ndomains; d++) {
        size_t count = 0;
        for (size_t i = 0; i < m->nprojects; i++) count += m->projects[i].domain == d && in_township(&m->projects[i], t);
        if (!count) continue;
        n += count;
        if (im) {
            mp_fill_rect(im, x, y, cw, PH_HEAD * k, DOMAIN_BG);
            mp_fill_rect(im, x, y, 4 * k, PH_HEAD * k, DOMAIN_LINE);
            hc_buf_reset(&a);
            hc_buf_printf(&a, "%s（%zu）", m->std.domains[d].full ? m->std.domains[d].full : m->std.domains[d].name, count);
            mp_text_fit(&fit, ink.bold, 15 * k, hc_buf_cstr(&a), cw - iround(20 * k));
            mp_text_draw(im, ink.bold, 15 * k, iround(x + 12 * k), iround(y + 7 * k), INK, hc_buf_cstr(&fit));
        }
        y += iround((PH_HEAD + PH_GAP) * k);
        for (size_t i = 0; i < m->nprojects; i++) {
            const hc_project *p = &m->projects[i];
            if (p->domain != d || !in_township(p, t)) continue;
            if (im) {
                int c = mp_status_color(m, p->status), ink_c = mp_color_text_on(c);
                mp_fill_rect(im, x + 12 * k, y, cw - 12 * k, PH_CHIP * k, c);
                hc_buf_reset(&a);
                hc_buf_printf(&a, "%s %s", p->id, p->name);
                mp_text_fit(&fit, ink.bold, 15 * k, hc_buf_cstr(&a), cw - iround(32 * k));
                mp_text_draw(im, ink.bold, 15 * k, iround(x + 22 * k), iround(y + 6 * k), ink_c, hc_buf_cstr(&fit));
                hc_buf_reset(&a);
                const char *sep = "";
                if (p->lead_name) {
                    hc_buf_printf(&a, "挂帅：%s", p->lead_name);
                    sep = " · ";
                }
                if (p->status < m->std.nstatuses && m->std.statuses[p->status].name)
                    hc_buf_printf(&a, "%s%s", sep, m->std.statuses[p->status].name);
                mp_text_fit(&fit, ink.font, 13 * k, hc_buf_cstr(&a), cw - iround(32 * k));
                mp_text_draw(im, ink.font, 13 * k, iround(x + 22 * k), iround(y + 27 * k), ink_c, hc_buf_cstr(&fit));
            }
            y += iround((PH_CHIP + PH_GAP) * k);
        }
        y += iround(8 * k);
    }
    if (!n) {
        if (im) mp_text_draw(im, ink.font, 15 * k, x, y, MUTED, "暂无示范单位");
        y += iround(30 * k);
    }
    /* portrait even for a township with one unit: the legend goes to the foot */
    int legend_h = iround(10 * k) + (int)m->std.nstatuses * (int)lround(22 * k) + iround(8 * k);
    if (y + legend_h < iround(PH_MIN_H * k)) y = iround(PH_MIN_H * k) - legend_h;
    if (im) mp_fill_rect(im, 0, y, w, 1 * k, DOMAIN_LINE);
    y += iround(10 * k);
    y = mp_legend_statuses(im, &ink, m, x, y, cw, im != NULL) + iround(8 * k);
    hc_buf_free(&a);
    hc_buf_free(&fit);
    return y;
}

int mp_guide_phone_height(const hc_model *m, size_t t, double k)
{
    return guide_phone(NULL, m, t, k);
}

gdImagePtr mp_guide_phone_image(const hc_model *m, size_t t, double k)
{
    int h = guide_phone(NULL, m, t, k);
    gdImagePtr im = mp_canvas(iround(MP_PHONE_W * k), h, PAPER);
    if (!im) return NULL;
    size_t n = 0, *counts = hc_xcalloc(m->std.nstatuses + 1, sizeof *counts);
    for (size_t i = 0; i < m->nprojects; i++)
        if (in_township(&m->projects[i], t) && m->projects[i].domain < m->std.ndomains) {
            n++;
            if (m->projects[i].status < m->std.nstatuses) counts[m->projects[i].status]++;
        }
    mp_ink ink = { mp_face(0), mp_face(1), k };
    hc_buf title = HC_BUF_INIT, sub = HC_BUF_INIT;
    hc_buf_printf(&title, "%s 工作导图", m->config.townships[t].name);
    hc_buf_printf(&sub, "示范单位 %zu 个", n);
    for (size_t s = 0; s < m->std.nstatuses; s++)
        hc_buf_printf(&sub, " · %s %zu", m->std.statuses[s].name ? m->std.statuses[s].name : m->std.statuses[s].key,
                      counts[s]);
    mp_phone_title_bar(im, &ink, hc_buf_cstr(&title), hc_buf_cstr(&sub));
    guide_phone(im, m, t, k);
    hc_buf_free(&title);
    hc_buf_free(&sub);
    free(counts);
    return im;
}

void mp_guide_hash(mp_hkey *key, const hc_model *m, size_t t)
{
    mp_hk_init(key, "guide");
    mp_hk_common(key, m);
    mp_hk_str(key, m->config.townships[t].name);
    for (size_t d = 0; d < m->std.ndomains; d++) {
        mp_hk_str(key, m->std.domains[d].name);
        mp_hk_str(key, m->std.domains[d].full);
    }
    for (size_t i = 0; i < m->nprojects; i++) {
        const hc_project *p = &m->projects[i];
        if (!in_township(p, t)) continue;
        mp_hk_str(key, p->id);
        mp_hk_str(key, p->name);
        mp_hk_str(key, p->lead_name);
        mp_hk_int(key, (long)p->domain);
        mp_hk_int(key, (long)p->status);
    }
}
