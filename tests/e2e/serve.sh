#!/bin/sh
# huace serve: serves the built site on 127.0.0.1 only, answers what a static
# server should (index pages, redirects, 404, no way out of the folder), builds
# again when a file changes, keeps the last good build when one fails and
# shows its errors over open pages (in Chromium), and cleans up after Ctrl-C.
. tests/tools/tap.sh
HTTP="python3 tests/tools/request.py"

# wait_for PATTERN [SECONDS]: until the server's output has PATTERN
wait_for() {
    i=0
    while [ $i -lt $((${2:-60} * 5)) ]; do
        grep -q "$1" "$T/serve.out" 2>/dev/null && return 0
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.2
        i=$((i + 1))
    done
    return 1
}
# get METHOD PATH: the response's "status …"/"type …"/"location …" lines in $T/resp, body in $T/body
get() { $HTTP "$1" "$URL$2" "$T/body" >"$T/resp"; }
has() { grep -q "^$1\$" "$T/resp"; }
count() { grep -c "$1" "$T/serve.out"; }
# wait_for_count PATTERN N: until the server's output has N lines with PATTERN
wait_for_count() { i=0; while [ $i -lt 600 ] && [ "$(count "$1")" -lt "$2" ]; do sleep 0.1; i=$((i + 1)); done; [ "$(count "$1")" -ge "$2" ]; }

cp -R tests/sites/base "$T/site"
printf 'maps: {enabled: false}\nprint: {enabled: false}\n' >>"$T/site/site.yaml"
# a photo on the home page and in the first case study: pages written at once take the
# image stage's renditions from its cache, and must still equal the full build's
mkdir -p "$T/site/assets/photos"
cp tests/sites/album/assets/photos/wide.jpg "$T/site/assets/photos/wide.jpg"
printf 'banner: {src: assets/photos/wide.jpg, alt: 示意横幅}\n' >>"$T/site/site.yaml"
printf '\n![示意照片](/assets/photos/wide.jpg "一张示意照片")\n' >>"$T/site/content/cases/$(ls "$T/site/content/cases" | head -n 1)"
printf -- '---\ntitle: [unclosed\n---\n正文\n' >"$T/site/content/cases/zz-broken.md"
mkdir "$T/tmp" "$T/site/layouts"   # (an empty layouts/: a template put there later overrides the theme's)

