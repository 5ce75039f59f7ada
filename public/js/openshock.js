/*
 * The OpenShock page: the emergency stop (also Shift+Escape on every dashboard page), the API token, on and off
 * (plugin openshock), the account's shockers, the hard limits, the mappings from live events, the patterns (one a
 * line: "Name: type intensity ms [pause ms], ..."), and the log of every command, live through openshock:status.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var i18n = LTTH.i18n;
  var api = LTTH.api;
  var el = LTTH.el;
  var M = LTTH.mappings;
  var $ = function (id) { return document.getElementById(id); };
  var form = $('os-config');
  var LIMITS = ['maxIntensity', 'maxDurationMs', 'dailyShockSeconds', 'cooldownSeconds', 'userCooldownSeconds'];
  var state = null;
  var shockers = [];
  var clock;

  function types() {
    return ['vibrate', 'shock', 'sound'].map(function (x) { return [x, t('openshock.type.' + x)]; });
  }

  function row(m, i) {
    return M.row('openshock', m, i, function () {
      var targets = [['all', t('openshock.allShockers')]].concat(shockers.map(function (s) { return [s.id, s.name]; }));
      if (m.shocker && m.shocker !== 'all' && !shockers.some(function (s) { return s.id === m.shocker; })) targets.push([m.shocker, m.shocker]);
      return [M.field('openshock', targets, 'shocker', m.shocker || 'all', i),
        M.field('openshock', types(), 'type', m.type || 'vibrate', i),
        M.field('openshock', 'number', 'intensity', m.intensity || 20, i, { min: '1', max: '100' }, 'col-md-1'),
        M.field('openshock', 'number', 'durationMs', m.durationMs || 1000, i, { min: '300', max: '30000', step: '100' }),
        M.field('openshock', 'text', 'pattern', m.pattern || '', i, { maxlength: '40' })];
    });
  }

  function mappingOf(box) {
    var m = M.read(box);
    var q = function (n) { return box.querySelector('[name="' + n + '"]'); };
    m.shocker = q('shocker').value;
    m.type = q('type').value;
    m.intensity = Number(q('intensity').value);
    m.durationMs = Number(q('durationMs').value);
    m.pattern = q('pattern').value.trim();
    return m;
  }

  /** "Pulse: vibrate 30 500 200, shock 10 300" per line, as the server's patterns. */
  function patternsOf(text) {
    return LTTH.lines(text).map(function (line) {
      var at = line.indexOf(':');
      var steps = (at < 0 ? '' : line.slice(at + 1)).split(',').map(function (s) { return s.trim().split(/\s+/); })
        .filter(function (p) { return p[0]; }).map(function (p) {
          return { type: p[0], intensity: Number(p[1]), durationMs: Number(p[2]), pauseMs: Number(p[3] || 0) };
        });
      return { name: (at < 0 ? line : line.slice(0, at)).trim(), steps: steps };
    });
  }

  function patternsText(patterns) {
    return patterns.map(function (p) {
      return p.name + ': ' + p.steps.map(function (s) {
        return [s.type, s.intensity, s.durationMs].concat(s.pauseMs ? [s.pauseMs] : []).join(' ');
      }).join(', ');
    }).join('\n');
  }

  function fill(c) {
    LIMITS.forEach(function (k) { form.elements[k].value = c.limits[k]; });
    $('os-patterns').value = patternsText(c.patterns);
    $('os-rows').replaceChildren.apply($('os-rows'), c.mappings.map(row));
  }

  function show(s) {
    state = s;
    shockers = s.shockers;
    var key = s.stopped ? 'stopped' : s.active ? 'on' : 'off';
    var badge = $('os-state');
    badge.textContent = t('openshock.state.' + key);
    badge.className = 'badge ms-auto ' + (key === 'on' ? 'text-bg-success' : key === 'stopped' ? 'text-bg-danger' : 'text-bg-secondary');
    badge.setAttribute('data-state', key);
    $('os-stopped').classList.toggle('d-none', !s.stopped);
    $('os-toggle').textContent = t(s.active ? 'openshock.turnOff' : 'openshock.turnOn');
    $('os-toggle').className = 'btn btn-sm ' + (s.active ? 'btn-outline-danger' : 'btn-primary');
    $('os-token-input').placeholder = s.hasToken ? t('openshock.tokenKept') : t('openshock.noToken');
    $('os-budget').textContent = t('openshock.budget', { used: i18n.number(Math.round(s.shockMsToday / 100) / 10),
      limit: i18n.number(s.shockMsLimit / 1000) });
    $('os-problem').classList.toggle('d-none', !s.shockersError);
    $('os-problem').textContent = s.shockersError || '';
    LTTH.replaceWhenChanged($('os-shockers'), [s.shockers, s.active, s.stopped], function () {
      return s.shockers.map(function (x) {
        var item = el('li', 'list-group-item d-flex gap-2 align-items-center');
        item.setAttribute('data-shocker', x.id);
        item.append(el('strong', '', x.name), el('span', 'text-body-secondary', x.hub + (x.model ? ' · ' + x.model : '')));
        if (x.paused) item.append(el('span', 'badge text-bg-secondary', t('openshock.paused')));
        var test = el('button', 'btn btn-sm btn-outline-primary ms-auto', t('openshock.test'));
        test.type = 'button';
        test.disabled = !s.active || s.stopped || x.paused;
        test.addEventListener('click', function () {
          api('POST', '/api/openshock/test', { shocker: x.id, type: 'vibrate', intensity: 20, durationMs: 1000 })
            .then(function () { LTTH.say(t('openshock.testQueued', { name: x.name }), true); })
            .catch(function (err) { LTTH.say(err.message); });
        });
        item.append(test);
        return item;
      });
    });
    $('os-log').replaceChildren.apply($('os-log'), s.log.map(function (l) {
      var tr = el('tr');
      var what = l.type === 'stop' ? t('openshock.type.stop')
        : t('openshock.logWhat', { type: t('openshock.type.' + l.type), intensity: i18n.number(l.intensity), ms: i18n.number(l.durationMs) });
      tr.append(el('td', 'text-nowrap', clock.format(new Date(l.at))), el('td', '', what),
        el('td', '', l.user || t('openshock.source.' + l.source)),
        el('td', l.result === 'ok' ? 'text-success' : 'text-danger', l.result === 'ok' ? t('openshock.sent')
          : l.result.indexOf('refused: ') === 0 ? t('openshock.refused.' + l.result.slice(9)) : l.result));
      return tr;
    }));
  }

  i18n.init().then(function () {
    clock = new Intl.DateTimeFormat(i18n.language(), { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    $('os-stop').addEventListener('click', function () {
      api('POST', '/api/openshock/stop').then(function (s) { show(s); LTTH.say(t('openshock.stopped')); })
        .catch(function (err) { LTTH.say(err.message); });
    });
    $('os-release').addEventListener('click', function () {
      api('POST', '/api/openshock/release').then(function (s) { show(s); LTTH.say(t('openshock.released'), true); })
        .catch(function (err) { LTTH.say(err.message); });
    });
    $('os-toggle').addEventListener('click', function () {
      var on = !(state && state.active);
      api('POST', '/api/plugins/openshock/' + (on ? 'enable' : 'disable')).catch(function (err) { LTTH.say(err.message); });
    });
    $('os-refresh').addEventListener('click', function () {
      api('POST', '/api/openshock/shockers/refresh').then(function (r) {
        LTTH.say(t('openshock.refreshed', { count: i18n.number(r.shockers.length) }), true);
      }).catch(function (err) { LTTH.say(err.message); });
    });
    LTTH.submit($('os-token'), function () {
      return api('PUT', '/api/settings', { 'openshock.token': $('os-token-input').value.trim() }).then(function () {
        $('os-token-input').value = '';
        LTTH.say(t('openshock.tokenSaved'), true);
        return api('GET', '/api/openshock').then(show);
      });
    });
    $('os-add').addEventListener('click', function () {
      $('os-rows').append(row({ on: 'gift', enabled: true }, $('os-rows').children.length));
    });
    LTTH.submit(form, function () {
      var limits = {};
      LIMITS.forEach(function (k) { limits[k] = Number(form.elements[k].value); });
      M.renumber($('os-rows'));
      return api('PUT', '/api/openshock/config', { limits: limits, patterns: patternsOf($('os-patterns').value),
        mappings: Array.prototype.map.call($('os-rows').children, mappingOf) }).then(function (c) {
        fill(c);
        LTTH.say(t('openshock.saved'), true);
      });
    });
    api('GET', '/api/openshock').then(function (s) {
      show(s);
      return api('GET', '/api/openshock/config');
    }).then(fill).catch(function (err) { LTTH.say(err.message); });
    LTTH.connect({ types: [], on: { 'openshock:status': show } });
  });
})();
