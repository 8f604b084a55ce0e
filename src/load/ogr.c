/* ogr.c — one map layer file through GDAL/OGR (GeoJSON, ESRI Shapefile,
 * GeoPackage, KML), reprojected to WGS-84 longitude/latitude with PROJ
 * (OGRCoordinateTransformation) from the CRS the file declares.
 *
 * A file without a declared CRS (a Shapefile without .prj) is an error naming
 * it: guessing would draw it in the wrong place. GeoJSON is WGS-84 by its
 * specification (RFC 7946) unless it names another CRS. Every OGR layer of
 * the file (a GeoPackage may hold several) goes into the one hc_geo_layer.
 * GDAL's own messages are caught and repeated after the file's name. */
#include "layers.h"
#include "../base/alloc.h"
#include "../base/fs.h"
#include "../base/hash.h"
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_error.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t gdal_once = PTHREAD_ONCE_INIT;
static void gdal_init(void)
{
    GDALAllRegister();
}

/* What GDAL said last, trimmed, or a fallback. */
static const char *gdal_said(const char *fallback)
{
    const char *s = CPLGetLastErrorMsg();
    return s && *s ? s : fallback;
}

/* Hashes file (and reports whether it exists). */
static int hash_file(const char *path, uint64_t *h)
{
    hc_buf b = HC_BUF_INIT;
    int rc = hc_fs_read(path, &b);
    if (rc == 0) {
        *h = hc_hash(*h, &b.len, sizeof b.len);
        *h = hc_hash(*h, b.data, b.len);
    }
    hc_buf_free(&b);
    return rc;
}

/* The sidecar of a Shapefile base path with extension ext (lower or upper case). */
static int sidecar(hc_buf *out, const char *full, const char *ext)
{
    size_t n = strlen(full) - 4;
    hc_buf_reset(out);
    hc_buf_printf(out, "%.*s%s", (int)n, full, ext);
    if (hc_fs_exists(hc_buf_cstr(out))) return 1;
    hc_buf_reset(out);
    hc_buf_printf(out, "%.*s", (int)n, full);
    for (const char *e = ext; *e; e++) hc_buf_printf(out, "%c", *e >= 'a' && *e <= 'z' ? *e - 32 : *e);
    return hc_fs_exists(hc_buf_cstr(out));
}

/* File bytes (with a Shapefile's sidecars) into l->digest; a missing .shx or
 * .dbf is an error naming it. */
static int digest_files(const char *full, hc_geo_layer *l, const char *shown, hc_diags *d)
{
    uint64_t h = HC_HASH_INIT;
    int rc = 0;
    if (hash_file(full, &h) != 0) {
        hc_error(d, "layer-read", shown, 0, 0, "cannot read the map layer file");
        return -1;
    }
    size_t n = strlen(full);
    if (n > 4 && !strcasecmp(full + n - 4, ".shp")) {
        static const char *const need[] = { ".shx", ".dbf", NULL }, *const opt[] = { ".prj", ".cpg", NULL };
        hc_buf sc = HC_BUF_INIT;
        for (int i = 0; need[i]; i++) {
            if (!sidecar(&sc, full, need[i])) {
                hc_error(d, "layer-shapefile", shown, 0, 0, "this Shapefile has no %s file beside it: copy all its files "
                         "(.shp, .shx, .dbf, .prj, .cpg) into the folder", need[i]);
                rc = -1;
            } else hash_file(hc_buf_cstr(&sc), &h);
        }
        for (int i = 0; opt[i]; i++)
            if (sidecar(&sc, full, opt[i])) hash_file(hc_buf_cstr(&sc), &h);
        hc_buf_free(&sc);
    }
    l->digest = hc_layer_style_hash(l, h);
    return rc;
}

/* Appends the vertices of a (linear) simple geometry as one part. */
static void add_part(hc_geo_layer *l, hc_geo_feature *f, OGRGeometryH g)
{
    int n = OGR_G_GetPointCount(g);
    if (n <= 0) return;
    double *lon = hc_xcalloc((size_t)n, sizeof *lon), *lat = hc_xcalloc((size_t)n, sizeof *lat);
    for (int i = 0; i < n; i++) {
        lon[i] = OGR_G_GetX(g, i);
        lat[i] = OGR_G_GetY(g, i);
    }
    hc_feature_add_part(l, f, lon, lat, (size_t)n);
    free(lon);
    free(lat);
}

/* A geometry (any kind, already in WGS-84) → features of l named name. */
static void add_geometry(hc_geo_layer *l, OGRGeometryH g, const char *name)
{
    OGRwkbGeometryType t = wkbFlatten(OGR_G_GetGeometryType(g));
    hc_geo_feature *f;
    switch (t) {
    case wkbPoint:
        add_part(l, hc_layer_add_feature(l, HC_GEOM_POINT, name), g);
        break;
    case wkbLineString:
    case wkbLinearRing:
        add_part(l, hc_layer_add_feature(l, HC_GEOM_LINE, name), g);
        break;
    case wkbPolygon:
        f = hc_layer_add_feature(l, HC_GEOM_POLYGON, name);
        for (int i = 0; i < OGR_G_GetGeometryCount(g); i++) add_part(l, f, OGR_G_GetGeometryRef(g, i));
        break;
    case wkbMultiPoint: case wkbMultiLineString: case wkbMultiPolygon: case wkbGeometryCollection:
        for (int i = 0; i < OGR_G_GetGeometryCount(g); i++) add_geometry(l, OGR_G_GetGeometryRef(g, i), name);
        break;
    default:
        if (OGR_G_HasCurveGeometry(g, 0)) {
            OGRGeometryH lin = OGR_G_GetLinearGeometry(g, 0, NULL);
            if (lin) {
                add_geometry(l, lin, name);
                OGR_G_DestroyGeometry(lin);
            }
        }
        break;
    }
}

