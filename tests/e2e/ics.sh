#!/bin/sh
# schedule/schedule.ics, checked line by line (tests/tools/icscheck.py).
. tests/tools/tap.sh
cp -R tests/sites/base "$T/site"
# a meeting whose place needs escaping and whose summary needs folding
printf '%s\n' 'observation: {number: 12, date: 2026-12-20, place: "乙乡党群服务中心, 二楼; 会议室\\东"}' \
    >>"$T/site/content/projects/t-z-01.yaml"
"$HUACE" build -s "$T/site" -o "$T/out" --today 2026-11-30 --quiet || { echo "not ok 1 - build"; exit 1; }
python3 tests/tools/icscheck.py "$T/out/schedule/schedule.ics" \
    'DTSTAMP:20261130T000000Z' \
    'DTSTART;VALUE=DATE:20261220' \
    'LOCATION:乙乡党群服务中心\, 二楼\; 会议室\\东' \
    'UID:observation-T-Z-01@example.test' \
    'SUMMARY:挂号比战观摩会 第12号：T-Z-01 乙乡示范区'
