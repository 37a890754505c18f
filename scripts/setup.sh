#!/usr/bin/env bash
# Idempotent set-up for `npm start` and `npm test`: installs only what is
# missing, so a warm run takes well under two seconds.
#
#   - rustup: wasm32-unknown-unknown for stable and nightly, rust-src for nightly
#     (the page's wasm is built with nightly -Zbuild-std for pure MVP)
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock
#   - Debian: chromium, chromium-driver (wasm-bindgen tests, e2e), binaryen (wasm-opt)
#   - npm devDependencies (esbuild, acorn, wabt, playwright-core,
#     puppeteer-core@5 + chrome-aws-lambda for the Chromium 86 test, iconv-lite)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }

# --- Rust targets and components -------------------------------------------
for tc in stable nightly; do
  if ! rustup "+$tc" target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "rustup target add wasm32-unknown-unknown ($tc)"
    rustup toolchain list | grep -q "^$tc" || rustup toolchain install "$tc" --profile minimal
    rustup "+$tc" target add wasm32-unknown-unknown
  fi
done
if [ ! -d "$(rustc +nightly --print sysroot)/lib/rustlib/src/rust/library" ]; then
  say "rustup component add rust-src (nightly)"
  rustup component add rust-src --toolchain nightly
fi

# --- wasm-bindgen-cli, same version as the crate in Cargo.lock ---------------
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wb_version" ]; then
  say "no wasm-bindgen in Cargo.lock"; exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb_version" ]; then
  say "cargo install wasm-bindgen-cli $wb_version (a few minutes)"
  # --locked fails on some registry mirrors; fall back to a fresh resolve.
  cargo install wasm-bindgen-cli --version "$wb_version" --locked \
    || cargo install wasm-bindgen-cli --version "$wb_version"
fi

# --- Debian packages ---------------------------------------------------------
# chrome-aws-lambda's Chromium 86 needs no library beyond those Debian's
# chromium pulls in (ldd /tmp/chromium shows none missing once it is installed).
apt_pkgs=()
[ -x /usr/bin/chromium ] || apt_pkgs+=(chromium)
[ -x /usr/bin/chromedriver ] || apt_pkgs+=(chromium-driver)
command -v wasm-opt >/dev/null || apt_pkgs+=(binaryen)
if [ ${#apt_pkgs[@]} -gt 0 ]; then
  say "apt-get install ${apt_pkgs[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_pkgs[@]}"
fi

# --- npm -----------------------------------------------------------------------
# Stale when package.json or the lock file is newer than the install stamp.
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  say "npm ci"
  npm ci --no-audit --no-fund
fi
