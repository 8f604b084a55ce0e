#!/bin/sh
# Editions: the example site built as the public edition (the default) and
# as the internal one. The public output — every file: pages, search scripts,
# feeds, calendar, sitemap, and the PDFs through pdftotext — holds none of the
# example's supervision matters and none of the grade marks; the internal
# output holds them, is noindex on every HTML page, has robots.txt
# "Disallow: /" and is marked 内部资料. Each goes to its own default folder.
# Then the site.yaml keys: public: and its wrong values, and --edition.
. tests/tools/tap.sh
S="$T/site"
mkdir -p "$S"
cp -R site.yaml seeds content assets themes "$S/"
# no node signs (tests/e2e/signs.sh; they carry no supervision or grade field)
sed -i 's/^print:$/print:\n  signs: false/' "$S/site.yaml"
TODAY=2026-10-15

"$HUACE" build -s "$S" --today $TODAY --quiet >"$T/pub.log" 2>&1 && ok "public build (default edition)" ||
    { notok "public build"; sed 's/^/# /' "$T/pub.log" | head; }
"$HUACE" build -s "$S" --edition internal --today $TODAY --quiet >"$T/int.log" 2>&1 && ok "internal build" ||
    { notok "internal build"; sed 's/^/# /' "$T/int.log" | head; }
P="$S/public"
I="$S/internal"
check "public edition in SRC/public" test -f "$P/index.html"
check "internal edition in SRC/internal" test -f "$I/index.html"

# every text the edition publishes, and its PDFs as text (spaces and line ends out)
all_text() {
    find "$1" -type f \( -name '*.html' -o -name '*.js' -o -name '*.xml' -o -name '*.ics' -o -name '*.txt' \
        -o -name '*.json' -o -name '*.css' -o -name '*.svg' \) -exec cat {} + >"$2"
    find "$1" -name '*.pdf' | while read -r f; do pdftotext -q "$f" - | tr -d ' \n\f'; done >>"$2"
}
all_text "$P" "$T/pub.txt"
all_text "$I" "$T/int.txt"
check "the public edition has PDFs to look into" test "$(find "$P" -name '*.pdf' | wc -l)" -ge 3

