// @ts-check
/* 绩效自评报告: the draft the core writes from the scores (sections 一 to 六,
 * computed sentences), the passages the user writes (kept with the input:
 * localStorage and the exported JSON), a preview, the Word export and an
 * A4 print of the draft. */

import * as api from '../api.js';
import { $, clear, el, setText } from '../dom.js';
import { debounce, errorMessage } from '../format.js';
import { dateText, mergeDown, paginate } from '../paginate.js';
import { printRoot, printPages } from './print.js';

/** @typedef {import('../store').Store} Store */
/** @typedef {import('../store').State} State */
/** @typedef {import('../types').Draft} Draft */
/** @typedef {import('../types').DraftBlock} DraftBlock */
/** @typedef {import('../types').DraftField} DraftField */
/** @typedef {import('../paginate').Unit} Unit */
/** @typedef {import('../paginate').TableSpec} TableSpec */

/** The passages the user writes: key, where it goes, what to write. @type {[DraftField, string, string][]} */
export const FIELDS = [
  ['background', '一（一）项目基本情况', '项目背景、主要内容及实施情况'],
  ['management', '一（二）资金使用及管理情况', '资金管理、项目组织实施和管理情况（预算数、执行数和执行率由评分结果生成）'],
  ['evaluation', '三、综合评价', '项目目标完成情况、实施效果和主要经验'],
  ['problems', '六、存在的问题和改进措施', '留空则按评分结果草拟（支付进度、未达标指标及原因、指标设置）；填写后以此为准'],
];

const TABLE_HEAD = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'];

/** The drafts of the current input with the user's passages (none without a report).
 * @param {State} state @returns {Promise<Draft[]>} */
export function currentDrafts(state) {
  if (!state.input || !state.report) return Promise.resolve([]);
  return api.reportDraft(api.withDrafts(state.input, state.drafts), state.edits, state.profile);
}

/** The draft as elements (the preview and the print): units, with the table's rows as table rows.
 * @param {Draft} d @returns {Unit[]} */
export function draftUnits(d) {
  /** @type {Unit[]} */
  const units = [{ el: el('h1', { text: d.title }), keep: true }];
  /** @type {TableSpec} */
  const spec = {
    className: 'pf-grid',
    colgroup: el('colgroup', null, [11, 13, 20, 20, 20, 8, 8].map((w) => el('col', { style: 'width:' + w + '%' }))),
    header: el('tr', null, TABLE_HEAD.map((h) => el('th', { scope: 'col', text: h }))),
    merge(rows) {
      mergeDown(rows, 0, (r) => r.getAttribute('data-l1') || '');
      mergeDown(rows, 1, (r) => (r.getAttribute('data-l1') || '') + '\u0000' + (r.getAttribute('data-l2') || ''));
    },
  };
  d.sections.forEach((s) => {
    units.push({ el: el('h2', { text: s.heading }), keep: true });
    let noted = false;
    s.blocks.forEach((b) => {
      switch (b.kind) {
        case 'subheading': units.push({ el: el('h3', { text: b.text }), keep: true }); break;
        case 'computed': units.push({ el: el('p', { text: b.text }) }); break;
        case 'field':
          if (!b.text) units.push({ el: el('p', null, el('span', { class: 'rp-blank', text: '【待填写：' + b.label + '】' })) });
          else b.text.split('\n').filter((l) => l.trim()).forEach((l) => units.push({ el: el('p', { text: l.trim() }) }));
          break;
        case 'drafted':
          if (!noted) { noted = true; units.push({ el: el('p', { class: 'rp-note', text: '（以下根据评分结果草拟，请核实修改）' }), keep: true }); }
          units.push({ el: el('p', { text: b.text }) });
          break;
        case 'table':
          b.rows.forEach((r) => units.push({
            el: el('tr', { 'data-l1': r.level1, 'data-l2': r.level2 }, [r.level1, r.level2, r.name, r.target, r.actual, r.weight, r.score].map((t) => el('td', { text: t }))),
            row: true,
            table: spec,
          }));
          break;
        case 'list': b.items.forEach((t) => units.push({ el: el('p', { text: t }) })); break;
      }
    });
  });
  return units;
}

