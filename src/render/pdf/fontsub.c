/* fontsub.c — subset copies of the Noto CJK faces for the album's pango
 * contexts (see pdf_int.h, "font subsets").
 *
 * cairo 1.16's PDF surface copies a CJK face's whole `CFF ` table (15-23 MB)
 * into fresh memory twice for every document it embeds it in. A face cut
 * down (libharfbuzz-subset) to the codepoints the site can print is well
 * under a megabyte, so each document touches a few MB instead of a hundred.
 *
 * Codepoints: a fixed set (ASCII, Latin-1, punctuation, CJK symbols,
 * fullwidth forms, circled numbers, arrows, geometric shapes, the non-ASCII
 * characters of the album's own strings) and every character of the site's
 * text files (site.yaml, content/, seeds/, themes/). All layout features,
 * name IDs and name languages are kept, so names and metrics are the face's.
 *
 * Wiring: a private FcConfig holds the system's fonts (the same ones as
 * today) and the subset files. A substitute hook on each font map puts the
 * subset's file first in every pattern whose best match is one of the
 * subset faces; fontconfig ranks the file above every other property, so
 * the subset comes first and the full face of the same family second.
 * A character missing from the subset therefore takes the full face's
 * glyph (as a run of its own): never a missing glyph, only a slower
 * document.
 *
 * Cache: OUT.huace-fonts/<hash>.otf, the hash of harfbuzz's version, the
 * face (file, index, size, mtime) and the codepoints; written atomically;
 * other files there are removed once the set is ready. */
#include "pdf_int.h"
#include "../cjkfont.h"
#include "../../base/alloc.h"
#include "../../base/fs.h"
#include "../../base/hash.h"
#include "../../base/utf8.h"
#include <dirent.h>
#include <hb-subset.h>
#include <pango/pangofc-fontmap.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FONTSUB_VERSION "4"
#define NFACES 3

/* The non-ASCII characters of the album's own strings (src/render/pdf,
 * src/model, src/load) beyond the fixed ranges; tests/e2e/fontsub.sh checks
 * that every one in src/render/pdf is here. */
static const char LITERALS[] =
#include "fontsub_literals.inc"
    ;

typedef struct {
    char *orig;      /* the system face: file and index */
    int index;
    char *file;      /* the subset, or NULL (the face is used whole) */
} sub_face;

struct pdf_fontsub {
    FcConfig *cfg;
    sub_face f[NFACES];
    hb_set_t *cps;
    char *dir;
};

/* ---- the codepoints ---- */

static void add_utf8(hb_set_t *s, const char *t, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t adv = 1;
        uint32_t c = hc_utf8_decode(t + i, len - i, &adv);
        if (c >= 0x20 && c != 0xFFFD) hb_set_add(s, c);
        i += adv ? adv : 1;
    }
}

static int text_file(const char *name)
{
    static const char *ext[] = { ".md", ".markdown", ".yaml", ".yml", ".json", ".geojson", ".csv", ".txt",
                                 ".html", ".mustache", ".css", ".toml", ".svg" };
    size_t n = strlen(name);
    for (size_t k = 0; k < sizeof ext / sizeof ext[0]; k++) {
        size_t e = strlen(ext[k]);
        if (n > e && strcmp(name + n - e, ext[k]) == 0) return 1;
    }
    return 0;
}

/* Adds the characters of the text files below path (depth-limited; names
 * sorted, so the set never depends on directory order — it is a set anyway). */
static void scan(hb_set_t *s, const char *path, int depth)
{
    struct stat st;
    if (depth > 12 || stat(path, &st) != 0) return;
    if (S_ISREG(st.st_mode)) {
        hc_buf b = HC_BUF_INIT;
        if (hc_fs_read(path, &b) == 0) add_utf8(s, b.data, b.len);
        hc_buf_free(&b);
        return;
    }
    if (!S_ISDIR(st.st_mode)) return;
    DIR *d = opendir(path);
    if (!d) return;
    struct dirent *e;
    hc_buf sub = HC_BUF_INIT;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        hc_buf_reset(&sub);
        hc_buf_printf(&sub, "%s/%s", path, e->d_name);
        if (stat(hc_buf_cstr(&sub), &st) != 0) continue;
        if (S_ISDIR(st.st_mode) || (S_ISREG(st.st_mode) && text_file(e->d_name))) scan(s, hc_buf_cstr(&sub), depth + 1);
    }
    closedir(d);
    hc_buf_free(&sub);
}

