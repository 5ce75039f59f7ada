/*
 * The Effects page: try each effect on the Weather and fireworks overlay, and set up the particle cap, what an effect
 * lasts and how strong it is, what !weather may start, the gift rules, the fireworks finale and the emoji rain (sets
 * and pictures, one emoji per viewer, bursts, preset), with buttons that rain, burst and clear now.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var n = LTTH.i18n.number;
  var api = LTTH.api;
  var el = LTTH.el;
  var say = LTTH.say;
  var $ = function (id) { return document.getElementById(id); };
  var form = $('effects');
  var EFFECTS = [];
  var PRESETS = [];

  function option(value, label, selected) {
    var o = el('option', '', label);
    o.value = value;
    o.selected = selected;
    return o;
  }

  function field(name, type, value, labelKey, cls) {
    var wrap = el('div', cls);
    var input = el('input', 'form-control form-control-sm');
    input.type = type;
    input.name = name;
    input.id = 'r-' + Math.random().toString(36).slice(2);
    input.value = value === undefined || value === null ? '' : value;
    if (type === 'number') input.step = 'any';
    var label = el('label', 'form-label mb-0', t(labelKey));
    label.htmlFor = input.id;
    wrap.append(label, input);
    return wrap;
  }

  function ruleRow(rule) {
    var row = el('div', 'row g-2 align-items-end rule border-bottom pb-2');
    var gift = field('gift', 'text', rule.gift, 'effects.ruleGift', 'col-md-3');
    gift.querySelector('input').setAttribute('list', 'pick-gifts');
    var effectWrap = el('div', 'col-md-2');
    var effect = el('select', 'form-select form-select-sm');
    effect.name = 'effect';
    effect.id = 'r-' + Math.random().toString(36).slice(2);
    EFFECTS.forEach(function (name) { effect.appendChild(option(name, t('effects.name.' + name), name === rule.effect)); });
    var effectLabel = el('label', 'form-label mb-0', t('effects.effect'));
    effectLabel.htmlFor = effect.id;
    effectWrap.append(effectLabel, effect);
    var remove = el('button', 'btn btn-outline-danger btn-sm', '×');
    remove.type = 'button';
    remove.setAttribute('aria-label', t('effects.removeRule'));
    remove.addEventListener('click', function () { row.remove(); });
    var buttons = el('div', 'col-md-1');
    buttons.appendChild(remove);
    row.append(gift, field('minCoins', 'number', rule.minCoins, 'effects.ruleMinCoins', 'col-md-2'), effectWrap,
      field('seconds', 'number', rule.seconds, 'effects.seconds', 'col-md-2'),
      field('intensity', 'number', rule.intensity, 'effects.intensity', 'col-md-2'), buttons);
    return row;
  }

  /** "@anna 🦄" lines to {"anna": "🦄"}; a line that is not "@name emoji" stays in and the server names it. */
  function viewersOf(text) {
    var out = {};
    text.split('\n').map(function (s) { return s.trim(); }).filter(Boolean).forEach(function (line) {
      var space = line.search(/\s/);
      if (space < 0) out[line] = '';
      else out[line.slice(0, space)] = line.slice(space).trim();
    });
    return out;
  }

  function listOf(text) {
    return text.split(/[\s,]+/).filter(Boolean);
  }

  function show(d) {
    var c = d.config;
    $('e-maxParticles').value = c.maxParticles;
    $('e-seconds').value = c.seconds;
    $('e-intensity').value = c.intensity;
    $('e-goalFinale').checked = c.goalFinale;
    $('e-commandEffects').replaceChildren.apply($('e-commandEffects'), EFFECTS.map(function (name) {
      var wrap = el('div', 'form-check');
      var box = el('input', 'form-check-input');
      box.type = 'checkbox';
      box.id = 'ce-' + name;
      box.value = name;
      box.checked = c.commandEffects.indexOf(name) >= 0;
      var label = el('label', 'form-check-label', t('effects.name.' + name));
      label.htmlFor = box.id;
      wrap.append(box, label);
      return wrap;
    }));
    $('effects-rules').replaceChildren.apply($('effects-rules'), c.rules.map(ruleRow));
    $('e-emoji-gift').value = c.emoji.gift.join(' ');
    $('e-emoji-like').value = c.emoji.like.join(' ');
    $('e-emoji-perViewer').checked = c.emoji.perViewer;
    $('e-emoji-viewers').value = Object.keys(c.emoji.viewers).map(function (h) { return '@' + h + ' ' + c.emoji.viewers[h]; }).join('\n');
    $('e-emoji-burstCoins').value = c.emoji.burstCoins;
    $('e-emoji-burstCount').value = c.emoji.burstCount;
    $('e-emoji-preset').replaceChildren.apply($('e-emoji-preset'), PRESETS.map(function (p) {
      return option(p, t('effects.preset.' + p), p === c.emoji.preset);
    }));
    showRunning(d.state.running);
  }

  function showRunning(running) {
    $('effects-running').textContent = running.length
      ? t('effects.running', { list: running.map(function (r) { return t('effects.name.' + r.name) + ' (' + n(r.seconds) + ' s)'; }).join(', ') })
      : t('effects.noneRunning');
  }

  function collect() {
    var rules = Array.prototype.map.call(document.querySelectorAll('#effects-rules .rule'), function (row) {
      // the rows' fields share names with the settings above: always looked up in their row, never by form.elements
      var v = function (name) { return row.querySelector('[name=' + name + ']').value.trim(); };
      var rule = { gift: v('gift'), minCoins: Number(v('minCoins') || 0), effect: v('effect') };
      if (v('seconds')) rule.seconds = Number(v('seconds'));
      if (v('intensity')) rule.intensity = Number(v('intensity'));
      return rule;
    });
    return {
      maxParticles: Number($('e-maxParticles').value), seconds: Number($('e-seconds').value),
      intensity: Number($('e-intensity').value), goalFinale: $('e-goalFinale').checked,
      commandEffects: Array.prototype.filter.call(document.querySelectorAll('#e-commandEffects input'), function (b) { return b.checked; })
        .map(function (b) { return b.value; }),
      rules: rules,
      emoji: { gift: listOf($('e-emoji-gift').value), like: listOf($('e-emoji-like').value),
        perViewer: $('e-emoji-perViewer').checked, viewers: viewersOf($('e-emoji-viewers').value),
        burstCoins: Number($('e-emoji-burstCoins').value || 0), burstCount: Number($('e-emoji-burstCount').value || 1),
        preset: $('e-emoji-preset').value }
    };
  }

  function tryButtons() {
    var box = $('effects-buttons');
    EFFECTS.forEach(function (name) {
      var b = el('button', 'btn btn-outline-primary btn-sm', t('effects.name.' + name));
      b.type = 'button';
      b.setAttribute('data-effect', name);
      b.addEventListener('click', function () {
        api('POST', '/api/effects/' + name, { seconds: Number($('try-seconds').value || 10),
          intensity: Number($('try-intensity').value), count: name === 'fireworks' ? 5 : 1 }).then(function () {
          say(t('effects.started', { name: t('effects.name.' + name) }), true);
          return api('GET', '/api/effects');
        }).then(function (d) { showRunning(d.state.running); }).catch(function (err) { say(err.message); });
      });
      box.appendChild(b);
    });
    var stop = el('button', 'btn btn-outline-danger btn-sm', t('effects.stopAll'));
    stop.type = 'button';
    stop.id = 'effects-stop';
    stop.addEventListener('click', function () {
      api('POST', '/api/effects/stop', { name: 'all' }).then(function () {
        showRunning([]);
        say(t('effects.stopped'), true);
      }).catch(function (err) { say(err.message); });
    });
    box.appendChild(stop);
  }

  function emojiButton(id, op, body) {
    $(id).addEventListener('click', function () {
      api('POST', '/api/emoji-rain/' + op, body()).then(function () {
        say(t('effects.emojiSent.' + op), true);
      }).catch(function (err) { say(err.message); });
    });
  }

  $('e-emoji-upload').addEventListener('change', function () {
    var file = $('e-emoji-upload');
    if (!file.files.length) return;
    var data = new FormData();
    data.append('file', file.files[0]);
    api('POST', '/api/media', data).then(function (m) {
      $('e-emoji-gift').value = ($('e-emoji-gift').value + ' ' + m.url).trim();
      say(t('effects.uploaded', { name: m.name }), true);
    }).catch(function (err) { say(err.message); });
  });

  LTTH.i18n.init().then(function () {
    LTTH.submit(form, function () {
      return api('PUT', '/api/effects', collect()).then(function (d) {
        show(d);
        say(t('effects.saved'), true);
      });
    });
    $('effects-add-rule').addEventListener('click', function () {
      $('effects-rules').appendChild(ruleRow({ gift: '', minCoins: 0, effect: 'fireworks', seconds: '', intensity: '' }));
    });
    emojiButton('emoji-start', 'start', function () { return { preset: $('e-emoji-preset').value, seconds: Number($('try-seconds').value || 10) }; });
    emojiButton('emoji-burst', 'burst', function () { return {}; });
    emojiButton('emoji-clear', 'clear', function () { return {}; });
    api('GET', '/api/gifts').then(function (r) {
      $('pick-gifts').replaceChildren.apply($('pick-gifts'), r.gifts.map(function (g) {
        return option(g.name, t('alerts.giftCoins', { coins: g.coins }), false);
      }));
    }, function () {});
    api('GET', '/api/effects').then(function (d) {
      EFFECTS = d.effects;
      PRESETS = d.presets;
      tryButtons();
      show(d);
      if (!d.active) say(t('effects.off'));
    }).catch(function (err) { say(err.message); });
  });
})();
