/* overview.c — the district overview (map/overview.png): every unit as a
 * marker whose shape is its domain and colour its status, over the township
 * outlines from content/geo/ when there are any. */
#include "maps_int.h"
#include "../../base/alloc.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAPER 0xfaf8f3
#define MAP_BG 0xdfe8ec
#define FRAME 0xc9c2b2
#define AREA_INK 0x857756
#define INK 0x222222
#define MUTED 0x666666
#define SHAPE_INK 0x707070
#define PHONE_MAP_H 500       /* height of the phone variant's map at k = 1 */
#define TAP 48                /* phone: side of a marker's tap square at k = 1 (44 CSS px at 343 px wide) */

typedef struct {
    const hc_model *m;
    double k;
    int phone;                /* portrait, tap squares, short names; h follows from the data */
    int w, h;
    mp_ink ink;
    mp_box frame, panel;
    mp_proj proj;
    size_t n;                 /* = nprojects */
    int *has;                 /* project has nodes */
    mp_pt *pos;
    double r, ring, ext;
    mp_pt **area_pts;         /* projected outlines */
    mp_box *area_name;        /* where each township name goes */
    mp_label *labels;         /* per project */
    mp_box north, scale;
} layout;

static int iround(double v) { return (int)lround(v); }

static void layout_free(layout *L)
{
    for (size_t i = 0; L->area_pts && i < L->m->nareas; i++) free(L->area_pts[i]);
    free(L->area_pts); free(L->area_name); free(L->has); free(L->pos); free(L->labels);
}

/* Area-weighted centroid of a polygon (vertex mean if degenerate). */
static mp_pt centroid(const mp_pt *p, size_t n)
{
    double a = 0, cx = 0, cy = 0, mx = 0, my = 0;
    for (size_t i = 0; i < n; i++) {
        const mp_pt *s = &p[i], *t = &p[(i + 1) % n];
        double c = s->x * t->y - t->x * s->y;
        a += c;
        cx += (s->x + t->x) * c;
        cy += (s->y + t->y) * c;
        mx += s->x;
        my += s->y;
    }
    mp_pt r = { mx / n, my / n };
    if (fabs(a) > 1e-9) {
        r.x = cx / (3 * a);
        r.y = cy / (3 * a);
    }
    return r;
}

static mp_box marker_box(const layout *L, size_t i)
{
    int x0 = (int)floor(L->pos[i].x - L->ext), y0 = (int)floor(L->pos[i].y - L->ext);
    int x1 = (int)ceil(L->pos[i].x + L->ext), y1 = (int)ceil(L->pos[i].y + L->ext);
    mp_box b = { x0, y0, x1 - x0, y1 - y0 };
    return b;
}

/* Each township name at its centre, or moved up or down until it clears the
 * unit markers and the names before it (phone: placed after the unit names,
 * and clear of them too, or left out). */
static void place_area_names(layout *L)
{
    static const double shifts[] = { 0, -1.6, 1.6, -3.2, 3.2 };
    const hc_model *m = L->m;
    double px = 13 * L->k;
    for (size_t a = 0; a < m->nareas; a++) {
        mp_pt c = centroid(L->area_pts[a], m->areas[a].npoints);
        int tw = mp_text_width(L->ink.font, px, m->areas[a].name), th = iround(px);
        mp_box best = { iround(c.x - tw / 2.0), iround(c.y - th / 2.0), tw, th };
        for (size_t s = 0; s < sizeof shifts / sizeof *shifts; s++) {
            mp_box b = best;
            b.y = iround(c.y - th / 2.0 + shifts[s] * th);
            int clear = 1;
            for (size_t i = 0; i < L->n && clear; i++)
                if (L->has[i] && mp_box_overlap(b, marker_box(L, i))) clear = 0;
            for (size_t j = 0; j < a && clear; j++)
                if (mp_box_overlap(b, L->area_name[j])) clear = 0;
            for (size_t i = 0; L->phone && i < L->n && clear; i++)
                if (L->labels[i].mode != MP_LABEL_NONE && mp_box_overlap(b, L->labels[i].box)) clear = 0;
            if (clear) {
                best = b;
                break;
            }
            /* phone: a name with no clear place is left out (the unit names matter more) */
            if (L->phone && s + 1 == sizeof shifts / sizeof *shifts) best.w = 0;
        }
        L->area_name[a] = best;
    }
}

