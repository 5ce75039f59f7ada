/*
 * The Logs page: LTTH's log as it is written (asked for once a second, never while paused), filtered by level, part
 * and text; each part's level switchable until the next start; the log files to download and the bug-report zip.
 * Every line is shown as text: viewer names and chat in log lines stay words.
 */
(function () {
  'use strict';
  var api = LTTH.api;
  var i18n = LTTH.i18n;
  var t = i18n.t;
  var $ = function (id) { return document.getElementById(id); };
  var KEEP = 2000;                 // lines kept on the page, as many as LTTH keeps
  var lines = [];
  var last = 0;
  var paused = false;
  var timer = null;

  function partName(part) { return i18n.has('logs.part.' + part) ? t('logs.part.' + part) : part; }
  function levelName(level) { return t('logs.level.' + level.toLowerCase()); }

  function matches(line) {
    var level = $('log-level-filter').value;
    var part = $('log-part-filter').value;
    var text = $('log-search').value.trim().toLowerCase();
    return (!level || line.level === level) && (!part || line.part === part)
      && (!text || line.message.toLowerCase().indexOf(text) >= 0 || line.logger.toLowerCase().indexOf(text) >= 0);
  }

  function row(line) {
    var r = LTTH.el('div', 'log-line');
    r.setAttribute('data-level', line.level);
    r.setAttribute('data-part', line.part);
    r.appendChild(LTTH.el('span', 'log-time', new Date(line.time).toLocaleTimeString(i18n.language())));
    r.appendChild(LTTH.el('span', 'log-level', levelName(line.level)));
    r.appendChild(LTTH.el('span', 'log-part', partName(line.part)));
    r.appendChild(LTTH.el('span', 'log-message', line.logger + ': ' + line.message));
    return r;
  }

  function showCount() {
    $('log-count').textContent = t('logs.count', { shown: $('log-lines').childElementCount, all: lines.length });
  }

  function append(added) {
    var box = $('log-lines');
    var atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
    var fragment = document.createDocumentFragment();
    added.forEach(function (line) { if (matches(line)) fragment.appendChild(row(line)); });
    box.appendChild(fragment);
    while (box.childElementCount > KEEP) box.removeChild(box.firstChild);
    if (atBottom) box.scrollTop = box.scrollHeight;
    showCount();
  }

  function redraw() {
    $('log-lines').replaceChildren();
    append(lines);
  }

  function poll() {
    timer = null;
    if (paused) return;
    api('GET', '/api/logs/lines?after=' + last).then(function (answer) {
      if (answer.lines.length) {
        last = answer.lines[answer.lines.length - 1].seq;
        lines = lines.concat(answer.lines);
        if (lines.length > KEEP) lines = lines.slice(lines.length - KEEP);
        append(answer.lines);
      }
    }).catch(function () { /* LTTH unreachable: the header says so; try again */ })
      .then(function () { if (!paused && !timer) timer = setTimeout(poll, 1000); });
  }

  function setupLevels(info) {
    var box = $('log-levels');
    box.replaceChildren();
    info.parts.forEach(function (part) {
      var col = LTTH.el('div', 'col-sm-6 col-lg-4');
      var label = LTTH.el('label', 'form-label small mb-0', partName(part));
      var select = LTTH.el('select', 'form-select form-select-sm');
      select.id = 'log-level-' + part;
      label.htmlFor = select.id;
      info.levelNames.forEach(function (level) {
        var o = LTTH.el('option', null, levelName(level));
        o.value = level;
        select.appendChild(o);
      });
      select.value = info.levels[part];
      select.addEventListener('change', function () {
        var body = {};
        body[part] = select.value;
        api('PUT', '/api/logs/levels', body).then(function (answer) {
          select.value = answer.levels[part];
          LTTH.say(t('logs.levelSet', { part: partName(part), level: levelName(select.value) }), 'success');
        }).catch(function (e) { LTTH.say(e.message); });
      });
      col.appendChild(label);
      col.appendChild(select);
      box.appendChild(col);
    });
    var filter = $('log-part-filter');
    info.parts.concat(['other']).forEach(function (part) {
      var o = LTTH.el('option', null, partName(part));
      o.value = part;
      filter.appendChild(o);
    });
  }

  function showFiles(files) {
    var list = $('log-files');
    list.replaceChildren();
    if (!files.length) list.appendChild(LTTH.el('li', 'text-body-secondary', t('logs.noFiles')));
    files.forEach(function (f) {
      var li = LTTH.el('li', 'd-flex gap-2');
      var a = LTTH.el('a', null, f.name);
      a.href = '/api/logs/' + encodeURIComponent(f.name);
      a.setAttribute('download', f.name);
      li.appendChild(a);
      li.appendChild(LTTH.el('span', 'text-body-secondary', t('logs.fileSize', { kb: Math.max(1, Math.round(f.size / 1024)) })
        + ' · ' + new Date(f.modified).toLocaleString(i18n.language())));
      list.appendChild(li);
    });
  }

  function report() {
    var button = $('log-report');
    var state = $('log-report-state');
    button.disabled = true;
    state.className = 'small mb-2 text-body-secondary';
    state.textContent = t('logs.reportPreparing');
    fetch('/api/logs/report', { method: 'POST' }).then(function (r) {
      if (!r.ok) throw new Error(t('logs.reportFailed'));
      var name = (/filename="([^"]+)"/.exec(r.headers.get('Content-Disposition') || '') || [])[1] || 'ltth-report.zip';
      return r.blob().then(function (blob) {
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = name;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 60000);
        state.className = 'small mb-2 text-success';
        state.textContent = t('logs.reportReady', { name: name });
      });
    }).catch(function (e) {
      state.className = 'small mb-2 text-danger';
      state.textContent = e.message === 'Failed to fetch' ? t('logs.reportFailed') : e.message;
    }).then(function () { button.disabled = false; });
  }

  ['log-level-filter', 'log-part-filter'].forEach(function (id) { $(id).addEventListener('change', redraw); });
  $('log-search').addEventListener('input', redraw);
  $('log-pause').addEventListener('click', function () {
    paused = !paused;
    $('log-pause').setAttribute('aria-pressed', String(paused));
    $('log-pause').textContent = t(paused ? 'logs.resume' : 'logs.pause');
    $('log-pause').classList.toggle('active', paused);
    if (!paused) poll();
  });
  $('log-report').addEventListener('click', report);

  api('GET', '/api/logs').then(function (info) {
    setupLevels(info);
    showFiles(info.files);
  }).catch(function (e) { LTTH.say(e.message); });
  poll();
})();
