#!/bin/sh
# The album's font subsets (src/render/pdf/fontsub.c) on the fixture
# tests/sites/pdf-basic, with a case study that holds a rare character
# typed (㐀, U+3400, which the site's text brings into the subset) and one
# written as an HTML entity (&#x3401;, 㐁: not in the files' text, so not in
# the subset — the full face behind it must draw it):
# - three subset files in OUT.huace-fonts, each well under the system
#   faces' 15-23 MB;
# - both rare characters are in the album as text with an embedded font (no
#   missing glyph), and no other family (DejaVu …) was needed;
# - the album's glyph positions (pdftotext -bbox, every page) are those of
#   a build on the system's whole faces (a file in the cache's place: no
#   subsets);
# - same bytes from a cold cache into a fresh folder, and from a warm cache;
# - stray files in the cache go; a new character in the text gives new
#   subsets and the old ones go;
# - every non-ASCII character of src/render/pdf's strings is in the subset's
#   fixed set (fontsub_literals.inc or its ranges).
. tests/tools/tap.sh
S=$T/site
cp -R tests/sites/pdf-basic "$S"
printf '\n生僻字检查：㐀字直接写出，&#x3401;字用实体写出，两字都要印出来。\n' >>"$S/content/cases/red-ribbon.md"
build() { # build OUT [options]: a quiet build, its log in $T/log
    out=$1
    shift
    "$HUACE" build -s "$S" -o "$out" --today 2026-11-30 --quiet "$@" >"$T/log" 2>&1
    st=$?
    san_report "$T/log"
    return $st
}
if build "$T/a"; then ok "the fixture builds"; else notok "the fixture builds"; sed 's/^/# /' "$T/log" | head; finish; exit 1; fi
C=$T/a.huace-fonts

n_otf=$(ls "$C" | grep -c '\.otf$')
if [ "$n_otf" = 3 ] && [ "$(ls "$C" | wc -l)" = 3 ]; then ok "three subset files in OUT.huace-fonts"; else notok "three subset files in OUT.huace-fonts: $(ls "$C" | tr '\n' ' ')"; fi
big=$(find "$C" -name '*.otf' -size +2000k | wc -l)
if [ "$big" = 0 ]; then ok "each subset is under 2 MB ($(du -k "$C"/*.otf | awk '{ printf "%s kB ", $1 }'))"; else notok "a subset over 2 MB: $(ls -l "$C")"; fi

pdftotext "$T/a/print/album.pdf" "$T/a.txt"
check "㐀 (typed in the case study) is in the album as text" grep -q '㐀字直接写' "$T/a.txt"
check "㐁 (an entity: outside the subset) is in the album as text" grep -q '㐁字用实体' "$T/a.txt"
pdffonts "$T/a/print/album.pdf" >"$T/fonts" 2>&1
check "every font of the album is embedded, all Noto CJK: no other family was needed" python3 - "$T/fonts" <<'PY'
import sys
rows = open(sys.argv[1]).read().splitlines()[2:]
assert rows, "no fonts"
for r in rows:
    f = r.split()
    assert "+Noto" in f[0] and "CJK" in f[0], r
    assert f[-5] == "yes", r   # emb
