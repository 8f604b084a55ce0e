/* scenes.c — draws the example site's photos.
 *
 * The example content (content/projects, content/cases, site.yaml) shows
 * photos of the campaign's places. No photo from elsewhere may be used, so
 * this program draws them: scene illustrations (a village square, service
 * centres, parks, meetings, fields, an old street, …), each marked 示意图,
 * written as a phone-style JPEG with the metadata a phone leaves in a file:
 * an EXIF Orientation flag (most files are stored rotated), a GPS position
 * near the place, camera tags, a fixed DateTimeOriginal and on some an Artist
 * and an XMP packet. The site's image stage has to turn them upright and
 * strip all of that; the example exercises it at every build.
 *
 * Usage: scenes OUTDIR [-p SCALE] [-o NAME]
 *   OUTDIR     where the JPEGs go (assets/photos)
 *   -p SCALE   preview: draw at SCALE (e.g. 0.2) and write NAME.png upright,
 *              no EXIF (for looking at a scene while drawing it)
 *   -o NAME    only the photo NAME
 * Same program, same bytes: every random choice comes from a PRNG seeded by
 * the photo's name; no clock is read. Built by `make scenes`.
 *
 * Drawing: cairo (shapes, gradients) and pango (CJK text, Noto CJK fonts);
 * writing: libvips (blur, rotation, JPEG), the EXIF and XMP segments are
 * built here and put in front of the JPEG data.
 */
#include <cairo.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vips/vips.h>

/* ---------------------------------------------------------------- random */

static uint64_t rng_s;
static void seed_from(const char *name)
{
    uint64_t h = 1469598103934665603ULL;
    for (const char *p = name; *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    rng_s = h;
}
static uint64_t rnext(void)
{
    uint64_t z = (rng_s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static double rf(void) { return (double)(rnext() >> 11) * (1.0 / 9007199254740992.0); }
static double rr(double a, double b) { return a + (b - a) * rf(); }
static int ri(int a, int b) { return a + (int)(rf() * (b - a + 1)); }

/* ---------------------------------------------------------------- state */

/* the photo look and the file size (44 photos must stay under 20 MB):
 * JPEG quality, the blur that softens drawn edges, the mottle and grain */
#define QUAL 80
#define BLUR 1.5
#define CELL 20       /* mottle cell in pixels */
#define MOTTLE 3.5    /* mottle amplitude in levels */
#define NOISE_L 1.2   /* per-pixel grain amplitude in levels */

static cairo_t *cr;
static double W, H;          /* upright canvas size in drawing units (pixels of the full photo) */
static double HZ = 1400;     /* horizon (eye level) */
static double CAMH = 1.6;    /* camera height in metres */
static double S = 1;         /* size unit: min(W, H) / 3000 */

/* pixels per metre for something standing on the ground at y */
static double ppm(double yb) { return (yb - HZ) / CAMH; }
/* the ground line d metres away (a phone's wide lens: focal length 0.73 × the long side) */
static double Y(double d) { return HZ + 0.73 * fmax(W, H) * CAMH / d; }

typedef uint32_t col;
static double cr_(col c) { return ((c >> 16) & 255) / 255.0; }
static double cg_(col c) { return ((c >> 8) & 255) / 255.0; }
static double cb_(col c) { return (c & 255) / 255.0; }
static void hex(col c, double a) { cairo_set_source_rgba(cr, cr_(c), cg_(c), cb_(c), a); }
static col mix(col a, col b, double t)
{
    if (t < 0) t = 0;
    if (t > 1) t = 1;
    int r = (int)lround(((a >> 16) & 255) * (1 - t) + ((b >> 16) & 255) * t);
    int g = (int)lround(((a >> 8) & 255) * (1 - t) + ((b >> 8) & 255) * t);
    int bl = (int)lround((a & 255) * (1 - t) + (b & 255) * t);
    return (col)((r << 16) | (g << 8) | bl);
}
static col shade(col c, double t) { return t < 0 ? mix(c, 0x000000, -t) : mix(c, 0xffffff, t); }
static col jitter(col c, double amt) { return shade(c, rr(-amt, amt)); }
static void stop(cairo_pattern_t *p, double at, col c, double a)
{
    cairo_pattern_add_color_stop_rgba(p, at, cr_(c), cg_(c), cb_(c), a);
}
static void fill_pat(cairo_pattern_t *p)
{
    cairo_set_source(cr, p);
    cairo_fill(cr);
    cairo_pattern_destroy(p);
}
/* fills the current path with a vertical gradient from a (at y0) to b (at y1) */
static void fill_v(double y0, col a, double y1, col b)
{
    cairo_pattern_t *p = cairo_pattern_create_linear(0, y0, 0, y1);
    stop(p, 0, a, 1);
    stop(p, 1, b, 1);
    fill_pat(p);
}
static void fill_h(double x0, col a, double x1, col b)
{
    cairo_pattern_t *p = cairo_pattern_create_linear(x0, 0, x1, 0);
    stop(p, 0, a, 1);
    stop(p, 1, b, 1);
    fill_pat(p);
}
static void rect(double x, double y, double w, double h) { cairo_rectangle(cr, x, y, w, h); }
static void rrect(double x, double y, double w, double h, double r)
{
    if (r > w / 2) r = w / 2;
    if (r > h / 2) r = h / 2;
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
    cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
    cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
}
static void ellipse(double x, double y, double rx, double ry)
{
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, rx, ry);
    cairo_new_sub_path(cr);
    cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
    cairo_restore(cr);
}
static void line(double x0, double y0, double x1, double y1, double w, col c, double a)
{
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
    cairo_set_line_width(cr, w);
    hex(c, a);
    cairo_stroke(cr);
}
static void soft_shadow(double x, double y, double rx, double ry, double a)
{
    cairo_pattern_t *p = cairo_pattern_create_radial(0, 0, 0, 0, 0, 1);
    stop(p, 0, 0x000000, a);
    stop(p, 1, 0x000000, 0);
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, rx, ry);
    cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
    cairo_set_source(cr, p);
    cairo_fill(cr);
    cairo_restore(cr);
    cairo_pattern_destroy(p);
}

/* ---------------------------------------------------------------- text */

#define SANS "Noto Sans CJK SC Bold"
#define SERIF "Noto Serif CJK SC Bold"
#define SANS_R "Noto Sans CJK SC"

static PangoLayout *layout_for(const char *s, const char *font, double px)
{
    PangoLayout *l = pango_cairo_create_layout(cr);
    PangoFontDescription *fd = pango_font_description_from_string(font);
    pango_font_description_set_absolute_size(fd, px * PANGO_SCALE);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
    pango_layout_set_text(l, s, -1);
    return l;
}
/* text centred in the box (x, y, w, h), as large as fits (at most max_px; 0 = h * 0.8) */
static void text_box(const char *s, const char *font, double x, double y, double w, double h, col c, double max_px)
{
    double px = max_px > 0 ? max_px : h * 0.8;
    PangoLayout *l = layout_for(s, font, px);
    PangoRectangle ink, log;
    pango_layout_get_extents(l, &ink, &log);
    double tw = log.width / (double)PANGO_SCALE, th = log.height / (double)PANGO_SCALE;
    double k = 1;
    if (tw > w) k = w / tw;
    if (th * k > h) k = h / th;
    if (k < 1) {
        g_object_unref(l);
        px *= k;
        l = layout_for(s, font, px);
        pango_layout_get_extents(l, &ink, &log);
    }
    tw = log.width / (double)PANGO_SCALE;
    /* centre the ink vertically, the logical box horizontally */
    double iy = ink.y / (double)PANGO_SCALE, ih = ink.height / (double)PANGO_SCALE;
    cairo_move_to(cr, x + (w - tw) / 2, y + (h - ih) / 2 - iy);
    hex(c, 1);
    pango_cairo_show_layout(cr, l);
    g_object_unref(l);
}

/* ---------------------------------------------------------------- sky and land */

static void cloud(double x, double y, double s, double a)
{
    for (int k = 0; k < 9; k++) {
        double cx = x + rr(-s, s), cy = y + rr(-s * 0.18, s * 0.12), r = rr(0.35, 0.7) * s;
        cairo_pattern_t *p = cairo_pattern_create_radial(cx, cy - r * 0.2, 0, cx, cy, r);
        stop(p, 0, 0xffffff, a);
        stop(p, 0.6, 0xffffff, a * 0.5);
        stop(p, 1, 0xffffff, 0);
        ellipse(cx, cy, r, r * 0.55);
        fill_pat(p);
    }
}
static void sky(col top, col bottom, int nclouds)
{
    rect(0, 0, W, HZ + 4);
    cairo_pattern_t *p = cairo_pattern_create_linear(0, 0, 0, HZ);
    stop(p, 0, top, 1);
    stop(p, 0.7, mix(top, bottom, 0.7), 1);
    stop(p, 1, bottom, 1);
    fill_pat(p);
    for (int i = 0; i < nclouds; i++) cloud(rr(0, W), rr(0.08, 0.6) * HZ, rr(250, 600) * S, rr(0.35, 0.7));
}
/* a mountain ridge over the whole width: base at yb, peaks up to amp above */
static void ridge(double yb, double amp, col c, double rough, double haze)
{
    enum { N = 257 };
    double y[N];
    y[0] = rr(0, 1);
    y[N - 1] = rr(0, 1);
    double sc = 0.6;
    for (int step = N - 1; step > 1; step /= 2) {
        for (int i = step / 2; i < N; i += step)
            y[i] = (y[i - step / 2] + y[i + step / 2]) / 2 + rr(-sc, sc);
        sc *= rough;
    }
    double lo = 1e9, hi = -1e9;
    for (int i = 0; i < N; i++) { if (y[i] < lo) lo = y[i]; if (y[i] > hi) hi = y[i]; }
    cairo_move_to(cr, 0, yb + 10);
    for (int i = 0; i < N; i++) cairo_line_to(cr, W * i / (N - 1.0), yb - amp * (0.15 + 0.85 * (y[i] - lo) / (hi - lo + 1e-9)));
    cairo_line_to(cr, W, yb + 10);
    cairo_close_path(cr);
    cairo_pattern_t *p = cairo_pattern_create_linear(0, yb - amp, 0, yb);
    stop(p, 0, c, 1);
    stop(p, 1, mix(c, 0xdfe6ea, haze), 1);
    fill_pat(p);
}
/* small marks over a band of ground, larger towards the viewer */
static void speckle(double y0, double y1, int n, col c, double a, double size)
{
    n = n * 3 / 5;  /* (fewer marks: they cost more JPEG bytes than they add) */
    for (int i = 0; i < n; i++) {
        double t = rf();
        double y = y0 + (y1 - y0) * t * t;
        double d = (y - HZ) / (H - HZ);
        if (d < 0.02) d = 0.02;
        double s = size * d * rr(0.5, 1.5);
        ellipse(rr(-50, W + 50), y, s * rr(1.5, 3), s);
        hex(jitter(c, 0.15), a * rr(0.5, 1));
        cairo_fill(cr);
    }
}
static void ground(col far, col near)
{
    rect(0, HZ, W, H - HZ);
    fill_v(HZ, far, H, near);
}
/* paving: rows of slabs between y0 and y1 in perspective, vanishing at (vx, HZ) */
static void paving(double y0, double y1, double vx, double slab_m, col c, double a)
{
    cairo_save(cr);
    rect(0, y0, W, y1 - y0);
    cairo_clip(cr);
    for (double d = 40; d > 1; d -= slab_m) {
        double y = HZ + CAMH * (H - HZ) / d / 1.2;
        if (y < y0 || y > y1) continue;
        line(0, y, W, y, 2.5 * S, c, a);
    }
    for (double xm = -60; xm <= 60; xm += slab_m) {
        /* a line on the ground at lateral xm metres, from far to near */
        double yb = H * 1.5;
        double xb = vx + xm * ppm(yb);
        line(vx + (xb - vx) * (y0 - HZ) / (yb - HZ), y0, xb, yb, 2.5 * S, c, a);
    }
    cairo_restore(cr);
}

/* ---------------------------------------------------------------- things */

static void tree(double x, double yb, double h, col leaf)
{
    soft_shadow(x + h * 0.06, yb, h * 0.28, h * 0.05, 0.28);
    double tw = h * 0.045;
    col bark = 0x5b4a3a;
    cairo_move_to(cr, x - tw, yb);
    cairo_curve_to(cr, x - tw * 0.8, yb - h * 0.3, x - tw * 0.5, yb - h * 0.45, x - tw * 0.3, yb - h * 0.62);
    cairo_line_to(cr, x + tw * 0.3, yb - h * 0.62);
    cairo_curve_to(cr, x + tw * 0.5, yb - h * 0.45, x + tw * 0.8, yb - h * 0.3, x + tw, yb);
    cairo_close_path(cr);
    fill_h(x - tw, shade(bark, 0.15), x + tw, shade(bark, -0.3));
    for (int b = 0; b < 3; b++) {
        double by = yb - h * rr(0.4, 0.55), dir = b % 2 ? 1 : -1;
        line(x, by, x + dir * h * rr(0.1, 0.18), by - h * rr(0.1, 0.2), tw * 0.5, bark, 1);
    }
    double cx = x, cy = yb - h * 0.66, r = h * 0.3;
    for (int layer = 0; layer < 3; layer++) {
        int n = 10 + layer * 4;
        for (int k = 0; k < n; k++) {
            double ang = rr(0, 2 * M_PI), dist = r * sqrt(rf()) * (0.85 - layer * 0.15);
            double bx = cx + cos(ang) * dist * 1.1, by = cy + sin(ang) * dist * 0.85 - layer * r * 0.08;
            double br = r * rr(0.28, 0.45) * (1 - layer * 0.15);
            double lit = (cx - bx) / r * -0.1 + (cy - by) / r * 0.25 + layer * 0.12 - 0.25;
            col c = jitter(shade(leaf, lit), 0.06);
            cairo_pattern_t *p = cairo_pattern_create_radial(bx - br * 0.3, by - br * 0.35, br * 0.1, bx, by, br);
            stop(p, 0, shade(c, 0.18), 1);
            stop(p, 1, shade(c, -0.12), 1);
            ellipse(bx, by, br, br * 0.9);
            fill_pat(p);
        }
    }
}
static void conifer(double x, double yb, double h, col leaf)
{
    soft_shadow(x, yb, h * 0.15, h * 0.03, 0.25);
    rect(x - h * 0.02, yb - h * 0.25, h * 0.04, h * 0.25);
    hex(0x4d3b2c, 1);
    cairo_fill(cr);
    for (int k = 0; k < 6; k++) {
        double t = k / 6.0, y = yb - h * (0.15 + 0.8 * t), w = h * 0.22 * (1 - t * 0.8);
        cairo_move_to(cr, x - w, y);
        cairo_line_to(cr, x, y - h * 0.3);
        cairo_line_to(cr, x + w, y);
        cairo_close_path(cr);
        fill_h(x - w, shade(leaf, 0.1 + t * 0.1), x + w, shade(leaf, -0.25));
    }
}
/* a row of distant trees (a soft band of crowns) along y */
static void treeline(double y, double h, col c, double x0, double x1)
{
    for (double x = x0; x < x1; x += h * rr(0.25, 0.5)) {
        double r = h * rr(0.3, 0.55);
        ellipse(x, y - r * 0.8, r, r);
        hex(jitter(c, 0.08), 1);
        cairo_fill(cr);
    }
    rect(x0, y - h * 0.35, x1 - x0, h * 0.35);
    hex(shade(c, -0.05), 1);
    cairo_fill(cr);
}
static void shrubs(double y, double h, col c, double x0, double x1)
{
    for (double x = x0; x < x1; x += h * rr(0.4, 0.8)) {
        double r = h * rr(0.45, 0.7);
        cairo_pattern_t *p = cairo_pattern_create_radial(x - r * 0.3, y - r * 0.9, r * 0.1, x, y - r * 0.5, r);
        col cc = jitter(c, 0.08);
        stop(p, 0, shade(cc, 0.15), 1);
        stop(p, 1, shade(cc, -0.2), 1);
        ellipse(x, y - r * 0.5, r, r * 0.7);
        fill_pat(p);
    }
}

enum { P_VEST = 1, P_WHITE = 2, P_HELMET = 4, P_ELDER = 8, P_SKIRT = 16, P_CHILD = 32, P_ARM = 64, P_CAP = 128, P_ORANGE = 256 };
static const col SHIRTS[] = { 0x3b5b8c, 0xe9e4da, 0x6e7b5a, 0x2f3440, 0xb8a07a, 0x8c3b3b, 0x4f7fa3, 0xd8d2c4,
                              0x5a4e6e, 0x7a8c99, 0xc97f4a, 0x32604f };
static const col PANTS[] = { 0x2b2f38, 0x3a3f4a, 0x4a4237, 0x1f2a3a, 0x5b5f66, 0x6b5a44 };
static col any_shirt(void) { return SHIRTS[ri(0, (int)(sizeof SHIRTS / sizeof *SHIRTS) - 1)]; }
static col any_pants(void) { return PANTS[ri(0, (int)(sizeof PANTS / sizeof *PANTS) - 1)]; }

/* a standing person, feet at (x, yb), h tall */
static void person(double x, double yb, double h, col shirt, col pants, int f)
{
    if (f & P_CHILD) h *= 0.62;
    soft_shadow(x + h * 0.05, yb, h * 0.2, h * 0.035, 0.35);
    double hr = h * (f & P_CHILD ? 0.085 : 0.068);
    double sh = yb - h * 0.815, wa = yb - h * 0.47;
    double sw = h * 0.125, ww = h * 0.1;
    col skin = jitter(0xd9b08c, 0.08);
    if (f & P_WHITE) shirt = 0xf2f2ef;
    if (f & P_ORANGE) shirt = 0xe8742a;
    /* legs */
    double lw = h * 0.05;
    if (f & P_SKIRT) {
        cairo_move_to(cr, x - ww, wa);
        cairo_line_to(cr, x - ww * 1.4, yb - h * 0.2);
        cairo_line_to(cr, x + ww * 1.4, yb - h * 0.2);
        cairo_line_to(cr, x + ww, wa);
        cairo_close_path(cr);
        fill_h(x - ww, shade(pants, 0.1), x + ww, shade(pants, -0.2));
        rect(x - lw * 1.1, yb - h * 0.2, lw * 0.7, h * 0.2);
        rect(x + lw * 0.4, yb - h * 0.2, lw * 0.7, h * 0.2);
        hex(skin, 1);
        cairo_fill(cr);
    } else {
        double dx = rr(-0.02, 0.02) * h;
        rrect(x - ww, wa - h * 0.02, lw * 1.05, yb - wa + h * 0.02 - h * 0.01, lw * 0.3);
        hex(shade(pants, 0.05), 1);
        cairo_fill(cr);
        rrect(x + ww - lw * 1.05 + dx, wa - h * 0.02, lw * 1.05, yb - wa + h * 0.02 - h * 0.01, lw * 0.3);
        hex(shade(pants, -0.15), 1);
        cairo_fill(cr);
    }
    ellipse(x - ww + lw * 0.5, yb - h * 0.012, lw * 0.8, h * 0.018);
    ellipse(x + ww - lw * 0.5, yb - h * 0.012, lw * 0.8, h * 0.018);
    hex(0x1e1c1a, 1);
    cairo_fill(cr);
    /* arms (behind torso edges) */
    double aw = h * 0.045;
    int armup = f & P_ARM;
    for (int s = -1; s <= 1; s += 2) {
        double ax = x + s * sw * 0.92;
        if (armup && s == 1) {
            line(ax, sh + aw * 0.5, ax + h * 0.14, sh - h * 0.12, aw, shade(shirt, -0.1), 1);
            ellipse(ax + h * 0.145, sh - h * 0.13, aw * 0.6, aw * 0.6);
        } else {
            line(ax, sh + aw * 0.5, ax + s * h * 0.025, wa + h * 0.04, aw, shade(shirt, s < 0 ? 0 : -0.2), 1);
            ellipse(ax + s * h * 0.025, wa + h * 0.06, aw * 0.55, aw * 0.6);
        }
        hex(skin, 1);
        cairo_fill(cr);
    }
    /* torso */
    cairo_move_to(cr, x - sw, sh + h * 0.02);
    cairo_curve_to(cr, x - sw, sh - h * 0.01, x - sw * 0.6, sh - h * 0.015, x, sh - h * 0.015);
    cairo_curve_to(cr, x + sw * 0.6, sh - h * 0.015, x + sw, sh - h * 0.01, x + sw, sh + h * 0.02);
    cairo_line_to(cr, x + ww * 1.05, wa + h * 0.02);
    cairo_line_to(cr, x - ww * 1.05, wa + h * 0.02);
    cairo_close_path(cr);
    fill_h(x - sw, shade(shirt, 0.12), x + sw, shade(shirt, -0.22));
    if (f & P_VEST) {
        cairo_move_to(cr, x - sw * 0.95, sh + h * 0.02);
        cairo_line_to(cr, x - sw * 0.3, sh);
        cairo_line_to(cr, x - sw * 0.15, sh + h * 0.12);
        cairo_line_to(cr, x + sw * 0.15, sh + h * 0.12);
        cairo_line_to(cr, x + sw * 0.3, sh);
        cairo_line_to(cr, x + sw * 0.95, sh + h * 0.02);
        cairo_line_to(cr, x + ww * 1.06, wa + h * 0.025);
        cairo_line_to(cr, x - ww * 1.06, wa + h * 0.025);
        cairo_close_path(cr);
        fill_h(x - sw, 0xe0342c, x + sw, 0xa8161a);
        rect(x - sw * 0.6, sh + h * 0.12, sw * 0.4, h * 0.035);
        hex(0xf5d33a, 0.9);
        cairo_fill(cr);
    }
    /* neck and head */
    rect(x - hr * 0.35, sh - h * 0.04, hr * 0.7, h * 0.04);
    hex(shade(skin, -0.15), 1);
    cairo_fill(cr);
    double hy = sh - h * 0.03 - hr * 0.95;
    cairo_pattern_t *p = cairo_pattern_create_radial(x - hr * 0.3, hy - hr * 0.3, hr * 0.1, x, hy, hr * 1.1);
    stop(p, 0, shade(skin, 0.12), 1);
    stop(p, 1, shade(skin, -0.15), 1);
    ellipse(x, hy, hr * 0.85, hr);
    fill_pat(p);
    col hair = f & P_ELDER ? 0xb9b6b0 : 0x1d1a18;
    if (f & P_HELMET) {
        cairo_arc(cr, x, hy - hr * 0.1, hr * 1.05, M_PI, 2 * M_PI);
        cairo_close_path(cr);
        fill_h(x - hr, 0xffd23a, x + hr, 0xd99a10);
        rect(x - hr * 1.25, hy - hr * 0.15, hr * 2.5, hr * 0.18);
        hex(0xe0a91a, 1);
        cairo_fill(cr);
    } else if (f & P_CAP) {
        cairo_arc(cr, x, hy - hr * 0.15, hr * 0.95, M_PI, 2 * M_PI);
        cairo_close_path(cr);
        hex(0xc8201e, 1);
        cairo_fill(cr);
        rect(x - hr * 0.2, hy - hr * 0.25, hr * 1.3, hr * 0.15);
        hex(0xa51a18, 1);
        cairo_fill(cr);
    } else {
        cairo_arc(cr, x, hy - hr * 0.05, hr * 0.92, M_PI * 1.02, 2 * M_PI - 0.02);
        cairo_close_path(cr);
        hex(hair, 1);
        cairo_fill(cr);
        if (f & P_SKIRT) {  /* longer hair */
            rrect(x - hr * 0.95, hy - hr * 0.3, hr * 0.35, hr * 1.5, hr * 0.15);
            rrect(x + hr * 0.6, hy - hr * 0.3, hr * 0.35, hr * 1.5, hr * 0.15);
            hex(hair, 1);
            cairo_fill(cr);
        }
    }
}
/* someone of random look at (x, yb), scaled to stand there */
static void passerby(double x, double yb, int extra)
{
    int f = extra;
    double u = rf();
    if (u < 0.3) f |= P_SKIRT;
    else if (u < 0.45) f |= P_ELDER;
    else if (u < 0.52) f |= P_CHILD;
    double h = ppm(yb) * rr(1.58, 1.78);
    person(x, yb, h, any_shirt(), any_pants(), f);
}
/* the upper body of someone seen from behind, sitting (meetings) */
static void back_seated(double x, double y, double s, col shirt)
{
    cairo_move_to(cr, x - s * 0.5, y + s * 0.7);
    cairo_curve_to(cr, x - s * 0.5, y + s * 0.05, x - s * 0.35, y, x, y);
    cairo_curve_to(cr, x + s * 0.35, y, x + s * 0.5, y + s * 0.05, x + s * 0.5, y + s * 0.7);
    cairo_close_path(cr);
    fill_h(x - s * 0.5, shade(shirt, 0.1), x + s * 0.5, shade(shirt, -0.25));
    ellipse(x, y - s * 0.22, s * 0.17, s * 0.21);
    cairo_pattern_t *p = cairo_pattern_create_radial(x - s * 0.05, y - s * 0.3, 0, x, y - s * 0.22, s * 0.22);
    col hair = rf() < 0.2 ? 0x9c9890 : 0x1e1b19;
    stop(p, 0, shade(hair, 0.25), 1);
    stop(p, 1, hair, 1);
    fill_pat(p);
}

/* ---------------------------------------------------------------- signs, banners, props */

static void flag(double x, double yb, double h, col c)
{
    line(x, yb, x, yb - h, h * 0.012, 0xd8d8d8, 1);
    ellipse(x, yb - h, h * 0.012, h * 0.012);
    hex(0xe0c060, 1);
    cairo_fill(cr);
    double fw = h * 0.3, fh = h * 0.19, y = yb - h + h * 0.02;
    cairo_move_to(cr, x, y);
    cairo_curve_to(cr, x + fw * 0.3, y - fh * 0.12, x + fw * 0.6, y + fh * 0.12, x + fw, y + fh * 0.02);
    cairo_line_to(cr, x + fw, y + fh);
    cairo_curve_to(cr, x + fw * 0.6, y + fh * 1.1, x + fw * 0.3, y + fh * 0.85, x, y + fh);
    cairo_close_path(cr);
    cairo_pattern_t *p = cairo_pattern_create_linear(x, 0, x + fw, 0);
    stop(p, 0, c, 1);
    stop(p, 0.35, shade(c, -0.25), 1);
    stop(p, 0.7, shade(c, 0.12), 1);
    stop(p, 1, shade(c, -0.1), 1);
    fill_pat(p);
}
static void flags_row(double x0, double x1, double yb, double h, int n)
{
    for (int i = 0; i < n; i++) flag(x0 + (x1 - x0) * i / (n > 1 ? n - 1 : 1), yb, h, 0xd0201c);
}
/* a cloth banner, text in fg on bg */
static void banner(double x, double y, double w, double h, const char *text, col bg, col fg)
{
    rect(x, y, w, h);
    cairo_pattern_t *p = cairo_pattern_create_linear(x, 0, x + w, 0);
    for (int k = 0; k <= 12; k++) stop(p, k / 12.0, shade(bg, (k % 2 ? -0.08 : 0.06) + rr(-0.03, 0.03)), 1);
    fill_pat(p);
    rect(x, y, w, h);
    cairo_pattern_t *q = cairo_pattern_create_linear(0, y, 0, y + h);
    stop(q, 0, 0xffffff, 0.12);
    stop(q, 0.5, 0xffffff, 0);
    stop(q, 1, 0x000000, 0.15);
    fill_pat(q);
    text_box(text, SANS, x + h * 0.3, y + h * 0.08, w - h * 0.6, h * 0.84, fg, 0);
}
/* a banner hung between two poles standing at yb */
static void banner_on_poles(double x, double yb, double w, double h, double pole, const char *text)
{
    line(x, yb, x, yb - pole, w * 0.012, 0x8a8f94, 1);
    line(x + w, yb, x + w, yb - pole, w * 0.012, 0x6a6f74, 1);
    soft_shadow(x + w / 2, yb, w * 0.55, w * 0.03, 0.2);
    banner(x, yb - pole, w, h, text, 0xc8161d, 0xfff2c0);
}
/* a sign board: frame, face and text */
static void board(double x, double y, double w, double h, const char *text, col face, col fg, const char *font)
{
    soft_shadow(x + w / 2 + w * 0.05, y + h * 1.02, w * 0.5, h * 0.06, 0.15);
    rect(x - h * 0.04, y - h * 0.04, w + h * 0.08, h * 1.08);
    hex(shade(face, -0.35), 1);
    cairo_fill(cr);
    rect(x, y, w, h);
    fill_v(y, shade(face, 0.1), y + h, shade(face, -0.1));
    double pad = fmin(w, h) * 0.12;
    text_box(text, font, x + pad, y + pad * 0.7, w - 2 * pad, h - 1.4 * pad, fg, 0);
}
/* a board on two posts, standing on the ground at yb */
static void board_posts(double x, double yb, double w, double h, double clear, const char *text, col face, col fg)
{
    soft_shadow(x + w / 2, yb, w * 0.55, w * 0.04, 0.25);
    rect(x + w * 0.08, yb - clear - h, w * 0.04, clear + h);
    rect(x + w * 0.88, yb - clear - h, w * 0.04, clear + h);
    hex(0x55585c, 1);
    cairo_fill(cr);
    board(x, yb - clear - h, w, h, text, face, fg, SERIF);
}
static void lamp(double x, double yb, double h)
{
    soft_shadow(x, yb, h * 0.06, h * 0.015, 0.3);
    line(x, yb, x, yb - h, h * 0.018, 0x3b3f44, 1);
    rrect(x - h * 0.035, yb - h * 1.06, h * 0.07, h * 0.08, h * 0.015);
    hex(0x2d3034, 1);
    cairo_fill(cr);
    rect(x - h * 0.025, yb - h * 1.04, h * 0.05, h * 0.05);
    hex(0xf4efe0, 1);
    cairo_fill(cr);
}
static void bench(double x, double yb, double w)
{
    double h = w * 0.35;
    soft_shadow(x + w / 2, yb, w * 0.6, h * 0.1, 0.25);
    rect(x + w * 0.08, yb - h * 0.5, w * 0.05, h * 0.5);
    rect(x + w * 0.87, yb - h * 0.5, w * 0.05, h * 0.5);
    hex(0x2f3236, 1);
    cairo_fill(cr);
    for (int k = 0; k < 3; k++) {
        rect(x, yb - h * (0.55 + k * 0.15), w, h * 0.1);
        hex(shade(0x9a6b43, -k * 0.05), 1);
        cairo_fill(cr);
    }
}
static void railing(double x0, double x1, double y, double h, col c)
{
    line(x0, y - h, x1, y - h, h * 0.06, c, 1);
    line(x0, y - h * 0.5, x1, y - h * 0.5, h * 0.04, c, 1);
    for (double x = x0; x <= x1; x += h * 0.8) line(x, y, x, y - h, h * 0.05, shade(c, -0.15), 1);
}
static void lanterns(double x0, double x1, double y, double r)
{
    line(x0, y - r * 0.6, x1, y - r * 0.6, r * 0.05, 0x333333, 0.8);
    for (double x = x0 + r * 1.5; x < x1; x += r * 3.2) {
        line(x, y - r * 0.6, x, y - r * 0.2, r * 0.05, 0x333333, 1);
        cairo_pattern_t *p = cairo_pattern_create_radial(x - r * 0.3, y + r * 0.4, r * 0.1, x, y + r * 0.6, r);
        stop(p, 0, 0xff5a3c, 1);
        stop(p, 1, 0xa8100c, 1);
        ellipse(x, y + r * 0.6, r, r * 0.8);
        fill_pat(p);
        rect(x - r * 0.4, y - r * 0.25, r * 0.8, r * 0.15);
        rect(x - r * 0.4, y + r * 1.3, r * 0.8, r * 0.15);
        hex(0xe7b33a, 1);
        cairo_fill(cr);
        line(x, y + r * 1.45, x, y + r * 2.0, r * 0.12, 0xe7b33a, 1);
    }
}
/* a folding table with a cloth */
static void table(double x, double yb, double w, col cloth)
{
    double h = w * 0.38;
    soft_shadow(x + w / 2, yb, w * 0.6, h * 0.12, 0.3);
    rect(x, yb - h, w, h * 0.85);
    fill_v(yb - h, shade(cloth, 0.05), yb, shade(cloth, -0.2));
    rect(x, yb - h, w, h * 0.08);
    hex(shade(cloth, 0.15), 1);
    cairo_fill(cr);
}
/* a pop-up canopy (gazebo tent) with text on the valance; yb: front feet */
static void canopy(double x, double yb, double w, double h, col c, const char *text)
{
    double roof = h * 0.22, val = h * 0.14;
    double top = yb - h;
    line(x + w * 0.06, yb - h * 0.06, x + w * 0.06, top + roof, w * 0.008, 0x9aa0a6, 1);
    line(x + w * 0.94, yb - h * 0.06, x + w * 0.94, top + roof, w * 0.008, 0x9aa0a6, 1);
    line(x, yb, x, top + roof, w * 0.012, 0xb7bcc2, 1);
    line(x + w, yb, x + w, top + roof, w * 0.012, 0xb7bcc2, 1);
    cairo_move_to(cr, x - w * 0.02, top + roof);
    cairo_line_to(cr, x + w * 0.3, top);
    cairo_line_to(cr, x + w * 0.7, top);
    cairo_line_to(cr, x + w * 1.02, top + roof);
    cairo_close_path(cr);
    fill_v(top, shade(c, 0.15), top + roof, shade(c, -0.1));
    rect(x - w * 0.02, top + roof, w * 1.04, val);
    fill_v(top + roof, c, top + roof + val, shade(c, -0.15));
    text_box(text, SANS, x + w * 0.04, top + roof + val * 0.05, w * 0.92, val * 0.9, 0xffffff, 0);
    soft_shadow(x + w / 2, yb, w * 0.6, w * 0.05, 0.18);
}

/* ---------------------------------------------------------------- buildings */

static void windows_grid(double x, double y, double w, double h, int cols, int rows, col frame, col glass)
{
    double cw = w / cols, rh = h / rows;
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) {
            double wx = x + c * cw + cw * 0.15, wy = y + r * rh + rh * 0.18, ww = cw * 0.7, wh = rh * 0.6;
            rect(wx - cw * 0.03, wy - cw * 0.03, ww + cw * 0.06, wh + cw * 0.06);
            hex(frame, 1);
            cairo_fill(cr);
            rect(wx, wy, ww, wh);
            cairo_pattern_t *p = cairo_pattern_create_linear(wx, wy, wx + ww * 0.6, wy + wh);
            col g = jitter(glass, 0.1);
            stop(p, 0, shade(g, 0.35), 1);
            stop(p, 0.45, g, 1);
            stop(p, 1, shade(g, -0.3), 1);
            fill_pat(p);
            if (rf() < 0.3) {  /* a curtain */
                rect(wx + (rf() < 0.5 ? 0 : ww * 0.6), wy, ww * 0.4, wh);
                hex(rf() < 0.5 ? 0xe8e0cc : 0xc9d6dc, 0.75);
                cairo_fill(cr);
            }
            line(wx + ww / 2, wy, wx + ww / 2, wy + wh, cw * 0.025, frame, 1);
        }
}
/* a modern public building seen from the front: base on yb, w×h, floors;
 * sign in red characters on the top band, or NULL */
