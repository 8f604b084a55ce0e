/* cmyk.c — sRGB to the press's CMYK with LittleCMS 2; see cmyk.h. */
#include "cmyk.h"
#include "../../base/alloc.h"
#include "../../base/buf.h"
#include "../../base/fs.h"
#include <lcms2.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct pdf_cmyk {
    hc_buf icc;                 /* the profile's bytes */
    char desc[128];
    cmsHTRANSFORM vec;          /* RGB_DBL → CMYK_DBL (0..100) */
    int32_t *lut;               /* LUT_N³ × 4 CMYK values × 256 (0..255·256), r slowest */
    unsigned char ix[256];      /* grid cell of an 8-bit value */
    int fx[256];                /* its position in the cell, 0..256 */
    double lk[256];             /* L* of 0/0/0/k on the press, k = i / 255 */
    unsigned char kbyte[256];   /* K (0..255) for a grey of value i */
};

/* L* of an sRGB grey of value v (0..1). */
static double grey_lstar(double v)
{
    double lin = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
    return lin > 0.008856 ? 116 * cbrt(lin) - 16 : 903.3 * lin;
}

/* K (0..1) for a grey of value v: dark greys (L* 12 and below: text at
 * #1D1D1F and darker) are solid K; lighter ones take the K whose lightness
 * on the press matches, lightness scaled from sRGB's [12, 100] to the
 * range black ink alone reaches on the press. */
static double grey_k(const pdf_cmyk *c, double v)
{
    double l = grey_lstar(v);
    if (l <= 12) return 1;
    if (l >= 100) return 0;
    double lo = c->lk[255], hi = c->lk[0];
    double target = lo + (l - 12) / 88 * (hi - lo);
    int i = 0;
    while (i < 255 && c->lk[i + 1] > target) i++;   /* lk falls as k rises */
    if (i >= 255) return 1;
    double a = c->lk[i], b = c->lk[i + 1];
    double f = a > b ? (a - target) / (a - b) : 0;
    return (i + f) / 255;
}

static void k_tables(pdf_cmyk *c, cmsHPROFILE out)
{
    cmsHPROFILE lab = cmsCreateLab4Profile(NULL);
    cmsHTRANSFORM t = cmsCreateTransform(out, TYPE_CMYK_DBL, lab, TYPE_Lab_DBL, INTENT_RELATIVE_COLORIMETRIC,
                                         cmsFLAGS_NOCACHE);
    for (int i = 0; i < 256; i++) {
        double in[4] = { 0, 0, 0, i * 100.0 / 255 };
        cmsCIELab L = { 100 - i * 100.0 / 255, 0, 0 };
        if (t) cmsDoTransform(t, in, &L, 1);
        c->lk[i] = L.L;
    }
    for (int i = 1; i < 256; i++)   /* keep it monotonic whatever the profile does */
        if (c->lk[i] > c->lk[i - 1]) c->lk[i] = c->lk[i - 1];
    if (t) cmsDeleteTransform(t);
    cmsCloseProfile(lab);
    for (int i = 0; i < 256; i++) c->kbyte[i] = (unsigned char)lround(grey_k(c, i / 255.0) * 255);
}

/* LittleCMS converts 8-bit RGB to CMYK at some 5 Mpx/s; the album's photos
 * are hundreds of megapixels. So images go through a LUT_N³ grid that
 * LittleCMS fills, interpolated tetrahedrally (as CMMs do): ~10× faster. */
