/*
 * Top gifters, likers or chatters. This stream's boards arrive as leaderboard:update (at most once a second);
 * all-time boards are read from /api/leaderboard every 15 seconds.
 */
(function () {
  'use strict';
  var p = LTTH.overlay.params;
  var board = ['gifters', 'likers', 'chatters'].indexOf(p.get('board')) >= 0 ? p.get('board') : 'gifters';
  var period = p.get('period') === 'alltime' ? 'alltime' : 'stream';
  var limit = LTTH.overlay.number('limit', 5, 1, 20);
  var t = function (k) { return LTTH.i18n.t(k); };
  var rowsEl = document.getElementById('rows');
  LTTH.board.theme(document.getElementById('board'));

  function render(rows) {
    LTTH.board.render(rowsEl, rows.map(function (r) {
      return { user: r.uniqueId, name: r.nickname || r.uniqueId, value: r.value };
    }), limit, LTTH.i18n.number);
  }

  function fetchAllTime() {
    LTTH.board.fetchRows('/api/leaderboard?board=' + board + '&period=alltime&limit=' + limit,
      function (j) { return j.rows; }, render);
  }

  LTTH.overlay.start({
    connection: function (up) { if (up && period === 'alltime') fetchAllTime(); },
    on: {
      'leaderboard:update': function (m) { if (period === 'stream') render(m.boards[board] || []); }
    }
  }).then(function () {
    document.getElementById('board-title').textContent = t('leaderboard.' + board) + ' · ' + t('leaderboard.' + period);
    document.getElementById('board-note').textContent = board === 'likers' ? t('leaderboard.estimated') : '';
    if (period === 'alltime') setInterval(fetchAllTime, 15000);
  });
})();
