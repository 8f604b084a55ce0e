/* The album end to end inside the process: the two editions qpdf writes from
 * one cairo render (boxes, links, image pass-through, deterministic bytes),
 * a whole render of tests/sites/pdf-basic with its photos from the image
 * stage (files, page counts, warnings for low-resolution photos,
 * byte-identical twice), and the error when the CJK
 * fonts are missing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "base/date.h"
#include "base/fs.h"
#include "load/load.h"
#include "render/images/images.h"
#include "render/pdf/pdf_int.h"

/* cairo 1.16's CFF (CID-keyed) font subsetter leaks 768 bytes per font per
 * PDF inside cairo_surface_finish (libcairo.so.2+0x85121, fixed upstream
 * later); not ours to free. Read by LeakSanitizer when built with ASan; full
 * stacks (cairo has no frame pointers) so that only that leak matches. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void) { return "leak:cairo_surface_finish\n"; }
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "fast_unwind_on_malloc=0"; }

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
    hc_buf_put(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

/* A box of a page as "x0 y0 x1 y1" with two decimals. */
static void box_text(qpdf_data q, qpdf_oh page, const char *key, char *out, size_t n)
{
    qpdf_oh b = qpdf_oh_get_key(q, page, key);
    double v[4] = { -1, -1, -1, -1 };
    for (int i = 0; i < 4 && qpdf_oh_is_array(q, b); i++) v[i] = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, b, i));
    snprintf(out, n, "%.2f %.2f %.2f %.2f", v[0], v[1], v[2], v[3]);
}

/* Two pages drawn like the album draws them: Document tag, a link, a
 * destination, a placeholder image. */
static void render_sample(const pdf_geom *g, const pdf_image *im, hc_buf *raw, pdf_doc *p, pdf_env *env,
                          PangoContext *pc)
{
    memset(env, 0, sizeof *env);
    env->geom = *g;
    snprintf(env->fonts.sans, sizeof env->fonts.sans, "Noto Sans CJK SC");
    snprintf(env->fonts.serif, sizeof env->fonts.serif, "Noto Serif CJK SC");
    snprintf(env->fonts.mono, sizeof env->fonts.mono, "Noto Sans CJK SC");
    memset(p, 0, sizeof *p);
    p->env = env;
    p->pc = pc;
    p->surface = cairo_pdf_surface_create_for_stream(to_buf, raw, g->media_w, g->media_h);
    cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATE_DATE, "2026-11-30T00:00:00");
    p->cr = cairo_create(p->surface);
    cairo_tag_begin(p->cr, "Document", NULL);
    pdf_page_begin(p, 0, NULL, "封面");
    pdf_link_dest(p, "later", 10, 10, 100, 20);   /* a link forward, the case cairo 1.16 gets wrong with page= */
    pdf_link_end(p);
    pdf_image_draw(p, im, 20, 40, 200, 100);
    pdf_page_end(p);
    pdf_page_begin(p, 1, "running", NULL);
    pdf_dest(p, "later", 30);
    pdf_link_uri(p, "https://example.test/a'b", 10, 10, 50, 10);
    pdf_link_end(p);
    pdf_page_end(p);
    cairo_tag_end(p->cr, "Document");
    cairo_destroy(p->cr);
    cairo_surface_finish(p->surface);
    cairo_surface_destroy(p->surface);
}

