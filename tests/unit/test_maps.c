/* Maps: the geo loader, every image's size and format, marker colours at the
 * projected centres, label layout without overlaps, byte-identical renders,
 * reuse by content hash, the A2 poster, and the edge cases (0 nodes, 1 node,
 * identical coordinates, 200 nodes, no CJK font). Fixture sites:
 * tests/sites/maps-basic/ and tests/sites/maps-bad/. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <gd.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "base/alloc.h"
#include "base/buf.h"
#include "base/diag.h"
#include "base/fs.h"
#include "load/load.h"
#include "load/load_int.h"
#include "model/model.h"
#include "render/maps/maps.h"

#define SITE "tests/sites/maps-basic"
#define BAD "tests/sites/maps-bad"

/* ---- helpers ---- */

/* Did anything (an area or a finding) come from content/geo/? */
static int geo_loaded(const hc_model *m, hc_diags *d)
{
    if (m->nareas) return 1;
    for (size_t i = 0; i < hc_diags_count(d); i++)
        if (!strncmp(hc_diags_at(d, i)->path, "content/geo/", 12)) return 1;
    return 0;
}

static hc_model *load(const char *root, hc_diags *d)
{
    hc_model *m = hc_model_new(root);
    hc_load_opts lo = { 0 };
    hc_diags_set_root(d, root);
    hc_load_site(m, &lo, d);
    if (!geo_loaded(m, d)) hc_load_geo(m, d);   /* until hc_load_site reads content/geo/ itself */
    hc_model_link(m, d);
    m->today = hc_date_from_ymd(2026, 12, 1);
    return m;
}

static hc_model *load_ok(const char *root)
{
    hc_diags *d = hc_diags_new();
    hc_model *m = load(root, d);
    if (hc_diags_errors(d)) hc_diags_print_text(d, stderr);
    assert_int_equal(hc_diags_errors(d), 0);
    hc_diags_free(d);
    return m;
}

static char *tmpdir(void)
{
    char *t = hc_xstrdup("/tmp/huace-maps-XXXXXX");
    assert_non_null(mkdtemp(t));
    return t;
}

static int read_file(const char *dir, const char *rel, hc_buf *out)
{
    hc_buf p = HC_BUF_INIT;
    hc_buf_printf(&p, "%s/%s", dir, rel);
    hc_buf_reset(out);
    int rc = hc_fs_read(hc_buf_cstr(&p), out);
    hc_buf_free(&p);
    return rc;
}

static int exists(const char *dir, const char *rel)
{
    hc_buf p = HC_BUF_INIT;
    hc_buf_printf(&p, "%s/%s", dir, rel);
    int e = hc_fs_exists(hc_buf_cstr(&p));
    hc_buf_free(&p);
    return e;
}

/* Decodes dir/rel as PNG (or WebP); NULL if it does not decode. */
static gdImagePtr decode(const char *dir, const char *rel)
{
    hc_buf b = HC_BUF_INIT;
    gdImagePtr im = NULL;
    if (read_file(dir, rel, &b) == 0 && b.len > 12) {
        static const unsigned char png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
        if (!memcmp(b.data, png_sig, 8)) im = gdImageCreateFromPngPtr((int)b.len, b.data);
        else if (!memcmp(b.data, "RIFF", 4) && !memcmp(b.data + 8, "WEBP", 4))
            im = gdImageCreateFromWebpPtr((int)b.len, b.data);
    }
    hc_buf_free(&b);
    return im;
}

static void assert_size(const char *dir, const char *rel, int w, int h)
{
    gdImagePtr im = decode(dir, rel);
    if (!im) fail_msg("%s does not decode", rel);
    if (w) assert_int_equal(gdImageSX(im), w);
    if (h) assert_int_equal(gdImageSY(im), h);
    gdImageDestroy(im);
}

static int pixel(gdImagePtr im, double x, double y)
{
    return gdImageGetTrueColorPixel(im, (int)floor(x), (int)floor(y)) & 0xffffff;
}

static int hex(const char *s) { return (int)strtol(s + 1, NULL, 16); }

static int node_color(const hc_model *m, const hc_project *p, size_t node)
{
    size_t s = p->nodes[node].status != HC_NONE ? p->nodes[node].status : p->status;
    return hex(m->std.statuses[s].color);
}

