/* layers.h — map layers: site.yaml map_layers: entries (layers.c) and the
 * files they name, read through GDAL/OGR and reprojected to WGS-84 with PROJ
 * (ogr.c). Shared by the loader files only. */
#ifndef HC_LOAD_LAYERS_H
#define HC_LOAD_LAYERS_H
#include "load_int.h"

enum { HC_LAYER_NONE, HC_LAYER_OGR, HC_LAYER_YAML };
/* Which reader a file name needs (by extension, case-insensitive). */
int hc_layer_file_kind(const char *name);
/* A layer's style until the theme's defaults are applied: the fields that
 * map_layers: did not give hold these. */
#define HC_STYLE_UNSET (-2)          /* fill, stroke */
#define HC_WIDTH_UNSET (-1.0)
#define HC_DASH_UNSET ((size_t)-1)   /* ndash */
/* The theme's style of one role (map_roles: in themes/<theme>/theme.yaml). */
typedef struct {
    char *role;
    int fill, stroke;                /* 0xrrggbb, -1: none */
    double width;
    double dash[8]; size_t ndash;
    char *label;                     /* NULL: none */
} hc_role_style;
typedef struct { hc_role_style *r; size_t n; } hc_role_styles;
/* Reads map_roles: from the site's theme's theme.yaml, else from the default
 * theme's; with neither, s is empty. Wrong or unknown keys are located
 * errors (the strict-keys rule). 0 or -1; s is usable either way (free it). */
int hc_role_styles_load(const hc_model *m, hc_role_styles *s, hc_diags *d);
void hc_role_styles_free(hc_role_styles *s);
/* Marks every style field of l as not given. */
void hc_layer_style_unset(hc_geo_layer *l);
/* Fills the style fields of l not given from its role's style in s (the
 * theme's `custom` style for a role s does not name; a grey 1 px line if s
 * has neither), and the role's label when l has none. */
void hc_layer_defaults(const hc_role_styles *s, hc_geo_layer *l);
/* map_layers: (list may be NULL) → m->layers, without features. */
void hc_load_map_layers(hc_model *m, const hc_yreader *r, const hc_yval *list);
/* coords: wgs84 | cgcs2000 | gcj02 → HC_COORDS_*; hc_yr_* return convention. */
int hc_load_coords(const hc_yreader *r, const hc_yval *v, int *out);
/* Reads content/<l->file> with GDAL/OGR into l->features (WGS-84), computes
 * l->bbox and l->digest (file bytes, sidecars, style). Problems are errors
 * naming the file (or located at the map_layers: entry). 0 or -1. */
int hc_ogr_read(const char *root, hc_geo_layer *l, hc_diags *d);
/* The digest of the style fields (mixed into l->digest). */
unsigned long long hc_layer_style_hash(const hc_geo_layer *l, unsigned long long h);
/* Appends a feature to l (whose bbox starts as {1e9, 1e9, -1e9, -1e9}); a part (copies of n vertices) of kind to l, growing l->bbox. */
hc_geo_feature *hc_layer_add_feature(hc_geo_layer *l, int kind, const char *name);
void hc_feature_add_part(hc_geo_layer *l, hc_geo_feature *f, const double *lon, const double *lat, size_t n);

#endif
