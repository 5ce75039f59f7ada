/*
 * The Timers page: every timer with its time (counted here from what LTTH sends on change), start, pause, reset,
 * a minute more or less, its overlay address in each template; a form to create or edit one, its rules as lines:
 * "gift Rose +10", "coins +1", "likes 100 +5", "follow +30", "share +10", "subscribe +60", "command addtime +60",
 * "=600" instead of "+600" sets the time.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var api = LTTH.api;
  var el = LTTH.el;
  var $ = function (id) { return document.getElementById(id); };
  var form = $('timer-form');
  var MODES = ['countdown', 'countup', 'stopwatch', 'loop', 'interval'];
  var TEMPLATES = ['plain', 'bar', 'circle', 'minimal', 'big'];
  var timers = {};   // id -> the timer as LTTH sent it, with the clock offset

  var clock = LTTH.timerClock;

  function ruleText(r) {
    var what = r.on === 'gift' ? 'gift ' + r.gift : r.on === 'likes' ? 'likes ' + r.every : r.on === 'command' ? 'command ' + r.command : r.on;
    return what + ' ' + (r.set ? '=' : r.seconds >= 0 ? '+' : '') + r.seconds;
  }

  /** "gift Heart Me +10" -> {on: gift, gift: "Heart Me", seconds: 10}; unreadable lines go as written, for the server to refuse. */
  function parseRule(line) {
    var parts = line.trim().split(/\s+/);
    var amount = parts.pop();
    var on = parts.shift();
    var rest = parts.join(' ');
    var rule = { on: on, seconds: Number(amount.replace(/^[=+]/, '')), set: amount.charAt(0) === '=' };
    if (on === 'gift') rule.gift = rest;
    if (on === 'likes') rule.every = Number(rest);
    if (on === 'command') rule.command = rest;
    return rule;
  }

  function button(label, css, onClick) {
    var b = el('button', 'btn btn-sm ' + css, label);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function act(id, action, body) {
    return api('POST', '/api/timers/' + encodeURIComponent(id) + '/' + action, body).then(take)
      .catch(function (err) { LTTH.say(err.message); });
  }

  function row(x) {
    var box = el('div', 'border rounded p-2 d-flex flex-wrap align-items-center gap-2 timer-row');
    box.setAttribute('data-timer', x.id);
    var head = el('div', 'me-auto');
    head.append(el('strong', '', x.name), el('span', 'text-body-secondary small ms-2 timer-state'));
    var time = el('span', 'fs-4 font-monospace timer-time');
    box.append(head, time,
      button('', 'btn-primary timer-toggle', function () {
        act(x.id, timers[x.id].state === 'running' ? 'pause' : 'start');
      }),
      button(t('timers.reset'), 'btn-outline-secondary', function () { act(x.id, 'reset'); }),
      button(t('timers.plusMinute'), 'btn-outline-success', function () { act(x.id, 'add', { seconds: 60 }); }),
      button(t('timers.minusMinute'), 'btn-outline-warning', function () { act(x.id, 'add', { seconds: -60 }); }),
      button(t('timers.edit'), 'btn-outline-secondary', function () { edit(timers[x.id]); }),
      button(t('timers.delete'), 'btn-outline-danger', function () {
        api('DELETE', '/api/timers/' + encodeURIComponent(x.id)).then(function () { delete timers[x.id]; render(); })
          .catch(function (err) { LTTH.say(err.message); });
      }));
    var links = el('div', 'w-100 input-group input-group-sm');
    var url = el('input', 'form-control font-monospace');
    url.readOnly = true;
    url.value = location.origin + '/overlays/timer.html?id=' + encodeURIComponent(x.id);
    url.setAttribute('aria-label', t('timers.overlay'));
    var copy = el('button', 'btn btn-outline-primary', t('overlay.copy'));
    copy.type = 'button';
    LTTH.copyButton(copy, url);
    links.append(el('span', 'input-group-text', t('timers.overlay')), url, copy);
    box.appendChild(links);
    return box;
  }

  function render() {
    var list = $('timer-list');
    var all = Object.keys(timers).map(function (id) { return timers[id]; });
    list.replaceChildren.apply(list, all.map(row));
    if (!all.length) list.appendChild(el('p', 'text-body-secondary small mb-0', t('timers.empty')));
    tick();
  }

  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  /** Time, state and the Start/Pause label of every row, in place: a rebuilt row would lose a click in progress. */
  function tick() {
    document.querySelectorAll('.timer-row').forEach(function (box) {
      var x = timers[box.getAttribute('data-timer')];
      if (!x) return;
      setText(box.querySelector('.timer-time'), clock.format(clock.valueNow(x, x.offset)));
      setText(box.querySelector('.timer-state'), t('timers.mode.' + x.mode) + ' · ' + t('timers.state.' + x.state));
      setText(box.querySelector('.timer-toggle'), x.state === 'running' ? t('timers.pause') : t('timers.start'));
    });
  }

  function take(x) {
    var before = timers[x.id];
    x.offset = x.serverNow - Date.now();
    timers[x.id] = x;
    if (!before || before.name !== x.name) render(); else tick();
  }

  function edit(x) {
    form.elements.id.value = x.id;
    form.elements.name.value = x.name;
    form.elements.mode.value = x.mode;
    form.elements.minutes.value = x.seconds / 60;
    form.elements.breakMinutes.value = x.breakSeconds / 60;
    form.elements.capMinutes.value = x.capSeconds / 60;
    form.elements.template.value = x.template;
    form.elements.rules.value = x.rules.map(ruleText).join('\n');
    form.elements.likeSpeed.value = x.likeSpeed ? x.likeSpeed.likes + ' ' + (x.likeSpeed.step >= 0 ? '+' : '') + x.likeSpeed.step : '';
    $('timer-form-title').textContent = t('timers.editing', { name: x.name });
  }

  function clear() {
    form.reset();
    form.elements.id.value = '';
    $('timer-form-title').textContent = t('timers.new');
    LTTH.fieldErrors(form, null);
  }

  function collect() {
    var f = form.elements;
    var body = { name: f.name.value.trim(), mode: f.mode.value, seconds: Math.round(Number(f.minutes.value || 0) * 60),
      breakSeconds: Math.round(Number(f.breakMinutes.value || 0) * 60), capSeconds: Math.round(Number(f.capMinutes.value || 0) * 60),
      template: f.template.value, rules: LTTH.lines(f.rules.value).map(parseRule) };
    var speed = f.likeSpeed.value.trim().split(/\s+/);
    body.likeSpeed = speed[0] ? { likes: Number(speed[0]), step: Number(speed[1] || 0.1) } : null;
    return body;
  }

  LTTH.i18n.init().then(function () {
    MODES.forEach(function (m) { var o = el('option', '', t('timers.mode.' + m)); o.value = m; form.elements.mode.appendChild(o); });
    TEMPLATES.forEach(function (m) { var o = el('option', '', t('timers.template.' + m)); o.value = m; form.elements.template.appendChild(o); });
    LTTH.submit(form, function () {
      var id = form.elements.id.value;
      return api(id ? 'PUT' : 'POST', id ? '/api/timers/' + encodeURIComponent(id) : '/api/timers', collect()).then(function (x) {
        take(x);
        render();
        LTTH.say(t('timers.saved', { name: x.name }), true);
        clear();
      });
    });
    $('timer-form-clear').addEventListener('click', clear);
    api('GET', '/api/timers').then(function (r) { r.timers.forEach(take); render(); }).catch(function (err) { LTTH.say(err.message); });
    LTTH.connect({ on: { 'timer:update': take, 'timer:removed': function (m) { delete timers[m.id]; render(); } } });
    setInterval(tick, 250);
  });
})();