TMPDIR="$T/tmp" "$HUACE" serve -s "$T/site" -p 0 --today 2026-11-30 >"$T/serve.out" 2>&1 &
pid=$!
check "prints the address it serves, on 127.0.0.1" wait_for '^huace serve: http://127\.0\.0\.1:[0-9]*/'
URL=$(sed -n 's|^huace serve: \(http://127\.0\.0\.1:[0-9]*\)/.*|\1|p' "$T/serve.out" | head -n 1)
PORT=${URL##*:}
hexport=$(printf '%04X' "${PORT:-0}")
check "listens on the loopback address only" sh -c "grep -q ' 0100007F:$hexport 00000000:0000 0A ' /proc/net/tcp && ! grep -q ':$hexport 00000000:0000 0A ' /proc/net/tcp6"

check "a first build that fails is reported with its location" wait_for 'zz-broken.md:[0-9]*:[0-9]*: error'
check "and says there is nothing to serve yet" wait_for 'nothing to serve until the site builds'
get GET /
check "meanwhile every page answers 503" has 'status 503'
check "a page that reloads itself when the site builds" grep -q '__huace/builds' "$T/body"
check "and shows the located error" grep -q 'zz-broken.md:[0-9]*:[0-9]*: error' "$T/body"
rm "$T/site/content/cases/zz-broken.md"
check "removing the broken file builds the site" wait_for '^huace: wrote [0-9]* pages'

get GET /
check "GET / is the home page" sh -c "grep -q '^status 200\$' '$T/resp' && grep -q '^type text/html; charset=utf-8\$' '$T/resp' && grep -q '测试站点' '$T/body'"
SITE_OUT=$(ls -d "$T/tmp"/huace-serve.*/site)
check "served pages carry the reload script; the built files do not" sh -c "grep -q '__huace/builds' '$T/body' && ! grep -q '__huace' '$SITE_OUT/index.html'"
check "it goes just before </body>" sh -c "tr -d '\n' <'$T/body' | grep -q '</script></body>'"
get GET /__huace/builds
check "the build count is there to poll" sh -c "grep -q '^status 200\$' '$T/resp' && grep -qx '[1-9][0-9]*' '$T/body'"
builds0=$(cat "$T/body")
get HEAD /
check "HEAD / answers 200 without a body" sh -c "grep -q '^status 200\$' '$T/resp' && test ! -s '$T/body'"
get GET /cases
check "a folder without its slash redirects to it" sh -c "grep -q '^status 301\$' '$T/resp' && grep -q '^location /cases/\$' '$T/resp'"
get GET /cases/
check "a folder's URL serves its index.html" has 'status 200'
get GET /feed.xml
check "files get their type from the extension" has 'type application/xml; charset=utf-8'
check "and anything but HTML is sent as built" cmp -s "$T/body" "$SITE_OUT/feed.xml"
tagdir=$(ls "$T/tmp"/huace-serve.*/site/tags | grep -v index.html | head -n 1)
tagurl=$(printf '%s' "$tagdir" | od -An -tx1 | tr -d ' \n' | sed 's/\(..\)/%\1/g')
get GET "/tags/$tagurl/"
check "a percent-encoded Chinese tag URL finds its folder" has 'status 200'
get GET /no/such/page/
check "a missing page answers 404 with the site's 404 page" sh -c "grep -q '^status 404\$' '$T/resp' && grep -q '您要找的页面不存在' '$T/body' && grep -q '您要找的页面不存在' '$SITE_OUT/404.html'"
# (root-relative since the 404 page works at any depth: /index.html on the preview's host)
check "whose links lead back to the preview, not to the site's base_url" sh -c "grep -q 'href=\"/index.html\"' '$T/body' && ! grep -q 'href=\"http' '$T/body'"
for p in /../../../etc/passwd /%2e%2e/%2e%2e/%2e%2e/etc/passwd /cases/../../site.yaml /./index.html; do
    get GET "$p"
    check "no way out of the folder: $p answers 404" sh -c "grep -q '^status 404\$' '$T/resp' && ! grep -q 'root:x:0:0' '$T/body'"
done
get POST /
check "POST answers 405" has 'status 405'
for p in //cases ///cases /%2F/cases; do
    get GET "$p"
    check "runs of '/' are one: $p redirects to /cases/, never to //cases/ (the host 'cases')" sh -c "grep -q '^status 301\$' '$T/resp' && grep -q '^location /cases/\$' '$T/resp'"
done
get GET //cases//
check "//cases// serves /cases/" sh -c "grep -q '^status 200\$' '$T/resp'"

# 1,100 connections that never finish their headers: from 127.0.0.1 (this
# machine's user: only the total limits it) a normal request is answered
# within 2 s all the same; from another address at most 32 are let in; all are
# closed within a few seconds (was: every request waited 30 s)
IDLE="python3 tests/tools/idle.py"
field() { v=$(sed -n "s/^$1 //p" "$2"); echo "${v:-0}"; }
below() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "none" && a + 0 < b + 0) }'; }
$IDLE "$URL/" 1100 >"$T/idle1" 2>&1
sed 's/^/# from 127.0.0.1: /' "$T/idle1"
check "1,100 idle connections from 127.0.0.1 are open when the request is sent" test "$(field opened "$T/idle1")" -ge 1100
check "and still open when it is answered" test "$(field still "$T/idle1")" -ge 1100
check "a normal request is answered 200 meanwhile" test "$(field status "$T/idle1")" = 200
check "within 2 s (was: 30 s)" below "$(field seconds "$T/idle1")" 2
check "the idle connections are closed within 10 s" below "$(field closed "$T/idle1")" 10
$IDLE "$URL/" 1100 127.0.0.2 >"$T/idle2" 2>&1
sed 's/^/# from 127.0.0.2: /' "$T/idle2"
n2=$(field opened "$T/idle2")
check "another client gets at most 32 connections of its 1,100" sh -c "test $n2 -ge 1 && test $n2 -le 32"
check "a normal request is answered 200 meanwhile" test "$(field status "$T/idle2")" = 200
check "within 2 s" below "$(field seconds "$T/idle2")" 2

