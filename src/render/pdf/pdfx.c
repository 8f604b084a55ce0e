/* pdfx.c — the press edition as PDF/X-4 in CMYK; see pdfx.h.
 *
 * Content streams are read with the pdfread lexer (src/pdfread/lex.h) and
 * copied through byte for byte except the colour operators it replaces, so
 * what cairo wrote stays as it was: text, paths, images, graphics states.
 */
#include "pdfx.h"
#include "pdf_int.h"
#include "../../base/alloc.h"
#include "../../base/hash.h"
#include "../../base/utf8.h"
#include "../../pdfread/lex.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pdf_pdfx {
    pdf_cmyk *cmyk;
    pdf_imgcache *images;
    char *condition;
    int generic;
};

pdf_pdfx *pdf_pdfx_new(const char *icc, const char *condition, const char *cache_dir, int *generic, char **err)
{
    int gen = !icc || !*icc;
    pdf_cmyk *c = pdf_cmyk_new(gen ? PDF_PDFX_GENERIC_ICC : icc, err);
    if (!c) {
        if (gen) {
            char *m = *err;
            hc_buf b = HC_BUF_INIT;
            hc_buf_printf(&b, "%s (the generic CMYK profile comes with the Debian package libgs-common; or set print.icc "
                              "to the print shop's profile)", m);
            free(m);
            *err = hc_buf_detach(&b, NULL);
        }
        return NULL;
    }
    pdf_pdfx *x = hc_xcalloc(1, sizeof *x);
    x->cmyk = c;
    x->images = pdf_imgcache_new(cache_dir, c);
    x->condition = hc_xstrdup(condition && *condition ? condition : "Custom");
    x->generic = gen;
    if (generic) *generic = gen;
    return x;
}

void pdf_pdfx_free(pdf_pdfx *x)
{
    if (!x) return;
    pdf_cmyk_free(x->cmyk);
    pdf_imgcache_free(x->images);
    free(x->condition);
    free(x);
}

void pdf_pdfx_prune(pdf_pdfx *x) { pdf_imgcache_prune(x->images); }

const pdf_cmyk *pdf_pdfx_cmyk(const pdf_pdfx *x) { return x->cmyk; }
const char *pdf_pdfx_condition(const pdf_pdfx *x) { return x->condition; }

/* ---- content streams ---- */

static int is_reg(const double *v)
{
    return fabs(v[0] - PDF_REG_R) < 2e-5 && fabs(v[1] - PDF_REG_G) < 2e-5 && fabs(v[2] - PDF_REG_B) < 2e-5;
}

static void put_num(hc_buf *out, double v)
{
    char s[32];
    snprintf(s, sizeof s, "%.4f", v);
    size_t n = strlen(s);
    while (n > 1 && s[n - 1] == '0') n--;
    if (n > 1 && s[n - 1] == '.') n--;
    hc_buf_put(out, s, n);
}

size_t pdf_pdfx_content(const pdf_cmyk *c, const char *in, size_t len, hc_buf *out, int *reg)
{
    pr_lexer lx;
    pr_tok t;
    size_t copied = 0, nrep = 0, opstart = 0;
    double num[4];
    int nnum = 0, other = 0;   /* numbers since the last operator; other operands too */
    pr_lex_init(&lx, in, len);
    while (pr_lex_next(&lx, &t) != PR_T_EOF) {
        if (t.kind == PR_T_NUM) {
            if (!nnum && !other) opstart = t.pos;
            if (nnum < 4) num[nnum] = t.num;
            nnum++;
            continue;
        }
        if (t.kind != PR_T_OP && t.kind != PR_T_INLINE) {
            other = 1;   /* names, strings, arrays: not a colour operator's operands */
            continue;
        }
        int stroke = pr_tok_is(&t, "RG") || pr_tok_is(&t, "G");
        int rgb = (pr_tok_is(&t, "rg") || pr_tok_is(&t, "RG")) && nnum == 3;
        int grey = (pr_tok_is(&t, "g") || pr_tok_is(&t, "G")) && nnum == 1;
        if ((rgb || grey) && !other) {
            hc_buf_put(out, in + copied, opstart - copied);
            if (rgb && is_reg(num)) {
                hc_buf_puts(out, stroke ? "/HcAll CS 1 SCN" : "/HcAll cs 1 scn");
                *reg = 1;
            } else {
                double v[4];
                if (rgb) pdf_cmyk_color(c, num[0], num[1], num[2], v);
                else pdf_cmyk_color(c, num[0], num[0], num[0], v);
                for (int i = 0; i < 4; i++) {
                    put_num(out, v[i]);
                    hc_buf_putc(out, ' ');
                }
                hc_buf_puts(out, stroke ? "K" : "k");
            }
            copied = t.pos + t.len;
            nrep++;
        }
        nnum = other = 0;
    }
    hc_buf_put(out, in + copied, len - copied);
    return nrep;
}

