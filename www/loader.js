/*
 * jixiao runtime loader: defines window.jixiao, the page's only way to the
 * scoring core (Rust compiled to WebAssembly, embedded compressed as base64).
 *
 * The build (scripts/build.mjs) places this file, lowered to Chrome 58
 * syntax, after the two wasm-bindgen "no-modules" glues (the core's and the
 * writers') each wrapped in a factory function, and fills the placeholders
 * in the last line (named only there): per module the glue factory (each
 * call returns a fresh glue with its own state) and the module's bytes,
 * xz-compressed, as base64; and the xz decoder (the npm package
 * xz-decompress: xz-embedded as a small WebAssembly module, bundled in).
 * The compiled core (a Promise of the WebAssembly.Module) is what this
 * script leaves in `jixiaoCore`: the overview's Web Worker gets it from
 * there (scripts/build.mjs, window.__jixiaoWorker), so the page decodes and
 * compiles the core once.
 *
 * API (synchronous once `ready` has resolved, but for the writers):
 *   jixiao.ready                          Promise, resolves once instantiated
 *   jixiao.version                        crate version ("" until ready)
 *   jixiao.score(bytesOrText, fileName, options)   → Report
 *   jixiao.summarize(bytesOrText, fileName, options) → the overview in columns:
 *       {projects, rows, name[], total: Float64Array, grade: Uint8Array (index
 *        into grades[]), rate: Float64Array (NaN: none), provisional: Uint8Array,
 *        status: Uint32Array (ok, review, pending, error per project),
 *        issues: Uint32Array (errors, warnings, findings per project)}
 *   jixiao.open(bytesOrText, fileName, options) → a scored file kept in the
 *       core: .summary() (as summarize), .project(i) (project i of score's
 *       report, sentences written on demand), .free(); it does not survive
 *       a reload after a trap (open the file again)
 *   jixiao.readInput(bytesOrText, fileName, options) → Input
 *   jixiao.scoreInput(input, options)     → Report
 *   jixiao.exportCsv(input, options)      → Uint8Array (CSV, UTF-8 with BOM)
 *   jixiao.blankTemplateCsv()             → Uint8Array (the blank form as CSV)
 *   jixiao.guessHeader(bytesOrText, fileName, options) → HeaderGuess | null
 *                                         (the best-guess header when none is recognised)
 *   jixiao.profiles()                     → [Profile]
 *   jixiao.applyEdits(input, options)     → Input (the options' edits written in)
 *   jixiao.labels(options)                → Labels (statuses, levels, grades…)
 *   jixiao.bands(weight, options)         → [string] (the qualitative bands in words)
 *   jixiao.checkProfile(profile)          → [{field, message}] (the rule editor's check; [] when usable)
 *   jixiao.customProfile(profile)         → Profile (the 自定义 copy, id "custom")
 *   jixiao.readProfile(text)              → Profile (read as --profile FILE reads it)
 *   jixiao.exportXlsx(input, options)     → Promise<Uint8Array> (the 自评表 as XLSX)
 *   jixiao.blankTemplate()                → Promise<Uint8Array> (the blank form, XLSX)
 *   jixiao.reportDraft(input, options)    → Promise<[Draft]> (the 绩效自评报告 drafts)
 *   jixiao.reportText(input, options)     → Promise<string>
 *   jixiao.reportDocx(input, options)     → Promise<Uint8Array> (the drafts as DOCX)
 *   jixiao.exportOverviewXlsx(lines)      → Promise<Uint8Array> (a collection's overview, XLSX)
 * These six are a second module (writers/), compiled on the first
 * of these calls, so that opening the page costs what it did without them.
 * options: {encoding?: "auto"|"utf8"|"gbk"|"utf16le"|"utf16be",
 *           profile?: id | profile object, edits?: [{project,row,level,score,weight}],
 *           columns?: {field: header text | column letter}}
 * Errors are thrown as Error with a Chinese message. If the core traps, the
 * module is instantiated afresh and the call throws RELOADED below.
 */
