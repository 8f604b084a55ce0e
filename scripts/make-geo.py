#!/usr/bin/env python3
"""Makes the example's map layers in content/geo/ (示意: invented geography).

    python3 scripts/make-geo.py      # needs python3-shapely (GEOS) and gdal-bin (ogr2ogr)

Townships: a jittered grid of points over the district, each given to the
nearest township seat (distance bent by a smooth deterministic wave so the
borders wander), every node of the example given to its own township; the
Voronoi cells of the points, clipped to a district outline and merged per
township, tile the district with no gaps or overlaps (neighbours share the
same vertices) and every node lies inside its township.
Rivers (衢江, 乌溪江) and roads are smooth curves through hand-picked points.
Outputs: townships.geojson (CGCS2000, EPSG:4490), rivers.geojson (WGS-84),
roads.gpkg (UTM zone 50N, EPSG:32650, through ogr2ogr) — three formats and
CRSs, so the build exercises GDAL's drivers and PROJ. Same input, same bytes.
"""
import glob, json, math, os, random, subprocess, sys, tempfile
import yaml
from shapely.geometry import MultiPoint, Point, Polygon, LineString, mapping
from shapely.ops import unary_union, voronoi_diagram
from shapely.strtree import STRtree

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEO = os.path.join(ROOT, "content", "geo")
SEATS = {  # approximate township seats (invented)
    "莲花镇": (118.780, 29.055), "杜泽镇": (118.920, 29.058), "峡川镇": (119.030, 29.062),
    "上方镇": (119.140, 29.050), "后溪镇": (118.765, 28.965), "樟潭街道": (118.890, 28.962),
    "全旺镇": (118.998, 28.972), "高家镇": (119.118, 28.972), "浮石街道": (118.876, 28.883),
    "廿里镇": (118.992, 28.884), "周家乡": (119.112, 28.874), "湖南镇": (118.895, 28.775),
    "大洲镇": (119.058, 28.778),
}
COS = math.cos(math.radians(28.9))

def outline():
    """The district: a wobbly ring around the seats."""
    cx, cy, pts = 118.95, 28.905, []
    for i in range(72):
        a = 2 * math.pi * i / 72
        r = 1 + 0.06 * math.sin(3 * a + 0.7) + 0.04 * math.sin(7 * a + 2.1) + 0.02 * math.sin(13 * a)
        pts.append((cx + 0.27 * r * math.cos(a), cy + 0.215 * r * math.sin(a)))
    return Polygon(pts)

def nearest(x, y):
    best, name = None, None
    for n, (sx, sy) in sorted(SEATS.items()):
        d = math.hypot((x - sx) * COS, y - sy)
        d *= 1 + 0.10 * math.sin(x * 61 + y * 17) + 0.07 * math.sin(y * 83 - x * 29)
        if best is None or d < best:
            best, name = d, n
    return name

def node_points():
    """(lon, lat, township) for every node; multi-township units by cluster."""
    split = {"QJ-D-01": ["樟潭街道"] * 3 + ["浮石街道"] * 2, "QJ-D-02": ["樟潭街道"] * 2 + ["廿里镇"] * 3,
             "QJ-D-03": ["峡川镇"] * 2 + ["上方镇"] * 2, "QJ-B-08": ["高家镇"] * 3 + ["上方镇"] * 2}
    out = []
    for f in sorted(glob.glob(os.path.join(ROOT, "content", "projects", "*.yaml"))):
        d = yaml.safe_load(open(f, encoding="utf-8"))
        nodes = d.get("nodes") or []
        towns = split.get(d["id"], [d["townships"][0]] * len(nodes))
        out += [(n["lon"], n["lat"], t) for n, t in zip(nodes, towns)]
    return out

