// @ts-check
/* Downloads: the input with the user's choices (JSON, reads back unchanged)
 * and the scores as CSV (written by the core). */

import * as api from './api.js';
import { errorMessage } from './format.js';

/** @typedef {import('./store').Store} Store */

/** @param {Store} store */
export function exporters(store) {
  const { state } = store;
  const base = () => (state.source === 'file' && state.fileName ? state.fileName.replace(/\.[^.]*$/, '') : '') || '绩效自评表';
  return {
    exportJson() {
      if (!state.input) return;
      const text = JSON.stringify(api.withEdits(state.input, state.edits), null, 2);
      download(new Blob([text], { type: 'application/json;charset=utf-8' }), base() + '.jixiao.json');
    },
    exportCsv() {
      if (!state.input) return;
      let bytes;
      try {
        bytes = api.exportCsv(state.input, state.edits, state.profile);
      } catch (e) {
        store.update({ type: 'error', message: errorMessage(e) });
        return;
      }
      download(new Blob([/** @type {BlobPart} */ (bytes)], { type: 'text/csv;charset=utf-8' }), base() + '.评分结果.csv');
    },
  };
}

/** @param {Blob} blob @param {string} name */
export function download(blob, name) {
  const nav = /** @type {any} */ (window.navigator);
  if (nav && nav.msSaveBlob) { nav.msSaveBlob(blob, name); return; }
  const a = document.createElement('a');
  a.download = name;
  a.href = URL.createObjectURL(blob);
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); document.body.removeChild(a); }, 1000);
}
