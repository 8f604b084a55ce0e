#!/bin/sh
# The photo-led album (issue 12): the example site with phone-style photos
# laid over it (tests/sites/album: 4000 px JPEGs with EXIF camera, artist, GPS
# and XMP; rot6.jpg stored sideways with Orientation 6; small.jpg 800 x 500;
# tests/tools/albumcheck.py fixture says where each goes). The album takes
# every photo from the image stage at the width its place needs at 300 ppi:
# `pdfimages -list` shows every image at 300 ppi or more, except small.jpg,
# about which the build warns once (file, placed size in mm, ppi); no image
# in any PDF carries EXIF/XMP or is a source file; the sideways photo is
# upright; the cover, the chapter openers and the unit spreads show photos,
# figures carry their captions; and no page ends above half its height
# except where a chapter ends.
. tests/tools/tap.sh
AC="python3 tests/tools/albumcheck.py"
IMG="python3 tests/tools/imgcheck.py"
S="$T/site"
O="$T/out"
mkdir -p "$S"
cp -R site.yaml content seeds themes assets "$S/"
sed -i 's/^print:$/print:\n  signs: false/' "$S/site.yaml"   # the album is what is tested here
$AC fixture "$S" tests/sites/album/assets/photos
"$HUACE" build -s "$S" -o "$O" --today 2026-11-30 >"$T/log" 2>&1
st=$?
if [ $st = 0 ]; then ok "the example site with photos builds"; else notok "the example site with photos builds"; sed 's/^/# /' "$T/log" | head -20; san_report "$T/log"; fi
P="$O/print"
if ! [ -s "$P/album-press.pdf" ]; then
    notok "print/album-press.pdf written"
    finish
    exit 1
fi

# ---- resolution ----
pdfimages -list "$P/album-press.pdf" >"$T/list"
check "every photo in album-press.pdf is at 300 ppi or more, but the 800 x 500 one" $AC ppi "$T/list"
check "the build warns once about it: file, placed size in mm, effective ppi" \
    sh -c "grep 'photo-resolution' '$T/log' >'$T/w'; test \$(wc -l <'$T/w') = 1 &&
           grep -Eq 'assets/album-test/small\\.jpg is printed [0-9]+ × [0-9]+ mm in the album at [0-9]+ ppi' '$T/w'"
check "and about no other photo" sh -c "! grep -E 'photo-resolution' '$T/log' | grep -Ev 'small\\.jpg'"
pdfimages -list "$P/QJ-B-01-press.pdf" >"$T/list1" 2>/dev/null || pdfimages -list "$(ls "$P"/*-press.pdf | grep -v album | head -1)" >"$T/list1"
check "a unit's own album has its photos at 300 ppi too" sh -c "awk 'NR > 2 { n++; if (\$13 < 300 || \$14 < 300) bad = 1 } END { exit bad || n < 3 }' '$T/list1'"

# ---- no metadata, no source file ----
for f in album-press.pdf album.pdf; do
    rm -rf "$T/x"
    mkdir "$T/x"
    pdfimages -all "$P/$f" "$T/x/i"
    check "$f: the embedded JPEGs carry no EXIF, GPS, XMP, IPTC, ICC or maker block" sh -c "ls '$T/x/'*.jpg >/dev/null && $IMG meta '$T/x/'*.jpg"
    check "$f: no embedded image is a source file as it is" sh -c "
        for s in tests/sites/album/assets/photos/*.jpg; do for e in '$T/x/'*.jpg; do ! cmp -s \"\$s\" \"\$e\" || { echo \$e is \$s; exit 1; }; done; done"
done
check "the parser finds the blocks in the sources (the check can fail)" sh -c "! $IMG meta tests/sites/album/assets/photos/rot6.jpg"
check "no PDF holds the artist's name, the camera or the GPS tags" sh -c "! grep -a -l -e 'Zhang San' -e PhoneCo -e 'X1 Pro' '$P'/*.pdf"

# ---- orientation: rot6.jpg is 4000 x 3000 on disk, upright 3000 x 4000 ----
set -- $($AC aspects "$T/list")
check "the Orientation=6 photo is embedded portrait (3:4: $1 images), never landscape (4:3: $2)" test "$1" -gt 0 -a "$2" = 0
rm -rf "$T/up"
mkdir "$T/up"
[ "${3:-0}" -gt 0 ] && pdfimages -f "$3" -l "$3" "$P/album-press.pdf" "$T/up/i"
check "and upright: red (the scene's top) above, blue below" $AC upright "$T/up"

# ---- photos where the design puts them ----
pdfimages -list -f 1 -l 1 "$P/album.pdf" >"$T/c"
check "the cover shows print.cover_photo" sh -c "test \$(awk 'NR > 2' '$T/c' | wc -l) -ge 1"
ch=$($AC chapters "$P/album.pdf" | sed -n '3,$p')
for pg in $ch; do
    check "the chapter opener on page $pg has a photo" sh -c "test \$(pdfimages -list -f $pg -l $pg '$P/album.pdf' | awk 'NR > 2' | wc -l) -ge 1"
done
pg=$(pdftotext -enc UTF-8 "$P/album.pdf" - | awk 'BEGIN { RS = "\f" } /QJ-B-01/ && /主题品牌/ { print NR; exit }')
check "the first unit's spread (page ${pg:-?}) leads with two photos and has two more facing them" \
    sh -c "test -n '$pg' && test \$(pdfimages -list -f $pg -l $((${pg:-0} + 1)) '$P/album.pdf' | awk 'NR > 2 && \$9 == \"jpeg\"' | wc -l) -ge 4"
pdftotext -enc UTF-8 "$P/album.pdf" "$T/album.txt"
check "case-study figures print their captions (the Markdown title)" grep -q '案例图注0' "$T/album.txt"
check "unit photos print their captions" grep -q '示意图注0-0' "$T/album.txt"

# ---- pages ----
for f in album.pdf QJ-B-01.pdf QJ-B-02.pdf; do
    check "$f: a multiple of four pages, each folio its page's number" $AC folios "$P/$f"
done

# ---- empty space ----
check "no page ends above half its height but a chapter's last (pdftoppm at 20 dpi)" $AC empty "$P/album.pdf" "$T/fill"
finish
