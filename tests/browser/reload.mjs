// huace serve's live reload: a page open in Chromium reloads itself when a
// build with a change is in place. usage: node reload.mjs URL FILE
// (FILE is the Markdown source of the page at URL). Prints TAP lines.
import { chromium } from "playwright-core";
import fs from "node:fs";

const [url, file] = process.argv.slice(2);
const marker = "这一段是预览刷新后才有的";
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
let failed = 0;
try {
  const page = await browser.newPage();
  await page.goto(url);
  const before = await page.evaluate(m => document.body.textContent.includes(m), marker);
  console.log(`${before ? "not ok" : "ok"} - the page opens without the new paragraph`);
  fs.appendFileSync(file, `\n\n${marker}。\n`);
  let reloaded = true;
  try {
    await page.waitForFunction(m => document.body.textContent.includes(m), marker, { timeout: 30000 });
  } catch (e) {
    reloaded = false;
  }
  console.log(`${reloaded ? "ok" : "not ok"} - after the file is saved the open page shows it, with no click`);
  failed = !reloaded || before;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
