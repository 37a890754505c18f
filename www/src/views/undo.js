// @ts-check
/* The 撤销 bar above the results: how many cells were changed, one button
 * (and Ctrl+Z outside text boxes) to take the last change back. */

import { el, setText } from '../dom.js';

/** @param {import('../store.js').Store} store */
export function undoView(store) {
  const count = el('span', { class: 'edit-count', testid: 'edit-count' });
  const button = /** @type {HTMLButtonElement} */ (el('button', {
    type: 'button', class: 'btn', testid: 'undo', title: '撤销上一次修改（Ctrl+Z）', text: '撤销',
  }));
  button.addEventListener('click', () => store.update({ type: 'undo' }));
  const note = el('span', { class: 'edit-note', testid: 'edit-note', role: 'status' });
  const bar = el('div', { class: 'edit-bar', testid: 'edit-bar' }, [count, button, note]);
  bar.hidden = true;
  document.addEventListener('keydown', (ev) => {
    if (!(ev.ctrlKey || ev.metaKey) || ev.shiftKey || (ev.key !== 'z' && ev.key !== 'Z')) return;
    const t = /** @type {HTMLElement | null} */ (ev.target);
    // The paste box and a cell being typed in keep their own undo.
    if (t && (t.tagName === 'TEXTAREA' || t.tagName === 'INPUT') && /** @type {HTMLInputElement} */ (t).value !== t.getAttribute('data-shown')) return;
    if (!store.state.history.length) return;
    ev.preventDefault();
    store.update({ type: 'undo' });
  });
  const results = document.getElementById('results');
  if (results && results.parentNode) results.parentNode.insertBefore(bar, results);

  /** @param {import('../store.js').State} state */
  function render(state) {
    const n = state.edits.length;
    bar.hidden = !n && !state.history.length && !state.editNote;
    setText(note, state.editNote);
    setText(count, n ? '已修改 ' + n + ' 行（悬停查看原值）' : '没有修改');
    button.disabled = !state.history.length;
  }
  return { render };
}