static int shape_of(const hc_project *p) { return p->domain == HC_NONE ? MP_SHAPE_HEXAGON : (int)(p->domain % 5); }

static size_t missing_units(const hc_model *m)
{
    size_t missing = 0;
    for (size_t i = 0; i < m->nprojects; i++) missing += !m->projects[i].nnodes;
    return missing;
}

/* Height of the panel as draw_panel fills it; on phones the domains take two columns. */
static int panel_height(const hc_model *m, double k, int phone)
{
    size_t drows = phone ? (m->std.ndomains + 1) / 2 : m->std.ndomains;
    int row = iround(22 * k);
    int h = iround(14 * k) + iround(28 * k) + (int)drows * row + iround(12 * k) + iround(28 * k) +
            (int)m->std.nstatuses * row;
    if (missing_units(m)) h += iround(12 * k) + iround(16 * k);
    return h + iround(14 * k);
}

static void place_boxes(layout *L)
{
    double k = L->k;
    if (L->phone) {
        int th = mp_phone_title_height(&L->ink), gap = iround(8 * k);
        L->frame = (mp_box){ gap, th + gap, L->w - 2 * gap, iround(PHONE_MAP_H * k) };
        int top = L->frame.y + L->frame.h + gap;
        L->panel = (mp_box){ 0, top, L->w, panel_height(L->m, k, 1) };
        L->h = top + L->panel.h;
        return;
    }
    int th = mp_title_bar_height(&L->ink, 1), pw = iround(280 * k), gap = iround(16 * k);
    L->panel = (mp_box){ L->w - pw, th, pw, L->h - th };
    L->frame = (mp_box){ gap, th + gap, L->w - pw - 2 * gap, L->h - th - 2 * gap };
}

/* Labels: the unit's number (web) or its short name (phone), clear of the
 * markers, the township names and the furniture. */
static void place_labels(layout *L)
{
    const hc_model *m = L->m;
    double k = L->k, px = L->phone ? 14 * k : 12 * k;
    size_t nob = L->n + m->nareas + 2, o = 0;
    mp_box *obst = hc_xcalloc(nob, sizeof *obst);
    for (size_t i = 0; i < L->n; i++)
        if (L->has[i]) obst[o++] = marker_box(L, i);
    for (size_t a = 0; a < m->nareas; a++) obst[o++] = L->area_name[a];
    obst[o++] = L->north;
    obst[o++] = L->scale;
    int lh = iround(px + 6 * k);
    for (size_t i = 0; i < L->n; i++) {
        mp_label *lb = &L->labels[i];
        lb->ax = L->pos[i].x;
        lb->ay = L->pos[i].y;
        lb->ar = L->ext;
        if (!L->has[i]) continue;
        const char *text = L->phone ? m->projects[i].short_name : m->projects[i].id;
        lb->full_w = mp_text_width(L->ink.bold, px, text) + iround(6 * k);
        lb->full_h = lh;
    }
    mp_labels_place(L->labels, L->n, obst, o, L->frame);
    free(obst);
}

/* The frame as a rectangle, for the projection and the spreading. */
static mp_rect frame_rect(const layout *L)
{
    mp_rect fr = { L->frame.x, L->frame.y, L->frame.w, L->frame.h };
    return fr;
}

/* The projection that fits the township outlines and every node into the frame. */
static void fit_projection(layout *L)
{
    const hc_model *m = L->m;
    mp_geo_bounds gb;
    mp_geo_bounds_init(&gb);
    for (size_t a = 0; a < m->nareas; a++)
        for (size_t i = 0; i < m->areas[a].npoints; i++) mp_geo_bounds_add(&gb, m->areas[a].lon[i], m->areas[a].lat[i]);
    for (size_t i = 0; i < L->n; i++)
        for (size_t j = 0; j < m->projects[i].nnodes; j++)
            mp_geo_bounds_add(&gb, m->projects[i].nodes[j].lon, m->projects[i].nodes[j].lat);
    mp_proj_fit(&L->proj, &gb, frame_rect(L), (L->phone ? 30 : 40) * L->k, 2.0);
}

