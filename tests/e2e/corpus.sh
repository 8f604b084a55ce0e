#!/bin/sh
# The benchmark corpus generator (tests/bench) at a small size: the corpus
# builds with zero errors and warnings and writes one page per case study and
# per project; listings stay small (windowed pager); a second build is a no-op.
. tests/tools/tap.sh
N=${CORPUS_N:-200}

check "generate a corpus of $N case studies" tests/bench/run.sh --generate-only "$T/corpus" "$N"
"$HUACE" build -s "$T/corpus" -o "$T/out" >"$T/stdout" 2>"$T/stderr"
st=$?
check "corpus builds (exit 0)" test "$st" = 0
check "with no errors or warnings" sh -c "! test -s '$T/stderr' || { cat '$T/stderr'; false; }"
cases=$(ls "$T/corpus/content/cases" | wc -l)
projects=$(ls "$T/corpus/content/projects" | wc -l)
check "$cases case files" test "$cases" = "$N"
check "one page per case study" sh -c "test \$(ls -d '$T'/out/cases/c*/ | wc -l) = $cases"
check "one page per project" sh -c "test \$(ls -d '$T'/out/projects/*-*/ | wc -l) = $projects"
check "every case page has its title" sh -c "for f in '$T'/corpus/content/cases/*.md; do s=\$(basename \$f .md); t=\$(sed -n 's/^title: *\"\\{0,1\\}\\([^\"]*\\)\"\\{0,1\\}\$/\\1/p' \$f | head -1); grep -qF \"\$t\" '$T'/out/cases/\$s/index.html || { echo \$s; exit 1; }; done"
mid=$(( (N / 10 + 1) / 2 ))
check "a middle listing page exists and links a bounded number of pages" sh -c "test -s '$T/out/cases/page/$mid/index.html' && test \$(grep -o 'cases/page/[0-9]*/index.html' '$T/out/cases/page/$mid/index.html' | sort -u | wc -l) -le 8"
"$HUACE" build -s "$T/corpus" -o "$T/out" >"$T/stdout2"
check "second build writes nothing" grep -q '0 pages written' "$T/stdout2"
finish
