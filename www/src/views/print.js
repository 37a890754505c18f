// @ts-check
/* The print view of the 项目支出绩效自评表 (not the screen): per project a
 * group of A4 pages with the official title and blocks (项目名称 / 主管部门 /
 * 实施单位, funds, 年度总体目标), the indicator table with 一级/二级 merged,
 * its header repeated on every page, the 总分 and 自评等级 kept with the last
 * rows, the signature lines (填表人 / 联系电话 / 单位负责人 / 财务负责人 / 单位盖章),
 * page numbers and the date. Several projects: the overview (汇总表) first. */

import { $, clear, el } from '../dom.js';
import { fmt2, fmtMoney, fmtW, num } from '../format.js';
import { dateText, mergeDown, paginate } from '../paginate.js';

/** @typedef {import('../types').Report} Report */
/** @typedef {import('../types').Input} Input */
/** @typedef {import('../types').ProjectResult} ProjectResult */
/** @typedef {import('../paginate').Unit} Unit */
/** @typedef {import('../paginate').TableSpec} TableSpec */

export const FORM_TITLE = '项目支出绩效自评表';

/** @param {unknown} v */
const money = (v) => (num(v) === null ? '' : fmtMoney(v));
/** @param {unknown} v */
const pct = (v) => (num(v) === null ? '' : fmt2(v) + '%');

/** @param {string} text @param {Record<string, any>} [attrs] */
const td = (text, attrs) => el('td', attrs || null, text);
/** @param {string} text @param {Record<string, any>} [attrs] */
const th = (text, attrs) => el('th', Object.assign({ scope: 'col' }, attrs), text);

/** @param {number[]} widths (percent) */
function cols(widths) {
  return el('colgroup', null, widths.map((w) => el('col', { style: 'width:' + w + '%' })));
}

/** The blocks above the indicator table. @param {ProjectResult} p @param {any} inp */
function headBlocks(p, inp) {
  const e = p.execution;
  const initial = inp && inp.budget ? inp.budget.initial : null;
  const meta = el('table', { class: 'pf-grid' }, [
    cols([14, 36, 14, 36]),
    el('tbody', null, [
      el('tr', null, [th('项目名称'), td(p.name || '', { colspan: 3, class: 'pf-left' })]),
      el('tr', null, [th('主管部门'), td(p.department || '', { class: 'pf-left' }), th('实施单位'), td(p.implementer || '', { class: 'pf-left' })]),
    ]),
  ]);
  const funds = el('table', { class: 'pf-grid' }, [
    cols([10, 18, 12, 12, 12, 10, 13, 13]),
    el('tbody', null, [
      el('tr', null, [th('项目资金（万元）', { rowspan: 2 }), th(''), th('年初预算数'), th('全年预算数'), th('全年执行数'), th('分值'), th('执行率'), th('得分')]),
      el('tr', null, [td('年度资金总额'), td(money(initial)), td(money(e.budget)), td(money(e.executed)), td(fmtW(e.weight)), td(pct(e.rate)), td(fmt2(e.score))]),
    ]),
  ]);
  const goals = (p.goals && p.goals.length ? p.goals : [{ expected: '', actual: '' }]);
  const goalTable = el('table', { class: 'pf-grid' }, [
    cols([16, 42, 42]),
    el('tbody', null, [
      el('tr', null, [th('年度总体目标', { rowspan: goals.length + 1 }), th('预期目标'), th('实际完成情况')]),
      goals.map((g) => el('tr', null, [td(g.expected, { class: 'pf-left' }), td(g.actual, { class: 'pf-left' })])),
    ]),
  ]);
  return [
    el('h1', { class: 'pf-title', text: FORM_TITLE }),
    el('div', { class: 'pf-year', text: '（      年度）' }),
    meta, funds, goalTable,
  ];
}

const IND_WIDTHS = [5, 10, 10, 16, 14, 14, 7, 8, 16];
const IND_HEAD = ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];

