/*
 * The first-run checklist on the Live page: the Alerts, Audio (alert sounds, TTS), Chat and Goals overlays to add to OBS (copy the address, or
 * drag the link onto OBS's sources), a test alert to see there, and the username to connect. The app ticks each step
 * when it happened (an overlay connected, an alert shown, a LIVE connected); the streamer can hide the list.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var api = LTTH.api;
  var el = LTTH.el;
  var $ = function (id) { return document.getElementById(id); };
  var STEPS = ['overlay', 'test', 'live'];
  var OVERLAYS = ['alerts', 'audio', 'chat', 'goals'];

  function render(s) {
    $('first-run').classList.toggle('d-none', s.dismissed);
    $('first-run-show').classList.toggle('d-none', !s.dismissed);
    STEPS.forEach(function (step) {
      document.querySelector('.first-run-step[data-step="' + step + '"]').setAttribute('data-done', String(s[step]));
    });
  }

  /** OBS makes a browser source of a link dropped onto its sources, sized by these parameters. */
  function dragLink(o) {
    var url = o.url + (o.url.indexOf('?') >= 0 ? '&' : '?') + 'layer-name=' + encodeURIComponent('LTTH ' + t(o.key + '.name'))
      + '&layer-width=1920&layer-height=1080';
    var a = el('a', 'btn btn-outline-secondary first-run-drag', t('firstRun.drag'));
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener';
    a.title = t('firstRun.dragHelp');
    return a;
  }

  function overlayRow(o) {
    var row = el('div', 'input-group input-group-sm');
    row.setAttribute('data-overlay', o.id);
    var input = el('input', 'form-control font-monospace');
    input.readOnly = true;
    input.value = o.url;
    input.setAttribute('aria-label', t(o.key + '.name'));
    var copy = el('button', 'btn btn-outline-primary', t('overlay.copy'));
    copy.type = 'button';
    LTTH.copyButton(copy, input);
    row.append(el('span', 'input-group-text first-run-name', t(o.key + '.name')), input, copy, dragLink(o));
    return row;
  }

  function loadOverlays() {
    return api('GET', '/api/overlays').then(function (data) {
      var box = $('first-run-overlays');
      box.replaceChildren();
      OVERLAYS.forEach(function (id) {
        var o = data.overlays.filter(function (x) { return x.id === id; })[0];
        if (o) box.appendChild(overlayRow(o));
      });
    });
  }

  function setup() {
    $('first-run-test').addEventListener('click', function () {
      api('POST', '/api/alerts/gift/test').then(function () {
        $('first-run-test-result').textContent = t('firstRun.testSent');
      }).catch(function (e) { $('first-run-test-result').textContent = e.message; });
    });
    $('first-run-connect').addEventListener('click', function () { $('username').focus(); });
    $('first-run-hide').addEventListener('click', function () {
      api('PUT', '/api/first-run', { dismissed: true }).then(render).catch(function (e) { LTTH.shell.showError(e.message); });
    });
    $('first-run-show').addEventListener('click', function () {
      api('PUT', '/api/first-run', { dismissed: false }).then(render).catch(function (e) { LTTH.shell.showError(e.message); });
    });
  }

  LTTH.i18n.init().then(function () {
    setup();
    loadOverlays().catch(function () { /* the header says LTTH is unreachable */ });
    api('GET', '/api/first-run').then(render).catch(function () { /* idem */ });
    LTTH.connect({ on: { 'firstrun:state': render } });
  });
})();
