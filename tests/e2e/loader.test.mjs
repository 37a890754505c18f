// www/loader.js on its own (no browser): window.jixiao around a stand-in for
// the wasm-bindgen glue — argument conversion, errors, and re-instantiation
// after the core traps (WebAssembly.RuntimeError).

import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { test } from "node:test";

import { compressXz } from "../../scripts/build.mjs";
import { root } from "./browser.mjs";

// the decoder the build bundles into the page (it runs in node too)
const { XzReadableStream } = createRequire(import.meta.url)("xz-decompress");

const RELOADED = "计算核心出现内部错误，已自动重新加载，请重试";
const EMPTY_MODULE = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]).toString("base64");

/** Runs the loader with a fake glue; returns the window, the glue log and
 * the compiled core the loader leaves for the worker. `module` is what the
 * build would put in: the module xz-compressed, as base64. */
function load(behaviour, module = compressXz(Buffer.from(EMPTY_MODULE, "base64")).toString("base64")) {
  const log = { made: 0, inits: [], calls: [], writers: 0 };
  const makeWriters = () => {
    log.writers += 1;
    const init = () => Promise.resolve();
    return Object.assign(init, {
      exportXlsx: (input) => {
        if (input === "trap") throw new WebAssembly.RuntimeError("unreachable");
        return new Uint8Array([0x50, 0x4b]);
      },
    });
  };
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
    .replaceAll("__WRITERS_GLUE__", "makeWriters")
    .replace('"@JIXIAO_WASM@"', JSON.stringify(module))
    .replace('"@WRITERS_WASM@"', JSON.stringify(module))
    .replace("__XZ_STREAM__", "XzStream");
  const window = { atob, TextEncoder, WebAssembly, Blob, Response };
  const core = new Function("window", "makeGlue", "makeWriters", "XzStream", `${code}\nreturn jixiaoCore;`)(window, makeGlue, makeWriters, XzReadableStream);
  return { window, log, core };
}

test("loader: not ready yet → a Chinese error; ready → version and API", async () => {
  const { window, log, core } = load(() => ({ ok: true }));
  const j = window.jixiao;
  assert.throws(() => j.score("a", "a.csv"), { message: "计算核心尚未加载完成，请稍候再试" });
  assert.equal(j.version, "");
  assert.equal(await j.ready, j);
  assert.equal(j.version, "9.9.9");
  assert.ok(log.inits[0] instanceof WebAssembly.Module, "instantiated from a compiled module");
  assert.equal(await core, log.inits[0], "the compiled core is left for the worker");

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
  const code = fs.readFileSync(path.join(root, "www", "loader.js"), "utf8").replaceAll("__JIXIAO_GLUE__", "null").replaceAll("__WRITERS_GLUE__", "null").replace("__XZ_STREAM__", "null");
  const window = { atob, TextEncoder };
  new Function("window", code)(window);
  await assert.rejects(window.jixiao.ready, { message: /不支持 WebAssembly/ });
});

test("loader: an xz stream that is damaged → ready rejects", async () => {
  const xz = compressXz(Buffer.from(EMPTY_MODULE, "base64"));
  xz[30] ^= 0xff; // in the compressed data
  const { window } = load(() => ({ ok: true }), xz.toString("base64"));
  await assert.rejects(window.jixiao.ready, /^Error: 页面文件不完整或已损坏（解压失败：.*error code 7/); // XZ_DATA_ERROR
});

test("loader: an uncompressed module still loads", async () => {
  const { window } = load(() => ({ ok: true }), EMPTY_MODULE);
  await window.jixiao.ready;
  assert.deepEqual(window.jixiao.score("a", "a.csv"), { ok: true });
});

test("loader: the writers' module is made on the first export, once; a trap drops it", async () => {
  const { window, log } = load(() => ({ ok: true }));
  const j = window.jixiao;
  await j.ready;
  assert.equal(log.writers, 0, "not at open");
  assert.deepEqual([...(await j.exportXlsx({ projects: [] }))], [0x50, 0x4b]);
  await j.exportXlsx({ projects: [] });
  assert.equal(log.writers, 1, "made once");
  await assert.rejects(j.exportXlsx("trap"), { message: RELOADED });
  await j.exportXlsx({ projects: [] });
  assert.equal(log.writers, 2, "made afresh after a trap");
});
