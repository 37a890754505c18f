// Benchmark inputs: layout-A performance-indicator tables (绩效指标表), generated
// deterministically (seeded PRNG, fixed workbook dates): every run writes
// byte-identical files. A port of ../shared/bench/gen_data.py to node, so the
// benchmark needs nothing beyond the project's npm devDependencies; workbooks
// are written by SheetJS (the pinned `xlsx` package), zips by its CFB module.
//
//   node bench/gen.mjs [--smoke] [--out DIR]
//
// Files (full size; --smoke writes the same kinds with few rows):
//   csv_10k.csv        10,000 rows (1,000 projects × 10 indicators), UTF-8 + BOM, CRLF
//   csv_100k.csv       99,990 rows (9,999 projects; under a 100,000-row limit with its header)
//   xlsx_20k_sst.xlsx  20,000 rows, shared-string table, empty cells omitted (as Excel/WPS save)
//   xlsx_20k.xlsx      the same cells with every string inline (t="inlineStr", as openpyxl
//                      write_only and many exporters write)
//   xls_20k.xls        the same cells as BIFF8 (Excel 97–2003)
//
// Each project: 4 产出 rows (weights 50) + 3 效益 (30) + 3 满意度 (10) = 90 points.
// About 6% of rows need CSV quoting ("36,500 人次", commas and quotes in 偏差原因,
// a few line breaks inside cells).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const XLSX = require("xlsx");

const here = path.dirname(fileURLToPath(import.meta.url));
export const SEED = 20240601;
export const HEADER = ["项目名称", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "偏差原因"];
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));

/** name -> data rows, for the full run and the smoke run. */
export const SIZES = {
  full: { "csv_10k.csv": 10_000, "csv_100k.csv": 99_990, "xlsx_20k_sst.xlsx": 20_000, "xlsx_20k.xlsx": 20_000, "xls_20k.xls": 20_000 },
  smoke: { "csv_10k.csv": 100, "csv_100k.csv": 300, "xlsx_20k_sst.xlsx": 200, "xlsx_20k.xlsx": 200, "xls_20k.xls": 200 },
};

// --- seeded randomness (sfc32; Box–Muller for gauss) -------------------------
function rngFrom(seed) {
  let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, d = seed >>> 0;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  const r = {
    random: next,
    randint: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    choice: (xs) => xs[Math.floor(next() * xs.length)],
    gauss: (mu, sigma) => mu + sigma * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    sample: (xs, k) => {
      const pool = [...xs];
      const out = [];
      for (let i = 0; i < k; i++) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
      return out;
    },
    weighted: (xs, ws) => {
      const total = ws.reduce((s, w) => s + w, 0);
      let x = next() * total;
      for (let i = 0; i < xs.length; i++) if ((x -= ws[i]) < 0) return xs[i];
      return xs[xs.length - 1];
    },
  };
  return r;
}

// --- vocabulary (as in gen_data.py) ------------------------------------------
const COUNTIES = ["永德县", "中江县", "天长市", "稷山县", "施甸县", "汤溪镇", "廊坊市广阳区", "萧县", "龙阳镇",
  "沅洲区", "临湘市", "白云区", "番禺区", "江宁区", "余杭区", "武侯区", "雁塔区", "岳麓区",
  "思明区", "历下区", "南关区", "和平区", "红旗区", "城关区", "兴庆区", "新城区", "西山区",
  "桂城街道", "东湖区", "渝北区", "双流区", "龙华区", "江北区", "仓山区", "鼓楼区", "秀英区"];
const TOPICS = ["学生营养改善计划", "农村饮水安全巩固提升工程", "水旱灾害防御", "城乡居民医疗保险补助",
  "新型经营主体培育", "渔业成品油价格补贴", "服务贸易发展专项资金", "村级组织运转补助",
  "清洁取暖改造", "化肥减量增效示范", "基本公共卫生服务", "马铃薯良种繁育", "流浪乞讨人员救助",
  "信访工作专项经费", "社区养老服务补助", "高标准农田建设", "农村公路养护", "义务教育薄弱环节改善",
  "就业创业培训补贴", "残疾人康复服务", "城市生活垃圾分类", "老旧小区改造", "森林防火专项",
  "文化惠民演出", "退役军人服务保障", "困难群众救助", "河湖长制工作经费", "农业科技推广",
  "数字政务平台运维", "食品安全抽检监测"];