static void building(double x, double yb, double w, double h, int floors, col wall, col glass, const char *sign)
{
    double top = yb - h, fh = h * 0.86 / floors;
    soft_shadow(x + w / 2, yb, w * 0.6, h * 0.03, 0.3);
    /* side face for depth */
    double side = w * 0.07;
    cairo_move_to(cr, x + w, yb);
    cairo_line_to(cr, x + w + side, yb - h * 0.03);
    cairo_line_to(cr, x + w + side, top + h * 0.01);
    cairo_line_to(cr, x + w, top);
    cairo_close_path(cr);
    fill_v(top, shade(wall, -0.3), yb, shade(wall, -0.45));
    rect(x, top, w, h);
    cairo_pattern_t *p = cairo_pattern_create_linear(x, top, x + w, yb);
    stop(p, 0, shade(wall, 0.08), 1);
    stop(p, 1, shade(wall, -0.12), 1);
    fill_pat(p);
    /* stains near the ground */
    rect(x, yb - h * 0.05, w, h * 0.05);
    fill_v(yb - h * 0.05, shade(wall, -0.05), yb, shade(wall, -0.3));
    /* parapet */
    rect(x - w * 0.01, top - h * 0.02, w * 1.02, h * 0.035);
    hex(shade(wall, -0.2), 1);
    cairo_fill(cr);
    double band = h * 0.14 - h * 0.02;
    double gy = yb - fh * 1.15;  /* ground floor */
    windows_grid(x + w * 0.04, top + band, w * 0.92, gy - top - band, (int)(w / fh * 0.9), floors - 1, shade(wall, -0.35),
                 glass);
    /* ground floor: glass front and entrance canopy */
    rect(x + w * 0.04, gy + fh * 0.1, w * 0.92, fh * 1.0);
    cairo_pattern_t *g = cairo_pattern_create_linear(x, gy, x + w, yb);
    stop(g, 0, shade(glass, 0.25), 1);
    stop(g, 0.5, shade(glass, -0.2), 1);
    stop(g, 1, shade(glass, 0.05), 1);
    fill_pat(g);
    for (int k = 0; k <= 10; k++) line(x + w * 0.04 + w * 0.92 * k / 10, gy + fh * 0.1, x + w * 0.04 + w * 0.92 * k / 10, yb, w * 0.006, 0x4a4f55, 1);
    rect(x + w * 0.32, gy - fh * 0.05, w * 0.36, fh * 0.16);
    fill_v(gy - fh * 0.05, 0xb0b4b8, gy + fh * 0.11, 0x6a6e72);
    if (sign) {
        rect(x + w * 0.1, top + band * 0.12, w * 0.8, band * 0.76);
        hex(0xf4f1ea, 0.9);
        cairo_fill(cr);
        text_box(sign, SERIF, x + w * 0.12, top + band * 0.14, w * 0.76, band * 0.72, 0xc4161c, 0);
    }
}
/* a Zhejiang village house: white walls, grey tile roof; horse = stepped gables */
static void house(double x, double yb, double w, double h, int floors, col wall, int horse)
{
    double top = yb - h;
    soft_shadow(x + w / 2, yb, w * 0.6, h * 0.03, 0.25);
    rect(x, top, w, h);
    fill_v(top, shade(wall, 0.05), yb, shade(wall, -0.12));
    for (int k = 0; k < 6; k++) {  /* rain streaks */
        double sx = x + rr(0, w);
        rect(sx, top + h * 0.05, w * rr(0.01, 0.04), h * rr(0.2, 0.6));
        hex(0x6b6458, 0.05);
        cairo_fill(cr);
    }
    rect(x, yb - h * 0.08, w, h * 0.08);
    hex(shade(wall, -0.35), 0.6);
    cairo_fill(cr);
    col tile = 0x3f444a;
    if (horse) {
        double cap = h * 0.05;
        rect(x - w * 0.01, top - cap, w * 1.02, cap);
        hex(tile, 1);
        cairo_fill(cr);
        for (int s = 0; s < 2; s++) {  /* stepped gables at both ends */
            double gx = s ? x + w - w * 0.16 : x;
            for (int k = 0; k < 2; k++) {
                double sy = top - cap - h * 0.12 * (k + 1), sx = s ? gx + w * 0.06 * k : gx;
                rect(sx, sy, w * 0.16 - w * 0.06 * k, h * 0.12 + 1);
                hex(wall, 1);
                cairo_fill(cr);
                rect(sx - w * 0.015, sy - cap * 0.7, w * 0.16 - w * 0.06 * k + w * 0.03, cap * 0.7);
                hex(tile, 1);
                cairo_fill(cr);
            }
        }
    } else {
        double rh = h * 0.22;
        cairo_move_to(cr, x - w * 0.06, top + rh * 0.15);
        cairo_line_to(cr, x + w * 0.12, top - rh);
        cairo_line_to(cr, x + w * 0.88, top - rh);
        cairo_line_to(cr, x + w * 1.06, top + rh * 0.15);
        cairo_close_path(cr);
        fill_v(top - rh, shade(tile, 0.1), top + rh * 0.15, shade(tile, -0.2));
        for (double tx = x; tx < x + w; tx += w * 0.015) line(tx, top - rh * 0.9, tx + (tx - x - w / 2) * 0.05, top + rh * 0.1, w * 0.003, 0x2a2e33, 0.5);
        rect(x - w * 0.06, top + rh * 0.1, w * 1.12, rh * 0.08);
        hex(0x2a2d31, 1);
        cairo_fill(cr);
    }
    double fh = h / floors;
    for (int f = 0; f < floors; f++) {
        double fy = top + f * fh;
        int nwin = w > 5 * fh ? 4 : 3;
        for (int k = 0; k < nwin; k++) {
            double wx = x + w * (k + 0.5) / nwin - fh * 0.22, wy = fy + fh * 0.25;
            if (f == floors - 1 && k == nwin / 2) {  /* door */
                rect(wx - fh * 0.05, yb - fh * 0.78, fh * 0.54, fh * 0.78);
                fill_v(yb - fh * 0.78, 0x5a3b26, yb, 0x3a2516);
                continue;
            }
            rect(wx, wy, fh * 0.44, fh * 0.48);
            hex(0x6b5138, 1);
            cairo_fill(cr);
            rect(wx + fh * 0.03, wy + fh * 0.03, fh * 0.38, fh * 0.42);
            fill_v(wy, 0x8fa4b2, wy + fh * 0.45, 0x3a4650);
            line(wx + fh * 0.22, wy, wx + fh * 0.22, wy + fh * 0.48, fh * 0.02, 0x6b5138, 1);
        }
    }
}
/* a city tower block; grid of windows, balconies if residential */
static void tower(double x, double yb, double w, double h, col wall, col glass, int resid)
{
    rect(x, yb - h, w, h);
    cairo_pattern_t *p = cairo_pattern_create_linear(x, 0, x + w, 0);
    stop(p, 0, shade(wall, 0.06), 1);
    stop(p, 1, shade(wall, -0.15), 1);
    fill_pat(p);
    double fh = w / (resid ? 4.2 : 5.5);
    int floors = (int)(h / fh);
    for (int f = 0; f < floors; f++) {
        double fy = yb - h + f * fh + fh * 0.2;
        for (int c = 0; c < (resid ? 3 : 5); c++) {
            double cw = w / (resid ? 3 : 5);
            rect(x + c * cw + cw * 0.12, fy, cw * 0.76, fh * 0.55);
            hex(jitter(glass, 0.1), 1);
            cairo_fill(cr);
            if (resid) {
                rect(x + c * cw + cw * 0.08, fy + fh * 0.55, cw * 0.84, fh * 0.08);
                hex(shade(wall, 0.15), 1);
                cairo_fill(cr);
            }
        }
    }
}
static void skyline(double yb, double hmax, col c, double x0, double x1, int resid)
{
    for (double x = x0; x < x1;) {
        double w = hmax * rr(0.18, 0.35), h = hmax * rr(0.35, 1.0);
        tower(x, yb, w, h, jitter(c, 0.05), mix(c, 0x6f8aa0, 0.5), resid);
        x += w + hmax * rr(0.02, 0.15);
    }
}

