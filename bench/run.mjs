// `npm run bench`: jixiao against what a web developer would use instead
// (PapaParse, SheetJS, an indexOf floor), in ONE headless-Chromium page opened
// from file:// (dist/jixiao.html as shipped, the anchors added to it), and the
// native CLI on the same files. Writes the results into docs/performance.md
// (between the bench markers; the prose around them is kept).
//
//   npm run bench                 full sizes, 3 rounds × (1 warm-up + 3 timed)
//   node bench/run.mjs --smoke    small files, 1 iteration, checks row and
//                                 project counts only (part of `npm test`)
//
// Env: BENCH_ROUNDS=3 BENCH_WARMUP=1 BENCH_RUNS=3 BENCH_NATIVE_RUNS=5
//      BENCH_NO_BUILD=1 (use dist/ and target/ as they are) CHROMIUM=/usr/bin/chromium
//      BENCH_PAGE=path/to/jixiao.html (another build of the page, e.g. another opt-level)
//      BENCH_OUT=docs/performance.md ("-" = print only)
//
// Method: every round launches a fresh browser; each iteration runs every
// (case, file) of PLAN once, in turn (interleaved), after a gc() outside the
// timing. Reported: median, min–max and per-round medians over all timed
// samples, and paired ratios (the median of the per-iteration ratios a_i/b_i
// of two cases timed side by side in the same iteration).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

import { chromium } from "playwright-core";

import { generate } from "./gen.mjs";
import { nativeRuns } from "./native.mjs";
import { renderReport } from "./report.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const require = createRequire(import.meta.url);
const SMOKE = process.argv.includes("--smoke");
const env = (k, full, smoke) => Number(process.env[k] ?? (SMOKE ? smoke : full));
const ROUNDS = env("BENCH_ROUNDS", 3, 1);
const WARMUP = env("BENCH_WARMUP", 1, 0);
const RUNS = env("BENCH_RUNS", 3, 1);
const NATIVE_RUNS = env("BENCH_NATIVE_RUNS", 5, 1);
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const OUT = process.env.BENCH_OUT || (SMOKE ? "-" : path.join(root, "docs", "performance.md"));
const LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--js-flags=--expose-gc"];
const PAGE = path.resolve(process.env.BENCH_PAGE || path.join(root, "dist", "jixiao.html"));

const CSV = ["csv_10k.csv", "csv_100k.csv"];
const BOOKS = ["xlsx_20k_sst.xlsx", "xlsx_20k.xlsx", "xls_20k.xls"];
// [case id in page.js, files]; jixiao_summarize and jixiao_open join when the page has them.
const PLAN = [
  ["papa", CSV],
  ["decode_papa", CSV],
  ["floor_split", CSV],
  ["sheetjs", BOOKS],
  ["jixiao_score", [...CSV, ...BOOKS]],
  ["jixiao_summarize", [...CSV, ...BOOKS]],
  ["jixiao_open", [...CSV, ...BOOKS]],
];
// Rows each case reports for a file of n data rows (Papa: + the empty row
// after the trailing CRLF; the floor: + the lines inside quoted cells).
const EXPECT_ROWS = { papa: (n) => n + 1, decode_papa: (n) => n + 1, floor_split: null, sheetjs: (n) => n,
  jixiao_score: (n) => n, jixiao_summarize: (n) => n, jixiao_open: (n) => n };

function die(msg) {
  console.error(`bench: ${msg}`);
  process.exit(1);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root });
  if (r.status !== 0) die(`${cmd} ${args.join(" ")} failed`);
}

function prepare() {
  if (!process.env.BENCH_NO_BUILD) {
    run("node", ["scripts/build.mjs"]);
    run("cargo", SMOKE ? ["build", "--bin", "jixiao"] : ["build", "--release", "--bin", "jixiao"]);
  }
  const bin = path.join(root, "target", SMOKE ? "debug" : "release", "jixiao");
  for (const f of [PAGE, bin]) if (!fs.existsSync(f)) die(`${path.relative(root, f)} is missing (run without BENCH_NO_BUILD)`);
  const kind = SMOKE ? "smoke" : "full";
  const dir = path.join(here, "data", kind);
  const files = generate(kind, dir);
  return { bin, dir, files };
}

async function openPage(browser, dir) {
  const ctx = await browser.newContext({ bypassCSP: true });
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(PAGE).href, { waitUntil: "load" });
  const readyMs = await page.evaluate(async () => {
    await globalThis.jixiao.ready;
    return performance.now();
  });
  for (const f of ["papaparse/papaparse.min.js", "xlsx/dist/xlsx.full.min.js"])
    await page.addScriptTag({ content: fs.readFileSync(require.resolve(f), "utf8") });
  await page.addScriptTag({ content: fs.readFileSync(path.join(here, "page.js"), "utf8") });
  for (const name of BOOKS.concat(CSV)) {
    const bytes = fs.readFileSync(path.join(dir, name));
    const n = await page.evaluate(([nm, s]) => globalThis.benchLoad(nm, s), [name, bytes.toString("base64")]);
    if (n !== bytes.length) die(`byte count mismatch for ${name}`);
  }
  return { ctx, page, errors, readyMs };
}

