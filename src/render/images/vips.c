/* vips.c — decoding, turning upright, resizing and encoding with libvips.
 *
 * libvips does most of the work: decoding (JPEG through jpeg.c, which
 * scales while decoding), EXIF auto-rotation, ICC import and sRGB export,
 * resizing and the JPEG encoder; WebP goes through libwebp directly. No
 * EXIF, XMP, IPTC or ICC block is written. Each of our worker threads runs
 * its own pipelines; libvips' own thread pool is set to one thread per
 * pipeline so that -j is the number of cores used. */
#include "images_int.h"
#include "../../base/alloc.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <vips/vips.h>
#include <webp/encode.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int started;

/* libvips' own warnings would reach the terminal unlocated; huace fails on
 * them instead (VIPS_FAIL_ON_WARNING) and says so at the image's place. */
static void quiet(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer data)
{
    (void)domain; (void)level; (void)msg; (void)data;
}

static void start(void)
{
    if (VIPS_INIT("huace") != 0) return;
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO, quiet, NULL);
    vips_concurrency_set(1);
    vips_cache_set_max(0);      /* nothing kept between operations: memory stays bounded */
    started = 1;
}

void hc_vips_start(void)
{
    pthread_once(&once, start);
}

void hc_images_shutdown(void)
{
    if (started) vips_shutdown();
    started = 0;
}

/* The first line of libvips' error text, as the reason. */
static void vips_why(hc_buf *why, const char *what)
{
    const char *e = vips_error_buffer();
    size_t n = strcspn(e, "\n");
    hc_buf_puts(why, what);
    if (n) {
        hc_buf_puts(why, " (");
        hc_buf_put(why, e, n);
        hc_buf_puts(why, ")");
    }
    vips_error_clear();
}

int hc_vips_probe(const void *data, size_t len, int *w, int *h, hc_buf *why)
{
    hc_vips_start();
    VipsImage *im = vips_image_new_from_buffer(data, len, "", "fail_on", VIPS_FAIL_ON_ERROR, NULL);
    if (!im) {
        vips_why(why, "cannot be decoded: the file is damaged or not an image libvips can read");
        return -1;
    }
    int o = 1;
    if (vips_image_get_typeof(im, VIPS_META_ORIENTATION)) vips_image_get_int(im, VIPS_META_ORIENTATION, &o);
    int x = vips_image_get_width(im), y = vips_image_get_height(im);
    g_object_unref(im);
    if ((double)x * (double)y > (double)HC_IMG_MAX_PIXELS) {
        hc_buf_printf(why, "is %d × %d pixels (%.0f megapixels), over the limit of %ld megapixels: "
                      "refused unread, as a decompression bomb would be; scale it down first",
                      x, y, (double)x * y / 1e6, HC_IMG_MAX_PIXELS / 1000000);
        return -1;
    }
    *w = o >= 5 && o <= 8 ? y : x;
    *h = o >= 5 && o <= 8 ? x : y;
    return 0;
}

long long hc_vips_cost(const char *path)
{
    hc_vips_start();
    VipsImage *im = vips_image_new_from_file(path, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!im) {
        vips_error_clear();
        return 0;
    }
    int o = 1;
    if (vips_image_get_typeof(im, VIPS_META_ORIENTATION)) vips_image_get_int(im, VIPS_META_ORIENTATION, &o);
    long long w = vips_image_get_width(im), h = vips_image_get_height(im);
    g_object_unref(im);
    if (o >= 5 && o <= 8) {
        long long t = w;
        w = h;
        h = t;
    }
    long long tw = w < 2400 ? w : 2400, th = w > 0 ? h * tw / w : 0;
    return w * h / 4 + 3 * tw * th;   /* decoded at about a quarter; about 1.5 times the top width encoded, twice */
}

/* sRGB, 8 bits a band, alpha kept. */
static int srgb8(VipsImage *in, VipsImage **out)
{
    VipsImage *t = NULL;
    if (vips_colourspace(in, &t, VIPS_INTERPRETATION_sRGB, NULL) != 0) return -1;
    if (vips_image_get_format(t) == VIPS_FORMAT_UCHAR) {
        *out = t;
        return 0;
    }
    int rc = vips_cast_uchar(t, out, NULL);
    g_object_unref(t);
    return rc;
}

