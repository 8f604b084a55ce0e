/* fuzz_markdown.c — a case study, from file to HTML, with its links resolved.
 *
 * Input: a whole case study file (front matter and Markdown body), as in
 * content/cases/<slug>.md.
 *
 * Once: a copy of the example site's site.yaml, seeds/standards.yaml, two of
 * its projects, content/about.md and assets/ is made in the temp folder
 * (the example site is HUACE_FUZZ_SITE, by default the repository the target
 * was built in). Each input is written there as content/cases/fuzz-case.md
 * and the site goes through what `huace check` and a build do with it: load
 * (front matter, YAML, cmark, links and images collected, summary and word
 * count), link (projects, townships, tags), check (every link and image
 * resolved against the site), the body rendered to HTML as pages get it
 * (hc_doc_body_html, with and without unsafe_html), the case's and its tags'
 * permalinks and hrefs, and the findings printed as text and JSON.
 *
 * Invariants checked beyond memory safety:
 * - without unsafe_html the HTML has no <script and no javascript: link;
 * - a tag's folder name has no '/', '\', '.', or control character, and the
 *   href to it from the case climbs exactly to the site root;
 * - every finding about the case names a line inside the file.
 */
#include "fuzz.h"
#include "base/date.h"
#include "base/diag.h"
#include "check/check.h"
#include "load/load.h"
#include "load/mdmem.h"
#include "model/model.h"
#include "model/permalink.h"
#include <dirent.h>
#include <strings.h>
#include <sys/stat.h>

#ifndef HC_FUZZ_SITE
#define HC_FUZZ_SITE "."
#endif

static char site[4200], case_file[4300];
static int today;

static void copy_file(const char *from, const char *to)
{
    FILE *f = fopen(from, "rb");
    if (!f) {
        fprintf(stderr, "fuzz_markdown: cannot read %s (set HUACE_FUZZ_SITE to the example site)\n", from);
        abort();
    }
    char buf[65536];
    size_t n = fread(buf, 1, sizeof buf, f);
    FUZZ_ASSERT(feof(f) && !ferror(f));
    fclose(f);
    fuzz_write(to, buf, n);
}

/* Copies the regular files of src/rel (not starting with '.'). */
static void copy_folder(const char *src, const char *rel)
{
    char from[8192], to[8192];
    snprintf(from, sizeof from, "%s/%s", src, rel);
    DIR *dir = opendir(from);
    FUZZ_ASSERT(dir != NULL);
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.') continue;
        snprintf(from, sizeof from, "%s/%s/%s", src, rel, e->d_name);
        struct stat st;
        if (stat(from, &st) != 0 || !S_ISREG(st.st_mode)) continue;
        snprintf(to, sizeof to, "%s/%s/%s", site, rel, e->d_name);
        copy_file(from, to);
    }
    closedir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *src = getenv("HUACE_FUZZ_SITE");
    if (!src || !src[0]) src = HC_FUZZ_SITE;
    snprintf(site, sizeof site, "%s/site", fuzz_tmpdir());
    static const char *const dirs[] = { "", "/seeds", "/content", "/content/cases", "/content/projects", "/assets" };
    char path[8192], from[8192];
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        snprintf(path, sizeof path, "%s%s", site, dirs[i]);
        FUZZ_ASSERT(mkdir(path, 0755) == 0);
    }
    /* two projects, not all twenty: loading them is most of the time of a run */
    static const char *const files[] = { "site.yaml", "seeds/standards.yaml", "content/about.md",
                                         "content/projects/qj-b-07.yaml", "content/projects/qj-c-02.yaml" };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(from, sizeof from, "%s/%s", src, files[i]);
        snprintf(path, sizeof path, "%s/%s", site, files[i]);
        copy_file(from, path);
    }
    copy_folder(src, "assets");
    snprintf(case_file, sizeof case_file, "%s/content/cases/fuzz-case.md", site);
    FUZZ_ASSERT(hc_date_parse("2026-11-25", &today) == 0);
    return 0;
}

