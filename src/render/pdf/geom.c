/* geom.c — page geometry, theme colours and anchors of the album. */
#include "pdf_int.h"
#include "../../base/alloc.h"
#include "../../base/fs.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

int pdf_geom_init(pdf_geom *g, double trim_w_mm, double trim_h_mm, double bleed_mm)
{
    if (trim_w_mm == 0) trim_w_mm = 210;
    if (trim_h_mm == 0) trim_h_mm = 285;
    if (!(trim_w_mm >= 50 && trim_w_mm <= 1000 && trim_h_mm >= 50 && trim_h_mm <= 1000 && bleed_mm >= 0 &&
          bleed_mm <= 10))
        return -1;
    memset(g, 0, sizeof *g);
    g->trim_w = pdf_mm(trim_w_mm);
    g->trim_h = pdf_mm(trim_h_mm);
    g->bleed = pdf_mm(bleed_mm);
    g->pad = pdf_mm(bleed_mm + PDF_MARKS_MM);
    g->media_w = g->trim_w + 2 * g->pad;
    g->media_h = g->trim_h + 2 * g->pad;
    /* margins grow a little with the page, never below the safety distance */
    double s = trim_w_mm / 210.0;
#define MARGIN(mm) pdf_mm((mm) * s > 2 * PDF_SAFE_MM ? (mm) * s : 2 * PDF_SAFE_MM)
    g->top = MARGIN(22);
    g->bottom = MARGIN(24);
    g->inner = MARGIN(20);
    g->outer = MARGIN(17);
#undef MARGIN
    g->col_gap = pdf_mm(7 * s);
    return 0;
}

/* ---- discs ---- */

void pdf_fill_disc(pdf_doc *p, double cx, double cy, double r, pdf_rgb c)
{
    if (!p->cr) return;
    cairo_set_source_rgb(p->cr, c.r, c.g, c.b);
    /* cairo_arc joins the arc to the current point with a line: a text
     * drawn before leaves one, and the fill then carries a hairline to it */
    cairo_new_path(p->cr);
    cairo_arc(p->cr, cx, cy, r, 0, 2 * M_PI);
    cairo_close_path(p->cr);
    cairo_fill(p->cr);
}

/* ---- colours ---- */

/* Hue in degrees and saturation (HSV) of c. */
static void hue_sat(pdf_rgb c, double *h, double *s)
{
    double mx = fmax(c.r, fmax(c.g, c.b)), mn = fmin(c.r, fmin(c.g, c.b)), d = mx - mn;
    *s = mx > 0 ? d / mx : 0;
    if (d <= 0) *h = 0;
    else if (mx == c.r) *h = 60 * fmod((c.g - c.b) / d + 6, 6);
    else if (mx == c.g) *h = 60 * ((c.b - c.r) / d + 2);
    else *h = 60 * ((c.r - c.g) / d + 4);
}

static int near_colour(pdf_rgb a, pdf_rgb b)
{
    double ha, sa, hb, sb;
    hue_sat(a, &ha, &sa);
    hue_sat(b, &hb, &sb);
    double dh = fabs(ha - hb);
    if (dh > 180) dh = 360 - dh;
    double d = sqrt((a.r - b.r) * (a.r - b.r) + (a.g - b.g) * (a.g - b.g) + (a.b - b.b) * (a.b - b.b));
    return sa > 0.4 && sb > 0.4 && dh < 20 && d < 0.3;
}

