// @ts-check
/* A project's table: the execution row, the 一级/二级 group rows with their
 * subtotals, one row per indicator, the total. Built once per table shape;
 * afterwards each row is updated in place when its own data changed, so the
 * selector or score box the user is in stays where it is.
 *
 * 复核 (issue 10): when the form states scores, a 填报得分 column stands
 * beside 得分; a row with findings is coloured, its stated figure carries the
 * difference, and its findings are listed in the row. In 复核 mode (a class
 * on the table) only the rows with findings show. */

import { el, append, clear, setText } from '../dom.js';
import { editCell } from './cells.js';
import { qualControls } from './qual.js';
import { fmt2, fmtW, lost, sig } from '../format.js';
import { directionLabel, findingLabel, findingPlace, gradeClass, isStatedScore, qualitative, statusLabel } from '../labels.js';

/** @typedef {import('../types').ProjectResult} ProjectResult */
/** @typedef {import('../types').RowResult} RowResult */
/** @typedef {import('../types').Edit} Edit */
/** @typedef {(row: number, patch: Record<string, string | null>) => void} OnEdit */
/** @typedef {(row: number, field: string) => import('./cells.js').CellState} CellInfo  a cell's value, original and refusal */
/** @typedef {import('../types').Finding} Finding */
/**
 * @typedef {object} RowData  what an indicator row shows
 * @property {RowResult} r
 * @property {import('../types').Issue[]} errors
 * @property {Edit | null} edit
 * @property {import('./cells.js').CellState[]} cells  EDITABLE's cells
 * @property {import('./cells.js').CellState['refused']} refused  of the level or manual score
 * @property {Finding[]} findings
 * @property {import('./cells.js').CellState} basis  判定依据
 * @property {{level1: string, total: number, off: Finding | null} | null} weights  after a 分值 edit
 */

/** What fixes the table's structure: rows, their groups, which are qualitative.
 * @param {ProjectResult} p */
export function rowsShape(p) {
  return sig([hasStated(p), !!p.weights_assumed, (p.rows || []).map((r) => [r.row, r.level1, r.level2, r.direction === qualitative()])]);
}

/** Does the form state any score (the 填报得分 column shows)? @param {ProjectResult} p */
export function hasStated(p) {
  const given = (/** @type {unknown} */ v) => v !== null && v !== undefined;
  return given(p.stated_total) || given(p.execution && p.execution.stated_score) || (p.rows || []).some((r) => given(r.stated_score));
}

/** The findings shown at a place of the table ('exec', 'total' or a row number). @param {ProjectResult} p @param {string} place */
function findingsAt(p, place) {
  return (p.audit || []).filter((f) => findingPlace(f) === place);
}

/**
 * @typedef {object} Slot
 * @property {string} sig
 * @property {HTMLElement} node
 * @property {(p: ProjectResult, edits: Edit[]) => unknown} data  what the slot shows
 * @property {(d: any) => HTMLElement | void} draw  a new node, or nothing when it updated its own
 */

