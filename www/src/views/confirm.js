// @ts-check
/* The in-page confirmation (not window.confirm, which blocks the page and
 * that some locked-down browsers suppress): a bar under the buttons with the
 * question and two buttons, focus on 取消 (the safe choice), Esc cancels,
 * focus goes back to the button that asked. */

import { $, el, append, clear } from '../dom.js';

/** @type {((ok: boolean) => void) | null} */
let pending = null;

/**
 * Ask; resolves true when the user confirms.
 * @param {string} question @param {string} yes  the confirming button's words
 * @returns {Promise<boolean>}
 */
export function ask(question, yes) {
  if (pending) pending(false);
  const bar = $('confirm-bar');
  const back = /** @type {HTMLElement | null} */ (document.activeElement);
  return new Promise((resolve) => {
    /** @param {boolean} ok */
    const done = (ok) => {
      if (pending !== done) return;
      pending = null;
      bar.hidden = true;
      clear(bar);
      if (back && back.focus) back.focus();
      resolve(ok);
    };
    pending = done;
    clear(bar);
    const no = el('button', { type: 'button', class: 'btn btn-quiet btn-small', testid: 'confirm-cancel', onclick: () => done(false), text: '取消' });
    append(bar, [
      el('span', { class: 'confirm-text', id: 'confirm-text', text: question }),
      el('button', { type: 'button', class: 'btn btn-small', testid: 'confirm-ok', onclick: () => done(true), text: yes }),
      no,
    ]);
    bar.onkeydown = (/** @type {KeyboardEvent} */ ev) => {
      if (ev.key === 'Escape' || ev.key === 'Esc') { ev.preventDefault(); done(false); }
    };
    bar.hidden = false;
    no.focus();
  });
}
