#!/bin/sh
# Maps through the command line: `huace build` writes every map image of
# tests/sites/maps-basic/ (and the phone variants, served with a media query)
# with the right size and format, the same bytes on
# every build; `huace check` reports malformed map input with locations; a
# missing CJK font fails the build with a message naming fonts-noto-cjk and
# leaves the previous output as it was.
. tests/tools/tap.sh
SITE=tests/sites/maps-basic

"$HUACE" build -s "$SITE" -o "$T/out" --today 2026-12-01 --quiet >"$T/log" 2>&1
if [ $? = 0 ]; then ok "build maps-basic"; else notok "build maps-basic"; sed 's/^/# /' "$T/log"; fi

# every image: file, format, size (python reads the PNG header / WebP chunk)
if python3 - "$T/out" <<'PY' >"$T/py" 2>&1
import os, struct, sys
out = sys.argv[1]
def png(rel):
    b = open(os.path.join(out, rel), "rb").read()
    assert b[:8] == b"\x89PNG\r\n\x1a\n", rel + ": not a PNG"
    w, h = struct.unpack(">II", b[16:24])
    dpi = None
    i = b.find(b"pHYs")
    if i > 0:
        x, y, unit = struct.unpack(">IIB", b[i + 4:i + 13])
        dpi = round(x * 0.0254) if unit == 1 else None
    return w, h, dpi
def webp(rel):
    b = open(os.path.join(out, rel), "rb").read()
    assert b[:4] == b"RIFF" and b[8:12] == b"WEBP", rel + ": not a WebP"
want = {
    "projects/MB-01/route.png": (1200, 800), "projects/MB-01/route@2x.png": (2400, 1600),
    "projects/MB-03/route.png": (1200, 800), "projects/MB-04/route@2x.png": (2400, 1600),
    "map/overview.png": (1200, 800), "map/overview@2x.png": (2400, 1600),
    "print/board-a2.png": (4961, 7016),
}
for rel, size in want.items():
    w, h, dpi = png(rel)
    assert (w, h) == size, f"{rel}: {w}x{h}, want {size}"
assert png("print/board-a2.png")[2] == 300, "poster is not 300 dpi"
assert png("board/board.png")[0] == 1600
assert png("townships/dongzhen/guide.png")[0] == 1000
assert png("townships/xizhen/guide.png")[0] == 1000
for rel in ("projects/MB-01/route.webp", "projects/MB-03/route.webp", "projects/MB-04/route.webp"):
    webp(rel)
for rel in ("projects/MB-02/route.png", "projects/MB-02/route@2x.png", "projects/MB-02/route.webp"):
    assert not os.path.exists(os.path.join(out, rel)), rel + " exists for a unit without nodes"
PY
then ok "every map image has its size and format"; else notok "every map image has its size and format"; sed 's/^/# /' "$T/py"; fi

# phone variants: for every route map, the overview and every township guide
# a 375-px-wide portrait PNG, its @2x (750 px, twice as high) and WebP at both
# sizes; the page shows them through <source media> with their size, and the
# overview has a 48-px tap square (≥ 44 CSS px at 343 px) per placed unit
if python3 - "$T/out" <<'PY' >"$T/py" 2>&1
import os, re, struct, sys
out = sys.argv[1]
def png(rel):
    b = open(os.path.join(out, rel), "rb").read()
    assert b[:8] == b"\x89PNG\r\n\x1a\n", rel + ": not a PNG"
    return struct.unpack(">II", b[16:24])
def webp(rel):
    b = open(os.path.join(out, rel), "rb").read()
    assert b[:4] == b"RIFF" and b[8:12] == b"WEBP", rel + ": not a WebP"
    if b[12:16] == b"VP8 ":
        return tuple(v & 0x3fff for v in struct.unpack("<HH", b[26:30]))
    if b[12:16] == b"VP8X":
        return (int.from_bytes(b[24:27], "little") + 1, int.from_bytes(b[27:30], "little") + 1)
    if b[12:16] == b"VP8L":
        v = int.from_bytes(b[21:25], "little")
        return ((v & 0x3fff) + 1, ((v >> 14) & 0x3fff) + 1)
    raise AssertionError(rel + ": unknown WebP chunk")
