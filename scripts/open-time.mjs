// Open-to-ready time of built pages: each page opened N times from file:// in
// a fresh browser, the time from navigation start until window.jixiao.ready
// resolves (HTML parsed, module decoded/inflated, compiled, instantiated).
//
//   node scripts/open-time.mjs [N] PAGE.html...        current Chromium (playwright-core)
//   OLD=1 node scripts/open-time.mjs [N] PAGE.html...  Chromium 86 (puppeteer-core + chrome-aws-lambda)
//
// Prints the median and the range per page (docs/build.md has the figures).

import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const n = /^\d+$/.test(args[0] || "") ? Number(args.shift()) : 7;
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"];

async function launch() {
  if (!process.env.OLD) return chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ARGS });
  process.env.FUNCTIONS_EMULATOR ??= "true";
  const lambda = require("chrome-aws-lambda");
  const puppeteer = require("puppeteer-core");
  return puppeteer.launch({ executablePath: await lambda.executablePath, args: [...lambda.args, "--no-sandbox"], headless: true });
}

const times = new Map(args.map((f) => [f, []]));
for (let i = 0; i < n; i++) {
  for (const file of args) {
    const browser = await launch();
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: "load" });
    const ms = await page.evaluate(() => window.jixiao.ready.then(() => performance.now()));
    times.get(file).push(ms);
    await browser.close();
  }
}
for (const [file, t] of times) {
  t.sort((a, b) => a - b);
  console.log(`${file}: median ${t[t.length >> 1].toFixed(0)} ms (${t[0].toFixed(0)}–${t[t.length - 1].toFixed(0)}), ${n} opens`);
}
