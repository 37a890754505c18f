// The table as a workbench (issue 11): cells edited in place re-score at once,
// are marked with the file's value, can be undone, go into the exports, and a
// value the core cannot score is refused inline without zeroing the row.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { openPage, T, text, waitTotal } from './browser.mjs';

const TABLE = [
  '项目名称,全年预算数,全年执行数,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值',
  '甲项目,100,90,产出指标,数量指标,培训人数,≥100 人,120 人,50',
  '甲项目,,,效益指标,社会效益指标,群众知晓率,≥80%,85%,30',
  '甲项目,,,满意度指标,服务对象满意度指标,满意度,≥90%,95%,10',
].join('\n');

async function download(page, testid) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
  return d.path();
}

/** The first indicator row (培训人数). */
const first = (page) => page.locator('[data-testid=row]').first();

test('上传的 XLSX：改实际完成值即重算，标记原值，导出随之变化，撤销后复原', async () => {
  const s = await openPage();
  try {
    // an XLSX made by the page's own export, uploaded as a user's file
    await s.page.fill('[data-testid=input]', TABLE);
    assert.equal(await waitTotal(s.page, '99.00'), '99.00');
    const xlsx = readFileSync(await download(s.page, 'export-xlsx'));
    await s.page.setInputFiles('[data-testid=file]', { name: 'form.xlsx', mimeType: 'application/octet-stream', buffer: xlsx });
    assert.equal(await waitTotal(s.page, '99.00'), '99.00');

    const cell = first(s.page).locator('[data-testid=cell-actual]');
    const original = await cell.inputValue();
    assert.match(original, /120/);
    await cell.fill('50 人');
    await cell.press('Enter');
    assert.equal(await waitTotal(s.page, '74.00'), '74.00');
    assert.equal((await first(s.page).locator('[data-testid=row-score]').textContent()).trim(), '25.00');
    assert.match(await cell.getAttribute('class'), /edited/);
    assert.ok((await cell.getAttribute('title')).includes(original), 'the file\'s value on hover');
    const csv = readFileSync(await download(s.page, 'export-csv'), 'utf8');
    assert.ok(csv.includes('50 人') && csv.includes('25'), csv);

    // 撤销 (button), then the same edit and Ctrl+Z
    await s.page.click('[data-testid=undo]');
    assert.equal(await waitTotal(s.page, '99.00'), '99.00');
    assert.equal(await cell.inputValue(), original);
    assert.doesNotMatch(await cell.getAttribute('class'), /edited/);
    await cell.fill('50 人');
    await cell.press('Enter');
    assert.equal(await waitTotal(s.page, '74.00'), '74.00');
    await s.page.locator('[data-testid=grade]').click();
    await s.page.keyboard.press('Control+z');
    assert.equal(await waitTotal(s.page, '99.00'), '99.00');
    assert.deepEqual(s.requests, []);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('分值填成非数字：就地拒绝并说明，本行得分不归零；偏差原因可写并进入导出的 JSON', async () => {
  const s = await openPage();
  try {
    await s.page.fill('[data-testid=input]', TABLE);
    assert.equal(await waitTotal(s.page, '99.00'), '99.00');
    const w = first(s.page).locator('[data-testid=cell-weight]');
    await w.fill('5O');
    await w.press('Enter');
    const msg = first(s.page).locator('[data-testid=cell-refused]:visible');
    await msg.waitFor({ state: 'visible', timeout: T });
    assert.match(await msg.textContent(), /5O.*不是数字/);
    assert.equal(await w.getAttribute('aria-invalid'), 'true');
    assert.equal(await text(s.page, 'total'), '99.00');
    assert.equal((await first(s.page).locator('[data-testid=row-score]').textContent()).trim(), '50.00');
    assert.notEqual(await first(s.page).getAttribute('data-status'), 'error');

    const reason = first(s.page).locator('[data-testid=cell-reason]');
    await reason.fill('培训场地延期，次年补训');
    await reason.blur();
    await s.page.locator('[data-testid=edit-count]').waitFor({ state: 'visible', timeout: T });
    const json = JSON.parse(readFileSync(await download(s.page, 'export-json'), 'utf8'));
    assert.equal(json.projects[0].indicators[0].reason, '培训场地延期，次年补训');
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('另一张表格粘贴进来：先前的判定不带过去，并提示已舍弃', async () => {
  const s = await openPage();
  try {
    await s.page.fill('[data-testid=input]', TABLE);
    assert.equal(await waitTotal(s.page, '99.00'), '99.00');
    const cell = first(s.page).locator('[data-testid=cell-actual]');
    await cell.fill('50 人');
    await cell.press('Enter');
    assert.equal(await waitTotal(s.page, '74.00'), '74.00');
    // another table: same rows, other indicators
    await s.page.fill('[data-testid=input]', TABLE.replace('培训人数', '发放手册').replace('群众知晓率', '政策知晓率'));
    assert.equal(await waitTotal(s.page, '99.00'), '99.00');
    assert.equal(await first(s.page).locator('[data-testid=cell-actual]').inputValue(), '120 人');
    assert.match(await text(s.page, 'edit-note'), /1 处.*已舍弃/);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