/** @param {ProjectResult} p @param {Edit[]} edits @param {OnEdit} onEdit @param {{cell: CellInfo}} ctx */
export function rowsView(p, edits, onEdit, ctx) {
  const stated = hasStated(p);
  const body = el('tbody');
  /** @type {Slot[]} */
  const slots = [];
  /** @param {Slot['data']} data @param {Slot['draw']} draw */
  const slot = (data, draw) => slots.push({ sig: '', node: /** @type {any} */ (null), data, draw });

  slot((q) => ({ ex: q.execution, f: findingsAt(q, 'exec') }), (d) => execRow(d.ex, d.f, stated));
  let last1 = /** @type {string | null} */ (null);
  let last2 = /** @type {string | null} */ (null);
  (p.rows || []).forEach((r, i) => {
    if (r.level1 !== last1) {
      last1 = r.level1;
      last2 = null;
      const l1 = r.level1;
      slot((q) => findSubtotal(q, l1, null), (s) => groupRow(l1, null, s, stated));
    }
    if (r.level2 !== last2) {
      last2 = r.level2;
      const l1 = r.level1;
      const l2 = r.level2;
      slot((q) => findSubtotal(q, l1, l2), (s) => groupRow(l1, l2, s, stated));
    }
    const row = indicatorRow(r.row, r.direction === qualitative(), stated, onEdit);
    slots.push({
      sig: '',
      node: row.tr,
      data: (q, ed) => {
        const x = q.rows[i];
        const cells = EDITABLE.map((f) => ctx.cell(x.row, f));
        const refused = ctx.cell(x.row, 'score').refused || ctx.cell(x.row, 'level').refused;
        // after a 分值 edit: the 一级's new total, and the core's weight_sum finding
        const sum = cells[2].edited ? findSubtotal(q, x.level1, null) : null;
        const weights = sum ? { level1: x.level1, total: sum.weight, off: (q.audit || []).find((f) => f.kind === 'weight_sum') || null } : null;
        return {
          r: x, errors: (q.errors || []).filter((e) => e.row === x.row), edit: ed.find((e) => e.row === x.row) || null,
          cells, refused, findings: findingsAt(q, String(x.row)), basis: ctx.cell(x.row, 'basis'), weights,
        };
      },
      draw: (d) => { row.update(d); },
    });
    body.appendChild(row.tr);
  });
  slot((q) => ({
    w: q.weight_sum, t: q.total, g: q.grade, pr: q.provisional, st: q.stated_total,
    cap: q.cap ? q.cap.explanation : '', f: findingsAt(q, 'total'),
  }), (d) => totalRow(d, stated));

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

  const cols = ['c-name', 'c-target', 'c-actual', 'c-dir', 'c-w', 'c-s'].concat(stated ? ['c-stated'] : [], ['c-status', 'c-explain']);
  const table = el('table', { class: 'rows-table', testid: 'rows-table' }, [
    el('colgroup', null, cols.map((c) => el('col', { class: c }))),
    el('thead', null, [el('tr', null, [
      el('th', { scope: 'col', text: '三级指标' }), el('th', { scope: 'col', text: '年度指标值' }), el('th', { scope: 'col', text: '实际完成值' }),
      el('th', { scope: 'col', class: 'center', text: '指标性质' }),
      el('th', { scope: 'col', class: 'num', testid: 'weight-head', text: p.weights_assumed ? '分值（推定）' : '分值', title: p.weights_assumed ? '表内未给出分值，按规则推定' : null }),
      el('th', { scope: 'col', class: 'num', text: '得分' }),
      stated ? el('th', { scope: 'col', class: 'num', testid: 'stated-head', text: '填报得分', title: '表内填报的得分；与规则计算不一致的标色并注明差额' }) : null,
      el('th', { scope: 'col', class: 'center', text: '状态' }), el('th', { scope: 'col', text: '计分说明' }),
    ])]),
    body,
  ]);
  /** 复核 mode: only the rows with findings. @param {boolean} on */
  const review = (on) => { table.classList.toggle('review-mode', on); };
  return { node: el('div', { class: 'table-wrap' }, [table]), update, review };
}

/** The 填报得分 cell: the stated figure, coloured with its difference when a finding says it differs.
 * @param {number | null | undefined} value @param {Finding[]} findings */
function statedCell(value, findings) {
  const td = el('td', { class: 'num stated-score', testid: 'stated-score' });
  fillStated(td, value, findings);
  return td;
}

/** @param {HTMLElement} td @param {number | null | undefined} value @param {Finding[]} findings */
function fillStated(td, value, findings) {
  clear(td);
  const off = findings.find((f) => isStatedScore(f.kind));
  td.classList.toggle('differs', !!off);
  if (value === null || value === undefined) return;
  append(td, [el('div', { text: fmt2(value) })]);
  if (off && off.difference !== null && off.difference !== undefined) {
    const d = off.difference;
    append(td, [el('div', { class: 'stated-diff', testid: 'stated-diff', text: (d > 0 ? '+' : '−') + Math.abs(d).toFixed(2) })]);
  }
}

/** A row's findings, listed in the row (without the "第 N 行「…」" the row already shows).
 * @param {Finding[]} findings */
