// @ts-check
/* What the page keeps in localStorage between visits: the paste box, the
 * file's parsed input (never its bytes), the user's choices and settings.
 * Keys: jixiao:text, source, fileName, input, edits, profile, encoding, and
 * mappings (the column mappings chosen, by header: INPUT.md), customProfile
 * (the rule editor's 自定义 profile, S36). */

/** @typedef {import('./store').State} State */

const PREFIX = 'jixiao:';
const KEYS = ['text', 'source', 'fileName', 'input', 'edits', 'profile', 'encoding', 'drafts', 'mappings', 'customProfile'];
/** Column mappings kept (the most recent ones). */
const MAX_MAPPINGS = 20;
const ENCODINGS = /^(auto|utf8|gbk|utf16le|utf16be)$/;

/** @param {string} key */
function get(key) {
  try { return window.localStorage.getItem(PREFIX + key); } catch (e) { return null; }
}

/** @param {string} key @param {string | null | undefined} value @returns {boolean} */
function set(key, value) {
  try {
    if (value === null || value === undefined) window.localStorage.removeItem(PREFIX + key);
    else window.localStorage.setItem(PREFIX + key, value);
    return true;
  } catch (e) {
    return false;
  }
}

/** Is localStorage usable at all (it throws in some locked-down set-ups)? */
export function available() {
  try { return !!window.localStorage; } catch (e) { return false; }
}

/** Save the state; false when the browser refused (or storage is full). @param {State} s */
export function save(s) {
  let ok = true;
  ok = set('text', s.text || null) && ok;
  ok = set('source', s.source) && ok;
  ok = set('fileName', s.source === 'file' ? s.fileName : null) && ok;
  ok = set('edits', s.edits.length ? JSON.stringify(s.edits) : null) && ok;
  ok = set('drafts', s.drafts.some((d) => d && Object.keys(d).length) ? JSON.stringify(s.drafts) : null) && ok;
  ok = set('profile', s.profile || null) && ok;
  ok = set('encoding', s.encoding !== 'auto' ? s.encoding : null) && ok;
  if (s.source === 'file') {
    const inp = s.input || s.fileInput;
    let saved;
    try { saved = set('input', inp ? JSON.stringify(inp) : null); } catch (e) { saved = false; }
    if (!saved) set('input', null);
    ok = ok && saved;
  } else {
    ok = set('input', null) && ok;
  }
  return ok;
}

/** What was saved, as a partial state (corrupted parts are left out).
 * @returns {Partial<State>} */
export function load() {
  /** @type {Partial<State>} */
  const out = {};
  const text = get('text');
  const profile = get('profile');
  const encoding = get('encoding');
  const edits = get('edits');
  if (text) out.text = text;
  if (profile) out.profile = profile;
  if (encoding && ENCODINGS.test(encoding)) out.encoding = /** @type {any} */ (encoding);
  if (edits) {
    try {
      const list = JSON.parse(edits);
      if (Array.isArray(list)) out.edits = list.filter((e) => e && typeof e === 'object');
    } catch (e) { /* a corrupted list is dropped */ }
  }
  const drafts = get('drafts');
  if (drafts) {
    try {
      const list = JSON.parse(drafts);
      if (Array.isArray(list)) out.drafts = list.map((d) => (d && typeof d === 'object' ? d : {}));
    } catch (e) { /* a corrupted list is dropped */ }
  }
  const inputJson = get('input');
  if (get('source') === 'file' && inputJson) {
    try {
      out.fileInput = JSON.parse(inputJson);
      out.fileName = get('fileName') || '文件';
      out.source = 'file';
    } catch (e) { /* a corrupted input is dropped */ }
  }
  if (out.source !== 'file' && out.text && out.text.trim()) out.source = 'text';
  return out;
}

/** Remove everything the page saved. */
export function clearAll() {
  try {
    const names = [];
    for (let i = 0; i < window.localStorage.length; i++) {
      const k = window.localStorage.key(i);
      if (k && k.indexOf(PREFIX) === 0) names.push(k);
    }
    names.forEach((k) => window.localStorage.removeItem(k));
    KEYS.forEach((k) => window.localStorage.removeItem(PREFIX + k));
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

/** @returns {Array<[string, Record<string, string>]>} */
function mappings() {
  try {
    const list = JSON.parse(get('mappings') || '[]');
    return Array.isArray(list) ? list.filter((m) => Array.isArray(m) && typeof m[0] === 'string' && m[1] && typeof m[1] === 'object') : [];
  } catch (e) {
    return [];
  }
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

/** The rule editor's 自定义 profile saved before (checked by the core once it is ready), or null.
 * @returns {import('./types').Profile | null} */
export function customProfile() {
  try {
    const p = JSON.parse(get('customProfile') || 'null');
    return p && typeof p === 'object' && !Array.isArray(p) ? p : null;
  } catch (e) {
    return null;
  }
}

/** Keep the 自定义 profile; false when the browser refused.
 * @param {import('./types').Profile} profile */
export function saveCustomProfile(profile) {
  return set('customProfile', JSON.stringify(profile));
}
