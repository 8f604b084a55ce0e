/* pdfx_img.c — images of the press edition converted to CMYK; see pdfx.h.
 *
 * The samples come from qpdf (the XObject already holds the image's data,
 * decoded with qpdf_dl_all: JPEG and PNG alike). RGB photos (DCTDecode) go
 * through the profile and are written as a 4-component baseline JPEG
 * without an Adobe marker (plain CMYK, 0 = no ink, no /Decode needed);
 * other RGB images (maps, drawings) have their greys put in K only and are
 * compressed with zlib. An Indexed image keeps its indices and gets a CMYK
 * palette. Gray and CMYK images are left alone (DeviceGray prints on K).
 *
 * Converting the album's photos is most of the work (hundreds of
 * megapixels), so the converted data is also kept between builds in the
 * cache folder (OUT.huace-cmyk), one file per image, named by a hash of the
 * image's bytes, the profile and the colour rules (PDFX_RULES); a build
 * removes the files it did not use.
 */
#include "pdfx.h"
#include "pdf_int.h"
#include "../../base/alloc.h"
#include "../../base/fs.h"
#include "../../base/hash.h"
#include "../images/jpeg_err.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

typedef struct {
    const pdf_image *im;
    int state;                  /* 1 being made, 2 done, 3 failed */
    unsigned char *data; size_t len;   /* NULL: data unchanged */
    int dct;                    /* data is a JPEG */
    char *colorspace;           /* the new /ColorSpace as PDF text; NULL: unchanged */
    char *err;
    char file[24];              /* its name in the cache folder; "" none */
    int on_disk;                /* data (len bytes) is only in the cache folder's file */
} ic_entry;

struct pdf_imgcache {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    ic_entry *v; size_t n, cap;
    char *dir;                  /* the cache folder, or NULL */
    uint64_t key;               /* hash of the profile and the rules */
};

/* Bump when the colour rules or the encoding change: old files are then not used. */
#define PDFX_RULES "huace-cmyk-2 neutral<=12 ink<=689 lut33 q92"

pdf_imgcache *pdf_imgcache_new(const char *dir, const pdf_cmyk *c)
{
    pdf_imgcache *ic = hc_xcalloc(1, sizeof *ic);
    size_t plen;
    const unsigned char *prof = pdf_cmyk_profile(c, &plen);
    ic->key = hc_hash(hc_hash(0x636d796bu, PDFX_RULES, strlen(PDFX_RULES)), prof, plen);
    if (dir && *dir && hc_fs_mkdirs(dir) == 0) ic->dir = hc_xstrdup(dir);
    pthread_mutex_init(&ic->mu, NULL);
    pthread_cond_init(&ic->cv, NULL);
    return ic;
}

void pdf_imgcache_free(pdf_imgcache *ic)
{
    if (!ic) return;
    for (size_t i = 0; i < ic->n; i++) {
        free(ic->v[i].data);
        free(ic->v[i].colorspace);
        free(ic->v[i].err);
    }
    free(ic->v);
    free(ic->dir);
    pthread_mutex_destroy(&ic->mu);
    pthread_cond_destroy(&ic->cv);
    free(ic);
}

/* 8-bit CMYK pixels → baseline JPEG, no Adobe marker. 0, or -1 with the
 * reason in why. */
static int jpeg_cmyk(const unsigned char *px, int w, int h, unsigned char **out, size_t *len, hc_buf *why)
{
    struct jpeg_compress_struct ci;
    hc_jpeg_err jerr;
    unsigned long n = 0;
    *out = NULL;
    ci.err = hc_jpeg_err_init(&jerr);
    jpeg_create_compress(&ci);
    if (setjmp(jerr.jump)) {
        hc_buf_printf(why, "libjpeg cannot encode it (%s)", jerr.text);
        jpeg_destroy_compress(&ci);
        free(*out);
        *out = NULL;
        return -1;
    }
    jpeg_mem_dest(&ci, out, &n);
    ci.image_width = (JDIMENSION)w;
    ci.image_height = (JDIMENSION)h;
    ci.input_components = 4;
    ci.in_color_space = JCS_CMYK;
    jpeg_set_defaults(&ci);
    jpeg_set_colorspace(&ci, JCS_CMYK);
    ci.write_Adobe_marker = FALSE;
    ci.write_JFIF_header = FALSE;
    jpeg_set_quality(&ci, PDF_PDFX_JPEG_Q, TRUE);
    jpeg_start_compress(&ci, TRUE);
    while (ci.next_scanline < ci.image_height) {
        JSAMPROW row = (JSAMPROW)(px + (size_t)ci.next_scanline * (size_t)w * 4);
        jpeg_write_scanlines(&ci, &row, 1);
    }
    jpeg_finish_compress(&ci);
    jpeg_destroy_compress(&ci);
    *len = n;
    return 0;
}