static int render(const hc_model *m, const char *out, const char *prev, hc_maps_stats *st)
{
    hc_diags *d = hc_diags_new();
    hc_maps_opts o = { out, prev, 1200, 800, 2 };
    int rc = hc_maps_render(m, &o, d, st);
    if (hc_diags_count(d)) hc_diags_print_text(d, stderr);
    assert_int_equal(hc_diags_count(d), 0);
    hc_diags_free(d);
    return rc;
}

/* The layout boxes of a route map. */
typedef struct { int x, y, w, h, label, number; double cx, cy; size_t node; } box;

static size_t layout(const hc_model *m, size_t p, int w, int h, box **out)
{
    hc_buf j = HC_BUF_INIT;
    assert_int_equal(hc_map_route_layout_json(m, p, w, h, &j), 0);
    const char *s = hc_buf_cstr(&j);
    int jw = 0, jh = 0;
    assert_int_equal(sscanf(s, "{\"width\":%d,\"height\":%d,\"boxes\":[", &jw, &jh), 2);
    assert_int_equal(jw, w);
    assert_int_equal(jh, h);
    size_t n = 0, cap = 0;
    box *b = NULL;
    for (const char *q = strstr(s, "{\"x\":"); q; q = strstr(q + 1, "{\"x\":")) {
        b = hc_xgrow(b, &cap, n + 1, sizeof *b);
        box *x = &b[n++];
        memset(x, 0, sizeof *x);
        char kind[16] = "";
        assert_int_equal(sscanf(q, "{\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d,\"kind\":\"%15[a-z]\"", &x->x, &x->y, &x->w,
                                &x->h, kind), 5);
        x->label = !strcmp(kind, "label");
        if (!x->label) assert_string_equal(kind, "marker");
        const char *end = strchr(q, '}');
        const char *c = strstr(q, "\"cx\":");
        if (!x->label) {
            assert_true(c && c < end);
            assert_int_equal(sscanf(c, "\"cx\":%lf,\"cy\":%lf", &x->cx, &x->cy), 2);
        } else {
            x->number = strstr(q, "\"text\":\"number\"") && strstr(q, "\"text\":\"number\"") < end;
        }
        const char *nd = strstr(q, "\"node\":");
        assert_true(nd && nd < end);
        assert_int_equal(sscanf(nd, "\"node\":%zu", &x->node), 1);
    }
    hc_buf_free(&j);
    *out = b;
    return n;
}

static int overlap(const box *a, const box *b)
{
    return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

/* No label overlaps a label or a marker; no marker overlaps a marker; labels
 * lie inside the image. Returns the number of markers. */
static size_t check_layout(const box *b, size_t n, int w, int h)
{
    size_t markers = 0;
    for (size_t i = 0; i < n; i++) {
        markers += !b[i].label;
        if (b[i].label) {
            assert_true(b[i].x >= 0 && b[i].y >= 0 && b[i].x + b[i].w <= w && b[i].y + b[i].h <= h);
            assert_true(b[i].w > 0 && b[i].h > 0);
        }
        for (size_t k = i + 1; k < n; k++)
            if (overlap(&b[i], &b[k]))
                fail_msg("%s %zu (%d,%d %dx%d) overlaps %s %zu (%d,%d %dx%d)", b[i].label ? "label" : "marker", b[i].node,
                         b[i].x, b[i].y, b[i].w, b[i].h, b[k].label ? "label" : "marker", b[k].node, b[k].x, b[k].y,
                         b[k].w, b[k].h);
    }
    return markers;
}

/* Every marker of project p is drawn in its status colour at its centre. */
static void check_marker_colors(const hc_model *m, size_t p, gdImagePtr im, const box *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (b[i].label) continue;
        int want = node_color(m, &m->projects[p], b[i].node), got = pixel(im, b[i].cx, b[i].cy);
        if (got != want)
            fail_msg("%s node %zu at (%.1f, %.1f): #%06x, want #%06x", m->projects[p].id, b[i].node, b[i].cx, b[i].cy,
                     got, want);
    }
}

