/*
 * The wheel of fortune. LTTH decides where a spin lands (wheel:spin names the segment and where in it the pointer
 * stops); this page only turns the wheel there over the spin's seconds, then shows the prize. Spins that come while one
 * turns wait their turn. Segment texts and names come from the streamer and TikTok: drawn as text, never as HTML.
 * ?wheel=ID shows that wheel only; ?always=1 keeps it on screen between spins.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var p = LTTH.overlay.params;
  var only = p.get('wheel');
  var always = p.get('always') === '1';
  var box = document.getElementById('wheel-box');
  var canvas = document.getElementById('wheel');
  var ctx = canvas.getContext('2d');
  var R = canvas.width / 2;
  var TURN = Math.PI * 2;
  var waiting = [];
  var spin = null;       // the spin being shown
  var rotation = 0;      // the wheel's angle now, clockwise
  var stats = { spins: 0, frames: 0, landed: null, decided: null, prize: '', ready: false };

  function draw(wheel) {
    var n = wheel.segments.length;
    var step = TURN / n;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.save();
    ctx.translate(R, R);
    ctx.rotate(rotation);
    for (var i = 0; i < n; i++) {
      var s = wheel.segments[i];
      // segment 0 begins at the top and they go clockwise
      var from = -Math.PI / 2 + i * step;
      ctx.beginPath();
      ctx.moveTo(0, 0);
      ctx.arc(0, 0, R - 6, from, from + step);
      ctx.closePath();
      ctx.fillStyle = s.colour;
      ctx.fill();
      ctx.lineWidth = 3;
      ctx.strokeStyle = 'rgba(255,255,255,0.85)';
      ctx.stroke();
      ctx.save();
      ctx.rotate(from + step / 2);
      ctx.fillStyle = '#fff';
      ctx.shadowColor = 'rgba(0,0,0,0.7)';
      ctx.shadowBlur = 4;
      ctx.textAlign = 'right';
      ctx.textBaseline = 'middle';
      ctx.font = '700 ' + Math.max(16, Math.min(34, 260 / n + 8)) + 'px "Segoe UI", system-ui, sans-serif';
      var text = s.text.length > 18 ? s.text.slice(0, 17) + '…' : s.text;
      ctx.fillText(text, R - 28, 0);
      ctx.restore();
    }
    ctx.beginPath();
    ctx.arc(0, 0, 44, 0, TURN);
    ctx.fillStyle = '#1e1e2a';
    ctx.fill();
    ctx.lineWidth = 6;
    ctx.strokeStyle = '#fff';
    ctx.stroke();
    ctx.restore();
  }

  /** The segment under the pointer (at the top) for the wheel's angle now: what the viewers see it land on. */
  function underPointer(wheel) {
    var step = TURN / wheel.segments.length;
    var a = ((-rotation) % TURN + TURN) % TURN;
    return Math.floor(a / step);
  }

  function begin(m) {
    spin = m;
    var n = m.wheel.segments.length;
    var step = TURN / n;
    var target = (m.segment + m.offset) * step;   // clockwise from segment 0's start
    var now = ((rotation % TURN) + TURN) % TURN;
    var to = ((-target - now) % TURN + TURN) % TURN;
    spin.from = rotation;
    spin.to = rotation + 5 * TURN + to;
    spin.began = performance.now();
    spin.ms = Math.max(1, m.seconds - 3) * 1000;   // the rest of the round shows the prize
    stats.spins++;
    stats.decided = m.segment;
    document.getElementById('wheel-title').textContent = m.wheel.name;
    document.getElementById('wheel-who').textContent = m.nickname ? t('games.wheel.spinBy', { name: m.nickname }) : '';
    document.getElementById('wheel-prize').hidden = true;
    box.hidden = false;
    requestAnimationFrame(frame);
  }

  function land() {
    var s = spin.wheel.segments[spin.segment];
    stats.landed = underPointer(spin.wheel);
    stats.prize = s.prize.text || s.text;
    var prize = document.getElementById('wheel-prize');
    prize.textContent = s.prize.text ? s.prize.text : t('games.wheel.landed', { segment: s.text });
    prize.hidden = false;
    var shown = spin;
    setTimeout(function () {
      if (spin !== shown) return;
      spin = null;
      if (waiting.length) begin(waiting.shift());
      else if (!always) box.hidden = true;
    }, 3000);
  }

  function frame(now) {
    if (!spin || spin.landedAt) return;
    stats.frames++;
    var k = Math.min(1, (now - spin.began) / spin.ms);
    var eased = 1 - Math.pow(1 - k, 4);   // fast at first, slowing down to a stop
    rotation = spin.from + (spin.to - spin.from) * eased;
    draw(spin.wheel);
    if (k < 1) {
      requestAnimationFrame(frame);
    } else {
      spin.landedAt = now;
      land();
    }
  }

  function onSpin(m) {
    if (only && m.wheel.id !== only) return;
    if (spin) waiting.push(m); else begin(m);
  }

  window.LTTH_WHEEL = {
    state: function () {
      return { ready: stats.ready, spinning: !!spin && !spin.landedAt, spins: stats.spins, frames: stats.frames, decided: stats.decided,
        landed: stats.landed, prize: stats.prize, waiting: waiting.length, shown: !box.hidden };
    }
  };

  LTTH.overlay.start({ on: { 'wheel:spin': onSpin }, connection: function (up) { stats.ready = up; } });
})();
