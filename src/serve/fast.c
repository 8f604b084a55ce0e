/* fast.c — serve's quick update of an edited case study's page (see fast.h). */
#include "serve/fast.h"
#include "build.h"
#include "base/alloc.h"
#include "base/buf.h"
#include "base/diag.h"
#include "base/fs.h"
#include "load/load.h"
#include "model/model.h"
#include "render/html/site.h"
#include "render/images/images.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct hc_fast {
    hc_model *m;      /* the site as the files are now, with the checks' data (owned) */
    char *out;        /* the served folder */
    char *scratch;    /* serve's folder for the theme's files and the page on its way */
    int drafts;
    int jobs;         /* threads for a template's pages (-j, or the cores) */
    int images;       /* some page of the site shows an image */
    hc_images *img;   /* then the image stage's set, read from its cache (NULL until it is found whole) */
    hc_buf written;   /* "cases/a/ cases/b/": the pages written by the last hc_fast_apply */
    int listed;       /* written lists the pages (else it says what was written) */
    char **staged;    /* a template's pages, written into scratch/staged/<i> first: their site paths */
    size_t nstaged, capstaged;
};

/* 1 if any page of the site may show an image. */
static int site_images(const hc_model *m)
{
    const hc_config *c = &m->config;
    if ((c->logo && c->logo->src) || (c->banner && c->banner->src)) return 1;
    for (size_t i = 0; i < m->nprojects; i++)
        if (m->projects[i].nphotos) return 1;
    for (size_t i = 0; i < m->ncases + m->npages; i++) {
        const hc_doc *doc = i < m->ncases ? &m->cases[i] : &m->pages[i - m->ncases];
        for (size_t k = 0; k < doc->nrefs; k++)
            if (doc->refs[k].image) return 1;
    }
    return 0;
}

hc_fast *hc_fast_open(const hc_opts *bo, const char *scratch)
{
    hc_model *m = hc_build_model(bo);
    if (!m) return NULL;
    hc_fast *f = hc_xcalloc(1, sizeof *f);
    f->m = m;
    f->out = hc_xstrdup(bo->out);
    f->scratch = hc_xstrdup(scratch);
    f->drafts = bo->drafts;
    f->jobs = hc_cli_jobs(bo);
    f->images = site_images(m);
    return f;
}

void hc_fast_close(hc_fast *f)
{
    if (!f) return;
    hc_images_free(f->img);
    hc_model_free(f->m);
    free(f->out);
    free(f->scratch);
    hc_buf_free(&f->written);
    free(f->staged);
    free(f);
}

const char *hc_fast_written(const hc_fast *f)
{
    return hc_buf_cstr(&f->written);
}

static int same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

static int same_strv(char **a, size_t na, char **b, size_t nb)
{
    if (na != nb) return 0;
    for (size_t i = 0; i < na; i++)
        if (!same_str(a[i], b[i])) return 0;
    return 1;
}

/* 1 if the new version of a case study ties into the site as the old one
 * did: the same place among the cases (date, slug), the same township,
 * projects, tags and flags, and the same links and images (so the checks
 * find what they found). */
static int same_ties(const hc_doc *old, const hc_doc *new)
{
    if (old->date != new->date || !same_str(old->slug, new->slug) || old->township_idx != new->township_idx ||
        !same_str(old->township, new->township) || old->draft != new->draft || old->album != new->album ||
        !same_strv(old->project_ids, old->nprojects, new->project_ids, new->nprojects) ||
        !same_strv(old->tags, old->ntags, new->tags, new->ntags) || old->nrefs != new->nrefs)
        return 0;
    for (size_t i = 0; i < old->nrefs; i++)
        if (!same_str(old->refs[i].url, new->refs[i].url) || old->refs[i].image != new->refs[i].image ||
            old->refs[i].has_alt != new->refs[i].has_alt)
            return 0;
    return 1;
}

/* Pages that show an image need the image stage's renditions (names, sizes,
 * placeholders): the set the last build made, read from its cache beside
 * the served folder without decoding anything. 1 when f has it; 0 when the
 * cache does not hold every image as its file is now (a build still making
 * them, a photo changed): the page is then left to the full build, so that
 * a page written at once is always the one the full build writes. */
