#!/bin/sh
# search/: index.js (one row per project, published case study and page, each
# linking to a page that exists), the shards of the full-text index and the
# texts. The index holds every word of the bodies and of the route nodes
# (decoded here from the shards, as search.js does), nothing in any file can
# end its script, drafts stay out, the same input gives the same bytes on 1 or
# 2 threads, and the index stays under 400 bytes a page on a generated corpus.
# (The search page itself is tried in Chromium: tests/browser/search.mjs.)
. tests/tools/tap.sh
cp -R tests/sites/base "$T/site"
printf 'maps: {enabled: false}\nprint: {enabled: false}\n' >>"$T/site/site.yaml"
case1=$(ls "$T/site/content/cases" | head -n 1)
sed -i 's|^title: .*|title: "标题里有 </script><b>标签</b> 和 \\"引号\\""|' "$T/site/content/cases/$case1"
# words only this body has: CJK with no spaces, a Latin word, an entity, and a tag in the text
printf '\n山坡上的蓝莓采摘园今年开园，Blueberry 节 &amp; 集市，</script> 不会截断。\n' >>"$T/site/content/cases/$case1"
sed -i 's|name: 文明实践站,|name: 向日葵观景台,|' "$T/site/content/projects/t-b-01.yaml"
printf -- '---\ntitle: 草稿里的标题\ndraft: true\n---\n草稿里的独有词语紫藤萝。\n' >"$T/site/content/cases/zz-draft.md"
"$HUACE" build -s "$T/site" -o "$T/out" --today 2026-11-30 --quiet -j 2
check "the search page, its table, shards and texts are written" \
    sh -c "test -s '$T/out/search/index.html' && test -s '$T/out/search/index.js' && test -s '$T/out/search/i/0.js' && test -s '$T/out/search/t/0.js'"
check "the page loads the table beside it, then the search script" \
    sh -c "grep -q '<script src=\"index.js\"></script>' '$T/out/search/index.html' && grep -q '<script src=\"../static/js/search\.[0-9a-f]*\.js\"></script>' '$T/out/search/index.html'"
check "every page's navigation links to it" grep -q 'href="../../search/index.html">搜索' "$T/out/cases/$(basename "$case1" .md)/index.html"
check "site.js has no search code left (js/search.js has it)" sh -c "! grep -q HUACE_SEARCH '$T/out/static/js/'site.*.js"
python3 - "$T/out" "$T/site" "$(basename "$case1" .md)" >"$T/py.out" 2>&1 <<'PY'
import glob, json, os, re, sys
out, site, case1 = sys.argv[1], sys.argv[2], sys.argv[3]
def ok(cond, name):
    print(("ok - " if cond else "not ok - ") + name)
def script_json(path, start):
    text = open(path, encoding="utf-8").read()
    return text, json.loads(text[text.index(start):text.rindex("}") + 1])
text, idx = script_json(os.path.join(out, "search/index.js"), "{")
docs = idx["docs"]
projects = len(os.listdir(os.path.join(site, "content/projects")))
cases = len([f for f in os.listdir(os.path.join(site, "content/cases")) if f.endswith(".md")]) - 1   # less the draft
pages = len([f for f in os.listdir(os.path.join(site, "content")) if f.endswith(".md")])
kinds = [d[2] for d in docs]
ok(kinds == [0] * projects + [1] * cases + [2] * pages and idx["n"] == len(docs),
   "one row per project (%d), published case study (%d) and page (%d), in that order: got %s" % (projects, cases, pages, kinds))
ok(all(os.path.isfile(os.path.join(out, d[1], "index.html") if d[1].endswith("/") or not d[1] else os.path.join(out, d[1]))
       for d in docs), "every row links to a page that exists")
ok(not any("草稿" in d[0] for d in docs), "drafts are left out of the table")
ok(any(d[0] == '标题里有 </script><b>标签</b> 和 "引号"' for d in docs), "titles come back exactly as written")
ok(all(len(d) == 6 and all(0 <= p < len(idx["places"]) for p in d[4]) and all(0 <= t < len(idx["tags"]) for t in d[5])
       for d in docs), "every row has title, link, kind, date, places and tags that point into their lists")
