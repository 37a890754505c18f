// @ts-check
/* The collection: many files, each read and scored by the worker
 * (client.js), their projects joined into one list for the overview
 * (views/overview.js). Its own small store: update(action) changes the
 * state and calls render. The reports stay in the worker; the page holds
 * one line of figures per project and asks for a project's full report
 * when it is opened. */

import { createClient } from './client.js';
import { drawSample, visible } from './overview-data.js';

/** The largest file read (the core's limit, checked here on File.size before reading it). */
export const SIZE_LIMIT = 50 * 1024 * 1024;

/**
 * @typedef {object} Line  one project of the collection
 * @property {string} file      the file's id
 * @property {string} fileName
 * @property {number} index     the project's index in its file
 * @property {string} name
 * @property {string} department
 * @property {string} sheet
 * @property {number} budget
 * @property {number} executed
 * @property {number} rate
 * @property {number} total
 * @property {number} stated    填报总分 (NaN: none)
 * @property {string} grade
 * @property {boolean} provisional
 * @property {number} errors
 * @property {number} review    rows to review + audit findings
 */

/**
 * @typedef {object} FileEntry
 * @property {string} id
 * @property {string} name
 * @property {number} size
 * @property {'waiting' | 'reading' | 'done' | 'error'} status
 * @property {string} error
 * @property {Line[]} lines
 */

/**
 * @typedef {object} CState
 * @property {FileEntry[]} files
 * @property {{key: string, dir: 1 | -1}} sort   key '': the collection's order
 * @property {{grade: string, status: string, text: string}} filter
 * @property {number} scrollTop
 * @property {{n: number, perDept: boolean, seed: number, picked: Record<string, true>} | null} draw
 * @property {{file: string, index: number} | null} opened
 * @property {{k: number, n: number, name: string, rows: number, done: number} | null} progress
 *           file k of n; rows: the current file's (text files, counted before it is read; 0: not known);
 *           done: rows read in the files before it
 * @property {Record<string, any[]>} edits   per file, project = index in the file
 * @property {string} error
 * @property {string[]} skipped  files of a folder that were not read (not a supported format)
 * @property {number} version   bumps when the lines change
 */

/** @param {any} s @param {string} id @param {string} fileName @returns {Line[]} */
export function linesOf(s, id, fileName) {
  /** @type {Line[]} */
  const out = [];
  for (let i = 0; i < s.projects; i++) {
    out.push({
      file: id, fileName, index: i,
      name: s.name[i] || '项目 ' + (i + 1), department: s.department ? s.department[i] : '', sheet: s.sheet ? s.sheet[i] : '',
      budget: s.budget ? s.budget[i] : NaN, executed: s.executed ? s.executed[i] : NaN, rate: s.rate[i],
      total: s.total[i], stated: s.stated ? s.stated[i] : NaN, grade: s.grades[s.grade[i]] || '',
      provisional: !!s.provisional[i],
      errors: s.issues[i * 3], review: s.status[i * 4 + 1] + s.issues[i * 3 + 2],
    });
  }
  return out;
}

/**
 * @param {(state: CState) => void} render
 * @param {{opened(project: any, edits: any[], line: Line): void, options(): any}} hooks
 */
