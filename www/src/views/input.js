// @ts-check
/* The input panel: paste box, file picker and drop, encoding and profile
 * selectors, the buttons, and the current profile in words. */

import { $, el, append, clear, setText } from '../dom.js';
import { fmtW, num } from '../format.js';
import { gradeClass } from '../labels.js';
import { printForm } from './print.js';
import { printReport } from './report.js';
import { droppedFolder, filesOf, split } from '../folder.js';
import { ask } from './confirm.js';

/** @typedef {import('../store').State} State */
/** @typedef {import('../store').Changed} Changed */
/** @typedef {import('../store').Store} Store */

/** Wire the panel's controls to the store.
 * @param {Store} store @param {ReturnType<typeof import('../export').exporters>} exports
 * @param {(files: File[], skipped?: string[]) => boolean} [many]  takes files for the collection
 *        (several, large ones, or a folder's: `skipped` lists the folder's unsupported files;
 *        collection.js) and says whether it did; else one file is read here */
export function bindInput(store, exports, many = () => false) {
  const { update } = store;
  // the last action wins: a file still being read when another is chosen, or
  // when the paste box is typed in, is dropped when its reading ends
  let turn = 0;
  /** @param {FileList | null} list */
  const take = (list) => {
    const files = list ? Array.prototype.slice.call(list) : [];
    turn++;
    if (!files.length || many(files)) return;
    const mine = turn;
    readFile(store, files[0], () => mine === turn);
  };
  /** A folder's files: always the collection (even one file). @param {{files: File[], skipped: string[]}} r */
  const folder = (r) => {
    turn++;
    if (r.files.length || r.skipped.length) many(r.files, r.skipped);
  };
  let pasted = false;
  $('input').addEventListener('paste', () => { pasted = true; });
  $('input').addEventListener('input', () => {
    turn++;
    update({ type: 'text', text: $('input').value, paste: pasted });
    pasted = false;
  });
  $('file').addEventListener('change', () => take($('file').files));
  const dir = /** @type {HTMLInputElement} */ ($('folder'));
  dir.addEventListener('change', () => {
    folder(split(Array.prototype.slice.call(dir.files || [])));
    try { dir.value = ''; } catch (e) { /* some browsers refuse */ }
  });
  $('encoding').addEventListener('change', () => update({ type: 'encoding', value: $('encoding').value }));
  $('profile').addEventListener('change', () => update({ type: 'profile', id: $('profile').value }));
  $('sample').addEventListener('click', () => {
    const text = sampleText();
    if (!text) { update({ type: 'error', message: '本页面未包含示例数据（构建时未嵌入）。' }); return; }
    confirmLoss(store, '载入示例将替换', '替换为示例').then((ok) => {
      if (!ok) return;
      turn++;
      update({ type: 'sample', text });
    });
  });
  $('clear-storage').addEventListener('click', () => {
    confirmLoss(store, '清除本地数据将删除', '清除').then((ok) => {
      if (!ok) return;
      turn++;
      update({ type: 'clear' });
    });
  });
  $('export-json').addEventListener('click', exports.exportJson);
  $('export-csv').addEventListener('click', exports.exportCsv);
  $('print').addEventListener('click', () => window.print());
  $('export-xlsx').addEventListener('click', exports.exportXlsx);
  $('blank-template').addEventListener('click', exports.blankTemplate);
  $('blank-template-csv').addEventListener('click', exports.blankTemplateCsv);
  $('export-docx').addEventListener('click', exports.exportDocx);
  $('print-form').addEventListener('click', () => { const s = store.state; if (s.report) printForm(s.report, s.input); });
  $('print-report').addEventListener('click', () => printReport(store.state, (message) => update({ type: 'error', message })));
  bindDrop(take, (entries) => { filesOf(entries).then(folder); });
}

/** What the user would lose, in words ('' for nothing of their own): the
 * sample as loaded, an empty box and a file that could not be read are not
 * theirs. @param {import('../store').State} s */
function ownInput(s) {
  const parts = [];
  if (s.source === 'file' && (s.input || s.fileInput)) parts.push('所选文件“' + s.fileName + '”的内容');
  else if (s.text.trim() && s.text !== sampleText()) parts.push('粘贴框中的内容');
  if (s.edits.length) parts.push(s.edits.length + ' 处修改和判定');
  if (s.drafts.some((d) => d && Object.keys(d).length)) parts.push('填写的报告段落');
  return parts.join('、');
}

/** Ask first when the action would replace or delete the user's own input.
 * @param {Store} store @param {string} does @param {string} yes @returns {Promise<boolean>} */
function confirmLoss(store, does, yes) {
  const own = ownInput(store.state);
  return own ? ask(does + own + '，且无法撤销。确定吗？', yes) : Promise.resolve(true);
}

/** @param {Store} store @param {File} file @param {() => boolean} current  still the last action? */
function readFile(store, file, current) {
  const reader = new FileReader();
  reader.onload = () => {
    if (current()) store.update({ type: 'file', name: file.name, bytes: new Uint8Array(/** @type {ArrayBuffer} */ (reader.result)) });
  };
  reader.onerror = () => current() && store.update({
    type: 'error',
    message: '无法读取文件“' + (file.name || '') + '”：' + ((reader.error && reader.error.message) || String(reader.error)),
  });
  reader.readAsArrayBuffer(file);
}

