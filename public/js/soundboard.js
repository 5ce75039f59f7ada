/*
 * The soundboard page: buttons with hotkeys, MyInstants search and trending (a sound is fetched into LTTH's cache
 * before use, so overlays work offline), uploads, and the sounds per gift, event and like milestone with the
 * anti-spam rules. The sound fields take an uploaded file, a fetched MyInstants sound or a web address.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var api = LTTH.api;
  var el = LTTH.el;
  var $ = function (id) { return document.getElementById(id); };
  var form = $('sound-config');
  var config = null;
  var target = null;   // the sound field that "Use" fills: the one focused last

  function soundFields() {
    return document.querySelectorAll('#sound-config input[name^="ev-"], #sound-config input[name="likeSound"], '
      + '#sound-config .gift-sound, #button-form [name="sound"]');
  }

  function track() {
    soundFields().forEach(function (f) { f.addEventListener('focus', function () { target = f; }); });
  }

  function giftRow(name, sound) {
    var row = el('div', 'd-flex gap-2 gift-row');
    var gift = el('input', 'form-control form-control-sm gift-name');
    gift.setAttribute('list', 'gift-names');
    gift.value = name || '';
    gift.placeholder = 'Rose';
    var s = el('input', 'form-control form-control-sm gift-sound');
    s.value = sound || '';
    s.placeholder = '/media/rose.mp3';
    s.addEventListener('focus', function () { target = s; });
    var remove = el('button', 'btn btn-sm btn-outline-danger', '×');
    remove.type = 'button';
    remove.addEventListener('click', function () { row.remove(); });
    row.append(gift, s, LTTH.listenButton(function () { return s.value.trim(); }), remove);
    return row;
  }

  /** A configured sound can be heard before the stream: a listen button beside each sound field. */
  function listenBeside(field) {
    var group = el('div', 'input-group input-group-sm');
    field.parentNode.insertBefore(group, field);
    group.append(field, LTTH.listenButton(function () { return field.value.trim(); }));
  }

  function fill(c) {
    config = c;
    var f = form.elements;
    f.enabled.checked = c.enabled;
    ['likeEvery', 'likeSound', 'streak', 'everyN', 'userCooldownSeconds', 'giftCooldownSeconds', 'playback', 'queueMax', 'volume']
      .forEach(function (n) { f[n].value = c[n]; });
    ['follow', 'share', 'subscribe', 'join'].forEach(function (e) { f['ev-' + e].value = c.events[e] || ''; });
    $('gift-sounds').replaceChildren.apply($('gift-sounds'), Object.keys(c.gifts).map(function (g) { return giftRow(g, c.gifts[g]); }));
    $('buttons').replaceChildren.apply($('buttons'), c.buttons.map(function (b) {
      var button = el('button', 'btn btn-outline-primary sound-button', b.name + (b.hotkey ? ' [' + b.hotkey.toUpperCase() + ']' : ''));
      button.type = 'button';
      button.setAttribute('data-button', b.name);
      button.addEventListener('click', function () { play({ button: b.name }); });
      return button;
    }));
  }

  function collect() {
    var f = form.elements;
    var events = {};
    ['follow', 'share', 'subscribe', 'join'].forEach(function (e) { if (f['ev-' + e].value.trim()) events[e] = f['ev-' + e].value.trim(); });
    var gifts = {};
    document.querySelectorAll('#gift-sounds .gift-row').forEach(function (r) {
      var name = r.querySelector('.gift-name').value.trim();
      if (name) gifts[name] = r.querySelector('.gift-sound').value.trim();
    });
    var num = function (n) { return Number(f[n].value); };
    return {
      enabled: f.enabled.checked, gifts: gifts, events: events, likeEvery: num('likeEvery'), likeSound: f.likeSound.value.trim(),
      streak: f.streak.value, everyN: num('everyN'), userCooldownSeconds: num('userCooldownSeconds'),
      giftCooldownSeconds: num('giftCooldownSeconds'), playback: f.playback.value, queueMax: num('queueMax'),
      volume: num('volume'), buttons: config ? config.buttons : []
    };
  }

  function save(body) {
    LTTH.fieldErrors(form, null);
    return api('PUT', '/api/soundboard/config', body).then(function (c) { fill(c); LTTH.say(t('sb.saved'), true); return c; },
      function (err) { if (!LTTH.fieldErrors(form, err)) LTTH.say(err.message); throw err; });
  }

  function play(body) {
    return api('POST', '/api/soundboard/play', body).catch(function (err) { LTTH.say(err.message); });
  }

  function showResults(data) {
    var list = $('results');
    list.replaceChildren();
    if (!data.sounds.length) list.appendChild(el('li', 'list-group-item text-body-secondary', t('sb.none')));
    data.sounds.forEach(function (s) {
      var li = el('li', 'list-group-item d-flex align-items-center gap-2 result');
      var listen = el('button', 'btn btn-sm btn-outline-secondary', '▶');
      listen.type = 'button';
      listen.title = t('sb.play');
      listen.addEventListener('click', function () { new Audio(s.url).play().catch(function () {}); });
      var use = el('button', 'btn btn-sm btn-outline-primary ms-auto', t('sb.use'));
      use.type = 'button';
      use.title = t('sb.pick');
      use.addEventListener('click', function () {
        api('POST', '/api/soundboard/fetch', { url: s.url }).then(function (r) {
          (target || document.querySelector('#button-form [name="sound"]')).value = r.sound;
        }, function (err) { LTTH.say(err.message); });
      });
      li.append(listen, el('span', 'result-name', s.name), use);
      list.appendChild(li);
    });
  }

  function counters() {
    api('GET', '/api/soundboard/queue').then(function (q) { $('sound-counters').textContent = t('sb.counters', q); });
  }

  LTTH.i18n.init().then(function () {
    document.querySelectorAll('#sound-config [data-error^="ev-"]').forEach(function (e) { e.setAttribute('data-error', 'events.' + e.getAttribute('data-error').slice(3)); });
    track();
    document.querySelectorAll('#sound-config input[name^="ev-"], #sound-config input[name="likeSound"], '
      + '#button-form [name="sound"]').forEach(listenBeside);
    form.addEventListener('submit', function (e) { e.preventDefault(); save(collect()).catch(function () {}); });
    $('add-gift').addEventListener('click', function () { $('gift-sounds').appendChild(giftRow('', '')); });
    $('button-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var f = this.elements;
      var body = collect();
      body.buttons = body.buttons.concat([{ name: f.name.value.trim(), sound: f.sound.value.trim(), hotkey: f.hotkey.value.trim() }]);
      save(body).then(function () { f.name.value = ''; f.sound.value = ''; f.hotkey.value = ''; }).catch(function () {});
    });
    $('search-form').addEventListener('submit', function (e) {
      e.preventDefault();
      api('GET', '/api/soundboard/search?q=' + encodeURIComponent($('search-q').value)).then(showResults, function (err) { LTTH.say(err.message); });
    });
    $('trending').addEventListener('click', function () {
      api('GET', '/api/soundboard/trending').then(showResults, function (err) { LTTH.say(err.message); });
    });
    $('upload-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var data = new FormData();
      data.append('file', this.elements.file.files[0] || new Blob());
      api('POST', '/api/media', data).then(function (m) {
        (target || document.querySelector('#button-form [name="sound"]')).value = m.url;
      }, function (err) { if (!LTTH.fieldErrors($('upload-form'), err)) LTTH.say(err.message); });
    });
    // Hotkeys: a button's key plays it, unless the streamer is typing in a field.
    document.addEventListener('keydown', function (e) {
      if (!config || e.ctrlKey || e.altKey || e.metaKey || /INPUT|TEXTAREA|SELECT/.test(document.activeElement.tagName)) return;
      var key = e.key.toLowerCase();
      config.buttons.forEach(function (b) { if (b.hotkey && b.hotkey === key) { e.preventDefault(); play({ button: b.name }); } });
    });
    api('GET', '/api/gifts').then(function (data) {
      $('gift-names').replaceChildren.apply($('gift-names'), data.gifts.map(function (g) { var o = el('option'); o.value = g.name; return o; }));
    }).catch(function () {});
    api('GET', '/api/soundboard/config').then(fill);
    counters();
    setInterval(counters, 2000);
  });
})();
