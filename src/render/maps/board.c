/* board.c — the progress board (作战图): townships × domains, each unit a
 * cell coloured by its status, counts per colour per row and per domain;
 * board/board.png for the site and the A2 poster print/board-a2.png. */
#include "maps_int.h"
#include "../../base/alloc.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAPER 0xffffff
#define INK 0x222222
#define MUTED 0x666666
#define GRID 0xd8d0bf
#define HEAD_BG 0xa4161a
#define TOWN_BG 0xf6efe2
#define ROW_ALT 0xfbf9f4
#define WEB_WIDTH 1600.0

typedef struct {
    const hc_model *m;
    int w, h;
    double k;                 /* scale of text and heights; widths follow kw */
    double kw;
    int two_lines;            /* chips show the id and the name on two lines (poster) */
    mp_ink ink;
    int margin, title_h, legend_h, head_h, total_h, foot_h;
    int town_w, count_w, dom_w;
    int chip_h, chip_gap, cell_pad;
    size_t nrows;             /* declared townships, plus one for units without a township */
    int other_row;            /* the last row holds units without a township */
    int *row_h;
    int grid_y;
} layout;

static int iround(double v) { return (int)lround(v); }

/* Does project p belong in row r? */
static int in_row(const layout *L, const hc_project *p, size_t r)
{
    int any = 0;
    for (size_t j = 0; j < p->ntownships; j++) {
        if (p->township_idx && p->township_idx[j] != HC_NONE) {
            any = 1;
            if (p->township_idx[j] == r && r < L->m->config.ntownships) return 1;
        }
    }
    return L->other_row && r == L->nrows - 1 && !any;
}

static size_t cell_count(const layout *L, size_t r, size_t d)
{
    size_t c = 0;
    for (size_t i = 0; i < L->m->nprojects; i++) {
        const hc_project *p = &L->m->projects[i];
        c += p->domain == d && in_row(L, p, r);
    }
    return c;
}

/* The poster: where a township lies in the district (the map layers, pale,
 * the township in red), under its name when the row has room for it, else
 * at the left of the cell, the name beside it, when both fit. Returns the
 * width it takes from the left of the cell (0: under the name, or none). */
static int locator(gdImagePtr im, const layout *L, size_t t, int x0, int y, int rh, int name_w)
{
    int pad = L->cell_pad, top = y + pad + L->chip_h + L->chip_gap;
    int w = L->town_w - 2 * pad, h = y + rh - pad - top, least = iround(60 * L->k);
    if (!L->two_lines || !mp_locator_has(L->m, t)) return 0;
    if (h >= least) {
        if (h > w) {
            top += (h - w) / 2;
            h = w;
        }
        mp_locator_draw(im, L->m, t, (mp_box){ x0 + pad, top, w, h }, L->k, TOWN_BG);
        return 0;
    }
    int side = rh - 2 * pad < L->town_w - name_w - 3 * pad ? rh - 2 * pad : L->town_w - name_w - 3 * pad;
    if (side < iround(45 * L->k)) return 0;   /* beside the name: a little smaller will do */
    mp_locator_draw(im, L->m, t, (mp_box){ x0 + pad, y + (rh - side) / 2, side, side }, L->k, TOWN_BG);
    return pad + side;
}

/* Sizes for width w: widths at scale kw, text and heights at k; rows at
 * their natural height. Returns the total height. */
static int measure(layout *L, double kw, double k)
{
    const hc_model *m = L->m;
    L->k = k;
    L->kw = kw;
    L->ink.k = k;
    L->margin = iround(40 * kw);
    L->town_w = iround(170 * kw);
    L->count_w = iround(190 * kw);
    size_t nd = m->std.ndomains ? m->std.ndomains : 1;
    L->dom_w = (L->w - 2 * L->margin - L->town_w - L->count_w) / (int)nd;
    L->title_h = iround(96 * k);
    L->legend_h = iround(44 * k);
    L->head_h = iround(58 * k);
    L->total_h = iround(46 * k);
    L->foot_h = iround(34 * k);
    L->chip_h = iround((L->two_lines ? 72 : 26) * k);
    L->chip_gap = iround(6 * k);
    L->cell_pad = iround(9 * k);
    int total = 2 * L->margin + L->title_h + L->legend_h + L->head_h + L->total_h + L->foot_h;
    for (size_t r = 0; r < L->nrows; r++) {
        size_t most = 1;
        for (size_t d = 0; d < m->std.ndomains; d++) {
            size_t c = cell_count(L, r, d);
            if (c > most) most = c;
        }
        L->row_h[r] = 2 * L->cell_pad + (int)most * (L->chip_h + L->chip_gap) - L->chip_gap;
        total += L->row_h[r];
    }
    L->grid_y = L->margin + L->title_h + L->legend_h;
    return total;
}

