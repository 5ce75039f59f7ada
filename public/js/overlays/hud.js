/* Viewers, likes, coins, followers and stream time, from tiktok:stats. ?show=viewers,likes,coins,followers,time */
(function () {
  'use strict';
  var ALL = ['viewers', 'likes', 'coins', 'followers', 'time'];
  var shown = (LTTH.overlay.params.get('show') || ALL.join(',')).split(',').filter(function (k) { return ALL.indexOf(k) >= 0; });
  var hud = document.getElementById('hud');
  var tiles = {};
  var startedAt = 0;

  function duration(ms) {
    var s = Math.max(0, Math.floor(ms / 1000));
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    return Math.floor(s / 3600) + ':' + two(Math.floor(s / 60) % 60) + ':' + two(s % 60);
  }

  function set(key, value) {
    if (tiles[key]) tiles[key].textContent = value;
  }

  var last = null;

  function apply(s) {
    last = s;
    ['viewers', 'likes', 'coins', 'followers'].forEach(function (k) { set(k, LTTH.i18n.number(s[k])); });
    startedAt = s.startedAt;
  }

  LTTH.overlay.start({ stats: apply }).then(function () {
    shown.forEach(function (k) {
      var tile = document.createElement('div');
      tile.className = 'tile shadow-text';
      tile.setAttribute('data-tile', k);
      var value = document.createElement('div'); value.className = 'value'; value.textContent = k === 'time' ? '0:00:00' : '0';
      var label = document.createElement('div'); label.className = 'label'; label.textContent = LTTH.i18n.t('hud.' + k);
      tile.append(value, label);
      hud.appendChild(tile);
      tiles[k] = value;
    });
    if (last) apply(last);
    setInterval(function () { set('time', startedAt ? duration(Date.now() - startedAt) : '0:00:00'); }, 1000);
  });
})();
