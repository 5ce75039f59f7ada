/*
 * The Minecraft page: the bridge on and off (plugin minecraft), its address for the mod, whether the game is
 * connected and what it offers, the mappings from live events to its actions (one row each), the limits, and what
 * went to the game lately, live through minecraft:status.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var i18n = LTTH.i18n;
  var api = LTTH.api;
  var el = LTTH.el;
  var $ = function (id) { return document.getElementById(id); };
  var form = $('mc-config');
  var ON = ['gift', 'follow', 'share', 'subscribe', 'chat', 'likes'];
  var state = null;
  var clock;

  function input(type, name, value, i, attrs) {
    var wrap = el('div', name === 'params' ? 'col-md-4' : name === 'action' ? 'col-md-3' : 'col-md-2');
    var id = 'mc-' + i + '-' + name;
    var label = el('label', 'form-label small mb-0', t('mc.f.' + name));
    label.htmlFor = id;
    var field = el(type === 'textarea' ? 'textarea' : 'input', 'form-control form-control-sm');
    if (type !== 'textarea') field.type = type;
    if (type === 'textarea') field.rows = 2;
    field.id = id;
    field.name = name;
    field.value = value;
    Object.keys(attrs || {}).forEach(function (k) { field.setAttribute(k, attrs[k]); });
    var error = el('div', 'invalid-feedback');
    error.setAttribute('data-error', 'mappings[' + i + '].' + name);
    wrap.append(label, field, error);
    return wrap;
  }

  function row(m, i) {
    var box = el('div', 'row g-2 align-items-end border rounded p-2 mc-mapping');
    box.setAttribute('data-mapping', String(i));
    var onWrap = el('div', 'col-md-2');
    var onLabel = el('label', 'form-label small mb-0', t('mc.f.on'));
    onLabel.htmlFor = 'mc-' + i + '-on';
    var on = el('select', 'form-select form-select-sm');
    on.id = 'mc-' + i + '-on';
    on.name = 'on';
    ON.forEach(function (o) {
      var opt = el('option', '', t('mc.on.' + o));
      opt.value = o;
      on.append(opt);
    });
    on.value = m.on || 'gift';
    onWrap.append(onLabel, on);
    var gift = input('text', 'gift', m.gift || '', i, { maxlength: '60' });
    var minCoins = input('number', 'minCoins', m.minCoins || 0, i, { min: '0' });
    var likes = input('number', 'likes', m.likes || 100, i, { min: '1' });
    var text = input('text', 'text', m.text || '', i, { maxlength: '100', placeholder: '!creeper' });
    var action = input('text', 'action', m.action || '', i, { list: 'mc-action-names', maxlength: '64', placeholder: 'spawn_entity' });
    var params = input('textarea', 'params', Object.keys(m.params || {}).map(function (k) { return k + ' = ' + m.params[k]; }).join('\n'), i,
      { placeholder: 'entity = creeper\nname = {nickname}' });
    var end = el('div', 'col-md-1 d-flex flex-column gap-1');
    var enabled = el('input', 'form-check-input');
    enabled.type = 'checkbox';
    enabled.name = 'enabled';
    enabled.checked = m.enabled !== false;
    enabled.setAttribute('aria-label', t('mc.f.enabled'));
    var remove = el('button', 'btn btn-sm btn-outline-danger', '×');
    remove.type = 'button';
    remove.setAttribute('aria-label', t('mc.remove'));
    remove.addEventListener('click', function () { box.remove(); });
    end.append(enabled, remove);
    function shape() {
      gift.hidden = minCoins.hidden = on.value !== 'gift';
      likes.hidden = on.value !== 'likes';
      text.hidden = on.value !== 'chat';
    }
    on.addEventListener('change', shape);
    shape();
    box.append(onWrap, gift, minCoins, likes, text, action, params, end);
    return box;
  }

  function mappingOf(box) {
    var q = function (n) { return box.querySelector('[name="' + n + '"]'); };
    var m = { on: q('on').value, action: q('action').value.trim(), enabled: q('enabled').checked, params: {} };
    if (m.on === 'gift') { m.gift = q('gift').value.trim(); m.minCoins = Number(q('minCoins').value || 0); }
    if (m.on === 'likes') m.likes = Number(q('likes').value || 0);
    if (m.on === 'chat') m.text = q('text').value.trim();
    LTTH.lines(q('params').value).forEach(function (line) {
      var at = line.indexOf('=');
      if (at > 0) m.params[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    });
    return m;
  }

  function fill(c) {
    var f = form.elements;
    f.perMinute.value = c.perMinute;
    f.gapMillis.value = c.gapMillis;
    f.queueMax.value = c.queueMax;
    f.overlay.checked = c.overlay;
    $('mc-rows').replaceChildren.apply($('mc-rows'), c.mappings.map(function (m, i) {
      return row(m, i);
    }));
  }

  function show(s) {
    state = s;
    var on = s.active && s.listening;
    var badge = $('mc-state');
    var key = !on ? 'off' : s.connected ? 'connected' : 'waiting';
    badge.textContent = t('mc.state.' + key);
    badge.className = 'badge ms-auto ' + (key === 'connected' ? 'text-bg-success' : key === 'waiting' ? 'text-bg-warning' : 'text-bg-secondary');
    badge.setAttribute('data-state', key);
    $('mc-toggle').textContent = t(s.active ? 'mc.turnOff' : 'mc.turnOn');
    $('mc-toggle').className = 'btn btn-sm ' + (s.active ? 'btn-outline-danger' : 'btn-primary');
    $('mc-problem').classList.toggle('d-none', !s.error);
    $('mc-problem').textContent = s.error ? t('mc.error.' + s.error, { port: String(s.port) }) : '';
    $('mc-url').value = s.url;
    $('mc-counts').textContent = t('mc.counts', { sent: i18n.number(s.sent), waiting: i18n.number(s.waiting),
      dropped: i18n.number(s.dropped + s.expired + s.failed) });
    $('mc-no-mod').classList.toggle('d-none', s.actions.length > 0);
    $('mc-mod-actions').replaceChildren.apply($('mc-mod-actions'), s.actions.map(function (a) {
      var item = el('li', 'list-group-item d-flex gap-2 align-items-center');
      item.setAttribute('data-mod-action', a.name);
      var text = el('div', 'me-auto');
      text.append(el('strong', '', a.name), el('div', 'text-body-secondary', a.params.join(', ')));
      var test = el('button', 'btn btn-sm btn-outline-primary', t('mc.test'));
      test.type = 'button';
      test.addEventListener('click', function () {
        api('POST', '/api/minecraft/run', { action: a.name }).then(function () {
          LTTH.say(t('mc.queued', { action: a.name }), true);
        }).catch(function (err) { LTTH.say(err.message); });
      });
      item.append(text, test);
      return item;
    }));
    $('mc-action-names').replaceChildren.apply($('mc-action-names'), s.actions.map(function (a) {
      var opt = el('option');
      opt.value = a.name;
      return opt;
    }));
    $('mc-recent').replaceChildren.apply($('mc-recent'), s.recent.map(function (r) {
      var ok = r.result === 'ok';
      var item = el('li', 'list-group-item d-flex gap-2');
      item.append(el('span', 'text-body-secondary', clock.format(new Date(r.at))), el('strong', '', r.action),
        el('span', 'text-truncate', r.user || ''), el('span', ok ? 'text-success ms-auto' : 'text-danger ms-auto', ok ? t('mc.sentOk') : r.result));
      return item;
    }));
  }

  i18n.init().then(function () {
    clock = new Intl.DateTimeFormat(i18n.language(), { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    LTTH.copyButton($('mc-copy'), $('mc-url'));
    $('mc-add').addEventListener('click', function () {
      $('mc-rows').append(row({ on: 'gift', enabled: true }, $('mc-rows').children.length));
    });
    $('mc-toggle').addEventListener('click', function () {
      var on = !(state && state.active);
      api('POST', '/api/plugins/minecraft/' + (on ? 'enable' : 'disable')).catch(function (err) { LTTH.say(err.message); });
    });
    LTTH.submit(form, function () {
      var f = form.elements;
      var rows = Array.prototype.slice.call($('mc-rows').children);
      rows.forEach(function (box, i) {   // rows removed in between: the server's mappings[i] is the i-th row now
        box.setAttribute('data-mapping', String(i));
        box.querySelectorAll('[data-error]').forEach(function (e) {
          e.setAttribute('data-error', e.getAttribute('data-error').replace(/^mappings\[\d+\]/, 'mappings[' + i + ']'));
        });
      });
      return api('PUT', '/api/minecraft/config', { perMinute: Number(f.perMinute.value), gapMillis: Number(f.gapMillis.value),
        queueMax: Number(f.queueMax.value), overlay: f.overlay.checked, mappings: rows.map(mappingOf) }).then(function (c) {
        fill(c);
        LTTH.say(t('mc.saved'), true);
      });
    });
    api('GET', '/api/minecraft/config').then(fill);
    api('GET', '/api/minecraft').then(show).catch(function (err) { LTTH.say(err.message); });
    LTTH.connect({ types: [], on: { 'minecraft:status': show } });
  });
})();
