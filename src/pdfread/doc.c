/* doc.c — libqpdf behind the content-stream interpreter; see doc.h. */
#include "doc.h"
#include "../base/alloc.h"
#include "../base/buf.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pr_doc {
    qpdf_data q;
    char version[16];
    int npages;
    int objstm, xrefstm;
    void **owned;             /* freed at close: lookup tables, form content */
    size_t nowned, capowned;
};

#define RES(oh) ((void *)(uintptr_t)(oh))
#define OH(res) ((qpdf_oh)(uintptr_t)(res))

static void *own(pr_doc *d, void *p)
{
    d->owned = hc_xgrow(d->owned, &d->capowned, d->nowned + 1, sizeof *d->owned);
    d->owned[d->nowned++] = p;
    return p;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    hc_buf b = HC_BUF_INIT;
    char chunk[65536];
    size_t n;
    if (!f) return NULL;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) hc_buf_put(&b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        hc_buf_free(&b);
        return NULL;
    }
    return hc_buf_detach(&b, len);
}

static const char *find(const char *h, size_t hl, const char *n, size_t from)
{
    size_t nl = strlen(n);
    for (size_t i = from; i + nl <= hl; i++)
        if (h[i] == n[0] && !memcmp(h + i, n, nl)) return h + i;
    return NULL;
}

/* The header version, whether an object is /Type /ObjStm, what the last
 * startxref points at. */
static void scan_bytes(pr_doc *d, const char *p, size_t len)
{
    const char *h = find(p, len < 1024 ? len : 1024, "%PDF-", 0);
    if (h) {
        size_t i = 0, at = (size_t)(h - p) + 5;
        while (at + i < len && i < sizeof d->version - 1 && (p[at + i] == '.' || (p[at + i] >= '0' && p[at + i] <= '9'))) {
            d->version[i] = p[at + i];
            i++;
        }
    }
    for (const char *s = p; (s = find(p, len, "/ObjStm", (size_t)(s - p))); s++) {
        size_t e = (size_t)(s - p) + 7;
        if (e >= len || strchr(" \t\r\n/>", p[e])) {
            d->objstm = 1;
            break;
        }
    }
    const char *last = NULL;
    for (const char *s = p; (s = find(p, len, "startxref", (size_t)(s - p))); s++) last = s;
    if (!last) return;
    unsigned long long off = strtoull(last + 9, NULL, 10);
    if (off < len) {
        const char *x = p + off;
        while (x < p + len && strchr(" \t\r\n", *x)) x++;
        d->xrefstm = !(p + len - x >= 4 && !memcmp(x, "xref", 4));
    }
}

pr_doc *pr_doc_open(const char *path, char **err)
{
    size_t len = 0;
    char *bytes = read_all(path, &len);
    *err = NULL;
    if (!bytes) {
        hc_buf m = HC_BUF_INIT;
        hc_buf_printf(&m, "%s: cannot read the file", path);
        *err = hc_buf_detach(&m, NULL);
        return NULL;
    }
    pr_doc *d = hc_xcalloc(1, sizeof *d);
    scan_bytes(d, bytes, len);
    d->q = qpdf_init();
    qpdf_silence_errors(d->q);
    qpdf_set_suppress_warnings(d->q, QPDF_TRUE);
    if (!d->version[0] || (qpdf_read_memory(d->q, path, bytes, len, NULL) & QPDF_ERRORS)) {
        hc_buf m = HC_BUF_INIT;
        hc_buf_printf(&m, "%s: not a PDF file", path);
        if (d->version[0] && qpdf_has_error(d->q))
            hc_buf_printf(&m, " (%s)", qpdf_get_error_full_text(d->q, qpdf_get_error(d->q)));
        *err = hc_buf_detach(&m, NULL);
        free(bytes);
        pr_doc_close(d);
        return NULL;
    }
    own(d, bytes);   /* qpdf reads from it for as long as it lives */
    qpdf_push_inherited_attributes_to_page(d->q);
    int n = qpdf_get_num_pages(d->q);
    d->npages = n < 0 ? 0 : n;
    return d;
}

void pr_doc_close(pr_doc *d)
{
    if (!d) return;
    if (d->q) qpdf_cleanup(&d->q);
    for (size_t i = 0; i < d->nowned; i++) free(d->owned[i]);
    free(d->owned);
    free(d);
}

qpdf_data pr_doc_qpdf(pr_doc *d) { return d->q; }
const char *pr_doc_header_version(const pr_doc *d) { return d->version; }
int pr_doc_npages(const pr_doc *d) { return d->npages; }
int pr_doc_has_object_streams(const pr_doc *d) { return d->objstm; }
int pr_doc_has_xref_stream(const pr_doc *d) { return d->xrefstm; }