/* Replaces project p's nodes with n generated ones, some on the same spot. */
static void many_nodes(hc_model *m, size_t p, size_t n)
{
    hc_project *pr = &m->projects[p];
    for (size_t i = 0; i < pr->nnodes; i++) {
        free(pr->nodes[i].id); free(pr->nodes[i].name); free(pr->nodes[i].kind);
    }
    free(pr->nodes);
    free(pr->route);
    pr->nodes = hc_xcalloc(n, sizeof *pr->nodes);
    pr->route = hc_xcalloc(n, sizeof *pr->route);
    pr->nnodes = pr->nroute = n;
    char t[64];
    for (size_t i = 0; i < n; i++) {
        hc_node *nd = &pr->nodes[i];
        snprintf(t, sizeof t, "n%zu", i);
        nd->id = hc_xstrdup(t);
        snprintf(t, sizeof t, "第%zu号示范节点", i + 1);
        nd->name = hc_xstrdup(t);
        nd->kind = hc_xstrdup(i % 3 ? "驿站" : "党群服务中心");
        /* a 15×14 grid, with every 7th node piled on the first one */
        nd->lon = i % 7 == 6 ? 119.1 : 119.1 + (double)(i % 15) * 0.002;
        nd->lat = i % 7 == 6 ? 28.9 : 28.9 + (double)(i / 15) * 0.0015;
        nd->status = i % 3;
        pr->route[i] = i;
    }
}

/* ---- the shared render of the fixture site ---- */

typedef struct {
    hc_model *m;
    char *out;
    hc_maps_stats st;
} fixture;

static int setup(void **state)
{
    fixture *f = hc_xcalloc(1, sizeof *f);
    f->m = load_ok(SITE);
    f->out = tmpdir();
    if (render(f->m, f->out, NULL, &f->st) != 0) return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    hc_fs_rmtree(f->out);
    free(f->out);
    hc_model_free(f->m);
    free(f);
    hc_maps_shutdown();
    return 0;
}

static size_t find(const hc_model *m, const char *id)
{
    size_t i = hc_model_find_project(m, id);
    assert_true(i != HC_NONE);
    return i;
}

/* ---- geo loader ---- */

static void geo_outlines_load(void **state)
{
    fixture *f = *state;
    assert_int_equal(f->m->nareas, 2);
    assert_string_equal(f->m->areas[0].name, "东镇");
    assert_int_equal(f->m->areas[0].npoints, 4);
    assert_true(fabs(f->m->areas[0].lon[1] - 119.130) < 1e-9);
    assert_true(fabs(f->m->areas[0].lat[2] - 28.915) < 1e-9);
    assert_string_equal(f->m->areas[0].path, "content/geo/townships.yaml");
    assert_string_equal(f->m->areas[1].loc.path, "content/geo/townships.yaml");
    assert_int_equal(f->m->areas[1].loc.line, 5);
}

static void geo_missing_folder_is_no_layer(void **state)
{
    (void)state;
    char *dir = tmpdir();
    hc_diags *d = hc_diags_new();
    hc_model *m = hc_model_new(dir);
    assert_int_equal(hc_load_geo(m, d), 0);
    assert_int_equal(m->nareas, 0);
    assert_int_equal(hc_diags_count(d), 0);
    hc_model_free(m);
    hc_diags_free(d);
    hc_fs_rmtree(dir);
    free(dir);
}

static int has(hc_diags *d, const char *path, int line, int col, const char *rule, const char *text)
{
    for (size_t i = 0; i < hc_diags_count(d); i++) {
        const hc_diag *g = hc_diags_at(d, i);
        if (g->sev == HC_SEV_ERROR && !strcmp(g->path, path) && g->line == line && g->col == col &&
            !strcmp(g->rule, rule) && strstr(g->msg, text))
            return 1;
    }
    return 0;
}

static void bad_input_gives_located_errors(void **state)
{
    (void)state;
    hc_diags *d = hc_diags_new();
    hc_model *m = load(BAD, d);
    const char *g = "content/geo/bad.yaml", *p = "content/projects/bad-01.yaml";
    assert_true(has(d, g, 3, 14, "outline", "at least 3 points"));
    assert_true(has(d, g, 5, 31, "coordinates", "longitude 181"));
    assert_true(has(d, g, 7, 38, "coordinates", "latitude 91"));
    assert_true(has(d, g, 9, 14, "type", "must be a list"));
    assert_true(has(d, g, 11, 15, "type", "pair"));
    assert_true(has(d, g, 13, 23, "type", "must be a number"));
    assert_true(has(d, g, 14, 5, "required", "needs a 'name'"));
    assert_true(has(d, "content/geo/notamap.yaml", 1, 1, "type", "must be a map"));
    /* the project loader's own checks, which maps rely on */
    assert_true(has(d, p, 6, 32, "coordinates", "longitude 190.5"));
    assert_true(has(d, p, 7, 44, "coordinates", "latitude -95"));
    assert_true(has(d, p, 8, 15, "route-node", "nowhere"));
    assert_true(has(d, p, 9, 13, "short-name", "1 to 8 characters"));
    /* every error is located; only the good outline is kept */
    for (size_t i = 0; i < hc_diags_count(d); i++) assert_true(hc_diags_at(d, i)->line > 0);
    assert_int_equal(hc_diags_errors(d), 12);
    assert_int_equal(m->nareas, 1);
    assert_string_equal(m->areas[0].name, "东镇");
    hc_model_free(m);
    hc_diags_free(d);
}

