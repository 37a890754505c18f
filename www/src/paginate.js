// @ts-check
/* A4 pages for print, laid out by the page itself (Chrome 86 has no @page
 * margin boxes, so page numbers, the repeated table header and "no orphaned
 * total row" are done here): content is measured in a hidden A4-wide box and
 * dealt into fixed-size pages, each with its own footer.
 *
 * A unit is a block (kept whole) or a table row (`row`, placed under the
 * table's header, which repeats on every page the table continues on).
 * `keep` ties a unit to the next one (they go to the same page). */

import { el } from './dom.js';

/** @typedef {{el: HTMLElement, row?: false, keep?: boolean}} BlockUnit */
/** @typedef {{el: HTMLTableRowElement, row: true, table: TableSpec, keep?: boolean}} RowUnit */
/** @typedef {BlockUnit | RowUnit} Unit */
/**
 * @typedef {object} TableSpec
 * @property {string} className
 * @property {HTMLElement} colgroup   cloned into every page's table
 * @property {HTMLTableRowElement} header   cloned into every page's thead
 * @property {(rows: HTMLTableRowElement[]) => void} [merge]   merges cells (rowSpan) within one page's rows
 */

/** A4 portrait, in millimetres: the page, its padding and the footer. */
export const PAGE = { width: 210, height: 297, top: 16, bottom: 12, side: 18, footer: 8 };
const PX_PER_MM = 96 / 25.4;

/** The content height of a page, in CSS pixels (a little kept back for rounding). */
function contentHeight() {
  return (PAGE.height - PAGE.top - PAGE.bottom - PAGE.footer) * PX_PER_MM - 4;
}

/**
 * Measure the units in a hidden A4-wide box: their heights and each table header's.
 * @param {Unit[]} units
 * @returns {{heights: number[], headers: Map<TableSpec, number>}}
 */
function measure(units) {
  const box = el('div', { class: 'print-measure', 'aria-hidden': 'true' });
  box.style.width = (PAGE.width - 2 * PAGE.side) + 'mm';
  document.body.appendChild(box);
  /** @type {Map<TableSpec, HTMLTableElement>} */
  const tables = new Map();
  units.forEach((u) => {
    if (!u.row) { box.appendChild(u.el); return; }
    let t = tables.get(u.table);
    if (!t) {
      t = /** @type {HTMLTableElement} */ (el('table', { class: u.table.className }, [u.table.colgroup.cloneNode(true), el('thead', null, u.table.header.cloneNode(true)), el('tbody')]));
      tables.set(u.table, t);
      box.appendChild(t);
    }
    t.tBodies[0].appendChild(u.el);
  });
  const heights = units.map((u) => u.el.getBoundingClientRect().height);
  /** @type {Map<TableSpec, number>} */
  const headers = new Map();
  tables.forEach((t, spec) => headers.set(spec, t.tHead ? t.tHead.getBoundingClientRect().height : 0));
  // block margins count too: a block's height is from its top to the next block's top
  units.forEach((u, i) => {
    if (u.row) return;
    const style = window.getComputedStyle(u.el);
    heights[i] += (parseFloat(style.marginTop) || 0) + (parseFloat(style.marginBottom) || 0);
  });
  document.body.removeChild(box);
  return { heights, headers };
}

/**
 * Deal units into pages: returns, per page, the indices of its units.
 * A run of `keep` units and the unit after it go to one page when they fit
 * on an empty page.
 * @param {Unit[]} units @param {number[]} heights @param {Map<TableSpec, number>} headers @param {number} room
 * @returns {number[][]}
 */
export function deal(units, heights, headers, room) {
  /** @type {number[][]} */
  const pages = [[]];
  let used = 0;
  /** @type {TableSpec | null} */
  let open = null; // the table whose header is on this page
  /** @param {number} i @param {TableSpec | null} tableOnPage */
  const cost = (i, tableOnPage) => {
    const u = units[i];
    return heights[i] + (u.row && tableOnPage !== u.table ? headers.get(u.table) || 0 : 0);
  };
  let i = 0;
  while (i < units.length) {
    // the group: this unit and those tied to it
    let j = i;
    while (j < units.length - 1 && units[j].keep) j++;
    let need = 0;
    let t = open;
    for (let k = i; k <= j; k++) {
      need += cost(k, t);
      const u = units[k];
      t = u.row ? u.table : null;
    }
    if (used + need > room && pages[pages.length - 1].length) {
      pages.push([]);
      used = 0;
      open = null;
      continue; // cost again on the empty page (the header comes back)
    }
    for (let k = i; k <= j; k++) {
      used += cost(k, open);
      const u = units[k];
      open = u.row ? u.table : null;
      pages[pages.length - 1].push(k);
    }
    i = j + 1;
  }
  return pages;
}

/**
 * The pages of one group (a project's form, the overview, a report), each
 * with the footer 「第 i 页 共 n 页」 and the date.
 * @param {Unit[]} units @param {string} footerNote
 * @returns {HTMLElement[]}
 */
export function paginate(units, footerNote) {
  const { heights, headers } = measure(units);
  const pages = deal(units, heights, headers, contentHeight());
  return pages.map((idx, p) => {
    const body = el('div', { class: 'print-body' });
    /** @type {HTMLTableElement | null} */
    let table = null;
    /** @type {TableSpec | null} */
    let spec = null;
    /** @type {HTMLTableRowElement[]} */
    let rows = [];
    const close = () => {
      if (spec && spec.merge) spec.merge(rows);
      table = null; spec = null; rows = [];
    };
    idx.forEach((i) => {
      const u = units[i];
      if (!u.row) { close(); body.appendChild(u.el); return; }
      if (spec !== u.table) {
        close();
        spec = u.table;
        table = /** @type {HTMLTableElement} */ (el('table', { class: spec.className }, [spec.colgroup.cloneNode(true), el('thead', null, spec.header.cloneNode(true)), el('tbody')]));
        body.appendChild(table);
      }
      /** @type {HTMLTableElement} */ (table).tBodies[0].appendChild(u.el);
      rows.push(u.el);
    });
    close();
    const foot = el('div', { class: 'print-foot' }, [
      el('span', { text: footerNote }),
      el('span', { class: 'print-pageno', text: '第 ' + (p + 1) + ' 页 共 ' + pages.length + ' 页' }),
    ]);
    return el('div', { class: 'print-page' }, [body, foot]);
  });
}

/** Merge equal cells down a column within these rows (rowSpan), as the form does.
 * @param {HTMLTableRowElement[]} rows @param {number} col @param {(r: HTMLTableRowElement) => string} key */
export function mergeDown(rows, col, key) {
  let start = 0;
  while (start < rows.length) {
    let end = start;
    while (end + 1 < rows.length && key(rows[end + 1]) === key(rows[start])) end++;
    const first = rows[start].cells[col];
    if (first) first.rowSpan = end - start + 1;
    for (let k = start + 1; k <= end; k++) {
      const c = rows[k].cells[col];
      if (c) c.style.display = 'none';
    }
    start = end + 1;
  }
}

/** 「2026年12月1日」 @param {Date} d */
export function dateText(d) {
  return d.getFullYear() + '年' + (d.getMonth() + 1) + '月' + d.getDate() + '日';
}
