/* text.c — UTF-8 labels through libgd's FreeType renderer.
 *
 * Sizes are in pixels (gd is told 72 dpi, so points = pixels). libgd reads
 * "&name;" and "&#N;" entities in the text, so '&' is passed as "&#38;";
 * control characters become spaces. */
#include "maps_int.h"
#include "../../base/utf8.h"
#include <math.h>
#include <string.h>

#define ASCENT 0.88      /* of the em box, for Noto CJK */

static void prepare(hc_buf *out, const char *s)
{
    hc_buf_reset(out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '&') hc_buf_puts(out, "&#38;");
        else if (c < 0x20 || c == 0x7f) hc_buf_putc(out, ' ');
        else hc_buf_putc(out, (char)c);
    }
}

static char *render(gdImagePtr im, int brect[8], int color, const char *font, double px, int x, int y,
                    const char *s)
{
    gdFTStringExtra ex;
    memset(&ex, 0, sizeof ex);
    ex.flags = gdFTEX_RESOLUTION | gdFTEX_FONTPATHNAME | gdFTEX_CHARMAP;
    ex.charmap = gdFTEX_Unicode;
    ex.hdpi = ex.vdpi = 72;
    hc_buf t = HC_BUF_INIT;
    prepare(&t, s);
    char *err = gdImageStringFTEx(im, brect, color, (char *)font, px, 0.0, x, y, (char *)hc_buf_cstr(&t), &ex);
    hc_buf_free(&t);
    return err;
}

int hc_text_width(const char *font, double px, const char *s)
{
    int br[8];
    if (!font || !*s) return 0;
    if (render(NULL, br, 0, font, px, 0, 0, s)) return 0;
    return br[2] - br[0] + 1;
}

void hc_text_draw(gdImagePtr im, const char *font, double px, int x, int y, int color, const char *s)
{
    int br[8];
    if (!font || !*s) return;
    render(im, br, color, font, px, x, y + (int)lround(px * ASCENT), s);
}

void hc_text_fit(hc_buf *out, const char *font, double px, const char *s, int max_w)
{
    hc_buf_reset(out);
    hc_buf_puts(out, s);
    if (hc_text_width(font, px, s) <= max_w) return;
    /* longest prefix (whole characters) that fits with the ellipsis */
    size_t len = strlen(s), lo, hi;
    size_t cuts[512], ncuts = 0;
    for (size_t i = 0; i < len && ncuts < 512;) {
        size_t adv;
        hc_utf8_decode(s + i, len - i, &adv);
        i += adv;
        cuts[ncuts++] = i;
    }
    lo = 0;
    hi = ncuts;          /* answer: number of characters kept, in [0, ncuts) */
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        hc_buf_reset(out);
        hc_buf_put(out, s, cuts[mid - 1]);
        hc_buf_puts(out, "…");
        if (mid < ncuts && hc_text_width(font, px, hc_buf_cstr(out)) <= max_w) lo = mid;
        else hi = mid - 1;
    }
    hc_buf_reset(out);
    if (lo) hc_buf_put(out, s, cuts[lo - 1]);
    hc_buf_puts(out, "…");
}
