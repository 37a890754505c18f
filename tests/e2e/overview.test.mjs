// The department view (issue 12): several files dropped at once are read and
// scored in a Web Worker and shown as one overview line per project; sort,
// filter, open a project and come back; charts; a reproducible 抽查 draw.
//
// The expected figures come from the CLI (`jixiao score --format json`) on
// the same bytes, so the page is checked against the core, not against
// numbers copied here.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import iconv from 'iconv-lite';

import { cli, openPage, root, T, makeXlsx } from './browser.mjs';

let dir;
/** name → {bytes, projects (CLI JSON) | null} */
const files = {};


before(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-overview-'));
  makeXlsx(dir);
  const fx = (n) => join(root, 'tests', 'fixtures', n);
  writeFileSync(join(dir, 'gbk.csv'), iconv.encode(readFileSync(fx('baiyun-xinfang-2023.csv'), 'utf8').replace(/^\uFEFF/, ''), 'gbk'));
  writeFileSync(join(dir, 'variants.json'), cli('read', fx('form-variants.csv')));
  writeFileSync(join(dir, 'broken.xlsx'), Buffer.from('PK\u0003\u0004 this is not a workbook'));
  const take = (name, path) => {
    const bytes = readFileSync(path);
    let projects = null;
    if (name !== '损坏.xlsx') projects = JSON.parse(cli('score', path, '--format', 'json')).projects;
    files[name] = { bytes, projects };
  };
  take('校园安全.xlsx', join(dir, 'campus-form.xlsx'));
  take('校园安全.xls', fx('campus-safety-form-2024.xls'));
  take('信访局GBK.csv', join(dir, 'gbk.csv'));
  take('多种写法.json', join(dir, 'variants.json'));
  take('损坏.xlsx', join(dir, 'broken.xlsx'));
}, { timeout: 600_000 });
after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

async function drop(page, list) {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    list.forEach((f) => dt.items.add(new File([new Uint8Array(f.bytes)], f.name)));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, list.map(([name, f]) => ({ name, bytes: [...f.bytes] })));
}

/** The overview lines as [{name, total, grade, provisional}], in display order. */
function lines(page) {
  return page.locator('[data-testid=overview-line]').evaluateAll((ls) => ls.map((l) => ({
    name: l.querySelector('[data-testid=line-name]').textContent,
    total: l.querySelector('[data-testid=total]').textContent,
    grade: l.querySelector('[data-testid=grade]').textContent,
    provisional: l.querySelector('[data-testid=provisional]').textContent,
  })));
}

