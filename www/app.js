/* 绩效自评表评分 — 页面逻辑。
 *
 * 纯 ES2017，无框架。所有来自数据的文本一律通过 textContent / createTextNode
 * 写入，绝不把数据当作 HTML 插入。评分由 window.jixiao（Rust 编译的 WebAssembly）
 * 完成；本文件只负责输入、显示与本地保存。
 */
(function () {
  'use strict';

  if (window.__jixiaoUnsupported) { return; }

  // ---------------------------------------------------------------- 常量

  var STORE = 'jixiao:';
  var KEYS = ['text', 'source', 'fileName', 'input', 'edits', 'profile', 'encoding'];
  var PASTE_NAME = '粘贴内容';
  var LEVELS = ['达成', '部分达成', '未达成'];
  var STATUS_LABEL = { ok: '正常', review: '需复核', pending: '待判定', error: '错误' };
  var GRADE_CLASS = { '优': 'grade-a', '良': 'grade-b', '中': 'grade-c', '差': 'grade-d' };
  var AUDIT_KIND = {
    row_score: '指标得分', over_weight: '得分超过分值', band: '定性档次', total_sum: '总分合计',
    total: '总分', exec_rate: '预算执行率', exec_score: '执行率得分', weight_sum: '分值合计',
    no_reason: '偏差原因'
  };

  // ---------------------------------------------------------------- 状态

  var state = {
    source: 'none',     // 'none' | 'text' | 'file'
    text: '',           // 粘贴框内容（与 textarea 同步）
    fileName: '',
    fileBytes: null,    // 当前文件的原始字节（仅本次打开期间）
    fileInput: null,    // 从本地恢复的文件解析结果（没有字节时使用）
    input: null,        // readInput 的结果
    edits: [],          // [{project,row,level,score}]
    profile: '',
    encoding: 'auto',
    report: null,
    profiles: [],
    ready: false
  };

  // ---------------------------------------------------------------- 工具

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) { return; }
        if (k === 'class') { node.className = v; }
        else if (k === 'text') { node.textContent = String(v); }
        else if (k === 'testid') { node.setAttribute('data-testid', v); }
        else if (k.indexOf('on') === 0 && typeof v === 'function') { node.addEventListener(k.slice(2), v); }
        else if (v === true) { node.setAttribute(k, ''); }
        else { node.setAttribute(k, String(v)); }
      });
    }
    if (children) { append(node, children); }
    return node;
  }

  function append(node, children) {
    (Array.isArray(children) ? children : [children]).forEach(function (c) {
      if (c === null || c === undefined || c === false) { return; }
      if (Array.isArray(c)) { append(node, c); return; }
      node.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
    });
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function debounce(fn, ms) {
    var t = null;
    function run() {
      var args = arguments;
      if (t) { clearTimeout(t); }
      t = setTimeout(function () { t = null; fn.apply(null, args); }, ms);
    }
    run.flush = function () { if (t) { clearTimeout(t); t = null; fn(); } };
    run.cancel = function () { if (t) { clearTimeout(t); t = null; } };
    return run;
  }

  function num(v) {
    if (v === null || v === undefined || v === '') { return null; }
    var n = typeof v === 'number' ? v : Number(v);
    return isFinite(n) ? n : null;
  }

  /** 两位小数；空值显示 “—”。 */
  function fmt2(v) {
    var n = num(v);
    return n === null ? '—' : n.toFixed(2);
  }

  /** 分值：整数不带小数，其余两位。 */
  function fmtW(v) {
    var n = num(v);
    if (n === null) { return '—'; }
    return Math.round(n) === n ? String(n) : n.toFixed(2);
  }

  function errorMessage(e) {
    if (!e) { return '发生未知错误'; }
    if (typeof e === 'string') { return e; }
    return e.message || String(e);
  }

  // ---------------------------------------------------------------- 本地保存

  var storageOk = true;

  function storeGet(key) {
    try { return window.localStorage.getItem(STORE + key); } catch (e) { storageOk = false; return null; }
  }

  function storeSet(key, value) {
    try {
      if (value === null || value === undefined) { window.localStorage.removeItem(STORE + key); }
      else { window.localStorage.setItem(STORE + key, value); }
      return true;
    } catch (e) {
      storageOk = false;
      return false;
    }
  }

  function storeClear() {
    try {
      var names = [];
      for (var i = 0; i < window.localStorage.length; i++) {
        var k = window.localStorage.key(i);
        if (k && k.indexOf(STORE) === 0) { names.push(k); }
      }
      names.forEach(function (k) { window.localStorage.removeItem(k); });
      KEYS.forEach(function (k) { window.localStorage.removeItem(STORE + k); });
      return true;
    } catch (e) {
      return false;
    }
  }

  function saveNow() {
    var ok = true;
    ok = storeSet('text', state.text || null) && ok;
    ok = storeSet('source', state.source) && ok;
    ok = storeSet('fileName', state.source === 'file' ? state.fileName : null) && ok;
    ok = storeSet('edits', state.edits.length ? JSON.stringify(state.edits) : null) && ok;
    ok = storeSet('profile', state.profile || null) && ok;
    ok = storeSet('encoding', state.encoding !== 'auto' ? state.encoding : null) && ok;
    if (state.source === 'file') {
      var inp = state.input || state.fileInput;
      var saved = true;
      if (inp) {
        try { saved = storeSet('input', JSON.stringify(inp)); } catch (e) { saved = false; }
      } else {
        saved = storeSet('input', null);
      }
      if (!saved) { storeSet('input', null); }
      ok = ok && saved;
    } else {
      ok = storeSet('input', null) && ok;
    }
    setStorageNote(ok ? '' : '浏览器不允许本地保存（或空间已满），关闭页面后输入不会保留。');
  }

  var save = debounce(saveNow, 400);

  function setStorageNote(msg) {
    var n = $('storage-note');
    n.textContent = msg;
    n.className = 'control-hint' + (msg ? ' warn' : '');
  }

  function restore() {
    var text = storeGet('text');
    var source = storeGet('source');
    var fileName = storeGet('fileName');
    var inputJson = storeGet('input');
    var edits = storeGet('edits');
    var profile = storeGet('profile');
    var encoding = storeGet('encoding');
    if (text) { state.text = text; $('input').value = text; }
    if (profile) { state.profile = profile; }
    if (encoding && /^(auto|utf8|gbk|utf16le|utf16be)$/.test(encoding)) { state.encoding = encoding; }
    if (edits) {
      try {
        var list = JSON.parse(edits);
        if (Array.isArray(list)) { state.edits = list.filter(function (e) { return e && typeof e === 'object'; }); }
      } catch (e) { /* 忽略损坏的数据 */ }
    }
    if (source === 'file' && inputJson) {
      try {
        state.fileInput = JSON.parse(inputJson);
        state.fileName = fileName || '文件';
        state.source = 'file';
      } catch (e) { state.fileInput = null; }
    }
    if (state.source !== 'file' && state.text.trim()) { state.source = 'text'; }
    return state.source !== 'none';
  }

  // ---------------------------------------------------------------- 评分

  function currentProfileOption() {
    return state.profile || undefined;
  }

  function showFileError(msg) {
    var box = $('file-error');
    clear(box);
    if (!msg) { box.hidden = true; return; }
    append(box, [el('strong', { text: '无法评分：' }), el('span', { text: msg })]);
    box.hidden = false;
  }

  /** 重新读取当前输入（文本或文件字节）。失败时抛出中文错误。 */
  function readCurrent() {
    var opts = { encoding: state.encoding };
    if (state.profile) { opts.profile = state.profile; }
    if (state.source === 'text') {
      // 粘贴的文本已是 Unicode，运行时以 UTF-8 传给核心：编码选择只作用于文件
      opts.encoding = 'utf8';
      return window.jixiao.readInput(state.text, PASTE_NAME, opts);
    }
    if (state.source === 'file') {
      if (state.fileBytes) { return window.jixiao.readInput(state.fileBytes, state.fileName, opts); }
      if (state.fileInput) { return state.fileInput; }
    }
    return null;
  }

  /** 读取并评分；reread=false 时复用上次读取结果（只改了判定或规则）。
   *  计算核心崩溃（trap）时 loader 会重新加载核心并抛出“请重试”：此时先显示说明，
   *  待新核心就绪后自动重试一次（retried=true 时不再重试，避免同一输入反复崩溃）。 */
  function rescore(reread, retried) {
    if (!state.ready) { return; }
    if (state.source === 'none' || (state.source === 'text' && !state.text.trim())) {
      state.input = null;
      state.report = null;
      showFileError('');
      render();
      save();
      return;
    }
    var core = window.jixiao.ready;
    try {
      if (reread || !state.input) { state.input = null; state.input = readCurrent(); }
      if (!state.input) { state.report = null; render(); return; }
      var opts = { edits: state.edits };
      if (state.profile) { opts.profile = state.profile; }
      state.report = window.jixiao.scoreInput(state.input, opts);
      showFileError('');
    } catch (e) {
      state.report = null;
      showFileError(errorMessage(e));
      if (!retried && window.jixiao.ready !== core) {
        Promise.resolve(window.jixiao.ready).then(function () { rescore(reread, true); }, function () { /* 说明已显示 */ });
      }
    }
    render();
    save();
  }

  var rescoreTyped = debounce(function () { rescore(true); }, 250);

  // ---------------------------------------------------------------- 输入

  function useText() {
    state.text = $('input').value;
    if (state.source === 'file') {
      // 用户开始在粘贴框输入：改用粘贴内容，原判定不再适用
      state.edits = [];
    }
    state.source = state.text.trim() ? 'text' : 'none';
    state.fileBytes = null;
    state.fileInput = null;
    state.fileName = '';
    if ($('file').value) { try { $('file').value = ''; } catch (e) { /* ignore */ } }
    renderSource();
    rescoreTyped();
    save();
  }

  function loadFile(file) {
    if (!file) { return; }
    var reader = new FileReader();
    reader.onload = function () {
      state.fileBytes = new Uint8Array(reader.result);
      state.fileName = file.name || '文件';
      state.fileInput = null;
      state.source = 'file';
      state.edits = [];
      rescoreTyped.cancel();
      renderSource();
      rescore(true);
    };
    reader.onerror = function () {
      showFileError('无法读取文件“' + (file.name || '') + '”：' + errorMessage(reader.error));
    };
    reader.readAsArrayBuffer(file);
  }

  function sampleText() {
    var node = $('sample-csv');
    var t = node ? node.textContent : '';
    if (!t || t.indexOf('@JIXIAO_SAMPLE@') >= 0) { return ''; }
    return t.replace(/<\\\//g, '</').replace(/^\s*\n/, '');
  }

  function loadSample() {
    var t = sampleText();
    if (!t) { showFileError('本页面未包含示例数据（构建时未嵌入）。'); return; }
    $('input').value = t;
    state.text = t;
    state.source = 'text';
    state.edits = [];
    state.fileBytes = null;
    state.fileInput = null;
    state.fileName = '';
    rescoreTyped.cancel();
    renderSource();
    rescore(true);
  }

  function clearAll() {
    rescoreTyped.cancel();
    save.cancel();
    storeClear();
    $('input').value = '';
    try { $('file').value = ''; } catch (e) { /* ignore */ }
    state.text = '';
    state.source = 'none';
    state.fileBytes = null;
    state.fileInput = null;
    state.fileName = '';
    state.input = null;
    state.edits = [];
    state.report = null;
    state.encoding = 'auto';
    $('encoding').value = 'auto';
    state.profile = state.profiles.length ? state.profiles[0].id : '';
    $('profile').value = state.profile;
    showFileError('');
    renderProfile();
    renderSource();
    render();
    setStorageNote('已清除本机保存的输入、判定和设置。');
  }

  function setEdit(project, row, patch) {
    var e = null;
    for (var i = 0; i < state.edits.length; i++) {
      if (state.edits[i].project === project && state.edits[i].row === row) { e = state.edits[i]; break; }
    }
    if (!e) { e = { project: project, row: row }; state.edits.push(e); }
    Object.keys(patch).forEach(function (k) {
      if (patch[k] === null || patch[k] === '') { delete e[k]; } else { e[k] = patch[k]; }
    });
    if (e.level === undefined && e.score === undefined && e.weight === undefined) {
      state.edits = state.edits.filter(function (x) { return x !== e; });
    }
    rescore(false);
  }

  function findEdit(project, row) {
    for (var i = 0; i < state.edits.length; i++) {
      if (state.edits[i].project === project && state.edits[i].row === row) { return state.edits[i]; }
    }
    return null;
  }

  // ---------------------------------------------------------------- 规则显示

  function profileById(id) {
    for (var i = 0; i < state.profiles.length; i++) { if (state.profiles[i].id === id) { return state.profiles[i]; } }
    return state.profiles[0] || null;
  }

  function renderProfileSelect() {
    var sel = $('profile');
    clear(sel);
    state.profiles.forEach(function (p) {
      sel.appendChild(el('option', { value: p.id, text: p.name || p.id }));
    });
    if (!profileById(state.profile) || state.profile !== (profileById(state.profile) || {}).id) {
      state.profile = state.profiles.length ? state.profiles[0].id : '';
    }
    sel.value = state.profile;
  }

  function renderProfile() {
    var box = $('profile-summary');
    clear(box);
    var p = profileById(state.profile);
    if (!p) { return; }
    var items = [el('span', { class: 'ps-item' }, [el('span', { class: 'ps-k', text: '预算执行率' }), el('b', { text: fmtW(p.execution_weight) + ' 分' })])];
    (p.levels || []).forEach(function (l) {
      var w = num(l.weight);
      var val = (w === 0 && l.share_with) ? '计入' + l.share_with : fmtW(l.weight) + ' 分';
      items.push(el('span', { class: 'ps-item' }, [el('span', { class: 'ps-k', text: l.name }), el('b', { text: val })]));
    });
    var grades = (p.grades || []).map(function (g, i, all) {
      var min = num(g.min);
      var label = (min === 0 && i === all.length - 1 && i > 0) ? '< ' + fmtW(all[i - 1].min) : '≥ ' + fmtW(g.min);
      return el('span', { class: 'ps-grade ' + (GRADE_CLASS[g.grade] || '') }, [el('b', { text: g.grade }), ' ' + label]);
    });
    append(box, [
      el('span', { class: 'ps-title', text: '当前规则：' + (p.name || p.id) }),
      el('span', { class: 'ps-group' }, items),
      el('span', { class: 'ps-group' }, [el('span', { class: 'ps-k', text: '等级' })].concat(grades)),
      p.description ? el('div', { class: 'ps-desc', text: p.description }) : null
    ]);
  }

  function renderFooter() {
    var v = (window.jixiao && window.jixiao.version) || '';
    $('footer-meta').textContent = '版本 ' + (v || '—') + ' · 规则 ' + (state.profile || '—');
  }

  function renderSource() {
    var line = $('source-line');
    clear(line);
    var fn = $('file-name');
    fn.textContent = state.source === 'file' ? state.fileName : '未选择文件';
    fn.className = 'file-name' + (state.source === 'file' ? ' has' : '');
    fn.title = fn.textContent;
    var ta = $('input');
    if (state.source === 'file') {
      ta.classList.add('inactive');
      var enc = $('encoding');
      var encLabel = enc.options[enc.selectedIndex] ? enc.options[enc.selectedIndex].text : '';
      append(line, [
        el('span', { class: 'src-tag', text: '文件' }),
        el('span', { class: 'src-name', text: state.fileName }),
        state.fileBytes ? el('span', { class: 'src-meta', text: '编码：' + encLabel }) :
          el('span', { class: 'src-meta', text: '（已从本机恢复解析结果；如需改编码请重新选择文件）' }),
        el('span', { class: 'src-meta', text: '在粘贴框中输入将改用粘贴内容' })
      ]);
      line.hidden = false;
    } else {
      ta.classList.remove('inactive');
      line.hidden = true;
    }
  }

  // ---------------------------------------------------------------- 结果显示

  function projectTitle(p, i) {
    return p.name || ('项目 ' + (i + 1));
  }

  function render() {
    var root = $('results');
    var focusKey = document.activeElement && document.activeElement.getAttribute ? document.activeElement.getAttribute('data-key') : null;
    clear(root);
    renderFooter();
    var rep = state.report;
    $('export-json').disabled = !state.input;
    $('export-csv').disabled = !state.input;
    $('print').disabled = !(rep && rep.projects && rep.projects.length);
    if (!rep || !rep.projects) {
      root.appendChild(el('div', { class: 'empty-state', id: 'empty-state' }, [
        el('p', { text: state.source === 'none' ? '尚无评分结果。请粘贴自评表、选择文件，或点击“载入示例”。' : '没有可显示的评分结果。' })
      ]));
      return;
    }
    if (!rep.projects.length) {
      root.appendChild(el('div', { class: 'empty-state' }, [el('p', { text: '没有找到可评分的项目。' })]));
      return;
    }
    if (rep.projects.length > 1) {
      root.appendChild(renderProjectNav(rep.projects));
    }
    rep.projects.forEach(function (p, i) { root.appendChild(renderProject(p, i)); });
    if (focusKey) {
      var f = root.querySelector('[data-key="' + focusKey.replace(/["\\]/g, '') + '"]');
      if (f) { try { f.focus(); } catch (e) { /* ignore */ } }
    }
  }

  function renderProjectNav(projects) {
    var list = el('ol', { class: 'project-nav-list' });
    projects.forEach(function (p, i) {
      var a = el('a', { href: '#project-' + (i + 1) }, [
        el('span', { class: 'pn-name', text: projectTitle(p, i) }),
        el('span', { class: 'pn-total num', text: fmt2(p.total) }),
        el('span', { class: 'grade-chip ' + (GRADE_CLASS[p.grade] || ''), text: p.grade || '—' })
      ]);
      a.addEventListener('click', function (ev) {
        ev.preventDefault();
        var t = $('project-' + (i + 1));
        if (t) { t.scrollIntoView({ behavior: 'smooth', block: 'start' }); }
      });
      list.appendChild(el('li', null, [a]));
    });
    return el('nav', { class: 'project-nav', testid: 'project-nav', 'aria-label': '项目列表' }, [
      el('div', { class: 'pn-title', text: '本文件共 ' + projects.length + ' 个项目' }), list
    ]);
  }

  function renderProject(p, pi) {
    var card = el('article', { class: 'project', id: 'project-' + (pi + 1), testid: 'project' });
    var meta = [];
    if (p.department) { meta.push(el('span', null, [el('span', { class: 'meta-k', text: '主管部门' }), p.department])); }
    if (p.implementer) { meta.push(el('span', null, [el('span', { class: 'meta-k', text: '实施单位' }), p.implementer])); }
    if (p.sheet) { meta.push(el('span', null, [el('span', { class: 'meta-k', text: '工作表' }), p.sheet])); }
    card.appendChild(el('header', { class: 'project-head' }, [
      el('h2', { class: 'project-name', testid: 'project-name', text: projectTitle(p, pi) }),
      meta.length ? el('div', { class: 'project-meta' }, meta) : null
    ]));

    card.appendChild(el('div', { class: 'project-top' }, [
      renderSummary(p),
      el('div', { class: 'side' }, [renderIssues(p, pi, card), renderAudit(p, pi, card)])
    ]));
    card.appendChild(renderTable(p, pi));
    return card;
  }

  function renderSummary(p) {
    var ex = p.execution || {};
    var grade = p.grade || '';
    var pendingCount = (p.rows || []).filter(function (r) { return r.status === 'pending'; }).length;
    var box = el('section', { class: 'summary', 'aria-label': '评分汇总' });

    var totalBlock = el('div', { class: 'sum-total' }, [
      el('div', { class: 'sum-label', text: '自评总分' }),
      el('div', { class: 'sum-total-line' }, [
        el('span', { class: 'total num', testid: 'total', text: fmt2(p.total) }),
        el('span', { class: 'total-unit', text: '/ ' + fmtW(p.weight_sum) + ' 分' }),
        el('span', { class: 'grade ' + (GRADE_CLASS[grade] || ''), testid: 'grade', title: '评价等级', text: grade })
      ])
    ]);
    if (p.provisional) {
      totalBlock.appendChild(el('div', { class: 'provisional', testid: 'provisional' }, [
        el('b', { text: '暂定' }),
        el('span', { text: '有 ' + (pendingCount || '部分') + ' 项定性指标“待判定”（完成情况无法从填报内容识别，暂按 0 分计）。请在下表中选择完成情况，总分随即更新。' })
      ]));
    }
    if (p.stated_total !== null && p.stated_total !== undefined) {
      var diff = num(p.total) - num(p.stated_total);
      var same = Math.abs(diff) < 0.005;
      totalBlock.appendChild(el('div', { class: 'stated' + (same ? '' : ' differs'), testid: 'stated-total' }, [
        el('span', { class: 'sum-label', text: '表内填报总分' }),
        el('span', { class: 'num', text: fmt2(p.stated_total) }),
        el('span', { class: 'diff num', text: same ? '一致' : '相差 ' + (diff > 0 ? '+' : '−') + Math.abs(diff).toFixed(2) + '（计算 − 填报）' })
      ]));
    }
    var errorRows = (p.rows || []).filter(function (r) { return r.status === 'error'; }).length;
    if (errorRows || (p.errors || []).length) {
      totalBlock.appendChild(el('div', { class: 'error-note', testid: 'error-note' }, [
        el('b', { text: '注意' }),
        el('span', { text: errorRows ? '有 ' + errorRows + ' 项指标因填报错误未能计分（计 0 分），修正后总分会变化。' : '表格存在错误，见“错误”列表。' })
      ]));
    }
    var audit = p.audit || [];
    if (audit.length) {
      totalBlock.appendChild(el('div', { class: 'audit-note', testid: 'audit-note' }, [
        el('span', { class: 'audit-count', text: '复核 ' + audit.length }),
        ' 处填报数字与计算结果不一致，详见“复核”'
      ]));
    }
    box.appendChild(totalBlock);

    var execBlock = el('div', { class: 'sum-exec' }, [
      el('div', { class: 'sum-label', text: '预算执行率' }),
      el('div', { class: 'exec-line' }, [
        el('span', { class: 'exec-rate num', testid: 'exec-rate', text: ex.rate === null || ex.rate === undefined ? '—' : fmt2(ex.rate) + '%' }),
        el('span', { class: 'exec-score num', testid: 'exec-score' }, [
          '得分 ', el('b', { text: fmt2(ex.score) }), ' / ' + fmtW(ex.weight)
        ])
      ]),
      el('div', { class: 'exec-money' }, [
        '全年预算数 ', el('span', { class: 'num', text: ex.budget === null || ex.budget === undefined ? '—' : String(ex.budget) }),
        ' 万元 · 全年执行数 ', el('span', { class: 'num', text: ex.executed === null || ex.executed === undefined ? '—' : String(ex.executed) }),
        ' 万元'
      ]),
      ex.explanation ? el('div', { class: 'explain', testid: 'exec-explanation', text: ex.explanation }) : null
    ]);
    box.appendChild(execBlock);

    var subs = (p.subtotals || []).filter(function (s) { return !s.level2; });
    if (subs.length) {
      var tbl = el('table', { class: 'sub-table' }, [
        el('thead', null, [el('tr', null, [el('th', { text: '一级指标' }), el('th', { class: 'num', text: '分值' }), el('th', { class: 'num', text: '得分' }), el('th', { class: 'num', text: '扣分' })])])
      ]);
      var tb = el('tbody');
      subs.forEach(function (s) {
        var lost = num(s.weight) - num(s.score);
        tb.appendChild(el('tr', null, [
          el('td', { text: s.level1 }), el('td', { class: 'num', text: fmtW(s.weight) }), el('td', { class: 'num', text: fmt2(s.score) }),
          el('td', { class: 'num' + (lost > 0.004 ? ' lost' : ''), text: lost > 0.004 ? '−' + lost.toFixed(2) : '0' })
        ]));
      });
      tbl.appendChild(tb);
      box.appendChild(el('div', { class: 'sum-subs' }, [tbl]));
    }
    return box;
  }

  function scrollToRow(card, row) {
    var tr = card.querySelector('tr[data-row="' + String(row).replace(/[^0-9]/g, '') + '"]');
    if (!tr) { return; }
    tr.scrollIntoView({ behavior: 'smooth', block: 'center' });
    tr.classList.remove('flash');
    void tr.offsetWidth;
    tr.classList.add('flash');
  }

  function issueItem(issue, cls, card) {
    var li = el('li', { class: cls });
    var label = issue.row !== null && issue.row !== undefined ? '第 ' + issue.row + ' 行' : '全表';
    var tag = el('span', { class: 'issue-row', text: label });
    var msg = issue.message || '';
    if (issue.row !== null && issue.row !== undefined) {
      // 行号已显示在左侧标签中，去掉消息开头重复的“第 N 行”
      var prefix = '第 ' + issue.row + ' 行';
      if (msg.indexOf(prefix) === 0) { msg = msg.slice(prefix.length).replace(/^：/, ''); }
    }
    append(li, [tag, el('span', { class: 'issue-msg', text: msg })]);
    if (issue.row !== null && issue.row !== undefined) {
      li.classList.add('clickable');
      li.setAttribute('tabindex', '0');
      li.setAttribute('role', 'button');
      li.title = '定位到该行';
      li.setAttribute('data-row', String(issue.row));
      var go = function () { scrollToRow(card, issue.row); };
      li.addEventListener('click', go);
      li.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); go(); } });
    }
    return li;
  }

  function renderIssues(p, pi, card) {
    var errors = p.errors || [];
    var warnings = p.warnings || [];
    var box = el('section', { class: 'issues', 'aria-label': '错误与提示' });
    if (!errors.length && !warnings.length) {
      box.appendChild(el('div', { class: 'issues-ok', text: '未发现错误或提示。' }));
      return box;
    }
    if (errors.length) {
      box.appendChild(el('h3', { class: 'issues-title err', text: '错误 ' + errors.length + ' 项（相关指标未能计分）' }));
      var ul = el('ul', { class: 'issue-list', testid: 'errors' });
      errors.forEach(function (e) { ul.appendChild(issueItem(e, 'issue err', card)); });
      box.appendChild(ul);
    }
    if (warnings.length) {
      box.appendChild(el('h3', { class: 'issues-title warn', text: '提示 ' + warnings.length + ' 项' }));
      var wl = el('ul', { class: 'issue-list', testid: 'warnings' });
      warnings.forEach(function (w) { wl.appendChild(issueItem(w, 'issue warn', card)); });
      box.appendChild(wl);
    }
    return box;
  }

  function renderAudit(p, pi, card) {
    var audit = p.audit || [];
    var box = el('section', { class: 'audit', testid: 'audit', 'aria-label': '复核' });
    box.appendChild(el('h3', { class: 'audit-title' }, [
      '复核：表内填报与本工具计算的比对',
      audit.length ? el('span', { class: 'audit-count', testid: 'audit-count', text: String(audit.length) + ' 处不一致' }) : null
    ]));
    if (!audit.length) {
      box.appendChild(el('div', { class: 'audit-empty', text: '没有发现填报数字与计算结果不一致之处。' }));
      return box;
    }
    var tbl = el('table', { class: 'audit-table' }, [
      el('thead', null, [el('tr', null, [
        el('th', { text: '位置 / 指标' }), el('th', { class: 'num', text: '填报' }),
        el('th', { class: 'num', text: '计算' }), el('th', { text: '说明' })
      ])])
    ]);
    var tb = el('tbody');
    audit.forEach(function (f) {
      var where = f.row !== null && f.row !== undefined ? '第 ' + f.row + ' 行' : '全表';
      var tr = el('tr', { testid: 'audit-item' }, [
        el('td', { class: 'where' }, [
          el('div', null, [el('span', { class: 'nowrap', text: where }), f.name ? ' · ' : '', f.name ? el('span', { text: f.name }) : null]),
          el('div', { class: 'kind', text: AUDIT_KIND[f.kind] || f.kind || '' })
        ]),
        el('td', { class: 'num', text: fmt2(f.stated) }),
        el('td', { class: 'num', text: fmt2(f.computed) }),
        el('td', { text: f.message || '' })
      ]);
      if (f.row !== null && f.row !== undefined) {
        tr.classList.add('clickable');
        tr.title = '定位到该行';
        tr.addEventListener('click', function () { scrollToRow(card, f.row); });
      }
      tb.appendChild(tr);
    });
    tbl.appendChild(tb);
    box.appendChild(tbl);
    return box;
  }

  function findSubtotal(p, level1, level2) {
    var subs = p.subtotals || [];
    for (var i = 0; i < subs.length; i++) {
      var s = subs[i];
      if (s.level1 === level1 && (level2 === null ? !s.level2 : s.level2 === level2)) { return s; }
    }
    return null;
  }

  function directionText(r) {
    if (!r.direction) { return '—'; }
    return r.direction + (r.direction_inferred ? '（推断）' : '');
  }

  function renderTable(p, pi) {
    var wrap = el('div', { class: 'table-wrap' });
    var tbl = el('table', { class: 'rows-table', testid: 'rows-table' });
    var cols = el('colgroup', null, [
      el('col', { class: 'c-name' }), el('col', { class: 'c-target' }), el('col', { class: 'c-actual' }),
      el('col', { class: 'c-dir' }), el('col', { class: 'c-w' }), el('col', { class: 'c-s' }),
      el('col', { class: 'c-status' }), el('col', { class: 'c-explain' })
    ]);
    tbl.appendChild(cols);
    tbl.appendChild(el('thead', null, [el('tr', null, [
      el('th', { text: '三级指标' }), el('th', { text: '年度指标值' }), el('th', { text: '实际完成值' }),
      el('th', { class: 'center', text: '方向' }), el('th', { class: 'num', text: '分值' }), el('th', { class: 'num', text: '得分' }),
      el('th', { class: 'center', text: '状态' }), el('th', { text: '计分说明' })
    ])]));
    var tb = el('tbody');

    var ex = p.execution || {};
    tb.appendChild(el('tr', { class: 'exec-row' }, [
      el('td', { text: '预算执行率' }),
      el('td', { colspan: '2', class: 'muted', text: ex.rate === null || ex.rate === undefined ? '未提供预算执行数据' : '执行率 ' + fmt2(ex.rate) + '%' }),
      el('td', { class: 'center', text: '' }),
      el('td', { class: 'num', text: fmtW(ex.weight) }),
      el('td', { class: 'num score', text: fmt2(ex.score) }),
      el('td', { class: 'center', text: '' }),
      el('td', { class: 'explain', text: ex.explanation || '' })
    ]));

    var last1 = null;
    var last2 = null;
    (p.rows || []).forEach(function (r) {
      if (r.level1 !== last1) {
        last1 = r.level1;
        last2 = null;
        tb.appendChild(groupRow(p, r.level1, null, 'g1'));
      }
      if (r.level2 !== last2) {
        last2 = r.level2;
        tb.appendChild(groupRow(p, r.level1, r.level2, 'g2'));
      }
      tb.appendChild(indicatorRow(p, pi, r));
    });

    tb.appendChild(el('tr', { class: 'total-row' }, [
      el('td', { colspan: '4', text: '合计' }),
      el('td', { class: 'num', text: fmtW(p.weight_sum) }),
      el('td', { class: 'num score', text: fmt2(p.total) }),
      el('td', { class: 'center' }, [el('span', { class: 'grade-chip ' + (GRADE_CLASS[p.grade] || ''), text: p.grade || '' })]),
      el('td', { class: 'explain', text: p.provisional ? '暂定：仍有待判定的定性指标' : '' })
    ]));
    tbl.appendChild(tb);
    wrap.appendChild(tbl);
    return wrap;
  }

  function groupRow(p, level1, level2, cls) {
    var s = findSubtotal(p, level1, level2);
    var name = level2 === null ? (level1 || '（未填一级指标）') : (level2 || '（未填二级指标）');
    return el('tr', { class: 'group ' + cls, 'data-level1': level1, 'data-level2': level2 === null ? null : level2 }, [
      el('td', { colspan: '4' }, [el('span', { class: 'g-name', text: name })]),
      el('td', { class: 'num', text: s ? fmtW(s.weight) : '' }),
      el('td', { class: 'num score', text: s ? fmt2(s.score) : '' }),
      el('td', { colspan: '2', class: 'muted', text: s && num(s.weight) - num(s.score) > 0.004 ? '扣 ' + (num(s.weight) - num(s.score)).toFixed(2) + ' 分' : '' })
    ]);
  }

  function indicatorRow(p, pi, r) {
    var status = r.status || 'ok';
    var tr = el('tr', { class: 'ind st-' + status, testid: 'row', 'data-row': String(r.row), 'data-status': status });
    var qual = r.direction === '定性';

    tr.appendChild(el('td', { class: 'name' }, [
      el('div', { text: r.name || '（未填三级指标）' }),
      el('div', { class: 'path', text: [r.level1, r.level2].filter(Boolean).join(' › ') + ' · 第 ' + r.row + ' 行' })
    ]));
    tr.appendChild(el('td', { class: 'target', text: r.target || '' }));
    var actualCell = el('td', { class: 'actual' }, [el('div', { text: r.actual || '' })]);
    if (qual) { actualCell.appendChild(qualControls(pi, r)); }
    tr.appendChild(actualCell);
    tr.appendChild(el('td', { class: 'center dir' + (r.direction_inferred ? ' inferred' : ''), text: directionText(r) }));
    tr.appendChild(el('td', { class: 'num', text: fmtW(r.weight) }));
    var scoreCell = el('td', { class: 'num score', testid: 'row-score', text: status === 'error' ? '—' : fmt2(r.score) });
    tr.appendChild(scoreCell);
    tr.appendChild(el('td', { class: 'center' }, [el('span', { class: 'badge b-' + status, testid: 'status', text: STATUS_LABEL[status] || status })]));
    var ex = el('td', { class: 'explain' });
    if (r.explanation) { ex.appendChild(el('div', { text: r.explanation })); }
    if (r.stated_score !== null && r.stated_score !== undefined) {
      ex.appendChild(el('div', { class: 'muted', text: '表内填报得分 ' + fmt2(r.stated_score) }));
    }
    var rowErrors = (p.errors || []).filter(function (e) { return e.row === r.row; });
    rowErrors.forEach(function (e) { ex.appendChild(el('div', { class: 'row-error', testid: 'row-error', text: e.message })); });
    (r.warnings || []).forEach(function (w) { ex.appendChild(el('div', { class: 'row-warn', text: w })); });
    tr.appendChild(ex);
    return tr;
  }

  function qualControls(pi, r) {
    var edit = findEdit(pi, r.row) || {};
    var box = el('div', { class: 'qual' });
    var sel = el('select', { testid: 'level-select', 'data-key': 'lv-' + pi + '-' + r.row, 'aria-label': '完成情况' });
    var autoLabel;
    if (r.level === '待判定' || r.status === 'pending') { autoLabel = '待判定 — 请选择'; }
    else if (r.level && r.level_inferred) { autoLabel = '推断：' + r.level; }
    else if (r.level) { autoLabel = '表内：' + r.level; }
    else { autoLabel = '自动'; }
    sel.appendChild(el('option', { value: '', text: autoLabel }));
    LEVELS.forEach(function (l) { sel.appendChild(el('option', { value: l, text: l })); });
    sel.value = edit.level && LEVELS.indexOf(edit.level) >= 0 ? edit.level : '';
    sel.addEventListener('change', function () { setEdit(pi, r.row, { level: sel.value || null }); });

    var inp = el('input', {
      type: 'text', inputmode: 'decimal', class: 'score-input', testid: 'score-input',
      'data-key': 'sc-' + pi + '-' + r.row, 'aria-label': '手动得分', placeholder: '得分',
      title: '手动填写得分（须在所选完成情况对应的分数区间内），留空则按默认分值'
    });
    inp.value = edit.score !== undefined && edit.score !== null ? String(edit.score) : '';
    // Enter re-renders, which removes this focused box; Chromium then fires
    // blur and change on it in the middle of that removal. Commit only a
    // value not committed yet, so the change does not re-render a second
    // time inside the first render (which threw from removeChild).
    function commit() {
      var v = inp.value.trim() || null;
      var cur = (findEdit(pi, r.row) || {}).score;
      if ((cur === undefined || cur === null ? null : String(cur)) === v) { return; }
      setEdit(pi, r.row, { score: v });
    }
    inp.addEventListener('change', commit);
    inp.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { ev.preventDefault(); commit(); } });
    append(box, [sel, inp]);
    return box;
  }

  // ---------------------------------------------------------------- 导出

  /** 读取结果加上页面中的判定（与核心 Input::apply_edits 相同：按行号匹配）。 */
  function inputWithEdits() {
    var copy = JSON.parse(JSON.stringify(state.input));
    state.edits.forEach(function (e) {
      var p = copy.projects && copy.projects[e.project];
      if (!p || !p.indicators) { return; }
      p.indicators.forEach(function (ind, i) {
        var key = ind.row !== undefined && ind.row !== null ? ind.row : i + 1;
        if (key !== e.row) { return; }
        if (e.level !== undefined && e.level !== null) { ind.level = e.level; }
        if (e.score !== undefined && e.score !== null) { ind.score = e.score; }
        if (e.weight !== undefined && e.weight !== null) { ind.weight = e.weight; }
      });
    });
    return copy;
  }

  function exportBase() {
    return (state.source === 'file' && state.fileName ? state.fileName.replace(/\.[^.]*$/, '') : '绩效自评表') || '绩效自评表';
  }

  function download(blob, name) {
    if (window.navigator && window.navigator.msSaveBlob) { window.navigator.msSaveBlob(blob, name); return; }
    var a = document.createElement('a');
    a.download = name;
    a.href = URL.createObjectURL(blob);
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); document.body.removeChild(a); }, 1000);
  }

  function exportJson() {
    if (!state.input) { return; }
    var text = JSON.stringify(inputWithEdits(), null, 2);
    download(new Blob([text], { type: 'application/json;charset=utf-8' }), exportBase() + '.jixiao.json');
  }

  // The scores as CSV for Excel/WPS: the core writes it (UTF-8 with BOM,
  // cells that Excel would run as formulas prefixed with an apostrophe).
  function exportCsv() {
    if (!state.input) { return; }
    var bytes;
    var opts = { edits: state.edits };
    if (state.profile) { opts.profile = state.profile; }
    try {
      bytes = window.jixiao.exportCsv(state.input, opts);
    } catch (e) {
      showFileError(errorMessage(e));
      return;
    }
    download(new Blob([bytes], { type: 'text/csv;charset=utf-8' }), exportBase() + '.评分结果.csv');
  }

  // ---------------------------------------------------------------- 拖放

  function setupDrop() {
    var overlay = $('drop-overlay');
    var depth = 0;
    function hasFiles(ev) {
      var dt = ev.dataTransfer;
      if (!dt || !dt.types) { return false; }
      for (var i = 0; i < dt.types.length; i++) { if (dt.types[i] === 'Files') { return true; } }
      return false;
    }
    document.addEventListener('dragenter', function (ev) {
      if (!hasFiles(ev)) { return; }
      ev.preventDefault();
      depth++;
      overlay.hidden = false;
    });
    document.addEventListener('dragover', function (ev) {
      if (!hasFiles(ev)) { return; }
      ev.preventDefault();
      ev.dataTransfer.dropEffect = 'copy';
    });
    document.addEventListener('dragleave', function (ev) {
      if (!hasFiles(ev)) { return; }
      depth = Math.max(0, depth - 1);
      if (!depth) { overlay.hidden = true; }
    });
    document.addEventListener('drop', function (ev) {
      depth = 0;
      overlay.hidden = true;
      if (!ev.dataTransfer || !ev.dataTransfer.files || !ev.dataTransfer.files.length) { return; }
      ev.preventDefault();
      loadFile(ev.dataTransfer.files[0]);
    });
  }

  // ---------------------------------------------------------------- 启动

  function setReadyNote(text, bad) {
    var n = $('ready-state');
    n.textContent = text;
    n.className = 'topbar-note' + (bad ? ' bad' : '');
  }

  function init() {
    var ta = $('input');
    ta.addEventListener('input', useText);
    $('file').addEventListener('change', function () {
      var f = $('file').files && $('file').files[0];
      if (f) { loadFile(f); }
    });
    $('encoding').addEventListener('change', function () {
      state.encoding = $('encoding').value;
      renderSource();
      if (state.source === 'file' && state.fileBytes) { rescore(true); }
      else { save(); }
    });
    $('profile').addEventListener('change', function () {
      state.profile = $('profile').value;
      renderProfile();
      rescore(false);
    });
    $('sample').addEventListener('click', loadSample);
    $('clear-storage').addEventListener('click', clearAll);
    $('export-json').addEventListener('click', exportJson);
    $('export-csv').addEventListener('click', exportCsv);
    $('print').addEventListener('click', function () { window.print(); });
    setupDrop();
    window.addEventListener('beforeunload', function () { save.flush(); });
    window.addEventListener('pagehide', function () { save.flush(); });

    var restored = restore();
    $('encoding').value = state.encoding;
    renderSource();

    if (!window.jixiao || !window.jixiao.ready) {
      setReadyNote('评分引擎缺失：本页面不完整，请使用完整的 jixiao.html', true);
      showFileError('评分引擎未能加载（页面文件不完整）。已输入的内容仍保留在粘贴框中。');
      return;
    }
    Promise.resolve(window.jixiao.ready).then(function () {
      state.ready = true;
      try { state.profiles = window.jixiao.profiles() || []; } catch (e) { state.profiles = []; }
      renderProfileSelect();
      renderProfile();
      renderFooter();
      setReadyNote('评分引擎已就绪 · 离线');
      if (restored) { rescore(true); }
      if (restored && storageOk) { setStorageNote('已恢复上次的输入。'); }
    }, function (e) {
      setReadyNote('评分引擎加载失败', true);
      showFileError('评分引擎加载失败：' + errorMessage(e) + '。请确认使用极速模式打开。');
    });
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); }
  else { init(); }
})();