/* ---- the document ---- */

typedef struct {
    pdf_pdfx *x;
    qpdf_data q;
    qpdf_oh all;                /* [/Separation /All /DeviceCMYK …], made when first needed */
    int *seen; size_t nseen, capseen;   /* form XObjects done (object ids) */
    char *err;
} ctx;

static void group_cmyk(qpdf_data q, qpdf_oh dict)
{
    qpdf_oh g = qpdf_oh_get_key(q, dict, "/Group");
    if (qpdf_oh_is_dictionary(q, g) && qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, g, "/CS"), "/DeviceRGB"))
        qpdf_oh_replace_key(q, g, "/CS", qpdf_oh_new_name(q, "/DeviceCMYK"));
}

static void add_all(ctx *cx, qpdf_oh res)
{
    qpdf_data q = cx->q;
    if (!cx->all) {
        cx->all = qpdf_make_indirect_object(
            q, qpdf_oh_parse(q, "[/Separation /All /DeviceCMYK << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] "
                                "/C1 [1 1 1 1] /N 1 >>]"));
    }
    qpdf_oh cs = qpdf_oh_get_key(q, res, "/ColorSpace");
    if (!qpdf_oh_is_dictionary(q, cs)) {
        cs = qpdf_oh_new_dictionary(q);
        qpdf_oh_replace_key(q, res, "/ColorSpace", cs);
    }
    qpdf_oh_replace_key(q, cs, "/HcAll", cx->all);
}

static int convert_forms(ctx *cx, qpdf_oh res, int depth);

/* Rewrites content (already read) into stream st, or into a new stream that
 * replaces the page's /Contents (st = 0, page given). */
static void rewrite(ctx *cx, const unsigned char *data, size_t len, qpdf_oh st, qpdf_oh page, qpdf_oh res)
{
    qpdf_data q = cx->q;
    hc_buf out = HC_BUF_INIT;
    int reg = 0;
    pdf_pdfx_content(cx->x->cmyk, (const char *)data, len, &out, &reg);
    if (!st) {
        st = qpdf_oh_new_stream(q);
        qpdf_oh_replace_key(q, page, "/Contents", st);
    }
    qpdf_oh_replace_stream_data(q, st, (const unsigned char *)out.data, out.len, qpdf_oh_new_null(q),
                                qpdf_oh_new_null(q));
    if (reg && qpdf_oh_is_dictionary(q, res)) add_all(cx, res);
    hc_buf_free(&out);
}

static int convert_forms(ctx *cx, qpdf_oh res, int depth)
{
    qpdf_data q = cx->q;
    if (depth > 8 || !qpdf_oh_is_dictionary(q, res)) return 0;
    qpdf_oh xobjs = qpdf_oh_get_key(q, res, "/XObject");
    if (!qpdf_oh_is_dictionary(q, xobjs)) return 0;
    qpdf_oh items[256];
    int n = 0;
    qpdf_oh_begin_dict_key_iter(q, xobjs);
    while (qpdf_oh_dict_more_keys(q) && n < 256) items[n++] = qpdf_oh_get_key(q, xobjs, qpdf_oh_dict_next_key(q));
    for (int i = 0; i < n; i++) {
        qpdf_oh fo = items[i];
        if (!qpdf_oh_is_stream(q, fo)) continue;
        qpdf_oh dict = qpdf_oh_get_dict(q, fo);
        if (!qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, dict, "/Subtype"), "/Form")) continue;
        int id = qpdf_oh_get_object_id(q, fo), dup = 0;
        for (size_t k = 0; k < cx->nseen && !dup; k++) dup = id && cx->seen[k] == id;
        if (dup) continue;
        cx->seen = hc_xgrow(cx->seen, &cx->capseen, cx->nseen + 1, sizeof *cx->seen);
        cx->seen[cx->nseen++] = id;
        unsigned char *data = NULL;
        size_t len = 0;
        if (qpdf_oh_get_stream_data(q, fo, qpdf_dl_generalized, NULL, &data, &len) & QPDF_ERRORS) {
            cx->err = hc_xstrdup("cannot read a form XObject's content");
            return -1;
        }
        qpdf_oh fres = qpdf_oh_get_key(q, dict, "/Resources");
        rewrite(cx, data, len, fo, 0, fres);
        free(data);
        group_cmyk(q, dict);
        if (convert_forms(cx, fres, depth + 1) != 0) return -1;
    }
    return 0;
}

