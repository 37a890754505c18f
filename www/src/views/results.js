// @ts-check
/* The results: an empty state, or the project list (several projects) and
 * one card per project. A card is rebuilt only when its project's shape
 * changed (another table); otherwise each part re-renders when its own data
 * changed: the 复核 summary at the top, the summary, the issues, the 复核
 * panel, and in the table the rows, subtotals and total that moved. */

import { $, el, clear, swap } from '../dom.js';
import { fmt2, sig } from '../format.js';
import { gradeClass } from '../labels.js';
import { originalValue } from './cells.js';
import { liveNodes, summaryView } from './summary.js';
import { issuesView } from './issues.js';
import { auditView } from './audit.js';
import { reviewView } from './review.js';
import { rowsShape, rowsView } from './rows.js';

/** @typedef {import('../types').ProjectResult} ProjectResult */
/** @typedef {import('../types').Edit} Edit */
/** @typedef {import('../store').State} State */
/** @typedef {import('../store').Store} Store */

/**
 * @typedef {object} Part
 * @property {string} sig
 * @property {HTMLElement} node
 */

/**
 * @typedef {object} Card
 * @property {string} shape
 * @property {HTMLElement} node
 * @property {Part} summary
 * @property {Part} issues
 * @property {Part} audit
 * @property {Part} review
 * @property {HTMLElement} side
 * @property {HTMLElement} top
 * @property {ReturnType<typeof rowsView>} rows
 * @property {import('./summary.js').Live} live  the total and grade (live regions)
 */

/** @param {Store} store */
export function resultsView(store) {
  const root = $('results');
  /** @type {Card[]} */
  let cards = [];
  /** @type {Part | null} */
  let nav = null;

  /** @param {State} state */
  function render(state) {
    const rep = state.report;
    const projects = rep && rep.projects;
    if (!projects || !projects.length) {
      cards = [];
      nav = null;
      clear(root);
      const msg = !projects
        ? state.source === 'none' ? '尚无评分结果。请粘贴自评表、选择文件，或点击“载入示例”。' : '没有可显示的评分结果。'
        : '没有找到可评分的项目。';
      root.appendChild(el('div', { class: 'empty-state', id: !projects ? 'empty-state' : null }, [el('p', { text: msg })]));
      return;
    }
    if (!cards.length) clear(root);
    // the project list, when there are several
    const navSig = projects.length > 1 ? sig(projects.map((p) => [p.name, p.total, p.grade])) : '';
    if ((nav ? nav.sig : '') !== navSig) {
      const fresh = navSig ? navView(projects) : null;
      if (nav && fresh) root.replaceChild(fresh, nav.node);
      else if (nav) root.removeChild(nav.node);
      else if (fresh) root.insertBefore(fresh, root.firstChild);
      nav = fresh ? { sig: navSig, node: fresh } : null;
    }
    // the cards: kept, updated, rebuilt or dropped
    projects.forEach((p, i) => {
      const shape = sig([p.name, p.department, p.implementer, p.sheet, rowsShape(p)]);
      const card = cards[i];
      if (card && card.shape === shape) { updateCard(card, p, i, state, store); return; }
      const fresh = buildCard(p, i, state, shape, store);
      if (card) root.replaceChild(fresh.node, card.node);
      else root.appendChild(fresh.node);
      cards[i] = fresh;
    });
    cards.splice(projects.length).forEach((c) => root.removeChild(c.node));
  }
  return { render };
}

/** @param {ProjectResult} p @param {number} i */
function projectTitle(p, i) {
  return p.name || '项目 ' + (i + 1);
}

/** @param {ProjectResult[]} projects */
function navView(projects) {
  return el('nav', { class: 'project-nav', testid: 'project-nav', 'aria-label': '项目列表' }, [
    el('div', { class: 'pn-title', text: '本文件共 ' + projects.length + ' 个项目' }),
    el('ol', { class: 'project-nav-list' }, projects.map((p, i) => el('li', null, [
      el('a', {
        href: '#project-' + (i + 1),
        onclick: (/** @type {Event} */ ev) => {
          ev.preventDefault();
          const t = $('project-' + (i + 1));
          if (t) t.scrollIntoView({ behavior: 'smooth', block: 'start' });
        },
      }, [
        el('span', { class: 'pn-name', text: projectTitle(p, i) }),
        el('span', { class: 'pn-total num', text: fmt2(p.total) }),
        el('span', { class: 'grade-chip ' + gradeClass(p.grade), text: p.grade || '—' }),
      ]),
    ]))),
  ]);
}

/** @param {ProjectResult} p */
const summarySig = (p) => sig([p.total, p.grade, p.weight_sum, p.provisional, p.stated_total, p.execution, p.subtotals, p.cap || null,
  p.rows.map((r) => r.status), (p.errors || []).length, (p.audit || []).length]);
/** @param {ProjectResult} p */
const issuesSig = (p) => sig([p.errors, p.warnings, p.ignored]);
/** @param {ProjectResult} p */
const auditSig = (p) => sig(p.audit);
/** @param {ProjectResult} p @param {boolean} on */
const reviewSig = (p, on) => sig([p.audit_summary, (p.audit || []).length, on]);

