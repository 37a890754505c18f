// The page build: the Rust core as a pure-MVP WebAssembly module, embedded
// with its glue and the loader into one self-contained file, dist/jixiao.html,
// that works offline from file:// in old Chromium cores (Chrome 86, the
// JavaScript parsed at Chrome 58 level).
//
//   node scripts/build.mjs [--template path/to/index.html]
//
// Steps (docs/build.md says why):
//   1. cargo +NIGHTLY build --lib --release --target wasm32-unknown-unknown
//      -Zbuild-std=std,panic_abort, RUSTFLAGS=-C target-cpu=mvp, target/mvp,
//      with the dated nightly NIGHTLY below (scripts/setup.sh installs it),
//      source paths remapped to fixed names (--remap-path-prefix)
//   2. wasm-bindgen --target no-modules → build/wasm/ (with jixiao.d.ts)
//   3. wasm-opt -Oz --mvp-features (binaryen; required)
//   4. the MVP check (scripts/mvp-check.mjs), fatal
//   5. glue + www/loader.js lowered by esbuild (--target=chrome58); each
//      <script src> of the template (www/src/main.js) bundled by esbuild
//      into one classic script at the same target; all parsed as ES2017 by
//      acorn, fatal on failure
//   6. the template's <link rel=stylesheet>/<script src> inlined, the runtime
//      put at <!-- @JIXIAO_RUNTIME@ -->, the example table at
//      <!-- @JIXIAO_SAMPLE@ -->, the CSP meta first in <head>
//   7. print the page's size and sha256

import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

import * as acorn from "acorn";
import * as esbuild from "esbuild";

import { checkMvp } from "./mvp-check.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const rel = (p) => path.relative(root, p) || ".";

export const CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval'; " +
  "style-src 'unsafe-inline'; img-src data: blob:; worker-src blob:";
const MARKER = "<!-- @JIXIAO_RUNTIME@ -->";
// Optional, inside the template's <script type="text/plain" id="sample-csv">:
// replaced by the 2023 example table (the page's 示例 button), `</` as `<\/`.
const SAMPLE_MARKER = "<!-- @JIXIAO_SAMPLE@ -->";
const SAMPLE = path.join(root, "tests", "fixtures", "baiyun-xinfang-2023.csv");
const JS_TARGET = "chrome58";
// The nightly the wasm is built with, pinned so that a nightly regression
// cannot change the page (scripts/setup.sh installs the same one).
export const NIGHTLY = "nightly-2026-05-20";

function fail(msg) {
  console.error(`build: ${msg}`);
  process.exit(1);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...opts });
  if (r.error) fail(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) fail(`${cmd} ${args.join(" ")} exited with ${r.status}`);
}

function has(cmd) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

// --- 1–4: the wasm ----------------------------------------------------------

function buildWasm() {
  const targetDir = path.join(root, "target", "mvp");
  // Source paths end up in the module (panic locations): written relative to
  // fixed names, so that where the checkout, cargo's registry and the
  // toolchain live does not change the bytes.
  const sysroot = execFileSync("rustc", [`+${NIGHTLY}`, "--print", "sysroot"], { encoding: "utf8" }).trim();
  const cargoHome = process.env.CARGO_HOME || path.join(os.homedir(), ".cargo");
  const flags = [
    "-C", "target-cpu=mvp",
    `--remap-path-prefix=${path.join(cargoHome, "registry", "src")}=/cargo/registry/src`,
    `--remap-path-prefix=${path.join(sysroot, "lib", "rustlib", "src", "rust")}=/rust`,
    `--remap-path-prefix=${root}=/jixiao`,
  ];
  const env = { ...process.env, CARGO_ENCODED_RUSTFLAGS: flags.join("\x1f") };
  delete env.RUSTFLAGS;
  run("cargo", [
    `+${NIGHTLY}`, "build", "--lib", "--release",
    "--target", "wasm32-unknown-unknown",
    "-Zbuild-std=std,panic_abort",
    "--target-dir", targetDir,
  ], { env });
  const raw = path.join(targetDir, "wasm32-unknown-unknown", "release", "jixiao.wasm");

  // wasm-bindgen and wasm-opt only when the module changed.
  const outDir = path.join(root, "build", "wasm");
  if (!has("wasm-opt")) fail("wasm-opt not found: run `bash scripts/setup.sh` (apt-get install binaryen); without it the page's bytes differ from machine to machine");
  const key = crypto.createHash("sha256")
    .update(fs.readFileSync(raw))
    .update(execFileSync("wasm-bindgen", ["--version"]))
    .update(execFileSync("wasm-opt", ["--version"]))
    .update(fs.readFileSync(fileURLToPath(import.meta.url)))
    .digest("hex");
  const stamp = path.join(outDir, "stamp");
  const glue = path.join(outDir, "jixiao.js");
  const wasm = path.join(outDir, "jixiao_bg.wasm");
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === key && fs.existsSync(glue) && fs.existsSync(wasm)) {
    return { glue, wasm, raw };
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  // The TypeScript declarations (build/wasm/jixiao.d.ts) are what
  // www/src/types.d.ts checks the loader's API against (scripts/typecheck.mjs).
  run("wasm-bindgen", [raw, "--target", "no-modules", "--remove-name-section", "--out-dir", outDir]);
  // binaryen validates against the enabled features: --mvp-features both
  // keeps the optimiser from introducing post-MVP instructions and rejects
  // a module that already has them.
  run("wasm-opt", ["-Oz", "--mvp-features", "--strip-debug", "--strip-producers", wasm, "-o", wasm]);
  checkMvp(wasm);
  fs.writeFileSync(stamp, key);
  return { glue, wasm, raw };
}

