/* cmyk.h — the colour rules of the press edition: sRGB to the press's CMYK.
 *
 * One pdf_cmyk holds the output profile (the print shop's CMYK ICC profile)
 * and LittleCMS 2 transforms from sRGB to it: relative colorimetric with
 * black point compensation (the default of "convert to profile" in prepress
 * tools: theme colours keep their hue and lightness where the press can
 * print them; photos' shadows map to the press's black, not clipped). On
 * top of the profile:
 *   - neutral and near-neutral colours (R, G and B within PDF_CMYK_NEUTRAL
 *     of each other: text, hairlines, rules, QR modules, map greys) become
 *     black ink alone, 0/0/0/K, K chosen so that its lightness (L*) on the
 *     press matches the colour's; dark text thus prints as 100 % K;
 *   - total ink never exceeds PDF_CMYK_INK_MAX (C, M and Y are reduced
 *     in proportion, K is kept); PDF_CMYK_INK_MAX_PX for images.
 * A pdf_cmyk is read-only after pdf_cmyk_new and may be used from any
 * number of threads at once (its transforms are made with cmsFLAGS_NOCACHE).
 */
#ifndef HC_PDF_CMYK_H
#define HC_PDF_CMYK_H
#include <stddef.h>

#define PDF_CMYK_NEUTRAL (12.0 / 255)   /* max - min of R, G, B for a colour to count as grey */
#define PDF_CMYK_INK_MAX 3.0            /* 300 % */
/* Images are capped lower (270 %, of 4 × 255): JPEG's rounding and ringing
 * must not push a photo's darkest pixels back over 300 %. */
#define PDF_CMYK_INK_MAX_PX 689

typedef struct pdf_cmyk pdf_cmyk;

/* Reads the output profile at icc_path (a CMYK output/printer profile).
 * NULL with a malloc'd message in *err when it cannot be read or is not
 * CMYK. */
pdf_cmyk *pdf_cmyk_new(const char *icc_path, char **err);
void pdf_cmyk_free(pdf_cmyk *c);
/* The profile's bytes as read (for the OutputIntent) and its description. */
const unsigned char *pdf_cmyk_profile(const pdf_cmyk *c, size_t *len);
const char *pdf_cmyk_description(const pdf_cmyk *c);

/* Whether an sRGB colour (components 0..1) counts as grey. */
int pdf_cmyk_is_neutral(double r, double g, double b);
/* A vector colour (rg, RG, g, G): sRGB 0..1 in, CMYK 0..1 out. */
void pdf_cmyk_color(const pdf_cmyk *c, double r, double g, double b, double out[4]);
/* n pixels, RGB 8-bit in (3 bytes each), CMYK 8-bit out (4 bytes each, 255 =
 * full ink). neutral_k: greys become K only (maps, drawings); 0 for photos,
 * which go through the profile alone (then capped). */
void pdf_cmyk_pixels(const pdf_cmyk *c, const unsigned char *rgb, unsigned char *cmyk, size_t n, int neutral_k);
/* Caps total ink at PDF_CMYK_INK_MAX by reducing C, M and Y (0..1 values). */
void pdf_cmyk_cap(double v[4]);

#endif
