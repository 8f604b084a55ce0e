#!/usr/bin/env python3
"""layersgen.py DIR — two heavy map layers for tests/bench/layers.sh (issue 17 §6).

DIR/villages.geojson: about 5 MB, the boundaries of 320 villages (衢江区
has about that many) over the example district: a grid of cells whose
edges wander, a vertex every 25 m or so (about 250,000 vertices).
DIR/village-roads.geojson: about 20 MB, roads and tracks digitised every 8 m (about
1,000,000 vertices, 8,000 km: the road length of a 2,000 km² county),
gently curving as roads do. Both WGS-84 (named), fixed seed: the same bytes
every run.
"""
import json, math, random, sys

W, E, S, N = 118.69, 119.24, 28.67, 29.12        # the example's townships
CRS = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}
rnd = random.Random(17)


def wobble(a, b, steps):
    """Points from a to b (excluded), with a deterministic sideways wander."""
    (x0, y0), (x1, y1) = a, b
    out = []
    for i in range(steps):
        t = i / steps
        s = math.sin(t * math.pi * 3 + x0 * 40 + y0 * 70) * 0.0015
        out.append([round(x0 + (x1 - x0) * t + s * (y1 - y0) * 20, 6),
                    round(y0 + (y1 - y0) * t - s * (x1 - x0) * 20, 6)])
    return out


def villages(path, nx=20, ny=16, steps=190):
    feats = []
    dx, dy = (E - W) / nx, (N - S) / ny
    for j in range(ny):
        for i in range(nx):
            c = [(W + i * dx, S + j * dy), (W + (i + 1) * dx, S + j * dy),
                 (W + (i + 1) * dx, S + (j + 1) * dy), (W + i * dx, S + (j + 1) * dy)]
            ring = []
            for k in range(4):
                ring += wobble(c[k], c[(k + 1) % 4], steps)
            ring.append(ring[0])
            feats.append({"type": "Feature", "properties": {"name": f"村{j * nx + i + 1}"},
                          "geometry": {"type": "Polygon", "coordinates": [ring]}})
    json.dump({"type": "FeatureCollection", "crs": CRS, "features": feats}, open(path, "w"),
              ensure_ascii=False, separators=(",", ":"))


def tracks(path, n=500, steps=2000):
    step = 8 / 111000                  # 8 m, in degrees (near enough)
    feats = []
    for k in range(n):
        x, y = rnd.uniform(W, E), rnd.uniform(S, N)
        h = rnd.uniform(0, 2 * math.pi)
        pts = []
        for _ in range(steps):
            h += rnd.uniform(-0.04, 0.04)
            x = min(E, max(W, x + math.cos(h) * step))
            y = min(N, max(S, y + math.sin(h) * step))
            pts.append([round(x, 6), round(y, 6)])
        feats.append({"type": "Feature", "properties": {"name": f"村道{k + 1}"},
                      "geometry": {"type": "LineString", "coordinates": pts}})
    json.dump({"type": "FeatureCollection", "crs": CRS, "features": feats}, open(path, "w"),
              ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    villages(sys.argv[1] + "/villages.geojson")
    tracks(sys.argv[1] + "/village-roads.geojson")
