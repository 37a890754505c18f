// 复核 in the page (issue 10): the 填报得分 column beside 得分 when the form
// states scores, rows whose stated figure differs coloured with their
// difference and their findings in the row, 复核 mode (only the rows with
// findings), a finding clicked (or Enter on it) scrolls to and focuses its
// row, and the summary with the verdict line at the top of the project.
//
// The forms are the real-form fixtures of tests/fixtures (audit-*.csv),
// pasted as text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { openPage, root, T, text, waitTotal } from './browser.mjs';

const fixture = (name) => readFileSync(join(root, 'tests', 'fixtures', name), 'utf8');

async function paste(page, content) {
  await page.locator('[data-testid=input]').fill(content);
}

/** Row numbers of the visible indicator rows. */
async function visibleRows(page) {
  return page.locator('[data-testid=row]').evaluateAll((trs) => trs.filter((tr) => tr.offsetParent !== null).map((tr) => tr.getAttribute('data-row')));
}

test('填报得分列：与规则不一致的行标色并注明差额，行内列出复核发现', async () => {
  const s = await openPage();
  try {
    await paste(s.page, fixture('audit-planted-2024.csv'));
    assert.equal(await waitTotal(s.page, '75.62'), '75.62');
    assert.equal(await text(s.page, 'stated-head'), '填报得分');
    // row 12: stated 18, rules 16 → coloured, +2.00, its finding in the row
    const r12 = s.page.locator('[data-testid=row][data-row="12"]');
    assert.equal((await r12.locator('[data-testid=row-score]').innerText()).trim(), '16.00');
    const cell = r12.locator('[data-testid=stated-score]');
    assert.match(await cell.innerText(), /18\.00\s*\+2\.00/);
    assert.ok(await cell.evaluate((td) => td.classList.contains('differs')));
    assert.ok(await r12.evaluate((tr) => tr.classList.contains('has-finding')));
    const bg = await r12.locator('td').first().evaluate((td) => getComputedStyle(td).backgroundColor);
    const plain = await s.page.locator('[data-testid=row][data-row="14"] td').first().evaluate((td) => getComputedStyle(td).backgroundColor);
    assert.notEqual(bg, plain, 'a row with a finding is coloured');
    assert.match(await r12.locator('[data-testid=row-finding]').innerText(), /填报得分 18 分，按规则应得 16 分，多计 2 分/);
    // row 14 (stated 10, rules 10): not coloured, no difference
    const r14 = s.page.locator('[data-testid=row][data-row="14"]');
    assert.equal((await r14.locator('[data-testid=stated-score]').innerText()).trim(), '10.00');
    assert.equal(await r14.locator('[data-testid=stated-diff]').count(), 0);
    assert.ok(!(await r14.evaluate((tr) => tr.classList.contains('has-finding'))));
    // the execution row carries its findings (score 9 vs 10, spending over budget)
    const exec = s.page.locator('tr[data-row="exec"]');
    assert.match(await exec.innerText(), /执行数超过预算数，请核实/);
    assert.match(await exec.locator('[data-testid=stated-score]').innerText(), /9\.00\s*−1\.00/);
    // the summary and the verdict line at the top of the project, copyable
    assert.equal(await text(s.page, 'review-stated'), '98.62');
    assert.equal(await text(s.page, 'review-computed'), '75.62');
    assert.equal(await text(s.page, 'review-diff'), '+23.00');
    const verdict = await s.page.locator('[data-testid=verdict]').inputValue();
    assert.match(verdict, /^填报得分偏高 23 分（填报 98\.62，规则计算 75\.62），主要因/);
    assert.doesNotMatch(verdict, /S\d/, 'no rule ids in the verdict');
    await s.page.click('[data-testid=copy-verdict]');
    assert.equal(await s.page.evaluate(() => {
      const t = document.activeElement;
      return t && t.getAttribute('data-testid') === 'verdict' ? t.value.slice(t.selectionStart, t.selectionEnd) : '';
    }), verdict, 'the verdict is selected for copying');
    assert.match(await text(s.page, 'copied'), /已复制|Ctrl\+C/);
    // the summary sits above the table
    const above = await s.page.evaluate(() => {
      const r = document.querySelector('[data-testid=review]');
      const t = document.querySelector('[data-testid=rows-table]');
      return r.getBoundingClientRect().top < t.getBoundingClientRect().top;
    });
    assert.ok(above);
    assert.deepEqual(s.requests, []);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('复核模式只显示有复核发现的行；点击或回车定位并聚焦到行', async () => {
  const s = await openPage();
  try {
    await paste(s.page, fixture('audit-planted-2024.csv'));
    await waitTotal(s.page, '75.62');
    assert.equal((await visibleRows(s.page)).length, 7);
    await s.page.check('[data-testid=review-mode]');
    await s.page.waitForFunction(() => document.querySelector('[data-testid=rows-table]').classList.contains('review-mode'), null, { timeout: T });
    assert.deepEqual(await visibleRows(s.page), ['12', '13', '16']);
    assert.ok(await s.page.locator('tr[data-row="exec"]').isVisible());
    assert.ok(await s.page.locator('tr[data-row="total"]').isVisible());
    assert.equal(await s.page.locator('tr.group').evaluateAll((g) => g.filter((x) => x.offsetParent !== null).length), 0);
    // click a finding: its row is focused (and flashes)
    await s.page.locator('[data-testid=audit-item]', { hasText: '培训长效机制' }).click();
    await s.page.waitForFunction(() => document.activeElement && document.activeElement.getAttribute('data-row') === '16', null, { timeout: T });
    // Enter on a finding of the execution row
    const item = s.page.locator('[data-testid=audit-item][data-kind=over_budget]');
    await item.focus();
    await s.page.keyboard.press('Enter');
    await s.page.waitForFunction(() => document.activeElement && document.activeElement.getAttribute('data-row') === 'exec', null, { timeout: T });
    const inView = await s.page.evaluate(() => {
      const r = document.querySelector('tr[data-row="exec"]').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    assert.ok(inView, 'the row is scrolled into view');
    // the total's findings go to the total row
    await s.page.locator('[data-testid=audit-item][data-kind=total_sum]').click();
    await s.page.waitForFunction(() => document.activeElement && document.activeElement.getAttribute('data-row') === 'total', null, { timeout: T });
    // off again: every row
    await s.page.uncheck('[data-testid=review-mode]');
    await s.page.waitForFunction(() => !document.querySelector('[data-testid=rows-table]').classList.contains('review-mode'), null, { timeout: T });
    assert.equal((await visibleRows(s.page)).length, 7);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('填报数字符合规则的表：无复核发现，分值（推定）与说明', async () => {
  const s = await openPage();
  try {
    await paste(s.page, fixture('audit-clean-no-weights-2023.csv'));
    assert.equal(await waitTotal(s.page, '95.35'), '95.35');
    assert.equal(await text(s.page, 'weight-head'), '分值（推定）');
    assert.equal(await text(s.page, 'stated-head'), '填报得分');
    assert.equal(await s.page.locator('[data-testid=audit-item]').count(), 0);
    assert.equal(await s.page.locator('.rows-table tr.has-finding').count(), 0);
    assert.equal(await s.page.locator('[data-testid=stated-diff]').count(), 0);
    assert.match(await s.page.locator('[data-testid=verdict]').inputValue(), /与规则计算一致，未发现问题/);
    assert.match(await text(s.page, 'review-note'), /表内未给出分值/);
    assert.ok(await s.page.locator('[data-testid=review-mode]').isDisabled());
    // a form that states no score has no 填报得分 column
    await paste(s.page, fixture('baiyun-xinfang-2023.csv'));
    assert.equal(await waitTotal(s.page, '99.89'), '99.89');
    assert.equal(await s.page.locator('[data-testid=stated-head]').count(), 0);
    assert.equal(await s.page.locator('[data-testid=verdict]').inputValue(), '表内未填报得分，无可核对的填报数字');
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('地区规则配置：执行率封顶在总分处说明', async () => {
  const s = await openPage();
  try {
    const csv = '全年预算数,100\n全年执行数,75\n一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n产出指标,数量指标,a,≥1 个,1 个,90\n';
    await paste(s.page, csv);
    assert.equal(await waitTotal(s.page, '97.50'), '97.50');
    assert.equal(await s.page.locator('[data-testid=cap]').count(), 0);
    const ids = await s.page.locator('[data-testid=profile] option').evaluateAll((o) => o.map((x) => x.value));
    assert.ok(ids.includes('bands-80-50-cap') && ids.includes('exec-20'), ids.join());
    await s.page.selectOption('[data-testid=profile]', 'bands-80-50-cap');
    assert.equal(await waitTotal(s.page, '89.00'), '89.00');
    assert.match(await text(s.page, 'cap-note'), /总分不超过 89 分：97\.50 → 89\.00/);
    assert.match(await text(s.page, 'cap'), /预算执行率 75\.00% 在 70%–80% 之间/);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
