/*
 * The OSC page: presets as buttons, the chatbox, a free message with typed arguments, the settings with gift rules
 * (one per line), and what VRChat sends back, live through osc:received.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var api = LTTH.api;
  var el = LTTH.el;
  var $ = function (id) { return document.getElementById(id); };
  var form = $('osc-config');

  function ruleText(r) {
    var target = r.preset || r.address;
    var extra = r.preset === 'chatbox' ? r.text : r.args;
    return [r.gift, r.minCoins, target].concat(extra ? [extra] : []).join(' | ');
  }

  function rule(line) {
    var p = line.split('|').map(function (s) { return s.trim(); });
    var r = { gift: p[0] || '', minCoins: Number(p[1] || 0) };
    var target = p[2] || '';
    if (target.charAt(0) === '/') { r.address = target; r.args = p[3] || ''; } else { r.preset = target; if (p[3]) r.text = p[3]; }
    return r;
  }

  function fill(c) {
    var f = form.elements;
    ['sendHost', 'sendPort', 'listenPort', 'maxPerSecond', 'pulseMillis'].forEach(function (n) { f[n].value = c[n]; });
    f.listen.checked = c.listen;
    f.allowedHosts.value = c.allowedHosts.join('\n');
    f.gifts.value = c.gifts.map(ruleText).join('\n');
  }

  function collect() {
    var f = form.elements;
    return {
      sendHost: f.sendHost.value.trim(), sendPort: Number(f.sendPort.value), listen: f.listen.checked,
      listenPort: Number(f.listenPort.value), maxPerSecond: Number(f.maxPerSecond.value), pulseMillis: Number(f.pulseMillis.value),
      allowedHosts: LTTH.lines(f.allowedHosts.value), gifts: LTTH.lines(f.gifts.value).map(rule)
    };
  }

  function showStatus(s) {
    $('osc-off').classList.toggle('d-none', s.active);
    $('osc-problem').classList.toggle('d-none', !s.problem);
    $('osc-problem').textContent = s.problem;
    $('osc-status').textContent = t('osc.counters', { to: s.sendTo, listening: s.listening || '–', sent: s.sent, dropped: s.dropped, received: s.received });
    $('osc-presets').replaceChildren.apply($('osc-presets'), s.presets.filter(function (p) { return p !== 'chatbox'; }).map(function (p) {
      // VRChat's community names read in the page's language; an avatar's own parameter keeps its name.
      var label = t('osc.preset.' + p);
      var b = el('button', 'btn btn-sm btn-outline-primary', label === 'osc.preset.' + p ? p : label);
      b.type = 'button';
      b.setAttribute('data-preset', p);
      b.addEventListener('click', function () { send({ preset: p }); });
      return b;
    }));
  }

  function refresh() {
    return api('GET', '/api/osc/status').then(showStatus);
  }

  function send(body, formEl) {
    if (formEl) LTTH.fieldErrors(formEl, null);
    return api('POST', '/api/osc/send', body).then(function (r) {
      LTTH.say(t('osc.sent', { what: r.sent }), true);
      refresh();
    }).catch(function (err) { if (!formEl || !LTTH.fieldErrors(formEl, err)) LTTH.say(err.message); });
  }

  function received(r) {
    var body = $('osc-received');
    var row = body.querySelector('tr[data-address="' + CSS.escape(r.address) + '"]');
    if (row) row.remove();
    row = el('tr');
    row.setAttribute('data-address', r.address);
    row.append(el('td', 'text-break', r.address), el('td', 'osc-value text-break', r.args), el('td', '', new Date(r.at).toLocaleTimeString(LTTH.i18n.language())));
    body.insertBefore(row, body.firstChild);
  }

  LTTH.i18n.init().then(function () {
    LTTH.submit(form, function () {
      return api('PUT', '/api/osc/config', collect()).then(function (c) { fill(c); LTTH.say(t('osc.saved'), true); refresh(); });
    });
    $('osc-send').addEventListener('submit', function (e) {
      e.preventDefault();
      var f = this.elements;
      send({ address: f.address.value.trim(), args: f.args.value }, this);
    });
    $('osc-chatbox').addEventListener('submit', function (e) {
      e.preventDefault();
      send({ preset: 'chatbox', text: this.elements.text.value }, this);
    });
    api('GET', '/api/osc/config').then(fill);
    refresh();
    api('GET', '/api/osc/received').then(function (r) { r.received.forEach(received); });
    LTTH.connect({ on: { 'osc:received': received } });
  });
})();
