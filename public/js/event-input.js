/*
 * The Event input page: which ways other programs may send LTTH events (UDP, WebSocket, HTTP), the token they need,
 * what came in and what was dropped (counted by reason), an example to copy, and the custom events as they arrive.
 * Names and fields come from other programs: they are put into the page with textContent only.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var api = LTTH.api;
  var el = LTTH.el;
  var $ = function (id) { return document.getElementById(id); };
  var form = $('input-config');
  var DROPS = ['token', 'json', 'fields', 'size', 'rate', 'off'];
  var MAX_RECENT = 50;
  var current = null;

  function addresses(s) {
    var host = location.hostname;
    var web = location.host;
    return {
      udp: 'udp://' + host + ':' + s.udpPort,
      websocket: 'ws://' + web + '/api/events/input?token=…',
      http: 'POST http://' + web + '/api/events/custom'
    };
  }

  /** Fills the switches and numbers; skipped while the streamer is typing in the form. */
  function fill(s) {
    var f = form.elements;
    f.udp.checked = s.udp;
    f.websocket.checked = s.websocket;
    f.http.checked = s.http;
    f.udpPort.value = s.udpPort;
    f.perSecond.value = s.perSecond;
  }

  function show(s) {
    current = s;
    $('input-token').value = s.token;
    var where = addresses(s);
    form.querySelectorAll('tr[data-way]').forEach(function (row) {
      var way = row.getAttribute('data-way');
      var counts = s.counts[way];
      row.querySelector('.input-address').textContent = where[way];
      row.querySelector('.input-accepted').textContent = LTTH.i18n.number(counts.accepted);
      row.querySelector('.input-dropped').textContent = DROPS.filter(function (d) { return counts[d] > 0; })
        .map(function (d) { return t('input.drop.' + d, { count: LTTH.i18n.number(counts[d]) }); }).join(' · ') || '–';
    });
    var problem = form.querySelector('tr[data-way="udp"] .input-problem');
    problem.classList.toggle('d-none', !s.udpError);
    problem.textContent = s.udpError ? t('input.udp.' + s.udpError, { port: s.udpPort }) : '';
    $('input-lan').textContent = s.lanAddress ? t('input.lanOn', { address: s.lanAddress }) : t('input.lanOff');
    $('input-example').textContent = JSON.stringify({ token: s.token.slice(0, 6) + '…', name: 'deck.scene',
      fields: { scene: 'Intro', count: 3 } }, null, 2);
  }

  function refresh(andFill) {
    return api('GET', '/api/events/input').then(function (s) {
      if (andFill) fill(s);
      show(s);
    });
  }

  function collect() {
    var f = form.elements;
    return { udp: f.udp.checked, udpPort: Number(f.udpPort.value), websocket: f.websocket.checked, http: f.http.checked,
      perSecond: Number(f.perSecond.value) };
  }

  function arrived(msg) {
    var list = $('input-recent');
    var none = list.querySelector('.input-none');
    if (none) none.remove();
    var d = LTTH.describe(msg);
    var li = el('li', 'list-group-item');
    li.setAttribute('data-name', msg.data.name);
    li.append(el('strong', 'me-2', d.who), el('span', '', d.text),
      el('span', 'text-body-secondary ms-2', new Date(msg.data.timestamp).toLocaleTimeString(LTTH.i18n.language())));
    list.insertBefore(li, list.firstChild);
    while (list.children.length > MAX_RECENT) list.lastChild.remove();
  }

  LTTH.i18n.init().then(function () {
    LTTH.submit(form, function () {
      return api('PUT', '/api/events/input', collect()).then(function (s) {
        fill(s);
        show(s);
        LTTH.say(t('input.saved'), true);
      });
    });
    $('input-token-show').addEventListener('click', function () {
      var token = $('input-token');
      token.type = token.type === 'password' ? 'text' : 'password';
      this.textContent = t(token.type === 'password' ? 'input.show' : 'input.hide');
    });
    $('input-token-copy').addEventListener('click', function () {
      LTTH.copy($('input-token').value, $('input-token')).then(function () { LTTH.say(t('input.copied'), true); });
    });
    $('input-token-renew').addEventListener('click', function () {
      if (!window.confirm(t('input.renewConfirm'))) return;
      api('POST', '/api/events/input/token').then(function (s) {
        show(s);
        LTTH.say(t('input.renewed'), true);
      }).catch(function (err) { LTTH.say(err.message); });
    });
    refresh(true);
    // The counts move while programs send; once every two seconds is enough to watch them.
    setInterval(function () { if (!document.hidden) refresh(false).catch(function () { /* the header shows it */ }); }, 2000);
    LTTH.connect({ types: ['custom'], event: arrived });
  });
})();
