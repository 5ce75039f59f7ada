/*
 * The Settings page: the server renders the sections, labels and choices; this fills in the values and saves one
 * section at a time. Secrets are write-only: the page only learns whether one is set, and sends one only when the
 * streamer typed it (or removes it).
 */
(function () {
  'use strict';
  var api = LTTH.api;
  var forms = Array.prototype.slice.call(document.querySelectorAll('form.settings-section'));

  /** Under "Look for new versions": what the check found, asked again after each save (the setting may have changed). */
  function showUpdateState(askAgain) {
    var box = document.getElementById('update-status');
    if (!box) return;
    LTTH.shell.update(askAgain).then(function (u) {
      box.textContent = LTTH.i18n.t('update.state.' + u.state, { current: u.current, latest: u.latest });
    }).catch(function () { box.textContent = ''; });
  }

  function fields(form) {
    return Array.prototype.slice.call(form.querySelectorAll('[name]'));
  }

  function fill(values) {
    forms.forEach(function (form) {
      fields(form).forEach(function (input) {
        var value = values[input.name];
        if (input.type === 'checkbox') input.checked = value === true;
        else if (input.hasAttribute('data-secret')) showSecret(input, value === '********');
        else input.value = value === undefined || value === null ? '' : value;
      });
    });
  }

  function showSecret(input, set) {
    input.value = '';
    delete input.dataset.clear;
    var state = input.parentNode.querySelector('.secret-state');
    state.textContent = state.getAttribute(set ? 'data-set-text' : 'data-unset-text');
    state.setAttribute('data-set', String(set));
    input.parentNode.querySelector('.secret-clear').disabled = !set;
  }

  /** What the section sends: every field, but a secret only when typed or removed. */
  function body(form) {
    var out = {};
    fields(form).forEach(function (input) {
      if (input.type === 'checkbox') out[input.name] = input.checked;
      else if (input.type === 'number') out[input.name] = input.value === '' ? null : Number(input.value);
      else if (input.hasAttribute('data-secret')) {
        if (input.value !== '' || input.dataset.clear) out[input.name] = input.value;
      } else out[input.name] = input.value;
    });
    return out;
  }

  forms.forEach(function (form) {
    var saved = form.querySelector('.section-saved');
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      LTTH.fieldErrors(form, null);
      saved.classList.add('d-none');
      var sent = body(form);
      api('PUT', '/api/settings', sent).then(function (values) {
        // Language and theme are rendered by the server: show the page as it now is.
        if (form.getAttribute('data-section') === 'appearance') { location.reload(); return; }
        fill(values);
        saved.classList.remove('d-none');
        showUpdateState(true);
      }).catch(function (err) { if (!LTTH.fieldErrors(form, err)) LTTH.say(err.message); });
    });
    form.addEventListener('input', function () { saved.classList.add('d-none'); });
    form.querySelectorAll('.secret-clear').forEach(function (button) {
      button.addEventListener('click', function () {
        var input = button.parentNode.querySelector('input');
        input.value = '';
        input.dataset.clear = 'true';
        form.requestSubmit();
      });
    });
  });

  LTTH.i18n.init().then(function () {
    showUpdateState(false);
    return api('GET', '/api/settings').then(fill);
  }).catch(function (e) { LTTH.say(e.message); });
})();