/* Web board: w wide, as high as the data needs (h = 0). Poster: exactly w×h;
 * text grows (up to 1.35×) or shrinks to fill the height, spare height goes to
 * the township rows. */
static void make_layout(layout *L, const hc_model *m, int w, int h)
{
    memset(L, 0, sizeof *L);
    L->m = m;
    L->w = w;
    L->ink.font = mp_face(0);
    L->ink.bold = mp_face(1);
    for (size_t i = 0; i < m->nprojects; i++) {
        const hc_project *p = &m->projects[i];
        int any = 0;
        for (size_t j = 0; j < p->ntownships; j++) any |= p->township_idx && p->township_idx[j] != HC_NONE;
        if (!any) L->other_row = 1;
    }
    L->nrows = m->config.ntownships + (size_t)L->other_row;
    L->row_h = hc_xcalloc(L->nrows + 1, sizeof *L->row_h);
    double kw = w / WEB_WIDTH;
    L->two_lines = h > 0;
    int natural = measure(L, kw, kw);
    if (h <= 0) {
        L->h = natural;
        return;
    }
    L->h = h;
    double f = (double)h / natural;
    if (f > 1.35) f = 1.35;
    natural = measure(L, kw, kw * f);
    while (natural > h && L->k > 0.05) natural = measure(L, kw, L->k * 0.98);   /* rounding, tiny pages */
    int spare = h - natural;
    if (L->nrows && spare > 0)
        for (size_t r = 0; r < L->nrows; r++) L->row_h[r] += spare / (int)L->nrows;
}

static void text_center(gdImagePtr im, const mp_font *font, double px, int x, int w, int y, int color, const char *s)
{
    hc_buf t = HC_BUF_INIT;
    mp_text_fit(&t, font, px, s, w);
    int tw = mp_text_width(font, px, hc_buf_cstr(&t));
    mp_text_draw(im, font, px, x + (w - tw) / 2, y, color, hc_buf_cstr(&t));
    hc_buf_free(&t);
}

/* Counts per status as swatch + number pairs from x, within w. */
static void draw_counts(gdImagePtr im, const layout *L, const size_t *counts, int x, int y, int w)
{
    const hc_model *m = L->m;
    double k = L->k;
    int step = m->std.nstatuses ? w / (int)m->std.nstatuses : w;
    char num[24];
    for (size_t s = 0; s < m->std.nstatuses; s++) {
        int sx = x + (int)s * step;
        mp_fill_rect(im, sx, y + 2 * k, 14 * k, 14 * k, mp_status_color(m, s));
        snprintf(num, sizeof num, "%zu", counts[s]);
        mp_text_draw(im, L->ink.bold, 15 * k, iround(sx + 19 * k), y, INK, num);
    }
}

static void draw_header(gdImagePtr im, const layout *L)
{
    const hc_model *m = L->m;
    double k = L->k;
    int x = L->margin, y = L->margin;
    char date[11] = "—";
    if (m->today != HC_NO_DATE) hc_date_format(m->today, date);
    hc_buf t = HC_BUF_INIT;
    hc_buf_printf(&t, "%s示范创建作战图", m->config.district ? m->config.district : "");
    mp_text_draw(im, L->ink.bold, 34 * k, x, y, 0xa4161a, hc_buf_cstr(&t));
    hc_buf_reset(&t);
    hc_buf_printf(&t, "数据日期：%s    示范单位 %zu 个    挂图作战，颜色标示进展", date, m->nprojects);
    mp_text_draw(im, L->ink.font, 17 * k, x, iround(y + 50 * k), MUTED, hc_buf_cstr(&t));
    /* legend: every status with its meaning and its total */
    int ly = L->margin + L->title_h;
    int lx = x, avail = L->w - 2 * L->margin;
    int step = m->std.nstatuses ? avail / (int)m->std.nstatuses : avail;
    for (size_t s = 0; s < m->std.nstatuses; s++) {
        const hc_status *st = &m->std.statuses[s];
        size_t n = 0;
        for (size_t i = 0; i < m->nprojects; i++) n += m->projects[i].status == s;
        int sx = lx + (int)s * step;
        mp_fill_rect(im, sx, ly + 3 * k, 30 * k, 18 * k, mp_status_color(m, s));
        hc_buf_reset(&t);
        hc_buf_printf(&t, "%s %zu 个%s%s", st->name ? st->name : st->key, n, st->meaning ? "：" : "",
                      st->meaning ? st->meaning : "");
        hc_buf fit = HC_BUF_INIT;
        mp_text_fit(&fit, L->ink.font, 16 * k, hc_buf_cstr(&t), step - iround(44 * k));
        mp_text_draw(im, L->ink.font, 16 * k, iround(sx + 38 * k), iround(ly + 3 * k), INK, hc_buf_cstr(&fit));
        hc_buf_free(&fit);
    }
    hc_buf_free(&t);
}