/* Alpha flattened on white, for JPEG (a new reference either way). */
static int flatten_white(VipsImage *in, VipsImage **out)
{
    if (!vips_image_hasalpha(in)) {
        g_object_ref(in);
        *out = in;
        return 0;
    }
    double white[3] = { 255, 255, 255 };
    VipsArrayDouble *bg = vips_array_double_new(white, 3);
    int rc = vips_flatten(in, out, "background", bg, NULL);
    vips_area_unref(VIPS_AREA(bg));
    return rc;
}

/* WebP with libwebp's simple encoder, which writes the picture and nothing
 * else (libvips 8.14's webpsave writes an EXIF block even when told to
 * strip). im: sRGB, 8 bits, 3 or 4 bands. */
static int webp(VipsImage *im, float quality, hc_buf *out)
{
    const unsigned char *px = vips_image_get_data(im);   /* no copy for an image in memory */
    int w = vips_image_get_width(im), h = vips_image_get_height(im), bands = vips_image_get_bands(im);
    WebPConfig cfg;
    WebPPicture pic;
    WebPMemoryWriter wr;
    int ok = 0;
    WebPMemoryWriterInit(&wr);
    if (!px || (bands != 3 && bands != 4) || !WebPConfigInit(&cfg) || !WebPPictureInit(&pic)) goto out;
    cfg.quality = quality;
    cfg.method = 0;           /* of 0-6: within 1 % of method 4's size for photos, in a third of the time */
    pic.width = w;
    pic.height = h;
    pic.writer = WebPMemoryWrite;
    pic.custom_ptr = &wr;
    ok = (bands == 3 ? WebPPictureImportRGB(&pic, px, w * 3) : WebPPictureImportRGBA(&pic, px, w * 4)) &&
         WebPEncode(&cfg, &pic);
    WebPPictureFree(&pic);
    if (ok) hc_buf_put(out, wr.mem, wr.size);
out:
    WebPMemoryWriterClear(&wr);
    return ok ? 0 : -1;
}

/* One width: WebP (alpha kept) and JPEG. */
static int save(VipsImage *im, hc_img_rendition *r)
{
    void *buf = NULL;
    size_t n = 0;
    VipsImage *flat = NULL;
    int rc = -1;
    if (webp(im, 78, &r->webp) != 0) goto out;
    if (flatten_white(im, &flat) != 0 ||
        vips_jpegsave_buffer(flat, &buf, &n, "Q", 82, "strip", TRUE,
                             NULL) != 0)
        goto out;
    hc_buf_put(&r->jpeg, buf, n);
    r->w = vips_image_get_width(im);
    r->h = vips_image_get_height(im);
    rc = 0;
out:
    if (flat) g_object_unref(flat);
    g_free(buf);
    return rc;
}

/* The placeholder: a 16 px wide blurred WebP as a data: URI, and the mean
 * colour of the picture. */
static int preview(VipsImage *flat, hc_img_made *m)
{
    VipsImage *small = NULL, *soft = NULL, *soft8 = NULL;
    hc_buf enc = HC_BUF_INIT;
    void *px = NULL;
    int rc = -1;
    if (vips_resize(flat, &small, 16.0 / vips_image_get_width(flat), NULL) != 0) goto out;
    if (vips_gaussblur(small, &soft, 0.6, NULL) != 0 || vips_cast_uchar(soft, &soft8, NULL) != 0) goto out;
    if (webp(soft8, 40, &enc) != 0) goto out;
    hc_buf_puts(&m->preview, "data:image/webp;base64,");
    hc_buf_base64(&m->preview, enc.data, enc.len);
    size_t sz = 0;
    px = vips_image_write_to_memory(small, &sz);
    int bands = vips_image_get_bands(small);
    if (!px || bands < 3) goto out;
    double sum[3] = { 0, 0, 0 };
    size_t count = sz / (size_t)bands;
    for (size_t i = 0; i < count; i++)
        for (int b = 0; b < 3; b++) sum[b] += ((unsigned char *)px)[i * (size_t)bands + (size_t)b];
    snprintf(m->color, sizeof m->color, "#%02x%02x%02x", (int)(sum[0] / (double)count + 0.5),
             (int)(sum[1] / (double)count + 0.5), (int)(sum[2] / (double)count + 0.5));
    rc = 0;
out:
    if (small) g_object_unref(small);
    if (soft) g_object_unref(soft);
    if (soft8) g_object_unref(soft8);
    hc_buf_free(&enc);
    g_free(px);
    return rc;
}