// --- 5: JavaScript for old cores -------------------------------------------

/** Lower to Chrome 58 syntax, then prove it: acorn at ES2017 rejects `?.`,
 * `??`, class fields, object spread, optional catch binding, … */
function lower(code, name) {
  const out = esbuild.transformSync(code, { loader: "js", target: JS_TARGET, charset: "utf8", sourcefile: name }).code;
  try {
    acorn.parse(out, { ecmaVersion: 2017, sourceType: "script" });
  } catch (e) {
    const line = out.split("\n")[(e.loc?.line ?? 1) - 1] ?? "";
    fail(`${name}: not Chrome 58 syntax after lowering (${e.message}):\n  ${line.trim().slice(0, 200)}`);
  }
  return out;
}

/** The page's script: an ES module entry (www/src/main.js) and what it
 * imports, bundled by esbuild into one classic script at Chrome 58 level.
 * The page builds its DOM with el() only: HTML from strings is refused. */
function bundle(entry, name) {
  const r = esbuild.buildSync({
    entryPoints: [entry], bundle: true, format: "iife", target: JS_TARGET, charset: "utf8",
    write: false, logLevel: "silent", legalComments: "none",
  });
  const code = r.outputFiles[0].text;
  const html = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write)\b/.exec(code);
  if (html) fail(`${name}: uses ${html[1]}; build the DOM with el() (www/src/dom.js)`);
  return lower(code, name);
}

/** Make text safe inside an inline <script>: `</script` and `<!--` would end
 * or confuse the element. Both escapes mean the same inside strings/regexes. */
function scriptSafe(code) {
  return code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "\\x3C!--");
}

function runtimeScript(glueFile, wasmFile) {
  const glue = fs.readFileSync(glueFile, "utf8");
  if (!/^let wasm_bindgen = /m.test(glue)) fail(`${rel(glueFile)}: unexpected wasm-bindgen glue shape`);
  const loader = fs.readFileSync(path.join(root, "www", "loader.js"), "utf8");
  // The glue in a factory: each call is a fresh glue whose init can run once,
  // which is what lets the loader re-instantiate after a trap.
  if (loader.split('"@JIXIAO_WASM@"').length !== 2) fail('www/loader.js must contain the placeholder "@JIXIAO_WASM@" exactly once');
  // The Web Worker (www/src/worker.js, see www/src/client.js) is made from
  // the same glue, its own bundled script and the same wasm, from a Blob URL:
  // window.__jixiaoWorker() hands the page those parts (the wasm once only).
  const source =
    `(function () {\nfunction jixiaoGlue() {\n${glue}\nreturn wasm_bindgen;\n}\n` +
    `var jixiaoWasm = "@JIXIAO_WASM@";\n` +
    `window.__jixiaoWorker = function () { return { glue: String(jixiaoGlue), code: "@JIXIAO_WORKER@", wasm: jixiaoWasm }; };\n` +
    `${loader.replaceAll("__JIXIAO_GLUE__", "jixiaoGlue").replace('"@JIXIAO_WASM@"', "jixiaoWasm")}\n})();\n`;
  let code = lower(source, "runtime (wasm-bindgen glue + www/loader.js)");
  const fill = (placeholder, value) => {
    const parts = code.split(`"${placeholder}"`);
    if (parts.length !== 2) fail(`runtime: the placeholder "${placeholder}" must appear exactly once`);
    code = parts.join(JSON.stringify(value));
  };
  fill("@JIXIAO_WORKER@", bundle(path.join(root, "www", "src", "worker.js"), "src/worker.js"));
  fill("@JIXIAO_WASM@", fs.readFileSync(wasmFile).toString("base64"));
  return `<script>\n${scriptSafe(code)}</script>`;
}

