#!/bin/sh
# Map layers and geography through the command line, on copies of
# tests/sites/maps-basic/ with GIS files added under content/geo/:
#   a magenta river (GeoJSON, WGS-84) shows in the overview and in the route
#   map it crosses (pixel counts); the same river as a Shapefile in UTM 50N
#   (ogr2ogr) draws the same pixels to within antialiasing; a GeoPackage
#   layer is read; a Shapefile without .prj, one without .dbf, a GeoJSON
#   syntax error, a missing file and bad map_layers: values each get a message
#   naming the file or the place in site.yaml; a layer far away is a warning;
#   the layer's bytes are in the map cache (changed file → redrawn map);
#   node-outside-township is located at the node; coords: gcj02 nodes get
#   高德 links with the coordinates as picked; the example has no node
#   outside its townships; a theme's map_roles: (theme.yaml) styles a role, and a
#   typo there is located; the river shows, pale, under the township guide.
#   Needs gdal-bin (ogr2ogr).
. tests/tools/tap.sh
BASE=tests/sites/maps-basic
command -v ogr2ogr >/dev/null || { notok "ogr2ogr (gdal-bin) is installed"; finish; exit 1; }

site() {   # site <dir>: a fresh copy of maps-basic
    rm -rf "$1"
    cp -r "$BASE" "$1"
}
RIVER='{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"测试河"},"geometry":{"type":"LineString","coordinates":[[119.03,28.892],[119.08,28.894],[119.105,28.893],[119.15,28.895]]}}]}'
layers() {   # layers <dir> <file> : map_layers with a magenta water layer
    cat >>"$1/site.yaml" <<YAML
map_layers:
  - {file: geo/townships.yaml, role: boundary}
  - {file: $2, role: water, stroke: "#ff00ff", width: 4, label: name}
YAML
}
# magenta pixels of a PNG (a small decoder: zlib + the five PNG filters)
cat >"$T/px.py" <<'PY'
import struct, sys, zlib
def pixels(path):
    b = open(path, "rb").read()
    w, h, depth, ctype = struct.unpack(">IIBB", b[16:26])
    assert depth == 8 and ctype in (2, 6), (depth, ctype)
    bpp = 3 if ctype == 2 else 4
    data, i = b"", 8
    while i < len(b):
        n, t = struct.unpack(">I4s", b[i:i + 8])
        if t == b"IDAT": data += b[i + 8:i + 8 + n]
        i += 12 + n
    raw, stride, prev, rows = zlib.decompress(data), w * bpp, bytearray(w * bpp), []
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            c = prev[x - bpp] if x >= bpp else 0
            up = prev[x]
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + up) & 255
            elif f == 3: line[x] = (line[x] + (a + up) // 2) & 255
            elif f == 4:
                p = a + up - c; pa, pb, pc = abs(p - a), abs(p - up), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else up if pb <= pc else c)) & 255
        rows.append(bytes(line)); prev = line
    return w, h, bpp, rows
def magenta(path):
    w, h, bpp, rows = pixels(path)
    return {(x, y) for y, r in enumerate(rows) for x in range(w)
            if r[x * bpp] > 200 and r[x * bpp + 1] < 90 and r[x * bpp + 2] > 200}
def pale_magenta(path):   # magenta mixed with paper (the guides' backdrop)
    w, h, bpp, rows = pixels(path)
    return {(x, y) for y, r in enumerate(rows) for x in range(w)
            if r[x * bpp] > 215 and r[x * bpp + 2] > 215 and r[x * bpp + 1] < min(r[x * bpp], r[x * bpp + 2]) - 45}
if sys.argv[1] == "count":
    print(len(magenta(sys.argv[2])))
elif sys.argv[1] == "pale":
    print(len(pale_magenta(sys.argv[2])))
else:   # same: masks of two images differ by less than 8 % of their size
    a, b = magenta(sys.argv[2]), magenta(sys.argv[3])
    print(len(a), len(b), len(a ^ b))
    sys.exit(0 if a and len(a ^ b) < 0.08 * len(a) else 1)
PY

# 1. GeoJSON in WGS-84: the river is drawn on the overview and the route map it crosses
A="$T/a"; site "$A"
printf '%s\n' "$RIVER" >"$A/content/geo/river.geojson"
layers "$A" geo/river.geojson
"$HUACE" build -s "$A" -o "$T/outa" --today 2026-12-01 --quiet >"$T/log" 2>&1
st=$?
ov=$(python3 "$T/px.py" count "$T/outa/map/overview.png" 2>&1); rt=$(python3 "$T/px.py" count "$T/outa/projects/MB-01/route.png" 2>&1)
if [ $st = 0 ] && [ "$ov" -gt 300 ] 2>/dev/null && [ "$rt" -gt 1000 ] 2>/dev/null; then
    ok "a GeoJSON river shows in the overview ($ov px) and the route map ($rt px)"
