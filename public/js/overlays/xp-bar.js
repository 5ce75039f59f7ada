/* The XP bar of the viewer who earned last (xp:active, at most once a second), and their level-ups as they happen. */
(function () {
  'use strict';
  var bar = document.getElementById('xp-bar');

  function show(v) {
    if (!v || !v.handle) return;
    bar.replaceChildren(LTTH.xp.viewer(v));
    bar.hidden = false;
  }

  LTTH.overlay.start({ on: { 'xp:active': show, 'xp:levelUp': show } });
})();
