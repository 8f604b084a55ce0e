// huace serve's error overlay: a page open in Chromium shows a failed
// build's findings over the page (as the terminal printed them, HTML
// escaped), keeps the last good page under it, and loses the overlay when
// the file is fixed. usage: node overlay.mjs URL YAML SERVE_OUT [SHOTS_DIR]
// (YAML: a project file of the site served at URL; SERVE_OUT: the server's
// output). Prints TAP lines; exits 1 if any is "not ok".
import { chromium } from "playwright-core";
import fs from "node:fs";

const [url, yaml, serveOut, shots] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
let failed = 0;
const ok = (cond, what) => {
  console.log(`${cond ? "ok" : "not ok"} - ${what}`);
  if (!cond) failed = 1;
};
const overlayText = p => p.evaluate(() => {
  const d = document.getElementById("huace-errors");
  return d && d.getBoundingClientRect().height > 0 ? d.querySelector("pre").textContent : null;
});
// waits up to ms for the overlay to be shown (want true) or gone; the seconds it took, or -1
async function waitOverlay(p, want, ms) {
  const t0 = Date.now();
  try {
    await p.waitForFunction(w => {
      const d = document.getElementById("huace-errors");
      return w ? !!(d && d.getBoundingClientRect().height > 0) : !d;
    }, want, { timeout: ms, polling: 50 });
  } catch (e) {
    return -1;
  }
  return (Date.now() - t0) / 1000;
}
const original = fs.readFileSync(yaml, "utf8");
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  const title = await page.title();
  ok((await overlayText(page)) === null, "the page opens with no overlay");

  // a typo that breaks the YAML, on a line with markup in it
  const broken = original.replace(/^name: .*$/m, "name: <b>甲镇</b>: 示范带");
  ok(broken !== original, "the project file has a name: line to break");
  const printedBefore = fs.readFileSync(serveOut, "utf8").length;
  fs.writeFileSync(yaml, broken);
  const t0 = Date.now();
  let failedAt = -1;   // when the terminal said the build failed, s after the save
  const watchOut = setInterval(() => {
    if (failedAt < 0 && fs.readFileSync(serveOut, "utf8").slice(printedBefore).includes("huace: build failed"))
      failedAt = (Date.now() - t0) / 1000;
  }, 20);
  const shown = await waitOverlay(page, true, 15000);
  clearInterval(watchOut);
  ok(shown >= 0, `after a broken save the open page shows the overlay (in ${shown} s)`);
  ok(failedAt >= 0 && shown - failedAt <= 2,
     `within a second or so of the terminal's report (${(shown - failedAt).toFixed(2)} s after it; 2 s allowed for a loaded machine)`);
  const text = (await overlayText(page)) || "";
  const rel = "content/projects/" + yaml.split("/").pop();
  const located = text.split("\n")[0];
  ok(new RegExp(`^${rel.replace(/[.]/g, "\\.")}:2:[0-9]+: error: .*\\[yaml-syntax\\]$`).test(located),
     `the first line is located, path:line:col: error: … [rule] (${located})`);
  ok(text.split("\n")[1] === "  name: <b>甲镇</b>: 示范带", "then the source line, its markup shown as text");
  ok(/^ *\^$/.test(text.split("\n")[2]), "then the caret");
  const printed = fs.readFileSync(serveOut, "utf8").slice(printedBefore);
  ok(printed.includes(text.split("\n").slice(0, 3).join("\n")), "the same text the terminal shows");
  ok(await page.evaluate(() => document.querySelector("#huace-errors pre").children.length === 0),
     "no element made of the text (it is escaped)");
  ok((await page.title()) === title, "the last good page is still under it");
  // a page opened meanwhile gets the overlay from the server at once
  const page2 = await browser.newPage({ viewport: { width: 375, height: 740 } });
  await page2.goto(url);
  ok((await overlayText(page2)) === text, "a page opened meanwhile has the same overlay at once");
  if (shots) {
    await page.screenshot({ path: `${shots}/overlay-1440.png` });
    await page2.screenshot({ path: `${shots}/overlay-375.png` });
  }

  fs.writeFileSync(yaml, original);
  const gone = await waitOverlay(page2, false, 15000);
  ok(gone >= 0, `after the fix the overlay goes (in ${gone} s)`);
  ok((await page2.title()) === title, "and the page is the site's");
  const gone1 = await waitOverlay(page, false, 5000);
  ok(gone1 >= 0, "on every open page");
} finally {
  fs.writeFileSync(yaml, original);
  await browser.close();
}
process.exit(failed);
