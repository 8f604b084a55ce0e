/* Geography: WGS-84 ↔ GCJ-02 ↔ BD-09 against published reference values
 * (wandergis/coordtransform's README example at 116.404, 39.915), the
 * round trip GCJ-02 → WGS-84 → GCJ-02 better than 1 m over China, identity
 * outside China, and the 高德/百度 navigation links for nodes given in WGS-84
 * and in GCJ-02. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "base/buf.h"
#include "base/gcj02.h"
#include "render/html/nav.h"
#include "base/utf8.h"

static void near(double got, double want, double tol)
{
    if (fabs(got - want) > tol) fail_msg("got %.12f, want %.12f (tolerance %g)", got, want, tol);
}

static void published_points(void **state)
{
    (void)state;
    double x, y;
    hc_wgs_to_gcj(116.404, 39.915, &x, &y);
    near(x, 116.41024449916938, 1e-9);
    near(y, 39.91640428150164, 1e-9);
    hc_gcj_to_bd(116.404, 39.915, &x, &y);
    near(x, 116.41036949371029, 1e-9);
    near(y, 39.92133699351021, 1e-9);
    hc_bd_to_gcj(116.404, 39.915, &x, &y);
    near(x, 116.39762729119315, 1e-9);
    near(y, 39.90865673957631, 1e-9);
    /* the published inverse is one step (metres off); ours iterates: within 2 m of it */
    hc_gcj_to_wgs(116.404, 39.915, &x, &y);
    assert_true(hc_geo_distance_m(x, y, 116.39775550083061, 39.91359571849836) < 2.0);
}

static void round_trip_inside_china(void **state)
{
    (void)state;
    double worst = 0, least_shift = 1e9;
    for (double lon = 74; lon <= 134; lon += 1.7)
        for (double lat = 18.5; lat <= 53; lat += 1.3) {
            double g_lon, g_lat, w_lon, w_lat, b_lon, b_lat;
            hc_gcj_to_wgs(lon, lat, &w_lon, &w_lat);
            hc_wgs_to_gcj(w_lon, w_lat, &g_lon, &g_lat);
            double d = hc_geo_distance_m(lon, lat, g_lon, g_lat);
            if (d > worst) worst = d;
            double shift = hc_geo_distance_m(lon, lat, w_lon, w_lat);
            if (shift < least_shift) least_shift = shift;
            hc_gcj_to_bd(lon, lat, &b_lon, &b_lat);
            hc_bd_to_gcj(b_lon, b_lat, &g_lon, &g_lat);
            assert_true(hc_geo_distance_m(lon, lat, g_lon, g_lat) < 1.0);
        }
    if (worst >= 1.0) fail_msg("round trip off by %.3f m", worst);
    if (least_shift < 1) fail_msg("GCJ-02 moved a point only %.3f m", least_shift);   /* it moves every point in China */
    /* in 衢江 the offset is a few hundred metres */
    double x, y;
    hc_wgs_to_gcj(118.9, 28.95, &x, &y);
    double d = hc_geo_distance_m(118.9, 28.95, x, y);
    assert_true(d > 200 && d < 800);
}

static void outside_china_unchanged(void **state)
{
    (void)state;
    double x, y;
    hc_wgs_to_gcj(2.35, 48.85, &x, &y);
    assert_true(x == 2.35 && y == 48.85);
    hc_gcj_to_wgs(139.7, 35.7, &x, &y);
    assert_true(x == 139.7 && y == 35.7);
    assert_true(hc_gcj_outside_china(-74, 40.7));
    assert_false(hc_gcj_outside_china(118.9, 28.9));
}

static void escape(void **state)
{
    (void)state;
    hc_buf b = HC_BUF_INIT;
    const char *s = "a b&c=d,e#f~_.-/衢";
    hc_escape_url_value(&b, s, strlen(s));
    assert_string_equal(hc_buf_cstr(&b), "a%20b%26c%3Dd%2Ce%23f~_.-%2F%E8%A1%A2");
    hc_buf_free(&b);
}

