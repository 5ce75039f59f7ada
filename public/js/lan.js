/* LAN mode on the Overlays page: the switch, the two links with their QR codes, and new links. */
(function (global) {
  'use strict';
  var t = LTTH.i18n.t;
  var $ = function (id) { return document.getElementById(id); };

  function show(s) {
    $('lan-enabled').checked = s.enabled;
    $('lan-status').textContent = s.enabled ? t('lan.on', { address: s.address + ':' + s.port })
      : s.address ? t('lan.off') : t('lan.noNetwork');
    $('lan-links').classList.toggle('d-none', !s.enabled);
    if (!s.enabled) return;
    $('lan-dashboard-url').value = s.dashboardUrl;
    $('lan-overlay-url').value = s.overlayUrl;
    var fresh = '&v=' + Date.now();   // new links after a renewal: not the cached picture
    $('lan-qr-dashboard').src = '/api/lan/qr?link=dashboard' + fresh;
    $('lan-qr-overlay').src = '/api/lan/qr?link=overlay' + fresh;
  }

  function load() {
    return LTTH.api('GET', '/api/lan').then(show);
  }

  $('lan-enabled').addEventListener('change', function () {
    LTTH.api('PUT', '/api/lan', { enabled: this.checked }).then(show).catch(function (e) {
      LTTH.say(e.message);
      load();
    });
  });
  $('lan-renew').addEventListener('click', function () {
    if (!confirm(t('lan.confirmRenew'))) return;
    LTTH.api('POST', '/api/lan/renew').then(show).catch(function (e) { LTTH.say(e.message); });
  });
  ['lan-dashboard-url', 'lan-overlay-url'].forEach(function (id) {
    $(id).addEventListener('focus', function () { this.select(); });
  });

  global.LTTH.lan = { load: load };
})(window);
