// In-page half of the benchmark (bench/run.mjs adds it, after PapaParse and
// SheetJS, to dist/jixiao.html opened from file://). Everything timed is timed
// HERE with performance.now(); the file bytes arrive beforehand through
// benchLoad() and are never part of a timing. Counting rows of a result
// happens after the clock stops.
(function () {
  "use strict";
  const files = Object.create(null); // name -> Uint8Array
  const texts = Object.create(null); // name -> decoded string (prepared untimed)
  let sink = null; // keeps the last result alive so no work can be optimised away

  function benchLoad(name, b64) {
    const bin = atob(b64);
    const u = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i);
    files[name] = u;
    texts[name] = new TextDecoder("utf-8").decode(u); // strips the BOM, like a real page
    return u.length;
  }

  // The floor: split lines and cells with indexOf, no quote handling; builds the
  // array of row arrays of strings a naive parser would.
  function splitFloor(text) {
    const rows = [];
    const n = text.length;
    let pos = 0;
    while (pos < n) {
      let end = text.indexOf("\n", pos);
      if (end < 0) end = n;
      const lineEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      const cells = [];
      let c = pos;
      for (;;) {
        const k = text.indexOf(",", c);
        if (k < 0 || k >= lineEnd) {
          cells.push(text.substring(c, lineEnd));
          break;
        }
        cells.push(text.substring(c, k));
        c = k + 1;
      }
      rows.push(cells);
      pos = end + 1;
    }
    return rows;
  }

  function time(fn) {
    const t0 = performance.now();
    const r = fn();
    return [performance.now() - t0, r];
  }

  // Each case returns { ms, rows, projects, note }.
  const cases = {
    papa(name) {
      const [ms, r] = time(() => Papa.parse(texts[name], { header: true }));
      sink = r;
      return { ms, rows: r.data.length, note: `${r.errors.length} errors` };
    },
    decode_papa(name) {
      const [ms, r] = time(() => Papa.parse(new TextDecoder("utf-8").decode(files[name]), { header: true }));
      sink = r;
      return { ms, rows: r.data.length };
    },
    floor_split(name) {
      const [ms, r] = time(() => splitFloor(texts[name]));
      sink = r;
      return { ms, rows: r.length - 1 };
    },
    sheetjs(name) {
      const [ms, json] = time(() => {
        const wb = XLSX.read(files[name], { type: "array" });
        return XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { defval: "" });
      });
      sink = json;
      return { ms, rows: json.length };
    },
    // The full report as JS objects (the embedding API, the old path of the page).
    jixiao_score(name) {
      const [ms, r] = time(() => jixiao.score(files[name], name));
      sink = r;
      let rows = 0;
      for (const p of r.projects) rows += p.rows.length;
      return { ms, rows, projects: r.projects.length };
    },
    // What the overview needs: totals, grades, rates and status counts.
    jixiao_summarize(name) {
      const [ms, r] = time(() => jixiao.summarize(files[name], name));
      sink = r;
      return { ms, rows: r.rows, projects: r.projects };
    },
    // The page's route: keep the scored file in the core, show the overview,
    // open one project (its sentences written then).
    jixiao_open(name) {
      let handle = null;
      const [ms, r] = time(() => {
        handle = jixiao.open(files[name], name);
        const summary = handle.summary();
        return { summary, first: handle.project(0) };
      });
      handle.free();
      sink = r;
      return { ms, rows: r.summary.rows, projects: r.summary.projects, firstRows: r.first.rows.length };
    },
  };

  // One measured iteration: drop the previous result, collect garbage
  // (outside the timing; --js-flags=--expose-gc), then run the case once.
  function benchRun(caseId, name) {
    sink = null;
    if (typeof globalThis.gc === "function") globalThis.gc();
    return cases[caseId](name);
  }

  globalThis.benchLoad = benchLoad;
  globalThis.benchRun = benchRun;
  globalThis.benchInfo = () => ({
    xlsx: XLSX.version,
    gc: typeof globalThis.gc === "function",
    summarize: typeof (globalThis.jixiao && globalThis.jixiao.summarize) === "function",
    open: typeof (globalThis.jixiao && globalThis.jixiao.open) === "function",
    jixiaoVersion: globalThis.jixiao && globalThis.jixiao.version,
  });
})();