static hb_set_t *codepoints(const hc_model *m)
{
    static const uint32_t ranges[][2] = {
        { 0x20, 0x7E }, { 0xA0, 0xFF }, { 0x2000, 0x206F }, { 0x2100, 0x218F }, { 0x2190, 0x21FF }, { 0x2200, 0x22FF },
        { 0x2460, 0x24FF }, { 0x2500, 0x257F }, { 0x25A0, 0x25FF }, { 0x3000, 0x303F }, { 0xFF00, 0xFFEF },
    };
    hb_set_t *s = hb_set_create();
    for (size_t k = 0; k < sizeof ranges / sizeof ranges[0]; k++) hb_set_add_range(s, ranges[k][0], ranges[k][1]);
    add_utf8(s, LITERALS, sizeof LITERALS - 1);
    /* pango measures a font's approximate character width on its sample
     * string for the context's language (zh-cn): without these characters
     * the metrics, and with them some line breaks, would change */
    const char *sample = pango_language_get_sample_string(pango_language_from_string("zh-cn"));
    add_utf8(s, sample, strlen(sample));
    static const char *inputs[] = { "site.yaml", "content", "seeds", "themes" };
    hc_buf p = HC_BUF_INIT;
    for (size_t k = 0; m->root && k < sizeof inputs / sizeof inputs[0]; k++) {
        hc_buf_reset(&p);
        hc_buf_printf(&p, "%s/%s", m->root, inputs[k]);
        scan(s, hc_buf_cstr(&p), 0);
    }
    hc_buf_free(&p);
    return s;
}

/* ---- one face ---- */

/* The cache file of face f for the set s: dir/<hash>.otf. */
static char *cache_name(const char *dir, const sub_face *f, const hb_set_t *s)
{
    struct stat st;
    if (stat(f->orig, &st) != 0) return NULL;
    uint64_t h = HC_HASH_INIT;
    const char *v = hb_version_string();
    long meta[4] = { f->index, (long)st.st_size, (long)st.st_mtime, (long)hb_set_get_population(s) };
    h = hc_hash(h, FONTSUB_VERSION, sizeof FONTSUB_VERSION);
    h = hc_hash(h, v, strlen(v) + 1);
    h = hc_hash(h, f->orig, strlen(f->orig) + 1);
    h = hc_hash(h, meta, sizeof meta);
    hb_codepoint_t c = HB_SET_VALUE_INVALID;
    while (hb_set_next(s, &c)) h = hc_hash(h, &c, sizeof c);
    char hex[17];
    hc_hash_hex(h, hex);
    hc_buf b = HC_BUF_INIT;
    hc_buf_printf(&b, "%s/%s.otf", dir, hex);
    return hc_buf_detach(&b, NULL);
}

/* The font file of sub with orig's BASE table added. harfbuzz 6 drops BASE
 * when subsetting; these faces' BASE holds coordinates only (no glyph ids),
 * and pango aligns the baselines of mixed runs with it (a bold sans word in
 * serif text sits 0.06 pt lower without it), so it is kept as it is. */
static hb_blob_t *with_base(hb_face_t *subset, hb_face_t *orig)
{
    const hb_tag_t base_tag = HB_TAG('B', 'A', 'S', 'E');
    hb_blob_t *file = hb_face_reference_blob(subset);   /* the subset serialised */
    hb_blob_t *base = hb_face_reference_table(orig, base_tag);
    if (hb_blob_get_length(base) == 0) {
        hb_blob_destroy(base);
        return file;
    }
    hb_face_t *sub = hb_face_create(file, 0);
    hb_face_t *b = hb_face_builder_create();
    hb_tag_t tags[64];
    unsigned n = sizeof tags / sizeof tags[0];
    hb_face_get_table_tags(sub, 0, &n, tags);
    for (unsigned k = 0; k < n; k++) {
        hb_blob_t *t = hb_face_reference_table(sub, tags[k]);
        hb_face_builder_add_table(b, tags[k], t);
        hb_blob_destroy(t);
    }
    hb_face_builder_add_table(b, base_tag, base);
    hb_blob_destroy(base);
    hb_blob_t *out = hb_face_reference_blob(b);
    hb_face_destroy(b);
    hb_face_destroy(sub);
    hb_blob_destroy(file);
    return out;
}

