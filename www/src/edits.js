// @ts-check
/* The user's choices (model::Edit): one row's choice changed, and the choices
 * that still belong to a table read again. */

/** @typedef {import('./types').Edit} Edit */
/** @typedef {import('./types').Input} Input */

/** The fields of an `Edit` the user may set (model::Edit). */
export const EDIT_FIELDS = ['level', 'score', 'weight', 'target', 'actual', 'reason', 'basis'];

/**
 * The edit list with one row's choice changed; the same list when nothing changes.
 * @param {Edit[]} edits @param {number} project @param {number} row
 * @param {Record<string, string | null | undefined>} patch
 * @returns {Edit[]}
 */
export function patched(edits, project, row, patch) {
  const old = edits.find((e) => e.project === project && e.row === row);
  /** @type {any} */
  const e = Object.assign({ project, row }, old);
  Object.keys(patch).forEach((k) => {
    const v = patch[k];
    if (v === null || v === undefined || v === '') delete e[k];
    else e[k] = v;
  });
  if (old && EDIT_FIELDS.every((k) => /** @type {any} */ (old)[k] === e[k])) return edits;
  const rest = edits.filter((x) => x !== old);
  if (EDIT_FIELDS.every((k) => e[k] === undefined)) return old ? rest : edits;
  return old ? edits.map((x) => (x === old ? e : x)) : edits.concat([e]);
}

/** The edits that still belong to the table: an edit whose row is gone, or
 * now holds another indicator than in `old`, is not (with no `old`, as
 * after a restore: those whose row is gone).
 * @param {Edit[]} edits @param {Input | null} old @param {Input} now @returns {Edit[]} */
export function ownEdits(edits, old, now) {
  /** @param {Input} input @param {Edit} e */
  const nameAt = (input, e) => {
    const p = input.projects[e.project];
    const ind = p && (p.indicators || []).find((x, i) => (x.row !== undefined && x.row !== null ? x.row : i + 1) === e.row);
    return ind ? ind.name : null;
  };
  return edits.filter((e) => nameAt(now, e) !== null && (!old || nameAt(now, e) === nameAt(old, e)));
}
