#!/bin/sh
# Bad input: each tests/sites/bad/<case>/ is laid over a copy of
# tests/sites/base/; building it must print exactly the lines in
# tests/sites/bad/<case>.expect (its messages, source lines and carets),
# exit with the status in <case>.status (1 without that file, as in
# check.sh), and, when that status is not 0, leave a previous output folder
# byte for byte as it was.
. tests/tools/tap.sh

# the previous output every failing build must leave alone
"$HUACE" build -s tests/sites/base -o "$T/out" --today 2026-11-30 --quiet || { echo "not ok 1 - base site builds"; exit 1; }
snapshot() { (cd "$T/out" && find . -type f -print0 | sort -z | xargs -0 sha256sum; find . | sort) ; }

for dir in tests/sites/bad/*/; do
    name=$(basename "$dir")
    exp="tests/sites/bad/$name.expect"
    want_status=1
    [ -f "tests/sites/bad/$name.status" ] && want_status=$(cat "tests/sites/bad/$name.status")
    snapshot >"$T/before"
    rm -rf "$T/site"
    cp -R tests/sites/base "$T/site"
    cp -R "$dir". "$T/site/"
    "$HUACE" build -s "$T/site" -o "$T/out" --today 2026-11-30 >"$T/stdout" 2>"$T/stderr"
    status=$?
    if [ "$status" = "$want_status" ]; then ok "$name: exit status $status"; else notok "$name: exit status $status, expected $want_status"; fi
    # the findings (all lines before huace's own summary) must be exactly as expected
    grep -av '^huace: ' "$T/stderr" >"$T/found"
    if [ -f "$exp" ] && diff -u "$exp" "$T/found" >"$T/diff"; then
        ok "$name: message"
    else
        notok "$name: message"
        sed 's/^/# /' "$T/diff" 2>/dev/null || sed 's/^/# got: /' "$T/found"
    fi
    if [ "$want_status" != 0 ]; then
        snapshot >"$T/after"
        if cmp -s "$T/before" "$T/after" && [ ! -e "$T/out.tmp-huace" ]; then
            ok "$name: previous output untouched"
        else
            notok "$name: previous output changed"
        fi
        if grep -q 'was left as it was' "$T/stderr"; then ok "$name: says the output was kept"; else notok "$name: says the output was kept"; fi
    fi
done
finish