/* ---------------------------------------------------------------- water and fields */

static void water(double y0, double y1, col far, col near)
{
    rect(0, y0, W, y1 - y0);
    fill_v(y0, far, y1, near);
    for (int i = 0; i < 600; i++) {
        double t = rf(), y = y0 + (y1 - y0) * t * t;
        double d = (y - y0) / (y1 - y0) + 0.05;
        double len = rr(40, 220) * S * d * 2;
        double x = rr(-100, W);
        line(x, y, x + len, y, 3 * S * d, rf() < 0.6 ? 0xffffff : 0x203040, rr(0.05, 0.18));
    }
}
/* mirrors the picture above y1 (a band y1 - span .. y1) into the water below y1 */
static double K = 1;  /* device pixels per drawing unit (preview scale) */
static cairo_surface_t *SURF;  /* the surface being drawn */
static void reflect(double y1, double span, double a)
{
    cairo_surface_t *surf = SURF;
    cairo_surface_flush(surf);
    int bw = (int)ceil(W * K), by0 = (int)floor((y1 - span) * K), bh = (int)ceil(span * K);
    if (by0 < 0) { bh += by0; by0 = 0; }
    cairo_surface_t *band = cairo_image_surface_create(CAIRO_FORMAT_RGB24, bw, bh);
    cairo_t *c2 = cairo_create(band);
    cairo_set_source_surface(c2, surf, 0, -by0);
    cairo_paint(c2);
    cairo_destroy(c2);
    cairo_save(cr);
    rect(0, y1, W, span);
    cairo_clip(cr);
    cairo_pattern_t *p = cairo_pattern_create_for_surface(band);
    cairo_matrix_t mm;  /* user (x, y) → band pixel (K x, K (2 y1 - y) - by0) */
    cairo_matrix_init(&mm, K, 0, 0, -K, 0, 2 * K * y1 - by0);
    cairo_pattern_set_matrix(p, &mm);
    cairo_set_source(cr, p);
    cairo_paint_with_alpha(cr, a);
    cairo_pattern_destroy(p);
    cairo_restore(cr);
    cairo_surface_destroy(band);
}
/* crop rows running away from the viewer, converging at (vx, HZ) */
static void rows(double y0, double y1, double vx, double spacing_m, col a, col b)
{
    cairo_save(cr);
    rect(0, y0, W, y1 - y0);
    cairo_clip(cr);
    for (double xm = -80; xm <= 80; xm += spacing_m) {
        double yb = H * 1.4;
        double xl = vx + xm * ppm(yb), xr = vx + (xm + spacing_m * 0.55) * ppm(yb);
        cairo_move_to(cr, vx + xm * 0.002, HZ);
        cairo_line_to(cr, xl, yb);
        cairo_line_to(cr, xr, yb);
        cairo_close_path(cr);
        fill_v(y0, a, y1, b);
    }
    cairo_restore(cr);
}
static void flowers(double y0, double y1, int n, col c)
{
    for (int i = 0; i < n; i++) {
        double t = rf(), y = y0 + (y1 - y0) * t * t;
        double d = (y - HZ) / (H - HZ);
        double r = 14 * S * d * rr(0.6, 1.4);
        ellipse(rr(-20, W + 20), y, r, r * 0.7);
        hex(jitter(c, 0.15), rr(0.7, 1));
        cairo_fill(cr);
    }
}
static void lotus(double y0, double y1, int n)
{
    for (int i = 0; i < n; i++) {
        double t = rf(), y = y0 + (y1 - y0) * sqrt(t);
        double d = (y - HZ) / (H - HZ);
        double r = 120 * S * d * rr(0.6, 1.3), x = rr(-50, W + 50);
        if (rf() < 0.5) line(x, y, x + rr(-r, r) * 0.2, y + r * 1.4, r * 0.05, 0x3d6b2c, 1);
        cairo_pattern_t *p = cairo_pattern_create_radial(x, y, r * 0.05, x, y, r);
        col g = jitter(0x4f8a3a, 0.12);
        stop(p, 0, shade(g, -0.3), 1);
        stop(p, 0.4, g, 1);
        stop(p, 1, shade(g, 0.2), 1);
        ellipse(x, y, r, r * 0.38);
        fill_pat(p);
        if (rf() < 0.12) {  /* a flower */
            double fx = x + r * 0.3, fy = y - r * 0.9;
            line(fx, fy, x, y, r * 0.04, 0x3d6b2c, 1);
            for (int k = 0; k < 5; k++) {
                double ang = -M_PI / 2 + (k - 2) * 0.45;
                cairo_save(cr);
                cairo_translate(cr, fx, fy);
                cairo_rotate(cr, ang + M_PI / 2);
                ellipse(0, -r * 0.18, r * 0.1, r * 0.22);
                cairo_restore(cr);
                hex(k == 2 ? 0xf7c6d3 : 0xe58aa5, 1);
                cairo_fill(cr);
            }
        }
    }
}
static void reeds(double y0, double y1, int n)
{
    for (int i = 0; i < n; i++) {
        double t = rf(), y = y0 + (y1 - y0) * t;
        double d = (y - HZ) / (H - HZ);
        double h = 260 * S * d * rr(0.6, 1.4), x = rr(-20, W + 20), lean = rr(-0.25, 0.25) * h;
        cairo_move_to(cr, x, y);
        cairo_curve_to(cr, x, y - h * 0.5, x + lean * 0.5, y - h * 0.8, x + lean, y - h);
        cairo_set_line_width(cr, 5 * S * d + 1);
        hex(jitter(rf() < 0.5 ? 0x8a9a4a : 0x6f8a3c, 0.12), 0.9);
        cairo_stroke(cr);
        if (rf() < 0.3) {
            ellipse(x + lean, y - h, 6 * S * d + 1, 28 * S * d + 2);
            hex(0xc9b27a, 0.9);
            cairo_fill(cr);
        }
    }
}

/* ---------------------------------------------------------------- rooms */

static double VX, VY, RB;  /* vanishing point and back-wall scale of a room */
/* a point of the picture plane (x, y) moved back to depth scale s (RB..1) */
static double px_(double x, double s) { return VX + (x - VX) * s; }
static double py_(double y, double s) { return VY + (y - VY) * s; }

static void room(double vx, double vy, double rb, col wall, col side, col floor, col ceil)
{
    VX = vx; VY = vy; RB = rb;
    double bx0 = px_(0, rb), bx1 = px_(W, rb), by0 = py_(0, rb), by1 = py_(H, rb);
    cairo_move_to(cr, 0, 0); cairo_line_to(cr, W, 0); cairo_line_to(cr, bx1, by0); cairo_line_to(cr, bx0, by0);
    cairo_close_path(cr);
    fill_v(0, shade(ceil, -0.1), by0, ceil);
    cairo_move_to(cr, 0, H); cairo_line_to(cr, W, H); cairo_line_to(cr, bx1, by1); cairo_line_to(cr, bx0, by1);
    cairo_close_path(cr);
    fill_v(by1, shade(floor, 0.05), H, shade(floor, -0.15));
    cairo_move_to(cr, 0, 0); cairo_line_to(cr, bx0, by0); cairo_line_to(cr, bx0, by1); cairo_line_to(cr, 0, H);
    cairo_close_path(cr);
    fill_h(0, shade(side, -0.1), bx0, side);
    cairo_move_to(cr, W, 0); cairo_line_to(cr, bx1, by0); cairo_line_to(cr, bx1, by1); cairo_line_to(cr, W, H);
    cairo_close_path(cr);
    fill_h(bx1, side, W, shade(side, -0.18));
    rect(bx0, by0, bx1 - bx0, by1 - by0);
    fill_v(by0, shade(wall, 0.05), by1, shade(wall, -0.08));
    /* floor joints */
    for (double s = rb; s < 1; s *= 1.12) line(px_(0, s), py_(H, s), px_(W, s), py_(H, s), 2 * S, shade(floor, -0.2), 0.35);
    for (int k = 0; k <= 16; k++) {
        double x = -W + 3 * W * k / 16.0;
        line(px_(x, rb), py_(H, rb), x, H, 2 * S, shade(floor, -0.2), 0.35);
    }
    /* skirting */
    line(bx0, by1, bx1, by1, 10 * S * rb, shade(wall, -0.4), 1);
}
/* a light panel on the ceiling at depth s */
static void ceiling_lights(int cols, double s0, double s1, int rowsn)
{
    for (int r = 0; r < rowsn; r++) {
        double s = s0 + (s1 - s0) * r / (rowsn - 1.0), s2 = s * 1.05;
        for (int c = 0; c < cols; c++) {
            double x = W * (c + 0.5) / cols, w = W * 0.06;
            cairo_move_to(cr, px_(x - w, s), py_(0, s));
            cairo_line_to(cr, px_(x + w, s), py_(0, s));
            cairo_line_to(cr, px_(x + w, s2), py_(0, s2));
            cairo_line_to(cr, px_(x - w, s2), py_(0, s2));
            cairo_close_path(cr);
            hex(0xfffdf4, 0.95);
            cairo_fill(cr);
        }
    }
}
/* windows on the left wall between depths s0..s1, y from wy0 to wy1 (picture-plane heights) */
static void side_windows(double s0, double s1, int n, double wy0, double wy1, int right)
{
    double X = right ? W : 0;
    for (int k = 0; k < n; k++) {
        double a = s0 + (s1 - s0) * (k + 0.15) / n, b = s0 + (s1 - s0) * (k + 0.85) / n;
        cairo_move_to(cr, px_(X, a), py_(wy0, a));
        cairo_line_to(cr, px_(X, b), py_(wy0, b));
        cairo_line_to(cr, px_(X, b), py_(wy1, b));
        cairo_line_to(cr, px_(X, a), py_(wy1, a));
        cairo_close_path(cr);
        fill_v(py_(wy0, b), 0xeef4f7, py_(wy1, b), 0xb9d0dc);
        line(px_(X, (a + b) / 2), py_(wy0, (a + b) / 2), px_(X, (a + b) / 2), py_(wy1, (a + b) / 2), 8 * S * b, 0x8a8f93, 1);
    }
}
static void bookshelf(double x, double y, double w, double h, int shelves)
{
    rect(x, y, w, h);
    hex(0x7a5535, 1);
    cairo_fill(cr);
    double sh = h / shelves;
    for (int s = 0; s < shelves; s++) {
        double sy = y + s * sh;
        rect(x + w * 0.02, sy + sh * 0.06, w * 0.96, sh * 0.86);
        hex(0x3d2a1a, 1);
        cairo_fill(cr);
        for (double bx = x + w * 0.025; bx < x + w * 0.97;) {
            double bw = sh * rr(0.06, 0.13), bh = sh * rr(0.6, 0.84);
            if (bx + bw > x + w * 0.975) break;
            static const col bc[] = { 0xb8362f, 0x2f5d8a, 0xe0c26a, 0x3f7a4f, 0xe8e2d2, 0x8a4f7a, 0xd8783a, 0x445566 };
            rect(bx, sy + sh * 0.92 - bh, bw, bh);
            hex(jitter(bc[ri(0, 7)], 0.12), 1);
            cairo_fill(cr);
            if (rf() < 0.5) {
                rect(bx, sy + sh * 0.92 - bh * 0.8, bw, bh * 0.06);
                hex(0xffffff, 0.35);
                cairo_fill(cr);
            }
            bx += bw * 1.08;
            if (rf() < 0.06) bx += sh * 0.3;
        }
    }
}
/* a table top in perspective (picture-plane x0..x1 at height ty, depths s0..s1) */
static void table_persp(double x0, double x1, double ty, double s0, double s1, col top, col leg)
{
    double lh = (H - ty) * 0.75;
    for (int k = 0; k < 4; k++) {
        double s = k < 2 ? s1 : s0, x = k % 2 ? x1 : x0;
        line(px_(x, s), py_(ty, s), px_(x, s), py_(ty + lh, s), 14 * S * s, leg, 1);
    }
    cairo_move_to(cr, px_(x0, s0), py_(ty, s0));
    cairo_line_to(cr, px_(x1, s0), py_(ty, s0));
    cairo_line_to(cr, px_(x1, s1), py_(ty, s1));
    cairo_line_to(cr, px_(x0, s1), py_(ty, s1));
    cairo_close_path(cr);
    fill_v(py_(ty, s0), shade(top, 0.1), py_(ty, s1), top);
    rect(px_(x0, s1), py_(ty, s1), px_(x1, s1) - px_(x0, s1), 24 * S * s1);
    hex(shade(top, -0.3), 1);
    cairo_fill(cr);
}

/* ---------------------------------------------------------------- the photo list */

typedef struct photo photo;
struct photo {
    const char *name;       /* file stem under assets/photos */
    void (*draw)(const photo *);
    int v;                  /* variant of the scene */
    const char *t1, *t2;    /* texts the scene shows (sign, slogan) */
    double lon, lat;        /* where it was "taken" */
    const char *when;       /* DateTimeOriginal */
    int orient;             /* EXIF Orientation: 1, 3, 6 or 8 */
    int shape;              /* 0: 4000×3000 landscape, 1: 3000×4000 portrait, 2: 4000×1500 wide */
    int cam;                /* index into CAMS */
    const char *artist;     /* Artist tag, or NULL */
    const char *creator;    /* XMP dc:creator, or NULL for no XMP packet */
};

