// @ts-check
/* A folder dropped (its entries walked) or chosen (webkitdirectory): the
 * supported files inside, the others listed as skipped. Tested with plain
 * objects (tests/e2e/overview-more.test.mjs). */

/** The formats the core reads. */
export const SUPPORTED = /\.(xlsx|xls|csv|txt|tsv|json)$/i;

/** The supported files, and the paths of the others.
 * @param {File[]} files @param {(f: File) => string} [path]
 * @returns {{files: File[], skipped: string[]}} */
export function split(files, path = (f) => /** @type {any} */ (f).webkitRelativePath || f.name) {
  /** @type {File[]} */
  const ok = [];
  /** @type {string[]} */
  const skipped = [];
  files.forEach((f) => {
    // (not Office's lock files ~$x.xlsx, nor hidden files)
    if (SUPPORTED.test(f.name) && !/^(~\$|\.)/.test(f.name)) ok.push(f);
    else skipped.push(path(f));
  });
  return { files: ok, skipped };
}

/** FileSystemEntry, as much as is used.
 * @typedef {{isFile: boolean, isDirectory: boolean, name: string, fullPath: string,
 *   file?: (ok: (f: File) => void, fail: (e: any) => void) => void,
 *   createReader?: () => {readEntries: (ok: (es: Entry[]) => void, fail: (e: any) => void) => void}}} Entry
 */

/** Every file under the entries, depth first, in name order within a folder.
 * @param {Entry[]} entries @returns {Promise<{file: File, path: string}[]>} */
export function walk(entries) {
  /** @type {{file: File, path: string}[]} */
  const out = [];
  /** @param {Entry} e @returns {Promise<void>} */
  const visit = (e) => {
    if (e.isFile && e.file) {
      const read = e.file.bind(e);
      return new Promise((resolve) => read((f) => { out.push({ file: f, path: e.fullPath.replace(/^\//, '') || f.name }); resolve(); }, () => resolve()));
    }
    if (e.isDirectory && e.createReader) return children(e.createReader()).then(inOrder);
    return Promise.resolve();
  };
  /** @param {Entry[]} list */
  const inOrder = (list) => list
    .slice()
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .reduce((p, e) => p.then(() => visit(e)), Promise.resolve());
  return inOrder(entries).then(() => out);
}

/** A folder's entries (readEntries gives batches until an empty one).
 * @param {{readEntries: (ok: (es: Entry[]) => void, fail: (e: any) => void) => void}} reader
 * @returns {Promise<Entry[]>} */
function children(reader) {
  /** @type {Entry[]} */
  const all = [];
  return new Promise((resolve) => {
    const more = () => reader.readEntries((batch) => {
      if (!batch.length) { resolve(all); return; }
      batch.forEach((e) => all.push(e));
      more();
    }, () => resolve(all));
    more();
  });
}

/** A drop's entries when it holds a folder, else null (call it during the drop).
 * @param {DataTransfer | null} dt @returns {Entry[] | null} */
export function droppedFolder(dt) {
  if (!dt || !dt.items) return null;
  /** @type {Entry[]} */
  const entries = [];
  for (let i = 0; i < dt.items.length; i++) {
    const item = /** @type {any} */ (dt.items[i]);
    const entry = item.kind === 'file' && typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
  }
  return entries.some((e) => e.isDirectory) ? entries : null;
}

/** The supported files under the entries, and the paths skipped.
 * @param {Entry[]} entries @returns {Promise<{files: File[], skipped: string[]}>} */
export function filesOf(entries) {
  return walk(entries).then((found) => {
    const paths = new Map(found.map((x) => [x.file, x.path]));
    return split(found.map((x) => x.file), (f) => paths.get(f) || f.name);
  });
}
