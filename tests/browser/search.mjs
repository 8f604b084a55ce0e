// The search page in Debian's Chromium, from file:// (a site on a USB stick) at 375 and 1440 px,
// and from huace serve when given its URL:
// - a phrase found ONLY in a case study's body (checked here against content/) finds that case
//   study, with the phrase marked in the passage shown under it;
// - 割草 and 花海 (in a case study's body and a route node's name) find results;
// - title matches come before body matches; ＱＪ－Ｂ－０１ (full width) finds QJ-B-01;
// - typing two words lists results having both; a query with no result says so;
// - "显示更多结果" shows the next results; the pieces are loaded as scripts (no fetch, no XHR),
//   only the shards the query needs, from no other host; the page raises no error; axe-core
//   finds no violation on the page with results.
// usage: node search.mjs OUT_DIR [SRC_DIR (default .)] [SERVE_URL [PHRASE]]   (prints TAP)
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import path from "node:path";
import fs from "node:fs";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const out = path.resolve(process.argv[2]);
const src = path.resolve(process.argv[3] || ".");
const serveUrl = process.argv[4] || "";
const servePhrase = process.argv[5] || "";
let n = 0, failed = 0;
const tap = (ok, name, detail) => {
  n++;
  console.log(`${ok ? "ok" : "not ok"} ${n} - ${name}`);
  if (!ok) { failed++; if (detail) console.log("# " + String(detail).replace(/\n/g, "\n# ")); }
};

// the phrase: in the body of exactly one file under content/ and in no front matter, title or summary
const PHRASE = "四季花卉";
const files = [];
const walk = d => fs.readdirSync(d, { withFileTypes: true }).forEach(e => {
  const p = path.join(d, e.name);
  if (e.isDirectory()) walk(p); else if (/\.(md|ya?ml)$/.test(e.name)) files.push(p);
});
walk(path.join(src, "content"));
const having = files.filter(f => fs.readFileSync(f, "utf8").includes(PHRASE));
const body = having.length === 1 && /\.md$/.test(having[0]) &&
  !/^---\n[\s\S]*?\n---\n/.exec(fs.readFileSync(having[0], "utf8"))[0].includes(PHRASE);
tap(body, `${PHRASE} appears only in one case study's body (${having.map(f => path.relative(src, f)).join(", ")})`);
const caseSlug = having.length ? path.basename(having[0], ".md") : "";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
const settled = page => page.waitForFunction(() => {
  const s = document.getElementById("search-status").textContent;
  return s && !/正在查找/.test(s);
}, null, { timeout: 10000 }).then(() => true, () => false);
const results = page => page.evaluate(() => ({
  status: document.getElementById("search-status").textContent,
  items: [...document.querySelectorAll("#search-results li")].map(li => ({
    title: li.querySelector("h2").textContent,
    href: li.querySelector("h2 a").getAttribute("href"),
    passage: li.querySelector(".passage")?.textContent || "",
    marks: [...li.querySelectorAll(".passage mark")].map(m => m.textContent),
    titleMarks: [...li.querySelectorAll("h2 mark")].map(m => m.textContent),
  })),
  more: !document.querySelector(".search-more").hidden,
}));
const query = async (page, base, q) => {
  await page.goto(base + "?q=" + encodeURIComponent(q));
  const ok = await settled(page);
  return { ok, ...(await results(page)) };
};