/* ---- images ---- */

static void every_image_has_its_size_and_format(void **state)
{
    fixture *f = *state;
    static const char *const with[] = { "MB-01", "MB-03", "MB-04" };
    hc_buf rel = HC_BUF_INIT, b = HC_BUF_INIT;
    for (size_t i = 0; i < 3; i++) {
        hc_buf_reset(&rel);
        hc_buf_printf(&rel, "projects/%s/route.png", with[i]);
        assert_size(f->out, hc_buf_cstr(&rel), 1200, 800);
        hc_buf_reset(&rel);
        hc_buf_printf(&rel, "projects/%s/route@2x.png", with[i]);
        assert_size(f->out, hc_buf_cstr(&rel), 2400, 1600);
        hc_buf_reset(&rel);
        hc_buf_printf(&rel, "projects/%s/route.webp", with[i]);
        assert_int_equal(read_file(f->out, hc_buf_cstr(&rel), &b), 0);
        assert_memory_equal(b.data, "RIFF", 4);
        assert_memory_equal(b.data + 8, "WEBP", 4);
        assert_size(f->out, hc_buf_cstr(&rel), 1200, 800);
    }
    assert_size(f->out, "map/overview.png", 1200, 800);
    assert_size(f->out, "map/overview@2x.png", 2400, 1600);
    assert_size(f->out, "board/board.png", 1600, 0);
    assert_size(f->out, "print/board-a2.png", 4961, 7016);
    assert_size(f->out, "townships/dongzhen/guide.png", 1000, 0);
    assert_size(f->out, "townships/xizhen/guide.png", 1000, 0);
    /* phone variants: 375 px wide, portrait, @2x twice the size, the size maps.h tells */
    static const char *const phone[] = { "projects/MB-01/route-phone", "map/overview-phone",
                                         "townships/dongzhen/guide-phone", "townships/xizhen/guide-phone" };
    for (size_t i = 0; i < sizeof phone / sizeof *phone; i++) {
        int pw, ph;
        hc_map_kind kind = i == 0 ? HC_MAP_ROUTE : i == 1 ? HC_MAP_OVERVIEW : HC_MAP_GUIDE;
        size_t index = i == 0 ? find(f->m, "MB-01") : i == 3 ? 1 : 0;
        assert_int_equal(hc_map_phone_size(f->m, kind, index, &pw, &ph), 0);
        assert_int_equal(pw, 375);
        assert_true(ph > pw);
        hc_buf_reset(&rel);
        hc_buf_printf(&rel, "%s.png", phone[i]);
        assert_size(f->out, hc_buf_cstr(&rel), 375, ph);
        hc_buf_reset(&rel);
        hc_buf_printf(&rel, "%s@2x.png", phone[i]);
        assert_size(f->out, hc_buf_cstr(&rel), 750, 2 * ph);
        hc_buf_reset(&rel);
        hc_buf_printf(&rel, "%s@2x.webp", phone[i]);
        assert_size(f->out, hc_buf_cstr(&rel), 750, 2 * ph);
    }
    /* 3 units × 3 files, 2 overview, board, poster, 2 guides; phone: 4 files each for 3 units, overview, 2 guides */
    assert_int_equal(f->st.drawn, 39);
    assert_int_equal(f->st.reused, 0);
    assert_int_equal(read_file(f->out, ".huace-maps-cache", &b), 0);
    assert_non_null(strstr(hc_buf_cstr(&b), "projects/MB-01/route.webp "));
    assert_non_null(strstr(hc_buf_cstr(&b), "print/board-a2.png "));
    hc_buf_free(&rel);
    hc_buf_free(&b);
}

