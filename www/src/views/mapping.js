// @ts-check
/* The column-mapping panel (INPUT.md "When the header is not recognised"):
 * when the core finds no indicator header, one select per field, prefilled
 * with the core's best guess (jixiao.guessHeader), instead of a dead end.
 * The mapping chosen is remembered for files with the same header
 * (storage.js), so the next such file reads at once. A paste with no header
 * row is mapped by column position (uncheck 「第 N 行是表头」). */

import { $, el, clear } from '../dom.js';
import { headerKey } from '../storage.js';

/** @typedef {import('../store').State} State */
/** @typedef {import('../store').Changed} Changed */
/** @typedef {import('../store').Store} Store */
/** @typedef {import('../types').HeaderGuess} HeaderGuess */

/** The fields offered, in order: the required three first. */
const FIELDS = ['name', 'target', 'actual', 'level1', 'level2', 'weight', 'score'];

/** Column letter of a 0-based index: 0 → A, 26 → AA. @param {number} i */
export function letter(i) {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** @param {Store} store */
export function mappingView(store) {
  /** @type {HeaderGuess | null} */
  let shown = null;
  /** @param {State} state @param {Changed} changed */
  function render(state, changed) {
    if (!changed.error && !changed.report) return;
    // the same guess again (a rescore that failed the same way): keep the user's selections
    if (state.guess && shown === state.guess) return;
    shown = state.guess;
    const box = $('mapping');
    clear(box);
    const g = state.guess;
    box.hidden = !g;
    if (!g) return;
    box.appendChild(panel(g));
  }

  /** @param {HeaderGuess} g */
  function panel(g) {
    const where = (g.sheet ? '工作表「' + g.sheet + '」' : '') + '第 ' + g.row + ' 行';
    const recognised = g.columns.some((c) => c.column !== null && c.column !== undefined);
    const hasHeader = el('input', { type: 'checkbox', testid: 'map-has-header' });
    hasHeader.checked = recognised;
    const note = el('p', { class: 'control-hint warn', testid: 'map-note', hidden: true });
    /** @type {Record<string, any>} */
    const selects = {};
    const rows = FIELDS.map((f) => {
      const spec = g.columns.find((c) => c.field === f);
      if (!spec) return null;
      const sel = el('select', { testid: 'map-' + f, 'aria-label': spec.name },
        [el('option', { value: '', text: spec.required ? '（请选择）' : '（无）' })].concat(
          g.cells.map((c, i) => el('option', { value: letter(i), text: letter(i) + '：' + (String(c).trim() || '（空）') })),
        ));
      if (spec.column !== null && spec.column !== undefined) sel.value = letter(spec.column);
      selects[f] = { sel, spec };
      return el('label', { class: 'map-field' }, [
        el('span', { class: 'map-name', text: spec.name + (spec.required ? '（必填）' : '') }),
        sel,
      ]);
    });
    function apply() {
      const missing = FIELDS.filter((f) => selects[f] && selects[f].spec.required && !selects[f].sel.value)
        .map((f) => '「' + selects[f].spec.name + '」');
      if (missing.length) {
        note.textContent = '请为' + missing.join('') + '选择对应的列';
        note.hidden = false;
        return;
      }
      /** @type {Record<string, string>} */
      const columns = {};
      FIELDS.forEach((f) => {
        const s = selects[f];
        if (!s || !s.sel.value) return;
        const i = g.cells.findIndex((_, k) => letter(k) === s.sel.value);
        const text = i >= 0 ? String(g.cells[i]).trim() : '';
        // by header text when the row is a header (found wherever the table
        // starts), else by position
        columns[s.spec.name] = hasHeader.checked && text ? text : s.sel.value;
      });
      store.update({ type: 'map', columns, key: headerKey(g) });
    }
    return el('section', { class: 'mapping-panel', testid: 'mapping-panel', 'aria-label': '列对应' }, [
      el('h3', { text: '指定各列对应的表头' }),
      el('p', { class: 'control-hint', text: where + '的表头未能完全识别（缺少' + g.missing.map((m) => '「' + m + '」').join('') + '）。请为必填项选择对应的列；同样表头的文件以后会自动套用这里的选择。' }),
      el('label', { class: 'map-has-header' }, [hasHeader, el('span', { text: where + '是表头（不勾选：表格没有表头，按列位置读取，从第 1 行起都是指标）' })]),
      el('div', { class: 'map-fields' }, rows),
      note,
      el('button', { type: 'button', class: 'btn primary', testid: 'map-apply', onclick: apply, text: '按此对应读取' }),
    ]);
  }

  return { render };
}