/* The township outlines in pixels (area_pts); area_name allocated, unplaced. */
static void project_areas(layout *L)
{
    const hc_model *m = L->m;
    L->area_pts = hc_xcalloc(m->nareas + 1, sizeof *L->area_pts);
    L->area_name = hc_xcalloc(m->nareas + 1, sizeof *L->area_name);
    for (size_t a = 0; a < m->nareas; a++) {
        const hc_geo_area *ar = &m->areas[a];
        L->area_pts[a] = hc_xcalloc(ar->npoints, sizeof **L->area_pts);
        for (size_t i = 0; i < ar->npoints; i++) L->area_pts[a][i] = mp_proj_apply(&L->proj, ar->lon[i], ar->lat[i]);
    }
}

/* A unit sits at its node nearest the mean of its nodes: a real place,
 * inside a township even when the unit spans several. Units without nodes
 * keep has = 0. */
static void place_units(layout *L)
{
    const hc_model *m = L->m;
    for (size_t i = 0; i < L->n; i++) {
        const hc_project *p = &m->projects[i];
        if (!p->nnodes) continue;
        double lon = 0, lat = 0, best = -1;
        for (size_t j = 0; j < p->nnodes; j++) {
            lon += p->nodes[j].lon / p->nnodes;
            lat += p->nodes[j].lat / p->nnodes;
        }
        size_t at = 0;
        for (size_t j = 0; j < p->nnodes; j++) {
            double dx = (p->nodes[j].lon - lon) * L->proj.coslat, dy = p->nodes[j].lat - lat, d2 = dx * dx + dy * dy;
            if (best < 0 || d2 < best) { best = d2; at = j; }
        }
        L->has[i] = 1;
        L->pos[i] = mp_proj_apply(&L->proj, p->nodes[at].lon, p->nodes[at].lat);
    }
}

/* The north arrow (top right of the frame) and the scale bar (bottom left). */
static void place_furniture(layout *L)
{
    double k = L->k;
    int ns = iround(44 * k);
    L->north = (mp_box){ L->frame.x + L->frame.w - ns - iround(12 * k), L->frame.y + iround(10 * k), ns, ns };
    L->scale = mp_scale_bar_box(&L->ink, L->frame.x + iround(16 * k), L->frame.y + L->frame.h - iround(12 * k),
                                iround(180 * k));
}

/* Moves apart the markers (of the units that have a place) that would hide
 * each other or the furniture; phone markers keep a tap square apart. */
static void spread_units(layout *L)
{
    double k = L->k;
    mp_box furniture[2] = { L->north, L->scale };
    size_t np = 0;
    mp_pt *tmp = hc_xcalloc(L->n + 1, sizeof *tmp);
    for (size_t i = 0; i < L->n; i++)
        if (L->has[i]) tmp[np++] = L->pos[i];
    mp_rect fr = frame_rect(L);
    double inset = (L->phone ? TAP * k / 2 : L->ext) + 2 * k;
    mp_rect sr = { fr.x + inset, fr.y + inset, fr.w - 2 * inset, fr.h - 2 * inset };
    mp_spread(tmp, np, L->phone ? (TAP + 4) * k : 2 * L->ext + 2 * k, sr, furniture, 2);
    np = 0;
    for (size_t i = 0; i < L->n; i++)
        if (L->has[i]) L->pos[i] = tmp[np++];
    free(tmp);
}

/* The whole layout, step by step. h is ignored for the phone variant
 * (phone = 1), whose height follows from the data. */
static void make_layout(layout *L, const hc_model *m, int w, int h, double k, int phone)
{
    memset(L, 0, sizeof *L);
    L->m = m;
    L->k = k;
    L->phone = phone;
    L->w = w;
    L->h = h;
    L->n = m->nprojects;
    L->ink = mp_ink_at(k);
    place_boxes(L);
    L->has = hc_xcalloc(L->n + 1, sizeof *L->has);
    L->pos = hc_xcalloc(L->n + 1, sizeof *L->pos);
    L->labels = hc_xcalloc(L->n + 1, sizeof *L->labels);
    L->r = 9 * k;
    L->ring = 2 * k;
    L->ext = mp_marker_extent(L->r, L->ring);
    fit_projection(L);
    project_areas(L);
    place_units(L);
    place_furniture(L);
    spread_units(L);
    /* phone: the short names come first, the township names where they still fit */
    if (phone) {
        place_labels(L);
        place_area_names(L);
    } else {
        place_area_names(L);
        place_labels(L);
    }
}

