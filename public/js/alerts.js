/* Alert settings: one card per alert type with its look, a test button, the queue, and a live preview. */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var $ = function (id) { return document.getElementById(id); };
  var el = LTTH.el;
  var say = LTTH.say;
  var animations = [];
  var styles = [];

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
    var address = target.tagName === 'INPUT' ? target : target.querySelector('input');
    var file = el('input', 'form-control form-control-sm mt-1');
    file.type = 'file';
    file.accept = accept;
    file.addEventListener('change', function () {
      if (!file.files.length) return;
      var data = new FormData();
      data.append('file', file.files[0]);
      LTTH.api('POST', '/api/media', data).then(function (m) {
        address.value = m.url;
        say(t('alerts.uploaded', { name: m.name }), true);
      }).catch(function (e) { say(e.message); });
    });
    target.parentNode.insertBefore(file, target.nextSibling);
  }

  /** A sound field: an address or upload, LTTH's own sounds to pick from, and a button to listen. */
  function soundField(form, value, name) {
    var sound = field(form, t('alerts.sound'), input(name, value), name);
    sound.setAttribute('list', 'ltth-sounds');
    var group = el('div', 'input-group input-group-sm');
    sound.parentNode.insertBefore(group, sound);
    group.append(sound, LTTH.listenButton(function () { return sound.value; }));
    uploader(group, 'audio/*');
    return sound;
  }

  function select(name, values, value, prefix) {
    var s = el('select', 'form-select form-select-sm');
    s.name = name;
    values.forEach(function (n) {
      var o = el('option', '', t(prefix + n));
      o.value = n;
      s.appendChild(o);
    });
    s.value = value;
    return s;
  }

  /** The values of a form's named fields (or of one variation row's), as the API takes them. */
  function values(elements) {
    var body = {};
    Array.prototype.forEach.call(elements, function (e) {
      if (!e.name) return;
      body[e.name] = e.type === 'checkbox' ? e.checked : (e.type === 'number' || e.type === 'range') ? Number(e.value) : e.value;
    });
    return body;
  }

  /** One gift variation: which gift or coin range, and its own text, sound, media and seconds. */
  function variationRow(list, v, gift, testOne) {
    var row = el('fieldset', 'row g-2 border rounded p-2 mx-0 mb-2 variation');
    row.appendChild(el('legend', 'visually-hidden', t('alerts.variation')));
    var name = field(row, t('alerts.variation.gift'), input('giftName', v.giftName), 'giftName', t('alerts.variation.giftHelp'));
    name.setAttribute('list', 'ltth-gifts');
    name.parentNode.className = 'col-sm-6';
    var min = field(row, t('alerts.variation.minCoins'), input('minCoins', v.minCoins, 'number'), 'minCoins');
    var max = field(row, t('alerts.variation.maxCoins'), input('maxCoins', v.maxCoins, 'number'), 'maxCoins',
      t('alerts.variation.maxHelp'));
    min.parentNode.className = max.parentNode.className = 'col-sm-3';
    var text = field(row, t('alerts.text'), input('text', v.text), 'text');
    text.parentNode.className = 'col-12';
    soundField(row, v.sound, 'sound');
    var media = field(row, t('alerts.media'), input('media', v.media), 'media');
    uploader(media, 'image/*,video/*');
    field(row, t('alerts.seconds'), input('seconds', v.seconds, 'number'), 'seconds');
    var buttons = el('div', 'col-sm-6 d-flex gap-2 align-items-end justify-content-end');
    var test = el('button', 'btn btn-sm btn-outline-primary', t('alerts.variation.test'));
    test.type = 'button';
    test.setAttribute('data-test-variation', '');
    test.addEventListener('click', function () { testOne(Array.prototype.indexOf.call(list.children, row)); });
    var remove = el('button', 'btn btn-sm btn-outline-danger', t('alerts.variation.remove'));
    remove.type = 'button';
    remove.addEventListener('click', function () { row.remove(); });
    buttons.append(test, remove);
    row.appendChild(buttons);
    // The variation's fields are sent as one entry of "variations", not as the gift alert's own.
    row.querySelectorAll('[name]').forEach(function (e) { e.setAttribute('data-name', e.name); e.removeAttribute('name'); });
    list.appendChild(row);
    return row;
  }

  function variationValues(list) {
    return Array.prototype.map.call(list.children, function (row) {
      var body = {};
      row.querySelectorAll('[data-name]').forEach(function (e) {
        body[e.getAttribute('data-name')] = e.type === 'number' ? Number(e.value) : e.value;
      });
      return body;
    });
  }

  /** The gift alert's variations: a list of rows, an Add button; errors such as variations[1].text at their row. */
  function variationsEditor(form, a, save) {
    var box = el('div', 'col-12');
    box.appendChild(el('h3', 'h6 mt-2 mb-1', t('alerts.variations')));
    box.appendChild(el('p', 'form-text mt-0', t('alerts.variationsHelp')));
    var list = el('div', 'variations');
    box.appendChild(list);
    function testOne(i) {
      save().then(function () { return LTTH.api('POST', '/api/alerts/gift/test?variation=' + i); })
        .then(function () { say(t('alerts.tested'), true); })
        .catch(function (e) { if (!showVariationError(list, e)) say(e.message); });
    }
    a.variations.forEach(function (v) { variationRow(list, v, a, testOne); });
    var add = el('button', 'btn btn-sm btn-outline-secondary', t('alerts.variation.add'));
    add.type = 'button';
    add.setAttribute('data-add-variation', '');
    add.addEventListener('click', function () {
      variationRow(list, { giftName: '', minCoins: 0, maxCoins: 0, text: form.elements.text.value,
        sound: form.elements.sound.value, media: '', seconds: Number(form.elements.seconds.value) }, a, testOne)
        .querySelector('input').focus();
    });
    box.appendChild(add);
    form.appendChild(box);
    return list;
  }

  function showVariationError(list, e) {
    var m = e && e.field && /^variations\[(\d+)\]\.(\w+)$/.exec(e.field);
    if (!m || !list.children[Number(m[1])]) return false;
    var row = list.children[Number(m[1])];
    var feedback = row.querySelector('[data-error="' + m[2] + '"]');
    if (!feedback) return false;
    feedback.textContent = e.message;
    feedback.classList.add('d-block');
    return true;
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
    field(form, t('alerts.style'), select('style', styles, a.style, 'alerts.style.'), 'style');
    field(form, t('alerts.animation'), select('animation', animations, a.animation, 'alerts.animation.'), 'animation');
    soundField(form, a.sound, 'sound');
    var media = field(form, t('alerts.media'), input('media', a.media), 'media');
    uploader(media, 'image/*,video/*');
    field(form, t('alerts.seconds'), input('seconds', a.seconds, 'number'), 'seconds');
    var volume = input('volume', a.volume, 'range');
    volume.className = 'form-range';
    volume.min = 0; volume.max = 1; volume.step = 0.05;
    field(form, t('alerts.volume'), volume, 'volume');
    if (a.type === 'gift') field(form, t('alerts.minCoins'), input('minCoins', a.minCoins, 'number'), 'minCoins');
    if (a.type === 'like') field(form, t('alerts.likeStep'), input('likeStep', a.likeStep, 'number'), 'likeStep');
    var variations = null;
    function save() {
      var sent = values(form.elements);
      if (variations) sent.variations = variationValues(variations);
      LTTH.fieldErrors(form, null);
      return LTTH.api('PUT', '/api/alerts/' + a.type, sent);
    }
    if (a.type === 'gift') variations = variationsEditor(form, a, save);
    var saveButton = el('button', 'btn btn-sm btn-primary', t('common.save'));
    saveButton.type = 'submit';
    var actions = el('div', 'col-12');
    actions.appendChild(saveButton);
    form.appendChild(actions);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      save().then(function () {
        say(t('alerts.saved', { type: t('alerts.type.' + a.type) }), true);
      }).catch(function (e) {
        if (!(variations && showVariationError(variations, e)) && !LTTH.fieldErrors(form, e)) say(e.message);
      });
    });
    body.appendChild(form);
    section.appendChild(body);
    return section;
  }

  /** Choices for the sound and gift fields: LTTH's own sounds by name, and the gifts seen on this profile's LIVEs. */
  function datalists(sounds) {
    var list = $('ltth-sounds');
    list.textContent = '';
    sounds.forEach(function (url) {
      var o = el('option', '', t('alerts.builtInSound.' + url.replace(/^.*\/|\.wav$/g, '')));
      o.value = url;
      list.appendChild(o);
    });
    return LTTH.api('GET', '/api/gifts').then(function (r) {
      var gifts = $('ltth-gifts');
      gifts.textContent = '';
      r.gifts.forEach(function (g) {
        var o = el('option', '', t('alerts.giftCoins', { coins: g.coins }));
        o.value = g.name;
        gifts.appendChild(o);
      });
    }).catch(function () { /* no gifts seen yet: the name is typed */ });
  }

  function showQueue(q) {
    $('queue-state').textContent = t('alerts.queueState', { waiting: q.waiting, max: q.max, dropped: q.dropped });
  }

  function load() {
    return LTTH.api('GET', '/api/alerts').then(function (r) {
      animations = r.animations;
      styles = r.styles;
      datalists(r.sounds);
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