function findingLines(findings) {
  return findings.map((f) => {
    const at = '第 ' + f.row + ' 行「' + (f.name || '') + '」';
    const msg = f.name && (f.message || '').indexOf(at) === 0 ? (f.message || '').slice(at.length) : f.message || '';
    return el('div', { class: 'row-finding', testid: 'row-finding', 'data-rule': f.rule || null }, [
      el('span', { class: 'rf-kind', text: findingLabel(f.kind) }), msg,
    ]);
  });
}

/** @param {HTMLElement} tr @param {Finding[]} findings */
function markFindings(tr, findings) {
  tr.classList.toggle('has-finding', findings.length > 0);
  if (findings.length) tr.setAttribute('data-findings', String(findings.length));
  else tr.removeAttribute('data-findings');
}

/** The fields edited in the table, in the order of `indicatorRow`'s cells. */
const EDITABLE = ['target', 'actual', 'weight', 'reason'];

/** @param {ProjectResult} p @param {string} level1 @param {string | null} level2 */
function findSubtotal(p, level1, level2) {
  return (p.subtotals || []).find((s) => s.level1 === level1 && (level2 === null ? !s.level2 : s.level2 === level2)) || null;
}

/** @param {import('../types').Execution} ex @param {Finding[]} findings @param {boolean} stated */
function execRow(ex, findings, stated) {
  const e = ex || /** @type {any} */ ({});
  const rate = e.rate === null || e.rate === undefined ? '未提供预算执行数据' : '执行率 ' + fmt2(e.rate) + '%';
  const statedRate = e.stated_rate !== null && e.stated_rate !== undefined ? '（表内填报 ' + fmt2(e.stated_rate) + '%）' : '';
  const tr = el('tr', { class: 'exec-row', 'data-row': 'exec', tabindex: '-1' }, [
    el('td', { text: '预算执行率' }),
    el('td', { colspan: '2', class: 'muted', text: rate + statedRate }),
    el('td', { class: 'center', text: '' }),
    el('td', { class: 'num', text: fmtW(e.weight) }),
    el('td', { class: 'num score', text: fmt2(e.score) }),
    stated ? statedCell(e.stated_score, findings) : null,
    el('td', { class: 'center', text: '' }),
    el('td', { class: 'explain' }, [e.explanation ? el('div', { text: e.explanation }) : null, findingLines(findings)]),
  ]);
  markFindings(tr, findings);
  return tr;
}

/** @param {string} level1 @param {string | null} level2 @param {import('../types').Subtotal | null} s @param {boolean} stated */
function groupRow(level1, level2, s, stated) {
  const name = level2 === null ? level1 || '（未填一级指标）' : level2 || '（未填二级指标）';
  const d = s ? lost(s.weight, s.score) : 0;
  return el('tr', { class: 'group ' + (level2 === null ? 'g1' : 'g2'), 'data-level1': level1, 'data-level2': level2 }, [
    el('td', { colspan: '4' }, [el('span', { class: 'g-name', text: name })]),
    el('td', { class: 'num', text: s ? fmtW(s.weight) : '' }),
    el('td', { class: 'num score', text: s ? fmt2(s.score) : '' }),
    el('td', { colspan: stated ? '3' : '2', class: 'muted', text: d ? '扣 ' + d.toFixed(2) + ' 分' : '' }),
  ]);
}

/** @param {{w: number, t: number, g: string, pr: boolean, st: number | null, cap: string, f: Finding[]}} d @param {boolean} stated */
function totalRow(d, stated) {
  const tr = el('tr', { class: 'total-row', 'data-row': 'total', tabindex: '-1' }, [
    el('td', { colspan: '4', text: '合计' }),
    el('td', { class: 'num', text: fmtW(d.w) }),
    el('td', { class: 'num score', text: fmt2(d.t) }),
    stated ? statedCell(d.st, d.f) : null,
    el('td', { class: 'center' }, [el('span', { class: 'grade-chip ' + gradeClass(d.g), text: d.g || '' })]),
    el('td', { class: 'explain' }, [
      d.pr ? el('div', { text: '暂定：仍有待判定的定性指标' }) : null,
      d.cap ? el('div', { class: 'cap-line', testid: 'cap', text: d.cap }) : null,
      findingLines(d.f),
    ]),
  ]);
  markFindings(tr, d.f);
  return tr;
}

