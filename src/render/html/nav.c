/* nav.c — see nav.h. */
#include "nav.h"
#include "../../base/gcj02.h"
#include "../../base/utf8.h"
#include <string.h>

void hc_nav_amap(hc_buf *out, double lon, double lat, const char *name)
{
    double glon, glat;
    hc_wgs_to_gcj(lon, lat, &glon, &glat);
    hc_buf_printf(out, "https://uri.amap.com/marker?position=%.6f,%.6f&name=", glon, glat);
    hc_escape_url_value(out, name, strlen(name));
    hc_buf_puts(out, "&src=huace&coordinate=gaode&callnative=1");
}

void hc_nav_baidu(hc_buf *out, double lon, double lat, const char *name)
{
    double glon, glat, blon, blat;
    hc_wgs_to_gcj(lon, lat, &glon, &glat);
    hc_gcj_to_bd(glon, glat, &blon, &blat);
    hc_buf_printf(out, "https://api.map.baidu.com/marker?location=%.6f,%.6f&title=", blat, blon);
    hc_escape_url_value(out, name, strlen(name));
    hc_buf_puts(out, "&content=");
    hc_escape_url_value(out, name, strlen(name));
    hc_buf_puts(out, "&output=html&coord_type=bd09ll&src=huace");
}

void hc_nav_walk(hc_buf *out, double lon, double lat, const char *name)
{
    double glon, glat;
    hc_wgs_to_gcj(lon, lat, &glon, &glat);
    hc_buf_printf(out, "https://uri.amap.com/navigation?to=%.6f,%.6f,", glon, glat);
    hc_escape_url_value(out, name, strlen(name));
    hc_buf_puts(out, "&mode=walk&coordinate=gaode&callnative=1&src=huace");
}
