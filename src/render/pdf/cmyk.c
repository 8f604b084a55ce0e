/* cmyk.c — sRGB to the press's CMYK with LittleCMS 2; see cmyk.h. */
#include "cmyk.h"
#include "../../base/alloc.h"
#include "../../base/buf.h"
#include "../../base/fs.h"
#include <lcms2.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct pdf_cmyk {
    hc_buf icc;                 /* the profile's bytes */
    char desc[128];
    cmsHTRANSFORM vec;          /* RGB_DBL → CMYK_DBL (0..100) */
    cmsHTRANSFORM px;           /* RGB_8 → CMYK_8 */
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
    c->px = cmsCreateTransform(srgb, TYPE_RGB_8, out, TYPE_CMYK_8, INTENT_RELATIVE_COLORIMETRIC, fl);
    if (!c->vec || !c->px) {
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
    if (c->px) cmsDeleteTransform(c->px);
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
    /* in slices, so that a huge image does not need one huge call */
    for (size_t done = 0; done < n;) {
        size_t k = n - done > 65536 ? 65536 : n - done;
        cmsDoTransform(c->px, rgb + done * 3, cmyk + done * 4, (cmsUInt32Number)k);
        done += k;
    }
    for (size_t i = 0; i < n; i++) {
        const unsigned char *s = rgb + i * 3;
        unsigned char *d = cmyk + i * 4;
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
        int sum = d[0] + d[1] + d[2] + d[3];
        if (sum > PDF_CMYK_INK_MAX_PX) {
            int cmy = d[0] + d[1] + d[2], keep = cmy - (sum - PDF_CMYK_INK_MAX_PX);
            if (keep < 0) keep = 0;
            for (int j = 0; j < 3; j++) d[j] = (unsigned char)(d[j] * keep / cmy);
        }
    }
}
