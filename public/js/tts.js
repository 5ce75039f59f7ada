/*
 * The text-to-speech page: speak by hand, the live queue (skip, pause, clear), the engines and why one cannot speak,
 * viewer voices, and what is read (filters and limits), with the server's field errors next to the fields.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var api = LTTH.api;
  var el = LTTH.el;
  var $ = function (id) { return document.getElementById(id); };
  var form = $('tts-config');
  var paused = false;

  function voiceOptions(select, voices, empty) {
    select.replaceChildren();
    if (empty) { var o = el('option', '', empty); o.value = ''; select.appendChild(o); }
    voices.forEach(function (v) {
      var option = el('option', '', v.engine + ' · ' + v.name + ' (' + v.language + ')');
      option.value = v.id;
      select.appendChild(option);
    });
  }

  function loadVoices() {
    return api('GET', '/api/tts/voices').then(function (data) {
      voiceOptions($('speak-voice'), data.voices, t('tts.defaultVoice'));
      // Nothing can speak: said where the streamer types, with the way to a voice (install espeak-ng, or a key).
      var none = data.engines.every(function (e) { return !e.available; });
      $('tts-no-voice').classList.toggle('d-none', !none);
      var local = data.engines.filter(function (e) { return e.id === 'local'; })[0];
      $('tts-no-voice-hint').textContent = none && local ? (LTTH.i18n.has(local.reasonKey) ? t(local.reasonKey) : local.reason) : '';
      voiceOptions(form.elements.voice, data.voices, t('tts.defaultVoice'));
      voiceOptions(document.querySelector('#user-voice-form [name=voice]'), data.voices);
      $('tts-engines').replaceChildren.apply($('tts-engines'), data.engines.map(function (e) {
        var li = el('li', 'list-group-item d-flex gap-2');
        li.setAttribute('data-engine', e.id);
        li.append(el('span', 'badge ' + (e.available ? 'text-bg-success' : 'text-bg-secondary'), e.available ? '✓' : '–'),
          el('span', 'fw-semibold', t('tts.engine.' + e.id)));
        if (!e.available) {
          li.append(el('span', 'text-body-secondary', LTTH.i18n.has(e.reasonKey) ? t(e.reasonKey) : e.reason));
          // A key is missing: the way to Settings is one click.
          if (e.id !== 'local') {
            var link = el('a', 'ms-auto small', t('tts.engine.addKey'));
            link.href = '/settings.html#keys';
            li.append(link);
          }
        }
        return li;
      }));
    });
  }

  function fill(c) {
    var f = form.elements;
    f.enabled.checked = c.enabled;
    ['who', 'prefix', 'chatTemplate', 'voice', 'giftMinCoins', 'maxLength', 'perMinute', 'duplicateSeconds', 'queueMax',
      'volume', 'wordAction'].forEach(function (n) { f[n].value = c[n]; });
    ['gift', 'follow', 'share', 'subscribe'].forEach(function (e) { f['ev-' + e].value = c.events[e] || ''; });
    f.allow.value = c.allow.join('\n');
    f.block.value = c.block.join('\n');
    f['words-en'].value = (c.words.en || []).join('\n');
    f['words-de'].value = (c.words.de || []).join('\n');
  }

  function collect() {
    var f = form.elements;
    var events = {};
    ['gift', 'follow', 'share', 'subscribe'].forEach(function (e) { if (f['ev-' + e].value.trim()) events[e] = f['ev-' + e].value.trim(); });
    var words = {};
    if (LTTH.lines(f['words-en'].value).length) words.en = LTTH.lines(f['words-en'].value);
    if (LTTH.lines(f['words-de'].value).length) words.de = LTTH.lines(f['words-de'].value);
    var num = function (n) { return Number(f[n].value); };
    return {
      enabled: f.enabled.checked, who: f.who.value, prefix: f.prefix.value, chatTemplate: f.chatTemplate.value, voice: f.voice.value,
      events: events, giftMinCoins: num('giftMinCoins'), maxLength: num('maxLength'), perMinute: num('perMinute'),
      duplicateSeconds: num('duplicateSeconds'), queueMax: num('queueMax'), volume: num('volume'), wordAction: f.wordAction.value,
      allow: LTTH.lines(f.allow.value), block: LTTH.lines(f.block.value), words: words
    };
  }

  function showQueue(s) {
    paused = s.paused;
    $('tts-now').textContent = s.speaking ? t('tts.now', { text: s.speaking.text }) : t('tts.idle');
    $('tts-waiting').replaceChildren.apply($('tts-waiting'), s.waiting.map(function (w) {
      var li = el('li', 'tts-item', w.text + ' (' + w.priority + ')');
      li.setAttribute('data-id', w.id);
      return li;
    }));
    $('tts-counters').textContent = t('tts.counters', s) + (s.paused ? ' · ⏸' : '') + (s.lastError ? ' · ' + s.lastError : '');
  }

  function loadUsers() {
    return api('GET', '/api/tts/users').then(function (data) {
      $('user-voices').replaceChildren.apply($('user-voices'), Object.keys(data.users).map(function (u) {
        var li = el('li', '', '@' + u + ' → ' + data.users[u] + ' ');
        var remove = el('button', 'btn btn-link btn-sm p-0', t('tts.remove'));
        remove.type = 'button';
        remove.addEventListener('click', function () { api('DELETE', '/api/tts/users/' + encodeURIComponent(u)).then(loadUsers); });
        li.appendChild(remove);
        return li;
      }));
    });
  }

  LTTH.i18n.init().then(function () {
    // The server names these fields as events.gift and words.
    document.querySelectorAll('#tts-config [data-error^="ev-"]').forEach(function (e) { e.setAttribute('data-error', 'events.' + e.getAttribute('data-error').slice(3)); });
    document.querySelectorAll('#tts-config [data-error^="words-"]').forEach(function (e, i) { e.setAttribute('data-error', i === 0 ? 'words' : 'words.de'); });
    LTTH.submit($('speak-form'), function () {
      return api('POST', '/api/tts/speak', { text: $('speak-text').value, voice: $('speak-voice').value })
        .then(function () { LTTH.say(t('tts.queued'), true); $('speak-text').value = ''; });
    });
    LTTH.submit(form, function () {
      return api('PUT', '/api/tts/config', collect()).then(function (c) { fill(c); LTTH.say(t('tts.saved'), true); });
    });
    LTTH.submit($('user-voice-form'), function () {
      var f = $('user-voice-form').elements;
      return api('PUT', '/api/tts/users/' + encodeURIComponent(f.username.value.replace(/^@/, '')), { voice: f.voice.value })
        .then(function () { f.username.value = ''; return loadUsers(); });
    });
    $('tts-skip').addEventListener('click', function () { api('POST', '/api/tts/queue/skip'); });
    $('tts-clear').addEventListener('click', function () { api('POST', '/api/tts/queue/clear'); });
    $('tts-pause').addEventListener('click', function () { api('POST', '/api/tts/queue/' + (paused ? 'resume' : 'pause')).then(showQueue); });
    $('tts-listen').addEventListener('change', function () {
      var box = $('tts-preview');
      box.replaceChildren();
      if (!this.checked) return;
      var frame = el('iframe');
      frame.src = '/overlays/audio.html?preview=1&scale=0.25';
      frame.allow = 'autoplay';
      frame.title = 'audio';
      frame.style.cssText = 'width:100%;height:80px;border:0;color-scheme:normal';
      box.appendChild(frame);
    });
    loadVoices().then(function () { return api('GET', '/api/tts/config'); }).then(fill);
    loadUsers();
    api('GET', '/api/tts/queue').then(showQueue);
    LTTH.connect({ on: { 'tts:queue': showQueue } });
  });
})();