static const struct { const char *make, *model, *soft; double f, fnum; int iso; } CAMS[] = {
    { "HUAWEI", "P60 Pro", "P60 Pro 4.0.0.120", 6.9, 1.4, 50 },
    { "Xiaomi", "Xiaomi 13", "V14.0.6.0.TMCCNXM", 5.4, 1.8, 64 },
    { "Apple", "iPhone 14", "17.1.2", 5.7, 1.5, 40 },
    { "OPPO", "Find X6", "ColorOS 13.1", 6.0, 1.8, 100 },
    { "vivo", "X90", "OriginOS 3", 6.1, 1.75, 80 },
};

/* ---------------------------------------------------------------- outdoor scenes */

static void sky_day(void)
{
    int k = ri(0, 2);
    col tops[] = { 0x5b8fc7, 0x7aa6d6, 0x8fb1cf }, bots[] = { 0xd9e7f0, 0xe6eef2, 0xe9ecec };
    sky(tops[k], bots[k], ri(4, 8));
}
static void hills_far(double amp)
{
    ridge(HZ + 5, amp * 1.0, 0x8fa6b4, 0.55, 0.5);
    ridge(HZ + 5, amp * 0.65, 0x6f8f7e, 0.6, 0.35);
}

/* a service centre (village / town / city) on a paved square */
static void sc_centre(const photo *p)
{
    HZ = H * 0.5;
    sky_day();
    hills_far(H * 0.12);
    treeline(HZ + 4, H * 0.06, 0x4f6f45, 0, W);
    ground(0xa7a398, 0x8e887c);
    double yb = Y(36), m = ppm(yb);
    if (p->v == 0) {  /* village: white houses with grey roofs, a red board on the middle one */
        house(W * 0.02, Y(40), ppm(Y(40)) * 10, ppm(Y(40)) * 6.5, 2, 0xe9e6df, 0);
        house(W * 0.7, Y(38), ppm(Y(38)) * 12, ppm(Y(38)) * 7.2, 2, 0xefece4, 1);
        yb = Y(30); m = ppm(yb);
        house(W * 0.26, yb, m * 17, m * 7.5, 2, 0xf1eee7, 1);
        board(W * 0.26 + m * 3.5, yb - m * 5.3, m * 10, m * 1.1, p->t1, 0xb3141b, 0xf6d77a, SERIF);
    } else {
        double bw = m * (p->v == 2 ? 30 : 27);
        building(W * 0.5 - bw / 2 - m * 2, yb, bw, m * (p->v == 2 ? 17.5 : 13.5), p->v == 2 ? 5 : 4,
                 p->v == 2 ? 0xd6d3cd : 0xe8e4dc, 0x6d8ea6, p->t1);
        tree(W * 0.07, Y(32), ppm(Y(32)) * 8, 0x4e7a3a);
    }
    paving(yb, H, W * 0.5, 1.2, 0x6c675e, 0.35);
    speckle(yb, H, 2500, 0x5a554c, 0.25, 7 * S);
    flag(W * 0.12, Y(24), ppm(Y(24)) * 10, 0xd0201c);
    shrubs(Y(20), ppm(Y(20)) * 1.0, 0x4d7a3c, W * 0.3, W * 0.6);
    lamp(W * 0.28, Y(14), ppm(Y(14)) * 4.5);
    if (p->t2) banner_on_poles(W * 0.6, Y(13), ppm(Y(13)) * 5.2, ppm(Y(13)) * 0.75, ppm(Y(13)) * 2.5, p->t2);
    int n = ri(6, 9);
    for (int i = 0; i < n; i++) passerby(rr(0.12, 0.9) * W, Y(rr(6.5, 30)), rf() < 0.2 ? P_VEST : 0);
    tree(W * 0.97, Y(6.5), ppm(Y(6.5)) * 6.5, 0x52803e);
}

/* volunteers at a canopy in a street or square */
static void sc_volunteer(const photo *p)
{
    HZ = H * 0.47;
    sky_day();
    hills_far(H * 0.08);
    ground(0xa9a59b, 0x8b867b);
    double yb = Y(40), m = ppm(yb);
    if (p->v == 1 || p->v == 3) {  /* village */
        for (double x = -W * 0.05; x < W; x += m * rr(11, 15)) house(x, yb, m * rr(9, 12), m * rr(6, 7.5), 2, jitter(0xeeeae2, 0.03), rf() < 0.5);
    } else {
        skyline(yb, H * 0.3, 0xcfc9bf, -W * 0.05, W * 1.05, 1);
        treeline(yb, H * 0.07, 0x4a6e40, 0, W);
    }
    paving(yb, H, W * 0.45, 1.0, 0x6d685f, 0.3);
    speckle(yb, H, 2500, 0x56514a, 0.25, 7 * S);
    tree(W * 0.9, Y(22), ppm(Y(22)) * 7, 0x4c7a3b);
    double cy = Y(12), cm = ppm(cy);
    col c = p->v == 1 ? 0x2f72b8 : 0xc4161c;
    int flag_ = p->v == 1 ? P_WHITE : P_VEST;
    canopy(W * 0.1, cy, cm * 5.5, cm * 3.1, c, p->t1);
    for (int k = 0; k < 3; k++) person(W * 0.1 + cm * (1.1 + k * 1.7), Y(12.8), ppm(Y(12.8)) * 1.68, any_shirt(), any_pants(), flag_ | (k == 1 ? P_SKIRT : 0));
    table(W * 0.1 + cm * 0.4, Y(11.6), ppm(Y(11.6)) * 4.6, p->v == 1 ? 0xf2f2f2 : 0xc8161d);
    /* a queue of residents, slanting towards the viewer */
    for (int k = 0; k < 4; k++) {
        double d = 10.2 - k * 1.1;
        passerby(W * 0.1 + cm * 2.6 + ppm(Y(d)) * (0.6 + k * 0.7), Y(d), k % 2 ? P_ELDER : 0);
    }
    if (p->t2) board_posts(W * 0.66, Y(10), ppm(Y(10)) * 2.6, ppm(Y(10)) * 1.5, ppm(Y(10)) * 0.6, p->t2, 0xf4efe4, 0xb3141b);
    for (int k = 0; k < 3; k++) passerby(W * rr(0.6, 0.95), Y(rr(14, 30)), k == 0 ? P_VEST : 0);
}

/* a park by a river or lake: 0 town on the far bank, 1 a lake in the hills,
 * 2 a village river, 3 new towers on the far bank */
static void sc_park(const photo *p)
{
    HZ = H * 0.42;
    sky_day();
    double shore = HZ + H * 0.012;
    ridge(shore, H * 0.16, 0x90a5b5, 0.55, 0.55);
    if (p->v != 1) ridge(shore, H * 0.08, 0x6e8c7c, 0.6, 0.4);
    if (p->v == 0 || p->v == 3) skyline(shore, H * (p->v == 3 ? 0.26 : 0.16), 0xd5d0c7, W * 0.05, W * 0.95, p->v == 3);
    treeline(shore, H * 0.025, 0x5b7a52, 0, W);
    double wend = Y(20);
    water(shore, wend, 0x9fb6c2, 0x6f8ea0);
    reflect(shore, shore - HZ + H * 0.12, 0.28);
    /* the near bank: an embankment, a path, grass */
    rect(0, wend, W, H - wend);
    fill_v(wend, 0x7d9757, H, 0x5a7a3e);
    rect(0, wend, W, H * 0.012);
    hex(0xb8b2a4, 1);
    cairo_fill(cr);
    speckle(wend, H, 3000, 0x3f5f2c, 0.35, 9 * S);
    double py0 = Y(12), py1 = Y(7);
    rect(0, py0, W, py1 - py0);
    fill_v(py0, 0xc2b9a8, py1, 0xb0a692);
    paving(py0, py1, W * 0.5, 0.6, 0x847b6a, 0.4);
    railing(0, W, Y(19), ppm(Y(19)) * 1.0, 0x8d9095);
    for (int k = 0; k < 4; k++) {
        double d = rr(16, 19);
        tree(W * (0.06 + 0.3 * k) + rr(-80, 80) * S, Y(d), ppm(Y(d)) * rr(5.5, 7.5), 0x5b8a40);
    }
    bench(W * 0.4, Y(11.8), ppm(Y(11.8)) * 1.8);
    lamp(W * 0.6, Y(12.2), ppm(Y(12.2)) * 4);
    if (p->t2) {  /* a low red wall with a slogan */
        double wy = Y(10.5), wm = ppm(wy);
        soft_shadow(W * 0.04 + wm * 2, wy, wm * 2.6, wm * 0.25, 0.3);
        rect(W * 0.04, wy - wm * 1.2, wm * 4.2, wm * 1.2);
        fill_v(wy - wm * 1.2, 0xc21a1f, wy, 0x8e1216);
        text_box(p->t2, SERIF, W * 0.04 + wm * 0.25, wy - wm * 1.1, wm * 3.7, wm * 1.0, 0xf6d77a, 0);
    }
    for (int k = 0; k < 6; k++) passerby(rr(p->t2 ? 0.4 : 0.08, 0.92) * W, Y(rr(7.5, 12)), rf() < 0.2 ? P_VEST : 0);
    /* a flower bed in front */
    double fb = Y(4.2);
    rect(0, fb, W, H - fb);
    fill_v(fb, 0x6a8a45, H, 0x4f6e33);
    shrubs(Y(4.6), ppm(Y(4.6)) * 0.5, 0x4a7a36, -W * 0.05, W * 1.05);
    flowers(Y(4.8), H, 700, 0xe0455a);
    flowers(Y(4.8), H, 400, 0xf2c84a);
    if (p->t1) board_posts(W * 0.68, Y(6.2), ppm(Y(6.2)) * 2.3, ppm(Y(6.2)) * 0.85, ppm(Y(6.2)) * 0.8, p->t1, 0xb3141b, 0xf6d77a);
}

/* fields: 0 flower sea, 1 greenhouses, 2 ripe paddy, 3 herb rows, 4 orchard */
static void sc_fields(const photo *p)
{
    CAMH = 2.6;
    HZ = H * 0.4;
    sky_day();
    ridge(HZ + 4, H * 0.14, 0x8ea3b0, 0.55, 0.5);
    ridge(HZ + 4, H * 0.08, 0x5f8466, 0.6, 0.3);
    double vy = HZ + H * 0.015, m = ppm(vy);
    for (double x = W * 0.55; x < W * 0.9; x += m * rr(11, 14)) house(x, vy, m * 9, m * 6, 2, 0xeeebe3, rf() < 0.4);
    for (int k = 0; k < 5; k++) conifer(W * rr(0.02, 0.5), vy, m * rr(8, 12), 0x3f6a3a);
    treeline(vy, H * 0.03, 0x4f7343, 0, W * 0.55);
    col a, b, f = 0;
    switch (p->v) {
    case 0: a = 0x6d8f3a; b = 0x4f7a2c; f = 0xe76a9a; break;
    case 1: a = 0x6a9a44; b = 0x3f7530; break;
    case 2: a = 0xc9a94a; b = 0xb08a2e; break;
    case 3: a = 0x5c8a3e; b = 0x3d6a2a; break;
    default: a = 0x6c8f40; b = 0x4d7530; break;
    }
    ground(shade(a, 0.1), b);
    rows(vy, H, W * 0.4, 1.6, shade(b, -0.15), shade(b, -0.3));
    if (f) {
        flowers(vy, H, 2200, f);
        flowers(vy, H, 1100, 0xf3d64a);
        flowers(vy, H, 500, 0xf4f0f2);
    } else if (p->v == 2) {
        speckle(vy, H, 9000, 0xe0c060, 0.6, 10 * S);
    } else {
        speckle(vy, H, 6000, shade(a, 0.25), 0.6, 12 * S);
    }
    if (p->v == 1) {  /* greenhouses */
        for (int k = 0; k < 4; k++) {
            double gy = vy + H * (0.03 + k * 0.012), gm = ppm(gy), gx = W * (0.02 + k * 0.12);
            cairo_move_to(cr, gx, gy);
            cairo_curve_to(cr, gx, gy - gm * 3.5, gx + gm * 8, gy - gm * 3.5, gx + gm * 8, gy);
            cairo_close_path(cr);
            fill_v(gy - gm * 3, 0xeef3f2, gy, 0xb9c9c6);
            for (int r = 1; r < 8; r++) line(gx + gm * r, gy - gm * 3.0 * sin(M_PI * r / 8), gx + gm * r, gy, 3 * S, 0x8a9a98, 0.6);
        }
    }
    if (p->v == 4) for (int k = 0; k < 14; k++) {
            double ty = Y(60 / (1 + k * 0.5));
            double tx = fmod(W * 0.1 + k * W * 0.37, W * 0.9);
            tree(tx, ty, ppm(ty) * 3.2, 0x4f8a36);
            for (int o = 0; o < 6; o++) {
                ellipse(tx + rr(-0.25, 0.25) * ppm(ty) * 3.2, ty - ppm(ty) * rr(1.6, 2.6), ppm(ty) * 0.1, ppm(ty) * 0.1);
                hex(0xf08a1e, 1);
                cairo_fill(cr);
            }
        }
    /* a field path */
    double vx = W * 0.4;
    cairo_move_to(cr, vx - 8, vy);
    cairo_line_to(cr, vx + 8, vy);
    cairo_line_to(cr, vx + ppm(H) * 1.1, H);
    cairo_line_to(cr, vx - ppm(H) * 1.1, H);
    cairo_close_path(cr);
    fill_v(vy, 0xb9ad92, H, 0xa39479);
    speckle(vy, H, 600, 0x7a6f5c, 0.4, 8 * S);
    if (p->t1) board_posts(W * 0.6, Y(16), ppm(Y(16)) * 3.2, ppm(Y(16)) * 1.1, ppm(Y(16)) * 0.8, p->t1, 0xf4efe4, 0xb3141b);
    if (p->t2) banner_on_poles(W * 0.06, Y(24), ppm(Y(24)) * 5.5, ppm(Y(24)) * 0.75, ppm(Y(24)) * 2.4, p->t2);
    for (int k = 0; k < 4; k++) {
        double y = Y(rr(9, 30));
        person(vx + (k % 2 ? 1 : -1) * ppm(y) * rr(1.5, 3.5), y, ppm(y) * 1.7, any_shirt(), any_pants(),
               k == 0 ? P_CAP : k == 1 ? P_VEST : 0);
    }
    CAMH = 1.6;
}

/* a pavilion (亭) with red pillars and a dark upturned roof */
static void pavilion(double x, double yb, double w)
{
    double h = w * 0.95;
    soft_shadow(x + w / 2, yb, w * 0.65, w * 0.05, 0.3);
    for (int k = 0; k < 4; k++) {
        double px = x + w * (0.08 + 0.28 * k);
        rect(px, yb - h * 0.62, w * 0.045, h * 0.62);
        fill_h(px, 0xb0261e, px + w * 0.045, 0x6e1410);
    }
    rect(x + w * 0.02, yb - h * 0.66, w * 0.96, h * 0.06);
    hex(0x5a3626, 1);
    cairo_fill(cr);
    double ry = yb - h * 0.64;
    cairo_move_to(cr, x - w * 0.22, ry - h * 0.1);
    cairo_curve_to(cr, x, ry - h * 0.05, x + w * 0.25, ry - h * 0.2, x + w * 0.4, ry - h * 0.38);
    cairo_line_to(cr, x + w * 0.6, ry - h * 0.38);
    cairo_curve_to(cr, x + w * 0.75, ry - h * 0.2, x + w, ry - h * 0.05, x + w * 1.22, ry - h * 0.1);
    cairo_curve_to(cr, x + w, ry + h * 0.02, x, ry + h * 0.02, x - w * 0.22, ry - h * 0.1);
    cairo_close_path(cr);
    fill_v(ry - h * 0.38, 0x4a4f55, ry, 0x2a2d31);
    ellipse(x + w / 2, ry - h * 0.41, w * 0.04, w * 0.05);
    hex(0x2a2d31, 1);
    cairo_fill(cr);
}
/* a lotus pond (v 0) or a reed wetland (v 1) with a boardwalk */
static void sc_pond(const photo *p)
{
    HZ = H * 0.4;
    sky_day();
    double shore = HZ + H * 0.02;
    ridge(shore, H * 0.13, 0x8ea4b4, 0.55, 0.55);
    treeline(shore, H * 0.05, 0x4f7045, 0, W);
    double m = ppm(shore);
    if (p->v == 0) house(W * 0.7, shore, m * 14, m * 7, 2, 0xeeebe3, 1);
    pavilion(W * 0.2, shore + H * 0.01, ppm(shore + H * 0.01) * 6);
    water(shore, H, 0xa8bdc6, 0x6f8c98);
    reflect(shore, H * 0.16, 0.3);
    if (p->v == 0) lotus(shore + H * 0.02, H, 1400);
    else reeds(shore + H * 0.02, H, 1500);
    /* a zigzag boardwalk */
    double pts[][2] = { { 0.15, 0.5 }, { 0.45, 0.62 }, { 0.3, 0.8 }, { 0.6, 1.05 } };
    for (int k = 0; k < 3; k++) {
        double x0 = W * pts[k][0], y0 = H * pts[k][1], x1 = W * pts[k + 1][0], y1 = H * pts[k + 1][1];
        double w0 = ppm(y0) * 1.1, w1 = ppm(y1) * 1.1;
        cairo_move_to(cr, x0 - w0, y0);
        cairo_line_to(cr, x0 + w0, y0);
        cairo_line_to(cr, x1 + w1, y1);
        cairo_line_to(cr, x1 - w1, y1);
        cairo_close_path(cr);
        fill_v(y0, 0xa77d55, y1, 0x8a6240);
        for (double t = 0; t < 1; t += 0.04) {
            double y = y0 + (y1 - y0) * t, x = x0 + (x1 - x0) * t, w = w0 + (w1 - w0) * t;
            line(x - w, y, x + w, y, 3 * S * (y - HZ) / (H - HZ), 0x5a3d25, 0.5);
        }
        line(x0 - w0, y0 - ppm(y0) * 0.9, x1 - w1, y1 - ppm(y1) * 0.9, 8 * S * (y1 - HZ) / (H - HZ), 0x6a4a30, 1);
        line(x0 + w0, y0 - ppm(y0) * 0.9, x1 + w1, y1 - ppm(y1) * 0.9, 8 * S * (y1 - HZ) / (H - HZ), 0x6a4a30, 1);
    }
    for (int k = 0; k < 3; k++) {
        double t = rr(0.1, 0.9);
        double y = H * (pts[0][1] + (pts[1][1] - pts[0][1]) * t), x = W * (pts[0][0] + (pts[1][0] - pts[0][0]) * t);
        passerby(x + rr(-0.4, 0.4) * ppm(y), y, k == 0 ? P_VEST : 0);
    }
    if (p->t1) board_posts(W * 0.68, Y(9), ppm(Y(9)) * 2.6, ppm(Y(9)) * 0.9, ppm(Y(9)) * 0.9, p->t1, 0xb3141b, 0xf6d77a);
}

