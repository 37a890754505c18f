// @ts-check
/* What the page keeps in localStorage between visits: the paste box, the
 * file's parsed input (never its bytes), the user's choices and settings.
 *
 * Keys carry the schema version: jixiao:v2:text, source, fileName, input,
 * edits, drafts, profile, encoding, mappings (the column mappings chosen,
 * by header: INPUT.md) and customProfile (the rule editor's 自定义 profile,
 * S36). What cannot be read — the unversioned keys of earlier pages, a
 * corrupted value — is set aside under jixiao:backup:… (never deleted,
 * offered as a download) and the page opens without it. Keys of a newer
 * schema (jixiao:v3:…) belong to a newer page: left as they are.
 * Storage full: what the newest state could not save is said, and its older
 * value is removed, so a later visit never restores an older input. */

import { EDIT_FIELDS } from './edits.js';

/** @typedef {import('./store').State} State */

export const SCHEMA = 2;
const ROOT = 'jixiao:';
const PREFIX = ROOT + 'v' + SCHEMA + ':';
const BACKUP = ROOT + 'backup:';
/** The keys of the unversioned (schema 1) page. */
const LEGACY = ['text', 'source', 'fileName', 'input', 'edits', 'profile', 'encoding', 'drafts', 'mappings'];
/** Column mappings kept (the most recent ones). */
const MAX_MAPPINGS = 20;
const ENCODINGS = /^(auto|utf8|gbk|utf16le|utf16be)$/;

/** What each key holds, in words (notices). @type {Record<string, string>} */
const WHAT = {
  text: '粘贴内容', source: '输入来源', fileName: '文件名', input: '文件的读取结果', edits: '修改和判定',
  drafts: '报告段落', profile: '规则选择', encoding: '编码设置', mappings: '列对应',
  customProfile: '自定义评分规则',
};

/** @returns {Storage | null} */
function ls() {
  try { return window.localStorage || null; } catch (e) { return null; }
}

/** @param {string} key */
function get(key) {
  const s = ls();
  try { return s ? s.getItem(PREFIX + key) : null; } catch (e) { return null; }
}

/** Write (or remove, for null) one key of the current schema; false when refused.
 * @param {string} key @param {string | null | undefined} value @returns {boolean} */
function set(key, value) {
  return setRaw(PREFIX + key, value);
}

/** @param {string} name @param {string | null | undefined} value */
function setRaw(name, value) {
  const s = ls();
  if (!s) return false;
  try {
    if (value === null || value === undefined) s.removeItem(name);
    else s.setItem(name, value);
    return true;
  } catch (e) {
    return false;
  }
}

/** Is localStorage usable at all (it throws in some locked-down set-ups)? */
export function available() {
  return !!ls();
}

/** All the page's key names (any schema, backups). */
function ownKeys() {
  const s = ls();
  /** @type {string[]} */
  const names = [];
  try {
    for (let i = 0; s && i < s.length; i++) {
      const k = s.key(i);
      if (k && k.indexOf(ROOT) === 0) names.push(k);
    }
  } catch (e) { /* none */ }
  return names;
}

/** Save the state. Removals first (an input no longer current frees its
 * space), then the newest input, then the rest; a value the browser refuses
 * removes its older one. @param {State} s
 * @returns {string[]} what could not be saved, in words ([] when all was) */
export function save(s) {
  const file = s.source === 'file';
  /** @type {Array<[string, () => string | null]>} */
  const entries = [
    ['source', () => s.source],
    ['fileName', () => (file ? s.fileName : null)],
    ['input', () => {
      const inp = file ? s.input || s.fileInput : null;
      return inp ? JSON.stringify(inp) : null;
    }],
    ['text', () => s.text || null],
    ['edits', () => (s.edits.length ? JSON.stringify(s.edits) : null)],
    ['drafts', () => (s.drafts.some((d) => d && Object.keys(d).length) ? JSON.stringify(s.drafts) : null)],
    ['profile', () => s.profile || null],
    ['encoding', () => (s.encoding !== 'auto' ? s.encoding : null)],
  ];
  if (!file) entries.unshift(entries.splice(3, 1)[0]); // the paste box is the newest input
  /** @type {Array<[string, string | null | undefined]>} */
  const values = entries.map(([k, f]) => {
    try { return [k, f()]; } catch (e) { return [k, undefined]; } // (a value JSON cannot write)
  });
  /** @type {string[]} */
  const failed = [];
  values.filter((v) => v[1] === null).concat(values.filter((v) => v[1] !== null)).forEach(([k, v]) => {
    if (v !== undefined && set(k, v)) return;
    set(k, null);
    failed.push(WHAT[k]);
  });
  return failed;
}

