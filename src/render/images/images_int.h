/* images_int.h — shared by the image stage's files only. */
#ifndef HC_IMAGES_INT_H
#define HC_IMAGES_INT_H
#include "images.h"
#include <pthread.h>
#include <stdint.h>

/* Bumped when the output of a given source changes (widths, encoders'
 * settings): every image is made again. */
#define HC_IMG_SETTINGS "huace-images 5 (fails on decoder warnings); jpeg k/8 decode; mitchell, columns; widths 480 960 1600 2400; webp Q78 method 0; jpeg Q82 baseline; preview 16px from the narrowest, webp Q40"

/* One image the content uses, at the first place that uses it. */
typedef struct {
    char *src;            /* site path */
    hc_loc at;            /* where it is first used (path borrowed from the model) */
    size_t order;         /* the order of use, to keep the first */
} hc_img_use;

/* collect.c: every image the model uses, sorted by src, each once. */
void hc_img_collect(const hc_model *m, hc_img_use **uses, size_t *n);

/* vips.c — the libvips side. Each returns 0, or -1 with a phrase in why
 * (to follow "image X "). */
typedef struct { int w, h; hc_buf webp, jpeg; } hc_img_rendition;
typedef struct {
    int w, h;                                  /* upright source size */
    hc_img_rendition r[HC_IMG_NWIDTHS];
    int n;
    char color[8];
    hc_buf preview;                            /* the data: URI */
} hc_img_made;
void hc_vips_start(void);                      /* once per process; thread-safe */
/* The upright size from the header alone (nothing is decoded): refuses more
 * than HC_IMG_MAX_PIXELS pixels. */
int hc_vips_probe(const void *data, size_t len, int *w, int *h, hc_buf *why);
/* A guess at the work of making the image file at path, from its header
 * alone (pixels decoded and encoded); 0 if the header cannot be read. Only
 * for ordering the work: no error is reported. */
long long hc_vips_cost(const char *path);
int hc_vips_make(const void *data, size_t len, hc_img_made *out, hc_buf *why);
void hc_img_made_free(hc_img_made *m);
int hc_vips_print(const void *data, size_t len, int px, hc_buf *jpeg, int *w, int *h, hc_buf *why);

/* jpeg.c — a JPEG decoded by libjpeg-turbo at the smallest k/8 (k = 1..8) of
 * its size whose `across` side (the one that ends up horizontal) is at least
 * `need` pixels: *out is a new 8-bit sRGB or B_W image in memory, without
 * metadata, owned by the caller; with turn set, the picture is turned a
 * quarter counterclockwise as it is written (pixel (x, y) of a w-wide
 * picture at (y, w-1-x)), so that its rows become columns: libvips resizes
 * columns far faster than rows (vips.c). Returns 0; 1 when the file is CMYK or YCCK
 * (left to libvips; nothing set); -1 with a phrase in why when it is damaged,
 * truncated or draws a decoder warning. */
struct _VipsImage;
int hc_jpeg_decode(const void *data, size_t len, int across, int need, int turn, struct _VipsImage **out,
                   hc_buf *why);

/* What the bytes are, by their first bytes: "JPEG", "PNG", … or NULL. */
const char *hc_img_sniff(const void *data, size_t len);
/* What the file name says: "JPEG", "PNG", …, "SVG", or NULL (not an image name). */
const char *hc_img_kind_of_name(const char *path);

/* store.c — the cache folder: an index of what each key made, and the files
 * <key>-<w>.webp|jpg and <key>-p<px>.jpg. */
typedef struct {
    char key[17];
    int w, h, n;
    int rw[HC_IMG_NWIDTHS], rh[HC_IMG_NWIDTHS];
    char color[8];
    char *preview;
    long long size, mtime_ns;  /* the source as it was read: a source with the same */
    char *src;                 /* path, size and time is taken to be the same bytes */
} hc_img_entry;
typedef struct { hc_img_entry *e; size_t n; } hc_img_index;
void hc_img_index_load(hc_img_index *ix, const char *cache_dir);
const hc_img_entry *hc_img_index_get(const hc_img_index *ix, const char *key);
/* The entry made from src when it had this size and time, or NULL. */
const hc_img_entry *hc_img_index_by_stat(const hc_img_index *ix, const char *src, long long size, long long mtime_ns);
void hc_img_index_free(hc_img_index *ix);
/* Writes the index of entries e[0..n) (replacing the file in one rename). */
int hc_img_index_save(const char *cache_dir, const hc_img_entry *e, size_t n);

struct hc_images {
    hc_img *v;                 /* sorted by src */
    hc_img_entry *ent;         /* parallel to v: keys and sizes */
    size_t n;
    char *root, *cache_dir;    /* cache_dir may be NULL */
};

#endif