/* 0: an old stone road up a hillside to a red post; 1: a rural road with road workers */
static void sc_road(const photo *p)
{
    HZ = H * (p->v == 0 ? 0.34 : 0.42);
    sky_day();
    ridge(HZ + 4, H * 0.22, 0x8aa0af, 0.6, 0.5);
    ridge(HZ + H * 0.03, H * 0.18, 0x5d7f62, 0.6, 0.3);
    ridge(HZ + H * 0.1, H * 0.14, 0x4d6e45, 0.62, 0.2);
    ground(0x56733f, 0x45612f);
    speckle(HZ + H * 0.1, H, 5000, 0x2f4a22, 0.35, 14 * S);
    if (p->v == 0) {
        /* a winding path of stone slabs from the foot of the frame up to a post */
#define LAT(d) (W * 0.5 + (2.6 * sin((d) / 7.0) - 0.8) * ppm(Y(d)))
        for (int k = 0; k < 14; k++) {
            double d = rr(35, 90);
            conifer(W * rr(0, 1), Y(d), ppm(Y(d)) * rr(9, 14), 0x3a6236);
        }
        double hd = 42, hy = Y(hd), hm = ppm(hy), hx = LAT(hd) + hm * 1.5;
        house(hx, hy, hm * 8, hm * 4.2, 1, 0xd9c9a8, 1);
        board(hx + hm * 1.5, hy - hm * 3.4, hm * 5, hm * 0.8, p->t1, 0xb3141b, 0xf6d77a, SERIF);
        flag(hx - hm * 0.5, hy + 2, hm * 6, 0xd0201c);
        for (double d = 60; d > 2.6; d *= 0.985) {
            double y = Y(d), m = ppm(y), x = LAT(d), w = m * 0.8;
            double sl = m * rr(0.18, 0.3);
            rrect(x - w, y - sl, w * rr(0.9, 1.05), sl * 0.9, sl * 0.25);
            hex(jitter(0x9a958a, 0.12), 1);
            cairo_fill(cr);
            rrect(x + w * rr(-0.05, 0.05), y - sl, w * rr(0.9, 1.0), sl * 0.9, sl * 0.25);
            hex(jitter(0x8e897e, 0.12), 1);
            cairo_fill(cr);
        }
        for (int k = 0; k < 8; k++) {
            double d = rr(9, 40), side = k % 2 ? 1 : -1;
            tree(LAT(d) + side * ppm(Y(d)) * rr(3, 7), Y(d), ppm(Y(d)) * rr(7, 11), 0x3f6a30);
        }
        for (int k = 0; k < 3; k++) {
            double d = 9 + k * 7;
            person(LAT(d), Y(d), ppm(Y(d)) * 1.7, any_shirt(), any_pants(), k == 1 ? P_VEST : k == 2 ? P_CAP : 0);
        }
        tree(W * 0.06, Y(5.5), ppm(Y(5.5)) * 8, 0x44702f);
#undef LAT
    } else {
        /* a curving asphalt road */
        double vx = W * 0.62;
        cairo_move_to(cr, vx - 10, HZ + H * 0.08);
        cairo_curve_to(cr, W * 0.4, HZ + H * 0.2, W * 0.2, H * 0.8, -W * 0.1, H);
        cairo_line_to(cr, W * 0.95, H);
        cairo_curve_to(cr, W * 0.7, H * 0.75, W * 0.7, HZ + H * 0.2, vx + 10, HZ + H * 0.08);
        cairo_close_path(cr);
        fill_v(HZ, 0x7a7c7e, H, 0x4d4f52);
        cairo_move_to(cr, vx, HZ + H * 0.08);
        cairo_curve_to(cr, W * 0.55, HZ + H * 0.2, W * 0.45, H * 0.8, W * 0.42, H);
        cairo_set_line_width(cr, 18 * S);
        double dash[] = { 120 * S, 90 * S };
        cairo_set_dash(cr, dash, 2, 0);
        hex(0xf2f0e6, 0.9);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
        double by = Y(30);
        building(W * 0.06, by, ppm(by) * 9, ppm(by) * 4.5, 1, 0xe9e5dc, 0x6d8ea6, NULL);
        board(W * 0.06 + ppm(by) * 1.2, by - ppm(by) * 4.45, ppm(by) * 6.6, ppm(by) * 0.55, p->t1, 0xb3141b, 0xf6d77a, SERIF);
        flag(W * 0.05, by + 3, ppm(by) * 7, 0xd0201c);
        for (int k = 0; k < 4; k++) {
            double y = Y(18 - 2.5 * k);
            person(W * (0.52 + 0.06 * k), y, ppm(y) * 1.72, 0, any_pants(), P_ORANGE | P_HELMET);
        }
        for (int k = 0; k < 6; k++) {  /* traffic cones */
            double y = Y(22 - 2.5 * k), m = ppm(y), x = W * (0.47 + 0.045 * k);
            cairo_move_to(cr, x - m * 0.18, y);
            cairo_line_to(cr, x, y - m * 0.7);
            cairo_line_to(cr, x + m * 0.18, y);
            cairo_close_path(cr);
            hex(0xf06a1a, 1);
            cairo_fill(cr);
            rect(x - m * 0.1, y - m * 0.42, m * 0.2, m * 0.1);
            hex(0xffffff, 1);
            cairo_fill(cr);
        }
        if (p->t2) banner_on_poles(W * 0.7, Y(16), ppm(Y(16)) * 5.4, ppm(Y(16)) * 0.75, ppm(Y(16)) * 2.2, p->t2);
        tree(W * 0.96, Y(7), ppm(Y(7)) * 6, 0x44702f);
    }
}

/* a street in one-point perspective: 0 old street of shops, 1 market stalls */
static void sc_street(const photo *p)
{
    HZ = H * 0.46;
    sky_day();
    double vx = W * 0.52;
    ground(0x9b958a, 0x7a7468);
    paving(HZ, H, vx, 0.5, 0x5e594f, 0.35);
    speckle(HZ, H, 3000, 0x4e4a42, 0.3, 8 * S);
    /* façades: for each side, slabs from far to near */
    for (int side = -1; side <= 1; side += 2) {
        double off = 4.5;  /* metres from the middle of the street */
        for (double d = 60; d > 2; d -= rr(4, 6)) {
            double d2 = d - rr(3.5, 5.5);
            if (d2 < 1.2) d2 = 1.2;
            double yb0 = Y(d), yb1 = Y(d2);
            double x0 = vx + side * off * ppm(yb0), x1 = vx + side * off * ppm(yb1);
            double hgt = p->v == 0 ? 7.5 : 6.0, h0 = hgt * ppm(yb0), h1 = hgt * ppm(yb1);
            col wall = jitter(p->v == 0 ? 0xe8e2d6 : 0xd9d3c8, 0.04);
            cairo_move_to(cr, x0, yb0); cairo_line_to(cr, x1, yb1); cairo_line_to(cr, x1, yb1 - h1); cairo_line_to(cr, x0, yb0 - h0);
            cairo_close_path(cr);
            hex(side < 0 ? wall : shade(wall, -0.08), 1);
            cairo_fill(cr);
            /* shop front (lower 3.2 m) */
            double f0 = 3.2 * ppm(yb0), f1 = 3.2 * ppm(yb1);
            cairo_move_to(cr, x0, yb0); cairo_line_to(cr, x1, yb1); cairo_line_to(cr, x1, yb1 - f1); cairo_line_to(cr, x0, yb0 - f0);
            cairo_close_path(cr);
            hex(p->v == 0 ? jitter(0x6e4a2e, 0.1) : jitter(0x5a6770, 0.1), 1);
            cairo_fill(cr);
            for (int k = 1; k < 5; k++) {  /* door planks */
                double t = k / 5.0, x = x0 + (x1 - x0) * t, y = yb0 + (yb1 - yb0) * t, f = f0 + (f1 - f0) * t;
                line(x, y, x, y - f, 3 * S * (y - HZ) / (H - HZ) + 0.5, 0x3a2618, 0.7);
            }
            /* eaves: a dark band at the top */
            double e0 = 0.35 * ppm(yb0), e1 = 0.35 * ppm(yb1);
            double ex = side * 0.6;
            cairo_move_to(cr, x0, yb0 - h0); cairo_line_to(cr, x1 + ex * ppm(yb1), yb1 - h1); cairo_line_to(cr, x1 + ex * ppm(yb1), yb1 - h1 - e1); cairo_line_to(cr, x0, yb0 - h0 - e0);
            cairo_close_path(cr);
            hex(0x3b4046, 1);
            cairo_fill(cr);
            /* upper windows */
            double t0 = 0.3, t1 = 0.7;
            double wx0 = x0 + (x1 - x0) * t0, wx1 = x0 + (x1 - x0) * t1, wy0 = yb0 + (yb1 - yb0) * t0, wy1 = yb0 + (yb1 - yb0) * t1;
            double m0 = ppm(wy0), m1 = ppm(wy1);
            cairo_move_to(cr, wx0, wy0 - m0 * 4.2); cairo_line_to(cr, wx1, wy1 - m1 * 4.2); cairo_line_to(cr, wx1, wy1 - m1 * 5.8); cairo_line_to(cr, wx0, wy0 - m0 * 5.8);
            cairo_close_path(cr);
            hex(0x4a3a2c, 1);
            cairo_fill(cr);
            if (d2 > 7 && d < 40 && rf() < 0.7) {  /* a shop sign over the front */
                static const char *const names[] = { "杂货店", "老街茶馆", "豆腐坊", "五金", "理发", "粮油", "裁缝铺", "糕点" };
                double sx = x0 + (x1 - x0) * 0.15, sy = yb0 + (yb1 - yb0) * 0.15, sm = ppm(sy);
                double sw = fabs(x1 - x0) * 0.5;
                if (sw > sm * 0.5) {
                    double bx = side < 0 ? sx : sx - sw;
                    rect(bx, sy - sm * 3.9, sw, sm * 0.6);
                    hex(rf() < 0.5 ? 0x2b2b2b : 0x8e1a16, 1);
                    cairo_fill(cr);
                    text_box(names[ri(0, 7)], SERIF, bx, sy - sm * 3.85, sw, sm * 0.5, 0xf1d27a, 0);
                }
            }
        }
    }
    /* the post's sign hangs out from the right-hand front, read from the street */
    {
        double d = 12, by = Y(d), bm = ppm(by);
        char vert[256];
        size_t o = 0;
        for (const char *c = p->t1; *c && o + 8 < sizeof vert; ) {  /* one character a line */
            int n = ((unsigned char)*c >= 0xF0) ? 4 : ((unsigned char)*c >= 0xE0) ? 3 : ((unsigned char)*c >= 0xC0) ? 2 : 1;
            if (o) vert[o++] = '\n';
            memcpy(vert + o, c, (size_t)n);
            o += (size_t)n;
            c += n;
        }
        vert[o] = 0;
        line(vx + 4.5 * bm, by - bm * 5.0, vx + 3.3 * bm, by - bm * 5.0, bm * 0.06, 0x2a2a2a, 1);
        board(vx + 3.4 * bm, by - bm * 5.0, bm * 0.75, bm * 3.6, vert, 0xb3141b, 0xf6d77a, SERIF);
    }
    if (p->v == 0) {
        for (double d = 9; d < 40; d *= 1.6) {
            double y = Y(d), m = ppm(y);
            lanterns(vx - 4.5 * m, vx + 4.5 * m, y - 4.6 * m, 0.22 * m);
        }
    } else {
        for (int k = 0; k < 3; k++) {
            double y = Y(26 - 7 * k), m = ppm(y);
            double cx0 = k == 1 ? vx + 1.2 * m : vx - 4.2 * m;
            canopy(cx0, y, m * 3, m * 2.6, k == 1 ? 0xc4161c : 0x2f72b8, k == 1 ? "党员服务" : "放心菜");
            for (int c = 0; c < 10; c++) {
                ellipse(cx0 + m * rr(0.2, 2.8), y - m * 0.95, m * 0.12, m * 0.1);
                static const col veg[] = { 0x4f8a36, 0xe06a2a, 0xd8c040, 0xb3261e, 0x7aa040 };
                hex(veg[ri(0, 4)], 1);
                cairo_fill(cr);
            }
            table(cx0 + 0.1 * m, y + m * 0.1, m * 2.8, 0x8a8f94);
        }
    }
    int n = ri(8, 12);
    for (int i = 0; i < n; i++) {
        double y = Y(rr(5.5, 40)), x = vx + rr(-2.8, 2.8) * ppm(y);
        passerby(x, y, rf() < 0.15 ? P_VEST : 0);
    }
}

/* ---------------------------------------------------------------- city scenes */

static void ebike(double x, double yb, double m, col box)
{
    double r = m * 0.3;
    for (int k = 0; k < 2; k++) {
        ellipse(x + k * m * 1.3, yb - r, r, r);
        cairo_set_line_width(cr, r * 0.3);
        hex(0x1d1d1d, 1);
        cairo_stroke(cr);
    }
    cairo_move_to(cr, x, yb - r);
    cairo_line_to(cr, x + m * 0.5, yb - r * 1.2);
    cairo_line_to(cr, x + m * 1.3, yb - r);
    cairo_line_to(cr, x + m * 1.2, yb - m * 1.1);
    cairo_set_line_width(cr, r * 0.35);
    hex(0x3a3f45, 1);
    cairo_stroke(cr);
    rrect(x - m * 0.3, yb - m * 1.25, m * 0.7, m * 0.6, m * 0.05);
    fill_v(yb - m * 1.25, shade(box, 0.15), yb - m * 0.65, shade(box, -0.15));
}
/* 0 office tower, 1 residential compound, 2 courier post, 3 bus stop, 4 school */
static void sc_city(const photo *p)
{
    HZ = H * 0.5;
    sky_day();
    double yb = Y(40), m = ppm(yb);
    skyline(HZ + H * 0.01, H * 0.28, 0xcdc8be, -W * 0.05, W * 1.05, p->v == 1);
    ground(0xa39f95, 0x88837a);
    paving(HZ, H, W * 0.5, 1.0, 0x69645b, 0.3);
    speckle(HZ, H, 2500, 0x514c45, 0.25, 7 * S);
    switch (p->v) {
    case 0:
        tower(W * 0.3, yb, m * 22, H, 0x9fb3c2, 0x6a8ca8, 0);
        rect(W * 0.3, yb - m * 4.5, m * 22, m * 4.5);
        fill_v(yb - m * 4.5, 0x8fa8b8, yb, 0x56707f);
        board(W * 0.3 + m * 4, yb - m * 5.6, m * 14, m * 1.0, p->t1, 0xb3141b, 0xf6d77a, SERIF);
        break;
    case 1:
        for (int k = 0; k < 3; k++) {
            double x = W * (-0.04 + 0.35 * k), y = Y(45 - 8 * (k % 2));
            tower(x, y, ppm(y) * 17, ppm(y) * 27, jitter(0xe9e0d0, 0.04), 0x7a98ac, 1);
        }
        shrubs(Y(30), ppm(Y(30)) * 1.2, 0x4d7a3c, 0, W);
        break;
    case 2: {
        skyline(yb, H * 0.35, 0xd8d0c2, W * 0.5, W * 1.05, 0);
        yb = Y(15); m = ppm(yb);
        double bw = m * 7, bh = m * 3.2, bx = W * 0.08;
        soft_shadow(bx + bw / 2, yb, bw * 0.6, bh * 0.06, 0.3);
        rect(bx, yb - bh, bw, bh);
        fill_v(yb - bh, 0xf3f1ec, yb, 0xd2cfc8);
        rect(bx - m * 0.2, yb - bh - m * 0.3, bw + m * 0.4, m * 0.35);
        hex(0xc8161d, 1);
        cairo_fill(cr);
        rect(bx + m * 0.5, yb - bh * 0.7, bw * 0.55, bh * 0.7);
        fill_v(yb - bh * 0.7, 0xb8ccd6, yb, 0x5a7080);
        board(bx + m * 0.4, yb - bh - m * 1.25, bw - m * 0.8, m * 0.8, p->t1, 0xb3141b, 0xf6d77a, SERIF);
        for (int k = 0; k < 4; k++) {
            double y = Y(14 - 1.6 * k);
            ebike(W * (0.55 + 0.09 * k), y, ppm(y), k % 2 ? 0xf2c230 : 0x2f7fd0);
        }
        for (int k = 0; k < 3; k++) {
            double y = Y(11 - 1.8 * k);
            person(W * (0.36 + 0.1 * k), y, ppm(y) * 1.72, k % 2 ? 0xf2c230 : 0x2f7fd0, any_pants(), k == 0 ? P_HELMET : 0);
        }
        person(W * 0.3, Y(13.5), ppm(Y(13.5)) * 1.66, 0xe9e4da, any_pants(), P_VEST | P_SKIRT);
        break;
    }
    case 3: {
        /* a bus shelter and a bus */
        yb = Y(24); m = ppm(yb);
        double bxs = W * 0.05, bw = m * 12, bh = m * 3.2;
        rrect(bxs, yb - bh, bw, bh * 0.95, m * 0.5);
        fill_v(yb - bh, 0x2e8b57, yb, 0x1f6a40);
        rect(bxs + m * 1.5, yb - bh * 0.82, bw - m * 3, bh * 0.4);
        hex(0x9fc0cf, 1);
        cairo_fill(cr);
        for (int k = 1; k < 8; k++) line(bxs + m * 1.5 + (bw - m * 3) * k / 8, yb - bh * 0.82, bxs + m * 1.5 + (bw - m * 3) * k / 8, yb - bh * 0.42, m * 0.08, 0x2a3a40, 1);
        ellipse(bxs + m * 4, yb - m * 0.1, m * 0.55, m * 0.55);
        ellipse(bxs + bw - m * 5, yb - m * 0.1, m * 0.55, m * 0.55);
        hex(0x1c1c1c, 1);
        cairo_fill(cr);
        rect(bxs + m * 2, yb - bh * 0.98, m * 9, m * 0.45);
        hex(0x111111, 1);
        cairo_fill(cr);
        text_box("党员先锋号", SANS, bxs + m * 2.1, yb - bh * 0.97, m * 8.8, m * 0.42, 0xff6a3a, 0);
        double sy = Y(11), sm = ppm(sy), sx = W * 0.47;
        soft_shadow(sx + sm * 3, sy, sm * 3.5, sm * 0.3, 0.3);
        line(sx, sy, sx, sy - sm * 2.6, sm * 0.1, 0x6a6f74, 1);
        line(sx + sm * 6, sy, sx + sm * 6, sy - sm * 2.6, sm * 0.1, 0x6a6f74, 1);
        rect(sx + sm * 0.1, sy - sm * 2.4, sm * 5.8, sm * 1.6);
        hex(0xbcd3de, 0.45);
        cairo_fill(cr);
        rect(sx - sm * 0.3, sy - sm * 2.9, sm * 6.6, sm * 0.35);
        hex(0xc8161d, 1);
        cairo_fill(cr);
        text_box(p->t1, SANS, sx, sy - sm * 2.88, sm * 6, sm * 0.3, 0xffffff, 0);
        bench(sx + sm * 1.2, sy - sm * 0.1, sm * 3.2);
        for (int k = 0; k < 4; k++) passerby(sx + sm * (0.5 + k * 1.4), sy + H * 0.01 * k, k == 3 ? P_VEST : 0);
        break;
    }
    default: {
        yb = Y(48); m = ppm(yb);
        building(W * 0.1, yb, m * 34, m * 14, 4, 0xefe6d6, 0x7a98ac, p->t1);
        double fy = Y(34);
        flag(W * 0.86, fy, ppm(fy) * 11, 0xd0201c);
        double t0 = Y(28), t1 = Y(11);
        rect(0, t0, W, t1 - t0);
        fill_v(t0, 0xb4503c, t1, 0x9a3f2f);
        for (int k = 1; k < 6; k++) line(0, Y(28 - 3 * k), W, Y(28 - 3 * k), 6 * S, 0xf3efe6, 0.8);
        for (int k = 0; k < 8; k++) {
            double y = Y(rr(12, 27));
            person(W * rr(0.05, 0.95), y, ppm(y) * 1.7, 0xf2f2f2, 0x2a4a8a, P_CHILD | (k % 3 == 0 ? P_CAP : 0));
        }
        break;
    }
    }
    if (p->v != 4 && p->t2) banner_on_poles(W * 0.6, Y(13), ppm(Y(13)) * 5.4, ppm(Y(13)) * 0.75, ppm(Y(13)) * 2.4, p->t2);
    if (p->v == 4 && p->t2) {
        banner(W * 0.1 + m * 5, yb - m * 3.7, m * 24, m * 0.8, p->t2, 0xc8161d, 0xfff2c0);
    }
    tree(W * 0.03, Y(6.5), ppm(Y(6.5)) * 7, 0x4e7a3a);
    if (p->v <= 1) {
        int n = ri(6, 9);
        for (int i = 0; i < n; i++) {
            double y = Y(rr(6.5, 30));
            passerby(rr(0.1, 0.95) * W, y, (p->v == 1 && i < 3) ? P_VEST : 0);
        }
    }
}

