// @ts-check
/* Downloads: the input with the user's choices and report passages (JSON,
 * reads back unchanged), the scores as CSV, the 自评表 as XLSX (and its blank
 * template), the 绩效自评报告 draft as DOCX — all written by the core. */

import * as api from './api.js';
import { errorMessage } from './format.js';

/** @typedef {import('./store').Store} Store */

/** @param {Store} store */
export function exporters(store) {
  const { state } = store;
  const base = () => (state.source === 'file' && state.fileName ? state.fileName.replace(/\.[^.]*$/, '') : '') || '绩效自评表';
  /** Make the bytes with the core (the writers answer with a promise: their
   * module is compiled on the first export) and download them; a failure
   * shows as the page's message.
   * @param {() => Uint8Array | Promise<Uint8Array>} make @param {string} type @param {string} name */
  const save = (make, type, name) => {
    /** @param {unknown} e */
    const failed = (e) => store.update({ type: 'error', message: errorMessage(e) });
    let made;
    try {
      made = make();
    } catch (e) {
      failed(e);
      return;
    }
    Promise.resolve(made).then((bytes) => download(new Blob([/** @type {BlobPart} */ (bytes)], { type }), name), failed);
  };
  return {
    exportJson() {
      if (!state.input) return;
      const text = JSON.stringify(api.withDrafts(api.withEdits(state.input, state.edits), state.drafts), null, 2);
      download(new Blob([text], { type: 'application/json;charset=utf-8' }), base() + '.jixiao.json');
    },
    exportCsv() {
      const input = state.input;
      if (input) save(() => api.exportCsv(input, state.edits, state.profile), CSV, base() + '.评分结果.csv');
    },
    exportXlsx() {
      const input = state.input;
      if (input) save(() => api.exportXlsx(input, state.edits, state.profile), XLSX, base() + '.自评表.xlsx');
    },
    blankTemplate() {
      save(() => api.blankTemplate(), XLSX, '项目支出绩效自评表（空白模板）.xlsx');
    },
    blankTemplateCsv() {
      save(() => api.blankTemplateCsv(), CSV, '项目支出绩效自评表（空白模板）.csv');
    },
    exportDocx() {
      const input = state.input;
      if (input) save(() => api.reportDocx(api.withDrafts(input, state.drafts), state.edits, state.profile), DOCX, base() + '.绩效自评报告.docx');
    },
  };
}

const CSV = 'text/csv;charset=utf-8';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

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
