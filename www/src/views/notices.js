// @ts-check
/* The lines around the results: the engine's state, the error box, the
 * storage note, what could not be read from storage, and the footer. */

import { $, el, append, clear, setText } from '../dom.js';
import * as api from '../api.js';
import * as storage from '../storage.js';

/** @typedef {import('../store').State} State */
/** @typedef {import('../store').Changed} Changed */
/** @typedef {import('../store').Store} Store */

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
    setText($('footer-meta'), '版本 ' + (api.version() || '—') + ' · 规则 ' + (state.profile ? api.profileName(state.profile) : '—'));
  }
}

/** What storage could not give back: set aside (with its download), a
 * newer page's data, a file whose reading was not saved.
 * @param {Store} store @param {(blob: Blob, name: string) => void} download */
export function storedView(store, download) {
  /** @param {State} state @param {Changed} changed */
  function render(state, changed) {
    if (!changed.storage) return;
    const box = $('store-notice');
    const s = state.stored;
    clear(box);
    box.hidden = !s.aside.length && !s.newer && !s.lostFile;
    if (box.hidden) return;
    const lines = [];
    if (s.aside.length) {
      lines.push('本机保存的' + s.aside.join('、') + '无法读取（旧版本的格式或内容已损坏），已另存为备份，未删除；本页照常使用。');
    }
    if (s.newer) lines.push('本机有更新版本的页面保存的数据，本页不读取也不改动它。');
    if (s.lostFile) lines.push('上次选择的文件“' + s.lostFile + '”因本地空间已满未能保存，请重新选择该文件。');
    append(box, [
      el('span', { class: 'store-text', text: lines.join(' ') }),
      s.aside.length ? el('button', { type: 'button', class: 'btn btn-quiet btn-small', testid: 'download-backup', onclick: () => {
        download(new Blob([JSON.stringify(storage.backups(), null, 2)], { type: 'application/json;charset=utf-8' }), 'jixiao-本机备份.json');
      }, text: '下载备份' }) : null,
      el('button', { type: 'button', class: 'btn btn-quiet btn-small', testid: 'dismiss-notice', onclick: () => store.update({ type: 'dismiss' }), text: '知道了' }),
    ]);
  }
  return { render };
}
