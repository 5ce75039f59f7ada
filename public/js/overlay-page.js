/*
 * What every page under /overlays shares. The stage fits the browser source, whatever its size. Query options:
 * ?size=vertical or horizontal (otherwise a portrait source gets the 1080x1920 stage), ?scale=0.5 (0.1 to 4, instead
 * of fitting), ?preview=1 (shows an "offline" marker while the page is not connected: for the
 * dashboard's previews only, never in OBS), ?lang=de.
 * LTTH.overlay.start(handlers) loads translations and connects (see ltth-socket.js); handlers.connection is kept.
 */
(function (global) {
  'use strict';
  var params = new URLSearchParams(location.search);
  var preview = params.get('preview') === '1';
  var size = params.get('size');   // vertical or horizontal; without it, the source's shape decides
  var fixedScale = parseFloat(params.get('scale'));
  var stage = document.querySelector('.stage');
  var vertical = false;

  /**
   * The stage (1920x1080, or 1080x1920 vertical) scaled to the browser source's size, keeping its aspect and
   * centred, so nothing is cut whatever size OBS gives the source; ?scale= sets the factor instead.
   */
  function fit() {
    var w = window.innerWidth || 1920;
    var h = window.innerHeight || 1080;
    vertical = size ? size === 'vertical' : h > w;
    stage.classList.toggle('vertical', vertical);
    var stageW = vertical ? 1080 : 1920;
    var stageH = vertical ? 1920 : 1080;
    if (fixedScale > 0) {
      stage.style.transform = 'scale(' + Math.min(4, Math.max(0.1, fixedScale)) + ')';
      return;
    }
    var scale = Math.min(w / stageW, h / stageH);
    stage.style.transform = 'translate(' + (w - stageW * scale) / 2 + 'px, ' + (h - stageH * scale) / 2 + 'px) '
      + 'scale(' + scale + ')';
  }
  fit();
  window.addEventListener('resize', fit);
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
  global.LTTH.overlay = { params: params, preview: preview, vertical: function () { return vertical; }, start: start,
    number: number, streakKey: streakKey, setServerHtml: setServerHtml };
})(window);