try {
  const searchFile = path.join(out, "search/index.html");
  tap(fs.existsSync(searchFile), "the site has a search page");
  for (const w of [375, 1440]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: 900 } });
    const page = await ctx.newPage();
    const errors = [], foreign = [], kinds = new Set(), shards = [];
    page.on("pageerror", e => errors.push(e.message));
    page.on("request", r => {
      if (!r.url().startsWith("file://") && !r.url().startsWith("data:")) foreign.push(r.url());
      kinds.add(r.resourceType());
      const m = /\/search\/i\/(\d+)\.js$/.exec(r.url());
      if (m) shards.push(+m[1]);
    });
    const base = "file://" + searchFile;

    let r = await query(page, base, PHRASE);
    const hit = r.items.find(i => caseSlug && i.href.includes("cases/" + caseSlug + "/"));
    tap(r.ok && !!hit, `@${w}px: ${PHRASE} (only in a case study's body) finds that case study`, JSON.stringify(r));
    tap(!!hit && hit.marks.includes(PHRASE) && hit.passage.includes(PHRASE) && !hit.title.includes(PHRASE),
      `@${w}px: its passage shows the phrase, marked`, JSON.stringify(hit));
    tap(!!hit && fs.existsSync(path.resolve(path.dirname(searchFile), hit.href)), `@${w}px: the result links to its page`, hit && hit.href);
    const nshards = await page.evaluate(() => window.HUACE_SEARCH.shards);
    tap(shards.length >= 1 && shards.length <= 3 && new Set(shards).size === shards.length,
      `@${w}px: only the shards of the query's 3 terms were loaded, once each (${shards.length} of ${nshards})`, JSON.stringify(shards));

    for (const q of ["割草", "花海"]) {
      r = await query(page, base, q);
      tap(r.ok && r.items.length > 0 && r.items.every(i => i.marks.includes(q) || i.titleMarks.includes(q)) &&
          /^找到 \d+ 条/.test(r.status), `@${w}px: ${q} finds results, each with ${q} marked`, JSON.stringify(r).slice(0, 600));
    }
    tap(r.items.some(i => /^QJ-B-01 /.test(i.title)) && r.items.some(i => i.href.includes("cases/")),
      `@${w}px: 花海 finds the unit whose route node is named for it and the case study`, JSON.stringify(r.items.map(i => i.title)));

    r = await query(page, base, "党建公园");
    const inTitle = r.items.map(i => i.title.includes("党建公园"));
    tap(r.ok && inTitle[0] === true && inTitle.includes(false) && inTitle.every((t, i) => i === 0 || !t || inTitle[i - 1]),
      `@${w}px: title matches come before body matches`, JSON.stringify(r.items.map(i => i.title)));

    r = await query(page, base, "党建");
    const first = r.items.length;
    await page.click(".search-more").catch(() => {});
    await settled(page);
    await page.waitForFunction(k => document.querySelectorAll("#search-results li").length > k, first, { timeout: 10000 }).catch(() => {});
    const after = (await results(page)).items.length;
    tap(r.more && first === 10 && after > first, `@${w}px: 显示更多结果 shows the next results (${first} → ${after})`, r.status);

    await page.goto(base);
    await page.fill("#q", "周家乡 党建");
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0, null, { timeout: 10000 }).catch(() => {});
    await settled(page);
    r = await results(page);
    tap(r.items.length > 0 && r.items.every(i => ["周家乡", "党建"].every(x => (i.title + i.passage).includes(x) ||
                                                                       i.marks.concat(i.titleMarks).includes(x))),
      `@${w}px: typing two words lists results having both`, JSON.stringify(r).slice(0, 600));

    r = await query(page, base, "ＱＪ－Ｂ－０１");
    tap(r.items.length > 0 && r.items[0].title.startsWith("QJ-B-01"), `@${w}px: full-width ＱＪ－Ｂ－０１ finds QJ-B-01 first`,
      JSON.stringify(r.items.map(i => i.title)));

    r = await query(page, base, "没有这种词语");
    tap(r.ok && r.items.length === 0 && r.status.includes("没有找到"), `@${w}px: a query with no result says so`, JSON.stringify(r));

    tap(!kinds.has("fetch") && !kinds.has("xhr"), `@${w}px: the pieces come as scripts, not fetch or XHR`, [...kinds].join(" "));
    if (w === 375) {   // (axe-core itself may use XHR)
      await query(page, base, PHRASE);
      await page.addScriptTag({ path: axePath });
      const v = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] }))
        .violations.map(x => `${x.id}: ${x.help} — ${x.nodes.slice(0, 3).map(y => y.target.join(" ")).join(" | ")}`));
      tap(v.length === 0, `@${w}px: axe-core finds no violation on the page with results`, v.join("\n"));
    }
    tap(errors.length === 0, `@${w}px: no script error`, errors.join("\n"));
    tap(foreign.length === 0, `@${w}px: no request to any other host`, foreign.join("\n"));
    await ctx.close();
  }

  if (serveUrl) {   // the same from huace serve
    const page = await browser.newPage();
    const r = await query(page, serveUrl.replace(/\/$/, "") + "/search/index.html", servePhrase);
    tap(r.ok && r.items.length > 0 && r.items.some(i => i.marks.includes(servePhrase)),
      `from huace serve: ${servePhrase} (in a body) is found and marked`, JSON.stringify(r).slice(0, 600));
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
