#!/bin/sh
# `huace check`: each tests/sites/check/<rule>/ is laid over a copy of
# tests/sites/base/; its text output must equal <rule>.expect, its exit
# status <rule>.status, and its --format json output, parsed, must equal
# <rule>.json. The base site itself is clean.
. tests/tools/tap.sh

out=$("$HUACE" check -s tests/sites/base --today 2026-11-30)
st=$?
if [ "$st" = 0 ] && [ "$out" = "0 errors, 0 warnings" ]; then ok "base site is clean"; else notok "base site is clean: $out"; fi

for dir in tests/sites/check/*/; do
    name=$(basename "$dir")
    rm -rf "$T/site"
    cp -R tests/sites/base "$T/site"
    cp -R "$dir". "$T/site/"
    "$HUACE" check -s "$T/site" --today 2026-11-30 >"$T/text" 2>"$T/err"
    status=$?
    want=$(cat "tests/sites/check/$name.status")
    if [ "$status" = "$want" ]; then ok "$name: exit status $status"; else notok "$name: exit status $status, expected $want"; fi
    if diff -u "tests/sites/check/$name.expect" "$T/text" >"$T/diff"; then ok "$name: text"; else notok "$name: text"; sed 's/^/# /' "$T/diff"; fi
    "$HUACE" check -s "$T/site" --today 2026-11-30 --format json >"$T/json" 2>>"$T/err"
    if python3 - "tests/sites/check/$name.json" "$T/json" "$name" <<'PY'
import json, sys
want = json.load(open(sys.argv[1], encoding="utf-8"))
got = json.load(open(sys.argv[2], encoding="utf-8"))
assert isinstance(got, list), "not a JSON array"
for f in got:
    assert set(f) == {"rule", "severity", "file", "line", "col", "message"}, f"keys: {sorted(f)}"
    assert f["severity"] in ("error", "warning"), f["severity"]
    assert isinstance(f["line"], int) and isinstance(f["col"], int)
# every case's own rule is among the findings
assert any(f["rule"] == sys.argv[3] for f in got), "rule not reported"
assert got == want, f"differs:\n{json.dumps(got, ensure_ascii=False, indent=1)}"
PY
    then ok "$name: json"; else notok "$name: json"; fi
    [ -s "$T/err" ] && { notok "$name: nothing on stderr"; sed 's/^/# /' "$T/err"; }
done

# the same findings stop a build (errors) or not (warnings)
cp -R tests/sites/base "$T/b"
cp -R tests/sites/check/baseline-gate/. "$T/b/"
"$HUACE" build -s "$T/b" -o "$T/b-out" --today 2026-11-30 --quiet 2>/dev/null
if [ $? = 1 ] && [ ! -e "$T/b-out" ]; then ok "an error from the rules stops the build"; else notok "an error from the rules stops the build"; fi
"$HUACE" check --format yaml >/dev/null 2>&1
if [ $? = 2 ]; then ok "bad --format is a usage error"; else notok "bad --format is a usage error"; fi
finish
