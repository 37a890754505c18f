// @ts-check
/* The page's only way to the core: window.jixiao (www/loader.js around the
 * wasm-bindgen glue of src/wasm/exports.rs). Every call looks window.jixiao up at
 * call time, so a re-instantiated core (after a trap) is always the live one.
 * Later this is the seam for a Web Worker: the store only sees these calls. */

/** @typedef {import('./types').Report} Report */
/** @typedef {import('./types').Input} Input */
/** @typedef {import('./types').Edit} Edit */
/** @typedef {import('./types').DraftFields} DraftFields */
/** @typedef {import('./types').Profile} Profile */
/** @typedef {import('./types').Encoding} Encoding */
/** @typedef {import('./types').JixiaoApi} JixiaoApi */
/** @typedef {import('./types').HeaderGuess} HeaderGuess */
/** @typedef {{kind: 'text', text: string} | {kind: 'file', name: string, bytes: Uint8Array}} Source */
/** @typedef {{encoding: Encoding, profile?: string, columns?: Record<string, string>}} ReadOpts */

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

/** The id of the profile edited in the page (`Profile::customized`). */
export const CUSTOM = 'custom';

/** @type {Profile | null} */
let custom = null;

/** The profile edited in the page: the core is given it where the page names CUSTOM.
 * @param {Profile | null} profile */
export function useCustom(profile) { custom = profile; }

/** What the core is given for a profile id: the 自定义 profile itself, or the built-in's id.
 * @param {string | undefined} id @returns {string | Profile | undefined} */
export function profileArg(id) { return id === CUSTOM && custom ? custom : id || undefined; }

/** S36: the rule editor's check of an edited profile: each refused setting, [] when it can be used.
 * @param {Profile} profile @returns {import('./types').ProfileIssue[]} */
export function checkProfile(profile) { return /** @type {JixiaoApi} */ (core()).checkProfile(profile); }

/** The page's 自定义 copy of a profile (named after the one it starts from); throws when invalid.
 * @param {Profile} profile @returns {Profile} */
export function customProfile(profile) { return /** @type {JixiaoApi} */ (core()).customProfile(profile); }

/** A profile file's text, read as the CLI's --profile FILE reads it. @param {string} text @returns {Profile} */
export function readProfile(text) { return /** @type {JixiaoApi} */ (core()).readProfile(text); }

/** The name users see for a profile id (the 自定义 one's own name), else the id.
 * @param {string} id */
export function profileName(id) {
  if (id === CUSTOM && custom) return custom.name;
  const hit = profiles().find((p) => p.id === id);
  return hit ? hit.name : id;
}

/** @returns {Profile[]} */
export function profiles() {
  const j = core();
  try { return (j && j.profiles()) || []; } catch (e) { return []; }
}

/**
 * What the user gave, read into the core's Input.
 * @param {Source} source @param {ReadOpts} opts
 * @returns {Input}
 */
export function read(source, opts) {
  const j = /** @type {JixiaoApi} */ (core());
  if (source.kind === 'text') return j.readInput(source.text, PASTE_NAME, textOpts(opts));
  return j.readInput(source.bytes, source.name, opts);
}

/**
 * The best-guess header of a source whose header was not recognised.
 * @param {Source} source @param {ReadOpts} opts
 * @returns {HeaderGuess | null}
 */
export function guess(source, opts) {
  const j = /** @type {JixiaoApi} */ (core());
  if (source.kind === 'text') return j.guessHeader(source.text, PASTE_NAME, textOpts(opts));
  return j.guessHeader(source.bytes, source.name, opts);
}

/** Pasted text is already Unicode and goes to the core as UTF-8: the
 * encoding selector is for files only. @param {ReadOpts} opts */
function textOpts(opts) {
  return Object.assign({}, opts, { encoding: /** @type {Encoding} */ ('utf8') });
}

/** @param {Input} input @param {Edit[]} edits @param {string} profile @returns {Report} */
export function score(input, edits, profile) {
  return /** @type {JixiaoApi} */ (core()).scoreInput(input, { edits, profile: profileArg(profile) });
}

/** The scores as CSV for Excel/WPS (UTF-8 with BOM, formula cells defused by the core).
 * @param {Input} input @param {Edit[]} edits @param {string} profile */
export function exportCsv(input, edits, profile) {
  return /** @type {JixiaoApi} */ (core()).exportCsv(input, { edits, profile: profileArg(profile) });
}

/** The 项目支出绩效自评表 as XLSX (the edits written into it).
 * @param {Input} input @param {Edit[]} edits @param {string} profile */
export function exportXlsx(input, edits, profile) {
  return /** @type {JixiaoApi} */ (core()).exportXlsx(input, { edits, profile: profileArg(profile) });
}

/** The overview of a collection as XLSX (one 汇总 sheet).
 * @param {import('./types').OverviewLine[]} lines */
export function exportOverviewXlsx(lines) {
  return /** @type {JixiaoApi} */ (core()).exportOverviewXlsx(lines);
}

/** The blank 自评表 template as XLSX. */
export function blankTemplate() {
  return /** @type {JixiaoApi} */ (core()).blankTemplate();
}

/** The blank 自评表 template as CSV (UTF-8 with BOM; the core module, as exportCsv). */
export function blankTemplateCsv() {
  return /** @type {JixiaoApi} */ (core()).blankTemplateCsv();
}

/** The 绩效自评报告 drafts, one per project.
 * @param {Input} input @param {Edit[]} edits @param {string} profile */
export function reportDraft(input, edits, profile) {
  return /** @type {JixiaoApi} */ (core()).reportDraft(input, { edits, profile: profileArg(profile) });
}

/** The report drafts as DOCX.
 * @param {Input} input @param {Edit[]} edits @param {string} profile */
export function reportDocx(input, edits, profile) {
  return /** @type {JixiaoApi} */ (core()).reportDocx(input, { edits, profile: profileArg(profile) });
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

/** The input with the page's edits written into it, by the core (`Input::apply_edits`).
 * @param {Input} input @param {Edit[]} edits @returns {Input} */
export function withEdits(input, edits) {
  return /** @type {JixiaoApi} */ (core()).applyEdits(input, { edits });
}

/** The bands of the qualitative levels for a row of this weight, in words.
 * @param {number} weight @param {string} profile @returns {string[]} */
export function bands(weight, profile) {
  const j = core();
  try { return (j && j.bands(weight, { profile: profileArg(profile) })) || []; } catch (e) { return []; }
}

/** The words for statuses, levels, directions, findings and the profile's grades.
 * @param {string} profile @returns {import('./types').Labels | null} */
export function labels(profile) {
  const j = core();
  try { return (j && j.labels({ profile: profileArg(profile) })) || null; } catch (e) { return null; }
}
