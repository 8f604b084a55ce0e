#!/bin/sh
# assets/ is published as regular files inside the site: a link is followed
# only when its target stays inside the site folder; links leading out, FIFOs,
# devices and link loops are skipped with a located [asset] warning and never
# read, so the build finishes; published files are 0644 and folders 0755
# whatever the source modes (a source others may not read gets a warning).
# check, a second (cached) build and serve finish on such a site too.
. tests/tools/tap.sh

S="$T/site"
cp -R tests/sites/base "$S"
printf 'maps: {enabled: false}\nprint: {enabled: false}\n' >>"$S/site.yaml"
A="$S/assets"
mkdir -p "$A/css" "$A/deep/er" "$S/shared" "$T/private"
printf 'body{}\n' >"$A/css/x.css"
printf 'deep\n' >"$A/deep/er/file.txt"
chmod 700 "$A/deep"
printf 'own secret\n' >"$A/own.txt"
chmod 600 "$A/own.txt"
printf 'shared inside the site\n' >"$S/shared/note.txt"
printf 'PRIVATE-7f3a\n' >"$T/private/diary.txt"
chmod 600 "$T/private/diary.txt"
ln -s /etc/passwd "$A/passwd"
ln -s "$T/private" "$A/private"
ln -s ../shared "$A/shared"
ln -s ../shared "$A/shared2"
ln -s css/x.css "$A/alias.css"
ln -s . "$A/loop1"
ln -s . "$A/loop2"
ln -s .. "$A/deep/er/up"
ln -s /dev/zero "$A/zero"
ln -s missing.txt "$A/dangling"
mkfifo "$A/pipe"

# the fixed build takes well under a second; before, it blocked on the FIFO
# or walked the loops forever
(umask 077; timeout 60 "$HUACE" build -s "$S" -o "$T/out" --today 2026-11-30 --all >"$T/build.out" 2>"$T/build.err")
st=$?
check "the build finishes, exit 0 (was: never, or killed by timeout)" test "$st" -eq 0
O="$T/out/assets"
check "a link to /etc/passwd is not published" test ! -e "$O/passwd"
check "nothing of /etc/passwd anywhere in the output" sh -c "! grep -rq '^root:' '$T/out'"
check "a link to a private folder outside the site is not published" test ! -e "$O/private"
check "nor any of its 0600 files" sh -c "! grep -rq PRIVATE-7f3a '$T/out'"
check "a link to /dev/zero is skipped" test ! -e "$O/zero"
check "a FIFO is skipped" test ! -e "$O/pipe"
check "a dangling link is skipped" test ! -e "$O/dangling"
check "a link to a folder inside the site is published" grep -qx 'shared inside the site' "$O/shared/note.txt"
check "a link to a file inside the site is published" cmp -s "$A/css/x.css" "$O/alias.css"
check "a second link to the same folder is not published twice" test ! -e "$O/shared2"
check "regular files are published" sh -c "test -f '$O/css/x.css' && test -f '$O/deep/er/file.txt'"
check "the loops are not followed" sh -c "test ! -e '$O/loop1' && test ! -e '$O/loop2' && test ! -e '$O/deep/er/up'"
check "a 0600 source file is published all the same" grep -qx 'own secret' "$O/own.txt"
check "published asset files are 0644 (under umask 077)" sh -c "test -z \"\$(find '$O' -type f ! -perm 0644)\" && test -n \"\$(find '$O' -type f)\""
check "published asset folders are 0755 (a 0700 source too)" sh -c "test -z \"\$(find '$O' -type d ! -perm 0755)\" && test \"\$(stat -c %a '$O/deep')\" = 755"
check "theme static files are 0644 too" sh -c "test -z \"\$(find '$T/out/static' -type f ! -perm 0644)\" && test -z \"\$(find '$T/out/static' -type d ! -perm 0755)\""

w() { grep -q "^assets/$1: warning: $2.* \[asset\]\$" "$T/build.err"; }
check "warning: the /etc/passwd link, located" w passwd "a symbolic link to '/etc/passwd', outside the site folder: not published"
check "warning: the link to a private folder" w private "a symbolic link to '.*private', outside the site folder"
check "warning: the /dev/zero link" w zero "a symbolic link to '/dev/zero', outside the site folder"
check "warning: the FIFO, never read" w pipe "a FIFO (named pipe): not published, never read"
check "warning: the dangling link" w dangling "a symbolic link that leads nowhere"
check "warning: each link to '.' is a loop" sh -c "grep -q \"^assets/loop1: warning: a symbolic link to 'assets', a folder that contains it: a loop\" '$T/build.err' && grep -q '^assets/loop2: warning: .*a loop' '$T/build.err'"
check "warning: a link to an ancestor is a loop" w deep/er/up "a symbolic link to 'assets/deep', a folder that contains it: a loop"
check "each loop is reported once" sh -c "test \$(grep -c '^assets/loop1:' '$T/build.err') -eq 1 && test \$(grep -c 'a loop' '$T/build.err') -eq 3"
check "warning: the second link to one folder" w shared2 "a symbolic link to the folder already published as 'assets/shared'"
check "warning: the 0600 source becomes readable by all" w own.txt "others may not read this file here (mode 0600), yet it is published readable by everyone (0644)"
check "no warning for what is fine" sh -c "! grep -q '^assets/\\(css\\|shared:\\|alias\\|deep/er/file\\)' '$T/build.err'"

