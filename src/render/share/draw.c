/* draw.c — the share cards and the favicon, with cairo and pango; photos
 * cropped and cards encoded with libvips. */
#include "share_int.h"
#include "../maps/maps.h"
#include "../maps/maps_int.h"   /* mp_route_image, mp_encode_png */
#include "../../base/alloc.h"
#include <cairo.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>
#include <vips/vips.h>
#include <stdlib.h>
#include <string.h>

#define FAMILY "Noto Sans CJK SC"
#define PAD 56
#define MAP_SCALE 0.8
#define GOLD 0.957, 0.776, 0.318

struct share_fonts { PangoFontMap *fm; PangoContext *pc; };

/* No hinting, grey antialiasing, fixed language: the same bytes everywhere. */
share_fonts *share_fonts_open(void)
{
    share_fonts *f = hc_xcalloc(1, sizeof *f);
    f->fm = pango_cairo_font_map_new();
    f->pc = pango_font_map_create_context(f->fm);
    pango_cairo_context_set_resolution(f->pc, 72.0);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(f->pc, fo);
    cairo_font_options_destroy(fo);
    pango_context_set_language(f->pc, pango_language_from_string("zh-cn"));
    pango_context_set_base_dir(f->pc, PANGO_DIRECTION_LTR);
    return f;
}

void share_fonts_close(share_fonts *f)
{
    if (!f) return;
    g_object_unref(f->pc);
    g_object_unref(f->fm);
    free(f);
}

static PangoLayout *layout_new(share_fonts *f, const char *text, int px, int bold, int width, int lines)
{
    PangoLayout *l = pango_layout_new(f->pc);
    PangoFontDescription *fd = pango_font_description_from_string(FAMILY);
    pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(fd, px * PANGO_SCALE);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    if (width > 0) {
        pango_layout_set_width(l, width * PANGO_SCALE);
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        pango_layout_set_height(l, -lines);
    }
    pango_layout_set_text(l, text, -1);
    return l;
}

static int layout_h(PangoLayout *l)
{
    int w, h;
    pango_layout_get_pixel_size(l, &w, &h);
    return h;
}

static void rounded(cairo_t *cr, double x, double y, double w, double h, double r)
{
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -G_PI / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, G_PI / 2);
    cairo_arc(cr, x + r, y + h - r, r, G_PI / 2, G_PI);
    cairo_arc(cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
    cairo_close_path(cr);
}

/* The photo cropped to fill w × h (centre), painted at 0,0 (above the band:
 * the band is opaque, so no part of the photo is hidden under it). */
static int paint_photo(cairo_t *cr, const char *file, int w, int h)
{
    VipsImage *t = NULL;
    int rc = -1;
    void *px = NULL;
    if (vips_thumbnail(file, &t, w, "height", h, "crop", VIPS_INTERESTING_CENTRE, NULL) != 0) goto out;
    if (t->Xsize != w || t->Ysize != h || t->Bands != 3 || t->BandFmt != VIPS_FORMAT_UCHAR) goto out;
    size_t n = 0;
    px = vips_image_write_to_memory(t, &n);
    if (!px || n != (size_t)w * h * 3) goto out;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    unsigned char *dst = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    const unsigned char *src = px;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            const unsigned char *p = src + ((size_t)y * w + x) * 3;
            *(uint32_t *)(dst + (size_t)y * stride + x * 4) = 0xff000000u | (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
        }
    cairo_surface_mark_dirty(s);
    cairo_set_source_surface(cr, s, 0, 0);
    cairo_paint(cr);
    cairo_surface_destroy(s);
    rc = 0;
out:
    g_free(px);
    if (t) g_object_unref(t);
    if (rc) vips_error_clear();
    return rc;
}

typedef struct { const unsigned char *p; size_t left; } png_reader;

static cairo_status_t png_read(void *closure, unsigned char *data, unsigned int len)
{
    png_reader *r = closure;
    if (len > r->left) return CAIRO_STATUS_READ_ERROR;
    memcpy(data, r->p, len);
    r->p += len;
    r->left -= len;
    return CAIRO_STATUS_SUCCESS;
}

