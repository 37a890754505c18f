#!/usr/bin/env bash
# `npm test`: the whole suite, in order, stopping at the first failure.
#   setup → rustfmt → clippy (native, and wasm32 for src/wasm/ + tests/wasm.rs and writers/)
#   → cargo test → page build → type check of the page (tsc) → wasm-bindgen
#   tests in headless Chromium
#   → browser and build tests (node --test tests/e2e/)
#   → benchmark smoke run (small files; checks counts, not timing)
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }
LINTS=(-D warnings -W clippy::unwrap_used -W clippy::expect_used -W clippy::panic)

step setup
bash scripts/setup.sh

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (native)"
cargo clippy --all-targets -- "${LINTS[@]}"

step "cargo clippy (wasm32: the binding and its tests)"
cargo clippy --target wasm32-unknown-unknown --lib --test wasm -- "${LINTS[@]}"
cargo clippy --target wasm32-unknown-unknown -p jixiao-writers -- "${LINTS[@]}"

step "cargo test"
cargo test

step "page build"
node scripts/build.mjs

step "type check: www/src and the CLI's JSON against www/src/types.d.ts (tsc)"
node scripts/typecheck.mjs

step "wasm-bindgen tests (headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=180 \
  cargo test --target wasm32-unknown-unknown --test wasm

step "node --test tests/e2e/"
node --test --test-concurrency=1 tests/e2e/

step "bench smoke (counts, not timing)"
BENCH_NO_BUILD=1 node bench/run.mjs --smoke
