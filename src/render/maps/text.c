/* text.c — UTF-8 labels drawn with FreeType, each glyph rendered once per
 * face and size and kept in a cache shared by the worker threads.
 *
 * FreeType is used directly rather than through gdImageStringFTEx because
 * libgd always opens face 0 of a font collection, which for Noto CJK (.ttc)
 * is the Japanese face: Chinese labels would get Japanese glyph forms (户,
 * 令, 骨 …). Rendering from a glyph cache is also several times faster. The
 * bitmaps are blended with integer arithmetic: the same text gives the same
 * pixels on every run. */
#include "maps_int.h"
#include "../../base/alloc.h"
#include "../../base/utf8.h"
#include <ft2build.h>
#include FT_FREETYPE_H
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define ASCENT 0.88          /* of the em box, for Noto CJK */
#define BUCKETS 4096

typedef struct glyph glyph;
struct glyph {
    uint64_t key;
    int w, h, left, top;
    long adv;                /* 26.6 pixels */
    unsigned char *bits;     /* w×h coverage, 0..255 */
    glyph *next;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static FT_Library lib;
static FT_Face face[2];
static int lib_failed;
static glyph *table[BUCKETS];

static uint64_t key_of(const mp_font *f, long px64, uint32_t cp)
{
    return ((uint64_t)(f->id & 0xff) << 56) | ((uint64_t)(px64 & 0xffffffff) << 24) | (cp & 0xffffff);
}

static FT_Face face_of(const mp_font *f)
{
    if (lib_failed) return NULL;
    if (!lib && FT_Init_FreeType(&lib) != 0) {
        lib_failed = 1;
        lib = NULL;
        return NULL;
    }
    int i = f->id ? 1 : 0;
    if (!face[i] && FT_New_Face(lib, f->path, f->index, &face[i]) != 0) face[i] = NULL;
    return face[i];
}

/* Renders cp; the returned glyph has no bitmap if anything failed. Lock held. */
static glyph *render(const mp_font *f, long px64, uint32_t cp, uint64_t key)
{
    glyph *g = hc_xcalloc(1, sizeof *g);
    g->key = key;
    FT_Face fc = face_of(f);
    if (!fc || FT_Set_Char_Size(fc, 0, px64, 72, 72) != 0 ||
        FT_Load_Char(fc, cp, FT_LOAD_RENDER | FT_LOAD_TARGET_LIGHT) != 0)
        return g;
    FT_GlyphSlot s = fc->glyph;
    FT_Bitmap *b = &s->bitmap;
    g->adv = s->advance.x;
    g->left = s->bitmap_left;
    g->top = s->bitmap_top;
    if (b->pixel_mode != FT_PIXEL_MODE_GRAY && b->pixel_mode != FT_PIXEL_MODE_MONO) return g;
    g->w = (int)b->width;
    g->h = (int)b->rows;
    if (!g->w || !g->h) return g;
    g->bits = hc_xmalloc((size_t)g->w * (size_t)g->h);
    for (int y = 0; y < g->h; y++) {
        const unsigned char *src = b->buffer + (long)y * b->pitch;
        for (int x = 0; x < g->w; x++) {
            unsigned char v = b->pixel_mode == FT_PIXEL_MODE_GRAY
                                  ? (unsigned char)(src[x] * 255 / (b->num_grays > 1 ? b->num_grays - 1 : 1))
                                  : (src[x >> 3] & (0x80 >> (x & 7))) ? 255 : 0;
            g->bits[y * g->w + x] = v;
        }
    }
    return g;
}

static const glyph *get(const mp_font *f, long px64, uint32_t cp)
{
    uint64_t key = key_of(f, px64, cp);
    size_t b = (size_t)((key ^ (key >> 29) ^ (key >> 47)) * UINT64_C(0x9E3779B97F4A7C15) >> 52) % BUCKETS;
    pthread_mutex_lock(&lock);
    glyph *g;
    for (g = table[b]; g; g = g->next)
        if (g->key == key) break;
    if (!g) {
        g = render(f, px64, cp, key);
        g->next = table[b];
        table[b] = g;
    }
    pthread_mutex_unlock(&lock);
    return g;   /* immutable from here on */
}

static long px64_of(double px) { return lround(px * 64); }

/* 26.6 fixed point to whole pixels, rounding down (also below zero). */
static long floor64(long v) { return v >= 0 ? v / 64 : -((-v + 63) / 64); }

/* Next character of s; control characters read as spaces. */
static uint32_t next_cp(const char **s)
{
    size_t adv;
    uint32_t cp = hc_utf8_decode(*s, strnlen(*s, 4), &adv);
    *s += adv;
    return cp < 0x20 || cp == 0x7f ? ' ' : cp;
}

int mp_text_width(const mp_font *f, double px, const char *s)
{
    if (!f || !s) return 0;
    long px64 = px64_of(px), w = 0;
    while (*s) w += get(f, px64, next_cp(&s))->adv;
    return (int)-floor64(-w);   /* rounded up */
}

void mp_text_draw(gdImagePtr im, const mp_font *f, double px, int x, int y, int color, const char *s)
{
    if (!f || !s) return;
    long px64 = px64_of(px), pen = (long)x * 64;
    int base = y + (int)lround(px * ASCENT);
    while (*s) {
        const glyph *g = get(f, px64, next_cp(&s));
        int gx = (int)floor64(pen + 32) + g->left, gy = base - g->top;
        for (int r = 0; r < g->h; r++)
            for (int c = 0; c < g->w; c++) {
                int v = g->bits[r * g->w + c];
                if (v) mp_blend(im, gx + c, gy + r, color, v + (v >> 7));
            }
        pen += g->adv;
    }
}

size_t mp_text_prefix(const mp_font *f, double px, const char *s, int max_w)
{
    if (!f || !s) return 0;
    long px64 = px64_of(px), room = (long)max_w * 64, w = 0;
    const char *p = s;
    while (*p) {
        const char *q = p;
        w += get(f, px64, next_cp(&q))->adv;
        if (w > room) break;
        p = q;
    }
    return (size_t)(p - s);
}

void mp_text_fit(hc_buf *out, const mp_font *f, double px, const char *s, int max_w)
{
    hc_buf_reset(out);
    if (!s) return;
    if (mp_text_width(f, px, s) <= max_w) {
        hc_buf_puts(out, s);
        return;
    }
    hc_buf_put(out, s, mp_text_prefix(f, px, s, max_w - mp_text_width(f, px, "…")));
    hc_buf_puts(out, "…");
}

void mp_text_shutdown(void)
{
    pthread_mutex_lock(&lock);
    for (size_t b = 0; b < BUCKETS; b++) {
        glyph *g = table[b];
        while (g) {
            glyph *n = g->next;
            free(g->bits);
            free(g);
            g = n;
        }
        table[b] = NULL;
    }
    for (int i = 0; i < 2; i++)
        if (face[i]) {
            FT_Done_Face(face[i]);
            face[i] = NULL;
        }
    if (lib) FT_Done_FreeType(lib);
    lib = NULL;
    lib_failed = 0;
    pthread_mutex_unlock(&lock);
}
