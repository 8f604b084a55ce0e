/* projection.c — longitude/latitude → pixels: equirectangular around the
 * centre of the data, x shrunk by cos(latitude) so that distances east-west
 * and north-south share one scale, fitted into a rectangle with a margin. */
#include "maps_int.h"
#include <math.h>

#define KM_PER_DEG (6371.0088 * M_PI / 180.0)   /* mean Earth radius */

void mp_geo_bounds_init(mp_geo_bounds *b)
{
    b->lon_min = b->lat_min = 0;
    b->lon_max = b->lat_max = 0;
    b->n = 0;
}

void mp_geo_bounds_add(mp_geo_bounds *b, double lon, double lat)
{
    if (!isfinite(lon) || !isfinite(lat)) return;
    if (b->n == 0) {
        b->lon_min = b->lon_max = lon;
        b->lat_min = b->lat_max = lat;
    } else {
        if (lon < b->lon_min) b->lon_min = lon;
        if (lon > b->lon_max) b->lon_max = lon;
        if (lat < b->lat_min) b->lat_min = lat;
        if (lat > b->lat_max) b->lat_max = lat;
    }
    b->n++;
}

void mp_proj_fit(mp_proj *p, const mp_geo_bounds *b, mp_rect r, double margin, double min_span_km)
{
    double lon_c = b->n ? (b->lon_min + b->lon_max) / 2 : 0;
    double lat_c = b->n ? (b->lat_min + b->lat_max) / 2 : 0;
    double coslat = cos(lat_c * M_PI / 180.0);
    if (coslat < 0.05) coslat = 0.05;                   /* near the poles */
    double span_x = b->n ? (b->lon_max - b->lon_min) * coslat : 0;   /* degrees of latitude */
    double span_y = b->n ? (b->lat_max - b->lat_min) : 0;
    double min_span = min_span_km / KM_PER_DEG;
    if (min_span <= 0) min_span = 1e-6;
    if (span_x < min_span) span_x = min_span;
    if (span_y < min_span) span_y = min_span;
    double aw = r.w - 2 * margin, ah = r.h - 2 * margin;
    if (aw < 1) aw = 1;
    if (ah < 1) ah = 1;
    double sx = aw / span_x, sy = ah / span_y;
    p->lon_c = lon_c;
    p->lat_c = lat_c;
    p->coslat = coslat;
    p->scale = sx < sy ? sx : sy;
    p->cx = r.x + r.w / 2;
    p->cy = r.y + r.h / 2;
}

mp_pt mp_proj_apply(const mp_proj *p, double lon, double lat)
{
    mp_pt q;
    q.x = p->cx + (lon - p->lon_c) * p->coslat * p->scale;
    q.y = p->cy - (lat - p->lat_c) * p->scale;
    return q;
}

double mp_proj_km_per_px(const mp_proj *p)
{
    return KM_PER_DEG / p->scale;
}
