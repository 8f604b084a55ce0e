#!/bin/sh
# The day a build is "as of" (issue 16 §6): an open item due today is not
# overdue — not in `huace check`, not in the build's summary line, not on the
# supervision page nor the project page; and without --today the build date is
# the newest date in the content (SOURCE_DATE_EPOCH when set), never the wall
# clock: the same input gives the same bytes tomorrow.
. tests/tools/tap.sh
cp -R tests/sites/base "$T/site"
printf 'maps: {enabled: false}\nprint: {enabled: false}\n' >>"$T/site/site.yaml"
cat >>"$T/site/content/projects/t-z-01.yaml" <<'EOF'
supervision:
  - {matter: 昨天到期的事, owner: 乙乡党委, deadline: 2026-11-29, done: false}
  - {matter: 今天到期的事, owner: 乙乡党委, deadline: 2026-11-30, done: false}
  - {matter: 明天到期的事, owner: 甲村支部, deadline: 2026-12-01, done: false}
EOF

# 1. due today is not overdue
"$HUACE" check -s "$T/site" --today 2026-11-30 >"$T/check.txt" 2>&1
check "check: the item due yesterday is overdue (1 day)" grep -q 'overdue since 2026-11-29 (1 days): 昨天到期的事' "$T/check.txt"
check "check: the item due today is not overdue" sh -c "! grep -q '今天到期的事' '$T/check.txt'"
check "check: one overdue finding in all" grep -q '(overdue 1)' "$T/check.txt"
"$HUACE" build -s "$T/site" -o "$T/out" --edition internal --today 2026-11-30 >"$T/build.txt" 2>&1
check "build: '1 supervision item is overdue as of 2026-11-30'" grep -q '1 supervision item is overdue as of 2026-11-30' "$T/build.txt"
S="$T/out/supervision/index.html"
check "supervision page: 1 of 3 open items 已逾期" grep -q '共 3 项未完成，其中 <strong>1</strong> 项已逾期' "$S"
check "supervision page: the item due yesterday is 已逾期 1 天" grep -q '已逾期 1 天</strong> 昨天到期的事' "$S"
check "supervision page: the item due today is 今日到期" grep -q '今日到期</strong> 今天到期的事' "$S"
check "supervision page: the item due tomorrow has 1 day left" grep -q '剩 1 天</strong> 明天到期的事' "$S"
P="$T/out/projects/T-Z-01/index.html"
check "project page: only the item due yesterday has class overdue" \
    sh -c "grep -q '<li class=\"overdue\">昨天到期的事' '$P' && grep -q '<li class=\"\">今天到期的事' '$P' && test \$(grep -o 'class=\"overdue\"' '$P' | wc -l) -eq 1"
check "project page: the item due today says 未完成, not 已逾期" \
    sh -c "grep '今天到期的事' '$P' | grep -q '<strong class=\"state\">未完成</strong>'"

# 2. the build date without --today: the newest date of the content (the base
# site's second case study, 2026-06-01), whatever the clock says
rm -rf "$T/out"
env -u SOURCE_DATE_EPOCH "$HUACE" build -s "$T/site" -o "$T/a" --quiet
# (the feed's own <updated> is its first: each entry has one too)
feed_day() { grep -m1 -o '<updated>[^<]*' "$1" | sed 's/<updated>//'; }
check "no --today, no SOURCE_DATE_EPOCH: feed.xml is updated as of 2026-06-01" test "$(feed_day "$T/a/feed.xml")" = 2026-06-01T00:00:00Z
check "and the footer says 数据截至 2026年6月1日" grep -q '数据截至 2026年6月1日' "$T/a/index.html"
"$HUACE" build -s "$T/site" -o "$T/b" --today 2026-06-01 --quiet
check "the same bytes as a build with --today 2026-06-01" diff -r -x '*.huace-*' "$T/a" "$T/b"
E=1790000000                                   # 2026-09-21T14:13:20Z
SOURCE_DATE_EPOCH=$E "$HUACE" build -s "$T/site" -o "$T/c" --quiet
check "SOURCE_DATE_EPOCH=$E: as of $(date -u -d @$E +%Y-%m-%d)" \
    test "$(feed_day "$T/c/feed.xml")" = "$(date -u -d @$E +%Y-%m-%d)T00:00:00Z"
SOURCE_DATE_EPOCH=$E "$HUACE" build -s "$T/site" -o "$T/d" --today 2026-10-02 --quiet
check "--today wins over SOURCE_DATE_EPOCH" test "$(feed_day "$T/d/feed.xml")" = 2026-10-02T00:00:00Z
finish
