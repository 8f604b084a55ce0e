// Every kind of page on a phone, in Debian's Chromium (file:// URLs of the
// built site): at 320 and 375 px no sideways scroll, no text box about two
// characters wide running over three lines (a table squeezed to one
// character a line), no unit number (QJ-B-01) split over two lines, axe-core finds no violation, the menu marks the page's
// section (aria-current) and is one <details> that opens without script;
// one row of menu on a desktop. The 404 page at a deep URL of a plain static
// server and opened from a deep folder as a file, styled (its css inline).
// 长辈版: the header switch makes body text at least 1.25× larger with no
// sideways scroll on every page kind, the choice survives a reload, ?elder=1
// turns it on, and without JavaScript the switch still works.
// usage: node phone.mjs OUT_DIR   (prints TAP)
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import http from "node:http";
import path from "node:path";
import fs from "node:fs";
import os from "node:os";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const out = path.resolve(process.argv[2]);
let n = 0, failed = 0;
const tap = (ok, name, detail) => {
  n++;
  console.log(`${ok ? "ok" : "not ok"} ${n} - ${name}`);
  if (!ok) { failed++; if (detail) console.log("# " + String(detail).replace(/\n/g, "\n# ")); }
};
// one page of every kind (the first of its folder where the name is the site's own)
const first = dir => {
  const base = path.join(out, dir);
  if (!fs.existsSync(base)) return null;
  const d = fs.readdirSync(base).sort().find(x => x !== "page" && fs.existsSync(path.join(base, x, "index.html")));
  return d ? `${dir}/${d}/index.html` : null;
};
const kinds = {
  home: "index.html", project: first("projects"), case: first("cases"), list: "projects/index.html",
  term: first("domains"), taxonomy: "domains/index.html", standards: "standards/index.html",
  schedule: "schedule/index.html", board: "board/index.html", supervision: "supervision/index.html",
  map: "map/index.html", search: "search/index.html", page: "about/index.html", "404": "404.html",
};
for (const [k, p] of Object.entries(kinds)) {
  const ok = p && fs.existsSync(path.join(out, p));
  tap(ok, `page kind ${k}: ${p}`, `missing in ${out}`);
  if (!ok) delete kinds[k];
}
const url = p => "file://" + path.join(out, p);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"],
});

