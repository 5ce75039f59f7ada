/*
 * Top viewers by XP, points or level. This stream's boards arrive as xp:board (at most once a second); all-time
 * boards are read from /api/viewers every 15 seconds. Names are shown as text.
 */
(function () {
  'use strict';
  var p = LTTH.overlay.params;
  var board = ['xp', 'points', 'level'].indexOf(p.get('board')) >= 0 ? p.get('board') : 'xp';
  var period = p.get('period') === 'alltime' ? 'alltime' : 'stream';
  var limit = LTTH.overlay.number('limit', 5, 1, 20);
  var t = function (k, v) { return LTTH.i18n.t(k, v); };
  var rowsEl = document.getElementById('rows');
  document.getElementById('board').classList.add('theme-' + (p.get('theme') === 'neon' ? 'neon' : 'classic'));

  function value(v) {
    var n = LTTH.i18n.number(v);
    return board === 'level' ? t('xp.o.level', { level: n }) : board === 'points' ? t('xp.o.pointsValue', { points: n })
      : t('xp.o.xpValue', { xp: n });
  }

  function render(rows) {
    rowsEl.textContent = '';
    rows.filter(function (r) { return r.value > 0; }).slice(0, limit).forEach(function (r, i) {
      var li = document.createElement('li');
      li.className = 'row';
      li.setAttribute('data-user', r.handle);
      [['rank', i + 1], ['name', r.nickname || r.handle], ['value', value(r.value)]].forEach(function (c) {
        var span = document.createElement('span');
        span.className = c[0];
        span.textContent = c[1];
        li.appendChild(span);
      });
      rowsEl.appendChild(li);
    });
  }

  function fetchAllTime() {
    fetch('/api/viewers?sort=' + board + '&limit=' + limit, { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (j) {
        if (j.viewers) render(j.viewers.map(function (v) { return { handle: v.handle, nickname: v.nickname, value: v[board] }; }));
      })
      .catch(function () { /* the app restarts: the next round tries again */ });
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