/** The example table the build embeds (`<script type="text/plain" id="sample-csv">`). */
function sampleText() {
  const node = $('sample-csv');
  const t = node ? node.textContent : '';
  if (!t || t.indexOf('@JIXIAO_SAMPLE@') >= 0) return '';
  return t.replace(/<\\\//g, '</').replace(/^\s*\n/, '');
}

/** Files (or folders: their entries) dragged anywhere onto the page.
 * @param {(f: FileList) => void} onFiles @param {(entries: import('../folder').Entry[]) => void} onFolder */
function bindDrop(onFiles, onFolder) {
  const overlay = $('drop-overlay');
  let depth = 0;
  /** @param {DragEvent} ev */
  const hasFiles = (ev) => !!(ev.dataTransfer && ev.dataTransfer.types && Array.prototype.indexOf.call(ev.dataTransfer.types, 'Files') >= 0);
  document.addEventListener('dragenter', (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    depth++;
    overlay.hidden = false;
  });
  document.addEventListener('dragover', (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    /** @type {DataTransfer} */ (ev.dataTransfer).dropEffect = 'copy';
  });
  document.addEventListener('dragleave', (ev) => {
    if (!hasFiles(ev)) return;
    depth = Math.max(0, depth - 1);
    if (!depth) overlay.hidden = true;
  });
  document.addEventListener('drop', (ev) => {
    depth = 0;
    overlay.hidden = true;
    const entries = droppedFolder(ev.dataTransfer);
    if (entries) { ev.preventDefault(); onFolder(entries); return; }
    const files = ev.dataTransfer && ev.dataTransfer.files;
    if (!files || !files.length) return;
    ev.preventDefault();
    onFiles(files);
  });
}

/** @param {State} state @param {Changed} changed */
export function renderInput(state, changed) {
  if (changed.text) $('input').value = state.text;
  if (changed.source) renderSource(state);
  if (changed.profiles) renderProfileOptions(state);
  if (changed.settings) {
    $('encoding').value = state.encoding;
    $('profile').value = state.profile;
  }
  if (changed.settings || changed.profiles) renderProfile(state);
  if (changed.report || changed.source) {
    $('export-json').disabled = !state.input;
    $('export-csv').disabled = !state.input;
    const scored = !!(state.report && state.report.projects && state.report.projects.length);
    $('print').disabled = !scored;
    ['export-xlsx', 'export-docx', 'print-form', 'print-report'].forEach((id) => { $(id).disabled = !scored; });
  }
}

/** @param {State} state */
function renderSource(state) {
  const line = $('source-line');
  const file = state.source === 'file';
  clear(line);
  const fn = $('file-name');
  setText(fn, file ? state.fileName : '未选择文件');
  fn.className = 'file-name' + (file ? ' has' : '');
  fn.title = fn.textContent;
  $('input').classList.toggle('inactive', file);
  line.hidden = !file;
  if (!file) {
    if ($('file').value) { try { $('file').value = ''; } catch (e) { /* some browsers refuse */ } }
    return;
  }
  const enc = $('encoding');
  const encLabel = enc.options[enc.selectedIndex] ? enc.options[enc.selectedIndex].text : '';
  append(line, [
    el('span', { class: 'src-tag', text: '文件' }),
    el('span', { class: 'src-name', text: state.fileName }),
    el('span', { class: 'src-meta', text: state.fileBytes ? '编码：' + encLabel : '（已从本机恢复解析结果；如需改编码请重新选择文件）' }),
    el('span', { class: 'src-meta', text: '在粘贴框中输入将改用粘贴内容' }),
  ]);
}

/** @param {State} state */
function renderProfileOptions(state) {
  const sel = $('profile');
  clear(sel);
  state.profiles.forEach((p) => sel.appendChild(el('option', { value: p.id, text: p.name || p.id })));
}

/** The current profile in words: weights per level and the grade bands. @param {State} state */
function renderProfile(state) {
  const box = $('profile-summary');
  clear(box);
  const p = state.profiles.find((x) => x.id === state.profile) || state.profiles[0];
  if (!p) return;
  /** @param {string} k @param {string} v */
  const item = (k, v) => el('span', { class: 'ps-item' }, [el('span', { class: 'ps-k', text: k }), el('b', { text: v })]);
  const items = [item('预算执行率', fmtW(p.execution_weight) + ' 分')].concat((p.levels || []).map((l) =>
    item(l.name, num(l.weight) === 0 && l.share_with ? '计入' + l.share_with : fmtW(l.weight) + ' 分')));
  const grades = (p.grades || []).map((g, i, all) => {
    const label = num(g.min) === 0 && i === all.length - 1 && i > 0 ? '< ' + fmtW(all[i - 1].min) : '≥ ' + fmtW(g.min);
    return el('span', { class: 'ps-grade ' + gradeClass(g.grade, p.grades) }, [el('b', { text: g.grade }), ' ' + label]);
  });
  append(box, [
    el('span', { class: 'ps-title', text: '当前规则：' + (p.name || p.id) }),
    el('span', { class: 'ps-group' }, items),
    el('span', { class: 'ps-group' }, [el('span', { class: 'ps-k', text: '等级' })].concat(grades)),
    p.description ? el('div', { class: 'ps-desc', text: p.description }) : null,
  ]);
}
