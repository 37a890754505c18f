// Qualitative choices, 分值 edits and accessibility (issue 11):
//   - a level chosen by the user is marked 人工判定, can be taken back (the
//     edit is removed; 撤销 restores it), the explanation gives one reason,
//     and the optional 判定依据 note goes into the JSON and CSV exports;
//   - a 分值 edit shows the 一级's new total and the core's warning when the
//     weights no longer add up to 100;
//   - no rule ids in visible text; amounts with thousands separators;
//   - axe-core (node_modules/axe-core, injected as a script's content, not a
//     URL) finds no serious or critical violation in the page's states:
//     empty, sample scored, 复核 view, an error shown, the overview of
//     several files; `aria-live` only on the total and the grade; 复核 and
//     error items reached with Tab and followed with Enter; at 150% zoom on a
//     1366-px screen (911 CSS px wide) nothing is cut off.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { openPage, root, T, text, waitTotal } from './browser.mjs';

const AXE = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const fixture = (name) => readFileSync(join(root, 'tests', 'fixtures', name), 'utf8');

// 工作成效 (row 3) is 待判定: "良好" says no level (S17)
const TABLE = [
  '项目名称,全年预算数,全年执行数,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值',
  '乙项目,12345.6,12000,产出指标,数量指标,培训人数,≥100 人,120 人,50',
  '乙项目,,,效益指标,社会效益指标,工作成效,成效明显,良好,30',
  '乙项目,,,满意度指标,服务对象满意度指标,满意度,≥90%,95%,10',
].join('\n');

