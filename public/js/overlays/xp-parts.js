/*
 * What the viewer-level overlays share: a viewer's name, level and XP bar (as GET /api/viewers/{handle} and the xp:*
 * messages describe them), and a queue that shows one thing at a time. Names come from TikTok: text only.
 */
(function (global) {
  'use strict';
  var LTTH = global.LTTH;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function t(key, values) { return LTTH.i18n.t(key, values); }
  function n(x) { return LTTH.i18n.number(x); }

  /** "Level 5" with the level's name, if it has one. */
  function levelText(v) {
    return v.levelName ? t('xp.o.levelNamed', { level: n(v.level), name: v.levelName }) : t('xp.o.level', { level: n(v.level) });
  }

  /** How far the viewer is from this level to the next, 0 to 100. */
  function progress(v) {
    var span = v.nextLevelXp - v.levelXp;
    return span > 0 ? Math.min(100, Math.max(0, (v.xp - v.levelXp) * 100 / span)) : 100;
  }

  /** Name, level, bar and "XP 120 / 250". */
  function viewer(v) {
    var box = el('div', 'xp-viewer');
    box.setAttribute('data-handle', v.handle);
    var head = el('div', 'xp-head');
    head.append(el('span', 'xp-name shadow-text', v.nickname || v.handle), el('span', 'xp-level', levelText(v)));
    var track = el('div', 'xp-track');
    var fill = el('div', 'xp-fill');
    fill.style.width = progress(v) + '%';
    track.appendChild(fill);
    box.append(head, track, el('div', 'xp-numbers shadow-text', t('xp.o.progress', { xp: n(v.xp), next: n(v.nextLevelXp) })));
    return box;
  }

  /**
   * Shows what is pushed one at a time, each for {@code seconds}; render(item) returns the element it added. At most
   * 20 wait: in a flood the oldest are dropped, as a streamer would rather see the newest.
   */
  function queue(render, seconds) {
    var waiting = [];
    var busy = false;
    function next() {
      var item = waiting.shift();
      if (!item) { busy = false; return; }
      busy = true;
      var box = render(item);
      setTimeout(function () {
        box.classList.add('leaving');
        setTimeout(function () { box.remove(); next(); }, 500);
      }, seconds * 1000);
    }
    return function push(item) {
      waiting.push(item);
      if (waiting.length > 20) waiting.shift();
      if (!busy) next();
    };
  }

  LTTH.xp = { el: el, t: t, n: n, levelText: levelText, viewer: viewer, queue: queue };
})(window);