/* One OGR layer of the file; 0 or -1 after reporting. */
static int read_ogr_layer(hc_geo_layer *l, OGRLayerH ol, OGRSpatialReferenceH wgs, const char *shown, hc_diags *d)
{
    OGRSpatialReferenceH src = OGR_L_GetSpatialRef(ol);
    if (!src) {
        hc_error(d, "layer-crs", shown, 0, 0, "layer '%s' declares no coordinate system (a Shapefile needs its .prj; "
                 "export it again from the GIS with its CRS, e.g. EPSG:4490)", OGR_L_GetName(ol));
        return -1;
    }
    OGRSpatialReferenceH s = OSRClone(src);
    OSRSetAxisMappingStrategy(s, OAMS_TRADITIONAL_GIS_ORDER);
    CPLErrorReset();
    OGRCoordinateTransformationH ct = OCTNewCoordinateTransformation(s, wgs);
    int rc = 0;
    if (!ct) {
        hc_error(d, "layer-crs", shown, 0, 0, "layer '%s': cannot convert its coordinate system to WGS-84: %s",
                 OGR_L_GetName(ol), gdal_said("unknown CRS"));
        rc = -1;
        goto out;
    }
    int label = -1;
    if (l->label) {
        label = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(ol), l->label);
        if (label < 0 && l->listed)
            hc_warn(d, "layer-label", l->loc.path, l->loc.line, l->loc.col,
                    "map layer '%s' has no attribute '%s' for its labels", l->file, l->label);
    }
    OGR_L_ResetReading(ol);
    OGRFeatureH ft;
    size_t bad = 0;
    while ((ft = OGR_L_GetNextFeature(ol)) != NULL) {
        OGRGeometryH g = OGR_F_GetGeometryRef(ft);
        if (g && OGR_G_Transform(g, ct) == OGRERR_NONE)
            add_geometry(l, g, label >= 0 && OGR_F_IsFieldSetAndNotNull(ft, label) ? OGR_F_GetFieldAsString(ft, label) : NULL);
        else if (g) bad++;
        OGR_F_Destroy(ft);
    }
    if (bad)
        hc_error(d, "layer-crs", shown, 0, 0, "layer '%s': %zu features could not be converted to WGS-84 (%s)",
                 OGR_L_GetName(ol), bad, gdal_said("coordinates outside the CRS"));
    rc = bad ? -1 : 0;
out:
    if (ct) OCTDestroyCoordinateTransformation(ct);
    OSRDestroySpatialReference(s);
    return rc;
}

int hc_ogr_read(const char *root, hc_geo_layer *l, hc_diags *d)
{
    static const char *const drivers[] = { "GeoJSON", "ESRI Shapefile", "GPKG", "KML", "LIBKML", NULL };
    hc_buf full = HC_BUF_INIT, shown = HC_BUF_INIT;
    OGRSpatialReferenceH wgs = NULL;
    GDALDatasetH ds = NULL;
    int rc = -1;
    pthread_once(&gdal_once, gdal_init);
    hc_buf_printf(&full, "%s/content/%s", root, l->file);
    hc_buf_printf(&shown, "content/%s", l->file);
    if (digest_files(hc_buf_cstr(&full), l, hc_buf_cstr(&shown), d) != 0) goto out;
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
    ds = GDALOpenEx(hc_buf_cstr(&full), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, NULL, NULL);
    if (!ds) {
        hc_error(d, "layer-read", hc_buf_cstr(&shown), 0, 0, "GDAL cannot read this map layer: %s",
                 gdal_said("not a vector file GDAL knows"));
        goto pop;
    }
    wgs = OSRNewSpatialReference(NULL);
    OSRImportFromEPSG(wgs, 4326);
    OSRSetAxisMappingStrategy(wgs, OAMS_TRADITIONAL_GIS_ORDER);
    rc = 0;
    for (int i = 0; i < GDALDatasetGetLayerCount(ds); i++)
        if (read_ogr_layer(l, GDALDatasetGetLayer(ds, i), wgs, hc_buf_cstr(&shown), d) != 0) rc = -1;
    if (rc == 0 && l->nfeatures == 0) {
        hc_error(d, "layer-empty", hc_buf_cstr(&shown), 0, 0, "this map layer has no features with a geometry");
        rc = -1;
    }
pop:
    CPLPopErrorHandler();
out:
    if (ds) GDALClose(ds);
    if (wgs) OSRDestroySpatialReference(wgs);
    hc_buf_free(&full);
    hc_buf_free(&shown);
    return rc;
}