/* A JPEG decoded to 8-bit RGB (malloc'd), or NULL with the reason in why. */
static unsigned char *jpeg_rgb(const unsigned char *data, size_t len, int w, int h, hc_buf *why)
{
    struct jpeg_decompress_struct di;
    hc_jpeg_err jerr;
    unsigned char *volatile px = NULL;
    di.err = hc_jpeg_err_init(&jerr);
    jpeg_create_decompress(&di);
    if (setjmp(jerr.jump)) {
        hc_buf_printf(why, "cannot be decoded: the file is damaged or truncated (%s)", jerr.text);
        free(px);
        px = NULL;
        goto out;
    }
    jpeg_mem_src(&di, data, (unsigned long)len);
    jpeg_read_header(&di, TRUE);
    if (di.num_components != 3 || (int)di.image_width != w || (int)di.image_height != h) {
        hc_buf_puts(why, "its JPEG data does not match its size or colours");
        goto out;
    }
    di.out_color_space = JCS_RGB;
    jpeg_start_decompress(&di);
    px = hc_xmalloc((size_t)w * (size_t)h * 3);
    while (di.output_scanline < di.output_height) {
        JSAMPROW row = px + (size_t)di.output_scanline * (size_t)w * 3;
        jpeg_read_scanlines(&di, &row, 1);
    }
    jpeg_finish_decompress(&di);
out:
    jpeg_destroy_decompress(&di);
    return px;
}

static int flate(const unsigned char *in, size_t n, unsigned char **out, size_t *len)
{
    uLongf cap = compressBound((uLong)n);
    *out = hc_xmalloc(cap);
    if (compress2(*out, &cap, in, (uLong)n, 6) != Z_OK) {
        free(*out);
        *out = NULL;
        return -1;
    }
    *len = cap;
    return 0;
}

/* An Indexed /DeviceRGB palette converted: the new colour space text. */
static char *indexed_cmyk(const pdf_cmyk *c, qpdf_data q, qpdf_oh cs)
{
    if (qpdf_oh_get_array_n_items(q, cs) != 4) return NULL;
    qpdf_oh base = qpdf_oh_get_array_item(q, cs, 1), hiv = qpdf_oh_get_array_item(q, cs, 2);
    qpdf_oh lut = qpdf_oh_get_array_item(q, cs, 3);
    if (!qpdf_oh_is_name_and_equals(q, base, "/DeviceRGB") || !qpdf_oh_is_integer(q, hiv)) return NULL;
    size_t n = 0;
    const unsigned char *s = NULL;
    unsigned char *sdata = NULL;
    if (qpdf_oh_is_string(q, lut)) {
        s = (const unsigned char *)qpdf_oh_get_binary_string_value(q, lut, &n);
    } else if (qpdf_oh_is_stream(q, lut)) {
        if (qpdf_oh_get_stream_data(q, lut, qpdf_dl_generalized, NULL, &sdata, &n) & QPDF_ERRORS) return NULL;
        s = sdata;
    }
    long hival = qpdf_oh_get_int_value(q, hiv);
    if (!s || hival < 0 || hival > 255 || n < (size_t)(hival + 1) * 3) {
        free(sdata);
        return NULL;
    }
    unsigned char out[256 * 4];
    pdf_cmyk_pixels(c, s, out, (size_t)hival + 1, 1);
    hc_buf b = HC_BUF_INIT;
    hc_buf_printf(&b, "[/Indexed /DeviceCMYK %ld <", hival);
    for (long i = 0; i < (hival + 1) * 4; i++) hc_buf_printf(&b, "%02X", out[i]);
    hc_buf_puts(&b, ">]");
    free(sdata);
    return hc_buf_detach(&b, NULL);
}

/* Makes the entry for xo (state 1 → 2 or 3). */
/* The converted data of e from the cache folder; 1 when found. */
static int cache_get(pdf_imgcache *ic, ic_entry *e, int dct)
{
    uint64_t h = hc_hash(ic->key, &e->im->hash, sizeof e->im->hash);
    char hex[17];
    hc_hash_hex(h, hex);
    snprintf(e->file, sizeof e->file, "%s.%s", hex, dct ? "jpg" : "zz");
    if (!ic->dir) return 0;
    hc_buf path = HC_BUF_INIT, data = HC_BUF_INIT;
    hc_buf_printf(&path, "%s/%s", ic->dir, e->file);
    int found = hc_fs_read(hc_buf_cstr(&path), &data) == 0 && data.len > 0;
    if (found) {
        e->data = (unsigned char *)hc_buf_detach(&data, &e->len);
        e->dct = dct;
    }
    hc_buf_free(&path);
    hc_buf_free(&data);
    return found;
}