/** samples: "case|file" -> [{ms, round, iter, rows, projects}] */
async function browserRounds(dir, meta) {
  const samples = new Map();
  for (let round = 0; round < ROUNDS; round++) {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
    try {
      meta.chromium ??= browser.version();
      const { ctx, page, errors, readyMs } = await openPage(browser, dir);
      meta.page ??= await page.evaluate(() => globalThis.benchInfo());
      (meta.ready ??= []).push(readyMs);
      const has = { jixiao_summarize: meta.page.summarize, jixiao_open: meta.page.open };
      const plan = PLAN.filter(([id]) => has[id] ?? true);
      for (let iter = 0; iter < WARMUP + RUNS; iter++) {
        for (const [id, files] of plan) {
          for (const file of files) {
            const r = await page.evaluate(([c, f]) => globalThis.benchRun(c, f), [id, file]);
            if (iter < WARMUP) continue;
            const key = `${id}|${file}`;
            if (!samples.has(key)) samples.set(key, []);
            samples.get(key).push({ ...r, round, iter });
          }
        }
        console.log(`round ${round + 1}/${ROUNDS}, iteration ${iter + 1}/${WARMUP + RUNS}${iter < WARMUP ? " (warm-up)" : ""} done`);
      }
      if (errors.length) die(`page errors: ${errors.join(" | ")}`);
      await ctx.close();
    } finally {
      await browser.close();
    }
  }
  return samples;
}

function checkCounts(samples, native, files) {
  const rowsOf = Object.fromEntries(files.map((f) => [f.name, f.rows]));
  const problems = [];
  for (const [key, xs] of samples) {
    const [id, file] = key.split("|");
    const want = EXPECT_ROWS[id]?.(rowsOf[file]);
    for (const x of xs) {
      if (want != null && x.rows !== want) problems.push(`${key}: rows ${x.rows}, expected ${want}`);
      if (x.projects != null && x.projects !== rowsOf[file] / 10) problems.push(`${key}: projects ${x.projects}, expected ${rowsOf[file] / 10}`);
      // Every generated project has 10 rows (jixiao.open → .project(0)).
      if (x.firstRows != null && x.firstRows !== 10) problems.push(`${key}: project 0 has ${x.firstRows} rows, expected 10`);
    }
  }
  for (const n of native)
    if (n.projects != null && n.projects !== rowsOf[n.file] / 10) problems.push(`native ${n.label} ${n.file}: projects ${n.projects}, expected ${rowsOf[n.file] / 10}`);
  return [...new Set(problems)];
}

async function main() {
  const started = new Date();
  const load0 = os.loadavg();
  const { bin, dir, files } = prepare();
  const meta = {};
  const samples = await browserRounds(dir, meta);
  const native = nativeRuns(bin, dir, [...CSV, ...BOOKS], NATIVE_RUNS, SMOKE);
  const problems = checkCounts(samples, native, files);
  if (SMOKE) {
    for (const [key, xs] of samples) console.log(`smoke: ${key}: rows ${xs[0].rows}${xs[0].projects != null ? `, projects ${xs[0].projects}` : ""}`);
    for (const n of native) console.log(`smoke: native ${n.label} ${n.file}: projects ${n.projects}`);
    if (problems.length) die(`wrong counts:\n  ${problems.join("\n  ")}`);
    console.log(`bench smoke: ${samples.size} browser cases and ${native.length} native runs returned the expected counts`);
    return;
  }
  const md = renderReport({
    samples, native, files, meta, problems, started, load0,
    secs: Math.round((Date.now() - started) / 1000),
    method: { ROUNDS, WARMUP, RUNS, NATIVE_RUNS, CHROMIUM },
    versions: Object.fromEntries(["playwright-core", "papaparse", "xlsx"].map((n) => [n, require(`${n}/package.json`).version])),
  });
  console.log(md);
  if (OUT !== "-") {
    const begin = "<!-- bench:begin -->";
    const end = "<!-- bench:end -->";
    const old = fs.existsSync(OUT) ? fs.readFileSync(OUT, "utf8") : `# Performance\n\n${begin}\n${end}\n`;
    const [head, rest] = old.includes(begin) ? old.split(begin) : [old + "\n", `\n${end}\n`];
    const tail = rest.split(end)[1] ?? "\n";
    fs.writeFileSync(OUT, `${head}${begin}\n${md}\n${end}${tail}`);
    console.log(`wrote ${path.relative(root, OUT)}`);
  }
  if (problems.length) die(`wrong counts:\n  ${problems.join("\n  ")}`);
}

await main();
