#!/usr/bin/env python3
"""photogen.py — phone-like test photos for the photo benchmark (issue 12).

    python3 photogen.py DIR [N]

Writes DIR/p01.jpg … pNN.jpg (N defaults to 30): 4000×3000 baseline JPEGs of
3–6 MB, the size a phone writes, drawn with the vips command-line tool:
a sky-to-ground gradient, Perlin and Worley textures at two scales,
buildings with windows, trees, a sun and wires, and sensor noise on top, so
that the encoder sees photographic detail rather than flat colour. exiftool
then writes phone-style tags: Make, Model, DateTimeOriginal, a GPS position,
Artist, and on some photos an EXIF Orientation flag (6, 8 or 3: the pixels
are stored landscape and the flag says how to turn them upright).

Deterministic: every random choice comes from random.Random(seed) and the
vips noise generators get fixed seeds, so the same script writes the same
bytes. Two photos are made at a time (PHOTOGEN_JOBS), intermediates in
/dev/shm when it exists (about 1 GB per photo). DIR/STAMP records the script's own hash and N; when it matches and all
files are there, nothing is done (the photos are a cache).
Standard library only, besides the vips and exiftool programs.
"""
import concurrent.futures
import hashlib
import os
import random
import shutil
import subprocess
import sys
import tempfile

W, H = 4000, 3000
JOBS = int(os.environ.get("PHOTOGEN_JOBS", "2"))
MIN_BYTES, MAX_BYTES = 3_000_000, 6_000_000
# Orientation flags by photo number (1-based); the others carry none.
ORIENT = {2: 6, 5: 8, 9: 6, 13: 3, 17: 6, 22: 8, 26: 6, 29: 3}


def run(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)


def scene(rng):
    """Colours of sky and ground."""
    kinds = [
        ((150, 185, 235), (70, 120, 50)),    # summer: blue sky, green fields
        ((200, 200, 205), (110, 95, 80)),    # overcast, earth
        ((240, 190, 140), (90, 80, 70)),     # evening
        ((175, 205, 240), (150, 150, 145)),  # square: paving
        ((225, 230, 235), (160, 140, 110)),  # hazy, dry
    ]
    sky, ground = rng.choice(kinds)
    jitter = [rng.uniform(-15, 15) for _ in range(3)]
    return [min(255, max(0, c + j)) for c, j in zip(sky, jitter)], list(ground)


def rgb(rng, lo, hi):
    return "#%02x%02x%02x" % tuple(rng.randint(l, h) for l, h in zip(lo, hi))


