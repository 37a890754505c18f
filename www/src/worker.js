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
 *      {type:'add', id, name, bytes: ArrayBuffer, options}
 *      {type:'project', id, index, edits}   (edits: that file's, project = index in the file)
 *      {type:'remove', id}
 * Out: {type:'ready'} | {type:'failed', message}
 *      {type:'file', id, summary} | {type:'file', id, error}
 *      {type:'project', id, index, project, summary} | {type:'project', id, index, error} */

/** The rows a file may have (the core's limit, which it checks exactly).
 * A text file with more than twice as many line breaks is refused before it
 * is parsed (a quoted cell may hold line breaks, so the count is an upper
 * bound of its rows). */
const ROW_LIMIT = 100000;

/** @type {any} */
const self_ = self;
/** @type {any} */
let glue = null;
/** @type {Record<string, {name: string, bytes: Uint8Array, options: any, scored: any}>} */
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

/** @param {{name: string, bytes: Uint8Array, options: any, scored: any}} f */
function scored(f) {
  if (!f.scored) f.scored = glue.open(f.bytes, f.name, f.options);
  return f.scored;
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
    const bytes = new Uint8Array(m.bytes);
    const rows = lines(bytes, m.name);
    if (rows > 2 * ROW_LIMIT) {
      self_.postMessage({ type: 'file', id: m.id, error: '文件有 ' + rows + ' 行，超过上限 ' + ROW_LIMIT + ' 行，未读取。请把表格拆成几个文件后再拖入。' });
      return;
    }
    const f = { name: m.name, bytes, options: m.options, scored: null };
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
      const edits = JSON.stringify(m.edits || []);
      if (edits !== JSON.stringify(f.options.edits || [])) {
        if (f.scored) f.scored.free();
        f.scored = null;
        f.options = Object.assign({}, f.options, { edits: m.edits || [] });
      }
      const s = scored(f);
      self_.postMessage({ type: 'project', id: m.id, index: m.index, project: s.project(m.index), summary: s.summary() });
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
