// @ts-check
/* The page's state and the one way to change it: update(action) applies the
 * action, scores when the action asks for it, saves (debounced) and tells the
 * views which parts changed, so each re-renders only what it shows of them.
 *
 * Parts (the keys of `Changed`): text (the paste box's content was set by the
 * page, not typed), source, settings (encoding/profile selectors), profiles,
 * report, error, storage, ready, review (the 复核 mode switch). */

import * as api from './api.js';
import * as storage from './storage.js';
import * as labels from './labels.js';
import { debounce, errorMessage } from './format.js';
import { ownEdits, patched } from './edits.js';
import { initial, HEADER_ERRORS, NOT_SAVED, INPUT_FIELDS, WRITES } from './state.js';

export { EDIT_FIELDS, patched } from './edits.js';

/** @typedef {import('./types').Report} Report */
/** @typedef {import('./types').Input} Input */
/** @typedef {import('./types').Edit} Edit */
/** @typedef {import('./types').Profile} Profile */
/** @typedef {import('./types').HeaderGuess} HeaderGuess */
/** @typedef {import('./state').State} State */
/** @typedef {import('./state').Changed} Changed */
/** @typedef {import('./state').Action} Action */
/** @typedef {import('./state').Refused} Refused */
/** @typedef {import('./state').TabMode} TabMode */

/**
 * @param {(state: State, changed: Changed) => void} render
 * @param {{edits?(edits: Edit[]): void}} [hooks]  edits: a choice in a collection's opened project
 *        (collection.js scores it in the worker and answers with 'opened')
 */
