#!/bin/sh
# The album's typography and print furniture (issue 14 §4), from the outside:
# no line of a unit album's cover is a lone character; no paragraph line of
# the album or a unit album is one character plus punctuation ("况。");
# print/cover-spread.pdf is 2 × trim + spine + 2 × bleed wide with the
# spine from the page count and print.paper_caliper (perfect binding), no
# spine for saddle stitching, spine text when the spine is wide; the
# colophon carries print.colophon's fields, 开本 and 印张 as computed, the
# data date, and no software credit; wrong print.binding / paper_caliper /
# colophon values are located errors.
. tests/tools/tap.sh
OUT=$T/out
example_build "$OUT" "$T/log"
st=$?
check "example site builds (exit 0, print/album.pdf written)" test "$st" = 0 -a -s "$OUT/print/album.pdf"
P=$OUT/print
IDS=$(for f in content/projects/*.yaml; do sed -n 's/^id: *//p' "$f" | tr -d '"'; done)

# a line of text with exactly one letter (a Han character, letter or digit), punctuation aside
lone='^[\s\p{P}\p{Zs}]*[^\s\p{P}\p{Zs}][\s\p{P}\p{Zs}]*$'
bad=""
for id in $IDS; do
    pdftotext -f 1 -l 1 "$P/$id.pdf" - | LC_ALL=C.UTF-8 grep -P "$lone" >"$T/lone" && bad="$bad $id:$(tr '\n' ' ' <"$T/lone")"
done
if [ -z "$bad" ]; then ok "no unit cover has a line of one character"; else notok "no unit cover has a line of one character"; echo "# $bad"; fi
pdftotext -f 1 -l 1 "$P/QJ-C-01.pdf" - >"$T/c01"
check "the unit cover keeps 两新组织 and 党建示范圈 whole" grep -q "两新组织党建示范圈" "$T/c01"
check "党建画册 is the cover's main title (a line of its own)" grep -qx "党建画册" "$T/c01"

# paragraphs: a line of one Han character plus closing punctuation
endp='^\s*\p{Han}[\p{P}]+\s*$'
bad=""
for f in album.pdf $(for id in $IDS; do echo "$id.pdf"; done); do
    pdftotext "$P/$f" - | LC_ALL=C.UTF-8 grep -P "$endp" >"$T/ends" && bad="$bad $f:$(tr '\n' ' ' <"$T/ends")"
done
if [ -z "$bad" ]; then ok "no paragraph line is one character plus punctuation (album and unit albums)"; else
    notok "no paragraph line is one character plus punctuation"; echo "# $bad"; fi

# the cover spread: 2 × 210 mm + spine + 2 × 3 mm bleed, spine = leaves × 0.1 mm (site.yaml)
pages=$(pdfinfo "$P/album.pdf" | sed -n 's/^Pages: *//p')
check "print/cover-spread.pdf is written and valid" qpdf --check "$P/cover-spread.pdf"
width() { pdfinfo -box "$1" | sed -n 's/^MediaBox: *[0-9.]* *[0-9.]* *\([0-9.]*\).*/\1/p'; }
want() { awk -v p="$1" -v c="$2" -v t="$3" -v b="$4" 'BEGIN { printf "%.2f", (2 * t + int((p + 1) / 2) * c + 2 * b) * 72 / 25.4 }'; }
near() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a - b < 0.05 && b - a < 0.05) }'; }
w=$(width "$P/cover-spread.pdf")
e=$(want "$pages" 0.1 210 3)
check "cover spread is $e pt wide ($pages pages: spine $(awk -v p="$pages" 'BEGIN{print int((p+1)/2)*0.1}') mm), got $w" near "$w" "$e"
check "cover spread: TrimBox inset by the bleed" sh -c "pdfinfo -box '$P/cover-spread.pdf' | grep -Eq '^TrimBox: +8\.50 +8\.50 '"
for id in QJ-B-01 QJ-Z-03; do
    up=$(pdfinfo "$P/$id.pdf" | sed -n 's/^Pages: *//p')
    check "print/$id-cover-spread.pdf is $(want "$up" 0.1 210 3) pt wide ($up pages)" near "$(width "$P/$id-cover-spread.pdf")" "$(want "$up" 0.1 210 3)"
done

# colophon (page 2)
pdftotext -layout -f 2 -l 2 "$P/album.pdf" - >"$T/colophon"
yz=$(awk -v p="$pages" 'BEGIN { q = p / 16 * 4; if (q > int(q)) q = int(q) + 1; printf "%g", q / 4 }')
for field in "编印单位 *中共衢江区委组织部" "印刷单位 *衢州市某印务有限公司" "开本 *850 mm × 1168 mm *1/16" "印张 *$yz\$" \
             "印数 *800 册" "准印证号 *浙内准字〔2026〕第 000 号（内部资料）" "数据截至 *2026-11-30"; do
    check "colophon: $field" grep -Eq "$field" "$T/colophon"
done
check "colophon: no software credit" sh -c "! grep -qi 'huace' '$T/colophon'"

# binding and caliper on the small fixture: saddle has no spine; a thick book gets spine text
cp -r tests/sites/pdf-basic "$T/site"
printf 'print:\n  binding: saddle\n  paper_caliper: 0.5\n' >>"$T/site/site.yaml"
"$HUACE" build -s "$T/site" -o "$T/saddle" --today 2026-11-30 --quiet >"$T/saddle.log" 2>&1
sp=$(pdfinfo "$T/saddle/print/album.pdf" | sed -n 's/^Pages: *//p')
check "saddle stitching: no spine ($(want 0 0 210 3) pt)" near "$(width "$T/saddle/print/cover-spread.pdf")" "$(want 0 0 210 3)"
cp -r tests/sites/pdf-basic "$T/site2"
printf 'print:\n  binding: perfect\n  paper_caliper: 0.9\n' >>"$T/site2/site.yaml"
"$HUACE" build -s "$T/site2" -o "$T/thick" --today 2026-11-30 --quiet >"$T/thick.log" 2>&1
check "perfect binding, 0.9 mm leaves: $(want "$sp" 0.9 210 3) pt" near "$(width "$T/thick/print/cover-spread.pdf")" "$(want "$sp" 0.9 210 3)"
pdftotext "$T/thick/print/cover-spread.pdf" - >"$T/spine"
check "a wide spine carries the title, one character a line" sh -c "grep -qx '画' '$T/spine' && grep -qx '册' '$T/spine'"

# wrong values: located errors, nothing written
cp -r tests/sites/pdf-basic "$T/bad"
printf 'print:\n  binding: glued\n  paper_caliper: thick\n  colophon:\n    copies: -3\n    prnter: x\n' >>"$T/bad/site.yaml"
line=$(grep -n 'binding: glued' "$T/bad/site.yaml" | cut -d: -f1)
"$HUACE" build -s "$T/bad" -o "$T/badout" --today 2026-11-30 --quiet >"$T/bad.log" 2>&1
check "bad print keys fail the build" test $? != 0
check "print.binding: located, says perfect or saddle" grep -Eq "site.yaml:$line:[0-9]+: error: print.binding must be 'perfect'.*saddle" "$T/bad.log"
check "print.paper_caliper: located type error" grep -Eq "site.yaml:$((line + 1)):[0-9]+: error: .*print.paper_caliper" "$T/bad.log"
check "print.colophon.copies: located range error" grep -Eq "site.yaml:$((line + 3)):[0-9]+: error: print.colophon.copies must be between 1" "$T/bad.log"
check "print.colophon: unknown key named" grep -Eq "site.yaml:$((line + 4)):[0-9]+: .*prnter" "$T/bad.log"
finish
