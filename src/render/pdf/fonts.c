/* fonts.c — the Noto CJK families through fontconfig, and our pango contexts. */
#include "pdf_int.h"
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <string.h>

/* Does fontconfig have family (exactly), for simplified Chinese? */
static int have_family(const char *family)
{
    FcPattern *pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
    FcLangSet *ls = FcLangSetCreate();
    FcLangSetAdd(ls, (const FcChar8 *)"zh-cn");
    FcPatternAddLangSet(pat, FC_LANG, ls);
    FcLangSetDestroy(ls);
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *match = FcFontMatch(NULL, pat, &res);
    int ok = 0;
    if (match) {
        FcChar8 *got;
        for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &got) == FcResultMatch; i++)
            if (strcmp((const char *)got, family) == 0) ok = 1;
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pat);
    return ok;
}

int pdf_fonts_find(pdf_fontset *fs, hc_diags *d)
{
    memset(fs, 0, sizeof *fs);
    if (!FcInit() || !have_family("Noto Sans CJK SC")) {
        hc_error(d, "font", "fontconfig", 0, 0,
                 "the album needs the Noto CJK fonts (Noto Sans CJK SC), which fontconfig cannot find: "
                 "install the Debian package fonts-noto-cjk (apt-get install fonts-noto-cjk)");
        return -1;
    }
    snprintf(fs->sans, sizeof fs->sans, "%s", "Noto Sans CJK SC");
    /* the serif and mono faces come in the same package; use the sans if a site trimmed them */
    snprintf(fs->serif, sizeof fs->serif, "%s", have_family("Noto Serif CJK SC") ? "Noto Serif CJK SC" : fs->sans);
    snprintf(fs->mono, sizeof fs->mono, "%s", have_family("Noto Sans Mono CJK SC") ? "Noto Sans Mono CJK SC" : fs->sans);
    return 0;
}

PangoContext *pdf_pango_context_new(PangoFontMap **fm_out)
{
    PangoFontMap *fm = pango_cairo_font_map_new();
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