static void poster_is_a2_at_300_dpi(void **state)
{
    fixture *f = *state;
    gdImagePtr im = decode(f->out, "print/board-a2.png");
    assert_non_null(im);
    assert_int_equal(gdImageSX(im), 4961);
    assert_int_equal(gdImageSY(im), 7016);
    assert_int_equal(gdImageResolutionX(im), 300);
    assert_int_equal(gdImageResolutionY(im), 300);
    /* the township column shows where each township lies: red locators */
    long red = 0;
    for (int y = 1100; y < 6500; y += 2)
        for (int x = 130; x < 640; x += 2) {
            int c = gdImageGetTrueColorPixel(im, x, y);
            red += gdTrueColorGetRed(c) > 140 && gdTrueColorGetGreen(c) < 70 && gdTrueColorGetBlue(c) < 70;
        }
    assert_true(red > 500);
    gdImageDestroy(im);
}

static void zero_nodes_no_route_map(void **state)
{
    fixture *f = *state;
    assert_false(exists(f->out, "projects/MB-02/route.png"));
    assert_false(exists(f->out, "projects/MB-02/route@2x.png"));
    assert_false(exists(f->out, "projects/MB-02/route.webp"));
    box *b = NULL;
    assert_int_equal(layout(f->m, find(f->m, "MB-02"), 1200, 800, &b), 0);
    free(b);
    hc_buf png = HC_BUF_INIT;
    hc_diags *d = hc_diags_new();
    assert_int_equal(hc_map_route_print_png(f->m, find(f->m, "MB-02"), 180, 120, 300, &png, d), 1);
    assert_int_equal(png.len, 0);
    assert_int_equal(hc_diags_count(d), 0);
    hc_diags_free(d);
}

static void markers_have_status_colours_at_projected_centres(void **state)
{
    fixture *f = *state;
    static const char *const ids[] = { "MB-01", "MB-03", "MB-04" };
    for (int s = 1; s <= 2; s++)
        for (size_t i = 0; i < 3; i++) {
            size_t p = find(f->m, ids[i]);
            box *b = NULL;
            size_t n = layout(f->m, p, 1200 * s, 800 * s, &b);
            hc_buf rel = HC_BUF_INIT;
            hc_buf_printf(&rel, "projects/%s/route%s.png", ids[i], s == 2 ? "@2x" : "");
            gdImagePtr im = decode(f->out, hc_buf_cstr(&rel));
            assert_non_null(im);
            assert_int_equal(check_layout(b, n, 1200 * s, 800 * s), f->m->projects[p].nnodes);
            check_marker_colors(f->m, p, im, b, n);
            gdImageDestroy(im);
            hc_buf_free(&rel);
            free(b);
        }
}

/* MB-01's markers keep their geography: east is right, north is up, and one
 * kilometre east is as long as one kilometre north (cos(latitude)). */
static void projection_keeps_shape(void **state)
{
    fixture *f = *state;
    size_t p = find(f->m, "MB-01");
    const hc_project *pr = &f->m->projects[p];
    box *b = NULL;
    size_t n = layout(f->m, p, 1200, 800, &b);
    double cx[4], cy[4];
    for (size_t i = 0; i < n; i++)
        if (!b[i].label) {
            cx[b[i].node] = b[i].cx;
            cy[b[i].node] = b[i].cy;
        }
    double coslat = cos(28.9 * M_PI / 180);
    for (size_t i = 0; i < 4; i++)
        for (size_t k = 0; k < 4; k++) {
            if (i == k) continue;
            double dlon = pr->nodes[k].lon - pr->nodes[i].lon, dlat = pr->nodes[k].lat - pr->nodes[i].lat;
            if (dlon > 0) assert_true(cx[k] > cx[i]);
            if (dlat > 0) assert_true(cy[k] < cy[i]);
        }
    /* pixels per degree of latitude vs per degree of longitude: ratio cos(lat) */
    double sx = (cx[2] - cx[0]) / (pr->nodes[2].lon - pr->nodes[0].lon);
    double sy = (cy[0] - cy[1]) / (pr->nodes[1].lat - pr->nodes[0].lat);
    assert_true(fabs(sx / sy - coslat) < 0.01);
    free(b);
}

