// @ts-check
/* The overview's figures, without the DOM: filter and sort the lines, the
 * totals line, the seeded 抽查 draw, the CSV and the lines the core writes
 * as XLSX. */

/** @typedef {import('./collection').Line} Line */

/** The overview's columns: key, header, and the value it sorts by. */
export const COLUMNS = [
  { key: 'file', head: '文件', value: (/** @type {Line} */ l) => l.fileName + '\u0000' + String(100000 + l.index) },
  { key: 'name', head: '项目名称', value: (/** @type {Line} */ l) => l.name },
  { key: 'department', head: '主管部门/实施单位', value: (/** @type {Line} */ l) => l.department },
  { key: 'budget', head: '全年预算数', value: (/** @type {Line} */ l) => l.budget },
  { key: 'executed', head: '全年执行数', value: (/** @type {Line} */ l) => l.executed },
  { key: 'rate', head: '执行率', value: (/** @type {Line} */ l) => l.rate },
  { key: 'total', head: '总分', value: (/** @type {Line} */ l) => l.total },
  { key: 'stated', head: '填报总分（差）', value: (/** @type {Line} */ l) => l.stated },
  { key: 'grade', head: '等级', value: (/** @type {Line} */ l) => l.grade },
  { key: 'provisional', head: '暂定', value: (/** @type {Line} */ l) => (l.provisional ? 1 : 0) },
  { key: 'errors', head: '错误', value: (/** @type {Line} */ l) => l.errors },
  { key: 'review', head: '复核', value: (/** @type {Line} */ l) => l.review },
];

/** NaN last whichever the direction; numbers by value, text by zh collation. @param {any} a @param {any} b */
function compare(a, b) {
  if (typeof a === 'number' && typeof b === 'number') {
    if (isNaN(a)) return isNaN(b) ? 0 : 2;
    if (isNaN(b)) return -2;
    return a - b;
  }
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/**
 * @param {Line[]} lines
 * @param {{sort: {key: string, dir: number}, filter: {grade: string, status: string, text: string},
 *          draw?: {picked: Record<string, true>} | null}} s
 */
export function visible(lines, s) {
  const f = s.filter;
  const text = f.text.trim().toLowerCase();
  const picked = s.draw ? s.draw.picked : null;
  const out = lines.filter((l) => {
    if (f.grade && l.grade !== f.grade) return false;
    if (f.status === 'provisional' && !l.provisional) return false;
    if (f.status === 'errors' && !l.errors) return false;
    if (f.status === 'review' && !l.review) return false;
    if (f.status === 'drawn' && !(picked && picked[key(l)])) return false;
    if (text && (l.name + ' ' + l.department + ' ' + l.fileName + ' ' + l.sheet).toLowerCase().indexOf(text) < 0) return false;
    return true;
  });
  const col = COLUMNS.find((c) => c.key === s.sort.key);
  if (!col) return out; // the collection's order: files as added, projects as in the file
  const dir = s.sort.dir;
  const byFile = COLUMNS[0].value;
  return out
    .map((l) => ({ l, v: col.value(l), t: byFile(l) }))
    .sort((a, b) => {
      const c = compare(a.v, b.v);
      if (c === 2 || c === -2) return c; // missing figures stay last
      return c * dir || compare(a.t, b.t);
    })
    .map((x) => x.l);
}

/** @param {Line} l */
export function key(l) {
  return l.file + ':' + l.index;
}

/** The totals line. @param {Line[]} lines */
export function totals(lines) {
  let budget = 0;
  let executed = 0;
  /** @type {Record<string, number>} */
  const grades = {};
  const scores = [];
  for (const l of lines) {
    if (!isNaN(l.budget)) budget += l.budget;
    if (!isNaN(l.executed)) executed += l.executed;
    grades[l.grade] = (grades[l.grade] || 0) + 1;
    if (!isNaN(l.total)) scores.push(l.total);
  }
  scores.sort((a, b) => a - b);
  const n = scores.length;
  const mean = n ? scores.reduce((a, b) => a + b, 0) / n : NaN;
  const median = !n ? NaN : n % 2 ? scores[(n - 1) / 2] : (scores[n / 2 - 1] + scores[n / 2]) / 2;
  return { count: lines.length, budget, executed, rate: budget > 0 ? (executed / budget) * 100 : NaN, grades, mean, median };
}

/** A small seeded generator (mulberry32): the same seed, the same draw. @param {number} seed */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 抽查: n projects (or n per department) drawn with the seed, from the
 * lines in file order (so the draw depends on the files and the seed only).
 * @param {Line[]} lines @param {number} n @param {boolean} perDept @param {number} seed
 * @returns {Record<string, true>} */
export function drawSample(lines, n, perDept, seed) {
  const ordered = lines.slice().sort((a, b) => compare(COLUMNS[0].value(a), COLUMNS[0].value(b)));
  /** @type {Record<string, Line[]>} */
  const groups = {};
  ordered.forEach((l) => { const g = perDept ? l.department : ''; (groups[g] = groups[g] || []).push(l); });
  const next = rng(seed);
  /** @type {Record<string, true>} */
  const picked = {};
  Object.keys(groups).sort().forEach((g) => {
    const pool = groups[g].slice();
    for (let i = 0; i < Math.min(n, pool.length); i++) {
      const j = i + Math.floor(next() * (pool.length - i));
      const t = pool[i]; pool[i] = pool[j]; pool[j] = t;
      picked[key(pool[i])] = true;
    }
  });
  return picked;
}

/** @param {number} v @param {number} [d] */
export function fixed(v, d = 2) {
  return isNaN(v) ? '' : v.toFixed(d);
}

/** The overview as CSV (UTF-8 with BOM for Excel/WPS; cells that a
 * spreadsheet would take for a formula are prefixed with '). @param {Line[]} lines */
export function overviewCsv(lines) {
  /** @param {string} s */
  const cell = (s) => {
    let t = /^[=+\-@\t\r]/.test(s) && isNaN(Number(s)) ? "'" + s : s;
    if (/[",\n\r]/.test(t)) t = '"' + t.replace(/"/g, '""') + '"';
    return t;
  };
  const head = ['文件', '工作表', '项目名称', '主管部门/实施单位', '全年预算数', '全年执行数', '执行率(%)', '总分', '填报总分', '差额', '等级', '暂定', '错误', '复核'];
  const rows = lines.map((l) => [l.fileName, l.sheet, l.name, l.department, fixed(l.budget), fixed(l.executed), fixed(l.rate),
    fixed(l.total), fixed(l.stated), isNaN(l.stated) ? '' : fixed(l.stated - l.total), l.grade, l.provisional ? '是' : '',
    String(l.errors), String(l.review)]);
  return '\uFEFF' + [head].concat(rows).map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** The lines for the core's XLSX of the overview (writers: exportOverviewXlsx;
 * a missing figure is null). @param {Line[]} lines
 * @returns {import('./types').OverviewLine[]} */
export function overviewSheet(lines) {
  /** @param {number} v */
  const n = (v) => (isNaN(v) ? null : v);
  return lines.map((l) => ({
    file: l.fileName + (l.sheet ? ' · ' + l.sheet : ''), name: l.name, department: l.department,
    budget: n(l.budget), executed: n(l.executed), rate: n(l.rate), total: n(l.total), stated: n(l.stated),
    grade: l.grade, provisional: l.provisional, errors: l.errors, review: l.review,
  }));
}