/** The units of one project's form. @param {ProjectResult} p @param {any} inp @param {string} today @returns {Unit[]} */
function projectUnits(p, inp, today) {
  /** @type {TableSpec} */
  const spec = {
    className: 'pf-grid pf-ind',
    colgroup: cols(IND_WIDTHS),
    header: el('tr', null, IND_HEAD.map((h) => th(h))),
    merge(rows) {
      const body = rows.filter((r) => r.getAttribute('data-l1') !== null);
      mergeDown(body, 0, () => '');
      mergeDown(body, 1, (r) => r.getAttribute('data-l1') || '');
      mergeDown(body, 2, (r) => (r.getAttribute('data-l1') || '') + '\u0000' + (r.getAttribute('data-l2') || ''));
    },
  };
  /** @type {Unit[]} */
  const units = headBlocks(p, inp).map((b, i) => ({ el: b, keep: i < 2 }));
  const indicators = (inp && inp.indicators) || [];
  p.rows.forEach((r, i) => {
    const reason = (indicators[i] && indicators[i].reason) || '';
    const scored = r.status !== 'error' && r.status !== 'pending';
    const tr = el('tr', { 'data-l1': r.level1, 'data-l2': r.level2 }, [
      td('绩效指标'), td(r.level1), td(r.level2), td(r.name, { class: 'pf-left' }), td(r.target, { class: 'pf-left' }),
      td(r.actual, { class: 'pf-left' }), td(fmtW(r.weight)), td(scored ? fmt2(r.score) : ''), td(reason, { class: 'pf-left' }),
    ]);
    units.push({ el: tr, row: true, table: spec });
  });
  const grade = p.grade + (p.provisional ? '（暂定）' : '');
  const total = el('tr', { class: 'pf-total' }, [td('总分', { colspan: 6 }), td(fmtW(p.weight_sum)), td(fmt2(p.total)), td('')]);
  const gradeRow = el('tr', { class: 'pf-total' }, [td('自评等级', { colspan: 6 }), td(grade, { colspan: 3 })]);
  // no orphaned total: the last two indicator rows, the total and the grade go together
  const n = units.length;
  for (let k = Math.max(n - 2, n - p.rows.length); k < n; k++) units[k].keep = true;
  units.push({ el: total, row: true, table: spec, keep: true });
  units.push({ el: gradeRow, row: true, table: spec, keep: true });
  units.push({ el: signatures(today) });
  return units;
}

/** The lines for signatures and the seal. @param {string} today */
function signatures(today) {
  const line = (/** @type {string} */ label) => el('span', { class: 'pf-sign' }, [label, el('span', { class: 'pf-line' })]);
  return el('div', { class: 'pf-signs' }, [
    el('div', null, [line('填表人：'), line('联系电话：'), el('span', { class: 'pf-sign', text: '填报日期：' + today })]),
    el('div', null, [line('单位负责人：'), line('财务负责人：'), el('span', { class: 'pf-sign pf-seal', text: '（单位盖章）' })]),
  ]);
}

/** The overview of several projects (its own table). @param {Report} report @returns {Unit[]} */
function overviewUnits(report) {
  /** @type {TableSpec} */
  const spec = {
    className: 'pf-grid',
    colgroup: cols([6, 30, 14, 14, 9, 9, 6, 6, 6]),
    header: el('tr', null, ['序号', '项目名称', '主管部门', '实施单位', '全年预算数（万元）', '全年执行数（万元）', '执行率', '总分', '等级'].map((h) => th(h))),
  };
  /** @type {Unit[]} */
  const units = [{ el: el('h1', { class: 'pf-title', text: '项目支出绩效自评汇总表' }) }];
  report.projects.forEach((p, i) => {
    units.push({
      el: el('tr', null, [td(String(i + 1)), td(p.name || '', { class: 'pf-left' }), td(p.department || ''), td(p.implementer || ''),
        td(money(p.execution.budget)), td(money(p.execution.executed)), td(pct(p.execution.rate)), td(fmt2(p.total)), td(p.grade + (p.provisional ? '（暂定）' : ''))]),
      row: true,
      table: spec,
    });
  });
  return units;
}

/** The (emptied) container of the print pages. @returns {HTMLElement} */
export function printRoot() {
  let root = $('print-root');
  if (!root) {
    root = el('div', { id: 'print-root', testid: 'print-root' });
    document.body.appendChild(root);
  }
  clear(root);
  return root;
}

/**
 * Build the form's print view: the overview (several projects), then each
 * project's form from a new page.
 * @param {Report} report @param {Input | null} input @param {Date} [now]
 */
export function buildPrintView(report, input, now) {
  const root = printRoot();
  const today = dateText(now || new Date());
  const note = '打印日期：' + today;
  if (report.projects.length > 1) paginate(overviewUnits(report), note).forEach((pg) => root.appendChild(pg));
  report.projects.forEach((p, i) => {
    const inp = input && input.projects ? input.projects[i] : null;
    paginate(projectUnits(p, inp, today), note + ' · ' + (p.name || '项目 ' + (i + 1))).forEach((pg) => root.appendChild(pg));
  });
  return root;
}

/** Print what #print-root holds, alone, titled `title`; the page comes back afterwards. @param {string} title */
export function printPages(title) {
  const old = document.title;
  document.body.classList.add('printing-form');
  document.title = title;
  const done = () => {
    document.body.classList.remove('printing-form');
    document.title = old;
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
  // print() returns once the dialog is closed; some cores fire no afterprint
  setTimeout(done, 0);
}

/** Print the form. @param {Report} report @param {Input | null} input */
export function printForm(report, input) {
  buildPrintView(report, input);
  printPages(FORM_TITLE);
}