test('拖入五个文件（XLSX、XLS、GBK CSV、JSON、一个损坏）：每个项目一行，损坏的文件显示错误，合计正确；排序、筛选、打开项目、返回', async () => {
  const s = await openPage();
  try {
    const list = Object.entries(files);
    await drop(s.page, list);
    const expected = list.flatMap(([, f]) => f.projects || []);
    await s.page.waitForFunction((n) => document.querySelectorAll('[data-testid=overview-line]').length === n
      && !document.querySelector('[data-testid=file-item].waiting, [data-testid=file-item].reading'), expected.length, { timeout: 30_000 });
    assert.ok(expected.length >= 4, `at least four projects (${expected.length})`);
    assert.equal(await s.page.locator('[data-testid=file-item]').count(), 5);
    const errs = await s.page.locator('[data-testid=file-item-error]').allTextContents();
    assert.equal(errs.length, 1, `one failing file: ${errs}`);
    assert.match(await s.page.locator('[data-testid=file-item]', { hasText: '损坏.xlsx' }).innerText(), /损坏\.xlsx[\s\S]*\S/);

    // every project's total and grade as the CLI computes them (file order)
    const got = await lines(s.page);
    assert.deepEqual(got.map((l) => [l.total, l.grade]), expected.map((p) => [p.total.toFixed(2), p.grade]));
    assert.deepEqual(got.map((l) => l.provisional === '暂定'), expected.map((p) => p.provisional));
    // the totals line: budget sum and mean score
    const budget = expected.reduce((a, p) => a + (p.execution.budget ?? 0), 0);
    assert.equal((await s.page.locator('[data-testid=sum-budget]').textContent()).trim(), budget.toFixed(2));
    const mean = expected.reduce((a, p) => a + p.total, 0) / expected.length;
    assert.equal((await s.page.locator('[data-testid=sum-mean]').textContent()).trim(), '均 ' + mean.toFixed(2));
    // charts drawn as inline SVG
    await s.page.waitForFunction(() => document.querySelectorAll('[data-testid=charts] svg').length === 4, null, { timeout: T });

    // sort by total, descending after a second click
    await s.page.click('[data-testid=sort-total]');
    await s.page.click('[data-testid=sort-total]');
    const desc = (await lines(s.page)).map((l) => Number(l.total));
    assert.deepEqual(desc, [...desc].sort((a, b) => b - a));

    // filter by text
    const one = expected[0].name;
    await s.page.fill('[data-testid=filter-text]', one);
    await s.page.waitForFunction((n) => [...document.querySelectorAll('[data-testid=line-name]')].every((x) => x.textContent.includes(n)), one, { timeout: T });
    const filtered = await lines(s.page);
    assert.ok(filtered.length >= 1 && filtered.length < expected.length, `filtered to ${filtered.length}`);

    // open the project: today's full view, one project; back keeps sort and filter
    await s.page.locator('[data-testid=overview-line]').first().click();
    await s.page.locator('[data-testid=project]').first().waitFor({ state: 'visible', timeout: T });
    assert.equal(await s.page.locator('[data-testid=project]').count(), 1);
    assert.equal(await s.page.locator('[data-testid=overview]').isVisible(), false);
    const opened = (await s.page.locator('[data-testid=project] [data-testid=total]').first().textContent()).trim();
    assert.equal(opened, filtered[0].total);
    await s.page.click('[data-testid=back]');
    await s.page.locator('[data-testid=overview]').waitFor({ state: 'visible', timeout: T });
    assert.equal(await s.page.locator('[data-testid=filter-text]').inputValue(), one);
    assert.deepEqual(await lines(s.page), filtered);
    assert.match(await s.page.locator('[data-testid=sort-total]').getAttribute('class'), /sorted-down/);

    // remove a file: the others stay
    await s.page.fill('[data-testid=filter-text]', '');
    await s.page.locator('[data-testid=file-item]', { hasText: '损坏.xlsx' }).locator('[data-testid=file-remove]').click();
    assert.equal(await s.page.locator('[data-testid=file-item]').count(), 4);
    assert.equal(await s.page.locator('[data-testid=overview-line]').count(), expected.length);

    // CSV of the overview
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.click('[data-testid=overview-csv]')]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.equal(csv.trim().split('\r\n').length, expected.length + 1);
    assert.match(csv, /^\uFEFF文件,工作表,项目名称/);
    assert.deepEqual(s.requests, []);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('抽查：同一种子抽出同样的项目，换种子可不同', async () => {
  const s = await openPage();
  try {
    const list = Object.entries(files).filter(([n]) => n !== '损坏.xlsx');
    // the same files twice: more projects to draw from
    await drop(s.page, list.concat(list.map(([n, f]) => ['副本' + n, f])));
    const n = list.flatMap(([, f]) => f.projects).length * 2;
    await s.page.waitForFunction((n) => document.querySelectorAll('[data-testid=overview-line]').length === n, n, { timeout: 30_000 });
    const draw = async (seed) => {
      await s.page.fill('[data-testid=draw-n]', '3');
      await s.page.fill('[data-testid=draw-seed]', String(seed));
      await s.page.click('[data-testid=draw]');
      await s.page.selectOption('[data-testid=filter-status]', 'drawn');
      const names = await s.page.locator('[data-testid=overview-line]').evaluateAll((ls) => ls.map((l) => l.querySelector('.c-file').textContent + '/' + l.querySelector('[data-testid=line-name]').textContent));
      await s.page.selectOption('[data-testid=filter-status]', '');
      return names;
    };
    const a = await draw(20261201);
    assert.equal(a.length, 3);
    assert.match(await s.page.locator('[data-testid=draw-note]').textContent(), /种子 20261201/);
    assert.deepEqual(await draw(7), await draw(7));
    assert.deepEqual(await draw(20261201), a);
  } finally {
    await s.close();
  }
});

test('总览中打开的项目改判定：重新评分，返回后该行总分随之改变，其他文件不变', async () => {
  const s = await openPage();
  try {
    const csv = files['信访局GBK.csv'];
    await drop(s.page, [['甲.csv', csv], ['乙.csv', csv]]);
    await s.page.waitForFunction(() => document.querySelectorAll('[data-testid=overview-line]').length === 2, null, { timeout: 30_000 });
    const before = csv.projects[0].total.toFixed(2);
    await s.page.locator('[data-testid=overview-line]').nth(1).click();
    const level = s.page.locator('[data-testid=row][data-row="5"] [data-testid=level-select]');
    await level.waitFor({ state: 'visible', timeout: T });
    await level.selectOption('部分达成');
    await s.page.waitForFunction((b) => document.querySelector('[data-testid=project] [data-testid=total]').textContent.trim() !== b, before, { timeout: T });
    const changed = (await s.page.locator('[data-testid=project] [data-testid=total]').first().textContent()).trim();
    await s.page.click('[data-testid=back]');
    assert.deepEqual(await s.page.$$eval('[data-testid=overview-line] [data-testid=total]', (x) => x.map((e) => e.textContent)), [before, changed]);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
