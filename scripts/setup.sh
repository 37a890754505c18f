#!/usr/bin/env bash
# Idempotent set-up for `npm start` and `npm test`: installs only what is
# missing, so a warm run takes well under two seconds.
#
#   - rustup: wasm32-unknown-unknown for stable; the dated nightly that
#     scripts/build.mjs names (NIGHTLY) with rust-src and wasm32 (the page's
#     wasm is built with it and -Zbuild-std for pure MVP)
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock
#   - Debian: chromium, chromium-driver (wasm-bindgen tests, e2e), binaryen,
#     xz-utils (the build compresses the wasm modules with xz),
#     poppler-utils and unzip (the export tests read PDFs and zip packages)
#     (wasm-opt, required by the build) — the one step that needs root: run
#     as root, or through sudo when not root
#   - npm devDependencies (esbuild, acorn, wabt, playwright-core, typescript,
#     puppeteer-core@5 + chrome-aws-lambda for the Chromium 86 test, iconv-lite,
#     xz-decompress, the page's xz decoder)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }

# --- Rust targets and components -------------------------------------------
nightly=$(sed -n 's/^export const NIGHTLY = "\(nightly-[0-9-]*\)";$/\1/p' scripts/build.mjs)
if [ -z "$nightly" ]; then
  say "no NIGHTLY in scripts/build.mjs"; exit 1
fi
for tc in stable "$nightly"; do
  if ! rustup "+$tc" target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "rustup target add wasm32-unknown-unknown ($tc)"
    rustup toolchain list | grep -q "^$tc" || rustup toolchain install "$tc" --profile minimal
    rustup "+$tc" target add wasm32-unknown-unknown
  fi
done
if [ ! -d "$(rustc "+$nightly" --print sysroot)/lib/rustlib/src/rust/library" ]; then
  say "rustup component add rust-src ($nightly)"
  rustup component add rust-src --toolchain "$nightly"
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
# xz compresses the page's wasm modules (scripts/build.mjs)
command -v xz >/dev/null || apt_pkgs+=(xz-utils)
# the export tests read PDFs (pdftotext) and zip packages (unzip)
command -v pdftotext >/dev/null || apt_pkgs+=(poppler-utils)
command -v unzip >/dev/null || apt_pkgs+=(unzip)
if [ ${#apt_pkgs[@]} -gt 0 ]; then
  # apt needs root: as root directly, otherwise through sudo (asks for a password).
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { say "apt-get install ${apt_pkgs[*]} needs root (no sudo here): run it as root"; exit 1; }
    sudo=(sudo)
  fi
  say "${sudo[*]:+${sudo[*]} }apt-get install ${apt_pkgs[*]}"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_pkgs[@]}"
fi

# --- npm -----------------------------------------------------------------------
# Stale when package.json or the lock file is newer than the install stamp.
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  say "npm ci"
  npm ci --no-audit --no-fund
fi