static int has_ci(const char *hay, const char *needle) { return strcasestr(hay, needle) != NULL; }

/* A folder name that became part of a path: one segment, nothing to climb with. */
static void check_folder_name(const char *s)
{
    FUZZ_ASSERT(s[0] != '\0');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        FUZZ_ASSERT(*p != '/' && *p != '\\' && *p != '.' && *p >= 0x20 && *p != 0x7f);
}

static void check_href(const char *from_dir, const char *site_path)
{
    hc_buf h = HC_BUF_INIT;
    hc_href(&h, from_dir, site_path);
    const char *s = hc_buf_cstr(&h);
    size_t depth = hc_path_depth(from_dir);
    for (size_t i = 0; i < depth; i++, s += 3) FUZZ_ASSERT(!strncmp(s, "../", 3));
    /* below the root, no segment climbs or stays */
    for (const char *seg = s; *seg;) {
        size_t n = strcspn(seg, "/");
        FUZZ_ASSERT(!(n == 2 && !strncmp(seg, "..", 2)) && !(n == 1 && seg[0] == '.'));
        seg += n + (seg[n] == '/');
    }
    hc_buf_free(&h);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write(case_file, data, size);
    size_t lines = 1;
    for (size_t i = 0; i < size; i++) lines += data[i] == '\n';

    hc_diags *d = hc_diags_new();
    hc_diags_set_root(d, site);
    hc_model *m = hc_model_new(site);
    hc_load_opts lo = { .drafts = 1, .jobs = 1 };
    if (hc_load_site(m, &lo, d) == 0 || m->std.nitems) {
        hc_model_link(m, d);
        m->today = today;
        hc_check_model(m, HC_AT_CHECK, d);   /* every rule `huace check` runs */
    }
    hc_buf html = HC_BUF_INIT, path = HC_BUF_INIT;
    for (size_t i = 0; i < m->ncases; i++) {
        const hc_doc *c = &m->cases[i];
        for (int unsafe = 0; unsafe <= 1; unsafe++) {
            m->config.unsafe_html = unsafe;
            hc_buf_reset(&html);
            FUZZ_ASSERT(hc_doc_body_html(m, c, &html, d) == 0);
            const char *h = hc_buf_cstr(&html);
            if (!unsafe)
                FUZZ_ASSERT(!has_ci(h, "<script") && !has_ci(h, "href=\"javascript:") &&
                            !has_ci(h, "src=\"javascript:"));
        }
        hc_buf_reset(&path);
        hc_path_case(&path, c);
        char *from = hc_buf_detach(&path, NULL);
        check_href("", from);
        for (size_t j = 0; j < c->ntags; j++) {
            if (!c->tag_terms || c->tag_terms[j] == HC_NONE) continue;
            const hc_taxonomy *tx = &m->tax[HC_TAX_TAG];
            const hc_term *t = &tx->terms[c->tag_terms[j]];
            check_folder_name(t->slug);
            hc_buf_reset(&path);
            hc_path_term(&path, tx, t, 1 + j % 3);
            check_href(from, hc_buf_cstr(&path));
        }
        free(from);
    }
    for (size_t i = 0; i < hc_diags_count(d); i++) {
        const hc_diag *f = hc_diags_at(d, i);
        if (f->path && !strcmp(f->path, "content/cases/fuzz-case.md"))
            FUZZ_ASSERT(f->line >= 0 && (size_t)f->line <= lines);
    }
    /* each finding reads its line back from the file: a screenful is enough */
    if (hc_diags_count(d) <= 64) hc_diags_print_text(d, fuzz_devnull());
    hc_diags_print_json(d, fuzz_devnull());
    hc_buf_free(&html);
    hc_buf_free(&path);
    hc_model_free(m);
    hc_diags_free(d);
    hc_md_mem_release();
    return 0;
}
