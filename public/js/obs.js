/*
 * The OBS page: connections (the password is sent, never shown back), their live state and why one is down, the
 * current OBS's scenes as buttons, its sources to show or hide, and stream/record. Live through obs:status.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var api = LTTH.api;
  var el = LTTH.el;
  var $ = function (id) { return document.getElementById(id); };
  var connections = [];
  var shownScene = null;

  function which() {
    return $('obs-which').value || '';
  }

  function current() {
    return connections.filter(function (c) { return c.id === which(); })[0];
  }

  function badge(state) {
    var cls = state === 'connected' ? 'text-bg-success' : state === 'auth_failed' ? 'text-bg-danger' : 'text-bg-secondary';
    return el('span', 'badge ' + cls, t('obs.state.' + state));
  }

  function showConnections(list) {
    connections = list;
    var before = which();
    $('obs-which').replaceChildren.apply($('obs-which'), list.map(function (c) {
      var o = el('option', '', c.id);
      o.value = c.id;
      return o;
    }));
    if (list.some(function (c) { return c.id === before; })) $('obs-which').value = before;
    $('obs-connections').replaceChildren.apply($('obs-connections'), list.map(function (c) {
      var li = el('li', 'list-group-item d-flex flex-column gap-1');
      li.setAttribute('data-connection', c.id);
      li.setAttribute('data-state', c.state);
      var top = el('div', 'd-flex gap-2 align-items-center');
      top.append(badge(c.state), el('strong', '', c.id), el('span', 'text-body-secondary', c.host + ':' + c.port + (c.hasPassword ? ' · 🔒' : '')));
      var off = el('button', 'btn btn-link btn-sm p-0 ms-auto', t('obs.disconnect'));
      off.type = 'button';
      off.addEventListener('click', function () { api('POST', '/api/obs/disconnect', { id: c.id }).catch(function (e) { LTTH.say(e.message); }); });
      var remove = el('button', 'btn btn-link btn-sm p-0 text-danger', t('obs.remove'));
      remove.type = 'button';
      remove.addEventListener('click', function () { api('DELETE', '/api/obs/connections/' + encodeURIComponent(c.id)).then(function (r) { showConnections(r.connections); }); });
      top.append(off, remove);
      li.append(top, el('div', 'obs-message text-body-secondary', c.message));
      if (c.state === 'connected') li.appendChild(el('div', '', t('obs.now', { scene: c.currentScene || '–' })));
      return li;
    }));
    var c = current();
    // Start / stop only mean something while OBS is connected.
    document.querySelectorAll('[data-output]').forEach(function (b) { b.disabled = !(c && c.state === 'connected'); });
    $('obs-stream-state').textContent = c && c.streaming ? t('obs.live') : t('obs.notLive');
    $('obs-record-state').textContent = c && c.recording ? t('obs.recording') : t('obs.notRecording');
    if (c && c.state === 'connected' && c.currentScene !== shownScene) loadScenes();
    if (!c || c.state !== 'connected') { shownScene = null; $('obs-scenes').replaceChildren(el('span', 'small text-body-secondary', t('obs.noScenes'))); $('obs-sources').replaceChildren(); }
  }

  function loadScenes() {
    var id = which();
    api('GET', '/api/obs/scenes?connection=' + encodeURIComponent(id)).then(function (s) {
      shownScene = s.current;
      $('obs-scenes').replaceChildren.apply($('obs-scenes'), s.scenes.map(function (name) {
        var b = el('button', 'btn btn-sm ' + (name === s.current ? 'btn-primary' : 'btn-outline-primary'), name);
        b.type = 'button';
        b.setAttribute('data-scene', name);
        b.addEventListener('click', function () {
          api('POST', '/api/obs/scene', { name: name, connection: id }).catch(function (e) { LTTH.say(e.message); });
        });
        return b;
      }));
      return api('GET', '/api/obs/sources?scene=' + encodeURIComponent(s.current) + '&connection=' + encodeURIComponent(id));
    }).then(function (r) {
      $('obs-sources').replaceChildren.apply($('obs-sources'), r.sources.map(function (src) {
        var b = el('button', 'btn btn-sm ' + (src.enabled ? 'btn-success' : 'btn-outline-secondary'), (src.enabled ? '👁 ' : '🚫 ') + src.source);
        b.type = 'button';
        b.setAttribute('data-source', src.source);
        b.addEventListener('click', function () {
          api('POST', '/api/obs/source', { scene: shownScene, source: src.source, visible: 'toggle', connection: id })
            .then(loadScenes).catch(function (e) { LTTH.say(e.message); });
        });
        return b;
      }));
    }).catch(function (e) { LTTH.say(e.message); });
  }

  LTTH.i18n.init().then(function () {
    var form = $('obs-form');
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      LTTH.fieldErrors(form, null);
      var f = form.elements;
      var body = { id: f.id.value.trim() || 'main', host: f.host.value.trim(), port: Number(f.port.value) };
      if (f.password.value !== '') body.password = f.password.value;   // empty keeps the saved one
      api('POST', '/api/obs/connect', body).then(function (c) {
        f.password.value = '';
        LTTH.say(t('obs.connected', { id: c.id }), true);
        $('obs-which').value = c.id;
      }).catch(function (err) {
        LTTH.fieldErrors(form, err);
        LTTH.say(err.message);
      });
    });
    $('obs-which').addEventListener('change', function () { shownScene = null; showConnections(connections); });
    document.querySelectorAll('[data-output]').forEach(function (b) {
      b.addEventListener('click', function () {
        api('POST', '/api/obs/output', { output: b.getAttribute('data-output'), action: 'toggle', connection: which() })
          .catch(function (e) { LTTH.say(e.message); });
      });
    });
    api('GET', '/api/obs/status').then(function (s) { showConnections(s.connections); });
    LTTH.connect({ on: { 'obs:status': function (s) { showConnections(s.connections); } } });
  });
})();
