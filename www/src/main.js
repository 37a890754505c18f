// @ts-check
/* 绩效自评表评分 — the page. Wires the store to the views and the views'
 * controls to the store. Scoring is done by window.jixiao (Rust compiled to
 * WebAssembly); the page only takes input, shows results and keeps them.
 *
 *   store.js     the state and update(action)   api.js      window.jixiao
 *   storage.js   localStorage                    labels.js   scoring labels
 *   tabs.js      the page open in several tabs: one saves
 *   views/       input, notices, mapping (the column-mapping panel),
 *                results (summary, issues, audit, rows)
 *   collection.js  many files scored in a Web Worker (client.js, worker.js),
 *                  shown by views/overview.js; a project opens in the results
 */

/** A single file at least this large goes to the worker (the overview). */
const LARGE = 512 * 1024;

import * as api from './api.js';
import { createStore } from './store.js';
import { download, exporters } from './export.js';
import { createCollection, SIZE_LIMIT } from './collection.js';
import { overviewView } from './views/overview.js';
import { errorMessage } from './format.js';
import { $ } from './dom.js';
import { bindInput, renderInput } from './views/input.js';
import { renderNotices, storedView } from './views/notices.js';
import { createTabs } from './tabs.js';
import { tabsView } from './views/tabs.js';
import { resultsView } from './views/results.js';
import { reportView } from './views/report.js';
import { undoView } from './views/undo.js';
import { mappingView } from './views/mapping.js';
import { profileView } from './views/profile.js';

function init() {
  /** @type {ReturnType<typeof resultsView>} */
  let results;
  /** @type {ReturnType<typeof overviewView>} */
  let overview;
  let backY = 0; // the page's scroll when a project was opened
  /** @type {ReturnType<typeof reportView>} */
  let report;
  /** @type {ReturnType<typeof undoView>} */
  let undo;
  /** @type {ReturnType<typeof mappingView>} */
  let mapping;
  /** @type {ReturnType<typeof tabsView>} */
  let tabBar;
  /** @type {ReturnType<typeof storedView>} */
  let stored;
  let revealed = 0; // the last new input whose summary was scrolled into view
  /** @type {ReturnType<typeof profileView>} */
  let rules;
  const store = createStore((state, changed) => {
    renderInput(state, changed);
    renderNotices(state, changed);
    stored.render(state, changed);
    tabBar.render(state, changed);
    mapping.render(state, changed);
    rules.render(state, changed);
    if (changed.report || changed.review) results.render(state);
    if (changed.report) undo.render(state);
    report.render(state, changed);
    if (changed.report && state.report && state.reveal !== revealed && !$('results').hidden) {
      revealed = state.reveal;
      reveal(/** @type {HTMLElement | null} */ (document.querySelector('#results .summary')));
    }
  }, { edits: (edits) => coll.update({ type: 'edits', edits }) });
  const coll = createCollection((cs) => {
    overview.render(cs);
    const active = cs.files.length > 0;
    $('results').hidden = active && !cs.opened;
    $('back-bar').hidden = !cs.opened;
    if (!cs.opened && store.state.opened) store.update({ type: 'closed' });
  }, {
    opened(project, edits, line) {
      if (!store.state.opened) backY = window.pageYOffset;
      $('opened-title').textContent = line.fileName + (line.sheet ? ' · ' + line.sheet : '') + ' · ' + line.name;
      store.update({ type: 'opened', report: /** @type {any} */ ({ projects: [project] }), edits: edits.map((e) => Object.assign({}, e, { project: 0 })) });
      window.scrollTo(0, 0);
    },
    options: () => ({ encoding: store.state.encoding, profile: api.profileArg(store.state.profile) }),
  });
  results = resultsView(store);
  report = reportView(store);
  undo = undoView(store);
  mapping = mappingView(store);
  stored = storedView(store, download);
  tabBar = tabsView(createTabs({
    mode: (mode) => store.update({ type: 'tab', mode }),
    release: store.flush,
    restore: () => store.update({ type: 'restore' }),
  }));
  rules = profileView(store);
  overview = overviewView(coll, download);
  $('back').addEventListener('click', () => {
    coll.update({ type: 'back' });
    window.scrollTo(0, backY);
  });
  bindInput(store, exporters(store), (files, skipped) => {
    const size = files.length ? files[0].size : 0;
    if (!skipped && files.length < 2 && !coll.state.files.length && (size < LARGE || size > SIZE_LIMIT)) return false;
    coll.update({ type: 'add', files, skipped: skipped || [] });
    try { $('file').value = ''; } catch (e) { /* some browsers refuse */ }
    return true;
  });
  window.addEventListener('beforeunload', store.flush);
  window.addEventListener('pagehide', store.flush);

  store.update({ type: 'restore' });
  if (!api.present()) {
    store.update({
      type: 'failed',
      note: '评分引擎缺失：本页面不完整，请使用完整的 jixiao.html',
      error: '评分引擎未能加载（页面文件不完整）。已输入的内容仍保留在粘贴框中。',
    });
    return;
  }
  api.ready().then(
    () => store.update({ type: 'ready', profiles: api.profiles() }),
    (e) => store.update({ type: 'failed', note: '评分引擎加载失败', error: '评分引擎加载失败：' + errorMessage(e) + '。请确认使用极速模式打开。' }),
  );
}

/** Scroll the summary into view when it is not (once per new input: a
 * paste, a file, the sample — never on typing or a cell's edit).
 * @param {HTMLElement | null} node */
function reveal(node) {
  if (!node) return;
  const r = node.getBoundingClientRect();
  if (r.top >= 0 && r.top < window.innerHeight * 0.6) return;
  node.scrollIntoView(true);
}

if (!(/** @type {any} */ (window).__jixiaoUnsupported)) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
}
