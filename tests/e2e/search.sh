#!/bin/sh
# search/index.js: one entry per project, published case study and page, each
# linking to a page that exists, nothing in it able to end the script; drafts
# stay out. (The search page itself is tried in Chromium: tests/browser.)
. tests/tools/tap.sh
cp -R tests/sites/base "$T/site"
printf 'maps: {enabled: false}\nprint: {enabled: false}\n' >>"$T/site/site.yaml"
case1=$(ls "$T/site/content/cases" | head -n 1)
sed -i 's|^title: .*|title: "标题里有 </script><b>标签</b> 和 \\"引号\\""|' "$T/site/content/cases/$case1"
printf -- '---\ntitle: 草稿里的标题\ndraft: true\n---\n草稿。\n' >"$T/site/content/cases/zz-draft.md"
"$HUACE" build -s "$T/site" -o "$T/out" --today 2026-11-30 --quiet
check "the search page and its entries are written" test -s "$T/out/search/index.html" -a -s "$T/out/search/index.js"
check "the page loads the entries beside it" grep -q '<script src="index.js"></script>' "$T/out/search/index.html"
check "every page's navigation links to it" grep -q 'href="../../search/index.html">搜索' "$T/out/cases/$(basename "$case1" .md)/index.html"
python3 - "$T/out" "$T/site" >"$T/py.out" 2>&1 <<'PY'
import json, os, re, sys
out, site = sys.argv[1], sys.argv[2]
text = open(os.path.join(out, "search/index.js"), encoding="utf-8").read()
def ok(cond, name):
    print(("ok - " if cond else "not ok - ") + name)
body = text[text.index("["):text.rindex("]") + 1]
entries = json.loads(body)
projects = len(os.listdir(os.path.join(site, "content/projects")))
cases = len([f for f in os.listdir(os.path.join(site, "content/cases")) if f.endswith(".md")]) - 1   # less the draft
pages = len([f for f in os.listdir(os.path.join(site, "content")) if f.endswith(".md")])
kinds = [e["k"] for e in entries]
ok(kinds.count("示范项目") == projects and kinds.count("案例") == cases and kinds.count("页面") == pages,
   "one entry per project (%d), published case study (%d) and page (%d): got %s" % (projects, cases, pages, kinds))
ok(all(os.path.isfile(os.path.join(out, e["u"])) for e in entries), "every entry links to a page that exists")
ok(not any("草稿" in e["t"] for e in entries), "drafts are left out")
ok("</script" not in text.lower() and "<b>" not in text, "no '<' in the script: nothing can end it")
ok(any(e["t"] == '标题里有 </script><b>标签</b> 和 "引号"' for e in entries), "titles come back exactly as written")
ok(all(set(e) == {"k", "t", "u", "d", "p", "g", "s"} for e in entries), "every entry has kind, title, link, date, places, terms, summary")
PY
pyrc=$?
while read -r line; do
    case "$line" in
    "ok - "*) ok "${line#ok - }" ;;
    "not ok - "*) notok "${line#not ok - }" ;;
    *) echo "# $line" ;;
    esac
done <"$T/py.out"
[ "$pyrc" -eq 0 ] || notok "the checks of search/index.js ran to the end (status $pyrc)"

# a site with its own copy of a theme made before search: no search page, no link to one
cp -R themes "$T/site/themes"
rm "$T/site/themes/default/layouts/search.mustache"
"$HUACE" build -s "$T/site" -o "$T/out2" --today 2026-11-30 --quiet 2>"$T/err2"
check "a theme without a search template still builds" sh -c "test -s '$T/out2/index.html' && test ! -s '$T/err2'"
check "with no search page" test ! -e "$T/out2/search"
check "and no link to one" sh -c "! grep -rqE 'href=.[^ ]*search/index.html' '$T/out2'"
finish
