// What users hand in, from the page (issue 13): the 自评表 as XLSX (and its
// blank template), the 绩效自评报告 draft as DOCX, CSV, and the A4 print views
// of the form and the report (checked through page.pdf and its text).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openPage, T, text, waitTotal } from './browser.mjs';

/** A two-project collection (layout A with 项目名称 and budget columns). */
const COLLECTION = [
  '项目名称,全年预算数,全年执行数,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值',
  '甲项目,100,90,产出指标,数量指标,培训人数,≥100 人,120 人,50',
  '甲项目,,,效益指标,社会效益指标,群众知晓率,≥80%,85%,30',
  '甲项目,,,满意度指标,服务对象满意度指标,满意度,≥90%,95%,10',
  '乙项目,50,50,产出指标,数量指标,维修里程,≥10 公里,8 公里,50',
  '乙项目,,,效益指标,社会效益指标,通行时间缩短,≥10%,10%,30',
  '乙项目,,,满意度指标,服务对象满意度指标,满意度,≥90%,92%,10',
].join('\n');

/** A project with 40 rows: several pages. */
function longTable() {
  const lines = ['项目名称,长表项目', '全年预算数,100', '全年执行数,100', '一级指标,二级指标,三级指标,年度指标值,实际完成值,分值'];
  for (let i = 1; i <= 40; i++) {
    const l1 = i <= 20 ? '产出指标' : i <= 35 ? '效益指标' : '满意度指标';
    const l2 = i <= 10 ? '数量指标' : i <= 20 ? '质量指标' : i <= 35 ? '社会效益指标' : '服务对象满意度指标';
    lines.push(`${l1},${l2},第${i}项指标（用于检查分页与表头重复的较长名称）,≥${i} 个,${i} 个,${i <= 20 ? 2.5 : i <= 35 ? 2 : 2}`);
  }
  return lines.join('\n');
}

/** A file of a zip package (unzip -p). */
function part(file, name) {
  // unzip reads [ ] * ? as wildcards: escaped, the name is matched as it is
  const r = spawnSync('unzip', ['-p', file, name.replace(/[[\]*?]/g, '\\$&')], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, `unzip ${name}: ${r.stderr}`);
  return r.stdout;
}

/** The w:t text of document.xml, a line per paragraph. */
function docxText(file) {
  const xml = part(file, 'word/document.xml');
  return xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).join('\n');
}

/** The structure of an Office Open XML package (ECMA-376 part 2), checked
 * with the browser's XML parser: every .xml/.rels part is well-formed XML;
 * [Content_Types].xml gives every part a type (Override or Default by
 * extension); every internal relationship target is a part of the package;
 * the main document is a w:document with a w:body. Returns the part names. */
async function checkPackage(page, file) {
  const names = spawnSync('unzip', ['-Z1', file], { encoding: 'utf8' }).stdout.split('\n').filter((n) => n && !n.endsWith('/'));
  const xml = Object.fromEntries(names.filter((n) => /\.(xml|rels)$/.test(n)).map((n) => [n, part(file, n)]));
  const problems = await page.evaluate(({ names, xml }) => {
    const out = [];
    const docs = {};
    for (const [n, text] of Object.entries(xml)) {
      const d = new DOMParser().parseFromString(text, 'application/xml');
      if (d.getElementsByTagName('parsererror').length) out.push(`${n}: not well-formed XML`);
      docs[n] = d;
    }
    const types = docs['[Content_Types].xml'];
    if (!types) return ['no [Content_Types].xml'];
    const overrides = new Set([...types.getElementsByTagName('Override')].map((e) => e.getAttribute('PartName')));
    const defaults = new Set([...types.getElementsByTagName('Default')].map((e) => e.getAttribute('Extension').toLowerCase()));
    for (const n of names) {
      if (n === '[Content_Types].xml') continue;
      const ext = n.split('.').pop().toLowerCase();
      if (!overrides.has('/' + n) && !defaults.has(ext)) out.push(`${n}: no content type`);
    }
    for (const o of overrides) if (!names.includes(o.slice(1))) out.push(`[Content_Types].xml: ${o} is not in the package`);
    for (const n of names.filter((x) => x.endsWith('.rels'))) {
      // _rels/.rels → the root; word/_rels/document.xml.rels → word/
      const base = n.replace(/_rels\/[^/]*$/, '');
      for (const r of docs[n].getElementsByTagName('Relationship')) {
        if (r.getAttribute('TargetMode') === 'External') continue;
        const t = r.getAttribute('Target');
        const parts = (t.startsWith('/') ? t.slice(1) : base + t).split('/');
        const path = [];
        for (const p of parts) if (p === '..') path.pop(); else if (p !== '.') path.push(p);
        if (!names.includes(path.join('/'))) out.push(`${n}: ${r.getAttribute('Id')} → ${t} is not in the package`);
      }
    }
    const doc = docs['word/document.xml'];
    if (!doc || doc.documentElement.localName !== 'document' || !doc.getElementsByTagNameNS('*', 'body').length) out.push('word/document.xml: no w:document with a w:body');
    return out;
  }, { names, xml });
  assert.deepEqual(problems, []);
  return names;
}

