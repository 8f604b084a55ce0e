#!/bin/sh
# The node signs (醒目标识, issue 17 §4) on the small fixture tests/sites/signs:
# print/signs/<unit id>/<node id>.pdf for every node and nothing else; one
# A3 page with a 3 mm bleed (TrimBox/BleedBox, as `huace preflight` reads
# them), fonts embedded; the QR code (zbarimg) is the node's anchor URL and
# the unit page has that anchor; 你在这里 is on every sign and is drawn by
# its own node (two nodes 8 km apart east and west); the next node's name, direction
# and distance; no next-node line on a unit of one node; the signs pass
# preflight as the album's press edition does (RGB proof: rgb and
# text-not-k only; --pdfx: accepted, text on K only); the same bytes twice;
# print.sign_size: A4; a node removed leaves no sign behind.
. tests/tools/tap.sh
S=tests/sites/signs
URL=https://example.test/site/projects
OUT=$T/out
build() { # build SITE OUT [options]: a quiet build, its log in $T/log
    src=$1 out=$2; shift 2
    "$HUACE" build -s "$src" -o "$out" --today 2026-11-30 --quiet "$@" >"$T/log" 2>&1
    st=$?
    san_report "$T/log"
    return $st
}
if build "$S" "$OUT"; then ok "the fixture builds"; else notok "the fixture builds"; sed 's/^/# /' "$T/log" | head; finish; exit 1; fi
G=$OUT/print/signs

# ---- one sign per node, nothing more ----
want=$(for f in "$S"/content/projects/*.yaml; do
    id=$(sed -n 's/^id: *//p' "$f")
    sed -n 's/^  - {id: \([^,]*\),.*lon:.*/\1/p' "$f" | sed "s|^|$id/|"
done | sort | tr '\n' ' ')
got=$(cd "$G" && find . -type f | sed 's|^\./||; s|\.pdf$||' | sort | tr '\n' ' ')
if [ "$got" = "$want" ]; then ok "one sign per node: $got"; else notok "one sign per node: want '$want', got '$got'"; fi
check "no folder for a unit without nodes" test ! -e "$G/P-Z-01"

# ---- page, boxes, fonts ----
for f in "$G"/*/*.pdf; do
    b=${f#"$G"/}
    "$HUACE" preflight --format json "$f" >"$T/pf.json" 2>"$T/pf.err"
    check "$b: one A3 page, trim 297 × 420 mm, bleed 3 mm each side, every font embedded" python3 - "$T/pf.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["pages"] == 1, d["pages"]
b = d["page_boxes"][0]
t, bl = b["trim_mm"], b["bleed_mm"]
assert (round(t[2] - t[0], 1), round(t[3] - t[1], 1)) == (297.0, 420.0), t
assert [round(t[0] - bl[0], 1), round(t[1] - bl[1], 1), round(bl[2] - t[2], 1), round(bl[3] - t[3], 1)] == [3.0] * 4, b
assert d["fonts"] and all(f["embedded"] for f in d["fonts"]), d["fonts"]
PY
    codes=$(python3 -c 'import json,sys; print(" ".join(sorted(set(p["code"] for p in json.load(sys.stdin)["problems"]))))' <"$T/pf.json")
    if [ "$codes" = "rgb text-not-k" ]; then ok "$b: preflight finds what it finds in the album's RGB press edition (rgb text-not-k), nothing else"
    else notok "$b: preflight problems 'rgb text-not-k', got '$codes'"; fi
done

# ---- the QR code and the anchor ----
for sign in P-B-01/n1 P-B-01/n3 P-D-01/station; do
    unit=${sign%/*} node=${sign#*/}
    pdftoppm -r 100 -png -singlefile "$G/$sign.pdf" "$T/qr"
    qr=$(zbarimg -q --raw "$T/qr.png" 2>/dev/null)
    if [ "$qr" = "$URL/$unit/#$node" ]; then ok "$sign: the QR code reads $qr"; else notok "$sign: the QR code reads '$qr', want $URL/$unit/#$node"; fi
    check "$sign: the unit page has the anchor id=\"$node\"" grep -q "id=\"$node\"" "$OUT/projects/$unit/index.html"
done

