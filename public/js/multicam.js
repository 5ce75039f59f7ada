/*
 * The multi-cam page: a button per cam (and prev/next), the settings, and the recent switches with the reason for
 * each refused one, live through multicam:switch.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var api = LTTH.api;
  var el = LTTH.el;
  var $ = function (id) { return document.getElementById(id); };
  var form = $('cam-config');

  function fill(c) {
    var f = form.elements;
    ['mode', 'scene', 'command', 'connection', 'userCooldownSeconds', 'globalCooldownSeconds'].forEach(function (n) { f[n].value = c[n]; });
    f.modsOnly.checked = c.modsOnly;
    f.cams.value = c.cams.join('\n');
    f.allowedUsers.value = c.allowedUsers.map(function (u) { return '@' + u; }).join('\n');
    f.gifts.value = Object.keys(c.gifts).map(function (g) { return g + ' = ' + c.gifts[g]; }).join('\n');
  }

  function collect() {
    var f = form.elements;
    var gifts = {};
    LTTH.lines(f.gifts.value).forEach(function (l) {
      var i = l.lastIndexOf('=');
      gifts[(i < 0 ? l : l.slice(0, i)).trim()] = i < 0 ? '' : l.slice(i + 1).trim();
    });
    return {
      mode: f.mode.value, scene: f.scene.value.trim(), cams: LTTH.lines(f.cams.value), command: f.command.value.trim(),
      connection: f.connection.value.trim(), userCooldownSeconds: Number(f.userCooldownSeconds.value),
      globalCooldownSeconds: Number(f.globalCooldownSeconds.value), modsOnly: f.modsOnly.checked,
      allowedUsers: LTTH.lines(f.allowedUsers.value), gifts: gifts
    };
  }

  function entry(e) {
    var li = el('li', 'list-group-item d-flex gap-2');
    li.append(el('span', 'badge ' + (e.done ? 'text-bg-success' : 'text-bg-secondary'), e.done ? t('multicam.cam', { n: e.cam }) : '–'),
      el('span', 'text-body-secondary', new Date(e.at).toLocaleTimeString(LTTH.i18n.language())), el('span', 'fw-semibold', e.by === 'dashboard' ? t('multicam.you') : '@' + e.by),
      el('span', '', e.request), el('span', 'text-body-secondary', e.done ? e.label : e.reason));
    return li;
  }

  function showStatus(s) {
    $('cam-off').classList.toggle('d-none', s.active);
    $('cam-current').textContent = s.current > 0 ? t('multicam.current', { n: s.current, label: s.label }) : '';
    var buttons = s.cams.map(function (name, i) {
      var b = el('button', 'btn btn-sm ' + (i + 1 === s.current ? 'btn-primary' : 'btn-outline-primary'), (i + 1) + ' · ' + name);
      b.setAttribute('data-cam', String(i + 1));
      return b;
    });
    ['prev', 'next'].forEach(function (w) {
      var b = el('button', 'btn btn-sm btn-outline-secondary', t('multicam.' + w));
      b.setAttribute('data-cam', w);
      buttons.push(b);
    });
    buttons.forEach(function (b) {
      b.type = 'button';
      b.addEventListener('click', function () {
        api('POST', '/api/multicam/switch', { cam: b.getAttribute('data-cam') }).then(refresh).catch(function (e) { LTTH.say(e.message); });
      });
    });
    $('cam-buttons').replaceChildren.apply($('cam-buttons'), buttons);
    $('cam-history').replaceChildren.apply($('cam-history'), s.history.map(entry));
  }

  function refresh() {
    return api('GET', '/api/multicam/status').then(showStatus);
  }

  LTTH.i18n.init().then(function () {
    LTTH.submit(form, function () {
      return api('PUT', '/api/multicam/config', collect()).then(function (c) { fill(c); LTTH.say(t('multicam.saved'), true); refresh(); });
    });
    api('GET', '/api/multicam/config').then(fill);
    refresh();
    LTTH.connect({ on: { 'multicam:switch': refresh } });
  });
})();
