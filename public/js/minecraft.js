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
  var state = null;
  var clock;

  var M = LTTH.mappings;

  /** The mod's action and its parameters (name = value, one a line) of mapping m. */
  function row(m, i) {
    return M.row('mc', m, i, function () {
      return [M.field('mc', 'text', 'action', m.action || '', i, { list: 'mc-action-names', maxlength: '64', placeholder: 'spawn_entity' }, 'col-md-3'),
        M.field('mc', 'textarea', 'params', Object.keys(m.params || {}).map(function (k) { return k + ' = ' + m.params[k]; }).join('\n'), i,
          { placeholder: 'entity = creeper\nname = {nickname}' }, 'col-md-4')];
    });
  }

  function mappingOf(box) {
    var m = M.read(box);
    m.action = box.querySelector('[name="action"]').value.trim();
    m.params = {};
    LTTH.lines(box.querySelector('[name="params"]').value).forEach(function (line) {
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

  /** One of the mod's actions, with its Test button. */
  function modAction(a) {
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
    LTTH.replaceWhenChanged($('mc-mod-actions'), s.actions, function () { return s.actions.map(modAction); });
    LTTH.replaceWhenChanged($('mc-action-names'), s.actions, function () {
      return s.actions.map(function (a) {
        var opt = el('option');
        opt.value = a.name;
        return opt;
      });
    });
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
      M.renumber($('mc-rows'));
      var rows = Array.prototype.slice.call($('mc-rows').children);
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
