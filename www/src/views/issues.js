// @ts-check
/* A project's errors and warnings (an item tied to a row takes the user
 * there), and the rows of the file that were not used (INPUT.md: nothing is
 * dropped silently). */

import { el } from '../dom.js';

/** @typedef {import('../types').ProjectResult} ProjectResult */
/** @typedef {import('../types').Issue} Issue */
/** @typedef {import('../types').Ignored} Ignored */
/** @typedef {(place: number | string) => void} Goto */

/** @param {ProjectResult} p @param {Goto} goto */
export function issuesView(p, goto) {
  const errors = p.errors || [];
  const warnings = p.warnings || [];
  const box = el('section', { class: 'issues', 'aria-label': '错误与提示' });
  if (!errors.length && !warnings.length) {
    box.appendChild(el('div', { class: 'issues-ok', text: '未发现错误或提示。' }));
  }
  if (errors.length) {
    box.appendChild(el('h3', { class: 'issues-title err', text: '错误 ' + errors.length + ' 项（相关指标未能计分）' }));
    box.appendChild(el('ul', { class: 'issue-list', testid: 'errors' }, errors.map((e) => issueItem(e, 'issue err', goto))));
  }
  if (warnings.length) {
    box.appendChild(el('h3', { class: 'issues-title warn', text: '提示 ' + warnings.length + ' 项' }));
    box.appendChild(el('ul', { class: 'issue-list', testid: 'warnings' }, warnings.map((w) => issueItem(w, 'issue warn', goto))));
  }
  const ignored = p.ignored || [];
  if (ignored.length) {
    box.appendChild(el('h3', { class: 'issues-title ignored', text: '未使用的行 ' + ignored.length + ' 行（请确认其中没有需要计分的内容）' }));
    box.appendChild(el('ul', { class: 'issue-list', testid: 'ignored' }, ignored.map(ignoredItem)));
  }
  return box;
}

/** @param {Ignored} i */
function ignoredItem(i) {
  return el('li', { class: 'issue ignored', testid: 'ignored-row', text: i.message });
}

/** An issue; one tied to a row is a button (Tab, then Enter or a click) that takes the user there.
 * @param {Issue} issue @param {string} cls @param {Goto} goto */
function issueItem(issue, cls, goto) {
  const row = issue.row;
  const at = row !== null && row !== undefined;
  let msg = issue.message || '';
  if (at) {
    // the row is in the tag on the left: drop the message's leading "第 N 行"
    const prefix = '第 ' + row + ' 行';
    if (msg.indexOf(prefix) === 0) msg = msg.slice(prefix.length).replace(/^：/, '');
  }
  const parts = [
    el('span', { class: 'issue-row', text: at ? '第 ' + row + ' 行' : '全表' }),
    el('span', { class: 'issue-msg', text: msg }),
  ];
  if (!at) return el('li', { class: cls }, parts);
  const go = el('button', { type: 'button', class: 'issue-go', title: '定位到该行', onclick: () => goto(/** @type {number} */ (row)) }, parts);
  return el('li', { class: cls + ' clickable', 'data-row': String(row) }, [go]);
}
