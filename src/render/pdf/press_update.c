/* press_update.c — the editions of a big document as incremental updates.
 *
 * qpdf writing an edition (press.c) loads every object of the document:
 * for the district album of a large campaign (2,000 pages, 200 MB, most of
 * its objects link annotations and cairo's structure tree) that is about
 * 120 MB held at once. The editions change only the page dictionaries and,
 * for the press edition, the catalogue, so a document of PDF_UPDATE_MIN
 * bytes or more (without PDF/X, whose colour conversion rewrites every
 * content stream) is copied as it is and an update section (PDF 32000
 * 7.5.6) appended that redefines those objects: qpdf reads only the page
 * tree and the catalogue. What the press edition drops (annotations, the
 * structure tree) stays in the file unreferenced. */
#include "press.h"
#include "../../base/alloc.h"
#include "../../base/hash.h"
#include <qpdf/qpdf-c.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PDF_UPDATE_MIN_DEFAULT ((long long)48 << 20)

long long pdf_update_min(void)
{
    /* HUACE_PDF_UPDATE_MIN: a test hook (tests/e2e/pdf.sh), so that the
     * small fixture takes this path */
    const char *s = getenv("HUACE_PDF_UPDATE_MIN");
    if (s && *s) {
        char *end;
        long long v = strtoll(s, &end, 10);
        if (*end == 0 && v >= 0) return v;
    }
    return PDF_UPDATE_MIN_DEFAULT;
}

typedef struct {
    qpdf_data q;
    int npages;
    qpdf_oh *pages;
    char *root, *info;     /* the trailer's /Root and /Info (text; info "" when none) */
    long long size, prev;  /* the trailer's /Size, the last startxref */
    uint64_t hash;         /* of the input file's bytes, as copied */
} upd;

/* Copies in to a new file out, hashing the bytes into u->hash; returns the
 * open output (positioned at its end), or NULL. */
static FILE *copy_in(const char *in, const char *out, upd *u)
{
    FILE *fi = fopen(in, "rb"), *fo = fi ? fopen(out, "wb") : NULL;
    char *buf = hc_xmalloc(1 << 20);
    size_t n;
    u->hash = HC_HASH_INIT;
    while (fo && (n = fread(buf, 1, 1 << 20, fi)) > 0) {
        u->hash = hc_hash(u->hash, buf, n);
        if (fwrite(buf, 1, n, fo) != n) break;
    }
    if (fo && (ferror(fi) || ferror(fo))) {
        fclose(fo);
        fo = NULL;
    }
    if (fi) fclose(fi);
    free(buf);
    return fo;
}

/* The update: each of the n objects (ids[k], gens[k]) as text[k], a cross-reference section and
 * a trailer with /Prev and an /ID of hash and tag. */
static int append_update(FILE *f, const upd *u, size_t n, const long long *ids, const int *gens, char **text,
                         const char *tag)
{
    long long *at = hc_xcalloc(n ? n : 1, sizeof *at);
    fputs("\n", f);
    for (size_t k = 0; k < n; k++) {
        at[k] = (long long)ftello(f);
        fprintf(f, "%lld %d obj\n%s\nendobj\n", ids[k], gens[k], text[k]);
    }
    long long xref = (long long)ftello(f);
    fputs("xref\n", f);
    for (size_t k = 0; k < n; k++) fprintf(f, "%lld 1\n%010lld %05d n \n", ids[k], at[k], gens[k]);
    uint64_t h = hc_hash(u->hash, tag, strlen(tag)), h2 = hc_hash(h, "2", 1);
    fprintf(f, "trailer\n<< /Size %lld /Root %s%s%s /Prev %lld /ID [<%016llx%016llx> <%016llx%016llx>] >>\n"
               "startxref\n%lld\n%%%%EOF\n",
            u->size, u->root, *u->info ? " /Info " : "", u->info, u->prev, (unsigned long long)h,
            (unsigned long long)h2, (unsigned long long)h, (unsigned long long)h2, xref);
    free(at);
    return ferror(f) ? -1 : 0;
}