/* a building site on a reservoir: a dam wall, a crane, a site office, flags */
static void sc_site(const photo *p)
{
    HZ = H * 0.42;
    sky_day();
    ridge(HZ + 4, H * 0.2, 0x8aa0af, 0.6, 0.5);
    ridge(HZ + H * 0.02, H * 0.12, 0x587c5c, 0.6, 0.3);
    water(HZ + H * 0.02, HZ + H * 0.08, 0x9fb4bf, 0x7f98a6);
    ground(0xa89a82, 0x8a7b63);
    rect(0, HZ + H * 0.08, W, H);
    fill_v(HZ + H * 0.08, 0xa89a82, H, 0x8a7b63);
    speckle(HZ + H * 0.08, H, 6000, 0x6a5c48, 0.4, 12 * S);
    /* the dam */
    double dy = Y(70), dm = ppm(dy) * 2.2;
    cairo_move_to(cr, W * 0.35, dy);
    cairo_line_to(cr, W * 0.4, dy - dm * 9);
    cairo_line_to(cr, W * 1.05, dy - dm * 9);
    cairo_line_to(cr, W * 1.05, dy);
    cairo_close_path(cr);
    fill_v(dy - dm * 9, 0xc9c6be, dy, 0x9c998f);
    for (int k = 1; k < 6; k++) line(W * 0.4, dy - dm * 9 * k / 6, W * 1.05, dy - dm * 9 * k / 6, 3 * S, 0x7f7c74, 0.6);
    for (double x = W * 0.45; x < W; x += dm * 3) line(x, dy - dm * 9, x, dy, 3 * S, 0x7f7c74, 0.5);
    /* scaffolding */
    for (double x = W * 0.6; x < W * 0.85; x += dm * 1.2) line(x, dy, x, dy - dm * 12, 4 * S, 0x555a5f, 1);
    for (double y = dy; y > dy - dm * 12; y -= dm * 1.5) line(W * 0.6, y, W * 0.85, y, 4 * S, 0x555a5f, 1);
    /* a tower crane */
    double cx = W * 0.5, ch = dm * 26;
    for (double y = dy; y > dy - ch; y -= dm * 1.2) {
        line(cx - dm * 0.5, y, cx + dm * 0.5, y - dm * 1.2, 4 * S, 0xe8b020, 1);
        line(cx + dm * 0.5, y, cx - dm * 0.5, y - dm * 1.2, 4 * S, 0xe8b020, 1);
    }
    line(cx - dm * 0.5, dy, cx - dm * 0.5, dy - ch, 7 * S, 0xe8b020, 1);
    line(cx + dm * 0.5, dy, cx + dm * 0.5, dy - ch, 7 * S, 0xe8b020, 1);
    line(cx - dm * 7, dy - ch, cx + dm * 22, dy - ch, 10 * S, 0xe8b020, 1);
    line(cx, dy - ch - dm * 3, cx + dm * 20, dy - ch, 3 * S, 0x555555, 1);
    line(cx, dy - ch - dm * 3, cx - dm * 7, dy - ch, 3 * S, 0x555555, 1);
    line(cx + dm * 14, dy - ch, cx + dm * 14, dy - ch * 0.45, 2 * S, 0x333333, 1);
    rect(cx - dm * 6.5, dy - ch + dm * 0.3, dm * 2.5, dm * 1.5);
    hex(0x7a7f85, 1);
    cairo_fill(cr);
    /* the site office with a banner */
    double oy = Y(26), om = ppm(oy);
    for (int fl = 0; fl < 2; fl++) {
        rect(W * 0.03, oy - om * 2.9 * (fl + 1), om * 12, om * 2.8);
        fill_v(oy - om * 2.9 * (fl + 1), 0xf4f4f2, oy - om * 2.9 * fl, 0xd6d6d2);
        rect(W * 0.03, oy - om * 2.9 * (fl + 1) - om * 0.25, om * 12, om * 0.25);
        hex(0x2f62a8, 1);
        cairo_fill(cr);
        for (int k = 0; k < 5; k++) {
            rect(W * 0.03 + om * (0.8 + k * 2.3), oy - om * 2.9 * (fl + 1) + om * 0.7, om * 1.2, om * 1.1);
            hex(0x5a7a90, 1);
            cairo_fill(cr);
        }
    }
    if (p->t2) banner(W * 0.03 + om * 0.6, oy - om * 5.75, om * 10.8, om * 0.7, p->t2, 0xc8161d, 0xfff2c0);
    flags_row(W * 0.4, W * 0.95, Y(24), ppm(Y(24)) * 4.5, 7);
    if (p->t1) board_posts(W * 0.06, Y(10), ppm(Y(10)) * 2.8, ppm(Y(10)) * 1.1, ppm(Y(10)) * 0.6, p->t1, 0xb3141b, 0xf6d77a);
    for (int k = 0; k < 6; k++) {
        double y = Y(rr(9, 24));
        person(W * rr(0.3, 0.95), y, ppm(y) * 1.72, k % 2 ? 0x2f62a8 : 0xe8742a, any_pants(), P_HELMET | (k == 0 ? P_VEST : 0));
    }
}

/* ---------------------------------------------------------------- indoor scenes */

/* a hall: 0 a meeting with an audience, 1 a signing at a table */
static void sc_meeting(const photo *p)
{
    room(W * 0.5, H * 0.4, 0.42, 0xe9e3d6, 0xd9d1c1, 0x8c3a32, 0xf2efe8);
    ceiling_lights(4, 0.45, 0.95, 4);
    side_windows(0.45, 1.0, 3, H * 0.18, H * 0.6, 0);
    side_windows(0.45, 1.0, 3, H * 0.18, H * 0.6, 1);
    /* backdrop */
    double bx0 = px_(W * 0.06, RB), bx1 = px_(W * 0.94, RB), by0 = py_(H * 0.06, RB), by1 = py_(H * 0.74, RB);
    rect(bx0, by0, bx1 - bx0, by1 - by0);
    cairo_pattern_t *g = cairo_pattern_create_radial((bx0 + bx1) / 2, by0, 0, (bx0 + bx1) / 2, by0, (bx1 - bx0) * 0.8);
    stop(g, 0, 0xe8342c, 1);
    stop(g, 1, 0xa8141a, 1);
    fill_pat(g);
    for (int k = 0; k < 16; k++) {  /* rays */
        double a = M_PI * (0.1 + 0.8 * k / 15.0);
        cairo_move_to(cr, (bx0 + bx1) / 2, by0 - (by1 - by0) * 0.3);
        cairo_line_to(cr, (bx0 + bx1) / 2 + cos(a) * W, by0 - (by1 - by0) * 0.3 + sin(a) * W);
        cairo_line_to(cr, (bx0 + bx1) / 2 + cos(a + 0.04) * W, by0 - (by1 - by0) * 0.3 + sin(a + 0.04) * W);
        cairo_close_path(cr);
        cairo_save(cr);
        rect(bx0, by0, bx1 - bx0, by1 - by0);
        cairo_clip(cr);
        hex(0xffffff, 0.05);
        cairo_fill(cr);
        cairo_restore(cr);
    }
    text_box(p->t1, SANS, bx0 + (bx1 - bx0) * 0.06, by0 + (by1 - by0) * 0.08, (bx1 - bx0) * 0.88, (by1 - by0) * 0.36, 0xfff4c8, 0);
    if (p->t2) text_box(p->t2, SANS_R, bx0 + (bx1 - bx0) * 0.25, by0 + (by1 - by0) * 0.46, (bx1 - bx0) * 0.5, (by1 - by0) * 0.08, 0xfff4c8, 0);
    /* the stage and the table of the chair */
    double sy = py_(H * 0.86, RB + 0.05);
    rect(px_(0, RB), py_(H * 0.74, RB), px_(W, RB) - px_(0, RB), sy - py_(H * 0.74, RB));
    fill_v(py_(H * 0.74, RB), 0x7a4a30, sy, 0x5a3420);
    double ts = RB + 0.06, tx0 = W * 0.18, tx1 = W * 0.82, ty = H * 0.78;
    int seats = p->v == 1 ? 2 : 5;
    for (int k = 0; k < seats; k++) {
        double x = tx0 + (tx1 - tx0) * (k + 0.5) / seats;
        person(px_(x, ts), py_(ty + H * 0.2, ts), (H * 0.42) * ts, k % 2 ? 0x2a2f38 : 0xeeeeea, 0x222222, 0);
    }
    rect(px_(tx0, ts), py_(ty, ts), px_(tx1, ts) - px_(tx0, ts), py_(H * 0.9, ts) - py_(ty, ts));
    fill_v(py_(ty, ts), 0xd02a24, py_(H * 0.9, ts), 0x8e1216);
    for (int k = 0; k < seats; k++) {  /* name cards */
        double x = tx0 + (tx1 - tx0) * (k + 0.5) / seats;
        rect(px_(x - W * 0.03, ts), py_(ty - H * 0.03, ts), W * 0.06 * ts, H * 0.03 * ts);
        hex(0xffffff, 1);
        cairo_fill(cr);
    }
    if (p->v == 1) {
        /* two people shaking hands in front, photographers around */
        double y = H * 1.12, m2 = H * 0.62;
        person(W * 0.3, y, m2, 0x2a2f38, 0x222222, P_ARM);
        person(W * 0.72, y, m2, 0x34404f, 0x222222, 0);
        for (int k = 0; k < 4; k++) back_seated(W * (0.08 + 0.28 * k), H * 0.9, W * 0.2, any_shirt());
    } else {
        /* rows of the audience seen from behind */
        for (double s = RB + 0.2; s < 1.15; s += 0.14 * s) {
            double ry = py_(H * 0.78, s);
            int n = (int)(5 / s) + 3;
            for (int k = 0; k < n; k++) {
                double x = px_(W * (-0.15 + 1.3 * (k + 0.5) / n), s);
                if (fabs(x - W * 0.5) < W * 0.03 * s) continue;  /* the aisle */
                rect(x - W * 0.045 * s, ry - H * 0.05 * s, W * 0.09 * s, H * 0.2 * s);
                hex(0x5a1e1a, 1);
                cairo_fill(cr);
                back_seated(x + rr(-6, 6) * s, ry - H * 0.1 * s, W * 0.075 * s, any_shirt());
            }
        }
    }
}

/* a reading room: shelves, tables, children and a teacher */
static void sc_reading(const photo *p)
{
    room(W * 0.42, H * 0.44, 0.45, 0xf1ebdf, 0xe6dccb, 0xb58a5c, 0xf6f3ec);
    ceiling_lights(3, 0.5, 0.95, 3);
    side_windows(0.45, 1.0, 2, H * 0.12, H * 0.62, 0);
    double bx0 = px_(0, RB), bx1 = px_(W, RB), by0 = py_(0, RB), by1 = py_(H, RB);
    bookshelf(bx0 + (bx1 - bx0) * 0.03, by0 + (by1 - by0) * 0.22, (bx1 - bx0) * 0.94, (by1 - by0) * 0.76, 5);
    rect(bx0 + (bx1 - bx0) * 0.28, by0 + (by1 - by0) * 0.04, (bx1 - bx0) * 0.44, (by1 - by0) * 0.14);
    hex(0xb3141b, 1);
    cairo_fill(cr);
    text_box(p->t1, SERIF, bx0 + (bx1 - bx0) * 0.3, by0 + (by1 - by0) * 0.05, (bx1 - bx0) * 0.4, (by1 - by0) * 0.12, 0xf6d77a, 0);
    /* shelves along the right wall */
    for (int k = 0; k < 3; k++) {
        double s0 = RB + (1 - RB) * k / 3.0, s1 = RB + (1 - RB) * (k + 0.9) / 3.0;
        cairo_save(cr);
        cairo_move_to(cr, px_(W, s0), py_(H * 0.15, s0));
        cairo_line_to(cr, px_(W, s1), py_(H * 0.15, s1));
        cairo_line_to(cr, px_(W, s1), py_(H, s1));
        cairo_line_to(cr, px_(W, s0), py_(H, s0));
        cairo_close_path(cr);
        hex(0x6a4a2e, 1);
        cairo_fill_preserve(cr);
        cairo_clip(cr);
        for (int sh = 0; sh < 6; sh++) {
            double t = 0.15 + 0.85 * sh / 6.0;
            for (double u = 0; u < 1; u += rr(0.02, 0.05)) {
                double s = s0 + (s1 - s0) * u;
                static const col bc[] = { 0xb8362f, 0x2f5d8a, 0xe0c26a, 0x3f7a4f, 0xe8e2d2, 0x8a4f7a };
                line(px_(W, s), py_(H * (t + 0.02), s), px_(W, s), py_(H * (t + 0.12), s), 16 * S * s, jitter(bc[ri(0, 5)], 0.1), 1);
            }
            line(px_(W, s0), py_(H * (t + 0.13), s0), px_(W, s1), py_(H * (t + 0.13), s1), 10 * S, 0x4a3320, 1);
        }
        cairo_restore(cr);
    }
    /* two tables with children */
    for (int t = 0; t < 2; t++) {
        double s0 = 0.55 + t * 0.22, s1 = s0 + 0.12;
        double x0 = W * (0.05 + t * 0.1), x1 = W * (0.62 + t * 0.05), ty = H * 0.74;
        for (int k = 0; k < 3; k++) {  /* children on the far side, facing us */
            double x = x0 + (x1 - x0) * (k + 0.5) / 3;
            person(px_(x, s0), py_(H * 1.02, s0), H * 0.5 * s0, any_shirt(), any_pants(), P_CHILD | (k == 1 ? P_SKIRT : 0));
        }
        table_persp(x0, x1, ty, s0, s1, 0xd9b98a, 0x6a4a2e);
        for (int k = 0; k < 4; k++) {  /* open books */
            double x = x0 + (x1 - x0) * (k + 0.5) / 4, s = s0 + 0.04;
            rect(px_(x - W * 0.04, s), py_(ty, s) - H * 0.005, W * 0.08 * s, H * 0.02 * s);
            hex(k % 2 ? 0xfaf6ea : 0xf0e6cc, 1);
            cairo_fill(cr);
        }
    }
    /* the teacher on duty */
    person(W * 0.8, H * 1.02, H * 0.62, 0xe9e4da, 0x2b2f38, P_SKIRT);
    rect(W * 0.8 - H * 0.62 * 0.08, H * 1.02 - H * 0.62 * 0.72, H * 0.62 * 0.04, H * 0.62 * 0.03);
    hex(0xd0201c, 1);
    cairo_fill(cr);
}

/* a factory floor with a model post */
static void sc_workshop(const photo *p)
{
    room(W * 0.5, H * 0.45, 0.3, 0xd9dcdc, 0xc9cdcd, 0x7f9a8a, 0xb9bec2);
    /* roof trusses */
    for (double s = 0.3; s < 1; s *= 1.18) {
        line(px_(0, s), py_(0, s), px_(W, s), py_(0, s), 16 * S * s, 0x6a7075, 1);
        for (int k = 0; k < 10; k++) line(px_(W * k / 10.0, s), py_(0, s), px_(W * (k + 0.5) / 10.0, s), py_(H * 0.06, s), 6 * S * s, 0x6a7075, 1);
    }
    ceiling_lights(3, 0.35, 0.9, 5);
    /* yellow walkway lines */
    for (int s = -1; s <= 1; s += 2) line(W * 0.5 + s * W * 0.08 * 0.3 / 0.3, H * 0.45 + (H * 0.55) * 0.3, W * 0.5 + s * W * 0.35, H, 22 * S, 0xf2c230, 0.9);
    /* machines on both sides, far to near */
    for (double s = 0.35; s < 1.0; s *= 1.25) {
        for (int side = -1; side <= 1; side += 2) {
            double x = side < 0 ? W * 0.02 : W * 0.7, w = W * 0.28, h = H * 0.32;
            double mx = px_(x, s), my = py_(H * 0.95, s);
            rect(mx, my - h * s, w * s, h * s);
            fill_v(my - h * s, 0xa9c2b5, my, 0x6f8f7f);
            rect(mx + w * s * 0.1, my - h * s * 0.8, w * s * 0.3, h * s * 0.35);
            hex(0x2c3438, 1);
            cairo_fill(cr);
            rect(mx + w * s * 0.14, my - h * s * 0.75, w * s * 0.22, h * s * 0.2);
            hex(0x69c0d8, 0.9);
            cairo_fill(cr);
            for (int k = 0; k < 3; k++) {
                ellipse(mx + w * s * (0.55 + k * 0.1), my - h * s * 0.7, w * s * 0.025, w * s * 0.025);
                hex(k == 0 ? 0x3ad16a : k == 1 ? 0xf2c230 : 0xe0342c, 1);
                cairo_fill(cr);
            }
            if (s > 0.5) {  /* the post's plate */
                double bw = w * s * 0.36;
                rect(mx + w * s * 0.55, my - h * s * 0.5, bw, h * s * 0.16);
                hex(0xc4161c, 1);
                cairo_fill(cr);
                text_box("党员示范岗", SANS, mx + w * s * 0.56, my - h * s * 0.49, bw * 0.94, h * s * 0.14, 0xfff2c0, 0);
            }
            person(mx + w * s * (side < 0 ? 1.1 : -0.1), my + H * 0.02 * s, H * 0.42 * s, 0x2f5d8a, 0x2f5d8a, s > 0.6 ? P_CAP : 0);
        }
    }
    /* a banner hung across the hall */
    double bs = 0.5;
    banner(px_(W * 0.1, bs), py_(H * 0.12, bs), (px_(W * 0.9, bs) - px_(W * 0.1, bs)), H * 0.12 * bs, p->t1, 0xc8161d, 0xfff2c0);
    person(W * 0.46, H * 1.0, H * 0.5, 0x2f5d8a, 0x2f5d8a, P_CAP);
    person(W * 0.57, H * 0.93, H * 0.44, 0x2f5d8a, 0x2f5d8a, P_VEST);
}

