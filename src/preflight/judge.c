/* judge.c — the facts of a pf_report weighed as a prepress operator would. */
#include "preflight.h"
#include "../base/alloc.h"
#include "../base/buf.h"
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void pf_add(pf_report *r, int problem, const char *code, int page, const char *object, const char *value,
            const char *fmt, ...)
{
    pf_finding **arr = problem ? &r->problems : &r->warnings;
    size_t *n = problem ? &r->nproblems : &r->nwarnings, *cap = problem ? &r->capproblems : &r->capwarnings;
    hc_buf m = HC_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    hc_buf_vprintf(&m, fmt, ap);
    va_end(ap);
    pf_finding *last = *n ? &(*arr)[*n - 1] : NULL;
    /* the same finding on the next page: one finding for the range */
    if (last && page && last->page_last + 1 == page && !strcmp(last->code, code) &&
        !strcmp(last->message, hc_buf_cstr(&m)) && !strcmp(last->value, value ? value : "")) {
        last->page_last = page;
        hc_buf_free(&m);
        return;
    }
    *arr = hc_xgrow(*arr, cap, *n + 1, sizeof **arr);
    pf_finding *f = &(*arr)[(*n)++];
    memset(f, 0, sizeof *f);
    snprintf(f->code, sizeof f->code, "%s", code);
    f->page = f->page_last = page;
    snprintf(f->object, sizeof f->object, "%s", object ? object : "");
    snprintf(f->value, sizeof f->value, "%s", value ? value : "");
    f->message = hc_buf_detach(&m, NULL);
}

