#!/bin/sh
# The example site (the repository root) and the base fixture: pages, links
# both ways between cases and projects, links that resolve from file://,
# tidy on every page, escaping, theme override, and byte-identical rebuilds.
. tests/tools/tap.sh

if example_build "$T/a" "$T/a.err" && ! grep -E 'warning:|error:' "$T/a.err" >"$T/check.out"; then
    ok "example site builds with no warnings"
else
    notok "example site builds with no warnings"; sed 's/^/# /' "$T/check.out" | head -20; san_report "$T/a.err"
fi
# One more build, on one thread and with the date from SOURCE_DATE_EPOCH
# rather than --today: every file, the album PDFs too, must be the same.
check "rebuild on one thread, dated by SOURCE_DATE_EPOCH, is byte-identical" \
    sh -c "SOURCE_DATE_EPOCH=1795996800 '$HUACE' build -s . -o '$T/b' --quiet -j 1 && diff -r '$T/a' '$T/b'"

for f in content/projects/*.yaml; do
    id=$(sed -n 's/^id: *//p' "$f" | tr -d '"')
    check "project page $id" test -s "$T/a/projects/$id/index.html"
done
for f in content/cases/*.md; do
    slug=$(basename "$f" .md)
    check "case page $slug" test -s "$T/a/cases/$slug/index.html"
    # each project the case names links back to the case, and the case to it
    for id in $(sed -n '/^---$/,/^---$/s/^projects: *\[\(.*\)\]/\1/p' "$f" | tr -d ' "' | tr ',' ' '); do
        check "$id links to case $slug" grep -q "href=\"../../cases/$slug/index.html\"" "$T/a/projects/$id/index.html"
        check "case $slug links to $id" grep -q "href=\"../../projects/$id/index.html\"" "$T/a/cases/$slug/index.html"
    done
done
for p in index.html about/index.html standards/index.html projects/index.html projects/page/2/index.html \
         cases/index.html domains/index.html domains/belt/index.html townships/zhoujia/index.html \
         levels/city/index.html status/red/index.html tags/index.html \
         404.html feed.xml sitemap.xml robots.txt; do
    check "writes $p" test -s "$T/a/$p"
done
check "the public edition has no grades/ (site.yaml public: grades: false by default)" test ! -e "$T/a/grades"
check "home shows units against the planned counts" grep -q '/ 规划 49' "$T/a/index.html"
check "standards page lists the ten items from seeds" sh -c "grep -c '<li>一' '$T/a/standards/index.html' | grep -qx 10"
check "css and js carry a content hash" sh -c "ls '$T/a/static/css/' | grep -Eq '^site\.[0-9a-f]{10}\.css$' && ls '$T/a/static/js/' | grep -Eq '^site\.[0-9a-f]{10}\.js$'"
check "every internal link resolves, nothing from other hosts" python3 tests/tools/linkcheck.py "$T/a" "https://dj.qujiang.example/"

tidy_all() {
    st=0
    for h in $(find "$1" -name '*.html'); do
        tidy -q -e "$h" >/dev/null 2>"$T/tidy.err"
        [ $? -ge 2 ] && { echo "$h"; cat "$T/tidy.err"; st=1; }
    done
    return $st
}
check "tidy finds no errors in any page" tidy_all "$T/a"

# base fixture: escaping, raw HTML, pagination, theme override
check "fixture builds" "$HUACE" build -s tests/sites/base -o "$T/f" --today 2026-11-30 --quiet
check "titles are escaped" grep -q '第二个案例 &lt;script&gt;alert(1)&lt;/script&gt;' "$T/f/cases/second-case/index.html"
check "raw HTML in Markdown is omitted by default" sh -c "! grep -q '<b onclick' '$T/f/cases/second-case/index.html'"
# pagination: page_size 2 and three case studies make two pages of the list
cp -R tests/sites/base "$T/pg"
printf -- '---\ntitle: 第三个案例\ndate: 2026-06-03\ntownship: 甲镇\n---\n正文。\n' >"$T/pg/content/cases/third-case.md"
"$HUACE" build -s "$T/pg" -o "$T/pgo" --today 2026-11-30 --quiet
check "listing paginates by page_size: cases/page/2/ and no page 3" \
    sh -c "test -s '$T/pgo/cases/page/2/index.html' && test ! -e '$T/pgo/cases/page/3'"
check "page 1 lists the two newest and links to page 2" sh -c "grep -q 'cases/third-case/index.html' '$T/pgo/cases/index.html' && grep -q 'cases/second-case/index.html' '$T/pgo/cases/index.html' && ! grep -q 'cases/first-case/index.html' '$T/pgo/cases/index.html' && grep -q 'href=\"../cases/page/2/index.html\"' '$T/pgo/cases/index.html'"
check "page 2 lists the oldest only" sh -c "grep -q 'cases/first-case/index.html' '$T/pgo/cases/page/2/index.html' && ! grep -q 'cases/second-case/index.html' '$T/pgo/cases/page/2/index.html'"
check "a term with three entries has two pages too (townships/jia/page/2/)" test -s "$T/pgo/townships/jia/page/2/index.html"
check "fixture tidy" tidy_all "$T/f"
check "fixture links resolve" python3 tests/tools/linkcheck.py "$T/f" "https://example.test/site/"
cp -R tests/sites/base "$T/site2"
printf 'unsafe_html: true\n' >>"$T/site2/site.yaml"
mkdir -p "$T/site2/layouts"
printf '{{<baseof}}{{$main}}<h1>OVERRIDE {{page_title}}</h1>{{{body}}}{{/main}}{{/baseof}}\n' >"$T/site2/layouts/page.mustache"
check "unsafe_html lets raw HTML through" sh -c "'$HUACE' build -s '$T/site2' -o '$T/g' --today 2026-11-30 --quiet && grep -q '<b onclick' '$T/g/cases/second-case/index.html'"
check "a site's layouts/ overrides the theme template" grep -q 'OVERRIDE 关于' "$T/g/about/index.html"
check "drafts are left out unless --drafts" sh -c "printf -- '---\ntitle: 草稿\ndraft: true\n---\nx\n' >'$T/site2/content/cases/draft.md' && '$HUACE' build -s '$T/site2' -o '$T/h' --today 2026-11-30 --quiet && ! [ -e '$T/h/cases/draft' ] && '$HUACE' build -s '$T/site2' -o '$T/i' --drafts --today 2026-11-30 --quiet && [ -s '$T/i/cases/draft/index.html' ]"
check "usage error exits 2" sh -c "'$HUACE' build --bogus 2>/dev/null; [ \$? -eq 2 ]"
check "bad --today exits 2" sh -c "'$HUACE' build --today 2026-13-01 2>/dev/null; [ \$? -eq 2 ]"
check "missing site folder exits 1" sh -c "'$HUACE' build -s '$T/nope' 2>/dev/null; [ \$? -eq 1 ]"
finish