#define LUT_N 33
static int make_lut(pdf_cmyk *c, cmsHPROFILE srgb, cmsHPROFILE out, cmsUInt32Number fl)
{
    cmsHTRANSFORM t = cmsCreateTransform(srgb, TYPE_RGB_16, out, TYPE_CMYK_16, INTENT_RELATIVE_COLORIMETRIC, fl);
    if (!t) return -1;
    size_t n = (size_t)LUT_N * LUT_N * LUT_N;
    uint16_t *in = hc_xmalloc(n * 3 * sizeof *in), *o = hc_xmalloc(n * 4 * sizeof *o);
    size_t k = 0;
    for (int r = 0; r < LUT_N; r++)
        for (int g = 0; g < LUT_N; g++)
            for (int b = 0; b < LUT_N; b++) {
                in[k++] = (uint16_t)(r * 65535 / (LUT_N - 1));
                in[k++] = (uint16_t)(g * 65535 / (LUT_N - 1));
                in[k++] = (uint16_t)(b * 65535 / (LUT_N - 1));
            }
    cmsDoTransform(t, in, o, (cmsUInt32Number)n);
    cmsDeleteTransform(t);
    c->lut = hc_xmalloc(n * 4 * sizeof *c->lut);
    for (size_t i = 0; i < n * 4; i++) c->lut[i] = (int32_t)(((int64_t)o[i] * 255 * 256 + 32767) / 65535);
    free(in);
    free(o);
    for (int v = 0; v < 256; v++) {
        int x = v * (LUT_N - 1), i = x / 255;
        int f = ((x % 255) * 256 + 127) / 255;
        if (i >= LUT_N - 1) i = LUT_N - 2, f = 256;
        c->ix[v] = (unsigned char)i;
        c->fx[v] = f;
    }
    return 0;
}

/* Tetrahedral interpolation of one pixel. */
static void lut_px(const pdf_cmyk *c, const unsigned char *s, unsigned char *d)
{
    enum { SB = 4, SG = 4 * LUT_N, SR = 4 * LUT_N * LUT_N };
    const int32_t *c0 = c->lut + c->ix[s[0]] * SR + c->ix[s[1]] * SG + c->ix[s[2]] * SB;
    int fr = c->fx[s[0]], fg = c->fx[s[1]], fb = c->fx[s[2]];
    const int32_t *c1, *c2, *c3 = c0 + SR + SG + SB;
    int f1, f2, f3;
    if (fr >= fg && fg >= fb) c1 = c0 + SR, c2 = c0 + SR + SG, f1 = fr, f2 = fg, f3 = fb;
    else if (fr >= fb && fb >= fg) c1 = c0 + SR, c2 = c0 + SR + SB, f1 = fr, f2 = fb, f3 = fg;
    else if (fb >= fr && fr >= fg) c1 = c0 + SB, c2 = c0 + SR + SB, f1 = fb, f2 = fr, f3 = fg;
    else if (fg >= fr && fr >= fb) c1 = c0 + SG, c2 = c0 + SR + SG, f1 = fg, f2 = fr, f3 = fb;
    else if (fg >= fb && fb >= fr) c1 = c0 + SG, c2 = c0 + SG + SB, f1 = fg, f2 = fb, f3 = fr;
    else c1 = c0 + SB, c2 = c0 + SG + SB, f1 = fb, f2 = fg, f3 = fr;
    for (int j = 0; j < 4; j++) {
        /* at most 4 × 255·256 × 256: fits 32 bits */
        int32_t v = c0[j] * 256 + (c1[j] - c0[j]) * f1 + (c2[j] - c1[j]) * f2 + (c3[j] - c2[j]) * f3;
        int o = (int)((v + (1 << 15)) >> 16);
        d[j] = (unsigned char)(o < 0 ? 0 : o > 255 ? 255 : o);
    }
}

pdf_cmyk *pdf_cmyk_new(const char *icc_path, char **err)
{
    pdf_cmyk *c = hc_xcalloc(1, sizeof *c);
    cmsHPROFILE out = NULL, srgb = NULL;
    hc_buf m = HC_BUF_INIT;
    if (hc_fs_read(icc_path, &c->icc) != 0) {
        hc_buf_printf(&m, "cannot read the output profile %s", icc_path);
        goto fail;
    }
    out = cmsOpenProfileFromMem(c->icc.data, (cmsUInt32Number)c->icc.len);
    if (!out) {
        hc_buf_printf(&m, "%s is not an ICC profile", icc_path);
        goto fail;
    }
    if (cmsGetColorSpace(out) != cmsSigCmykData) {
        hc_buf_printf(&m, "%s is not a CMYK profile (ask the print shop for its CMYK output profile)", icc_path);
        goto fail;
    }
    cmsGetProfileInfoASCII(out, cmsInfoDescription, "en", "US", c->desc, sizeof c->desc);
    srgb = cmsCreate_sRGBProfile();
    cmsUInt32Number fl = cmsFLAGS_BLACKPOINTCOMPENSATION | cmsFLAGS_NOCACHE;
    c->vec = cmsCreateTransform(srgb, TYPE_RGB_DBL, out, TYPE_CMYK_DBL, INTENT_RELATIVE_COLORIMETRIC, fl);
    if (!c->vec || make_lut(c, srgb, out, fl) != 0) {
        hc_buf_printf(&m, "LittleCMS cannot convert sRGB to %s", icc_path);
        goto fail;
    }
    k_tables(c, out);
    cmsCloseProfile(srgb);
    cmsCloseProfile(out);
    hc_buf_free(&m);
    return c;
fail:
    if (srgb) cmsCloseProfile(srgb);
    if (out) cmsCloseProfile(out);
    pdf_cmyk_free(c);
    *err = hc_buf_detach(&m, NULL);
    return NULL;
}

