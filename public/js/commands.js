/*
 * The Commands page: every chat command with where it comes from (a feature, a flow, a plugin), its aliases, who may
 * use it and its cooldowns, each saved on its own; and the last commands that ran or were refused, with why.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var api = LTTH.api;
  var el = LTTH.el;
  var $ = function (id) { return document.getElementById(id); };
  var PERMISSIONS = ['everyone', 'follower', 'subscriber', 'moderator', 'broadcaster'];
  var clock = new Intl.DateTimeFormat(LTTH.i18n.language(), { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  var prefix = '!';

  /** A description is a locale key for LTTH's own commands, the flow's or plugin's words otherwise. */
  function described(text) {
    return LTTH.i18n.has(text) ? t(text) : text;
  }

  function field(labelKey, input, name) {
    var wrap = el('div', '');
    var label = el('label', 'form-label small mb-0 d-block', t(labelKey));
    input.name = name;
    input.id = 'c-' + Math.random().toString(36).slice(2);
    label.htmlFor = input.id;
    wrap.append(label, input, el('div', 'invalid-feedback'));
    wrap.lastChild.setAttribute('data-error', name);
    return wrap;
  }

  function number(value, min, max) {
    var input = el('input', 'form-control form-control-sm');
    input.type = 'number';
    input.min = min;
    input.max = max;
    input.value = value;
    input.style.width = '7em';
    return input;
  }

  function row(c) {
    var form = el('form', 'border rounded p-2 d-flex flex-wrap gap-3 align-items-end command');
    form.noValidate = true;
    form.setAttribute('data-command', c.name);
    var head = el('div', 'me-auto');
    head.append(el('strong', 'd-block', prefix + c.name), el('span', 'text-body-secondary d-block', described(c.description)),
      el('span', 'badge text-bg-secondary', t('commands.source.' + c.source.split(':')[0])));
    var enabled = el('input', 'form-check-input');
    enabled.type = 'checkbox';
    enabled.checked = c.enabled;
    var onSwitch = el('div', 'form-check form-switch');
    var onLabel = el('label', 'form-check-label', t('commands.enabled'));
    enabled.name = 'enabled';
    enabled.id = 'c-on-' + c.name;
    onLabel.htmlFor = enabled.id;
    onSwitch.append(enabled, onLabel);
    var aliases = el('input', 'form-control form-control-sm');
    aliases.value = c.aliases.join(', ');
    aliases.placeholder = t('commands.aliasesHint');
    var permission = el('select', 'form-select form-select-sm');
    PERMISSIONS.forEach(function (p) {
      var o = el('option', '', t('commands.permission.' + p));
      o.value = p;
      permission.appendChild(o);
    });
    permission.value = c.permission;
    var save = el('button', 'btn btn-sm btn-primary', t('commands.save'));
    save.type = 'submit';
    form.append(head, onSwitch, field('commands.aliases', aliases, 'aliases'), field('commands.permission', permission, 'permission'),
      field('commands.minTeamLevel', number(c.minTeamLevel, 0, 50), 'minTeamLevel'),
      field('commands.minLevel', number(c.minLevel, 0, 1000), 'minLevel'),
      field('commands.userCooldown', number(c.userCooldownSeconds, 0, 86400), 'userCooldownSeconds'),
      field('commands.globalCooldown', number(c.globalCooldownSeconds, 0, 86400), 'globalCooldownSeconds'), save);
    LTTH.submit(form, function () {
      var f = form.elements;
      return api('PUT', '/api/commands/' + encodeURIComponent(c.name), {
        enabled: f.enabled.checked,
        aliases: aliases.value.split(',').map(function (a) { return a.trim(); }).filter(Boolean),
        permission: f.permission.value, minTeamLevel: Number(f.minTeamLevel.value),
        minLevel: Number(f.minLevel.value),
        userCooldownSeconds: Number(f.userCooldownSeconds.value), globalCooldownSeconds: Number(f.globalCooldownSeconds.value)
      }).then(function () { LTTH.say(t('commands.saved', { command: prefix + c.name }), true); });
    });
    return form;
  }

  function refusal(r) {
    var values = {};
    Object.keys(r.values).forEach(function (k) {
      values[k] = k === 'permission' ? t('commands.permission.' + r.values[k]) : LTTH.i18n.number(r.values[k]);
    });
    return t('commands.refused.' + r.why, values);
  }

  function showRecent(recent) {
    var list = $('commands-recent');
    list.replaceChildren();
    if (!recent.length) list.appendChild(el('li', 'list-group-item text-body-secondary', t('commands.noneYet')));
    recent.forEach(function (o) {
      var li = el('li', 'list-group-item d-flex gap-2');
      li.setAttribute('data-ran', String(o.ran));
      li.append(el('span', 'text-body-secondary', clock.format(new Date(o.at))), el('span', 'fw-semibold', '@' + o.viewer),
        el('span', '', prefix + o.command),
        el('span', o.ran ? 'text-success' : 'text-danger', o.ran ? t('commands.ran') : refusal(o.refusal)));
      list.appendChild(li);
    });
  }

  function load() {
    return api('GET', '/api/commands').then(function (r) {
      prefix = r.prefixes.charAt(0);
      $('commands-prefixes').textContent = t('commands.prefixes', { prefix: r.prefixes.charAt(0), other: r.prefixes.charAt(1) });
      $('commands-list').replaceChildren.apply($('commands-list'), r.commands.map(row));
      showRecent(r.recent);
    });
  }

  LTTH.i18n.init().then(function () {
    load().catch(function (err) { LTTH.say(err.message); });
    // What ran and what was refused moves while the stream goes: read again every two seconds, the forms stay.
    setInterval(function () {
      if (!document.hidden) api('GET', '/api/commands').then(function (r) { showRecent(r.recent); }).catch(function () { });
    }, 2000);
  });
})();
