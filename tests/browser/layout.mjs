// Loads built pages from file:// in Debian's Chromium and checks, at phone,
// tablet and desktop widths: no horizontal scrolling, lang, one h1 and no
// skipped heading levels, alt text, a visible focus ring, AA contrast of
// status badges and body text, and no request to any other host.
// usage: node layout.mjs OUT_DIR   (prints TAP)
import { chromium } from "playwright-core";
import path from "node:path";
import fs from "node:fs";

const out = path.resolve(process.argv[2]);
const pages = ["index.html", "projects/QJ-B-01/index.html", "cases/shanggangtou-five-changes/index.html",
  "standards/index.html", "schedule/index.html", "supervision/index.html", "projects/index.html",
  "domains/belt/index.html", "tags/index.html", "about/index.html", "search/index.html"]
  .filter(p => fs.existsSync(path.join(out, p)));
const widths = [375, 768, 1440];
let n = 0, failed = 0;
const tap = (ok, name, detail) => {
  n++;
  console.log(`${ok ? "ok" : "not ok"} ${n} - ${name}`);
  if (!ok) { failed++; if (detail) console.log("# " + String(detail).replace(/\n/g, "\n# ")); }
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"],
});
try {
  for (const w of widths) {
    const ctx = await browser.newContext({ viewport: { width: w, height: 800 } });
    const page = await ctx.newPage();
    const foreign = [];
    page.on("request", r => { if (!r.url().startsWith("file://") && !r.url().startsWith("data:")) foreign.push(r.url()); });
    for (const p of pages) {
      await page.goto("file://" + path.join(out, p));
      const r = await page.evaluate(() => {
        const de = document.documentElement;
        const hs = [...document.querySelectorAll("h1,h2,h3,h4,h5,h6")].map(h => +h.tagName[1]);
        let skip = null;
        for (let i = 1; i < hs.length; i++) if (hs[i] > hs[i - 1] + 1) skip = `h${hs[i - 1]} → h${hs[i]}`;
        const lum = c => {
          const m = c.match(/\d+(\.\d+)?/g).map(Number);
          const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
          return 0.2126 * f(m[0]) + 0.7152 * f(m[1]) + 0.0722 * f(m[2]);
        };
        const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
        const bg = el => {
          for (let e = el; e; e = e.parentElement) {
            const c = getComputedStyle(e).backgroundColor;
            if (c && !c.startsWith("rgba(0, 0, 0, 0)") && c !== "transparent") return c;
          }
          return "rgb(255, 255, 255)";
        };
        const lowContrast = [];
        for (const el of document.querySelectorAll(".badge, p, a, td, th, dt, dd, li")) {
          if (!el.offsetParent && el.tagName !== "BODY") continue;
          const cs = getComputedStyle(el);
          const big = parseFloat(cs.fontSize) >= 24 || (parseFloat(cs.fontSize) >= 18.66 && +cs.fontWeight >= 700);
          const rt = ratio(cs.color, bg(el));
          if (rt < (big ? 3 : 4.5)) lowContrast.push(`${el.tagName}.${el.className} ${rt.toFixed(2)}`);
        }
        return {
          overflow: de.scrollWidth - de.clientWidth,
          lang: de.lang,
          h1: document.querySelectorAll("h1").length,
          skip,
          noAlt: [...document.images].filter(i => !i.hasAttribute("alt")).map(i => i.src),
          main: !!document.querySelector("main"), nav: !!document.querySelector("nav"),
          lowContrast: lowContrast.slice(0, 5),
        };
      });
      const name = `${p} @${w}px`;
      tap(r.overflow <= 0, `${name}: no horizontal scrolling`, `page is ${r.overflow}px wider than the viewport`);
      if (w === 375) {
        tap(r.lang === "zh-CN", `${p}: lang is zh-CN`, r.lang);
        tap(r.h1 === 1 && !r.skip, `${p}: one h1, headings in order`, `h1 count ${r.h1}, ${r.skip || ""}`);
        tap(r.noAlt.length === 0, `${p}: every image has alt text`, r.noAlt.join("\n"));
        tap(r.main && r.nav, `${p}: main and nav landmarks`);
        tap(r.lowContrast.length === 0, `${p}: text contrast meets WCAG AA`, r.lowContrast.join("\n"));
      }
    }
    if (w === 375) {
      await page.goto("file://" + path.join(out, "index.html"));
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      const ring = await page.evaluate(() => {
        const cs = getComputedStyle(document.activeElement);
        return { tag: document.activeElement.tagName, outline: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
      });
      tap(ring.tag === "A" && ring.outline !== "none" && ring.width >= 2, "keyboard focus is visible", JSON.stringify(ring));

      // (the search page's queries: tests/browser/search.mjs)
    }
    tap(foreign.length === 0, `@${w}px: no request to any other host`, foreign.join("\n"));
    await ctx.close();
  }
} finally {
  await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