static void draw_areas(gdImagePtr im, const layout *L, mp_layer_lines *lines)
{
    const hc_model *m = L->m;
    mp_layers_draw(im, m, &L->proj, L->frame, L->k, lines);
    for (size_t a = 0; a < m->nareas; a++)
        if (L->area_name[a].w > 0)
            mp_text_draw(im, L->ink.font, 13 * L->k, L->area_name[a].x, L->area_name[a].y, AREA_INK, m->areas[a].name);
}

static void draw_units(gdImagePtr im, const layout *L)
{
    const hc_model *m = L->m;
    double k = L->k;
    /* leader lines first: they may cross markers but never hide one */
    for (size_t i = 0; i < L->n; i++) {
        const mp_label *lb = &L->labels[i];
        if (lb->mode == MP_LABEL_NONE || !lb->leader) continue;
        double cx = lb->box.x + lb->box.w / 2.0, cy = lb->box.y + lb->box.h / 2.0;
        double dx = cx - lb->ax, dy = cy - lb->ay, d = sqrt(dx * dx + dy * dy);
        if (d > L->ext) mp_capsule(im, lb->ax + dx / d * L->ext, lb->ay + dy / d * L->ext, cx, cy, 1 * k, MUTED);
    }
    for (size_t i = 0; i < L->n; i++) {
        if (!L->has[i]) continue;
        const hc_project *p = &m->projects[i];
        mp_marker(im, shape_of(p), L->pos[i].x, L->pos[i].y, L->r, L->ring, mp_status_color(m, p->status), 0xffffff);
    }
    for (size_t i = 0; i < L->n; i++) {
        const mp_label *lb = &L->labels[i];
        if (lb->mode == MP_LABEL_NONE) continue;
        mp_pt bg[4] = { { lb->box.x, lb->box.y }, { lb->box.x + lb->box.w, lb->box.y },
                        { lb->box.x + lb->box.w, lb->box.y + lb->box.h }, { lb->box.x, lb->box.y + lb->box.h } };
        mp_polygon(im, bg, 4, 0xffffff, L->phone ? 0.92 : 0.85);
        if (L->phone) mp_polygon_outline(im, bg, 4, 0.8 * k, FRAME);
        mp_text_draw(im, L->ink.bold, (L->phone ? 14 : 12) * k, lb->box.x + iround(3 * k), lb->box.y + iround(3 * k),
                     INK, L->phone ? m->projects[i].short_name : m->projects[i].id);
    }
}

/* 底图: one swatch per known role present, in the layer's style, and the
 * note that the base map is a sketch (示意: not a surveyed map). Desktop only.
 * Returns the y after it. */
static int layer_legend(gdImagePtr im, const layout *L, int x, int y)
{
    static const char *const roles[][2] = { { "boundary", "乡镇界线" }, { "water", "河流水系" }, { "road", "道路" } };
    double k = L->k;
    int shown = 0;
    for (size_t r = 0; r < 3; r++) {
        const hc_geo_layer *l = NULL;
        for (size_t i = 0; i < L->m->nlayers && !l; i++)
            if (L->m->layers[i].role && !strcmp(L->m->layers[i].role, roles[r][0])) l = &L->m->layers[i];
        if (!l) continue;
        if (!shown++) {
            y += iround(12 * k);
            mp_text_draw(im, L->ink.bold, 15 * k, x, y, INK, "底图（示意）");
            y += iround(28 * k);
        }
        int area = l->nfeatures && l->features[0].kind == HC_GEOM_POLYGON && l->fill >= 0;
        if (area) mp_fill_rect(im, x, y + 3 * k, 18 * k, 12 * k, l->fill);
        if (l->stroke >= 0) {
            if (area) mp_stroke_rect(im, x, y + 3 * k, 18 * k, 12 * k, 1.2 * k, l->stroke);
            else mp_capsule(im, x, y + 9 * k, x + 18 * k, y + 9 * k, (l->width > 4 ? 4 : l->width) * k, l->stroke);
        }
        mp_text_draw(im, L->ink.font, 13 * k, iround(x + 28 * k), iround(y + 1 * k), INK, roles[r][1]);
        y += iround(22 * k);
    }
    return y;
}

