/* press.c — the two editions of a document, made with libqpdf's C API.
 *
 * cairo 1.16 writes only /MediaBox. From one cairo render (media = trim +
 * 2 × (bleed + marks area)) qpdf, reading it from memory or (the album
 * stage: pdf_editions_files, so that no document is ever held whole in
 * memory) from a file, which it reads object by object,
 *   1. puts each image's original data where image.c drew a placeholder;
 *   2. writes the screen edition: MediaBox = the trim, links and tags kept;
 *   3. writes the press edition: full media with crop marks, /TrimBox and
 *      /BleedBox on every page, no link annotations, no structure tree.
 * Both with a deterministic /ID (a hash of the content) and object streams.
 * With PDF/X (pdfx.h) the press edition is then converted to CMYK and
 * written as PDF/X-4, PDF 1.6. A document file of 48 MB or more without
 * PDF/X skips steps 2 and 3 here: press_update.c writes its editions as
 * updates of cairo's file, so that qpdf never holds its whole object table.
 */
#include "pdf_int.h"
#include "pdfx.h"
#include "press.h"
#include "../../base/alloc.h"
#include "../../base/hash.h"
#include <qpdf/qpdf-c.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

char *pdf_qpdf_message(qpdf_data q, const char *what)
{
    hc_buf m = HC_BUF_INIT;
    hc_buf_printf(&m, "%s", what);
    if (qpdf_has_error(q)) {
        qpdf_error e = qpdf_get_error(q);
        hc_buf_printf(&m, ": %s", qpdf_get_error_full_text(q, e));
    }
    return hc_buf_detach(&m, NULL);
}

static qpdf_oh box(qpdf_data q, double x0, double y0, double x1, double y1)
{
    char s[160];
    snprintf(s, sizeof s, "[%.4f %.4f %.4f %.4f]", x0, y0, x1, y1);
    return qpdf_oh_parse(q, s);
}

static void replace_image(qpdf_data q, qpdf_oh xo, const pdf_image *im)
{
    qpdf_oh filter = qpdf_oh_new_name(q, im->kind == PDF_IMG_DCT ? "/DCTDecode" : "/FlateDecode");
    qpdf_oh parms;
    if (im->kind == PDF_IMG_FLATE) {
        char s[160];
        snprintf(s, sizeof s, "<< /Predictor 15 /Colors %d /BitsPerComponent %d /Columns %d >>", im->colors, im->bpc,
                 im->w);
        parms = qpdf_oh_parse(q, s);
    } else {
        parms = qpdf_oh_new_null(q);
    }
    hc_buf tmp = HC_BUF_INIT;
    const unsigned char *d = pdf_image_bytes(im, &tmp);
    qpdf_oh_replace_stream_data(q, xo, d ? d : (const unsigned char *)"", d ? im->len : 0, filter, parms);
    hc_buf_free(&tmp);
    qpdf_oh dict = qpdf_oh_get_dict(q, xo);
    qpdf_oh_replace_key(q, dict, "/Width", qpdf_oh_new_integer(q, im->w));
    qpdf_oh_replace_key(q, dict, "/Height", qpdf_oh_new_integer(q, im->h));
    qpdf_oh_replace_key(q, dict, "/BitsPerComponent", qpdf_oh_new_integer(q, im->bpc));
    qpdf_oh_replace_key(q, dict, "/ColorSpace", qpdf_oh_parse(q, im->colorspace));
    qpdf_oh_remove_key(q, dict, "/SMask");
    qpdf_oh_remove_key(q, dict, "/Interpolate");
    qpdf_oh_remove_key(q, dict, "/Decode");
    if (im->invert_cmyk) qpdf_oh_replace_key(q, dict, "/Decode", qpdf_oh_parse(q, "[1 0 1 0 1 0 1 0]"));
}

/* Finds placeholders among the XObjects of resources (and of forms inside
 * them) and replaces them; done[k] marks what was found. */
