// Markdown for docs/performance.md from the samples of bench/run.mjs.
import os from "node:os";

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median of a_i / b_i over the iterations where both were timed. */
export function pairedRatio(samples, a, b) {
  const xs = samples.get(a);
  const ys = samples.get(b);
  if (!xs || !ys) return null;
  const byIter = new Map(ys.map((y) => [`${y.round}|${y.iter}`, y.ms]));
  const ratios = xs.filter((x) => byIter.has(`${x.round}|${x.iter}`)).map((x) => x.ms / byIter.get(`${x.round}|${x.iter}`));
  return ratios.length ? { value: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), n: ratios.length } : null;
}

const LABELS = {
  papa: "Papa.parse(text, {header:true}) (decoded text in)",
  decode_papa: "TextDecoder + Papa.parse (bytes in)",
  floor_split: "floor: indexOf split of lines and cells",
  sheetjs: "SheetJS XLSX.read + sheet_to_json({defval:''})",
  jixiao_score: "jixiao.score (full report as JS objects)",
  jixiao_summarize: "jixiao.summarize (overview data)",
  jixiao_open: "jixiao.open → .summary() + .project(0) (kept in wasm, one project explained)",
};

const fmt = (x) => (x == null || Number.isNaN(x) ? "—" : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const fmtRate = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : `${(x / 1e3).toFixed(0)} k`);
const ratioCell = (r) => (r ? `${r.value.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)}, n=${r.n})` : "—");

function measurementTable(samples, files) {
  const rowsOf = Object.fromEntries(files.map((f) => [f.name, f]));
  const lines = [
    "| measurement | file | median ms | min–max ms | round medians ms | rows/s | MB/s | rows seen |",
    "|---|---|--:|--:|--:|--:|--:|--:|",
  ];
  for (const [key, xs] of samples) {
    const [id, file] = key.split("|");
    const ms = xs.map((x) => x.ms);
    const m = median(ms);
    const rounds = [...new Set(xs.map((x) => x.round))].map((r) => fmt(median(xs.filter((x) => x.round === r).map((x) => x.ms))));
    const f = rowsOf[file];
    const seen = [...new Set(xs.map((x) => x.rows))].join("/");
    lines.push(`| ${LABELS[id] ?? id} | ${file} | **${fmt(m)}** | ${fmt(Math.min(...ms))}–${fmt(Math.max(...ms))} | ${rounds.join(" / ")} | ${fmtRate(f.rows / (m / 1000))} | ${(f.bytes / 1e6 / (m / 1000)).toFixed(1)} | ${seen} |`);
  }
  return lines;
}

function nativeTable(native, files) {
  const size = Object.fromEntries(files.map((f) => [f.name, f.bytes]));
  const lines = ["| native CLI (release binary) | file | median ms (wall) | min–max ms | median CPU ms (user + sys) | peak memory | peak ÷ file size |", "|---|---|--:|--:|--:|--:|--:|"];
  for (const n of native) {
    const peak = n.peakKb ? `${(n.peakKb / 1024).toFixed(0)} MB` : "—";
    const rel = n.peakKb ? `${((n.peakKb * 1024) / size[n.file]).toFixed(1)}×` : "—";
    lines.push(`| jixiao ${n.label} | ${n.file} | **${fmt(median(n.ms))}** | ${fmt(Math.min(...n.ms))}–${fmt(Math.max(...n.ms))} | ${fmt(median(n.cpuMs))} | ${peak} | ${rel} |`);
  }
  return lines;
}