const YEARS = [2021, 2022, 2023, 2024];
const QTY = [["培训人次", "人次", 200, 6000], ["新建站点数", "个", 2, 30], ["受益户数", "户", 100, 8000],
  ["维修道路里程", "公里", 3, 120], ["发放宣传手册", "册", 500, 20000], ["举办活动场次", "场", 4, 60],
  ["购置设备数量", "台", 5, 200], ["改造校舍面积", "平方米", 500, 20000], ["补助学生人数", "人", 100, 10000],
  ["慰问困难群众", "人次", 50, 3000], ["检测样本数量", "批次", 100, 5000], ["新增就业岗位", "个", 20, 900]];
const QUAL = ["验收合格率", "工程质量达标率", "资金使用合规率", "设备完好率", "培训考核通过率", "抽检合格率", "档案资料完整率"];
const TIME = [["平均办结时间", "workdays"], ["项目完成时限", "days"], ["资金拨付及时率", "rate"], ["问题整改时限", "days"],
  ["信访事项按期受理率", "rate"], ["补助发放时间", "workdays"]];
const COST = [["项目总成本", "万元", 20, 3000], ["人均补助标准", "元/人", 200, 3000], ["单位造价", "元/平方米", 800, 5000],
  ["每场活动成本", "万元", 1, 30], ["设备采购单价", "万元", 0.5, 80]];
const BENEFIT = {
  经济效益指标: [["带动农户增收", "增收"], ["节约运行成本", "节约"], ["带动社会投资", "投资"]],
  社会效益指标: [["群众生活条件", "qual"], ["政策知晓率", "pct"], ["群众投诉次数", "count"], ["重大安全事故", "zero"]],
  生态效益指标: [["农村人居环境", "qual"], ["垃圾无害化处理率", "pct"], ["水土流失治理面积", "area"]],
  可持续影响指标: [["长效管护机制", "qual"], ["服务运营机制", "qual"], ["项目持续发挥效益", "qual"]],
};
const QUAL_TARGETS = ["有效提升", "明显改善", "逐步提高", "长效运行", "持续发挥效益", "有效", "显著提升", "建立并有效运行"];
const QUAL_ACTUALS_OK = ["达成", "达成年度指标", "有效提升", "明显改善", "已建立"];
const QUAL_ACTUALS_LOW = ["基本达成", "部分达成", "部分达成年度指标并具有一定效果", "未达成"];
const SATIS = ["服务对象满意度", "群众满意度", "受益学生满意度", "参训人员满意度", "家长满意度", "受益农户满意度", "来访群众满意度"];
const REASONS = ["资金下达较晚，部分项目延期实施", "两个站点用地未落实", "审批流程延长", "受汛期影响工期顺延",
  "运营主体变更", "部分受益对象外出务工，未能参加", "采购流程较长，设备次年初到位",
  "受疫情影响,部分培训延期至次年", // ASCII comma -> quoted cell
  "调查样本量偏小,结果存在偏差",
  "按\"先急后缓\"原则调整实施顺序", // embedded quote -> "" escaping
  "已于次年1月完成，下一步将加强过程监控",
  "1个站点选址调整\n已于次年3月建成"]; // Alt+Enter line break inside a cell
const REASON_W = [...Array(REASONS.length - 1).fill(10), 2];
const WEIGHTS_OUT = [[15, 15, 10, 10], [20, 10, 10, 10], [15, 10, 15, 10], [10, 20, 10, 10], [12.5, 12.5, 12.5, 12.5]];
const WEIGHTS_BEN = [[10, 10, 10], [15, 10, 5], [10, 15, 5], [12, 10, 8]];
const WEIGHTS_SAT = [[4, 3, 3], [5, 3, 2], [2, 4, 4], [3.33, 3.33, 3.34]];

