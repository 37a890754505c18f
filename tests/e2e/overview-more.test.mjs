// The department view (issue 12), continued: a folder chosen (every
// supported file inside, the others listed as skipped) or dropped (the
// entry walk, tested with plain objects), the overview as XLSX (read back
// with SheetJS), the overview printed on A4 (page.pdf + pdftotext: its own
// table, the charts, every column), and the progress line naming rows.
//
// Expected figures come from the CLI (`jixiao score --format json`).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import XLSX from 'xlsx';

import { cli, openPage, root, T } from './browser.mjs';
import { droppedFolder, filesOf, split } from '../../www/src/folder.js';

const fx = (n) => join(root, 'tests', 'fixtures', n);
let dir;
/** The CLI's projects of the three forms in the folder, in the folder's order. */
let expected;


before(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-folder-'));
  const top = join(dir, '各部门');
  mkdirSync(join(top, '教育局', '2024'), { recursive: true });
  copyFileSync(fx('baiyun-xinfang-2023.csv'), join(top, '信访局.csv'));
  copyFileSync(fx('campus-safety-form-2024.xls'), join(top, '教育局', '校园安全.xls'));
  writeFileSync(join(top, '教育局', '2024', '多种写法.json'), cli('read', fx('form-variants.csv')));
  writeFileSync(join(top, '说明.docx'), 'not a form');
  writeFileSync(join(top, '教育局', '照片.jpg'), 'not a form');
  writeFileSync(join(top, '教育局', '~$校园安全.xls'), 'an Office lock file');
  expected = [fx('baiyun-xinfang-2023.csv'), fx('campus-safety-form-2024.xls'), join(top, '教育局', '2024', '多种写法.json')]
    .flatMap((p) => JSON.parse(cli('score', p, '--format', 'json')).projects);
}, { timeout: 600_000 });
after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

/** The overview lines' figures, in display order. */
function lines(page) {
  return page.locator('[data-testid=overview-line]').evaluateAll((ls) => ls.map((l) => ({
    name: l.querySelector('[data-testid=line-name]').textContent,
    total: l.querySelector('[data-testid=total]').textContent,
    grade: l.querySelector('[data-testid=grade]').textContent,
  })));
}

async function chooseFolder(page) {
  await page.setInputFiles('[data-testid=folder]', join(dir, '各部门'));
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=overview-line]').length === n
    && !document.querySelector('[data-testid=file-item].waiting, [data-testid=file-item].reading'), expected.length, { timeout: 30_000 });
}

