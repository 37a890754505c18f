// www/loader.js on its own (no browser): window.jixiao around a stand-in for
// the wasm-bindgen glue — argument conversion, errors, and re-instantiation
// after the core traps (WebAssembly.RuntimeError).

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";

import { root } from "./browser.mjs";

const RELOADED = "计算核心出现内部错误，已自动重新加载，请重试";
const EMPTY_MODULE = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]).toString("base64");

/** Runs the loader with a fake glue; returns the window and the glue log. */
function load(behaviour) {
  const log = { made: 0, inits: [], calls: [] };
  const makeGlue = () => {
    log.made += 1;
    const generation = log.made;
    const init = (arg) => {
      log.inits.push(arg.module_or_path);
      return Promise.resolve();
    };
    return Object.assign(init, {
      version: () => "9.9.9",
      profiles: () => [{ id: "p" }],
      score: (bytes, name, options) => {
        log.calls.push({ generation, bytes, name, options });
        return behaviour(generation, bytes);
      },
      readInput: (bytes, name) => ({ bytes: bytes.length, name }),
      scoreInput: (input, options) => ({ input, options }),
    });
  };
  const code = fs.readFileSync(path.join(root, "www", "loader.js"), "utf8")
    .replaceAll("__JIXIAO_GLUE__", "makeGlue")
    .replace('"@JIXIAO_WASM@"', JSON.stringify(EMPTY_MODULE));
  const window = { atob, TextEncoder, WebAssembly };
  new Function("window", "makeGlue", code)(window, makeGlue);
  return { window, log };
}

test("loader: not ready yet → a Chinese error; ready → version and API", async () => {
  const { window, log } = load(() => ({ ok: true }));
  const j = window.jixiao;
  assert.throws(() => j.score("a", "a.csv"), { message: "计算核心尚未加载完成，请稍候再试" });
  assert.equal(j.version, "");
  assert.equal(await j.ready, j);
  assert.equal(j.version, "9.9.9");
  assert.ok(log.inits[0] instanceof WebAssembly.Module, "instantiated from a compiled module");

  assert.deepEqual(j.score("指标", "a.csv", { encoding: "gbk" }), { ok: true });
  const call = log.calls.at(-1);
  assert.deepEqual([...call.bytes], [...Buffer.from("指标")]);
  assert.deepEqual(call.options, { encoding: "gbk" });
  j.score(new Uint8Array([1, 2]).buffer);
  assert.equal(log.calls.at(-1).name, "");
  j.score(new DataView(new Uint8Array([5, 6, 7]).buffer, 1));
  assert.deepEqual([...log.calls.at(-1).bytes], [6, 7]);
  assert.throws(() => j.score(42, "n"), { message: /请提供文件内容/ });
  assert.deepEqual(j.readInput("abc", "x.txt"), { bytes: 3, name: "x.txt" });
  assert.deepEqual(j.scoreInput({ projects: [] }, {}), { input: { projects: [] }, options: {} });
  assert.deepEqual(j.profiles(), [{ id: "p" }]);
});

test("loader: errors from the core are rethrown as Error", async () => {
  const { window } = load((_g, bytes) => {
    if (bytes.length === 1) throw new Error("文件是空的");
    throw "plain";
  });
  await window.jixiao.ready;
  assert.throws(() => window.jixiao.score("a", "a.csv"), { message: "文件是空的" });
  assert.throws(() => window.jixiao.score("ab", "a.csv"), (e) => e instanceof Error && e.message === "plain");
});

test("loader: a trap re-instantiates the module and asks to retry", async () => {
  const { window, log } = load((generation) => {
    if (generation === 1) throw new WebAssembly.RuntimeError("unreachable");
    return { generation };
  });
  const j = window.jixiao;
  const first = j.ready;
  await first;
  assert.throws(() => j.score("a", "a.csv"), (e) => e instanceof Error && e.message === RELOADED);
  assert.notEqual(j.ready, first, "a new ready promise");
  await j.ready;
  assert.equal(log.made, 2);
  assert.equal(log.inits[1], log.inits[0], "the compiled module is reused");
  assert.deepEqual(j.score("a", "a.csv"), { generation: 2 });
});

test("loader: no WebAssembly → ready rejects with a Chinese message", async () => {
  const code = fs.readFileSync(path.join(root, "www", "loader.js"), "utf8").replaceAll("__JIXIAO_GLUE__", "null");
  const window = { atob, TextEncoder };
  new Function("window", code)(window);
  await assert.rejects(window.jixiao.ready, { message: /不支持 WebAssembly/ });
});