maps = []   # (folder, stem, page)
for d in sorted(os.listdir(os.path.join(out, "projects"))):
    if os.path.exists(os.path.join(out, "projects", d, "route.png")):
        maps.append((f"projects/{d}/", "route", f"projects/{d}/index.html"))
for d in sorted(os.listdir(os.path.join(out, "townships"))):
    if os.path.exists(os.path.join(out, "townships", d, "guide.png")):
        maps.append((f"townships/{d}/", "guide", f"townships/{d}/index.html"))
maps.append(("map/", "overview", "map/index.html"))
assert len([m for m in maps if m[1] == "route"]) == 3 and len([m for m in maps if m[1] == "guide"]) == 2, maps
for folder, stem, page in maps:
    base = folder + stem + "-phone"
    w, h = png(base + ".png")
    assert w == 375 and h > w, f"{base}.png: {w}x{h}, want 375 wide and portrait"
    assert png(base + "@2x.png") == (750, 2 * h), f"{base}@2x.png: {png(base + '@2x.png')}"
    assert webp(base + ".webp") == (375, h), f"{base}.webp: {webp(base + '.webp')}"
    assert webp(base + "@2x.webp") == (750, 2 * h), f"{base}@2x.webp: {webp(base + '@2x.webp')}"
    html = open(os.path.join(out, page), encoding="utf-8").read()
    for pat in (rf'<source media="\(max-width: 600px\)" type="image/webp" srcset="[^"]*{stem}-phone\.webp 1x, [^"]*{stem}-phone@2x\.webp 2x" width="375" height="{h}">',
                rf'<source media="\(max-width: 600px\)" srcset="[^"]*{stem}-phone\.png 1x, [^"]*{stem}-phone@2x\.png 2x" width="375" height="{h}">',
                rf'<a class="zoom" href="[^"]*" data-pswp-width="\d+" data-pswp-height="\d+" data-phone-src="[^"]*{stem}-phone@2x\.png" data-phone-width="750" data-phone-height="{2 * h}">'):
        assert re.search(pat, html), f"{page}: no match for {pat}"
    assert re.search(r'<img src="[^"]*' + stem + r'\.png"[^>]* width="\d+" height="\d+"', html), page + ": img without its size"
html = open(os.path.join(out, "map/index.html"), encoding="utf-8").read()
phone = html[html.index('class="markers on-phone"'):]
sizes = re.findall(r'<a class="marker" href="[^"]*" style="left:[\d.]+%;top:[\d.]+%;width:([\d.]+)%"', phone)
assert len(sizes) == 3 and all(abs(float(s) - 100 * 48 / 375) < 0.01 for s in sizes), sizes
names = re.findall(r'<a class="name" href="[^"]*" style="left:[\d.]+%;top:[\d.]+%;width:[\d.]+%;height:[\d.]+%" tabindex="-1" aria-hidden="true">', phone)
assert 1 <= len(names) <= 3, names
PY
then ok "phone variants: 375 px portrait, @2x, WebP, served with a media query"; else notok "phone variants: 375 px portrait, @2x, WebP, served with a media query"; sed 's/^/# /' "$T/py"; fi

# board cells: a short name beside the number (short_name, or derived from the name)
if grep -qF '<span class="num">MB-03</span> <span class="short">西镇行业</span>' "$T/out/board/index.html" &&
   grep -qF '<span class="num">MB-01</span> <span class="short">东镇</span>' "$T/out/board/index.html"; then
    ok "board cells show the short name"
