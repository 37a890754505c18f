// What the build guarantees about dist/jixiao.html and its wasm, checked on
// the files themselves (no browser): pure-MVP WebAssembly, Chrome 58 syntax,
// CSP first, nothing external.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";

import * as acorn from "acorn";
import initWabt from "wabt";

import { checkMvp } from "../../scripts/mvp-check.mjs";
import { CSP } from "../../scripts/build.mjs";
import { pagePath, root } from "./browser.mjs";

const html = fs.readFileSync(pagePath, "utf8");

test("the MVP check rejects every post-MVP feature", async () => {
  const wabt = await initWabt();
  const all = { mutable_globals: true, sat_float_to_int: true, sign_extension: true, multi_value: true, bulk_memory: true, reference_types: true, simd: true };
  const cases = {
    "sign-extension": `(module (func (param i32) (result i32) local.get 0 i32.extend8_s))`,
    "reference-types": `(module (func (param externref) (result externref) local.get 0))`,
    "bulk-memory": `(module (memory 1) (func i32.const 0 i32.const 0 i32.const 0 memory.copy))`,
    "mutable-global import": `(module (import "a" "g" (global (mut i32))))`,
    "multi-value": `(module (func (result i32 i32) i32.const 0 i32.const 1))`,
    "saturating float-to-int": `(module (func (param f32) (result i32) local.get 0 i32.trunc_sat_f32_s))`,
    "simd": `(module (func (result v128) v128.const i32x4 0 0 0 0))`,
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-mvp-"));
  try {
    for (const [feature, wat] of Object.entries(cases)) {
      const m = wabt.parseWat(`${feature}.wat`, wat, all);
      const file = path.join(dir, "m.wasm");
      fs.writeFileSync(file, m.toBinary({}).buffer);
      assert.throws(() => checkMvp(file), /not a WebAssembly MVP module/, feature);
    }
    const mvp = wabt.parseWat("mvp.wat", `(module (memory 1) (func (export "f") (param i32) (result i32) local.get 0))`);
    fs.writeFileSync(path.join(dir, "mvp.wasm"), mvp.toBinary({}).buffer);
    checkMvp(path.join(dir, "mvp.wasm"));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  checkMvp(path.join(root, "build", "wasm", "jixiao_bg.wasm"));
});

test("the CSP meta is the first thing in <head>", () => {
  const head = /<head\b[^>]*>\s*(<[^>]+>)/i.exec(html);
  assert.equal(head[1], `<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
  assert.equal(html.match(/Content-Security-Policy/gi).length, 1);
});

test("every script parses as ES2017 (Chrome 58), nothing is loaded from outside", () => {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert.ok(scripts.length >= 2);
  for (const [, attrs, body] of scripts) {
    if (/type=["']?text\/plain/i.test(attrs)) continue;
    assert.doesNotMatch(attrs, /\bsrc=/i);
    assert.doesNotThrow(() => acorn.parse(body, { ecmaVersion: 2017, sourceType: "script" }), attrs);
  }
  assert.doesNotMatch(html, /<link\b[^>]*\bhref=/i);
  assert.doesNotMatch(html, /\b(?:src|href)=["']?(?:https?:)?\/\//i);
  assert.ok(!html.includes("@JIXIAO_RUNTIME@") && !html.includes("@JIXIAO_WASM@") && !html.includes("@WRITERS_WASM@"));
});

test("the example table is embedded for the 示例 button", () => {
  const sample = /<script type="text\/plain" id="sample-csv">([\s\S]*?)<\/script>/.exec(html);
  if (!sample) return; // the template has no sample slot
  const csv = fs.readFileSync(path.join(root, "tests", "fixtures", "baiyun-xinfang-2023.csv"), "utf8").replace(/^\uFEFF/, "");
  assert.equal(sample[1].replace(/<\\\//g, "</").replace(/^\n/, ""), csv);
});

test("tests/wasm.rs scores every fixture", () => {
  const rs = fs.readFileSync(path.join(root, "tests", "wasm.rs"), "utf8");
  for (const f of fs.readdirSync(path.join(root, "tests", "fixtures")).filter((f) => f.endsWith(".csv"))) {
    assert.ok(rs.includes(`include_bytes!("fixtures/${f}")`), `tests/wasm.rs: add ${f} to FIXTURES`);
  }
});