/** The serious and critical violations axe-core finds in the page as it is now. */
async function violations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ content: AXE });
  const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return res.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 4).map((n) => n.target.join(' ') + ' — ' + (n.failureSummary || '').split('\n').slice(1, 2).join('')).join('\n    ')}`);
}

async function assertAccessible(page, state) {
  const v = await violations(page);
  assert.deepEqual(v, [], `${state}:\n${v.join('\n')}`);
}

/** What a screen reader would be told about as it changes: only the total and the grade. */
async function liveRegions(page) {
  return page.$$eval('[aria-live]', (xs) => xs.map((x) => x.getAttribute('data-testid')));
}

/** Visible text with a rule id (S6, S16 …). */
async function ruleIds(page) {
  const t = await page.evaluate(() => document.body.innerText);
  return t.match(/(?<![A-Za-z0-9])S\d{1,2}(?![0-9])/g) || [];
}

async function download(page, testid) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
  return readFileSync(await d.path(), 'utf8');
}

/** Tab (at most `max` times) until the focused element matches `selector`; its data-testid path. */
async function tabTo(page, selector, max = 300) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => !!document.activeElement && document.activeElement.matches(sel), selector)) return true;
  }
  return false;
}

const row3 = (page) => page.locator('[data-testid=row][data-row="3"]');

test('定性指标：人工判定标记、撤销判定恢复待判定（可再撤销）、说明只有一个理由、判定依据进入导出', async () => {
  const s = await openPage();
  try {
    await s.page.fill('[data-testid=input]', TABLE);
    assert.equal(await waitTotal(s.page, '69.72'), '69.72');
    const r = row3(s.page);
    assert.equal(await r.getAttribute('data-status'), 'pending');
    // the bands in words beside the selector, from the core
    assert.match(await r.locator('[data-testid=bands]').innerText(), /达成：24 分至 30 分.*部分达成：18 分至 24 分（不含 24 分）/);
    assert.equal(await r.locator('[data-testid=chosen]').isVisible(), false);
    assert.equal(await r.locator('[data-testid=reset-level]').isVisible(), false);

    await r.locator('[data-testid=level-select]').selectOption('部分达成');
    assert.equal(await waitTotal(s.page, '90.72'), '90.72');
    assert.equal(await r.locator('[data-testid=chosen]').innerText(), '人工判定');
    const why = (await r.locator('td.explain > div').first().innerText()).trim();
    assert.equal(why, '定性指标：人工判定为部分达成，得分 = 30 × 0.7 = 21.00，扣 9.00 分');

    // 判定依据: kept with the edit, in the explanation and the exports
    const basis = r.locator('[data-testid=cell-basis]');
    await basis.fill('年度考核结果为良好');
    await basis.evaluate((x) => x.blur());
    await s.page.waitForFunction(() => /判定依据：年度考核结果为良好/.test(document.querySelector('[data-testid=row][data-row="3"] td.explain').innerText), null, { timeout: T });
    const json = JSON.parse(await download(s.page, 'export-json'));
    const ind = json.projects[0].indicators.find((i) => i.name === '工作成效');
    assert.equal(ind.level, '部分达成');
    assert.equal(ind.basis, '年度考核结果为良好');
    assert.match(await download(s.page, 'export-csv'), /人工判定为部分达成[^\n]*判定依据：年度考核结果为良好/);

    // taken back: the edit is removed, the row is 待判定 again; 撤销 brings the choice back
    await r.locator('[data-testid=reset-level]').click();
    assert.equal(await waitTotal(s.page, '69.72'), '69.72');
    assert.equal(await r.getAttribute('data-status'), 'pending');
    assert.equal(await r.locator('[data-testid=level-select]').inputValue(), '');
    assert.equal(await r.locator('[data-testid=chosen]').isVisible(), false);
    assert.equal(await r.locator('[data-testid=cell-basis]').inputValue(), '');
    assert.equal(await text(s.page, 'edit-count'), '没有修改');
    await s.page.click('[data-testid=undo]');
    assert.equal(await waitTotal(s.page, '90.72'), '90.72');
    assert.equal(await r.locator('[data-testid=level-select]').inputValue(), '部分达成');
    assert.equal(await r.locator('[data-testid=cell-basis]').inputValue(), '年度考核结果为良好');
    assert.deepEqual(s.requests, []);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('判定与判定依据保存在本机：重新打开页面后仍标为人工判定，依据仍在', async () => {
  const s = await openPage({ persistent: true });
  try {
    await s.page.fill('[data-testid=input]', TABLE);
    assert.equal(await waitTotal(s.page, '69.72'), '69.72');
    await row3(s.page).locator('[data-testid=level-select]').selectOption('达成');
    assert.equal(await waitTotal(s.page, '99.72'), '99.72');
    const basis = row3(s.page).locator('[data-testid=cell-basis]');
    await basis.fill('现场核查');
    await basis.evaluate((x) => x.blur());
    // saved (whatever the storage key)
    await s.page.waitForFunction(() => Object.keys(localStorage).some((k) => /现场核查/.test(localStorage.getItem(k) || '')), null, { timeout: T });
    await s.page.reload();
    await s.page.evaluate(() => window.jixiao.ready.then(() => true));
    assert.equal(await waitTotal(s.page, '99.72'), '99.72');
    assert.equal(await row3(s.page).locator('[data-testid=chosen]').isVisible(), true);
    assert.equal(await row3(s.page).locator('[data-testid=cell-basis]').inputValue(), '现场核查');
    assert.match(await row3(s.page).locator('td.explain').innerText(), /人工判定为达成，得满分 30 分；判定依据：现场核查/);
  } finally {
    await s.close();
  }
});

test('定性指标：人工选择的完成情况与表内得分不符时按所选完成情况计分（不归零），表内得分进入复核', async () => {
  const s = await openPage();
  try {
    await s.page.fill('[data-testid=input]', fixture('audit-planted-2024.csv'));
    assert.equal(await waitTotal(s.page, '75.62'), '75.62');
    const r = s.page.locator('[data-testid=row][data-row="16"]');
    assert.equal(await r.getAttribute('data-status'), 'error', 'the form\'s 18 is outside 部分达成 [12, 16)');
    await r.locator('[data-testid=level-select]').selectOption('部分达成');
    assert.equal(await waitTotal(s.page, '89.62'), '89.62');
    assert.equal((await r.locator('[data-testid=row-score]').innerText()).trim(), '14.00');
    const lines = await r.locator('td.explain > div').allInnerTexts();
    assert.equal(lines[0], '定性指标：人工判定为部分达成，得分 = 20 × 0.7 = 14.00，扣 6.00 分');
    assert.equal(await r.locator('[data-testid=row-error]').count(), 0);
    assert.match(await r.locator('[data-testid=row-finding]').innerText(), /填报得分 18 分，按规则应得 14 分/);
  } finally {
    await s.close();
  }
});

test('分值修改：显示一级指标的新合计，分值合计不为 100 时显示核心的提示', async () => {
  const s = await openPage();
  try {
    await s.page.fill('[data-testid=input]', TABLE);
    assert.equal(await waitTotal(s.page, '69.72'), '69.72');
    const first = s.page.locator('[data-testid=row][data-row="2"]');
    assert.equal(await first.locator('[data-testid=weight-note]').isVisible(), false);
    const w = first.locator('[data-testid=cell-weight]');
    await w.fill('40');
    await w.press('Enter');
    assert.equal(await waitTotal(s.page, '59.72'), '59.72');
    assert.equal(await text(s.page, 'level-total'), '产出指标合计 40 分');
    assert.match(await text(s.page, 'weight-sum-warn'), /分值合计 90 分，不等于 100 分/);
    await w.fill('50');
    await w.press('Enter');
    assert.equal(await waitTotal(s.page, '69.72'), '69.72');
    assert.equal(await first.locator('[data-testid=weight-note]').isVisible(), false);
  } finally {
    await s.close();
  }
});

test('没有规则编号；金额有千位分隔符和单位', async () => {
  const s = await openPage();
  try {
    await s.page.fill('[data-testid=input]', TABLE);
    assert.equal(await waitTotal(s.page, '69.72'), '69.72');
    assert.equal(await text(s.page, 'exec-budget'), '12,345.6');
    assert.equal(await text(s.page, 'exec-executed'), '12,000');
    assert.match(await s.page.locator('.exec-money').innerText(), /全年预算数 12,345\.6 万元/);
    assert.deepEqual(await ruleIds(s.page), []);
    // a file in 元: its amounts shown in 元 (the core keeps 万元)
    const yuan = TABLE.replace('项目名称,全年预算数,全年执行数', '项目名称,全年预算数（元）,全年执行数（元）').replace('12345.6,12000', '1234567.8,1200000');
    await s.page.fill('[data-testid=input]', yuan);
    await s.page.waitForFunction(() => /元/.test(document.querySelector('.exec-money').textContent) && !/万元/.test(document.querySelector('.exec-money').textContent), null, { timeout: T });
    assert.match(await s.page.locator('.exec-money').innerText(), /全年预算数 1,234,567\.8 元 · 全年执行数 1,200,000 元/);
    for (const f of ['audit-planted-2024.csv', 'audit-clean-no-weights-2023.csv', 'henan-old-estates-2019.csv']) {
      await s.page.fill('[data-testid=input]', fixture(f));
      await s.page.locator('[data-testid=project]').first().waitFor({ timeout: T });
      await s.page.waitForTimeout(400);
      assert.deepEqual(await ruleIds(s.page), [], f);
    }
  } finally {
    await s.close();
  }
});

test('axe-core：空白、示例评分、复核、错误、多文件总览均无严重问题；aria-live 只在总分和等级上', async () => {
  const s = await openPage();
  try {
    await assertAccessible(s.page, 'empty');
    await s.page.click('[data-testid=sample]');
    assert.equal(await waitTotal(s.page, '99.89'), '99.89');
    await assertAccessible(s.page, 'sample scored');
    assert.deepEqual(await liveRegions(s.page), ['total', 'grade']);

    await s.page.fill('[data-testid=input]', fixture('audit-planted-2024.csv'));
    assert.equal(await waitTotal(s.page, '75.62'), '75.62');
    await s.page.check('[data-testid=review-mode]');
    await s.page.waitForFunction(() => document.querySelector('[data-testid=rows-table]').classList.contains('review-mode'), null, { timeout: T });
    await assertAccessible(s.page, '复核');
    assert.deepEqual(await liveRegions(s.page), ['total', 'grade']);
    await s.page.uncheck('[data-testid=review-mode]');

    // a row that cannot be scored, and a paste that is no table
    await s.page.fill('[data-testid=input]', TABLE.replace(',良好,30', ',良好,三十'));
    await s.page.locator('[data-testid=errors]').waitFor({ timeout: T });
    await assertAccessible(s.page, 'row error');
    await s.page.fill('[data-testid=input]', '这不是自评表\n只是两行文字');
    await s.page.waitForFunction(() => {
      const e = document.querySelector('[data-testid=file-error]');
      return e && !e.hidden && e.textContent.trim();
    }, null, { timeout: T });
    await assertAccessible(s.page, 'error shown');

    // the overview of several files
    const files = [
      ['信访局.csv', fixture('baiyun-xinfang-2023.csv')],
      ['培训.csv', fixture('audit-planted-2024.csv')],
      ['乙项目.csv', TABLE],
    ];
    await s.page.evaluate((list) => {
      const dt = new DataTransfer();
      list.forEach(([name, content]) => dt.items.add(new File([content], name)));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      }
    }, files);
    await s.page.waitForFunction(() => document.querySelectorAll('[data-testid=overview-line]').length === 3
      && !document.querySelector('[data-testid=file-item].waiting, [data-testid=file-item].reading'), null, { timeout: 30_000 });
    await assertAccessible(s.page, 'overview');
    assert.deepEqual(s.requests, []);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('键盘：Tab 到复核项和错误项，按 Enter 跳到并聚焦对应行', async () => {
  const s = await openPage();
  try {
    await s.page.fill('[data-testid=input]', fixture('audit-planted-2024.csv'));
    assert.equal(await waitTotal(s.page, '75.62'), '75.62');
    await s.page.locator('[data-testid=input]').focus();
    assert.ok(await tabTo(s.page, '[data-testid=audit-item][data-place="12"]'), 'the 复核 item of row 12 is reached with Tab');
    await s.page.keyboard.press('Enter');
    await s.page.waitForFunction(() => document.activeElement && document.activeElement.getAttribute('data-row') === '12', null, { timeout: T });

    await s.page.fill('[data-testid=input]', TABLE.replace(',良好,30', ',良好,三十'));
    await s.page.locator('[data-testid=errors]').waitFor({ timeout: T });
    await s.page.locator('[data-testid=input]').focus();
    assert.ok(await tabTo(s.page, '[data-testid=errors] li[data-row="3"] button'), 'the error item of row 3 is reached with Tab');
    await s.page.keyboard.press('Enter');
    await s.page.waitForFunction(() => {
      const a = document.activeElement;
      return a && a.tagName === 'TR' && a.getAttribute('data-row') === '3';
    }, null, { timeout: T });
    // scrolled into view (smoothly)
    await s.page.waitForFunction(() => {
      const r = document.activeElement.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }, null, { timeout: T });
  } finally {
    await s.close();
  }
});

test('150% 缩放（1366 px 屏幕 → 911 CSS px）：没有横向截断，主要控件都在视口内', async () => {
  const s = await openPage({ viewport: { width: 911, height: 500 } });
  try {
    await s.page.fill('[data-testid=input]', TABLE);
    assert.equal(await waitTotal(s.page, '69.72'), '69.72');
    await row3(s.page).locator('[data-testid=level-select]').selectOption('达成');
    assert.equal(await waitTotal(s.page, '99.72'), '99.72');
    const widths = await s.page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
    assert.ok(widths.doc <= widths.view, `the page scrolls sideways: ${widths.doc} > ${widths.view}`);
    const ids = ['input', 'file-pick', 'encoding', 'profile', 'sample', 'clear-storage', 'export-json', 'export-csv', 'export-xlsx', 'export-docx',
      'print', 'undo', 'total', 'grade', 'level-select', 'score-input', 'reset-level', 'cell-actual', 'cell-weight'];
    const out = await s.page.evaluate((ids) => ids.map((id) => {
      const e = id === 'file-pick' ? document.querySelector('label[for=file]') : document.querySelector(`[data-testid=${id}]`);
      if (!e) return `${id}: missing`;
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return `${id}: not shown`;
      return r.left >= 0 && r.right <= window.innerWidth ? null : `${id}: ${Math.round(r.left)}–${Math.round(r.right)} of ${window.innerWidth}`;
    }).filter(Boolean), ids);
    assert.deepEqual(out, []);
    await assertAccessible(s.page, '911 px');
  } finally {
    await s.close();
  }
});
