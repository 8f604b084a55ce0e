// The maps on phones, in Debian's Chromium from file://: at 375 px the route
// map, the overview and a township guide show their phone variant
// (img.currentSrc), the overview's visible tap targets are at least 44×44 CSS
// px, sit on the phone image and lead to unit pages; at 1440 px the desktop
// images and overlay show. Tapping the route map opens the full-screen viewer
// with the phone variant. Board cells show a short name beside the number.
// axe-core finds no violation on the map and township pages. Each node on a
// unit page has 高德 and 百度 links and the route a 导航到起点 button, all tap-sized.
// usage: node maps.mjs OUT_DIR [SHOT_DIR]   (prints TAP; SHOT_DIR: screenshots)
import { chromium } from "playwright-core";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");

const out = path.resolve(process.argv[2]);
const shots = process.argv[3] ? path.resolve(process.argv[3]) : null;
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
const url = p => "file://" + path.join(out, p);
const axe = async (page, what) => {
  await page.addScriptTag({ path: axePath });
  const r = await page.evaluate(async () => {
    const res = await window.axe.run(document, { resultTypes: ["violations"] });
    return res.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
  tap(r.length === 0, `${what}: axe-core finds no violation`, r.join("\n"));
};
const shown = async (page, sel) => page.evaluate(async s => {
  const img = document.querySelector(s);
  if (!img) return null;
  img.loading = "eager";
  img.scrollIntoView();
  if (!img.complete) await new Promise(r => { img.onload = img.onerror = r; });
  return { src: img.currentSrc, w: img.getBoundingClientRect().width, h: img.getBoundingClientRect().height,
           nw: img.naturalWidth, nh: img.naturalHeight };
}, sel);

try {
  for (const w of [375, 1440]) {
    const phone = w < 600;
    const ctx = await browser.newContext({ viewport: { width: w, height: 800 } });
    const page = await ctx.newPage();

    await page.goto(url("projects/QJ-B-01/index.html"));
    const r = await shown(page, ".route-map img");
    tap(r && (phone ? /route-phone\.(webp|png)$/.test(r.src) : /\/route\.(webp|png)$/.test(r.src)),
        `${w} px: the route map shown is the ${phone ? "phone" : "desktop"} variant`, JSON.stringify(r));
    tap(r && (phone ? r.nh > r.nw : r.nw > r.nh) && Math.abs(r.w / r.h - r.nw / r.nh) < 0.02,
        `${w} px: the route map keeps its shape (${phone ? "portrait" : "landscape"})`, JSON.stringify(r));
    const nav = await page.evaluate(() => {
      const rows = [...document.querySelectorAll("table.nodes tbody tr")];
      const box = a => { const b = a.getBoundingClientRect(); return [b.width, b.height, a.offsetParent !== null, a.getAttribute("href")]; };
      const start = document.querySelector(".nav-start a");
      return { rows: rows.length, links: rows.map(r => [...r.querySelectorAll("td.go a")].map(box)), start: start && box(start) };
    });
    const navOk = nav.rows > 0 && nav.links.every(l => l.length === 2 && l.every(b => b[0] >= 44 && b[1] >= 44 && b[2]) &&
      l[0][3].startsWith("https://uri.amap.com/marker?position=") && l[1][3].startsWith("https://api.map.baidu.com/marker?location="));
    tap(navOk && nav.start && nav.start[1] >= 44 && nav.start[2] && nav.start[3].startsWith("https://uri.amap.com/navigation?to="),
        `${w} px: every node has 高德 and 百度 links and the route a 导航到起点 button, each a 44 px target`, JSON.stringify(nav));
    if (shots) await page.screenshot({ path: path.join(shots, `project-${w}.png`), fullPage: true });
    if (phone) {
      await page.click(".route-map a.zoom");
      const v = await page.waitForSelector(".pswp--open .pswp__img:not(.pswp__img--placeholder)", { timeout: 10000 })
        .then(() => page.evaluate(() => [...document.querySelectorAll(".pswp__img")].map(i => i.currentSrc || i.src)))
        .catch(e => String(e));
      tap(Array.isArray(v) && v.some(s => /route-phone@2x\.png$/.test(s)),
          "375 px: tapping the route map opens the viewer with the phone variant", JSON.stringify(v));
      if (shots) await page.screenshot({ path: path.join(shots, `project-viewer-${w}.png`) });
      await page.keyboard.press("Escape");
    }

    await page.goto(url("map/index.html"));
    const o = await shown(page, ".overview img");
    tap(o && (phone ? /overview-phone\.(webp|png)$/.test(o.src) : /\/overview\.png$/.test(o.src)),
        `${w} px: the overview shown is the ${phone ? "phone" : "desktop"} variant`, JSON.stringify(o));
    const m = await page.evaluate(() => {
      const img = document.querySelector(".overview img").getBoundingClientRect();
      const vis = [...document.querySelectorAll(".overview .marker")].filter(a => a.offsetParent !== null);
      return { img: [img.left, img.top, img.right, img.bottom], n: vis.length,
               boxes: vis.map(a => { const b = a.getBoundingClientRect(); return [b.left, b.top, b.width, b.height, a.getAttribute("href")]; }),
               units: document.querySelectorAll(".unit-list li").length,
               phoneSet: document.querySelector(".overview .on-phone") !== null };
    });
    tap(m.n > 0 && m.phoneSet, `${w} px: one set of overview links is shown (${m.n})`, JSON.stringify(m));
    if (phone) {
      const small = m.boxes.filter(b => b[2] < 44 || b[3] < 44);
      tap(!small.length, "375 px: every overview tap target is at least 44×44 px", JSON.stringify(small));
    }
    const outside = m.boxes.filter(b => b[0] + b[2] / 2 < m.img[0] || b[0] + b[2] / 2 > m.img[2] ||
                                        b[1] + b[3] / 2 < m.img[1] || b[1] + b[3] / 2 > m.img[3]);
    tap(!outside.length && m.boxes.every(b => /projects\/QJ-/.test(b[4])),
        `${w} px: the overview links sit on the image and lead to unit pages`, JSON.stringify(outside));
    await axe(page, `${w} px map page`);
    if (shots) await page.screenshot({ path: path.join(shots, `map-${w}.png`), fullPage: true });

    await page.goto(url("townships/zhangtan/index.html"));
    const g = await shown(page, ".guide img");
    tap(g && (phone ? /guide-phone\.(webp|png)$/.test(g.src) : /\/guide\.png$/.test(g.src)),
        `${w} px: the township guide shown is the ${phone ? "phone" : "desktop"} variant`, JSON.stringify(g));
    tap(g && Math.abs(g.w / g.h - g.nw / g.nh) < 0.02, `${w} px: the guide keeps its shape`, JSON.stringify(g));
    await axe(page, `${w} px township page`);

    await page.goto(url("board/index.html"));
    const cells = await page.evaluate(() => [...document.querySelectorAll(".board a.cell")].map(a => {
      const s = a.querySelector(".short");
      return { text: s ? s.textContent.trim() : "", vis: s ? s.getBoundingClientRect().width > 0 : false };
    }));
    tap(cells.length > 0 && cells.every(c => c.text.length > 0 && c.vis),
        `${w} px: every board cell shows a short name`, JSON.stringify(cells.filter(c => !c.text || !c.vis)));
    if (shots) await page.screenshot({ path: path.join(shots, `board-${w}.png`), fullPage: true });
    await ctx.close();
  }
} finally {
  await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
