#!/bin/sh
# The default theme's static facts: the footer's 备案 and contact lines from
# site.yaml (beian:, contact:) with their links, the PDFs' sizes in the
# footer as written, the menu marking each page's section (aria-current), the
# 长辈版 switch and its before-paint script, and the 404 page (css inline,
# links from base_url's path). Bad beian:/contact: values are in
# tests/e2e/bad-input.sh (tests/sites/bad/footer-*).
. tests/tools/tap.sh

example_build "$T/a" "$T/a.log" || { echo "not ok 1 - example site builds"; sed 's/^/# /' "$T/a.log" | head; exit 1; }
foot() { sed -n '/<footer/,/<\/footer>/p' "$T/a/$1"; }
foot index.html >"$T/foot"
check "ICP 备案号 linked to beian.miit.gov.cn" grep -q '<a href="https://beian.miit.gov.cn/" rel="noopener noreferrer">浙ICP备XXXXXXXX号</a>' "$T/foot"
check "公安备案 linked to its record by its digits" grep -q '<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=33080200000000" rel="noopener noreferrer">浙公网安备 33080200000000号</a>' "$T/foot"
check "网站标识码 shown" grep -q '网站标识码：33080000XX' "$T/foot"
check "contact address, phone (tel:) and e-mail (mailto:)" sh -c "grep -q '地址：浙江省衢州市衢江区（示例地址）' '$T/foot' && grep -q '<a href=\"tel:05700000000\">0570-0000000</a>' '$T/foot' && grep -q '<a href=\"mailto:dangjian@qujiang.example\">' '$T/foot'"
check "the footer is the same on a deep page (links unchanged)" sh -c "foot() { sed -n '/<footer/,/<\/footer>/p' \"\$1\"; }; foot '$T/a/projects/QJ-B-01/index.html' | grep -c 'beian' | grep -qx 1"

# the PDFs' sizes, as the files are (1 MB = 1024 × 1024 bytes, one decimal)
for f in album album-press; do
    bytes=$(wc -c <"$T/a/print/$f.pdf")
    want=$(awk -v b="$bytes" 'BEGIN { if (b < 1048576) printf "PDF，%d KB", int((b + 1023) / 1024); else printf "PDF，%.1f MB", b / 1048576 }')
    check "footer shows print/$f.pdf's size ($want, $bytes bytes)" grep -q "href=\"print/$f.pdf\">[^<]*$want" "$T/foot"
done

# every page but the 404 marks its section in both menus, once each
missing=0
for h in $(find "$T/a" -name index.html); do
    k=$(grep -c 'aria-current="page"' "$h")
    [ "$k" -ge 2 ] || { missing=$((missing + 1)); echo "# no section marked: ${h#$T/a/}"; }
done
if [ "$missing" = 0 ]; then ok "every page marks its section (aria-current)"; else notok "every page marks its section ($missing do not)"; fi
check "a unit marks 示范项目" grep -q 'aria-current="page">示范项目<' "$T/a/projects/QJ-B-01/index.html"
check "a domain (taxonomy) page marks 示范项目" grep -q 'aria-current="page">示范项目<' "$T/a/domains/belt/index.html"
check "a case study marks 案例" grep -q 'aria-current="page">案例<' "$T/a/cases/page/2/index.html"
check "the board marks 作战图" grep -q 'aria-current="page">作战图<' "$T/a/board/index.html"
check "the menu is a <details> for phones" grep -q '<details class="menu">' "$T/a/index.html"
check "长辈版 switch and the before-paint script" sh -c "grep -q 'id=\"elder-switch\" role=\"switch\"' '$T/a/index.html' && grep -q 'localStorage.getItem(\"huace-elder\")' '$T/a/index.html'"

# 404: css inline (no stylesheet link), links from base_url's path ("/" here)
check "404 has its css inline" sh -c "grep -q '<style>' '$T/a/404.html' && ! grep -q 'rel=\"stylesheet\"' '$T/a/404.html'"
check "404's links are root-relative" grep -q '<a href="/index.html">首页</a>' "$T/a/404.html"
check "404 marks no section" sh -c "! grep -q 'aria-current=\"page\"' '$T/a/404.html'"
# a site under a sub-path (base fixture: https://example.test/site/), with no beian:/contact:
"$HUACE" build -s tests/sites/base -o "$T/b" --today 2026-11-30 --quiet || notok "base site builds"
check "404 under base_url /site/ links to /site/index.html" grep -q '<a href="/site/index.html">首页</a>' "$T/b/404.html"
check "no beian:/contact: → no 备案 or contact lines" sh -c "! grep -q 'class=\"beian\"\\|class=\"contact\"' '$T/b/index.html'"
# print off: no PDF links
cp -R tests/sites/base "$T/c"
printf 'print: {enabled: false}\nmaps: {enabled: false}\ncontact: {phone: "0570-8123456 转 8"}\n' >>"$T/c/site.yaml"
"$HUACE" build -s "$T/c" -o "$T/c-out" --today 2026-11-30 --quiet || notok "base site with contact builds"
check "a phone with an extension: tel: stops at 转" grep -q '<a href="tel:05708123456">0570-8123456 转 8</a>' "$T/c-out/index.html"
check "print off: no PDF links in the footer" sh -c "! grep -q 'album.pdf' '$T/c-out/index.html'"
finish
