#!/bin/sh
# Names that become paths, and values that reach outputs (issue 11): a seeds
# slug cannot write outside the output; a long tag either fits or is a located
# error at the tag; base_url and colours are checked; hostile text in content
# reaches the calendar, the feeds and the search index escaped for each.
. tests/tools/tap.sh
site() { rm -rf "$T/site"; cp -R tests/sites/base "$T/site"; printf 'maps: {enabled: false}\nprint: {enabled: false}\n' >>"$T/site/site.yaml"; }
build() { "$HUACE" build -s "$T/site" -o "$T/w/out" --today 2026-11-30 --quiet "$@"; }

# 1. a seeds slug with ../ writes nothing outside the output (nor anything at all)
for kind in grades levels; do
    site
    rm -rf "$T/w" && mkdir -p "$T/w"
    if [ $kind = grades ]; then
        sed -i 's|slug: excellent|slug: "../../../x"|' "$T/site/seeds/standards.yaml"
    else
        sed -i 's|{key: city, |{key: "../../../x", |' "$T/site/seeds/standards.yaml"
    fi
    build 2>"$T/err"
    st=$?
    check "$kind: a '../' name stops the build (1)" test $st -eq 1
    check "$kind: the error is at the seeds line, rule name" grep -q "^seeds/standards.yaml:[0-9]*:[0-9]*: error: .* '../../../x' becomes a folder name of the site, but it contains '/' .*\[name\]" "$T/err"
    check "$kind: nothing written outside the output" sh -c "test ! -e '$T/x' && ! find '$T' -name index.html ! -path '$T/w/out/*' | grep -q ."
done

# 2. an 88-character tag that fits is a folder; one that does not is an error at the tag
site
long_ascii=$(printf 'a%.0s' $(seq 88))
long_zh=$(printf '党%.0s' $(seq 66))      # 198 bytes: fits under the 200-byte limit
sed -i "s|^tags: .*|tags: [文明城市, $long_ascii, $long_zh]|" "$T/site/content/projects/t-z-01.yaml"
rm -rf "$T/w" && mkdir -p "$T/w"
build 2>"$T/err"
check "88-character and 198-byte tags build" sh -c "test -s '$T/w/out/tags/$long_ascii/index.html' && test -s '$T/w/out/tags/$long_zh/index.html'"
check "and their project page links to them" grep -q "tags/$long_ascii/index.html" "$T/w/out/projects/T-Z-01/index.html"
too_long=$(printf '党%.0s' $(seq 88))    # 264 bytes
sed -i "s|^tags: .*|tags: [文明城市, $too_long]|" "$T/site/content/projects/t-z-01.yaml"
"$HUACE" check -s "$T/site" --today 2026-11-30 >"$T/check.txt"
check "check: a tag too long is an error at the tag, saying the limit" grep -q "^content/projects/t-z-01.yaml:7:14: error: tag '$too_long' becomes a folder name of the site, but it is 264 bytes long (88 characters), over the limit of 200 bytes (a folder name can have at most 255, NAME_MAX) \[name\]" "$T/check.txt"
build 2>"$T/err"
check "build: the same error, not 'File name too long'" sh -c "grep -q 'over the limit of 200 bytes' '$T/err' && ! grep -q 'File name too long' '$T/err'"

# 2b. a tag with '/' (党建/联建) is a located error at the tag, in check and
# build, and nothing nests inside another tag's folder (tests/unit/test_link.c:
# the link step itself never keeps a '/' in a folder name)
site
sed -i "s|^tags: .*|tags: [党建, 党建/联建]|" "$T/site/content/projects/t-z-01.yaml"
"$HUACE" check -s "$T/site" --today 2026-11-30 >"$T/check.txt"
check "check: a tag with '/' is an error at the tag [name]" grep -q "^content/projects/t-z-01.yaml:7:12: error: tag '党建/联建' becomes a folder name of the site, but it contains '/' .*\[name\]" "$T/check.txt"
rm -rf "$T/w" && mkdir -p "$T/w"
build 2>"$T/err"
check "build: the same error stops the build, nothing nests in tags/党建/" sh -c "grep -q \"tag '党建/联建' .* contains '/'\" '$T/err' && test ! -e '$T/w/out/tags/党建/联建'"

# 3. base_url with CR/LF and a CSS payload in a colour reach no output
site
sed -i 's|^base_url: .*|base_url: "https://example.test/\\r\\nEND:VEVENT\\r\\nBEGIN:VEVENT\\r\\nSUMMARY:injected"|' "$T/site/site.yaml"
rm -rf "$T/w" && mkdir -p "$T/w"
build 2>"$T/err"
check "base_url with CR/LF stops the build, at site.yaml:3" sh -c "test $? -eq 1 && grep -q '^site.yaml:3:11: error: base_url contains a control character' '$T/err' && test ! -e '$T/w/out'"
site
sed -i 's|"#c8102e"|"#c8102e;background-image:url(https://tracker.example/p.gif)"|' "$T/site/seeds/standards.yaml"
build 2>"$T/err"
check "a CSS payload in a colour stops the build, at its line (rule color)" sh -c "test $? -eq 1 && grep -q '^seeds/standards.yaml:32:60: error: .*\[color\]' '$T/err' && test ! -e '$T/w/out'"
site
sed -i 's|"#c8102e"|"#C10"|' "$T/site/seeds/standards.yaml"
build
check "#rgb is written out as #rrggbb in style=\"\"" grep -q 'style="background:#CC1100;' "$T/w/out/projects/T-B-01/index.html"