files = glob.glob(os.path.join(out, "search/**/*.js"), recursive=True)
bad = [f for f in files if "</script" in open(f, encoding="utf-8").read().lower() or "<b>" in open(f, encoding="utf-8").read()]
ok(not bad, "no '<' in any search script: nothing can end it (%s)" % bad)
g = idx["group"]
ok(g >= 1 and sorted(glob.glob(os.path.join(out, "search/t/*.js"))) == sorted(os.path.join(out, "search/t/%d.js" % k)
   for k in range((len(docs) + g - 1) // g)), "the texts: one file per %d documents" % g)

# the shards, decoded as search.js does
B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
def decode(code, n):
    head = B64[code[0]]; k = head & 31
    bits = "".join(format(B64[c], "06b") for c in code[1:])
    i, doc, res = 0, -1, []
    while True:
        j = bits.find("1", i)
        if j < 0: break
        q, i = j - i, j + 1
        r = int(bits[i:i + k], 2) if k else 0
        i += k
        doc += (q << k) + r + 1
        res.append(doc)
    return [d for d in range(n) if d not in res] if head >= 32 else res
def shard_of(term):
    h = 2166136261
    for ch in term: h = ((h ^ ord(ch)) * 16777619) & 0xFFFFFFFF
    return h % idx["shards"]
shards = {}
for k in range(idx["shards"]):
    t, shards[k] = script_json(os.path.join(out, "search/i/%d.js" % k), "{")
    ok(t.startswith("huaceSearchShard(%d,{" % k), "shard %d calls huaceSearchShard(%d, …)" % (k, k))
ok(sorted(glob.glob(os.path.join(out, "search/i/*.js"))) == sorted(os.path.join(out, "search/i/%d.js" % k) for k in range(idx["shards"])),
   "the shards are those index.js counts (%d)" % idx["shards"])
ok(all(shard_of(t) == k for k, s in shards.items() for t in s), "every term is in the shard its hash names")
def docs_of(term):
    s = shards[shard_of(term)]
    return decode(s[term], len(docs)) if term in s else None
case_doc = next(i for i, d in enumerate(docs) if d[1].startswith("cases/" + case1))
pairs = ["山坡", "坡上", "蓝莓", "莓采", "采摘", "摘园"]
ok(all(docs_of(p) == [case_doc] for p in pairs), "a case study's body: each character pair of 蓝莓采摘园 finds that case study alone: %s"
   % {p: docs_of(p) for p in pairs})
ok(docs_of("blueberry") == [case_doc], "a Latin word of the body, lower-cased: %s" % docs_of("blueberry"))
ok(docs_of("amp") is None and docs_of("omitted") is None, "entities are decoded and tags (cmark's raw HTML omitted) left out, not indexed as words")
unit = next(i for i, d in enumerate(docs) if d[2] == 0 and d[1].startswith("projects/T-B-01"))
ok(all(unit in (docs_of(p) or []) for p in ["向日", "日葵", "葵观", "观景", "景台"]), "a route node's name finds its project")
ok(docs_of("紫藤") is None, "nothing of a draft is indexed")
allp = [t for s in shards.values() for t in s]
empty = [t for t in allp if not docs_of(t)]
ok(not empty, "every term decodes to at least one document: none for %s" % empty[:5])
ttext = open(os.path.join(out, "search/t/%d.js" % (case_doc // g)), encoding="utf-8").read()
first = case_doc // g * g
ok(ttext.startswith("huaceSearchText(%d,[" % first), "a text file calls huaceSearchText(first document, [texts])")
tlist = json.loads(ttext[ttext.index("["):ttext.rindex("]") + 1])
ok("蓝莓采摘园今年开园" in tlist[case_doc - first] and "Blueberry 节 & 集市" in tlist[case_doc - first],
   "the case study's text is its body as text, entities decoded")
# a project's text holds its summary (content/projects/t-b-01.yaml: 测试用的示范带。)
utext = open(os.path.join(out, "search/t/%d.js" % (unit // g)), encoding="utf-8").read()
ulist = json.loads(utext[utext.index("["):utext.rindex("]") + 1])
ok("测试用的示范带。" in ulist[unit - unit // g * g], "a project's text holds its summary: %r" % ulist[unit - unit // g * g][:80])
ok(all(unit in (docs_of(p) or []) for p in ["试用", "用的"]), "the words of a project's summary find it: %s"
   % {p: docs_of(p) for p in ["试用", "用的"]})
PY
pyrc=$?
while read -r line; do
    case "$line" in
    "ok - "*) ok "${line#ok - }" ;;
    "not ok - "*) notok "${line#not ok - }" ;;
    *) echo "# $line" ;;
    esac
done <"$T/py.out"
[ "$pyrc" -eq 0 ] || notok "the checks of search/ ran to the end (status $pyrc)"

# same input, same bytes: again on one thread
"$HUACE" build -s "$T/site" -o "$T/out1" --today 2026-11-30 --quiet -j 1
check "the same input gives the same search files, on 1 thread as on 2" diff -r "$T/out/search" "$T/out1/search"

# size: a generated corpus (tests/bench/gen.py) of 2,000 case studies and 200 units
python3 tests/bench/gen.py huace "$T/big" 2000 >/dev/null 2>&1
"$HUACE" build -s "$T/big" -o "$T/bigout" --quiet
per=$(python3 -c '
import glob, os, re, sys
d = sys.argv[1]
n = int(re.search(r"\"n\":(\d+)", open(d + "/index.js", encoding="utf-8").read()).group(1))
b = os.path.getsize(d + "/index.js") + sum(os.path.getsize(p) for p in glob.glob(d + "/i/*.js"))
print(round(b / n))' "$T/bigout/search")
check "the index (table and every shard) is at most 400 bytes a page at 2,200 pages: $per" test "$per" -le 400

# a site with its own copy of a theme made before search: no search page, no link to one
cp -R themes "$T/site/themes"
rm "$T/site/themes/default/layouts/search.mustache"
"$HUACE" build -s "$T/site" -o "$T/out2" --today 2026-11-30 --quiet 2>"$T/err2"
check "a theme without a search template still builds" sh -c "test -s '$T/out2/index.html' && test ! -s '$T/err2'"
check "with no search page" test ! -e "$T/out2/search"
check "and no link to one" sh -c "! grep -rqE 'href=.[^ ]*search/index.html' '$T/out2'"
finish