static void editions(void **st)
{
    (void)st;
    pdf_geom g;
    assert_int_equal(pdf_geom_init(&g, 210, 285, 3), 0);
    hc_buf png = HC_BUF_INIT, raw = HC_BUF_INIT, screen = HC_BUF_INIT, press = HC_BUF_INIT, again = HC_BUF_INIT;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 120, 80);
    cairo_surface_write_to_png_stream(s, to_buf, &png);
    cairo_surface_destroy(s);
    const char *why = NULL;
    pdf_image *im = pdf_image_load("sample.png", (unsigned char *)png.data, png.len, &why);
    assert_non_null(im);
    pdf_doc p;
    pdf_env env;
    PangoFontMap *fm;
    pdf_fontset whole = { .sub = NULL };   /* the system faces, no subsets */
    PangoContext *pc = pdf_pango_context_new(&whole, &fm);
    render_sample(&g, im, &raw, &p, &env, pc);
    char *err = NULL;
    int rc = pdf_editions((unsigned char *)raw.data, raw.len, &g, p.used, p.nused, NULL, NULL, &screen, &press, &err);
    if (rc) fail_msg("%s", err);
    assert_true(screen.len > 0 && press.len > 0);

    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    assert_false(qpdf_read_memory(q, "press", press.data, press.len, NULL) & QPDF_ERRORS);
    assert_int_equal(qpdf_get_num_pages(q), 2);
    char b[96];
    for (int i = 0; i < 2; i++) {
        qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
        box_text(q, page, "/MediaBox", b, sizeof b);
        assert_string_equal(b, "0.00 0.00 663.31 875.91");
        box_text(q, page, "/TrimBox", b, sizeof b);
        assert_string_equal(b, "34.02 34.02 629.29 841.89");   /* 3 mm bleed + 9 mm marks */
        box_text(q, page, "/BleedBox", b, sizeof b);
        assert_string_equal(b, "25.51 25.51 637.80 850.39");   /* 3 mm outside the trim */
        assert_false(qpdf_oh_has_key(q, page, "/Annots"));      /* no links in the press edition */
    }
    assert_false(qpdf_oh_has_key(q, qpdf_get_root(q), "/StructTreeRoot"));
    /* the placeholder now holds the PNG's own data */
    qpdf_oh xo = qpdf_oh_get_key(q, qpdf_oh_get_key(q, qpdf_get_page_n(q, 0), "/Resources"), "/XObject");
    assert_true(qpdf_oh_is_dictionary(q, xo));
    int found = 0;
    qpdf_oh_begin_dict_key_iter(q, xo);
    while (qpdf_oh_dict_more_keys(q)) {
        qpdf_oh x = qpdf_oh_get_key(q, xo, qpdf_oh_dict_next_key(q));
        qpdf_oh d = qpdf_oh_get_dict(q, x);
        if (qpdf_oh_get_int_value(q, qpdf_oh_get_key(q, d, "/Width")) == 120 &&
            qpdf_oh_get_int_value(q, qpdf_oh_get_key(q, d, "/Height")) == 80 &&
            qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, d, "/Filter"), "/FlateDecode"))
            found = 1;
    }
    assert_true(found);
    qpdf_cleanup(&q);

    q = qpdf_init();
    qpdf_silence_errors(q);
    assert_false(qpdf_read_memory(q, "screen", screen.data, screen.len, NULL) & QPDF_ERRORS);
    qpdf_oh page = qpdf_get_page_n(q, 0);
    box_text(q, page, "/MediaBox", b, sizeof b);
    assert_string_equal(b, "34.02 34.02 629.29 841.89");       /* the screen edition is the trim */
    qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
    assert_int_equal(qpdf_oh_get_array_n_items(q, annots), 1);
    /* the forward link points at the named destination */
    qpdf_oh dest = qpdf_oh_get_key(q, qpdf_oh_get_array_item(q, annots, 0), "/Dest");
    assert_true(qpdf_oh_is_string(q, dest));
    assert_string_equal(qpdf_oh_get_utf8_value(q, dest), "later");
    assert_true(qpdf_oh_has_key(q, qpdf_get_root(q), "/PageLabels"));
    qpdf_cleanup(&q);

    /* the same render twice gives the same bytes */
    pdf_doc_images_free(&p);
    pdf_anchors_free(&p.cur);
    hc_buf_reset(&raw);
    render_sample(&g, im, &raw, &p, &env, pc);
    rc = pdf_editions((unsigned char *)raw.data, raw.len, &g, p.used, p.nused, NULL, NULL, &again, &press, &err);
    if (rc) fail_msg("%s", err);
    assert_int_equal(again.len, screen.len);
    assert_memory_equal(again.data, screen.data, screen.len);
    pdf_doc_images_free(&p);
    pdf_anchors_free(&p.cur);
    g_object_unref(pc);
    g_object_unref(fm);
    pdf_image_free(im);
    hc_buf_free(&png);
    hc_buf_free(&raw);
    hc_buf_free(&screen);
    hc_buf_free(&press);
    hc_buf_free(&again);
}