function goalTable(samples, native, files) {
  const lines = ["| goal | measured | target | met |", "|---|--:|--:|:-:|"];
  const row = (label, r, target, ok) => lines.push(`| ${label} | ${r} | ${target} | ${ok == null ? "—" : ok ? "yes" : "**no**"} |`);
  const fn = samples.has("jixiao_summarize|csv_100k.csv") ? "jixiao_summarize" : "jixiao_score";
  const name = fn === "jixiao_summarize" ? "summarize" : "score (no summarize yet)";
  const pr = (a, b) => pairedRatio(samples, a, b);
  const goals = [
    [`${name} 100k CSV ÷ Papa.parse`, pr(`${fn}|csv_100k.csv`, "papa|csv_100k.csv"), 0.5],
    [`${name} 100k CSV ÷ indexOf floor`, pr(`${fn}|csv_100k.csv`, "floor_split|csv_100k.csv"), 3],
    [`${name} 20k XLSX (shared strings) ÷ SheetJS`, pr(`${fn}|xlsx_20k_sst.xlsx`, "sheetjs|xlsx_20k_sst.xlsx"), 0.5],
    [`${name} 20k XLSX (inline strings) ÷ SheetJS`, pr(`${fn}|xlsx_20k.xlsx`, "sheetjs|xlsx_20k.xlsx"), 0.5],
  ];
  for (const [label, r, target] of goals) row(label, ratioCell(r), `≤ ${target}×`, r ? r.value <= target : null);
  // Old path for reference (always timed).
  for (const [file, anchor] of [["csv_100k.csv", "papa"], ["xlsx_20k_sst.xlsx", "sheetjs"], ["xlsx_20k.xlsx", "sheetjs"], ["xls_20k.xls", "sheetjs"]])
    row(`(old path) score ${file} ÷ ${anchor}`, ratioCell(pr(`jixiao_score|${file}`, `${anchor}|${file}`)), "—", null);
  const size = Object.fromEntries(files.map((f) => [f.name, f.bytes]));
  const nat = (label, file) => native.find((n) => n.label === label && n.file === file);
  const cli = nat("score --format json", "csv_100k.csv");
  if (cli) {
    const ms = median(cli.ms);
    row("native CLI 100k CSV → JSON, wall time", `${fmt(ms)} ms`, "≤ 500 ms", ms <= 500);
    const cpu = median(cli.cpuMs);
    if (!Number.isNaN(cpu)) row("native CLI 100k CSV → JSON, CPU time (user + sys)", `${fmt(cpu)} ms`, "≤ 500 ms", cpu <= 500);
    if (cli.peakKb) row("native CLI 100k CSV → JSON, peak memory ÷ file size", `${((cli.peakKb * 1024) / size["csv_100k.csv"]).toFixed(1)}×`, "≤ 3×", (cli.peakKb * 1024) / size["csv_100k.csv"] <= 3);
  }
  const same = nat("summarize", "csv_100k.csv") ?? cli;
  const wasm = samples.get(`${fn}|csv_100k.csv`);
  if (same && wasm) {
    const r = median(wasm.map((x) => x.ms)) / median(same.ms);
    row(`wasm ${name} ÷ native ${same.label} (100k CSV, medians; native includes process start and output)`, `${r.toFixed(2)}×`, "≤ 2×", r <= 2);
  }
  const t10 = samples.get(`${fn}|csv_10k.csv`);
  const t100 = samples.get(`${fn}|csv_100k.csv`);
  if (t10 && t100) {
    const a = median(t10.map((x) => x.ms));
    const b = median(t100.map((x) => x.ms));
    const r100 = files.find((f) => f.name === "csv_100k.csv").rows;
    const r10 = files.find((f) => f.name === "csv_10k.csv").rows;
    const slope = ((b - a) / (r100 - r10)) * 1000;
    const perRow = b / r100 / (a / r10);
    row(`scaling 10k → 100k CSV (${name}): slope, and per-row cost 100k ÷ 10k`, `${slope.toFixed(1)} ms per 1,000 rows; ${perRow.toFixed(2)}`, "linear (≈ 1.0)", perRow <= 1.2);
  }
  return lines;
}

export function renderReport({ samples, native, files, meta, problems, started, load0, secs, method, versions }) {
  const cpu = os.cpus();
  return [
    `Run of ${started.toISOString().replace(/\.\d+Z$/, "Z")} (took ${secs} s; \`npm run bench\` rewrites this part).`,
    "",
    `- browser: Chromium ${meta.chromium} (${method.CHROMIUM}), headless via playwright-core ${versions["playwright-core"]}; one page: dist/jixiao.html (jixiao ${meta.page.jixiaoVersion}) from file://, with papaparse ${versions.papaparse} (papaparse.min.js) and SheetJS ${versions.xlsx} (dist/xlsx.full.min.js) added to it`,
    `- machine: ${cpu.length} × ${cpu[0]?.model?.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average at start ${load0.map((x) => x.toFixed(2)).join(" ")}`,
    `- method: ${method.ROUNDS} rounds (a fresh browser each) × (${method.WARMUP} warm-up + ${method.RUNS} timed) iterations; every iteration runs each measurement once, interleaved; gc() before each (${meta.page.gc ? "on" : "off"}), untimed; ratios are paired (median over iterations of a_i ÷ b_i). Native: ${method.NATIVE_RUNS} timed runs per file after one untimed run.`,
    `- page ready (navigation → jixiao.ready resolved): ${meta.ready.map((x) => fmt(x)).join(" / ")} ms`,
    `- files (node bench/gen.mjs, seeded): ${files.map((f) => `${f.name} ${f.bytes.toLocaleString("en-US")} B, ${f.rows.toLocaleString("en-US")} rows, sha256 ${f.sha}`).join("; ")}`,
    "",
    "### Goals (issue 14)",
    "",
    ...goalTable(samples, native, files),
    "",
    "### Browser measurements",
    "",
    ...measurementTable(samples, files),
    "",
    "### Native",
    "",
    ...nativeTable(native, files),
    "",
    ...(problems.length ? ["**Count problems:**", "", ...problems.map((p) => `- ${p}`), ""] : []),
  ].join("\n");
}
