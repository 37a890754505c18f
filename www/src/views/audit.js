// @ts-check
/* A project's 复核 panel: figures the form states beside the computed ones. */

import { el } from '../dom.js';
import { fmt2 } from '../format.js';
import { findingLabel } from '../labels.js';

/** @typedef {import('../types').ProjectResult} ProjectResult */

/** @param {ProjectResult} p @param {(row: number) => void} goto */
export function auditView(p, goto) {
  const audit = p.audit || [];
  const box = el('section', { class: 'audit', testid: 'audit', 'aria-label': '复核' });
  box.appendChild(el('h3', { class: 'audit-title' }, [
    '复核：表内填报与本工具计算的比对',
    audit.length ? el('span', { class: 'audit-count', testid: 'audit-count', text: audit.length + ' 处不一致' }) : null,
  ]));
  if (!audit.length) {
    box.appendChild(el('div', { class: 'audit-empty', text: '没有发现填报数字与计算结果不一致之处。' }));
    return box;
  }
  const body = el('tbody', null, audit.map((f) => {
    const row = f.row;
    const at = row !== null && row !== undefined;
    const tr = el('tr', { testid: 'audit-item' }, [
      el('td', { class: 'where' }, [
        el('div', null, [el('span', { class: 'nowrap', text: at ? '第 ' + row + ' 行' : '全表' }), f.name ? ' · ' : '', f.name ? el('span', { text: f.name }) : null]),
        el('div', { class: 'kind', text: findingLabel(f.kind) }),
      ]),
      el('td', { class: 'num', text: fmt2(f.stated) }),
      el('td', { class: 'num', text: fmt2(f.computed) }),
      el('td', { text: f.message || '' }),
    ]);
    if (at) {
      tr.classList.add('clickable');
      tr.title = '定位到该行';
      tr.addEventListener('click', () => goto(/** @type {number} */ (row)));
    }
    return tr;
  }));
  box.appendChild(el('table', { class: 'audit-table' }, [
    el('thead', null, [el('tr', null, [
      el('th', { text: '位置 / 指标' }), el('th', { class: 'num', text: '填报' }),
      el('th', { class: 'num', text: '计算' }), el('th', { text: '说明' }),
    ])]),
    body,
  ]));
  return box;
}
