#!/bin/sh
# schedule/schedule.ics, checked line by line (tests/tools/icscheck.py).
. tests/tools/tap.sh
cp -R tests/sites/base "$T/site"
# a meeting whose place needs escaping
printf '%s\n' 'observation: {number: 12, date: 2026-12-20, place: "乙乡党群服务中心, 二楼; 会议室\\东"}' \
    >>"$T/site/content/projects/t-z-01.yaml"
# and one whose place is long enough to fold twice: ASCII first, so that a
# line folded at 76 octets instead of 75 shows (a CJK character is 3 octets:
# folding at 75 or 76 cuts the same places), then CJK across a fold
long='Room 201 East Wing of the Village Committee Building No. 7 on Jiazhen Township Road 88'
printf 'observation: {number: 13, date: 2026-12-21, place: "%s 甲镇党群服务中心二楼大会议室东侧小会议室和档案室"}\n' "$long" \
    >>"$T/site/content/projects/t-b-01.yaml"
"$HUACE" build -s "$T/site" -o "$T/out" --today 2026-11-30 --quiet || { echo "not ok 1 - build"; exit 1; }
ICS="$T/out/schedule/schedule.ics"
python3 tests/tools/icscheck.py "$ICS" \
    'DTSTAMP:20261130T000000Z' \
    'DTSTART;VALUE=DATE:20261220' \
    'LOCATION:乙乡党群服务中心\, 二楼\; 会议室\\东' \
    'UID:observation-T-Z-01@example.test' \
    'SUMMARY:挂号比战观摩会 第12号：T-Z-01 乙乡示范区' \
    'SUMMARY:挂号比战观摩会 第13号：T-B-01 甲镇示范带' \
    "LOCATION:$long 甲镇党群服务中心二楼大会议室东侧小会议室和档案室" | sed 's/^\(not \)*ok [0-9]* - /&icscheck: /' >"$T/tap"
while read -r line; do
    case "$line" in
    "ok "*) ok "${line#ok * - }" ;;
    "not ok "*) notok "${line#not ok * - }" ;;
    esac
done <"$T/tap"
# the folding checks above test something only if a line is folded; and a
# line is folded at 75 octets, not before (RFC 5545 3.1)
python3 - "$ICS" >"$T/fold" <<'PY'
import sys
phys = open(sys.argv[1], "rb").read().split(b"\r\n")[:-1]
loc = [i for i, l in enumerate(phys) if l.startswith(b"LOCATION:Room 201")]
print(len(loc), len(phys[loc[0]]) if loc else -1, sum(1 for l in phys if l.startswith(b" ")) if loc else -1,
      len(phys[loc[0] + 1]) if loc else -1)
PY
read -r nloc first conts second <"$T/fold"
check "the long LOCATION line is there once" test "$nloc" -eq 1
check "its first physical line is exactly 75 octets (folded at 75, not 76 or before): $first" test "$first" -eq 75
check "the file has continuation lines ($conts): the folding checks test a fold" test "$conts" -ge 2
check "a continuation line is at most 75 octets with its leading space ($second)" test "$second" -le 75 -a "$second" -ge 70
finish
