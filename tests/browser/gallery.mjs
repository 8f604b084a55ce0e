// Photos in the built site, in Debian's Chromium from file:// at 375 and 1440 px:
// a project page's lead photo and gallery thumbnails carry width/height (the
// aspect ratio of the file the browser got), the file the browser chose from
// srcset exists; the first thumbnail opens the full-screen viewer (PhotoSwipe),
// a finger swipe (375, touch) or ArrowRight (1440) goes to the next photo, Escape closes it
// and gives the focus back; the lead photo opens the viewer at photo 1;
// axe-core finds no violation (viewer closed and open); figures in a case
// study open in the viewer; a page without photos never loads the viewer;
// nothing comes from another host. Listing cards show even 4:3 thumbnails;
// the home banner (when the site has one) opens the page; axe on both.
// usage: node gallery.mjs OUT_DIR   (prints TAP)
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";
import fs from "node:fs";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const out = path.resolve(process.argv[2]);
let n = 0, failed = 0;
const tap = (ok, name, detail) => {
  n++;
  console.log(`${ok ? "ok" : "not ok"} ${n} - ${name}`);
  if (!ok) { failed++; if (detail) console.log("# " + String(detail).replace(/\n/g, "\n# ")); }
};
const pageOf = (dir, re) => {
  const base = path.join(out, dir);
  if (!fs.existsSync(base)) return null;
  for (const d of fs.readdirSync(base).sort()) {
    const f = path.join(base, d, "index.html");
    if (fs.existsSync(f) && re.test(fs.readFileSync(f, "utf8"))) return f;
  }
  return null;
};
// the project page with the most photos in its gallery (QJ-B-01 first if it has one)
let project = null, most = 0;
for (const d of fs.existsSync(path.join(out, "projects")) ? fs.readdirSync(path.join(out, "projects")).sort() : []) {
  const f = path.join(out, "projects", d, "index.html");
  if (!fs.existsSync(f)) continue;
  const k = (fs.readFileSync(f, "utf8").match(/<li><a class="zoom"/g) || []).length;
  if (k > most || (k === most && k > 0 && d === "QJ-B-01")) { project = f; most = k; }
}
const caseFig = pageOf("cases", /class="prose"[\s\S]*<a class="zoom"/);
const plain = ["standards/index.html", "about/index.html"].map(p => path.join(out, p)).find(p => fs.existsSync(p));
tap(!!project, "a project page has a gallery of photos", `no projects/*/index.html in ${out} has <ul class="gallery">`);
if (!project) { console.log(`1..${n}`); process.exit(1); }
console.log(`# project page: ${path.relative(out, project)} (${most} photos)`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"],
});
// a file:// URL the page used → the file in the output, or null
const fileOf = u => {
  try { const p = fileURLToPath(u); return p.startsWith(out + path.sep) && fs.existsSync(p) && fs.statSync(p).isFile() ? p : null; }
  catch { return null; }
};
const axeRun = async (page, what) => {
  await page.addScriptTag({ path: axePath });
  const r = await page.evaluate(async () => {
    const res = await window.axe.run(document, { resultTypes: ["violations"] });
    return res.violations.map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(x => x.target.join(" ")).join(" | ")}`);
  });
  tap(r.length === 0, `${what}: axe-core finds no violation`, r.join("\n"));
};
const counter = page => page.evaluate(() => document.querySelector(".pswp .pswp__counter")?.textContent.replace(/\s+/g, "") || "");
const viewerOpen = async page => {
  try {
    await page.waitForSelector(".pswp.pswp--open", { state: "visible", timeout: 5000 });
    // the opening animation is over (PhotoSwipe ignores Escape until then)
    await page.waitForFunction(() => window.pswp?.opener?.isOpen, null, { timeout: 5000 }).catch(() => {});
    return true;
  } catch { return false; }
};
const viewerClosed = page => page.waitForSelector(".pswp", { state: "detached", timeout: 5000 }).then(() => true, () => false);

try {
  for (const w of [375, 1440]) {
    const phone = w < 800;   // a phone: touch, device pixels 2×, the page's meta viewport
    const ctx = await browser.newContext({ viewport: { width: w, height: phone ? 740 : 900 },
                                           ...(phone ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}) });
    const page = await ctx.newPage();
    const foreign = [], failedReq = [], requested = [];
    page.on("request", r => {
      requested.push(r.url());
      if (!r.url().startsWith("file://") && !r.url().startsWith("data:")) foreign.push(r.url());
    });
    page.on("requestfailed", r => failedReq.push(r.url()));
    const errors = [];
    page.on("pageerror", e => errors.push(String(e)));
    const at = `@${w}px`;

    await page.goto("file://" + project);
    // the lead photo: width/height, loaded eagerly, the chosen file exists and has that aspect ratio
    await page.waitForFunction(() => { const i = document.querySelector(".lead-photo img"); return !i || i.complete; }, null, { timeout: 10000 }).catch(() => {});
    const lead = await page.evaluate(() => {
      const i = document.querySelector(".lead-photo img");
      if (!i) return null;
      const r = i.getBoundingClientRect();
      return { w: +i.getAttribute("width"), h: +i.getAttribute("height"), lazy: i.getAttribute("loading"),
               cur: i.currentSrc, nw: i.naturalWidth, nh: i.naturalHeight, boxW: r.width, top: r.top, bg: i.style.background,
               webp: i.parentElement.querySelector("source[type='image/webp']")?.getAttribute("srcset") || "",
               factsTop: document.querySelector(".facts")?.getBoundingClientRect().top ?? 1e9 };
    });
    tap(!!lead, `${at} the project page opens with a lead photo`);
    if (lead) console.log(`# ${at} lead photo: ${path.basename(lead.cur)} shown ${Math.round(lead.boxW)} px wide`);
    if (lead) {
      tap(lead.w > 0 && lead.h > 0, `${at} lead photo: width and height attributes`, JSON.stringify(lead));
      tap(lead.lazy !== "lazy", `${at} lead photo: not lazy (the first image of the page)`, lead.lazy);
      tap(!!fileOf(lead.cur) && lead.nw > 0, `${at} lead photo: the file the browser chose exists`, lead.cur);
      tap(lead.webp.split(",").some(s => s.trim().split(" ")[0] && lead.cur.endsWith(s.trim().split(" ")[0].replace(/^(\.\.\/)+/, ""))),
        `${at} lead photo: the browser took a WebP from the srcset`, `${lead.cur} not in ${lead.webp}`);
      tap(lead.nh > 0 && Math.abs(lead.nw / lead.nh - lead.w / lead.h) < 0.01,
        `${at} lead photo: width/height give the aspect ratio of the file`, `attributes ${lead.w}×${lead.h}, file ${lead.nw}×${lead.nh}`);
      const html = fs.readFileSync(project, "utf8");
      const tag = (html.match(/<figure class="lead-photo">[\s\S]*?<img [^>]*>/) || [""])[0];
      tap(/style="background:#[0-9a-f]{6} url\(data:image\/webp;base64,[A-Za-z0-9+\/=]+\)/.test(tag),
        `${at} lead photo: a placeholder (dominant colour, blurred preview) until it loads`, tag.slice(-300));
      tap(lead.bg === "", `${at} lead photo: the placeholder is gone once the photo is in`, lead.bg.slice(0, 80));
      tap(lead.boxW >= Math.min(w, 1088) - 34 && lead.top < lead.factsTop && lead.top < 900,
        `${at} lead photo: large, above the facts, in the first screen`, JSON.stringify(lead));
    }

    // thumbnails: width/height; scrolled into view they load from an existing file
    await page.locator(".gallery").scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector(".gallery").scrollIntoView());
    await page.waitForFunction(() => [...document.querySelectorAll(".gallery img")].every(i => i.complete), null, { timeout: 10000 }).catch(() => {});
    await page.waitForTimeout(300);
    const thumbs = await page.evaluate(() => [...document.querySelectorAll(".gallery img")].map(i => {
      const r = i.getBoundingClientRect();
      return { w: +i.getAttribute("width"), h: +i.getAttribute("height"), cur: i.currentSrc, nw: i.naturalWidth,
               bw: Math.round(r.width), bh: Math.round(r.height), alt: i.getAttribute("alt"),
               inView: r.bottom > 0 && r.top < window.innerHeight,
               href: i.closest("a")?.getAttribute("href"), pw: +i.closest("a")?.dataset.pswpWidth };
    }));
    tap(thumbs.length >= 2, `${at} the gallery has thumbnails`, `${thumbs.length}`);
    tap(thumbs.every(t => t.w > 0 && t.h > 0), `${at} every thumbnail has width and height attributes`, JSON.stringify(thumbs.filter(t => !(t.w > 0 && t.h > 0))));
    const seen = thumbs.filter(t => t.inView);
    tap(seen.length > 0 && seen.every(t => t.nw > 0 && fileOf(t.cur)), `${at} the thumbnail files the browser chose exist`,
      JSON.stringify(seen.filter(t => !(t.nw > 0 && fileOf(t.cur))).map(t => t.cur)));
    tap(thumbs.every(t => t.alt !== null && t.alt.trim() !== ""), `${at} every thumbnail has alt text`);
    const rows = new Set(thumbs.map(t => t.bh));
    tap(rows.size === 1 && thumbs[0].bh > 0, `${at} thumbnails are one even size (4:3 crop)`, JSON.stringify(thumbs.map(t => `${t.bw}×${t.bh}`)));
    tap(thumbs.every(t => t.href && fileOf(new URL(t.href, page.url()).href) && t.pw > 0),
      `${at} each thumbnail links to its big image (works without JavaScript)`, JSON.stringify(thumbs.map(t => t.href)));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    tap(overflow <= 0, `${at} no horizontal scrolling`, `${overflow}px too wide`);

    await axeRun(page, `${at} project page`);

    // the viewer's scripts are not part of the page's load: they come when a
    // visitor reaches for a photo (site.js), so the first click waits for them
    const early = requested.filter(u => /photoswipe/i.test(u));
    tap(early.length === 0, `${at} the project page loads without PhotoSwipe (fetched on a first touch, hover or focus)`, early.join("\n"));
    // open the first thumbnail
    if (phone) await page.locator(".gallery a.zoom").first().tap();
    else await page.locator(".gallery a.zoom").first().click();
    const opened = await viewerOpen(page);
    tap(opened, `${at} ${phone ? "tapping" : "clicking"} the first thumbnail opens the viewer (.pswp visible)`);
    if (opened) {
      const total = thumbs.length;
      tap(await counter(page) === `1/${total}`, `${at} the viewer shows photo 1 of ${total}`, await counter(page));
      const slide = await page.evaluate(() => {
        const i = window.pswp?.currSlide?.content?.element;
        return i ? { cur: i.currentSrc || i.src, nw: i.naturalWidth } : null;
      });
      await page.waitForFunction(() => { const i = window.pswp?.currSlide?.content?.element; return i && i.complete && i.naturalWidth > 0; },
        null, { timeout: 5000 }).catch(() => {});
      const big = await page.evaluate(() => { const i = window.pswp?.currSlide?.content?.element; return i ? { cur: i.currentSrc || i.src, nw: i.naturalWidth } : null; });
      tap(!!big && big.nw > 0 && !!fileOf(big.cur), `${at} the viewer shows the big photo from an existing file`, JSON.stringify(big || slide));
      await axeRun(page, `${at} project page with the viewer open`);
      if (phone) {
        // a finger swipes from right to left
        const cdp = await ctx.newCDPSession(page);
        const touch = (type, x) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: x === null ? [] : [{ x, y: 370 }] });
        await touch("touchStart", w * 0.85);
        for (let k = 1; k <= 8; k++) { await touch("touchMove", w * (0.85 - 0.09 * k)); await page.waitForTimeout(16); }
        await touch("touchEnd", null);
      } else {
        await page.keyboard.press("ArrowRight");
      }
      await page.waitForFunction(() => window.pswp && window.pswp.currIndex === 1, null, { timeout: 3000 }).catch(() => {});
      await page.waitForTimeout(400);
      tap(await counter(page) === `2/${total}`, `${at} ${phone ? "a swipe" : "ArrowRight"} goes to photo 2`, await counter(page));
      const cap = await page.evaluate(() => document.querySelector(".pswp__caption")?.textContent || "");
      const alt2 = await page.evaluate(() => {
        const li = document.querySelectorAll(".gallery li")[1];
        return (li.querySelector(".cap")?.textContent || li.querySelector("img").alt).trim();
      });
      tap(cap.trim() === alt2, `${at} the viewer's caption is photo 2's`, `"${cap}" vs "${alt2}"`);
      await page.keyboard.press("Escape");
      tap(await viewerClosed(page), `${at} Escape closes the viewer`);
      const focus = await page.evaluate(() => document.activeElement?.closest(".gallery") ? "gallery" : document.activeElement?.tagName);
      tap(focus === "gallery", `${at} the focus goes back to the gallery`, focus);
    }

    // the lead photo opens the viewer at photo 1
    await page.evaluate(() => window.scrollTo(0, 0));
    if (phone) await page.locator(".lead-photo a.zoom").tap();
    else await page.locator(".lead-photo a.zoom").click();
    const opened2 = await viewerOpen(page);
    tap(opened2 && (await counter(page)) === `1/${thumbs.length}`, `${at} the lead photo opens the viewer at photo 1`, await counter(page));
    await page.keyboard.press("Escape");
    await viewerClosed(page);

    // case study figures
    if (caseFig) {
      await page.goto("file://" + caseFig);
      const fig = await page.evaluate(() => {
        const i = document.querySelector(".prose figure img");
        return i ? { w: +i.getAttribute("width"), h: +i.getAttribute("height"), alt: i.alt,
                     cap: document.querySelector(".prose figure figcaption")?.textContent || "" } : null;
      });
      tap(!!fig && fig.w > 0 && fig.h > 0 && fig.alt !== "", `${at} case study ${path.basename(path.dirname(caseFig))}: a figure with width/height and alt`, JSON.stringify(fig));
      // no waiting for PhotoSwipe: it is fetched when the visitor reaches for a photo (site.js)
      await page.locator(".prose a.zoom").first().scrollIntoViewIfNeeded();
      if (phone) await page.locator(".prose a.zoom").first().tap();
      else await page.locator(".prose a.zoom").first().click();
      tap(await viewerOpen(page), `${at} a case study figure opens in the viewer`);
      await page.keyboard.press("Escape");
      tap(await viewerClosed(page), `${at} Escape closes it`);
      await axeRun(page, `${at} case study with figures`);
    }

    // the project listing: each card with a photo shows a 3:2 thumbnail with width/height
    await page.goto("file://" + path.join(out, "projects/index.html"));
    const cards = await page.evaluate(() => [...document.querySelectorAll(".card .thumb img")].map(i => {
      const r = i.getBoundingClientRect();
      return { w: +i.getAttribute("width"), h: +i.getAttribute("height"), bw: r.width, bh: r.height };
    }));
    tap(cards.length > 0, `${at} projects/index.html: cards show thumbnails`);
    tap(cards.every(c => c.w > 0 && c.h > 0), `${at} projects/index.html: thumbnails have width and height attributes`);
    tap(cards.every(c => c.bh > 0 && Math.abs(c.bw / c.bh - 4 / 3) < 0.02), `${at} projects/index.html: thumbnails are 4:3`,
      JSON.stringify(cards.map(c => `${c.bw}×${c.bh}`)));
    const over2 = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    tap(over2 <= 0, `${at} projects/index.html: no horizontal scrolling`, `${over2}px too wide`);
    await axeRun(page, `${at} projects/index.html`);

    // the home page: the banner (when site.yaml has one) is the page's first image, full width
    await page.goto("file://" + path.join(out, "index.html"));
    const banner = await page.evaluate(() => {
      const i = document.querySelector(".banner img");
      if (!i) return null;
      const r = i.getBoundingClientRect();
      return { w: +i.getAttribute("width"), h: +i.getAttribute("height"), lazy: i.getAttribute("loading"), bw: r.width, top: r.top,
               h1: !!document.querySelector(".hero h1") };
    });
    if (banner) {
      tap(banner.w > 0 && banner.h > 0 && banner.lazy !== "lazy", `${at} home: the banner has width/height and is not lazy`, JSON.stringify(banner));
      tap(banner.bw >= Math.min(w, 1088) - 34 && banner.top < 200 && banner.h1, `${at} home: the banner spans the page at the top, with the title`, JSON.stringify(banner));
    } else {
      console.log(`# ${at} home: this site has no banner`);
    }
    await axeRun(page, `${at} home`);

    // a page without photos does not load the viewer
    if (plain) {
      const before = requested.length;
      await page.goto("file://" + plain);
      await page.waitForTimeout(300);
      const pswp = requested.slice(before).filter(u => /photoswipe/i.test(u));
      tap(pswp.length === 0, `${at} ${path.relative(out, plain)} (no photos) does not load PhotoSwipe`, pswp.join("\n"));
    }

    tap(errors.length === 0, `${at} no script errors`, errors.join("\n"));
    tap(failedReq.length === 0, `${at} every request succeeded`, failedReq.join("\n"));
    tap(foreign.length === 0, `${at} no request to any other host`, foreign.join("\n"));
    await ctx.close();
  }
} finally {
  await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