static void scan_resources(qpdf_data q, qpdf_oh res, const pdf_image *const *used, size_t nused, char *done,
                           qpdf_oh *xos, int replace, int depth)
{
    if (depth > 4 || !qpdf_oh_is_dictionary(q, res)) return;
    qpdf_oh xobjs = qpdf_oh_get_key(q, res, "/XObject");
    if (!qpdf_oh_is_dictionary(q, xobjs)) return;
    /* collect first: the key iterator is shared, and forms recurse */
    qpdf_oh items[256];
    int n = 0;
    qpdf_oh_begin_dict_key_iter(q, xobjs);
    while (qpdf_oh_dict_more_keys(q) && n < 256) {
        const char *key = qpdf_oh_dict_next_key(q);
        items[n++] = qpdf_oh_get_key(q, xobjs, key);
    }
    for (int i = 0; i < n; i++) {
        qpdf_oh xo = items[i];
        if (!qpdf_oh_is_stream(q, xo)) continue;
        qpdf_oh dict = qpdf_oh_get_dict(q, xo);
        qpdf_oh sub = qpdf_oh_get_key(q, dict, "/Subtype");
        if (qpdf_oh_is_name_and_equals(q, sub, "/Image")) {
            qpdf_oh w = qpdf_oh_get_key(q, dict, "/Width"), h = qpdf_oh_get_key(q, dict, "/Height");
            if (!qpdf_oh_is_integer(q, w) || !qpdf_oh_is_integer(q, h) || qpdf_oh_get_int_value(q, w) != 1) continue;
            long long k = qpdf_oh_get_int_value(q, h) - PDF_PLACEHOLDER_H0;
            if (k < 0 || (size_t)k >= nused || done[k]) continue;
            if (replace) replace_image(q, xo, used[k]);
            done[k] = 1;
            xos[k] = xo;
        } else if (qpdf_oh_is_name_and_equals(q, sub, "/Form")) {
            scan_resources(q, qpdf_oh_get_key(q, dict, "/Resources"), used, nused, done, xos, replace, depth + 1);
        }
    }
}

/* The document /ID of an edition: a hash of what qpdf read (cairo's
 * file with its images) and of what the edition changes (tag, and the
 * output profile of a PDF/X edition). */
typedef struct { int set; uint64_t h; } press_id;

static press_id press_id_of(const void *data, size_t len)
{
    press_id id = { data != NULL, data ? hc_hash(HC_HASH_INIT, data, len) : 0 };
    return id;
}

static press_id press_id_edition(press_id in, const char *tag, struct pdf_pdfx *pdfx)
{
    if (!in.set) return in;
    in.h = hc_hash(in.h, tag, strlen(tag));
    if (pdfx) {
        size_t n = 0;
        const unsigned char *icc = pdf_cmyk_profile(pdf_pdfx_cmyk(pdfx), &n);
        in.h = hc_hash(in.h, icc, n);
        const char *cond = pdf_pdfx_condition(pdfx);
        in.h = hc_hash(in.h, cond, strlen(cond) + 1);
    }
    return in;
}

/* in with the data of the images put in from memory (pdf_editions: they
 * are not in the bytes qpdf read). */
static press_id press_id_images(press_id in, const pdf_image *const *used, size_t nused)
{
    hc_buf tmp = HC_BUF_INIT;
    for (size_t k = 0; k < nused; k++) {
        const unsigned char *d = pdf_image_bytes(used[k], &tmp);
        if (d) in.h = hc_hash(in.h, d, used[k]->len);
    }
    hc_buf_free(&tmp);
    return in;
}

/* Writes q to path (when path) or into *out; at least PDF min_version when given.
 * The /ID: with id set, its first string is id (16 bytes from two hashes)
 * and qpdf adds its constant second one (qpdf_set_static_ID), so no pass
 * over the written bytes is needed; without, qpdf's deterministic /ID, an
 * MD5 of everything it writes (a third of the write time of a 27 MB
 * album). */
static int write_to(qpdf_data q, const char *path, hc_buf *out, const char *min_version, press_id id)
{
    if ((path ? qpdf_init_write(q, path) : qpdf_init_write_memory(q)) & QPDF_ERRORS) return -1;
    if (min_version) qpdf_set_minimum_pdf_version(q, min_version);
    if (id.set) {
        char s[80];
        uint64_t h2 = hc_hash(id.h, "2", 1);
        snprintf(s, sizeof s, "[<%016llx%016llx> <%016llx%016llx>]", (unsigned long long)id.h,
                 (unsigned long long)h2, (unsigned long long)id.h, (unsigned long long)h2);
        qpdf_oh_replace_key(q, qpdf_get_trailer(q), "/ID", qpdf_oh_parse(q, s));
        qpdf_set_static_ID(q, QPDF_TRUE);
    } else {
        qpdf_set_deterministic_ID(q, QPDF_TRUE);
    }
    qpdf_set_object_stream_mode(q, qpdf_o_generate);
    qpdf_set_decode_level(q, qpdf_dl_none);
    qpdf_set_compress_streams(q, QPDF_TRUE);
    if (qpdf_write(q) & QPDF_ERRORS) return -1;
    if (!path) {
        hc_buf_reset(out);
        hc_buf_put(out, qpdf_get_buffer(q), qpdf_get_buffer_length(q));
    }
    return 0;
}