// --- 6: the page --------------------------------------------------------------

function page(templateFile, runtime) {
  const dir = path.dirname(templateFile);
  let html = fs.readFileSync(templateFile, "utf8");
  if (!/<meta\s+charset=["']?utf-8["']?\s*\/?>/i.test(html)) fail(`${rel(templateFile)}: needs <meta charset="utf-8">`);
  if (html.split(MARKER).length !== 2) fail(`${rel(templateFile)}: needs the marker ${MARKER} exactly once`);

  const local = (ref) => {
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref)) fail(`${rel(templateFile)}: external reference ${ref} (the page must work offline)`);
    const f = path.resolve(dir, ref);
    if (!fs.existsSync(f)) fail(`${rel(templateFile)}: ${ref} not found`);
    return fs.readFileSync(f, "utf8");
  };
  const resolveLocal = (ref) => {
    local(ref);
    return path.resolve(dir, ref);
  };
  html = html.replace(/<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>/gi, (tag) => {
    const href = /\bhref=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (!href) fail(`${rel(templateFile)}: stylesheet link without href: ${tag}`);
    const css = local(href);
    if (/<\/style/i.test(css)) fail(`${href}: contains </style`);
    return `<style>\n${css}</style>`;
  });
  html = html.replace(/<script\b([^>]*)\bsrc=["']?([^"'\s>]+)["']?([^>]*)>\s*<\/script>/gi, (_tag, _a, src) =>
    `<script>\n${scriptSafe(bundle(resolveLocal(src), src))}</script>`);
  const leftover = /<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["']?(?!data:|#)[^"'\s>]+/i.exec(html);
  if (leftover) fail(`${rel(templateFile)}: a reference the build cannot inline: ${leftover[0]}`);

  // Replacements go through functions so `$` patterns in them stay literal.
  html = html.replace(MARKER, () => runtime);
  if (html.includes(SAMPLE_MARKER)) {
    const csv = fs.readFileSync(SAMPLE, "utf8").replace(/^\uFEFF/, "");
    if (/<!--|<script/i.test(csv)) fail(`${rel(SAMPLE)}: cannot be embedded in a text/plain script`);
    html = html.replace(SAMPLE_MARKER, () => `\n${csv.replace(/<\//g, "<\\/")}`);
  }

  // CSP first in <head> (any CSP the template has is replaced by this one).
  html = html.replace(/<meta\b[^>]*http-equiv=["']?content-security-policy["']?[^>]*>\s*/gi, "");
  if (!/<head\b[^>]*>/i.test(html)) fail(`${rel(templateFile)}: no <head>`);
  html = html.replace(/<head\b[^>]*>/i, (head) => `${head}\n<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
  return html;
}

function main() {
  const args = process.argv.slice(2);
  const t = args.indexOf("--template");
  const template = t >= 0 ? path.resolve(args[t + 1] ?? "") : path.join(root, "www", "index.html");
  if (!fs.existsSync(template)) fail(`template ${rel(template)} not found (--template FILE to use another)`);

  const { glue, wasm, raw } = buildWasm();
  const html = page(template, runtimeScript(glue, wasm));
  const out = path.join(root, "dist", "jixiao.html");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, html);

  const w = fs.readFileSync(wasm);
  const h = Buffer.from(html);
  console.log(`wasm: ${kb(fs.statSync(raw).size)} from rustc (${NIGHTLY}), ${kb(w.length)} after wasm-bindgen + wasm-opt -Oz, ${kb(gz(w))} gzipped (MVP check passed)`);
  console.log(`page: ${out}`);
  console.log(`      ${kb(h.length)} raw, ${kb(gz(h))} gzipped`);
  console.log(`      sha256 ${crypto.createHash("sha256").update(h).digest("hex")}`);
  if (gz(h) > 600 * 1024) console.warn("build: over the 600 KB gzipped target; see docs/build.md (twiggy top build/wasm/jixiao_bg.wasm)");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
