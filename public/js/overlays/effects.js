/*
 * Weather (rain, snow, storm with lightning, fog, sunbeam, glitch), fireworks and a flame frame on one canvas. LTTH
 * says what starts and for how long (effect:start, effect:stop; effects:state on hello with the cap and what still
 * runs); this page draws. The work per frame is bounded whatever is asked: all effects together never have more than
 * the cap of particles (?max= lowers the one set on the Effects page), every particle is a small bitmap drawn once and
 * then copied, and the big shapes (fog, sun rays) are drawn at a quarter of the size and scaled up in one copy. A
 * software-rendered 1920x1080 source in OBS holds its frame rate with everything running at once.
 */
(function () {
  'use strict';
  var URL_MAX = LTTH.overlay.number('max', 2000, 10, 2000);
  var max = Math.min(URL_MAX, 400);
  var canvas = document.getElementById('effects');
  var ctx = canvas.getContext('2d');
  var W = 1920;
  var H = 1080;
  var effects = {};   // name -> {until, intensity, acc, parts, ...}
  var total = 0;      // particles on screen, all effects
  var stats = { frames: 0, maxSeen: 0, started: 0, ready: false };
  var last = 0;
  var HUES = [0, 30, 50, 120, 190, 220, 280, 320];

  function resize() {
    W = canvas.width = canvas.clientWidth || 1920;
    H = canvas.height = canvas.clientHeight || 1080;
    haze.width = Math.ceil(W / 4);
    haze.height = Math.ceil(H / 4);
  }

  function offscreen(w, h) {
    var c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    return c;
  }

  /** A soft round light of one colour, drawn once: sparks, flakes, flames and fog are copies of these. */
  function glow(size, inner, outer) {
    var c = offscreen(size, size);
    var g = c.getContext('2d');
    var r = g.createRadialGradient(size / 2, size / 2, 0, size / 2, size / 2, size / 2);
    r.addColorStop(0, inner);
    r.addColorStop(0.35, inner);
    r.addColorStop(1, outer);
    g.fillStyle = r;
    g.fillRect(0, 0, size, size);
    return c;
  }

  var SPARK = HUES.map(function (h) { return glow(16, 'hsla(' + h + ',100%,75%,1)', 'hsla(' + h + ',100%,50%,0)'); });
  var FLAKE = glow(16, 'rgba(255,255,255,0.95)', 'rgba(255,255,255,0)');
  var FLAME = [glow(32, 'rgba(255,240,160,0.9)', 'rgba(255,120,0,0)'), glow(32, 'rgba(255,150,40,0.85)', 'rgba(255,40,0,0)'),
    glow(32, 'rgba(120,200,255,0.8)', 'rgba(60,80,255,0)')];
  var PUFF = glow(64, 'rgba(225,230,240,0.55)', 'rgba(225,230,240,0)');
  var MOTE = glow(8, 'rgba(255,245,200,0.9)', 'rgba(255,245,200,0)');
  var haze = offscreen(480, 270);   // fog and sun rays, at a quarter of the size
  var hazeCtx = haze.getContext('2d');

  function budget() {
    return max - total;
  }

  function add(e, p) {
    if (total >= max) return false;
    e.parts.push(p);
    total++;
    if (total > stats.maxSeen) stats.maxSeen = total;
    return true;
  }

  /** Keeps the particles that live on; the rest leave the count. */
  function step(e, dt, move) {
    var alive = 0;
    for (var i = 0; i < e.parts.length; i++) {
      var p = e.parts[i];
      if (move(p, dt)) e.parts[alive++] = p;
    }
    total -= e.parts.length - alive;
    e.parts.length = alive;
  }

  function rnd(a, b) {
    return a + Math.random() * (b - a);
  }

  // ---- the effects: spawn(e, dt, on) adds particles while the effect runs; draw(e, dt) moves and draws ----------

  function fall(p, dt) {
    p.x += p.vx * dt;
    p.y += p.vy * dt;
    return p.y < H + 40;
  }

  function spawnRain(e, dt, on, heavy) {
    if (!on) return;
    var want = Math.round(max * (heavy ? 0.45 : 0.35) * e.intensity);
    e.acc += want * dt * 1.6;
    for (; e.acc >= 1 && e.parts.length < want; e.acc--) {
      if (!add(e, { x: rnd(-100, W + 100), y: rnd(-60, -10), vx: heavy ? -220 : -80, vy: rnd(1100, 1500), len: rnd(18, 34) })) break;
    }
    if (e.acc > 5) e.acc = 5;
  }

  function drawRain(e, dt, colour) {
    step(e, dt, fall);
    ctx.strokeStyle = colour;
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (var i = 0; i < e.parts.length; i++) {
      var p = e.parts[i];
      ctx.moveTo(p.x, p.y);
      ctx.lineTo(p.x + p.vx * 0.025, p.y + p.len);
    }
    ctx.stroke();
  }

  function lightning(e, dt) {
    e.nextBolt = (e.nextBolt === undefined ? rnd(0.3, 1.2) : e.nextBolt) - dt;
    if (e.nextBolt <= 0 && e.on) {
      e.nextBolt = rnd(1.5, 4.5) / e.intensity;
      e.flash = 0.55;
      var x = rnd(W * 0.1, W * 0.9);
      var y = 0;
      e.bolt = [[x, y]];
      while (y < H * rnd(0.55, 0.85)) {
        x += rnd(-60, 60);
        y += rnd(30, 80);
        e.bolt.push([x, y]);
      }
    }
    if (e.flash > 0) {
      ctx.fillStyle = 'rgba(235,240,255,' + e.flash.toFixed(3) + ')';
      ctx.fillRect(0, 0, W, H);
      if (e.bolt && e.flash > 0.25) {
        ctx.strokeStyle = 'rgba(255,255,255,0.95)';
        ctx.lineWidth = 4;
        ctx.beginPath();
        ctx.moveTo(e.bolt[0][0], e.bolt[0][1]);
        for (var i = 1; i < e.bolt.length; i++) ctx.lineTo(e.bolt[i][0], e.bolt[i][1]);
        ctx.stroke();
      }
      e.flash -= dt * 1.8;
    }
  }

  function spawnSnow(e, dt, on) {
    if (!on) return;
    var want = Math.round(max * 0.35 * e.intensity);
    e.acc += want * dt * 0.25;
    for (; e.acc >= 1 && e.parts.length < want; e.acc--) {
      if (!add(e, { x: rnd(0, W), y: rnd(-30, -5), vx: rnd(-20, 20), vy: rnd(50, 140), size: rnd(6, 16), phase: rnd(0, 6.3) })) break;
    }
    if (e.acc > 5) e.acc = 5;
  }

  function drawSnow(e, dt) {
    step(e, dt, function (p, t) {
      p.phase += t;
      p.x += (p.vx + Math.sin(p.phase) * 30) * t;
      p.y += p.vy * t;
      return p.y < H + 20;
    });
    for (var i = 0; i < e.parts.length; i++) {
      var p = e.parts[i];
      ctx.drawImage(FLAKE, p.x, p.y, p.size, p.size);
    }
  }

  /** Fog and sunbeams share a quarter-size layer, copied up once a frame. */
  function spawnFog(e, dt, on) {
    var want = Math.round(5 + 7 * e.intensity);
    while (on && e.parts.length < want && budget() > 0) {
      add(e, { x: rnd(-0.3, 1) * W / 4, y: rnd(0.1, 1) * H / 4, r: rnd(90, 170), vx: rnd(4, 12) });
    }
  }

  function drawFog(e, dt) {
    step(e, dt, function (p, t) {
      p.x += p.vx * t;
      if (p.x - p.r > W / 4) p.x = -p.r;
      return true;
    });
    hazeCtx.globalAlpha = fade(e) * (0.35 + 0.45 * e.intensity);
    for (var i = 0; i < e.parts.length; i++) {
      var p = e.parts[i];
      hazeCtx.drawImage(PUFF, p.x - p.r, p.y - p.r * 0.6, p.r * 2, p.r * 1.2);
    }
    e.usesHaze = true;
  }

  function spawnSun(e, dt, on) {
    if (!e.parts.length) {   // the rays, as particles: each counts
      for (var r = 0; r < 7 && budget() > 0; r++) add(e, { ray: true, angle: 0.12 + r * 0.2, width: rnd(0.015, 0.04) });
    }
    var motes = Math.round(30 * e.intensity);
    var have = e.parts.length - 7;
    while (on && have++ < motes && budget() > 0) add(e, { x: rnd(0, W * 0.7), y: rnd(0, H * 0.7), vx: rnd(-8, 8), vy: rnd(-6, 10) });
  }

  function drawSun(e, dt) {
    e.t = (e.t || 0) + dt;
    var a = fade(e) * (0.25 + 0.3 * e.intensity);
    var len = Math.hypot(W, H) / 4;
    // brightest at the corner, gone towards the far side
    var light = hazeCtx.createRadialGradient(0, 0, 0, 0, 0, len);
    light.addColorStop(0, 'rgba(255,236,170,' + a.toFixed(3) + ')');
    light.addColorStop(1, 'rgba(255,236,170,0)');
    hazeCtx.globalAlpha = 1;
    hazeCtx.fillStyle = light;
    for (var i = 0; i < e.parts.length; i++) {
      var p = e.parts[i];
      if (!p.ray) continue;
      var ang = p.angle + Math.sin(e.t * 0.3 + i) * 0.03;
      hazeCtx.beginPath();
      hazeCtx.moveTo(0, 0);
      hazeCtx.lineTo(Math.cos(ang - p.width) * len, Math.sin(ang - p.width) * len);
      hazeCtx.lineTo(Math.cos(ang + p.width) * len, Math.sin(ang + p.width) * len);
      hazeCtx.fill();
    }
    e.usesHaze = true;
    ctx.globalAlpha = fade(e);
    step(e, dt, function (p, t) {
      if (p.ray) return true;
      p.x += p.vx * t;
      p.y += p.vy * t;
      return p.y > -10 && p.y < H && (e.on || Math.random() > 0.02);
    });
    for (var j = 0; j < e.parts.length; j++) {
      var m = e.parts[j];
      if (!m.ray) ctx.drawImage(MOTE, m.x, m.y, 6, 6);
    }
    ctx.globalAlpha = 1;
  }

  function spawnGlitch(e, dt, on) {
    if (!on || Math.random() > 0.25 + 0.5 * e.intensity) return;
    var n = Math.round(rnd(1, 3 + 5 * e.intensity));
    for (var i = 0; i < n && budget() > 0; i++) {
      var hue = [0, 180, 300][Math.floor(rnd(0, 3))];
      add(e, { x: rnd(-W * 0.1, W * 0.8), y: rnd(0, H), w: rnd(W * 0.1, W * 0.6), h: rnd(2, 40), life: rnd(0.04, 0.14),
        colour: 'hsla(' + hue + ',100%,60%,' + rnd(0.25, 0.6).toFixed(2) + ')', shift: rnd(-30, 30) });
    }
  }

  function drawGlitch(e, dt) {
    step(e, dt, function (p, t) {
      p.life -= t;
      return p.life > 0;
    });
    for (var i = 0; i < e.parts.length; i++) {
      var p = e.parts[i];
      ctx.fillStyle = p.colour;
      ctx.fillRect(p.x + p.shift, p.y, p.w, p.h);
      ctx.fillStyle = 'rgba(255,255,255,0.18)';
      ctx.fillRect(p.x, p.y + p.h * 0.5, p.w, 1);
    }
  }

  /** Rockets wait in e.rockets (a combo or a finale spreads them out), rise, and burst into sparks. */
  function spawnFireworks(e, dt) {
    if (!e.rockets) return;
    e.rocketClock = (e.rocketClock || 0) - dt;
    while (e.rockets > 0 && e.rocketClock <= 0 && budget() > 0) {
      e.rockets--;
      e.rocketClock += e.gap;
      add(e, { rocket: true, x: rnd(W * 0.15, W * 0.85), y: H + 10, vx: rnd(-60, 60), vy: -rnd(H * 0.9, H * 1.25),
        hue: Math.floor(rnd(0, SPARK.length)) });
    }
  }

  function burst(e, r) {
    var n = Math.min(Math.round(40 + 50 * e.intensity), budget());
    for (var i = 0; i < n; i++) {
      var a = Math.random() * Math.PI * 2;
      var s = rnd(120, 420);
      add(e, { x: r.x, y: r.y, vx: Math.cos(a) * s, vy: Math.sin(a) * s, life: rnd(0.9, 1.7), hue: Math.random() < 0.8 ? r.hue : Math.floor(rnd(0, SPARK.length)) });
    }
  }

  function drawFireworks(e, dt) {
    var bursting = [];
    step(e, dt, function (p, t) {
      p.vy += (p.rocket ? 520 : 180) * t;
      p.x += p.vx * t;
      p.y += p.vy * t;
      if (p.rocket) {
        if (p.vy > -120) {
          bursting.push(p);
          return false;
        }
        return true;
      }
      p.vx *= 1 - 0.9 * t;
      p.vy *= 1 - 0.9 * t;
      p.life -= t;
      return p.life > 0;
    });
    for (var b = 0; b < bursting.length; b++) burst(e, bursting[b]);
    ctx.globalCompositeOperation = 'lighter';
    for (var i = 0; i < e.parts.length; i++) {
      var p = e.parts[i];
      if (p.rocket) {   // a bright head with a short trail behind it
        ctx.globalAlpha = 0.5;
        ctx.drawImage(SPARK[1], p.x - p.vx * 0.04 - 5, p.y - p.vy * 0.04 - 5, 10, 10);
        ctx.globalAlpha = 1;
        ctx.drawImage(SPARK[2], p.x - 8, p.y - 8, 16, 16);
      } else {
        ctx.globalAlpha = Math.min(1, p.life);
        ctx.drawImage(SPARK[p.hue], p.x - 7, p.y - 7, 14, 14);
      }
    }
    ctx.globalAlpha = 1;
    ctx.globalCompositeOperation = 'source-over';
  }

  /** Flames rise from all four edges; a strong one burns blue at its heart. */
  function spawnFlame(e, dt, on) {
    if (!on) return;
    var want = Math.round(max * 0.4 * e.intensity);
    e.acc += want * dt * 1.2;
    for (; e.acc >= 1 && e.parts.length < want; e.acc--) {
      var edge = Math.floor(rnd(0, 4));
      var along = Math.random();
      var p = { life: rnd(0.5, 1.1), size: rnd(26, 60), sprite: FLAME[Math.random() < 0.15 * e.intensity ? 2 : Math.floor(rnd(0, 2))] };
      if (edge === 0) { p.x = along * W; p.y = H; p.vx = rnd(-15, 15); p.vy = -rnd(80, 180); }
      else if (edge === 1) { p.x = along * W; p.y = 0; p.vx = rnd(-15, 15); p.vy = rnd(20, 70); }
      else { p.x = edge === 2 ? 0 : W; p.y = along * H; p.vx = (edge === 2 ? 1 : -1) * rnd(30, 90); p.vy = -rnd(40, 120); }
      p.max = p.life;
      if (!add(e, p)) break;
    }
    if (e.acc > 5) e.acc = 5;
  }

  function drawFlame(e, dt) {
    step(e, dt, function (p, t) {
      p.x += p.vx * t;
      p.y += p.vy * t;
      p.life -= t;
      return p.life > 0;
    });
    ctx.globalCompositeOperation = 'lighter';
    for (var i = 0; i < e.parts.length; i++) {
      var p = e.parts[i];
      var k = p.life / p.max;
      ctx.globalAlpha = k;
      var s = p.size * (0.4 + 0.6 * k);
      ctx.drawImage(p.sprite, p.x - s / 2, p.y - s / 2, s, s);
    }
    ctx.globalAlpha = 1;
    ctx.globalCompositeOperation = 'source-over';
  }

  var KINDS = {
    rain: { spawn: function (e, dt, on) { spawnRain(e, dt, on, false); }, draw: function (e, dt) { drawRain(e, dt, 'rgba(170,195,255,0.55)'); } },
    storm: { spawn: function (e, dt, on) { spawnRain(e, dt, on, true); },
      draw: function (e, dt) { drawRain(e, dt, 'rgba(150,170,220,0.6)'); lightning(e, dt); } },
    snow: { spawn: spawnSnow, draw: drawSnow },
    fog: { spawn: spawnFog, draw: drawFog, fades: true },
    sunbeam: { spawn: spawnSun, draw: drawSun, fades: true },
    glitch: { spawn: spawnGlitch, draw: drawGlitch },
    fireworks: { spawn: spawnFireworks, draw: drawFireworks },
    flame: { spawn: spawnFlame, draw: drawFlame }
  };

  /** How visible fog and rays are: they come and go over a second and a half rather than vanish. */
  function fade(e) {
    var now = performance.now();
    var inFade = Math.min(1, (now - e.began) / 1500);
    var outFade = e.on ? 1 : Math.max(0, 1 - (now - e.ended) / 1500);
    return inFade * outFade;
  }

  function start(msg) {
    if (!msg || !KINDS[msg.name]) return;
    var now = performance.now();
    var e = effects[msg.name];
    if (!e) {
      e = effects[msg.name] = { name: msg.name, parts: [], acc: 0, began: now };
    }
    e.until = Math.max(e.until || 0, now + msg.seconds * 1000);
    e.intensity = Math.max(0.1, Math.min(1, msg.intensity || 0.7));
    e.on = true;
    if (msg.name === 'fireworks') {
      var rockets = Math.max(1, msg.count || 1);
      e.rockets = (e.rockets || 0) + rockets;
      // a combo or a finale spreads its rockets over the effect's seconds, a few at a time
      e.gap = Math.max(0.08, Math.min(0.6, (msg.finale ? msg.seconds * 0.8 : Math.min(msg.seconds, 6)) / e.rockets));
    }
    stats.started++;
  }

  function stop(msg) {
    Object.keys(effects).forEach(function (name) {
      if (msg.name === 'all' || msg.name === name) {
        effects[name].until = 0;
        effects[name].rockets = 0;
      }
    });
  }

  function state(s) {
    stats.ready = true;
    max = Math.min(URL_MAX, s.maxParticles || 400);
    (s.running || []).forEach(start);
  }

  function frame(now) {
    var dt = last ? Math.min(0.05, (now - last) / 1000) : 0.016;
    last = now;
    stats.frames++;
    ctx.clearRect(0, 0, W, H);
    hazeCtx.clearRect(0, 0, haze.width, haze.height);
    var hazy = false;
    Object.keys(effects).forEach(function (name) {
      var e = effects[name];
      var kind = KINDS[name];
      var on = now < e.until;
      if (e.on && !on) e.ended = now;
      e.on = on;
      kind.spawn(e, dt, on);
      e.usesHaze = false;
      kind.draw(e, dt);
      hazy = hazy || e.usesHaze;
      var gone = kind.fades ? !on && fade(e) === 0 : !on && !e.parts.length && !e.rockets && !(e.flash > 0);
      if (gone) {
        total -= e.parts.length;
        delete effects[name];
      }
    });
    if (hazy) ctx.drawImage(haze, 0, 0, W, H);
    requestAnimationFrame(frame);
  }

  // For the dashboard's preview and the tests: what is on screen.
  window.LTTH_EFFECTS = {
    stats: function () {
      return { ready: stats.ready, max: max, particles: total, maxSeen: stats.maxSeen, frames: stats.frames, started: stats.started,
        running: Object.keys(effects).filter(function (n) { return effects[n].on; }) };
    }
  };

  resize();
  window.addEventListener('resize', resize);
  requestAnimationFrame(frame);
  LTTH.overlay.start({ on: { 'effect:start': start, 'effect:stop': stop, 'effects:state': state } });
})();
