/* gcj02.h — the coordinate systems of Chinese web maps.
 *
 * GCJ-02 (高德, 腾讯, 百度 before its own shift) is WGS-84 moved by the open,
 * well-known formula (Krasovsky ellipsoid, the published series; the same as
 * eviltransform and coordtransform). WGS-84 → GCJ-02 is that formula exactly;
 * GCJ-02 → WGS-84 inverts it by fixed-point iteration (the shift changes
 * slowly, so a few steps reach 1e-9 degrees, about 0.1 mm: the round trip is
 * far better than 1 m; how close GCJ-02 itself is to what 高德 shows is the
 * formula's own accuracy, a few metres). BD-09 (百度) is GCJ-02 moved once
 * more. Outside China (the usual rough box) GCJ-02 equals WGS-84.
 * Longitude first everywhere. Pure functions, thread-safe. */
#ifndef HC_GCJ02_H
#define HC_GCJ02_H

int hc_gcj_outside_china(double lon, double lat);
void hc_wgs_to_gcj(double lon, double lat, double *glon, double *glat);
void hc_gcj_to_wgs(double glon, double glat, double *lon, double *lat);
void hc_gcj_to_bd(double glon, double glat, double *blon, double *blat);
void hc_bd_to_gcj(double blon, double blat, double *glon, double *glat);
/* Great-circle distance in metres (spherical Earth, R = 6371008.8 m). */
double hc_geo_distance_m(double lon1, double lat1, double lon2, double lat2);

#endif