/** Integer if whole, else up to 2 decimals without trailing zeros. */
function fmtNum(x) {
  if (Math.abs(x - Math.round(x)) < 1e-9) return String(Math.round(x));
  return x.toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
}
const sp = (rng) => (rng.random() < 0.8 ? " " : "");
const thousands = (rng, n) => (n >= 1000 && rng.random() < 0.05 ? Math.trunc(n).toLocaleString("en-US") : fmtNum(n));
const reason = (rng, low) => (low && rng.random() < 0.7 ? rng.weighted(REASONS, REASON_W) : "");

function pctPair(rng, bases = [85, 90, 95, 98, 100]) {
  const t = rng.choice(bases);
  const target = t < 100 || rng.random() < 0.5 ? `≥${t}%` : "100%";
  let a = Math.min(100, rng.gauss(t + 1.5, 3));
  a = rng.random() < 0.5 ? Math.round(a * 2) / 2 : Math.round(a * 10) / 10;
  return [target, `${fmtNum(a)}%`, a < t];
}

function qtyRow(rng, used) {
  const [name, unit, lo, hi] = rng.choice(QTY.filter((q) => !used.has(q[0])));
  let n = rng.randint(lo, hi);
  if (n > 100) n = Math.round(n / 10) * 10;
  const a = Math.max(0, Math.round(n * Math.min(1.6, Math.max(0.5, rng.gauss(1.06, 0.12)))));
  const op = rng.random() < 0.85 ? "≥" : "";
  const s = sp(rng);
  return [name, `${op}${n}${s}${unit}`, `${thousands(rng, a)}${s}${unit}`, a < n];
}

function timeRow(rng) {
  const [name, kind] = rng.choice(TIME);
  if (kind === "rate") return [name, ...pctPair(rng, [95, 100, 100])];
  const n = rng.choice([3, 5, 7, 10, 15, 20, 30, 45, 60, 90]);
  const a = Math.max(1, Math.round(n * Math.max(0.4, rng.gauss(0.95, 0.2))));
  const unit = kind === "workdays" ? "个工作日" : "天";
  const s = sp(rng);
  return [name, `≤${n}${s}${unit}`, `${a}${s}${unit}`, a > n];
}

function costRow(rng) {
  const [name, unit, lo, hi] = rng.choice(COST);
  const scale = hi < 100 ? 10 : 1;
  const n = Math.round(rng.uniform(lo, hi) * scale) / scale;
  const a = Math.round(n * Math.max(0.6, rng.gauss(0.97, 0.08)) * 100) / 100;
  const s = sp(rng);
  return [name, `≤${fmtNum(n)}${s}${unit}`, `${fmtNum(a)}${s}${unit}`, a > n];
}

function qualRow(rng, name, pLow) {
  const low = rng.random() < pLow;
  return [name, rng.choice(QUAL_TARGETS), rng.choice(low ? QUAL_ACTUALS_LOW : QUAL_ACTUALS_OK), low];
}

function benefitRow(rng, sub) {
  const [name, kind] = rng.choice(BENEFIT[sub]);
  if (kind === "qual") return qualRow(rng, name, 0.2);
  if (kind === "pct") return [name, ...pctPair(rng, [80, 85, 90, 95])];
  if (kind === "count") {
    const n = rng.choice([5, 10, 20, 30]);
    const a = Math.max(0, Math.round(rng.gauss(n * 0.8, n * 0.3)));
    return [name, `≤${n} 次`, `${a} 次`, a > n];
  }
  if (kind === "zero") {
    const a = rng.random() < 0.97 ? 0 : 1;
    return [name, "0 起", `${a} 起`, a > 0];
  }
  if (kind === "area") {
    const n = rng.randint(50, 3000);
    const a = Math.round(n * Math.max(0.5, rng.gauss(1.03, 0.1)));
    return [name, `≥${n} 亩`, `${a} 亩`, a < n];
  }
  if (rng.random() < 0.5) return qualRow(rng, name, 0.15);
  const unit = { 增收: "元/户", 节约: "万元", 投资: "万元" }[kind];
  const n = rng.choice([200, 300, 500, 800, 1000, 1500]);
  const a = Math.round(n * Math.max(0.5, rng.gauss(1.08, 0.15)));
  return [name, `≥${n} ${unit}`, `${a} ${unit}`, a < n];
}

