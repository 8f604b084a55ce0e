/* draw.c — anti-aliased primitives on libgd truecolor images.
 *
 * Coverage is computed analytically (discs, thick segments) or with four
 * sub-scanlines and exact horizontal coverage (polygons) and blended into the
 * pixels with integer arithmetic, so that a pixel fully inside a shape has
 * exactly the shape's colour. */
#include "maps_int.h"
#include "../../base/alloc.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

int mp_color(const char *hex, int fallback)
{
    if (!hex || hex[0] != '#' || strlen(hex) != 7) return fallback;
    int v = 0;
    for (int i = 1; i < 7; i++) {
        char c = hex[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return fallback;
        v = v * 16 + d;
    }
    return v;
}

static int cov256(double c)
{
    if (c <= 0) return 0;
    if (c >= 1) return 256;
    return (int)(c * 256 + 0.5);
}

int mp_color_mix(int a, int b, double t)
{
    int r = (int)lround(gdTrueColorGetRed(a) * (1 - t) + gdTrueColorGetRed(b) * t);
    int g = (int)lround(gdTrueColorGetGreen(a) * (1 - t) + gdTrueColorGetGreen(b) * t);
    int bl = (int)lround(gdTrueColorGetBlue(a) * (1 - t) + gdTrueColorGetBlue(b) * t);
    return gdTrueColor(r, g, bl);
}

int mp_color_text_on(int bg)
{
    int lum = 299 * gdTrueColorGetRed(bg) + 587 * gdTrueColorGetGreen(bg) + 114 * gdTrueColorGetBlue(bg);
    return lum > 160000 ? 0x222222 : 0xffffff;
}

gdImagePtr mp_canvas(int w, int h, int bg)
{
    if (w < 1 || h < 1) return NULL;
    gdImagePtr im = gdImageCreateTrueColor(w, h);
    if (!im) return NULL;
    for (int y = 0; y < h; y++) {
        int *row = im->tpixels[y];
        for (int x = 0; x < w; x++) row[x] = bg;
    }
    gdImageAlphaBlending(im, 1);
    gdImageSaveAlpha(im, 0);
    return im;
}

void mp_blend(gdImagePtr im, int x, int y, int c, int a)
{
    if (a <= 0 || x < 0 || y < 0 || x >= gdImageSX(im) || y >= gdImageSY(im)) return;
    int *px = &im->tpixels[y][x];
    if (a >= 256) {
        *px = c & 0xffffff;
        return;
    }
    int d = *px, na = 256 - a;
    int r = (gdTrueColorGetRed(c) * a + gdTrueColorGetRed(d) * na + 128) >> 8;
    int g = (gdTrueColorGetGreen(c) * a + gdTrueColorGetGreen(d) * na + 128) >> 8;
    int b = (gdTrueColorGetBlue(c) * a + gdTrueColorGetBlue(d) * na + 128) >> 8;
    *px = gdTrueColor(r, g, b);
}

/* Coverage of pixel i by [a, b) along one axis. */
static double axis_cov(int i, double a, double b)
{
    double lo = i > a ? i : a, hi = i + 1 < b ? i + 1 : b;
    return hi > lo ? hi - lo : 0;
}

void mp_fill_rect(gdImagePtr im, double x, double y, double w, double h, int color)
{
    if (w <= 0 || h <= 0) return;
    int x0 = (int)floor(x), x1 = (int)ceil(x + w), y0 = (int)floor(y), y1 = (int)ceil(y + h);
    if (x0 < 0) x0 = 0;
    if (y0 < 0) y0 = 0;
    if (x1 > gdImageSX(im)) x1 = gdImageSX(im);
    if (y1 > gdImageSY(im)) y1 = gdImageSY(im);
    /* columns [ix0, ix1) are fully covered; the edges blend */
    int ix0 = (int)ceil(x), ix1 = (int)floor(x + w);
    if (ix0 < x0) ix0 = x0;
    if (ix1 > x1) ix1 = x1;
    if (ix1 < ix0) ix1 = ix0;
    int c = color & 0xffffff;
    for (int py = y0; py < y1; py++) {
        double cy = axis_cov(py, y, y + h);
        if (cy >= 1) {
            int *row = im->tpixels[py];
            for (int px = ix0; px < ix1; px++) row[px] = c;
            for (int px = x0; px < ix0; px++) mp_blend(im, px, py, c, cov256(axis_cov(px, x, x + w)));
            for (int px = ix1; px < x1; px++) mp_blend(im, px, py, c, cov256(axis_cov(px, x, x + w)));
        } else {
            for (int px = x0; px < x1; px++) mp_blend(im, px, py, c, cov256(cy * axis_cov(px, x, x + w)));
        }
    }
}

void mp_stroke_rect(gdImagePtr im, double x, double y, double w, double h, double width, int color)
{
    double t = width;
    mp_fill_rect(im, x, y, w, t, color);
    mp_fill_rect(im, x, y + h - t, w, t, color);
    mp_fill_rect(im, x, y + t, t, h - 2 * t, color);
    mp_fill_rect(im, x + w - t, y + t, t, h - 2 * t, color);
}

void mp_disc(gdImagePtr im, double cx, double cy, double r, int color)
{
    int x0 = (int)floor(cx - r - 1), x1 = (int)ceil(cx + r + 1);
    int y0 = (int)floor(cy - r - 1), y1 = (int)ceil(cy + r + 1);
    for (int y = y0; y <= y1; y++)
        for (int x = x0; x <= x1; x++) {
            double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
            mp_blend(im, x, y, color, cov256(r - sqrt(dx * dx + dy * dy) + 0.5));
        }
}

void mp_capsule(gdImagePtr im, double x0, double y0, double x1, double y1, double width, int color)
{
    double hw = width / 2, reach = hw + 1, vx = x1 - x0, vy = y1 - y0, len2 = vx * vx + vy * vy;
    int by0 = (int)floor((y0 < y1 ? y0 : y1) - reach), by1 = (int)ceil((y0 > y1 ? y0 : y1) + reach);
    if (by0 < 0) by0 = 0;
    if (by1 >= gdImageSY(im)) by1 = gdImageSY(im) - 1;
    for (int y = by0; y <= by1; y++) {
        /* the part of the segment within reach of this row bounds the columns to visit */
        double yc = y + 0.5, ta = 0, tb = 1;
        if (fabs(vy) > 1e-9) {
            ta = (yc - reach - y0) / vy;
            tb = (yc + reach - y0) / vy;
            if (ta > tb) { double t = ta; ta = tb; tb = t; }
            if (ta < 0) ta = 0;
            if (tb > 1) tb = 1;
            if (ta > tb) continue;
        } else if (fabs(yc - y0) > reach) {
            continue;
        }
        double xa = x0 + ta * vx, xb = x0 + tb * vx;
        int bx0 = (int)floor((xa < xb ? xa : xb) - reach), bx1 = (int)ceil((xa > xb ? xa : xb) + reach);
        if (bx0 < 0) bx0 = 0;
        if (bx1 >= gdImageSX(im)) bx1 = gdImageSX(im) - 1;
        for (int x = bx0; x <= bx1; x++) {
            double px = x + 0.5 - x0, py = yc - y0;
            double t = len2 > 0 ? (px * vx + py * vy) / len2 : 0;
            if (t < 0) t = 0;
            if (t > 1) t = 1;
            double dx = px - t * vx, dy = py - t * vy, d2 = dx * dx + dy * dy;
            if (d2 >= reach * reach) continue;
            mp_blend(im, x, y, color, cov256(hw - sqrt(d2) + 0.5));
        }
    }
}

void mp_polyline(gdImagePtr im, const mp_pt *p, size_t n, double width, int color)
{
    if (n == 1) mp_disc(im, p[0].x, p[0].y, width / 2, color);
    for (size_t i = 1; i < n; i++) mp_capsule(im, p[i - 1].x, p[i - 1].y, p[i].x, p[i].y, width, color);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Adds the coverage of span [xa, xb) times weight to acc (indexed from x0). */
static void add_span(float *acc, int x0, int nx, double xa, double xb, float weight)
{
    if (xb <= xa) return;
    double la = xa - x0, lb = xb - x0;
    if (la < 0) la = 0;
    if (lb > nx) lb = nx;
    if (lb <= la) return;
    int ia = (int)floor(la), ib = (int)floor(lb);
    if (ia == ib) {
        acc[ia] += (float)((lb - la) * weight);
        return;
    }
    acc[ia] += (float)((ia + 1 - la) * weight);
    for (int i = ia + 1; i < ib; i++) acc[i] += weight;
    if (ib < nx) acc[ib] += (float)((lb - ib) * weight);
}

/* Crossings of the polygon's edges with the horizontal line y = sy, sorted. */
static size_t crossings(const mp_pt *p, size_t n, double sy, double *xs)
{
    size_t nxs = 0;
    for (size_t i = 0; i < n; i++) {
        const mp_pt *a = &p[i], *b = &p[(i + 1) % n];
        if ((a->y <= sy && b->y > sy) || (b->y <= sy && a->y > sy))
            xs[nxs++] = a->x + (sy - a->y) * (b->x - a->x) / (b->y - a->y);
    }
    if (nxs > 2) qsort(xs, nxs, sizeof *xs, cmp_double);
    else if (nxs == 2 && xs[1] < xs[0]) {
        double t = xs[0];
        xs[0] = xs[1];
        xs[1] = t;
    }
    return nxs;
}

void mp_polygon(gdImagePtr im, const mp_pt *p, size_t n, int color, double opacity)
{
    if (n < 3) return;
    double minx = p[0].x, maxx = p[0].x, miny = p[0].y, maxy = p[0].y;
    for (size_t i = 1; i < n; i++) {
        if (p[i].x < minx) minx = p[i].x;
        if (p[i].x > maxx) maxx = p[i].x;
        if (p[i].y < miny) miny = p[i].y;
        if (p[i].y > maxy) maxy = p[i].y;
    }
    int x0 = (int)floor(minx), x1 = (int)ceil(maxx), y0 = (int)floor(miny), y1 = (int)ceil(maxy);
    if (x0 < 0) x0 = 0;
    if (y0 < 0) y0 = 0;
    if (x1 > gdImageSX(im)) x1 = gdImageSX(im);
    if (y1 > gdImageSY(im)) y1 = gdImageSY(im);
    if (x1 <= x0 || y1 <= y0) return;
    int nx = x1 - x0, full = cov256(opacity + 1e-6);
    float *acc = hc_xcalloc((size_t)nx + 1, sizeof *acc);
    double *xs = hc_xmalloc(4 * n * sizeof *xs);
    size_t cnt[4];
    for (int y = y0; y < y1; y++) {
        int simple = 1, any = 0;
        for (int s = 0; s < 4; s++) {
            cnt[s] = crossings(p, n, y + (s + 0.5) / 4, xs + (size_t)s * n);
            simple &= cnt[s] == 2;
            any |= cnt[s] >= 2;
        }
        if (!any) continue;
        /* one span on every sub-scanline: the pixels inside all four are
         * filled directly, only the two edges are accumulated */
        int in0 = x1, in1 = x1;
        if (simple) {
            double lo = xs[0], hi = xs[1];
            for (int s = 1; s < 4; s++) {
                if (xs[(size_t)s * n] > lo) lo = xs[(size_t)s * n];
                if (xs[(size_t)s * n + 1] < hi) hi = xs[(size_t)s * n + 1];
            }
            in0 = (int)ceil(lo);
            in1 = (int)floor(hi);
            if (in0 < x0) in0 = x0;
            if (in1 > x1) in1 = x1;
            if (in1 <= in0) in0 = in1 = x1;
        }
        for (int s = 0; s < 4; s++) {
            const double *c = xs + (size_t)s * n;
            for (size_t i = 0; i + 1 < cnt[s]; i += 2) {
                add_span(acc, x0, nx, c[i], c[i + 1] < in0 ? c[i + 1] : in0, 0.25f);
                if (in1 < x1) add_span(acc, x0, nx, c[i] > in1 ? c[i] : in1, c[i + 1], 0.25f);
            }
        }
        for (int x = in0; x < in1; x++) mp_blend(im, x, y, color, full);
        for (int i = 0; i < nx; i++) {
            if (x0 + i == in0) i = in1 - x0;      /* the interior is done */
            if (i >= nx) break;
            if (acc[i] > 0) mp_blend(im, x0 + i, y, color, cov256(acc[i] * opacity + 1e-6));
            acc[i] = 0;
        }
    }
    free(xs);
    free(acc);
}

void mp_polygon_outline(gdImagePtr im, const mp_pt *p, size_t n, double width, int color)
{
    for (size_t i = 0; i < n; i++) {
        const mp_pt *a = &p[i], *b = &p[(i + 1) % n];
        mp_capsule(im, a->x, a->y, b->x, b->y, width, color);
    }
}

void mp_arrowhead(gdImagePtr im, double x, double y, double dx, double dy, double size, int color)
{
    double len = sqrt(dx * dx + dy * dy);
    if (len <= 0) return;
    double ux = dx / len, uy = dy / len;     /* forward */
    double nx = -uy, ny = ux;                /* sideways */
    mp_pt t[4] = {
        { x + ux * size * 0.6, y + uy * size * 0.6 },
        { x - ux * size * 0.5 + nx * size * 0.55, y - uy * size * 0.5 + ny * size * 0.55 },
        { x - ux * size * 0.2, y - uy * size * 0.2 },
        { x - ux * size * 0.5 - nx * size * 0.55, y - uy * size * 0.5 - ny * size * 0.55 },
    };
    mp_polygon(im, t, 4, color, 1.0);
}

/* Regular polygon with `sides` corners, the first pointing at angle a0,
 * scaled so that its area matches a circle of radius r roughly. */
static void regular(mp_pt *out, int sides, double cx, double cy, double r, double a0)
{
    for (int i = 0; i < sides; i++) {
        double a = a0 + i * 2 * M_PI / sides;
        out[i].x = cx + r * cos(a);
        out[i].y = cy + r * sin(a);
    }
}

static void shape(gdImagePtr im, int kind, double cx, double cy, double r, int color)
{
    mp_pt p[6];
    switch (kind) {
    case MP_SHAPE_SQUARE:   regular(p, 4, cx, cy, r * 1.22, M_PI / 4); mp_polygon(im, p, 4, color, 1); break;
    case MP_SHAPE_TRIANGLE: regular(p, 3, cx, cy + r * 0.15, r * 1.45, -M_PI / 2); mp_polygon(im, p, 3, color, 1); break;
    case MP_SHAPE_DIAMOND:  regular(p, 4, cx, cy, r * 1.3, -M_PI / 2); mp_polygon(im, p, 4, color, 1); break;
    case MP_SHAPE_PENTAGON: regular(p, 5, cx, cy, r * 1.12, -M_PI / 2); mp_polygon(im, p, 5, color, 1); break;
    case MP_SHAPE_HEXAGON:  regular(p, 6, cx, cy, r * 1.08, 0); mp_polygon(im, p, 6, color, 1); break;
    default:                mp_disc(im, cx, cy, r, color); break;
    }
}

void mp_marker(gdImagePtr im, int kind, double cx, double cy, double r, double ring, int fill, int ring_color)
{
    kind = ((kind % MP_SHAPE_COUNT) + MP_SHAPE_COUNT) % MP_SHAPE_COUNT;
    if (ring > 0) shape(im, kind, cx, cy, r + ring * 1.25, ring_color);
    shape(im, kind, cx, cy, r, fill);
}

double mp_marker_extent(double r, double ring)
{
    return (r + ring * 1.25) * 1.45;
}
