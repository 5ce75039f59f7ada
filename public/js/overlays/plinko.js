/*
 * Plinko. LTTH decides the slot and the ball's way down (plinko:drop: left or right at each row); this page bounces
 * the ball from peg to peg along that way, so it lands where LTTH decided, then shows what it won. Several balls may
 * fall at once. The board is drawn once into a bitmap; a frame copies it and draws the balls. Names are drawn as text.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var num = LTTH.i18n.number;
  var always = LTTH.overlay.params.get('always') === '1';
  var box = document.getElementById('plinko-box');
  var canvas = document.getElementById('plinko');
  var ctx = canvas.getContext('2d');
  var W = canvas.width;
  var H = canvas.height;
  var board = null;   // {rows, slots, image, dx, dy, top, cx}
  var balls = [];
  var stats = { ready: false, drops: 0, frames: 0, decided: [], landed: [] };
  var hideAt = 0;
  var running = false;

  function slotColour(m) {
    return m >= 5 ? '#ff4d4f' : m >= 2 ? '#ff922b' : m >= 1 ? '#fcc419' : m >= 0.5 ? '#74c0fc' : '#4c6ef5';
  }

  /** The pegs and slots, drawn once for this board. */
  function layout(rows, slots) {
    var key = rows + JSON.stringify(slots);
    if (board && board.key === key) return board;
    var dx = Math.min(64, (W - 80) / (rows + 1));
    var dy = Math.min(58, (H - 200) / rows);
    var b = { key: key, rows: rows, slots: slots, dx: dx, dy: dy, top: 60, cx: W / 2, image: document.createElement('canvas') };
    b.image.width = W;
    b.image.height = H;
    var g = b.image.getContext('2d');
    g.fillStyle = 'rgba(16,18,30,0.78)';
    g.beginPath();
    g.roundRect ? g.roundRect(10, 10, W - 20, H - 20, 28) : g.rect(10, 10, W - 20, H - 20);
    g.fill();
    g.fillStyle = '#e9ecef';
    for (var r = 0; r < rows; r++) {
      for (var j = 0; j <= r; j++) {
        g.beginPath();
        g.arc(b.cx + (j - r / 2) * dx, b.top + r * dy, 6, 0, Math.PI * 2);
        g.fill();
      }
    }
    var slotY = b.top + rows * dy;
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.font = '700 ' + Math.max(13, Math.min(20, dx * 0.34)) + 'px "Segoe UI", system-ui, sans-serif';
    for (var k = 0; k <= rows; k++) {
      var x = b.cx + (k - rows / 2) * dx;
      g.fillStyle = slotColour(slots[k].multiplier);
      g.fillRect(x - dx / 2 + 3, slotY + 10, dx - 6, 44);
      g.fillStyle = '#111';
      g.fillText('x' + num(slots[k].multiplier), x, slotY + 32);
    }
    board = b;
    return b;
  }

  /** Where the ball is on its way, {@code k} rows down (fractional: between two pegs, with a little hop). */
  function position(ball, k) {
    var b = ball.board;
    var row = Math.min(b.rows, Math.floor(k));
    var f = k - row;
    var x0 = b.cx + (ball.rights[row] - row / 2) * b.dx;
    var y0 = b.top + row * b.dy - 14;
    if (row >= b.rows) return { x: x0, y: y0 + 40 };
    var x1 = b.cx + (ball.rights[row + 1] - (row + 1) / 2) * b.dx;
    var y1 = b.top + (row + 1) * b.dy - 14;
    return { x: x0 + (x1 - x0) * f, y: y0 + (y1 - y0) * f * f - Math.sin(f * Math.PI) * b.dy * 0.35 };
  }

  function onDrop(m) {
    var b = layout(m.rows, m.slots);
    var rights = [0];
    for (var i = 0; i < m.path.length; i++) rights.push(rights[i] + (m.path[i] ? 1 : 0));
    balls.push({ board: b, rights: rights, slot: m.slot, began: performance.now(), ms: m.rows * 250,
      name: m.nickname || '', won: Math.round(m.stake * m.slots[m.slot].multiplier), hue: (stats.drops * 67) % 360 });
    stats.drops++;
    stats.decided.push(m.slot);
    box.hidden = false;
    hideAt = 0;
    if (!running) {
      running = true;
      requestAnimationFrame(frame);
    }
  }

  function frame(now) {
    stats.frames++;
    ctx.clearRect(0, 0, W, H);
    if (board) ctx.drawImage(board.image, 0, 0);
    var alive = [];
    for (var i = 0; i < balls.length; i++) {
      var ball = balls[i];
      var k = (now - ball.began) / ball.ms * ball.board.rows;
      if (k >= ball.board.rows && !ball.landedAt) {
        ball.landedAt = now;
        // which slot the ball now rests above, from where it is: what the viewers see
        var x = position(ball, ball.board.rows).x;
        stats.landed.push(Math.round((x - ball.board.cx) / ball.board.dx + ball.board.rows / 2));
      }
      var p = position(ball, Math.min(k, ball.board.rows));
      ctx.fillStyle = 'hsl(' + ball.hue + ',90%,60%)';
      ctx.beginPath();
      ctx.arc(p.x, p.y, 13, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = '#fff';
      ctx.textAlign = 'center';
      ctx.font = '600 18px "Segoe UI", system-ui, sans-serif';
      if (ball.name) ctx.fillText(ball.name.length > 16 ? ball.name.slice(0, 15) + '…' : ball.name, p.x, p.y - 24);
      if (ball.landedAt) {
        ctx.font = '800 30px "Segoe UI", system-ui, sans-serif';
        ctx.fillText(t('games.plinko.won', { points: num(ball.won) }), p.x, p.y - 52);
      }
      if (!ball.landedAt || now - ball.landedAt < 1800) alive.push(ball);
    }
    balls = alive;
    if (!balls.length && !hideAt) hideAt = now + 800;
    if (!balls.length && now >= hideAt) {
      running = false;
      if (!always) box.hidden = true;
      return;
    }
    requestAnimationFrame(frame);
  }

  window.LTTH_PLINKO = {
    state: function () {
      return { ready: stats.ready, drops: stats.drops, frames: stats.frames, balls: balls.length,
        decided: stats.decided.slice(), landed: stats.landed.slice(), shown: !box.hidden };
    }
  };

  LTTH.overlay.start({ on: { 'plinko:drop': onDrop }, connection: function (up) { stats.ready = up; } });
})();