/* a live-stream studio selling local produce */
static void sc_studio(const photo *p)
{
    room(W * 0.5, H * 0.42, 0.55, 0xf3ede2, 0xe2d8c6, 0xa88a66, 0xf6f3ec);
    ceiling_lights(3, 0.6, 0.95, 2);
    double bx0 = px_(W * 0.1, RB), bx1 = px_(W * 0.9, RB), by0 = py_(H * 0.05, RB), by1 = py_(H * 0.7, RB);
    rect(bx0, by0, bx1 - bx0, by1 - by0);
    fill_v(by0, 0xd8302a, by1, 0xa8141a);
    text_box(p->t1, SANS, bx0 + (bx1 - bx0) * 0.08, by0 + (by1 - by0) * 0.12, (bx1 - bx0) * 0.84, (by1 - by0) * 0.3, 0xfff4c8, 0);
    if (p->t2) text_box(p->t2, SANS_R, bx0 + (bx1 - bx0) * 0.15, by0 + (by1 - by0) * 0.45, (bx1 - bx0) * 0.7, (by1 - by0) * 0.12, 0xfff4c8, 0);
    /* two hosts behind the table */
    person(W * 0.36, H * 1.1, H * 0.62, 0xf2f2ef, 0x2b2f38, P_SKIRT | P_ARM);
    person(W * 0.64, H * 1.1, H * 0.64, 0xc8161d, 0x2b2f38, 0);
    rect(W * 0.12, H * 0.7, W * 0.76, H * 0.3);
    fill_v(H * 0.7, 0xf1ede4, H, 0xcfc8b8);
    rect(W * 0.12, H * 0.7, W * 0.76, H * 0.025);
    hex(0xd9d2c2, 1);
    cairo_fill(cr);
    /* baskets of oranges */
    for (int b = 0; b < 3; b++) {
        double bxx = W * (0.2 + 0.22 * b), byy = H * 0.7;
        for (int k = 0; k < 14; k++) {
            double ox = bxx + rr(0.02, 0.16) * W, oy = byy - rr(0, 0.05) * H, r = W * 0.017;
            cairo_pattern_t *g2 = cairo_pattern_create_radial(ox - r * 0.3, oy - r * 0.3, r * 0.1, ox, oy, r);
            stop(g2, 0, 0xffb347, 1);
            stop(g2, 1, 0xd86a10, 1);
            ellipse(ox, oy, r, r);
            fill_pat(g2);
        }
        rrect(bxx, byy - H * 0.01, W * 0.18, H * 0.06, H * 0.02);
        fill_v(byy, 0xc09a5a, byy + H * 0.05, 0x8a6a3a);
    }
    /* a phone on a stand and a ring light in front */
    line(W * 0.78, H, W * 0.8, H * 0.55, W * 0.008, 0x222222, 1);
    ellipse(W * 0.8, H * 0.5, W * 0.07, W * 0.07);
    cairo_set_line_width(cr, W * 0.014);
    hex(0xfafaf5, 1);
    cairo_stroke(cr);
    rrect(W * 0.785, H * 0.46, W * 0.03, W * 0.055, W * 0.004);
    hex(0x111111, 1);
    cairo_fill(cr);
}

/* a battle map on an office wall, with the people reading it */
static void sc_mapwall(const photo *p)
{
    room(W * 0.5, H * 0.45, 0.62, 0xf0ece3, 0xe3ddd0, 0x9a8f7c, 0xf7f5ef);
    double bx0 = px_(W * 0.08, RB), bx1 = px_(W * 0.92, RB), by0 = py_(H * 0.06, RB), by1 = py_(H * 0.7, RB);
    soft_shadow((bx0 + bx1) / 2, by1 + 10, (bx1 - bx0) * 0.5, 30, 0.2);
    rect(bx0 - 12, by0 - 12, bx1 - bx0 + 24, by1 - by0 + 24);
    hex(0x6b4a2e, 1);
    cairo_fill(cr);
    rect(bx0, by0, bx1 - bx0, by1 - by0);
    fill_v(by0, 0xfbf8f0, by1, 0xefe9dc);
    double mw = bx1 - bx0, mh = by1 - by0;
    text_box(p->t1, SANS, bx0 + mw * 0.1, by0 + mh * 0.03, mw * 0.8, mh * 0.1, 0xb3141b, 0);
    /* terrain: a river and green hills */
    cairo_move_to(cr, bx0, by0 + mh * 0.7);
    cairo_curve_to(cr, bx0 + mw * 0.3, by0 + mh * 0.55, bx0 + mw * 0.6, by0 + mh * 0.95, bx1, by0 + mh * 0.8);
    cairo_set_line_width(cr, mh * 0.03);
    hex(0x8ec0dc, 1);
    cairo_stroke(cr);
    for (int k = 0; k < 6; k++) {
        ellipse(bx0 + mw * rr(0.1, 0.9), by0 + mh * rr(0.2, 0.5), mw * rr(0.05, 0.1), mh * rr(0.04, 0.08));
        hex(0xcfe3c0, 0.8);
        cairo_fill(cr);
    }
    /* the route and its nodes in red, yellow and blue */
    static const double pts[][2] = { { 0.12, 0.62 }, { 0.3, 0.48 }, { 0.48, 0.55 }, { 0.66, 0.4 }, { 0.84, 0.3 } };
    static const col st[] = { 0xd0201c, 0xd0201c, 0xd0201c, 0xf2b81a, 0x2f6fd0 };
    static const char *const nm[] = { "镇党群服务中心", "老街红色驿站", "文明实践站", "便民服务点", "铜山源党建公园" };
    cairo_move_to(cr, bx0 + mw * pts[0][0], by0 + mh * pts[0][1]);
    for (int k = 1; k < 5; k++) cairo_line_to(cr, bx0 + mw * pts[k][0], by0 + mh * pts[k][1]);
    cairo_set_line_width(cr, mh * 0.012);
    hex(0xd0201c, 0.8);
    cairo_stroke(cr);
    for (int k = 0; k < 5; k++) {
        double x = bx0 + mw * pts[k][0], y = by0 + mh * pts[k][1];
        ellipse(x, y, mh * 0.035, mh * 0.035);
        hex(st[k], 1);
        cairo_fill_preserve(cr);
        cairo_set_line_width(cr, mh * 0.006);
        hex(0xffffff, 1);
        cairo_stroke(cr);
        text_box(nm[k], SANS, x - mw * 0.1, y + mh * 0.045, mw * 0.2, mh * 0.05, 0x333333, 0);
    }
    /* legend */
    static const char *const lg[] = { "已完成", "推进中", "谋划中" };
    static const col lc[] = { 0xd0201c, 0xf2b81a, 0x2f6fd0 };
    for (int k = 0; k < 3; k++) {
        double x = bx0 + mw * (0.08 + 0.12 * k), y = by0 + mh * 0.9;
        rect(x, y, mh * 0.04, mh * 0.04);
        hex(lc[k], 1);
        cairo_fill(cr);
        text_box(lg[k], SANS_R, x + mh * 0.05, y - mh * 0.005, mw * 0.07, mh * 0.05, 0x333333, 0);
    }
    /* a desk and two people looking at the map */
    rect(0, H * 0.82, W * 0.45, H * 0.18);
    fill_v(H * 0.82, 0x8a5a36, H, 0x5a3a22);
    person(W * 0.14, H * 1.1, H * 0.6, 0xe9e4da, 0x2b2f38, P_ARM);
    person(W * 0.86, H * 1.12, H * 0.6, 0x34404f, 0x2b2f38, 0);
}

/* the wide banner: the river, the town on the far bank, hills behind */
static void sc_panorama(const photo *p)
{
    HZ = H * 0.5;
    sky(0x6f9cd0, 0xe8eef0, 6);
    double shore = HZ + H * 0.02;
    ridge(shore, H * 0.3, 0x98adbb, 0.55, 0.55);
    ridge(shore, H * 0.18, 0x7a9684, 0.6, 0.4);
    skyline(shore, H * 0.3, 0xdcd6cc, W * 0.02, W * 0.75, 0);
    skyline(shore, H * 0.18, 0xe6e0d6, W * 0.6, W * 0.98, 1);
    treeline(shore, H * 0.035, 0x557a4a, 0, W);
    water(shore, H * 0.84, 0xa6bcc8, 0x7d9aac);
    reflect(shore, shore - HZ + H * 0.22, 0.3);
    rect(0, H * 0.84, W, H * 0.16);
    fill_v(H * 0.84, 0x7a9a56, H, 0x5a7a3e);
    speckle(H * 0.84, H, 1500, 0x3f5f2c, 0.35, 14 * S);
    railing(0, W, H * 0.86, H * 0.06, 0x8d9095);
    if (p->t2) banner_on_poles(W * 0.6, H * 0.97, W * 0.34, H * 0.11, H * 0.3, p->t2);
}

/* ---------------------------------------------------------------- the photos */

#define NO NULL
/* name, scene, variant, texts, lon, lat, when, orientation, shape, camera, artist, XMP creator */
static const photo PHOTOS[] = {
    /* QJ-B-01 东区大花园党建示范带（周家乡上岗头村） */
    { "b01-shanggangtou-centre", sc_centre, 0, "上岗头村党群服务中心", "支部带头干 村子天天变", 119.1043, 28.8782,
      "2026:04:16 09:48:12", 6, 0, 0, "Zheng Xiaowen", "郑晓文" },
    { "b01-flower-sea", sc_fields, 0, "上岗头花海共富基地", "花开满山坡 共富一起走", 119.1212, 28.8794,
      "2026:04:16 11:02:40", 6, 0, 0, NO, NO },
    { "b01-five-changes-park", sc_park, 2, "“五变”主题党建公园", "五变看上岗头", 119.1128, 28.8838,
      "2026:08:15 16:20:05", 1, 0, 0, NO, NO },
    /* QJ-B-02 “放心农业”党建示范带（全旺镇） */
    { "b02-fangxin-hall", sc_centre, 1, "放心农业展示馆", "种放心菜 卖放心果", 118.9942, 28.9718,
      "2026:09:17 10:12:33", 6, 0, 1, NO, NO },
    { "b02-testing-station", sc_volunteer, 3, "农产品快速检测", "今日抽检结果\n全部合格", 118.9987, 28.9693,
      "2026:09:17 10:41:09", 6, 0, 1, NO, NO },
    /* QJ-B-03 “锋领康养”党建示范带（廿里镇） */
    { "b03-free-clinic", sc_volunteer, 1, "党员医生义诊", "针灸 推拿 量血压\n每月下村一次", 118.9952, 28.8762,
      "2026:10:15 09:05:51", 6, 0, 2, NO, NO },
    { "b03-herb-base", sc_fields, 3, "中药材党员示范基地", NO, 119.0058, 28.8673,
      "2026:10:15 14:37:18", 6, 0, 2, NO, NO },
    /* QJ-B-04 “莲香党建”示范带（莲花镇） */
    { "b04-lotus-park", sc_pond, 0, "荷塘党建公园", NO, 118.7862, 29.0617,
      "2026:06:25 08:31:44", 6, 0, 3, "Wang Lihua", "汪丽华" },
    { "b04-party-fields", sc_fields, 4, "党员责任田", "党员先试 村民再跟", 118.7921, 29.0538,
      "2026:06:25 10:15:02", 6, 0, 3, NO, NO },
    { "b04-lianhua-centre", sc_centre, 1, "莲花镇党群服务中心", "莲香党建 美丽田园", 118.7718, 29.0512,
      "2026:10:15 15:48:26", 6, 0, 3, NO, NO },
    /* QJ-B-05 “古道红心”党建示范带（峡川镇） */
    { "b05-ancient-road", sc_road, 0, "古道红色驿站", NO, 119.0307, 29.0666,
      "2026:11:19 13:22:07", 1, 1, 4, NO, NO },
    { "b05-dongping-village", sc_centre, 0, "东坪古村新时代文明实践站", "守护古村 走好古道", 119.0262, 29.0608,
      "2026:11:19 10:40:55", 6, 0, 4, NO, NO },
    /* QJ-B-06 “碧湖红帆”党建示范带（湖南镇） */
    { "b06-lakeside", sc_park, 1, "湖畔红色驿站规划点位", NO, 118.9058, 28.7714,
      "2026:10:31 15:12:40", 6, 0, 0, NO, NO },
    { "b06-self-check-meeting", sc_meeting, 0, "“双40条”对照自查整改会", "湖南镇党委", 118.8931, 28.7809,
      "2026:10:24 14:30:12", 6, 0, 0, NO, NO },
    /* QJ-B-07 “老街新韵”党建示范带（杜泽镇） */
    { "b07-old-street", sc_street, 0, "杜泽老街红色驿站", NO, 118.9183, 29.0541,
      "2026:12:10 10:05:30", 6, 0, 1, NO, NO },
    { "b07-battle-map", sc_mapwall, 0, "“老街新韵”党建示范带作战图", NO, 118.9131, 29.0489,
      "2026:10:12 09:20:14", 6, 1, 1, NO, NO },
    /* QJ-B-08 “田园共富”两镇联建党建示范带（高家镇、上方镇） */
    { "b08-rice-fields", sc_fields, 2, "高家稻香农业基地", "两镇联建 田园共富", 119.1284, 28.9987,
      "2026:10:08 16:02:48", 6, 0, 2, NO, NO },
    { "b08-signing", sc_meeting, 1, "高家镇 上方镇\n党建联建签约仪式", "二〇二六年十一月", 119.1212, 28.9921,
      "2026:11:20 10:00:21", 6, 0, 2, NO, NO },
    /* QJ-C-01 开发区“红色引擎”两新组织党建示范圈 */
    { "c01-red-workshop", sc_workshop, 0, "亮身份 当先锋 保安全 提质量", NO, 119.1108, 28.9541,
      "2026:10:22 14:11:36", 3, 0, 3, NO, NO },
    { "c01-park-centre", sc_centre, 2, "开发区党群服务中心", "联盟聚合力 园区添活力", 119.0952, 28.9519,
      "2026:10:22 09:35:50", 6, 0, 3, NO, NO },
    /* QJ-C-02 “红色楼宇”两新组织党建示范圈（浮石街道） */
    { "c02-office-tower", sc_city, 0, "商务楼宇党群服务站", NO, 118.8662, 28.8621,
      "2026:11:20 17:08:03", 6, 0, 4, NO, NO },
    { "c02-courier-post", sc_city, 2, "快递小哥暖心驿站", NO, 118.8731, 28.8679,
      "2026:11:21 12:15:42", 6, 0, 4, NO, NO },
    /* QJ-C-03 “农创客”两新组织党建示范圈（大洲镇） */
    { "c03-livestream", sc_studio, 0, "农创客直播间", "大洲好物 产地直发", 119.0581, 28.7752,
      "2026:10:15 19:42:16", 6, 0, 1, NO, NO },
    { "c03-coop-greenhouses", sc_fields, 1, "合作社联合党组织示范棚", NO, 119.0638, 28.7788,
      "2026:10:16 10:26:09", 6, 0, 1, NO, NO },
    /* QJ-D-01 教育系统“红烛先锋”党建示范点 */
    { "d01-reading-room", sc_reading, 0, "红烛书屋", NO, 118.8821, 28.9468,
      "2026:07:18 15:30:27", 6, 0, 2, NO, NO },
    { "d01-school", sc_city, 4, "樟潭中心小学", "党员教师 先锋在岗", 118.8816, 28.9474,
      "2026:11:12 08:05:33", 6, 0, 2, NO, NO },
    /* QJ-D-02 卫生健康系统“白衣锋领”党建示范点 */
    { "d02-family-doctors", sc_volunteer, 1, "家庭医生签约服务", "签约 随访 送药上门", 118.9502, 28.9128,
      "2026:09:23 09:16:40", 6, 0, 0, NO, NO },
    { "d02-health-centre", sc_centre, 2, "医共体党建服务中心", "白衣锋领 健康同行", 118.9231, 28.9372,
      "2026:06:18 10:44:58", 6, 0, 0, NO, NO },
    /* QJ-D-03 交通运输系统“路畅先锋”党建示范点 */
    { "d03-road-crew", sc_road, 1, "农村公路党员养护站", "养好农村路 方便百姓行", 119.0562, 29.0428,
      "2026:11:10 10:52:19", 6, 0, 3, NO, NO },
    { "d03-bus-stop", sc_city, 3, "党员先锋公交站", NO, 119.0941, 29.0462,
      "2026:11:10 15:27:45", 1, 0, 3, NO, NO },
    /* QJ-G-01 重点项目征迁攻坚示范岗（樟潭街道） */
    { "g01-policy-point", sc_volunteer, 0, "征迁政策解答点", "政策讲清楚\n账目全公开", 118.9112, 28.9548,
      "2026:07:16 09:58:04", 6, 0, 4, "Lan Jianguo", "蓝建国" },
    { "g01-resettlement", sc_city, 1, NO, "新家新起点 邻里一家亲", 118.9153, 28.9581,
      "2026:09:30 16:40:11", 6, 0, 4, NO, NO },
    /* QJ-G-02 库区水利工程攻坚示范岗（湖南镇） */
    { "g02-dam-site", sc_site, 0, "工地党员先锋岗", "党旗飘在工地上 安全质量记心上", 118.8671, 28.7953,
      "2026:12:17 11:03:29", 6, 0, 1, NO, NO },
    { "g02-site-meeting", sc_meeting, 0, "工程指挥部临时党委\n冬季施工安全部署会", NO, 118.8622, 28.7912,
      "2026:12:02 19:10:36", 8, 0, 1, NO, NO },
    /* QJ-G-03 美丽河湖治水攻坚示范岗（后溪镇） */
    { "g03-river-patrol", sc_park, 2, "党员河长公示牌", "一段河 一名党员", 118.7643, 28.9689,
      "2026:08:20 07:45:52", 6, 0, 2, NO, NO },
    { "g03-wetland-park", sc_pond, 1, "生态湿地党建公园", NO, 118.7762, 28.9772,
      "2026:08:20 09:30:17", 6, 0, 2, NO, NO },
    /* QJ-Z-01 “文明樟潭”文明城市党建示范区 */
    { "z01-zhangtan-centre", sc_centre, 2, "樟潭街道党群服务中心", "文明樟潭 人人参与", 118.8792, 28.9661,
      "2026:05:21 09:12:48", 6, 0, 0, NO, NO },
    { "z01-red-butlers", sc_city, 1, NO, "小区红管家 服务在身边", 118.8931, 28.9679,
      "2026:05:21 10:26:31", 6, 0, 0, "Fang Yu", "方雨" },
    { "z01-riverside-post", sc_park, 0, "沿江文明驿站", "文明樟潭", 118.8972, 28.9628,
      "2026:05:21 11:05:09", 6, 0, 0, NO, NO },
    /* QJ-Z-02 “浮石先锋”文明城市党建示范区 */
    { "z02-neighbourhood-centre", sc_centre, 1, "浮石街道邻里中心", "邻里的事 大家商量着办", 118.8852, 28.8809,
      "2026:09:24 09:40:22", 6, 0, 3, NO, NO },
    { "z02-market-post", sc_street, 1, "农贸市场党员服务点", NO, 118.8832, 28.8731,
      "2026:09:24 07:55:40", 8, 0, 3, NO, NO },
    /* QJ-Z-03 滨江新区文明城市党建示范区（樟潭街道） */
    { "z03-riverside-walk", sc_park, 3, "滨江步道", NO, 118.8762, 28.9938,
      "2026:11:25 16:35:12", 6, 0, 4, NO, NO },
    { "z03-service-point", sc_volunteer, 2, "滨江新区党群服务站", "新居民\n报到登记", 118.8661, 28.9862,
      "2026:11:26 10:08:44", 6, 0, 4, NO, NO },
    /* the site's banner and the album's cover */
    { "banner-qujiang", sc_panorama, 0, NO, "全领域建强 全区域提升", 118.8921, 28.9588,
      "2026:10:28 16:48:03", 1, 2, 2, NO, NO },
};
#define NPHOTOS (sizeof PHOTOS / sizeof *PHOTOS)