/* Drops every metadata item (EXIF, GPS, XMP, IPTC, ICC, maker notes, the
 * loader's notes) from an image of our own. The encoders' "strip" option is
 * not enough by itself: libvips 8.14's WebP writer still writes the EXIF
 * block of an image that carries one. */
static void drop_metadata(VipsImage *im)
{
    gchar **names = vips_image_get_fields(im);
    for (int i = 0; names && names[i]; i++) vips_image_remove(im, names[i]);
    g_strfreev(names);
}

/* cur resized by the factor 1/f on both axes (f > 1) with the Mitchell
 * filter and turned upright, for a picture whose columns run along the
 * upright photo's width and whose orientation tag says how to turn it.
 * libvips 8.14 resizes columns (reducev, vectorised) three to four times
 * faster than rows (reduceh, plain C), so both axes are resized as columns,
 * with the quarter turn between them: the same filter and the same factor
 * on each axis as vips_resize(), for about a third of its time. The turn is
 * cur's orientation tag (tagged), or else a quarter clockwise. */
static int reduce_by_columns(VipsImage *cur, double f, int tagged, VipsImage **out)
{
    VipsImage *across = NULL, *upright = NULL;
    int rc = -1;
    if (vips_reducev(cur, &across, f, "kernel", VIPS_KERNEL_MITCHELL, NULL) == 0 &&
        (tagged ? vips_autorot(across, &upright, NULL) : vips_rot90(across, &upright, NULL)) == 0 &&
        vips_reducev(upright, out, f, "kernel", VIPS_KERNEL_MITCHELL, NULL) == 0)
        rc = 0;
    if (across) g_object_unref(across);
    if (upright) g_object_unref(upright);
    return rc;
}

/* The orientation tag that turns a picture upright after jpeg.c turned it a
 * quarter counterclockwise, for the source's own tag o (1 or 3). */
static int after_quarter(int o)
{
    return o == 3 ? 8 : 6;
}

/* The photo at width top, upright and sRGB, in memory (once). A JPEG is
 * decoded by jpeg.c at the smallest k/8 of its size that is still at least
 * top wide; other kinds (and CMYK JPEGs) by libvips. Then: its ICC profile
 * applied (into sRGB), the rest of the way with a Mitchell filter (sharp
 * enough for photos, and a third cheaper than Lanczos). A JPEG that needs
 * resizing and whose tag is upright, 180°, or a quarter turn either way
 * (all but the mirrored ones) is resized as columns (reduce_by_columns):
 * jpeg.c writes an upright or 180° one turned a quarter, a sideways one is
 * stored that way already; the turn upright comes between the two axes.
 * Otherwise it is resized whole and turned upright from its EXIF orientation
 * after the resize (an image in memory rotates cheaply; a stream cannot).
 * Decoder warnings are errors: a damaged file is never published half grey.
 * The header is read by libvips in any case, for the orientation and the
 * profile. */
