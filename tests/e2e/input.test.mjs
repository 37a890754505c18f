// Browser tests of issue 9's reading side in the page (dist/jixiao.html):
// budget rows below the table (item 1), a two-row header pasted from Excel
// (item 3), the column-mapping panel when the header is not recognised
// (prefilled with the best guess, remembered for the same header), and the
// list of rows that were not used.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { openPage, T, text, waitTotal } from './browser.mjs';

async function paste(page, content) {
  await page.locator('[data-testid=input]').fill(content);
}

test('第 1 项：表格下方的预算数被读入，执行率 90.00%，总分 99.00，没有多出的项目', async () => {
  const s = await openPage();
  try {
    await paste(s.page, '项目名称,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\nP,产出指标,数量指标,x,≥10个,10个,90\n全年预算数,100\n全年执行数,90\n');
    assert.equal(await waitTotal(s.page, '99.00'), '99.00');
    assert.equal(await text(s.page, 'exec-rate'), '90.00%');
    assert.equal(await s.page.locator('[data-testid=row]').count(), 1);
    assert.equal(await s.page.locator('[data-testid=ignored-row]').count(), 0);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('第 3 项：从 Excel 复制的两行表头（云南表式）照常计分', async () => {
  const s = await openPage();
  try {
    const rows = [
      ['绩效指标', '', '', '年度指标值', '', '', '实际完成值', '分值', '得分'],
      ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '', '', ''],
      ['产出指标', '数量指标', 'x', '≥', '10', '个', '8', '90', '72'],
      ['全年预算数', '100'],
      ['全年执行数', '100'],
    ];
    await paste(s.page, rows.map((r) => r.join('\t')).join('\n'));
    assert.equal(await waitTotal(s.page, '82.00'), '82.00'); // 90 × 8/10 + 10
    assert.equal(await s.page.locator('[data-testid=row]').count(), 1);
    assert.equal(await s.page.locator('[data-testid=file-error]:visible').count(), 0);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('表头认不出时：列对应面板（按最佳猜测预填），选定后计分，同样的表头下次自动套用', async () => {
  const s = await openPage();
  try {
    const header = '序号\t指标\t计划数\t完成数\t分值';
    await paste(s.page, `${header}\n1\tx\t≥10个\t8个\t90\n`);
    const panel = s.page.locator('[data-testid=mapping-panel]');
    await panel.waitFor({ state: 'visible', timeout: T });
    // the message names the header cells found
    assert.match(await text(s.page, 'file-error'), /「序号」「指标」「计划数」「完成数」「分值」/);
    // one select per required field, and the 分值 guess prefilled
    for (const f of ['name', 'target', 'actual']) {
      assert.equal(await s.page.locator(`[data-testid=map-${f}]`).count(), 1, f);
    }
    assert.equal(await s.page.locator('[data-testid=map-weight]').inputValue(), 'E');
    await s.page.selectOption('[data-testid=map-name]', 'B');
    await s.page.selectOption('[data-testid=map-target]', 'C');
    await s.page.selectOption('[data-testid=map-actual]', 'D');
    await s.page.click('[data-testid=map-apply]');
    assert.equal(await waitTotal(s.page, '72.00'), '72.00'); // 90 × 8/10, no budget
    assert.equal(await s.page.locator('[data-testid=mapping-panel]:visible').count(), 0);

    // the same header again, other figures: the mapping is remembered
    await s.page.reload();
    await s.page.waitForFunction(() => window.jixiao && window.jixiao.ready, null, { timeout: T });
    await paste(s.page, `${header}\n1\ty\t≥10个\t10个\t90\n`);
    assert.equal(await waitTotal(s.page, '90.00'), '90.00');
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('没有表头的粘贴可按列位置对应', async () => {
  const s = await openPage();
  try {
    await paste(s.page, '产出指标\t数量指标\tx\t≥10个\t10个\t90\n');
    await s.page.locator('[data-testid=mapping-panel]').waitFor({ state: 'visible', timeout: T });
    await s.page.uncheck('[data-testid=map-has-header]');
    await s.page.selectOption('[data-testid=map-level1]', 'A');
    await s.page.selectOption('[data-testid=map-level2]', 'B');
    await s.page.selectOption('[data-testid=map-name]', 'C');
    await s.page.selectOption('[data-testid=map-target]', 'D');
    await s.page.selectOption('[data-testid=map-actual]', 'E');
    await s.page.selectOption('[data-testid=map-weight]', 'F');
    await s.page.click('[data-testid=map-apply]');
    assert.equal(await waitTotal(s.page, '90.00'), '90.00');
    assert.equal(await s.page.locator('[data-testid=row]').count(), 1);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('未使用的行列在结果中，带行号和内容', async () => {
  const s = await openPage();
  try {
    await paste(s.page, '一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n产出指标,数量指标,x,≥10个,10个,90\n……,……,……,……,……,\n合计,,,,,90\n备注：本表由财务科填报\n');
    assert.equal(await waitTotal(s.page, '90.00'), '90.00');
    const items = s.page.locator('[data-testid=ignored-row]');
    await items.first().waitFor({ state: 'visible', timeout: T });
    const all = await items.allTextContents();
    assert.equal(all.length, 3, all.join('\n'));
    assert.match(all[0], /第 3 行未使用：「……」/);
    assert.match(all[1], /第 4 行未使用：「合计」「90」/);
    assert.match(all[2], /第 5 行未使用：「备注：本表由财务科填报」/);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