export function createStore(render, hooks = {}) {
  const state = initial();
  let unsaved = false; // a save was due while another tab was the one saving
  const save = debounce(() => {
    if (state.tab !== 'owner') { unsaved = true; return; }
    unsaved = false;
    update({ type: 'saved', failed: storage.available() ? storage.save(state) : [''] });
  }, 400);
  /** The input the edits were made on (kept when the paste box is emptied). @type {Input | null} */
  let basis = null;
  const rereadTyped = debounce(() => update({ type: 'rescore', reread: true }), 250);

  /** @param {Action} action */
  function update(action) {
    /** @type {Changed} */
    const changed = {};
    const work = apply(action, changed);
    if (work.score) scoreNow(work.score === 'reread', !!work.retried, changed);
    if (work.save) save();
    render(state, changed);
  }

  /** Apply the action to the state; say what else it needs.
   * @param {Action} a @param {Changed} changed
   * @returns {{score?: 'reread' | 'rescore', retried?: boolean, save?: boolean}} */
  function apply(a, changed) {
    if (WRITES.test(a.type) && state.tab !== 'owner' && state.tab !== 'deciding') {
      changed.text = changed.report = true; // the views show the state again
      return {};
    }
    switch (a.type) {
      case 'restore': {
        const fresh = /** @type {any} */ (initial());
        INPUT_FIELDS.forEach((k) => { /** @type {any} */ (state)[k] = fresh[k]; });
        const got = storage.load();
        Object.assign(state, got.state);
        state.stored = { aside: got.aside, newer: got.newer, lostFile: got.lostFile };
        if (state.ready) {
          state.profiles = state.profiles.filter((p) => p.id !== api.CUSTOM).concat(usableCustom());
          if (!state.profiles.some((p) => p.id === state.profile)) state.profile = state.profiles.length ? state.profiles[0].id : '';
        }
        basis = null;
        changed.text = changed.source = changed.settings = changed.profiles = changed.storage = changed.report = true;
        return state.ready ? { score: 'reread' } : {};
      }
      case 'ready': {
        state.ready = true;
        state.profiles = a.profiles.concat(usableCustom());
        if (!state.profiles.some((p) => p.id === state.profile)) state.profile = state.profiles.length ? state.profiles[0].id : '';
        state.readyNote = { text: '评分引擎已就绪 · 离线', bad: false };
        labels.load(state.profile);
        changed.profiles = changed.settings = changed.ready = true;
        if (state.source === 'none') return {};
        state.storageNote = '已恢复上次的输入。';
        changed.storage = true;
        return { score: 'reread' };
      }
      case 'failed':
        state.readyNote = { text: a.note, bad: true };
        state.error = a.error;
        changed.ready = changed.error = true;
        return {};
      case 'text': {
        // Typing in the paste box switches to it; choices made on a file no longer apply.
        if (state.source === 'file') { state.edits = []; state.history = []; }
        if (a.paste || !state.text.trim()) state.reveal++;
        state.text = a.text;
        state.source = a.text.trim() ? 'text' : 'none';
        state.columns = null;
        state.fileBytes = null;
        state.fileInput = null;
        state.fileName = '';
        changed.source = true;
        rereadTyped();
        return { save: true };
      }
      case 'file':
        rereadTyped.cancel();
        state.fileBytes = a.bytes;
        state.fileName = a.name || '文件';
        state.columns = null;
        state.fileInput = null;
        state.source = 'file';
        state.edits = [];
        state.history = [];
        state.drafts = [];
        state.reveal++;
        basis = null;
        changed.source = true;
        return { score: 'reread' };
      case 'sample':
        rereadTyped.cancel();
        Object.assign(state, { text: a.text, source: 'text', edits: [], history: [], drafts: [], fileBytes: null, fileInput: null, fileName: '', columns: null });
        state.reveal++;
        basis = null;
        changed.text = changed.source = true;
        return { score: 'reread' };
      case 'clear': {
        rereadTyped.cancel();
        save.cancel();
        storage.clearAll();
        basis = null;
        api.useCustom(null);
        labels.forget();
        const keep = { profiles: state.profiles.filter((p) => p.id !== api.CUSTOM), ready: state.ready, readyNote: state.readyNote, tab: state.tab, reveal: state.reveal };
        Object.assign(state, initial(), keep);
        state.profile = state.profiles.length ? state.profiles[0].id : '';
        state.storageNote = '已清除本机保存的输入、判定和设置。';
        Object.assign(changed, { text: true, source: true, settings: true, report: true, error: true, storage: true });
        return {};
      }
      case 'encoding':
        state.encoding = a.value;
        changed.source = changed.settings = true;
        return state.source === 'file' && state.fileBytes ? { score: 'reread' } : { save: true };
      case 'profile':
        state.profile = a.id;
        changed.settings = true;
        return { score: 'rescore' };
      case 'customProfile': {
        // the rule editor's profile (checked by the core before it comes here): in use at once
        state.custom = a.profile;
        state.customNote = '';
        api.useCustom(a.profile);
        labels.forget();
        state.profiles = state.profiles.filter((p) => p.id !== api.CUSTOM).concat([a.profile]);
        state.profile = api.CUSTOM;
        if (!storage.saveCustomProfile(a.profile)) { state.storageNote = '浏览器不允许本地保存（或空间已满），调整后的评分规则关闭页面后不会保留。'; changed.storage = true; }
        changed.settings = changed.profiles = true;
        return { score: 'rescore' };
      }
      case 'edit': {
        const next = patched(state.edits, a.project, a.row, a.patch);
        changed.report = true;
        if (next === state.edits) { state.refused = null; return {}; } // the same choice again
        const gen = api.generation();
        let why = '';
        try {
          // a level is a choice, never refused: a stated score outside its band is the row's error (S16)
          why = 'level' in a.patch ? '' : refusal(next, a.project, a.row);
        } catch (e) {
          // the core failed while checking (a trap): keep the edit, show the
          // message as scoring does, and score again once the fresh core is ready
          state.history.push(state.edits);
          state.edits = next;
          state.refused = null;
          state.report = null;
          state.error = errorMessage(e);
          changed.error = true;
          if (api.generation() !== gen) {
            api.ready().then(() => update({ type: 'rescore', reread: false, retried: true }), () => { /* the message stays */ });
          }
          return { save: true };
        }
        if (why) {
          const field = Object.keys(a.patch)[0] || '';
          state.refused = { project: a.project, row: a.row, field, value: String(a.patch[field] || ''), message: why };
          return {};
        }
        state.history.push(state.edits);
        state.edits = next;
        state.refused = null;
        state.editNote = '';
        if (state.opened) {
          if (hooks.edits) hooks.edits(next);
          return {};
        }
        return { score: 'rescore' };
      }
      case 'undo': {
        const prev = state.history.pop();
        state.refused = null;
        changed.report = true;
        if (!prev) return {};
        state.edits = prev;
        if (state.opened) {
          if (hooks.edits) hooks.edits(prev);
          return {};
        }
        return { score: 'rescore' };
      }
      case 'opened':
        if (!state.opened) state.opened = { report: state.report, edits: state.edits };
        state.report = a.report;
        state.edits = a.edits;
        changed.report = true;
        return {};
      case 'closed':
        if (!state.opened) return {};
        state.report = state.opened.report;
        state.edits = state.opened.edits;
        state.opened = null;
        changed.report = true;
        return {};
      case 'rescore':
        return { score: a.reread ? 'reread' : 'rescore', retried: a.retried };
      case 'map':
        state.columns = a.columns;
        storage.rememberMapping(a.key, a.columns);
        return { score: 'reread' };
      case 'draft': {
        // the report's passages: kept and saved; the scores do not change
        const drafts = state.drafts.slice();
        while (drafts.length <= a.project) drafts.push({});
        const own = Object.assign({}, drafts[a.project]);
        if (a.text.trim()) own[a.field] = a.text; else delete own[a.field];
        drafts[a.project] = own;
        state.drafts = drafts;
        changed.draft = true;
        return { save: true };
      }
      case 'error':
        state.error = a.message;
        changed.error = true;
        return {};
      case 'review':
        state.review = a.on;
        changed.review = true;
        return {};
      case 'saved':
        state.storageNote = !a.failed.length ? '' : a.failed[0] ? '本地空间已满：' + a.failed.join('、') + ' 未能保存，关闭页面后将丢失（可先“导出 JSON”保存到文件）。' : NOT_SAVED;
        changed.storage = true;
        return {};
      case 'tab':
        state.tab = a.mode;
        changed.tab = true;
        return a.mode === 'owner' && unsaved ? { save: true } : {};
      case 'dismiss':
        state.stored = { aside: [], newer: false, lostFile: '' };
        changed.storage = true;
        return {};
    }
    return {};
  }

  /** The 自定义 profile restored from storage, when the core can use it
   * (else it is set aside with a notice). @returns {Profile[]} */
  function usableCustom() {
    const p = state.custom;
    let why = '';
    try { why = p ? api.checkProfile(p).map((i) => i.message).join('；') : ''; } catch (e) { why = errorMessage(e); }
    api.useCustom(p && !why ? p : null);
    if (p && !why) return [p];
    if (p) {
      state.custom = null; // left in storage (a new 自定义 profile or 清除本地数据 replaces it)
      state.customNote = '上次保存的自定义评分规则无法使用，本次未采用：' + why;
    }
    return [];
  }

  /** Read (when asked) and score. When the core traps, the loader
   * re-instantiates it and throws "请重试": the message shows, and once the
   * fresh core is ready the same work runs once more (not again if it fails).
   * @param {boolean} reread @param {boolean} retried @param {Changed} changed */
  function scoreNow(reread, retried, changed) {
    changed.report = changed.error = true;
    save();
    if (!state.ready) return;
    if (state.source === 'none' || (state.source === 'text' && !state.text.trim())) {
      state.input = null;
      state.report = null;
      state.error = '';
      return;
    }
    const gen = api.generation();
    try {
      labels.load(state.profile);
      if (reread || !state.input) {
        state.input = null;
        state.input = readCurrent();
        if (state.input) {
          keepOwnEdits(basis, state.input, changed);
          basis = state.input;
        }
        // a JSON input brings the report passages written before
        if (state.input && state.input.projects.some((p) => p.draft)) state.drafts = state.input.projects.map((p) => Object.assign({}, p.draft));
      }
      state.report = state.input ? api.score(state.input, state.edits, state.profile) : null;
      state.error = '';
      state.guess = null;
    } catch (e) {
      state.report = null;
      state.error = errorMessage(e);
      state.guess = null;
      if (!retried && api.generation() !== gen) {
        api.ready().then(() => update({ type: 'rescore', reread, retried: true }), () => { /* the message stays */ });
      } else if (HEADER_ERRORS.test(state.error)) {
        offerMapping(retried, changed);
      }
    }
  }

  /** Why the core cannot score a row with these edits when it could before
   * (a weight that is not a number, a manual score outside its band): its
   * message, or '' when the edits are fine. The row keeps its last score.
   * @param {Edit[]} next @param {number} project @param {number} row */
  function refusal(next, project, row) {
    if (!state.input || !state.report || state.opened) return ''; // a collection's project: checked by its own core
    /** @param {Report} r */
    const messages = (r) => {
      const p = r.projects[project];
      return p ? (p.errors || []).filter((e) => e.row === row).map((e) => e.message) : [];
    };
    // a core failure throws: the caller shows it as a scoring error, not a refusal
    const before = messages(state.report);
    const after = messages(api.score(state.input, next, state.profile)).filter((m) => before.indexOf(m) < 0);
    return after.join('；');
  }

  /** Edits belong to the table they were made on (edits.js): those whose
   * row is gone or holds another indicator are dropped, with a note.
   * @param {Input | null} old @param {Input} now @param {Changed} changed */
  function keepOwnEdits(old, now, changed) {
    const keep = ownEdits(state.edits, old, now);
    if (keep.length === state.edits.length) return;
    const dropped = state.edits.length - keep.length;
    state.edits = keep;
    state.history = [];
    state.refused = null;
    state.editNote = '表格已不同：' + dropped + ' 处修改或判定所在的行已不存在，已舍弃。';
    changed.report = true;
  }

  /** The header was not recognised: read again with the mapping chosen
   * before for this header, or offer the mapping panel, prefilled.
   * @param {boolean} retried @param {Changed} changed */
  function offerMapping(retried, changed) {
    const src = source();
    if (!src) return;
    /** @type {HeaderGuess | null} */
    let g = null;
    try { g = api.guess(src, readOpts()); } catch (e) { return; }
    if (!g) return;
    const remembered = state.columns ? null : storage.mapping(storage.headerKey(g));
    if (remembered) {
      state.columns = remembered;
      scoreNow(true, retried, changed);
      return;
    }
    state.guess = g;
  }

  /** What to read: the pasted text or the chosen file's bytes. @returns {api.Source | null} */
  function source() {
    if (state.source === 'text') return { kind: 'text', text: state.text };
    if (state.source === 'file' && state.fileBytes) return { kind: 'file', name: state.fileName, bytes: state.fileBytes };
    return null;
  }

  /** @returns {api.ReadOpts} */
  function readOpts() {
    /** @type {api.ReadOpts} */
    const opts = { encoding: state.encoding, profile: state.profile || undefined };
    if (state.columns) opts.columns = state.columns;
    return opts;
  }

  /** @returns {Input | null} */
  function readCurrent() {
    const src = source();
    if (src) return api.read(src, readOpts());
    return state.source === 'file' ? state.fileInput : null;
  }

  return {
    state,
    update,
    /** Write pending changes now (the page is being left). */
    flush() { save.flush(); },
  };
}

/** @typedef {ReturnType<typeof createStore>} Store */
