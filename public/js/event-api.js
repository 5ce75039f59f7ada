/*
 * The Event API page: on and off (the plugin event-api), the address widgets connect to, and the widgets connected
 * now with what each was sent, read every two seconds while the page is open.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var i18n = LTTH.i18n;
  var api = LTTH.api;
  var el = LTTH.el;
  var $ = function (id) { return document.getElementById(id); };
  var state = null;
  var clock;

  function show(s) {
    state = s;
    var badge = $('eventapi-state');
    var on = s.active && s.listening;
    badge.textContent = t(on ? 'eventApi.on' : 'eventApi.off');
    badge.className = 'badge ms-auto ' + (on ? 'text-bg-success' : 'text-bg-secondary');
    badge.setAttribute('data-state', on ? 'on' : 'off');
    $('eventapi-toggle').textContent = t(s.active ? 'eventApi.turnOff' : 'eventApi.turnOn');
    $('eventapi-toggle').className = 'btn btn-sm ' + (s.active ? 'btn-outline-danger' : 'btn-primary');
    var problem = $('eventapi-problem');
    problem.classList.toggle('d-none', !s.error);
    problem.textContent = s.error ? t('eventApi.error.' + s.error, { port: String(s.port) }) : '';
    $('eventapi-address').classList.toggle('d-none', !on);
    $('eventapi-url').value = s.url;
    $('eventapi-lan').classList.toggle('d-none', !s.lanUrl);
    $('eventapi-lan-url').value = s.lanUrl || '';
    $('eventapi-counts').textContent = t('eventApi.counts', { events: i18n.number(s.events), tooSlow: i18n.number(s.tooSlow) });
    $('eventapi-none').classList.toggle('d-none', s.clients.length > 0);
    $('eventapi-clients').replaceChildren.apply($('eventapi-clients'), s.clients.map(function (c) {
      var row = el('tr');
      row.setAttribute('data-client', c.address);
      row.append(el('td', 'font-monospace', c.address), el('td', 'text-break', c.agent || '–'),
        el('td', '', clock.format(new Date(c.since))), el('td', 'text-end', i18n.number(c.sent)));
      return row;
    }));
  }

  function load() {
    return api('GET', '/api/event-api').then(show).catch(function (err) { LTTH.say(err.message); });
  }

  i18n.init().then(function () {
    clock = new Intl.DateTimeFormat(i18n.language(), { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    LTTH.copyButton($('eventapi-copy'), $('eventapi-url'));
    LTTH.copyButton($('eventapi-lan-copy'), $('eventapi-lan-url'));
    $('eventapi-toggle').addEventListener('click', function () {
      var on = !(state && state.active);
      api('POST', '/api/plugins/event-api/' + (on ? 'enable' : 'disable')).then(load).then(function () {
        LTTH.say(t(on ? 'eventApi.turnedOn' : 'eventApi.turnedOff'), true);
      }).catch(function (err) { LTTH.say(err.message); });
    });
    load();
    setInterval(load, 2000);
  });
})();
