/* The card a viewer asks for with !rank (xp:card): level, XP bar, points, days in a row and place. ?seconds=8 each. */
(function () {
  'use strict';
  var x = LTTH.xp;
  var area = document.getElementById('card-area');

  function stat(value, label) {
    var s = x.el('div', 'card-stat');
    s.append(x.el('strong', '', value), x.el('span', '', label));
    return s;
  }

  var push = x.queue(function (v) {
    var card = x.el('div', 'viewer-card');
    card.setAttribute('data-handle', v.handle);
    var stats = x.el('div', 'card-stats');
    stats.append(stat('#' + x.n(v.rank), x.t('xp.o.rank')), stat(x.n(v.points), x.t('xp.o.points')),
      stat(x.n(v.streakDays), x.t('xp.o.streak')));
    card.append(x.viewer(v), stats);
    area.appendChild(card);
    return card;
  }, LTTH.overlay.number('seconds', 8, 2, 60));

  LTTH.overlay.start({ on: { 'xp:card': push } });
})();