static void draw_panel(gdImagePtr im, const layout *L)
{
    const hc_model *m = L->m;
    double k = L->k;
    mp_fill_rect(im, L->panel.x, L->panel.y, L->panel.w, L->panel.h, 0xffffff);
    if (L->phone) mp_fill_rect(im, L->panel.x, L->panel.y, L->panel.w, 1 * k, FRAME);
    else mp_fill_rect(im, L->panel.x, L->panel.y, 1 * k, L->panel.h, FRAME);
    int x = L->panel.x + iround(18 * k), w = L->panel.w - iround(36 * k), y = L->panel.y + iround(14 * k);
    int row = iround(22 * k), cols = L->phone ? 2 : 1, colw = w / cols;
    hc_buf t = HC_BUF_INIT;
    mp_text_draw(im, L->ink.bold, 15 * k, x, y, INK, "领域（形状）");
    y += iround(28 * k);
    for (size_t d = 0; d < m->std.ndomains; d++) {
        size_t count = 0;
        for (size_t i = 0; i < m->nprojects; i++) count += m->projects[i].domain == d;
        int cx = x + (int)(d % (size_t)cols) * colw;
        mp_marker(im, (int)(d % 5), cx + 9 * k, y + 10 * k, 6.5 * k, 0, SHAPE_INK, 0);
        hc_buf_reset(&t);
        hc_buf_printf(&t, "%s  %zu 个", m->std.domains[d].name, count);
        mp_text_draw(im, L->ink.font, 13 * k, iround(cx + 28 * k), iround(y + 1 * k), INK, hc_buf_cstr(&t));
        if ((d + 1) % (size_t)cols == 0 || d + 1 == m->std.ndomains) y += row;
    }
    y += iround(12 * k);
    mp_text_draw(im, L->ink.bold, 15 * k, x, y, INK, "进展（颜色）");
    y += iround(28 * k);
    y = mp_legend_statuses(im, &L->ink, m, x, y, w, 1);
    if (!L->phone) y = layer_legend(im, L, x, y);
    size_t missing = missing_units(m);
    if (missing) {
        y += iround(12 * k);
        hc_buf_reset(&t);
        hc_buf_printf(&t, "另有 %zu 个单位暂无坐标", missing);
        mp_text_draw(im, L->ink.font, 12 * k, x, y, MUTED, hc_buf_cstr(&t));
    }
    hc_buf_free(&t);
}

/* River and road names, clear of markers, labels, township names, furniture. */
static void draw_line_labels(gdImagePtr im, const layout *L, const mp_layer_lines *lines)
{
    const hc_model *m = L->m;
    size_t o = 0;
    mp_box *obst = hc_xcalloc(2 * L->n + m->nareas + 2, sizeof *obst);
    for (size_t i = 0; i < L->n; i++) {
        if (!L->has[i]) continue;
        obst[o++] = marker_box(L, i);
        if (L->labels[i].mode != MP_LABEL_NONE) obst[o++] = L->labels[i].box;
    }
    for (size_t a = 0; a < m->nareas; a++) obst[o++] = L->area_name[a];
    obst[o++] = L->north;
    obst[o++] = L->scale;
    mp_layers_line_labels(im, lines, L->frame, 12 * L->k, L->ink.font, obst, o);
    free(obst);
}