(timeout 60 "$HUACE" build -s "$S" -o "$T/out" --today 2026-11-30 >"$T/again.out" 2>"$T/again.err")
st=$?
check "a second build (the cache's input scan) finishes too" test "$st" -eq 0
timeout 60 "$HUACE" check -s "$S" --today 2026-11-30 >"$T/check.txt" 2>&1
st=$?
check "huace check on the looping site finishes, exit 0" test "$st" -eq 0

# serve on the looping site: it builds, and Ctrl-C stops it at once
mkdir "$T/tmp"
TMPDIR="$T/tmp" "$HUACE" serve -s "$S" -p 0 --today 2026-11-30 >"$T/serve.out" 2>&1 &
pid=$!
i=0
while [ $i -lt 900 ] && ! grep -q '^huace: wrote' "$T/serve.out"; do sleep 0.2; i=$((i + 1)); done
check "serve builds the looping site" grep -q '^huace: wrote' "$T/serve.out"
touch "$A/css/x.css"
i=0
while [ $i -lt 300 ] && ! grep -q 'a file changed' "$T/serve.out"; do sleep 0.2; i=$((i + 1)); done
check "and watches it: a changed asset builds again" grep -q 'a file changed, building again' "$T/serve.out"
kill -INT "$pid"
i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
if kill -0 "$pid" 2>/dev/null; then
    notok "Ctrl-C stops it within 5 s"
    kill -KILL "$pid"
else
    ok "Ctrl-C stops it within 5 s"
fi
wait "$pid"
check "saying so" grep -q '^huace serve: stopped$' "$T/serve.out"
# images in content are assets too: a FIFO or a link out of the site named by a
# case study is "nothing published" for check and the build (which stops before
# the album would open it), never read
S2="$T/site2"
cp -R tests/sites/base "$S2"
mkfifo "$S2/assets/pipe.jpg"
printf 'PRIVATE-PHOTO\n' >"$T/private/photo.jpg"
ln -s "$T/private/photo.jpg" "$S2/assets/out.jpg"
printf '\n![管道](../../assets/pipe.jpg)\n\n![外面](../../assets/out.jpg)\n' >>"$S2/content/cases/first-case.md"
timeout 60 "$HUACE" check -s "$S2" --today 2026-11-30 >"$T/check2.txt" 2>&1
st=$?
check "check: a FIFO and a link out of the site as images are errors (exit 1, was: check passed)" test "$st" -eq 1
check "check names the FIFO at its line" grep -q "^content/cases/first-case.md:[0-9]*:[0-9]*: error: image '../../assets/pipe.jpg' does not resolve" "$T/check2.txt"
check "check names the link out of the site" grep -q "error: image '../../assets/out.jpg' does not resolve" "$T/check2.txt"
timeout 60 "$HUACE" build -s "$S2" -o "$T/out2" --today 2026-11-30 >/dev/null 2>"$T/build2.err"
st=$?
check "the build stops with exit 1 (was: blocked on the FIFO in the album)" test "$st" -eq 1
check "and publishes nothing" test ! -e "$T/out2"
# a FIFO among the content files is a located read error at once, never opened
# for a blocking read (was: the loader blocked on it)
S3="$T/site3"
cp -R tests/sites/base "$S3"
mkfifo "$S3/content/cases/pipe.md" "$S3/content/projects/pipe.yaml"
timeout 60 "$HUACE" build -s "$S3" -o "$T/out3" --today 2026-11-30 >/dev/null 2>"$T/build3.err"
st=$?
check "a FIFO in content/: the build stops with exit 1 (was: blocked, killed by timeout)" test "$st" -eq 1
check "naming the case study FIFO" grep -q "^content/cases/pipe.md: error: cannot read file: not a regular file (a FIFO, device or socket) \[read\]" "$T/build3.err"
check "and the project FIFO" grep -q "^content/projects/pipe.yaml: error: cannot read file: not a regular file" "$T/build3.err"
timeout 60 "$HUACE" check -s "$S3" --today 2026-11-30 >"$T/check3.txt" 2>&1
check "check reports it too (exit 1)" test "$?" -eq 1
cat "$T/build.err" "$T/again.err" "$T/serve.out" >&2
finish
