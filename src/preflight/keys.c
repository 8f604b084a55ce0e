/* keys.c — the document's PDF/X keys: Info, XMP, OutputIntents, Trapped, ID. */
#include "preflight.h"
#include "../base/alloc.h"
#include <stdlib.h>
#include <string.h>

static char *string_of(qpdf_data q, qpdf_oh o)
{
    if (qpdf_oh_is_string(q, o)) return hc_xstrdup(qpdf_oh_get_utf8_value(q, o));
    if (qpdf_oh_is_name(q, o)) return hc_xstrdup(qpdf_oh_get_name(q, o) + 1);
    return NULL;
}

/* pdfxid:GTS_PDFXVersion in the XMP packet, as an element or an attribute. */
static char *xmp_version(qpdf_data q, qpdf_oh root)
{
    qpdf_oh md = qpdf_oh_get_key(q, root, "/Metadata");
    unsigned char *p = NULL;
    size_t len = 0;
    char *out = NULL;
    if (!qpdf_oh_is_stream(q, md)) return NULL;
    if (qpdf_oh_get_stream_data(q, md, qpdf_dl_generalized, NULL, &p, &len) & QPDF_ERRORS) return NULL;
    const char *key = "pdfxid:GTS_PDFXVersion";
    const char *s = memmem(p, len, key, strlen(key));
    if (s) {
        const char *e = (const char *)p + len, *v = s + strlen(key);
        while (v < e && (*v == ' ' || *v == '=')) v++;
        char close = v < e && (*v == '"' || *v == '\'') ? *v : v < e && *v == '>' ? '<' : 0;
        if (close) {
            const char *end = memchr(v + 1, close, (size_t)(e - v - 1));
            if (end) out = hc_xstrndup(v + 1, (size_t)(end - v - 1));
        }
    }
    free(p);
    return out;
}

static void output_intent(qpdf_data q, qpdf_oh root, pf_report *r)
{
    qpdf_oh ois = qpdf_oh_get_key(q, root, "/OutputIntents");
    int n = qpdf_oh_is_array(q, ois) ? qpdf_oh_get_array_n_items(q, ois) : 0;
    for (int i = 0; i < n; i++) {
        qpdf_oh oi = qpdf_oh_get_array_item(q, ois, i);
        if (!qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, oi, "/S"), "/GTS_PDFX")) continue;
        r->oi_gts = 1;
        r->oi_ident = string_of(q, qpdf_oh_get_key(q, oi, "/OutputConditionIdentifier"));
        qpdf_oh prof = qpdf_oh_get_key(q, oi, "/DestOutputProfile");
        if (qpdf_oh_is_stream(q, prof)) {
            r->oi_profile = 1;
            r->oi_profile_n = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, qpdf_oh_get_dict(q, prof), "/N"));
        }
        return;
    }
}

void pf_read_keys(pr_doc *d, pf_report *r)
{
    qpdf_data q = pr_doc_qpdf(d);
    qpdf_oh trailer = qpdf_get_trailer(q), root = qpdf_get_root(q);
    qpdf_oh info = qpdf_oh_get_key(q, trailer, "/Info");
    snprintf(r->version, sizeof r->version, "%s", pr_doc_header_version(d));
    r->objstm = pr_doc_has_object_streams(d);
    r->xrefstm = pr_doc_has_xref_stream(d);
    r->pdfx_info = string_of(q, qpdf_oh_get_key(q, info, "/GTS_PDFXVersion"));
    r->trapped = string_of(q, qpdf_oh_get_key(q, info, "/Trapped"));
    r->pdfx_xmp = xmp_version(q, root);
    output_intent(q, root, r);
    qpdf_oh id = qpdf_oh_get_key(q, trailer, "/ID");
    r->has_id = qpdf_oh_is_array(q, id) && qpdf_oh_get_array_n_items(q, id) == 2 &&
                qpdf_oh_is_string(q, qpdf_oh_get_array_item(q, id, 0));
}