export function createCollection(render, hooks) {
  /** @type {CState} */
  const state = {
    files: [], sort: { key: '', dir: 1 }, filter: { grade: '', status: '', text: '' }, scrollTop: 0,
    draw: null, opened: null, progress: null, edits: {}, error: '', skipped: [], version: 0,
  };
  let seq = 0;
  let added = 0; // files queued since the worker was last idle (for "k of n")
  let doneSince = 0;
  let rowsSince = 0; // rows of the files read since the worker was last idle
  let pending = false;
  /** The worker's answers draw once, in a task of their own: a file's lines
   * and the next file's start (or several answers) make one render, and the
   * message handler stays short. The user's actions render at once. */
  function later() {
    if (pending) return;
    pending = true;
    setTimeout(() => { pending = false; render(state); }, 0);
  }

  const client = createClient({
    file(id, r) {
      const f = state.files.find((x) => x.id === id);
      if (!f) return;
      doneSince++;
      if (r.error) { f.status = 'error'; f.error = r.error; f.lines = []; }
      else { f.status = 'done'; f.error = ''; f.lines = linesOf(r.summary, id, f.name); rowsSince += r.summary.rows; }
      state.version++;
      later();
    },
    project(id, index, r) {
      const f = state.files.find((x) => x.id === id);
      if (!f) return;
      if (r.error) { state.error = r.error; later(); return; }
      // only the projects scored again come back (their lines, by index)
      const again = r.lines || {};
      const changed = Object.keys(again);
      changed.forEach((k) => {
        const i = Number(k);
        const l = linesOf(again[k], id, f.name)[0];
        if (l && i < f.lines.length) { l.index = i; f.lines[i] = l; }
      });
      if (changed.length) state.version++;
      const line = f.lines[index];
      if (state.opened && state.opened.file === id && state.opened.index === index && line) {
        hooks.opened(r.project, (state.edits[id] || []).filter((e) => e.project === index), line);
      }
      later();
    },
    busy(current, queued) {
      if (!current) { state.progress = null; added = 0; doneSince = 0; rowsSince = 0; }
      else {
        const f = state.files.find((x) => x.id === current.id);
        if (f) f.status = 'reading';
        state.progress = { k: doneSince + 1, n: Math.max(added, doneSince + 1 + queued), name: current.name, rows: 0, done: rowsSince };
      }
      later();
    },
    reading(id, rows) {
      const p = state.progress;
      if (!p || !state.files.some((x) => x.id === id)) return;
      p.rows = rows;
      later();
    },
    failed(message) { state.error = message; later(); },
  });

  /** @param {any} a */
  function update(a) {
    switch (a.type) {
      case 'add': {
        /** @type {File[]} */
        const list = a.files;
        state.skipped = state.skipped.concat(a.skipped || []);
        list.forEach((file) => {
          const id = 'f' + (++seq);
          /** @type {FileEntry} */
          const entry = { id, name: file.name || '文件', size: file.size, status: 'waiting', error: '', lines: [] };
          state.files.push(entry);
          if (file.size > SIZE_LIMIT) {
            entry.status = 'error';
            entry.error = '文件过大（' + (file.size / 1048576).toFixed(1) + ' MB），超过上限 ' + (SIZE_LIMIT / 1048576).toFixed(1) + ' MB，未读取。请删去无关的工作表或把表格拆成几个文件后再拖入。';
            return;
          }
          added++;
          // the worker reads the file itself: its bytes never pass through the page
          client.add({ id, name: entry.name, file, options: hooks.options() });
        });
        state.version++;
        break;
      }
      case 'remove':
        state.files = state.files.filter((f) => f.id !== a.id);
        delete state.edits[a.id];
        client.remove(a.id);
        if (state.opened && state.opened.file === a.id) state.opened = null;
        state.version++;
        break;
      case 'cancel':
        client.cancel().forEach((id) => {
          const f = state.files.find((x) => x.id === id);
          if (f) { f.status = 'error'; f.error = '已取消读取。'; }
        });
        state.version++;
        break;
      case 'clear':
        state.files.slice().forEach((f) => client.remove(f.id));
        state.files = [];
        state.skipped = [];
        state.edits = {};
        state.opened = null;
        state.draw = null;
        state.version++;
        break;
      case 'sort':
        state.sort = state.sort.key === a.key ? { key: a.key, dir: /** @type {1|-1} */ (-state.sort.dir) } : { key: a.key, dir: 1 };
        break;
      case 'filter':
        state.filter = Object.assign({}, state.filter, a.patch);
        state.scrollTop = 0;
        break;
      case 'scroll':
        state.scrollTop = a.top;
        return; // the view scrolled itself
      case 'draw': {
        const all = allLines();
        state.draw = { n: a.n, perDept: a.perDept, seed: a.seed, picked: drawSample(all, a.n, a.perDept, a.seed) };
        break;
      }
      case 'undraw':
        state.draw = null;
        break;
      case 'open': {
        state.opened = { file: a.file, index: a.index };
        client.project(a.file, a.index, state.edits[a.file] || []);
        break;
      }
      case 'edits': {
        // the opened project's choices (project 0 of the view → its index in the file)
        const o = state.opened;
        if (!o) return;
        const others = (state.edits[o.file] || []).filter((e) => e.project !== o.index);
        state.edits[o.file] = others.concat(a.edits.map((/** @type {any} */ e) => Object.assign({}, e, { project: o.index })));
        client.project(o.file, o.index, state.edits[o.file]);
        return;
      }
      case 'back':
        state.opened = null;
        break;
      case 'error':
        state.error = a.message;
        break;
    }
    render(state);
  }

  function allLines() {
    /** @type {Line[]} */
    let out = [];
    state.files.forEach((f) => { out = out.concat(f.lines); });
    return out;
  }

  return {
    state,
    update,
    allLines,
    /** The lines the overview shows (filtered and sorted). */
    visibleLines() { return visible(allLines(), state); },
  };
}

/** @typedef {ReturnType<typeof createCollection>} Collection */
