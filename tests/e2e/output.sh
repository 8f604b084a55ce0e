#!/bin/sh
# The output is huace's alone: -o that is, holds or lies in the site, a file,
# or '' is a usage error that touches nothing; a non-empty folder huace did
# not write needs --force and keeps its files; files huace did not write are
# never deleted; a symlinked output is followed; builds into one output take
# turns (OUT.huace-lock); short options take their value attached; a missing
# site folder is no sanitizer report; a full disk is one error.
. tests/tools/tap.sh
trap 'umount "$T/disk" 2>/dev/null; rm -rf "$T"' EXIT
W=$T/w
case $HUACE in /*) ;; *) HUACE=$PWD/$HUACE ;; esac   # the refused cases run in $W
mkdir "$W"
# the base fixture without maps and album: what is tested here is where the
# files go, and those two stages are most of a build's time
base_site() {
    rm -rf "$W/site" && cp -R tests/sites/base "$W/site" &&
        printf 'maps: {enabled: false}\nprint: {enabled: false}\n' >>"$W/site/site.yaml"
}
base_site
B="--today 2026-11-30 --quiet"
# sanitizer reports in a build's captured stderr go to ours, where tests/run.sh looks
sanrep() { grep -hE 'runtime error|Sanitizer|^==[0-9]+==' "$@" >&2; :; }

# every entry below $1 (type, mode, link target) and every file's bytes
snapshot() { (cd "$1" && find . -printf '%y %m %p %l\n' | sort && find . -type f -print0 | sort -z | xargs -0 -r sha256sum); }

# refused: name, expected message part, arguments for build; exit 2 and $W as it was
refused() {
    name=$1 want=$2
    shift 2
    base_site   # whole again, whatever an earlier case did
    snapshot "$W" >"$T/before"
    (cd "$W" && "$HUACE" build -s "$W/site" "$@" $B) >"$T/stdout" 2>"$T/stderr"   # in $W: -o '' made .tmp-huace here
    st=$?; sanrep "$T/stderr"; (exit $st)
    status=$?
    snapshot "$W" >"$T/after"
    if [ "$status" = 2 ]; then ok "$name: exit status 2"; else notok "$name: exit status $status, expected 2"; sed 's/^/# /' "$T/stderr"; fi
    if grep -q -- "$want" "$T/stderr"; then ok "$name: says '$want'"; else notok "$name: says '$want'"; sed 's/^/# /' "$T/stderr"; fi
    if cmp -s "$T/before" "$T/after"; then ok "$name: nothing touched"; else notok "$name: nothing touched"; diff "$T/before" "$T/after" | head -10 | sed 's/^/# /'; fi
}

refused "-o the site folder" "is the site folder itself" -o "$W/site"
refused "-o the site folder with a trailing slash" "is the site folder itself" -o "$W/site/"
refused "-o the site's parent" "holds the site folder" -o "$W"
refused "-o a folder the site reads" "lies in content/" -o "$W/site/content"
refused "-o a new folder in one the site reads" "lies in themes/" -o "$W/site/themes/out"
refused "-o the parent spelt with .." "holds the site folder" -o "$W/site/content/../.."
ln -s site "$W/alias"
refused "-o a link to the site folder" "is the site folder itself" -o "$W/alias"
refused "-o site.yaml" "lies in site.yaml" -o "$W/site/site.yaml"
echo 'not a folder' >"$W/file.txt"
refused "-o an existing file" "exists and is not a folder" -o "$W/file.txt"
refused "-o ''" "needs an output folder" -o ''
refused "--output=''" "needs an output folder" --output=
mkdir "$W/thesis"
echo 'four years of work' >"$W/thesis/thesis.txt"
refused "-o a folder huace did not write" "add --force" -o "$W/thesis"
rm "$W/alias" "$W/file.txt"

# --force builds into it and keeps the file
"$HUACE" build -s "$W/site" -o "$W/thesis" $B --force >"$T/stderr" 2>&1
st=$?; sanrep "$T/stderr"; (exit $st)
check "--force builds into a folder huace did not write" test -s "$W/thesis/index.html"
check "and thesis.txt is still there, byte for byte" sh -c "echo 'four years of work' | cmp - '$W/thesis/thesis.txt'"
check "and the next build needs no --force" "$HUACE" build -s "$W/site" -o "$W/thesis" --today 2026-12-01 --quiet
check "and keeps thesis.txt again" test -f "$W/thesis/thesis.txt"

# a folder in the site that huace does not read is fine (SRC/public is the default)
check "-o SRC/public is allowed" "$HUACE" build -s "$W/site" -o "$W/site/public" $B
check "and so is the default" "$HUACE" build -s "$W/site" $B
rm -rf "$W/site/public" "$W/site/public.huace-cache" "$W/site/public.huace-lock"

# files huace did not write survive a rebuild; only the last build's files go
"$HUACE" build -s "$W/site" -o "$W/out" $B
echo mine >"$W/out/stray.txt"
mkdir -p "$W/out/.well-known" "$W/out/empty-of-mine" "$W/out/about/notes"
echo token >"$W/out/.well-known/token"
echo 'my notes' >"$W/out/about/notes/n.txt"
ln -s /etc/hostname "$W/out/link-of-mine"
echo 'my own page' >"$W/out/feed.xml.mine"
(cd "$W/out" && find . -name '*.mine' -o -path ./stray.txt -o -path './.well-known*' -o -path './empty-of-mine' \
    -o -path './about/notes*' -o -path ./link-of-mine | sort) >"$T/mine"
cp "$W/out/index.html" "$T/index.before"
"$HUACE" build -s "$W/site" -o "$W/out" --today 2026-12-01 >"$T/stdout" 2>"$T/stderr"
st=$?; sanrep "$T/stderr"; (exit $st)
check "a rebuild with files of mine in the output succeeds" test "$(grep -c wrote "$T/stdout")" = 1
check "every file and folder of mine is still there" sh -c "cd '$W/out' && for f in \$(cat '$T/mine'); do test -e \$f || test -L \$f || exit 1; done"
check "with its bytes" sh -c "test \"\$(cat '$W/out/stray.txt' '$W/out/.well-known/token' '$W/out/about/notes/n.txt')\" = 'mine
token
my notes' && test -L '$W/out/link-of-mine'"
check "and huace's own files were replaced" sh -c "! cmp -s '$T/index.before' '$W/out/index.html'"
check "a file of mine is no page of huace's in the manifest" sh -c "! grep -q 'stray.txt' '$W/out.huace-cache'"
# a file of mine at a path the new site writes goes to OUT.huace-kept/
mkdir "$W/out/contact"
echo 'my contact page' >"$W/out/contact/index.html"
printf -- '---\ntitle: 联系\n---\n联系我们。\n' >"$W/site/content/contact.md"
"$HUACE" build -s "$W/site" -o "$W/out" --today 2026-12-02 >"$T/stdout" 2>"$T/stderr"
st=$?; sanrep "$T/stderr"; (exit $st)
check "a file of mine where the new site has a page is kept aside" sh -c "echo 'my contact page' | cmp - '$W/out.huace-kept/contact/index.html'"
check "with a warning naming it" grep -q "contact/index.html (not written by huace) is where the new site has a file: moved to $W/out.huace-kept/contact/index.html" "$T/stderr"
check "and the new site has its own page there" grep -q '联系我们' "$W/out/contact/index.html"
rm "$W/site/content/contact.md"
# a page the site no longer has goes (it was huace's)
mv "$W/site/content/about.md" "$T/about.md"
"$HUACE" build -s "$W/site" -o "$W/out" $B
check "a page no longer in the site is deleted" test ! -e "$W/out/about/index.html"
check "but the folder of mine in its place stays" test -f "$W/out/about/notes/n.txt"
mv "$T/about.md" "$W/site/content/about.md"

# a build stopped while moving files of mine into its staging folder: the next puts them back
mkdir -p "$W/out.tmp-huace/deep"
echo saved >"$W/out.tmp-huace/deep/saved.txt"
echo 'deep/saved.txt' >"$W/out.huace-carry"
"$HUACE" build -s "$W/site" -o "$W/out" $B
check "a file of mine left in the staging folder by a stopped build is put back" test "$(cat "$W/out/deep/saved.txt")" = saved
check "and the list of them is gone" test ! -e "$W/out.huace-carry"

# a symlinked output: built beside the link's target, the link kept
mkdir -p "$W/srv/www/site"
ln -s srv/www/site "$W/pub"
"$HUACE" build -s "$W/site" -o "$W/pub" $B
echo mine >"$W/srv/www/site/mine.txt"
check "a build through a link fills its target" test -f "$W/srv/www/site/about/index.html"
mv "$W/site/content/about.md" "$T/about.md"
"$HUACE" build -s "$W/site" -o "$W/pub" --today 2026-12-01 --quiet
check "the link is still a link to the same place" test "$(readlink "$W/pub")" = srv/www/site
check "its target is the new site" sh -c "grep -q 2026-12-01 '$W/srv/www/site/index.html' || grep -rq 2026-12-01 '$W/srv/www/site'"
check "huace's old files in the target are gone" test ! -e "$W/srv/www/site/about/index.html"
check "a file of mine in the target is kept" test "$(cat "$W/srv/www/site/mine.txt")" = mine
check "the record and the lock sit beside the target, not the link" sh -c "test -f '$W/srv/www/site.huace-cache' && test ! -e '$W/pub.huace-cache' && test ! -e '$W/srv/www/site.tmp-huace'"
mv "$T/about.md" "$W/site/content/about.md"

# two builds at once into one output leave one whole site
"$HUACE" build -s "$W/site" -o "$W/single" $B
"$HUACE" build -s "$W/site" -o "$W/twice" $B >"$T/one" 2>&1 &
p1=$!
"$HUACE" build -s "$W/site" -o "$W/twice" $B >"$T/two" 2>&1 &
p2=$!
wait $p1
s1=$?
wait $p2
s2=$?
sanrep "$T/one" "$T/two"
check "two builds at once both succeed" test "$s1$s2" = 00
check "and leave the same files as one build" sh -c "cd '$W/single' && find . | sort >'$T/l1' && cd '$W/twice' && find . | sort >'$T/l2' && cmp '$T/l1' '$T/l2'"
check "with the same bytes" sh -c "cd '$W/single' && find . -type f -print0 | sort -z | xargs -0 sha256sum >'$T/s1' && cd '$W/twice' && find . -type f -print0 | sort -z | xargs -0 sha256sum >'$T/s2' && cmp '$T/s1' '$T/s2'"
check "and no staging folder" test ! -e "$W/twice.tmp-huace"

# the lock: held by someone else, a build waits or, with --no-wait, fails at once
if command -v flock >/dev/null 2>&1; then
    : >"$W/twice.huace-lock"
    flock "$W/twice.huace-lock" sleep 3 &
    fp=$!
    sleep 0.5
    "$HUACE" build -s "$W/site" -o "$W/twice" --today 2026-11-30 --no-wait >"$T/stdout" 2>"$T/stderr"
    st=$?; sanrep "$T/stderr"; (exit $st)
    check "--no-wait while another holds the lock: exit status 1" test $? = 1
    check "saying another build is writing OUT" grep -q "another build is writing $W/twice" "$T/stderr"
    "$HUACE" build -s "$W/site" -o "$W/twice" --today 2026-12-03 >"$T/stdout" 2>"$T/stderr"
    st=$?; sanrep "$T/stderr"; (exit $st)
    st=$?
    check "without --no-wait it waits and then builds" sh -c "test $st = 0 && grep -q wrote '$T/stdout'"
    check "saying once what it waits for" test "$(grep -c "waiting for another build writing $W/twice" "$T/stderr")" = 1
    check "and only after the lock was let go" sh -c "! kill -0 $fp 2>/dev/null"
    wait $fp
else
    skip "--no-wait" "no flock(1) to hold the lock"
fi

# short options with their value attached
check "-j1 -sSRC -oOUT" "$HUACE" build "-s$W/site" "-o$W/j1" -j1 $B
check "build the same as -j 1" sh -c "test -f '$W/j1/index.html'"
"$HUACE" build -s "$W/site" -o "$W/j1" -jx $B 2>"$T/stderr"
st=$?; sanrep "$T/stderr"; (exit $st)
check "-jx is a usage error" test $? = 2

# a missing site folder: an error, no sanitizer report (qsort of nothing), nothing made
"$HUACE" build -s "$W/nonexistent" $B >"$T/stdout" 2>"$T/stderr"
st=$?; sanrep "$T/stderr"; (exit $st)
st=$?
check "a missing site folder: exit status 1" test $st = 1
check "saying so" grep -q "site folder does not exist" "$T/stderr"
check "no sanitizer report" sh -c "! grep -q 'runtime error\|Sanitizer' '$T/stderr'"
check "and nothing made" test ! -e "$W/nonexistent"
mkdir "$W/empty"
"$HUACE" build -s "$W/empty" -o "$W/empty-out" $B >"$T/stdout" 2>"$T/stderr"
st=$?; sanrep "$T/stderr"; (exit $st)
check "a folder without site.yaml: exit 1, no sanitizer report, nothing made" sh -c "test $? = 1 && ! grep -q 'runtime error\|Sanitizer' '$T/stderr' && test ! -e '$W/empty-out' && test ! -e '$W/empty-out.huace-lock'"

# a full disk: one located error, the build stops, the previous output stays
mkdir "$T/disk"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=300k tmpfs "$T/disk" 2>/dev/null; then
    "$HUACE" build -s "$W/site" -o "$T/disk/out" $B >"$T/stdout" 2>"$T/stderr"
    st=$?; sanrep "$T/stderr"; (exit $st)
    st=$?
    check "a full disk: exit status 1" test $st = 1
    check "one error" test "$(grep -c 'error:' "$T/stderr")" = 1
    check "located at the file and saying no space is left" grep -q "^$T/disk/out/[^:]*: error: cannot write: no space left on device" "$T/stderr"
    check "no staging folder left behind" test ! -e "$T/disk/out.tmp-huace"
    # a smaller site that fits, then the full one: the first stays as it was
    umount "$T/disk"
    mount -t tmpfs -o size=2m tmpfs "$T/disk"
    mkdir "$T/disk/out"
    echo 'huace-cache 3 inputs 0 pages 0' >"$T/disk/out.huace-cache"
    echo old >"$T/disk/out/index.html"
    dd if=/dev/zero of="$T/disk/filler" bs=1k count=1700 2>/dev/null
    "$HUACE" build -s "$W/site" -o "$T/disk/out" $B >"$T/stdout" 2>"$T/stderr"
    st=$?; sanrep "$T/stderr"; (exit $st)
    st=$?
    check "a full disk with a previous output: exit 1 and one error" sh -c "test $st = 1 && test \$(grep -c 'error:' '$T/stderr') = 1"
    check "and the previous output as it was" test "$(cat "$T/disk/out/index.html")" = old
    umount "$T/disk"
else
    skip "full disk" "cannot mount a tmpfs here (not root?)"
fi
finish