PY
# the page with the rare characters, rendered: the glyphs have ink where the text is
page=$(python3 -c '
import sys
t = open(sys.argv[1]).read().split("\f")
print(next(i + 1 for i, p in enumerate(t) if "㐁" in p))' "$T/a.txt")
pdftotext -f "$page" -l "$page" -bbox "$T/a/print/album.pdf" "$T/bbox.html"
box=$(python3 - "$T/bbox.html" <<'PY'
import re, sys
for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', open(sys.argv[1]).read()):
    if "㐁" in m.group(5):
        x0, y0, x1, y1 = map(float, m.group(1, 2, 3, 4))
        s = m.group(5)
        k = s.index("㐁")
        w = (x1 - x0) / len(s)
        print("%d %d %d %d" % ((x0 + k * w) * 300 / 72, y0 * 300 / 72, w * 300 / 72 + 1, (y1 - y0) * 300 / 72 + 1))
        break
PY
)
set -- $box
pdftoppm -r 300 -gray -f "$page" -l "$page" -x "$1" -y "$2" -W "$3" -H "$4" "$T/a/print/album.pdf" >"$T/glyph.pgm"
check "㐁 is drawn with ink (page $page), not left blank" python3 - "$T/glyph.pgm" <<'PY'
import sys
d = open(sys.argv[1], "rb").read()
parts = d.split(b"\n", 3)
px = parts[3]
dark = sum(1 for b in px if b < 128)
assert dark > len(px) // 20, (dark, len(px))
PY

# ---- the same layout as on the whole faces ----
mkdir -p "$T/b"
: >"$T/b.huace-fonts"   # a file where the cache folder would be: no subsets
if build "$T/b"; then ok "the build without subsets works"; else notok "the build without subsets works"; sed 's/^/# /' "$T/log" | head; fi
pdffonts "$T/b/print/album.pdf" | tail -n +3 | awk '{ sub(/^[A-Z]+\+/, "", $1); print $1 }' | sort >"$T/b.names"
pdffonts "$T/a/print/album.pdf" | tail -n +3 | awk '{ sub(/^[A-Z]+\+/, "", $1); print $1 }' | sort >"$T/a.names"
check "without subsets the album embeds each face once (the subset build adds the whole face only for 㐁)" \
    sh -c "[ \$(sort -u '$T/b.names' | wc -l) = \$(wc -l <'$T/b.names') ] && [ \$(wc -l <'$T/a.names') -gt \$(wc -l <'$T/b.names') ]"
for f in album.pdf album-press.pdf P-B-01.pdf cover-spread.pdf; do
    [ -f "$T/a/print/$f" ] || { notok "print/$f exists"; continue; }
    pdftotext -bbox "$T/a/print/$f" "$T/a.bbox"
    pdftotext -bbox "$T/b/print/$f" "$T/b.bbox"
    check "print/$f: every word at the same place as on the whole faces (pdftotext -bbox)" cmp "$T/a.bbox" "$T/b.bbox"
done

# ---- same bytes: cold into a fresh folder, warm ----
if build "$T/c"; then ok "a second cold build works"; else notok "a second cold build works"; fi
check "cold twice: the same subset files" diff -r "$C" "$T/c.huace-fonts"
for f in album.pdf album-press.pdf cover-spread.pdf; do
    check "cold twice: print/$f has the same bytes" cmp "$T/a/print/$f" "$T/c/print/$f"
done
rm -rf "$T/c"
if build "$T/c"; then ok "a warm build (cache kept) works"; else notok "a warm build (cache kept) works"; fi
check "warm: print/album.pdf has the cold build's bytes" cmp "$T/a/print/album.pdf" "$T/c/print/album.pdf"

# ---- the cache keeps only the current subsets ----
before=$(ls "$T/c.huace-fonts" | sort | tr '\n' ' ')
: >"$T/c.huace-fonts/0123456789abcdef.otf"
: >"$T/c.huace-fonts/x.otf.tmp-1-2"
rm -rf "$T/c"
build "$T/c"
check "stray files in the cache are removed, the subsets kept" test "$(ls "$T/c.huace-fonts" | sort | tr '\n' ' ')" = "$before"
printf '\n新增一个字：龘。\n' >>"$S/content/cases/red-ribbon.md"
rm -rf "$T/c"
build "$T/c"
after=$(ls "$T/c.huace-fonts" | sort | tr '\n' ' ')
if [ "$after" != "$before" ] && [ "$(ls "$T/c.huace-fonts" | wc -l)" = 3 ]; then ok "a new character: three new subsets, the old ones gone"
else notok "a new character: three new subsets, the old ones gone (before '$before', after '$after')"; fi
pdftotext "$T/c/print/album.pdf" - | grep -q '龘' && ok "the new character is in the album" || notok "the new character is in the album"

# ---- the album's own strings are in the fixed set ----
check "every non-ASCII character of src/render/pdf is in fontsub.c's fixed set" python3 - <<'PY'
import glob, re
src = "".join(open(f, encoding="utf-8").read() for f in sorted(glob.glob("src/render/pdf/*.[ch]")))
fs = open("src/render/pdf/fontsub.c", encoding="utf-8").read()
lit = open("src/render/pdf/fontsub_literals.inc", encoding="utf-8").read()
ranges = [(int(a, 16), int(b, 16)) for a, b in re.findall(r"\{ 0x([0-9A-Fa-f]+), 0x([0-9A-Fa-f]+) \}", fs)]
assert ranges, "no ranges found in fontsub.c"
missing = sorted({c for c in src if ord(c) > 127 and c not in lit and not any(a <= ord(c) <= b for a, b in ranges)})
assert not missing, "missing: " + "".join(missing)
PY
finish