pdf_rgb pdf_theme_colour(const pdf_theme *t, pdf_rgb c)
{
    if (near_colour(c, t->accent)) return t->accent;
    if (near_colour(c, t->gold)) return t->gold;
    return c;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int pdf_rgb_parse(const char *s, pdf_rgb *out)
{
    if (!s || s[0] != '#') return -1;
    size_t n = 0;
    while (hexval((unsigned char)s[1 + n]) >= 0) n++;
    int v[6];
    if (n == 3) {
        for (int i = 0; i < 3; i++) v[2 * i] = v[2 * i + 1] = hexval((unsigned char)s[1 + i]);
    } else if (n == 6) {
        for (int i = 0; i < 6; i++) v[i] = hexval((unsigned char)s[1 + i]);
    } else {
        return -1;
    }
    out->r = (v[0] * 16 + v[1]) / 255.0;
    out->g = (v[2] * 16 + v[3]) / 255.0;
    out->b = (v[4] * 16 + v[5]) / 255.0;
    return 0;
}

/* Value of CSS custom property `name` ("--accent") in css, if it is a hex colour. */
static int css_color(const char *css, const char *name, pdf_rgb *out)
{
    size_t n = strlen(name);
    for (const char *p = strstr(css, name); p; p = strstr(p + 1, name)) {
        const char *q = p + n;
        while (*q == ' ' || *q == '\t') q++;
        if (*q != ':') continue;
        q++;
        while (*q == ' ' || *q == '\t') q++;
        return pdf_rgb_parse(q, out);
    }
    return -1;
}

void pdf_theme_load(pdf_theme *t, const hc_model *m)
{
    pdf_rgb_parse("#a4161a", &t->accent);
    pdf_rgb_parse("#1d1d1f", &t->ink);
    pdf_rgb_parse("#55585e", &t->muted);
    pdf_rgb_parse("#d9dbe0", &t->line);
    pdf_rgb_parse("#f6f4f1", &t->soft);
    pdf_rgb_parse("#e8b923", &t->gold);
    pdf_rgb_parse("#ffffff", &t->paper);
    hc_buf path = HC_BUF_INIT, css = HC_BUF_INIT;
    hc_buf_printf(&path, "%s/themes/%s/static/css/site.css", m->root, m->config.theme ? m->config.theme : "default");
    if (hc_fs_read(hc_buf_cstr(&path), &css) == 0) {
        const char *c = hc_buf_cstr(&css);
        css_color(c, "--accent", &t->accent);
        css_color(c, "--ink", &t->ink);
        css_color(c, "--muted", &t->muted);
        css_color(c, "--line", &t->line);
        css_color(c, "--soft", &t->soft);
    }
    /* the gold of the cover art: the "under way" status colour when seeds define one */
    size_t y = hc_std_status(&m->std, "yellow");
    if (y != HC_NONE) pdf_rgb_parse(m->std.statuses[y].color, &t->gold);
    t->accent_dark.r = t->accent.r * 0.62;
    t->accent_dark.g = t->accent.g * 0.62;
    t->accent_dark.b = t->accent.b * 0.62;
    t->nstatus = m->std.nstatuses;
    t->status = hc_xcalloc(t->nstatus ? t->nstatus : 1, sizeof *t->status);
    for (size_t s = 0; s < t->nstatus; s++) {
        pdf_rgb c;
        t->status[s] = pdf_rgb_parse(m->std.statuses[s].color, &c) == 0 ? pdf_theme_colour(t, c) : t->muted;
    }
    hc_buf_free(&path);
    hc_buf_free(&css);
}

void pdf_theme_free(pdf_theme *t)
{
    free(t->status);
    t->status = NULL;
    t->nstatus = 0;
}

pdf_rgb pdf_status_rgb(const pdf_theme *t, size_t s)
{
    return s < t->nstatus ? t->status[s] : t->muted;
}

/* ---- anchors ---- */

int pdf_anchors_get(const pdf_anchors *a, const char *name)
{
    size_t i = hc_strmap_get(&a->ix, name, strlen(name));
    return i == HC_STRMAP_NONE ? 0 : a->v[i].page;
}

void pdf_anchors_set(pdf_anchors *a, const char *name, int page)
{
    size_t i = hc_strmap_get(&a->ix, name, strlen(name));
    if (i != HC_STRMAP_NONE) {
        a->v[i].page = page;
        return;
    }
    a->v = hc_xgrow(a->v, &a->cap, a->n + 1, sizeof *a->v);
    a->v[a->n].name = hc_xstrdup(name);   /* the map borrows this copy */
    a->v[a->n].page = page;
    hc_strmap_add(&a->ix, a->v[a->n].name, strlen(name), a->n);
    a->n++;
}

int pdf_anchors_equal(const pdf_anchors *a, const pdf_anchors *b)
{
    if (a->n != b->n) return 0;
    for (size_t i = 0; i < a->n; i++)
        if (pdf_anchors_get(b, a->v[i].name) != a->v[i].page) return 0;
    return 1;
}

void pdf_anchors_copy(pdf_anchors *dst, const pdf_anchors *src)
{
    pdf_anchors_free(dst);
    for (size_t i = 0; i < src->n; i++) pdf_anchors_set(dst, src->v[i].name, src->v[i].page);
}

void pdf_anchors_free(pdf_anchors *a)
{
    for (size_t i = 0; i < a->n; i++) free(a->v[i].name);
    free(a->v);
    hc_strmap_free(&a->ix);
    memset(a, 0, sizeof *a);
}
