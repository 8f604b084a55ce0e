/* nav.c — see nav.h. */
#include "nav.h"
#include "../../base/gcj02.h"

void hc_nav_escape(hc_buf *out, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
            *p == '.' || *p == '_' || *p == '~')
            hc_buf_printf(out, "%c", *p);
        else
            hc_buf_printf(out, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
    }
}

void hc_nav_amap(hc_buf *out, double lon, double lat, const char *name)
{
    double glon, glat;
    hc_wgs_to_gcj(lon, lat, &glon, &glat);
    hc_buf_printf(out, "https://uri.amap.com/marker?position=%.6f,%.6f&name=", glon, glat);
    hc_nav_escape(out, name);
    hc_buf_puts(out, "&src=huace&coordinate=gaode&callnative=1");
}

void hc_nav_baidu(hc_buf *out, double lon, double lat, const char *name)
{
    double glon, glat, blon, blat;
    hc_wgs_to_gcj(lon, lat, &glon, &glat);
    hc_gcj_to_bd(glon, glat, &blon, &blat);
    hc_buf_printf(out, "https://api.map.baidu.com/marker?location=%.6f,%.6f&title=", blat, blon);
    hc_nav_escape(out, name);
    hc_buf_puts(out, "&content=");
    hc_nav_escape(out, name);
    hc_buf_puts(out, "&output=html&coord_type=bd09ll&src=huace");
}

void hc_nav_walk(hc_buf *out, double lon, double lat, const char *name)
{
    double glon, glat;
    hc_wgs_to_gcj(lon, lat, &glon, &glat);
    hc_buf_printf(out, "https://uri.amap.com/navigation?to=%.6f,%.6f,", glon, glat);
    hc_nav_escape(out, name);
    hc_buf_puts(out, "&mode=walk&coordinate=gaode&callnative=1&src=huace");
}
