// @ts-check
/* The overview of a collection: the file list with progress and cancel,
 * the filters, 抽查, charts, and one line per project — windowed: only the
 * lines in view are in the DOM (all of them while printing). Clicking a
 * line opens that project's full view; 返回 comes back with the same sort,
 * filter and scroll. */

import { $, el, append, clear } from '../dom.js';
import { COLUMNS, fixed, key, overviewCsv, overviewSheet, totals } from '../overview-data.js';
import { exportOverviewXlsx } from '../api.js';
import { XLSX } from '../export.js';
import { errorMessage } from '../format.js';
import { charts } from '../charts.js';
import { gradeClass } from '../labels.js';

/** @typedef {import('../collection').Collection} Collection */
/** @typedef {import('../collection').CState} CState */
/** @typedef {import('../collection').Line} Line */

const ROW_H = 30;
const GRADES = ['优', '良', '中', '差'];

/** @param {Collection} coll @param {(blob: Blob, name: string) => void} download */
export function overviewView(coll, download) {
  const root = $('overview');
  const { update } = coll;
  const files = el('ul', { class: 'ov-files', testid: 'file-list' });
  const progress = el('div', { class: 'ov-progress', testid: 'progress', hidden: true });
  const text = el('input', { type: 'search', class: 'ov-text', testid: 'filter-text', placeholder: '按项目、单位、文件筛选', 'aria-label': '筛选项目', oninput: () => update({ type: 'filter', patch: { text: text.value } }) });
  const grade = el('select', { testid: 'filter-grade', 'aria-label': '按等级筛选', onchange: () => update({ type: 'filter', patch: { grade: grade.value } }) },
    [el('option', { value: '', text: '全部等级' })].concat(GRADES.map((g) => el('option', { value: g, text: g }))));
  const status = el('select', { testid: 'filter-status', 'aria-label': '按状态筛选', onchange: () => update({ type: 'filter', patch: { status: status.value } }) }, [
    el('option', { value: '', text: '全部状态' }), el('option', { value: 'provisional', text: '暂定' }),
    el('option', { value: 'errors', text: '有错误' }), el('option', { value: 'review', text: '需复核' }),
    el('option', { value: 'drawn', text: '抽中的项目' })]);
  const drawN = el('input', { type: 'number', min: '1', value: '5', class: 'ov-num', testid: 'draw-n', 'aria-label': '抽取数量' });
  const perDept = el('input', { type: 'checkbox', testid: 'draw-per-dept' });
  const seed = el('input', { type: 'number', class: 'ov-seed', testid: 'draw-seed', 'aria-label': '随机种子', value: String(Date.now() % 1000000) });
  const drawNote = el('span', { class: 'ov-draw-note', testid: 'draw-note' });
  const head = el('div', { class: 'ov-line ov-head' }, COLUMNS.map((c) => el('span', {
    class: 'c-' + c.key, testid: 'sort-' + c.key, role: 'button', tabindex: '0', text: c.head, onclick: () => update({ type: 'sort', key: c.key }),
  })));
  const spacer = el('div', { class: 'ov-spacer' });
  const scroller = el('div', { class: 'ov-scroll', testid: 'overview-lines' }, [spacer]);
  const sum = el('div', { class: 'ov-line ov-totals', testid: 'overview-totals' });
  const chartBox = el('div', { class: 'ov-charts' });
  let printing = false;
  /** @type {Line[]} */
  let shown = [];
  let chartVersion = -1;
  let drawn = '';

  append(root, [
    el('div', { class: 'ov-top no-print' }, [files, progress]),
    el('div', { class: 'ov-tools no-print' }, [text, grade, status,
      el('button', { type: 'button', class: 'btn btn-quiet btn-small', testid: 'overview-csv', text: '导出总览 CSV',
        onclick: () => download(new Blob([overviewCsv(shown)], { type: 'text/csv;charset=utf-8' }), '绩效自评总览.csv') }),
      el('button', { type: 'button', class: 'btn btn-quiet btn-small', testid: 'overview-xlsx', text: '导出总览 XLSX',
        onclick: () => {
          // the core's writers (compiled on the first export) write the 汇总 sheet
          exportOverviewXlsx(overviewSheet(shown)).then(
            (bytes) => download(new Blob([/** @type {BlobPart} */ (bytes)], { type: XLSX }), '绩效自评总览.xlsx'),
            (e) => update({ type: 'error', message: '总览导出失败：' + errorMessage(e) }));
        } }),
      el('button', { type: 'button', class: 'btn btn-quiet btn-small', text: '打印总览', onclick: () => window.print() }),
      el('span', { class: 'ov-draw' }, ['抽查 ', drawN, ' 个 ', el('label', null, [perDept, '每个部门']), ' 种子 ', seed,
        el('button', { type: 'button', class: 'btn btn-small', testid: 'draw', text: '抽取',
          onclick: () => update({ type: 'draw', n: Math.max(1, Number(drawN.value) || 1), perDept: perDept.checked, seed: Math.floor(Number(seed.value) || 0) }) }),
        drawNote]),
    ]),
    chartBox,
    el('div', { class: 'ov-table' }, [head, scroller, sum]),
  ]);
  // The scroll position and the view's height are kept here, not read back
  // in render (reading them would lay the page out inside the task).
  let top = 0;
  let wasHidden = true;
  scroller.addEventListener('scroll', () => { top = scroller.scrollTop; update({ type: 'scroll', top }); paint(); });
  window.addEventListener('beforeprint', () => { printing = true; paint(); });
  window.addEventListener('afterprint', () => { printing = false; paint(); });
  // print media without the events (a PDF printed by a headless browser)
  const printMedia = window.matchMedia ? window.matchMedia('print') : null;
  if (printMedia && printMedia.addListener) printMedia.addListener((e) => { printing = e.matches; paint(); });

  /** @param {Line} l */
  function line(l) {
    const diff = isNaN(l.stated) ? '' : fixed(l.stated) + '（' + (l.stated - l.total >= 0 ? '+' : '') + fixed(l.stated - l.total) + '）';
    const picked = coll.state.draw && coll.state.draw.picked[key(l)];
    return el('div', {
      class: 'ov-line' + (picked ? ' drawn' : ''), testid: 'overview-line', role: 'button', tabindex: '0',
      onclick: () => update({ type: 'open', file: l.file, index: l.index }),
    }, [
      el('span', { class: 'c-file', title: l.fileName + (l.sheet ? ' · ' + l.sheet : ''), text: l.fileName + (l.sheet ? ' · ' + l.sheet : '') }),
      el('span', { class: 'c-name', title: l.name, testid: 'line-name', text: l.name }),
      el('span', { class: 'c-department', title: l.department, text: l.department }),
      el('span', { class: 'c-budget num', text: fixed(l.budget) }),
      el('span', { class: 'c-executed num', text: fixed(l.executed) }),
      el('span', { class: 'c-rate num', text: isNaN(l.rate) ? '' : fixed(l.rate) + '%' }),
      el('span', { class: 'c-total num', testid: 'total', text: fixed(l.total) }),
      el('span', { class: 'c-stated num', text: diff }),
      el('span', { class: 'c-grade' }, [el('span', { class: 'grade-chip ' + gradeClass(l.grade), testid: 'grade', text: l.grade || '—' })]),
      el('span', { class: 'c-provisional', testid: 'provisional', text: l.provisional ? '暂定' : '' }),
      el('span', { class: 'c-errors num', text: l.errors ? String(l.errors) : '' }),
      el('span', { class: 'c-review num', text: l.review ? String(l.review) : '' }),
    ]);
  }

  /** Only the lines in view (plus a margin), or all of them for print. */
  function paint() {
    const n = shown.length;
    const first = printing ? 0 : Math.max(0, Math.floor(top / ROW_H) - 10);
    // .ov-scroll is 60vh high
    const last = printing ? n : Math.min(n, first + Math.ceil((window.innerHeight * 0.6 || 600) / ROW_H) + 20);
    spacer.style.height = printing ? 'auto' : n * ROW_H + 'px';
    clear(spacer);
    const block = el('div', { class: 'ov-window' });
    block.style.transform = printing ? '' : 'translateY(' + first * ROW_H + 'px)';
    for (let i = first; i < last; i++) block.appendChild(line(shown[i]));
    spacer.appendChild(block);
  }

  /** @param {CState} s */
  function render(s) {
    const has = s.files.length > 0 || s.skipped.length > 0;
    root.hidden = !has || !!s.opened;
    if (root.hidden) wasHidden = true;
    if (!has) return;
    renderFiles(s);
    if (s.opened) return;
    shown = coll.visibleLines();
    Array.prototype.forEach.call(head.children, (/** @type {HTMLElement} */ h, /** @type {number} */ i) => {
      const c = COLUMNS[i];
      h.className = 'c-' + c.key + (s.sort.key === c.key ? (s.sort.dir > 0 ? ' sorted-up' : ' sorted-down') : '');
    });
    const all = coll.allLines();
    if (chartVersion !== s.version) {
      // drawn in a task of their own, after the table (each stays short)
      const version = chartVersion = s.version;
      setTimeout(() => {
        if (version !== chartVersion) return;
        clear(chartBox);
        if (all.length) chartBox.appendChild(charts(all, GRADES));
      }, 0);
    }
    renderTotals(totals(shown), all.length);
    const d = s.draw;
    const dsig = d ? d.n + '/' + d.perDept + '/' + d.seed : '';
    if (dsig !== drawn) {
      drawn = dsig;
      drawNote.textContent = d ? '已抽取 ' + Object.keys(d.picked).length + ' 个项目（' + (d.perDept ? '每个部门 ' : '') + d.n + ' 个，种子 ' + d.seed + '），筛选“抽中的项目”可只看它们' : '';
    }
    // (hidden while a project was open, the list lost its scroll: put it back)
    if (top !== s.scrollTop || (wasHidden && s.scrollTop)) { top = s.scrollTop; scroller.scrollTop = top; }
    wasHidden = false;
    paint();
  }

  /** @param {ReturnType<typeof totals>} t @param {number} all */
  function renderTotals(t, all) {
    clear(sum);
    const grades = Object.keys(t.grades).map((g) => (g || '—') + ' ' + t.grades[g]).join('，');
    append(sum, [
      el('span', { class: 'c-file', text: '合计 ' + t.count + (t.count !== all ? ' / ' + all : '') + ' 个项目' }),
      el('span', { class: 'c-name', text: grades }),
      el('span', { class: 'c-department', text: '' }),
      el('span', { class: 'c-budget num', testid: 'sum-budget', text: fixed(t.budget) }),
      el('span', { class: 'c-executed num', testid: 'sum-executed', text: fixed(t.executed) }),
      el('span', { class: 'c-rate num', testid: 'sum-rate', text: isNaN(t.rate) ? '' : fixed(t.rate) + '%' }),
      el('span', { class: 'c-total num', testid: 'sum-mean', title: '平均分', text: isNaN(t.mean) ? '' : '均 ' + fixed(t.mean) }),
      el('span', { class: 'c-stated num', testid: 'sum-median', title: '中位数', text: isNaN(t.median) ? '' : '中位 ' + fixed(t.median) }),
    ]);
  }

  /** @param {CState} s */
  function renderFiles(s) {
    clear(files);
    s.files.forEach((f) => {
      const label = f.status === 'done' ? f.lines.length + ' 个项目' : f.status === 'error' ? '' : f.status === 'reading' ? '正在读取与评分…' : '等待中';
      files.appendChild(el('li', { class: 'ov-file ' + f.status, testid: 'file-item' }, [
        el('span', { class: 'ov-file-name', text: f.name }),
        el('span', { class: 'ov-file-state', text: label }),
        f.error ? el('span', { class: 'ov-file-error', testid: 'file-item-error', role: 'alert', text: f.error }) : null,
        el('button', { type: 'button', class: 'btn btn-quiet btn-small', testid: 'file-remove', text: '移除', onclick: () => update({ type: 'remove', id: f.id }) }),
      ]));
    });
    if (s.skipped.length) {
      const n = s.skipped.length;
      files.appendChild(el('li', { class: 'ov-file skipped', testid: 'skipped', title: s.skipped.join('\n') },
        '已跳过 ' + n + ' 个不支持的文件：' + s.skipped.slice(0, 10).join('、') + (n > 10 ? ' 等' : '')));
    }
    const p = s.progress;
    progress.hidden = !p && !s.error;
    clear(progress);
    if (p) {
      append(progress, [
        el('span', { testid: 'progress-text', text: '正在读取第 ' + p.k + ' / ' + p.n + ' 个文件：' + p.name
          + (p.rows ? '（约 ' + p.rows.toLocaleString('zh-CN') + ' 行）' : '') + (p.done ? '，已读取 ' + p.done.toLocaleString('zh-CN') + ' 行' : '') }),
        el('button', { type: 'button', class: 'btn btn-small', testid: 'cancel', text: '取消', onclick: () => update({ type: 'cancel' }) }),
      ]);
    }
    if (s.error) progress.appendChild(el('span', { class: 'ov-error', role: 'alert', text: s.error }));
  }

  return { render };
}
