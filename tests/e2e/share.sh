#!/bin/sh
# Sharing and discovery on the built example site: Open Graph and Twitter
# tags on every page, with absolute URLs that agree with the canonical link;
# every og:image is a 1200×630 JPEG of the output; sitemap.xml lists every
# HTML page but the 404 page, in the same URL form; the favicon set exists at
# its sizes; share images are reused when their inputs did not change and
# drawn again when a title changes; without base_url no relative URL is
# passed off as absolute (no canonical, og:url, og:image or sitemap).
. tests/tools/tap.sh
mkdir "$T/site" && cp -R content seeds assets site.yaml "$T/site/"   # the theme: beside the huace binary
# no album: share images do not come from it, and it is most of the build's time
sed -i 's/^print:$/print:\n  enabled: false/' "$T/site/site.yaml"
"$HUACE" build -s "$T/site" -o "$T/out" --today 2026-11-30 --timings 2>"$T/t1" >/dev/null ||
    { echo "not ok 1 - build"; cat "$T/t1" | sed 's/^/# /'; exit 1; }
BASE=$(sed -n 's/^base_url: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' "$T/site/site.yaml")

check "every page: og/twitter/theme-color tags, absolute og:image and og:url = canonical; 404 noindex" \
python3 - "$T/out" "$BASE" <<'EOF'
import sys, os, re, html
from urllib.parse import quote
out, base = sys.argv[1], sys.argv[2]
bad, pages = [], 0
def jpeg_size(p):
    b = open(p, "rb").read()
    if b[:2] != b"\xff\xd8": return None
    i = 2
    while i < len(b):
        if b[i] != 0xFF: return None
        m = b[i + 1]
        if m in (0xC0, 0xC1, 0xC2):
            return int.from_bytes(b[i + 7:i + 9], "big"), int.from_bytes(b[i + 5:i + 7], "big")
        i += 2 + int.from_bytes(b[i + 2:i + 4], "big")
    return None
