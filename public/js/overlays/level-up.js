/* A celebration for every level-up (xp:levelUp), one at a time, each ?seconds=5. */
(function () {
  'use strict';
  var x = LTTH.xp;
  var area = document.getElementById('level-up-area');

  var push = x.queue(function (v) {
    var box = x.el('div', 'level-up');
    box.setAttribute('data-handle', v.handle);
    var burst = x.el('div', 'level-up-burst');
    for (var i = 0; i < 12; i++) burst.appendChild(x.el('i'));
    box.append(burst, x.el('div', 'level-up-title', x.t('xp.o.levelUp')), x.el('div', 'level-up-name', v.nickname || v.handle),
      x.el('div', 'level-up-level', x.levelText(v)));
    area.appendChild(box);
    return box;
  }, LTTH.overlay.number('seconds', 5, 1, 60));

  LTTH.overlay.start({ on: { 'xp:levelUp': push } });
})();
