// Browser tests of the page (dist/jixiao.html), run with `node --test tests/e2e/`.
// Each test opens the built page from file:// through the shared openPage()
// helper, acts as a user would and checks what the user sees.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

import { openPage, root, T, text, waitTotal } from './browser.mjs';

const require = createRequire(import.meta.url);
const iconv = require('iconv-lite');

const FIXTURE = readFileSync(join(root, 'tests/fixtures/baiyun-xinfang-2023.csv'), 'utf8').replace(/^\uFEFF/, '');
const LINES = FIXTURE.replace(/\s+$/, '').split(/\r?\n/);





async function paste(page, content) {
  await page.locator('[data-testid=input]').fill(content);
}

/** The fixture with a 分值 column: 12.5 for 产出, 7.5 for 效益, 10 for 满意度. */
function withWeights(replace = {}) {
  const header = LINES.findIndex((l) => l.startsWith('一级指标'));
  let level = '';
  return LINES.map((line, i) => {
    if (i < header) return line;
    if (i === header) return `${line},分值`;
    const first = line.split(',')[0];
    if (first) level = first;
    const w = level.startsWith('产出') ? '12.5' : level.startsWith('效益') ? '7.5' : '10';
    const row = i + 1;
    return `${line},${row in replace ? replace[row] : w}`;
  }).join('\n');
}