void pdf_screen_page(qpdf_data q, qpdf_oh page, const pdf_geom *g)
{
    qpdf_oh_replace_key(q, page, "/MediaBox", box(q, g->pad, g->pad, g->media_w - g->pad, g->media_h - g->pad));
}

void pdf_press_page(qpdf_data q, qpdf_oh page, const pdf_geom *g)
{
    double pad = g->pad, b = g->bleed;
    qpdf_oh_replace_key(q, page, "/MediaBox", box(q, 0, 0, g->media_w, g->media_h));
    qpdf_oh_replace_key(q, page, "/TrimBox", box(q, pad, pad, g->media_w - pad, g->media_h - pad));
    qpdf_oh_replace_key(q, page, "/BleedBox", box(q, pad - b, pad - b, g->media_w - pad + b, g->media_h - pad + b));
    qpdf_oh_remove_key(q, page, "/CropBox");
    qpdf_oh_remove_key(q, page, "/Annots");
    qpdf_oh_remove_key(q, page, "/StructParents");
}

void pdf_press_root(qpdf_data q)
{
    qpdf_oh root = qpdf_get_root(q);
    qpdf_oh_remove_key(q, root, "/StructTreeRoot");
    qpdf_oh_remove_key(q, root, "/MarkInfo");
}

/* Finds the placeholder of every used image (xos[k]), putting its data in
 * when replace. Returns 0, or -1 with err. */
static int placeholders(qpdf_data q, const pdf_image *const *used, size_t nused, qpdf_oh *xos, int replace, char **err)
{
    int rc = -1;
    char *done = hc_xcalloc(nused ? nused : 1, 1);
    int np = qpdf_get_num_pages(q);
    if (np <= 0) {
        *err = pdf_qpdf_message(q, "cairo's PDF has no pages");
        goto out;
    }
    for (int i = 0; i < np; i++)
        scan_resources(q, qpdf_oh_get_key(q, qpdf_get_page_n(q, (size_t)i), "/Resources"), used, nused, done, xos,
                       replace, 0);
    for (size_t k = 0; k < nused; k++)
        if (!done[k]) {
            hc_buf m = HC_BUF_INIT;
            hc_buf_printf(&m, "image %s: its placeholder is missing from cairo's PDF", used[k]->path);
            *err = hc_buf_detach(&m, NULL);
            goto out;
        }
    if (qpdf_has_error(q)) {
        *err = pdf_qpdf_message(q, "cannot put the images in");
        goto out;
    }
    rc = 0;
out:
    free(done);
    return rc;
}

/* The two editions of what q has read (its images in place: xos[k] is
 * used[k]'s XObject), into files (paths) or buffers. */
static int editions(qpdf_data q, const pdf_geom *g, const pdf_image *const *used, qpdf_oh *xos, size_t nused,
                    struct pdf_pdfx *pdfx, const char *date, press_id id, const char *screen_path,
                    const char *press_path, hc_buf *screen, hc_buf *press, char **err)
{
    int rc = -1;
    int np = qpdf_get_num_pages(q);

    /* screen edition: the trim only (none when neither screen_path nor screen is given: the signs) */
    for (int i = 0; (screen_path || screen) && i < np; i++) pdf_screen_page(q, qpdf_get_page_n(q, (size_t)i), g);
    if ((screen_path || screen) && write_to(q, screen_path, screen, NULL, press_id_edition(id, "screen", NULL)) != 0) {
        *err = pdf_qpdf_message(q, "cannot write the screen edition");
        goto out;
    }

    /* press edition: boxes, no links, no structure tree; PDF/X-4 in CMYK when asked */
    for (int i = 0; i < np; i++) pdf_press_page(q, qpdf_get_page_n(q, (size_t)i), g);
    pdf_press_root(q);
    if (pdfx && pdf_pdfx_apply(pdfx, q, used, xos, nused, date, err) != 0) goto out;
    if (write_to(q, press_path, press, pdfx ? "1.6" : NULL, press_id_edition(id, "press", pdfx)) != 0) {
        *err = pdf_qpdf_message(q, "cannot write the press edition");
        goto out;
    }
    rc = 0;
out:
    return rc;
}

