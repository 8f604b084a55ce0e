/* report.c — a pf_report as a prepress report (text) or one JSON object.
 * The JSON keys and their order are listed in `huace help preflight`. */
#include "preflight.h"
#include "../base/buf.h"
#include "../base/utf8.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* s as a JSON string: invalid UTF-8 bytes become U+FFFD. */
static void jstr(FILE *out, const char *s)
{
    hc_buf b = HC_BUF_INIT;
    if (!s) {
        fputs("null", out);
        return;
    }
    size_t len = strlen(s), i = 0;
    hc_buf_putc(&b, '"');
    while (i < len) {
        size_t bad = hc_utf8_invalid_at(s + i, len - i);
        size_t good = bad == (size_t)-1 ? len - i : bad;
        hc_escape_json(&b, s + i, good);
        i += good;
        if (i < len) {
            hc_buf_puts(&b, "\\ufffd");
            i++;
        }
    }
    hc_buf_putc(&b, '"');
    fwrite(b.data, 1, b.len, out);
    hc_buf_free(&b);
}

/* s for a terminal */
static const char *shown(hc_buf *b, const char *s)
{
    hc_buf_reset(b);
    hc_escape_shown(b, s, strlen(s));
    return hc_buf_cstr(b);
}

static void jrect_mm(FILE *out, pr_rect r)
{
    fprintf(out, "[%.1f, %.1f, %.1f, %.1f]", pf_mm(r.x0), pf_mm(r.y0), pf_mm(r.x1), pf_mm(r.y1));
}

static void jfindings(FILE *out, const pf_finding *f, size_t n)
{
    fputs("[", out);
    for (size_t i = 0; i < n; i++) {
        fprintf(out, "%s\n    {\"code\": ", i ? "," : "");
        jstr(out, f[i].code);
        fprintf(out, ", \"page\": %d, \"page_last\": %d, \"object\": ", f[i].page, f[i].page_last);
        jstr(out, f[i].object[0] ? f[i].object : NULL);
        fputs(", \"value\": ", out);
        jstr(out, f[i].value[0] ? f[i].value : NULL);
        fputs(", \"message\": ", out);
        jstr(out, f[i].message);
        fputs("}", out);
    }
    fputs(n ? "\n  ]" : "]", out);
}

static void json_head(const pf_report *r, FILE *out)
{
    fputs("{\n  \"file\": ", out);
    jstr(out, r->path);
    fputs(",\n  \"pdf_version\": ", out);
    jstr(out, r->version);
    fprintf(out, ",\n  \"pages\": %d,\n  \"object_streams\": %s,\n  \"xref_stream\": %s,\n  \"pdfx\": {\"info\": ",
            r->npages, r->objstm ? "true" : "false", r->xrefstm ? "true" : "false");
    jstr(out, r->pdfx_info);
    fputs(", \"xmp\": ", out);
    jstr(out, r->pdfx_xmp);
    fputs(", \"output_intent\": ", out);
    if (r->oi_gts) {
        fputs("{\"identifier\": ", out);
        jstr(out, r->oi_ident);
        fprintf(out, ", \"profile\": %s, \"profile_components\": %d}", r->oi_profile ? "true" : "false",
                r->oi_profile ? r->oi_profile_n : 0);
    } else {
        fputs("null", out);
    }
    fputs(", \"trapped\": ", out);
    jstr(out, r->trapped);
    fprintf(out, ", \"id\": %s},\n  \"press_intent\": %s,\n  \"page_boxes\": [", r->has_id ? "true" : "false",
            r->press_intent ? "true" : "false");
    for (int i = 0; i < r->npages; i++) {
        const pf_page *pg = &r->pages[i];
        fprintf(out, "%s\n    {\"page\": %d, \"media_mm\": ", i ? "," : "", i + 1);
        jrect_mm(out, pg->media);
        fputs(", \"trim_mm\": ", out);
        if (pg->has_trim) jrect_mm(out, pg->trim);
        else fputs("null", out);
        fputs(", \"bleed_mm\": ", out);
        if (pg->has_bleed) jrect_mm(out, pg->bleed);
        else fputs("null", out);
        fputs("}", out);
    }
    fputs(r->npages ? "\n  ],\n" : "],\n", out);
}