qpdf_oh pr_doc_page(pr_doc *d, int i)
{
    return qpdf_get_page_n(d->q, (size_t)i);
}

int pr_doc_page_box(pr_doc *d, int i, const char *key, pr_rect *out)
{
    qpdf_oh a = qpdf_oh_get_key(d->q, pr_doc_page(d, i), key);
    if (!qpdf_oh_is_array(d->q, a) || qpdf_oh_get_array_n_items(d->q, a) != 4) return -1;
    double v[4];
    for (int k = 0; k < 4; k++) {
        qpdf_oh it = qpdf_oh_get_array_item(d->q, a, k);
        if (!qpdf_oh_is_number(d->q, it)) return -1;
        v[k] = qpdf_oh_get_numeric_value(d->q, it);
    }
    out->x0 = v[0] < v[2] ? v[0] : v[2];
    out->x1 = v[0] < v[2] ? v[2] : v[0];
    out->y0 = v[1] < v[3] ? v[1] : v[3];
    out->y1 = v[1] < v[3] ? v[3] : v[1];
    return 0;
}

static void name_of(pr_doc *d, qpdf_oh o, char *out, size_t cap)
{
    out[0] = 0;
    if (qpdf_oh_is_name(d->q, o)) snprintf(out, cap, "%s", qpdf_oh_get_name(d->q, o) + 1);
}

static int ink_of(const char *name)
{
    if (!strcmp(name, "Cyan")) return PR_INK_C;
    if (!strcmp(name, "Magenta")) return PR_INK_M;
    if (!strcmp(name, "Yellow")) return PR_INK_Y;
    if (!strcmp(name, "Black")) return PR_INK_K;
    if (!strcmp(name, "All")) return PR_INK_ALL;
    if (!strcmp(name, "None")) return PR_INK_NONE;
    return PR_INK_SPOT;
}

static void cs_resolve(pr_doc *d, qpdf_oh o, pr_cs *out, int depth);

static void cs_lookup(pr_doc *d, qpdf_oh lut, pr_cs *out)
{
    unsigned char *p = NULL;
    size_t len = 0;
    if (qpdf_oh_is_string(d->q, lut)) {
        const char *s = qpdf_oh_get_binary_string_value(d->q, lut, &len);
        p = hc_xmalloc(len + 1);
        memcpy(p, s, len);
    } else if (qpdf_oh_is_stream(d->q, lut)) {
        if (qpdf_oh_get_stream_data(d->q, lut, qpdf_dl_generalized, NULL, &p, &len) & QPDF_ERRORS) p = NULL;
    }
    if (!p) return;
    out->lut = own(d, p);
    out->lut_len = len;
}

static void cs_array(pr_doc *d, qpdf_oh o, pr_cs *out, int depth)
{
    qpdf_data q = d->q;
    char fam[32], s[64];
    pr_cs sub;
    name_of(d, qpdf_oh_get_array_item(q, o, 0), fam, sizeof fam);
    qpdf_oh a1 = qpdf_oh_get_array_item(q, o, 1);
    if (!strcmp(fam, "ICCBased")) {
        int n = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, qpdf_oh_get_dict(q, a1), "/N"));
        pr_cs_device(n == 1 ? "DeviceGray" : n == 3 ? "DeviceRGB" : n == 4 ? "DeviceCMYK" : "?", out);
        out->icc = 1;
    } else if (!strcmp(fam, "CalGray") || !strcmp(fam, "CalRGB") || !strcmp(fam, "Pattern")) {
        pr_cs_device(fam, out);
    } else if (!strcmp(fam, "Lab")) {
        out->kind = PR_CS_LAB;
        out->ncomp = 3;
    } else if (!strcmp(fam, "Indexed") || !strcmp(fam, "I")) {
        cs_resolve(d, a1, &sub, depth + 1);
        out->kind = PR_CS_INDEXED;
        out->ncomp = 1;
        out->base = sub.kind;
        out->base_icc = sub.icc;
        out->hival = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_array_item(q, o, 2));
        cs_lookup(d, qpdf_oh_get_array_item(q, o, 3), out);
    } else if (!strcmp(fam, "Separation") || !strcmp(fam, "DeviceN")) {
        int dn = fam[0] == 'D', n = dn ? qpdf_oh_get_array_n_items(q, a1) : 1;
        out->kind = dn ? PR_CS_DEVICEN : PR_CS_SEPARATION;
        out->ncomp = n < 0 ? 0 : n > PR_MAX_COMP ? PR_MAX_COMP : n;
        for (int i = 0; i < out->ncomp; i++) {
            name_of(d, dn ? qpdf_oh_get_array_item(q, a1, i) : a1, s, sizeof s);
            out->ink[i] = ink_of(s);
            if (i == 0) snprintf(out->colorant, sizeof out->colorant, "%s", s);
        }
        cs_resolve(d, qpdf_oh_get_array_item(q, o, 2), &sub, depth + 1);
        out->base = sub.kind;
        out->base_icc = sub.icc;
    }
}