function projectRows(rng, pname) {
  const rows = [];
  const used = new Set();
  const wOut = rng.choice(WEIGHTS_OUT);
  const subsOut = ["数量指标", "质量指标", "时效指标", rng.choice(["数量指标", "成本指标", "成本指标"])];
  subsOut.forEach((sub, i) => {
    let r;
    if (sub === "数量指标") {
      r = qtyRow(rng, used);
      used.add(r[0]);
    } else if (sub === "质量指标") r = [rng.choice(QUAL), ...pctPair(rng)];
    else if (sub === "时效指标") r = timeRow(rng);
    else r = costRow(rng);
    rows.push([pname, "产出指标", sub, r[0], r[1], r[2], wOut[i], reason(rng, r[3])]);
  });
  const others = rng.sample(["经济效益指标", "生态效益指标", "可持续影响指标"], 2);
  const wBen = rng.choice(WEIGHTS_BEN);
  ["社会效益指标", ...others].forEach((sub, i) => {
    const r = benefitRow(rng, sub);
    rows.push([pname, "效益指标", sub, r[0], r[1], r[2], wBen[i], reason(rng, r[3])]);
  });
  const wSat = rng.choice(WEIGHTS_SAT);
  rng.sample(SATIS, 3).forEach((name, i) => {
    const [t, a, low] = pctPair(rng, [85, 90, 90, 95]);
    rows.push([pname, "满意度指标", "服务对象满意度指标", name, t, a, wSat[i], reason(rng, low)]);
  });
  return rows;
}

/** The data rows (分值 as a number), `nRows` a multiple of 10. */
export function genRows(nRows, seed) {
  if (nRows % 10 !== 0) throw new Error(`rows must be a multiple of 10, not ${nRows}`);
  const rng = rngFrom(seed);
  const rows = [];
  for (let i = 0; i < nRows / 10; i++) {
    const code = `XM${String(seed % 1000).padStart(3, "0")}-${String(i + 1).padStart(5, "0")}`;
    const pname = `${rng.choice(COUNTIES)}${rng.choice(YEARS)}年${rng.choice(TOPICS)}（${code}）`;
    rows.push(...projectRows(rng, pname));
  }
  return rows;
}

const csvCell = (v) => {
  const s = typeof v === "number" ? fmtNum(v) : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function csvBytes(rows) {
  const lines = [HEADER, ...rows].map((r) => r.map(csvCell).join(",") + "\r\n");
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join(""), "utf8")]);
}

function workbook(rows) {
  // Empty 偏差原因 as no cell at all, as Excel writes it.
  const ws = XLSX.utils.aoa_to_sheet([HEADER, ...rows.map((r) => r.map((v) => (v === "" ? null : v)))]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "绩效指标");
  wb.Props = { CreatedDate: FIXED_DATE, ModifiedDate: FIXED_DATE, Author: "jixiao bench" };
  return wb;
}

/** Same zip with fixed entry dates (CFB stamps "now" otherwise). */
function fixZip(buf, rewrite = (name, data) => data) {
  const cfb = XLSX.CFB.read(buf, { type: "buffer" });
  for (let i = 0; i < cfb.FileIndex.length; i++) {
    const e = cfb.FileIndex[i];
    if (e.type !== 2) continue;
    e.mt = FIXED_DATE;
    e.ct = FIXED_DATE;
    const name = cfb.FullPaths[i].replace(/^Root Entry\//, "");
    const out = rewrite(name, Buffer.from(e.content));
    if (out !== undefined) e.content = out;
  }
  return Buffer.from(XLSX.CFB.write(cfb, { fileType: "zip", type: "buffer", compression: true }));
}

function xlsxBytes(rows, inline) {
  const wb = workbook(rows);
  const raw = XLSX.write(wb, { type: "buffer", bookType: "xlsx", bookSST: !inline, compression: true });
  if (!inline) return fixZip(raw);
  // SheetJS writes non-shared strings as t="str" (a formula's string value);
  // turn them into real inline strings, as openpyxl write_only writes them.
  return fixZip(raw, (name, data) => {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) return undefined;
    const xml = data.toString("utf8");
    const out = xml.replace(/<c r="([A-Z]+\d+)" t="str"( xml:space="preserve")?><v(?: xml:space="preserve")?>([^<]*)<\/v><\/c>/g,
      (_, ref, keep, text) => `<c r="${ref}" t="inlineStr"><is><t${keep ?? ""}>${text}</t></is></c>`);
    if (out.includes('t="str"')) throw new Error("gen: a t=\"str\" cell was not rewritten");
    return Buffer.from(out, "utf8");
  });
}

