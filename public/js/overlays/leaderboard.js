/*
 * Top gifters, likers or chatters. This stream's boards arrive as leaderboard:update (at most once a second);
 * all-time boards are read from /api/leaderboard every 15 seconds. Names are shown as text.
 */
(function () {
  'use strict';
  var p = LTTH.overlay.params;
  var board = ['gifters', 'likers', 'chatters'].indexOf(p.get('board')) >= 0 ? p.get('board') : 'gifters';
  var period = p.get('period') === 'alltime' ? 'alltime' : 'stream';
  var limit = LTTH.overlay.number('limit', 5, 1, 20);
  var t = function (k) { return LTTH.i18n.t(k); };
  var rowsEl = document.getElementById('rows');
  document.getElementById('board').classList.add('theme-' + (p.get('theme') === 'neon' ? 'neon' : 'classic'));

  function render(rows) {
    rowsEl.textContent = '';
    rows.slice(0, limit).forEach(function (r) {
      var li = document.createElement('li');
      li.className = 'row';
      li.setAttribute('data-user', r.uniqueId);
      [['rank', r.rank], ['name', r.nickname || r.uniqueId], ['value', LTTH.i18n.number(r.value)]].forEach(function (c) {
        var span = document.createElement('span');
        span.className = c[0];
        span.textContent = c[1];
        li.appendChild(span);
      });
      rowsEl.appendChild(li);
    });
  }

  function fetchAllTime() {
    fetch('/api/leaderboard?board=' + board + '&period=alltime&limit=' + limit, { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (j) { if (j.rows) render(j.rows); })
      .catch(function () { /* the app restarts: the next round tries again */ });
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
