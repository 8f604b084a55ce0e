#!/bin/sh
# The album's route maps (300 dpi) are kept between builds in OUT.huace-maps
# (hc_map_route_print_png_cached): one file per unit with nodes, the hash of
# the map's inputs on its first line, then the PNG. A build that finds a file
# whose hash matches takes its PNG instead of drawing the map: the album is
# the same bytes warm or cold; a changed node redraws the map and rewrites
# the file; a file with a wrong hash is ignored and rewritten; files that are
# no unit's map (a unit gone, a half-written file) are removed by the next build.
. tests/tools/tap.sh
S="$T/site"
O="$T/out"
cp -R tests/sites/pdf-basic "$S"
build() { rm -rf "$O"; "$HUACE" build -s "$S" -o "$O" --today 2026-11-30 --quiet >"$T/log" 2>&1 || { sed 's/^/# /' "$T/log"; return 1; }; }

check "cold build" build
cp "$O/print/album.pdf" "$T/cold.pdf"
F=$(ls "$O.huace-maps"/route-*.png 2>/dev/null | head -n 1)
check "OUT.huace-maps holds one route map per unit with nodes (1 here)" sh -c "test \$(ls '$O.huace-maps' | grep -c '^route-.*\\.png\$') -eq 1"
check "a cache file is the inputs' hash, a newline, then a PNG" python3 -c "
import sys; b = open('$F', 'rb').read()
assert len(b) > 100 and all(c in b'0123456789abcdef' for c in b[:16]) and b[16:17] == b'\n' and b[17:25] == b'\x89PNG\r\n\x1a\n', b[:30]"
cp "$F" "$T/key1"

check "warm build" build
check "warm: print/album.pdf is the same bytes as cold" cmp "$T/cold.pdf" "$O/print/album.pdf"
check "warm: the cache file is unchanged" cmp "$T/key1" "$F"

# the cached PNG is what the album embeds: a PNG drawn for another size under
# the right hash changes the album
python3 - "$F" <<'PY'
import sys, zlib, struct
p = sys.argv[1]; b = open(p, 'rb').read()
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
w, h = 300, 100
raw = b''.join(b'\x00' + b'\xff\x00\x00' * w for _ in range(h))
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')
open(p, 'wb').write(b[:17] + png)
PY
check "planted: build" build
check "a planted cache file is used" sh -c "! cmp -s '$T/cold.pdf' '$O/print/album.pdf' && pdfimages -list '$O/print/album.pdf' | awk '\$4 == 300 && \$5 == 100' | grep -q ."

# a wrong hash: ignored, the map drawn again and the file rewritten
printf '0000000000000000\n' | dd of="$F" bs=1 count=17 conv=notrunc 2>/dev/null
check "another hash: build" build
check "a file with another hash is ignored: the album is as cold" cmp "$T/cold.pdf" "$O/print/album.pdf"
check "... and the file is rewritten" cmp "$T/key1" "$F"

# a node moved: another hash, the map drawn again
sed -i 's/lon: 118.93, lat: 28.905/lon: 118.95, lat: 28.905/' "$S/content/projects/p-b-01.yaml"
check "a moved node: build" build
check "a moved node: the cache file has a new hash" sh -c "! cmp -s '$T/key1' '$F' && test \"\$(head -c 16 '$T/key1')\" != \"\$(head -c 16 '$F')\""
check "a moved node: the album's map changed" sh -c "! cmp -s '$T/cold.pdf' '$O/print/album.pdf'"
# files that are no unit's map (a unit deleted or renamed since, a half-written
# file of a stopped build) go at the next build; the units' own stay
cp "$F" "$T/key2"
cp "$F" "$O.huace-maps/route-0123456789abcdef.png"
echo partial >"$O.huace-maps/.route-x.png.tmp-123"
check "stale files: build" build
check "a map no unit has any more is removed" test ! -e "$O.huace-maps/route-0123456789abcdef.png"
check "a half-written file is removed" test ! -e "$O.huace-maps/.route-x.png.tmp-123"
check "the unit's own map is kept as it was" cmp "$T/key2" "$F"
finish