/**
 * One indicator's row: its cells are made once and updated in place.
 * @param {number} rowNo @param {boolean} qualitative @param {boolean} stated @param {OnEdit} onEdit
 */
function indicatorRow(rowNo, qualitative, stated, onEdit) {
  const name = el('div');
  const path = el('div', { class: 'path' });
  const cells = [
    editCell('target', '年度指标值', rowNo, onEdit),
    editCell('actual', '实际完成值', rowNo, onEdit),
    editCell('weight', '分值', rowNo, onEdit, { numeric: true }),
    editCell('reason', '偏差原因', rowNo, onEdit, { multiline: true }),
  ];
  const target = el('td', { class: 'target' }, [cells[0].node]);
  const actual = cells[1].node;
  const dir = el('td');
  const weightNote = el('div', { class: 'weight-note muted', testid: 'weight-note' });
  weightNote.hidden = true;
  const weight = el('td', { class: 'num' }, [cells[2].node, weightNote]);
  const reason = el('div', { class: 'reason' }, [el('span', { class: 'reason-k', text: '偏差原因' }), cells[3].node]);
  const score = el('td', { class: 'num score', testid: 'row-score' });
  const statedTd = stated ? statedCell(null, []) : null;
  const badge = el('span', { testid: 'status' });
  const explain = el('td', { class: 'explain' });
  const qual = qualitative ? qualControls(rowNo, onEdit) : null;
  const tr = el('tr', { testid: 'row', 'data-row': String(rowNo), tabindex: '-1' }, [
    el('td', { class: 'name' }, [name, path]),
    target,
    el('td', { class: 'actual' }, [actual, qual && qual.node]),
    dir, weight, score, statedTd,
    el('td', { class: 'center' }, [badge]),
    explain,
  ]);

  /** @param {RowData} d */
  function update(d) {
    const { r, errors, edit, cells: cellStates, refused, findings } = d;
    const status = r.status || 'ok';
    tr.className = 'ind st-' + status;
    markFindings(tr, findings);
    if (statedTd) fillStated(statedTd, r.stated_score, findings);
    tr.setAttribute('data-status', status);
    setText(name, r.name || '（未填三级指标）');
    setText(path, [r.level1, r.level2].filter(Boolean).join(' › ') + ' · 第 ' + r.row + ' 行');
    cells.forEach((c, i) => c.update(cellStates[i]));
    // 分值 not in the file: the profile's share, as a hint
    cells[2].input.placeholder = fmtW(r.weight);
    weightNote.hidden = !d.weights;
    clear(weightNote);
    if (d.weights) {
      append(weightNote, [
        el('div', { testid: 'level-total', text: (d.weights.level1 || '本级') + '合计 ' + fmtW(d.weights.total) + ' 分' }),
        d.weights.off ? el('div', { class: 'row-warn', testid: 'weight-sum-warn', text: d.weights.off.message }) : null,
      ]);
    }
    dir.className = 'center dir' + (r.direction_inferred ? ' inferred' : '');
    setText(dir, r.direction ? directionLabel(r.direction) + (r.direction_inferred ? '（推断）' : '') : '—');
    setText(score, status === 'error' ? '—' : fmt2(r.score));
    badge.className = 'badge b-' + status;
    setText(badge, statusLabel(status));
    clear(explain);
    append(explain, [
      // an error row's explanation is its error: said once, by the error line
      r.explanation && !(status === 'error' && errors.length) ? el('div', { text: r.explanation }) : null,
      findingLines(findings),
      errors.map((e) => el('div', { class: 'row-error', testid: 'row-error', text: e.message })),
      (r.warnings || []).map((w) => el('div', { class: 'row-warn', text: w })),
      reason,
    ]);
    if (qual) qual.update(r, edit, refused, d.basis);
  }
  return { tr, update };
}
