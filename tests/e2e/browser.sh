#!/bin/sh
# The built example site in Debian's Chromium (tests/browser/layout.mjs):
# phone to desktop widths without horizontal scrolling, landmarks, headings,
# alt text, focus, contrast, no other hosts. Needs chromium and node (set up
# by scripts/install-deps.sh) and playwright-core (npm ci in tests/browser).
. tests/tools/tap.sh
"$HUACE" build -s . -o "$T/out" --today 2026-11-30 --quiet || { echo "not ok 1 - build"; exit 1; }
if [ ! -d tests/browser/node_modules/playwright-core ]; then
    (cd tests/browser && npm ci --no-audit --no-fund >/dev/null 2>&1) || { echo "not ok 1 - npm ci in tests/browser"; exit 1; }
fi
node tests/browser/layout.mjs "$T/out"