int pdf_editions(const unsigned char *pdf, size_t len, const pdf_geom *g, const pdf_image *const *used,
                size_t nused, struct pdf_pdfx *pdfx, const char *date, hc_buf *screen, hc_buf *press, char **err)
{
    int rc = -1;
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_oh *xos = hc_xcalloc(nused ? nused : 1, sizeof *xos);
    if (qpdf_read_memory(q, "album", (const char *)pdf, len, NULL) & QPDF_ERRORS)
        *err = pdf_qpdf_message(q, "cannot read cairo's PDF");
    else if (placeholders(q, used, nused, xos, 1, err) == 0)
        rc = editions(q, g, used, xos, nused, pdfx, date, press_id_images(press_id_of(pdf, len), used, nused), NULL,
                      NULL, screen, press, err);
    qpdf_cleanup(&q);
    free(xos);
    return rc;
}

/* ---- reading cairo's file ----
 * qpdf's file reader seeks before every object it reads, and glibc's
 * stdio drops its buffer at each seek: a read and an lseek per object, and
 * every stream copied through stdio into qpdf's buffers. A file up to
 * PRESS_MAP_MAX is mapped instead and read from memory (the mapping stays
 * until the qpdf handle is cleaned up); a larger one is read as a file, so
 * that a document of thousands of pages is never held in memory. */
#define PRESS_MAP_MAX ((off_t)48 << 20)

typedef struct { void *p; size_t len; } press_map;

static int press_read(qpdf_data q, const char *path, press_map *m)
{
    m->p = NULL;
    m->len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && st.st_size > 0 && st.st_size <= PRESS_MAP_MAX) {
        void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) {
            m->p = p;
            m->len = (size_t)st.st_size;
        }
    }
    if (fd >= 0) close(fd);
    if (m->p) return qpdf_read_memory(q, path, m->p, (unsigned long long)m->len, NULL);
    return qpdf_read(q, path, NULL);
}

static void press_unmap(press_map *m)
{
    if (m->p) munmap(m->p, m->len);
    m->p = NULL;
}

/* ---- images appended to cairo's file ----
 * qpdf_oh_replace_stream_data keeps a copy of the data it is given until the
 * file is written: for an album with a thousand route maps, hundreds of MB.
 * Instead the images are appended to cairo's file as an incremental update
 * (PDF 32000 7.5.6) that redefines each placeholder object as the real
 * image; qpdf reads that file as it needs it and copies the image streams
 * from it while writing, so no image is held in memory. */

typedef struct { long long id; int gen; } objref;

long long pdf_last_startxref(FILE *f)
{
    char tail[1025];
    if (fseeko(f, 0, SEEK_END) != 0) return -1;
    off_t size = ftello(f);
    off_t from = size > 1024 ? size - 1024 : 0;
    if (fseeko(f, from, SEEK_SET) != 0) return -1;
    size_t n = fread(tail, 1, (size_t)(size - from), f);
    tail[n] = 0;
    char *last = NULL;
    for (char *p = tail; (p = memmem(p, n - (size_t)(p - tail), "startxref", 9)) != NULL; p += 9) last = p;
    return last ? strtoll(last + 9, NULL, 10) : -1;
}

/* Writes the stream object r holding im, at the end of f. */
static int append_image(FILE *f, objref r, const pdf_image *im, hc_buf *tmp)
{
    const unsigned char *d = pdf_image_bytes(im, tmp);
    if (!d) return -1;
    fprintf(f, "%lld %d obj\n<< /Type /XObject /Subtype /Image /Width %d /Height %d /BitsPerComponent %d /ColorSpace %s",
            r.id, r.gen, im->w, im->h, im->bpc, im->colorspace);
    if (im->kind == PDF_IMG_FLATE)
        fprintf(f, " /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors %d /BitsPerComponent %d /Columns %d >>",
                im->colors, im->bpc, im->w);
    else
        fputs(" /Filter /DCTDecode", f);
    if (im->invert_cmyk) fputs(" /Decode [1 0 1 0 1 0 1 0]", f);
    fprintf(f, " /Length %zu >>\nstream\n", im->len);
    fwrite(d, 1, im->len, f);
    fputs("\nendstream\nendobj\n", f);
    return ferror(f) ? -1 : 0;
}

/* Appends the images as an update of the file at path whose placeholders
 * are the objects refs; trailer: the text of the old trailer's /Root, /Info
 * and its /Size. */