static int have_images(hc_fast *f)
{
    if (!f->images || f->img) return 1;
    hc_buf cache = HC_BUF_INIT;
    hc_buf_printf(&cache, "%s.huace-images", f->out);
    hc_images_lookup(f->m, hc_buf_cstr(&cache), &f->img);
    hc_buf_free(&cache);
    return f->img != NULL;
}

static size_t find_case(const hc_model *m, const char *rel)
{
    for (size_t i = 0; i < m->ncases; i++)
        if (!strcmp(m->cases[i].path, rel)) return i;
    return HC_NONE;
}

/* Puts one rendered file (a page, feed.xml, a search piece) into the served
 * folder: written beside it (the same file system) and renamed in, so a
 * build swapping the folder meanwhile never sees a half-written file. */
static int emit_page(void *ctx, const char *path, const hc_buf *bytes)
{
    static const char index[] = "index.html";
    hc_fast *f = ctx;
    int rc = -1;
    hc_buf tmp = HC_BUF_INIT, dst = HC_BUF_INIT;
    hc_buf_printf(&tmp, "%s/page.tmp", f->scratch);
    hc_buf_printf(&dst, "%s/%s", f->out, path);
    if (hc_fs_write(hc_buf_cstr(&tmp), bytes->data ? bytes->data : "", bytes->len) != 0) goto out;
    if (rename(hc_buf_cstr(&tmp), hc_buf_cstr(&dst)) != 0) {
        unlink(hc_buf_cstr(&tmp));
        goto out;
    }
    rc = 0;
    /* a page by its folder ("cases/a/", "/" for the home page), another file by its path */
    size_t n = strlen(path), k = sizeof index - 1;
    int page = n >= k && !strcmp(path + n - k, index) && (n == k || path[n - k - 1] == '/');
    if (f->written.len) hc_buf_putc(&f->written, ' ');
    if (page && n == k) hc_buf_putc(&f->written, '/');
    else hc_buf_put(&f->written, path, page ? n - k : n);
out:
    hc_buf_free(&tmp);
    hc_buf_free(&dst);
    return rc;
}

/* Renders case c's page and the pages that list it into the served folder.
 * 0 or -1. */
static int write_pages(hc_fast *f, size_t c)
{
    hc_diags *d = hc_diags_new();
    hc_render_opts ro = { .out_dir = f->scratch, .jobs = 1, .quiet = 1, .images = f->img };
    /* the footer's album sizes: those of the album served now */
    ro.pdf_bytes[0] = hc_fs_file_size(f->out, "print/album.pdf");
    ro.pdf_bytes[1] = hc_fs_file_size(f->out, "print/album-press.pdf");
    int rc = hc_render_case_pages(f->m, &ro, c, 1, emit_page, f, d);
    hc_diags_free(d);
    return rc;
}

/* One changed file: 1 if it was a known case study and its page is written. */
static int apply_one(hc_fast *f, const char *rel)
{
    static const char dir[] = "content/cases/";
    size_t n = strlen(rel);
    if (strncmp(rel, dir, sizeof dir - 1) || strchr(rel + sizeof dir - 1, '/') || n < sizeof dir + 3 ||
        strcmp(rel + n - 3, ".md"))
        return 0;
    size_t c = find_case(f->m, rel);
    if (c == HC_NONE) return 0;   /* new, or a draft left out: the full build sees to it */
    hc_doc doc;
    hc_diags *d = hc_diags_new();
    hc_load_opts lo = { .drafts = f->drafts, .jobs = 1 };
    int kept = hc_load_case(f->m, rel, &lo, &doc, d);
    int ok = kept && !hc_diags_errors(d) && same_ties(&f->m->cases[c], &doc);
    hc_diags_free(d);
    if (!ok) {
        if (kept) hc_doc_clear(&doc);
        return 0;
    }
    hc_doc *old = &f->m->cases[c];   /* what linking made of it holds for the new one */
    if (!have_images(f)) {
        hc_doc_clear(&doc);
        return 0;
    }
    doc.projects = old->projects;
    doc.tag_terms = old->tag_terms;
    old->projects = NULL;
    old->tag_terms = NULL;
    hc_doc_clear(old);
    *old = doc;
    return write_pages(f, c) == 0;
}

/* The template a changed file is, if it is one of the page templates the
 * site uses: "case" for layouts/case.mustache or the theme's
 * themes/<theme>/layouts/case.mustache (not a partial). NULL otherwise. */
