/* gcj02.c — see gcj02.h. */
#include "gcj02.h"
#include <math.h>

#define GCJ_A 6378245.0
#define GCJ_EE 0.00669342162296594323
#define X_PI (M_PI * 3000.0 / 180.0)

int hc_gcj_outside_china(double lon, double lat)
{
    return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

static double shift_lat(double x, double y)
{
    double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt(fabs(x));
    r += (20.0 * sin(6.0 * x * M_PI) + 20.0 * sin(2.0 * x * M_PI)) * 2.0 / 3.0;
    r += (20.0 * sin(y * M_PI) + 40.0 * sin(y / 3.0 * M_PI)) * 2.0 / 3.0;
    r += (160.0 * sin(y / 12.0 * M_PI) + 320.0 * sin(y * M_PI / 30.0)) * 2.0 / 3.0;
    return r;
}

static double shift_lon(double x, double y)
{
    double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt(fabs(x));
    r += (20.0 * sin(6.0 * x * M_PI) + 20.0 * sin(2.0 * x * M_PI)) * 2.0 / 3.0;
    r += (20.0 * sin(x * M_PI) + 40.0 * sin(x / 3.0 * M_PI)) * 2.0 / 3.0;
    r += (150.0 * sin(x / 12.0 * M_PI) + 300.0 * sin(x / 30.0 * M_PI)) * 2.0 / 3.0;
    return r;
}

void hc_wgs_to_gcj(double lon, double lat, double *glon, double *glat)
{
    if (hc_gcj_outside_china(lon, lat)) {
        *glon = lon;
        *glat = lat;
        return;
    }
    double dlat = shift_lat(lon - 105.0, lat - 35.0), dlon = shift_lon(lon - 105.0, lat - 35.0);
    double rad = lat / 180.0 * M_PI, magic = sin(rad);
    magic = 1 - GCJ_EE * magic * magic;
    double sq = sqrt(magic);
    dlat = dlat * 180.0 / ((GCJ_A * (1 - GCJ_EE)) / (magic * sq) * M_PI);
    dlon = dlon * 180.0 / (GCJ_A / sq * cos(rad) * M_PI);
    *glon = lon + dlon;
    *glat = lat + dlat;
}

void hc_gcj_to_wgs(double glon, double glat, double *lon, double *lat)
{
    double x = glon, y = glat;
    for (int i = 0; i < 30; i++) {
        double gx, gy;
        hc_wgs_to_gcj(x, y, &gx, &gy);
        double ex = glon - gx, ey = glat - gy;
        x += ex;
        y += ey;
        if (fabs(ex) < 1e-10 && fabs(ey) < 1e-10) break;
    }
    *lon = x;
    *lat = y;
}

void hc_gcj_to_bd(double glon, double glat, double *blon, double *blat)
{
    double z = sqrt(glon * glon + glat * glat) + 0.00002 * sin(glat * X_PI);
    double t = atan2(glat, glon) + 0.000003 * cos(glon * X_PI);
    *blon = z * cos(t) + 0.0065;
    *blat = z * sin(t) + 0.006;
}

void hc_bd_to_gcj(double blon, double blat, double *glon, double *glat)
{
    double x = blon - 0.0065, y = blat - 0.006;
    double z = sqrt(x * x + y * y) - 0.00002 * sin(y * X_PI);
    double t = atan2(y, x) - 0.000003 * cos(x * X_PI);
    *glon = z * cos(t);
    *glat = z * sin(t);
}

double hc_geo_distance_m(double lon1, double lat1, double lon2, double lat2)
{
    double p1 = lat1 * M_PI / 180, p2 = lat2 * M_PI / 180, dp = p2 - p1, dl = (lon2 - lon1) * M_PI / 180;
    double a = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2);
    return 2 * 6371008.8 * asin(sqrt(a < 1 ? a : 1));
}
