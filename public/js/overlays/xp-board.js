/*
 * Top viewers by XP, points or level. This stream's boards arrive as xp:board (at most once a second); all-time
 * boards are read from /api/viewers every 15 seconds.
 */
(function () {
  'use strict';
  var p = LTTH.overlay.params;
  var board = ['xp', 'points', 'level'].indexOf(p.get('board')) >= 0 ? p.get('board') : 'xp';
  var period = p.get('period') === 'alltime' ? 'alltime' : 'stream';
  var limit = LTTH.overlay.number('limit', 5, 1, 20);
  var t = function (k, v) { return LTTH.i18n.t(k, v); };
  var rowsEl = document.getElementById('rows');
  LTTH.board.theme(document.getElementById('board'));

  function value(v) {
    var n = LTTH.i18n.number(v);
    return board === 'level' ? t('xp.o.level', { level: n }) : board === 'points' ? t('xp.o.pointsValue', { points: n })
      : t('xp.o.xpValue', { xp: n });
  }

  /** rows: {handle, nickname, value}, as xp:board sends them. */
  function render(rows) {
    LTTH.board.render(rowsEl, rows.map(function (r) {
      return { user: r.handle, name: r.nickname || r.handle, value: r.value };
    }), limit, value);
  }

  function fetchAllTime() {
    LTTH.board.fetchRows('/api/viewers?sort=' + board + '&limit=' + limit, function (j) {
      return j.viewers && j.viewers.map(function (v) { return { handle: v.handle, nickname: v.nickname, value: v[board] }; });
    }, render);
  }

  LTTH.overlay.start({
    connection: function (up) { if (up && period === 'alltime') fetchAllTime(); },
    on: {
      'xp:board': function (m) { if (period === 'stream') render(m.boards[board] || []); }
    }
  }).then(function () {
    document.getElementById('board-title').textContent = t('xp.o.board.' + board) + ' · ' + t('leaderboard.' + period);
    if (period === 'alltime') setInterval(fetchAllTime, 15000);
  });
})();