static hc_model *load_fixture(hc_diags *d)
{
    const char *root = "tests/sites/pdf-basic";
    hc_diags_set_root(d, root);
    hc_model *m = hc_model_new(root);
    hc_load_opts lo = { 0 };
    hc_load_site(m, &lo, d);
    hc_model_link(m, d);
    hc_model_edition(m, 0);   /* as a build does: album.html renders the theme with the site values */
    hc_date_parse("2026-11-30", &m->today);
    assert_int_equal(hc_diags_errors(d), 0);
    return m;
}

static int pages_of(const char *path)
{
    hc_buf b = HC_BUF_INIT;
    if (hc_fs_read(path, &b) != 0) return -1;
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    int n = (qpdf_read_memory(q, path, b.data, b.len, NULL) & QPDF_ERRORS) ? -1 : qpdf_get_num_pages(q);
    qpdf_cleanup(&q);
    hc_buf_free(&b);
    return n;
}

static void render_fixture(void **st)
{
    (void)st;
    hc_diags *d = hc_diags_new();
    hc_model *m = load_fixture(d);
    char dir1[] = "/tmp/huace-pdf-test-XXXXXX", dir2[] = "/tmp/huace-pdf-test-XXXXXX";
    assert_non_null(mkdtemp(dir1));
    assert_non_null(mkdtemp(dir2));
    /* the photos come from the image stage, as in a build */
    hc_images *images = NULL;
    hc_images_opts io = { .out_dir = dir1, .jobs = 2, .quiet = 1 };
    assert_int_equal(hc_images_process(m, &io, d, &images, NULL), 0);
    hc_pdf_opts o = { .out_dir = dir1, .bleed_mm = 3, .jobs = 2, .quiet = 1, .images = images };
    hc_pdf_stats stats;
    assert_int_equal(hc_pdf_render(m, &o, d, &stats), 0);
    assert_int_equal(hc_diags_errors(d), 0);
    assert_int_equal(stats.files, 10);  /* 2 album editions + 2 × 2 unit editions + album.html + 3 cover spreads */
    assert_true(stats.pages > 0 && stats.pages % 4 == 0);
    /* the photo and the case's image are too small for print: warnings naming the
     * file and the place that names it, with the placed size and the ppi */
    int photo = 0, image = 0;
    for (size_t i = 0; i < hc_diags_count(d); i++) {
        const hc_diag *g = hc_diags_at(d, i);
        if (strcmp(g->rule, "photo-resolution") != 0) continue;
        assert_non_null(strstr(g->msg, "assets/lowres.png is printed "));
        assert_non_null(strstr(g->msg, " mm in the album at "));
        if (strcmp(g->path, "content/projects/p-b-01.yaml") == 0) photo = 1;
        if (strcmp(g->path, "content/cases/red-ribbon.md") == 0 && g->line > 0) image = 1;
    }
    assert_true(photo && image);
    static const char *const files[] = { "album.pdf", "album-press.pdf", "P-B-01.pdf", "P-B-01-press.pdf",
                                         "P-Z-01.pdf", "P-Z-01-press.pdf", NULL };
    hc_buf a = HC_BUF_INIT, b = HC_BUF_INIT, pa = HC_BUF_INIT, pb = HC_BUF_INIT;
    /* a second render, one thread: the same bytes */
    o.out_dir = dir2;
    o.jobs = 1;
    hc_diags *d2 = hc_diags_new();
    assert_int_equal(hc_pdf_render(m, &o, d2, NULL), 0);
    for (int i = 0; files[i]; i++) {
        hc_buf_reset(&pa);
        hc_buf_reset(&pb);
        hc_buf_printf(&pa, "%s/print/%s", dir1, files[i]);
        hc_buf_printf(&pb, "%s/print/%s", dir2, files[i]);
        int n = pages_of(hc_buf_cstr(&pa));
        if (n <= 0 || n % 4) fail_msg("%s: %d pages", files[i], n);
        assert_int_equal(hc_fs_read(hc_buf_cstr(&pa), &a), 0);
        assert_int_equal(hc_fs_read(hc_buf_cstr(&pb), &b), 0);
        if (a.len != b.len || memcmp(a.data, b.data, a.len) != 0) fail_msg("%s differs between two renders", files[i]);
    }
    hc_buf_reset(&pa);
    hc_buf_printf(&pa, "%s/print/album.html", dir1);
    assert_int_equal(hc_fs_read(hc_buf_cstr(&pa), &a), 0);
    assert_non_null(strstr(hc_buf_cstr(&a), "href=\"../projects/P-B-01/index.html\""));
    assert_non_null(strstr(hc_buf_cstr(&a), "href=\"#unit-P-B-01\""));   /* the case's link to the unit, inside the album */
    assert_null(strstr(hc_buf_cstr(&a), "src=\"http"));
    hc_buf_free(&a);
    hc_buf_free(&b);
    hc_buf_free(&pa);
    hc_buf_free(&pb);
    hc_fs_rmtree(dir1);
    hc_fs_rmtree(dir2);
    hc_diags_free(d2);
    hc_images_free(images);
    hc_images_shutdown();
    hc_model_free(m);
    hc_diags_free(d);
}