void pdf_cmyk_free(pdf_cmyk *c)
{
    if (!c) return;
    if (c->vec) cmsDeleteTransform(c->vec);
    free(c->lut);
    hc_buf_free(&c->icc);
    free(c);
}

const unsigned char *pdf_cmyk_profile(const pdf_cmyk *c, size_t *len)
{
    *len = c->icc.len;
    return (const unsigned char *)c->icc.data;
}

const char *pdf_cmyk_description(const pdf_cmyk *c) { return c->desc; }

int pdf_cmyk_is_neutral(double r, double g, double b)
{
    double hi = fmax(r, fmax(g, b)), lo = fmin(r, fmin(g, b));
    return hi - lo <= PDF_CMYK_NEUTRAL + 1e-9;
}

void pdf_cmyk_cap(double v[4])
{
    double sum = v[0] + v[1] + v[2] + v[3], cmy = v[0] + v[1] + v[2];
    if (sum <= PDF_CMYK_INK_MAX || cmy <= 0) return;
    double f = fmax(0, (cmy - (sum - PDF_CMYK_INK_MAX)) / cmy);
    for (int i = 0; i < 3; i++) v[i] *= f;
}

static double clamp01(double x) { return x < 0 ? 0 : x > 1 ? 1 : x; }

void pdf_cmyk_color(const pdf_cmyk *c, double r, double g, double b, double out[4])
{
    r = clamp01(r), g = clamp01(g), b = clamp01(b);
    if (pdf_cmyk_is_neutral(r, g, b)) {
        out[0] = out[1] = out[2] = 0;
        out[3] = grey_k(c, 0.2126 * r + 0.7152 * g + 0.0722 * b);
        return;
    }
    double in[3] = { r, g, b }, o[4] = { 0, 0, 0, 0 };
    cmsDoTransform(c->vec, in, o, 1);
    for (int i = 0; i < 4; i++) out[i] = clamp01(o[i] / 100);
    pdf_cmyk_cap(out);
}

void pdf_cmyk_pixels(const pdf_cmyk *c, const unsigned char *rgb, unsigned char *cmyk, size_t n, int neutral_k)
{
    for (size_t i = 0; i < n; i++) {
        const unsigned char *s = rgb + i * 3;
        unsigned char *d = cmyk + i * 4;
        if (i && s[0] == s[-3] && s[1] == s[-2] && s[2] == s[-1]) {   /* flat areas, maps: as the last pixel */
            memcpy(d, d - 4, 4);
            continue;
        }
        if (neutral_k) {
            int hi = s[0] > s[1] ? s[0] : s[1], lo = s[0] < s[1] ? s[0] : s[1];
            if (s[2] > hi) hi = s[2];
            if (s[2] < lo) lo = s[2];
            if (hi - lo <= 12) {
                int y = (54 * s[0] + 183 * s[1] + 19 * s[2] + 128) >> 8;
                d[0] = d[1] = d[2] = 0;
                d[3] = c->kbyte[y];
                continue;
            }
        }
        lut_px(c, s, d);
        int sum = d[0] + d[1] + d[2] + d[3];
        if (sum > PDF_CMYK_INK_MAX_PX) {
            int cmy = d[0] + d[1] + d[2], keep = cmy - (sum - PDF_CMYK_INK_MAX_PX);
            if (keep < 0) keep = 0;
            for (int j = 0; j < 3; j++) d[j] = (unsigned char)(d[j] * keep / cmy);
        }
    }
}