# the example's supervision matters, from its project files
sed -n 's/.*matter: *"\([^"]*\)".*/\1/p' content/projects/*.yaml >"$T/matters"
nm=$(wc -l <"$T/matters")
check "the example has supervision matters ($nm)" test "$nm" -ge 10
leaks=0 found=0
while IFS= read -r s; do
    grep -qF "$s" "$T/pub.txt" && { leaks=$((leaks + 1)); echo "# public: $s"; }
    grep -qF "$s" "$T/int.txt" && found=$((found + 1))
done <"$T/matters"
check "no supervision matter in the public edition" test $leaks -eq 0
check "every supervision matter in the internal edition ($found of $nm)" test $found -eq "$nm"
check "the supervision page only in the internal edition" \
    sh -c "test ! -e '$P/supervision' && test -f '$I/supervision/index.html'"
check "no 督战 link in the public menu" sh -c "! grep -q 'supervision/index.html' '$P/index.html'"
check "the 督战 link in the internal menu" grep -q 'supervision/index.html' "$I/index.html"
# the owners of open items are named only on supervision lists
check "no responsible office in the public edition (责任：)" sh -c "! grep -qF '责任：' '$T/pub.txt'"
check "the internal edition names them" grep -qF '责任：' "$I/projects/QJ-G-02/index.html"

# grades: the marks huace prints (the example's case studies may say 不合格 in prose)
for mark in 'grades/' 'class="chip grade"' 'class="assessment"' '>考评等次</dt>' '未考评'; do
    check "no grade mark '$mark' in the public pages" sh -c "! grep -rqF '$mark' '$P' --include=*.html --include=*.js"
    check "grade mark '$mark' in the internal pages" grep -rqF "$mark" "$I" --include=*.html
done
check "no grades/ folder in the public edition" test ! -e "$P/grades"
# each graded unit's own album: the facts' 考评等次 row (label and grade) in
# the internal one only (a case study in it may say 考评等次 or the grade in
# prose: those stay, so the public copy has one of each fewer)
for f in content/projects/*.yaml; do
    g=$(sed -n 's/^grade: *"*\([^"]*\)"*$/\1/p' "$f")
    [ -n "$g" ] || continue
    id=$(sed -n 's/^id: *"*\([^"]*\)"*$/\1/p' "$f")
    lp=$(pdftotext -q "$P/print/$id.pdf" - | grep -oF '考评等次' | wc -l)
    li=$(pdftotext -q "$I/print/$id.pdf" - | grep -oF '考评等次' | wc -l)
    gp=$(pdftotext -q "$P/print/$id.pdf" - | grep -oF "$g" | wc -l)
    gi=$(pdftotext -q "$I/print/$id.pdf" - | grep -oF "$g" | wc -l)
    if [ "$lp" -eq $((li - 1)) ] && [ "$gp" -eq $((gi - 1)) ]; then
        ok "$id.pdf: the grade row ($g) only in the internal edition"
    else
        notok "$id.pdf: 考评等次 public $lp / internal $li, $g public $gp / internal $gi"
    fi
done
# overdue: QJ-G-02's 库区三户移民搬迁协调 was due 2026-09-30 and is not done
check "the internal edition marks the overdue item" grep -qF '已逾期' "$I/projects/QJ-G-02/index.html"
check "no 已逾期 mark in the public pages" sh -c "! grep -rqF '已逾期' '$P/projects' '$P/schedule' '$P/index.html'"

# noindex, robots.txt, 内部资料
nh=$(find "$I" -name '*.html' | wc -l)
ni=$(find "$I" -name '*.html' -exec grep -l '<meta name="robots" content="noindex,nofollow">' {} + | wc -l)
check "noindex,nofollow on every internal HTML page ($ni of $nh)" test "$ni" -eq "$nh"
check "no noindex,nofollow in the public edition" \
    sh -c "! grep -rqF 'noindex,nofollow' '$P' --include=*.html"
check "internal robots.txt: Disallow: /" grep -qx 'Disallow: /' "$I/robots.txt"
check "public robots.txt: Allow: /" grep -qx 'Allow: /' "$P/robots.txt"
check "no sitemap in the internal edition" test ! -e "$I/sitemap.xml"
check "内部资料 in the internal header" grep -q 'class="internal-mark"[^>]*>内部资料<' "$I/projects/QJ-B-01/index.html"
check "内部资料 in no public page" sh -c "! grep -rqF '内部资料' '$P' --include=*.html"
check "内部资料 on the internal album's cover" sh -c "pdftotext -q -f 1 -l 1 '$I/print/album.pdf' - | grep -q '内部资料'"
# (the colophon's 准印证号 line says 内部资料 in both editions: that is the permit's name, not the mark)
check "内部资料 on no public album cover" sh -c "! pdftotext -q -f 1 -l 1 '$P/print/album.pdf' - | grep -qF '内部资料'"

# the two editions do not share caches: a second public build is a no-op,
# and the internal one still holds what it should
"$HUACE" build -s "$S" --today $TODAY >"$T/again.log" 2>&1
check "public again: nothing changed" grep -q 'nothing changed' "$T/again.log"
check "public build into the internal folder rebuilds it (options differ)" \
    sh -c "'$HUACE' build -s '$S' -o '$I' --today $TODAY --quiet && test ! -e '$I/supervision' && ! grep -qF '内部资料' '$I/index.html'"

# the keys
B="$T/base"
cp -R tests/sites/base "$B"
printf '%s\n' '  - {matter: "甲镇测试督办事项", owner: "甲镇政府", deadline: 2026-09-01, done: false}' >"$T/sup"
{ echo 'supervision:'; cat "$T/sup"; } >>"$B/content/projects/t-b-01.yaml"
printf 'public: {supervision: true, grades: true, overdue: true}\n' >>"$B/site.yaml"
"$HUACE" build -s "$B" -o "$T/b1" --today 2026-10-15 --quiet
check "public: {supervision: true} shows the item publicly" grep -qF '甲镇测试督办事项' "$T/b1/supervision/index.html"
check "public: {grades: true} shows the grades" test -f "$T/b1/grades/index.html"
check "public: {overdue: true} shows the mark" grep -qF '已逾期' "$T/b1/projects/T-B-01/index.html"
check "…and it is still the public edition" sh -c "! grep -qF 'noindex,nofollow' '$T/b1/index.html'"
sed -i 's/^public: .*/public: {supervision: yes please, grades: true, overdue: true}/' "$B/site.yaml"
"$HUACE" check -s "$B" >"$T/bad.out" 2>&1
check "a wrong public: value is a located error" grep -q '^site.yaml:8:[0-9]*: error: .*public.supervision' "$T/bad.out"
sed -i 's/^public: .*/public: {supervison: true}/' "$B/site.yaml"
"$HUACE" check -s "$B" >"$T/bad.out" 2>&1
check "an unknown public: key is reported at the key" grep -q "^site.yaml:8:[0-9]*: .*supervison" "$T/bad.out"
sed -i 's/^public: .*/public: true/' "$B/site.yaml"
"$HUACE" check -s "$B" >"$T/bad.out" 2>&1
check "public: must be a map" grep -q '^site.yaml:8:9: error: .*public' "$T/bad.out"
"$HUACE" build -s "$B" --edition secret >"$T/usage.out" 2>&1
check "--edition secret is a usage error (2)" test $? -eq 2
check "…saying what it takes" grep -q "edition must be public or internal, not 'secret'" "$T/usage.out"
finish