/** The text of a PDF, page by page (poppler's pdftotext). */
function pdfPages(buffer) {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-pdf-'));
  try {
    const f = join(dir, 'p.pdf');
    writeFileSync(f, buffer);
    const r = spawnSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    // pdftotext keeps or drops the spaces between CJK characters as it likes: compare without white space
    return r.stdout.split('\f').filter((p) => p.trim()).map((p) => p.replace(/\s+/g, ''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function download(page, testid) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
  return { path: await d.path(), name: d.suggestedFilename() };
}

/** Build a print view (the button, with the dialog stubbed) and print it to PDF. */
async function printToPdf(page, testid) {
  await page.evaluate(() => { window.print = () => {}; });
  await page.click(`[data-testid=${testid}]`);
  await page.waitForFunction(() => document.querySelector('#print-root .print-page'), null, { timeout: T });
  await page.evaluate(() => document.body.classList.add('printing-form'));
  await page.emulateMedia({ media: 'print' });
  return pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
}

test('导出自评表 XLSX：表样、数字格式，再次载入得到相同得分；空白模板', async () => {
  const s = await openPage();
  try {
    await s.page.click('[data-testid=sample]');
    await waitTotal(s.page, '99.89');
    const x = await download(s.page, 'export-xlsx');
    assert.match(x.name, /自评表\.xlsx$/);
    const bytes = readFileSync(x.path);
    assert.equal(bytes.subarray(0, 2).toString(), 'PK');
    const strings = part(x.path, 'xl/sharedStrings.xml');
    for (const s2 of ['项目支出绩效自评表', '年度资金总额', '偏差原因分析及改进措施', '自评等级', '单位负责人：']) assert.ok(strings.includes(s2), s2);
    const sheet = part(x.path, 'xl/worksheets/sheet1.xml');
    assert.ok(sheet.includes('<v>60</v>') && sheet.includes('<v>59.33</v>'), 'budget figures are numbers');
    assert.ok(sheet.includes('paperSize="9"'), 'A4');
    // read back by the page itself
    await s.page.click('[data-testid=clear-storage]');
    await s.page.setInputFiles('[data-testid=file]', { name: 'form.xlsx', mimeType: 'application/octet-stream', buffer: bytes });
    assert.equal(await waitTotal(s.page, '99.89'), '99.89');
    assert.equal(await text(s.page, 'exec-rate'), '98.88%');

    const t = await download(s.page, 'blank-template');
    assert.ok(part(t.path, 'xl/sharedStrings.xml').includes('项目支出绩效自评表'));
    assert.deepEqual(s.requests, []);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('一组项目：XLSX 含汇总表与每个项目一张表，再次载入得分相同；CSV、DOCX 含每个项目', async () => {
  const s = await openPage();
  try {
    await s.page.fill('[data-testid=input]', COLLECTION);
    await s.page.waitForFunction(() => document.querySelectorAll('[data-testid=total]').length === 2, null, { timeout: T });
    const totals = await s.page.locator('[data-testid=total]').allTextContents();
    const x = await download(s.page, 'export-xlsx');
    const wb = part(x.path, 'xl/workbook.xml');
    const names = [...wb.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(names, ['汇总', '甲项目', '乙项目']);
    await s.page.click('[data-testid=clear-storage]');
    await s.page.setInputFiles('[data-testid=file]', { name: 'c.xlsx', mimeType: 'application/octet-stream', buffer: readFileSync(x.path) });
    await s.page.waitForFunction(() => document.querySelectorAll('[data-testid=total]').length === 2, null, { timeout: T });
    assert.deepEqual(await s.page.locator('[data-testid=total]').allTextContents(), totals);
    const csv = readFileSync((await download(s.page, 'export-csv')).path, 'utf8');
    assert.ok(csv.includes('甲项目') && csv.includes('乙项目'), csv);
    const docx = (await download(s.page, 'export-docx')).path;
    await checkPackage(s.page, docx);
    const d = docxText(docx);
    assert.ok(d.includes('甲项目绩效自评报告') && d.includes('乙项目绩效自评报告'), d);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('导出报告 DOCX：有效的包，含一至六的标题与计算句子；填写的内容随输入保存并写入报告', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-report-'));
  let s = await openPage({ userDataDir: dir });
  try {
    await s.page.click('[data-testid=sample]');
    await waitTotal(s.page, '99.89');
    await s.page.click('[data-testid=report-toggle]');
    const preview = s.page.locator('[data-testid=report-preview]');
    await preview.getByText('全年预算数为 60 万元，执行数为 59.33 万元，完成预算的 98.88%。').waitFor({ timeout: T });
    await s.page.fill('[data-testid=draft-background-0]', '区信访局负责全区信访工作。');
    await preview.getByText('区信访局负责全区信访工作。').waitFor({ timeout: T });
    const x = await download(s.page, 'export-docx');
    assert.match(x.name, /绩效自评报告\.docx$/);
    const names = await checkPackage(s.page, x.path);
    for (const n of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/footer1.xml']) assert.ok(names.includes(n), n);
    const d = docxText(x.path);
    for (const h of ['一、基本情况', '二、绩效目标和指标', '三、综合评价', '四、绩效指标分析', '五、综合评价得分及等级', '六、存在的问题和改进措施']) {
      assert.ok(d.split('\n').includes(h), h);
    }
    for (const f of ['60 万元', '59.33 万元', '98.88%', '99.89', '等级为优', '支付进度较慢', '区信访局负责全区信访工作。',
      '1.信访形势，年度指标值：我区群众信访形势整体平稳，实际完成指标值：100%。']) assert.ok(d.includes(f), f);
    assert.ok(part(x.path, 'word/footer1.xml').includes('PAGE'), 'page numbers');
    // kept with the input: after a reload, and in the exported JSON
    await s.page.waitForTimeout(600);
    await s.close();
    s = await openPage({ userDataDir: dir });
    await waitTotal(s.page, '99.89');
    await s.page.click('[data-testid=report-toggle]');
    assert.equal(await s.page.locator('[data-testid=draft-background-0]').inputValue(), '区信访局负责全区信访工作。');
    const json = JSON.parse(readFileSync((await download(s.page, 'export-json')).path, 'utf8'));
    assert.equal(json.projects[0].draft.background, '区信访局负责全区信访工作。');
    assert.deepEqual(s.requests, []);
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('打印自评表：A4 表样，标题、页码、日期与签字栏', async () => {
  const s = await openPage();
  try {
    await s.page.click('[data-testid=sample]');
    await waitTotal(s.page, '99.89');
    const pages = await printToPdf(s.page, 'print-form');
    const all = pages.join('');
    for (const f of ['项目支出绩效自评表', '项目名称', '年度资金总额', '年度总体目标', '偏差原因分析', '总分', '99.89', '自评等级',
      '填表人', '联系电话', '单位负责人', '财务负责人', '单位盖章', '打印日期']) {
      assert.ok(all.includes(f), `${f}\n${all}`);
    }
    assert.ok(pages[0].startsWith('项目支出绩效自评表'), 'the official title first');
    pages.forEach((p, i) => assert.ok(p.includes(`第${i + 1}页共${pages.length}页`), `page number on page ${i + 1}`));
    const p = pages[pages.length - 1];
    assert.ok(p.includes('满意度评价') && p.includes('总分') && p.includes('单位负责人'), 'the total with the last row and the signatures');
    assert.ok(!p.includes('项目支出绩效自评表评分'), 'not the screen');
  } finally {
    await s.close();
  }
});

test('打印自评表（长表）：每页重复表头、页码，总分不单独成页', async () => {
  const s = await openPage();
  try {
    await s.page.fill('[data-testid=input]', longTable());
    await s.page.waitForFunction(() => document.querySelector('[data-testid=total]'), null, { timeout: T });
    const pages = await printToPdf(s.page, 'print-form');
    assert.ok(pages.length >= 2, `${pages.length} pages`);
    pages.forEach((p, i) => {
      assert.ok(p.includes(`第${i + 1}页共${pages.length}页`), `page number on page ${i + 1}`);
      if (i > 0) assert.ok(p.includes('三级指标') && p.includes('偏差原因分析'), `header repeated on page ${i + 1}`);
    });
    const last = pages[pages.length - 1];
    assert.ok(last.includes('总分') && /第\d+项指标/.test(last), `the total has indicator rows with it:\n${last}`);
    assert.ok(last.includes('第40项指标'), 'the last row is with the total');
  } finally {
    await s.close();
  }
});

test('打印报告：A4，标题、各部分与页码', async () => {
  const s = await openPage();
  try {
    await s.page.click('[data-testid=sample]');
    await waitTotal(s.page, '99.89');
    const pages = await printToPdf(s.page, 'print-report');
    const all = pages.join('\n');
    for (const f of ['2023年度广州市白云区信访局部门重点项目绩效自评报告', '一、基本情况', '六、存在的问题和改进措施', '98.88%', '99.89']) {
      assert.ok(all.includes(f), f);
    }
    pages.forEach((p, i) => assert.ok(p.includes(`第${i + 1}页共${pages.length}页`), `page ${i + 1}`));
  } finally {
    await s.close();
  }
});
