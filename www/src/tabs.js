// @ts-check
/* The page open in two tabs: both would save to the same localStorage, the
 * later silently overwriting the other. One tab saves (the owner); a tab
 * that opens asks "is anyone here?" and, when the owner answers, offers
 * 接管 (take over: the owner saves what it has, becomes read-only with a
 * notice, and this tab reloads the saved state) or 只读 (look, change
 * nothing). The tabs talk through the storage event of one key (it fires in
 * the other tabs of the same origin, file:// included; Chrome 58 has it). */

import { TAB_KEY } from './storage.js';

/** @typedef {import('./store').TabMode} TabMode */
/** @typedef {{type: 'hello' | 'here' | 'takeover' | 'released', from: string, to: string, n: number}} Message */

/** How long a new tab listens for an owner before it is the owner (ms). */
const LISTEN = 400;
/** How long a tab taking over waits for the owner to let go (a closed one does not answer). */
const RELEASE = 1500;

/**
 * @param {{mode(m: TabMode): void, release(): void, restore(): void}} on
 *   mode: this tab's mode changed; release: save now (another tab takes over);
 *   restore: read the saved state again (this tab took over)
 */
export function createTabs(on) {
  const id = String(Date.now()) + '-' + Math.random().toString(36).slice(2);
  /** @type {TabMode} */
  let mode = 'deciding';
  let n = 0;
  /** @type {number | undefined} */
  let waiting; // the timer of a take-over waiting for the owner

  /** @param {Message['type']} type @param {string} [to] */
  const send = (type, to) => {
    try {
      window.localStorage.setItem(TAB_KEY, JSON.stringify({ type, from: id, to: to || '', n: ++n, t: Date.now() }));
    } catch (e) { /* no storage: nothing to overwrite either */ }
  };
  /** @param {TabMode} m */
  const set = (m) => {
    mode = m;
    on.mode(m);
  };
  const own = () => {
    if (waiting !== undefined) window.clearTimeout(waiting);
    waiting = undefined;
    on.restore();
    set('owner');
  };

  window.addEventListener('storage', (ev) => {
    if (ev.key !== TAB_KEY || !ev.newValue) return;
    /** @type {Message | null} */
    let m = null;
    try { m = JSON.parse(ev.newValue); } catch (e) { return; }
    if (!m || m.from === id || (m.to && m.to !== id)) return;
    if (m.type === 'hello' && mode === 'owner') send('here', m.from);
    else if (m.type === 'here' && mode === 'deciding') set('asking');
    else if (m.type === 'takeover' && mode === 'owner') {
      on.release();
      set('taken');
      send('released', m.from);
    } else if (m.type === 'released' && waiting !== undefined) own();
  });

  try {
    if (!window.localStorage) throw new Error('no storage');
    send('hello');
    window.setTimeout(() => { if (mode === 'deciding') set('owner'); }, LISTEN);
  } catch (e) {
    window.setTimeout(() => set('owner'), 0); // no storage: no other tab can be overwritten
  }

  return {
    /** This tab saves from now on; the one that did becomes read-only. */
    takeOver() {
      if (mode === 'owner' || waiting !== undefined) return;
      send('takeover');
      waiting = window.setTimeout(own, RELEASE);
    },
    /** Look without saving. */
    readOnly() {
      if (mode === 'asking') set('readonly');
    },
  };
}