/* Keeps e's data in the cache folder (a build cut short leaves no half file
 * under the real name; its temporary file is pruned by the next build). */
static void cache_put(pdf_imgcache *ic, const ic_entry *e)
{
    if (!ic->dir || !e->data) return;
    hc_buf path = HC_BUF_INIT;
    hc_buf_printf(&path, "%s/%s", ic->dir, e->file);
    hc_fs_write_atomic(hc_buf_cstr(&path), e->data, e->len);
    hc_buf_free(&path);
}

/* Once e's data is in the cache folder, it is read from there when a
 * document needs it, not held for the whole stage (the album's photos are
 * tens of MB converted). */
static void cache_drop(pdf_imgcache *ic, ic_entry *e)
{
    if (!ic->dir || !e->data || e->state != 2) return;
    hc_buf path = HC_BUF_INIT;
    struct stat st;
    hc_buf_printf(&path, "%s/%s", ic->dir, e->file);
    if (stat(hc_buf_cstr(&path), &st) == 0 && (size_t)st.st_size == e->len) {
        free(e->data);
        e->data = NULL;
        e->on_disk = 1;
    }
    hc_buf_free(&path);
}

void pdf_imgcache_prune(pdf_imgcache *ic)
{
    char **names = NULL;
    size_t n = 0;
    if (!ic->dir || hc_fs_list(ic->dir, NULL, &names, &n) != 0) return;
    for (size_t i = 0; i < n; i++) {
        int used = 0;
        for (size_t k = 0; k < ic->n && !used; k++) used = !strcmp(ic->v[k].file, names[i]);
        if (used) continue;
        hc_buf path = HC_BUF_INIT;
        hc_buf_printf(&path, "%s/%s", ic->dir, names[i]);
        remove(hc_buf_cstr(&path));
        hc_buf_free(&path);
    }
    hc_fs_names_free(names, n);
}

static void convert(const pdf_cmyk *c, pdf_imgcache *ic, qpdf_data q, qpdf_oh xo, ic_entry *e)
{
    hc_buf m = HC_BUF_INIT;
    unsigned char *raw = NULL, *px = NULL;
    size_t rawlen = 0;
    qpdf_oh dict = qpdf_oh_get_dict(q, xo);
    qpdf_oh cs = qpdf_oh_get_key(q, dict, "/ColorSpace");
    int w = (int)qpdf_oh_get_int_value(q, qpdf_oh_get_key(q, dict, "/Width"));
    int h = (int)qpdf_oh_get_int_value(q, qpdf_oh_get_key(q, dict, "/Height"));
    int bpc = (int)qpdf_oh_get_int_value(q, qpdf_oh_get_key(q, dict, "/BitsPerComponent"));
    int dct = qpdf_oh_is_or_has_name(q, qpdf_oh_get_key(q, dict, "/Filter"), "/DCTDecode");
    e->state = 2;
    if (qpdf_oh_is_array(q, cs) && qpdf_oh_is_name_and_equals(q, qpdf_oh_get_array_item(q, cs, 0), "/Indexed")) {
        e->colorspace = indexed_cmyk(c, q, cs);
        goto out;
    }
    if (!qpdf_oh_is_name_and_equals(q, cs, "/DeviceRGB")) goto out;   /* gray, CMYK: as they are */
    if (w <= 0 || h <= 0 || (bpc != 8 && bpc != 16)) {
        hc_buf_printf(&m, "image %s: cannot convert %d-bit RGB to CMYK", e->im->path, bpc);
        goto fail;
    }
    if (cache_get(ic, e, dct)) goto done;
    QPDF_BOOL filtered = QPDF_FALSE;
    if (dct && e->im->kind == PDF_IMG_DCT) {   /* libjpeg at once: qpdf's DCT pipeline copies a lot */
        hc_buf bytes = HC_BUF_INIT;
        const unsigned char *d = pdf_image_bytes(e->im, &bytes);
        raw = d ? jpeg_rgb(d, e->im->len, w, h, &m) : NULL;
        if (!d) hc_buf_puts(&m, "cannot read it back from the album's image file");
        hc_buf_free(&bytes);
        if (!raw) {
            hc_buf why = m;
            m = (hc_buf)HC_BUF_INIT;
            hc_buf_printf(&m, "image %s: %s", e->im->path, hc_buf_cstr(&why));
            hc_buf_free(&why);
            goto fail;
        }
        rawlen = (size_t)w * (size_t)h * 3;
        filtered = QPDF_TRUE;
    } else if (qpdf_oh_get_stream_data(q, xo, qpdf_dl_all, &filtered, &raw, &rawlen) & QPDF_ERRORS) {
        filtered = QPDF_FALSE;
    }
    if (!filtered) {
        hc_buf_printf(&m, "image %s: qpdf cannot decode it", e->im->path);
        goto fail;
    }
    size_t npx = (size_t)w * (size_t)h, bps = (size_t)bpc / 8;
    if (rawlen < npx * 3 * bps) {
        hc_buf_printf(&m, "image %s: %zu bytes of samples, %zu expected", e->im->path, rawlen, npx * 3 * bps);
        goto fail;
    }
    if (bps == 2)   /* 16-bit: keep the high bytes */
        for (size_t i = 0; i < npx * 3; i++) raw[i] = raw[2 * i];
    px = hc_xmalloc(npx * 4);
    pdf_cmyk_pixels(c, raw, px, npx, !dct);
    if (dct) {
        hc_buf why = HC_BUF_INIT;
        int rc = jpeg_cmyk(px, w, h, &e->data, &e->len, &why);
        if (rc != 0) hc_buf_printf(&m, "image %s: %s", e->im->path, hc_buf_cstr(&why));
        hc_buf_free(&why);
        if (rc != 0) goto fail;
        e->dct = 1;
    } else if (flate(px, npx * 4, &e->data, &e->len) != 0) {
        hc_buf_printf(&m, "image %s: zlib cannot compress it", e->im->path);
        goto fail;
    }
    cache_put(ic, e);
done:
    e->colorspace = hc_xstrdup("/DeviceCMYK");
    goto out;
fail:
    e->state = 3;
    e->err = hc_buf_detach(&m, NULL);
out:
    free(raw);
    free(px);
    hc_buf_free(&m);
}

