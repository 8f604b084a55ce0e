/* collect.c — what every page paints, gathered through src/pdfread. */
#include "preflight.h"
#include "../base/alloc.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    pf_report *r;
    pr_doc *d;
    int page;                     /* 1-based */
    pr_rect media, trim, reach;   /* reach: where artwork at a trim edge must extend to */
    struct art { pr_rect r; char what[96]; } *art;
    size_t nart, capart;
} walk;

double pf_mm(double pt)
{
    return pt * 25.4 / 72.0;
}

static double ink_of(const pr_devcolor *c)
{
    if (c->registration) return -1;   /* registration colour: 400 % by design, thin marks */
    switch (c->kind) {
    case PR_CS_CMYK: return (c->v[0] + c->v[1] + c->v[2] + c->v[3]) * 100;
    case PR_CS_GRAY: return (1 - c->v[0]) * 100;
    case PR_CS_SEPARATION: return c->v[0] * 100;
    default: return -1;
    }
}

static int is_white(const pr_devcolor *c)
{
    switch (c->kind) {
    case PR_CS_GRAY: return c->v[0] >= 0.999;
    case PR_CS_RGB: return c->v[0] >= 0.999 && c->v[1] >= 0.999 && c->v[2] >= 0.999;
    case PR_CS_CMYK: return c->v[0] + c->v[1] + c->v[2] + c->v[3] <= 0.001;
    case PR_CS_SEPARATION: return c->v[0] <= 0.001;
    default: return 0;
    }
}

static void describe(const pr_devcolor *c, char *out, size_t cap)
{
    switch (c->kind) {
    case PR_CS_CMYK:
        snprintf(out, cap, "C%.0f M%.0f Y%.0f K%.0f", c->v[0] * 100, c->v[1] * 100, c->v[2] * 100, c->v[3] * 100);
        break;
    case PR_CS_RGB:
        snprintf(out, cap, "R%.0f G%.0f B%.0f", c->v[0] * 255, c->v[1] * 255, c->v[2] * 255);
        break;
    case PR_CS_GRAY: snprintf(out, cap, "gray %.0f %%", (1 - c->v[0]) * 100); break;
    case PR_CS_SEPARATION: snprintf(out, cap, "%s %.0f %%", c->colorant ? c->colorant : "spot", c->v[0] * 100); break;
    case PR_CS_LAB: snprintf(out, cap, "L%.0f a%.0f b%.0f", c->v[0], c->v[1], c->v[2]); break;
    default: snprintf(out, cap, "(pattern or unknown)"); break;
    }
}

static void use_space(walk *w, const pr_cs *cs, int use)
{
    pf_report *r = w->r;
    char name[48];
    pr_cs_name(cs, name, sizeof name);
    pf_space *s = NULL;
    for (size_t i = 0; i < r->nspaces && !s; i++)
        if (!strcmp(r->spaces[i].name, name)) s = &r->spaces[i];
    if (!s) {
        r->spaces = hc_xgrow(r->spaces, &r->capspaces, r->nspaces + 1, sizeof *r->spaces);
        s = &r->spaces[r->nspaces++];
        memset(s, 0, sizeof *s);
        snprintf(s->name, sizeof s->name, "%s", name);
        s->first_page = w->page;
    }
    s->uses[use]++;
    if (s->last_counted != w->page) {
        s->npages++;
        s->last_counted = w->page;
    }
    s->last_page = w->page;
}

static void vector_ink(walk *w, const pr_devcolor *c, const char *what)
{
    double ink = ink_of(c);
    if (ink <= w->r->vec_ink) return;
    char col[64];
    describe(c, col, sizeof col);
    w->r->vec_ink = ink;
    w->r->vec_ink_page = w->page;
    snprintf(w->r->vec_ink_what, sizeof w->r->vec_ink_what, "%s %s", what, col);
}

