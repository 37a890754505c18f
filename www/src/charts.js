// @ts-check
/* The overview's charts, drawn by the page as inline SVG (no library, no
 * network; they print with the page): grade distribution, score
 * distribution, execution rate per project and stated-minus-computed per
 * project. Beyond PER_PROJECT projects a per-project chart becomes a
 * distribution (one bar per range), so the DOM stays small. */

import { el } from './dom.js';
import { gradeClass } from './labels.js';

/** @typedef {import('./collection').Line} Line */

const NS = 'http://www.w3.org/2000/svg';
const W = 360;
const H = 160;
const PER_PROJECT = 400;

/** @param {string} tag @param {Record<string, string | number>} attrs @param {string} [text] */
function s(tag, attrs, text) {
  const n = document.createElementNS(NS, tag);
  Object.keys(attrs).forEach((k) => n.setAttribute(k, String(attrs[k])));
  if (text !== undefined) n.textContent = text;
  return n;
}

/** Bars with labels under them. @param {string} title @param {{label: string, value: number, cls?: string}[]} bars
 * @param {{signed?: boolean, unit?: string}} [o] */
function barChart(title, bars, o = {}) {
  const svg = s('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img', 'aria-label': title, class: 'chart' });
  const max = Math.max(1e-9, ...bars.map((b) => Math.abs(b.value)));
  const top = 14;
  const base = o.signed ? top + (H - top - 24) / 2 : H - 24;
  const span = o.signed ? (H - top - 24) / 2 : H - top - 24;
  const bw = (W - 20) / Math.max(1, bars.length);
  svg.appendChild(s('line', { x1: 10, x2: W - 10, y1: base, y2: base, class: 'axis' }));
  bars.forEach((b, i) => {
    const h = (Math.abs(b.value) / max) * span;
    const x = 10 + i * bw;
    const r = s('rect', { x: x + bw * 0.1, width: Math.max(0.5, bw * 0.8), y: b.value >= 0 ? base - h : base, height: Math.max(h, b.value ? 0.5 : 0), class: 'bar ' + (b.cls || '') });
    r.appendChild(s('title', {}, b.label + '：' + round(b.value) + (o.unit || '')));
    svg.appendChild(r);
    if (bars.length <= 12) {
      svg.appendChild(s('text', { x: x + bw / 2, y: H - 8, 'text-anchor': 'middle', class: 'tick' }, b.label));
      if (b.value) svg.appendChild(s('text', { x: x + bw / 2, y: b.value >= 0 ? base - h - 3 : base + h + 10, 'text-anchor': 'middle', class: 'val' }, String(round(b.value))));
    }
  });
  svg.appendChild(s('text', { x: W - 10, y: 10, 'text-anchor': 'end', class: 'tick' }, '最大 ' + round(max) + (o.unit || '')));
  return el('figure', { class: 'chart-box', testid: 'chart' }, [svg, el('figcaption', { text: title })]);
}

/** @param {number} v */
function round(v) {
  return Math.round(v * 100) / 100;
}

/** @param {number[]} values @param {number} lo @param {number} hi @param {number} n */
function histogram(values, lo, hi, n) {
  const step = (hi - lo) / n;
  /** @type {{label: string, value: number}[]} */
  const bars = [];
  for (let i = 0; i < n; i++) bars.push({ label: String(round(lo + i * step)), value: 0 });
  values.forEach((v) => {
    const i = Math.min(n - 1, Math.max(0, Math.floor((v - lo) / step)));
    bars[i].value++;
  });
  return bars;
}

/** @param {Line[]} lines @param {string[]} gradeOrder */
export function charts(lines, gradeOrder) {
  /** @type {Record<string, number>} */
  const byGrade = {};
  lines.forEach((l) => { byGrade[l.grade] = (byGrade[l.grade] || 0) + 1; });
  const grades = gradeOrder.filter((g) => byGrade[g]).concat(Object.keys(byGrade).filter((g) => gradeOrder.indexOf(g) < 0));
  const scores = lines.map((l) => l.total).filter((v) => !isNaN(v));
  const rated = lines.filter((l) => !isNaN(l.rate));
  const stated = lines.filter((l) => !isNaN(l.stated));
  const per = (/** @type {Line[]} */ ls, /** @type {(l: Line) => number} */ f, /** @type {string} */ t, /** @type {boolean} */ signed) => (ls.length <= PER_PROJECT
    ? barChart(t + '（每个项目）', ls.map((l) => ({ label: l.name, value: f(l) })), { signed, unit: signed ? ' 分' : '%' })
    : barChart(t + '（项目数分布）', signed ? histogram(ls.map(f), -10, 10, 10) : histogram(ls.map(f), 0, 120, 12)));
  return el('div', { class: 'charts', testid: 'charts' }, [
    barChart('等级分布（项目数）', grades.map((g) => ({ label: g || '—', value: byGrade[g], cls: gradeClass(g) }))),
    barChart('总分分布（项目数）', histogram(scores, 0, 100, 10)),
    per(rated, (l) => l.rate, '预算执行率', false),
    per(stated, (l) => l.stated - l.total, '填报总分 − 计算总分', true),
  ]);
}
