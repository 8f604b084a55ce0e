#!/bin/sh
# No-op rebuild: with nothing changed, a second build writes nothing (every
# file keeps its inode and mtime) and says so; any change rebuilds.
. tests/tools/tap.sh
stamp() { (cd "$T/out" && find . -type f -exec stat -c '%i %Y.%y %n' {} + | sort); }

cp -R tests/sites/base "$T/site"
check "first build" "$HUACE" build -s "$T/site" -o "$T/out" --today 2026-11-30 --quiet
check "a cache file sits beside the output, not in it" sh -c "test -f '$T/out.huace-cache' && ! ls -A '$T/out' | grep -q huace-cache"
stamp >"$T/before"
sleep 1
"$HUACE" build -s "$T/site" -o "$T/out" --today 2026-11-30 >"$T/msg"
check "second build reports 0 pages written" grep -q '0 pages written, [1-9][0-9]* skipped' "$T/msg"
stamp >"$T/after"
check "second build wrote nothing" cmp "$T/before" "$T/after"
check "another --today is a change" sh -c "'$HUACE' build -s '$T/site' -o '$T/out' --today 2026-12-01 | grep -q 'wrote'"
printf '\n更多内容。\n' >>"$T/site/content/about.md"
check "a changed file rebuilds" sh -c "'$HUACE' build -s '$T/site' -o '$T/out' --today 2026-12-01 | grep -q 'wrote'"
check "and the change is in the output" grep -q '更多内容' "$T/out/about/index.html"
echo 'stray' >"$T/out/stray.txt"
check "a file added to the output forces a rebuild, and survives it (huace did not write it)" sh -c "'$HUACE' build -s '$T/site' -o '$T/out' --today 2026-12-01 | grep -q 'wrote' && test -e '$T/out/stray.txt'"
rm "$T/out/stray.txt"
rm "$T/out/index.html"
check "a file removed from the output forces a rebuild" sh -c "'$HUACE' build -s '$T/site' -o '$T/out' --today 2026-12-01 | grep -q 'wrote' && test -s '$T/out/index.html'"
case1=$(ls "$T/site/content/cases" | head -n 1)
page1=$(basename "$case1" .md)
echo 'edited' >>"$T/out/cases/$page1/index.html"
check "a page edited in the output forces a rebuild" sh -c "'$HUACE' build -s '$T/site' -o '$T/out' --today 2026-12-01 | grep -q 'wrote' && ! grep -q edited '$T/out/cases/$page1/index.html'"
rm -f "$T/out.huace-cache"
"$HUACE" build -s "$T/site" -o "$T/out" --today 2026-12-01 --quiet --force
check "a build without a cache records a content hash for each case study" grep -q "^I [0-9]* [0-9]* [0-9a-f]\{16\} content/cases/$case1\$" "$T/out.huace-cache"
touch "$T/site/content/cases/$case1" "$T/site/site.yaml"
check "touched but unchanged inputs are a no-op" sh -c "'$HUACE' build -s '$T/site' -o '$T/out' --today 2026-12-01 | grep -q '0 pages written'"
sed -i 's/^title: .*/title: 改过的标题/' "$T/site/content/cases/$case1"
check "an edited case study rebuilds" sh -c "'$HUACE' build -s '$T/site' -o '$T/out' --today 2026-12-01 | grep -q 'wrote' && grep -q 改过的标题 '$T/out/cases/$page1/index.html'"
check "the cache lists every file of the output" sh -c "test \$(grep -c '^F ' '$T/out.huace-cache') -eq \$(find '$T/out' -type f | wc -l)"
finish
