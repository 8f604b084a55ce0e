#!/bin/sh
# `huace preflight` (issue 14, item 3). On the fixtures of tests/preflight/
# (made by mkfixtures.py, which must give the committed bytes again): the
# exit status, the problems found ("code page", as NAME.expect lists them:
# no more, no fewer) and their wording in the text report; usage errors and
# unreadable files exit 2 with a message; the JSON is one object with the
# documented keys in order, and the same input gives the same bytes.
# Then huace's own album: the screen edition is rejected for no bleed and
# RGB; the press edition without --pdfx (an RGB proof) for RGB and
# four-colour text; the --pdfx edition (PDF/X-4, CMYK) is accepted, passes
# qpdf --check, has no dark text with C, M or Y in it (textcolour.py walks
# the content streams), crop marks in /Separation /All, the configured
# OutputIntent, and the same bytes when built again.
. tests/tools/tap.sh
F=tests/preflight

# the fixtures are what the script makes
if command -v qpdf >/dev/null 2>&1; then
    python3 $F/mkfixtures.py "$T/fx" >"$T/mk.log" 2>&1
    same=1
    for f in $F/*.pdf; do cmp -s "$f" "$T/fx/$(basename "$f")" || { same=0; echo "# differs: $f"; }; done
    if [ $same = 1 ]; then ok "mkfixtures.py makes the committed fixtures byte for byte"; else notok "mkfixtures.py makes the committed fixtures byte for byte"; fi
else
    skip "mkfixtures.py makes the committed fixtures" "qpdf is not installed"
fi

# problem codes and pages of a JSON report, one "code page" a line
codes() { python3 -c 'import json,sys; d=json.load(sys.stdin); print("\n".join(sorted(set("%s %d" % (p["code"], p["page"]) for p in d["problems"]))))'; }

for name in good screen rgb-text no-bleed low-ppi ink x3-objstm; do
    want=1; [ $name = good ] && want=0
    "$HUACE" preflight --format json "$F/$name.pdf" >"$T/$name.json" 2>"$T/$name.err"
    st=$?
    if [ $st = $want ]; then ok "$name.pdf: exit $want"; else notok "$name.pdf: exit $want (got $st)"; sed 's/^/# /' "$T/$name.err"; fi
    if codes <"$T/$name.json" >"$T/$name.codes" 2>"$T/$name.py" && diff "$F/$name.expect" "$T/$name.codes" >"$T/$name.diff"; then
        ok "$name.pdf: finds exactly the problems in $name.expect"
    else
        notok "$name.pdf: finds exactly the problems in $name.expect"; sed 's/^/# /' "$T/$name.diff" "$T/$name.py"
    fi
    "$HUACE" preflight "$F/$name.pdf" >"$T/$name.txt" 2>&1
done

has() { # has NAME TEXT…: the text report of NAME holds each text
    nm=$1; shift
    for s in "$@"; do
        if ! grep -qF -- "$s" "$T/$nm.txt"; then notok "$nm.pdf report says '$s'"; sed 's/^/# /' "$T/$nm.txt" | head -40; return; fi
    done
    ok "$nm.pdf report names: $*"
}
has good "PDF/X-1a:2001" "OutputIntent GTS_PDFX 'FOGRA39', CMYK profile embedded" "Trapped False; ID present" \
    "bleed 3.0/3.0/3.0/3.0 mm" "lowest 305 ppi" "Result     ACCEPTED"
has screen "no TrimBox: the trim is the media box and there is no bleed [no-bleed]" "DeviceRGB on this page" \
    "e.g. R28 G28 B31" "Intent     screen" "REJECTED"
has rgb-text "page 1: Type1 Helvetica is not embedded [font-not-embedded]" \
    "2 dark text run(s) not in black ink alone" "DeviceRGB on this page: 0 fills, 0 strokes, 1 text runs"
has no-bleed "page 1: bleed 0.0 mm (3 mm needed on every side) [bleed]" "stops short of the bleed"
has low-ppi "20 × 20 px placed at 40.0 × 40.0 mm is 13 ppi (200 needed, 300 preferred) [low-ppi]"
has ink "image /Im1 (object 7): total ink 400 %" "fill C80 M70 Y70 K100: total ink 320 %"
has x3-objstm "PDF/X-3:2002 allows PDF 1.3 at most; the file is PDF 1.5 [pdfx-version]" \
    "PDF/X-3:2002 (PDF 1.3) does not allow object streams and a cross-reference stream"

# JSON: keys in the documented order; same bytes twice
if python3 - "$T/good.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
want = ["file", "pdf_version", "pages", "object_streams", "xref_stream", "pdfx", "press_intent", "page_boxes",
        "fonts", "images", "colorspaces", "text", "lowest_ppi", "ink", "problems", "warnings", "accepted"]
assert list(d) == want, list(d)
assert list(d["pdfx"]) == ["info", "xmp", "output_intent", "trapped", "id"]
assert d["accepted"] is True and d["pdfx"]["info"] == "PDF/X-1a:2001" and d["pages"] == 1
assert d["page_boxes"][0]["bleed_mm"] == [9.0, 9.0, 120.0, 163.0], d["page_boxes"]
assert d["images"][0]["ppi"] == 305 and d["fonts"][0]["type"] == "Type3"
PY
then ok "JSON keys in the documented order, values as the file has them"; else notok "JSON keys in the documented order"; fi
"$HUACE" preflight --format json "$F/rgb-text.pdf" >"$T/again.json" 2>&1
check "same input, same JSON bytes" cmp "$T/rgb-text.json" "$T/again.json"

# usage and unreadable files: exit 2 with a message
usage() { # usage DESC PATTERN ARGS…
    d=$1 p=$2; shift 2
    "$HUACE" preflight "$@" >"$T/u.out" 2>"$T/u.err"
    st=$?
    if [ $st = 2 ] && grep -q -- "$p" "$T/u.err" && ! [ -s "$T/u.out" ]; then ok "$d: exit 2"; else notok "$d: exit 2 (got $st)"; sed 's/^/# /' "$T/u.err"; fi
}
usage "no file" "needs one PDF file"
usage "two files" "unexpected argument" "$F/good.pdf" "$F/ink.pdf"
usage "--format xml" "format must be text or json" --format xml "$F/good.pdf"
usage "a missing file" "cannot read the file" "$T/nope.pdf"
printf 'not a pdf\n' >"$T/text.pdf"
usage "a text file" "not a PDF file" "$T/text.pdf"
head -c 700 "$F/good.pdf" >"$T/cut.pdf"
"$HUACE" preflight "$T/cut.pdf" >"$T/cut.out" 2>&1
st=$?
if [ $st = 1 ] || [ $st = 2 ]; then ok "a truncated PDF: exit $st, no crash"; else notok "a truncated PDF: exit 1 or 2 (got $st)"; fi

# huace's own album
OUT=$T/site
example_build "$OUT" "$T/build.log" || { notok "example site builds"; sed 's/^/# /' "$T/build.log" | head; finish; exit 1; }
album() { # album NAME FILE WANT-EXIT CODES…: exit status and exactly these problem codes
    nm=$1 f=$2 want=$3; shift 3
    "$HUACE" preflight --format json "$f" >"$T/album.json" 2>"$T/album.err"
    st=$?
    got=$(python3 -c 'import json,sys; print(" ".join(sorted(set(p["code"] for p in json.load(sys.stdin)["problems"]))))' <"$T/album.json")
    if [ $st = "$want" ] && [ "$got" = "$*" ]; then ok "$nm: exit $want, problems: ${*:-none}"; else notok "$nm: exit $want, problems: $* (got exit $st: $got)"; sed 's/^/# /' "$T/album.err"; fi
}
album "screen edition album.pdf" "$OUT/print/album.pdf" 1 art-short no-bleed rgb text-not-k
album "press edition without --pdfx (an RGB proof): RGB, four-colour text" "$OUT/print/album-press.pdf" 1 rgb text-not-k
"$HUACE" preflight "$OUT/print/album.pdf" >"$T/screen.txt"
grep -q "pages 1–[0-9]*: no TrimBox: the trim is the media box and there is no bleed \[no-bleed\]" "$T/screen.txt" &&
    ok "screen edition: no bleed on every page, named" || notok "screen edition: no bleed on every page, named"
"$HUACE" preflight "$OUT/print/album-press.pdf" >"$T/press.txt"
grep -q "bleed 3.0/3.0/3.0/3.0 mm" "$T/press.txt" && ! grep -q "stops short of the bleed" "$T/press.txt" &&
    ok "press edition: 3 mm bleed, artwork reaches it" || notok "press edition: 3 mm bleed, artwork reaches it"

# --pdfx: PDF/X-4 in CMYK, converted in-process. The site is a copy of the
# example with print.icc (a copy of the generic profile inside the site
# folder, as a shop's profile would be) and print.condition set (symbolic
# links would lead out of the site folder, which huace refuses).
S2=$T/site2
mkdir -p "$S2"
for f in *; do case $f in site.yaml|build|huace|src|tests) ;; *) cp -R "$f" "$S2/$f" ;; esac; done
cp /usr/share/color/icc/ghostscript/default_cmyk.icc "$S2/press.icc" 2>/dev/null
# (no node signs: tests/e2e/signs.sh checks them with --pdfx on a small site)
sed 's|^print:$|print:\n  icc: press.icc\n  condition: "CGATS TR 001"\n  signs: false|' site.yaml >"$S2/site.yaml"
"$HUACE" build -s "$S2" -o "$OUT" --today 2026-11-30 --quiet --pdfx >"$T/buildx.log" 2>&1 || { notok "builds with --pdfx"; sed 's/^/# /' "$T/buildx.log" | head; }
X=$OUT/print/album-press.pdf
album "--pdfx press edition album-press.pdf" "$X" 0
bad=""
for f in "$OUT"/print/*-press.pdf; do "$HUACE" preflight "$f" >/dev/null 2>&1 || bad="$bad $(basename "$f")"; done
if [ -z "$bad" ]; then ok "--pdfx: every press edition is accepted"; else notok "--pdfx: every press edition is accepted (rejected:$bad)"; fi
check "--pdfx press edition passes qpdf --check" qpdf --check "$X"
head -c 8 "$X" | grep -q '%PDF-1.6' && ok "--pdfx press edition is PDF 1.6 (PDF/X-4)" || notok "--pdfx press edition is PDF 1.6"
"$HUACE" preflight --format json "$X" >"$T/x.json"
if python3 - "$T/x.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
x = d["pdfx"]
assert x["info"] == "PDF/X-4" and x["xmp"] == "PDF/X-4", x
assert x["output_intent"] == {"identifier": "CGATS TR 001", "profile": True, "profile_components": 4}, x
assert x["trapped"] == "False" and x["id"] is True, x
cs = {c["name"]: c for c in d["colorspaces"]}
assert set(cs) == {"DeviceCMYK", "Separation All"}, list(cs)
assert cs["Separation All"]["pages"] == d["pages"] and cs["Separation All"]["stroke"] == d["pages"], cs
assert all(b["trim_mm"][0] - b["bleed_mm"][0] == 3.0 for b in d["page_boxes"]), d["page_boxes"][0]
assert d["ink"]["image"]["max"] <= 300 and d["ink"]["vector"]["max"] <= 300, d["ink"]
PY
then ok "--pdfx: PDF/X-4 keys, OutputIntent 'CGATS TR 001' with its profile, only CMYK and /All (crop marks), ink <= 300 %"
else notok "--pdfx: PDF/X-4 keys, OutputIntent, CMYK only, crop marks in /All"; fi
if python3 tests/preflight/textcolour.py "$X" >"$T/tc.txt" 2>&1 && grep -q " reg [1-9]" "$T/tc.txt"; then
    ok "--pdfx: no dark text with C, M or Y over 2 % in the content streams ($(cat "$T/tc.txt"))"
else notok "--pdfx: no dark text with C, M or Y over 2 %"; sed 's/^/# /' "$T/tc.txt"; fi
python3 tests/preflight/textcolour.py "$OUT/print/album.pdf" >"$T/tc2.txt" 2>&1 &&
    notok "the text-colour check rejects the RGB screen edition" || ok "the text-colour check rejects the RGB screen edition"
# a second --pdfx build into another folder that has the first one's caches:
# it renders every PDF again, its converted images from OUT.huace-cmyk
for c in "$OUT".huace-*; do
    case $c in *.huace-lock|*.huace-cache) ;; *) cp -a "$c" "$T/again${c#"$OUT"}" ;; esac
done
"$HUACE" build -s "$S2" -o "$T/again" --today 2026-11-30 --quiet --pdfx >/dev/null 2>&1
check "--pdfx: same bytes twice" cmp "$X" "$T/again/print/album-press.pdf"
finish