/* ---------------------------------------------------------------- 示意图 */

static void mark(void)
{
    double th = fmax(W, H) * 0.0375, pad = th * 0.44;  /* the same size on every shape */
    PangoLayout *l = layout_for("示意图", SANS, th);
    PangoRectangle ink, log;
    pango_layout_get_extents(l, &ink, &log);
    double tw = log.width / (double)PANGO_SCALE;
    double bw = tw + pad * 2, bh = th * 1.5;
    /* centred, its foot at 75 % of the height: the album and the site crop a photo to fill a frame,
     * centred (a portrait in a 4:3 card keeps the middle 56 % of its height, the cover 65 %),
     * and a mark in a corner was cut off; here it stays in every such crop */
    double x = (W - bw) / 2, y = H * 0.75 - bh;
    rrect(x, y, bw, bh, bh * 0.18);
    hex(0x000000, 0.55);
    cairo_fill(cr);
    g_object_unref(l);
    text_box("示意图", SANS, x + pad, y, tw, bh, 0xffffff, th);
}

/* ---------------------------------------------------------------- EXIF */

typedef struct { uint16_t tag, type; uint32_t count; unsigned char d[160]; size_t len; } ent;
typedef struct { ent e[16]; int n; } ifd;
enum { T_BYTE = 1, T_ASCII = 2, T_SHORT = 3, T_LONG = 4, T_RAT = 5, T_UNDEF = 7 };

static ent *add(ifd *f, uint16_t tag, uint16_t type, uint32_t count, const void *d, size_t len)
{
    ent *e = &f->e[f->n++];
    e->tag = tag; e->type = type; e->count = count; e->len = len;
    memcpy(e->d, d, len);
    return e;
}
static void le16(unsigned char *p, unsigned v) { p[0] = v & 255; p[1] = (v >> 8) & 255; }
static void le32(unsigned char *p, uint32_t v) { for (int i = 0; i < 4; i++) p[i] = (v >> (8 * i)) & 255; }
static void add_ascii(ifd *f, uint16_t tag, const char *s) { add(f, tag, T_ASCII, (uint32_t)strlen(s) + 1, s, strlen(s) + 1); }
static void add_short(ifd *f, uint16_t tag, unsigned v) { unsigned char b[2]; le16(b, v); add(f, tag, T_SHORT, 1, b, 2); }
static void add_long(ifd *f, uint16_t tag, uint32_t v) { unsigned char b[4]; le32(b, v); add(f, tag, T_LONG, 1, b, 4); }
static void add_rats(ifd *f, uint16_t tag, const uint32_t *nd, int n)
{
    unsigned char b[64];
    for (int i = 0; i < 2 * n; i++) le32(b + 4 * i, nd[i]);
    add(f, tag, T_RAT, (uint32_t)n, b, (size_t)n * 8);
}
static size_t ifd_size(const ifd *f)
{
    size_t s = 2 + 12 * (size_t)f->n + 4;
    for (int i = 0; i < f->n; i++) if (f->e[i].len > 4) s += (f->e[i].len + 1) & ~(size_t)1;
    return s;
}
/* writes f at TIFF offset at into t */
static void ifd_write(unsigned char *t, size_t at, const ifd *f)
{
    unsigned char *p = t + at;
    size_t data = at + 2 + 12 * (size_t)f->n + 4;
    le16(p, (unsigned)f->n);
    p += 2;
    for (int i = 0; i < f->n; i++, p += 12) {
        const ent *e = &f->e[i];
        le16(p, e->tag); le16(p + 2, e->type); le32(p + 4, e->count);
        memset(p + 8, 0, 4);
        if (e->len <= 4) memcpy(p + 8, e->d, e->len);
        else {
            le32(p + 8, (uint32_t)data);
            memcpy(t + data, e->d, e->len);
            data += (e->len + 1) & ~(size_t)1;
        }
    }
    le32(p, 0);  /* no next IFD */
}
static void dms(double v, uint32_t *nd)
{
    double d = floor(v), mm = floor((v - d) * 60), s = ((v - d) * 60 - mm) * 60;
    nd[0] = (uint32_t)d; nd[1] = 1; nd[2] = (uint32_t)mm; nd[3] = 1; nd[4] = (uint32_t)lround(s * 10000); nd[5] = 10000;
}
/* the APP1 payload "Exif\0\0" + TIFF for photo p stored sw×sh */
static unsigned char *exif_blob(const photo *p, int sw, int sh, size_t *len)
{
    ifd i0 = { 0 }, ex = { 0 }, gps = { 0 };
    const uint32_t r72[] = { 72, 1 };
    add_ascii(&i0, 0x010F, CAMS[p->cam].make);
    add_ascii(&i0, 0x0110, CAMS[p->cam].model);
    add_short(&i0, 0x0112, (unsigned)p->orient);
    add_rats(&i0, 0x011A, r72, 1);
    add_rats(&i0, 0x011B, r72, 1);
    add_short(&i0, 0x0128, 2);
    add_ascii(&i0, 0x0131, CAMS[p->cam].soft);
    add_ascii(&i0, 0x0132, p->when);
    if (p->artist) add_ascii(&i0, 0x013B, p->artist);
    add_short(&i0, 0x0213, 1);
    ent *exptr = add(&i0, 0x8769, T_LONG, 1, "\0\0\0\0", 4);
    ent *gpsptr = add(&i0, 0x8825, T_LONG, 1, "\0\0\0\0", 4);

    static const unsigned shutter[] = { 50, 100, 120, 200, 250, 500, 1000 };
    const uint32_t et[] = { 1, shutter[ri(0, 6)] };
    const uint32_t fn[] = { (uint32_t)lround(CAMS[p->cam].fnum * 100), 100 };
    const uint32_t fl[] = { (uint32_t)lround(CAMS[p->cam].f * 100), 100 };
    add_rats(&ex, 0x829A, et, 1);
    add_rats(&ex, 0x829D, fn, 1);
    add_short(&ex, 0x8827, (unsigned)(CAMS[p->cam].iso * ri(1, 4)));
    add(&ex, 0x9000, T_UNDEF, 4, "0232", 4);
    add_ascii(&ex, 0x9003, p->when);
    add_ascii(&ex, 0x9004, p->when);
    add_ascii(&ex, 0x9011, "+08:00");
    add(&ex, 0x9101, T_UNDEF, 4, "\1\2\3\0", 4);
    add_rats(&ex, 0x920A, fl, 1);
    add(&ex, 0xA000, T_UNDEF, 4, "0100", 4);
    add_short(&ex, 0xA001, 1);
    add_long(&ex, 0xA002, (uint32_t)sw);
    add_long(&ex, 0xA003, (uint32_t)sh);
    add_short(&ex, 0xA405, 24);

    uint32_t la[6], lo[6];
    dms(p->lat, la);
    dms(p->lon, lo);
    const uint32_t alt[] = { (uint32_t)ri(6000, 12000), 100 };
    add(&gps, 0x0000, T_BYTE, 4, "\2\2\0\0", 4);
    add_ascii(&gps, 0x0001, "N");
    add_rats(&gps, 0x0002, la, 3);
    add_ascii(&gps, 0x0003, "E");
    add_rats(&gps, 0x0004, lo, 3);
    add(&gps, 0x0005, T_BYTE, 1, "\0", 1);
    add_rats(&gps, 0x0006, alt, 1);
    add_ascii(&gps, 0x0012, "WGS-84");

    size_t o0 = 8, o1 = o0 + ifd_size(&i0), o2 = o1 + ifd_size(&ex), end = o2 + ifd_size(&gps);
    le32(exptr->d, (uint32_t)o1);
    le32(gpsptr->d, (uint32_t)o2);
    unsigned char *b = calloc(1, 6 + end);
    if (!b) abort();
    memcpy(b, "Exif\0\0", 6);
    unsigned char *t = b + 6;
    memcpy(t, "II*\0", 4);
    le32(t + 4, 8);
    ifd_write(t, o0, &i0);
    ifd_write(t, o1, &ex);
    ifd_write(t, o2, &gps);
    *len = 6 + end;
    return b;
}
static char *xmp_packet(const photo *p, size_t *len)
{
    char iso[32];
    snprintf(iso, sizeof iso, "%.4s-%.2s-%.2sT%s+08:00", p->when, p->when + 5, p->when + 8, p->when + 11);
    const char *ns = "http://ns.adobe.com/xap/1.0/";
    char body[2048];
    int n = snprintf(body, sizeof body,
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "  <rdf:Description rdf:about=\"\"\n"
        "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
        "    xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\"\n"
        "    xmp:CreateDate=\"%s\" xmp:CreatorTool=\"%s %s\"\n"
        "    photoshop:City=\"衢州市衢江区\" photoshop:Country=\"中国\">\n"
        "   <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        "<?xpacket end=\"w\"?>",
        iso, CAMS[p->cam].make, CAMS[p->cam].model, p->creator);
    if (n < 0 || (size_t)n >= sizeof body) abort();
    size_t nl = strlen(ns) + 1;
    char *b = malloc(nl + (size_t)n);
    if (!b) abort();
    memcpy(b, ns, nl);
    memcpy(b + nl, body, (size_t)n);
    *len = nl + (size_t)n;
    return b;
}
static void put_seg(FILE *f, int marker, const void *d, size_t len)
{
    if (len + 2 > 65535) { fprintf(stderr, "scenes: segment too long\n"); exit(1); }
    unsigned char h[4] = { 0xFF, (unsigned char)marker, (unsigned char)((len + 2) >> 8), (unsigned char)((len + 2) & 255) };
    fwrite(h, 1, 4, f);
    fwrite(d, 1, len, f);
}

/* ---------------------------------------------------------------- one photo */

static void shape_of(const photo *p, int *w, int *h)
{
    *w = p->shape == 1 ? 3000 : 4000;
    *h = p->shape == 1 ? 4000 : p->shape == 2 ? 1500 : 3000;
}

static int make_photo(const photo *p, const char *outdir, double preview)
{
    int w, h, rc = -1;
    shape_of(p, &w, &h);
    W = w; H = h; S = fmin(W, H) / 3000.0; K = preview > 0 ? preview : 1;
    HZ = H * 0.45; CAMH = 1.6;
    seed_from(p->name);
    int dw = (int)ceil(w * K), dh = (int)ceil(h * K);
    SURF = cairo_image_surface_create(CAIRO_FORMAT_RGB24, dw, dh);
    cr = cairo_create(SURF);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    cairo_set_font_options(cr, fo);
    cairo_font_options_destroy(fo);
    cairo_scale(cr, K, K);
    hex(0xffffff, 1);
    cairo_paint(cr);
    p->draw(p);
    mark();
    cairo_destroy(cr);
    cr = NULL;
    cairo_surface_flush(SURF);
    char path[1024];
    if (preview > 0) {
        snprintf(path, sizeof path, "%s/%s.png", outdir, p->name);
        rc = cairo_surface_write_to_png(SURF, path) == CAIRO_STATUS_SUCCESS ? 0 : -1;
        cairo_surface_destroy(SURF);
        printf("%s\n", path);
        return rc;
    }
    /* to RGB, soften the drawn edges a little, then grain and vignette */
    unsigned char *rgb = malloc((size_t)dw * dh * 3);
    if (!rgb) abort();
    const unsigned char *src = cairo_image_surface_get_data(SURF);
    int stride = cairo_image_surface_get_stride(SURF);
    for (int y = 0; y < dh; y++)
        for (int x = 0; x < dw; x++) {
            uint32_t px = *(const uint32_t *)(src + (size_t)y * stride + 4 * (size_t)x);
            unsigned char *o = rgb + ((size_t)y * dw + x) * 3;
            o[0] = (px >> 16) & 255; o[1] = (px >> 8) & 255; o[2] = px & 255;
        }
    cairo_surface_destroy(SURF);
    SURF = NULL;
    VipsImage *a = vips_image_new_from_memory(rgb, (size_t)dw * dh * 3, dw, dh, 3, VIPS_FORMAT_UCHAR), *b = NULL, *c = NULL,
              *d = NULL;
    unsigned char *soft = NULL, *jpeg = NULL, *ex = NULL;
    char *xmp = NULL;
    size_t softlen = 0, jlen = 0, exlen = 0, xlen = 0;
    FILE *f = NULL;
    if (!a || vips_gaussblur(a, &b, BLUR, "precision", VIPS_PRECISION_INTEGER, NULL)) goto out;
    soft = vips_image_write_to_memory(b, &softlen);
    if (!soft) goto out;
    /* photo look: a vignette, a soft mottle (value noise on a CELL-pixel
     * grid, interpolated, so it stays smooth) and a faint per-pixel grain */
    double cx = dw / 2.0, cy = dh / 2.0, rmax2 = cx * cx + cy * cy;
    int gw = dw / CELL + 2, gh = dh / CELL + 2;
    float *mot = malloc(sizeof *mot * (size_t)gw * gh);
    if (!mot) abort();
    for (int i = 0; i < gw * gh; i++) mot[i] = (float)((rf() + rf() - 1) * MOTTLE);
    for (int y = 0; y < dh; y++) {
        int gy = y / CELL;
        double fy = (y % CELL) / (double)CELL;
        fy = fy * fy * (3 - 2 * fy);
        for (int x = 0; x < dw; x++) {
            unsigned char *o = soft + ((size_t)y * dw + x) * 3;
            int gx = x / CELL;
            double fx = (x % CELL) / (double)CELL;
            fx = fx * fx * (3 - 2 * fx);
            const float *m0 = mot + (size_t)gy * gw + gx, *m1 = m0 + gw;
            double mo = (m0[0] * (1 - fx) + m0[1] * fx) * (1 - fy) + (m1[0] * (1 - fx) + m1[1] * fx) * fy;
            double r2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / rmax2;
            double v = 1 - 0.28 * r2 * r2 - 0.06 * r2;
            double g = mo + (rf() + rf() - 1) * NOISE_L;
            for (int k = 0; k < 3; k++) {
                double u = o[k] * v + g;
                o[k] = (unsigned char)(u < 0 ? 0 : u > 255 ? 255 : lround(u));
            }
        }
    }
    free(mot);
    c = vips_image_new_from_memory(soft, softlen, dw, dh, 3, VIPS_FORMAT_UCHAR);
    if (!c) goto out;
    /* stored as a phone would: rotated, with the flag that turns it upright */
    VipsAngle ang = p->orient == 6 ? VIPS_ANGLE_D270 : p->orient == 8 ? VIPS_ANGLE_D90 : p->orient == 3 ? VIPS_ANGLE_D180 : VIPS_ANGLE_D0;
    if (vips_rot(c, &d, ang, NULL)) goto out;
    if (vips_jpegsave_buffer(d, (void **)&jpeg, &jlen, "Q", QUAL, "strip", TRUE, "optimize_coding", TRUE,
                             "interlace", FALSE, NULL))
        goto out;
    ex = exif_blob(p, vips_image_get_width(d), vips_image_get_height(d), &exlen);
    if (p->creator) xmp = xmp_packet(p, &xlen);
    snprintf(path, sizeof path, "%s/%s.jpg", outdir, p->name);
    f = fopen(path, "wb");
    if (!f) { perror(path); goto out; }
    fwrite(jpeg, 1, 2, f);  /* SOI */
    put_seg(f, 0xE1, ex, exlen);
    if (xmp) put_seg(f, 0xE1, xmp, xlen);
    size_t at = 2;
    if (jlen > 4 && jpeg[2] == 0xFF && jpeg[3] == 0xE0) at = 4 + ((size_t)jpeg[4] << 8 | jpeg[5]);  /* drop JFIF */
    fwrite(jpeg + at, 1, jlen - at, f);
    if (fclose(f) != 0) { perror(path); f = NULL; goto out; }
    f = NULL;
    printf("%-28s %dx%d orientation %d  %zu bytes\n", p->name, vips_image_get_width(d), vips_image_get_height(d), p->orient,
           jlen - at + 2 + exlen + 4 + (xmp ? xlen + 4 : 0));
    rc = 0;
out:
    if (rc) fprintf(stderr, "scenes: %s: %s\n", p->name, vips_error_buffer());
    if (f) fclose(f);
    if (d) g_object_unref(d);
    if (c) g_object_unref(c);
    if (b) g_object_unref(b);
    if (a) g_object_unref(a);
    g_free(soft);
    g_free(jpeg);
    free(ex);
    free(xmp);
    free(rgb);
    return rc;
}

int main(int argc, char **argv)
{
    const char *outdir = NULL, *only = NULL;
    double preview = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-p") && i + 1 < argc) preview = atof(argv[++i]);
        else if (!strcmp(argv[i], "-o") && i + 1 < argc) only = argv[++i];
        else if (!outdir) outdir = argv[i];
        else { fprintf(stderr, "usage: scenes OUTDIR [-p SCALE] [-o NAME]\n"); return 2; }
    }
    if (!outdir) { fprintf(stderr, "usage: scenes OUTDIR [-p SCALE] [-o NAME]\n"); return 2; }
    if (VIPS_INIT(argv[0])) { fprintf(stderr, "scenes: cannot start libvips\n"); return 1; }
    int bad = 0, done = 0;
    for (size_t i = 0; i < NPHOTOS; i++) {
        if (only && strcmp(only, PHOTOS[i].name)) continue;
        done++;
        if (make_photo(&PHOTOS[i], outdir, preview)) bad++;
    }
    if (only && !done) { fprintf(stderr, "scenes: no photo named %s\n", only); bad++; }
    vips_shutdown();
    return bad ? 1 : 0;
}