/* XMP text: utf8.h's escaper, which also drops what XML 1.0 forbids */
static void xml_escape(hc_buf *out, const char *s)
{
    hc_escape_xml(out, s, strlen(s));
}

/* An Info string as UTF-8, malloc'd (qpdf's pointer lasts only until its next call). */
static char *info_utf8(qpdf_data q, qpdf_oh info, const char *key)
{
    qpdf_oh v = qpdf_oh_get_key(q, info, key);
    return hc_xstrdup(qpdf_oh_is_string(q, v) ? qpdf_oh_get_utf8_value(q, v) : "");
}

static void put_xml(qpdf_data q, qpdf_oh info, const char *key, hc_buf *x)
{
    char *s = info_utf8(q, info, key);
    xml_escape(x, s);
    free(s);
}

/* XMP that agrees with Info (ISO 15930-7 6.7.2). */
static void xmp(qpdf_data q, qpdf_oh info, const char *date, hc_buf *x)
{
    hc_buf id = HC_BUF_INIT;
    char *title = info_utf8(q, info, "/Title");
    uint64_t h1 = hc_hash(hc_hash(0x48435844u, title, strlen(title)), date, strlen(date));
    uint64_t h2 = hc_hash(h1, "PDF/X-4", 7);
    char a[17], b[17], hex[33];
    hc_hash_hex(h1, a);
    hc_hash_hex(h2, b);
    snprintf(hex, sizeof hex, "%s%s", a, b);
    hc_buf_printf(&id, "uuid:%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
    hc_buf_puts(x, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                   "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                   "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                   "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" "
                   "xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\" xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">\n");
    hc_buf_puts(x, "<dc:format>application/pdf</dc:format>\n<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
    xml_escape(x, title);
    hc_buf_puts(x, "</rdf:li></rdf:Alt></dc:title>\n");
    char *author = info_utf8(q, info, "/Author"), *subject = info_utf8(q, info, "/Subject");
    if (*author) {
        hc_buf_puts(x, "<dc:creator><rdf:Seq><rdf:li>");
        xml_escape(x, author);
        hc_buf_puts(x, "</rdf:li></rdf:Seq></dc:creator>\n");
    }
    if (*subject) {
        hc_buf_puts(x, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
        xml_escape(x, subject);
        hc_buf_puts(x, "</rdf:li></rdf:Alt></dc:description>\n");
    }
    hc_buf_printf(x, "<xmp:CreateDate>%sT00:00:00Z</xmp:CreateDate>\n<xmp:ModifyDate>%sT00:00:00Z</xmp:ModifyDate>\n"
                     "<xmp:MetadataDate>%sT00:00:00Z</xmp:MetadataDate>\n<xmp:CreatorTool>",
                  date, date, date);
    put_xml(q, info, "/Creator", x);
    hc_buf_puts(x, "</xmp:CreatorTool>\n<pdf:Producer>");
    put_xml(q, info, "/Producer", x);
    hc_buf_puts(x, "</pdf:Producer>\n<pdf:Keywords>");
    put_xml(q, info, "/Keywords", x);
    hc_buf_printf(x, "</pdf:Keywords>\n<pdf:Trapped>False</pdf:Trapped>\n"
                     "<xmpMM:DocumentID>%s</xmpMM:DocumentID>\n<xmpMM:InstanceID>%s</xmpMM:InstanceID>\n"
                     "<xmpMM:VersionID>1</xmpMM:VersionID>\n<xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n"
                     "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>\n"
                     "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n",
                  hc_buf_cstr(&id), hc_buf_cstr(&id));
    hc_buf_free(&id);
    free(title);
    free(author);
    free(subject);
}

/* OutputIntent, Info keys, XMP. */
static void doc_keys(ctx *cx, const char *date)
{
    qpdf_data q = cx->q;
    qpdf_oh root = qpdf_get_root(q), trailer = qpdf_get_trailer(q);
    size_t plen;
    const unsigned char *prof = pdf_cmyk_profile(cx->x->cmyk, &plen);
    qpdf_oh icc = qpdf_oh_new_stream(q);
    qpdf_oh_replace_stream_data(q, icc, prof, plen, qpdf_oh_new_null(q), qpdf_oh_new_null(q));
    qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, icc), "/N", qpdf_oh_new_integer(q, 4));
    qpdf_oh oi = qpdf_oh_parse(q, "<< /Type /OutputIntent /S /GTS_PDFX /RegistryName (http://www.color.org) >>");
    qpdf_oh_replace_key(q, oi, "/OutputConditionIdentifier", qpdf_oh_new_unicode_string(q, cx->x->condition));
    const char *desc = pdf_cmyk_description(cx->x->cmyk);
    qpdf_oh_replace_key(q, oi, "/Info", qpdf_oh_new_unicode_string(q, *desc ? desc : cx->x->condition));
    qpdf_oh_replace_key(q, oi, "/OutputCondition",
                        qpdf_oh_new_unicode_string(q, cx->x->generic ? "generic CMYK (not the print shop's profile)"
                                                                     : cx->x->condition));
    qpdf_oh_replace_key(q, oi, "/DestOutputProfile", icc);
    qpdf_oh arr = qpdf_oh_new_array(q);
    qpdf_oh_append_item(q, arr, oi);
    qpdf_oh_replace_key(q, root, "/OutputIntents", arr);

    qpdf_oh info = qpdf_oh_get_key(q, trailer, "/Info");
    if (!qpdf_oh_is_dictionary(q, info)) {
        info = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
        qpdf_oh_replace_key(q, trailer, "/Info", info);
    }
    char d[40];
    snprintf(d, sizeof d, "D:%.4s%.2s%.2s000000Z", date, date + 5, date + 8);
    qpdf_oh_replace_key(q, info, "/CreationDate", qpdf_oh_new_string(q, d));
    qpdf_oh_replace_key(q, info, "/ModDate", qpdf_oh_new_string(q, d));
    qpdf_oh_replace_key(q, info, "/GTS_PDFXVersion", qpdf_oh_new_string(q, "PDF/X-4"));
    qpdf_oh_replace_key(q, info, "/Trapped", qpdf_oh_new_name(q, "/False"));

    hc_buf x = HC_BUF_INIT;
    xmp(q, info, date, &x);
    qpdf_oh meta = qpdf_oh_new_stream(q);
    qpdf_oh_replace_stream_data(q, meta, (const unsigned char *)x.data, x.len, qpdf_oh_new_null(q),
                                qpdf_oh_new_null(q));
    qpdf_oh md = qpdf_oh_get_dict(q, meta);
    qpdf_oh_replace_key(q, md, "/Type", qpdf_oh_new_name(q, "/Metadata"));
    qpdf_oh_replace_key(q, md, "/Subtype", qpdf_oh_new_name(q, "/XML"));
    qpdf_oh_replace_key(q, root, "/Metadata", meta);
    hc_buf_free(&x);
}

int pdf_pdfx_apply(pdf_pdfx *x, qpdf_data q, const pdf_image *const *used, const qpdf_oh *xo, size_t nused,
                   const char *date, char **err)
{
    int rc = -1;
    ctx cx = { .x = x, .q = q };
    for (size_t k = 0; k < nused; k++)
        if (pdf_pdfx_image(x->cmyk, x->images, q, xo[k], used[k], &cx.err) != 0) goto out;
    int np = qpdf_get_num_pages(q);
    for (int i = 0; i < np; i++) {
        qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
        unsigned char *data = NULL;
        size_t len = 0;
        if (qpdf_oh_get_page_content_data(q, page, &data, &len) & QPDF_ERRORS) {
            cx.err = hc_xstrdup("cannot read a page's content");
            goto out;
        }
        qpdf_oh res = qpdf_oh_get_key(q, page, "/Resources");
        rewrite(&cx, data, len, 0, page, res);
        free(data);
        group_cmyk(q, page);
        if (convert_forms(&cx, res, 0) != 0) goto out;
    }
    doc_keys(&cx, date);
    if (qpdf_has_error(q)) {
        cx.err = hc_xstrdup(qpdf_get_error_full_text(q, qpdf_get_error(q)));
        goto out;
    }
    rc = 0;
out:
    if (rc != 0) *err = cx.err ? cx.err : hc_xstrdup("PDF/X conversion failed");
    else free(cx.err);
    free(cx.seen);
    return rc;
}