static int decode(const void *data, size_t len, int top, VipsImage **out, hc_buf *why)
{
    VipsImage *in = NULL, *pix = NULL, *icc = NULL, *sized = NULL, *mem = NULL;
    int rc = -1;
    in = vips_image_new_from_buffer(data, len, "", "access", VIPS_ACCESS_SEQUENTIAL, "fail_on", VIPS_FAIL_ON_WARNING,
                                    NULL);
    if (!in) goto damaged;
    int o = 1;
    if (vips_image_get_typeof(in, VIPS_META_ORIENTATION)) vips_image_get_int(in, VIPS_META_ORIENTATION, &o);
    int turned = o >= 5 && o <= 8, across = turned ? vips_image_get_height(in) : vips_image_get_width(in);
    const char *kind = hc_img_sniff(data, len);
    int columns = top < across && o != 2 && o != 4, quarter = columns && (o == 1 || o == 3);
    int j = kind && !strcmp(kind, "JPEG") ? hc_jpeg_decode(data, len, across, top, quarter, &pix, why) : 1;
    if (j < 0) goto out;
    VipsImage *cur = j == 0 ? pix : in;
    columns = columns && j == 0;
    if (cur == pix) vips_image_set_int(pix, VIPS_META_ORIENTATION, quarter ? after_quarter(o) : o);   /* for vips_autorot */
    const void *profile;
    size_t plen;
    if (vips_image_get_typeof(in, VIPS_META_ICC_NAME) &&
        vips_image_get_blob(in, VIPS_META_ICC_NAME, &profile, &plen) == 0) {
        if (cur != in) vips_image_set_blob_copy(cur, VIPS_META_ICC_NAME, profile, plen);
        if (vips_icc_transform(cur, &icc, "srgb", "embedded", TRUE, NULL) != 0) goto damaged;
        cur = icc;
    }
    if (columns) {   /* the columns run along the upright width */
        if (reduce_by_columns(cur, (double)vips_image_get_height(cur) / top, 1, &sized) != 0) goto damaged;
        cur = sized;
    } else {
        across = turned ? vips_image_get_height(cur) : vips_image_get_width(cur);
        if (top < across) {
            if (vips_resize(cur, &sized, (double)top / across, "kernel", VIPS_KERNEL_MITCHELL, NULL) != 0) goto damaged;
            cur = sized;
        }
    }
    VipsImage *rgb = NULL, *rot = NULL;
    if (srgb8(cur, &rgb) != 0) goto damaged;
    if (o != 1 && j == 0 && !columns) {   /* in memory: resized and turned in one pass, one copy */
        int r = vips_autorot(rgb, &rot, NULL);
        g_object_unref(rgb);
        if (r != 0) goto damaged;
        rgb = rot;
        rot = NULL;
    }
    mem = vips_image_copy_memory(rgb);
    g_object_unref(rgb);
    if (!mem) goto damaged;
    if (o == 1 || j == 0) {   /* upright now: the one copy in memory is the photo */
        *out = mem;
        mem = NULL;
        rc = 0;
        goto out;
    }
    if (vips_autorot(mem, &rot, NULL) == 0) {   /* a stream from libvips' loader: turned in memory */
        *out = vips_image_copy_memory(rot);
        g_object_unref(rot);
        rc = *out ? 0 : -1;
    }
    if (rc == 0) goto out;
damaged:
    vips_why(why, "cannot be decoded: the file is damaged or truncated");
out:
    if (in) g_object_unref(in);
    if (pix) g_object_unref(pix);
    if (icc) g_object_unref(icc);
    if (sized) g_object_unref(sized);
    if (mem) g_object_unref(mem);
    return rc;
}

static const int widths[HC_IMG_NWIDTHS] = { 480, 960, 1600, 2400 };

/* An upright picture in memory resized to width w (narrower than it is):
 * turned a quarter counterclockwise so that its rows become columns, then
 * resized as columns (reduce_by_columns) and turned back on the way; then
 * made into a picture in memory for the encoders. NULL on failure. */
static VipsImage *narrower(VipsImage *cur, int w)
{
    VipsImage *turned = NULL, *sized = NULL, *mem = NULL;
    if (vips_rot270(cur, &turned, NULL) == 0 &&
        reduce_by_columns(turned, (double)vips_image_get_width(cur) / w, 0, &sized) == 0)
        mem = vips_image_copy_memory(sized);
    if (turned) g_object_unref(turned);
    if (sized) g_object_unref(sized);
    return mem;
}

int hc_vips_make(const void *data, size_t len, hc_img_made *m, hc_buf *why)
{
    VipsImage *mem = NULL, *flat = NULL;
    int rc = -1;
    memset(m, 0, sizeof *m);
    if (hc_vips_probe(data, len, &m->w, &m->h, why) != 0) return -1;
    int top = m->w < widths[HC_IMG_NWIDTHS - 1] ? m->w : widths[HC_IMG_NWIDTHS - 1];
    /* decoded once, shrunk while decoding, made sRGB, resized, then turned upright */
    if (decode(data, len, top, &mem, why) != 0) goto out;
    drop_metadata(mem);
    /* the widths this photo gets, narrowest first; each made from the next
     * wider one, kept in memory for its two encoders */
    for (int i = 0; i < HC_IMG_NWIDTHS; i++) {
        int w = widths[i] < top ? widths[i] : top;
        if (m->n && m->r[m->n - 1].w >= w) break;
        m->r[m->n++].w = w;
    }
    g_object_ref(mem);
    VipsImage *cur = mem;
    for (int i = m->n - 1; i >= 0; i--) {
        VipsImage *sized = NULL;
        if (m->r[i].w == vips_image_get_width(cur)) {
            g_object_ref(cur);
            sized = cur;
        } else {
            sized = narrower(cur, m->r[i].w);
        }
        int ok = sized && save(sized, &m->r[i]) == 0;
        g_object_unref(cur);
        cur = sized;
        if (!ok) {
            if (cur) g_object_unref(cur);
            goto fail;
        }
    }
    /* the placeholder from the narrowest width, not from the widest: the
     * same 16 px for a fraction of the reading */
    int pv = flatten_white(cur, &flat) != 0 || preview(flat, m) != 0;
    g_object_unref(cur);
    if (pv) goto fail;
    rc = 0;
    goto out;
fail:
    vips_why(why, "cannot be converted");
out:
    if (mem) g_object_unref(mem);
    if (flat) g_object_unref(flat);
    if (rc != 0) hc_img_made_free(m);
    return rc;
}

