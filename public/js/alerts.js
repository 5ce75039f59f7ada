/* Alert settings: one card per alert type with its look, a test button, the queue, and a live preview. */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var $ = function (id) { return document.getElementById(id); };
  var el = LTTH.el;
  var say = LTTH.say;
  var animations = [];

  function field(form, label, input, name, help) {
    var col = el('div', input.type === 'checkbox' ? 'col-12' : 'col-sm-6');
    if (input.type === 'checkbox') {
      var check = el('div', 'form-check form-switch');
      input.className = 'form-check-input';
      input.id = form.id + '-' + name;
      var l = el('label', 'form-check-label small', label);
      l.htmlFor = input.id;
      check.append(input, l);
      col.appendChild(check);
    } else {
      col.appendChild(el('label', 'form-label small', label));
      col.appendChild(input);
      if (help) col.appendChild(el('div', 'form-text', help));
    }
    var feedback = el('div', 'invalid-feedback');
    feedback.setAttribute('data-error', name);
    col.appendChild(feedback);
    form.appendChild(col);
    return input;
  }

  function input(name, value, type) {
    var i = el('input', 'form-control form-control-sm');
    i.name = name;
    i.type = type || 'text';
    if (type === 'checkbox') i.checked = value; else i.value = value;
    return i;
  }

  /** A file chooser next to a URL field: uploads to /api/media and puts the file's address into the field. */
  function uploader(target, accept) {
    var file = el('input', 'form-control form-control-sm mt-1');
    file.type = 'file';
    file.accept = accept;
    file.addEventListener('change', function () {
      if (!file.files.length) return;
      var data = new FormData();
      data.append('file', file.files[0]);
      LTTH.api('POST', '/api/media', data).then(function (m) {
        target.value = m.url;
        say(t('alerts.uploaded', { name: m.name }), true);
      }).catch(function (e) { say(e.message); });
    });
    target.parentNode.insertBefore(file, target.nextSibling);
  }

  function card(a) {
    var section = el('section', 'card');
    section.setAttribute('data-alert-type', a.type);
    var header = el('div', 'card-header d-flex align-items-center gap-2');
    header.appendChild(el('strong', 'me-auto', t('alerts.type.' + a.type)));
    var test = el('button', 'btn btn-sm btn-outline-primary', t('alerts.test'));
    test.type = 'button';
    test.setAttribute('data-test', a.type);
    test.addEventListener('click', function () {
      LTTH.api('POST', '/api/alerts/' + a.type + '/test').then(function () { say(t('alerts.tested'), true); })
        .catch(function (e) { say(e.message); });
    });
    header.appendChild(test);
    section.appendChild(header);
    var body = el('div', 'card-body');
    var form = el('form', 'row g-2');
    form.id = 'alert-' + a.type;
    form.noValidate = true;
    field(form, t('alerts.enabled'), input('enabled', a.enabled, 'checkbox'), 'enabled');
    var text = field(form, t('alerts.text'), input('text', a.text), 'text', t('alerts.textHelp'));
    text.parentNode.className = 'col-12';
    var sound = field(form, t('alerts.sound'), input('sound', a.sound), 'sound');
    uploader(sound, 'audio/*');
    var media = field(form, t('alerts.media'), input('media', a.media), 'media');
    uploader(media, 'image/*,video/*');
    field(form, t('alerts.seconds'), input('seconds', a.seconds, 'number'), 'seconds');
    var animation = el('select', 'form-select form-select-sm');
    animation.name = 'animation';
    animations.forEach(function (n) {
      var o = el('option', '', t('alerts.animation.' + n));
      o.value = n;
      animation.appendChild(o);
    });
    animation.value = a.animation;
    field(form, t('alerts.animation'), animation, 'animation');
    var volume = input('volume', a.volume, 'range');
    volume.className = 'form-range';
    volume.min = 0; volume.max = 1; volume.step = 0.05;
    field(form, t('alerts.volume'), volume, 'volume');
    if (a.type === 'gift') field(form, t('alerts.minCoins'), input('minCoins', a.minCoins, 'number'), 'minCoins');
    if (a.type === 'like') field(form, t('alerts.likeStep'), input('likeStep', a.likeStep, 'number'), 'likeStep');
    var save = el('button', 'btn btn-sm btn-primary', t('common.save'));
    save.type = 'submit';
    var actions = el('div', 'col-12');
    actions.appendChild(save);
    form.appendChild(actions);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = {};
      Array.prototype.forEach.call(form.elements, function (e) {
        if (!e.name) return;
        body[e.name] = e.type === 'checkbox' ? e.checked : (e.type === 'number' || e.type === 'range') ? Number(e.value) : e.value;
      });
      LTTH.api('PUT', '/api/alerts/' + a.type, body).then(function () {
        LTTH.fieldErrors(form, null);
        say(t('alerts.saved', { type: t('alerts.type.' + a.type) }), true);
      }).catch(function (e) { if (!LTTH.fieldErrors(form, e)) say(e.message); });
    });
    body.appendChild(form);
    section.appendChild(body);
    return section;
  }

  function showQueue(q) {
    $('queue-state').textContent = t('alerts.queueState', { waiting: q.waiting, max: q.max, dropped: q.dropped });
  }

  function load() {
    return LTTH.api('GET', '/api/alerts').then(function (r) {
      animations = r.animations;
      var list = $('alert-list');
      list.textContent = '';
      r.alerts.forEach(function (a) { list.appendChild(card(a)); });
      showQueue(r.queue);
      $('queue-max').value = r.queue.max;
      $('queue-overflow').value = r.queue.overflow;
    });
  }

  $('skip').addEventListener('click', function () {
    LTTH.api('POST', '/api/alerts/skip').then(showQueue).catch(function (e) { say(e.message); });
  });
  $('queue-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    LTTH.api('PUT', '/api/settings', { 'alerts.queueMax': Number($('queue-max').value), 'alerts.overflow': $('queue-overflow').value })
      .then(function () { LTTH.fieldErrors($('queue-form'), null); say(t('common.saved'), true); return load(); })
      .catch(function (e) { if (!LTTH.fieldErrors($('queue-form'), e)) say(e.message); });
  });

  LTTH.i18n.init().then(function () {
    LTTH.preview($('preview'), '/overlays/alerts.html');
    setInterval(function () { LTTH.api('GET', '/api/alerts').then(function (r) { showQueue(r.queue); }).catch(function () {}); }, 3000);
    return load();
  }).catch(function (e) { say(e.message); });
})();
