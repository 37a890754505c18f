// @ts-check
/* A project's table: the execution row, the 一级/二级 group rows with their
 * subtotals, one row per indicator, the total. Built once per table shape;
 * afterwards each row is updated in place when its own data changed, so the
 * selector or score box the user is in stays where it is. */

import { el, append, clear, setText } from '../dom.js';
import { fmt2, fmtW, lost, sig } from '../format.js';
import { LEVELS, PENDING_LEVEL, QUALITATIVE, gradeClass, statusLabel } from '../labels.js';

/** @typedef {import('../types').ProjectResult} ProjectResult */
/** @typedef {import('../types').RowResult} RowResult */
/** @typedef {import('../types').Edit} Edit */
/** @typedef {(row: number, patch: {level?: string | null, score?: string | null}) => void} OnEdit */

/** What fixes the table's structure: rows, their groups, which are qualitative.
 * @param {ProjectResult} p */
export function rowsShape(p) {
  return sig((p.rows || []).map((r) => [r.row, r.level1, r.level2, r.direction === QUALITATIVE]));
}

/**
 * @typedef {object} Slot
 * @property {string} sig
 * @property {HTMLElement} node
 * @property {(p: ProjectResult, edits: Edit[]) => unknown} data  what the slot shows
 * @property {(d: any) => HTMLElement | void} draw  a new node, or nothing when it updated its own
 */

/** @param {ProjectResult} p @param {Edit[]} edits @param {OnEdit} onEdit */
export function rowsView(p, edits, onEdit) {
  const body = el('tbody');
  /** @type {Slot[]} */
  const slots = [];
  /** @param {Slot['data']} data @param {Slot['draw']} draw */
  const slot = (data, draw) => slots.push({ sig: '', node: /** @type {any} */ (null), data, draw });

  slot((q) => q.execution, execRow);
  let last1 = /** @type {string | null} */ (null);
  let last2 = /** @type {string | null} */ (null);
  (p.rows || []).forEach((r, i) => {
    if (r.level1 !== last1) {
      last1 = r.level1;
      last2 = null;
      const l1 = r.level1;
      slot((q) => findSubtotal(q, l1, null), (s) => groupRow(l1, null, s));
    }
    if (r.level2 !== last2) {
      last2 = r.level2;
      const l1 = r.level1;
      const l2 = r.level2;
      slot((q) => findSubtotal(q, l1, l2), (s) => groupRow(l1, l2, s));
    }
    const row = indicatorRow(r.row, r.direction === QUALITATIVE, onEdit);
    slots.push({
      sig: '',
      node: row.tr,
      data: (q, ed) => {
        const x = q.rows[i];
        return { r: x, errors: (q.errors || []).filter((e) => e.row === x.row), edit: ed.find((e) => e.row === x.row) || null };
      },
      draw: (d) => { row.update(d.r, d.errors, d.edit); },
    });
    body.appendChild(row.tr);
  });
  slot((q) => ({ w: q.weight_sum, t: q.total, g: q.grade, pr: q.provisional }), totalRow);

  /** Bring every slot up to date; only those whose data changed are touched.
   * @param {ProjectResult} q @param {Edit[]} ed */
  function update(q, ed) {
    let at = /** @type {Node | null} */ (null);
    slots.forEach((s) => {
      const d = s.data(q, ed);
      const next = sig(d);
      if (next !== s.sig) {
        s.sig = next;
        const fresh = s.draw(d);
        if (fresh) {
          if (s.node && s.node.parentNode === body) body.replaceChild(fresh, s.node);
          else body.insertBefore(fresh, at ? at.nextSibling : body.firstChild);
          s.node = fresh;
        }
      }
      at = s.node;
    });
  }
  update(p, edits);

  const table = el('table', { class: 'rows-table', testid: 'rows-table' }, [
    el('colgroup', null, ['c-name', 'c-target', 'c-actual', 'c-dir', 'c-w', 'c-s', 'c-status', 'c-explain'].map((c) => el('col', { class: c }))),
    el('thead', null, [el('tr', null, [
      el('th', { text: '三级指标' }), el('th', { text: '年度指标值' }), el('th', { text: '实际完成值' }),
      el('th', { class: 'center', text: '方向' }), el('th', { class: 'num', text: '分值' }), el('th', { class: 'num', text: '得分' }),
      el('th', { class: 'center', text: '状态' }), el('th', { text: '计分说明' }),
    ])]),
    body,
  ]);
  return { node: el('div', { class: 'table-wrap' }, [table]), update };
}

/** @param {ProjectResult} p @param {string} level1 @param {string | null} level2 */
function findSubtotal(p, level1, level2) {
  return (p.subtotals || []).find((s) => s.level1 === level1 && (level2 === null ? !s.level2 : s.level2 === level2)) || null;
}

/** @param {import('../types').Execution} ex */
function execRow(ex) {
  const e = ex || /** @type {any} */ ({});
  return el('tr', { class: 'exec-row' }, [
    el('td', { text: '预算执行率' }),
    el('td', { colspan: '2', class: 'muted', text: e.rate === null || e.rate === undefined ? '未提供预算执行数据' : '执行率 ' + fmt2(e.rate) + '%' }),
    el('td', { class: 'center', text: '' }),
    el('td', { class: 'num', text: fmtW(e.weight) }),
    el('td', { class: 'num score', text: fmt2(e.score) }),
    el('td', { class: 'center', text: '' }),
    el('td', { class: 'explain', text: e.explanation || '' }),
  ]);
}