/* position=<lon>,<lat> / location=<lat>,<lon> read back from a link */
static void two_numbers(const char *url, const char *key, double *a, double *b)
{
    const char *p = strstr(url, key);
    assert_non_null(p);
    assert_int_equal(sscanf(p + strlen(key), "%lf,%lf", a, b), 2);
}

static void links_for_wgs84_node(void **state)
{
    (void)state;
    hc_buf b = HC_BUF_INIT;
    double lon = 118.926, lat = 28.936, glon, glat, blon, blat, x, y;
    hc_wgs_to_gcj(lon, lat, &glon, &glat);
    hc_gcj_to_bd(glon, glat, &blon, &blat);
    hc_nav_amap(&b, lon, lat, "区人民医院 A&B");
    assert_true(!strncmp(hc_buf_cstr(&b), "https://uri.amap.com/marker?position=", 37));
    two_numbers(hc_buf_cstr(&b), "position=", &x, &y);
    near(x, glon, 1e-6);
    near(y, glat, 1e-6);
    assert_true(hc_geo_distance_m(x, y, lon, lat) > 200);   /* really moved to GCJ-02 */
    assert_non_null(strstr(hc_buf_cstr(&b), "&name=%E5%8C%BA%E4%BA%BA%E6%B0%91%E5%8C%BB%E9%99%A2%20A%26B&"));
    assert_non_null(strstr(hc_buf_cstr(&b), "&coordinate=gaode"));
    hc_buf_reset(&b);
    hc_nav_baidu(&b, lon, lat, "区人民医院");
    assert_true(!strncmp(hc_buf_cstr(&b), "https://api.map.baidu.com/marker?location=", 42));
    two_numbers(hc_buf_cstr(&b), "location=", &y, &x);   /* 百度: latitude first */
    near(x, blon, 1e-6);
    near(y, blat, 1e-6);
    assert_non_null(strstr(hc_buf_cstr(&b), "&coord_type=bd09ll"));
    assert_non_null(strstr(hc_buf_cstr(&b), "&title=%E5%8C%BA%E4%BA%BA%E6%B0%91%E5%8C%BB%E9%99%A2"));
    hc_buf_reset(&b);
    hc_nav_walk(&b, lon, lat, "起点,1");
    two_numbers(hc_buf_cstr(&b), "navigation?to=", &x, &y);
    near(x, glon, 1e-6);
    near(y, glat, 1e-6);
    assert_non_null(strstr(hc_buf_cstr(&b), ",%E8%B5%B7%E7%82%B9%2C1&mode=walk"));
    hc_buf_free(&b);
}

/* A node picked in 高德 (coords: gcj02) is stored in WGS-84 by the loader
 * (hc_gcj_to_wgs); its 高德 link must give back the coordinates picked. */
static void links_for_gcj02_node(void **state)
{
    (void)state;
    hc_buf b = HC_BUF_INIT;
    const double picked[][2] = { { 118.93077, 28.93287 }, { 119.10400, 28.87800 }, { 121.4737, 31.2304 } };
    for (size_t i = 0; i < 3; i++) {
        double lon, lat, x, y;
        hc_gcj_to_wgs(picked[i][0], picked[i][1], &lon, &lat);
        hc_buf_reset(&b);
        hc_nav_amap(&b, lon, lat, "n");
        two_numbers(hc_buf_cstr(&b), "position=", &x, &y);
        near(x, picked[i][0], 1.5e-6);
        near(y, picked[i][1], 1.5e-6);
    }
    hc_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(published_points),
        cmocka_unit_test(round_trip_inside_china),
        cmocka_unit_test(outside_china_unchanged),
        cmocka_unit_test(escape),
        cmocka_unit_test(links_for_wgs84_node),
        cmocka_unit_test(links_for_gcj02_node),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
