/*
 * The Streamer.bot page: where Streamer.bot's WebSocket server is (kept as the settings streamerbot.*), the
 * connection's state, its actions with a button to run each, and the latest runs, live through streamerbot:status.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var i18n = LTTH.i18n;
  var api = LTTH.api;
  var el = LTTH.el;
  var $ = function (id) { return document.getElementById(id); };
  var form = $('sb-config');
  var clock;
  var STATES = { connected: 'text-bg-success', connecting: 'text-bg-info', reconnecting: 'text-bg-warning',
    auth_failed: 'text-bg-danger', disconnected: 'text-bg-secondary', off: 'text-bg-secondary' };

  function show(s) {
    var badge = $('sb-state');
    badge.textContent = t('sb.state.' + s.state);
    badge.className = 'badge ms-auto ' + (STATES[s.state] || 'text-bg-secondary');
    badge.setAttribute('data-state', s.state);
    var problem = s.message || s.actionsError || '';
    $('sb-problem').classList.toggle('d-none', !problem);
    $('sb-problem').textContent = problem;
    $('sb-password').placeholder = s.hasPassword ? t('sb.passwordKept') : t('sb.noPassword');
    $('sb-no-actions').classList.toggle('d-none', s.actions.length > 0);
    var connected = s.state === 'connected';
    LTTH.replaceWhenChanged($('sb-actions'), [s.actions, connected], function () {
      return s.actions.map(function (a) {
        var row = el('tr');
        row.setAttribute('data-action', a.name);
        var run = el('button', 'btn btn-sm btn-outline-primary', t('sb.run'));
        run.type = 'button';
        run.disabled = !connected || !a.enabled;
        run.addEventListener('click', function () {
          api('POST', '/api/streamerbot/run', { action: a.id }).then(function (r) {
            LTTH.say(t('sb.ran', { action: r.action }), true);
          }).catch(function (err) { LTTH.say(err.message); });
        });
        var name = el('td', a.enabled ? '' : 'text-body-secondary', a.name);
        row.append(name, el('td', 'text-body-secondary', a.group || '–'), el('td', 'text-end', ''));
        row.lastChild.append(run);
        return row;
      });
    });
    $('sb-no-runs').classList.toggle('d-none', s.runs.length > 0);
    $('sb-runs').replaceChildren.apply($('sb-runs'), s.runs.map(function (r) {
      var ok = r.result === 'ok';
      var item = el('li', 'list-group-item d-flex gap-2');
      item.append(el('span', 'text-body-secondary', clock.format(new Date(r.at))), el('strong', '', r.action),
        el('span', ok ? 'text-success ms-auto' : 'text-danger ms-auto text-break', ok ? t('sb.runOk') : r.result));
      return item;
    }));
  }

  function fill(settings) {
    var f = form.elements;
    f.host.value = settings['streamerbot.host'];
    f.port.value = settings['streamerbot.port'];
    f.endpoint.value = settings['streamerbot.endpoint'];
    f.password.value = '';
  }

  function save(connect) {
    var f = form.elements;
    var body = { 'streamerbot.host': f.host.value.trim(), 'streamerbot.port': Number(f.port.value),
      'streamerbot.endpoint': f.endpoint.value.trim(), 'streamerbot.connect': connect };
    if (f.password.value) body['streamerbot.password'] = f.password.value;
    return api('PUT', '/api/settings', body).then(function (settings) {
      fill(settings);
      LTTH.say(t(connect ? 'sb.connecting' : 'sb.disconnected'), true);
    });
  }

  i18n.init().then(function () {
    clock = new Intl.DateTimeFormat(i18n.language(), { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    LTTH.submit(form, function () { return save(true); });
    $('sb-disconnect').addEventListener('click', function () {
      save(false).catch(function (err) { LTTH.say(err.message); });
    });
    $('sb-refresh').addEventListener('click', function () {
      api('POST', '/api/streamerbot/actions/refresh').then(function (r) {
        LTTH.say(t('sb.refreshed', { count: i18n.number(r.actions.length) }), true);
      }).catch(function (err) { LTTH.say(err.message); });
    });
    api('GET', '/api/settings').then(fill);
    api('GET', '/api/streamerbot').then(show).catch(function (err) { LTTH.say(err.message); });
    LTTH.connect({ types: [], on: { 'streamerbot:status': show } });
  });
})();