function xlsBytes(rows) {
  const buf = Buffer.from(XLSX.write(workbook(rows), { type: "buffer", bookType: "biff8" }));
  const cfb = XLSX.CFB.read(buf, { type: "buffer" });
  for (const e of cfb.FileIndex) {
    e.mt = FIXED_DATE;
    e.ct = FIXED_DATE;
  }
  return freePadding(Buffer.from(XLSX.CFB.write(cfb, { type: "buffer" })));
}

/** SheetJS's CFB writer marks the FAT entries past the last sector ENDOFCHAIN
 * (0xFFFFFFFE) instead of FREESECT (0xFFFFFFFF); Excel writes FREESECT and the
 * `cfb` crate refuses the former ("Malformed FAT"). Set them free: the same
 * workbook, the container as Excel writes it. (Header-listed FAT sectors only:
 * a 20,000-row sheet needs far fewer than the 109 the header holds.) */
function freePadding(buf) {
  const size = 1 << buf.readUInt16LE(30);
  const sectors = (buf.length - 512) / size;
  const fatSectors = buf.readUInt32LE(44);
  if (fatSectors > 109) throw new Error("gen: XLS too large for the header's FAT list");
  for (let k = 0; k < fatSectors; k++) {
    const at = 512 + buf.readUInt32LE(76 + 4 * k) * size;
    for (let j = 0; j < size / 4; j++) {
      const entry = k * (size / 4) + j;
      if (entry >= sectors && buf.readUInt32LE(at + 4 * j) === 0xfffffffe) buf.writeUInt32LE(0xffffffff, at + 4 * j);
    }
  }
  return buf;
}

/** Writes the files for `kind` ("full" | "smoke") into `dir`; returns [{name, rows, bytes, sha}]. */
export function generate(kind = "full", dir = path.join(here, "data", kind)) {
  fs.mkdirSync(dir, { recursive: true });
  const sizes = SIZES[kind];
  const sheetRows = genRows(sizes["xlsx_20k_sst.xlsx"], SEED + 3);
  const files = {
    "csv_10k.csv": () => csvBytes(genRows(sizes["csv_10k.csv"], SEED + 1)),
    "csv_100k.csv": () => csvBytes(genRows(sizes["csv_100k.csv"], SEED + 2)),
    "xlsx_20k_sst.xlsx": () => xlsxBytes(sheetRows, false),
    "xlsx_20k.xlsx": () => xlsxBytes(sheetRows, true),
    "xls_20k.xls": () => xlsBytes(genRows(sizes["xls_20k.xls"], SEED + 3)),
  };
  return Object.entries(files).map(([name, make]) => {
    const b = make();
    fs.writeFileSync(path.join(dir, name), b);
    return { name, rows: sizes[name], bytes: b.length, sha: crypto.createHash("sha256").update(b).digest("hex").slice(0, 16) };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const kind = args.includes("--smoke") ? "smoke" : "full";
  const outAt = args.indexOf("--out");
  const out = generate(kind, outAt >= 0 ? args[outAt + 1] : undefined);
  for (const f of out) console.log(`${f.name.padEnd(18)} ${f.rows.toLocaleString("en-US").padStart(7)} rows ${f.bytes.toLocaleString("en-US").padStart(11)} bytes  sha256 ${f.sha}`);
}
