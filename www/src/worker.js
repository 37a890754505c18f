// @ts-check
/* The Web Worker that reads and scores files for the overview, so the page
 * never waits on the core. Built on its own by scripts/build.mjs and started
 * by client.js from a Blob URL made of the wasm-bindgen glue (`jixiaoGlue`,
 * a factory defined just before this script) and this code; the core's
 * compiled module comes in the first message (the page decoded and compiled
 * it at open). Scored files stay here (`open`'s handle in wasm
 * memory): the page gets the overview's columns, and one project's full
 * report when it opens it.
 *
 * In:  {type:'init', module: WebAssembly.Module}
 *      {type:'add', id, name, file: File (read here), options}
 *      {type:'project', id, index, edits}   (edits: that file's, project = index in the file;
 *                                            the projects whose edits changed are scored again alone)
 *      {type:'remove', id}
 * Out: {type:'ready'} | {type:'failed', message}
 *      {type:'reading', id, rows}   (before a text file is read: its rows, counted from the line breaks)
 *      {type:'file', id, summary} | {type:'file', id, error}
 *      {type:'project', id, index, project, lines: {[index]: summary of the projects scored again}}
 *      | {type:'project', id, index, error} */

/** The rows a file may have (the core's limit, which it checks exactly).
 * A text file with more than twice as many line breaks is refused before it
 * is parsed (a quoted cell may hold line breaks, so the count is an upper
 * bound of its rows). */
const ROW_LIMIT = 100000;

/** @type {any} */
const self_ = self;
/** @type {any} */
let glue = null;
/** A file: its bytes (read again after a trap), options, the edits its handle has.
 * @typedef {{name: string, bytes: Uint8Array, options: any, edits: any[], scored: any}} Kept */
/** @type {Record<string, Kept>} */
const files = {};

/** @param {unknown} e */
function message(e) {
  return e instanceof Error ? e.message : String(e);
}

/** Rows of a text file, counted without decoding it (binary workbooks: 0).
 * @param {Uint8Array} bytes @param {string} name */
function lines(bytes, name) {
  if (/\.(xlsx|xls|json)$/i.test(name)) return 0;
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) n++;
  return n;
}

/** A failed call leaves the instance unusable after a trap: start afresh
 * (the files are read again from their bytes when next asked for). */
function afterTrap(/** @type {unknown} */ e) {
  if (e instanceof WebAssembly.RuntimeError) {
    const module = glue && glue.__module;
    glue = fresh(module);
    Object.keys(files).forEach((k) => { files[k].scored = null; });
  }
}

/** @param {WebAssembly.Module} module */
function fresh(module) {
  const g = self_.jixiaoGlue();
  g.initSync({ module });
  g.__module = module;
  return g;
}

/** The file's handle, opened (again) with its current edits. @param {Kept} f */
function scored(f) {
  if (!f.scored) f.scored = glue.open(f.bytes, f.name, Object.assign({}, f.options, { edits: f.edits }));
  return f.scored;
}

/** Bring the handle to `edits`: a project whose edits changed is scored
 * again alone; returns their overview lines by index. @param {Kept} f @param {any[]} edits */
function applyEdits(f, edits) {
  const s = scored(f);
  /** @param {any[]} list @param {number} k */
  const of = (list, k) => list.filter((e) => e.project === k);
  /** @type {Record<string, any>} */
  const lines = {};
  f.edits.concat(edits).forEach((e) => {
    const k = e.project;
    if (!(k in lines) && JSON.stringify(of(f.edits, k)) !== JSON.stringify(of(edits, k))) lines[k] = s.rescore(k, of(edits, k));
  });
  f.edits = edits;
  return lines;
}

self_.onmessage = (/** @type {MessageEvent} */ ev) => {
  const m = ev.data;
  if (m.type === 'init') {
    try {
      glue = fresh(m.module);
      self_.postMessage({ type: 'ready' });
    } catch (e) {
      self_.postMessage({ type: 'failed', message: message(e) });
    }
    return;
  }
  if (m.type === 'add') {
    /** @type {Uint8Array} */
    let bytes;
    try {
      bytes = new Uint8Array(new self_.FileReaderSync().readAsArrayBuffer(m.file));
    } catch (e) {
      self_.postMessage({ type: 'file', id: m.id, error: '无法读取文件：' + message(e) });
      return;
    }
    const rows = lines(bytes, m.name);
    if (rows > 2 * ROW_LIMIT) {
      self_.postMessage({ type: 'file', id: m.id, error: '文件有 ' + rows + ' 行，超过上限 ' + ROW_LIMIT + ' 行，未读取。请把表格拆成几个文件后再拖入。' });
      return;
    }
    if (rows) self_.postMessage({ type: 'reading', id: m.id, rows });
    const f = { name: m.name, bytes, options: m.options, edits: (m.options && m.options.edits) || [], scored: null };
    try {
      const summary = scored(f).summary();
      files[m.id] = f;
      self_.postMessage({ type: 'file', id: m.id, summary });
    } catch (e) {
      afterTrap(e);
      self_.postMessage({ type: 'file', id: m.id, error: message(e) });
    }
    return;
  }
  if (m.type === 'project') {
    const f = files[m.id];
    if (!f) { self_.postMessage({ type: 'project', id: m.id, index: m.index, error: '文件已移除' }); return; }
    try {
      const lines = applyEdits(f, m.edits || []);
      const project = scored(f).project(m.index);
      self_.postMessage({ type: 'project', id: m.id, index: m.index, project, lines });
    } catch (e) {
      afterTrap(e);
      self_.postMessage({ type: 'project', id: m.id, index: m.index, error: message(e) });
    }
    return;
  }
  if (m.type === 'remove') {
    const f = files[m.id];
    if (f && f.scored) f.scored.free();
    delete files[m.id];
  }
};