/* Writes the subset of f for s into path. Returns 0 or -1. */
static int subset_write(const sub_face *f, const hb_set_t *s, const char *path)
{
    int rc = -1;
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(f->orig);
    if (!blob) return -1;
    hb_face_t *face = hb_face_create(blob, (unsigned)f->index);
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    hb_face_t *out = NULL;
    if (!in) goto out;
    hb_set_union(hb_subset_input_unicode_set(in), s);
    /* every layout feature (halt, vert, locl …), every name and name language */
    const hb_subset_sets_t all[] = { HB_SUBSET_SETS_LAYOUT_FEATURE_TAG, HB_SUBSET_SETS_NAME_ID,
                                     HB_SUBSET_SETS_NAME_LANG_ID, HB_SUBSET_SETS_LAYOUT_SCRIPT_TAG };
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++) {
        hb_set_t *t = hb_subset_input_set(in, all[k]);
        hb_set_clear(t);
        hb_set_invert(t);
    }
    out = hb_subset_or_fail(face, in);
    if (!out) goto out;
    hb_blob_t *ob = with_base(out, face);
    unsigned len = 0;
    const char *data = hb_blob_get_data(ob, &len);
    if (len > 0 && hc_fs_write_atomic(path, data, len) == 0) rc = 0;
    hb_blob_destroy(ob);
out:
    hb_face_destroy(out);
    hb_subset_input_destroy(in);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return rc;
}

/* The subsets not yet in the cache are made on up to nthreads threads. */
typedef struct {
    struct pdf_fontsub *fs;
    pthread_mutex_t mu;
    int next;
} make_run;

static void *make_main(void *arg)
{
    make_run *r = arg;
    for (;;) {
        pthread_mutex_lock(&r->mu);
        int i = r->next++;
        pthread_mutex_unlock(&r->mu);
        if (i >= NFACES) break;
        sub_face *f = &r->fs->f[i];
        if (!f->file || access(f->file, R_OK) == 0) continue;
        if (subset_write(f, r->fs->cps, f->file) != 0) {
            free(f->file);
            f->file = NULL;   /* this face whole */
        }
    }
    return NULL;
}

static void make_all(struct pdf_fontsub *fs, int nthreads)
{
    make_run r = { .fs = fs, .next = 0 };
    pthread_mutex_init(&r.mu, NULL);
    if (nthreads > NFACES) nthreads = NFACES;
    pthread_t t[NFACES];
    int started = 0;
    for (int k = 1; k < nthreads; k++)
        if (pthread_create(&t[started], NULL, make_main, &r) == 0) started++;
    make_main(&r);
    for (int k = 0; k < started; k++) pthread_join(t[k], NULL);
    pthread_mutex_destroy(&r.mu);
}

/* Removes the files of dir that are not this set's subsets (older sets,
 * half-written files). */
static void prune(const struct pdf_fontsub *fs)
{
    DIR *d = opendir(fs->dir);
    if (!d) return;
    struct dirent *e;
    hc_buf p = HC_BUF_INIT;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' && (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2]))) continue;
        hc_buf_reset(&p);
        hc_buf_printf(&p, "%s/%s", fs->dir, e->d_name);
        int keep = 0;
        for (int i = 0; i < NFACES; i++)
            if (fs->f[i].file && strcmp(fs->f[i].file, hc_buf_cstr(&p)) == 0) keep = 1;
        if (!keep) unlink(hc_buf_cstr(&p));
    }
    closedir(d);
    hc_buf_free(&p);
}

/* ---- the font maps ---- */

