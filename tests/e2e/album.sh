#!/bin/sh
# The curated district album (issue 14 §5), on tests/sites/pdf-basic with six
# more case studies (精选案例01 … 06, dated 2026-06-01 … 06, all of unit
# P-B-01). The contents of print/album.pdf (the page headed 目　录, read with
# pdftotext) list exactly the chosen case studies:
#   - none marked `album: true`: the newest print.album_cases (here 3);
#   - some marked: exactly those, whatever print.album_cases says;
# the unit's own album keeps all seven of its case studies either way, and
# print/album.html carries the same choice; print.unit_albums: false leaves
# the unit albums out. `album: 1` and print.album_cases
# of -1 or "many" stop the build with located messages.
. tests/tools/tap.sh
S="$T/site"
cp -R tests/sites/pdf-basic "$S"
for k in 1 2 3 4 5 6; do
    cat >"$S/content/cases/pick-0$k.md" <<EOT
---
title: 精选案例0$k
date: 2026-06-0$k
township: 甲镇
projects: [P-B-01]
---
第 $k 篇：村党支部把议事会开到田间地头，群众的事当场商量、当场办。
EOT
done
CASES="精选案例01 精选案例02 精选案例03 精选案例04 精选案例05 精选案例06 甲镇：一条路连起三个村 乙乡：从谋划开始"
UNIT="精选案例01 精选案例02 精选案例03 精选案例04 精选案例05 精选案例06 甲镇：一条路连起三个村"   # P-B-01's

# contents PDF: the text of the page(s) headed 目　录
contents() {
    np=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
    i=1
    : >"$T/toc"
    while [ "$i" -le "$np" ] && [ "$i" -le 12 ]; do
        pdftotext -f $i -l $i "$1" - >"$T/pg" 2>/dev/null
        grep -q '目　录\|^目录$' "$T/pg" && cat "$T/pg" >>"$T/toc"
        i=$((i + 1))
    done
    cat "$T/toc"
}
# listed FILE WANT: exactly the titles in WANT (of $CASES) occur in FILE
listed() {
    for c in $CASES; do
        want=0
        for w in $2; do [ "$w" = "$c" ] && want=1; done
        if grep -q "$c" "$1"; then got=1; else got=0; fi
        [ $got = $want ] || { echo "$c: expected $want, found $got"; return 1; }
    done
}
build() { rm -rf "$T/out"; "$HUACE" build -s "$S" -o "$T/out" --today 2026-11-30 --quiet >"$T/log" 2>&1; }

# ---- no marks: the newest print.album_cases ----
printf 'print: {album_cases: 3}\n' >>"$S/site.yaml"
if build; then ok "builds with print.album_cases: 3"; else notok "builds with print.album_cases: 3"; sed 's/^/# /' "$T/log" | head; fi
contents "$T/out/print/album.pdf" >"$T/toc1"
check "no case marked: the contents list the 3 newest case studies, no other" listed "$T/toc1" "精选案例06 精选案例05 精选案例04"
check "the case-study opener counts them (共 3 篇)" sh -c "pdftotext '$T/out/print/album.pdf' - | tr -d ' ' | grep -q '共3篇'"
check "the overview says 典型案例 3 篇" sh -c "pdftotext '$T/out/print/album.pdf' - | tr -d '\n' | grep -q '典型案例 3 篇'"
pdftotext "$T/out/print/P-B-01.pdf" "$T/unit1"
check "the unit's own album keeps all its case studies" listed "$T/unit1" "$UNIT"
# one red: the legend page of the overview (挂图作战进度颜色) fills the 已完成
# swatch with the theme accent (#a4161a, the default theme), as the spreads
# do, never the seed's #c8102e next to it; album.html's legend likewise
legend=$(np=$(pdfinfo "$T/out/print/album.pdf" | awk '/^Pages:/ { print $2 }'); i=1
    while [ "$i" -le "$np" ]; do pdftotext -f $i -l $i "$T/out/print/album.pdf" - | grep -q '挂图作战进度颜色' && { echo $i; break; }; i=$((i + 1)); done)