var jixiaoCore = (function (global, makeGlue, wasmBase64, makeWritersGlue, writersBase64, XzStream) {
  "use strict";

  var RELOADED = "计算核心出现内部错误，已自动重新加载，请重试";
  var NOT_READY = "计算核心尚未加载完成，请稍候再试";

  var glue = null; // the current glue (exports bound to the live instance)
  var compiled = null; // the WebAssembly.Module, kept to re-instantiate quickly

  function decodeBase64(text) {
    var bin = global.atob(text);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) {
      bytes[i] = bin.charCodeAt(i);
    }
    return bytes;
  }

  // The build compresses the modules with xz (a quarter smaller than gzip,
  // docs/build.md "Sizes"), decoded here by xz-decompress from a Blob's
  // stream (Chrome 76+). Bytes that are not xz (magic FD 37 7A 58 5A 00)
  // are the module itself.
  var XZ_MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];
  function inflate(bytes) {
    var xz = XZ_MAGIC.every(function (b, i) {
      return bytes[i] === b;
    });
    if (!xz) {
      return Promise.resolve(bytes);
    }
    if (typeof XzStream !== "function" || typeof global.Response !== "function" || typeof global.Blob !== "function" || typeof global.Blob.prototype.stream !== "function") {
      return Promise.reject(new Error("此浏览器内核过旧（需要 Chrome 80 及以上），请使用极速模式或较新的浏览器"));
    }
    return new global.Response(new XzStream(new global.Blob([bytes]).stream())).arrayBuffer().then(function (buffer) {
      return new Uint8Array(buffer);
    }, function (e) {
      throw new Error("页面文件不完整或已损坏（解压失败：" + (e && e.message ? e.message : String(e)) + "），请重新复制 jixiao.html");
    });
  }

  function mark(name) {
    if (global.performance && typeof global.performance.mark === "function") {
      global.performance.mark(name);
    }
  }

  var api = {
    ready: null,
    version: "",
    score: function (data, fileName, options) {
      return call(function (g) {
        return g.score(toBytes(data), fileName == null ? "" : String(fileName), options);
      });
    },
    summarize: function (data, fileName, options) {
      return call(function (g) {
        return g.summarize(toBytes(data), fileName == null ? "" : String(fileName), options);
      });
    },
    open: function (data, fileName, options) {
      return call(function (g) {
        var scored = g.open(toBytes(data), fileName == null ? "" : String(fileName), options);
        return {
          summary: function () {
            return call(function () {
              return scored.summary();
            });
          },
          project: function (index) {
            return call(function () {
              return scored.project(index);
            });
          },
          free: function () {
            scored.free();
          }
        };
      });
    },
    readInput: function (data, fileName, options) {
      return call(function (g) {
        return g.readInput(toBytes(data), fileName == null ? "" : String(fileName), options);
      });
    },
    scoreInput: function (input, options) {
      return call(function (g) {
        return g.scoreInput(input, options);
      });
    },
    exportCsv: function (input, options) {
      return call(function (g) {
        return g.exportCsv(input, options);
      });
    },
    blankTemplateCsv: function () {
      return call(function (g) {
        return g.blankTemplateCsv();
      });
    },
    guessHeader: function (data, fileName, options) {
      return call(function (g) {
        return g.guessHeader(toBytes(data), fileName == null ? "" : String(fileName), options);
      });
    },
    profiles: function () {
      return call(function (g) {
        return g.profiles();
      });
    },
    applyEdits: function (input, options) {
      return call(function (g) {
        return g.applyEdits(input, options);
      });
    },
    labels: function (options) {
      return call(function (g) {
        return g.labels(options);
      });
    },
    bands: function (weight, options) {
      return call(function (g) {
        return g.bands(weight, options);
      });
    },
    checkProfile: function (profile) {
      return call(function (g) {
        return g.checkProfile(profile);
      });
    },
    customProfile: function (profile) {
      return call(function (g) {
        return g.customProfile(profile);
      });
    },
    readProfile: function (text) {
      return call(function (g) {
        return g.readProfile(String(text));
      });
    },
    // The writers live in a second module, compiled on the first call:
    // these return a Promise of the bytes.
    exportXlsx: function (input, options) {
      return writing(function (w) {
        return w.exportXlsx(input, options);
      });
    },
    blankTemplate: function () {
      return writing(function (w) {
        return w.blankTemplate();
      });
    },

    reportDraft: function (input, options) {
      return writing(function (w) {
        return w.reportDraft(input, options);
      });
    },
    reportText: function (input, options) {
      return writing(function (w) {
        return w.reportText(input, options);
      });
    },
    reportDocx: function (input, options) {
      return writing(function (w) {
        return w.reportDocx(input, options);
      });
    },
    exportOverviewXlsx: function (lines) {
      return writing(function (w) {
        return w.exportOverviewXlsx(lines);
      });
    }
  };

  function toBytes(data) {
    if (typeof data === "string") {
      return new global.TextEncoder().encode(data);
    }
    if (data instanceof Uint8Array) {
      return data;
    }
    if (data instanceof ArrayBuffer) {
      return new Uint8Array(data);
    }
    if (data && ArrayBuffer.isView(data)) {
      return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    }
    throw new Error("请提供文件内容（文本或字节）");
  }

  function call(fn) {
    if (!glue) {
      throw new Error(NOT_READY);
    }
    try {
      return fn(glue);
    } catch (e) {
      if (e instanceof global.WebAssembly.RuntimeError) {
        reload();
        throw new Error(RELOADED);
      }
      if (e instanceof Error) {
        throw e;
      }
      throw new Error(String(e));
    }
  }

  // The writers' module: decoded, inflated, compiled and instantiated on the
  // first export (not at open); a trap drops the instance, the next call
  // makes a fresh one.
  var writers = null;
  function writing(fn) {
    if (!writers) {
      writers = inflate(decodeBase64(writersBase64)).then(function (bytes) {
        return global.WebAssembly.compile(bytes);
      }).then(function (module) {
        var fresh = makeWritersGlue();
        return fresh({ module_or_path: module }).then(function () {
          return fresh;
        });
      });
      writers["catch"](function () {
        writers = null;
      });
    }
    return writers.then(function (w) {
      try {
        return fn(w);
      } catch (e) {
        if (e instanceof global.WebAssembly.RuntimeError) {
          writers = null;
          throw new Error(RELOADED);
        }
        throw e instanceof Error ? e : new Error(String(e));
      }
    });
  }

  // A trapped instance may have left its memory in any state: drop it and
  // instantiate the already-compiled module afresh (fast, asynchronous).
  function reload() {
    glue = null;
    api.ready = load(compiled);
    api.ready["catch"](function () {});
  }

  // Asynchronous instantiation: Chromium refuses synchronous compilation of
  // modules over 4 KB on the main thread. Each load gets a fresh glue, whose
  // init refuses to run twice.
  function load(source) {
    var fresh = makeGlue();
    return fresh({ module_or_path: source }).then(function () {
      glue = fresh;
      api.version = fresh.version();
      return api;
    });
  }

  var core;
  if (typeof global.WebAssembly !== "object") {
    core = Promise.reject(new Error("此浏览器不支持 WebAssembly，请使用极速模式或较新的浏览器"));
    api.ready = core;
  } else {
    // User Timing marks for scripts/open-time.mjs (decode, compile, ready)
    mark("jixiao:start");
    core = inflate(decodeBase64(wasmBase64)).then(function (bytes) {
      mark("jixiao:decoded");
      return global.WebAssembly.compile(bytes);
    });
    api.ready = core.then(function (module) {
      mark("jixiao:compiled");
      compiled = module;
      return load(module);
    }).then(function (ready) {
      mark("jixiao:ready");
      return ready;
    });
  }
  // No "unhandled rejection" noise when nobody awaits `ready`; callers that
  // await it still see a failure.
  api.ready["catch"](function () {});
  core["catch"](function () {});

  global.jixiao = api;
  return core;
})(window, __JIXIAO_GLUE__, "@JIXIAO_WASM@", __WRITERS_GLUE__, "@WRITERS_WASM@", __XZ_STREAM__);