/* Which subset stands for the face fontconfig matches pat with, or -1. */
static int face_of(const pdf_fontsub *fs, FcPattern *pat)
{
    int which = -1;
    FcPattern *q = FcPatternDuplicate(pat);
    FcPatternDel(q, FC_FILE);
    FcConfigSubstitute(fs->cfg, q, FcMatchPattern);
    FcDefaultSubstitute(q);
    FcResult res;
    FcPattern *m = FcFontMatch(fs->cfg, q, &res);
    FcPatternDestroy(q);
    FcChar8 *file;
    int index = 0;
    if (!m || FcPatternGetString(m, FC_FILE, 0, &file) != FcResultMatch) goto out;
    if (FcPatternGetInteger(m, FC_INDEX, 0, &index) != FcResultMatch) index = 0;
    for (int i = 0; i < NFACES && which < 0; i++) {
        const sub_face *f = &fs->f[i];
        if (f->file && ((strcmp((const char *)file, f->orig) == 0 && index == f->index) ||
                        strcmp((const char *)file, f->file) == 0))
            which = i;
    }
out:
    if (m) FcPatternDestroy(m);
    return which;
}

/* pango's last word on each pattern: the subset's file first. */
static void substitute(FcPattern *pat, gpointer data)
{
    const pdf_fontsub *fs = data;
    int i = face_of(fs, pat);
    if (i < 0) return;
    FcValue v = { .type = FcTypeString, .u.s = (const FcChar8 *)fs->f[i].file };
    FcPatternAdd(pat, FC_FILE, v, FcFalse);
}

void pdf_fontsub_apply(const pdf_fontsub *fs, PangoFontMap *fm)
{
    if (!fs || !PANGO_IS_FC_FONT_MAP(fm)) return;
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fm), fs->cfg);
    pango_fc_font_map_set_default_substitute(PANGO_FC_FONT_MAP(fm), substitute, (gpointer)fs, NULL);
}

/* The system faces the album asks for most (hc_cjk_match): sans regular and
 * bold, serif regular. Others (mono, serif bold) are used whole. */
static int find_faces(pdf_fontsub *fs, const pdf_fontset *set)
{
    const char *pat[NFACES][2] = { { set->sans, ":weight=regular" }, { set->sans, ":weight=bold" },
                                   { set->serif, ":weight=regular" } };
    for (int i = 0; i < NFACES; i++) {
        hc_buf p = HC_BUF_INIT;
        hc_buf_printf(&p, "%s%s", pat[i][0], pat[i][1]);
        hc_cjk_face face = { 0 };
        int rc = hc_cjk_match(NULL, hc_buf_cstr(&p), pat[i][0], &face);
        hc_buf_free(&p);
        if (rc != 0) return -1;
        fs->f[i].orig = face.path;
        fs->f[i].index = face.index;
    }
    return 0;
}

pdf_fontsub *pdf_fontsub_new(const hc_model *m, const pdf_fontset *set, const char *dir, int nthreads)
{
    if (!dir || !*dir) return NULL;
    pdf_fontsub *fs = hc_xcalloc(1, sizeof *fs);
    fs->dir = hc_xstrdup(dir);
    if (find_faces(fs, set) != 0 || hc_fs_mkdirs(dir) != 0) goto fail;
    fs->cps = codepoints(m);
    for (int i = 0; i < NFACES; i++) {
        int dup = 0;
        for (int k = 0; k < i; k++)
            if (strcmp(fs->f[k].orig, fs->f[i].orig) == 0 && fs->f[k].index == fs->f[i].index) dup = 1;   /* sans for serif */
        if (!dup) fs->f[i].file = cache_name(dir, &fs->f[i], fs->cps);
    }
    make_all(fs, nthreads);
    prune(fs);
    fs->cfg = FcInitLoadConfigAndFonts();
    if (!fs->cfg) goto fail;
    for (int i = 0; i < NFACES; i++)
        if (fs->f[i].file && !FcConfigAppFontAddFile(fs->cfg, (const FcChar8 *)fs->f[i].file)) {
            free(fs->f[i].file);
            fs->f[i].file = NULL;
        }
    return fs;
fail:
    pdf_fontsub_free(fs);
    return NULL;
}

void pdf_fontsub_free(pdf_fontsub *fs)
{
    if (!fs) return;
    for (int i = 0; i < NFACES; i++) {
        free(fs->f[i].orig);
        free(fs->f[i].file);
    }
    if (fs->cps) hb_set_destroy(fs->cps);
    if (fs->cfg) FcConfigDestroy(fs->cfg);
    free(fs->dir);
    free(fs);
}
