// @ts-check
/* The controls of a qualitative row (issue 11): the level selector with the
 * bands in words beside it, the manual score box, a 人工判定 mark when the
 * user chose the level and a control to take the choice back (the edit is
 * removed; 撤销 brings it back), and the optional 判定依据 note, kept with
 * the edits. What a level scores is the core's: the bands come from it. */

import { el, setText } from '../dom.js';
import { editCell } from './cells.js';
import { bands, levels, pendingLevel } from '../labels.js';

/** @typedef {import('../types').RowResult} RowResult */
/** @typedef {import('../types').Edit} Edit */
/** @typedef {(row: number, patch: Record<string, string | null>) => void} OnEdit */
/** @typedef {import('./cells.js').CellState} CellState */

/** @param {number} rowNo @param {OnEdit} onEdit */
export function qualControls(rowNo, onEdit) {
  const at = '（第 ' + rowNo + ' 行）';
  const auto = el('option', { value: '' });
  const sel = el('select', { testid: 'level-select', 'aria-label': '完成情况' + at }, [auto, levels().map((l) => el('option', { value: l, text: l }))]);
  sel.addEventListener('change', () => onEdit(rowNo, { level: sel.value || null }));
  const chosen = el('span', { class: 'chosen-mark', testid: 'chosen', text: '人工判定' });
  const reset = el('button', {
    type: 'button', class: 'btn btn-small btn-quiet reset-level', testid: 'reset-level', text: '撤销判定',
    'aria-label': '撤销判定' + at + '，恢复待判定',
    onclick: () => onEdit(rowNo, { level: null, score: null, basis: null }),
  });
  const inp = el('input', {
    type: 'text', inputmode: 'decimal', class: 'score-input', testid: 'score-input',
    'aria-label': '手动得分' + at, placeholder: '得分',
    title: '手动填写得分（须在所选完成情况对应的分数区间内），留空则按默认分值',
  });
  // `change` comes on Enter and on leaving the box; the store ignores a value
  // it already has, so the two never score twice.
  const commit = () => onEdit(rowNo, { score: inp.value.trim() || null });
  inp.addEventListener('change', commit);
  inp.addEventListener('keydown', (/** @type {KeyboardEvent} */ ev) => { if (ev.key === 'Enter') { ev.preventDefault(); commit(); } });

  const msg = el('div', { class: 'row-error cell-msg', testid: 'score-refused', role: 'alert' });
  msg.hidden = true;
  const bandList = el('div', { class: 'bands muted', testid: 'bands' });
  const basis = editCell('basis', '判定依据', rowNo, onEdit, { multiline: true });
  basis.input.placeholder = '判定依据（选填）';
  const node = el('div', { class: 'qual' }, [
    el('div', { class: 'qual-line' }, [sel, inp, chosen, reset]),
    msg, bandList,
    el('div', { class: 'basis', testid: 'basis' }, [basis.node]),
  ]);

  /** @param {RowResult} r @param {Edit | null} edit @param {CellState['refused']} refused @param {CellState} basisCell */
  function update(r, edit, refused, basisCell) {
    const picked = !!(edit && edit.level && levels().indexOf(edit.level) >= 0);
    let label = '自动';
    if (picked) label = '恢复自动判定';
    else if (r.level === pendingLevel() || r.status === 'pending') label = pendingLevel() + ' — 请选择';
    else if (r.level && r.level_inferred) label = '推断：' + r.level;
    else if (r.level) label = '表内：' + r.level;
    setText(auto, label);
    const level = picked && edit ? /** @type {string} */ (edit.level) : '';
    if (sel.value !== level) sel.value = level;
    chosen.hidden = !picked;
    reset.hidden = !(edit && (edit.level || edit.score || edit.basis));
    node.classList.toggle('is-chosen', picked);
    const score = edit && edit.score !== undefined && edit.score !== null ? String(edit.score) : '';
    if (refused) inp.value = refused.value;
    else if (inp.value.trim() !== score && document.activeElement !== inp) inp.value = score;
    inp.setAttribute('aria-invalid', refused ? 'true' : 'false');
    msg.hidden = !refused;
    setText(msg, refused ? '未采用“' + refused.value + '”：' + refused.message : '');
    setText(bandList, '可填得分 ' + bands(r.weight).join('；'));
    basis.update(basisCell);
  }
  return { node, update };
}
