// @ts-check
/* The rule editor (issue 11 "Rules in the page", S36): the current profile's
 * settings as fields — weights per level and for execution, grade lines,
 * the qualitative bands and default points, the reverse formula, the
 * over-achievement factor, the execution cap, the late rule, caps on the
 * total. A change is checked by the core (checkProfile: the same check as
 * the CLI's --profile FILE); a refused value stays in its field with the
 * core's message and nothing is re-scored; an accepted one becomes the
 * page's 自定义 profile (customProfile) and the page re-scores at once.
 * Export writes the JSON `--profile FILE` reads (the core's serialisation);
 * import reads a file as --profile FILE does (readProfile). */

import * as api from '../api.js';
import { el, append, clear, setText } from '../dom.js';
import { download } from '../export.js';
import { errorMessage } from '../format.js';

/** @typedef {import('../store').State} State */
/** @typedef {import('../store').Changed} Changed */
/** @typedef {import('../store').Store} Store */
/** @typedef {import('../types').Profile} Profile */
/** @typedef {import('../types').ProfileIssue} ProfileIssue */

/** How a field is shown: a number in 分, a share of the row's 分值 as %, a
 * plain number (factor, rate in %), a switch or a choice. */
/** @typedef {{path: string, label: string, kind: 'points' | 'percent' | 'number' | 'bool' | 'choice', unit?: string,
 *   hint?: string, choices?: Array<[string, string]>}} FieldSpec */

/** The reverse formula and the late rule, in words (S9, S28). */
const REVERSE = /** @type {Array<[string, string]>} */ ([['ratio', '比值：分值 × 指标值 ÷ 完成值'], ['linear', '线性：超出部分按比例扣分，达到指标值 2 倍得 0 分']]);
const LATE = /** @type {Array<[string, string]>} */ ([['ratio', '按天数比例计分'], ['zero', '逾期不得分']]);
/** The group of the caps on the total by execution rate (S36). */
const CAPS = '按执行率限定总分';

/** The fields of a profile, grouped, with their labels.
 * @param {Profile} p @returns {Array<[string, FieldSpec[]]>} */
function sections(p) {
  const pts = (/** @type {string} */ path, /** @type {string} */ label, /** @type {string} */ hint = '') =>
    /** @type {FieldSpec} */ ({ path, label, kind: 'points', unit: '分', hint });
  const pct = (/** @type {string} */ path, /** @type {string} */ label) => /** @type {FieldSpec} */ ({ path: 'qualitative.' + path, label, kind: 'percent', unit: '%' });
  const caps = (p.total_caps || []).map((c, i) => /** @type {FieldSpec[]} */ ([
    { path: 'total_caps.' + i + '.rate_from', label: '第 ' + (i + 1) + ' 条：执行率自', kind: 'number', unit: '%' },
    { path: 'total_caps.' + i + '.rate_below', label: '至（不含）', kind: 'number', unit: '%' },
    pts('total_caps.' + i + '.max_total', '总分不超过'),
  ]));
  return [
    ['分值', [pts('execution_weight', '预算执行率')]
      .concat(p.levels.map((l, i) => pts('levels.' + i + '.weight', l.name, l.share_with ? '表内未给分值时计入' + l.share_with : '')))
      .concat([pts('total', '满分')])],
    ['等级（总分不低于）', p.grades.map((g, i) => pts('grades.' + i + '.min', g.grade))],
    ['定性指标（占该行分值）', [
      pct('achieved_min', '达成档下限'), pct('partial_min', '部分达成档下限'),
      pct('achieved_points', '达成默认得分'), pct('partial_points', '部分达成默认得分'), pct('not_achieved_points', '未达成默认得分'),
    ]],
    ['计分方式', [
      { path: 'reverse_formula', label: '反向指标未达标', kind: 'choice', choices: REVERSE },
      { path: 'over_achievement_factor', label: '完成值达到指标值的', kind: 'number', unit: '倍时提示复核' },
      { path: 'exec_cap', label: '预算执行率超过 100% 时按 100% 计分', kind: 'bool' },
      { path: 'late', label: '时效指标逾期', kind: 'choice', choices: LATE },
      { path: 'not_applicable_rescale', label: '不适用的指标不计，其余分值按比例折算', kind: 'bool' },
    ]],
    [CAPS, caps.reduce((a, b) => a.concat(b), /** @type {FieldSpec[]} */ ([]))],
  ];
}

/** `text` as a decimal with its point moved `places` to the right (no binary
 * floating point: 0.7 → 70, 65 → 0.65); text that is not a number is kept,
 * for the core to refuse. @param {string} text @param {number} places */
export function shift(text, places) {
  const m = /^\s*(-?)(\d*)(?:\.(\d*))?\s*$/.exec(text);
  if (!m || !(m[2] || m[3])) return text;
  const frac = m[3] || '';
  let digits = (m[2] || '') + frac;
  let point = (m[2] || '').length + places;
  if (point < 0) { digits = '0'.repeat(-point) + digits; point = 0; }
  while (digits.length < point) digits += '0';
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const rest = digits.slice(point).replace(/0+$/, '');
  const out = rest ? int + '.' + rest : int;
  return m[1] && /[1-9]/.test(out) ? '-' + out : out;
}