else notok "a GeoJSON river shows in the overview ($ov px) and the route map ($rt px), build $st"; sed 's/^/# /' "$T/log"; fi
# the site without it has no magenta at all (the count is the layer's)
B0="$T/b0"; site "$B0"
"$HUACE" build -s "$B0" -o "$T/outb0" --today 2026-12-01 --quiet >/dev/null 2>&1
n0=$(python3 "$T/px.py" count "$T/outb0/projects/MB-01/route.png" 2>&1)
if [ "$n0" = 0 ]; then ok "without the layer: no magenta pixels"; else notok "without the layer: $n0 magenta pixels"; fi

# 2. the same river as a Shapefile in UTM 50N draws the same pixels
B="$T/b"; site "$B"
printf '%s\n' "$RIVER" >"$T/river.geojson"
ogr2ogr -f "ESRI Shapefile" -t_srs EPSG:32650 "$B/content/geo/river.shp" "$T/river.geojson" 2>"$T/ogr"
layers "$B" geo/river.shp
"$HUACE" build -s "$B" -o "$T/outb" --today 2026-12-01 --quiet >"$T/log" 2>&1
if [ $? = 0 ] && python3 "$T/px.py" same "$T/outa/projects/MB-01/route.png" "$T/outb/projects/MB-01/route.png" >"$T/same" 2>&1 &&
   python3 "$T/px.py" same "$T/outa/map/overview.png" "$T/outb/map/overview.png" >>"$T/same" 2>&1; then
    ok "GeoJSON (WGS-84) and Shapefile (UTM 50N) draw the same river: $(tr '\n' ' ' <"$T/same")"
else notok "GeoJSON and Shapefile draw the same river"; sed 's/^/# /' "$T/log" "$T/same"; fi

# 3. a GeoPackage, found under content/geo/ without a map_layers: entry (a line: role road)
C="$T/c"; site "$C"
ogr2ogr -f GPKG -t_srs EPSG:4490 "$C/content/geo/road.gpkg" "$T/river.geojson" 2>>"$T/ogr"
"$HUACE" build -s "$C" -o "$T/outc" --today 2026-12-01 --quiet >"$T/log" 2>&1
st=$?
if [ $st = 0 ] && ! cmp -s "$T/outc/projects/MB-01/route.png" "$T/outb0/projects/MB-01/route.png"; then
    ok "an unlisted GeoPackage under content/geo/ is drawn"
else notok "an unlisted GeoPackage under content/geo/ is drawn (exit $st)"; sed 's/^/# /' "$T/log"; fi

# 4. the layer's bytes are in the map cache: moving the river redraws the route map
cp "$T/outa/projects/MB-01/route.png" "$T/route-a.png"
sed 's/28.893/28.899/' "$A/content/geo/river.geojson" >"$T/r2" && cp "$T/r2" "$A/content/geo/river.geojson"
"$HUACE" build -s "$A" -o "$T/outa" --today 2026-12-01 --quiet >/dev/null 2>&1
if ! cmp -s "$T/route-a.png" "$T/outa/projects/MB-01/route.png"; then ok "a changed layer file redraws the maps"
else notok "a changed layer file redraws the maps"; fi

# 5. bad layers: each named or located (wrong keys stop the load at site.yaml; then the files)
D="$T/d"; site "$D"
cat >>"$D/site.yaml" <<'YAML'
map_layers:
  - {file: geo/townships.yaml, role: "Big River", fill: red, width: 99, dash: [3]}
  - {file: ../etc/passwd}
YAML
"$HUACE" check -s "$D" >"$T/check" 2>&1
st=$?
miss=0
for want in "site.yaml:11:38: error: map layer role 'Big River'" \
            "site.yaml:11:57: error: 'map_layers[].fill' must be a colour" \
            "site.yaml:11:69: error: map_layers[].width must be between 0 and 50 px, not 99" \
            "site.yaml:11:79: error: map_layers[].dash must be a list of 2, 4, 6 or 8" \
            "site.yaml:12:12: error: map_layers[].file '../etc/passwd' must be a path relative to content/"; do
    grep -qF "$want" "$T/check" || { miss=1; echo "# missing: $want"; }
