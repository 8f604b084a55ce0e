#!/bin/sh
# Lighthouse in mobile mode (its default simulated throttling) on the home
# page and a unit page of the built example site, served over HTTP by
# python3's http.server (a plain static server): at least 95 in Performance,
# Accessibility, Best Practices and SEO (tests/browser/lighthouse.mjs, which
# prints the scores of every run). Needs chromium, node and the npm packages
# of tests/browser (npm ci there; scripts/install-deps.sh sets up the rest).
. tests/tools/tap.sh
example_build "$T/out" "$T/build.log" || { echo "not ok 1 - build"; sed 's/^/# /' "$T/build.log" | head; exit 1; }
if [ ! -d tests/browser/node_modules/lighthouse ]; then
    (cd tests/browser && npm ci --no-audit --no-fund >/dev/null 2>&1) || { echo "not ok 1 - npm ci in tests/browser"; exit 1; }
fi
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$T/out" >"$T/http.out" 2>&1 &
pid=$!
i=0
while [ $i -lt 100 ] && ! grep -q 'port [0-9]' "$T/http.out"; do sleep 0.1; i=$((i + 1)); done
PORT=$(sed -n 's/.* port \([0-9][0-9]*\).*/\1/p' "$T/http.out" | head -n 1)
[ -n "$PORT" ] || { echo "not ok 1 - python3 -m http.server did not start"; kill "$pid"; exit 1; }
node tests/browser/lighthouse.mjs "http://127.0.0.1:$PORT/" "http://127.0.0.1:$PORT/projects/QJ-B-01/"
rc=$?
kill "$pid"
wait "$pid" 2>/dev/null
exit $rc