/* Puts e into xo; -1 if e's file cannot be read back. */
static int put(const pdf_imgcache *ic, qpdf_data q, qpdf_oh xo, const ic_entry *e)
{
    qpdf_oh dict = qpdf_oh_get_dict(q, xo);
    const unsigned char *data = e->data;
    hc_buf back = HC_BUF_INIT;
    if (e->on_disk) {
        hc_buf path = HC_BUF_INIT;
        hc_buf_printf(&path, "%s/%s", ic->dir, e->file);
        int bad = hc_fs_read(hc_buf_cstr(&path), &back) != 0 || back.len != e->len;
        hc_buf_free(&path);
        if (bad) {
            hc_buf_free(&back);
            return -1;
        }
        data = (const unsigned char *)back.data;
    }
    if (data) {
        qpdf_oh_replace_stream_data(q, xo, data, e->len, qpdf_oh_new_name(q, e->dct ? "/DCTDecode" : "/FlateDecode"),
                                    qpdf_oh_new_null(q));
        qpdf_oh_replace_key(q, dict, "/BitsPerComponent", qpdf_oh_new_integer(q, 8));
        qpdf_oh_remove_key(q, dict, "/Decode");
    }
    if (e->colorspace) qpdf_oh_replace_key(q, dict, "/ColorSpace", qpdf_oh_parse(q, e->colorspace));
    hc_buf_free(&back);
    return 0;
}

int pdf_pdfx_image(const pdf_cmyk *c, pdf_imgcache *ic, qpdf_data q, qpdf_oh xo, const pdf_image *im, char **err)
{
    pthread_mutex_lock(&ic->mu);
    size_t i = 0;
    while (i < ic->n && ic->v[i].im != im) i++;
    if (i == ic->n) {
        ic->v = hc_xgrow(ic->v, &ic->cap, ic->n + 1, sizeof *ic->v);
        memset(&ic->v[i], 0, sizeof ic->v[i]);
        ic->v[i].im = im;
        ic->v[i].state = 1;
        ic->n++;
        ic_entry e = ic->v[i];
        pthread_mutex_unlock(&ic->mu);
        convert(c, ic, q, xo, &e);   /* the slow part, unlocked; others wait for this entry */
        cache_drop(ic, &e);
        pthread_mutex_lock(&ic->mu);
        ic->v[i] = e;
        pthread_cond_broadcast(&ic->cv);
    }
    while (ic->v[i].state == 1) pthread_cond_wait(&ic->cv, &ic->mu);
    ic_entry e = ic->v[i];   /* entries never change once done (the array may move) */
    pthread_mutex_unlock(&ic->mu);
    if (e.state == 3) {
        *err = hc_xstrdup(e.err);
        return -1;
    }
    if (put(ic, q, xo, &e) != 0) {
        hc_buf m = HC_BUF_INIT;
        hc_buf_printf(&m, "image %s: cannot read its CMYK data back from %s/%s", im->path, ic->dir, e.file);
        *err = hc_buf_detach(&m, NULL);
        return -1;
    }
    return 0;
}
