/*
 * One row of a bridge's mappings (Minecraft, OpenShock): when (a gift by name and coins, a follow, a share, a
 * subscription, a chat starting with some text, every N likes), then what the bridge does (the page's own inputs),
 * on or off, and a button that removes the row. The server's errors (mappings[2].action) find their input.
 */
(function (global) {
  'use strict';
  var ON = ['gift', 'follow', 'share', 'subscribe', 'chat', 'likes'];
  var t = function (k) { return global.LTTH.i18n.t(k); };
  var el = function (tag, cls, text) { return global.LTTH.el(tag, cls, text); };

  /** A labelled input (kind: text, number, textarea, or a list of [value, label] for a select). */
  function field(prefix, kind, name, value, i, attrs, width) {
    var wrap = el('div', width || 'col-md-2');
    var id = prefix + '-' + i + '-' + name;
    var label = el('label', 'form-label small mb-0', t(prefix + '.f.' + name));
    label.htmlFor = id;
    var input;
    if (Array.isArray(kind)) {
      input = el('select', 'form-select form-select-sm');
      kind.forEach(function (o) {
        var opt = el('option', '', o[1]);
        opt.value = o[0];
        input.append(opt);
      });
    } else {
      input = el(kind === 'textarea' ? 'textarea' : 'input', 'form-control form-control-sm');
      if (kind === 'textarea') input.rows = 2; else input.type = kind;
    }
    input.id = id;
    input.name = name;
    input.value = value;
    Object.keys(attrs || {}).forEach(function (k) { input.setAttribute(k, attrs[k]); });
    var error = el('div', 'invalid-feedback');
    error.setAttribute('data-error', 'mappings[' + i + '].' + name);
    wrap.append(label, input, error);
    return wrap;
  }

  /**
   * The row for mapping m (i-th). prefix: the page's text prefix (mc, openshock: mc.f.gift, mc.on.chat, ...);
   * what(i): the page's inputs of what happens. read(box) gives the trigger's fields of a row.
   */
  function row(prefix, m, i, what) {
    var box = el('div', 'row g-2 align-items-end border rounded p-2 bridge-mapping');
    var on = field(prefix, ON.map(function (o) { return [o, t(prefix + '.on.' + o)]; }), 'on', m.on || 'gift', i);
    var gift = field(prefix, 'text', 'gift', m.gift || '', i, { maxlength: '60' });
    var minCoins = field(prefix, 'number', 'minCoins', m.minCoins || 0, i, { min: '0' });
    var likes = field(prefix, 'number', 'likes', m.likes || 100, i, { min: '1' });
    var text = field(prefix, 'text', 'text', m.text || '', i, { maxlength: '100', placeholder: '!command' });
    var end = el('div', 'col-md-1 d-flex flex-column gap-1');
    var enabled = el('input', 'form-check-input');
    enabled.type = 'checkbox';
    enabled.name = 'enabled';
    enabled.checked = m.enabled !== false;
    enabled.setAttribute('aria-label', t(prefix + '.f.enabled'));
    var remove = el('button', 'btn btn-sm btn-outline-danger', '×');
    remove.type = 'button';
    remove.setAttribute('aria-label', t(prefix + '.remove'));
    remove.addEventListener('click', function () { box.remove(); });
    end.append(enabled, remove);
    function shape() {
      var when = on.querySelector('select').value;
      gift.hidden = minCoins.hidden = when !== 'gift';
      likes.hidden = when !== 'likes';
      text.hidden = when !== 'chat';
    }
    on.querySelector('select').addEventListener('change', shape);
    shape();
    box.append.apply(box, [on, gift, minCoins, likes, text].concat(what(i), [end]));
    return box;
  }

  /** The trigger's fields and the switch of a row, as the server reads a mapping. */
  function read(box) {
    var q = function (n) { return box.querySelector('[name="' + n + '"]'); };
    var m = { on: q('on').value, enabled: q('enabled').checked };
    if (m.on === 'gift') { m.gift = q('gift').value.trim(); m.minCoins = Number(q('minCoins').value || 0); }
    if (m.on === 'likes') m.likes = Number(q('likes').value || 0);
    if (m.on === 'chat') m.text = q('text').value.trim();
    return m;
  }

  /** Before sending: rows removed in between, so the server's mappings[i] is the i-th row now. */
  function renumber(rows) {
    Array.prototype.forEach.call(rows.children, function (box, i) {
      box.querySelectorAll('[data-error]').forEach(function (e) {
        e.setAttribute('data-error', e.getAttribute('data-error').replace(/^mappings\[\d+\]/, 'mappings[' + i + ']'));
      });
    });
  }

  global.LTTH = global.LTTH || {};
  global.LTTH.mappings = { row: row, field: field, read: read, renumber: renumber };
})(window);