/** @param {string} level1 @param {string | null} level2 @param {import('../types').Subtotal | null} s */
function groupRow(level1, level2, s) {
  const name = level2 === null ? level1 || '（未填一级指标）' : level2 || '（未填二级指标）';
  const d = s ? lost(s.weight, s.score) : 0;
  return el('tr', { class: 'group ' + (level2 === null ? 'g1' : 'g2'), 'data-level1': level1, 'data-level2': level2 }, [
    el('td', { colspan: '4' }, [el('span', { class: 'g-name', text: name })]),
    el('td', { class: 'num', text: s ? fmtW(s.weight) : '' }),
    el('td', { class: 'num score', text: s ? fmt2(s.score) : '' }),
    el('td', { colspan: '2', class: 'muted', text: d ? '扣 ' + d.toFixed(2) + ' 分' : '' }),
  ]);
}

/** @param {{w: number, t: number, g: string, pr: boolean}} d */
function totalRow(d) {
  return el('tr', { class: 'total-row' }, [
    el('td', { colspan: '4', text: '合计' }),
    el('td', { class: 'num', text: fmtW(d.w) }),
    el('td', { class: 'num score', text: fmt2(d.t) }),
    el('td', { class: 'center' }, [el('span', { class: 'grade-chip ' + gradeClass(d.g), text: d.g || '' })]),
    el('td', { class: 'explain', text: d.pr ? '暂定：仍有待判定的定性指标' : '' }),
  ]);
}

/**
 * One indicator's row: its cells are made once and updated in place.
 * @param {number} rowNo @param {boolean} qualitative @param {OnEdit} onEdit
 */
function indicatorRow(rowNo, qualitative, onEdit) {
  const name = el('div');
  const path = el('div', { class: 'path' });
  const target = el('td', { class: 'target' });
  const actual = el('div');
  const dir = el('td');
  const weight = el('td', { class: 'num' });
  const score = el('td', { class: 'num score', testid: 'row-score' });
  const badge = el('span', { testid: 'status' });
  const explain = el('td', { class: 'explain' });
  const qual = qualitative ? qualControls(rowNo, onEdit) : null;
  const tr = el('tr', { testid: 'row', 'data-row': String(rowNo) }, [
    el('td', { class: 'name' }, [name, path]),
    target,
    el('td', { class: 'actual' }, [actual, qual && qual.node]),
    dir, weight, score,
    el('td', { class: 'center' }, [badge]),
    explain,
  ]);

  /** @param {RowResult} r @param {import('../types').Issue[]} errors @param {Edit | null} edit */
  function update(r, errors, edit) {
    const status = r.status || 'ok';
    tr.className = 'ind st-' + status;
    tr.setAttribute('data-status', status);
    setText(name, r.name || '（未填三级指标）');
    setText(path, [r.level1, r.level2].filter(Boolean).join(' › ') + ' · 第 ' + r.row + ' 行');
    setText(target, r.target || '');
    setText(actual, r.actual || '');
    dir.className = 'center dir' + (r.direction_inferred ? ' inferred' : '');
    setText(dir, r.direction ? r.direction + (r.direction_inferred ? '（推断）' : '') : '—');
    setText(weight, fmtW(r.weight));
    setText(score, status === 'error' ? '—' : fmt2(r.score));
    badge.className = 'badge b-' + status;
    setText(badge, statusLabel(status));
    clear(explain);
    append(explain, [
      r.explanation ? el('div', { text: r.explanation }) : null,
      r.stated_score !== null && r.stated_score !== undefined ? el('div', { class: 'muted', text: '表内填报得分 ' + fmt2(r.stated_score) }) : null,
      errors.map((e) => el('div', { class: 'row-error', testid: 'row-error', text: e.message })),
      (r.warnings || []).map((w) => el('div', { class: 'row-warn', text: w })),
    ]);
    if (qual) qual.update(r, edit);
  }
  return { tr, update };
}

/** The level selector and manual score box of a qualitative row.
 * @param {number} rowNo @param {OnEdit} onEdit */
function qualControls(rowNo, onEdit) {
  const auto = el('option', { value: '' });
  const sel = el('select', { testid: 'level-select', 'aria-label': '完成情况' }, [auto, LEVELS.map((l) => el('option', { value: l, text: l }))]);
  sel.addEventListener('change', () => onEdit(rowNo, { level: sel.value || null }));
  const inp = el('input', {
    type: 'text', inputmode: 'decimal', class: 'score-input', testid: 'score-input',
    'aria-label': '手动得分', placeholder: '得分',
    title: '手动填写得分（须在所选完成情况对应的分数区间内），留空则按默认分值',
  });
  // `change` comes on Enter and on leaving the box; the store ignores a value
  // it already has, so the two never score twice.
  const commit = () => onEdit(rowNo, { score: inp.value.trim() || null });
  inp.addEventListener('change', commit);
  inp.addEventListener('keydown', (/** @type {KeyboardEvent} */ ev) => { if (ev.key === 'Enter') { ev.preventDefault(); commit(); } });

  /** @param {RowResult} r @param {Edit | null} edit */
  function update(r, edit) {
    let label = '自动';
    if (r.level === PENDING_LEVEL || r.status === 'pending') label = PENDING_LEVEL + ' — 请选择';
    else if (r.level && r.level_inferred) label = '推断：' + r.level;
    else if (r.level) label = '表内：' + r.level;
    setText(auto, label);
    const level = edit && edit.level && LEVELS.indexOf(edit.level) >= 0 ? edit.level : '';
    if (sel.value !== level) sel.value = level;
    const score = edit && edit.score !== undefined && edit.score !== null ? String(edit.score) : '';
    if (inp.value.trim() !== score && document.activeElement !== inp) inp.value = score;
  }
  return { node: el('div', { class: 'qual' }, [sel, inp]), update };
}