static void bad_options(void **st)
{
    (void)st;
    hc_diags *d = hc_diags_new();
    hc_model *m = load_fixture(d);
    hc_pdf_opts o = { .out_dir = "/nonexistent", .trim_w_mm = 20, .bleed_mm = 3 };
    assert_int_equal(hc_pdf_render(m, &o, d, NULL), -1);
    assert_int_equal(hc_diags_errors(d), 1);
    assert_string_equal(hc_diags_at(d, 0)->rule, "print");
    hc_model_free(m);
    hc_diags_free(d);
}

/* Without the Noto CJK fonts the error names the Debian package. */
static void fonts_missing(void **st)
{
    (void)st;
    hc_diags *d = hc_diags_new();
    pdf_fontset fs;
    FcConfig *empty = FcConfigCreate();
    FcConfig *orig = FcConfigReference(NULL);
    assert_true(FcConfigSetCurrent(empty));
    int rc = pdf_fonts_find(&fs, NULL, NULL, 1, d);
    FcConfigSetCurrent(orig);
    FcConfigDestroy(orig);
    FcConfigDestroy(empty);
    assert_int_equal(rc, -1);
    assert_int_equal(hc_diags_errors(d), 1);
    assert_string_equal(hc_diags_at(d, 0)->rule, "font");
    assert_non_null(strstr(hc_diags_at(d, 0)->msg, "fonts-noto-cjk"));
    assert_int_equal(pdf_fonts_find(&fs, NULL, NULL, 1, d), 0);   /* and with them, found again */
    assert_string_equal(fs.sans, "Noto Sans CJK SC");
    assert_null(fs.sub);   /* no cache folder: no subsets */
    pdf_fonts_free(&fs);
    hc_diags_free(d);
}

static int teardown(void **st)
{
    (void)st;
    pango_cairo_font_map_set_default(NULL);
    cairo_debug_reset_static_data();
    FcFini();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(editions),
        cmocka_unit_test(render_fixture),
        cmocka_unit_test(bad_options),
        cmocka_unit_test(fonts_missing),
    };
    return cmocka_run_group_tests(tests, NULL, teardown);
}
