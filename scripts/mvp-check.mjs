// The WebAssembly MVP check: fails when a module uses any post-MVP feature
// (sign-extension, saturating float-to-int, mutable-global import/export,
// multi-value, bulk memory, reference types, SIMD, …), which old browser
// cores (Chrome 86 in 360 极速模式) may reject.
//
// It runs wabt's `wasm-validate` (npm package `wabt`, WebAssembly inside,
// nothing downloaded) with every default-on feature disabled; the features
// wabt leaves off by default (threads, tail calls, GC, memory64, …) stay off.
// Note: wabt's JS API `validate()` ignores the feature flags, so the CLI is used.
//
//   node scripts/mvp-check.mjs file.wasm   (exit 1 with wabt's message if not MVP)

import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const DISABLE_FLAGS = [
  "--disable-mutable-globals",
  "--disable-saturating-float-to-int",
  "--disable-sign-extension",
  "--disable-simd",
  "--disable-multi-value",
  "--disable-bulk-memory",
  "--disable-reference-types",
];

/** Throws an Error carrying wabt's message when `file` is not pure MVP. */
export function checkMvp(file) {
  const bin = path.join(root, "node_modules", "wabt", "bin", "wasm-validate");
  try {
    execFileSync(process.execPath, [bin, ...DISABLE_FLAGS, file], { stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    const out = `${e.stdout ?? ""}${e.stderr ?? ""}`.replace(/\x1b\[[0-9;]*m/g, "").trim();
    throw new Error(`${file} is not a WebAssembly MVP module:\n${out || e.message}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    for (const f of process.argv.slice(2)) checkMvp(f);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