/** @param {any} obj @param {string} path */
function getPath(obj, path) {
  return path.split('.').reduce((o, k) => (o === null || o === undefined ? undefined : o[k]), obj);
}

/** @param {any} obj @param {string} path @param {any} value */
function setPath(obj, path, value) {
  const keys = path.split('.');
  const last = /** @type {string} */ (keys.pop());
  const parent = keys.reduce((o, k) => o[k], obj);
  parent[last] = value;
}

/** The profile in use (the built-in one chosen, or the 自定义 one). @param {State} state */
function current(state) {
  return state.profiles.find((p) => p.id === state.profile) || state.profiles[0] || null;
}

/** @param {Store} store */
export function profileView(store) {
  let open = false;
  let shape = '';
  /** @type {Record<string, HTMLInputElement | HTMLSelectElement>} */
  let inputs = {};
  /** @type {Record<string, HTMLElement>} */
  let notes = {};
  const toggle = el('button', { type: 'button', class: 'btn btn-quiet btn-small', testid: 'profile-edit', 'aria-expanded': 'false', 'aria-controls': 'profile-editor' });
  const body = el('div', { class: 'pe-body', id: 'profile-editor', testid: 'profile-editor' });
  const message = el('div', { class: 'pe-message', testid: 'profile-message', role: 'alert' });
  const file = /** @type {HTMLInputElement} */ (el('input', { type: 'file', accept: '.json,application/json', class: 'file-input', id: 'profile-file', testid: 'profile-import-file' }));
  const exportBtn = el('button', { type: 'button', class: 'btn btn-quiet btn-small', testid: 'profile-export', text: '导出规则 JSON', title: '可用于命令行 jixiao score --profile 文件' });
  const importBtn = el('label', { for: 'profile-file', class: 'btn btn-quiet btn-small file-btn', testid: 'profile-import', text: '导入规则 JSON…' });
  const resetBtn = el('button', { type: 'button', class: 'btn btn-quiet btn-small', testid: 'profile-reset', text: '改回内置规则' });
  const actions = el('div', { class: 'pe-actions' }, [exportBtn, file, importBtn, resetBtn]);
  const fields = el('div', { class: 'pe-fields' });
  append(body, [actions, fields]);
  body.hidden = true;
  const box = el('div', { class: 'profile-editor no-print' }, [toggle, message, body]);
  const summary = document.getElementById('profile-summary');
  if (summary && summary.parentNode) summary.parentNode.insertBefore(box, summary.nextSibling);

  toggle.addEventListener('click', () => {
    open = !open;
    render(store.state, { settings: true });
  });
  exportBtn.addEventListener('click', () => {
    const p = current(store.state);
    if (!p) return;
    // the core's own serialisation (profiles(), customProfile()): what `jixiao profile` prints and --profile FILE reads
    const text = JSON.stringify(p, null, 2) + '\n';
    download(new Blob([text], { type: 'application/json;charset=utf-8' }), '评分规则-' + (p.id || 'profile') + '.json');
  });
  file.addEventListener('change', () => {
    const f = file.files && file.files[0];
    if (!f) return;
    const reader = new FileReader();
    reader.onload = () => {
      try {
        const p = api.customProfile(api.readProfile(String(reader.result)));
        say('');
        store.update({ type: 'customProfile', profile: p });
      } catch (e) { say('规则文件“' + f.name + '”未导入：' + errorMessage(e)); }
      try { file.value = ''; } catch (e) { /* some browsers refuse */ }
    };
    reader.onerror = () => say('无法读取规则文件“' + f.name + '”');
    reader.readAsText(f);
  });
  // back to a built-in profile; the 自定义 one stays in the selector (and in storage)
  resetBtn.addEventListener('click', () => {
    const builtin = store.state.profiles.find((p) => p.id !== api.CUSTOM);
    if (builtin) store.update({ type: 'profile', id: builtin.id });
  });

  /** @param {string} text */
  function say(text) { setText(message, text); }

  /** A field changed. @param {FieldSpec} f @param {string | boolean} raw */
  function commit(f, raw) {
    change((draft) => setPath(draft, f.path, f.kind === 'percent' ? shift(String(raw), -2) : raw));
  }

  /** The profile in use, changed, checked by the core: refused → the
   * messages at their fields, nothing re-scored; accepted → the 自定义
   * profile, re-scored. @param {(draft: any) => void} edit */
  function change(edit) {
    const base = current(store.state);
    if (!base) return;
    const draft = JSON.parse(JSON.stringify(base));
    edit(draft);
    /** @type {ProfileIssue[]} */
    let issues;
    try { issues = api.checkProfile(draft); } catch (e) { say(errorMessage(e)); return; }
    mark(issues);
    if (issues.length) return;
    try { store.update({ type: 'customProfile', profile: api.customProfile(draft) }); } catch (e) { say(errorMessage(e)); }
  }

  /** The core's refusals at their fields (others above the fields). @param {ProfileIssue[]} issues */
  function mark(issues) {
    Object.keys(inputs).forEach((path) => {
      const hit = issues.filter((i) => i.field === path);
      inputs[path].setAttribute('aria-invalid', hit.length ? 'true' : 'false');
      setText(notes[path], hit.map((i) => i.message).join('；'));
      notes[path].hidden = !hit.length;
    });
    say(issues.filter((i) => !inputs[i.field]).map((i) => i.message).join('；'));
  }

  /** One field: label, control, unit and the place of its message. @param {FieldSpec} f */
  function field(f) {
    const id = 'pe-' + f.path.replace(/\./g, '-');
    const note = el('div', { class: 'pe-refused', testid: 'profile-refused', id: id + '-note', role: 'alert' });
    note.hidden = true;
    notes[f.path] = note;
    /** @type {HTMLInputElement | HTMLSelectElement} */
    let input;
    if (f.kind === 'bool') {
      input = el('input', { type: 'checkbox', id, 'data-path': f.path });
      input.addEventListener('change', () => commit(f, /** @type {HTMLInputElement} */ (input).checked));
    } else if (f.kind === 'choice') {
      input = el('select', { id, 'data-path': f.path }, (f.choices || []).map(([v, t]) => el('option', { value: v, text: t })));
      input.addEventListener('change', () => commit(f, input.value));
    } else {
      input = el('input', { type: 'text', inputmode: 'decimal', class: 'pe-num', id, 'data-path': f.path, 'aria-describedby': id + '-note' });
      input.addEventListener('change', () => commit(f, input.value));
    }
    inputs[f.path] = input;
    const label = el('label', { for: id, class: 'pe-label', text: f.label });
    const parts = f.kind === 'bool' ? [input, label] : [label, input, f.unit ? el('span', { class: 'pe-unit', text: f.unit }) : null];
    return el('div', { class: 'pe-field', testid: 'profile-field', 'data-field': f.path }, [
      el('div', { class: 'pe-line' }, parts),
      f.hint ? el('div', { class: 'pe-hint', text: f.hint }) : null,
      note,
    ]);
  }

  /** The fields' values from the profile (a field being typed in keeps its text). @param {Profile} p */
  function fill(p) {
    sections(p).forEach(([, list]) => list.forEach((f) => {
      const input = inputs[f.path];
      if (!input || input === document.activeElement) return;
      const v = getPath(p, f.path);
      if (f.kind === 'bool') /** @type {HTMLInputElement} */ (input).checked = !!v;
      else input.value = f.kind === 'percent' ? shift(String(v), 2) : String(v === undefined || v === null ? (f.kind === 'choice' ? 'ratio' : '') : v);
    }));
    mark([]);
  }

  /** @param {Profile} p */
  function build(p) {
    clear(fields);
    inputs = {};
    notes = {};
    sections(p).forEach(([title, list]) => {
      if (!list.length && title !== CAPS) return;
      append(fields, el('fieldset', { class: 'pe-group' }, [el('legend', { text: title }), list.map(field), title === CAPS ? capButtons(p) : null]));
    });
  }

  /** Add a cap (no effect until edited: its total is the 满分) or remove the last one. @param {Profile} p */
  function capButtons(p) {
    const add = el('button', { type: 'button', class: 'btn btn-quiet btn-small', testid: 'profile-cap-add', text: '添加一条' });
    add.addEventListener('click', () => change((d) => { d.total_caps = (d.total_caps || []).concat([{ rate_from: '0', rate_below: '60', max_total: d.total }]); }));
    const drop = el('button', { type: 'button', class: 'btn btn-quiet btn-small', testid: 'profile-cap-drop', text: '删去最后一条' });
    drop.addEventListener('click', () => change((d) => { d.total_caps.pop(); }));
    drop.hidden = !(p.total_caps || []).length;
    return el('div', { class: 'pe-actions' }, [(p.total_caps || []).length ? null : el('span', { class: 'pe-hint', text: '（无）' }), add, drop]);
  }

  /** @param {State} state @param {Changed} changed */
  function render(state, changed) {
    if (!(changed.settings || changed.profiles)) return;
    const p = current(state);
    box.hidden = !p;
    setText(toggle, open ? '收起规则设置' : '调整评分规则…');
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    body.hidden = !open;
    resetBtn.hidden = state.profile !== api.CUSTOM;
    if (changed.profiles && state.customNote) say(state.customNote);
    if (!p || !open) { shape = ''; return; }
    // the same names and counts: the fields stay (and keep the focus), only their values change
    const next = JSON.stringify([p.levels.map((l) => [l.name, l.share_with]), p.grades.map((g) => g.grade), (p.total_caps || []).length]);
    if (next !== shape) build(p);
    shape = next;
    fill(p);
  }

  return { render };
}