/** The 复核 summary of a project, its switch wired to the store.
 * @param {ProjectResult} p @param {boolean} on @param {Store} store */
function review(p, on, store) {
  return reviewView(p, on, (next) => store.update({ type: 'review', on: next }));
}

/**
 * @param {ProjectResult} p @param {number} pi @param {State} state @param {string} shape @param {Store} store
 * @returns {Card}
 */
function buildCard(p, pi, state, shape, store) {
  const edits = state.edits;
  const node = el('article', { class: 'project', id: 'project-' + (pi + 1), testid: 'project' });
  /** @param {number | string} place */
  const goto = (place) => scrollToRow(node, place);
  const meta = [['主管部门', p.department], ['实施单位', p.implementer], ['工作表', p.sheet]]
    .filter((m) => m[1])
    .map((m) => el('span', null, [el('span', { class: 'meta-k', text: m[0] }), m[1]]));
  node.appendChild(el('header', { class: 'project-head' }, [
    el('h2', { class: 'project-name', testid: 'project-name', text: projectTitle(p, pi) }),
    meta.length ? el('div', { class: 'project-meta' }, meta) : null,
  ]));
  const reviewPart = { sig: reviewSig(p, state.review), node: review(p, state.review, store) };
  node.appendChild(reviewPart.node);
  const live = liveNodes();
  const summary = { sig: summarySig(p) + moneyUnit(state, pi), node: summaryView(p, live, moneyUnit(state, pi)) };
  const issues = { sig: issuesSig(p), node: issuesView(p, goto) };
  const audit = { sig: auditSig(p), node: auditView(p, goto) };
  const side = el('div', { class: 'side' }, [issues.node, audit.node]);
  const top = el('div', { class: 'project-top' }, [summary.node, side]);
  const rows = rowsView(p, projectEdits(edits, pi), (row, patch) => store.update({ type: 'edit', project: pi, row, patch }),
    { cell: (row, field) => cellState(store.state, pi, row, field) });
  rows.review(state.review);
  node.appendChild(top);
  node.appendChild(rows.node);
  return { shape, node, summary, issues, audit, review: reviewPart, side, top, rows, live };
}

/** @param {Card} card @param {ProjectResult} p @param {number} pi @param {State} state @param {Store} store */
function updateCard(card, p, pi, state, store) {
  /** @param {Part} part @param {HTMLElement} parent @param {string} next @param {() => HTMLElement} draw */
  const refresh = (part, parent, next, draw) => {
    if (part.sig === next) return;
    part.node = swap(parent, part.node, draw());
    part.sig = next;
  };
  /** @param {number | string} place */
  const goto = (place) => scrollToRow(card.node, place);
  refresh(card.review, card.node, reviewSig(p, state.review), () => review(p, state.review, store));
  refresh(card.summary, card.top, summarySig(p) + moneyUnit(state, pi), () => summaryView(p, card.live, moneyUnit(state, pi)));
  refresh(card.issues, card.side, issuesSig(p), () => issuesView(p, goto));
  refresh(card.audit, card.side, auditSig(p), () => auditView(p, goto));
  card.rows.update(p, projectEdits(state.edits, pi));
  card.rows.review(state.review);
}

/** What a table cell shows: the edit, else the file's value; and a refusal.
 * @param {import('../store.js').State} state @param {number} pi @param {number} row @param {string} field
 * @returns {import('./cells.js').CellState} */
function cellState(state, pi, row, field) {
  const original = originalValue(state.input, pi, row, field);
  const edit = state.edits.find((e) => e.project === pi && e.row === row);
  const v = edit ? /** @type {any} */ (edit)[field] : undefined;
  const r = state.refused;
  const refused = r && r.project === pi && r.row === row && r.field === field ? { value: r.value, message: r.message } : null;
  return { value: v === undefined || v === null ? original : String(v), original, edited: v !== undefined && v !== null, refused };
}

/** The unit the file wrote project `pi`'s amounts in (the input's; 万元 when not read).
 * @param {State} state @param {number} pi @returns {'元' | '万元'} */
function moneyUnit(state, pi) {
  const p = !state.opened && state.input && state.input.projects[pi];
  return p && p.budget && p.budget.unit === '元' ? '元' : '万元';
}

/** @param {Edit[]} edits @param {number} pi */
function projectEdits(edits, pi) {
  return edits.filter((e) => e.project === pi);
}

/** Scroll to a row of the card ('exec', 'total' or a row number), focus it and flash it.
 * @param {HTMLElement} card @param {number | string} place */
function scrollToRow(card, place) {
  const key = String(place);
  const safe = key === 'exec' || key === 'total' ? key : key.replace(/[^0-9]/g, '');
  const tr = card.querySelector('tr[data-row="' + safe + '"]');
  if (!tr) return;
  tr.scrollIntoView({ behavior: 'smooth', block: 'center' });
  /** @type {HTMLElement} */ (tr).focus({ preventScroll: true });
  tr.classList.remove('flash');
  void (/** @type {HTMLElement} */ (tr).offsetWidth);
  tr.classList.add('flash');
}
