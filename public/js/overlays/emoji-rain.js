/*
 * Emojis (or the streamer's pictures) falling for gifts and likes, on one canvas, in one of three presets: gentle,
 * storm (fast, with wind) or celebration (thrown up from the bottom). LTTH sends the sets and the preset on hello
 * (effects:state) and what flows, commands and the dashboard ask (emoji:rain: start a rain for some seconds, change
 * the preset, burst, clear). With "one emoji per viewer" each viewer's gifts and likes are theirs: the one the streamer
 * gave them, or one of the set picked by their name, the same every time.
 *
 * A like storm must never freeze OBS, so the work per frame is bounded whatever arrives: at most ?max= emojis on
 * screen (default 250, at most 600), at most SPAWN_PER_FRAME new ones per frame, and a waiting list that is capped too
 * (the rest is counted as dropped, not drawn). Each emoji is drawn once into a small bitmap and then only copied.
 */
(function () {
  'use strict';
  var MAX = LTTH.overlay.number('max', 250, 10, 600);
  var SPAWN_PER_FRAME = 6;
  var MAX_PENDING = MAX * 2;
  var SIZE = 64;
  var PRESETS = {
    gentle: { speed: 0.6, perSecond: 6, wind: 0, scale: [0.5, 0.9] },
    storm: { speed: 1.6, perSecond: 40, wind: 160, scale: [0.6, 1.3] },
    celebration: { speed: 1, perSecond: 25, wind: 0, scale: [0.6, 1.2], up: true }
  };
  var p = LTTH.overlay.params;
  var urlEmojis = p.get('emojis') ? p.get('emojis').split(',') : null;
  var urlPreset = PRESETS[p.get('preset')] ? p.get('preset') : null;
  var config = { gift: ['🌹', '💎', '🎁', '⭐', '🔥'], like: ['❤️', '💖', '💗', '💕'], perViewer: false, viewers: {}, preset: 'gentle' };
  var preset = urlPreset || 'gentle';
  var canvas = document.getElementById('rain');
  var ctx = canvas.getContext('2d');
  var sprites = {};
  var particles = [];
  var pending = [];
  var rainUntil = 0;
  var rainAcc = 0;
  var stats = { spawned: 0, dropped: 0, frames: 0, events: 0, likes: 0, bursts: 0, ready: false };
  var last = 0;

  function resize() {
    canvas.width = canvas.clientWidth;
    canvas.height = canvas.clientHeight;
  }

  function isPicture(item) {
    return item.charAt(0) === '/' || item.indexOf('http') === 0;
  }

  /** The bitmap of an emoji or a picture, made once: null while a picture loads, false when it could not be loaded. */
  function sprite(item) {
    if (sprites[item] !== undefined) return sprites[item];
    var c = document.createElement('canvas');
    c.width = c.height = SIZE;
    var g = c.getContext('2d');
    if (isPicture(item)) {
      sprites[item] = null;
      var img = new Image();
      img.onload = function () {
        var k = Math.min(SIZE / img.naturalWidth, SIZE / img.naturalHeight);
        g.drawImage(img, (SIZE - img.naturalWidth * k) / 2, (SIZE - img.naturalHeight * k) / 2, img.naturalWidth * k, img.naturalHeight * k);
        sprites[item] = c;
      };
      img.onerror = function () { sprites[item] = false; };
      img.src = item;
      return null;
    }
    g.font = (SIZE * 0.8) + 'px "Noto Color Emoji", "Segoe UI Emoji", "Apple Color Emoji", sans-serif';
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText(item, SIZE / 2, SIZE / 2 + 2);
    sprites[item] = c;
    return c;
  }

  function random(list) {
    return list[Math.floor(Math.random() * list.length)];
  }

  /** A viewer's own emoji: the one the streamer gave them, or one of the set by their name (the same every time). */
  function viewerEmoji(user, set) {
    var handle = String((user && user.uniqueId) || '').toLowerCase().replace(/^@/, '');
    if (config.viewers[handle]) return config.viewers[handle];
    var h = 0;
    for (var i = 0; i < handle.length; i++) h = (h * 31 + handle.charCodeAt(i)) | 0;
    return set[Math.abs(h) % set.length];
  }

  /** count of one viewer's emoji, or of the set at random. */
  function queue(set, count, user) {
    stats.events++;
    var fixed = config.perViewer && user ? viewerEmoji(user, set) : null;
    for (var i = 0; i < count; i++) {
      if (pending.length >= MAX_PENDING) { stats.dropped += count - i; return; }
      pending.push(fixed || random(set));
    }
  }

  function giftSet() {
    return urlEmojis || config.gift;
  }

  function onEvent(msg) {
    var d = msg.data;
    if (msg.type === 'gift' && d['final']) {
      queue(giftSet(), Math.min(40, 3 + Math.ceil(Math.sqrt(d.coins))), d.user);
    } else if (msg.type === 'like') {
      // The app merges a viewer's likes four times a second: one emoji per five likes, at most 40 per message.
      stats.likes += d.likeCount;
      queue(config.like, Math.min(40, Math.max(1, Math.ceil(d.likeCount / 5))), d.user);
    }
  }

  function onRain(m) {
    if (m.op === 'start') {
      if (PRESETS[m.preset]) preset = m.preset;
      rainUntil = Math.max(rainUntil, performance.now() + (m.seconds || 10) * 1000);
    } else if (m.op === 'preset' && PRESETS[m.preset]) {
      preset = m.preset;
    } else if (m.op === 'burst') {
      stats.bursts++;
      if (m.emoji) queue([m.emoji], m.count || 30, null);
      else queue(giftSet(), m.count || 30, m.user ? { uniqueId: m.user } : null);
    } else if (m.op === 'clear') {
      particles.length = 0;
      pending.length = 0;
      rainUntil = 0;
    }
  }

  function onState(s) {
    stats.ready = true;
    if (!s.emoji) return;
    config = s.emoji;
    config.gift.concat(config.like, Object.keys(config.viewers).map(function (k) { return config.viewers[k]; }))
      .filter(isPicture).forEach(sprite);   // pictures load before they are needed
    if (!urlPreset && PRESETS[config.preset]) preset = config.preset;
  }

  function spawn(now, dt) {
    var look = PRESETS[preset];
    if (now < rainUntil) {   // a rain that was started: the preset's emojis a second
      rainAcc += look.perSecond * dt;
      for (; rainAcc >= 1; rainAcc--) {
        if (pending.length >= MAX_PENDING) { stats.dropped++; continue; }
        pending.push(random(giftSet()));
      }
    }
    for (var n = 0; n < SPAWN_PER_FRAME && pending.length && particles.length < MAX; n++) {
      var img = sprite(pending[0]);
      if (img === null) break;   // a picture still loading: it and what came after it wait for the next frame
      pending.shift();
      if (img === false) { stats.dropped++; continue; }
      var scale = look.scale[0] + Math.random() * (look.scale[1] - look.scale[0]);
      var q = { img: img, x: Math.random() * canvas.width, y: -SIZE, vx: (Math.random() - 0.5) * 60 + look.wind,
        vy: (180 + Math.random() * 220) * look.speed, g: 0, spin: (Math.random() - 0.5) * 2, angle: 0, size: SIZE * scale };
      if (look.up) {   // thrown up from the bottom, falling back
        q.y = canvas.height + SIZE;
        q.vy = -(canvas.height * (0.9 + Math.random() * 0.45));
        q.vx = (Math.random() - 0.5) * 500;
        q.g = canvas.height * 0.9;
      }
      particles.push(q);
      stats.spawned++;
    }
  }

  function frame(now) {
    var dt = last ? Math.min(0.05, (now - last) / 1000) : 0.016;
    last = now;
    stats.frames++;
    spawn(now, dt);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    var alive = 0;
    for (var i = 0; i < particles.length; i++) {
      var q = particles[i];
      q.vy += q.g * dt;
      q.y += q.vy * dt;
      q.x += q.vx * dt;
      q.angle += q.spin * dt;
      if (q.vy > 0 && q.y - q.size > canvas.height) continue;
      particles[alive++] = q;
      ctx.setTransform(1, 0, 0, 1, q.x, q.y);
      ctx.rotate(q.angle);
      ctx.drawImage(q.img, -q.size / 2, -q.size / 2, q.size, q.size);
    }
    particles.length = alive;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    requestAnimationFrame(frame);
  }

  // For the dashboard's preview and the tests: how much is on screen and waiting.
  window.LTTH_RAIN = {
    max: MAX,
    stats: function () {
      return { ready: stats.ready, particles: particles.length, pending: pending.length, spawned: stats.spawned, dropped: stats.dropped,
        frames: stats.frames, events: stats.events, likes: stats.likes, bursts: stats.bursts, preset: preset,
        raining: performance.now() < rainUntil };
    },
    /** The emojis on screen now, by what they show: the tests look for a viewer's own. */
    showing: function () {
      var out = {};
      Object.keys(sprites).forEach(function (k) {
        var n = particles.filter(function (q) { return q.img === sprites[k]; }).length;
        if (n) out[k] = n;
      });
      return out;
    }
  };

  resize();
  window.addEventListener('resize', resize);
  requestAnimationFrame(frame);
  LTTH.overlay.start({ types: ['gift', 'like'], event: onEvent, on: { 'emoji:rain': onRain, 'effects:state': onState } });
})();