static void one_node_one_marker(void **state)
{
    fixture *f = *state;
    size_t p = find(f->m, "MB-03");
    box *b = NULL;
    size_t n = layout(f->m, p, 1200, 800, &b);
    assert_int_equal(check_layout(b, n, 1200, 800), 1);
    gdImagePtr im = decode(f->out, "projects/MB-03/route.png");
    assert_non_null(im);
    check_marker_colors(f->m, p, im, b, n);
    /* it sits in the middle of the map frame, not in a corner */
    for (size_t i = 0; i < n; i++)
        if (!b[i].label) assert_true(b[i].cx > 200 && b[i].cx < 700 && b[i].cy > 250 && b[i].cy < 600);
    gdImageDestroy(im);
    free(b);
}

static void identical_coordinates_fan_out(void **state)
{
    fixture *f = *state;
    size_t p = find(f->m, "MB-04");
    box *b = NULL;
    size_t n = layout(f->m, p, 1200, 800, &b);
    assert_int_equal(check_layout(b, n, 1200, 800), 5);   /* markers do not overlap at all */
    for (size_t i = 0; i < n; i++)
        for (size_t k = i + 1; k < n; k++)
            if (!b[i].label && !b[k].label) assert_true(hypot(b[i].cx - b[k].cx, b[i].cy - b[k].cy) > 10);
    gdImagePtr im = decode(f->out, "projects/MB-04/route.png");
    check_marker_colors(f->m, p, im, b, n);
    gdImageDestroy(im);
    free(b);
}

static void two_hundred_nodes_all_visible(void **state)
{
    (void)state;
    hc_model *m = load_ok(SITE);
    size_t p = find(m, "MB-01");
    many_nodes(m, p, 200);
    box *b = NULL;
    size_t n = layout(m, p, 1200, 800, &b);
    assert_int_equal(check_layout(b, n, 1200, 800), 200);
    size_t labels = n - 200;
    assert_true(labels > 0);
    /* 101.6 × 67.73 mm at 300 dpi is exactly the 1200×800 web map */
    hc_buf png = HC_BUF_INIT;
    hc_diags *d = hc_diags_new();
    assert_int_equal(hc_map_route_print_png(m, p, 101.6, 67.7333, 300, &png, d), 0);
    gdImagePtr im = gdImageCreateFromPngPtr((int)png.len, png.data);
    assert_non_null(im);
    assert_int_equal(gdImageSX(im), 1200);
    assert_int_equal(gdImageSY(im), 800);
    check_marker_colors(m, p, im, b, n);
    gdImageDestroy(im);
    hc_buf_free(&png);
    hc_diags_free(d);
    free(b);
    hc_model_free(m);
}

static void print_size_and_dpi(void **state)
{
    fixture *f = *state;
    size_t p = find(f->m, "MB-01");
    hc_buf png = HC_BUF_INIT;
    hc_diags *d = hc_diags_new();
    assert_int_equal(hc_map_route_print_png(f->m, p, 180, 120, 300, &png, d), 0);
    gdImagePtr im = gdImageCreateFromPngPtr((int)png.len, png.data);
    assert_non_null(im);
    assert_int_equal(gdImageSX(im), 2126);   /* 180 mm at 300 dpi */
    assert_int_equal(gdImageSY(im), 1417);
    assert_int_equal(gdImageResolutionX(im), 300);
    gdImageDestroy(im);
    hc_buf_reset(&png);
    assert_int_equal(hc_map_route_print_png(f->m, p, 5, 5, 300, &png, d), -1);
    assert_int_equal(hc_diags_errors(d), 1);
    assert_string_equal(hc_diags_at(d, 0)->rule, "print-size");
    hc_buf_free(&png);
    hc_diags_free(d);
}

/* The sign's map (print/signs/): node labels set for 2 m — 22 pt type on an
 * A3 sign (map 267 mm wide at 200 dpi: 61 px, in a box with 4/14 of it as
 * padding each side), in proportion on an A4 sign — and no label meets
 * another label or a marker. */
