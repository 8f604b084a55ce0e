#!/bin/sh
# Photos (issue 12): every image the content uses is published upright, as
# 480-2400 px WebP + JPEG renditions with hashed names and no metadata; the
# source file never is. Markdown images alone in a paragraph become figures
# captioned by their title; pages carry width/height, srcset and lazy loading;
# a rebuild takes unchanged photos from the cache (OUT.huace-images).
# The fixture: tests/sites/photos laid over tests/sites/base.
. tests/tools/tap.sh
IMG="python3 tests/tools/imgcheck.py"
S="$T/site"
O="$T/out"
cp -R tests/sites/base "$S"
cp -R tests/sites/photos/. "$S/"
printf 'print: {enabled: false}\n' >>"$S/site.yaml"
"$HUACE" build -s "$S" -o "$O" --today 2026-11-30 --timings >"$T/build.out" 2>&1
check "the site with photos builds" test $? -eq 0
P="$O/assets/photos"

# rotation: rot6.jpg is stored 1200 x 900 with EXIF Orientation 6
set -- "$P"/rot6.*-900.jpg
check "the Orientation=6 landscape file is published portrait (900 x 1200 JPEG)" test "$($IMG size "$1")" = "900 1200"
set -- "$P"/rot6.*-900.webp
check "and as a portrait WebP" test "$($IMG size "$1")" = "900 1200"
set -- "$P"/rot6.*-480.jpg
check "its 480 px rendition is 480 x 640" test "$($IMG size "$1")" = "480 640"
check "never upscaled: no rendition wider than the 900 px source" sh -c "! ls '$P' | grep -E 'rot6\\..*-(960|1600|2400)\\.'"
check "names carry a content hash: rot6.<10 hex>-<width>.<ext>" sh -c "ls '$P' | grep -Eq '^rot6\\.[0-9a-f]{10}-480\\.webp\$'"

# privacy: no metadata block and none of the source's tags in any published image
check "no EXIF, GPS, XMP, IPTC, ICC or maker data in any published image" \
    sh -c "find '$O' -name '*.jpg' -o -name '*.webp' | xargs $IMG meta"
check "the test's parser does find them in the source (it can fail)" sh -c "! $IMG meta '$S/assets/photos/rot6.jpg'"

# the source files themselves are never published
check "no published file has a source photo's name" sh -c "! find '$O' -name rot6.jpg -o -name logo.png | grep ."
for f in rot6.jpg logo.png; do
    sum=$(sha256sum "$S/assets/photos/$f" | cut -d' ' -f1)
    check "no published file has the bytes of $f" sh -c "! find '$O' -type f -exec sha256sum {} + | grep -q '^$sum'"
done
check "other files of assets/ are still published" test -f "$P/notes.txt"
check "an SVG the content uses is published as it is" cmp "$S/assets/photos/plan.svg" "$P/plan.svg"

# pages
check "every srcset entry exists (with the width it states)" $IMG srcset "$O"
C="$O/cases/photo-case/index.html"
check "an image alone in its paragraph is a figure captioned by its title" \
    grep -q '<figure[^>]*>.*rot6\..*<figcaption>广场上的活动现场</figcaption>' "$C"
check "the SVG figure too" grep -q '<figure[^>]*>.*plan\.svg.*<figcaption>平面示意</figcaption>' "$C"
check "an inline image is not a figure" sh -c "grep -o '行内的小图 [^跟]*' '$C' | grep -v figure | grep -q 'logo\\.'"
check "the figure's picture has width and height" sh -c "grep -o '<img[^>]*rot6[^>]*>' '$C' | grep 'width=\"[0-9]*\"' | grep -q 'height=\"[0-9]*\"'"
check "the first image of the page is not lazy, the next ones are" \
    sh -c "grep -o '<img[^>]*>' '$C' | head -1 | grep -vq 'loading=\"lazy\"' && grep -o '<img[^>]*>' '$C' | sed -n 2p | grep -q 'loading=\"lazy\"'"
check "alt text comes from the content" grep -q 'alt="广场上的活动"' "$C"
PR="$O/projects/T-B-01/index.html"
check "the project page shows its photos with alt text" grep -q 'alt="党群服务中心门前的广场"' "$PR"
check "the project page has a <picture> with a WebP source" sh -c "grep -o '<source[^>]*>' '$PR' | grep 'image/webp' | grep -q 'rot6\\.'"
check "a placeholder colour is set on the photo" grep -Eq '#[0-9a-f]{6}' "$PR"
check "the home page shows the banner" grep -q 'rot6\.' "$O/index.html"
check "the project's card on the listing has a thumbnail" grep -q 'rot6\.' "$O/projects/index.html"

# rebuilds: unchanged photos come from the cache; a changed photo is made again
check "the first build made 2 raster images" grep -q 'timings: images .*(3 images: 2 made, 0 reused' "$T/build.out"
printf '\n又一段。\n' >>"$S/content/cases/first-case.md"
"$HUACE" build -s "$S" -o "$O" --today 2026-11-30 --timings >"$T/build2.out" 2>&1
check "a rebuild with no photo changed makes none (2 reused)" grep -q 'timings: images .*(3 images: 0 made, 2 reused' "$T/build2.out"
check "and publishes the same renditions" test -f "$P/notes.txt" -a "$(ls "$P" | grep -c rot6)" -eq 4
old=$(ls "$P" | grep 'rot6.*-480.jpg')
cp "$S/assets/photos/logo.png" "$T/logo.png"
printf 'x' >>"$S/assets/photos/rot6.jpg"   # other bytes: another hash
"$HUACE" build -s "$S" -o "$O" --today 2026-11-30 --timings >"$T/build3.out" 2>&1
check "a photo whose bytes changed is made again" grep -q 'timings: images .*1 made, 1 reused' "$T/build3.out"
check "under a new name, the old one gone" sh -c "test ! -e '$P/$old' && ls '$P' | grep -q 'rot6.*-480.jpg'"
check "the cache keeps only what the last build used" sh -c "test \$(ls '$O.huace-images' | grep -c -- '-480.jpg') -eq 2"
finish