# ---- what the sign says ----
txt() { pdftotext -enc UTF-8 "$G/$1.pdf" - | tr -s ' \n' ' '; }
for f in "$G"/*/*.pdf; do
    b=${f#"$G"/}
    check "$b: 你在这里" sh -c "pdftotext -enc UTF-8 '$f' - | grep -q 你在这里"
done
t1=$(txt P-B-01/n1)
case $t1 in *甲镇“红色纽带”党建示范带*P-B-01*|*P-B-01*甲镇“红色纽带”党建示范带*) ok "n1: the unit's number and name" ;; *) notok "n1: the unit's number and name: $t1" ;; esac
case $t1 in *党群服务中心*参观线路第\ 1\ 站*) ok "n1: its name, kind and stop" ;; *) notok "n1: its name, kind and stop: $t1" ;; esac
case $t1 in *已完成*创建任务全部完成*) ok "n1: its status and what it means" ;; *) notok "n1: status and meaning: $t1" ;; esac
case $t1 in *下一站*文明实践站*向东北*约\ 1.5\ 公里*) ok "n1: next 文明实践站, 向东北, 约 1.5 公里 (1.48 km)" ;; *) notok "n1: next node, direction, distance: $t1" ;; esac
t2=$(txt P-B-01/n2)
case $t2 in *下一站*党建公园*向东*约\ 2.0\ 公里*) ok "n2: next 党建公园, 向东, 约 2.0 公里" ;; *) notok "n2: next node: $t2" ;; esac
t3=$(txt P-B-01/n3)
case $t3 in *下一站*) notok "n3 (the route's end) has no next stop: $t3" ;; *参观线路终点*) ok "n3: the route's end, no next stop" ;; *) notok "n3: 参观线路终点: $t3" ;; esac
t4=$(txt P-B-01/n4)
case $t4 in *不在参观线路上*参观线路起点*党群服务中心*向南*) ok "n4 (off the route): the way to the route's start, 向南" ;; *) notok "n4: off the route, to the start: $t4" ;; esac
ts=$(txt P-D-01/station)
case $ts in *下一站*|*参观线路*|*公里*|*米\ *) notok "a unit of one node: no next-node line: $ts" ;; *初心驿站*) ok "a unit of one node: no next-node line" ;; *) notok "station sign: $ts" ;; esac

# 你在这里 is drawn by its own node: P-B-02's two nodes lie 8 km apart on
# one latitude, at the two sides of its map, so the label's centre moves
# far to the right (pdftotext -bbox, points) from the west node's sign to
# the east node's, and hardly up or down
here() { pdftotext -bbox "$G/$1.pdf" - | sed -n 's/.*xMin="\([0-9.]*\)" yMin="\([0-9.]*\)" xMax="\([0-9.]*\)" yMax="\([0-9.]*\)".*>你在这里<.*/\1 \2 \3 \4/p'; }
hw=$(here P-B-02/west) he=$(here P-B-02/east)
if awk -v a="$hw" -v b="$he" 'BEGIN { split(a, p); split(b, q);
        dx = (q[1] + q[3]) / 2 - (p[1] + p[3]) / 2; dy = (q[2] + q[4]) / 2 - (p[2] + p[4]) / 2;
        exit !(dx > 250 && dy < 120 && dy > -120) }'; then
    ok "你在这里 by its own node: west sign at $hw, east sign at $he"
else notok "你在这里 by its own node: west sign at '$hw', east sign at '$he'"; fi
check "P-B-02/west: 下一站 东村文化礼堂, 向东, 约 7.8 公里" sh -c "pdftotext -enc UTF-8 '$G/P-B-02/west.pdf' - | tr -s ' \n' ' ' | grep -q '下一站.*东村文化礼堂.*向东.*约 7.8 公里'"

# ---- the same bytes twice ----
build "$S" "$T/again" || notok "second build"
same=1
for f in "$G"/*/*.pdf; do cmp -s "$f" "$T/again/print/signs/${f#"$G"/}" || { same=0; echo "# differs: $f"; }; done
if [ $same = 1 ]; then ok "two builds: the same bytes"; else notok "two builds: the same bytes"; fi

# ---- print.sign_size, and nothing stale after a node goes ----
S2=$T/site2
cp -R "$S" "$S2"
sed -i 's/^  unit_albums: false/  unit_albums: false\n  sign_size: A4/' "$S2/site.yaml"
sed -i '/id: n4,/d' "$S2/content/projects/p-b-01.yaml"
cp "$G/P-B-01/n1.pdf" "$T/n1-before.pdf"
build "$S2" "$OUT" || { notok "builds with sign_size: A4"; sed 's/^/# /' "$T/log" | head; }
check "a removed node's sign is gone" test ! -e "$G/P-B-01/n4.pdf"
check "the other signs are drawn again (the map lost a node)" sh -c "! cmp -s '$T/n1-before.pdf' '$G/P-B-01/n1.pdf'"
"$HUACE" preflight --format json "$G/P-B-01/n1.pdf" >"$T/a4.json" 2>/dev/null
check "print.sign_size: A4 gives a 210 × 297 mm trim" python3 -c '
import json, sys
t = json.load(open(sys.argv[1]))["page_boxes"][0]["trim_mm"]
assert (round(t[2] - t[0], 1), round(t[3] - t[1], 1)) == (210.0, 297.0), t' "$T/a4.json"
sed 's/^  sign_size: A4/  sign_size: B7/' "$S2/site.yaml" >"$T/bad.yaml" && cp "$T/bad.yaml" "$S2/site.yaml"
build "$S2" "$T/bad" && notok "sign_size: B7 is refused" ||
    if grep -q "site.yaml:[0-9]*:[0-9]*: error: print.sign_size must be a paper size from A0 to A5" "$T/log"; then ok "sign_size: B7 is a located error"
    else notok "sign_size: B7 is a located error"; sed 's/^/# /' "$T/log" | head -5; fi

# ---- the press rules with --pdfx: PDF/X-4, text on K only ----
build "$S" "$T/x" --pdfx || { notok "builds with --pdfx"; sed 's/^/# /' "$T/log" | head; }
bad=""
for f in "$T"/x/print/signs/*/*.pdf; do
    "$HUACE" preflight "$f" >"$T/x.txt" 2>&1 || bad="$bad ${f#"$T"/x/print/signs/}"
    python3 tests/preflight/textcolour.py "$f" >"$T/tc.txt" 2>&1 || bad="$bad ${f#"$T"/x/print/signs/}(text-colour)"
done
if [ -z "$bad" ]; then ok "--pdfx: every sign accepted by preflight, its text on K only"; else notok "--pdfx: signs rejected:$bad"; fi
finish