/* Artwork is remembered as the boxes of what is painted (not white); at the
 * end of the page each trim edge is sampled every millimetre: where artwork
 * covers the trim line from inside, something must cover the point 3 mm
 * outside it too. */
static void art(walk *w, pr_rect b, const char *what)
{
    b = pr_rect_intersect(b, w->media);   /* nothing exists outside the media box */
    if (pr_rect_is_empty(pr_rect_intersect(b, w->reach))) return;
    w->art = hc_xgrow(w->art, &w->capart, w->nart + 1, sizeof *w->art);
    w->art[w->nart].r = b;
    snprintf(w->art[w->nart].what, sizeof w->art[w->nart].what, "%s", what);
    w->nart++;
}

static int covers(const pr_rect *r, double x, double y)
{
    return x >= r->x0 && x <= r->x1 && y >= r->y0 && y <= r->y1;
}

/* One side: edge at position e of axis (0: x, 1: y), out = +1/-1 outward. */
static void bleed_side(walk *w, int axis, double e, double out, const char *side)
{
    const double pt_mm = 72 / 25.4, need = PF_BLEED_MM * pt_mm - 0.25;
    pf_page *pg = &w->r->pages[w->page - 1];
    double lo = axis ? w->trim.x0 : w->trim.y0, hi = axis ? w->trim.x1 : w->trim.y1;
    for (double t = lo + pt_mm; t < hi - pt_mm; t += pt_mm) {
        double in = e - out, far = e + out * need, reach = -1;
        const char *what = NULL;
        int ok = 0;
        for (size_t i = 0; i < w->nart && !ok; i++) {
            const pr_rect *r = &w->art[i].r;
            if (covers(r, axis ? t : far, axis ? far : t)) ok = 1;
            if (!covers(r, axis ? t : in, axis ? in : t)) continue;
            double ext = out > 0 ? (axis ? r->y1 : r->x1) - e : e - (axis ? r->y0 : r->x0);
            if (ext > reach) reach = ext, what = w->art[i].what;
        }
        if (ok || !what) continue;
        double mm = pf_mm(reach > 0 ? reach : 0);
        if (!pg->art_short++ || mm < pg->art_reach_mm) {
            pg->art_reach_mm = mm;
            pg->art_side = side;
            snprintf(pg->art_what, sizeof pg->art_what, "%s", what);
        }
    }
}

static void bleed_check(walk *w)
{
    bleed_side(w, 0, w->trim.x0, -1, "left");
    bleed_side(w, 0, w->trim.x1, 1, "right");
    bleed_side(w, 1, w->trim.y0, -1, "bottom");
    bleed_side(w, 1, w->trim.y1, 1, "top");
}

static void on_paint(void *ctx, const pr_gstate *gs, int how, pr_rect bbox)
{
    walk *w = ctx;
    pr_devcolor c;
    int white = 1;
    if (how & (PR_PAINT_FILL | PR_PAINT_SHADING)) {
        int use = how & PR_PAINT_SHADING ? PF_USE_SHADING : PF_USE_FILL;
        use_space(w, &gs->fill_cs, use);
        pr_color_resolve(&gs->fill_cs, gs->fill, &c);
        vector_ink(w, &c, use == PF_USE_SHADING ? "shading" : "fill");
        white = white && is_white(&c) && use != PF_USE_SHADING;
    }
    if (how & PR_PAINT_STROKE) {
        use_space(w, &gs->stroke_cs, PF_USE_STROKE);
        pr_color_resolve(&gs->stroke_cs, gs->stroke, &c);
        vector_ink(w, &c, "stroke");
        white = white && is_white(&c);
    }
    if (!white) art(w, bbox, how & PR_PAINT_SHADING ? "a shading" : how & PR_PAINT_FILL ? "a filled path" : "a stroke");
}