/**
 * What was saved, as a partial state, and what was set aside.
 * @returns {{state: Partial<State>, aside: string[], newer: boolean, lostFile: string}}
 *   aside: what could not be read (in words; kept under a backup key);
 *   newer: a newer page's data is present (left alone);
 *   lostFile: the name of a file whose input could not be saved last time
 */
export function load() {
  /** @type {Partial<State>} */
  const out = {};
  /** @type {string[]} */
  const aside = [];
  const keys = ownKeys();
  setAsideLegacy(keys, aside);
  const newer = keys.some((k) => {
    const m = /^jixiao:v(\d+):/.exec(k);
    return !!m && Number(m[1]) > SCHEMA;
  });
  /** Read a key; a value that does not parse is set aside.
   * @template T @param {string} key @param {(raw: string) => T | undefined} parse @returns {T | undefined} */
  const read = (key, parse) => {
    const raw = get(key);
    if (raw === null) return undefined;
    let v;
    try { v = parse(raw); } catch (e) { v = undefined; }
    if (v === undefined) setAside(key, raw, aside);
    return v;
  };
  const text = read('text', (r) => r);
  const profile = read('profile', (r) => r);
  const encoding = read('encoding', (r) => (ENCODINGS.test(r) ? /** @type {any} */ (r) : undefined));
  const source = read('source', (r) => (/^(none|text|file)$/.test(r) ? r : undefined));
  const edits = read('edits', (r) => {
    const list = JSON.parse(r);
    return Array.isArray(list) && list.every(isEdit) ? list : undefined;
  });
  const drafts = read('drafts', (r) => {
    const list = JSON.parse(r);
    return Array.isArray(list) && list.every((d) => d === null || isStrings(d)) ? list.map((d) => d || {}) : undefined;
  });
  if (text) out.text = text;
  if (profile) out.profile = profile;
  if (encoding) out.encoding = encoding;
  if (edits) out.edits = edits;
  if (drafts) out.drafts = drafts;
  let lostFile = '';
  if (source === 'file') {
    const fileName = read('fileName', (r) => r) || '文件';
    const input = read('input', (r) => {
      const v = JSON.parse(r);
      return v && typeof v === 'object' && Array.isArray(v.projects) ? v : undefined;
    });
    if (input) Object.assign(out, { fileInput: input, fileName, source: 'file' });
    else lostFile = fileName;
  }
  if (!out.source) {
    // the choices were made on the file that is gone: they do not carry to the paste box
    if (source === 'file') { delete out.edits; delete out.drafts; }
    else if (out.text && out.text.trim()) out.source = 'text';
  }
  read('mappings', (r) => (mappingList(r) ? r : undefined));
  // the 自定义 profile: JSON that does not parse is set aside here; one the core
  // refuses stays where it is, unused, and the rule editor says why
  const custom = read('customProfile', (r) => {
    const p = JSON.parse(r);
    return p && typeof p === 'object' && !Array.isArray(p) ? /** @type {import('./types').Profile} */ (p) : undefined;
  });
  out.custom = custom || null;
  return { state: out, aside, newer, lostFile };
}

