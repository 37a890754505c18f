// @ts-check
/* A project's summary: total and grade, 暂定, stated total, errors and 复核
 * counts, budget execution, the 一级 subtotals. */

import { el, setText } from '../dom.js';
import { fmt2, fmtAmount, fmtW, lost, num } from '../format.js';
import { gradeClass } from '../labels.js';

/** @typedef {import('../types').ProjectResult} ProjectResult */

/** @typedef {{total: HTMLElement, grade: HTMLElement}} Live */

/** A card's total and grade: the page's only live regions, kept across the
 * summary's redraws so that a screen reader hears their changes. @returns {Live} */
export function liveNodes() {
  return {
    total: el('span', { class: 'total num', testid: 'total', 'aria-live': 'polite', 'aria-atomic': 'true' }),
    grade: el('span', { testid: 'grade', title: '评价等级', 'aria-live': 'polite', 'aria-atomic': 'true' }),
  };
}

/** @param {ProjectResult} p @param {Live} live @param {'元' | '万元' | undefined} unit  the unit the file wrote its amounts in */
export function summaryView(p, live, unit) {
  const box = el('section', { class: 'summary', 'aria-label': '评分汇总' });
  box.appendChild(totalBlock(p, live));
  box.appendChild(execBlock(p, unit === '元' ? '元' : '万元'));
  const subs = (p.subtotals || []).filter((s) => !s.level2);
  if (subs.length) box.appendChild(el('div', { class: 'sum-subs' }, [subtotalTable(subs)]));
  return box;
}

/** @param {ProjectResult} p @param {Live} live */
function totalBlock(p, live) {
  const rows = p.rows || [];
  setText(live.total, fmt2(p.total));
  live.grade.className = 'grade ' + gradeClass(p.grade);
  setText(live.grade, p.grade || '');
  const block = el('div', { class: 'sum-total' }, [
    el('div', { class: 'sum-label', text: '自评总分' }),
    el('div', { class: 'sum-total-line' }, [live.total, el('span', { class: 'total-unit', text: '/ ' + fmtW(p.weight_sum) + ' 分' }), live.grade]),
  ]);
  if (p.cap) {
    // S36: a cap on the total by execution rate, explained on the total
    block.appendChild(el('div', { class: 'cap-line', testid: 'cap-note', text: '封顶：' + p.cap.explanation }));
  }
  if (p.provisional) {
    const pending = rows.filter((r) => r.status === 'pending').length;
    block.appendChild(el('div', { class: 'provisional', testid: 'provisional' }, [
      el('b', { text: '暂定' }),
      el('span', { text: '有 ' + (pending || '部分') + ' 项定性指标“待判定”（完成情况无法从填报内容识别，暂按 0 分计）。请在下表中选择完成情况，总分随即更新。' }),
    ]));
  }
  if (p.stated_total !== null && p.stated_total !== undefined) {
    // stated − computed, as the 复核 summary gives it
    const diff = (num(p.stated_total) || 0) - (num(p.total) || 0);
    const same = p.audit_summary ? p.audit_summary.total_agrees : Math.abs(diff) < 0.005;
    block.appendChild(el('div', { class: 'stated' + (same ? '' : ' differs'), testid: 'stated-total' }, [
      el('span', { class: 'sum-label', text: '表内填报总分' }),
      el('span', { class: 'num', text: fmt2(p.stated_total) }),
      el('span', { class: 'diff num', text: same ? '一致' : '相差 ' + (diff > 0 ? '+' : '−') + Math.abs(diff).toFixed(2) + '（填报 − 计算）' }),
    ]));
  }
  const errorRows = rows.filter((r) => r.status === 'error').length;
  if (errorRows || (p.errors || []).length) {
    block.appendChild(el('div', { class: 'error-note', testid: 'error-note' }, [
      el('b', { text: '注意' }),
      el('span', { text: errorRows ? '有 ' + errorRows + ' 项指标因填报错误未能计分（计 0 分），修正后总分会变化。' : '表格存在错误，见“错误”列表。' }),
    ]));
  }
  const audit = p.audit || [];
  if (audit.length) {
    block.appendChild(el('div', { class: 'audit-note', testid: 'audit-note' }, [
      el('span', { class: 'audit-count', text: '复核 ' + audit.length }),
      ' 处填报数字与计算结果不一致，详见“复核”',
    ]));
  }
  return block;
}

/** @param {ProjectResult} p @param {'元' | '万元'} unit */
function execBlock(p, unit) {
  const ex = p.execution || /** @type {any} */ ({});
  return el('div', { class: 'sum-exec' }, [
    el('div', { class: 'sum-label', text: '预算执行率' }),
    el('div', { class: 'exec-line' }, [
      el('span', { class: 'exec-rate num', testid: 'exec-rate', text: ex.rate === null || ex.rate === undefined ? '—' : fmt2(ex.rate) + '%' }),
      el('span', { class: 'exec-score num', testid: 'exec-score' }, ['得分 ', el('b', { text: fmt2(ex.score) }), ' / ' + fmtW(ex.weight)]),
    ]),
    el('div', { class: 'exec-money' }, [
      '全年预算数 ', el('span', { class: 'num', testid: 'exec-budget', text: fmtAmount(ex.budget, unit) }),
      ' ' + unit + ' · 全年执行数 ', el('span', { class: 'num', testid: 'exec-executed', text: fmtAmount(ex.executed, unit) }),
      ' ' + unit,
    ]),
    ex.explanation ? el('div', { class: 'explain', testid: 'exec-explanation', text: ex.explanation }) : null,
  ]);
}

/** @param {import('../types').Subtotal[]} subs */
function subtotalTable(subs) {
  return el('table', { class: 'sub-table' }, [
    el('thead', null, [el('tr', null, [
      el('th', { scope: 'col', text: '一级指标' }), el('th', { scope: 'col', class: 'num', text: '分值' }), el('th', { scope: 'col', class: 'num', text: '得分' }), el('th', { scope: 'col', class: 'num', text: '扣分' }),
    ])]),
    el('tbody', null, subs.map((s) => {
      const d = lost(s.weight, s.score);
      return el('tr', null, [
        el('td', { text: s.level1 }), el('td', { class: 'num', text: fmtW(s.weight) }), el('td', { class: 'num', text: fmt2(s.score) }),
        el('td', { class: 'num' + (d ? ' lost' : ''), text: d ? '−' + d.toFixed(2) : '0' }),
      ]);
    })),
  ]);
}
