/* color.c — colour spaces and geometry for the interpreter; see interp.h. */
#include "interp.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

pr_rect pr_rect_empty(void)
{
    return (pr_rect){ 1, 1, 0, 0 };
}

pr_rect pr_rect_infinite(void)
{
    return (pr_rect){ -1e12, -1e12, 1e12, 1e12 };
}

int pr_rect_is_empty(pr_rect r)
{
    return !(r.x0 <= r.x1 && r.y0 <= r.y1);
}

pr_rect pr_rect_intersect(pr_rect a, pr_rect b)
{
    if (pr_rect_is_empty(a) || pr_rect_is_empty(b)) return pr_rect_empty();
    pr_rect r = { fmax(a.x0, b.x0), fmax(a.y0, b.y0), fmin(a.x1, b.x1), fmin(a.y1, b.y1) };
    return pr_rect_is_empty(r) ? pr_rect_empty() : r;
}

static double clampd(double v)
{
    if (!(v == v)) return 0;   /* NaN */
    return v > 1e12 ? 1e12 : v < -1e12 ? -1e12 : v;
}

pr_rect pr_rect_transform(pr_rect r, const pr_matrix *m)
{
    if (pr_rect_is_empty(r)) return r;
    double xs[4] = { r.x0, r.x1, r.x0, r.x1 }, ys[4] = { r.y0, r.y0, r.y1, r.y1 };
    pr_rect o = { 1e300, 1e300, -1e300, -1e300 };
    for (int i = 0; i < 4; i++) {
        double x = clampd(m->a * xs[i] + m->c * ys[i] + m->e), y = clampd(m->b * xs[i] + m->d * ys[i] + m->f);
        o.x0 = fmin(o.x0, x);
        o.y0 = fmin(o.y0, y);
        o.x1 = fmax(o.x1, x);
        o.y1 = fmax(o.y1, y);
    }
    return o;
}

pr_matrix pr_matrix_mul(const pr_matrix *a, const pr_matrix *b)
{
    pr_matrix r = {
        clampd(a->a * b->a + a->b * b->c),       clampd(a->a * b->b + a->b * b->d),
        clampd(a->c * b->a + a->d * b->c),       clampd(a->c * b->b + a->d * b->d),
        clampd(a->e * b->a + a->f * b->c + b->e), clampd(a->e * b->b + a->f * b->d + b->f),
    };
    return r;
}

int pr_cs_device(const char *name, pr_cs *out)
{
    memset(out, 0, sizeof *out);
    if (!strcmp(name, "DeviceGray") || !strcmp(name, "G") || !strcmp(name, "CalGray")) {
        out->kind = PR_CS_GRAY;
        out->ncomp = 1;
    } else if (!strcmp(name, "DeviceRGB") || !strcmp(name, "RGB") || !strcmp(name, "CalRGB")) {
        out->kind = PR_CS_RGB;
        out->ncomp = 3;
    } else if (!strcmp(name, "DeviceCMYK") || !strcmp(name, "CMYK")) {
        out->kind = PR_CS_CMYK;
        out->ncomp = 4;
    } else if (!strcmp(name, "Pattern")) {
        out->kind = PR_CS_PATTERN;
        out->ncomp = 0;
    } else {
        out->kind = PR_CS_UNKNOWN;
        return -1;
    }
    return 0;
}

static int kind_ncomp(pr_cs_kind k)
{
    return k == PR_CS_GRAY ? 1 : k == PR_CS_RGB || k == PR_CS_LAB ? 3 : k == PR_CS_CMYK ? 4 : 0;
}

static double unit(double v)
{
    return v > 1 ? 1 : v < 0 || !(v == v) ? 0 : v;
}