def shapes_svg(rng):
    """Buildings with windows and roofs, trees, a sun and wires: an SVG the
    size of the photo, composited over the textured background."""
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d">' % (W, H)]
    horizon = rng.randint(1300, 1900)
    if rng.random() < 0.6:   # sun or lamp
        out.append('<circle cx="%d" cy="%d" r="%d" fill="#fff5d7" opacity="0.9"/>' %
                   (rng.randint(200, 3800), rng.randint(150, horizon - 400), rng.randint(60, 160)))
    x = rng.randint(-200, 300)
    while x < W:
        bw, bh = rng.randint(350, 900), rng.randint(300, 1100)
        top = horizon + rng.randint(-150, 150) - bh
        out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="%s"/>' %
                   (x, top, bw, H - top, rgb(rng, (120, 110, 100), (235, 225, 215))))
        if rng.random() < 0.5:   # pitched roof
            out.append('<polygon points="%d,%d %d,%d %d,%d" fill="%s"/>' %
                       (x - 30, top, x + bw // 2, top - rng.randint(120, 300), x + bw + 30, top,
                        rgb(rng, (60, 30, 20), (160, 90, 70))))
        else:
            out.append('<rect x="%d" y="%d" width="%d" height="70" fill="%s"/>' %
                       (x - 20, top - 60, bw + 40, rgb(rng, (60, 30, 20), (160, 90, 70))))
        cols, rows = rng.randint(2, 5), rng.randint(2, 5)
        ww, wh = bw // (2 * cols + 1), bh // (2 * rows + 2)
        glass = rgb(rng, (40, 60, 80), (90, 110, 140))
        for cy in range(rows):
            for cx in range(cols):
                out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="#eee" stroke-width="6"/>' %
                           (x + ww * (2 * cx + 1), top + wh * (2 * cy + 1), ww, wh, glass))
        x += bw + rng.randint(40, 500)
    # a road or square in front
    out.append('<polygon points="%d,%d %d,%d %d,%d %d,%d" fill="%s" opacity="0.85"/>' %
               (rng.randint(1200, 1900), horizon + 200, rng.randint(2100, 2800), horizon + 200,
                W + 800, H, -800, H, rgb(rng, (90, 90, 90), (170, 165, 160))))
    for _ in range(rng.randint(6, 14)):   # trees
        cx, cy, r = rng.randint(0, W), rng.randint(horizon, H), rng.randint(90, 320)
        out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="#463223"/>' % (cx - r // 8, cy, r // 4, r * 2))
        out.append('<ellipse cx="%d" cy="%d" rx="%d" ry="%d" fill="%s"/>' %
                   (cx, cy, r, int(r * rng.uniform(0.8, 1.3)), rgb(rng, (20, 70, 20), (70, 140, 60))))
    for _ in range(rng.randint(1, 3)):     # wires
        out.append('<path d="M0,%d Q%d,%d %d,%d" stroke="#28282d" stroke-width="5" fill="none"/>' %
                   (rng.randint(200, horizon), W // 2, rng.randint(400, horizon), W, rng.randint(200, horizon)))
    out.append('</svg>')
    return "\n".join(out)


def make(path, n, common, work):
    rng = random.Random(12000 + n)
    seed = 1000 + 10 * n
    sky, ground = scene(rng)
    t = lambda name: os.path.join(work, name)
    # texture layers (float, 1 band each)
    run("vips", "perlin", t("p1.v"), str(W), str(H), "--cell-size", str(rng.randint(500, 900)), "--seed", str(seed))
    run("vips", "perlin", t("p2.v"), str(W), str(H), "--cell-size", str(rng.randint(60, 120)), "--seed", str(seed + 1))
    run("vips", "worley", t("w.v"), str(W), str(H), "--cell-size", str(rng.randint(150, 300)), "--seed", str(seed + 2))
    run("vips", "perlin", t("p3.v"), str(W), str(H), "--cell-size", str(rng.randint(12, 24)), "--seed", str(seed + 3))
    run("vips", "gaussnoise", t("n.v"), str(W), str(H), "--sigma", "1", "--mean", "0", "--seed", str(seed + 4))
    # base = recomb([p1, p2, w, y, 1]): gradient from sky to ground plus large-scale texture
    run("vips", "bandjoin", " ".join([t("p1.v"), t("p2.v"), t("w.v"), os.path.join(common, "y.v"),
                                      os.path.join(common, "one.v")]), t("base5.v"))
    a1, a2, a3 = rng.uniform(50, 90), rng.uniform(20, 40), rng.uniform(0.15, 0.3)
    with open(t("base.mat"), "w") as f:
        f.write("5 3\n")
        for b in range(3):
            tint = rng.uniform(0.8, 1.2)
            f.write("%.3f %.3f %.3f %.5f %.3f\n" % (a1 * tint, a2, a3, (ground[b] - sky[b]) / H, sky[b] - a3 * 50))
    run("vips", "recomb", t("base5.v"), t("base.v"), t("base.mat"))
    with open(t("shapes.svg"), "w") as f:
        f.write(shapes_svg(rng))
    run("vips", "cast", t("base.v"), t("base8.v"), "uchar")
    run("vips", "copy", t("base8.v"), t("base8s.v"), "--interpretation", "srgb")
    run("vips", "svgload", t("shapes.svg"), t("shapes.v"))
    run("vips", "composite2", t("base8s.v"), t("shapes.v"), t("comp.v"), "over")
    run("vips", "flatten", t("comp.v"), t("scene.v"))
    # fine detail on everything: small-scale texture and sensor noise (luma and a little chroma)
    run("vips", "bandjoin", " ".join(t(f) for f in ("p3.v", "n.v", "p2.v")), t("fine3.v"))
    k = rng.uniform(7.0, 9.0)
    for attempt in range(6):
        with open(t("fine.mat"), "w") as f:
            f.write("3 3\n")
            for b in range(3):
                f.write("%.3f %.3f %.3f\n" % (18, k * (1 + 0.1 * b), 6 * (b - 1)))
        run("vips", "recomb", t("fine3.v"), t("fine.v"), t("fine.mat"))
        run("vips", "add", t("scene.v"), t("fine.v"), t("sum.v"))
        run("vips", "cast", t("sum.v"), t("u.v"), "uchar")
        run("vips", "copy", t("u.v"), t("srgb.v"), "--interpretation", "srgb")
        run("vips", "jpegsave", t("srgb.v"), path, "--Q", "92", "--subsample-mode", "on", "--strip")
        size = os.path.getsize(path)
        if size < MIN_BYTES:
            k *= 1.5
        elif size > MAX_BYTES:
            k /= 1.5
        else:
            break
    else:
        sys.exit("photogen: %s is %d bytes after 6 tries (want %d–%d)" % (path, size, MIN_BYTES, MAX_BYTES))
    # phone-style metadata
    lat = 28.7 + rng.uniform(0, 0.4)
    lon = 118.6 + rng.uniform(0, 0.6)
    tags = [
        "-Make=BenchPhone", "-Model=BP %d" % (10 + n % 3), "-Software=bench camera 1.0",
        "-DateTimeOriginal=2026:%02d:%02d 09:%02d:00" % (1 + n % 12, 1 + n % 28, n % 60),
        "-Artist=测试 人员 %d" % n, "-GPSLatitude=%.6f" % lat, "-GPSLatitudeRef=N",
        "-GPSLongitude=%.6f" % lon, "-GPSLongitudeRef=E",
        "-XMP-dc:Creator=bench photographer", "-Orientation=%d" % ORIENT.get(n, 1),
    ]
    run("exiftool", "-q", "-n", "-overwrite_original", *tags, path)
    return size


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: photogen.py DIR [N]")
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    for prog in ("vips", "exiftool"):
        if not shutil.which(prog):
            sys.exit("photogen: %s not found (apt-get install %s)" %
                     (prog, "libvips-tools" if prog == "vips" else "libimage-exiftool-perl"))
    with open(__file__, "rb") as f:
        stamp = "%s %d\n" % (hashlib.sha256(f.read()).hexdigest()[:16], n)
    names = ["p%02d.jpg" % i for i in range(1, n + 1)]
    os.makedirs(out, exist_ok=True)
    stamp_path = os.path.join(out, "STAMP")
    if os.path.exists(stamp_path) and open(stamp_path).read() == stamp and \
            all(os.path.exists(os.path.join(out, x)) for x in names):
        return
    if os.path.exists(stamp_path):
        os.remove(stamp_path)
    # intermediate files (about 1 GB per photo being made) in memory when /dev/shm is there
    work = tempfile.mkdtemp(prefix="photogen.", dir="/dev/shm" if os.path.isdir("/dev/shm") else out)
    try:
        common = os.path.join(work, "common")
        os.makedirs(common)
        run("vips", "xyz", os.path.join(common, "xy.v"), str(W), str(H))
        run("vips", "extract_band", os.path.join(common, "xy.v"), os.path.join(common, "y.v"), "1")
        run("vips", "black", os.path.join(common, "z.v"), str(W), str(H))
        run("vips", "linear", os.path.join(common, "z.v"), os.path.join(common, "one.v"), "0", "1")

        def one(i):
            d = os.path.join(work, str(i))
            os.makedirs(d)
            size = make(os.path.join(out, names[i - 1]), i, common, d)
            shutil.rmtree(d)
            print("photogen: %s %.1f MB%s" % (names[i - 1], size / 1e6,
                  ", Orientation=%d" % ORIENT[i] if i in ORIENT else ""), flush=True)
        # two at a time: each photo depends only on its own number
        with concurrent.futures.ThreadPoolExecutor(max_workers=JOBS) as pool:
            for _ in pool.map(one, range(1, n + 1)):
                pass
    finally:
        shutil.rmtree(work, ignore_errors=True)
    with open(stamp_path, "w") as f:
        f.write(stamp)


if __name__ == "__main__":
    main()