/* One edition: in copied to path, then the pages (and the catalogue when
 * with_root) as they are now in u->q. */
static int write_edition(const char *in, const char *path, upd *u, int with_root, const char *tag)
{
    size_t n = (size_t)u->npages + (with_root ? 1 : 0);
    long long *ids = hc_xcalloc(n, sizeof *ids);
    int *gens = hc_xcalloc(n, sizeof *gens);
    char **text = hc_xcalloc(n, sizeof *text);
    int rc = -1;
    FILE *f = copy_in(in, path, u);
    for (size_t k = 0; k < n; k++) {
        qpdf_oh o = k < (size_t)u->npages ? u->pages[k] : qpdf_get_root(u->q);
        ids[k] = qpdf_oh_get_object_id(u->q, o);
        gens[k] = qpdf_oh_get_generation(u->q, o);
        text[k] = hc_xstrdup(qpdf_oh_unparse_resolved(u->q, o));
    }
    if (f && !qpdf_has_error(u->q) && append_update(f, u, n, ids, gens, text, tag) == 0) rc = 0;
    if (f && fclose(f) != 0) rc = -1;
    for (size_t k = 0; k < n; k++) free(text[k]);
    free(text);
    free(gens);
    free(ids);
    return rc;
}

/* Reads the page tree and the trailer of in into u. */
static int read_in(const char *in, upd *u)
{
    if (qpdf_read(u->q, in, NULL) & QPDF_ERRORS) return -1;
    u->npages = qpdf_get_num_pages(u->q);
    if (u->npages <= 0) return -1;
    u->pages = hc_xcalloc((size_t)u->npages, sizeof *u->pages);
    for (int i = 0; i < u->npages; i++) u->pages[i] = qpdf_get_page_n(u->q, (size_t)i);
    qpdf_oh tr = qpdf_get_trailer(u->q);
    u->root = hc_xstrdup(qpdf_oh_unparse(u->q, qpdf_oh_get_key(u->q, tr, "/Root")));
    qpdf_oh inf = qpdf_oh_get_key(u->q, tr, "/Info");
    u->info = hc_xstrdup(qpdf_oh_is_indirect(u->q, inf) ? qpdf_oh_unparse(u->q, inf) : "");
    u->size = qpdf_oh_get_int_value(u->q, qpdf_oh_get_key(u->q, tr, "/Size"));
    FILE *f = fopen(in, "rb");
    u->prev = f ? pdf_last_startxref(f) : -1;
    if (f) fclose(f);
    return u->prev < 0 || qpdf_has_error(u->q) ? -1 : 0;
}

int pdf_editions_update(const char *in_path, const pdf_geom *g, const char *screen_path, const char *press_path,
                        char **err)
{
    int rc = -1;
    upd u = { .q = qpdf_init() };
    qpdf_silence_errors(u.q);
    const char *what = "cannot read cairo's PDF";
    if (read_in(in_path, &u) != 0) goto out;

    what = "cannot write the screen edition";
    for (int i = 0; i < u.npages; i++) pdf_screen_page(u.q, u.pages[i], g);
    if (screen_path && write_edition(in_path, screen_path, &u, 0, "screen") != 0) goto out;

    what = "cannot write the press edition";
    for (int i = 0; i < u.npages; i++) pdf_press_page(u.q, u.pages[i], g);
    pdf_press_root(u.q);
    if (write_edition(in_path, press_path, &u, 1, "press") != 0) goto out;
    rc = 0;
out:
    if (rc != 0) {
        if (qpdf_has_error(u.q)) {
            *err = pdf_qpdf_message(u.q, what);
        } else {
            hc_buf m = HC_BUF_INIT;
            hc_buf_printf(&m, "%s: %s", what, strerror(errno ? errno : EIO));
            *err = hc_buf_detach(&m, NULL);
        }
    }
    qpdf_cleanup(&u.q);
    free(u.pages);
    free(u.root);
    free(u.info);
    return rc;
}