void pr_cs_initial(const pr_cs *cs, double *comp)
{
    for (int i = 0; i < PR_MAX_COMP; i++) comp[i] = 0;
    if (cs->kind == PR_CS_CMYK) comp[3] = 1;
    if (cs->kind == PR_CS_SEPARATION || cs->kind == PR_CS_DEVICEN)
        for (int i = 0; i < cs->ncomp && i < PR_MAX_COMP; i++) comp[i] = 1;
}

static void inks(const pr_cs *cs, const double *comp, pr_devcolor *out)
{
    double v[4] = { 0, 0, 0, 0 }, spot = 0;
    int process = 0, spots = 0;
    for (int i = 0; i < cs->ncomp && i < PR_MAX_COMP; i++) {
        double t = unit(comp[i]);
        int ink = cs->ink[i];
        if (ink <= PR_INK_K) {
            v[ink] = fmax(v[ink], t);
            process = 1;
        } else if (ink == PR_INK_ALL) {
            out->registration = 1;
            for (int k = 0; k < 4; k++) v[k] = fmax(v[k], t);
            process = 1;
        } else if (ink == PR_INK_SPOT) {
            spot = fmax(spot, t);
            spots = 1;
        }
    }
    if (process || !spots) {
        out->kind = process ? PR_CS_CMYK : PR_CS_UNKNOWN;   /* only /None colorants: paints nothing */
        memcpy(out->v, v, sizeof v);
        return;
    }
    out->kind = PR_CS_SEPARATION;
    out->v[0] = spot;
    out->colorant = cs->colorant;
}

void pr_color_resolve(const pr_cs *cs, const double *comp, pr_devcolor *out)
{
    memset(out, 0, sizeof *out);
    switch (cs->kind) {
    case PR_CS_GRAY: case PR_CS_RGB: case PR_CS_CMYK: case PR_CS_LAB:
        out->kind = cs->kind;
        for (int i = 0; i < kind_ncomp(cs->kind); i++) out->v[i] = cs->kind == PR_CS_LAB ? comp[i] : unit(comp[i]);
        return;
    case PR_CS_SEPARATION: case PR_CS_DEVICEN:
        inks(cs, comp, out);
        return;
    case PR_CS_INDEXED: {
        int n = kind_ncomp(cs->base);
        double idx = comp[0];
        long i = idx < 0 || !(idx == idx) ? 0 : idx > cs->hival ? cs->hival : (long)(idx + 0.5);
        if (!n || !cs->lut || (size_t)(i + 1) * (size_t)n > cs->lut_len) {
            out->kind = PR_CS_UNKNOWN;
            return;
        }
        out->kind = cs->base;
        for (int k = 0; k < n; k++) out->v[k] = cs->lut[(size_t)i * (size_t)n + (size_t)k] / 255.0;
        return;
    }
    default:
        out->kind = cs->kind;
        return;
    }
}

static const char *kind_name(pr_cs_kind k, int icc)
{
    switch (k) {
    case PR_CS_GRAY: return icc ? "ICCBased Gray" : "DeviceGray";
    case PR_CS_RGB: return icc ? "ICCBased RGB" : "DeviceRGB";
    case PR_CS_CMYK: return icc ? "ICCBased CMYK" : "DeviceCMYK";
    case PR_CS_LAB: return icc ? "ICCBased Lab" : "Lab";
    case PR_CS_SEPARATION: return "Separation";
    case PR_CS_DEVICEN: return "DeviceN";
    case PR_CS_INDEXED: return "Indexed";
    case PR_CS_PATTERN: return "Pattern";
    default: return "unknown";
    }
}

const char *pr_cs_name(const pr_cs *cs, char *buf, size_t cap)
{
    if (cs->kind == PR_CS_INDEXED)
        snprintf(buf, cap, "Indexed %s", kind_name(cs->base, cs->base_icc));
    else if (cs->kind == PR_CS_SEPARATION)
        snprintf(buf, cap, "Separation %s", cs->colorant);
    else
        snprintf(buf, cap, "%s", kind_name(cs->kind, cs->icc));
    return buf;
}