done
if [ $st = 1 ] && [ $miss = 0 ]; then ok "bad map_layers: values: located errors"; else notok "bad map_layers: values (exit $st)"; sed 's/^/# /' "$T/check"; fi
D="$T/d2"; site "$D"
cp "$B/content/geo/river.shp" "$B/content/geo/river.shx" "$D/content/geo/"     # no .dbf
printf '{"type": "FeatureCollection", "features": [\n' >"$D/content/geo/broken.geojson"
printf 'map_layers:\n  - {file: geo/nowhere.geojson}\n' >>"$D/site.yaml"
"$HUACE" check -s "$D" >"$T/check" 2>&1
st=$?
miss=0
for want in "content/geo/river.shp: error: this Shapefile has no .dbf file beside it" \
            "content/geo/broken.geojson: error: GDAL cannot read this map layer" \
            "site.yaml:11:5: error: map layer file 'content/geo/nowhere.geojson' does not exist"; do
    grep -qF "$want" "$T/check" || { miss=1; echo "# missing: $want"; }
done
if [ $st = 1 ] && [ $miss = 0 ]; then ok "broken layer files: errors naming them"; else notok "broken layer files (exit $st)"; sed 's/^/# /' "$T/check"; fi
E="$T/e"; site "$E"
cp "$B/content/geo/river.shp" "$B/content/geo/river.shx" "$B/content/geo/river.dbf" "$E/content/geo/"   # no .prj
"$HUACE" check -s "$E" >"$T/check" 2>&1
if [ $? = 1 ] && grep -qF "content/geo/river.shp: error: layer 'river' declares no coordinate system" "$T/check"; then
    ok "a Shapefile without .prj is an error naming it"
else notok "a Shapefile without .prj is an error naming it"; sed 's/^/# /' "$T/check"; fi

# 6. a layer far from the district (coordinates swapped) is a warning
F="$T/f"; site "$F"
printf '%s\n' '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[28.89,119.03],[28.9,119.1]]}}]}' \
    | sed 's/119.1]/89.1]/; s/119.03]/89.03]/' >"$F/content/geo/far.geojson"
"$HUACE" check -s "$F" >"$T/check" 2>&1
if grep -qF "content/geo/far.geojson: warning: map layer 'geo/far.geojson'" "$T/check" && grep -q "layer-outside" "$T/check"; then
    ok "a layer away from the district is a warning"
else notok "a layer away from the district is a warning"; sed 's/^/# /' "$T/check"; fi

# 7. node-outside-township, located at the node (MB-01 is in 东镇; its node d moved into 西镇)
G="$T/g"; site "$G"
sed 's/lon: 119.108, lat: 28.889/lon: 119.060, lat: 28.880/' "$BASE/content/projects/mb-01.yaml" >"$G/content/projects/mb-01.yaml"
"$HUACE" check -s "$G" >"$T/check" 2>&1
line=$(grep -n "id: d," "$G/content/projects/mb-01.yaml" | cut -d: -f1)
if grep -qF "content/projects/mb-01.yaml:$line:5: warning: node 'd' (党建公园) at 119.06000 E, 28.88000 N lies outside its unit's townships (东镇), in 西镇" "$T/check" &&
   ! "$HUACE" check -s "$BASE" 2>&1 | grep -q "node-outside-township"; then
    ok "node-outside-township is located at the node (and silent for the fixture as it is)"
else notok "node-outside-township"; sed 's/^/# /' "$T/check"; fi

# 8. node-spread: a 示范点 (MB-03, point) with a node 8 km away
sed 's/lon: 119.050, lat: 28.880, status: red}/lon: 119.050, lat: 28.880, status: red}\n  - {id: far, name: "远处", lon: 119.050, lat: 28.952}/' \
    "$BASE/content/projects/mb-03.yaml" >"$G/content/projects/mb-03.yaml"
"$HUACE" check -s "$G" >"$T/check" 2>&1
if grep -q "mb-03.yaml:[0-9]*:5: warning: nodes 'only' and 'far' of this 示范点 are 8.0 km apart" "$T/check"; then
    ok "node-spread: a 示范点 over 8 km is a warning at the far node"
else notok "node-spread"; sed 's/^/# /' "$T/check"; fi

# 9. coords: gcj02 — the node is stored in WGS-84 and its 高德 link gives back the picked coordinates
H="$T/h"; site "$H"
{ echo "coords: gcj02"; cat "$BASE/content/projects/mb-03.yaml"; } >"$H/content/projects/mb-03.yaml"
"$HUACE" build -s "$H" -o "$T/outh" --today 2026-12-01 --quiet >"$T/log" 2>&1
st=$?
if [ $st = 0 ] && grep -q 'uri.amap.com/marker?position=119.050000,28.880000&amp;name=%E8%A5%BF' "$T/outh/projects/MB-03/index.html" &&
   grep -q 'uri.amap.com/marker?position=119.05[0-9]*,28.87[0-9]*&amp;name=%E8%A5%BF' "$T/outa/projects/MB-03/index.html" &&
   ! grep -q 'position=119.050000,28.880000' "$T/outa/projects/MB-03/index.html"; then
    ok "coords: gcj02 nodes link to 高德 at the picked point; wgs84 nodes are shifted to GCJ-02"