static void json_content(const pf_report *r, FILE *out)
{
    fputs("  \"fonts\": [", out);
    for (size_t i = 0; i < r->nfonts; i++) {
        const pf_font *f = &r->fonts[i];
        fprintf(out, "%s\n    {\"object\": %d, \"name\": ", i ? "," : "", f->f.objnum);
        jstr(out, f->f.basefont);
        fputs(", \"type\": ", out);
        jstr(out, f->f.subtype);
        fprintf(out, ", \"embedded\": %s, \"subset\": %s, \"first_page\": %d}", f->f.embedded ? "true" : "false",
                f->f.subset ? "true" : "false", f->first_page);
    }
    fputs(r->nfonts ? "\n  ],\n  \"images\": [" : "],\n  \"images\": [", out);
    for (size_t i = 0; i < r->nimages; i++) {
        const pf_image *im = &r->images[i];
        fprintf(out, "%s\n    {\"page\": %d, \"object\": %d, \"name\": ", i ? "," : "", im->page, im->objnum);
        jstr(out, im->name);
        fprintf(out, ", \"pixels\": [%d, %d], \"placed_mm\": [%.1f, %.1f], \"ppi\": %.0f, \"colorspace\": ", im->w,
                im->h, im->placed_w_mm, im->placed_h_mm, im->ppi);
        jstr(out, im->cs);
        if (im->ink >= 0) fprintf(out, ", \"ink\": %.0f}", im->ink);
        else fputs(", \"ink\": null}", out);
    }
    fputs(r->nimages ? "\n  ],\n  \"colorspaces\": [" : "],\n  \"colorspaces\": [", out);
    for (size_t i = 0; i < r->nspaces; i++) {
        const pf_space *s = &r->spaces[i];
        fprintf(out, "%s\n    {\"name\": ", i ? "," : "");
        jstr(out, s->name);
        fprintf(out,
                ", \"fill\": %ld, \"stroke\": %ld, \"text\": %ld, \"image\": %ld, \"shading\": %ld, \"pages\": %d, "
                "\"first_page\": %d}",
                s->uses[PF_USE_FILL], s->uses[PF_USE_STROKE], s->uses[PF_USE_TEXT], s->uses[PF_USE_IMAGE],
                s->uses[PF_USE_SHADING], s->npages, s->first_page);
    }
    fprintf(out, "%s  \"text\": {\"runs\": %ld, \"not_k\": %ld},\n", r->nspaces ? "\n  ],\n" : "],\n", r->text_runs,
            r->text_not_k);
}

static const pf_image *lowest_ppi(const pf_report *r)
{
    const pf_image *lo = NULL;
    for (size_t i = 0; i < r->nimages; i++)
        if (!lo || r->images[i].ppi < lo->ppi) lo = &r->images[i];
    return lo;
}

static const pf_image *most_ink(const pf_report *r)
{
    const pf_image *hi = NULL;
    for (size_t i = 0; i < r->nimages; i++)
        if (r->images[i].ink >= 0 && (!hi || r->images[i].ink > hi->ink)) hi = &r->images[i];
    return hi;
}

void pf_print_json(const pf_report *r, FILE *out)
{
    json_head(r, out);
    json_content(r, out);
    const pf_image *lo = lowest_ppi(r), *hi = most_ink(r);
    if (lo) fprintf(out, "  \"lowest_ppi\": {\"ppi\": %.0f, \"page\": %d, \"object\": %d},\n", lo->ppi, lo->page, lo->objnum);
    else fputs("  \"lowest_ppi\": null,\n", out);
    fputs("  \"ink\": {\"vector\": ", out);
    if (r->vec_ink > 0) {
        fprintf(out, "{\"max\": %.0f, \"page\": %d, \"what\": ", r->vec_ink, r->vec_ink_page);
        jstr(out, r->vec_ink_what);
        fputs("}", out);
    } else {
        fputs("null", out);
    }
    if (hi) fprintf(out, ", \"image\": {\"max\": %.0f, \"page\": %d, \"object\": %d}},\n", hi->ink, hi->page, hi->objnum);
    else fputs(", \"image\": null},\n", out);
    fputs("  \"problems\": ", out);
    jfindings(out, r->problems, r->nproblems);
    fputs(",\n  \"warnings\": ", out);
    jfindings(out, r->warnings, r->nwarnings);
    fprintf(out, ",\n  \"accepted\": %s\n}\n", r->nproblems ? "false" : "true");
}

static void text_pages(const pf_report *r, FILE *out)
{
    for (int i = 0; i < r->npages;) {
        const pf_page *pg = &r->pages[i];
        int j = i + 1;
        while (j < r->npages && !memcmp(&r->pages[j].media, &pg->media, sizeof pg->media) &&
               !memcmp(&r->pages[j].trim, &pg->trim, sizeof pg->trim) &&
               !memcmp(&r->pages[j].bleed, &pg->bleed, sizeof pg->bleed) && r->pages[j].has_trim == pg->has_trim)
            j++;
        char range[32];
        if (j == i + 1) snprintf(range, sizeof range, "page %d", j);
        else snprintf(range, sizeof range, "pages %d–%d", i + 1, j);
        fprintf(out, "%s%s: media %.1f × %.1f mm", i ? "           " : "Boxes      ", range,
                pf_mm(pg->media.x1 - pg->media.x0), pf_mm(pg->media.y1 - pg->media.y0));
        if (pg->has_trim)
            fprintf(out, ", trim %.1f × %.1f mm, bleed %.1f/%.1f/%.1f/%.1f mm (l/b/r/t)\n",
                    pf_mm(pg->trim.x1 - pg->trim.x0), pf_mm(pg->trim.y1 - pg->trim.y0),
                    pf_mm(pg->trim.x0 - pg->bleed.x0), pf_mm(pg->trim.y0 - pg->bleed.y0),
                    pf_mm(pg->bleed.x1 - pg->trim.x1), pf_mm(pg->bleed.y1 - pg->trim.y1));
        else
            fputs(", no TrimBox, no bleed\n", out);
        i = j;
    }
}

