// Lighthouse (npm lighthouse, pinned in package.json) with Debian's Chromium,
// mobile form factor and Lighthouse's default simulated throttling (slow 4G,
// 4× CPU slowdown): Performance, Accessibility, Best Practices and SEO must
// each be at least MIN on every URL given.
// usage: node lighthouse.mjs URL…   (prints TAP lines and the scores seen)
// A shared machine makes Performance noisy: each URL gets at most RUNS runs
// and passes on the first run with every category at MIN or above. Every
// run's scores are printed (as TAP comments), the failing ones too;
// LIGHTHOUSE_OUT=DIR keeps each run's full JSON report there. The host's
// benchmarkIndex is printed with each run: the simulation multiplies the CPU
// time it observes by 4, so a loaded host (index well under 1000) lowers
// Performance (Total Blocking Time) without any change to the site.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import fs from "node:fs";

const MIN = 95;
const RUNS = Number(process.env.LIGHTHOUSE_RUNS || 3);
const CATS = ["performance", "accessibility", "best-practices", "seo"];
const urls = process.argv.slice(2);
let n = 0;
let failed = 0;

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking"],
});
try {
  for (const url of urls) {
    let best = null;
    for (let run = 1; run <= RUNS; run++) {
      const r = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error",
                                        onlyCategories: CATS }, undefined);
      const lhr = r.lhr;
      if (process.env.LIGHTHOUSE_OUT)   /* the full reports, to see what cost the points */
        fs.writeFileSync(`${process.env.LIGHTHOUSE_OUT}/${url.replace(/[^a-z0-9]+/gi, "_")}-${run}.json`, r.report);
      const s = Object.fromEntries(CATS.map(c => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
      console.log(`# ${url} run ${run}: ` + CATS.map(c => `${c} ${s[c]}`).join(", ") +
                  ` (host benchmarkIndex ${Math.round(lhr.environment.benchmarkIndex)})`);
      for (const c of CATS) {
        if (s[c] >= MIN) continue;   /* say what cost the points */
        for (const ref of lhr.categories[c].auditRefs) {
          const a = lhr.audits[ref.id];
          if (ref.weight > 0 && a.score !== null && a.score < 1)
            console.log(`#   ${c}: ${a.id} ${a.score} ${a.displayValue || ""}`);
        }
      }
      if (lhr.runtimeError) console.log(`#   runtime error: ${lhr.runtimeError.message}`);
      if (!best || CATS.every(c => s[c] >= best[c])) best = s;
      if (CATS.every(c => s[c] >= MIN)) break;
    }
    for (const c of CATS) {
      n++;
      const good = best[c] >= MIN;
      if (!good) failed++;
      console.log(`${good ? "ok" : "not ok"} ${n} - ${url}: ${c} ${best[c]} >= ${MIN} (mobile, simulated throttling)`);
    }
  }
} finally {
  await chrome.kill();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