sizes = {}
for root, dirs, files in os.walk(out):
    for f in files:
        if not f.endswith(".html") or os.path.relpath(os.path.join(root, f), out) == "print/album.html":
            continue   # the album's print version is a document of its own, not a themed page
        pages += 1
        rel = os.path.relpath(os.path.join(root, f), out)
        text = open(os.path.join(root, f), encoding="utf-8").read()
        head = text.split("</head>")[0]
        meta = {}
        for m in re.finditer(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', head):
            meta.setdefault(m.group(1), html.unescape(m.group(2)))
        canon = re.search(r'<link rel="canonical" href="([^"]+)">', head)
        for k in ("og:title", "og:description", "og:type", "og:site_name", "og:locale", "og:image", "twitter:card", "theme-color"):
            if not meta.get(k): bad.append(f"{rel}: no {k}")
        if meta.get("og:locale") != "zh_CN": bad.append(f"{rel}: og:locale {meta.get('og:locale')}")
        if meta.get("twitter:card") != "summary_large_image": bad.append(f"{rel}: twitter:card")
        if not re.fullmatch(r"#[0-9a-f]{6}", meta.get("theme-color", "")): bad.append(f"{rel}: theme-color")
        if rel == "404.html":
            if canon or "og:url" in meta or meta.get("robots") != "noindex": bad.append("404.html: has a URL or is indexed")
        else:
            want = base + (quote(os.path.dirname(rel)) + "/" if os.path.dirname(rel) else "")
            if not canon or canon.group(1) != want: bad.append(f"{rel}: canonical {canon and canon.group(1)} != {want}")
            if meta.get("og:url") != want: bad.append(f"{rel}: og:url {meta.get('og:url')} != {want}")
            kind = rel.split("/")[0]
            t = "article" if kind == "cases" and rel.count("/") == 2 and not rel.startswith("cases/page/") else "website"
            if meta.get("og:type") != t: bad.append(f"{rel}: og:type {meta.get('og:type')} != {t}")
        img = meta.get("og:image", "")
        if not img.startswith(base): bad.append(f"{rel}: og:image not absolute under base_url: {img}"); continue
        p = os.path.join(out, img[len(base):])
        if p not in sizes: sizes[p] = jpeg_size(p) if os.path.isfile(p) else None
        if sizes[p] != (1200, 630): bad.append(f"{rel}: og:image {img}: {sizes[p]}, not a 1200x630 JPEG")
        if (rel.startswith("projects/") or rel.startswith("cases/")) and rel.count("/") == 2 and "/page/" not in rel:
            if img != base + os.path.dirname(rel) + "/share.jpg": bad.append(f"{rel}: not its own share image: {img}")
print(f"{pages} pages, {len(sizes)} share images")
for b in bad[:20]: print(b)
sys.exit(1 if bad or pages < 100 else 0)
EOF

check "sitemap.xml: every HTML page but 404.html, once, in the canonical form" \
python3 - "$T/out" "$BASE" <<'EOF'
import sys, os, xml.etree.ElementTree as ET
from urllib.parse import quote
out, base = sys.argv[1], sys.argv[2]
ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
locs = [e.text for e in ET.parse(os.path.join(out, "sitemap.xml")).iter(ns + "loc")]
want = set()
for root, dirs, files in os.walk(out):
    for f in files:
        if not f.endswith(".html"): continue
        rel = os.path.relpath(os.path.join(root, f), out)
        if rel == "404.html": continue
        want.add(base + quote(rel[:-len("index.html")] if f == "index.html" else rel))
got = set(locs)
print(f"{len(locs)} in the sitemap, {len(want)} HTML pages")
for u in sorted(want - got)[:10]: print("missing:", u)
for u in sorted(got - want)[:10]: print("not a page:", u)
sys.exit(0 if got == want and len(locs) == len(got) and len(want) > 100 else 1)
EOF

check "robots.txt names the sitemap" grep -qx "Sitemap: ${BASE}sitemap.xml" "$T/out/robots.txt"

check "favicon set: ico (32-px PNG inside), svg, 32/180/192/512 PNGs, linked from the head" \
python3 - "$T/out" <<'EOF'
import sys, os, re
out = sys.argv[1]
def png_size(b): return (int.from_bytes(b[16:20], "big"), int.from_bytes(b[20:24], "big")) if b[:8] == b"\x89PNG\r\n\x1a\n" else None
bad = []
for name, px in (("favicon-32.png", 32), ("apple-touch-icon.png", 180), ("icon-192.png", 192), ("icon-512.png", 512)):
    p = os.path.join(out, name)
    if not os.path.isfile(p) or png_size(open(p, "rb").read()) != (px, px): bad.append(f"{name}: not a {px}x{px} PNG")
ico = open(os.path.join(out, "favicon.ico"), "rb").read()
if ico[:6] != b"\0\0\1\0\1\0" or png_size(ico[22:]) != (32, 32): bad.append("favicon.ico: not one 32-px PNG in an ICO")
svg = open(os.path.join(out, "favicon.svg"), encoding="utf-8").read()
if "<svg" not in svg or 'viewBox="0 0 64 64"' not in svg or "<script" in svg or "<text" in svg:
    bad.append("favicon.svg: not a 64-unit SVG with the glyph as paths")
head = open(os.path.join(out, "projects", "QJ-B-01", "index.html"), encoding="utf-8").read().split("</head>")[0]
for href in re.findall(r'<link rel="(?:icon|apple-touch-icon)" href="([^"]+)"', head):
    if not os.path.isfile(os.path.normpath(os.path.join(out, "projects", "QJ-B-01", href))): bad.append(f"link {href}: no file")
if len(re.findall(r'<link rel="(?:icon|apple-touch-icon)"', head)) != 3: bad.append("head: not 3 icon links")
for b in bad: print(b)
sys.exit(1 if bad else 0)
EOF

check "first build: every share file drawn (cards and favicons)" sh -c "drawn=\$(sed -n 's/^timings: share .*(\([0-9]*\) files drawn, 0 reused).*/\1/p' '$T/t1'); test \"\$drawn\" -gt 20"
total=$(grep -c . "$T/out/.huace-share-cache")
cp "$T/out/projects/QJ-B-02/share.jpg" "$T/b02.jpg"
cp "$T/out/projects/QJ-B-01/share.jpg" "$T/b01.jpg"
sed -i '0,/^name: /s/^name: .*/name: "改过名字的示范带"/' "$T/site/content/projects/qj-b-01.yaml"
"$HUACE" build -s "$T/site" -o "$T/out" --today 2026-11-30 --timings 2>"$T/t2" >/dev/null
check "a unit renamed: its share image alone is drawn again, the other $((total - 1)) reused" \
    sh -c "test \"\$(sed -n 's/^timings: share .*(\([0-9]*\) files drawn, \([0-9]*\) reused).*/\1 \2/p' '$T/t2')\" = '1 $((total - 1))'"
check "the reused image is byte-identical, the redrawn one differs" sh -c "cmp -s '$T/b02.jpg' '$T/out/projects/QJ-B-02/share.jpg' && ! cmp -s '$T/b01.jpg' '$T/out/projects/QJ-B-01/share.jpg'"
check "the renamed unit's og:title follows" grep -q '<meta property="og:title" content="改过名字的示范带">' "$T/out/projects/QJ-B-01/index.html"

# a unit without photos: its route map; with maps off as well: the plain card
cp -R tests/sites/maps-basic "$T/mb"
"$HUACE" build -s "$T/mb" -o "$T/mbout" --today 2026-11-30 --quiet >/dev/null 2>&1
check "a unit without photos gets a 1200x630 share image (its route map: not the plain card)" python3 - "$T/mbout" <<'EOF'
import sys
b = open(sys.argv[1] + "/projects/MB-01/share.jpg", "rb").read()
i, size = 2, None
while b[:2] == b"\xff\xd8" and i < len(b) and b[i] == 0xFF:
    if b[i + 1] in (0xC0, 0xC1, 0xC2):
        size = (int.from_bytes(b[i + 7:i + 9], "big"), int.from_bytes(b[i + 5:i + 7], "big")); break
    i += 2 + int.from_bytes(b[i + 2:i + 4], "big")
print(size, len(b))
sys.exit(0 if size == (1200, 630) and len(b) > 48000 else 1)   # a plain card is about 35 kB, the map's over 60 kB
EOF

# no base_url: no absolute URL can be made
cp -R tests/sites/base "$T/nb"
sed -i '/^base_url:/d' "$T/nb/site.yaml"
printf 'maps: {enabled: false}\nprint: {enabled: false}\n' >>"$T/nb/site.yaml"
"$HUACE" build -s "$T/nb" -o "$T/nbout" --today 2026-11-30 --quiet >/dev/null 2>&1
check "without base_url: og:title and the share image's file, but no canonical, og:url, og:image or sitemap" sh -c "
    grep -q 'property=\"og:title\"' '$T/nbout/index.html' && test -s '$T/nbout/share.jpg' &&
    ! grep -rq -e 'rel=\"canonical\"' -e 'og:url' -e 'og:image\"' '$T/nbout' --include=index.html &&
    test ! -e '$T/nbout/sitemap.xml' && ! grep -q Sitemap '$T/nbout/robots.txt'"
finish
