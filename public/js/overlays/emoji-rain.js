/*
 * Emojis falling for gifts and likes, on one canvas. A like storm must never freeze OBS, so the work per frame is
 * bounded whatever arrives: at most ?max= emojis on screen (default 250, at most 600), at most SPAWN_PER_FRAME new
 * ones per frame, and a waiting list that is capped too (the rest is counted as dropped, not drawn). Each emoji is
 * drawn once into a small bitmap and then only copied.
 */
(function () {
  'use strict';
  var MAX = LTTH.overlay.number('max', 250, 10, 600);
  var SPAWN_PER_FRAME = 6;
  var MAX_PENDING = MAX * 2;
  var SIZE = 64;
  var GIFT_EMOJIS = (LTTH.overlay.params.get('emojis') || '🌹,💎,🎁,⭐,🔥').split(',');
  var LIKE_EMOJIS = ['❤️', '💖', '💗', '💕'];
  var canvas = document.getElementById('rain');
  var ctx = canvas.getContext('2d');
  var sprites = {};
  var particles = [];
  var pending = [];
  var stats = { spawned: 0, dropped: 0, frames: 0, events: 0, likes: 0 };
  var last = 0;

  function resize() {
    canvas.width = canvas.clientWidth;
    canvas.height = canvas.clientHeight;
  }

  function sprite(emoji) {
    if (!sprites[emoji]) {
      var c = document.createElement('canvas');
      c.width = c.height = SIZE;
      var g = c.getContext('2d');
      g.font = (SIZE * 0.8) + 'px "Noto Color Emoji", "Segoe UI Emoji", "Apple Color Emoji", sans-serif';
      g.textAlign = 'center';
      g.textBaseline = 'middle';
      g.fillText(emoji, SIZE / 2, SIZE / 2 + 2);
      sprites[emoji] = c;
    }
    return sprites[emoji];
  }

  function queue(emojis, count) {
    stats.events++;
    for (var i = 0; i < count; i++) {
      if (pending.length >= MAX_PENDING) { stats.dropped += count - i; return; }
      pending.push(emojis[Math.floor(Math.random() * emojis.length)]);
    }
  }

  function onEvent(msg) {
    var d = msg.data;
    if (msg.type === 'gift' && d['final']) {
      queue(GIFT_EMOJIS, Math.min(40, 3 + Math.ceil(Math.sqrt(d.coins))));
    } else if (msg.type === 'like') {
      // The app merges a viewer's likes four times a second: one emoji per five likes, at most 40 per message.
      stats.likes += d.likeCount;
      queue(LIKE_EMOJIS, Math.min(40, Math.max(1, Math.ceil(d.likeCount / 5))));
    }
  }

  function spawn() {
    for (var n = 0; n < SPAWN_PER_FRAME && pending.length && particles.length < MAX; n++) {
      var scale = 0.6 + Math.random() * 0.7;
      particles.push({
        img: sprite(pending.shift()), x: Math.random() * canvas.width, y: -SIZE,
        vy: 180 + Math.random() * 220, vx: (Math.random() - 0.5) * 60, spin: (Math.random() - 0.5) * 2,
        angle: 0, size: SIZE * scale
      });
      stats.spawned++;
    }
  }

  function frame(now) {
    var dt = last ? Math.min(0.05, (now - last) / 1000) : 0.016;
    last = now;
    stats.frames++;
    spawn();
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    var alive = 0;
    for (var i = 0; i < particles.length; i++) {
      var p = particles[i];
      p.y += p.vy * dt;
      p.x += p.vx * dt;
      p.angle += p.spin * dt;
      if (p.y - p.size > canvas.height) continue;
      particles[alive++] = p;
      ctx.setTransform(1, 0, 0, 1, p.x, p.y);
      ctx.rotate(p.angle);
      ctx.drawImage(p.img, -p.size / 2, -p.size / 2, p.size, p.size);
    }
    particles.length = alive;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    requestAnimationFrame(frame);
  }

  // For the dashboard's preview and the tests: how much is on screen and waiting.
  window.LTTH_RAIN = {
    max: MAX,
    stats: function () {
      return { particles: particles.length, pending: pending.length, spawned: stats.spawned, dropped: stats.dropped,
        frames: stats.frames, events: stats.events, likes: stats.likes };
    }
  };

  resize();
  window.addEventListener('resize', resize);
  requestAnimationFrame(frame);
  LTTH.overlay.start({ types: ['gift', 'like'], event: onEvent });
})();