qpdf --qdf --object-streams=disable --pages "$T/out/print/album.pdf" "${legend:-1}" -- "$T/out/print/album.pdf" "$T/legend.pdf" 2>/dev/null
check "the status legend is on page ${legend:-?} of the album" test -n "$legend"
check "the legend's 已完成 swatch is the accent (0.643137 0.0862745 0.101961 rg)" grep -aq '^0.643137 0.0862745 0.101961 rg' "$T/legend.pdf"
check "and the seed's #c8102e is nowhere on that page" sh -c "! grep -aq '0.784314 0.0627451 0.180392 rg' '$T/legend.pdf'"
check "album.html prints 已完成 in the accent, not #c8102e" sh -c "grep -q 'color:#a4161a\">●</span> 已完成' '$T/out/print/album.html' && ! grep -qi 'c8102e' '$T/out/print/album.html'"
check "album.html carries the same three" sh -c "grep -o 'id=\"case-[a-z0-9-]*\"' '$T/out/print/album.html' | sort | tr '\n' ' ' | grep -qx 'id=\"case-pick-04\" id=\"case-pick-05\" id=\"case-pick-06\" '"

# ---- without the key: the default (30) takes all eight ----
sed -i '/^print: {album_cases: 3}$/d' "$S/site.yaml"
build
contents "$T/out/print/album.pdf" >"$T/toc0"
check "without print.album_cases all eight (fewer than 30) are in the contents" listed "$T/toc0" "$CASES"

# ---- marks: exactly the marked ones ----
sed -i 's/^projects: \[P-B-01\]$/projects: [P-B-01]\nalbum: true/' "$S/content/cases/pick-02.md"
sed -i 's/^projects: \[P-Z-01\]$/projects: [P-Z-01]\nalbum: yes/' "$S/content/cases/code-and-list.md"
sed -i 's/^projects: \[P-B-01\]$/projects: [P-B-01]\nalbum: false/' "$S/content/cases/pick-06.md"
printf 'print: {album_cases: 5}\n' >>"$S/site.yaml"
if build; then ok "builds with two cases marked album: true"; else notok "builds with two cases marked album: true"; sed 's/^/# /' "$T/log" | head; fi
contents "$T/out/print/album.pdf" >"$T/toc2"
check "marked: the contents list exactly the two marked case studies" listed "$T/toc2" "精选案例02 乙乡：从谋划开始"
check "their pages are in the album" sh -c "pdftotext '$T/out/print/album.pdf' - | grep -q '第 2 篇'"
check "an unmarked case's text is not" sh -c "! pdftotext '$T/out/print/album.pdf' - | grep -q '第 5 篇'"
pdftotext "$T/out/print/P-B-01.pdf" "$T/unit2"
check "the unit's own album still keeps all its case studies" listed "$T/unit2" "$UNIT"
check "and their text" sh -c "for k in 1 2 3 4 5 6; do grep -q \"第 \$k 篇\" '$T/unit2' || exit 1; done"

# ---- print.unit_albums: false: the district album alone ----
sed -i 's/^print: {album_cases: 5}$/print: {album_cases: 5, unit_albums: false}/' "$S/site.yaml"
build
check "print.unit_albums: false writes the district album and no unit album" \
    sh -c "test -s '$T/out/print/album.pdf' && test -s '$T/out/print/album-press.pdf' && ! ls '$T/out/print' | grep -v '^album' | grep -v '^cover-spread.pdf$' | grep -q '\.pdf\$'"
sed -i 's/^print: {album_cases: 5, unit_albums: false}$/print: {album_cases: 5}/' "$S/site.yaml"

# ---- bad values ----
sed -i 's/^album: true$/album: 1/' "$S/content/cases/pick-02.md"
build
check "album: 1 stops the build" sh -c "! test -e '$T/out/print/album.pdf'"
check "with a located message" grep -q "^content/cases/pick-02.md:6:8: error: 'album' must be true or false, not '1'" "$T/log"
sed -i 's/^album: 1$/album: true/' "$S/content/cases/pick-02.md"
sed -i 's/^print: {album_cases: 5}$/print: {album_cases: -1}/' "$S/site.yaml"
build
check "print.album_cases: -1 is a located error" grep -q "^site.yaml:[0-9]*:[0-9]*: error: print.album_cases must be a whole number from 0 to 100000, not -1" "$T/log"
sed -i 's/^print: {album_cases: -1}$/print: {album_cases: many}/' "$S/site.yaml"
build
check "print.album_cases: many is a located error" grep -q "^site.yaml:[0-9]*:[0-9]*: error: 'print.album_cases' must be a whole number, not 'many'" "$T/log"
finish
