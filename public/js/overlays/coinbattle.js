/*
 * The coin battle: the scoreboard while a match runs (LTTH sends it at most once a second; the clock counts here,
 * from the match's end and LTTH's time), TikTok's PK battle beside it when one runs, then the results for ?results=15
 * seconds. Names come from TikTok: text only.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var num = LTTH.i18n.number;
  var RESULTS_SECONDS = LTTH.overlay.number('results', 15, 3, 120);
  var $ = function (id) { return document.getElementById(id); };
  var state = null;
  var offset = 0;   // LTTH's clock minus this page's
  var stats = { ready: false, updates: 0, results: 0, winner: null };
  var resultsTimer = null;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function players(list, target, max) {
    target.replaceChildren.apply(target, list.slice(0, max).map(function (p) {
      var li = el('li');
      li.append(el('span', '', p.nickname || p.handle), el('span', 'points', num(p.points)));
      return li;
    }));
  }

  function clock() {
    if (!state || !state.running) return;
    var left = Math.max(0, Math.ceil((state.standings.endsAt - (Date.now() + offset)) / 1000));
    $('battle-clock').textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
  }

  function onUpdate(u) {
    stats.updates++;
    offset = u.now - Date.now();
    state = u;
    if (!u.running) {
      $('battle').hidden = true;
      return;
    }
    var s = u.standings;
    $('battle-results').hidden = true;
    $('battle').hidden = false;
    $('battle-title').textContent = t('games.battle.title');
    $('battle-multiplier').hidden = s.multiplier <= 1;
    $('battle-multiplier').textContent = 'x' + s.multiplier;
    var teams = s.mode === 'teams';
    $('battle-teams').hidden = !teams;
    if (teams) {
      var total = s.teamPoints[0] + s.teamPoints[1];
      for (var i = 0; i < 2; i++) {
        $('battle-fill-' + i).style.background = s.teams[i].colour;
        $('battle-fill-' + i).style.flexGrow = total ? Math.max(0.04, s.teamPoints[i] / total) : 1;
        $('battle-team-' + i).textContent = s.teams[i].name + ' · ' + num(s.teamPoints[i]);
      }
    }
    players(s.players, $('battle-players'), teams ? 3 : 5);
    $('battle-pk').hidden = !u.pk;
    if (u.pk) $('battle-pk').textContent = t('games.battle.pk', { scores: u.pk.map(function (x) { return num(x.score); }).join(' : ') });
    clock();
  }

  function onEnd(e) {
    stats.results++;
    stats.winner = e.winner;
    state = null;
    $('battle').hidden = true;
    $('results-title').textContent = t('games.battle.over');
    $('results-winner').textContent = e.winner ? t('games.battle.winner', { name: e.winner }) : t('games.battle.draw');
    players(e.standings.players, $('results-players'), 3);
    $('battle-results').hidden = false;
    clearTimeout(resultsTimer);
    resultsTimer = setTimeout(function () { $('battle-results').hidden = true; }, RESULTS_SECONDS * 1000);
  }

  setInterval(clock, 250);
  window.LTTH_BATTLE = {
    state: function () {
      return { ready: stats.ready, updates: stats.updates, results: stats.results, winner: stats.winner,
        running: !!(state && state.running), clock: $('battle-clock').textContent };
    }
  };
  LTTH.overlay.start({ on: { 'coinbattle:update': onUpdate, 'coinbattle:end': onEnd },
    connection: function (up) { stats.ready = up; } });
})();
