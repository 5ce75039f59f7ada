/*
 * Translations. Dashboard pages arrive translated by the server, with their language in <html lang> and the texts
 * for scripts in <script id="ltth-texts" type="application/json">. Overlays are plain files: they take ?lang=, else
 * the app's language setting (/api/client-config), and load /locales/<lang>.json.
 * Elements carry data-i18n="key" (text), data-i18n-placeholder="key" or data-i18n-title="key".
 */
(function (global) {
  'use strict';
  var SUPPORTED = ['en', 'de', 'es', 'fr'];
  var texts = {};
  var lang = 'en';

  function has(key) {
    return Object.prototype.hasOwnProperty.call(texts, key);
  }

  /** The text of a key with its {placeholders} filled; numbers among the values are written the language's way. */
  function t(key, values) {
    var s = has(key) ? texts[key] : key;
    if (values) {
      Object.keys(values).forEach(function (k) {
        var v = typeof values[k] === 'number' ? number(values[k]) : String(values[k]);
        s = s.split('{' + k + '}').join(v);
      });
    }
    return s;
  }

  /**
   * A sentence the server named by key ({key, params}), with an optional second one (when LTTH tries again), in this
   * language; the server's English words when there is no key or this page does not know it.
   */
  function sentence(text, retry, english) {
    if (!text || !has(text.key)) return english || '';
    return t(text.key, text.params) + (retry && has(retry.key) ? ' ' + t(retry.key, retry.params) : '');
  }

  function apply(root) {
    (root || document).querySelectorAll('[data-i18n]').forEach(function (el) {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
    (root || document).querySelectorAll('[data-i18n-placeholder]').forEach(function (el) {
      el.setAttribute('placeholder', t(el.getAttribute('data-i18n-placeholder')));
    });
    (root || document).querySelectorAll('[data-i18n-title]').forEach(function (el) {
      el.setAttribute('title', t(el.getAttribute('data-i18n-title')));
    });
  }

  /** The language an overlay shows: ?lang=, else the app's setting, else English. */
  function overlayLanguage() {
    var fromUrl = new URLSearchParams(location.search).get('lang');
    if (SUPPORTED.indexOf(fromUrl) >= 0) return Promise.resolve(fromUrl);
    return fetch('/api/client-config', { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (c) { return SUPPORTED.indexOf(c.language) >= 0 ? c.language : 'en'; })
      .catch(function () { return 'en'; });
  }

  var ready = null;

  /** Loads the texts once; the header's and the page's scripts both ask for them. */
  function init() {
    if (!ready) ready = load();
    return ready;
  }

  function load() {
    var embedded = document.getElementById('ltth-texts');
    if (embedded) {
      texts = JSON.parse(embedded.textContent);
      lang = document.documentElement.lang || 'en';
      return Promise.resolve(lang);
    }
    return overlayLanguage().then(function (l) {
      lang = l;
      document.documentElement.setAttribute('lang', lang);
      return fetch('/locales/' + lang + '.json', { cache: 'no-store' }).then(function (r) { return r.json(); });
    }).then(function (json) { texts = json; apply(); return lang; })
      .catch(function () { apply(); return lang; });
  }

  /** Numbers as the page's language writes them (1,234 / 1.234 / 1 234). */
  function number(n) {
    return Number(n || 0).toLocaleString(lang);
  }

  global.LTTH = global.LTTH || {};
  global.LTTH.i18n = {
    init: init,
    t: t,
    has: has,
    sentence: sentence,
    apply: apply,
    number: number,
    language: function () { return lang; },
    supported: SUPPORTED
  };
})(window);
