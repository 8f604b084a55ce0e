/* fonts.c — the Noto CJK families (found through render/cjkfont.h, the
 * lookup the maps share), their subsets (fontsub.c), and our pango contexts. */
#include "pdf_int.h"
#include "../cjkfont.h"
#include <stdio.h>
#include <string.h>

/* Does fontconfig's current configuration have family, with Chinese? */
static int have_family(const char *family)
{
    return hc_cjk_match(NULL, family, family, NULL) == 0;
}

int pdf_fonts_find(pdf_fontset *fs, const hc_model *m, const char *cache_dir, int nthreads, hc_diags *d)
{
    memset(fs, 0, sizeof *fs);
    if (!FcInit() || !have_family(HC_CJK_SANS)) {
        hc_error(d, "font", "fontconfig", 0, 0,
                 "the album needs the Noto CJK fonts (" HC_CJK_SANS "), which fontconfig cannot find: " HC_CJK_INSTALL);
        return -1;
    }
    snprintf(fs->sans, sizeof fs->sans, "%s", HC_CJK_SANS);
    /* the serif and mono faces come in the same package; use the sans if a site trimmed them */
    snprintf(fs->serif, sizeof fs->serif, "%s", have_family(HC_CJK_SERIF) ? HC_CJK_SERIF : fs->sans);
    snprintf(fs->mono, sizeof fs->mono, "%s", have_family(HC_CJK_MONO) ? HC_CJK_MONO : fs->sans);
    fs->sub = pdf_fontsub_new(m, fs, cache_dir, nthreads);
    return 0;
}

void pdf_fonts_free(pdf_fontset *fs)
{
    pdf_fontsub_free(fs->sub);
    fs->sub = NULL;
}

PangoContext *pdf_pango_context_new(const pdf_fontset *fs, PangoFontMap **fm_out)
{
    PangoFontMap *fm = pango_cairo_font_map_new();
    pdf_fontsub_apply(fs->sub, fm);
    PangoContext *pc = pango_font_map_create_context(fm);
    pango_cairo_context_set_resolution(pc, 72.0);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(pc, fo);
    cairo_font_options_destroy(fo);
    pango_context_set_round_glyph_positions(pc, FALSE);
    pango_context_set_language(pc, pango_language_from_string("zh-cn"));
    pango_context_set_base_dir(pc, PANGO_DIRECTION_LTR);
    *fm_out = fm;
    return pc;
}
