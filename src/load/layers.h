/* layers.h — map layers: site.yaml map_layers: entries (layers.c) and the
 * files they name, read through GDAL/OGR and reprojected to WGS-84 with PROJ
 * (ogr.c). Shared by the loader files only. */
#ifndef HC_LOAD_LAYERS_H
#define HC_LOAD_LAYERS_H
#include "load_int.h"

enum { HC_LAYER_NONE, HC_LAYER_OGR, HC_LAYER_YAML };
/* Which reader a file name needs (by extension, case-insensitive). */
int hc_layer_file_kind(const char *name);
/* Fills the style fields not set (flags 0) from the role's defaults (the
 * built-in theme of the maps), and label "name" for the known roles. */
void hc_layer_defaults(hc_geo_layer *l, int fill_set, int stroke_set, int width_set);
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