else
    notok "board cells show the short name"; grep -o '<a class="cell"[^§]*</a>' "$T/out/board/index.html" | head -3 | sed 's/^/# /'
fi

# same input, same bytes: a fresh build, and a rebuild over the first output
"$HUACE" build -s "$SITE" -o "$T/again" --today 2026-12-01 --quiet >/dev/null 2>&1
same=1
for f in projects/MB-01/route.png projects/MB-01/route@2x.png projects/MB-01/route.webp map/overview.png \
         board/board.png print/board-a2.png townships/dongzhen/guide.png \
         projects/MB-01/route-phone.png projects/MB-01/route-phone@2x.webp map/overview-phone.png \
         map/overview-phone@2x.webp townships/dongzhen/guide-phone.png townships/xizhen/guide-phone@2x.png map/index.html; do
    cmp -s "$T/out/$f" "$T/again/$f" || { same=0; echo "# $f differs"; }
done
if [ $same = 1 ]; then ok "two builds give byte-identical maps"; else notok "two builds give byte-identical maps"; fi
# a rebuild with another data date: route maps are reused as they were, the
# poster (which shows the date) is drawn again
cp "$T/out/print/board-a2.png" "$T/poster-before.png"
cp "$T/out/projects/MB-01/route.png" "$T/route-before.png"
"$HUACE" build -s "$SITE" -o "$T/out" --today 2026-12-02 --quiet >/dev/null 2>&1
if cmp -s "$T/route-before.png" "$T/out/projects/MB-01/route.png" && [ -s "$T/out/projects/MB-04/route.webp" ] &&
   ! cmp -s "$T/poster-before.png" "$T/out/print/board-a2.png"; then
    ok "a rebuild keeps unchanged maps and redraws changed ones"
else
    notok "a rebuild keeps unchanged maps and redraws changed ones"
fi
cp "$T/out/print/board-a2.png" "$T/poster-before.png"

# malformed map input: located errors
"$HUACE" check -s tests/sites/maps-bad >"$T/check" 2>&1
st=$?
miss=0
for want in "content/geo/bad.yaml:3:14: error: an outline needs at least 3 points" \
            "content/geo/bad.yaml:5:31: error: longitude 181 is outside -180..180" \
            "content/geo/bad.yaml:7:38: error: latitude 91 is outside -90..90" \
            "content/geo/bad.yaml:14:5: error: a township outline needs a 'name'" \
            "content/projects/bad-01.yaml:6:32: error: longitude 190.5 is outside -180..180" \
            "content/projects/bad-01.yaml:8:15: error: route names node 'nowhere'" \
            "content/projects/bad-01.yaml:9:13: error: short_name '一二三四五六七八九' must be 1 to 8 characters"; do
    grep -qF "$want" "$T/check" || { miss=1; echo "# missing: $want"; }
done
if [ $st = 1 ] && [ $miss = 0 ]; then ok "bad map input gives located errors"; else notok "bad map input gives located errors (exit $st)"; sed 's/^/# /' "$T/check"; fi

# no CJK font: the build fails, names the package, leaves the output alone
# (another date, so that the build is not a no-op)
printf '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n' >"$T/fonts.conf"
ls -R "$T/out" >"$T/before"
FONTCONFIG_FILE="$T/fonts.conf" "$HUACE" build -s "$SITE" -o "$T/out" --today 2026-12-03 --quiet >"$T/nofont" 2>&1
st=$?
ls -R "$T/out" >"$T/after"
if [ $st = 1 ] && grep -q "fonts-noto-cjk" "$T/nofont" && cmp -s "$T/before" "$T/after" &&
   cmp -s "$T/poster-before.png" "$T/out/print/board-a2.png"; then
    ok "a missing CJK font fails the build and names fonts-noto-cjk"
else
    notok "a missing CJK font fails the build and names fonts-noto-cjk (exit $st)"; sed 's/^/# /' "$T/nofont"
fi
finish
