// @ts-check
/* 绩效自评表评分 — the page. Wires the store to the views and the views'
 * controls to the store. Scoring is done by window.jixiao (Rust compiled to
 * WebAssembly); the page only takes input, shows results and keeps them.
 *
 *   store.js     the state and update(action)   api.js      window.jixiao
 *   storage.js   localStorage                    labels.js   scoring labels
 *   views/       input, notices, mapping (the column-mapping panel),
 *                results (summary, issues, audit, rows)
 */

import * as api from './api.js';
import { createStore } from './store.js';
import { exporters } from './export.js';
import { errorMessage } from './format.js';
import { bindInput, renderInput } from './views/input.js';
import { renderNotices } from './views/notices.js';
import { resultsView } from './views/results.js';
import { reportView } from './views/report.js';
import { mappingView } from './views/mapping.js';

function init() {
  /** @type {ReturnType<typeof resultsView>} */
  let results;
  /** @type {ReturnType<typeof reportView>} */
  let report;
  /** @type {ReturnType<typeof mappingView>} */
  let mapping;
  const store = createStore((state, changed) => {
    renderInput(state, changed);
    renderNotices(state, changed);
    mapping.render(state, changed);
    if (changed.report || changed.review) results.render(state);
    report.render(state, changed);
  });
  results = resultsView(store);
  report = reportView(store);
  mapping = mappingView(store);
  bindInput(store, exporters(store));
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

if (!(/** @type {any} */ (window).__jixiaoUnsupported)) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
}
