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
check "a file added to the output forces a rebuild" sh -c "'$HUACE' build -s '$T/site' -o '$T/out' --today 2026-12-01 | grep -q 'wrote' && ! test -e '$T/out/stray.txt'"
rm "$T/out/index.html"
check "a file removed from the output forces a rebuild" sh -c "'$HUACE' build -s '$T/site' -o '$T/out' --today 2026-12-01 | grep -q 'wrote' && test -s '$T/out/index.html'"
finish
