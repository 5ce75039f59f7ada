/* Every overlay with its OBS address (copy, open, preview), and the leaderboards with their reset. */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var $ = function (id) { return document.getElementById(id); };
  var el = LTTH.el;
  var say = LTTH.say;
  var overlays = [];
  var previewing = null;

  /** The overlay's name in the page's language (a goal's name is the streamer's own). */
  function name(o) {
    return t(o.key + '.name', o.params);
  }

  function url(o) {
    return $('vertical').checked ? o.verticalUrl : o.url;
  }

  function row(o) {
    var box = el('div', 'border rounded p-2');
    box.setAttribute('data-overlay', o.id);
    var head = el('div', 'd-flex flex-wrap align-items-baseline gap-2 mb-1');
    head.appendChild(el('strong', '', name(o)));
    head.appendChild(el('span', 'small text-body-secondary', t(o.key + '.description')));
    if (o.options) head.appendChild(el('code', 'small', o.options));
    var group = el('div', 'input-group input-group-sm');
    var address = el('input', 'form-control font-monospace overlay-url');
    address.readOnly = true;
    address.value = url(o);
    var copy = el('button', 'btn btn-outline-primary', t('overlay.copy'));
    copy.type = 'button';
    LTTH.copyButton(copy, address);
    var open = el('a', 'btn btn-outline-secondary', t('overlay.open'));
    open.href = address.value;
    open.target = '_blank';
    open.rel = 'noopener';
    var show = el('button', 'btn btn-outline-secondary', t('overlays.preview'));
    show.type = 'button';
    show.setAttribute('data-preview', o.id);
    show.addEventListener('click', function () { preview(o); });
    group.append(address, copy, open, show);
    box.append(head, group);
    return box;
  }

  function preview(o) {
    previewing = o;
    $('preview-title').textContent = t('overlays.previewOf', { name: name(o) });
    LTTH.preview($('preview'), url(o).replace(/^https?:\/\/[^/]+/, ''));
  }

  function load() {
    return LTTH.api('GET', '/api/overlays').then(function (r) {
      overlays = r.overlays;
      var list = $('overlay-list');
      list.textContent = '';
      overlays.forEach(function (o) { list.appendChild(row(o)); });
      if (!previewing && overlays.length) preview(overlays[0]);
    });
  }

  function loadBoard() {
    var board = $('lb-board').value;
    var period = $('lb-period').value;
    return LTTH.api('GET', '/api/leaderboard?board=' + board + '&period=' + period + '&limit=10').then(function (r) {
      var rows = $('lb-rows');
      rows.textContent = '';
      r.rows.forEach(function (x) {
        var tr = el('tr');
        tr.append(el('td', 'text-body-secondary', String(x.rank)), el('td', '', x.nickname),
          el('td', 'text-body-secondary small', '@' + x.uniqueId), el('td', 'text-end font-monospace', LTTH.i18n.number(x.value)));
        rows.appendChild(tr);
      });
      $('lb-note').textContent = (r.estimated ? t('leaderboard.estimatedHelp') + ' ' : '') + (r.rows.length ? '' : t('leaderboard.empty'));
    });
  }

  $('vertical').addEventListener('change', function () {
    load();
    if (previewing) preview(previewing);
  });
  $('lb-board').addEventListener('change', loadBoard);
  $('lb-period').addEventListener('change', loadBoard);
  $('lb-reset').addEventListener('click', function () {
    if (!confirm(t('leaderboard.confirmReset'))) return;
    LTTH.api('POST', '/api/leaderboard/reset').then(loadBoard).catch(function (e) { say(e.message); });
  });

  LTTH.i18n.init().then(function () {
    setInterval(function () { loadBoard().catch(function () {}); }, 3000);
    return Promise.all([load(), loadBoard(), LTTH.lan.load()]);
  }).catch(function (e) { say(e.message); });
})();