static void draw_chip(gdImagePtr im, const layout *L, const hc_project *p, int x, int y, int w)
{
    double k = L->k;
    int c = mp_status_color(L->m, p->status), ink = mp_color_text_on(c);
    mp_fill_rect(im, x, y, w, L->chip_h, c);
    hc_buf s = HC_BUF_INIT, t = HC_BUF_INIT;
    int tx = iround(x + 6 * k), tw = w - iround(12 * k);
    if (L->two_lines) {
        mp_text_fit(&t, L->ink.bold, 17 * k, p->id, tw);
        mp_text_draw(im, L->ink.bold, 17 * k, tx, iround(y + 5 * k), ink, hc_buf_cstr(&t));
        /* the name on up to two lines */
        size_t first = mp_text_prefix(L->ink.font, 14 * k, p->name, tw);
        hc_buf_put(&s, p->name, first);
        mp_text_draw(im, L->ink.font, 14 * k, tx, iround(y + 29 * k), ink, hc_buf_cstr(&s));
        mp_text_fit(&t, L->ink.font, 14 * k, p->name + first, tw);
        mp_text_draw(im, L->ink.font, 14 * k, tx, iround(y + 49 * k), ink, hc_buf_cstr(&t));
    } else {
        hc_buf_printf(&s, "%s %s", p->id, p->short_name ? p->short_name : p->name);
        mp_text_fit(&t, L->ink.font, 13 * k, hc_buf_cstr(&s), tw);
        mp_text_draw(im, L->ink.font, 13 * k, tx, iround(y + (L->chip_h - 13 * k) / 2), ink, hc_buf_cstr(&t));
    }
    hc_buf_free(&s);
    hc_buf_free(&t);
}

