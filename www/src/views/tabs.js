// @ts-check
/* The bar of the two-tabs question (tabs.js) and what read-only means on the
 * page: the paste box, the file picker, 载入示例 and 清除本地数据 do nothing
 * (the store refuses the other changes: store.js WRITES). */

import { $, el, append, clear } from '../dom.js';

/** @typedef {import('../store').State} State */
/** @typedef {import('../store').Changed} Changed */

/** @type {Record<string, string>} */
const SAYS = {
  asking: '本页面已在另一个标签页中打开。两个标签页同时保存会互相覆盖，请选择：',
  readonly: '只读：本页面已在另一个标签页中打开，此标签页不能修改，也不保存任何内容。',
  taken: '另一个标签页已接管本页面：此标签页现为只读，不能修改，也不再保存（此前的内容均已保存）。',
};

/** @param {{takeOver(): void, readOnly(): void}} tabs */
export function tabsView(tabs) {
  /** @param {State} state @param {Changed} changed */
  function render(state, changed) {
    if (!changed.tab) return;
    const bar = $('tab-bar');
    const says = SAYS[state.tab] || '';
    const ro = !!says;
    clear(bar);
    bar.hidden = !ro;
    if (ro) {
      append(bar, [
        el('span', { class: 'tab-text', id: 'tab-text', text: says }),
        el('button', { type: 'button', class: 'btn btn-small', testid: 'take-over', onclick: tabs.takeOver, text: '接管（在此标签页继续）' }),
        state.tab === 'asking' ? el('button', { type: 'button', class: 'btn btn-quiet btn-small', testid: 'read-only', onclick: tabs.readOnly, text: '只读查看' }) : null,
      ]);
    }
    document.body.classList.toggle('read-only', ro);
    $('input').readOnly = ro;
    ['file', 'sample', 'clear-storage'].forEach((id) => { $(id).disabled = ro; });
  }
  return { render };
}
