/*
 * What the ranking overlays (leaderboard, top viewers) share: the theme (?theme=classic|neon), rows drawn as text
 * (names come from TikTok), and reading the all-time board from the API.
 */
(function (global) {
  'use strict';
  var LTTH = global.LTTH;

  function theme(board) {
    board.classList.add('theme-' + (LTTH.overlay.params.get('theme') === 'neon' ? 'neon' : 'classic'));
  }

  /** rows: {user, name, value} best first; at most {@code limit}, none without a value; valueText(value) as shown. */
  function render(rowsEl, rows, limit, valueText) {
    rowsEl.textContent = '';
    rows.filter(function (r) { return r.value > 0; }).slice(0, limit).forEach(function (r, i) {
      var li = document.createElement('li');
      li.className = 'row';
      li.setAttribute('data-user', r.user);
      [['rank', i + 1], ['name', r.name], ['value', valueText(r.value)]].forEach(function (c) {
        var span = document.createElement('span');
        span.className = c[0];
        span.textContent = c[1];
        li.appendChild(span);
      });
      rowsEl.appendChild(li);
    });
  }

  /** Reads {@code url} and hands pick(json) to show; a failure waits for the next round (the app may restart). */
  function fetchRows(url, pick, show) {
    fetch(url, { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (j) { var rows = pick(j); if (rows) show(rows); })
      .catch(function () { /* the app restarts: the next round tries again */ });
  }

  LTTH.board = { theme: theme, render: render, fetchRows: fetchRows };
})(window);