static void cs_resolve(pr_doc *d, qpdf_oh o, pr_cs *out, int depth)
{
    char name[64];
    memset(out, 0, sizeof *out);
    out->kind = PR_CS_UNKNOWN;
    if (depth > 4) return;
    if (qpdf_oh_is_name(d->q, o)) {
        name_of(d, o, name, sizeof name);
        pr_cs_device(name, out);
    } else if (qpdf_oh_is_array(d->q, o) && qpdf_oh_get_array_n_items(d->q, o) >= 1) {
        cs_array(d, o, out, depth);
    }
}

void pr_doc_colorspace(pr_doc *d, qpdf_oh o, pr_cs *out)
{
    cs_resolve(d, o, out, 0);
}

/* res /cat /name */
static qpdf_oh resource(pr_doc *d, void *res, const char *cat, const char *name)
{
    char key[80];
    snprintf(key, sizeof key, "/%s", name);
    qpdf_oh dict = qpdf_oh_get_key_if_dict(d->q, OH(res), cat);
    return qpdf_oh_get_key_if_dict(d->q, dict, key);
}

static int res_colorspace(void *ctx, void *res, const char *name, pr_cs *out)
{
    pr_doc *d = ctx;
    qpdf_oh o = resource(d, res, "/ColorSpace", name);
    if (qpdf_oh_is_null(d->q, o)) return -1;
    cs_resolve(d, o, out, 0);
    return 0;
}

static int res_shading(void *ctx, void *res, const char *name, pr_cs *out)
{
    pr_doc *d = ctx;
    qpdf_oh o = resource(d, res, "/Shading", name);
    if (qpdf_oh_is_stream(d->q, o)) o = qpdf_oh_get_dict(d->q, o);
    if (!qpdf_oh_is_dictionary(d->q, o)) return -1;
    cs_resolve(d, qpdf_oh_get_key(d->q, o, "/ColorSpace"), out, 0);
    return 0;
}

static double num_at(pr_doc *d, qpdf_oh a, int i, double dflt)
{
    qpdf_oh it = qpdf_oh_get_array_item(d->q, a, i);
    return qpdf_oh_is_number(d->q, it) ? qpdf_oh_get_numeric_value(d->q, it) : dflt;
}

static void form_of(pr_doc *d, qpdf_oh xo, qpdf_oh dict, pr_xobject *out)
{
    unsigned char *p = NULL;
    size_t len = 0;
    out->kind = PR_XO_FORM;
    if (qpdf_oh_get_stream_data(d->q, xo, qpdf_dl_generalized, NULL, &p, &len) & QPDF_ERRORS) p = NULL;
    out->content = p ? own(d, p) : "";
    out->content_len = p ? len : 0;
    qpdf_oh m = qpdf_oh_get_key(d->q, dict, "/Matrix");
    int ok = qpdf_oh_is_array(d->q, m) && qpdf_oh_get_array_n_items(d->q, m) == 6;
    out->matrix = (pr_matrix){ ok ? num_at(d, m, 0, 1) : 1, ok ? num_at(d, m, 1, 0) : 0, ok ? num_at(d, m, 2, 0) : 0,
                               ok ? num_at(d, m, 3, 1) : 1, ok ? num_at(d, m, 4, 0) : 0, ok ? num_at(d, m, 5, 0) : 0 };
    qpdf_oh r = qpdf_oh_get_key(d->q, dict, "/Resources");
    out->res = qpdf_oh_is_dictionary(d->q, r) ? RES(r) : NULL;
}