// what one page looks like: sideways scroll, squeezed text boxes, the menu, body text size
const inspect = page => page.evaluate(() => {
  const de = document.scrollingElement;
  const squeezed = [];
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some(c => c.nodeType === 3 && c.textContent.trim().length > 1);
    if (!own) continue;
    const cs = getComputedStyle(el), range = document.createRange();
    range.selectNodeContents(el);   /* the text's own box, not a cell stretched by its row */
    const r = range.getBoundingClientRect();
    if (!r.width || cs.visibility === "hidden" || el.closest(".sr")) continue;
    const fs = parseFloat(cs.fontSize), lh = parseFloat(cs.lineHeight) || fs * 1.75;
    if (r.width < 2.5 * fs && r.height > 3.2 * lh)
      squeezed.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  // unit numbers (QJ-B-01) on one line each
  const split = [], walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t; (t = walk.nextNode());) {
    if (t.parentElement.closest(".sr, script, style")) continue;
    for (const m of t.textContent.matchAll(/[A-Z]{2,}-[A-Z]+-\d+/g)) {
      const r = document.createRange();
      r.setStart(t, m.index);
      r.setEnd(t, m.index + m[0].length);
      const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
      if (tops.size > 1) split.push(`${t.parentElement.tagName.toLowerCase()} "${m[0]}"`);
    }
  }
  const visible = e => e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
  const cur = [...document.querySelectorAll("nav a[aria-current=page]")];
  const p = document.querySelector("main p") || document.body;
  return {
    over: de.scrollWidth - innerWidth, squeezed, split,
    current: cur.map(a => a.textContent), menu: visible(document.querySelector("details.menu summary")),
    wide: visible(document.querySelector(".nav-wide")),
    font: parseFloat(getComputedStyle(p).fontSize), elder: document.documentElement.classList.contains("elder"),
  };
});
const axeRun = async (page, what) => {
  await page.addScriptTag({ path: axePath });
  const r = await page.evaluate(async () => {
    const res = await window.axe.run(document, { resultTypes: ["violations"] });
    return res.violations.map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(x => x.target.join(" ")).join(" | ")}`);
  });
  tap(r.length === 0, `${what}: axe-core finds no violation`, r.join("\n"));
};

const normal = {};   // body text size per page kind at 320 px, before 长辈版
try {
  for (const w of [320, 375]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: 740 } });
    const page = await ctx.newPage();
    for (const [k, p] of Object.entries(kinds)) {
      await page.goto(url(p));
      const r = await inspect(page);
      if (w === 320) normal[k] = r.font;
      tap(r.over <= 0, `${w}px ${k}: no sideways scroll`, `scrollWidth exceeds the screen by ${r.over}px`);
      tap(r.squeezed.length === 0, `${w}px ${k}: no text box ~2 characters wide over 3 lines`, r.squeezed.slice(0, 5).join("\n"));
      tap(r.split.length === 0, `${w}px ${k}: no unit number split over two lines`, r.split.slice(0, 5).join("\n"));
      if (k === "404") tap(r.current.length === 0, `${w}px 404: no section marked current`, r.current.join(", "));
      else tap(r.current.length === 2 && r.current[0] === r.current[1], `${w}px ${k}: its section is marked (aria-current="page")`,
               `marked: ${r.current.join(", ") || "none"}`);
      tap(r.menu && !r.wide, `${w}px ${k}: the compact menu, not the row of links`);
      await axeRun(page, `${w}px ${k}`);
    }
    // the menu opens without script and shows the links, the current one among them
    await page.goto(url(kinds.board || "index.html"));
    await page.click("details.menu summary");
    const open = await page.evaluate(() => {
      const links = [...document.querySelectorAll("details.menu a")];
      const shown = links.filter(a => a.getBoundingClientRect().height >= 44).length;
      return { shown, all: links.length, over: document.scrollingElement.scrollWidth - innerWidth };
    });
    tap(open.all > 5 && open.shown === open.all && open.over <= 0, `${w}px: the menu opens, every link a 44px target, no sideways scroll`,
        JSON.stringify(open));
    await ctx.close();
  }

  // desktop: the menu is one row
  {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(url("standards/index.html"));
    const r = await page.evaluate(() => {
      const lis = [...document.querySelectorAll(".nav-wide li")];
      return { tops: new Set(lis.map(li => Math.round(li.getBoundingClientRect().top))).size, n: lis.length,
               menu: getComputedStyle(document.querySelector("details.menu")).display };
    });
    tap(r.n > 5 && r.tops === 1 && r.menu === "none", "1440px: the menu is a single row of links", JSON.stringify(r));
    await ctx.close();
  }

  // 长辈版: the switch, every page kind at 320 px, then a reload
  {
    const ctx = await browser.newContext({ viewport: { width: 320, height: 740 } });
    const page = await ctx.newPage();
    await page.goto(url("index.html"));
    tap(await page.isVisible("label.elder-switch"), "320px: the 长辈版 switch is visible in the header");
    await page.click("label.elder-switch");
    for (const [k, p] of Object.entries(kinds)) {
      await page.goto(url(p));
      const r = await inspect(page);
      tap(r.elder && r.font >= 1.25 * normal[k] - 0.01, `长辈版 320px ${k}: body text ${normal[k]}px → ${r.font}px (≥1.25×)`);
      tap(r.over <= 0, `长辈版 320px ${k}: no sideways scroll`, `scrollWidth exceeds the screen by ${r.over}px`);
      tap(r.squeezed.length === 0, `长辈版 320px ${k}: no text box ~2 characters wide over 3 lines`, r.squeezed.slice(0, 5).join("\n"));
      tap(r.split.length === 0, `长辈版 320px ${k}: no unit number split over two lines`, r.split.slice(0, 5).join("\n"));
      if (["home", "standards", "board", "project"].includes(k)) await axeRun(page, `长辈版 320px ${k}`);
    }
    await page.reload();
    const again = await inspect(page);
    const checked = await page.isChecked("#elder-switch");
    tap(again.elder && checked, "长辈版 is remembered after a reload (and the switch shows it)");
    await page.click("label.elder-switch");
    await page.reload();
    tap(!(await inspect(page)).elder, "switched off, it stays off after a reload");
    await ctx.close();
  }
  // before the first paint: the class is on <html> when the stylesheet applies (no flash)
  {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      document.addEventListener("readystatechange", () => {
        if (document.readyState === "interactive") window.__elderAtParse = document.documentElement.classList.contains("elder");
      });
    });
    await page.goto(url("standards/index.html?elder=1"));
    const r = await page.evaluate(() => ({ parse: window.__elderAtParse, size: parseFloat(getComputedStyle(document.documentElement).fontSize) }));
    tap(r.parse === true && r.size >= 20, "?elder=1: 长辈版 on before the page is parsed, before site.js runs", JSON.stringify(r));
    await ctx.close();
  }
  // without JavaScript the switch (a checkbox) still enlarges the page
  {
    const ctx = await browser.newContext({ viewport: { width: 320, height: 740 }, javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(url("schedule/index.html"));
    const before = await inspect(page);
    await page.click("label.elder-switch");
    const after = await inspect(page);
    tap(after.font >= 1.25 * before.font - 0.01 && after.over <= 0,
        `no JavaScript: the switch alone makes text ${before.font}px → ${after.font}px, no sideways scroll`);
    await page.click("details.menu summary");
    tap(await page.isVisible("details.menu a[aria-current=page]"), "no JavaScript: the menu opens");
    await ctx.close();
  }

  // the 404 page at a deep URL: a plain static server answering every missing path with /404.html
  if (kinds["404"]) {
    const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".png": "image/png" };
    const server = http.createServer((req, res) => {
      const rel = decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/\/$/, "/index.html");
      const f = path.join(out, path.normalize(rel));
      if (f.startsWith(out + path.sep) && fs.existsSync(f) && fs.statSync(f).isFile()) {
        res.writeHead(200, { "content-type": types[path.extname(f)] || "application/octet-stream" });
        return fs.createReadStream(f).pipe(res);
      }
      res.writeHead(404, { "content-type": types[".html"] });
      fs.createReadStream(path.join(out, "404.html")).pipe(res);
    });
    await new Promise(ok => server.listen(0, "127.0.0.1", ok));
    const base = `http://127.0.0.1:${server.address().port}`;
    const ctx = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await ctx.newPage();
    const styled = () => page.evaluate(() => ({
      header: getComputedStyle(document.querySelector(".site-header")).backgroundColor,
      skip: getComputedStyle(document.querySelector(".skip")).position,
      over: document.scrollingElement.scrollWidth - innerWidth,
      home: document.querySelector("main a").getAttribute("href"),
    }));
    const resp = await page.goto(`${base}/projects/no/such/deep/page/`);
    let r = await styled();
    tap(resp.status() === 404 && r.header === "rgb(164, 22, 26)" && r.skip === "absolute" && r.over <= 0,
        "404 at /projects/no/such/deep/page/ of a static server: styled (header colour, no sideways scroll)", JSON.stringify(r));
    await page.click("main a");
    tap(new URL(page.url()).pathname === "/index.html" && (await page.title()).length > 0,
        `404: its home link (${r.home}) reaches the home page from that depth`, page.url());
    await axeRun(page, "the home page reached from the 404 page");
    server.close();
    // opened as a file from a deep folder, away from the site's files
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "huace-404-"));
    const deep = path.join(tmp, "a", "b", "c");
    fs.mkdirSync(deep, { recursive: true });
    fs.copyFileSync(path.join(out, "404.html"), path.join(deep, "404.html"));
    await page.goto("file://" + path.join(deep, "404.html"));
    r = await styled();
    tap(r.header === "rgb(164, 22, 26)" && r.over <= 0, "404 opened as file:///…/a/b/c/404.html (no site files near): styled",
        JSON.stringify(r));
    fs.rmSync(tmp, { recursive: true, force: true });
    await ctx.close();
  }
} catch (e) {
  tap(false, "the checks ran to their end", e.stack || e);
} finally {
  await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
