/* The plugin manager: every plugin with its state, health and controls. Plugin texts are shown as text only. */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var $ = function (id) { return document.getElementById(id); };
  var STATE_BADGE = { running: 'text-bg-success', disabled: 'text-bg-secondary', failed: 'text-bg-danger', invalid: 'text-bg-warning' };

  var request = LTTH.api;
  var say = LTTH.say;
  var el = LTTH.el;

  function action(label, css, path, method) {
    var b = el('button', 'btn btn-sm ' + css, label);
    b.type = 'button';
    b.addEventListener('click', function () {
      request(method || 'POST', path).then(load).catch(function (e) { say(e.message); });
    });
    return b;
  }

  function card(p) {
    var lang = LTTH.i18n.language();
    var box = el('div', 'border rounded p-2 d-flex flex-wrap align-items-center gap-2');
    box.setAttribute('data-plugin', p.id);
    var head = el('div', 'me-auto');
    head.appendChild(el('strong', '', p.builtIn ? t('plugin.' + p.id + '.name') : p.name));
    head.appendChild(el('span', 'text-body-secondary small ms-2', p.id + ' ' + p.version + (p.builtIn ? ' · ' + t('plugins.builtIn') : '')));
    var state = el('span', 'badge ms-2 plugin-state ' + (STATE_BADGE[p.state] || 'text-bg-secondary'), t('plugins.state.' + p.state));
    state.setAttribute('data-state', p.state);
    head.appendChild(state);
    var description = p.description[lang] || p.description.en || '';
    if (description) head.appendChild(el('div', 'small', description));
    if (p.failures > 0 || p.lastError) {
      head.appendChild(el('div', 'small text-danger plugin-error',
        t('plugins.failures', { n: p.failures }) + (p.lastError ? ': ' + p.lastError : '')));
    }
    box.appendChild(head);
    // A page in the dashboard's layout (page.html) opens here, while the plugin runs; a page of its own in a tab.
    if ((p.hasPage && p.state === 'running') || p.hasUi) {
      var ui = el('a', 'btn btn-sm btn-outline-secondary', t('plugins.open'));
      ui.href = '/plugins/' + encodeURIComponent(p.id) + (p.hasPage ? '' : '/ui.html');
      if (!p.hasPage) ui.target = '_blank';
      box.appendChild(ui);
    }
    var id = encodeURIComponent(p.id);
    if (p.enabled) {
      box.appendChild(action(t('plugins.disable'), 'btn-outline-warning plugin-disable', '/api/plugins/' + id + '/disable'));
    } else if (p.builtIn) {
      box.appendChild(action(t('plugins.enable'), 'btn-primary plugin-enable', '/api/plugins/' + id + '/enable'));
    } else {
      var enable = el('button', 'btn btn-sm btn-primary plugin-enable', t('plugins.enable'));
      enable.type = 'button';
      enable.addEventListener('click', function () {
        enable.disabled = true;
        box.appendChild(confirmation(p, function () { enable.disabled = false; }));
      });
      box.appendChild(enable);
    }
    box.appendChild(action(t('plugins.reload'), 'btn-outline-secondary', '/api/plugins/' + id + '/reload'));
    if (!p.builtIn && p.state !== 'invalid') {
      var del = el('button', 'btn btn-sm btn-outline-danger', t('plugins.delete'));
      del.type = 'button';
      del.addEventListener('click', function () {
        if (!window.confirm(t('plugins.deleteConfirm', { name: p.name }))) return;
        request('DELETE', '/api/plugins/' + id).then(load).catch(function (e) { say(e.message); });
      });
      box.appendChild(del);
    }
    return box;
  }

  /** A plugin that is not part of LTTH: what it is, what it may do, and the streamer's yes. */
  function confirmation(p, cancelled) {
    var panel = el('div', 'w-100 border border-warning rounded p-2 mt-1 plugin-confirm');
    panel.appendChild(el('strong', 'd-block', t('plugins.confirm.title', { name: p.name })));
    var facts = el('dl', 'row small mb-2');
    [['plugins.confirm.id', p.id + ' ' + p.version], ['plugins.confirm.main', p.main], ['plugins.confirm.jar', p.jar],
      ['plugins.confirm.minApp', p.minAppVersion || '-']].forEach(function (f) {
      facts.appendChild(el('dt', 'col-sm-3', t(f[0])));
      facts.appendChild(el('dd', 'col-sm-9 mb-0 font-monospace', f[1]));
    });
    panel.appendChild(facts);
    panel.appendChild(el('div', 'alert alert-warning py-2 small mb-2', t('plugins.confirm.warning')));
    var start = el('button', 'btn btn-sm btn-warning me-2 plugin-confirm-start', t('plugins.confirm.start'));
    start.type = 'button';
    start.addEventListener('click', function () {
      request('POST', '/api/plugins/' + encodeURIComponent(p.id) + '/enable', { confirm: true }).then(load)
        .catch(function (e) { say(e.message); });
    });
    var cancel = el('button', 'btn btn-sm btn-outline-secondary', t('plugins.confirm.cancel'));
    cancel.type = 'button';
    cancel.addEventListener('click', function () { panel.remove(); cancelled(); });
    panel.append(start, cancel);
    return panel;
  }

  function load() {
    return request('GET', '/api/plugins').then(function (data) {
      var list = $('plugin-list');
      list.replaceChildren();
      if (!data.plugins.length) list.appendChild(el('p', 'text-body-secondary small', t('plugins.none')));
      data.plugins.forEach(function (p) { list.appendChild(card(p)); });
    });
  }

  $('upload-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var form = new FormData();
    if ($('upload-file').files[0]) form.append('file', $('upload-file').files[0]);
    request('POST', '/api/plugins/upload', form).then(function (p) {
      $('upload-file').classList.remove('is-invalid');
      say(t('plugins.installed', { name: p.name }), true);
      return load();
    }).catch(function (err) {
      $('upload-file').classList.add('is-invalid');
      $('upload-error').textContent = err.message;
    });
  });

  LTTH.i18n.init().then(load).catch(function (e) { say(e.message); });
})();