test('选择文件夹：读取其中（含子文件夹）所有支持的文件，其他文件列为已跳过', async () => {
  const s = await openPage();
  try {
    await chooseFolder(s.page);
    const names = await s.page.locator('[data-testid=file-item] .ov-file-name').allTextContents();
    assert.deepEqual([...names].sort(), ['信访局.csv', '多种写法.json', '校园安全.xls'].sort());
    const got = await lines(s.page);
    const key = (x) => x.name + '|' + x.total + '|' + x.grade;
    assert.deepEqual(got.map(key).sort(), expected.map((p) => key({ name: p.name, total: p.total.toFixed(2), grade: p.grade })).sort());
    const skipped = await s.page.locator('[data-testid=skipped]').textContent();
    assert.match(skipped, /已跳过 3 个/);
    for (const n of ['说明.docx', '照片.jpg', '~$校园安全.xls']) assert.ok(skipped.includes(n), `${n} in: ${skipped}`);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('拖入文件夹：逐层读取目录项（webkitGetAsEntry），按名称排序，不支持的文件列为已跳过', async () => {
  const file = (name) => ({ name, size: 1 });
  /** A directory entry whose reader gives its children in batches of two, like Chromium's (of 100). */
  const folder = (path, children) => ({
    isFile: false, isDirectory: true, name: path.split('/').pop(), fullPath: '/' + path,
    createReader() {
      let i = 0;
      return { readEntries(ok) { const batch = children.slice(i, i + 2); i += batch.length; setTimeout(() => ok(batch), 0); } };
    },
  });
  const entry = (path) => ({ isFile: true, isDirectory: false, name: path.split('/').pop(), fullPath: '/' + path, file(ok) { setTimeout(() => ok(file(path.split('/').pop())), 0); } });
  const tree = folder('各部门', [
    entry('各部门/说明.docx'), entry('各部门/b.csv'), folder('各部门/教育局', [entry('各部门/教育局/c.XLSX'), entry('各部门/教育局/d.tsv'), entry('各部门/教育局/照片.jpg')]),
    entry('各部门/a.json'), entry('各部门/.DS_Store'),
  ]);
  const r = await filesOf([tree, entry('e.txt')]);
  assert.deepEqual(r.files.map((f) => f.name), ['e.txt', 'a.json', 'b.csv', 'c.XLSX', 'd.tsv']);
  assert.deepEqual(r.skipped, ['各部门/.DS_Store', '各部门/教育局/照片.jpg', '各部门/说明.docx']); // (names in code-point order)
  // a drop with a folder gives its entries; plain files are left to dataTransfer.files
  const items = (...entries) => ({ items: Object.assign(entries.map((e) => ({ kind: 'file', webkitGetAsEntry: () => e })), { length: entries.length }) });
  assert.equal(droppedFolder(/** @type {any} */ (items(entry('x.csv'), entry('y.csv')))), null);
  assert.equal(droppedFolder(/** @type {any} */ (items(entry('x.csv'), tree))).length, 2);
  assert.equal(droppedFolder(null), null);
  // chosen with <input webkitdirectory>: the relative path names a skipped file
  const chosen = split([{ name: 'a.xls', webkitRelativePath: 'd/a.xls' }, { name: 'b.pdf', webkitRelativePath: 'd/b.pdf' }].map((f) => /** @type {any} */ (f)));
  assert.deepEqual([chosen.files.map((f) => f.name), chosen.skipped], [['a.xls'], ['d/b.pdf']]);
});

test('总览导出 XLSX（核心的写出模块写汇总表），读回后每个项目一行、数字与页面一致', async () => {
  const s = await openPage();
  try {
    await chooseFolder(s.page);
    const shown = await lines(s.page);
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.click('[data-testid=overview-xlsx]')]);
    assert.equal(download.suggestedFilename(), '绩效自评总览.xlsx');
    const wb = XLSX.read(readFileSync(await download.path()), { type: 'buffer' });
    assert.deepEqual(wb.SheetNames, ['汇总']);
    const rows = XLSX.utils.sheet_to_json(wb.Sheets['汇总'], { header: 1, defval: '' });
    assert.equal(rows[0][0], '项目支出绩效自评汇总表');
    assert.deepEqual(rows[1], ['序号', '文件', '项目名称', '主管部门/实施单位', '全年预算数（万元）', '全年执行数（万元）', '执行率', '总分', '填报总分', '等级', '错误', '复核']);
    const body = rows.slice(2);
    assert.equal(body.length, shown.length);
    body.forEach((r, i) => {
      assert.equal(r[0], i + 1);
      assert.equal(r[2], shown[i].name);
      assert.equal(Number(r[7]).toFixed(2), shown[i].total);
      assert.equal(String(r[9]).replace('（暂定）', ''), shown[i].grade);
    });
    assert.deepEqual(s.requests, []);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('打印总览（A4）：总览自成一表，含图表，各列完整，其他部分不打印', async () => {
  const s = await openPage();
  try {
    await chooseFolder(s.page);
    await s.page.waitForFunction(() => document.querySelectorAll('[data-testid=charts] svg').length === 4, null, { timeout: T });
    await s.page.emulateMedia({ media: 'print' });
    const pdf = join(dir, 'overview.pdf');
    await s.page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    const [w, h] = (/Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) || []).slice(1).map(Number);
    assert.ok(Math.abs(Math.max(w, h) - 842) < 2 && Math.abs(Math.min(w, h) - 595) < 2, `A4: ${info}`);
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    if (process.env.DUMP) writeFileSync(process.env.DUMP, text);
    // the table's every column, side by side on the page (none cut off), and every project's figures
    const heads = ['文件', '项目名称', '主管部门/实施单位', '全年预算数', '全年执行数', '执行率', '总分', '填报总分', '等级', '暂定', '错误', '复核'];
    const headLine = text.split('\n').find((l) => l.includes('项目名称'));
    assert.ok(headLine && heads.every((h) => headLine.includes(h)), `one header line with every column: ${headLine}`);
    for (const p of expected) {
      assert.ok(text.includes(p.name.slice(0, 8)), `${p.name} printed`);
      assert.ok(text.includes(p.total.toFixed(2)), `${p.name}: total ${p.total.toFixed(2)} printed`);
      if (p.execution.budget != null) assert.ok(text.includes(p.execution.budget.toFixed(2)), `${p.name}: budget printed`);
    }
    assert.match(text, /合计 \d+ 个项目/);
    // the charts (SVG, with their captions)
    assert.equal(await s.page.locator('[data-testid=charts] svg').count(), 4);
    assert.match(text, /等级分布/);
    // nothing of the input panel or the buttons
    assert.ok(!text.includes('粘贴表格内容') && !text.includes('导出总览'), 'controls not printed');
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('读取进度：第 k / n 个文件，及文件的行数和已读取的行数', async () => {
  const s = await openPage();
  try {
    const big = readFileSync(fx('baiyun-xinfang-2023.csv'), 'utf8');
    // the progress line is kept as it is shown (the files are read fast)
    await s.page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.__progress = [];
      new MutationObserver(() => {
        const p = document.querySelector('[data-testid=progress-text]');
        if (p && w.__progress[w.__progress.length - 1] !== p.textContent) w.__progress.push(p.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await s.page.evaluate((text) => {
      const dt = new DataTransfer();
      ['一.csv', '二.csv', '三.csv'].forEach((n) => dt.items.add(new File([text], n, { type: 'text/csv' })));
      document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    }, big);
    await s.page.waitForFunction(() => document.querySelectorAll('[data-testid=overview-line]').length === 3, null, { timeout: T * 3 });
    const seen = await s.page.evaluate(() => /** @type {any} */ (window).__progress);
    const rows = big.split('\n').length - 1;
    assert.ok(seen.some((x) => /正在读取第 1 \/ 3 个文件：一\.csv（约 \d+ 行）/.test(x) && x.includes(String(rows))), seen.join('\n'));
    assert.ok(seen.some((x) => /正在读取第 3 \/ 3 个文件：三\.csv.*已读取 [\d,]+ 行/.test(x)), seen.join('\n'));
  } finally {
    await s.close();
  }
});
