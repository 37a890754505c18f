// Never lose work (issue 11): choices belong to the input they were made on;
// unreadable storage is set aside, never blocking; storage full keeps the
// newest input; two tabs never overwrite each other silently; the last file
// chosen is the one scored; 载入示例 / 清除本地数据 ask first; the summary is
// scrolled into view once; the blank template as CSV and XLSX.

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
/** The same rows holding other indicators. */
const OTHER = TABLE.replace('培训人数', '发放手册').replace('群众知晓率', '政策知晓率');

const first = (page) => page.locator('[data-testid=row]').first();
const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);
/** Wait until the page saved `value` under `key` (saving is debounced). */
const saved = (page, key, value) =>
  page.waitForFunction(([k, v]) => localStorage.getItem(k) === v, [key, value], { timeout: T });

async function editActual(page, value) {
  const cell = first(page).locator('[data-testid=cell-actual]');
  await cell.fill(value);
  await cell.press('Enter');
}

async function download(page, testid) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
  return readFileSync(await d.path());
}

test('判定属于所在的表：清空后粘贴另一张表从零开始；恢复的判定所在行已不存在时舍弃并提示', async () => {
  const s = await openPage();
  try {
    await s.page.fill('[data-testid=input]', TABLE);
    assert.equal(await waitTotal(s.page, '99.00'), '99.00');
    await editActual(s.page, '50 人');
    assert.equal(await waitTotal(s.page, '74.00'), '74.00');
    // the box emptied first (select all, delete), then another table pasted
    await s.page.fill('[data-testid=input]', '');
    await s.page.waitForTimeout(400);
    await s.page.fill('[data-testid=input]', OTHER);
    assert.equal(await waitTotal(s.page, '99.00'), '99.00');
    assert.equal(await first(s.page).locator('[data-testid=cell-actual]').inputValue(), '120 人');
    assert.match(await text(s.page, 'edit-note'), /1 处.*已舍弃/);

    // saved edits, one on a row the saved table does not have (written once
    // the page has saved: it saves what it has when it is left)
    const row = Number(await first(s.page).getAttribute('data-row'));
    await saved(s.page, 'jixiao:v2:text', OTHER);
    await s.page.waitForTimeout(500);
    await s.page.evaluate(([t, r]) => {
      localStorage.clear();
      localStorage.setItem('jixiao:v2:source', 'text');
      localStorage.setItem('jixiao:v2:text', t);
      localStorage.setItem('jixiao:v2:edits', JSON.stringify([{ project: 0, row: r, actual: '50 人' }, { project: 0, row: 99, actual: '1 人' }]));
    }, [TABLE, row]);
    await s.page.reload();
    assert.equal(await waitTotal(s.page, '74.00'), '74.00');
    assert.match(await text(s.page, 'edit-note'), /1 处.*已舍弃/);
    await s.page.waitForFunction(() => JSON.parse(localStorage.getItem('jixiao:v2:edits') || '[]').length === 1, null, { timeout: T });
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('本机保存的数据无法读取（旧格式、损坏、更新版本）：另存为备份并提示，页面照常打开、可以粘贴', async () => {
  const s = await openPage();
  try {
    await s.page.evaluate(() => {
      localStorage.setItem('jixiao:text', '旧版本的粘贴内容');
      localStorage.setItem('jixiao:edits', '[{"project":0,"row":2,"level":"达成"}]');
      localStorage.setItem('jixiao:v2:edits', '[{"project":0,"row":2,"level":"达成"'); // cut off
      localStorage.setItem('jixiao:v2:drafts', '[{"summary":5}]'); // not text
      localStorage.setItem('jixiao:v2:mappings', '{"x":1}');
      localStorage.setItem('jixiao:v3:text', '更新版本的内容');
      localStorage.setItem('jixiao:v2:customProfile', '{"id":"custom","name":"自定'); // cut off
    });
    await s.page.reload();
    await s.page.evaluate(() => window.jixiao.ready.then(() => true));
    const notice = await text(s.page, 'store-notice');
    assert.match(notice, /旧版本页面保存的数据/);
    assert.match(notice, /修改和判定/);
    assert.match(notice, /报告段落/);
    assert.match(notice, /列对应/);
    assert.match(notice, /更新版本/);
    assert.match(notice, /自定义评分规则/);
    const keys = await s.page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
    assert.equal(keys['jixiao:text'], undefined, 'the old keys moved to the backup');
    assert.equal(JSON.parse(keys['jixiao:backup:v1']).text, '旧版本的粘贴内容');
    assert.equal(keys['jixiao:backup:v2-edits'], '[{"project":0,"row":2,"level":"达成"');
    assert.equal(keys['jixiao:backup:v2-drafts'], '[{"summary":5}]');
    assert.equal(keys['jixiao:v2:edits'], undefined);
    assert.equal(keys['jixiao:backup:v2-customProfile'], '{"id":"custom","name":"自定');
    assert.equal(keys['jixiao:v2:customProfile'], undefined);
    assert.equal(keys['jixiao:v3:text'], '更新版本的内容', 'a newer page\'s data is left alone');

    // the page works: a paste scores and is saved
    await s.page.fill('[data-testid=input]', TABLE);
    assert.equal(await waitTotal(s.page, '99.00'), '99.00');
    await saved(s.page, 'jixiao:v2:text', TABLE);
    // the backup can be downloaded
    const backup = JSON.parse((await download(s.page, 'download-backup')).toString('utf8'));
    assert.equal(backup['jixiao:backup:v2-edits'], '[{"project":0,"row":2,"level":"达成"');

    // set aside once: the next visit only mentions the newer page's data
    await s.page.reload();
    assert.equal(await waitTotal(s.page, '99.00'), '99.00');
    const again = await text(s.page, 'store-notice');
    assert.doesNotMatch(again, /旧版本|损坏/);
    assert.match(again, /更新版本/);
    await s.page.click('[data-testid=dismiss-notice]');
    assert.equal(await s.page.locator('[data-testid=store-notice]').isVisible(), false);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('本地空间已满：说明哪些未保存；重新打开不会恢复较早的输入', async () => {
  const s = await openPage();
  try {
    await s.page.fill('[data-testid=input]', TABLE);
    assert.equal(await waitTotal(s.page, '99.00'), '99.00');
    await saved(s.page, 'jixiao:v2:text', TABLE);
    // fill the origin's storage (another program's keys) to the last bytes
    const fillers = await s.page.evaluate(() => {
      let n = 0;
      for (let size = 1 << 20; size >= 1; ) {
        try {
          localStorage.setItem('filler-' + n, 'x'.repeat(size));
          n++;
        } catch (e) {
          size = Math.floor(size / 2);
        }
      }
      return n;
    });
    assert.ok(fillers > 0);
    const newer = OTHER.replace(/甲项目/g, '乙项目') + '\n乙项目,,,满意度指标,服务对象满意度指标,说明,' + '很长的说明'.repeat(400) + ',有,0';
    await s.page.fill('[data-testid=input]', newer);
    await s.page.waitForFunction(() => /空间已满/.test(document.querySelector('[data-testid=storage-note]').textContent), null, { timeout: T });
    assert.match(await text(s.page, 'storage-note'), /粘贴内容.*未能保存/);
    const kept = await stored(s.page, 'jixiao:v2:text');
    assert.notEqual(kept, TABLE, 'the older input is not kept in place of the newer one');

    await s.page.reload();
    await s.page.evaluate(() => window.jixiao.ready.then(() => true));
    await s.page.waitForTimeout(600);
    const box = await s.page.locator('[data-testid=input]').inputValue();
    assert.notEqual(box, TABLE, 'reopened: not the older input');
    assert.equal(await s.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).length), fillers, 'others\' data untouched');

    // space again: the next change is saved and the note goes
    await s.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
    await s.page.fill('[data-testid=input]', newer);
    await saved(s.page, 'jixiao:v2:text', newer);
    assert.equal((await s.page.locator('[data-testid=storage-note]').textContent()).trim(), '');
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('两个标签页：第二个提示“接管”或“只读”；只读不保存；接管后第一个变为只读并提示', async () => {
  const s = await openPage();
  try {
    const one = s.page;
    await one.fill('[data-testid=input]', TABLE);
    assert.equal(await waitTotal(one, '99.00'), '99.00');
    await saved(one, 'jixiao:v2:text', TABLE);

    const two = await s.context.newPage();
    await two.goto(s.url);
    await two.evaluate(() => window.jixiao.ready.then(() => true));
    assert.match(await text(two, 'tab-bar'), /另一个标签页/);
    assert.equal(await two.locator('[data-testid=input]').inputValue(), TABLE, 'it shows what was saved');
    assert.equal(await two.locator('[data-testid=input]').evaluate((e) => e.readOnly), true, 'nothing changes before the choice');
    assert.equal(await one.locator('[data-testid=tab-bar]').isVisible(), false);

    await two.click('[data-testid=read-only]');
    assert.match(await text(two, 'tab-bar'), /只读/);
    // the read-only tab's store refuses changes (even bypassing the read-only box) and saves nothing
    await two.evaluate(() => {
      const box = document.querySelector('[data-testid=input]');
      box.value = '只读标签页的内容';
      box.dispatchEvent(new Event('input'));
    });
    await one.fill('[data-testid=input]', OTHER);
    assert.equal(await waitTotal(one, '99.00'), '99.00');
    await saved(one, 'jixiao:v2:text', OTHER);
    // a setting changed in the read-only tab scores again there, but its older input is not saved
    await two.selectOption('[data-testid=profile]', { index: 1 });
    await two.waitForTimeout(700);
    assert.equal(await stored(one, 'jixiao:v2:text'), OTHER);

    // take over: the first tab saves, becomes read-only and says so; the second shows the latest
    await two.click('[data-testid=take-over]');
    assert.match(await text(one, 'tab-bar'), /已接管/);
    assert.equal(await one.locator('[data-testid=input]').evaluate((e) => e.readOnly), true);
    await two.waitForFunction((want) => document.querySelector('[data-testid=input]').value === want, OTHER, { timeout: T });
    assert.equal(await two.locator('[data-testid=tab-bar]').isVisible(), false);
    await editActual(two, '50 人');
    assert.equal(await waitTotal(two, '74.00'), '74.00');
    await two.waitForFunction(() => /50 人/.test(localStorage.getItem('jixiao:v2:edits') || ''), null, { timeout: T });
    // the first tab no longer writes
    await one.evaluate(() => {
      const box = document.querySelector('[data-testid=input]');
      box.value = '第一个标签页的内容';
      box.dispatchEvent(new Event('input'));
    });
    await one.selectOption('[data-testid=profile]', { index: 0 });
    await one.waitForTimeout(700);
    assert.equal(await stored(two, 'jixiao:v2:text'), OTHER);
    assert.match(await stored(two, 'jixiao:v2:edits'), /50 人/);
    // and can take it back
    await one.click('[data-testid=take-over]');
    assert.match(await text(two, 'tab-bar'), /已接管/);
    await one.waitForFunction(() => !document.querySelector('[data-testid=input]').readOnly, null, { timeout: T });
    assert.equal(await waitTotal(one, '74.00'), '74.00', 'the edit made in the other tab');
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

/** Files over 50 KB take 1.5 s to read (a slow disk or network drive). */
function slowReads() {
  const read = FileReader.prototype.readAsArrayBuffer;
  FileReader.prototype.readAsArrayBuffer = function (blob) {
    if (blob.size > 50000) setTimeout(() => read.call(this, blob), 1500);
    else read.call(this, blob);
  };
}

test('最后的操作为准：大文件还在读取时选了小文件（或在粘贴框输入），只计最后的', async () => {
  const s = await openPage();
  try {
    await s.context.addInitScript(slowReads);
    await s.page.reload();
    await s.page.evaluate(() => window.jixiao.ready.then(() => true));
    const big = TABLE.replace('120 人', '50 人').replace(/^(.*)$/m, '$1,偏差原因').replace('50 人,50', '50 人,50,' + '原因'.repeat(30000));
    assert.ok(Buffer.byteLength(big) > 50000 && Buffer.byteLength(big) < 512 * 1024);
    await s.page.setInputFiles('[data-testid=file]', { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(big) });
    await s.page.setInputFiles('[data-testid=file]', { name: 'small.csv', mimeType: 'text/csv', buffer: Buffer.from(TABLE) });
    assert.equal(await waitTotal(s.page, '99.00'), '99.00');
    await s.page.waitForTimeout(2000); // the big file's reading has ended
    assert.equal(await text(s.page, 'total'), '99.00');
    assert.match(await text(s.page, 'source'), /small\.csv/);
    assert.doesNotMatch(await text(s.page, 'source'), /big\.csv/);

    // the big file, then typing in the paste box: the box is what is scored
    await s.page.setInputFiles('[data-testid=file]', { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(big) });
    await s.page.fill('[data-testid=input]', OTHER.replace('95%', '80%'));
    await s.page.waitForTimeout(2000);
    assert.equal(await s.page.locator('[data-testid=source]').isVisible(), false, 'no file is shown as the source');
    const total = await text(s.page, 'total');
    assert.notEqual(total, '74.00', 'the big file is not scored');
    assert.equal(await s.page.locator('[data-testid=input]').inputValue(), OTHER.replace('95%', '80%'));
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('载入示例、清除本地数据：有自己的输入时先在页面内确认（可取消、Esc、焦点回到按钮），没有时直接执行', async () => {
  const s = await openPage();
  const dialogs = [];
  s.page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  try {
    const bar = s.page.locator('[data-testid=confirm-bar]');
    // nothing of the user's: no question
    await s.page.click('[data-testid=sample]');
    await waitTotal(s.page, '99.89');
    assert.equal(await bar.isVisible(), false);
    await s.page.click('[data-testid=clear-storage]');
    assert.equal(await bar.isVisible(), false);
    assert.equal(await s.page.locator('[data-testid=input]').inputValue(), '');

    // the user's paste: asked, Esc keeps it
    await s.page.fill('[data-testid=input]', TABLE);
    assert.equal(await waitTotal(s.page, '99.00'), '99.00');
    await s.page.click('[data-testid=sample]');
    assert.match(await text(s.page, 'confirm-bar'), /粘贴框中的内容/);
    assert.equal(await bar.getAttribute('role'), 'alertdialog');
    assert.equal(await s.page.evaluate(() => document.activeElement.getAttribute('data-testid')), 'confirm-cancel');
    await s.page.keyboard.press('Escape');
    assert.equal(await bar.isVisible(), false);
    assert.equal(await s.page.evaluate(() => document.activeElement.getAttribute('data-testid')), 'sample');
    assert.equal(await s.page.locator('[data-testid=input]').inputValue(), TABLE);
    // 取消, then 确定
    await s.page.click('[data-testid=sample]');
    await s.page.click('[data-testid=confirm-cancel]');
    assert.equal(await s.page.locator('[data-testid=input]').inputValue(), TABLE);
    await s.page.click('[data-testid=sample]');
    await s.page.click('[data-testid=confirm-ok]');
    assert.equal(await waitTotal(s.page, '99.89'), '99.89');

    // a choice on the sample is the user's: 清除 asks and names it
    await s.page.locator('[data-testid=row][data-row="5"] [data-testid=level-select]').selectOption('部分达成');
    await s.page.waitForFunction(() => document.querySelector('[data-testid=total]').textContent.trim() !== '99.89', null, { timeout: T });
    await s.page.waitForFunction(() => !!localStorage.getItem('jixiao:v2:edits'), null, { timeout: T });
    await s.page.click('[data-testid=clear-storage]');
    assert.match(await text(s.page, 'confirm-bar'), /1 处修改和判定/);
    await s.page.click('[data-testid=confirm-cancel]');
    assert.ok(await stored(s.page, 'jixiao:v2:edits'), 'nothing deleted on 取消');
    await s.page.click('[data-testid=clear-storage]');
    await s.page.click('[data-testid=confirm-ok]');
    assert.equal(await s.page.locator('[data-testid=input]').inputValue(), '');
    assert.deepEqual(await s.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jixiao:v2:') && !k.endsWith(':tab'))), []);
    assert.deepEqual(dialogs, [], 'no window.confirm');
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('评分后汇总滚动到可见处一次；之后在粘贴框输入不再滚动', async () => {
  const s = await openPage({ viewport: { width: 1280, height: 600 } });
  try {
    const summaryTop = () => s.page.evaluate(() => document.querySelector('#results .summary').getBoundingClientRect().top);
    assert.ok(await s.page.evaluate(() => document.querySelector('[data-testid=results]').getBoundingClientRect().top > innerHeight), 'below the fold at first');
    await s.page.fill('[data-testid=input]', TABLE);
    assert.equal(await waitTotal(s.page, '99.00'), '99.00');
    const top = await summaryTop();
    assert.ok(top >= 0 && top < 600, `summary in view (top ${top})`);

    await s.page.evaluate(() => window.scrollTo(0, 0));
    await s.page.locator('[data-testid=input]').press('End');
    await s.page.keyboard.type('0'); // 满意度 95% → 950%: scored again
    await s.page.waitForTimeout(900);
    assert.equal(await s.page.evaluate(() => window.pageYOffset), 0, 'typing does not scroll');

    // a file chosen is a new input: in view again
    await s.page.setInputFiles('[data-testid=file]', { name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from(OTHER) });
    await s.page.waitForFunction(() => /a\.csv/.test(document.querySelector('[data-testid=source]').textContent), null, { timeout: T });
    await s.page.waitForTimeout(300);
    const again = await summaryTop();
    assert.ok(again >= 0 && again < 600, `summary in view again (top ${again})`);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('下载空白模板：CSV（填上后可粘贴评分）与 XLSX，均由核心生成', async () => {
  const s = await openPage();
  try {
    const csv = await download(s.page, 'blank-template-csv');
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
    const lines = csv.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    assert.equal(lines[0], '项目名称,全年预算数,全年执行数,一级指标,二级指标,三级指标,年度指标值,实际完成值,计算符号,分值,得分,偏差原因分析及改进措施');
    assert.equal(lines.length, 10);
    assert.equal(lines[1], ',,,产出指标,数量指标,,,,,,,');
    assert.equal(lines[9], ',,,满意度指标,服务对象满意度指标,,,,,,,');
    // filled in as a user would, then pasted: it scores
    const filled = lines.map((l, i) => {
      if (i === 1) return '甲项目,100,90,产出指标,数量指标,培训人数,≥100 人,120 人,,50,,';
      if (i === 6) return ',,,效益指标,社会效益指标,群众知晓率,≥80%,85%,,30,,';
      if (i === 9) return ',,,满意度指标,服务对象满意度指标,满意度,≥90%,95%,,10,,';
      return l;
    });
    await s.page.fill('[data-testid=input]', filled.join('\n'));
    assert.equal(await waitTotal(s.page, '99.00'), '99.00');

    const xlsx = await download(s.page, 'blank-template');
    assert.equal(xlsx.subarray(0, 2).toString('latin1'), 'PK');
    assert.deepEqual(s.requests, []);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
