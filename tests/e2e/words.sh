#!/bin/sh
# One word per idea, one date format. A late milestone and a late supervision
# item carry the word table's "late" word (seeds words:, default 已逾期) on the
# project page, the schedule, the supervision page and the album, and no
# synonym of it or of the other state words appears anywhere in the output
# (the example site's internal edition, which shows every state, too). Dates
# follow date_format: 2026年9月30日 in prose, 2026-09-30 in tables by default.
. tests/tools/tap.sh
B="$T/site"
cp -R tests/sites/base "$B"
cat >>"$B/content/projects/t-b-01.yaml" <<'EOF'
milestones:
  - {date: 2026-03-31, title: 甲镇节点一, done: true}
  - {date: 2026-09-30, title: 甲镇节点二, done: false}
  - {date: 2026-12-31, title: 甲镇节点三, done: false}
supervision:
  - {matter: 甲镇督办一, owner: 甲镇政府, deadline: 2026-09-30, done: false}
  - {matter: 甲镇督办二, owner: 甲镇政府, deadline: 2026-12-31, done: false}
  - {matter: 甲镇督办三, owner: 甲镇政府, deadline: 2026-08-31, done: true}
EOF
build() { "$HUACE" build -s "$B" -o "$1" --edition internal --today 2026-10-15 --quiet >"$T/build.log" 2>&1 ||
    sed 's/^/# /' "$T/build.log"; }
build "$T/a"
O="$T/a"
# the words the default theme prints for a state, per page
check "project page: the late milestone is 已逾期" grep -q '2026年9月30日</time> 甲镇节点二 <span class="state">已逾期<' "$O/projects/T-B-01/index.html"
check "project page: the open milestone is 未完成" grep -q '甲镇节点三 <span class="state">未完成<' "$O/projects/T-B-01/index.html"
check "project page: the done milestone is 已完成" grep -q '甲镇节点一 <span class="state">已完成<' "$O/projects/T-B-01/index.html"
check "project page: the late supervision item is 已逾期" grep -q '甲镇督办一.*<strong class="state">已逾期<' "$O/projects/T-B-01/index.html"
check "project page: the done supervision item is 已完成" grep -q '甲镇督办三.*<strong class="state">已完成<' "$O/projects/T-B-01/index.html"
check "schedule: the late milestone is （已逾期）" grep -q '2026-09-30</time> 甲镇节点二（已逾期）' "$O/schedule/index.html"
check "supervision page: 已逾期 15 天" grep -q '<strong class="state">已逾期 15 天</strong> 甲镇督办一' "$O/supervision/index.html"
check "supervision page: the done items are 已完成事项" grep -q '<summary>已完成事项（1）' "$O/supervision/index.html"
check "album: the late item is 已逾期" sh -c "pdftotext -q '$O/print/T-B-01.pdf' - | tr -d ' \n' | grep -q '甲镇督办一（甲镇政府，2026年9月30日前，已逾期）'"
check "calendar: a done milestone is （已完成）" grep -q 'SUMMARY:T-B-01 时间节点：甲镇节点一（已完成）' "$O/schedule/schedule.ics"

# synonyms the site used to print for the same ideas
forbidden='超期 已办结 办结 办理中 督办中 在办 有逾期 未办结'
synonyms() {   # prints every forbidden word found in folder $1 (text and PDFs)
    find "$1" -type f \( -name '*.html' -o -name '*.js' -o -name '*.xml' -o -name '*.ics' \) -exec cat {} + >"$T/all"
    find "$1" -name '*.pdf' | while read -r f; do pdftotext -q "$f" - | tr -d ' \n\f'; done >>"$T/all"
    for w in $forbidden; do grep -qF "$w" "$T/all" && echo "$w"; done
}
found=$(synonyms "$O")
check "no synonym of a state word in the test site [$found]" test -z "$found"
if [ -n "${WORDS_EXAMPLE-1}" ]; then   # WORDS_EXAMPLE= leaves the example out (a quick run)
    mkdir -p "$T/ex"
    cp -R site.yaml seeds content assets themes "$T/ex/"
    "$HUACE" build -s "$T/ex" --edition internal --today 2026-10-15 --quiet >"$T/ex.log" 2>&1 || sed 's/^/# /' "$T/ex.log"
    found=$(synonyms "$T/ex/internal")
    check "no synonym of a state word in the example's internal edition [$found]" test -z "$found"
    check "the example's internal edition does print state words" grep -rqF '已逾期' "$T/ex/internal/supervision/index.html"
fi

# the table is one place: change a word, every page follows
sed -i 's/^words:.*//' "$B/seeds/standards.yaml"
printf 'words: {late: 过期未办}\n' >>"$B/seeds/standards.yaml"
build "$T/b"
check "seeds words.late: project page" grep -q '甲镇节点二 <span class="state">过期未办<' "$T/b/projects/T-B-01/index.html"
check "seeds words.late: schedule" grep -q '甲镇节点二（过期未办）' "$T/b/schedule/index.html"
check "seeds words.late: supervision page" grep -q '过期未办 15 天' "$T/b/supervision/index.html"
check "seeds words.late: album" sh -c "pdftotext -q '$T/b/print/T-B-01.pdf' - | tr -d ' \n' | grep -q '过期未办'"
check "seeds words.late: 已逾期 nowhere" sh -c "! grep -rqF '已逾期' '$T/b' --include=*.html"

# date_format
printf 'date_format: iso\n' >>"$B/site.yaml"
build "$T/c"
check "date_format: iso — prose dates as 2026-09-30" grep -q '<time datetime="2026-09-30">2026-09-30</time> 甲镇节点二' "$T/c/projects/T-B-01/index.html"
check "date_format: iso — the footer's date too" grep -q '数据截至 2026-10-15' "$T/c/index.html"
sed -i 's/^date_format: .*/date_format: {prose: zh, table: dots}/' "$B/site.yaml"
build "$T/d"
check "date_format.table: dots — the schedule's table" grep -q '>2026.09.30</time> 甲镇节点二' "$T/d/schedule/index.html"
check "date_format.prose: zh — the project page" grep -q '>2026年9月30日</time> 甲镇节点二' "$T/d/projects/T-B-01/index.html"
check "the default: 数据截至 2026年10月15日" grep -q '数据截至 2026年10月15日' "$O/index.html"
ln=$(grep -n '^date_format' "$B/site.yaml" | cut -d: -f1)
sed -i 's/^date_format: .*/date_format: {prose: yyyy年m月d日}/' "$B/site.yaml"
"$HUACE" check -s "$B" >"$T/bad.out" 2>&1
check "a wrong date_format is a located error" \
    grep -q "^site.yaml:$ln:[0-9]*: error: date_format.prose must be zh (2026年9月30日), iso (2026-09-30) or dots (2026.09.30), not 'yyyy年m月d日' \[date-format\]" "$T/bad.out"
sed -i 's/^date_format: .*//' "$B/site.yaml"
printf 'words: {late: ""}\n' >"$T/w" && sed -i 's/^words: .*//' "$B/seeds/standards.yaml" && cat "$T/w" >>"$B/seeds/standards.yaml"
"$HUACE" check -s "$B" >"$T/bad.out" 2>&1
check "an empty word is a located error" grep -q '^seeds/standards.yaml:[0-9]*:[0-9]*: error: words.late must not be empty' "$T/bad.out"
finish
