#!/bin/sh
# `huace check`: each tests/sites/check/<rule>/ (or <rule>.<variant>/) is
# laid over a copy of tests/sites/base/; its text output must equal
# <name>.expect, its exit status the one in <name>.status (1 without that
# file, as in bad-input.sh), and its --format json output,
# parsed, must equal <name>.json (every finding, with <rule> among them). A
# <name>.args file holds extra arguments for both runs (--all). The base site
# itself is clean.
. tests/tools/tap.sh

out=$("$HUACE" check -s tests/sites/base --today 2026-11-30)
st=$?
if [ "$st" = 0 ] && [ "$out" = "0 errors, 0 warnings" ]; then ok "base site is clean"; else notok "base site is clean: $out"; fi

for dir in tests/sites/check/*/; do
    name=$(basename "$dir")
    rule=${name%%.*}
    args=$(cat "tests/sites/check/$name.args" 2>/dev/null)
    rm -rf "$T/site"
    cp -R tests/sites/base "$T/site"
    cp -R "$dir". "$T/site/"
    "$HUACE" check -s "$T/site" --today 2026-11-30 $args >"$T/text" 2>"$T/err"
    status=$?
    want=1
    [ -f "tests/sites/check/$name.status" ] && want=$(cat "tests/sites/check/$name.status")
    if [ "$status" = "$want" ]; then ok "$name: exit status $status"; else notok "$name: exit status $status, expected $want"; fi
    if diff -u "tests/sites/check/$name.expect" "$T/text" >"$T/diff"; then ok "$name: text"; else notok "$name: text"; sed 's/^/# /' "$T/diff"; fi
    "$HUACE" check -s "$T/site" --today 2026-11-30 $args --format json >"$T/json" 2>>"$T/err"
    if python3 - "tests/sites/check/$name.json" "$T/json" "$rule" <<'PY'
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

# links to Markdown files lead to the pages those files become, in the HTML
cp -R tests/sites/base "$T/md"
cp -R tests/sites/md-links/. "$T/md/"
"$HUACE" build -s "$T/md" -o "$T/md-out" --today 2026-11-30 --quiet >"$T/md-log" 2>&1
if [ $? = 0 ]; then ok "a site with .md links builds"; else notok "a site with .md links builds"; sed 's/^/# /' "$T/md-log"; fi
for want in 'href="../../cases/first-case/index.html"' 'href="../../cases/first-case/index.html#steps"' \
            'href="../../about/index.html#contact"' 'href="%2e%2e/first-case/index.html"'; do
    if grep -qF "$want" "$T/md-out/cases/second-case/index.html"; then ok "cases/second-case: $want"; else notok "cases/second-case: $want"; fi
done
if grep -qF 'href="../cases/first-case/index.html"' "$T/md-out/about/index.html"; then ok "about: cases/first-case.md"; else notok "about: cases/first-case.md"; fi
if grep -q 'href="[^"]*\.md[#"]' "$T/md-out/cases/second-case/index.html" "$T/md-out/about/index.html"; then notok "no href keeps .md"; else ok "no href keeps .md"; fi

# an unknown key stops a build; with strict: false in site.yaml it is a warning
for v in unknown-key unknown-key.lenient; do
    rm -rf "$T/k" "$T/k-out"
    cp -R tests/sites/base "$T/k"
    cp -R "tests/sites/check/$v/." "$T/k/"
    "$HUACE" build -s "$T/k" -o "$T/k-out" --today 2026-11-30 >/dev/null 2>"$T/k-err"
    echo "$v $? $(grep -c 'did you mean' "$T/k-err")" >>"$T/k-results"
done
if [ "$(cat "$T/k-results")" = "unknown-key 1 4
unknown-key.lenient 0 4" ]; then ok "unknown keys: the build stops, unless strict: false"; else notok "unknown keys: the build stops, unless strict: false"; sed 's/^/# /' "$T/k-results"; fi

# the same findings stop a build (errors) or not (warnings)
cp -R tests/sites/base "$T/b"
cp -R tests/sites/check/baseline-gate/. "$T/b/"
"$HUACE" build -s "$T/b" -o "$T/b-out" --today 2026-11-30 --quiet 2>/dev/null
if [ $? = 1 ] && [ ! -e "$T/b-out" ]; then ok "an error from the rules stops the build"; else notok "an error from the rules stops the build"; fi
"$HUACE" check --format yaml >/dev/null 2>&1
if [ $? = 2 ]; then ok "bad --format is a usage error"; else notok "bad --format is a usage error"; fi
finish
