/* The VDO.Ninja page: the room, guest slots and layout, and every link with a copy button. */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var api = LTTH.api;
  var el = LTTH.el;
  var $ = function (id) { return document.getElementById(id); };
  var form = $('vdo-config');
  var MASK = '••••••';
  var password = '';
  var revealed = false;   // a dashboard shown on stream must not show the room's password
  var links = [];         // [input, url]: the inputs show the url masked until "Show"

  function masked(url) {
    return revealed || !password ? url : url.split(password).join(MASK);
  }

  function reveal(on) {
    revealed = on;
    $('vdo-password').textContent = on ? password : MASK;
    $('vdo-show').textContent = t(on ? 'vdo.hide' : 'vdo.show');
    links.forEach(function (l) { l[0].value = masked(l[1]); });
  }

  function link(label, url, key) {
    var wrap = el('div');
    var group = el('div', 'input-group input-group-sm');
    var input = el('input', 'form-control font-monospace');
    input.readOnly = true;
    input.value = masked(url);
    links.push([input, url]);
    input.setAttribute('data-link', key);
    input.setAttribute('aria-label', label);
    var button = el('button', 'btn btn-outline-primary', t('vdo.copy'));
    button.type = 'button';
    // The whole link, password included, whether or not it is shown.
    button.addEventListener('click', function () {
      LTTH.copy(url, input).then(function () { button.textContent = t('vdo.copied'); });
    });
    group.append(input, button);
    wrap.append(el('label', 'form-label small mb-0', label), group);
    return wrap;
  }

  function show(r) {
    $('vdo-off').classList.add('d-none');
    $('vdo-room').textContent = r.room.room;
    password = r.room.password;
    links = [];
    var f = form.elements;
    f.layout.value = r.room.layout;
    f.baseUrl.value = r.room.baseUrl;
    f.guests.value = r.room.guests.map(function (g) { return g.name; }).join('\n');
    var items = [link(t('vdo.director'), r.links.director, 'director'), link(t('vdo.scene'), r.links.scene, 'scene')];
    r.links.guests.forEach(function (g) {
      items.push(link(t('vdo.invite', { n: g.slot, name: g.name }), g.invite, 'invite-' + g.slot));
      items.push(link(t('vdo.solo', { n: g.slot, name: g.name }), g.solo, 'solo-' + g.slot));
    });
    $('vdo-links').replaceChildren.apply($('vdo-links'), items);
    reveal(revealed);
  }

  function failed(err) {
    if (err.status === 409) $('vdo-off').classList.remove('d-none');
    else LTTH.say(err.message);
  }

  LTTH.i18n.init().then(function () {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      LTTH.fieldErrors(form, null);
      var f = form.elements;
      var guests = LTTH.lines(f.guests.value).map(function (n) { return { name: n }; });
      api('PUT', '/api/vdoninja/config', { layout: f.layout.value, baseUrl: f.baseUrl.value.trim(), guests: guests })
        .then(function (r) { show(r); LTTH.say(t('vdo.saved'), true); })
        .catch(function (err) { if (!LTTH.fieldErrors(form, err)) failed(err); });
    });
    $('vdo-show').addEventListener('click', function () { reveal(!revealed); });
    $('vdo-renew').addEventListener('click', function () {
      if (!confirm(t('vdo.renewConfirm'))) return;
      api('POST', '/api/vdoninja/room').then(show).catch(failed);
    });
    api('GET', '/api/vdoninja').then(show).catch(failed);
  });
})();