static void draw_grid(gdImagePtr im, const layout *L)
{
    const hc_model *m = L->m;
    double k = L->k;
    size_t nd = m->std.ndomains, ns = m->std.nstatuses;
    int x0 = L->margin, y = L->grid_y;
    int cx = x0 + L->town_w, count_x = cx + (int)nd * L->dom_w, right = count_x + L->count_w;
    size_t *counts = hc_xcalloc(ns + 1, sizeof *counts);
    hc_buf t = HC_BUF_INIT;
    /* header row */
    mp_fill_rect(im, x0, y, right - x0, L->head_h, HEAD_BG);
    text_center(im, L->ink.bold, 16 * k, x0, L->town_w, iround(y + 18 * k), 0xffffff, "乡镇（街道）");
    for (size_t d = 0; d < nd; d++) {
        size_t have = 0;
        for (size_t i = 0; i < m->nprojects; i++) have += m->projects[i].domain == d;
        int dx = cx + (int)d * L->dom_w;
        text_center(im, L->ink.bold, 17 * k, dx, L->dom_w, iround(y + 7 * k), 0xffffff, m->std.domains[d].name);
        hc_buf_reset(&t);
        hc_buf_printf(&t, "计划 %ld · 已录入 %zu", m->std.domains[d].planned, have);
        text_center(im, L->ink.font, 12 * k, dx, L->dom_w, iround(y + 32 * k), 0xfbe9c6, hc_buf_cstr(&t));
    }
    text_center(im, L->ink.bold, 16 * k, count_x, L->count_w, iround(y + 18 * k), 0xffffff, "按颜色计数");
    y += L->head_h;
    /* one row per township */
    for (size_t r = 0; r < L->nrows; r++) {
        int rh = L->row_h[r];
        mp_fill_rect(im, x0, y, right - x0, rh, r % 2 ? ROW_ALT : PAPER);
        mp_fill_rect(im, x0, y, L->town_w, rh, TOWN_BG);
        const char *name = r < m->config.ntownships ? m->config.townships[r].name : "未注明乡镇";
        int left = r < m->config.ntownships ? locator(im, L, r, x0, y, rh, mp_text_width(L->ink.bold, 16 * k, name)) : 0;
        text_center(im, L->ink.bold, 16 * k, x0 + left, L->town_w - left,
                    iround(y + L->cell_pad + (L->chip_h - 16 * k) / 2), INK, name);
        memset(counts, 0, (ns + 1) * sizeof *counts);
        for (size_t d = 0; d < nd; d++) {
            int dx = cx + (int)d * L->dom_w, cy = y + L->cell_pad;
            for (size_t i = 0; i < m->nprojects; i++) {
                const hc_project *p = &m->projects[i];
                if (p->domain != d || !in_row(L, p, r)) continue;
                draw_chip(im, L, p, dx + L->cell_pad, cy, L->dom_w - 2 * L->cell_pad);
                cy += L->chip_h + L->chip_gap;
                if (p->status < ns) counts[p->status]++;
            }
        }
        draw_counts(im, L, counts, count_x + L->cell_pad, iround(y + L->cell_pad + (L->chip_h - 18 * k) / 2),
                    L->count_w - 2 * L->cell_pad);
        mp_fill_rect(im, x0, y + rh - 1 * k, right - x0, 1 * k, GRID);
        y += rh;
    }
    /* totals per domain */
    mp_fill_rect(im, x0, y, right - x0, L->total_h, TOWN_BG);
    text_center(im, L->ink.bold, 16 * k, x0, L->town_w, iround(y + 13 * k), INK, "合计");
    size_t *all = hc_xcalloc(ns + 1, sizeof *all);
    for (size_t d = 0; d < nd; d++) {
        memset(counts, 0, (ns + 1) * sizeof *counts);
        for (size_t i = 0; i < m->nprojects; i++)
            if (m->projects[i].domain == d && m->projects[i].status < ns) {
                counts[m->projects[i].status]++;
                all[m->projects[i].status]++;
            }
        draw_counts(im, L, counts, cx + (int)d * L->dom_w + L->cell_pad, iround(y + 13 * k), L->dom_w - 2 * L->cell_pad);
    }
    draw_counts(im, L, all, count_x + L->cell_pad, iround(y + 13 * k), L->count_w - 2 * L->cell_pad);
    y += L->total_h;
    /* grid lines */
    int top = L->grid_y;
    for (size_t d = 0; d <= nd; d++) mp_fill_rect(im, cx + (int)d * L->dom_w, top, 1 * k, y - top, GRID);
    mp_stroke_rect(im, x0, top, right - x0, y - top, 1.5 * k, 0x8c7e62);
    hc_buf_reset(&t);
    hc_buf_printf(&t, "%s%s一个单位涉及多个乡镇时在各乡镇行中分别列出。", m->config.author ? m->config.author : "",
                  m->config.author ? " · " : "");
    mp_text_draw(im, L->ink.font, 13 * k, x0, iround(y + 10 * k), MUTED, hc_buf_cstr(&t));
    hc_buf_free(&t);
    free(all);
    free(counts);
}

gdImagePtr mp_board_image(const hc_model *m, int w, int h)
{
    layout L;
    make_layout(&L, m, w, h);
    gdImagePtr im = mp_canvas(w, L.h, PAPER);
    if (im) {
        draw_header(im, &L);
        draw_grid(im, &L);
    }
    free(L.row_h);
    return im;
}

void mp_board_hash(mp_hkey *key, const hc_model *m)
{
    mp_hk_init(key, "board");
    mp_hk_common(key, m);
    mp_hk_str(key, m->config.district);
    mp_hk_str(key, m->config.author);
    mp_hk_int(key, m->today);
    mp_hk_areas(key, m);      /* the poster's locators */
    for (size_t i = 0; i < m->config.ntownships; i++) mp_hk_str(key, m->config.townships[i].name);
    for (size_t d = 0; d < m->std.ndomains; d++) {
        mp_hk_str(key, m->std.domains[d].name);
        mp_hk_int(key, m->std.domains[d].planned);
    }
    mp_hk_int(key, (long)m->nprojects);
    for (size_t i = 0; i < m->nprojects; i++) {
        const hc_project *p = &m->projects[i];
        mp_hk_str(key, p->id);
        mp_hk_str(key, p->name);
        mp_hk_str(key, p->short_name);
        mp_hk_int(key, (long)p->domain);
        mp_hk_int(key, (long)p->status);
        mp_hk_int(key, (long)p->ntownships);
        for (size_t j = 0; j < p->ntownships; j++) mp_hk_int(key, p->township_idx ? (long)p->township_idx[j] : -1);
    }
}
