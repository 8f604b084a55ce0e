/* backdrop.c — the map layers as a pale backdrop under a schematic chart
 * (the township guides, 工作导图): the township's own outline and whatever
 * the layers hold around it (rivers, roads, the neighbouring townships),
 * fitted to the township, clipped to the chart's frame and faded towards
 * the paper so that the chart's boxes and text keep their contrast. The
 * township itself is faded less than its surroundings (which are also
 * shaded a little), and its outline is drawn over the layers. And a
 * locator for the poster's township rows: the district's layers, pale, with
 * the township filled in red. */
#include "maps_int.h"
#include "../../base/alloc.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FADE_IN 0.55          /* share of paper mixed into the layers inside the township */
#define FADE_OUT 0.82         /* … and outside it */
#define OUTLINE 0x8c7a4e      /* the township's own outline, before fading */
#define SHADE 0xd9d2c0        /* a little of it tints the paper outside the township */

static const hc_geo_area *area_of(const hc_model *m, size_t t)
{
    const char *name = m->config.townships[t].name;
    for (size_t a = 0; a < m->nareas; a++)
        if (m->areas[a].name && name && !strcmp(m->areas[a].name, name) && m->areas[a].npoints >= 3) return &m->areas[a];
    return NULL;
}

/* Bounds of the township: its outline, else the nodes of its units. */
static void town_bounds(const hc_model *m, size_t t, const hc_geo_area *ar, mp_geo_bounds *gb)
{
    mp_geo_bounds_init(gb);
    if (ar) {
        for (size_t i = 0; i < ar->npoints; i++) mp_geo_bounds_add(gb, ar->lon[i], ar->lat[i]);
        return;
    }
    for (size_t i = 0; i < m->nprojects; i++) {
        const hc_project *p = &m->projects[i];
        int in = 0;
        for (size_t j = 0; j < p->ntownships && !in; j++) in = p->township_idx && p->township_idx[j] == t;
        for (size_t j = 0; in && j < p->nnodes; j++) mp_geo_bounds_add(gb, p->nodes[j].lon, p->nodes[j].lat);
    }
}

int mp_backdrop_has(const hc_model *m, size_t t)
{
    if (!m->nlayers || t >= m->config.ntownships) return 0;
    mp_geo_bounds gb;
    town_bounds(m, t, area_of(m, t), &gb);
    return gb.n > 0;
}

/* Copies src onto im at frame, each pixel mixed with paper: FADE_IN where
 * mask is white, FADE_OUT where it is black, in between along its edge. */
static void composite(gdImagePtr im, gdImagePtr src, gdImagePtr mask, mp_box f, int paper)
{
    for (int y = 0; y < f.h; y++)
        for (int x = 0; x < f.w; x++) {
            int X = f.x + x, Y = f.y + y;
            if (X < 0 || Y < 0 || X >= gdImageSX(im) || Y >= gdImageSY(im)) continue;
            double in = mask ? gdTrueColorGetRed(gdImageGetTrueColorPixel(mask, x, y)) / 255.0 : 1.0;
            double fade = FADE_OUT + (FADE_IN - FADE_OUT) * in;
            int to = mp_color_mix(paper, SHADE, 0.3 * (1 - in));
            gdImageSetPixel(im, X, Y, mp_color_mix(gdImageGetTrueColorPixel(src, x, y), to, fade));
        }
}

void mp_backdrop_draw(gdImagePtr im, const hc_model *m, size_t t, mp_box frame, double k, int paper)
{
    if (frame.w <= 0 || frame.h <= 0 || !mp_backdrop_has(m, t)) return;
    const hc_geo_area *ar = area_of(m, t);
    mp_geo_bounds gb;
    town_bounds(m, t, ar, &gb);
    mp_proj p;
    mp_proj_fit(&p, &gb, (mp_rect){ 0, 0, frame.w, frame.h }, 14 * k, 1.0);
    gdImagePtr src = mp_canvas(frame.w, frame.h, paper), mask = NULL;
    mp_pt *pts = NULL;
    if (!src) return;
    mp_box local = { 0, 0, frame.w, frame.h };
    mp_layers_draw(src, m, &p, local, k, NULL);
    if (ar) {
        pts = hc_xcalloc(ar->npoints, sizeof *pts);
        for (size_t i = 0; i < ar->npoints; i++) pts[i] = mp_proj_apply(&p, ar->lon[i], ar->lat[i]);
        mp_polygon_outline(src, pts, ar->npoints, 3 * k, OUTLINE);
        mask = mp_canvas(frame.w, frame.h, 0x000000);
        if (mask) mp_polygon(mask, pts, ar->npoints, 0xffffff, 1.0);
    }
    composite(im, src, mask, frame, paper);
    free(pts);
    if (mask) gdImageDestroy(mask);
    gdImageDestroy(src);
}

/* ---- a locator: where township t lies in the district ---- */

#define LOCATOR_FILL 0xa4161a /* the township, over the faded layers */

int mp_locator_has(const hc_model *m, size_t t)
{
    return t < m->config.ntownships && m->nareas > 1 && area_of(m, t) != NULL;
}

void mp_locator_draw(gdImagePtr im, const hc_model *m, size_t t, mp_box box, double k, int paper)
{
    if (box.w <= 0 || box.h <= 0 || !mp_locator_has(m, t)) return;
    const hc_geo_area *ar = area_of(m, t);
    mp_geo_bounds gb;
    mp_geo_bounds_init(&gb);
    for (size_t a = 0; a < m->nareas; a++)
        for (size_t i = 0; i < m->areas[a].npoints; i++) mp_geo_bounds_add(&gb, m->areas[a].lon[i], m->areas[a].lat[i]);
    mp_proj p;
    mp_proj_fit(&p, &gb, (mp_rect){ 0, 0, box.w, box.h }, 2 * k, 1.0);
    gdImagePtr src = mp_canvas(box.w, box.h, paper);
    if (!src) return;
    mp_layers_draw(src, m, &p, (mp_box){ 0, 0, box.w, box.h }, 0.5 * k, NULL);   /* thin lines at this scale */
    composite(im, src, NULL, box, paper);   /* FADE_IN everywhere */
    mp_pt *pts = hc_xcalloc(ar->npoints, sizeof *pts);
    for (size_t i = 0; i < ar->npoints; i++) {
        mp_pt q = mp_proj_apply(&p, ar->lon[i], ar->lat[i]);
        pts[i] = (mp_pt){ q.x + box.x, q.y + box.y };
    }
    mp_polygon(im, pts, ar->npoints, LOCATOR_FILL, 0.85);
    mp_polygon_outline(im, pts, ar->npoints, 1.5 * k, 0xffffff);
    free(pts);
    gdImageDestroy(src);
}
