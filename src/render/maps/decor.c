/* decor.c — map furniture: title bar, north arrow, scale bar, status legend. */
#include "maps_int.h"
#include <math.h>
#include <stdio.h>

#define INK 0x222222
#define TITLE_BG 0xa4161a
#define TITLE_RULE 0xf2c14e
#define NO_STATUS 0x9e9e9e

int mp_status_color(const hc_model *m, size_t s)
{
    if (s == HC_NONE || s >= m->std.nstatuses) return NO_STATUS;
    return mp_color(m->std.statuses[s].color, NO_STATUS);
}

void mp_north_arrow(gdImagePtr im, const mp_ink *ink, mp_box b)
{
    double cx = b.x + b.w / 2.0, top = b.y + b.h * 0.30, bottom = b.y + b.h * 0.98;
    double half = b.w * 0.22, mid = top + (bottom - top) * 0.68;
    mp_pt left[3] = { { cx, top }, { cx - half, bottom }, { cx, mid } };
    mp_pt right[3] = { { cx, top }, { cx + half, bottom }, { cx, mid } };
    mp_polygon(im, left, 3, INK, 1.0);
    mp_polygon(im, right, 3, 0xffffff, 1.0);
    mp_polygon_outline(im, right, 3, 1.2 * ink->k, INK);
    double px = b.h * 0.26;
    int w = mp_text_width(ink->bold, px, "N");
    mp_text_draw(im, ink->bold, px, (int)lround(cx - w / 2.0), b.y, INK, "N");
}

/* Largest 1, 2 or 5 × 10^n km not above max_km. */
static double nice_km(double max_km)
{
    double p = pow(10, floor(log10(max_km)));
    if (5 * p <= max_km) return 5 * p;
    if (2 * p <= max_km) return 2 * p;
    return p;
}

static void km_text(char *out, size_t n, double km)
{
    snprintf(out, n, "%g km", km);
}

mp_box mp_scale_bar_box(const mp_ink *ink, int x, int y_bottom, int max_px)
{
    int h = (int)lround(30 * ink->k);
    mp_box b = { x - (int)lround(4 * ink->k), y_bottom - h, max_px + (int)lround(60 * ink->k), h };
    return b;
}

void mp_scale_bar(gdImagePtr im, const mp_ink *ink, const mp_proj *p, int x, int y_bottom, int max_px)
{
    double kmpp = mp_proj_km_per_px(p);
    double km = nice_km(max_px * kmpp);
    double len = km / kmpp;
    double bar_h = 6 * ink->k, y = y_bottom - 4 * ink->k - bar_h;
    /* four alternating segments */
    for (int i = 0; i < 4; i++)
        mp_fill_rect(im, x + len * i / 4, y, len / 4, bar_h, i % 2 ? 0xffffff : INK);
    mp_stroke_rect(im, x, y, len, bar_h, 1.0 * ink->k, INK);
    char t[32];
    km_text(t, sizeof t, km);
    double px = 12 * ink->k;
    mp_text_draw(im, ink->font, px, x, (int)lround(y - px - 3 * ink->k), INK, "0");
    int w = mp_text_width(ink->font, px, t);
    mp_text_draw(im, ink->font, px, (int)lround(x + len - w / 2.0), (int)lround(y - px - 3 * ink->k), INK, t);
}

mp_ink mp_ink_at(double k)
{
    mp_ink ink = { mp_face(0), mp_face(1), k };
    return ink;
}

int mp_title_bar_height(const mp_ink *ink, int has_subtitle)
{
    return (int)lround((has_subtitle ? 74 : 54) * ink->k);
}

int mp_title_bar(gdImagePtr im, const mp_ink *ink, const char *title, const char *subtitle)
{
    int h = mp_title_bar_height(ink, subtitle && *subtitle);
    int w = gdImageSX(im);
    double k = ink->k;
    mp_fill_rect(im, 0, 0, w, h, TITLE_BG);
    mp_fill_rect(im, 0, h - 4 * k, w, 4 * k, TITLE_RULE);
    hc_buf t = HC_BUF_INIT;
    mp_text_fit(&t, ink->bold, 26 * k, title, (int)(w - 40 * k));
    mp_text_draw(im, ink->bold, 26 * k, (int)lround(20 * k), (int)lround(10 * k), 0xffffff, hc_buf_cstr(&t));
    if (subtitle && *subtitle) {
        mp_text_fit(&t, ink->font, 14 * k, subtitle, (int)(w - 40 * k));
        mp_text_draw(im, ink->font, 14 * k, (int)lround(20 * k), (int)lround(44 * k), 0xfbe9c6, hc_buf_cstr(&t));
    }
    hc_buf_free(&t);
    return h;
}

int mp_phone_title_height(const mp_ink *ink)
{
    return (int)lround(62 * ink->k);
}

int mp_phone_title_bar(gdImagePtr im, const mp_ink *ink, const char *title, const char *subtitle)
{
    int h = mp_phone_title_height(ink);
    int w = gdImageSX(im);
    double k = ink->k;
    mp_fill_rect(im, 0, 0, w, h, TITLE_BG);
    mp_fill_rect(im, 0, h - 3 * k, w, 3 * k, TITLE_RULE);
    hc_buf t = HC_BUF_INIT;
    mp_text_fit(&t, ink->bold, 18 * k, title, (int)(w - 24 * k));
    mp_text_draw(im, ink->bold, 18 * k, (int)lround(12 * k), (int)lround(9 * k), 0xffffff, hc_buf_cstr(&t));
    if (subtitle && *subtitle) {
        mp_text_fit(&t, ink->font, 13 * k, subtitle, (int)(w - 24 * k));
        mp_text_draw(im, ink->font, 13 * k, (int)lround(12 * k), (int)lround(36 * k), 0xfbe9c6, hc_buf_cstr(&t));
    }
    hc_buf_free(&t);
    return h;
}

int mp_legend_statuses(gdImagePtr im, const mp_ink *ink, const hc_model *m, int x, int y, int w, int draw)
{
    double k = ink->k, px = 13 * k, row = 22 * k;
    hc_buf t = HC_BUF_INIT, line = HC_BUF_INIT;
    for (size_t i = 0; i < m->std.nstatuses; i++) {
        const hc_status *s = &m->std.statuses[i];
        if (draw) {
            mp_fill_rect(im, x, y + 3 * k, 22 * k, 13 * k, mp_status_color(m, i));
            hc_buf_reset(&line);
            hc_buf_printf(&line, "%s", s->name ? s->name : s->key);
            if (s->meaning && *s->meaning) hc_buf_printf(&line, "：%s", s->meaning);
            mp_text_fit(&t, ink->font, px, hc_buf_cstr(&line), (int)(w - 30 * k));
            mp_text_draw(im, ink->font, px, (int)lround(x + 30 * k), (int)lround(y + 1 * k), INK, hc_buf_cstr(&t));
        }
        y += (int)lround(row);
    }
    hc_buf_free(&t);
    hc_buf_free(&line);
    return y;
}