/* The unit's route map drawn at w × h, painted at 0,0; its labels and
 * legend at MAP_SCALE of the web map's (a wide, low card would otherwise
 * scale them to its height and make them too small to read in a preview). */
static int paint_map(cairo_t *cr, const share_card *c, int w, int h, hc_diags *d)
{
    hc_buf png = HC_BUF_INIT;
    int rc = -1;
    if (!hc_maps_font(d)) goto out;
    gdImagePtr im = mp_route_image(c->m, c->project, w, h, MAP_SCALE);
    if (!im) goto out;
    int enc = mp_encode_png(im, &png);
    gdImageDestroy(im);
    if (enc != 0 || !png.len) goto out;
    png_reader r = { (const unsigned char *)png.data, png.len };
    cairo_surface_t *s = cairo_image_surface_create_from_png_stream(png_read, &r);
    if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
        cairo_set_source_surface(cr, s, 0, 0);
        cairo_paint(cr);
        rc = 0;
    }
    cairo_surface_destroy(s);
out:
    hc_buf_free(&png);
    return rc;
}

/* A plain card: the theme colour, darker to the right, the mark faint. */
static void paint_plain(share_fonts *f, cairo_t *cr, const share_card *c, int w, int h)
{
    const double *k = c->rgb;
    cairo_pattern_t *g = cairo_pattern_create_linear(0, 0, w, h);
    cairo_pattern_add_color_stop_rgb(g, 0, k[0], k[1], k[2]);
    cairo_pattern_add_color_stop_rgb(g, 1, k[0] * 0.55, k[1] * 0.55, k[2] * 0.55);
    cairo_set_source(cr, g);
    cairo_paint(cr);
    cairo_pattern_destroy(g);
    if (!c->mark) return;
    PangoLayout *l = layout_new(f, c->mark, 420, 1, 0, 0);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.10);
    cairo_move_to(cr, w - 470, -60);
    pango_cairo_show_layout(cr, l);
    g_object_unref(l);
}

/* The chip at the top left: white, the tag in the theme colour. */
static void paint_tag(share_fonts *f, cairo_t *cr, const share_card *c)
{
    PangoLayout *l = layout_new(f, c->tag, 28, 1, 0, 0);
    int tw, th;
    pango_layout_get_pixel_size(l, &tw, &th);
    rounded(cr, 40, 40, tw + 40, th + 16, 10);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, c->rgb[0], c->rgb[1], c->rgb[2]);
    cairo_move_to(cr, 60, 48);
    pango_cairo_show_layout(cr, l);
    g_object_unref(l);
}

static int encode_jpeg(cairo_surface_t *s, hc_buf *jpeg)
{
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    int stride = cairo_image_surface_get_stride(s);
    const unsigned char *src = cairo_image_surface_get_data(s);
    unsigned char *rgb = hc_xmalloc((size_t)w * h * 3);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            uint32_t v = *(const uint32_t *)(src + (size_t)y * stride + x * 4);
            unsigned char *p = rgb + ((size_t)y * w + x) * 3;
            p[0] = (unsigned char)(v >> 16);
            p[1] = (unsigned char)(v >> 8);
            p[2] = (unsigned char)v;
        }
    int rc = -1;
    void *buf = NULL;
    size_t n = 0;
    VipsImage *im = vips_image_new_from_memory(rgb, (size_t)w * h * 3, w, h, 3, VIPS_FORMAT_UCHAR);
    if (im && vips_jpegsave_buffer(im, &buf, &n, "Q", 85, "strip", TRUE, "optimize_coding", TRUE, NULL) == 0) {
        hc_buf_put(jpeg, buf, n);
        rc = 0;
    }
    if (rc) vips_error_clear();
    g_free(buf);
    if (im) g_object_unref(im);
    free(rgb);
    return rc;
}