/** @param {Store} store */
export function reportView(store) {
  // Folded until opened: the draft comes from the writers' module, which is
  // compiled on first use (www/loader.js), not while the scores show.
  const details = { open: false };
  const body = el('div', { class: 'report-body', hidden: true });
  const toggle = el('button', { type: 'button', class: 'btn btn-quiet btn-small', testid: 'report-toggle', 'aria-expanded': 'false', text: '填写与预览' });
  const panel = el('section', { class: 'panel report-panel', id: 'report-panel', testid: 'report-panel', hidden: true }, [
    el('div', { class: 'panel-head' }, [
      el('h2', { text: '绩效自评报告（草稿）' }),
      el('span', { class: 'panel-hint', text: '计算部分由评分结果生成；黄色为待填写内容，在此填写后随输入一起保存' }),
      toggle,
    ]),
    body,
  ]);
  const editors = el('div', { class: 'report-fields' });
  const preview = el('div', { class: 'rp-doc report-preview', testid: 'report-preview' });
  const message = el('div', { class: 'report-message', role: 'status' });
  body.appendChild(editors);
  body.appendChild(message);
  body.appendChild(preview);
  toggle.addEventListener('click', () => {
    details.open = !details.open;
    body.hidden = !details.open;
    toggle.setAttribute('aria-expanded', String(details.open));
    toggle.textContent = details.open ? '收起' : '填写与预览';
    if (!details.open) return;
    renderEditors(store.state);
    renderPreview(store.state);
  });
  // after the results (which re-render themselves), inside the page's main
  const results = $('results');
  if (results && results.parentNode) results.parentNode.insertBefore(panel, results.nextSibling);
  else document.body.appendChild(panel);
  let shape = '';

  let asked = 0;
  /** @param {State} state */
  function renderPreview(state) {
    const mine = ++asked;
    currentDrafts(state).then((drafts) => {
      if (mine === asked) showPreview(drafts);
    }, (e) => {
      if (mine === asked) setText(message, errorMessage(e));
    });
  }

  /** @param {Draft[]} drafts */
  function showPreview(drafts) {
    clear(preview);
    setText(message, '');
    drafts.forEach((d) => draftUnits(d).forEach((u) => {
      if (!u.row) { preview.appendChild(u.el); return; }
      let t = preview.lastChild;
      if (!t || t.nodeName !== 'TABLE') {
        t = el('table', { class: 'pf-grid' }, [el('thead', null, el('tr', null, TABLE_HEAD.map((h) => el('th', { scope: 'col', text: h })))), el('tbody')]);
        preview.appendChild(t);
      }
      /** @type {HTMLTableElement} */ (t).tBodies[0].appendChild(u.el);
    }));
  }
  const later = debounce(() => renderPreview(store.state), 300);

  /** @param {State} state */
  function renderEditors(state) {
    const report = state.report;
    const names = report ? report.projects.map((p) => p.name || '') : [];
    const next = JSON.stringify(names);
    if (next === shape) return;
    shape = next;
    clear(editors);
    names.forEach((name, i) => {
      const own = state.drafts[i] || {};
      editors.appendChild(el('fieldset', { class: 'report-project' }, [
        el('legend', { text: name || '项目 ' + (i + 1) }),
        FIELDS.map(([key, where, hint]) => el('label', { class: 'report-field' }, [
          el('span', { class: 'field-label', text: where }),
          el('textarea', {
            rows: key === 'problems' ? 4 : 3,
            placeholder: hint,
            testid: 'draft-' + key + '-' + i,
            oninput: (/** @type {Event} */ ev) => {
              const text = /** @type {HTMLTextAreaElement} */ (ev.target).value;
              store.update({ type: 'draft', project: i, field: key, text });
            },
          }, own[key] || ''),
        ])),
      ]));
    });
  }

  return {
    /** @param {State} state @param {import('../store').Changed} changed */
    render(state, changed) {
      panel.hidden = !state.report || !state.report.projects.length;
      if (panel.hidden) { shape = ''; return; }
      if (!details.open) return;
      if (changed.report || changed.source) { renderEditors(state); renderPreview(state); }
      else if (changed.draft) later();
    },
  };
}

/** Print the report drafts on A4 (title, sections, the table, page numbers).
 * @param {State} state @param {(message: string) => void} failed */
export function printReport(state, failed) {
  currentDrafts(state).then((drafts) => {
    if (!drafts.length) return;
    const root = printRoot();
    const note = '打印日期：' + dateText(new Date());
    drafts.forEach((d) => paginate(draftUnits(d), note).forEach((pg) => {
      pg.classList.add('rp-doc');
      root.appendChild(pg);
    }));
    printPages('绩效自评报告');
  }, (e) => failed(errorMessage(e)));
}
