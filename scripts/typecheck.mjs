// The page's type check (run by scripts/test.sh after the page build):
//
//   node scripts/typecheck.mjs
//
// 1. Real JSON from the CLI — reports of the fixtures, their inputs (`jixiao
//    read`), the built-in profiles — is written into build/types/golden.ts as
//    object literals typed with www/src/types.d.ts. A literal is checked
//    exactly: a field the types lack, a missing field or a value outside a
//    union (a new status, a new finding kind) fails. (An imported .json file
//    would be widened to `string` and prove much less.)
// 2. `tsc --noEmit -p tsconfig.json`: www/src/**/*.js (// @ts-check, JSDoc)
//    against those types and wasm-bindgen's declarations of the wasm exports
//    (build/wasm/jixiao.d.ts, written by scripts/build.mjs), and golden.ts.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "build", "types", "golden.ts");

const REPORTS = ["baiyun-xinfang-2023.csv", "campus-safety-form-2024.csv", "campus-safety-form-2024.xls", "form-variants.csv", "audit-planted-2024.csv", "audit-clean-no-weights-2023.csv"];
const INPUTS = ["baiyun-xinfang-2023.csv", "campus-safety-form-2024.xls"];

function fail(msg) {
  console.error(`typecheck: ${msg}`);
  process.exit(1);
}

/** The CLI's JSON output (exit 1 means "some rows in error", still complete). */
function cli(...args) {
  const r = spawnSync("cargo", ["run", "-q", "--", ...args], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0 && r.status !== 1) fail(`jixiao ${args.join(" ")}: ${r.stderr || r.error}`);
  return JSON.parse(r.stdout);
}

if (!fs.existsSync(path.join(root, "build", "wasm", "jixiao.d.ts"))) fail("build/wasm/jixiao.d.ts missing: run node scripts/build.mjs first");

const fixture = (f) => path.join("tests", "fixtures", f);
const name = (f) => f.replace(/\W+/g, "_");
const lines = [
  "// Written by scripts/typecheck.mjs from the CLI's output: do not edit.",
  'import type { Input, Profile, Report } from "../../www/src/types";',
  "",
];
for (const f of REPORTS) lines.push(`export const report_${name(f)}: Report = ${JSON.stringify(cli("score", fixture(f), "--format", "json"))};`);
for (const f of INPUTS) lines.push(`export const input_${name(f)}: Input = ${JSON.stringify(cli("read", fixture(f)))};`);
const ids = spawnSync("cargo", ["run", "-q", "--", "profile"], { cwd: root, encoding: "utf8" }).stdout.match(/^\S+/gm) || [];
if (!ids.length) fail("jixiao profile listed no profiles");
for (const id of ids) lines.push(`export const profile_${name(id)}: Profile = ${JSON.stringify(cli("profile", id))};`);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, lines.join("\n") + "\n");

const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
const r = spawnSync(process.execPath, [tsc, "--noEmit", "-p", path.join(root, "tsconfig.json")], { cwd: root, stdio: "inherit" });
if (r.status !== 0) fail("tsc found type errors (above)");
console.log(`typecheck: www/src and ${REPORTS.length} reports, ${INPUTS.length} inputs, ${ids.length} profiles from the CLI match www/src/types.d.ts`);
