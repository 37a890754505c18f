// @ts-check
/* A project's 复核 panel: each finding with the figure the form states beside
 * the rules' one; clicking a finding (or Enter on it) goes to its row. */

import { el } from '../dom.js';
import { fmt2 } from '../format.js';
import { findingLabel, findingPlace } from '../labels.js';

/** @typedef {import('../types').ProjectResult} ProjectResult */
/** @typedef {(place: string) => void} Goto */

/** @param {ProjectResult} p @param {Goto} goto */
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
    const place = findingPlace(f);
    const where = place === 'exec' ? '预算执行率' : at ? '第 ' + row + ' 行' : '全表';
    const tr = el('tr', { testid: 'audit-item', 'data-kind': f.kind, 'data-rule': f.rule || null }, [
      el('td', { class: 'where' }, [
        el('div', null, [el('span', { class: 'nowrap', text: where }), f.name ? ' · ' : '', f.name ? el('span', { text: f.name }) : null]),
        el('div', { class: 'kind', text: findingLabel(f.kind) }),
      ]),
      el('td', { class: 'num', text: fmt2(f.stated) }),
      el('td', { class: 'num', text: fmt2(f.computed) }),
      el('td', { text: f.message || '' }),
    ]);
    if (place !== null) {
      const to = place;
      tr.classList.add('clickable');
      tr.setAttribute('tabindex', '0');
      tr.setAttribute('role', 'button');
      tr.setAttribute('data-place', to);
      tr.addEventListener('click', () => goto(to));
      tr.addEventListener('keydown', (/** @type {KeyboardEvent} */ ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); goto(to); }
      });
    }
    return tr;
  }));
  box.appendChild(el('table', { class: 'audit-table' }, [
    el('thead', null, [el('tr', null, [
      el('th', { scope: 'col', text: '位置 / 指标' }), el('th', { scope: 'col', class: 'num', text: '填报' }),
      el('th', { scope: 'col', class: 'num', text: '计算' }), el('th', { scope: 'col', text: '说明' }),
    ])]),
    body,
  ]));
  return box;
}
