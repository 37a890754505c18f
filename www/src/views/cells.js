// @ts-check
/* Editable cells of the result table (issue 11): 年度指标值, 实际完成值,
 * 分值 and 偏差原因. A cell shows the edited value, marks an edit (the
 * file's value on hover), and shows the core's message inline when the store
 * refused a value (the row keeps its last good score). */

import { el, marks, setText } from '../dom.js';

/** @typedef {(row: number, patch: Record<string, string | null>) => void} OnEdit */

/**
 * @typedef {object} CellState
 * @property {string} value      what the cell shows (the edit, else the file's)
 * @property {string} original   the file's value
 * @property {boolean} edited
 * @property {{value: string, message: string} | null} refused
 */

/**
 * @param {string} field  the `Edit` field (target, actual, weight, reason)
 * @param {string} label  the column's name, for screen readers and messages
 * @param {number} rowNo @param {OnEdit} onEdit
 * @param {{multiline?: boolean, numeric?: boolean}} [opts]
 */
export function editCell(field, label, rowNo, onEdit, opts) {
  const o = opts || {};
  const input = /** @type {HTMLInputElement | HTMLTextAreaElement} */ (el(o.multiline ? 'textarea' : 'input', {
    class: 'cell-input' + (o.numeric ? ' num' : ''), testid: 'cell-' + field,
    'aria-label': label + '（第 ' + rowNo + ' 行）', rows: o.multiline ? '1' : null,
    type: o.multiline ? null : 'text', inputmode: o.numeric ? 'decimal' : null,
  }));
  const msg = el('div', { class: 'row-error cell-msg', testid: 'cell-refused', role: 'alert' });
  msg.hidden = true;
  let original = '';
  let shown = '';
  // The box shows control and bidi characters as visible marks (an RLO
  // would reverse the cell's text); a value left as shown is not an edit.
  const commit = () => {
    const v = input.value;
    if (v === marks(shown)) return;
    // Back to the file's value: the edit of this field is taken away.
    onEdit(rowNo, { [field]: v === marks(original) ? null : v });
  };
  input.addEventListener('change', commit);
  input.addEventListener('keydown', (/** @type {any} */ ev) => {
    if (ev.key === 'Enter' && !o.multiline) { ev.preventDefault(); commit(); }
    if (ev.key === 'Escape') { input.value = marks(shown); }
  });

  /** @param {CellState} s */
  function update(s) {
    original = s.original;
    shown = s.value;
    input.setAttribute('data-shown', s.value);
    const typed = marks(s.refused ? s.refused.value : s.value);
    if (input.value !== typed && (document.activeElement !== input || s.refused)) input.value = typed;
    input.classList.toggle('edited', s.edited);
    input.setAttribute('title', marks(s.edited ? '已修改，原值：' + (s.original || '（空）') : '点击修改' + label));
    input.setAttribute('aria-invalid', s.refused ? 'true' : 'false');
    msg.hidden = !s.refused;
    setText(msg, s.refused ? '未采用“' + s.refused.value + '”：' + s.refused.message : '');
  }
  return { node: el('div', { class: 'cell-edit' }, [input, msg]), input, update };
}

/** The file's value of a row's field, from the input the page read.
 * @param {import('../types').Input | null} input @param {number} project @param {number} row @param {string} field */
export function originalValue(input, project, row, field) {
  const p = input && input.projects && input.projects[project];
  if (!p) return '';
  const ind = (p.indicators || []).find((x, i) => (x.row !== undefined && x.row !== null ? x.row : i + 1) === row);
  const v = ind ? /** @type {any} */ (ind)[field] : null;
  return v === undefined || v === null ? '' : String(v);
}
