// @ts-check
/* The page's only way to the core: window.jixiao (www/loader.js around the
 * wasm-bindgen glue of src/wasm.rs). Every call looks window.jixiao up at
 * call time, so a re-instantiated core (after a trap) is always the live one.
 * Later this is the seam for a Web Worker: the store only sees these calls. */

/** @typedef {import('./types').Report} Report */
/** @typedef {import('./types').Input} Input */
/** @typedef {import('./types').Edit} Edit */
/** @typedef {import('./types').DraftFields} DraftFields */
/** @typedef {import('./types').Profile} Profile */
/** @typedef {import('./types').Encoding} Encoding */
/** @typedef {import('./types').JixiaoApi} JixiaoApi */

/** The name the core sees for pasted text (it appears in messages). */
export const PASTE_NAME = '粘贴内容';

/** @returns {JixiaoApi | undefined} */
function core() {
  return /** @type {any} */ (window).jixiao;
}

/** Is there a core at all (the runtime script may be missing from a broken copy)? */
export function present() {
  const j = core();
  return !!(j && j.ready);
}

/** The promise of the current instance (a new one after a trap). */
export function ready() {
  const j = core();
  return j ? Promise.resolve(j.ready) : Promise.reject(new Error('评分引擎缺失'));
}

/** A token that changes when the core is re-instantiated (compare to see a trap). */
export function generation() {
  const j = core();
  return j && j.ready;
}

export function version() {
  const j = core();
  return (j && j.version) || '';
}

/** @returns {Profile[]} */
export function profiles() {
  const j = core();
  try { return (j && j.profiles()) || []; } catch (e) { return []; }
}

/**
 * What the user gave, read into the core's Input.
 * @param {{kind: 'text', text: string} | {kind: 'file', name: string, bytes: Uint8Array}} source
 * @param {{encoding: Encoding, profile?: string}} opts
 * @returns {Input}
 */
export function read(source, opts) {
  const j = /** @type {JixiaoApi} */ (core());
  if (source.kind === 'text') {
    // Pasted text is already Unicode and goes to the core as UTF-8: the
    // encoding selector is for files only.
    return j.readInput(source.text, PASTE_NAME, { encoding: 'utf8', profile: opts.profile });
  }
  return j.readInput(source.bytes, source.name, opts);
}

/** @param {Input} input @param {Edit[]} edits @param {string} profile @returns {Report} */
export function score(input, edits, profile) {
  return /** @type {JixiaoApi} */ (core()).scoreInput(input, { edits, profile: profile || undefined });
}

/** The scores as CSV for Excel/WPS (UTF-8 with BOM, formula cells defused by the core).
 * @param {Input} input @param {Edit[]} edits @param {string} profile */
export function exportCsv(input, edits, profile) {
  return /** @type {JixiaoApi} */ (core()).exportCsv(input, { edits, profile: profile || undefined });
}

/** The 项目支出绩效自评表 as XLSX (the edits written into it).
 * @param {Input} input @param {Edit[]} edits @param {string} profile */
export function exportXlsx(input, edits, profile) {
  return /** @type {JixiaoApi} */ (core()).exportXlsx(input, { edits, profile: profile || undefined });
}

/** The blank 自评表 template as XLSX. */
export function blankTemplate() {
  return /** @type {JixiaoApi} */ (core()).blankTemplate();
}

/** The 绩效自评报告 drafts, one per project.
 * @param {Input} input @param {Edit[]} edits @param {string} profile */
export function reportDraft(input, edits, profile) {
  return /** @type {JixiaoApi} */ (core()).reportDraft(input, { edits, profile: profile || undefined });
}

/** The report drafts as DOCX.
 * @param {Input} input @param {Edit[]} edits @param {string} profile */
export function reportDocx(input, edits, profile) {
  return /** @type {JixiaoApi} */ (core()).reportDocx(input, { edits, profile: profile || undefined });
}

/** The input with the report passages the user wrote (per project) in it.
 * @param {Input} input @param {DraftFields[]} drafts @returns {Input} */
export function withDrafts(input, drafts) {
  if (!drafts.some((d) => d && Object.keys(d).length)) return input;
  return {
    projects: input.projects.map((p, i) => {
      const d = drafts[i];
      const copy = Object.assign({}, p);
      if (d && Object.keys(d).length) copy.draft = Object.assign({}, d);
      else delete copy.draft;
      return copy;
    }),
  };
}

/**
 * The input with the page's choices written into it, as `Input::apply_edits`
 * does in the core (matched by row number, else position + 1). Kept here, at
 * the seam, until the core exports it.
 * @param {Input} input @param {Edit[]} edits @returns {Input}
 */
export function withEdits(input, edits) {
  /** @type {Input} */
  const copy = JSON.parse(JSON.stringify(input));
  edits.forEach((e) => {
    const p = copy.projects && copy.projects[e.project];
    if (!p || !p.indicators) return;
    p.indicators.forEach((ind, i) => {
      const key = ind.row !== undefined && ind.row !== null ? ind.row : i + 1;
      if (key !== e.row) return;
      if (e.level !== undefined && e.level !== null) ind.level = e.level;
      if (e.score !== undefined && e.score !== null) ind.score = e.score;
      if (e.weight !== undefined && e.weight !== null) ind.weight = e.weight;
    });
  });
  return copy;
}