static gdImagePtr overview_image(const hc_model *m, int w, int h, double k, int phone)
{
    layout L;
    make_layout(&L, m, w, h, k, phone);
    gdImagePtr im = mp_canvas(w, L.h, PAPER);
    if (im) {
        hc_buf title = HC_BUF_INIT, sub = HC_BUF_INIT;
        hc_buf_printf(&title, "%s示范单位分布图", m->config.district ? m->config.district : "");
        size_t placed = 0;
        for (size_t i = 0; i < m->nprojects; i++) placed += L.has[i];
        hc_buf_printf(&sub, "共 %zu 个示范单位 · 形状表示领域，颜色表示进展", placed);
        if (phone) mp_phone_title_bar(im, &L.ink, hc_buf_cstr(&title), hc_buf_cstr(&sub));
        else mp_title_bar(im, &L.ink, hc_buf_cstr(&title), hc_buf_cstr(&sub));
        hc_buf_free(&title);
        hc_buf_free(&sub);
        mp_fill_rect(im, L.frame.x, L.frame.y, L.frame.w, L.frame.h, MAP_BG);
        mp_layer_lines lines = { 0 };
        draw_areas(im, &L, &lines);
        mp_stroke_rect(im, L.frame.x, L.frame.y, L.frame.w, L.frame.h, 1 * k, FRAME);
        draw_units(im, &L);
        draw_line_labels(im, &L, &lines);
        mp_layer_lines_free(&lines);
        mp_north_arrow(im, &L.ink, L.north);
        mp_scale_bar(im, &L.ink, &L.proj, L.scale.x + iround(4 * k), L.scale.y + L.scale.h, iround(180 * k));
        draw_panel(im, &L);
    }
    layout_free(&L);
    return im;
}

gdImagePtr mp_overview_image(const hc_model *m, int w, int h, double k)
{
    return overview_image(m, w, h, k, 0);
}

gdImagePtr mp_overview_phone_image(const hc_model *m, double k)
{
    return overview_image(m, iround(MP_PHONE_W * k), 0, k, 1);
}

int mp_overview_phone_height(const hc_model *m, double k)
{
    mp_ink ink = { NULL, NULL, k };
    int gap = iround(8 * k);
    return mp_phone_title_height(&ink) + gap + iround(PHONE_MAP_H * k) + gap + panel_height(m, k, 1);
}

void mp_overview_hash(mp_hkey *key, const hc_model *m)
{
    mp_hk_init(key, "overview");
    mp_hk_common(key, m);
    mp_hk_str(key, m->config.district);
    for (size_t d = 0; d < m->std.ndomains; d++) mp_hk_str(key, m->std.domains[d].name);
    mp_hk_int(key, (long)m->nprojects);
    for (size_t i = 0; i < m->nprojects; i++) {
        const hc_project *p = &m->projects[i];
        mp_hk_str(key, p->id);
        mp_hk_str(key, p->short_name);
        mp_hk_int(key, (long)p->domain);
        mp_hk_int(key, (long)p->status);
        mp_hk_int(key, (long)p->nnodes);
        for (size_t j = 0; j < p->nnodes; j++) {
            mp_hk_num(key, p->nodes[j].lon);
            mp_hk_num(key, p->nodes[j].lat);
        }
    }
    mp_hk_areas(key, m);
}

/* Marker positions of the web (phone = 0: r is the marker's extent) or the
 * phone variant (r is half the tap square) in 1× pixels. */
static void positions(const hc_model *m, int width, int height, int phone, hc_marker_pos **pos)
{
    double kx = width / 1200.0, ky = height / 800.0;
    layout L;
    make_layout(&L, m, phone ? MP_PHONE_W : width, height, phone ? 1.0 : kx < ky ? kx : ky, phone);
    *pos = hc_xcalloc(m->nprojects ? m->nprojects : 1, sizeof **pos);
    for (size_t i = 0; i < m->nprojects; i++)
        if (L.has[i]) {
            (*pos)[i].x = iround(L.pos[i].x);
            (*pos)[i].y = iround(L.pos[i].y);
            (*pos)[i].r = phone ? TAP / 2 : (int)ceil(L.ext);
            if (phone && L.labels[i].mode != MP_LABEL_NONE) {
                mp_box b = L.labels[i].box;
                (*pos)[i].lx = b.x;
                (*pos)[i].ly = b.y;
                (*pos)[i].lw = b.w;
                (*pos)[i].lh = b.h;
            }
        }
    layout_free(&L);
}

int hc_map_overview_positions(const hc_model *m, int width, int height, hc_marker_pos **pos)
{
    positions(m, width, height, 0, pos);
    return 0;
}

int hc_map_overview_phone_positions(const hc_model *m, hc_marker_pos **pos, int *width, int *height)
{
    positions(m, 0, 0, 1, pos);
    *width = MP_PHONE_W;
    *height = mp_overview_phone_height(m, 1.0);
    return 0;
}
