// @ts-check
/* The 复核 summary at the top of a project: 填报总分 and 规则计算总分, the
 * difference by cause, the verdict line (copyable, for a 复核意见), the
 * audit's notes, and the 复核 mode switch (only the rows with findings). */

import { el } from '../dom.js';
import { fmt2 } from '../format.js';

/** @typedef {import('../types').ProjectResult} ProjectResult */
/** @typedef {import('../types').Cause} Cause */

/** @type {Record<import('../types').CauseKind, string>} */
const CAUSE = {
  rows: '指标得分', unscored: '无法计分的指标', assumed_weights: '高于推定分值', execution: '预算执行率得分',
  arithmetic: '总分与各项之和', unstated: '表内未列明的部分', cap: '执行率封顶',
};

/** A signed difference: "+2.93" / "−1.00". @param {number} d */
function signed(d) {
  return (d > 0 ? '+' : d < 0 ? '−' : '') + Math.abs(d).toFixed(2);
}

/**
 * @param {ProjectResult} p @param {boolean} reviewing
 * @param {(on: boolean) => void} onReview
 */
export function reviewView(p, reviewing, onReview) {
  const s = p.audit_summary;
  const box = el('section', { class: 'review', testid: 'review', 'aria-label': '复核意见' });
  if (!s) return box;
  const verdict = el('textarea', {
    class: 'verdict', testid: 'verdict', readonly: true, rows: '2', 'aria-label': '复核意见（可复制）', text: s.verdict || '',
  });
  const copied = el('span', { class: 'copied', testid: 'copied' });
  const copy = el('button', { type: 'button', class: 'btn btn-small btn-quiet', testid: 'copy-verdict', text: '复制复核意见' });
  copy.addEventListener('click', () => {
    verdict.focus();
    verdict.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    copied.textContent = ok ? '已复制' : '请按 Ctrl+C 复制';
  });
  const findings = (p.audit || []).length;
  const toggle = el('input', { type: 'checkbox', testid: 'review-mode', checked: reviewing || null, disabled: (!findings && !reviewing) || null });
  toggle.addEventListener('change', () => onReview(/** @type {HTMLInputElement} */ (toggle).checked));
  box.appendChild(el('div', { class: 'review-head' }, [
    el('span', { class: 'review-title', text: '复核' }),
    figure('填报总分', s.stated_total === null || s.stated_total === undefined ? '未填报' : fmt2(s.stated_total), 'review-stated'),
    figure('规则计算总分', fmt2(s.computed_total), 'review-computed'),
    s.difference !== null && s.difference !== undefined ? figure('差额', signed(s.difference), 'review-diff') : null,
    el('label', { class: 'review-toggle', title: findings ? '只显示有复核发现的行' : '没有复核发现' }, [
      toggle, ' 复核模式（只看有问题的行' + (findings ? '，' + findings + ' 处' : '') + '）',
    ]),
  ]));
  const causes = (s.causes || []).filter((c) => c.amount !== 0);
  if (causes.length && s.difference !== null && !s.total_agrees) {
    box.appendChild(el('ul', { class: 'causes', testid: 'causes' }, causes.map((c) => el('li', null, [
      el('span', { class: 'cause-kind', text: CAUSE[c.kind] || c.kind }),
      el('span', { class: 'num', text: signed(c.amount) + ' 分' }),
      c.rows && c.rows.length ? el('span', { class: 'muted', text: '第 ' + c.rows.join('、') + ' 行' }) : null,
    ]))));
  }
  box.appendChild(el('div', { class: 'verdict-line' }, [verdict, el('div', { class: 'verdict-actions' }, [copy, copied])]));
  (s.notes || []).forEach((n) => box.appendChild(el('div', { class: 'review-note', testid: 'review-note', text: n })));
  return box;
}

/** @param {string} label @param {string} value @param {string} testid */
function figure(label, value, testid) {
  return el('span', { class: 'review-fig' }, [el('span', { class: 'sum-label', text: label }), el('b', { class: 'num', testid, text: value })]);
}