/* The highest PDF version (10 × major + minor) a PDF/X version allows; 0 unknown. */
static int pdfx_max_version(const char *x)
{
    static const struct { const char *prefix; int max; } t[] = {
        { "PDF/X-1:2001", 13 },  { "PDF/X-1a:2001", 13 }, { "PDF/X-3:2002", 13 }, { "PDF/X-1a:2003", 14 },
        { "PDF/X-2:2003", 14 },  { "PDF/X-3:2003", 14 },  { "PDF/X-4", 16 },      { "PDF/X-5", 16 },
        { "PDF/X-6", 20 },
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (!strncmp(x, t[i].prefix, strlen(t[i].prefix))) return t[i].max;
    return 0;
}

static int version_num(const char *v)
{
    int maj = 0, min = 0;
    if (sscanf(v, "%d.%d", &maj, &min) < 1) return 0;
    return maj * 10 + min;
}

static void judge_structure(pf_report *r)
{
    int v = version_num(r->version);
    const char *x = r->pdfx_info ? r->pdfx_info : r->pdfx_xmp;
    const char *what = r->objstm && r->xrefstm ? "object streams and a cross-reference stream"
                       : r->objstm             ? "object streams"
                                               : "a cross-reference stream";
    if ((r->objstm || r->xrefstm) && v < 15)
        pf_add(r, 1, "structure-version", 0, NULL, r->version,
               "the file uses %s (PDF 1.5) but its header says PDF %s", what, r->version);
    if (!x) {
        if (r->press_intent)
            pf_add(r, 0, "no-pdfx", 0, NULL, NULL,
                   "no PDF/X version claimed: shops ask for PDF/X-1a or PDF/X-4");
        return;
    }
    if (r->pdfx_info && r->pdfx_xmp && strcmp(r->pdfx_info, r->pdfx_xmp))
        pf_add(r, 1, "pdfx-xmp", 0, NULL, r->pdfx_xmp, "the XMP says %s, the Info dictionary %s", r->pdfx_xmp,
               r->pdfx_info);
    if (!r->pdfx_info)
        pf_add(r, 1, "pdfx-info", 0, NULL, NULL, "GTS_PDFXVersion is missing from the Info dictionary");
    int max = pdfx_max_version(x);
    if (!max) {
        pf_add(r, 1, "pdfx-unknown", 0, NULL, x, "unknown PDF/X version '%s'", x);
        return;
    }
    if (v > max)
        pf_add(r, 1, "pdfx-version", 0, NULL, r->version, "%s allows PDF %d.%d at most; the file is PDF %s", x,
               max / 10, max % 10, r->version);
    if ((r->objstm || r->xrefstm) && max < 15)
        pf_add(r, 1, "pdfx-structure", 0, NULL, what, "%s (PDF %d.%d) does not allow %s, which are PDF 1.5", x,
               max / 10, max % 10, what);
}

static void judge_pdfx_keys(pf_report *r)
{
    const char *x = r->pdfx_info ? r->pdfx_info : r->pdfx_xmp;
    if (!x) return;
    if (!r->oi_gts)
        pf_add(r, 1, "pdfx-output-intent", 0, NULL, NULL, "%s needs an OutputIntent /S /GTS_PDFX; there is none", x);
    else if (!r->oi_profile)
        pf_add(r, r->oi_ident && !strcmp(r->oi_ident, "Custom"), "pdfx-profile", 0, NULL, r->oi_ident,
               "the OutputIntent '%s' embeds no ICC profile", r->oi_ident ? r->oi_ident : "");
    else if (r->oi_profile_n != 4 && !strncmp(x, "PDF/X-1a", 8))
        pf_add(r, 1, "pdfx-profile", 0, NULL, NULL, "%s needs a CMYK output profile; it has %d components", x,
               r->oi_profile_n);
    if (!r->trapped || (strcmp(r->trapped, "True") && strcmp(r->trapped, "False")))
        pf_add(r, 1, "pdfx-trapped", 0, NULL, r->trapped, "%s needs /Trapped /True or /False in Info; it is %s", x,
               r->trapped ? r->trapped : "missing");
    if (!r->has_id) pf_add(r, 1, "pdfx-id", 0, NULL, NULL, "%s needs a document /ID in the trailer; it has none", x);
    for (int i = 0; i < r->npages; i++)
        if (!r->pages[i].has_trim) pf_add(r, 1, "pdfx-trimbox", i + 1, NULL, NULL, "%s needs a TrimBox", x);
}

static void judge_boxes(pf_report *r)
{
    char v[32];
    for (int i = 0; i < r->npages; i++) {
        const pf_page *pg = &r->pages[i];
        double side[4] = { pg->trim.x0 - pg->bleed.x0, pg->trim.y0 - pg->bleed.y0, pg->bleed.x1 - pg->trim.x1,
                           pg->bleed.y1 - pg->trim.y1 };
        double least = fmin(fmin(side[0], side[1]), fmin(side[2], side[3]));
        snprintf(v, sizeof v, "%.1f mm", pf_mm(least > 0 ? least : 0));
        if (!pg->has_trim)
            pf_add(r, 1, "no-bleed", i + 1, NULL, v, "no TrimBox: the trim is the media box and there is no bleed");
        else if (pf_mm(least) < PF_BLEED_MM - 0.1)
            pf_add(r, 1, "bleed", i + 1, NULL, v, "bleed %s (%.0f mm needed on every side)", v, PF_BLEED_MM);
    }
    for (int i = 0; i < r->npages; i++) {   /* after the boxes, so that each kind merges over pages */
        const pf_page *pg = &r->pages[i];
        if (pg->art_short) {
            snprintf(v, sizeof v, "%.1f mm", pg->art_reach_mm);
            pf_add(r, 1, "art-short", i + 1, pg->art_what, v,
                   "artwork reaches the trim and stops short of the bleed along %d mm of edge; e.g. %s at the "
                   "%s edge goes %s beyond the trim",
                   pg->art_short, pg->art_what, pg->art_side, v);
        }
    }
}

static void judge_content(pf_report *r)
{
    char obj[192], v[32];
    for (size_t i = 0; i < r->nfonts; i++) {
        const pr_font *f = &r->fonts[i].f;
        snprintf(obj, sizeof obj, "font %s (object %d)", f->basefont, f->objnum);
        if (!f->embedded)
            pf_add(r, 1, "font-not-embedded", r->fonts[i].first_page, obj, f->subtype, "%s %s is not embedded",
                   f->subtype, f->basefont);
    }
    for (size_t i = 0; i < r->nimages; i++) {
        const pf_image *im = &r->images[i];
        snprintf(obj, sizeof obj, "image /%s (object %d)", im->name, im->objnum);
        snprintf(v, sizeof v, "%.0f ppi", im->ppi);
        if (floor(im->ppi + 0.5) < PF_PPI_GOOD)
            pf_add(r, floor(im->ppi + 0.5) < PF_PPI_MIN, "low-ppi", im->page, obj, v,
                   "%s: %d × %d px placed at %.1f × %.1f mm is %.0f ppi (%d needed, %d preferred)", obj, im->w,
                   im->h, im->placed_w_mm, im->placed_h_mm, im->ppi, PF_PPI_MIN, PF_PPI_GOOD);
        int first = 1;
        for (size_t k = 0; k < i && first; k++) first = !(r->images[k].objnum == im->objnum && im->objnum);
        if (first && im->ink > PF_INK_MAX) {
            snprintf(v, sizeof v, "%.0f %%", im->ink);
            pf_add(r, 1, "ink", im->page, obj, v, "%s: total ink %.0f %% (%.0f %% at most)", obj, im->ink, PF_INK_MAX);
        }
    }
    if (r->vec_ink > PF_INK_MAX) {
        snprintf(v, sizeof v, "%.0f %%", r->vec_ink);
        pf_add(r, 1, "ink", r->vec_ink_page, r->vec_ink_what, v, "%s: total ink %.0f %% (%.0f %% at most)",
               r->vec_ink_what, r->vec_ink, PF_INK_MAX);
    }
}

static void judge_colour(pf_report *r)
{
    char obj[96];
    for (size_t i = 0; i < r->nspaces; i++) {
        const pf_space *s = &r->spaces[i];
        if (!strstr(s->name, "RGB")) continue;
        char where[64], v[16];
        if (s->npages == 1) snprintf(where, sizeof where, "on this page");
        else snprintf(where, sizeof where, "on %d pages (%d–%d)", s->npages, s->first_page, s->last_page);
        snprintf(v, sizeof v, "%d pages", s->npages);
        pf_add(r, 1, "rgb", s->first_page, s->name, v,
               "%s %s: %ld fills, %ld strokes, %ld text runs, %ld images, %ld shadings", s->name, where,
               s->uses[PF_USE_FILL], s->uses[PF_USE_STROKE], s->uses[PF_USE_TEXT], s->uses[PF_USE_IMAGE],
               s->uses[PF_USE_SHADING]);
    }
    for (size_t i = 0; i < r->ntextpages; i++) {
        const pf_textpage *t = &r->textpages[i];
        snprintf(obj, sizeof obj, "text in /%s", t->font);
        pf_add(r, 1, "text-not-k", t->page, obj, t->colour,
               "%ld dark text run(s) not in black ink alone, e.g. %s in /%s", t->runs, t->colour, t->font);
    }
}

void pf_judge(pf_report *r)
{
    r->press_intent = r->pdfx_info || r->pdfx_xmp;
    for (int i = 0; i < r->npages && !r->press_intent; i++) {
        const pf_page *pg = &r->pages[i];
        r->press_intent = pg->has_trim && (fabs(pg->trim.x0 - pg->media.x0) > 0.01 ||
                                           fabs(pg->trim.y0 - pg->media.y0) > 0.01 ||
                                           fabs(pg->trim.x1 - pg->media.x1) > 0.01 ||
                                           fabs(pg->trim.y1 - pg->media.y1) > 0.01);
    }
    if (!r->npages) pf_add(r, 1, "no-pages", 0, NULL, NULL, "the file has no pages");
    judge_structure(r);
    judge_pdfx_keys(r);
    judge_boxes(r);
    judge_colour(r);
    judge_content(r);
    if (r->truncated_pages)
        pf_add(r, 0, "truncated", 0, NULL, NULL, "%d page(s) too complex to read to the end", r->truncated_pages);
}