static void note_font(walk *w, void *res, const char *name)
{
    pf_report *r = w->r;
    pr_font f;
    if (pr_doc_font(w->d, res, name, &f) != 0) return;
    for (size_t i = 0; i < r->nfonts; i++) {
        const pr_font *g = &r->fonts[i].f;
        if (f.objnum ? g->objnum == f.objnum && g->gen == f.gen : !g->objnum && !strcmp(g->basefont, f.basefont))
            return;
    }
    r->fonts = hc_xgrow(r->fonts, &r->capfonts, r->nfonts + 1, sizeof *r->fonts);
    r->fonts[r->nfonts++] = (pf_font){ f, w->page };
}

/* Dark text must be K only: a dark (K >= 50 % or C+M+Y+K >= 200 %), near
 * neutral CMYK colour with C, M or Y over 2 % in it, or a dark neutral RGB or
 * Lab colour, which a RIP makes rich black. */
static int text_not_k(const pr_devcolor *c)
{
    double cmy;
    switch (c->kind) {
    case PR_CS_CMYK: {   /* dark, with C, M or Y in it, and near neutral (a deep red is a colour) */
        cmy = fmax(c->v[0], fmax(c->v[1], c->v[2]));
        double spread = cmy - fmin(c->v[0], fmin(c->v[1], c->v[2]));
        return (c->v[3] >= 0.5 || c->v[0] + c->v[1] + c->v[2] + c->v[3] >= 2.0) && cmy > PF_TEXT_CMY_MAX &&
               spread <= PF_TEXT_NEUTRAL;
    }
    case PR_CS_RGB:   /* dark and near neutral: a RIP separates it into four inks */
        cmy = fmax(c->v[0], fmax(c->v[1], c->v[2])) - fmin(c->v[0], fmin(c->v[1], c->v[2]));
        return 0.2126 * c->v[0] + 0.7152 * c->v[1] + 0.0722 * c->v[2] <= 0.5 && cmy <= 0.15;
    case PR_CS_LAB: return c->v[0] <= 50 && fabs(c->v[1]) <= 15 && fabs(c->v[2]) <= 15;
    default: return 0;
    }
}

static void on_text(void *ctx, const pr_gstate *gs, void *res, const char *bytes, size_t n, double x, double y)
{
    walk *w = ctx;
    pf_report *r = w->r;
    (void)bytes, (void)x, (void)y;
    if (!n || gs->render_mode == 3 || gs->render_mode == 7) return;
    int stroke = gs->render_mode == 1 || gs->render_mode == 5;
    const pr_cs *cs = stroke ? &gs->stroke_cs : &gs->fill_cs;
    pr_devcolor c;
    pr_color_resolve(cs, stroke ? gs->stroke : gs->fill, &c);
    use_space(w, cs, PF_USE_TEXT);
    vector_ink(w, &c, "text");
    note_font(w, res, gs->font);
    r->text_runs++;
    if (!text_not_k(&c)) return;
    r->text_not_k++;
    pf_textpage *tp = r->ntextpages ? &r->textpages[r->ntextpages - 1] : NULL;
    if (!tp || tp->page != w->page) {
        r->textpages = hc_xgrow(r->textpages, &r->captextpages, r->ntextpages + 1, sizeof *r->textpages);
        tp = &r->textpages[r->ntextpages++];
        memset(tp, 0, sizeof *tp);
        tp->page = w->page;
        describe(&c, tp->colour, sizeof tp->colour);
        snprintf(tp->font, sizeof tp->font, "%s", gs->font);
    }
    tp->runs++;
}