static void sign_map_labels_read_from_two_metres(void **state)
{
    fixture *f = *state;
    size_t p = find(f->m, "MB-01");
    static const double widths[2] = { 267, 180 };
    for (int s = 0; s < 2; s++) {
        hc_buf png = HC_BUF_INIT;
        hc_map_marker *mk = NULL;
        hc_diags *d = hc_diags_new();
        assert_int_equal(hc_map_route_sign_png(f->m, p, widths[s], widths[s] * 196 / 267, 200, &png, &mk, d), 0);
        double px = 22.0 / 72 * 200 * widths[s] / 267, want = px * (1 + 8.0 / 14) - 2;
        size_t n = f->m->projects[p].nnodes, labelled = 0;
        for (size_t i = 0; i < n; i++) {
            if (mk[i].lw <= 0) continue;
            labelled++;
            assert_true(mk[i].lh >= want);
            for (size_t j = 0; j < n; j++) {
                double e = mk[j].ext;
                assert_false(mk[i].lx < mk[j].x + e && mk[j].x - e < mk[i].lx + mk[i].lw &&
                             mk[i].ly < mk[j].y + e && mk[j].y - e < mk[i].ly + mk[i].lh);
                if (j != i && mk[j].lw > 0)
                    assert_false(mk[i].lx < mk[j].lx + mk[j].lw && mk[j].lx < mk[i].lx + mk[i].lw &&
                                 mk[i].ly < mk[j].ly + mk[j].lh && mk[j].ly < mk[i].ly + mk[i].lh);
            }
        }
        assert_int_equal(labelled, n);
        free(mk);
        hc_buf_free(&png);
        hc_diags_free(d);
    }
}

static void overview_positions_match_the_image(void **state)
{
    fixture *f = *state;
    hc_marker_pos *pos = NULL;
    assert_int_equal(hc_map_overview_positions(f->m, 1200, 800, &pos), 0);
    gdImagePtr im = decode(f->out, "map/overview.png");
    assert_non_null(im);
    for (size_t i = 0; i < f->m->nprojects; i++) {
        const hc_project *pr = &f->m->projects[i];
        if (!pr->nnodes) {
            assert_int_equal(pos[i].r, 0);
            continue;
        }
        assert_true(pos[i].r > 0);
        assert_int_equal(pixel(im, pos[i].x, pos[i].y), hex(f->m->std.statuses[pr->status].color));
    }
    gdImageDestroy(im);
    free(pos);
    /* the phone variant: markers where the positions say, tap squares of 48 px that do not overlap */
    int w, h;
    assert_int_equal(hc_map_overview_phone_positions(f->m, &pos, &w, &h), 0);
    assert_int_equal(w, 375);
    im = decode(f->out, "map/overview-phone.png");
    assert_non_null(im);
    assert_int_equal(gdImageSY(im), h);
    for (size_t i = 0; i < f->m->nprojects; i++) {
        const hc_project *pr = &f->m->projects[i];
        if (!pr->nnodes) continue;
        assert_int_equal(pos[i].r, 24);
        assert_int_equal(pixel(im, pos[i].x, pos[i].y), hex(f->m->std.statuses[pr->status].color));
        for (size_t j = 0; j < i; j++)
            if (f->m->projects[j].nnodes)
                assert_true(abs(pos[i].x - pos[j].x) >= 48 || abs(pos[i].y - pos[j].y) >= 48);
    }
    gdImageDestroy(im);
    free(pos);
}

static int same_file(const char *a, const char *b, const char *rel)
{
    hc_buf x = HC_BUF_INIT, y = HC_BUF_INIT;
    int same = read_file(a, rel, &x) == 0 && read_file(b, rel, &y) == 0 && x.len == y.len && x.len > 0 &&
               !memcmp(x.data, y.data, x.len);
    hc_buf_free(&x);
    hc_buf_free(&y);
    return same;
}

/* The paths listed in dir's cache file. */
static size_t cached_paths(const char *dir, char ***paths)
{
    hc_buf t = HC_BUF_INIT;
    assert_int_equal(read_file(dir, ".huace-maps-cache", &t), 0);
    size_t n = 0, cap = 0;
    *paths = NULL;
    for (char *line = strtok(t.data, "\n"); line; line = strtok(NULL, "\n")) {
        char *sp = strchr(line, ' ');
        assert_non_null(sp);
        *paths = hc_xgrow(*paths, &cap, n + 1, sizeof **paths);
        (*paths)[n++] = hc_xstrndup(line, (size_t)(sp - line));
    }
    hc_buf_free(&t);
    return n;
}

static void two_renders_are_byte_identical(void **state)
{
    fixture *f = *state;
    char *again = tmpdir();
    hc_maps_stats st;
    assert_int_equal(render(f->m, again, NULL, &st), 0);
    assert_int_equal(st.drawn, f->st.drawn);
    char **paths;
    size_t n = cached_paths(f->out, &paths);
    assert_int_equal(n, 39);
    for (size_t i = 0; i < n; i++) {
        if (!same_file(f->out, again, paths[i])) fail_msg("%s differs between two renders", paths[i]);
        free(paths[i]);
    }
    free(paths);
    assert_true(same_file(f->out, again, ".huace-maps-cache"));
    hc_fs_rmtree(again);
    free(again);
}

