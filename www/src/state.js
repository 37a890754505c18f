// @ts-check
/* What the page's state is: its shape, its value before anything is read,
 * the actions store.js applies to it (store.js is how it changes). */

/** @typedef {import('./types').Report} Report */
/** @typedef {import('./types').Input} Input */
/** @typedef {import('./types').Edit} Edit */
/** @typedef {import('./types').DraftFields} DraftFields */
/** @typedef {import('./types').DraftField} DraftField */
/** @typedef {import('./types').Profile} Profile */
/** @typedef {import('./types').Encoding} Encoding */
/** @typedef {import('./types').HeaderGuess} HeaderGuess */

/**
 * @typedef {object} State
 * @property {'none' | 'text' | 'file'} source
 * @property {string} text          the paste box
 * @property {string} fileName
 * @property {Uint8Array | null} fileBytes  the chosen file (this visit only)
 * @property {Input | null} fileInput  the file's input restored from storage (no bytes)
 * @property {Input | null} input   what was read
 * @property {Edit[]} edits         the user's choices
 * @property {Edit[][]} history     earlier edit lists, for 撤销 (this visit only)
 * @property {Refused | null} refused  the last value the core would not score
 * @property {string} editNote      edits dropped because the table changed ('' for none)
 * @property {DraftFields[]} drafts  the report passages the user wrote, per project
 * @property {string} profile       rule profile id (api.CUSTOM: the 自定义 one)
 * @property {Profile | null} custom  the rule editor's 自定义 profile (S36)
 * @property {string} customNote    why the saved 自定义 profile was not used ('' for none)
 * @property {Encoding} encoding
 * @property {Report | null} report
 * @property {Profile[]} profiles
 * @property {boolean} ready        the core is loaded
 * @property {string} error         the message above the results ('' for none)
 * @property {Record<string, string> | null} columns  the column mapping in use (INPUT.md)
 * @property {HeaderGuess | null} guess  the header not recognised: the mapping panel's prefill
 * @property {string} storageNote  what was restored, or could not be saved
 * @property {{aside: string[], newer: boolean, lostFile: string}} stored  what could not be
 *           read from storage (set aside), a newer page's data, a file not saved (notices.js)
 * @property {TabMode} tab        this tab and the others (tabs.js): only the owner saves
 * @property {number} reveal      counts the new inputs (a file, the sample, a paste): main.js
 *                                scrolls the summary into view once for each
 * @property {{text: string, bad: boolean}} readyNote
 * @property {boolean} review      复核 mode: only the rows with findings
 * @property {{report: Report | null, edits: Edit[]} | null} opened  a collection's project is shown
 *           (report and edits are that project's; here what they were before)
 */

/** @typedef {{project: number, row: number, field: string, value: string, message: string}} Refused */
/** @typedef {'deciding' | 'owner' | 'asking' | 'readonly' | 'taken'} TabMode */

/** @typedef {Partial<Record<'text'|'source'|'settings'|'profiles'|'report'|'error'|'storage'|'ready'|'draft'|'review'|'tab', boolean>>} Changed */

/**
 * @typedef {{type: 'restore'}
 *   | {type: 'ready', profiles: Profile[]}
 *   | {type: 'failed', note: string, error: string}
 *   | {type: 'text', text: string, paste?: boolean}
 *   | {type: 'file', name: string, bytes: Uint8Array}
 *   | {type: 'sample', text: string}
 *   | {type: 'clear'}
 *   | {type: 'encoding', value: Encoding}
 *   | {type: 'profile', id: string}
 *   | {type: 'customProfile', profile: Profile}
 *   | {type: 'edit', project: number, row: number, patch: Record<string, string | null>}
 *   | {type: 'undo'}
 *   | {type: 'rescore', reread: boolean, retried?: boolean}
 *   | {type: 'draft', project: number, field: DraftField, text: string}
 *   | {type: 'error', message: string}
 *   | {type: 'map', columns: Record<string, string>, key: string}
 *   | {type: 'review', on: boolean}
 *   | {type: 'saved', failed: string[]}
 *   | {type: 'tab', mode: TabMode}
 *   | {type: 'dismiss'}
 *   | {type: 'opened', report: Report, edits: Edit[]}
 *   | {type: 'closed'}} Action
 */

/** @returns {State} */
export function initial() {
  return {
    source: 'none', text: '', fileName: '', fileBytes: null, fileInput: null, input: null,
    edits: [], history: [], refused: null, editNote: '', drafts: [], profile: '', custom: null, customNote: '', encoding: 'auto', report: null, profiles: [], ready: false,
    error: '', columns: null, guess: null, storageNote: '', readyNote: { text: '正在加载评分引擎…', bad: false }, review: false, opened: null,
    stored: { aside: [], newer: false, lostFile: '' }, tab: 'deciding', reveal: 0,
  };
}

/** The core's messages for a header it did not recognise, or a mapping it could not use. */
export const HEADER_ERRORS = /^(没有找到指标表|列对应有误)/;

export const NOT_SAVED = '浏览器不允许本地保存，关闭页面后输入不会保留。';

/** What the user gave: restored as a whole (another tab may have changed all of it). */
export const INPUT_FIELDS = ['source', 'text', 'fileName', 'fileBytes', 'fileInput', 'input', 'edits', 'history', 'drafts', 'columns', 'refused', 'editNote'];

/** Actions that change the user's input: refused while this tab is not the one saving. */
export const WRITES = /^(text|file|sample|clear|edit|undo|draft|map|customProfile)$/;