test('示例：总分 99.89、优、执行率 98.88%、9 行、非暂定', async () => {
  const s = await openPage();
  try {
    await s.page.click('[data-testid=sample]');
    assert.equal(await waitTotal(s.page, '99.89'), '99.89');
    assert.equal(await text(s.page, 'grade'), '优');
    assert.equal(await text(s.page, 'exec-rate'), '98.88%');
    assert.equal(await s.page.locator('[data-testid=row]').count(), 9);
    assert.equal(await s.page.locator('[data-testid=provisional]').count(), 0);
    // the sample text is in the paste box
    const boxed = await s.page.locator('[data-testid=input]').inputValue();
    assert.ok(boxed.includes('2023年度广州市白云区信访局部门重点项目'), 'sample is put in the paste box');
    assert.match(await s.page.locator('[data-testid=grade]').getAttribute('class'), /grade-a/);
    assert.deepEqual(s.requests, []);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('粘贴制表符分隔的表格（从 Excel 复制）：99.89', async () => {
  const s = await openPage();
  try {
    const tsv = FIXTURE.replace(/,/g, '\t');
    assert.ok(!tsv.includes(','), 'fixture has no quoted commas');
    await paste(s.page, tsv);
    assert.equal(await waitTotal(s.page, '99.89'), '99.89');
    assert.equal(await text(s.page, 'grade'), '优');
    assert.equal(await s.page.locator('[data-testid=row]').count(), 9);
    assert.equal(await s.page.locator('[data-testid=input]').inputValue(), tsv);
    assert.deepEqual(s.requests, []);
  } finally {
    await s.close();
  }
});

test('上传 GBK 编码的 CSV：99.89，项目名称不乱码', async () => {
  const s = await openPage();
  try {
    const gbk = iconv.encode(FIXTURE, 'gbk');
    assert.notDeepEqual(Buffer.from(gbk), Buffer.from(FIXTURE, 'utf8'), 'really GBK bytes');
    await s.page.setInputFiles('[data-testid=file]', { name: '白云区信访局自评表.csv', mimeType: 'text/csv', buffer: gbk });
    assert.equal(await waitTotal(s.page, '99.89'), '99.89');
    assert.equal(await text(s.page, 'project-name'), '2023年度广州市白云区信访局部门重点项目');
    assert.equal(await s.page.locator('[data-testid=row]').count(), 9);
    // forcing UTF-8 re-reads the file: the name is no longer the right text
    await s.page.selectOption('[data-testid=encoding]', 'utf8');
    await s.page.waitForFunction(() => {
      const n = document.querySelector('[data-testid=project-name]');
      const e = document.querySelector('[data-testid=file-error]');
      return (e && !e.hidden) || !n || n.textContent.trim() !== '2023年度广州市白云区信访局部门重点项目';
    }, null, { timeout: T });
    await s.page.selectOption('[data-testid=encoding]', 'gbk');
    assert.equal(await waitTotal(s.page, '99.89'), '99.89');
    assert.deepEqual(s.requests, []);
  } finally {
    await s.close();
  }
});

test('分值“十二”：错误列表写明行号，该行为错误，其余照常计分，粘贴框原样保留', async () => {
  const s = await openPage();
  try {
    const broken = withWeights({ 6: '十二' });
    await paste(s.page, broken);
    const errors = s.page.locator('[data-testid=errors]').first();
    await errors.waitFor({ state: 'visible', timeout: T });
    assert.match(await errors.textContent(), /第 ?6 ?行/);
    const bad = s.page.locator('[data-testid=row][data-row="6"]');
    assert.equal(await bad.getAttribute('data-status'), 'error');
    const rows = s.page.locator('[data-testid=row]');
    assert.equal(await rows.count(), 9);
    const statuses = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')));
    assert.equal(statuses.filter((x) => x === 'error').length, 1, `only row 6 is in error: ${statuses}`);
    const scores = await s.page.locator('[data-testid=row]:not([data-status=error]) [data-testid=row-score]').allTextContents();
    assert.equal(scores.length, 8);
    assert.ok(scores.every((x) => /^\d+\.\d\d$/.test(x.trim())), `other rows scored: ${scores}`);
    assert.ok(scores.some((x) => Number(x) > 0), 'other rows have points');
    assert.equal(await s.page.locator('[data-testid=input]').inputValue(), broken);
    assert.match(await text(s.page, 'error-note'), /1 项指标/);
    // clicking the error scrolls to (and flashes) the row
    await errors.locator('li').first().click();
    await s.page.waitForFunction(() => document.querySelector('[data-testid=row][data-row="6"]').classList.contains('flash'), null, { timeout: T });
  } finally {
    await s.close();
  }
});

test('缺少年度指标值：该行为错误，其余照常计分', async () => {
  const s = await openPage();
  try {
    // row 6 (区领导重点约访) loses its target
    const broken = LINES.map((l, i) => (i === 5 ? l.replace('≥20 名', '') : l)).join('\n');
    assert.notEqual(broken, LINES.join('\n'));
    await paste(s.page, broken);
    const errors = s.page.locator('[data-testid=errors]').first();
    await errors.waitFor({ state: 'visible', timeout: T });
    assert.match(await errors.textContent(), /第 ?6 ?行/);
    assert.equal(await s.page.locator('[data-testid=row][data-row="6"]').getAttribute('data-status'), 'error');
    assert.equal(await s.page.locator('[data-testid=row]:not([data-status=error])').count(), 8);
    assert.equal(await s.page.locator('[data-testid=input]').inputValue(), broken);
  } finally {
    await s.close();
  }
});

test('定性指标“待判定”：选择“达成”后暂定标记消失、总分上升', async () => {
  const s = await openPage();
  try {
    // 维护社会和谐稳定 (row 9): actual "100%" → an unreadable text
    const table = LINES.map((l, i) => (i === 8 ? l.replace(/,100%$/, ',详见附件材料') : l)).join('\n');
    assert.notEqual(table, LINES.join('\n'));
    await paste(s.page, table);
    const row = s.page.locator('[data-testid=row][data-row="9"]');
    await row.waitFor({ state: 'visible', timeout: T });
    assert.equal(await row.getAttribute('data-status'), 'pending');
    await s.page.locator('[data-testid=provisional]').waitFor({ state: 'visible', timeout: T });
    const before = Number(await text(s.page, 'total'));
    assert.ok(before < 99.89, `pending row scores 0: ${before}`);

    await row.locator('[data-testid=level-select]').selectOption('达成');
    await s.page.locator('[data-testid=provisional]').waitFor({ state: 'detached', timeout: T });
    const after = Number(await text(s.page, 'total'));
    assert.ok(after > before, `total rises: ${before} → ${after}`);
    assert.equal(after.toFixed(2), '99.89');
    assert.notEqual(await s.page.locator('[data-testid=row][data-row="9"]').getAttribute('data-status'), 'pending');

    // a manual score outside the band of 达成 (< 0.8 W) is refused inline; the row keeps its score (issue 11)
    const box = s.page.locator('[data-testid=row][data-row="9"] [data-testid=score-input]');
    await box.fill('1');
    await box.press('Enter');
    const refused = s.page.locator('[data-testid=row][data-row="9"] [data-testid=score-refused]');
    await refused.waitFor({ state: 'visible', timeout: T });
    assert.match(await refused.textContent(), /达成/);
    assert.match(await s.page.locator('[data-testid=row][data-row="9"] [data-testid=bands]').textContent(), /部分达成：\d+(\.\d+)? 分至 \d+(\.\d+)? 分（不含 \d+(\.\d+)? 分）/);
    assert.notEqual(await s.page.locator('[data-testid=row][data-row="9"]').getAttribute('data-status'), 'error');
    assert.equal(await text(s.page, 'total'), '99.89');
    assert.equal(await s.page.locator('[data-testid=input]').inputValue(), table);
    assert.deepEqual(s.requests, []);
  } finally {
    await s.close();
  }
});

test('无法读取的文件：显示中文说明，粘贴框内容不变', async () => {
  const s = await openPage();
  try {
    await paste(s.page, FIXTURE);
    assert.equal(await waitTotal(s.page, '99.89'), '99.89');
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await s.page.setInputFiles('[data-testid=file]', { name: '截图.png', mimeType: 'image/png', buffer: png });
    const box = s.page.locator('[data-testid=file-error]');
    await box.waitFor({ state: 'visible', timeout: T });
    assert.match(await box.textContent(), /[\u4e00-\u9fff]/);
    assert.equal(await s.page.locator('[data-testid=input]').inputValue(), FIXTURE);
  } finally {
    await s.close();
  }
});

test('不发起任何网络请求：加载、示例、粘贴、上传、修改判定', async () => {
  const s = await openPage();
  try {
    await s.page.click('[data-testid=sample]');
    await waitTotal(s.page, '99.89');
    await paste(s.page, FIXTURE.replace(/,/g, '\t'));
    await waitTotal(s.page, '99.89');
    await s.page.setInputFiles('[data-testid=file]', { name: 'a.csv', mimeType: 'text/csv', buffer: iconv.encode(FIXTURE, 'gbk') });
    await waitTotal(s.page, '99.89');
    const sel = s.page.locator('[data-testid=level-select]').first();
    await sel.waitFor({ state: 'visible', timeout: T });
    await sel.selectOption('部分达成');
    await s.page.waitForFunction(() => document.querySelector('[data-testid=total]').textContent.trim() !== '99.89', null, { timeout: T });
    await s.page.selectOption('[data-testid=profile]', { index: 1 });
    await s.page.click('[data-testid=clear-storage]');
    assert.deepEqual(s.requests, []);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('XSS：单元格中的 HTML 只作为文本显示', async () => {
  const s = await openPage();
  try {
    const IMG = '<img src=x onerror=window.__xss=1>';
    const SCRIPT = '<script>window.__xss=2</script>';
    const table = [
      `项目名称,${IMG}`,
      '全年预算数,60',
      '全年执行数,59.33',
      '一级指标,二级指标,三级指标,年度指标值,实际完成值',
      `产出指标,数量指标,${IMG},${SCRIPT},${IMG}`,
      `,质量指标,${SCRIPT},≥20 名,25 名`,
      `效益指标,社会效益,维护稳定,${IMG},${SCRIPT}`,
      `满意度指标,服务对象满意度指标,满意度评价,群众满意率 90%,97.42%`,
    ].join('\n');
    await paste(s.page, table);
    await s.page.locator('[data-testid=row]').first().waitFor({ state: 'visible', timeout: T });
    await s.page.waitForTimeout(300);
    assert.equal(await s.page.evaluate(() => typeof window.__xss), 'undefined');
    assert.equal(await s.page.locator('[data-testid=results] img').count(), 0);
    assert.equal(await s.page.locator('[data-testid=results] script').count(), 0);
    assert.equal(await text(s.page, 'project-name'), IMG);
    const results = await s.page.locator('[data-testid=results]').innerText();
    assert.ok(results.includes(IMG), 'img payload visible as text');
    assert.ok(results.includes(SCRIPT), 'script payload visible as text');
  } finally {
    await s.close();
  }
});

test('本地保存：重新打开后恢复输入与结果；“清除本地数据”清除', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-page-'));
  try {
    const tsv = FIXTURE.replace(/,/g, '\t');
    let s = await openPage({ userDataDir: dir });
    try {
      await paste(s.page, tsv);
      assert.equal(await waitTotal(s.page, '99.89'), '99.89');
      await s.page.selectOption('[data-testid=profile]', { index: 1 });
      await s.page.waitForTimeout(800); // saving is debounced
    } finally {
      await s.close();
    }

    s = await openPage({ userDataDir: dir });
    try {
      assert.equal(await waitTotal(s.page, '99.89'), '99.89');
      assert.equal(await s.page.locator('[data-testid=input]').inputValue(), tsv);
      assert.equal(await s.page.locator('[data-testid=profile]').evaluate((e) => e.selectedIndex), 1);
      assert.equal(await s.page.locator('[data-testid=row]').count(), 9);

      await s.page.click('[data-testid=clear-storage]');
      await s.page.click('[data-testid=confirm-ok]'); // the user's paste: asked first
      assert.equal(await s.page.locator('[data-testid=input]').inputValue(), '');
      assert.equal(await s.page.locator('[data-testid=total]').count(), 0);
      const left = await s.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jixiao:')));
      assert.deepEqual(left, []);
    } finally {
      await s.close();
    }

    s = await openPage({ userDataDir: dir });
    try {
      await s.page.waitForTimeout(500);
      assert.equal(await s.page.locator('[data-testid=input]').inputValue(), '');
      assert.equal(await s.page.locator('[data-testid=total]').count(), 0);
    } finally {
      await s.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const MULTI = [
  '项目名称,一级指标,二级指标,三级指标,年度指标值,实际完成值,全年预算数,全年执行数',
  '项目甲,产出指标,数量指标,培训人次,≥100 人次,120 人次,10,9',
  '项目甲,效益指标,社会效益,群众知晓率,≥80%,85%,,',
  '项目甲,满意度指标,满意度,满意率,≥90%,95%,,',
  '项目乙,产出指标,数量指标,修路,≥5 公里,4 公里,20,20',
  '项目乙,效益指标,社会效益,通行改善,有效提升,基本实现,,',
  '项目乙,满意度指标,满意度,满意率,≥90%,80%,,',
].join('\n');

test('一个文件多个项目：每个项目一张卡片，项目列表可跳转', async () => {
  const s = await openPage();
  try {
    await paste(s.page, MULTI);
    const cards = s.page.locator('[data-testid=project]');
    await s.page.waitForFunction(() => document.querySelectorAll('[data-testid=project]').length === 2, null, { timeout: T });
    assert.deepEqual((await s.page.locator('[data-testid=project-name]').allTextContents()).map((x) => x.trim()), ['项目甲', '项目乙']);
    assert.equal(await cards.nth(0).locator('[data-testid=row]').count(), 3);
    assert.equal(await cards.nth(1).locator('[data-testid=row]').count(), 3);
    const grades = await s.page.locator('[data-testid=grade]').allTextContents();
    assert.equal(grades.length, 2);
    const nav = s.page.locator('[data-testid=project-nav] a');
    assert.equal(await nav.count(), 2);
    assert.equal(await nav.nth(1).getAttribute('href'), '#project-2');
    assert.ok((await nav.nth(1).textContent()).includes('项目乙'));
  } finally {
    await s.close();
  }
});

test('复核：填报总分与计算总分并列显示差额，复核列表列出填报与计算值', async () => {
  const s = await openPage();
  try {
    const form = readFileSync(join(root, 'tests/fixtures/campus-safety-form-2024.csv'), 'utf8')
      .replace('100,92.07', '100,95.00')
      .replace('18.33,1所', '19,1所');
    await paste(s.page, form);
    assert.equal(await waitTotal(s.page, '92.07'), '92.07');
    const stated = await text(s.page, 'stated-total');
    assert.ok(stated.includes('95.00'), stated);
    assert.ok(stated.includes('2.93'), `difference shown: ${stated}`);
    const items = s.page.locator('[data-testid=audit-item]');
    assert.ok((await items.count()) >= 1);
    assert.match(await text(s.page, 'audit-count'), /^\d+ 处/);
    const first = await s.page.locator('[data-testid=audit]').innerText();
    assert.ok(first.includes('19.00') && first.includes('18.33'), `stated and computed side by side: ${first}`);
  } finally {
    await s.close();
  }
});

test('计算核心出错（如内部崩溃）：显示中文说明，输入保留', async () => {
  const s = await openPage();
  try {
    await paste(s.page, FIXTURE);
    assert.equal(await waitTotal(s.page, '99.89'), '99.89');
    await s.page.evaluate(() => {
      window.jixiao.scoreInput = () => { throw new Error('计算核心出现内部错误，已自动重新加载，请重试'); };
    });
    await s.page.locator('[data-testid=level-select]').first().selectOption('未达成');
    const box = s.page.locator('[data-testid=file-error]');
    await box.waitFor({ state: 'visible', timeout: T });
    assert.ok((await box.textContent()).includes('计算核心出现内部错误'));
    assert.equal(await s.page.locator('[data-testid=input]').inputValue(), FIXTURE);
  } finally {
    await s.close();
  }
});

test('兼容模式（没有 WebAssembly）：只显示切换到极速模式的说明', async () => {
  const s = await openPage({ ready: false });
  try {
    await s.page.addInitScript(() => { delete window.WebAssembly; });
    await s.page.reload();
    await s.page.waitForFunction(() => document.body && document.body.textContent.includes('极速模式'), null, { timeout: T });
    const body = await s.page.locator('body').innerText();
    assert.ok(body.includes('闪电'), 'tells how to switch');
    assert.equal(await s.page.locator('[data-testid=input]').count(), 0, 'nothing else is shown');
  } finally {
    await s.close();
  }
});

test('拖入文件：读取并评分', async () => {
  const s = await openPage();
  try {
    const bytes = [...iconv.encode(FIXTURE, 'gbk')];
    await s.page.evaluate((arr) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(arr)], '拖入.csv', { type: 'text/csv' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.querySelector('[data-testid=results]').dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      }
    }, bytes);
    assert.equal(await waitTotal(s.page, '99.89'), '99.89');
    assert.ok((await text(s.page, 'source')).includes('拖入.csv'));
  } finally {
    await s.close();
  }
});

test('本地保存：上传的文件与定性判定在重新打开后恢复', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-page-'));
  try {
    let s = await openPage({ userDataDir: dir });
    let changed;
    try {
      await s.page.setInputFiles('[data-testid=file]', { name: '上传.csv', mimeType: 'text/csv', buffer: iconv.encode(FIXTURE, 'gbk') });
      assert.equal(await waitTotal(s.page, '99.89'), '99.89');
      await s.page.locator('[data-testid=row][data-row="5"] [data-testid=level-select]').selectOption('部分达成');
      await s.page.waitForFunction(() => document.querySelector('[data-testid=total]').textContent.trim() !== '99.89', null, { timeout: T });
      changed = await text(s.page, 'total');
      await s.page.waitForTimeout(800);
    } finally {
      await s.close();
    }
    s = await openPage({ userDataDir: dir });
    try {
      assert.equal(await waitTotal(s.page, changed), changed);
      assert.equal(await s.page.locator('[data-testid=row][data-row="5"] [data-testid=level-select]').inputValue(), '部分达成');
      assert.ok((await text(s.page, 'source')).includes('上传.csv'));
      assert.equal(await text(s.page, 'project-name'), '2023年度广州市白云区信访局部门重点项目');
    } finally {
      await s.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('打印：隐藏输入区域，只打印结果', async () => {
  const s = await openPage();
  try {
    await s.page.click('[data-testid=sample]');
    await waitTotal(s.page, '99.89');
    await s.page.emulateMedia({ media: 'print' });
    assert.equal(await s.page.locator('[data-testid=input]').isVisible(), false);
    assert.equal(await s.page.locator('[data-testid=total]').isVisible(), true);
  } finally {
    await s.close();
  }
});

test('导出数据（JSON）：含定性判定，再次载入得到相同结果', async () => {
  const s = await openPage();
  try {
    await s.page.click('[data-testid=sample]');
    await waitTotal(s.page, '99.89');
    await s.page.locator('[data-testid=row][data-row="5"] [data-testid=level-select]').selectOption('部分达成');
    await s.page.waitForFunction(() => document.querySelector('[data-testid=total]').textContent.trim() !== '99.89', null, { timeout: T });
    const changed = await text(s.page, 'total');
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.click('[data-testid=export-json]')]);
    const path = await download.path();
    const json = readFileSync(path, 'utf8');
    const data = JSON.parse(json);
    assert.equal(data.projects[0].name, '2023年度广州市白云区信访局部门重点项目');
    assert.equal(data.projects[0].indicators.find((r) => r.row === 5).level, '部分达成');

    await s.page.click('[data-testid=clear-storage]');
    await s.page.setInputFiles('[data-testid=file]', { name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    assert.equal(await waitTotal(s.page, changed), changed);
    assert.deepEqual(s.requests, []);
  } finally {
    await s.close();
  }
});

test('导出 CSV：各行得分与总分，Excel 公式被转为文本（防公式注入）', async () => {
  const s = await openPage();
  try {
    const table = [
      '项目名称,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值',
      '"=HYPERLINK(""http://x"",""点击"")",产出指标,数量指标,@SUM(A1),≥10 个,+10 个,90',
      ',,,-2+3,≥10 个,10 个,0',
    ].join('\n');
    await s.page.fill('[data-testid=input]', table);
    await waitTotal(s.page, '90.00');
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.click('[data-testid=export-csv]')]);
    const bytes = readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
    const csv = bytes.subarray(3).toString('utf8');
    const cells = csv.split(/\r\n/).filter(Boolean).map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '')));
    assert.ok(csv.startsWith('项目名称,行号,一级指标'), csv.slice(0, 40));
    for (const row of cells) {
      for (const c of row) {
        const v = c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c;
        assert.ok(!/^[=+\-@\t\r]/.test(v), `cell starts a formula: ${v}`);
      }
    }
    assert.ok(csv.includes(`"'=HYPERLINK(""http://x"",""点击"")"`), csv);
    assert.ok(csv.includes("'@SUM(A1)") && csv.includes("'+10 个") && csv.includes("'-2+3"), csv);
    assert.ok(/,总分,,,,,,100,90\.00,优/.test(csv), csv);
    assert.deepEqual(s.requests, []);
  } finally {
    await s.close();
  }
});

test('修改判定只重绘该行、小计与汇总：其他行原样，选择框与得分框保持焦点', async () => {
  const s = await openPage();
  try {
    await s.page.click('[data-testid=sample]');
    await waitTotal(s.page, '99.89');
    await s.page.evaluate(() => {
      window.__card = document.querySelector('[data-testid=project]');
      window.__summary = document.querySelector('.summary');
      window.__rows = [...document.querySelectorAll('[data-testid=row]')];
      window.__touched = new Set();
      const table = document.querySelector('[data-testid=rows-table]');
      new MutationObserver((records) => {
        for (const r of records) {
          const node = r.target.nodeType === 1 ? r.target : r.target.parentNode;
          const tr = node.closest('tr[data-testid=row]');
          if (tr) window.__touched.add(tr.getAttribute('data-row'));
        }
      }).observe(table, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const row5 = s.page.locator('[data-testid=row][data-row="5"]');
    await row5.locator('[data-testid=level-select]').focus();
    await row5.locator('[data-testid=level-select]').selectOption('部分达成');
    const partial = await s.page.waitForFunction(() => {
      const t = document.querySelector('[data-testid=total]').textContent.trim();
      return t !== '99.89' && t;
    }, null, { timeout: T }).then((h) => h.jsonValue());
    const after = await s.page.evaluate(() => ({
      touched: [...window.__touched],
      sameCard: window.__card === document.querySelector('[data-testid=project]'),
      newSummary: window.__summary !== document.querySelector('.summary'),
      sameRows: window.__rows.every((tr, i) => tr === document.querySelectorAll('[data-testid=row]')[i]),
      focus: document.activeElement && document.activeElement.getAttribute('data-testid'),
      subtotal: document.querySelector('tr.group.g1[data-level1="产出指标"]').textContent,
    }));
    assert.deepEqual(after.touched, ['5'], 'only row 5 changed in the table body rows');
    assert.ok(after.sameCard && after.sameRows, 'the card and every row are the same nodes');
    assert.ok(after.newSummary, 'the summary was redrawn');
    assert.equal(after.focus, 'level-select', 'the selector keeps the focus');
    assert.match(after.subtotal, /扣 /, `the 产出 subtotal shows the lost points: ${after.subtotal}`);

    // a manual score in the band of 部分达成 ([7.5, 10) of 12.5), committed with Enter
    const box = row5.locator('[data-testid=score-input]');
    await box.fill('8');
    await box.press('Enter');
    await s.page.waitForFunction((old) => document.querySelector('[data-testid=total]').textContent.trim() !== old, partial, { timeout: T });
    assert.equal(await s.page.evaluate(() => document.activeElement.getAttribute('data-testid')), 'score-input', 'the score box keeps the focus');
    assert.equal(await box.inputValue(), '8');
    await box.press('Tab'); // leaving the box fires change again: nothing new to score
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
