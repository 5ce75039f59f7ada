/*
 * The health panel: /api/health every two seconds (the same numbers /api/metrics gives a Prometheus scraper).
 * Queue and listener names come from the app, so they are set as text only.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var el = LTTH.el;
  var $ = function (id) { return document.getElementById(id); };
  var rates = [];

  function ms(v) { return v < 10 ? v.toFixed(1) + ' ms' : Math.round(v) + ' ms'; }
  function mb(bytes) { return bytes < 0 ? '–' : Math.round(bytes / 1048576) + ' MB'; }
  function latency(l) { return l.samples ? ms(l.p50Ms) + ' / ' + ms(l.p99Ms) + ' / ' + ms(l.maxMs) : '–'; }
  function duration(s) {
    var h = Math.floor(s / 3600);
    return h + ':' + String(Math.floor(s / 60) % 60).padStart(2, '0') + ':' + String(s % 60).padStart(2, '0');
  }
  function sum(map) { return Object.keys(map || {}).reduce(function (n, k) { return n + map[k]; }, 0); }

  function spark(rate) {
    rates.push(rate);
    if (rates.length > 60) rates.shift();
    var top = Math.max.apply(null, rates.concat([1]));
    $('h-spark').firstElementChild.setAttribute('points', rates.map(function (r, i) {
      return (i * 2) + ',' + (31 - r / top * 30).toFixed(1);
    }).join(' '));
  }

  function row(cells, attr) {
    var tr = el('tr');
    if (attr) tr.setAttribute('data-queue', attr);
    cells.forEach(function (c) { tr.append(el('td', '', String(c))); });
    return tr;
  }

  function show(h) {
    $('h-rate').textContent = h.eventsPerSecond.toFixed(1);
    spark(h.eventsPerSecond);
    $('h-last').textContent = h.lastEventAgeMs == null ? t('health.none') : t('health.ago', { s: (h.lastEventAgeMs / 1000).toFixed(1) });
    $('h-overlay').textContent = latency(h.overlayLatency);
    $('h-overlay-samples').textContent = h.overlayLatency.samples ? t('health.samples', { n: h.overlayLatency.samples }) : t('health.noOverlay');
    $('h-bus').textContent = latency(h.busDelay);
    $('h-memory').textContent = mb(h.memory.heapUsed) + ' / ' + mb(h.memory.heapMax) + ' · ' + mb(h.memory.rss);
    $('h-clients').textContent = h.socketClients;
    $('h-stored').textContent = h.eventLog.committed;
    $('h-uptime').textContent = duration(h.uptimeSeconds);
    var queues = [row([t('health.q.bus'), h.bus.queued + ' / ' + h.bus.capacity, sum(h.bus.shed), '–'], 'bus'),
      row([t('health.q.eventLog'), h.eventLog.queued, 0, h.eventLog.failures], 'event-log')];
    h.bus.listeners.forEach(function (l) { queues.push(row([l.name, l.queued, l.shed, l.failures], 'listener:' + l.name)); });
    $('h-queues').replaceChildren.apply($('h-queues'), queues);
    var shed = Object.keys(h.bus.shed).map(function (k) { return k + ' ' + h.bus.shed[k]; }).join(', ') || '0';
    $('h-counters').replaceChildren(
      row([t('health.c.published'), h.bus.published]), row([t('health.c.shed'), shed]),
      row([t('health.c.coalesced'), h.coalesced]), row([t('health.c.slowPages'), h.slowPageDrops]),
      row([t('health.c.duplicates'), h.duplicatesDropped]),
      row([t('health.c.decodeErrors'), h.decodeErrors]), row([t('health.c.reconnects'), h.reconnects]));
    $('health-updated').textContent = new Date().toLocaleTimeString(LTTH.i18n.language());
  }

  function refresh() {
    LTTH.api('GET', '/api/health').then(show).catch(function (err) { LTTH.say(err.message); });
  }

  LTTH.i18n.init().then(function () {
    refresh();
    setInterval(refresh, 2000);
  });
})();
