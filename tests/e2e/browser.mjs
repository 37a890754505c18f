// Shared browser helper for the e2e tests (node --test tests/e2e/).
//
//   const s = await openPage();            // fresh profile, dist/jixiao.html
//   const s = await openPage({ userDataDir: dir });  // persistent profile in dir
//                                          // (localStorage across reloads)
//   s.page, s.context, s.browser (null for persistent contexts)
//   s.requests  every request other than the page's own file:// URL and
//               data:/blob: URLs, as {url, method, type}
//   s.errors    console errors and uncaught page errors, as strings
//   await s.close()
//
// Options: file (default dist/jixiao.html), userDataDir, persistent (a fresh
// temp profile, removed on close), ready (default true: wait for
// window.jixiao.ready), viewport, timeout (ms, default 30000).
//
// Debian's /usr/bin/chromium is driven by playwright-core (no browser
// download); CHROMIUM=/path overrides it.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { chromium } from "playwright-core";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const pagePath = path.join(root, "dist", "jixiao.html");
export const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

/** How long the tests wait for a visible result (ms). */
export const T = 10_000;

/** The trimmed text of the first visible element with this data-testid. */
export async function text(page, testid) {
  const loc = page.locator(`[data-testid=${testid}]`).first();
  await loc.waitFor({ state: "visible", timeout: T });
  return (await loc.textContent()).trim();
}

/** Wait until the total shows `expected` (results are debounced); returns what it shows. */
export async function waitTotal(page, expected) {
  await page
    .waitForFunction(
      (want) => {
        const t = document.querySelector("[data-testid=total]");
        return t && t.textContent.trim() === want;
      },
      expected,
      { timeout: T },
    )
    .catch(() => {});
  return text(page, "total");
}

/** The CLI's output (`cargo run --bin jixiao -- ARGS`); exit status 1 (errors in the file) is output too. */
export function cli(...args) {
  const r = spawnSync("cargo", ["run", "-q", "--bin", "jixiao", "--", ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`jixiao ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

/** Write test workbooks into `dir` with `cargo run --example make_xlsx` (examples/make_xlsx.rs). */
export function makeXlsx(dir, ...specs) {
  const r = spawnSync("cargo", ["run", "-q", "--example", "make_xlsx", "--", dir, ...specs], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`make_xlsx failed: ${r.stderr}`);
}

export const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function openPage(opts = {}) {
  const file = path.resolve(opts.file || pagePath);
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist: run \`npm start\` first`);
  const url = pathToFileURL(file).href;
  const timeout = opts.timeout ?? 30_000;
  const viewport = opts.viewport || { width: 1280, height: 900 };

  let browser = null;
  let context;
  let tempDir = null;
  if (opts.userDataDir || opts.persistent) {
    const dir = opts.userDataDir || (tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-profile-")));
    context = await chromium.launchPersistentContext(dir, { executablePath, headless: true, args: ARGS, viewport, timeout });
  } else {
    // launch() gives every browser a fresh temporary profile of its own.
    browser = await chromium.launch({ executablePath, headless: true, args: ARGS, timeout });
    context = await browser.newContext({ viewport });
  }
  context.setDefaultTimeout(timeout);

  const requests = [];
  const errors = [];
  context.on("request", (r) => {
    const u = r.url();
    if (u === url || u.startsWith("data:") || u.startsWith("blob:")) return;
    requests.push({ url: u, method: r.method(), type: r.resourceType() });
  });
  const watch = (page) => {
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  };
  context.pages().forEach(watch);
  context.on("page", watch);

  const page = context.pages()[0] || (await context.newPage());
  const close = async () => {
    await context.close().catch(() => {});
    if (browser) await browser.close().catch(() => {});
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  };

  try {
    await page.goto(url, { waitUntil: "load" });
    if (opts.ready !== false) {
      await page.evaluate(() => window.jixiao.ready.then(() => true));
    }
  } catch (e) {
    await close();
    throw e;
  }
  return { browser, context, page, requests, errors, close, url };
}
