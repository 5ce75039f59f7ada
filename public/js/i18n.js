/*
 * Translations from /locales/<lang>.json. Elements carry data-i18n="key" (text), data-i18n-placeholder="key" or
 * data-i18n-title="key". The language comes from ?lang=, then the saved choice, then the browser.
 */
(function (global) {
  'use strict';
  var SUPPORTED = ['en', 'de'];
  var texts = {};
  var lang = 'en';

  function pick() {
    var fromUrl = new URLSearchParams(location.search).get('lang');
    var saved = null;
    try { saved = localStorage.getItem('ltth.lang'); } catch (e) { /* storage blocked */ }
    var browser = (navigator.language || 'en').slice(0, 2);
    return [fromUrl, saved, browser].filter(function (l) { return SUPPORTED.indexOf(l) >= 0; })[0] || 'en';
  }

  function t(key, values) {
    var s = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
    if (values) {
      Object.keys(values).forEach(function (k) { s = s.split('{' + k + '}').join(String(values[k])); });
    }
    return s;
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
    document.documentElement.setAttribute('lang', lang);
  }

  function load(newLang) {
    lang = SUPPORTED.indexOf(newLang) >= 0 ? newLang : 'en';
    return fetch('/locales/' + lang + '.json', { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (json) { texts = json; apply(); return lang; })
      .catch(function () { apply(); return lang; });
  }

  function setLanguage(newLang) {
    try { localStorage.setItem('ltth.lang', newLang); } catch (e) { /* storage blocked */ }
    return load(newLang);
  }

  global.LTTH = global.LTTH || {};
  global.LTTH.i18n = {
    init: function () { return load(pick()); },
    t: t,
    apply: apply,
    setLanguage: setLanguage,
    language: function () { return lang; },
    supported: SUPPORTED
  };
})(window);
