// Open-to-ready time of built pages: each page opened N times from file:// in
// a fresh browser, the time from navigation start until window.jixiao.ready
// resolves (HTML parsed, module decoded/inflated, compiled, instantiated).
//
//   node scripts/open-time.mjs [N] PAGE.html...        current Chromium (playwright-core)
//   OLD=1 node scripts/open-time.mjs [N] PAGE.html...  Chromium 86 (puppeteer-core + chrome-aws-lambda)
//
// Prints the median and the range per page, and for pages whose loader sets
// User Timing marks the median of each step (docs/build.md has the figures).

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
    // the loader's User Timing marks (pages built before them have none)
    const ms = await page.evaluate(() => window.jixiao.ready.then(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
      return { ready: performance.now(), start: at("jixiao:start"), decoded: at("jixiao:decoded"), compiled: at("jixiao:compiled") };
    }));
    times.get(file).push(ms);
    await browser.close();
  }
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
for (const [file, runs] of times) {
  const t = runs.map((r) => r.ready).sort((a, b) => a - b);
  let parts = "";
  if (runs.every((r) => r.start != null && r.decoded != null && r.compiled != null)) {
    // "decoded" is when the promise ran: the page's own script, run in
    // between, is part of it
    parts = `; loader start ${median(runs.map((r) => r.start)).toFixed(0)} ms, decoded after ${median(runs.map((r) => r.decoded - r.start)).toFixed(0)} ms, compiled after ${median(runs.map((r) => r.compiled - r.decoded)).toFixed(0)} ms more, instantiated after ${median(runs.map((r) => r.ready - r.compiled)).toFixed(0)} ms more (medians)`;
  }
  console.log(`${file}: median ${t[t.length >> 1].toFixed(0)} ms (${t[0].toFixed(0)}–${t[t.length - 1].toFixed(0)}), ${n} opens${parts}`);
}