/** @param {any} e */
function isEdit(e) {
  const whole = (/** @type {any} */ n) => typeof n === 'number' && n >= 0 && Math.floor(n) === n;
  return !!e && typeof e === 'object' && whole(e.project) && whole(e.row) &&
    Object.keys(e).every((k) => k === 'project' || k === 'row' || (EDIT_FIELDS.indexOf(k) >= 0 && typeof e[k] === 'string'));
}

/** @param {any} o */
function isStrings(o) {
  return !!o && typeof o === 'object' && !Array.isArray(o) && Object.keys(o).every((k) => typeof o[k] === 'string');
}

/** Move a value to a backup key (kept, not deleted): under the key it had
 * when the backup cannot be written (storage full), and read no more now.
 * @param {string} key @param {string} raw @param {string[]} aside */
function setAside(key, raw, aside) {
  if (backup('v' + SCHEMA + '-' + key, raw)) set(key, null);
  aside.push(WHAT[key] || key);
}

/** The unversioned keys of the earlier page: all of them, as one JSON
 * object, to one backup key. @param {string[]} keys @param {string[]} aside */
function setAsideLegacy(keys, aside) {
  const old = LEGACY.filter((k) => keys.indexOf(ROOT + k) >= 0);
  if (!old.length) return;
  const s = /** @type {Storage} */ (ls());
  /** @type {Record<string, string | null>} */
  const data = {};
  old.forEach((k) => { try { data[k] = s.getItem(ROOT + k); } catch (e) { data[k] = null; } });
  if (backup('v1', JSON.stringify(data))) old.forEach((k) => setRaw(ROOT + k, null));
  aside.push('旧版本页面保存的数据');
}

/** Write a backup under a name not yet used. @param {string} name @param {string} raw */
function backup(name, raw) {
  const keys = ownKeys();
  let key = BACKUP + name;
  for (let n = 2; keys.indexOf(key) >= 0; n++) key = BACKUP + name + '-' + n;
  return setRaw(key, raw);
}

/** The values set aside, by key (for the download). @returns {Record<string, string>} */
export function backups() {
  const s = ls();
  /** @type {Record<string, string>} */
  const out = {};
  ownKeys().filter((k) => k.indexOf(BACKUP) === 0).forEach((k) => {
    try { out[k] = (s && s.getItem(k)) || ''; } catch (e) { /* unreadable now */ }
  });
  return out;
}

/** Remove everything the page saved (any schema, and the backups). */
export function clearAll() {
  const s = ls();
  if (!s) return false;
  try {
    ownKeys().forEach((k) => s.removeItem(k));
    return true;
  } catch (e) {
    return false;
  }
}

/** What identifies "the same header": its cells, trimmed.
 * @param {import('./types').HeaderGuess} g */
export function headerKey(g) {
  return (g.sheet || '') + '\u0002' + g.cells.map((c) => String(c).trim()).join('\u0001');
}

/** @param {string} raw @returns {Array<[string, Record<string, string>]> | null} */
function mappingList(raw) {
  const list = JSON.parse(raw);
  return Array.isArray(list) && list.every((m) => Array.isArray(m) && typeof m[0] === 'string' && isStrings(m[1])) ? list : null;
}

/** @returns {Array<[string, Record<string, string>]>} */
function mappings() {
  try { return mappingList(get('mappings') || '[]') || []; } catch (e) { return []; }
}

/** The column mapping chosen before for this header, or null. @param {string} key */
export function mapping(key) {
  const found = mappings().find((m) => m[0] === key);
  return found ? found[1] : null;
}

/** Remember a column mapping for files with this header.
 * @param {string} key @param {Record<string, string>} columns */
export function rememberMapping(key, columns) {
  const rest = mappings().filter((m) => m[0] !== key);
  return set('mappings', JSON.stringify([[key, columns]].concat(rest).slice(0, MAX_MAPPINGS)));
}

/** Keep the 自定义 profile; false when the browser refused.
 * @param {import('./types').Profile} profile */
export function saveCustomProfile(profile) {
  return set('customProfile', JSON.stringify(profile));
}

/** The key the tabs talk through (tabs.js): a storage event in the others. */
export const TAB_KEY = PREFIX + 'tab';
