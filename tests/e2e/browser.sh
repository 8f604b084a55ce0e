#!/bin/sh
# The built example site in Debian's Chromium (tests/browser/layout.mjs):
# phone to desktop widths without horizontal scrolling, landmarks, headings,
# alt text, focus, contrast, no other hosts; the photo gallery and its
# full-screen viewer on a project page, axe-core (tests/browser/gallery.mjs);
# every page kind on a phone, the menu, 长辈版 and the 404 page at a deep URL
# (tests/browser/phone.mjs);
# the phone variants of the maps at 375 px, overview tap targets of 44 px and
# more, maps in the viewer, short names on the board (tests/browser/maps.mjs);
# search over every body, from file:// and from huace serve (tests/browser/search.mjs);
# then a page open from huace serve reloading itself (tests/browser/reload.mjs). Needs chromium and node (set up
# by scripts/install-deps.sh) and playwright-core (npm ci in tests/browser).
. tests/tools/tap.sh
# the internal edition: it has every page kind (the public one has no supervision/ page)
example_build "$T/out" "$T/build.log" --edition internal || { echo "not ok 1 - build"; sed 's/^/# /' "$T/build.log" | head; exit 1; }
if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/axe-core ]; then
    (cd tests/browser && npm ci --no-audit --no-fund >/dev/null 2>&1) || { echo "not ok 1 - npm ci in tests/browser"; exit 1; }
fi
node tests/browser/layout.mjs "$T/out"
layout_rc=$?
node tests/browser/gallery.mjs "$T/out"
gallery_rc=$?
node tests/browser/phone.mjs "$T/out"
phone_rc=$?
node tests/browser/maps.mjs "$T/out"
maps_rc=$?

# huace serve: an open page follows the writing
cp -R tests/sites/base "$T/site"
printf 'maps: {enabled: false}\nprint: {enabled: false}\n' >>"$T/site/site.yaml"
"$HUACE" serve -s "$T/site" -p 0 >"$T/serve.out" 2>&1 &
pid=$!
i=0
while [ $i -lt 300 ] && ! grep -q '^huace: wrote' "$T/serve.out"; do sleep 0.2; i=$((i + 1)); done
URL=$(sed -n 's|^huace serve: \(http://127\.0\.0\.1:[0-9]*\)/.*|\1|p' "$T/serve.out" | head -n 1)
node tests/browser/search.mjs "$T/out" . "$URL" 群众参与
search_rc=$?
node tests/browser/reload.mjs "$URL/about/index.html" "$T/site/content/about.md"
rc=$?
kill -INT "$pid"
wait "$pid"
cat "$T/serve.out" >&2   # where tests/run.sh looks for sanitizer reports
[ "$layout_rc" -eq 0 ] && [ "$gallery_rc" -eq 0 ] && [ "$phone_rc" -eq 0 ] && [ "$maps_rc" -eq 0 ] && [ "$search_rc" -eq 0 ] && [ "$rc" -eq 0 ]
