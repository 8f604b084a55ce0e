/* nav.h — links that open a node in the phone map apps (导航).
 *
 * Coordinates in the model are WGS-84; each app gets the system it expects,
 * converted here (base/gcj02.h), with the node's name percent-encoded:
 *   高德  https://uri.amap.com/marker?position=<GCJ-02 lon>,<lat>&name=…&src=huace&coordinate=gaode&callnative=1
 *   百度  https://api.map.baidu.com/marker?location=<BD-09 lat>,<lon>&title=…&content=…&output=html&coord_type=bd09ll&src=huace
 *   walk  https://uri.amap.com/navigation?to=<GCJ-02 lon>,<lat>,…&mode=walk&coordinate=gaode&callnative=1&src=huace
 * (walking navigation in 高德 from where the phone is). Six decimals: 0.1 m.
 * The result is a URL; HTML-escape it where it is written (templates do). */
#ifndef HC_HTML_NAV_H
#define HC_HTML_NAV_H
#include "../../base/buf.h"

void hc_nav_amap(hc_buf *out, double lon, double lat, const char *name);
void hc_nav_baidu(hc_buf *out, double lon, double lat, const char *name);
void hc_nav_walk(hc_buf *out, double lon, double lat, const char *name);

#endif
