#!/bin/sh
# print/album.html is a theme layout (issue 16 §3): layouts/album.mustache
# with partials album-style, album-unit and album-case, rendered through the
# same engine and shared values as every page. On tests/sites/pdf-basic
# (two units, two case studies) with the default theme copied into the site:
#   - an edit to the copied album.mustache, to its style partial and to its
#     unit partial each shows in album.html (and the default page has none);
#   - a site's own layouts/album.mustache replaces the theme's, with the
#     documented values (site.*, root, year, paper, colors, chapters, cases);
#   - a syntax error in album.mustache stops `check` and `build` with its
#     file, line and column; a theme without album.mustache stops the build,
#     and check, naming the missing layout.
. tests/tools/tap.sh
S="$T/site"
cp -R tests/sites/pdf-basic "$S"
printf 'print: {unit_albums: false}\n' >>"$S/site.yaml"
build() { rm -rf "$T/out"; "$HUACE" build -s "$S" -o "$T/out" --today 2026-11-30 --quiet >"$T/log" 2>&1; }
A="$T/out/print/album.html"

# ---- the default theme (installed beside the binary) ----
if build; then ok "pdf-basic builds"; else notok "pdf-basic builds"; sed 's/^/# /' "$T/log" | head; fi
check "album.html: every tag rendered (no {{ left)" sh -c "test -s '$A' && ! grep -q '{{' '$A'"
check "album.html: the @page rule from the style partial, trim in mm" grep -q '^@page { size: 210.0mm 285.0mm; margin: ' "$A"
check "album.html: site.title in <title> and on the cover" sh -c "grep -q '<title>画册测试站点·党建画册</title>' '$A' && grep -q '<h1>画册测试站点</h1>' '$A'"
check "album.html: the overview legend in the album's status colours" grep -q '<span style="color:#[0-9a-f]\{6\}">●</span> ' "$A"
units=$(grep -c '<article class="unit left" id="unit-' "$A")
check "album.html: both units ($units), each with its QR code" sh -c "[ '$units' = 2 ] && [ \$(grep -c 'src=\"data:image/svg+xml;base64,' '$A') = 2 ]"
check "the default page carries none of the edits below" sh -c "! grep -q 'theme-edit' '$A'"
cp "$A" "$T/default.html"

# ---- the theme copied into the site, then edited ----
mkdir -p "$S/themes"
cp -R themes/default "$S/themes/default"
L="$S/themes/default/layouts"
build
check "the copied, unedited theme gives the same page" cmp "$T/default.html" "$A"
sed -i 's|^<body>$|<body>\n<p class="theme-edit">主题作者改过这一页 {{year}}</p>|' "$L/album.mustache"
sed -i 's|^body { margin: 0; }$|body { margin: 0; } /* theme-edit-style */|' "$L/partials/album-style.mustache"
sed -i 's|^<article class="unit left" id="unit-{{id}}">$|<article class="unit left theme-edit-unit" id="unit-{{id}}" data-level="{{level}}">|' "$L/partials/album-unit.mustache"
if build; then ok "builds with the edited album.mustache"; else notok "builds with the edited album.mustache"; sed 's/^/# /' "$T/log" | head; fi
check "the edit to album.mustache shows in album.html (with its value)" grep -q '^<p class="theme-edit">主题作者改过这一页 2026</p>$' "$A"
check "the edit to partials/album-style.mustache shows" grep -q '^body { margin: 0; } /\* theme-edit-style \*/$' "$A"
check "the edit to partials/album-unit.mustache shows, once per unit" sh -c "[ \$(grep -c 'class=\"unit left theme-edit-unit\" id=\"unit-' '$A') = 2 ]"
check "the rest of the page is as before" sh -c "grep -v 'theme-edit' '$A' >'$T/e1'; grep -v '^body { margin: 0; }\$\\|<article class=\"unit' '$T/default.html' >'$T/e0'; grep -v '<article class=\"unit' '$T/e1' | cmp - '$T/e0'"

# ---- the site's own layouts/album.mustache over the theme's ----
mkdir -p "$S/layouts"
printf '%s\n' '{{site.title}}|{{root}}|{{year}}|{{paper.width}}x{{paper.height}}|{{colors.accent}}' \
    '{{#chapters}}{{key}}:{{count}}/{{planned}}{{#units}} {{id}}{{/units}};{{/chapters}}' \
    '{{#cases}}{{slug}} {{/cases}}' >"$S/layouts/album.mustache"
build
check "a site's layouts/album.mustache replaces the theme's" sh -c "head -1 '$A' | grep -qx '画册测试站点|../|2026|210.0mmx285.0mm|#[0-9a-f]*'"
check "chapters with their units, and the album's case studies" sh -c "sed -n 2p '$A' | grep -q 'P-B-01' && sed -n 3p '$A' | grep -q '[a-z]'"
sed 's/^/# /' "$A" | head -3
rm -r "$S/layouts"

# ---- mistakes: located ----
printf '{{#chapters}}\n<p>{{name}}</p>\n' >>"$L/album.mustache"   # a section never closed
"$HUACE" check -s "$S" --today 2026-11-30 >"$T/chk" 2>&1
check "check: an unclosed section in album.mustache, located" grep -q 'themes/default/layouts/album.mustache:[0-9]*:[0-9]*: error: .*\[template-syntax\]' "$T/chk"
if build; then notok "build stops on it"; else ok "build stops on it"; fi
check "build: the same located message" grep -q 'themes/default/layouts/album.mustache:[0-9]*:[0-9]*: error: .*\[template-syntax\]' "$T/log"
rm "$L/album.mustache"
if build; then notok "a theme without album.mustache stops the build"; else ok "a theme without album.mustache stops the build"; fi
check "and names the missing layout" grep -q "theme 'default' has no template album.mustache" "$T/log"
"$HUACE" check -s "$S" --today 2026-11-30 >"$T/chk" 2>&1
check "check reports it too" grep -q "theme 'default' has no template album.mustache.*\[template\]" "$T/chk"
finish