static void unchanged_images_are_reused(void **state)
{
    fixture *f = *state;
    char *next = tmpdir(), *third = tmpdir();
    hc_maps_stats st;
    assert_int_equal(render(f->m, next, f->out, &st), 0);
    assert_int_equal(st.reused, 39);
    assert_int_equal(st.drawn, 0);
    assert_true(same_file(f->out, next, "print/board-a2.png"));
    assert_true(same_file(f->out, next, ".huace-maps-cache"));
    /* one node changes colour: only that unit's route map is drawn again */
    hc_model *m = load_ok(SITE);
    hc_project *pr = &m->projects[find(m, "MB-01")];
    pr->nodes[0].status = hc_std_status(&m->std, "blue");
    assert_int_equal(render(m, third, next, &st), 0);
    assert_int_equal(st.drawn, 7);     /* its route map, desktop and phone */
    assert_int_equal(st.reused, 32);
    assert_false(same_file(next, third, "projects/MB-01/route.png"));
    assert_true(same_file(next, third, "projects/MB-03/route.png"));
    /* a file missing from the previous output is drawn, not copied */
    hc_buf p = HC_BUF_INIT;
    hc_buf_printf(&p, "%s/map/overview.png", third);
    assert_int_equal(unlink(hc_buf_cstr(&p)), 0);
    hc_buf_free(&p);
    char *fourth = tmpdir();
    assert_int_equal(render(m, fourth, third, &st), 0);
    assert_int_equal(st.drawn, 1);
    assert_true(same_file(next, fourth, "map/overview.png"));
    hc_model_free(m);
    hc_fs_rmtree(next);
    hc_fs_rmtree(third);
    hc_fs_rmtree(fourth);
    free(next);
    free(third);
    free(fourth);
}

/* Without any CJK font the maps fail with an error naming the package. Runs
 * in a child process with a fontconfig configuration that has no fonts. */
static void missing_font_is_an_error(void **state)
{
    fixture *f = *state;
    char *dir = tmpdir();
    hc_buf conf = HC_BUF_INIT;
    hc_buf_printf(&conf, "%s/fonts.conf", dir);
    const char *xml = "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n";
    assert_int_equal(hc_fs_write(hc_buf_cstr(&conf), xml, strlen(xml)), 0);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int ok = 1;
        hc_maps_shutdown();
        setenv("FONTCONFIG_FILE", hc_buf_cstr(&conf), 1);
        hc_diags *d = hc_diags_new();
        ok &= hc_maps_font(d) == NULL;
        ok &= hc_diags_errors(d) == 1 && !strcmp(hc_diags_at(d, 0)->rule, "font") &&
              strstr(hc_diags_at(d, 0)->msg, "fonts-noto-cjk") != NULL;
        hc_maps_opts o = { dir, NULL, 1200, 800, 1 };
        ok &= hc_maps_render(f->m, &o, d, NULL) == -1;
        ok &= !exists(dir, "map/overview.png");
        _exit(ok ? 0 : 1);    /* no atexit handlers, no leak report in the child */
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    hc_buf_free(&conf);
    hc_fs_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(geo_outlines_load),
        cmocka_unit_test(geo_missing_folder_is_no_layer),
        cmocka_unit_test(bad_input_gives_located_errors),
        cmocka_unit_test(every_image_has_its_size_and_format),
        cmocka_unit_test(poster_is_a2_at_300_dpi),
        cmocka_unit_test(zero_nodes_no_route_map),
        cmocka_unit_test(markers_have_status_colours_at_projected_centres),
        cmocka_unit_test(projection_keeps_shape),
        cmocka_unit_test(one_node_one_marker),
        cmocka_unit_test(identical_coordinates_fan_out),
        cmocka_unit_test(two_hundred_nodes_all_visible),
        cmocka_unit_test(print_size_and_dpi),
        cmocka_unit_test(sign_map_labels_read_from_two_metres),
        cmocka_unit_test(overview_positions_match_the_image),
        cmocka_unit_test(two_renders_are_byte_identical),
        cmocka_unit_test(unchanged_images_are_reused),
        cmocka_unit_test(missing_font_is_an_error),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