int share_draw_card(share_fonts *f, const share_card *c, const char *where, hc_buf *jpeg, hc_diags *d)
{
    const int W = HC_SHARE_WIDTH, H = HC_SHARE_HEIGHT;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, H);
    cairo_t *cr = cairo_create(s);
    int rc = -1;
    /* the band first, to know its height */
    PangoLayout *title = layout_new(f, c->title, 58, 1, W - 2 * PAD, 2);
    if (pango_layout_get_line_count(title) > 1) {   /* two lines: a little smaller */
        g_object_unref(title);
        title = layout_new(f, c->title, 50, 1, W - 2 * PAD, 2);
    }
    PangoLayout *site = layout_new(f, c->site, 28, 0, W - 2 * PAD, 1);
    int th = layout_h(title), sh = layout_h(site);
    int band = 36 + th + 10 + sh + 34, top = H - band;

    int painted = c->photo && paint_photo(cr, c->photo, W, top) == 0;
    if (!painted && c->map) {
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        painted = paint_map(cr, c, W, top, d) == 0;
    }
    if (!painted) paint_plain(f, cr, c, W, H);
    if (c->tag && !(c->map && painted && !c->photo)) paint_tag(f, cr, c);   /* a map has its own title bar */

    cairo_rectangle(cr, 0, top, W, band);
    cairo_set_source_rgba(cr, c->rgb[0], c->rgb[1], c->rgb[2], 1.0);
    cairo_fill(cr);
    cairo_rectangle(cr, 0, top - 6, W, 6);
    cairo_set_source_rgb(cr, GOLD);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_move_to(cr, PAD, top + 36);
    pango_cairo_show_layout(cr, title);
    cairo_rectangle(cr, PAD, top + 36 + th + 10 + sh / 2.0 - 2, 28, 4);
    cairo_set_source_rgb(cr, GOLD);
    cairo_fill(cr);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.92);
    cairo_move_to(cr, PAD + 40, top + 36 + th + 10);
    pango_layout_set_width(site, (W - 2 * PAD - 40) * PANGO_SCALE);
    pango_cairo_show_layout(cr, site);
    g_object_unref(title);
    g_object_unref(site);
    cairo_surface_flush(s);
    if (cairo_status(cr) == CAIRO_STATUS_SUCCESS && encode_jpeg(s, jpeg) == 0) rc = 0;
    else hc_error(d, "share", where, 0, 0, "could not draw the share image");
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    return rc;
}

/* The favicon on any surface, in a size × size box. */
static void icon(share_fonts *f, cairo_t *cr, const char *mark, const double rgb[3], double size)
{
    rounded(cr, 0, 0, size, size, size * 0.2);
    cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
    cairo_fill(cr);
    PangoLayout *l = layout_new(f, mark, (int)(size * 0.66 + 0.5), 1, 0, 0);
    PangoRectangle ink;
    pango_layout_get_pixel_extents(l, &ink, NULL);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_move_to(cr, (size - ink.width) / 2.0 - ink.x, (size - ink.height) / 2.0 - ink.y);
    pango_cairo_show_layout(cr, l);
    g_object_unref(l);
}

static cairo_status_t buf_write(void *closure, const unsigned char *data, unsigned int len)
{
    hc_buf_put(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

int share_draw_icon_png(share_fonts *f, const char *mark, const double rgb[3], int px, hc_buf *png)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, px, px);
    cairo_t *cr = cairo_create(s);
    icon(f, cr, mark, rgb, px);
    cairo_destroy(cr);
    int rc = cairo_surface_write_to_png_stream(s, buf_write, png) == CAIRO_STATUS_SUCCESS ? 0 : -1;
    cairo_surface_destroy(s);
    return rc;
}

int share_draw_icon_svg(share_fonts *f, const char *mark, const double rgb[3], hc_buf *svg)
{
    cairo_surface_t *s = cairo_svg_surface_create_for_stream(buf_write, svg, 64, 64);
    cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PX);
    cairo_t *cr = cairo_create(s);
    icon(f, cr, mark, rgb, 64);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    int rc = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS ? 0 : -1;
    cairo_surface_destroy(s);
    return rc;
}