static int res_xobject(void *ctx, void *res, const char *name, pr_xobject *out)
{
    pr_doc *d = ctx;
    qpdf_data q = d->q;
    qpdf_oh xo = resource(d, res, "/XObject", name);
    if (!qpdf_oh_is_stream(q, xo)) return -1;
    qpdf_oh dict = qpdf_oh_get_dict(q, xo);
    char sub[16];
    name_of(d, qpdf_oh_get_key(q, dict, "/Subtype"), sub, sizeof sub);
    out->objnum = qpdf_oh_get_object_id(q, xo);
    out->gen = qpdf_oh_get_generation(q, xo);
    out->handle = RES(xo);
    if (!strcmp(sub, "Form")) {
        form_of(d, xo, dict, out);
        return 0;
    }
    if (strcmp(sub, "Image")) return -1;
    out->kind = PR_XO_IMAGE;
    out->width = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, dict, "/Width"));
    out->height = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, dict, "/Height"));
    out->bpc = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, dict, "/BitsPerComponent"));
    qpdf_oh m = qpdf_oh_get_key(q, dict, "/ImageMask");
    out->image_mask = qpdf_oh_is_bool(q, m) && qpdf_oh_get_bool_value(q, m);
    qpdf_oh dec = qpdf_oh_get_key(q, dict, "/Decode");
    out->decode_inverted = qpdf_oh_is_array(q, dec) && num_at(d, dec, 0, 0) > num_at(d, dec, 1, 1);
    cs_resolve(d, qpdf_oh_get_key(q, dict, "/ColorSpace"), &out->cs, 0);
    return 0;
}

static const char *font_file_keys[] = { "/FontFile", "/FontFile2", "/FontFile3" };

static void font_of(pr_doc *d, qpdf_oh f, pr_font *out)
{
    qpdf_data q = d->q;
    out->objnum = qpdf_oh_get_object_id(q, f);
    out->gen = qpdf_oh_get_generation(q, f);
    name_of(d, qpdf_oh_get_key(q, f, "/BaseFont"), out->basefont, sizeof out->basefont);
    name_of(d, qpdf_oh_get_key(q, f, "/Subtype"), out->subtype, sizeof out->subtype);
    const char *b = out->basefont;
    out->subset = strlen(b) > 7 && b[6] == '+';
    for (int i = 0; i < 6 && out->subset; i++) out->subset = b[i] >= 'A' && b[i] <= 'Z';
    if (!strcmp(out->subtype, "Type3")) {
        out->embedded = 1;
        return;
    }
    qpdf_oh desc = f;
    if (!strcmp(out->subtype, "Type0"))
        desc = qpdf_oh_get_array_item(q, qpdf_oh_get_key(q, f, "/DescendantFonts"), 0);
    qpdf_oh fd = qpdf_oh_get_key(q, desc, "/FontDescriptor");
    for (int i = 0; i < 3; i++)
        if (qpdf_oh_is_stream(q, qpdf_oh_get_key(q, fd, font_file_keys[i]))) out->embedded = 1;
}

int pr_doc_font(pr_doc *d, void *res, const char *name, pr_font *out)
{
    memset(out, 0, sizeof *out);
    qpdf_oh f = resource(d, res, "/Font", name);
    if (!qpdf_oh_is_dictionary(d->q, f)) return -1;
    font_of(d, f, out);
    return 0;
}

int pr_doc_image_samples(pr_doc *d, const pr_xobject *im, unsigned char **data, size_t *len)
{
    QPDF_BOOL filtered = QPDF_FALSE;
    *data = NULL;
    *len = 0;
    if (im->kind != PR_XO_IMAGE || !im->handle) return -1;
    if (qpdf_oh_get_stream_data(d->q, OH(im->handle), qpdf_dl_all, &filtered, data, len) & QPDF_ERRORS) {
        *data = NULL;
        return -1;
    }
    if (!filtered) {
        free(*data);
        *data = NULL;
        return -1;
    }
    return 0;
}

int pr_doc_run_page(pr_doc *d, int i, const pr_handler *events, char **err)
{
    unsigned char *p = NULL;
    size_t len = 0;
    *err = NULL;
    qpdf_oh page = pr_doc_page(d, i);
    if (qpdf_oh_get_page_content_data(d->q, page, &p, &len) & QPDF_ERRORS) {
        hc_buf m = HC_BUF_INIT;
        hc_buf_printf(&m, "page %d: its content cannot be read", i + 1);
        if (qpdf_has_error(d->q)) hc_buf_printf(&m, " (%s)", qpdf_get_error_full_text(d->q, qpdf_get_error(d->q)));
        *err = hc_buf_detach(&m, NULL);
        return -1;
    }
    pr_handler h = *events;
    h.res_ctx = d;
    h.colorspace = res_colorspace;
    h.shading = res_shading;
    h.xobject = res_xobject;
    h.xobject_done = NULL;
    pr_interp in;
    pr_interp_init(&in, &h);
    qpdf_oh res = qpdf_oh_get_key(d->q, page, "/Resources");
    int rc = pr_run(&in, p, len, RES(res));
    free(p);
    return rc;
}