static void text_findings(FILE *out, const char *title, const pf_finding *f, size_t n, hc_buf *b)
{
    if (!n) return;
    fprintf(out, "\n%s (%zu):\n", title, n);
    for (size_t i = 0; i < n; i++) {
        if (!f[i].page) fputs("  document: ", out);
        else if (f[i].page == f[i].page_last) fprintf(out, "  page %d: ", f[i].page);
        else fprintf(out, "  pages %d–%d: ", f[i].page, f[i].page_last);
        fprintf(out, "%s [%s]\n", shown(b, f[i].message), f[i].code);
    }
}

void pf_print_text(const pf_report *r, FILE *out)
{
    hc_buf b = HC_BUF_INIT;
    fprintf(out, "Preflight  %s\n", shown(&b, r->path));
    fprintf(out, "File       PDF %s, %d page(s)%s%s\n", r->version, r->npages, r->objstm ? ", object streams" : "",
            r->xrefstm ? ", cross-reference stream" : "");
    fprintf(out, "PDF/X      %s", r->pdfx_info ? shown(&b, r->pdfx_info) : "none claimed");
    fprintf(out, " (XMP: %s)", r->pdfx_xmp ? shown(&b, r->pdfx_xmp) : "none");
    if (r->oi_gts)
        fprintf(out, "; OutputIntent GTS_PDFX '%s', %s", r->oi_ident ? shown(&b, r->oi_ident) : "",
                r->oi_profile ? (r->oi_profile_n == 4 ? "CMYK profile embedded" : "non-CMYK profile embedded")
                              : "no profile");
    else
        fputs("; no OutputIntent", out);
    fprintf(out, "; Trapped %s; ID %s\n", r->trapped ? shown(&b, r->trapped) : "missing", r->has_id ? "present" : "missing");
    fprintf(out, "Intent     %s\n", r->press_intent ? "press (PDF/X claimed or TrimBox inside MediaBox)"
                                                    : "screen (no PDF/X, no TrimBox inside the MediaBox)");
    text_pages(r, out);
    size_t nemb = 0, nsub = 0;
    for (size_t i = 0; i < r->nfonts; i++) nemb += r->fonts[i].f.embedded, nsub += r->fonts[i].f.subset;
    fprintf(out, "Fonts      %zu used, %zu embedded, %zu subset\n", r->nfonts, nemb, nsub);
    for (size_t i = 0; i < r->nfonts; i++)
        fprintf(out, "           %s (%s, object %d)%s%s\n",
                r->fonts[i].f.basefont[0] ? shown(&b, r->fonts[i].f.basefont) : "(no BaseFont)", r->fonts[i].f.subtype,
                r->fonts[i].f.objnum, r->fonts[i].f.embedded ? " embedded" : " NOT embedded",
                r->fonts[i].f.subset ? ", subset" : "");
    const pf_image *lo = lowest_ppi(r), *hi = most_ink(r);
    fprintf(out, "Images     %zu placed", r->nimages);
    if (lo) fprintf(out, "; lowest %.0f ppi: page %d, /%s (object %d), %d × %d px at %.1f × %.1f mm", lo->ppi, lo->page,
                    shown(&b, lo->name), lo->objnum, lo->w, lo->h, lo->placed_w_mm, lo->placed_h_mm);
    fputs("\nColour     ", out);
    for (size_t i = 0; i < r->nspaces; i++)
        fprintf(out, "%s%s (%d page(s))", i ? ", " : "", shown(&b, r->spaces[i].name), r->spaces[i].npages);
    fprintf(out, "%s\nText       %ld run(s), %ld dark run(s) not in black ink alone\n", r->nspaces ? "" : "none",
            r->text_runs, r->text_not_k);
    fputs("Ink        vectors ", out);
    if (r->vec_ink > 0) fprintf(out, "%.0f %% (page %d, %s)", r->vec_ink, r->vec_ink_page, r->vec_ink_what);
    else fputs("none measured", out);
    if (hi) fprintf(out, "; CMYK images %.0f %% (page %d, /%s, object %d)\n", hi->ink, hi->page, hi->name, hi->objnum);
    else fputs("; no CMYK image\n", out);
    text_findings(out, "Problems", r->problems, r->nproblems, &b);
    text_findings(out, "Warnings", r->warnings, r->nwarnings, &b);
    fprintf(out, "\nResult     %s\n", r->nproblems ? "REJECTED: a press shop would send this file back"
                                                    : "ACCEPTED: ready for press");
    hc_buf_free(&b);
}

void pf_report_free(pf_report *r)
{
    free(r->pdfx_info);
    free(r->pdfx_xmp);
    free(r->oi_ident);
    free(r->trapped);
    free(r->pages);
    free(r->fonts);
    free(r->images);
    free(r->spaces);
    free(r->textpages);
    for (size_t i = 0; i < r->nproblems; i++) free(r->problems[i].message);
    for (size_t i = 0; i < r->nwarnings; i++) free(r->warnings[i].message);
    free(r->problems);
    free(r->warnings);
}
