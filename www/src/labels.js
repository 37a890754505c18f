// @ts-check
/* The words for the core's typed values, from the core (`labels` in
 * src/wasm/exports.rs, `explain::labels` in Rust): statuses, the qualitative levels,
 * directions as 指标性质, finding kinds and the current profile's grades.
 * No table here is scoring knowledge: until the core has answered, ids are
 * shown as they are. */

import * as api from './api.js';

/** @typedef {import('./types').Labels} Labels */

/** @type {Labels | null} */
let current = null;
let currentProfile = /** @type {string | null} */ (null);

/** Ask the core for the labels of `profile` (once per profile id).
 * @param {string} profile */
export function load(profile) {
  if (current && currentProfile === profile) return;
  const next = api.labels(profile);
  if (next) { current = next; currentProfile = profile; bandCache = {}; }
}

/** The 自定义 profile changed under the same id: ask the core again. */
export function forget() { current = null; currentProfile = null; bandCache = {}; }

/** The core's words and place for a finding kind. @param {string} kind */
function findingInfo(kind) {
  return current ? current.findings.find((l) => l.id === kind) : undefined;
}

/** Where a finding is shown in the table: 'exec', 'total', an indicator's row number, or null (the whole form).
 * @param {import('./types').Finding} f @returns {string | null} */
export function findingPlace(f) {
  const info = findingInfo(f.kind);
  if (info && info.place === 'execution') return 'exec';
  if (info && info.place === 'total') return 'total';
  return f.row === null || f.row === undefined ? null : String(f.row);
}

/** Whether a finding says a stated 得分 differs from the rules' (the 填报得分 cell is coloured). @param {string} kind */
export function isStatedScore(kind) {
  const info = findingInfo(kind);
  return !!(info && info.stated_score);
}

/** @param {{id: string, label: string}[] | undefined} list @param {string} id */
function find(list, id) {
  const hit = (list || []).find((l) => l.id === id);
  return hit ? hit.label : id;
}

/** @type {Record<string, string[]>} */
let bandCache = {};

/** The qualitative bands for a row of weight `w`, in words ("部分达成：4.5 分至 6 分（不含 6 分）").
 * @param {number} w */
export function bands(w) {
  const key = String(w);
  if (!bandCache[key]) bandCache[key] = api.bands(w, currentProfile || '');
  return bandCache[key];
}

/** The levels a user may choose for a qualitative row, in order. */
export function levels() { return current ? current.levels : []; }

/** The level of a qualitative row not yet judged (待判定). */
export function pendingLevel() { return current ? current.pending : 'pending'; }

/** `rows[].direction` of qualitative rows. */
export function qualitative() { return current ? current.qualitative : ''; }

/** @param {string} status */
export function statusLabel(status) { return find(current ? current.statuses : undefined, status); }

/** @param {string} kind */
export function findingLabel(kind) { return find(current ? current.findings : undefined, kind) || ''; }

/** A row's direction as 指标性质. @param {string} direction */
export function directionLabel(direction) { return find(current ? current.directions : undefined, direction); }

/** Grade → CSS class by its rank in the profile (best first: grade-a…grade-d).
 * @param {string | null | undefined} grade @param {{grade: string}[]} [grades] another profile's grades */
export function gradeClass(grade, grades) {
  const list = grades || (current ? current.grades : []);
  const i = list.findIndex((g) => g.grade === grade);
  return i < 0 ? '' : 'grade-' + 'abcd'.charAt(Math.min(i, 3));
}
