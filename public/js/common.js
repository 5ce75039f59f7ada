/* Helpers every dashboard page uses: JSON requests with LTTH's error shape, elements with text, the message box. */
(function (global) {
  'use strict';

  /**
   * A request to LTTH's API. body: an object (sent as JSON), FormData (sent as is) or nothing. Resolves with the JSON
   * answer; rejects with an Error carrying the server's message, the field at fault (err.field), the HTTP status
   * (err.status) and the whole answer (err.body).
   */
  function api(method, path, body) {
    var options = { method: method };
    if (body instanceof FormData) {
      options.body = body;
    } else if (body !== undefined) {
      options.headers = { 'Content-Type': 'application/json' };
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) {
          var err = new Error(translated(json) || json.error || ('HTTP ' + r.status));
          err.field = json.field;
          err.status = r.status;
          err.body = json;
          throw err;
        }
        return json;
      });
    });
  }

  /** The error in the page's language, when the server named its text and the page knows it. */
  function translated(json) {
    var i18n = global.LTTH.i18n;
    return json.key && i18n && i18n.has(json.key) ? i18n.t(json.key, json.params) : null;
  }

  /**
   * Puts text on the clipboard. Where the clipboard API is not there (a page opened over plain http from another
   * computer), the text is selected in {@code input} and copied the old way; it stays selected for a manual copy if
   * even that fails. The input shows what it showed before (a masked link stays masked).
   */
  function copy(text, input) {
    function legacy() {
      var shown = input.value;
      input.value = text;
      input.select();
      try { document.execCommand('copy'); } catch (e) { /* left selected for a manual copy */ }
      if (shown !== text) input.value = shown;
    }
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text).catch(legacy);
    legacy();
    return Promise.resolve();
  }

  /** A Copy button for the address in {@code input}: it says "Copied" for a moment. */
  function copyButton(button, input) {
    var t = global.LTTH.i18n.t;
    button.addEventListener('click', function () {
      copy(input.value, input).then(function () {
        button.textContent = t('overlay.copied');
        setTimeout(function () { button.textContent = t('overlay.copy'); }, 1500);
      });
    });
  }

  /** An element with a class and text; never HTML. */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /**
   * Replaces box's children with build()'s, unless what they show (shown: anything JSON can write) is what they show
   * already. A status that changed something else must not replace the buttons under the streamer's pointer: the click
   * would be lost.
   */
  function replaceWhenChanged(box, shown, build) {
    var key = JSON.stringify(shown);
    if (box.ltthShown === key) return;
    box.ltthShown = key;
    box.replaceChildren.apply(box, build());
  }

  /** Shows a message in the page's #message box: green when ok, red otherwise. */
  function say(text, ok) {
    var box = document.getElementById('message');
    box.className = 'alert ' + (ok ? 'alert-success' : 'alert-danger');
    box.textContent = text;
  }

  /**
   * Shows an overlay page in a preview iframe, scaled to fit its box (the overlay's stage is 1920x1080, or
   * 1080x1920 with size=vertical), with the offline marker on.
   */
  function preview(iframe, url) {
    var vertical = /[?&]size=vertical/.test(url);
    var box = iframe.parentNode;
    box.classList.toggle('vertical', vertical);
    var width = box.clientWidth || 480;
    var scale = Math.max(0.1, Math.floor(width / (vertical ? 1080 : 1920) * 1000) / 1000);
    iframe.src = url + (url.indexOf('?') >= 0 ? '&' : '?') + 'preview=1&scale=' + scale;
  }

  /** Shows the server's field error next to the field (elements with data-error="field"); clears the others. */
  function fieldErrors(form, err) {
    form.querySelectorAll('.is-invalid').forEach(function (e) { e.classList.remove('is-invalid'); });
    form.querySelectorAll('.invalid-feedback.d-block').forEach(function (e) { e.classList.remove('d-block'); });
    if (!err || !err.field) return false;
    // gifts[2].preset is shown at the field "gifts" when the form has no field of its own for it
    var feedback = form.querySelector('[data-error="' + err.field + '"]')
      || form.querySelector('[data-error="' + err.field.split(/[.[]/)[0] + '"]');
    if (!feedback) return false;
    feedback.textContent = err.message;
    // Shown even where the field is not its sibling (a switch, an input group).
    feedback.classList.add('d-block');
    var input = feedback.parentNode.querySelector('input, select, textarea');
    if (input) input.classList.add('is-invalid');
    return true;
  }

  /** The non-empty lines of a textarea, trimmed. */
  function lines(text) {
    return text.split('\n').map(function (s) { return s.trim(); }).filter(Boolean);
  }

  /**
   * Sends a form with send() (which returns the request's promise); the server's error is shown next to its field,
   * or in the message box when the form has no such field.
   */
  function submit(form, send) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      fieldErrors(form, null);
      send().catch(function (err) { if (!fieldErrors(form, err)) say(err.message); });
    });
  }

  /**
   * A small "listen" button for a sound field: plays the address that url() gives in this tab (a click lets the
   * browser play), and stops it on a second click.
   */
  function listenButton(url) {
    var button = el('button', 'btn btn-sm btn-outline-secondary', '▶');
    button.type = 'button';
    button.title = LTTH.i18n.t('common.listen');
    button.setAttribute('aria-label', button.title);
    button.setAttribute('data-listen', '');
    var audio = null;
    function stopped() { audio = null; button.textContent = '▶'; }
    button.addEventListener('click', function () {
      if (audio) { audio.pause(); stopped(); return; }
      var address = url();
      if (!address) return;
      audio = new Audio(address);
      button.textContent = '■';
      audio.addEventListener('ended', stopped);
      audio.play().catch(function () { stopped(); say(LTTH.i18n.t('common.listenFailed')); });
    });
    return button;
  }

  global.LTTH = global.LTTH || {};
  global.LTTH.listenButton = listenButton;
  global.LTTH.lines = lines;
  global.LTTH.submit = submit;
  global.LTTH.preview = preview;
  global.LTTH.fieldErrors = fieldErrors;
  global.LTTH.api = api;
  global.LTTH.el = el;
  global.LTTH.replaceWhenChanged = replaceWhenChanged;
  global.LTTH.copy = copy;
  global.LTTH.copyButton = copyButton;
  global.LTTH.say = say;
})(window);