def townships(district):
    rnd, step, pts = random.Random(17), 0.006, {}
    x0, y0, x1, y1 = district.bounds
    y = y0 - step
    while y < y1 + step:
        x = x0 - step
        while x < x1 + step:
            px, py = x + rnd.uniform(-0.4, 0.4) * step, y + rnd.uniform(-0.4, 0.4) * step
            pts[(round(px, 6), round(py, 6))] = nearest(px, py)
            x += step
        y += step
    for lon, lat, t in node_points():
        for k in list(pts):   # a node owns its neighbourhood: no grid point crowds it
            if math.hypot(k[0] - lon, k[1] - lat) < step * 0.8:
                del pts[k]
        pts[(lon, lat)] = t
    cells = voronoi_diagram(MultiPoint(list(pts)))   # (an envelope= crashes shapely 1.8)
    tree = STRtree([Point(k) for k in pts])
    groups = {}
    for c in cells.geoms:   # each cell holds exactly its generating point
        gen = [q for q in tree.query(c) if c.intersects(q)]
        t = pts[(gen[0].x, gen[0].y)] if gen else nearest(*c.representative_point().coords[0])
        groups.setdefault(t, []).append(c)
    feats = []
    for t in sorted(groups):
        g = unary_union(groups[t]).intersection(district)
        feats.append({"type": "Feature", "properties": {"name": t, "kind": "乡镇（街道）界线（示意）"},
                      "geometry": rounded(mapping(g))})
    return feats

def rounded(geom):
    def r(c):
        if isinstance(c[0], (int, float)):
            return [round(c[0], 5), round(c[1], 5)]
        return [r(x) for x in c]
    return {"type": geom["type"], "coordinates": r(geom["coordinates"])}

def smooth(ctrl, n=12):
    """Catmull-Rom through the control points."""
    p = [ctrl[0]] + ctrl + [ctrl[-1]]
    out = []
    for i in range(1, len(p) - 2):
        for s in range(n):
            t = s / n
            out.append(tuple(0.5 * ((2 * p[i][j]) + (-p[i - 1][j] + p[i + 1][j]) * t +
                                    (2 * p[i - 1][j] - 5 * p[i][j] + 4 * p[i + 1][j] - p[i + 2][j]) * t * t +
                                    (-p[i - 1][j] + 3 * p[i][j] - 3 * p[i + 1][j] + p[i + 2][j]) * t ** 3)
                         for j in range(2)))
    out.append(tuple(ctrl[-1]))
    return [[round(x, 5), round(y, 5)] for x, y in out]

RIVERS = {
    "衢江": [(118.66, 28.925), (118.74, 28.935), (118.80, 28.952), (118.845, 28.955), (118.872, 28.952),
             (118.90, 28.945), (118.93, 28.955), (118.965, 28.988), (119.02, 28.992), (119.07, 29.012),
             (119.11, 29.013), (119.16, 29.016), (119.24, 29.03)],
    "乌溪江": [(118.92, 28.68), (118.905, 28.73), (118.885, 28.76), (118.882, 28.79), (118.862, 28.83),
              (118.852, 28.87), (118.858, 28.91), (118.862, 28.935), (118.872, 28.952)],
}
ROADS = {
    "沪昆高速": [(118.66, 28.905), (118.78, 28.918), (118.86, 28.918), (118.94, 28.928), (119.03, 28.945),
             (119.10, 28.962), (119.24, 28.99)],
    "46省道": [(118.935, 29.13), (118.94, 29.06), (118.93, 29.0), (118.935, 28.96), (118.945, 28.92),
             (118.962, 28.86), (118.95, 28.79), (118.93, 28.70)],
    "衢龙公路": [(118.89, 28.962), (118.96, 28.975), (119.05, 28.985), (119.16, 29.0), (119.22, 29.05)],
}

def lines(table, kind):
    return [{"type": "Feature", "properties": {"name": n, "kind": kind},
             "geometry": {"type": "LineString", "coordinates": smooth(c)}} for n, c in table.items()]

def write(path, feats, crs=None):
    fc = {"type": "FeatureCollection", "name": os.path.splitext(os.path.basename(path))[0]}
    if crs:
        fc["crs"] = {"type": "name", "properties": {"name": crs}}
    fc["features"] = feats
    with open(path, "w", encoding="utf-8") as f:
        json.dump(fc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")

def main():
    district = outline()
    write(os.path.join(GEO, "townships.geojson"), townships(district), "urn:ogc:def:crs:EPSG::4490")
    write(os.path.join(GEO, "rivers.geojson"), lines(RIVERS, "河流（示意）"))
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "roads.geojson")
        write(src, lines(ROADS, "道路（示意）"))
        out = os.path.join(GEO, "roads.gpkg")
        if os.path.exists(out):
            os.remove(out)
        subprocess.run(["ogr2ogr", "-f", "GPKG", "-t_srs", "EPSG:32650", "-nln", "roads", out, src], check=True,
                       env=dict(os.environ, OGR_CURRENT_DATE="2026-01-01T00:00:00Z"))

if __name__ == "__main__":
    main()
