// @ts-check
/* The lines around the results: the engine's state, the error box, the
 * storage note and the footer. */

import { $, el, append, clear, setText } from '../dom.js';
import * as api from '../api.js';

/** @typedef {import('../store').State} State */
/** @typedef {import('../store').Changed} Changed */

/** @param {State} state @param {Changed} changed */
export function renderNotices(state, changed) {
  if (changed.ready) {
    const n = $('ready-state');
    setText(n, state.readyNote.text);
    n.className = 'topbar-note' + (state.readyNote.bad ? ' bad' : '');
  }
  if (changed.error) {
    const box = $('file-error');
    clear(box);
    box.hidden = !state.error;
    if (state.error) append(box, [el('strong', { text: '无法评分：' }), el('span', { text: state.error })]);
  }
  if (changed.storage) {
    const n = $('storage-note');
    setText(n, state.storageNote);
    n.className = 'control-hint' + (state.storageNote ? ' warn' : '');
  }
  if (changed.ready || changed.settings || changed.report) {
    setText($('footer-meta'), '版本 ' + (api.version() || '—') + ' · 规则 ' + (state.profile || '—'));
  }
}