case1=$(ls "$T/site/content/cases" | head -n 1)
page1=$(basename "$case1" .md)
sed -i 's/^title: .*/title: 预览里改的标题/' "$T/site/content/cases/$case1"
check "an edited case study is built again" wait_for 'a file changed, building again'
check "and the new build is served" sh -c "i=0; while [ \$i -lt 300 ]; do $HTTP GET '$URL/cases/$page1/' '$T/b2' >/dev/null && grep -q 预览里改的标题 '$T/b2' && exit 0; sleep 0.2; i=\$((i+1)); done; exit 1"
check "its own page first, at once, from the model serve keeps (the full build follows)" grep -q "building again (cases/$page1/ served at once" "$T/serve.out"
get GET /__huace/builds
check "a new build counts, so open pages reload" test "$(cat "$T/body")" -gt "$builds0"
builds=$(count '^huace: wrote')
sed -i 's/^title: .*/title: [broken/' "$T/site/content/cases/$case1"
check "a later failed build prints its error" wait_for "$case1:[0-9]*:[0-9]*: error"
check "and says the last good build is still served" wait_for 'the last good build is still served'
get GET "/cases/$page1/"
check "which it is" sh -c "grep -q '^status 200\$' '$T/resp' && grep -q 预览里改的标题 '$T/body'"
sed -i 's/^title: .*/title: 修好了/' "$T/site/content/cases/$case1"
check "fixing it builds again" sh -c "i=0; while [ \$i -lt 300 ]; do [ \$(grep -c '^huace: wrote' '$T/serve.out') -gt $builds ] && exit 0; sleep 0.2; i=\$((i+1)); done; exit 1"


# inotify sees what editors and file managers do (each waits up to 60 s for the served HTML)
served() { i=0; while [ $i -lt 300 ]; do $HTTP GET "$URL$1" "$T/w" >"$T/wr" && grep -q "^status ${3:-200}\$" "$T/wr" && grep -q "$2" "$T/w" && return 0; sleep 0.2; i=$((i + 1)); done; return 1; }
check "inotify watches the site (no fall-back to polling)" sh -c "! grep -q 'looking for changes every' '$T/serve.out'"
c2=content/cases/second-case.md
# idle: no build under way (serve builds in a child process) and nothing printed for a second
idle() { n0=-1; i=0; while [ $i -lt 100 ] && { [ "$(wc -l <"$T/serve.out")" != "$n0" ] || pgrep -P "$pid" >/dev/null; }; do n0=$(wc -l <"$T/serve.out"); sleep 1; i=$((i + 1)); done; }
# quick NAME: after an edit made by the caller (started once the server is idle, fast0 set before),
# waits for the quick update, copies the pages it wrote, lets the build it started finish, builds
# the same inputs in full and checks each quick page against it
quick() {
    i=0; while [ $i -lt 600 ] && [ "$(count 'served at once')" -le "$fast0" ]; do sleep 0.02; i=$((i + 1)); done
    rm -rf "$T/fast" "$T/fullq"
    cp -R "$SITE_OUT" "$T/fast"
    line=$(grep 'served at once' "$T/serve.out" | tail -n 1)
    listed="$(echo "$line" | sed -n 's/.*building again (\([^ ]*\) served at once.*/\1/p') $(echo "$line" | sed -n 's/.*then the pages and files that show it: \(.*\))$/\1/p')"
    check "$1: served at once, in one change (not a full build first)" test "$(count 'served at once')" -gt "$fast0" -a "$(count 'a file changed, building again$')" -eq "$full0"
    idle
    "$HUACE" build -s "$T/site" -o "$T/fullq" --base-url "$URL/" --today 2026-11-30 --quiet
    for d in $listed; do
        case $d in /) f=index.html ;; */) f=${d}index.html ;; *) f=$d ;; esac
        check "$1: /$f as served at once equals the full build's" cmp "$T/fast/$f" "$T/fullq/$f"
    done
    # the sitemap holds the case's URL and date only, which a quick update keeps: it is left as it was
    check "$1: the sitemap as served then equals the full build's" cmp "$T/fast/sitemap.xml" "$T/fullq/sitemap.xml"
}
begin() { idle; fast0=$(count 'served at once'); full0=$(count 'a file changed, building again$'); }
# an editor's atomic save: a temporary file renamed over the case
begin
sed 's/^title: .*/title: 原子保存的标题/' "$T/site/$c2" >"$T/site/content/cases/.second-case.md.tmp"
mv "$T/site/content/cases/.second-case.md.tmp" "$T/site/$c2"
check "a case saved by writing a temporary file and renaming it over the old one is served" served /cases/second-case/ 原子保存的标题
quick "a hidden temporary file renamed over the case"
# the same from a file written elsewhere on the same file system (mv tmp case.md)
begin
sed 's/^title: .*/title: 别处写好再移入的标题/' "$T/site/$c2" >"$T/moved-in.md"
mv "$T/moved-in.md" "$T/site/$c2"
check "a case moved in over the old one (mv tmp case.md) is served" served /cases/second-case/ 别处写好再移入的标题
quick "mv tmp case.md"
# vim's save, step by step with pauses longer than serve's quiet time: the probe file 4913,
# the case renamed to its backup, written anew (held open a while, as fsync does), the backup removed
begin
: >"$T/site/content/cases/4913"
rm "$T/site/content/cases/4913"
mv "$T/site/$c2" "$T/site/$c2~"
sleep 0.1
{ sed 's/^title: .*/title: 备份改名后写的标题/' "$T/site/$c2~"; sleep 0.15; } >"$T/site/$c2"
sleep 0.05
rm "$T/site/$c2~"
check "a case saved as vim does (rename to a backup, write anew) is served" served /cases/second-case/ 备份改名后写的标题
check "and listed" served /cases/ 备份改名后写的标题
quick "a vim-style save"
# renamed: the old URL goes, the new one comes
mv "$T/site/$c2" "$T/site/content/cases/renamed-case.md"
check "a renamed case is served at its new URL" served /cases/renamed-case/ 备份改名后写的标题
check "and its old URL is gone (404)" served /cases/second-case/ . 404
# deleted
rm "$T/site/content/cases/renamed-case.md"
check "a deleted case is gone (404)" served /cases/renamed-case/ . 404
check "and no longer listed" sh -c "$HTTP GET '$URL/cases/' '$T/w' >/dev/null && ! grep -q 备份改名后写的标题 '$T/w' && ! grep -q renamed-case '$T/w'"
# a folder made while serving, and a file made in it later
mkdir -p "$T/site/assets/docs/new"
echo 一 >"$T/site/assets/docs/new/a.txt"
check "a folder made while serving (mkdir -p): a file made in it at once is published" served /assets/docs/new/a.txt 一
echo 二 >"$T/site/assets/docs/new/b.txt"
check "and one made in it later: the new folder is watched" served /assets/docs/new/b.txt 二

