// The JS API of the built page (window.jixiao in dist/jixiao.html), in
// Debian's Chromium: same reports as the native CLI, Chinese errors, no network.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";

import { openPage, root } from "./browser.mjs";

const FIXTURE = "tests/fixtures/baiyun-xinfang-2023.csv";
const crateVersion = /^version\s*=\s*"([^"]+)"/m.exec(fs.readFileSync(path.join(root, "Cargo.toml"), "utf8"))[1];

/** The native CLI's `--format json` (debug profile: `cargo test` has just
 * built it, and the core's decimal arithmetic is the same in every profile). */
function cli(...args) {
  const r = spawnSync("cargo", ["run", "--quiet", "--", ...args], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
  assert.ok(r.status === 0 || r.status === 1, `jixiao ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

let s;
before(async () => {
  s = await openPage();
});
after(async () => {
  await s?.close();
});

test("jixiao.version is the crate version", async () => {
  assert.equal(await s.page.evaluate(() => window.jixiao.version), crateVersion);
});

test("score(text) gives the same report as the CLI's --format json", async () => {
  const want = cli("score", FIXTURE, "--format", "json");
  // The CLI names the file each project came from; the page has one file.
  for (const p of want.projects) delete p.file;
  const text = fs.readFileSync(path.join(root, FIXTURE), "utf8");
  const got = await s.page.evaluate((t) => window.jixiao.score(t, "baiyun-xinfang-2023.csv"), text);
  assert.deepEqual(got, want);
  assert.equal(got.projects[0].total, 99.89);
  assert.equal(got.projects[0].grade, "优");
});

test("score(bytes), readInput + scoreInput, profiles", async () => {
  const bytes = [...fs.readFileSync(path.join(root, FIXTURE))];
  const r = await s.page.evaluate((b) => {
    const j = window.jixiao;
    const u8 = new Uint8Array(b);
    const direct = j.score(u8, "a.csv");
    const input = j.readInput(u8.buffer, "a.csv", { encoding: "utf8" });
    const again = j.scoreInput(JSON.parse(JSON.stringify(input)), {});
    const profiles = j.profiles();
    const other = j.scoreInput(input, { profile: "bands-80-70-60" });
    const custom = j.scoreInput(input, { profile: profiles[0] });
    return { direct, again, ids: profiles.map((p) => p.id), other: other.profile, custom };
  }, bytes);
  assert.deepEqual(r.again, r.direct);
  assert.deepEqual(r.custom, r.direct);
  assert.ok(r.ids.includes("mof-2020"), r.ids.join());
  assert.equal(r.other, "bands-80-70-60");
});

test("a file that is not a table throws an Error with a Chinese message", async () => {
  const r = await s.page.evaluate(() => {
    const out = [];
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    for (const f of [() => window.jixiao.score(png, "x.png"), () => window.jixiao.readInput("", "empty.csv"),
      () => window.jixiao.score("a,b", "a.csv", { profile: "nope" }), () => window.jixiao.score(42, "n")]) {
      try {
        f();
        out.push("no error");
      } catch (e) {
        out.push(`${e instanceof Error}:${e.message}`);
      }
    }
    return out;
  });
  assert.match(r[0], /^true:无法识别的文件：这是一张图片/);
  assert.equal(r[1], "true:文件是空的");
  assert.match(r[2], /^true:没有名为“nope”的规则配置/);
  assert.match(r[3], /^true:请提供文件内容/);
});

test("the page made no network request and logged no error", async () => {
  assert.deepEqual(s.requests, []);
  assert.deepEqual(s.errors, []);
});
