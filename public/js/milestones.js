/*
 * The Gift milestones page: tiers of coins, each with a picture or video, a sound and seconds, celebrated on the
 * Alerts overlay ahead of the waiting alerts; the step after the last tier; the count of this stream and a Test per tier.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var n = LTTH.i18n.number;
  var api = LTTH.api;
  var el = LTTH.el;
  var $ = function (id) { return document.getElementById(id); };
  var form = $('milestones');

  function input(name, type, value, labelKey, cls) {
    var wrap = el('div', cls || '');
    var field = el('input', 'form-control form-control-sm');
    field.type = type;
    field.name = name;
    field.value = value === undefined || value === null ? '' : value;
    field.id = 'm-' + Math.random().toString(36).slice(2);
    if (type === 'number') field.min = '1';
    var label = el('label', 'form-label mb-0', t(labelKey));
    label.htmlFor = field.id;
    wrap.append(label, field);
    return wrap;
  }

  function tierRow(tier, index) {
    var row = el('div', 'row g-2 align-items-end tier border-bottom pb-2');
    var test = el('button', 'btn btn-outline-primary btn-sm', t('milestones.test'));
    test.type = 'button';
    test.disabled = index === null;   // a new tier can be tested once saved
    test.addEventListener('click', function () {
      api('POST', '/api/milestones/test', { tier: index }).then(function () {
        LTTH.say(t('milestones.tested'), true);
      }).catch(function (err) { LTTH.say(err.message); });
    });
    var remove = el('button', 'btn btn-outline-danger btn-sm', '×');
    remove.type = 'button';
    remove.setAttribute('aria-label', t('milestones.removeTier'));
    remove.addEventListener('click', function () { row.remove(); });
    var buttons = el('div', 'col-md-2 d-flex gap-1');
    buttons.append(test, remove);
    row.append(input('coins', 'number', tier.coins, 'milestones.coins', 'col-md-2'),
      input('name', 'text', tier.name, 'milestones.name', 'col-md-2'),
      input('media', 'text', tier.media, 'milestones.media', 'col-md-2'),
      input('sound', 'text', tier.sound, 'milestones.sound', 'col-md-2'),
      input('seconds', 'number', tier.seconds, 'milestones.seconds', 'col-md-2'), buttons);
    return row;
  }

  function show(d) {
    form.elements.enabled.checked = d.plan.enabled;
    form.elements.resetPerStream.checked = d.plan.resetPerStream;
    form.elements.step.value = d.plan.step;
    $('milestones-tiers').replaceChildren.apply($('milestones-tiers'), d.plan.tiers.map(tierRow));
    showCount(d);
  }

  /** How far the count is; the tiers on the page stay as they are (they may not be saved yet). */
  function showCount(d) {
    var key = !d.plan.tiers.length ? 'milestones.progressNone' : d.nextCoins == null ? 'milestones.progressDone' : 'milestones.progress';
    $('milestones-progress').textContent = t(key, { coins: n(d.coins), next: n(d.nextCoins || 0) });
  }

  function collect() {
    var tiers = Array.prototype.map.call(document.querySelectorAll('#milestones-tiers .tier'), function (row) {
      var v = function (name) { return row.querySelector('[name=' + name + ']').value.trim(); };
      return { coins: Number(v('coins')), name: v('name'), media: v('media'), sound: v('sound'), seconds: Number(v('seconds') || 8) };
    });
    return { enabled: form.elements.enabled.checked, resetPerStream: form.elements.resetPerStream.checked,
      step: Number(form.elements.step.value || 0), tiers: tiers };
  }

  LTTH.i18n.init().then(function () {
    LTTH.submit(form, function () {   // a tier's error shows under the tiers
      return api('PUT', '/api/milestones', collect()).then(function (d) {
        show(d);
        LTTH.say(t('milestones.saved'), true);
      });
    });
    $('milestones-add').addEventListener('click', function () {
      var rows = document.querySelectorAll('#milestones-tiers .tier');
      var last = rows.length ? Number(rows[rows.length - 1].querySelector('[name=coins]').value) : 0;
      $('milestones-tiers').appendChild(tierRow({ coins: last + 1000, name: '', media: '', sound: '', seconds: 8 }, null));
    });
    $('milestones-reset').addEventListener('click', function () {
      api('POST', '/api/milestones/reset').then(function (d) { showCount(d); LTTH.say(t('milestones.resetDone'), true); })
        .catch(function (err) { LTTH.say(err.message); });
    });
    api('GET', '/api/milestones').then(show).catch(function (err) { LTTH.say(err.message); });
  });
})();
