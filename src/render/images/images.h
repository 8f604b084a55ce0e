/* images.h — photos: every raster image the content uses, made fit to publish.
 *
 * Stage order: load → model → images → html, maps, album. hc_images_process
 * finds every image the content uses (project `photos`, images in case
 * studies and pages, site.yaml's `banner` and `logo`, `print.cover_photo`),
 * and for each raster image (JPEG, PNG, WebP, GIF, TIFF, HEIF/AVIF):
 *   - decodes it once with libvips, turns it upright from its EXIF
 *     orientation, converts it to sRGB and drops all metadata (EXIF, GPS,
 *     XMP, IPTC, ICC, maker notes);
 *   - writes it at the widths 480, 960, 1600 and 2400 px that are not wider
 *     than the upright source (a source narrower than 480 px: its own width
 *     only) as WebP and as a JPEG fallback, to
 *       assets/<dir>/<stem>.<hash10>-<width>.webp|jpg
 *     (the source's path with a leading "assets/" dropped; hash10 is the
 *     content hash of the source bytes and the settings);
 *   - keeps a tiny blurred preview (a WebP data: URI) and the dominant colour
 *     for the page to show until the photo arrives.
 * The source file itself is never published (static.c skips raster files
 * under assets/). SVG images are checked (no scripts, event attributes,
 * foreignObject or outside references) and published as they are.
 *
 * Renditions are kept in a private cache folder beside the output
 * (OUT.huace-images/, never published) by hash: an image whose bytes and
 * settings did not change is not decoded again; its files are linked into the
 * new output. The album's renditions (hc_images_print) live there too.
 *
 * Errors (rule "image"), each at the first place that uses the image and
 * naming the file: missing file, not a regular file or a link out of the
 * site, a file whose bytes are not what its name says (a PNG named .jpg),
 * a corrupt or truncated file, more than HC_IMG_MAX_PIXELS pixels (a
 * decompression bomb: refused from the header, before any decoding), an
 * SVG with a script, an on* attribute, javascript: or an outside href.
 *
 * After hc_images_process the set is read-only: renderers on several
 * threads may call hc_images_get and hc_images_print at once.
 */
#ifndef HC_IMAGES_H
#define HC_IMAGES_H
#include <stddef.h>
#include "../../base/buf.h"
#include "../../base/diag.h"
#include "../../model/model.h"

#define HC_IMG_MAX_PIXELS 100000000L    /* 100 megapixels */
#define HC_IMG_NWIDTHS 4                /* 480, 960, 1600, 2400 */

typedef struct {
    int w, h;                 /* pixel size of this file */
    const char *webp, *jpeg;  /* site paths of the two files at this width */
} hc_img_size;

typedef struct {
    const char *src;          /* site path of the source, e.g. "assets/photos/a.jpg" */
    int svg;                  /* 1: an SVG, published as is at svg_path; no sizes */
    const char *svg_path;
    int w, h;                 /* upright size of the source in pixels (SVG: 0 if unknown) */
    hc_img_size sizes[HC_IMG_NWIDTHS];
    int nsizes;               /* sizes[0] is the narrowest, sizes[nsizes-1] the widest */
    char color[8];            /* dominant colour, "#rrggbb" */
    const char *preview;      /* "data:image/webp;base64,…", about 16 px wide, blurred */
} hc_img;

typedef struct hc_images hc_images;

typedef struct {
    const char *out_dir;      /* staging folder: renditions are written below it */
    const char *cache_dir;    /* OUT.huace-images: renditions kept between builds; NULL = none */
    int jobs;                 /* worker threads; 0 = 1 */
    int quiet;
} hc_images_opts;

typedef struct {
    size_t images;            /* images used by the content */
    size_t made;              /* decoded and encoded by this build */
    size_t reused;            /* taken from the cache */
    size_t files;             /* files written into out_dir */
    double seconds;
    double peak_mb;           /* peak resident memory at the end of the stage */
} hc_images_stats;

/* Processes every image the model uses. *out gets the set (also when some
 * images failed: those are absent from it). Returns 0, or -1 after
 * reporting errors to d. Free the set with hc_images_free. */
int hc_images_process(const hc_model *m, const hc_images_opts *o, hc_diags *d, hc_images **out,
                      hc_images_stats *st);
void hc_images_free(hc_images *t);

/* The set as the last hc_images_process with this cache_dir made it, read
 * from the cache's index: nothing is decoded or written, and libvips is not
 * started (serve's quick update calls it in a process that forks builds).
 * 0 and *out; -1 and no set when any image the model uses is not in the
 * cache as its source file is now (new, changed, missing). */
int hc_images_lookup(const hc_model *m, const char *cache_dir, hc_images **out);

/* The image at site path src ("assets/photos/a.jpg", no leading "/"), or NULL
 * if the content does not use it or it failed. */
const hc_img *hc_images_get(const hc_images *t, const char *src);

/* For the album: an upright, sRGB, metadata-free baseline JPEG of src, px
 * pixels wide or the source's own width if that is smaller (never upscaled),
 * quality 92. Appends the file's bytes to jpeg; *w, *h get its size.
 * Kept in the cache folder, so a rebuild does not make it again. Returns 0;
 * -1 if src is not in the set or cannot be made. Thread-safe. */
int hc_images_print(const hc_images *t, const char *src, int px, hc_buf *jpeg, int *w, int *h);

/* What static.c does with a file of the site's assets/ folder (site path):
 * HC_ASSET_COPY: not an image, published as it is; HC_ASSET_SKIP: a raster
 * image (only its renditions are published) or an SVG the set published;
 * HC_ASSET_SVG: an SVG no content uses: published if hc_svg_check passes. */
typedef enum { HC_ASSET_COPY, HC_ASSET_SKIP, HC_ASSET_SVG } hc_asset_rule;
hc_asset_rule hc_images_asset(const hc_images *t, const char *site_path);

/* After a build that succeeded: deletes from the cache folder every file
 * this build did not use (images removed from the content, old settings). */
void hc_images_prune(const hc_images *t);

/* Checks an SVG file (data, len; path for messages): no <script>, no on*
 * event attribute, no <foreignObject>, no javascript: and no reference to
 * another host or file (href, xlink:href, url() outside '#'), no <!ENTITY.
 * Each finding is an error (rule "image") located in the SVG file; used_at
 * (may be NULL) is the place that uses it, named in the message. Returns 0 if
 * the file is safe to publish, else -1. static.c checks the SVG files it
 * copies from assets/ with it too. */
int hc_svg_check(const char *data, size_t len, const char *path, const hc_loc *used_at, hc_diags *d);

/* Shuts libvips down at exit (after the last hc_images_free). */
void hc_images_shutdown(void);

#endif
