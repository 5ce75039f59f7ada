/*
 * The Levels page: viewers by XP, points or last activity, found by name, with their level and streak and a way to give
 * points; and how viewers earn XP and points, the level curve and the level names. Names come from TikTok: textContent.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var api = LTTH.api;
  var el = LTTH.el;
  var $ = function (id) { return document.getElementById(id); };
  var form = $('levels-config');
  var NUMBERS = ['chatXp', 'chatCooldownSeconds', 'shareXp', 'followXp', 'joinXp', 'xpPerCoin', 'capPer5Minutes',
    'capPerHour', 'pointsPerXp', 'dailyBonus', 'streakBonus', 'levelBase', 'levelExponent'];
  var timer = null;

  function buildForm() {
    var box = $('levels-fields');
    NUMBERS.forEach(function (name) {
      var wrap = el('div', 'col-md-6');
      var input = el('input', 'form-control form-control-sm');
      input.type = 'number';
      input.step = name === 'pointsPerXp' || name === 'levelExponent' ? '0.1' : '1';
      input.name = name;
      input.id = 'xp-' + name;
      var label = el('label', 'form-label small mb-0', t('levels.f.' + name));
      label.htmlFor = input.id;
      var error = el('div', 'invalid-feedback');
      error.setAttribute('data-error', name);
      wrap.append(label, input, error);
      box.appendChild(wrap);
    });
    var names = el('div', 'col-12');
    var area = el('textarea', 'form-control form-control-sm');
    area.name = 'levelNames';
    area.id = 'xp-levelNames';
    area.rows = 4;
    area.placeholder = '1 | Newcomer';
    var label = el('label', 'form-label small mb-0', t('levels.f.levelNames'));
    label.htmlFor = area.id;
    var error = el('div', 'invalid-feedback');
    error.setAttribute('data-error', 'levelNames');
    names.append(label, area, error);
    box.appendChild(names);
    var answer = el('div', 'col-12');
    var select = el('select', 'form-select form-select-sm');
    select.name = 'rankAnswer';
    select.id = 'xp-rankAnswer';
    ['both', 'card', 'speech'].forEach(function (v) {
      var o = el('option', '', t('levels.rankAnswer.' + v));
      o.value = v;
      select.appendChild(o);
    });
    var answerLabel = el('label', 'form-label small mb-0', t('levels.f.rankAnswer'));
    answerLabel.htmlFor = select.id;
    answer.append(answerLabel, select);
    box.appendChild(answer);
  }

  function fill(c) {
    NUMBERS.forEach(function (n) { form.elements[n].value = c[n]; });
    form.elements.rankAnswer.value = c.rankAnswer;
    form.elements.levelNames.value = Object.keys(c.levelNames).map(function (level) {
      return level + ' | ' + c.levelNames[level];
    }).join('\n');
  }

  function collect() {
    var out = { rankAnswer: form.elements.rankAnswer.value };
    NUMBERS.forEach(function (n) { out[n] = Number(form.elements[n].value); });
    out.levelNames = {};
    LTTH.lines(form.elements.levelNames.value).forEach(function (line) {
      var bar = line.indexOf('|');
      if (bar > 0) out.levelNames[line.slice(0, bar).trim()] = line.slice(bar + 1).trim();
      else out.levelNames[line] = '';
    });
    return out;
  }

  function row(v) {
    var tr = el('tr');
    tr.setAttribute('data-handle', v.handle);
    var who = el('td');
    who.append(el('span', 'fw-semibold', v.nickname), el('span', 'text-body-secondary ms-1', '@' + v.handle));
    var give = el('form', 'input-group input-group-sm');
    give.noValidate = true;
    var amount = el('input', 'form-control');
    amount.type = 'number';
    amount.name = 'add';
    amount.value = '10';
    amount.setAttribute('aria-label', t('levels.givePoints'));
    amount.style.maxWidth = '6em';
    var button = el('button', 'btn btn-outline-primary', t('levels.give'));
    button.type = 'submit';
    give.append(amount, button);
    give.addEventListener('submit', function (e) {
      e.preventDefault();
      api('POST', '/api/viewers/' + encodeURIComponent(v.handle) + '/points', { add: Number(amount.value) }).then(function (after) {
        LTTH.say(t('levels.given', { name: v.nickname, points: LTTH.i18n.number(after.points) }), true);
        load();
      }).catch(function (err) { LTTH.say(err.message); });
    });
    var giveCell = el('td');
    giveCell.appendChild(give);
    tr.append(who, el('td', '', t('levels.levelIs', { level: LTTH.i18n.number(v.level), name: v.levelName })),
      el('td', 'text-end', LTTH.i18n.number(v.xp)), el('td', 'text-end', LTTH.i18n.number(v.points)),
      el('td', 'text-end', LTTH.i18n.number(v.streakDays)), giveCell);
    return tr;
  }

  function load() {
    var q = encodeURIComponent($('levels-search').value.trim());
    return api('GET', '/api/viewers?limit=100&sort=' + $('levels-sort').value + '&q=' + q).then(function (r) {
      var list = $('levels-list');
      list.replaceChildren.apply(list, r.viewers.map(row));
      if (!r.viewers.length) {
        var empty = el('tr');
        var cell = el('td', 'text-body-secondary', t('levels.none'));
        cell.colSpan = 6;
        empty.appendChild(cell);
        list.appendChild(empty);
      }
    }).catch(function (err) { LTTH.say(err.message); });
  }

  LTTH.i18n.init().then(function () {
    buildForm();
    LTTH.submit(form, function () {
      return api('PUT', '/api/xp/config', collect()).then(function (c) { fill(c); LTTH.say(t('levels.saved'), true); load(); });
    });
    api('GET', '/api/xp/config').then(fill).catch(function (err) { LTTH.say(err.message); });
    $('levels-search').addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(load, 250); });
    $('levels-sort').addEventListener('change', load);
    load();
  });
})();