# 4. hostile text in content: each output keeps it inside its own syntax
site
cat >>"$T/site/content/projects/t-z-01.yaml" <<'EOF'
milestones:
  - {date: 2026-12-01, title: "拆\r\nEND:VEVENT\r\nBEGIN:VEVENT, a;b \\ </script><!-- ]]> \u2028 \"q\" 'q'"}
observation: {number: 3, date: 2026-12-20, place: "二楼\nDTSTART:19700101"}
EOF
printf -- '---\ntitle: "</script><script>alert(1)</script> ]]> <!-- \\u2028 \\"q\\" & \\r\\nx"\ndate: 2026-06-01\ntownship: 甲镇\nprojects: [T-Z-01]\n---\n正文。\n' >"$T/site/content/cases/hostile.md"
rm -rf "$T/w" && mkdir -p "$T/w"
build 2>"$T/err"
check "a site with hostile text builds" test -s "$T/w/out/schedule/schedule.ics"
python3 tests/tools/icscheck.py "$T/w/out/schedule/schedule.ics" \
    'SUMMARY:T-Z-01 时间节点：拆\nEND:VEVENT\nBEGIN:VEVENT\, a\;b \\ </script><!-- ]]> '"$(printf '\342\200\250')"' "q" '"'q'" \
    'LOCATION:二楼\nDTSTART:19700101' >"$T/ics.tap"
check "schedule.ics: CR/LF in a title or a place cannot start a property" sh -c "! grep -q '^not ok' '$T/ics.tap'"
sed 's/^/# /' "$T/ics.tap" | grep '^# not ok' || true
check "schedule.ics: one VEVENT per meeting and milestone, none injected" sh -c "test \$(grep -c '^BEGIN:VEVENT' '$T/w/out/schedule/schedule.ics') -eq \$(grep -c '^END:VEVENT' '$T/w/out/schedule/schedule.ics') && ! grep -q '^DTSTART:1970' '$T/w/out/schedule/schedule.ics'"
check "feed.xml and sitemap.xml are well-formed and keep the title" python3 - "$T/w/out" <<'EOF'
import sys, xml.etree.ElementTree as ET
out = sys.argv[1]
ET.parse(out + "/sitemap.xml")
feed = ET.parse(out + "/feed.xml")
titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
want = "</script><script>alert(1)</script> ]]> <!-- \u2028 \"q\" & \r\nx"
assert want in titles, titles
EOF
check "search/: no '</', no '<!--', no raw U+2028 in any file, and the title reads back" python3 - "$T/w/out/search" <<'EOF'
import glob, json, sys
d = sys.argv[1]
for f in [d + "/index.js"] + glob.glob(d + "/i/*.js") + glob.glob(d + "/t/*.js"):
    raw = open(f, encoding="utf-8").read()
    assert "</" not in raw and "<!--" not in raw and "\u2028" not in raw and "\u2029" not in raw, f
raw = open(d + "/index.js", encoding="utf-8").read()
index = json.loads(raw[raw.index("{"):raw.rindex("}") + 1])
titles = [doc[0] for doc in index["docs"]]
assert "</script><script>alert(1)</script> ]]> <!-- \u2028 \"q\" & \r\nx" in titles, titles
EOF
check "the case page escapes the title" sh -c "grep -q '&lt;/script&gt;&lt;script&gt;alert(1)' '$T/w/out/cases/hostile/index.html' && ! grep -q '<script>alert' '$T/w/out/cases/hostile/index.html'"

# 5. a tiny longitude is a number
site
sed -i 's|lon: 118.90|lon: 5e-324|' "$T/site/content/projects/t-b-01.yaml"
"$HUACE" check -s "$T/site" --today 2026-11-30 >"$T/check.txt" 2>&1
check "lon: 5e-324 is a number" sh -c "! grep -q 'not a number\|must be a number' '$T/check.txt'"
sed -i 's|lon: 5e-324|lon: 1e999|' "$T/site/content/projects/t-b-01.yaml"
"$HUACE" check -s "$T/site" --today 2026-11-30 >"$T/check.txt" 2>&1
check "lon: 1e999 is too large, at its line" grep -q "^content/projects/t-b-01.yaml:11:.*error: 'nodes\[\].lon' is too large to be a number: '1e999' \[type\]" "$T/check.txt"
sed -i 's|lon: 1e999|lon: .nan|' "$T/site/content/projects/t-b-01.yaml"
"$HUACE" check -s "$T/site" --today 2026-11-30 >"$T/check.txt" 2>&1
check "lon: .nan is not a number" grep -q "error: 'nodes\[\].lon' must be a number, not '.nan'" "$T/check.txt"

# 4. --base-url on the command line follows the same rule: a usage error, nothing written
site
rm -rf "$T/w" && mkdir -p "$T/w"
build --base-url "$(printf 'https://example.test/\r\nSUMMARY:injected')" 2>"$T/err"
st=$?
check "--base-url with CR/LF is a usage error (2)" test $st -eq 2
check "--base-url: the message names the control character, shown escaped" grep -q "^huace build: --base-url contains a control character.*'https://example.test/\\\\r\\\\nSUMMARY:injected'" "$T/err"
check "--base-url: nothing written" test ! -e "$T/w/out"
build --base-url "javascript:alert(1)" 2>"$T/err"
check "--base-url javascript: is a usage error (2)" test $? -eq 2
build --base-url "https://example.test/sub/"
check "--base-url https://example.test/sub/ builds" test $? -eq 0
check "--base-url reaches the sitemap" grep -q "https://example.test/sub/about/" "$T/w/out/sitemap.xml"
finish
