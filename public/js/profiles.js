/* Profiles and backups. Every value is put into the page as text. */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var $ = function (id) { return document.getElementById(id); };
  var active = null;

  var request = LTTH.api;
  var say = LTTH.say;

  function size(bytes) {
    return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB';
  }

  function cell(text) {
    var td = document.createElement('td');
    td.textContent = text;
    return td;
  }

  function button(label, css, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'btn btn-sm ' + css;
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  }

  function link(label, href) {
    var a = document.createElement('a');
    a.className = 'btn btn-sm btn-outline-secondary';
    a.textContent = label;
    a.href = href;
    return a;
  }

  // ---- profiles ------------------------------------------------------------------------------------------

  function loadProfiles() {
    return request('GET', '/api/profiles').then(function (data) {
      active = data.active;
      $('active-profile').textContent = active;
      var rows = $('profile-rows');
      rows.replaceChildren();
      data.profiles.forEach(function (p) {
        var tr = document.createElement('tr');
        tr.setAttribute('data-profile', p.name);
        var name = cell(p.name);
        if (p.active) {
          var badge = document.createElement('span');
          badge.className = 'badge text-bg-success ms-2 active-badge';
          badge.textContent = t('profiles.open');
          name.appendChild(badge);
        }
        tr.append(name, cell(size(p.sizeBytes)), cell(new Date(p.modifiedAt).toLocaleString(LTTH.i18n.language())));
        var td = document.createElement('td');
        var actions = document.createElement('div');
        actions.className = 'd-flex gap-1 justify-content-end';
        td.appendChild(actions);
        if (!p.active) actions.appendChild(button(t('profiles.switch'), 'btn-primary switch-btn', function () { switchTo(p.name); }));
        actions.appendChild(button(t('profiles.rename'), 'btn-outline-secondary', function () { rename(p.name); }));
        var exportLink = link(t('profiles.export'), '/api/profiles/' + encodeURIComponent(p.name) + '/export');
        exportLink.classList.add('export-link');
        // Keys go along only when the streamer ticked the box, at the moment of the click.
        exportLink.addEventListener('click', function () {
          exportLink.href = '/api/profiles/' + encodeURIComponent(p.name) + '/export' + ($('export-keys').checked ? '?includeKeys=true' : '');
        });
        actions.appendChild(exportLink);
        if (!p.active) actions.appendChild(button(t('profiles.delete'), 'btn-outline-danger', function () { remove(p.name); }));
        tr.appendChild(td);
        rows.appendChild(tr);
      });
    });
  }

  function refreshAll() {
    return Promise.all([loadProfiles(), loadBackups()]);
  }

  function switchTo(name) {
    request('POST', '/api/profiles/switch', { name: name }).then(function () {
      say(t('profiles.switched', { name: name }), true);
      return refreshAll();
    }).catch(function (e) { say(e.message); });
  }

  function rename(name) {
    var next = window.prompt(t('profiles.renamePrompt', { name: name }), name);
    if (!next || next === name) return;
    request('POST', '/api/profiles/' + encodeURIComponent(name) + '/rename', { newName: next })
      .then(refreshAll).catch(function (e) { say(e.message); });
  }

  function remove(name) {
    var typed = window.prompt(t('profiles.deletePrompt', { name: name }));
    if (typed !== name) { if (typed !== null) say(t('profiles.deleteMismatch')); return; }
    request('DELETE', '/api/profiles/' + encodeURIComponent(name) + '?confirm=' + encodeURIComponent(name))
      .then(function () { say(t('profiles.deleted', { name: name }), true); return loadProfiles(); })
      .catch(function (e) { say(e.message); });
  }

  function fieldError(input, box, message) {
    input.classList.toggle('is-invalid', !!message);
    box.textContent = message || '';
  }

  function setupForms() {
    $('create-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var name = $('create-name').value.trim();
      request('POST', '/api/profiles', { name: name }).then(function () {
        fieldError($('create-name'), $('create-error'), '');
        $('create-name').value = '';
        say(t('profiles.created', { name: name }), true);
        return loadProfiles();
      }).catch(function (err) { fieldError($('create-name'), $('create-error'), err.message); });
    });
    $('import-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var form = new FormData();
      if ($('import-file').files[0]) form.append('file', $('import-file').files[0]);
      if ($('import-name').value.trim()) form.append('name', $('import-name').value.trim());
      request('POST', '/api/profiles/import', form).then(function (res) {
        fieldError($('import-file'), $('import-error'), '');
        say(t('profiles.imported', { name: res.name }), true);
        return loadProfiles();
      }).catch(function (err) {
        fieldError(err.field === 'name' ? $('import-name') : $('import-file'), $('import-error'), err.message);
      });
    });
    $('backup-now').addEventListener('click', function () {
      request('POST', '/api/backups').then(function (res) {
        say(t('backups.made', { name: res.name }), true);
        return loadBackups();
      }).catch(function (e) { say(e.message); });
    });
  }

  // ---- backups -------------------------------------------------------------------------------------------

  function loadBackups() {
    return request('GET', '/api/backups').then(function (data) {
      var rows = $('backup-rows');
      rows.replaceChildren();
      data.backups.forEach(function (b) {
        var tr = document.createElement('tr');
        tr.setAttribute('data-backup', b.name);
        tr.append(cell(new Date(b.createdAt).toLocaleString(LTTH.i18n.language())), cell(b.reason), cell(size(b.size)));
        var td = document.createElement('td');
        var actions = document.createElement('div');
        actions.className = 'd-flex gap-1 justify-content-end';
        td.appendChild(actions);
        actions.appendChild(link(t('backups.download'), '/api/backups/' + encodeURIComponent(b.name)));
        actions.appendChild(button(t('backups.restore'), 'btn-outline-warning', function () {
          if (!window.confirm(t('backups.restoreConfirm', { name: b.name }))) return;
          request('POST', '/api/backups/' + encodeURIComponent(b.name) + '/restore').then(function () {
            say(t('backups.restored', { name: b.name }), true);
            return refreshAll();
          }).catch(function (e) { say(e.message); });
        }));
        tr.appendChild(td);
        rows.appendChild(tr);
      });
    });
  }

  LTTH.i18n.init().then(function () {
    setupForms();
    refreshAll().catch(function (e) { say(e.message); });
  });
})();
