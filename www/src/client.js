// @ts-check
/* The page's side of the scoring worker (worker.js): starts it from a Blob
 * URL (glue + worker script, both inlined in the page, so it works from
 * file:// and offline), sends files one at a time (so "file k of n" is
 * known and a cancel never waits for a queue), and restarts it on cancel,
 * giving it back the files it had already scored. */

/** @typedef {{id: string, name: string, file: Blob, options: any, silent?: boolean}} Job */

/**
 * @param {{
 *   file(id: string, result: {summary?: any, error?: string}): void,
 *   project(id: string, index: number, result: {project?: any, lines?: Record<string, any>, error?: string}): void,
 *   busy(current: Job | null, queued: number): void,
 *   reading(id: string, rows: number): void,
 *   failed(message: string): void,
 * }} on
 */
export function createClient(on) {
  /** @type {Worker | null} */
  let worker = null;
  /** @type {Job[]} */
  let queue = [];
  /** @type {Job | null} */
  let current = null;
  /** Files the worker holds (to give back after a restart). @type {Record<string, Job>} */
  const held = {};
  /** @type {any[]} */
  let waiting = []; // messages sent before the worker was ready
  let ready = false;

  function start() {
    const parts = /** @type {any} */ (window).__jixiaoWorker;
    if (typeof parts !== 'function' || typeof Worker !== 'function') {
      on.failed('此浏览器无法启动后台计算（Web Worker），请使用极速模式或较新的浏览器。');
      return;
    }
    const p = parts();
    const url = URL.createObjectURL(new Blob(['var jixiaoGlue = ' + p.glue + ';\n' + p.code], { type: 'text/javascript' }));
    try {
      worker = new Worker(url);
    } catch (e) {
      on.failed('后台计算无法启动：' + (e instanceof Error ? e.message : String(e)));
      return;
    } finally {
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    }
    ready = false;
    worker.onmessage = (ev) => receive(ev.data);
    worker.onerror = (ev) => { ev.preventDefault(); on.failed('后台计算出错：' + (ev.message || '')); };
    // the core's module as the page compiled it (a Promise): posted once
    // it is there, to this worker only (a cancel may have replaced it)
    const w = worker;
    Promise.resolve(p.module).then(
      (module) => { if (worker === w) w.postMessage({ type: 'init', module }); },
      (e) => { if (worker === w) on.failed('评分引擎加载失败：' + (e instanceof Error ? e.message : String(e))); },
    );
  }

  /** @param {any} m */
  function post(m) {
    if (!worker) start();
    if (!ready) { waiting.push(m); return; }
    /** @type {Worker} */ (worker).postMessage(m);
  }

  /** @param {any} m */
  function receive(m) {
    if (m.type === 'ready') {
      ready = true;
      const w = waiting;
      waiting = [];
      w.forEach((x) => /** @type {Worker} */ (worker).postMessage(x));
      return;
    }
    if (m.type === 'failed') { on.failed('评分引擎加载失败：' + m.message); return; }
    if (m.type === 'file') {
      const job = current;
      current = null;
      if (job && job.id === m.id && !m.error) held[m.id] = job;
      if (job && !job.silent) on.file(m.id, m);
      next();
      return;
    }
    if (m.type === 'reading') { if (current && current.id === m.id && !current.silent) on.reading(m.id, m.rows); return; }
    if (m.type === 'project') on.project(m.id, m.index, m);
  }

  function next() {
    if (current || !queue.length) { on.busy(current, queue.length); return; }
    current = /** @type {Job} */ (queue.shift());
    on.busy(current, queue.length);
    // the File itself (a reference, not its bytes: the worker reads it)
    post({ type: 'add', id: current.id, name: current.name, file: current.file, options: current.options });
  }

  return {
    /** @param {Job} job */
    add(job) {
      queue.push(job);
      next();
    },
    /** @param {string} id */
    remove(id) {
      queue = queue.filter((j) => j.id !== id);
      delete held[id];
      if (current && current.id === id) { this.cancel(); return; }
      post({ type: 'remove', id });
    },
    /** @param {string} id @param {number} index @param {any[]} edits */
    project(id, index, edits) {
      post({ type: 'project', id, index, edits });
    },
    /** Stop the file being read and those waiting; keep what was scored.
     * @returns {string[]} the ids that were dropped */
    cancel() {
      const dropped = queue.map((j) => j.id).concat(current ? [current.id] : []);
      queue = [];
      if (current) {
        if (worker) worker.terminate();
        worker = null;
        ready = false;
        waiting = [];
        current = null;
        Object.keys(held).forEach((id) => {
          const j = held[id];
          queue.push({ id: j.id, name: j.name, file: j.file, options: j.options, silent: true });
        });
      }
      next();
      return dropped;
    },
  };
}