else notok "coords: gcj02 links (build $st)"; sed 's/^/# /' "$T/log"; grep -o 'uri.amap.com/marker[^"]*' "$T/outh/projects/MB-03/index.html" "$T/outa/projects/MB-03/index.html" | sed 's/^/# /'; fi
grep -q 'api.map.baidu.com/marker?location=28.88[0-9]*,119.05[0-9]*&amp;title=' "$T/outh/projects/MB-03/index.html" &&
grep -q 'class="nav-start"><a class="button" href="https://uri.amap.com/navigation?to=' "$T/outa/projects/MB-01/index.html" &&
grep -q '<tr id="a">' "$T/outa/projects/MB-01/index.html"
if [ $? = 0 ]; then ok "百度 links (BD-09, latitude first), 导航到起点 and node anchors"; else notok "百度 links, 导航到起点, anchors"; fi

# 10. the example: no node outside its townships, no spread warning
"$HUACE" check -s . >"$T/check" 2>&1
if ! grep -q "node-outside-township\|node-spread\|layer-" "$T/check" && grep -q "0 errors" "$T/check"; then
    ok "the example has no node outside its townships"
else notok "the example has no node outside its townships"; grep "node-\|layer-\|error" "$T/check" | sed 's/^/# /'; fi
# 11. role styles come from the theme (theme.yaml map_roles:); map_layers: keys override them
K="$T/k"; site "$K"
mkdir -p "$K/themes" && cp -r themes/default "$K/themes/mine"
sed 's/^  water: .*/  water: {fill: "#b7d6ea", stroke: "#ff00ff", width: 4, label: name}/' themes/default/theme.yaml >"$K/themes/mine/theme.yaml"
printf '%s\n' "$RIVER" >"$K/content/geo/river.geojson"
printf 'theme: mine\nmap_layers:\n  - {file: geo/townships.yaml, role: boundary}\n  - {file: geo/river.geojson, role: water}\n' >>"$K/site.yaml"
"$HUACE" build -s "$K" -o "$T/outk" --today 2026-12-01 --quiet >"$T/log" 2>&1
st=$?
rk=$(python3 "$T/px.py" count "$T/outk/projects/MB-01/route.png" 2>&1)
sed -i 's/role: water}/role: water, stroke: "#00a000"}/' "$K/site.yaml"
"$HUACE" build -s "$K" -o "$T/outk2" --today 2026-12-01 --quiet >>"$T/log" 2>&1
rk2=$(python3 "$T/px.py" count "$T/outk2/projects/MB-01/route.png" 2>&1)
if [ $st = 0 ] && [ "$rk" -gt 1000 ] 2>/dev/null && [ "$rk2" = 0 ]; then
    ok "a theme's map_roles: water stroke draws the river ($rk magenta px); site.yaml's stroke overrides it (0 px)"
else notok "theme map_roles: water stroke ($rk px, build $st), overridden ($rk2 px)"; sed 's/^/# /' "$T/log"; fi
sed 's/^  road: {fill: none, stroke/  road: {fill: none, strok/' themes/default/theme.yaml >"$K/themes/mine/theme.yaml"
"$HUACE" check -s "$K" >"$T/check" 2>&1
st=$?
line=$(grep -n "^  road:" "$K/themes/mine/theme.yaml" | cut -d: -f1)
if [ $st = 1 ] && grep -q "^themes/mine/theme.yaml:$line:[0-9]*: error: .*'strok'.*stroke" "$T/check"; then
    ok "a typo in theme.yaml's map_roles: is a located error with the likely key"
else notok "a typo in theme.yaml's map_roles: (exit $st)"; sed 's/^/# /' "$T/check"; fi

# 12. the township guides draw the layers, pale, under the chart: the river crosses 东镇's guide
g1=$(python3 "$T/px.py" pale "$T/outk/townships/dongzhen/guide.png" 2>&1)
g0=$(python3 "$T/px.py" pale "$T/outb0/townships/dongzhen/guide.png" 2>&1)
gp=$(python3 "$T/px.py" pale "$T/outk/townships/dongzhen/guide-phone.png" 2>&1)
if [ "$g0" = 0 ] && [ "$g1" -gt 200 ] 2>/dev/null && [ "$gp" -gt 50 ] 2>/dev/null; then
    ok "the river shows (pale) under 东镇's guide ($g1 px) and its phone variant ($gp px)"
else notok "the river under 东镇's guide: $g1 px, phone $gp px, without the layer $g0 px"; fi
finish