/* The highest C+M+Y+K of an 8-bit CMYK image's pixels, or -1. */
static double image_ink(walk *w, const pr_xobject *im)
{
    for (size_t i = 0; i < w->r->nimages; i++)   /* placed before: read once */
        if (im->objnum && w->r->images[i].objnum == im->objnum && w->r->images[i].gen == im->gen)
            return w->r->images[i].ink;
    if (im->cs.kind != PR_CS_CMYK || im->bpc != 8 || im->image_mask) return -1;
    unsigned char *p;
    size_t len, need = (size_t)im->width * (size_t)im->height * 4;
    if (pr_doc_image_samples(w->d, im, &p, &len) != 0) return -1;
    int max = -1;
    if (len >= need)
        for (size_t i = 0; i < need; i += 4) {
            int s = p[i] + p[i + 1] + p[i + 2] + p[i + 3];
            if (im->decode_inverted) s = 4 * 255 - s;
            if (s > max) max = s;
        }
    free(p);
    return max < 0 ? -1 : max * 100.0 / 255.0;
}

static void on_image(void *ctx, const pr_gstate *gs, const pr_xobject *im, pr_rect bbox)
{
    walk *w = ctx;
    pf_report *r = w->r;
    use_space(w, im->image_mask ? &gs->fill_cs : &im->cs, PF_USE_IMAGE);
    char what[96];
    snprintf(what, sizeof what, "image /%s (object %d)", im->name, im->objnum);
    art(w, bbox, what);
    if (im->image_mask || im->width <= 0 || im->height <= 0) return;
    double pw = hypot(gs->ctm.a, gs->ctm.b), ph = hypot(gs->ctm.c, gs->ctm.d);
    if (pw < 0.01 || ph < 0.01) return;
    pf_image x;
    memset(&x, 0, sizeof x);
    x.page = w->page;
    x.objnum = im->objnum;
    x.gen = im->gen;
    x.w = im->width;
    x.h = im->height;
    snprintf(x.name, sizeof x.name, "%s", im->name);
    pr_cs_name(&im->cs, x.cs, sizeof x.cs);
    x.placed_w_mm = pf_mm(pw);
    x.placed_h_mm = pf_mm(ph);
    x.ppi = fmin(im->width / (pw / 72), im->height / (ph / 72));
    x.ink = image_ink(w, im);
    r->images = hc_xgrow(r->images, &r->capimages, r->nimages + 1, sizeof *r->images);
    r->images[r->nimages++] = x;
}

static void page_boxes(pr_doc *d, int i, pf_page *pg)
{
    if (pr_doc_page_box(d, i, "/MediaBox", &pg->media) != 0) pg->media = (pr_rect){ 0, 0, 612, 792 };
    pg->has_trim = pr_doc_page_box(d, i, "/TrimBox", &pg->trim) == 0;
    pg->has_bleed = pr_doc_page_box(d, i, "/BleedBox", &pg->bleed) == 0;
    if (!pg->has_trim) pg->trim = pg->media;
    if (!pg->has_bleed) pg->bleed = pg->has_trim ? pg->trim : pg->media;   /* BleedBox defaults to the CropBox */
    pg->bleed = pr_rect_intersect(pg->bleed, pg->media);
}

int pf_collect(pr_doc *d, pf_report *r, char **err)
{
    pr_handler h;
    memset(&h, 0, sizeof h);
    h.paint = on_paint;
    h.text = on_text;
    h.image = on_image;
    r->npages = pr_doc_npages(d);
    r->pages = hc_xcalloc((size_t)r->npages + 1, sizeof *r->pages);
    for (int i = 0; i < r->npages; i++) {
        pf_page *pg = &r->pages[i];
        page_boxes(d, i, pg);
        double b = PF_BLEED_MM * 72 / 25.4;
        /* the reach needed is the full bleed, also where the bleed box is short */
        walk w = { r, d, i + 1, pg->media, pg->trim, { pg->trim.x0 - b, pg->trim.y0 - b, pg->trim.x1 + b, pg->trim.y1 + b },
                   NULL, 0, 0 };
        h.ctx = &w;
        int rc = pr_doc_run_page(d, i, &h, err);
        if (rc >= 0) bleed_check(&w);
        free(w.art);
        if (rc < 0) return -1;
        if (rc > 0) r->truncated_pages++;
    }
    return 0;
}
