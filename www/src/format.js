// @ts-check
/* Number display and small helpers. No scoring knowledge here: the core
 * rounds; the page only prints what it got. */

/** @param {unknown} v @returns {number | null} */
export function num(v) {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return isFinite(n) ? n : null;
}

/** Two decimals; "—" for no value. @param {unknown} v */
export function fmt2(v) {
  const n = num(v);
  return n === null ? '—' : n.toFixed(2);
}

/** An amount as the core gives it (万元), with thousands separators: 1234567.5 → "1,234,567.5"; "—" for none.
 * @param {unknown} v */
export function fmtMoney(v) {
  const n = num(v);
  if (n === null) return '—';
  const parts = String(Math.abs(n)).split('.');
  if (/e/i.test(parts[0])) return String(n);
  const int = parts[0].replace(/\B(?=(\d{3})+$)/g, ',');
  return (n < 0 ? '−' : '') + int + (parts.length > 1 ? '.' + parts[1] : '');
}

/** An amount in 万元 as written in `unit`: 元 moves the decimal point four
 * places (text, not arithmetic: 34.64 → "346,400"), with thousands separators.
 * @param {unknown} v @param {'元' | '万元' | undefined | null} unit */
export function fmtAmount(v, unit) {
  const n = num(v);
  if (n === null || unit !== '元') return fmtMoney(v);
  const neg = n < 0;
  const parts = String(Math.abs(n)).split('.');
  if (/e/i.test(parts[0])) return fmtMoney(n * 10000);
  const frac = (parts[1] || '') + '0000';
  const int = (parts[0] + frac.slice(0, 4)).replace(/^0+(?=\d)/, '');
  const rest = frac.slice(4).replace(/0+$/, '');
  return fmtMoney((neg ? '-' : '') + int + (rest ? '.' + rest : ''));
}

/** A weight: integers without decimals, others with two. @param {unknown} v */
export function fmtW(v) {
  const n = num(v);
  if (n === null) return '—';
  return Math.round(n) === n ? String(n) : n.toFixed(2);
}

/** Points lost (weight − score) when more than rounding noise, else 0. @param {unknown} weight @param {unknown} score */
export function lost(weight, score) {
  const d = (num(weight) || 0) - (num(score) || 0);
  return d > 0.004 ? d : 0;
}

/** @param {unknown} e @returns {string} */
export function errorMessage(e) {
  if (!e) return '发生未知错误';
  if (typeof e === 'string') return e;
  return /** @type {any} */ (e).message || String(e);
}

/** The same value as a string, for "did this change?" comparisons. @param {unknown} v */
export function sig(v) {
  return JSON.stringify(v === undefined ? null : v);
}

/**
 * @template {(...args: any[]) => void} F
 * @param {F} fn @param {number} ms
 * @returns {F & {flush(): void, cancel(): void}}
 */
export function debounce(fn, ms) {
  /** @type {any} */ let t = null;
  /** @type {any[]} */ let last = [];
  const run = /** @type {any} */ (function (/** @type {any[]} */ ...args) {
    last = args;
    if (t) clearTimeout(t);
    t = setTimeout(() => { t = null; fn(...last); }, ms);
  });
  run.flush = () => { if (t) { clearTimeout(t); t = null; fn(...last); } };
  run.cancel = () => { if (t) { clearTimeout(t); t = null; } };
  return run;
}
