/*
 * What every page under /overlays shares. Query options: ?size=vertical (1080x1920 instead of 1920x1080),
 * ?scale=0.5 (0.25 to 4), ?preview=1 (shows an "offline" marker while the page is not connected: for the
 * dashboard's previews only, never in OBS), ?lang=de.
 * LTTH.overlay.start(handlers) loads translations and connects (see ltth-socket.js); handlers.connection is kept.
 */
(function (global) {
  'use strict';
  var params = new URLSearchParams(location.search);
  var preview = params.get('preview') === '1';
  var vertical = params.get('size') === 'vertical';
  var scale = Math.min(4, Math.max(0.25, parseFloat(params.get('scale')) || 1));
  var stage = document.querySelector('.stage');
  stage.classList.toggle('vertical', vertical);
  stage.style.transform = 'scale(' + scale + ')';
  var marker = document.createElement('div');
  marker.id = 'offline';
  marker.className = 'offline';
  marker.textContent = 'offline';
  marker.hidden = !preview;
  stage.appendChild(marker);

  function start(handlers) {
    handlers.ack = true;   // overlays tell the app when they have shown an event: the health panel's latency
    handlers.overlay = !preview;   // a preview in the dashboard is not OBS: it does not tick the first-run list
    var own = handlers.connection;
    handlers.connection = function (up) {
      marker.hidden = up || !preview;
      if (own) own(up);
    };
    return global.LTTH.i18n.init().then(function () {
      marker.textContent = global.LTTH.i18n.t('overlay.offline');
      return global.LTTH.connect(handlers);
    });
  }

  /** One gift streak: the same user, gift and TikTok group id. */
  function streakKey(gift) {
    return [gift.user && gift.user.id, gift.giftId, gift.groupId].join('|');
  }

  /**
   * Puts HTML that LTTH's server made into an element: alert and flow texts, which Template.renderHtml has already
   * cut down to formatting (no script, handler, link or picture survives it). The only way overlays insert HTML.
   */
  function setServerHtml(element, html) {
    element.innerHTML = html;   // reviewed: server-sanitised (jsoup allow-list), never a raw string from TikTok or a file
  }

  /** Clamps a whole-number option, e.g. limit=5. */
  function number(name, fallback, min, max) {
    var n = parseInt(params.get(name), 10);
    return isNaN(n) ? fallback : Math.min(max, Math.max(min, n));
  }

  global.LTTH = global.LTTH || {};
  global.LTTH.overlay = { params: params, preview: preview, vertical: vertical, start: start, number: number,
    streakKey: streakKey, setServerHtml: setServerHtml };
})(window);