static int append_images(const char *path, const pdf_image *const *used, const objref *refs, size_t nused,
                         const char *root, const char *info, long long size, char **err)
{
    int rc = -1;
    hc_buf tmp = HC_BUF_INIT;
    long long *at = hc_xcalloc(nused ? nused : 1, sizeof *at);
    FILE *f = fopen(path, "r+b");
    if (!f) goto fail;
    long long prev = pdf_last_startxref(f);
    if (prev < 0 || fseeko(f, 0, SEEK_END) != 0) goto fail;
    fputs("\n", f);
    for (size_t k = 0; k < nused; k++) {
        at[k] = (long long)ftello(f);
        if (append_image(f, refs[k], used[k], &tmp) != 0) goto fail;
    }
    long long xref = (long long)ftello(f);
    fputs("xref\n", f);
    for (size_t k = 0; k < nused; k++) fprintf(f, "%lld 1\n%010lld %05d n \n", refs[k].id, at[k], refs[k].gen);
    fprintf(f, "trailer\n<< /Size %lld /Root %s%s%s /Prev %lld >>\nstartxref\n%lld\n%%%%EOF\n", size, root,
            *info ? " /Info " : "", info, prev, xref);
    if (fflush(f) != 0 || ferror(f)) goto fail;
    rc = 0;
fail:
    if (f && fclose(f) != 0) rc = -1;
    if (rc != 0) {
        hc_buf m = HC_BUF_INIT;
        hc_buf_printf(&m, "cannot add the images to %s: %s", path, strerror(errno ? errno : EIO));
        *err = hc_buf_detach(&m, NULL);
    }
    free(at);
    hc_buf_free(&tmp);
    return rc;
}

/* Finds the placeholders in the file at path and appends the images
 * (above). Returns 0, or -1 with err. */
static int images_into_file(const char *path, const pdf_image *const *used, size_t nused, objref *refs, char **err)
{
    int rc = -1;
    char *root = NULL, *info = NULL;
    long long size = 0;
    qpdf_oh *xos = hc_xcalloc(nused ? nused : 1, sizeof *xos);
    press_map map;
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    if (press_read(q, path, &map) & QPDF_ERRORS) {
        *err = pdf_qpdf_message(q, "cannot read cairo's PDF");
        goto out;
    }
    if (placeholders(q, used, nused, xos, 0, err) != 0) goto out;
    for (size_t k = 0; k < nused; k++) {
        refs[k].id = qpdf_oh_get_object_id(q, xos[k]);
        refs[k].gen = qpdf_oh_get_generation(q, xos[k]);
    }
    qpdf_oh tr = qpdf_get_trailer(q);
    root = hc_xstrdup(qpdf_oh_unparse(q, qpdf_oh_get_key(q, tr, "/Root")));
    qpdf_oh inf = qpdf_oh_get_key(q, tr, "/Info");
    info = hc_xstrdup(qpdf_oh_is_indirect(q, inf) ? qpdf_oh_unparse(q, inf) : "");
    size = qpdf_oh_get_int_value(q, qpdf_oh_get_key(q, tr, "/Size"));
    qpdf_cleanup(&q);
    press_unmap(&map);
    rc = append_images(path, used, refs, nused, root, info, size, err);
out:
    if (q) qpdf_cleanup(&q);
    press_unmap(&map);
    free(root);
    free(info);
    free(xos);
    return rc;
}

int pdf_editions_files(const char *in_path, const pdf_geom *g, const pdf_image *const *used, size_t nused,
                       struct pdf_pdfx *pdfx, const char *date, const char *screen_path, const char *press_path,
                       char **err)
{
    int rc = -1;
    objref *refs = hc_xcalloc(nused ? nused : 1, sizeof *refs);
    qpdf_oh *xos = hc_xcalloc(nused ? nused : 1, sizeof *xos);
    if (nused && images_into_file(in_path, used, nused, refs, err) != 0) {
        free(refs);
        free(xos);
        return -1;
    }
    struct stat st;
    if (!pdfx && stat(in_path, &st) == 0 && (long long)st.st_size >= pdf_update_min()) {
        free(refs);
        free(xos);
        return pdf_editions_update(in_path, g, screen_path, press_path, err);
    }
    press_map map;
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    if (press_read(q, in_path, &map) & QPDF_ERRORS) {
        *err = pdf_qpdf_message(q, "cannot read cairo's PDF");
    } else {
        for (size_t k = 0; k < nused; k++) xos[k] = qpdf_get_object_by_id(q, refs[k].id, refs[k].gen);
        rc = editions(q, g, used, xos, nused, pdfx, date, press_id_of(map.p, map.len), screen_path, press_path,
                      NULL, NULL, err);
    }
    qpdf_cleanup(&q);
    press_unmap(&map);
    free(refs);
    free(xos);
    return rc;
}