static char *template_name(const hc_fast *f, const char *rel)
{
    static const char ext[] = ".mustache";
    hc_buf theme = HC_BUF_INIT;
    hc_buf_printf(&theme, "themes/%s/layouts/", f->m->config.theme);
    const char *name = !strncmp(rel, "layouts/", 8) ? rel + 8
                       : !strncmp(rel, hc_buf_cstr(&theme), theme.len) ? rel + theme.len : NULL;
    hc_buf_free(&theme);
    size_t n = name ? strlen(name) : 0, k = sizeof ext - 1;
    if (!name || strchr(name, '/') || n <= k || strcmp(name + n - k, ext)) return NULL;
    return hc_xstrndup(name, n - k);
}

/* emit for a template's pages: each into scratch/staged/<i>, put in only
 * once all are rendered (put_staged), so that a page that fails to render
 * leaves the served folder as it was. */
static int stage_page(void *ctx, const char *path, const hc_buf *bytes)
{
    hc_fast *f = ctx;
    hc_buf tmp = HC_BUF_INIT;
    hc_buf_printf(&tmp, "%s/staged/%zu", f->scratch, f->nstaged);
    int rc = hc_fs_write(hc_buf_cstr(&tmp), bytes->data ? bytes->data : "", bytes->len);
    if (rc == 0) {
        f->staged = hc_xgrow(f->staged, &f->capstaged, f->nstaged + 1, sizeof *f->staged);
        f->staged[f->nstaged++] = hc_xstrdup(path);
    }
    hc_buf_free(&tmp);
    return rc;
}

/* Renames the staged pages into the served folder when ok, else removes
 * them. 1 if every one is in place. */
static int put_staged(hc_fast *f, int ok)
{
    hc_buf tmp = HC_BUF_INIT, dst = HC_BUF_INIT;
    for (size_t i = 0; i < f->nstaged; i++) {
        hc_buf_reset(&tmp);
        hc_buf_reset(&dst);
        hc_buf_printf(&tmp, "%s/staged/%zu", f->scratch, i);
        hc_buf_printf(&dst, "%s/%s", f->out, f->staged[i]);
        if (!ok || rename(hc_buf_cstr(&tmp), hc_buf_cstr(&dst)) != 0) {
            unlink(hc_buf_cstr(&tmp));
            ok = 0;
        }
        free(f->staged[i]);
    }
    f->nstaged = 0;
    hc_buf_free(&tmp);
    hc_buf_free(&dst);
    return ok;
}

/* A changed template: every page that renders with it, again. 1 if they are
 * written (see hc_render_template_pages for when there is no clean set). */
static int apply_template(hc_fast *f, const char *rel)
{
    char *name = template_name(f, rel);
    hc_buf staged = HC_BUF_INIT;
    hc_buf_printf(&staged, "%s/staged", f->scratch);
    if (!name || !have_images(f) || hc_fs_mkdirs(hc_buf_cstr(&staged)) != 0) {
        free(name);
        hc_buf_free(&staged);
        return 0;
    }
    hc_diags *d = hc_diags_new();
    hc_render_opts ro = { .out_dir = f->scratch, .jobs = f->jobs, .quiet = 1, .images = f->img };
    ro.pdf_bytes[0] = hc_fs_file_size(f->out, "print/album.pdf");
    ro.pdf_bytes[1] = hc_fs_file_size(f->out, "print/album-press.pdf");
    size_t pages = 0;
    int ok = put_staged(f, hc_render_template_pages(f->m, &ro, name, stage_page, f, &pages, d) == 0);
    if (ok) hc_buf_printf(&f->written, "%zu page%s (all that use %s.mustache)", pages, pages == 1 ? "" : "s", name);
    hc_diags_free(d);
    free(name);
    hc_buf_free(&staged);
    return ok;
}

int hc_fast_apply(hc_fast *f, const char *const *files, size_t n)
{
    hc_buf_reset(&f->written);
    f->listed = 1;
    if (!n) return 0;
    if (n == 1 && !strncmp(files[0], "content/", 8)) return apply_one(f, files[0]);
    if (n == 1) {
        f->listed = 0;
        return apply_template(f, files[0]);
    }
    for (size_t i = 0; i < n; i++)
        if (!apply_one(f, files[i])) return 0;
    return 1;
}

int hc_fast_listed(const hc_fast *f)
{
    return f->listed;
}