# a failed build's findings over every open page in Chromium, gone once fixed (tests/browser/overlay.mjs)
get GET /__huace/errors
check "no errors to show after a good build" sh -c "grep -q '^status 200\$' '$T/resp' && test ! -s '$T/body'"
if [ ! -d tests/browser/node_modules/playwright-core ]; then
    (cd tests/browser && npm ci --no-audit --no-fund >/dev/null 2>&1)
fi
node tests/browser/overlay.mjs "$URL/" "$T/site/content/projects/t-b-01.yaml" "$T/serve.out" >"$T/overlay.tap" 2>&1
overlay_rc=$?
sed 's/^/# overlay.mjs: /' "$T/overlay.tap"
check "the overlay test in Chromium passes (each of its lines above)" sh -c "test $overlay_rc -eq 0 && grep -q '^ok - on every open page' '$T/overlay.tap'"

# an edit to a case's text: its page and the pages that list it at once, each as a full build writes it
# (copied at once: the build the edit started swaps in a moment later)
begin
printf '\n顺手补的一句话。\n' >>"$T/site/content/cases/$case1"
quick "an edit to a case's text"
check "and shows its photo's renditions (from the image cache)" grep -q 'srcset="[^"]*wide\.[0-9a-f]*-[0-9]*\.webp' "$T/fast/cases/$page1/index.html"
check "its page, then the pages and files that show it: home, the case list, its project, its terms" sh -c "echo ' $listed ' | grep -q ' cases/$page1/ ' && echo ' $listed ' | grep -q ' / ' && echo ' $listed ' | grep -q ' cases/ ' && echo ' $listed ' | grep -q ' projects/' && test \$(echo $listed | wc -w) -ge 6"
check "then the files that hold it: feed.xml and the search text piece" sh -c "echo ' $listed ' | grep -q ' feed\.xml ' && echo ' $listed ' | grep -q ' search/t/[0-9]*\.js '"
# a template used only by case pages: those pages again at once (all of them, nothing else), each as a
# full build writes it; a partial that other templates include goes to a full build
begin
sed 's|<div class="prose">|<div class="prose" data-note="模板改过">|' themes/default/layouts/case.mustache >"$T/site/layouts/case.mustache"
i=0; while [ $i -lt 600 ] && [ "$(count 'served at once')" -le "$fast0" ]; do sleep 0.02; i=$((i + 1)); done
rm -rf "$T/fast" "$T/fullq"
cp -R "$SITE_OUT" "$T/fast"
ncases=$(ls "$T/site/content/cases" | grep -c '\.md$')
check "a template put in layouts/ (case.mustache): the case pages served at once, in one change" sh -c "grep -q 'building again ($ncases page[s]* (all that use case.mustache) served at once' '$T/serve.out' && test $(count 'a file changed, building again$') -eq $full0"
check "which show the change" sh -c "for f in '$T/fast'/cases/*/index.html; do grep -q 'data-note=\"模板改过\"' \"\$f\" || exit 1; done"
idle
"$HUACE" build -s "$T/site" -o "$T/fullq" --base-url "$URL/" --today 2026-11-30 --quiet
check "and each equals the full build's" sh -c "n=0; for f in '$T/fullq'/cases/*/index.html; do cmp \"\$f\" '$T/fast/'\"\${f#$T/fullq/}\" || exit 1; n=\$((n + 1)); done; test \$n -eq $ncases"
begin
sed 's|<li|<li data-note="卡片改过"|' themes/default/layouts/partials/card-project.mustache >"$T/site/layouts/card-project.mustache"
check "a template other templates include (a partial) is built in full" wait_for_count 'a file changed, building again$' $((full0 + 1))
check "and served" served /projects/ 卡片改过
begin
rm "$T/site/layouts/case.mustache" "$T/site/layouts/card-project.mustache"
check "removing the overrides: the theme's templates again" served "/cases/$page1/" '<div class="prose">'
# two edits, the second while the build the first started is under way: both at once
fast0=$(count 'served at once')
printf '\n又补了一句。\n' >>"$T/site/content/cases/$case1"
sleep 0.3
printf '\n再补最后一句。\n' >>"$T/site/content/cases/$case1"
i=0; while [ $i -lt 600 ] && [ "$(count 'served at once')" -lt $((fast0 + 2)) ]; do sleep 0.02; i=$((i + 1)); done
check "a second edit during the build the first started is served at once too" test "$(count 'served at once')" -ge $((fast0 + 2))
check "and is served" served "/cases/$page1/" 再补最后一句