void hc_img_made_free(hc_img_made *m)
{
    for (int i = 0; i < HC_IMG_NWIDTHS; i++) {
        hc_buf_free(&m->r[i].webp);
        hc_buf_free(&m->r[i].jpeg);
    }
    hc_buf_free(&m->preview);
    m->n = 0;
}

int hc_vips_print(const void *data, size_t len, int px, hc_buf *jpeg, int *w, int *h, hc_buf *why)
{
    VipsImage *im = NULL, *rgb = NULL, *flat = NULL;
    void *buf = NULL;
    size_t n = 0;
    int rc = -1;
    hc_vips_start();
    if (vips_thumbnail_buffer((void *)data, len, &im, px, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                              "option_string", "fail_on=warning", NULL) != 0 ||
        srgb8(im, &rgb) != 0 || flatten_white(rgb, &flat) != 0 || (drop_metadata(flat), 0) ||
        vips_jpegsave_buffer(flat, &buf, &n, "Q", 92, "strip", TRUE, "optimize_coding", TRUE, NULL) != 0) {
        vips_why(why, "cannot be made ready for print");
        goto out;
    }
    hc_buf_put(jpeg, buf, n);
    *w = vips_image_get_width(flat);
    *h = vips_image_get_height(flat);
    rc = 0;
out:
    if (im) g_object_unref(im);
    if (rgb) g_object_unref(rgb);
    if (flat) g_object_unref(flat);
    g_free(buf);
    return rc;
}

/* ---- what a file is ---- */

const char *hc_img_sniff(const void *data, size_t len)
{
    const unsigned char *p = data;
    if (len >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF) return "JPEG";
    if (len >= 8 && !memcmp(p, "\x89PNG\r\n\x1a\n", 8)) return "PNG";
    if (len >= 6 && (!memcmp(p, "GIF87a", 6) || !memcmp(p, "GIF89a", 6))) return "GIF";
    if (len >= 12 && !memcmp(p, "RIFF", 4) && !memcmp(p + 8, "WEBP", 4)) return "WebP";
    if (len >= 4 && (!memcmp(p, "II*\0", 4) || !memcmp(p, "MM\0*", 4))) return "TIFF";
    if (len >= 12 && !memcmp(p + 4, "ftyp", 4)) {
        if (!memcmp(p + 8, "avif", 4) || !memcmp(p + 8, "avis", 4)) return "AVIF";
        if (!memcmp(p + 8, "heic", 4) || !memcmp(p + 8, "heix", 4) || !memcmp(p + 8, "mif1", 4) ||
            !memcmp(p + 8, "msf1", 4))
            return "HEIF";
    }
    return NULL;
}

const char *hc_img_kind_of_name(const char *path)
{
    static const struct { const char *ext, *kind; } t[] = {
        { ".jpg", "JPEG" }, { ".jpeg", "JPEG" }, { ".png", "PNG" }, { ".gif", "GIF" }, { ".webp", "WebP" },
        { ".tif", "TIFF" }, { ".tiff", "TIFF" }, { ".avif", "AVIF" }, { ".heic", "HEIF" }, { ".heif", "HEIF" },
        { ".svg", "SVG" },
    };
    const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash)) return NULL;
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        if (!strcasecmp(dot, t[i].ext)) return t[i].kind;
    return NULL;
}
