// The rule editor (issue 11 "Rules in the page", S36): a level weight changed
// in the page re-scores at once under a 自定义 profile; a value outside its
// range is refused inline with the core's words and nothing is re-scored;
// the exported profile scores the same table the same in the CLI
// (`--profile FILE`), and imports back into a fresh page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { openPage, root, T, waitTotal } from './browser.mjs';

// No 分值 column: the profile's level weights apply (S2).
const TABLE = [
  '项目名称,全年预算数,全年执行数,一级指标,二级指标,三级指标,年度指标值,实际完成值',
  '甲项目,100,90,产出指标,数量指标,培训人数,≥100 人,80 人',
  '甲项目,,,效益指标,社会效益指标,群众知晓率,≥80%,85%',
  '甲项目,,,满意度指标,服务对象满意度指标,满意度,≥90%,95%',
].join('\n');

/** The CLI's total for the table under a profile file (`jixiao score --profile FILE --format json`). */
function cliTotal(dir, profileFile) {
  const table = path.join(dir, 'table.csv');
  writeFileSync(table, TABLE);
  const r = spawnSync('cargo', ['run', '-q', '--bin', 'jixiao', '--', 'score', table, '--profile', profileFile, '--format', 'json'], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 26,
  });
  assert.ok(r.status === 0 || r.status === 1, `jixiao exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout).projects[0].total;
}

const rowScores = (page) => page.locator('[data-testid=row] [data-testid=row-score]').allTextContents();
const field = (page, p) => page.locator(`[data-testid=profile-editor] [data-path="${p}"]`).first();

async function openEditor(page) {
  await page.click('[data-testid=profile-edit]');
  await page.locator('[data-testid=profile-editor]').waitFor({ state: 'visible', timeout: T });
}

test('规则设置：改一级指标分值即重算；超出范围就地拒绝、得分不变；导出的规则在命令行得同样总分，并可导入新页面', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-profile-'));
  const s = await openPage();
  let exported;
  try {
    await s.page.fill('[data-testid=input]', TABLE);
    // 9 (执行 90%) + 40 (产出 50 × 0.8) + 30 + 10
    assert.equal(await waitTotal(s.page, '89.00'), '89.00');
    await openEditor(s.page);
    const weight = field(s.page, 'levels.0.weight');
    assert.equal(await weight.inputValue(), '50');
    assert.equal(await field(s.page, 'qualitative.partial_points').inputValue(), '70', 'a share of the row shown as %');

    // refused: outside 0–100, with the core's words at the field; nothing re-scored
    const before = await rowScores(s.page);
    await weight.fill('120');
    await weight.press('Enter');
    const note = s.page.locator('[data-testid=profile-refused]:visible').first();
    await note.waitFor({ state: 'visible', timeout: T });
    assert.match(await note.textContent(), /「产出指标」分值 120 分 超出范围，应在 0 分至 100 分之间/);
    assert.equal(await weight.getAttribute('aria-invalid'), 'true');
    assert.equal(await waitTotal(s.page, '89.00'), '89.00');
    assert.deepEqual(await rowScores(s.page), before);
    assert.equal(await s.page.inputValue('[data-testid=profile]'), 'mof-2020');
    await weight.fill('五十');
    await weight.press('Enter');
    await s.page.waitForFunction(() => /不是数字/.test(document.querySelector('[data-testid=profile-editor]').textContent), null, { timeout: T });
    assert.deepEqual(await rowScores(s.page), before);

    // accepted: 产出 40 → 32 points; the total follows, the profile is 自定义
    await weight.fill('40');
    await weight.press('Enter');
    assert.equal(await waitTotal(s.page, '81.00'), '81.00');
    assert.equal(await weight.getAttribute('aria-invalid'), 'false');
    assert.equal(await s.page.inputValue('[data-testid=profile]'), 'custom');
    const name = await s.page.locator('[data-testid=profile] option:checked').textContent();
    assert.equal(name, '自定义（基于 财预〔2020〕10号 默认规则）');
    assert.match(await s.page.textContent('[data-testid=profile-summary]'), /自定义（基于 财预〔2020〕10号 默认规则）/);
    // a qualitative default as %, the execution weight
    await field(s.page, 'execution_weight').fill('20');
    await field(s.page, 'execution_weight').press('Enter');
    assert.equal(await waitTotal(s.page, '90.00'), '90.00'); // 18 + 32 + 30 + 10
    // a cap on the total by execution rate (S36): 90% is in [80%, 100%) → at most 85
    await s.page.click('[data-testid=profile-cap-add]');
    for (const [p, v] of [['total_caps.0.rate_below', '100'], ['total_caps.0.rate_from', '80'], ['total_caps.0.max_total', '85']]) {
      await field(s.page, p).fill(v);
      await field(s.page, p).press('Enter');
    }
    assert.equal(await waitTotal(s.page, '85.00'), '85.00');

    const [d] = await Promise.all([s.page.waitForEvent('download'), s.page.click('[data-testid=profile-export]')]);
    exported = path.join(dir, 'exported.json');
    writeFileSync(exported, readFileSync(await d.path()));
    const json = JSON.parse(readFileSync(exported, 'utf8'));
    assert.equal(json.id, 'custom');
    assert.equal(json.levels[0].weight, '40');
    assert.equal(cliTotal(dir, exported), 85);
    assert.deepEqual(s.requests, []);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }

  // a fresh page: the table, then the exported rules imported
  const f = await openPage();
  try {
    await f.page.fill('[data-testid=input]', TABLE);
    assert.equal(await waitTotal(f.page, '89.00'), '89.00');
    await openEditor(f.page);
    await f.page.setInputFiles('[data-testid=profile-import-file]', exported);
    assert.equal(await waitTotal(f.page, '85.00'), '85.00');
    assert.equal(await f.page.inputValue('[data-testid=profile]'), 'custom');
    assert.equal(await field(f.page, 'levels.0.weight').inputValue(), '40');
    // a file that is not a valid profile is refused with the core's words
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(Object.assign(JSON.parse(readFileSync(exported, 'utf8')), { execution_weight: '200' })));
    await f.page.setInputFiles('[data-testid=profile-import-file]', bad);
    await f.page.waitForFunction(() => /预算执行率分值 200 分 超出范围/.test(document.querySelector('[data-testid=profile-message]').textContent), null, { timeout: T });
    assert.equal(await waitTotal(f.page, '85.00'), '85.00');
    // back to the built-in rules
    await f.page.click('[data-testid=profile-reset]');
    assert.equal(await waitTotal(f.page, '89.00'), '89.00');
    assert.equal(await f.page.inputValue('[data-testid=profile]'), 'mof-2020');
    // the 自定义 profile is still there to choose again
    await f.page.selectOption('[data-testid=profile]', 'custom');
    assert.equal(await waitTotal(f.page, '85.00'), '85.00');
    assert.deepEqual(f.errors, []);
  } finally {
    await f.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('自定义规则保存在本机：重新打开页面仍在使用', async () => {
  const s = await openPage({ persistent: true });
  try {
    await s.page.fill('[data-testid=input]', TABLE);
    assert.equal(await waitTotal(s.page, '89.00'), '89.00');
    await openEditor(s.page);
    await field(s.page, 'levels.0.weight').fill('40');
    await field(s.page, 'levels.0.weight').press('Enter');
    assert.equal(await waitTotal(s.page, '81.00'), '81.00');
    await s.page.waitForTimeout(600); // the debounced save
    await s.page.reload();
    await s.page.waitForFunction(() => window.jixiao && window.jixiao.version, null, { timeout: T });
    assert.equal(await waitTotal(s.page, '81.00'), '81.00');
    assert.equal(await s.page.inputValue('[data-testid=profile]'), 'custom');

    // a saved profile the core refuses opens the page with the built-in rules and a notice
    await s.page.evaluate(() => {
      const p = JSON.parse(localStorage.getItem('jixiao:v2:customProfile'));
      p.grades[1].min = '95';
      localStorage.setItem('jixiao:v2:customProfile', JSON.stringify(p));
    });
    await s.page.reload();
    await s.page.waitForFunction(() => window.jixiao && window.jixiao.version, null, { timeout: T });
    assert.equal(await waitTotal(s.page, '89.00'), '89.00');
    assert.equal(await s.page.inputValue('[data-testid=profile]'), 'mof-2020');
    assert.match(await s.page.textContent('[data-testid=profile-message]'), /自定义评分规则无法使用.*等级「良」的分数线 95 分 超出范围/);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