# after that series of edits (saves, renames, deletions, a new folder, a failed build, quick updates)
# the served folder is byte for byte what a fresh full build of the same inputs writes
idle
"$HUACE" build -s "$T/site" -o "$T/full" --base-url "$URL/" --today 2026-11-30 --quiet
check "the served folder equals a fresh full build (diff -r)" diff -r "$SITE_OUT" "$T/full"

TMPDIR="$T/tmp" "$HUACE" serve -s "$T/site" -p "$PORT" >"$T/second.out" 2>&1
rc=$?
check "a second server on the same port exits 1" test "$rc" -eq 1
check "saying the port is taken" grep -q "cannot listen on 127.0.0.1 port $PORT: Address already in use" "$T/second.out"

kill -INT "$pid"
i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.2; i=$((i + 1)); done
wait "$pid"
rc=$?
check "Ctrl-C stops it with status 0" test "$rc" -eq 0
check "saying so" grep -q '^huace serve: stopped$' "$T/serve.out"
check "and its temporary folder is gone" sh -c "test -z \"\$(ls -A '$T/tmp')\""

"$HUACE" serve -s "$T/site" -p 99999 >"$T/u.out" 2>&1
check "-p out of range is a usage error (2)" sh -c "test $? -eq 2 && grep -q 'from 0 to 65535' '$T/u.out'"
"$HUACE" serve -s "$T/site" --bind localhost >"$T/u.out" 2>&1
check "--bind needs an IP address (2)" sh -c "test $? -eq 2 && grep -q 'needs an IP address' '$T/u.out'"
"$HUACE" serve -s "$T/tmp" -p 0 >"$T/u.out" 2>&1
check "a folder with no site.yaml exits 1" sh -c "test $? -eq 1 && grep -q 'no site.yaml' '$T/u.out'"
# what the server printed, where tests/run.sh looks for sanitizer reports
cat "$T/serve.out" "$T/second.out" >&2
finish
