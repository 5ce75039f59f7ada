/*
 * One timer (?id=), drawn in one of five templates. LTTH sends the timer when it changes (timer:update; timer:all on
 * hello): its value at a moment, the moment and its speed. This page counts by itself from those, five times a
 * second, so a running countdown costs LTTH nothing per second. Names come from the streamer: text only.
 */
(function () {
  'use strict';
  var TEMPLATES = ['plain', 'bar', 'circle', 'minimal', 'big'];
  var p = LTTH.overlay.params;
  var wanted = p.get('id') || '';
  var area = document.getElementById('timer');
  var timer = null;
  var offset = 0;   // the app's clock minus this page's
  var drawn = null;

  function mine(t) {
    return t.id === wanted || t.name.toLowerCase() === wanted.toLowerCase();
  }

  var clock = LTTH.timerClock;

  /** How full the bar or ring is: what is left of the round (counting down) or of the target (counting up). */
  function fraction(t, ms) {
    var whole = (t.phase === 'break' ? t.breakSeconds : t.seconds) * 1000;
    if (clock.counting(t) && t.capSeconds > 0) whole = Math.max(whole, t.capSeconds * 1000);
    return whole > 0 ? Math.min(1, ms / whole) : 0;
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  var SVG = 'http://www.w3.org/2000/svg';
  function ring() {
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 200 200');
    svg.setAttribute('class', 'timer-ring');
    [['timer-ring-back', 1], ['timer-ring-fill', 0]].forEach(function (c) {
      var circle = document.createElementNS(SVG, 'circle');
      circle.setAttribute('cx', '100');
      circle.setAttribute('cy', '100');
      circle.setAttribute('r', '88');
      circle.setAttribute('class', c[0]);
      svg.appendChild(circle);
    });
    return svg;
  }

  /** Builds the template's elements once per timer; draw() only changes their text and sizes. */
  function build(t) {
    var template = TEMPLATES.indexOf(p.get('template')) >= 0 ? p.get('template') : t.template;
    var box = el('div', 'timer template-' + template);
    box.setAttribute('data-timer', t.id);
    if (template !== 'minimal' && template !== 'big') box.appendChild(el('div', 'timer-name', t.name));
    if (template === 'circle') {
      var wrap = el('div', 'timer-circle');
      wrap.append(ring(), el('div', 'timer-digits'));
      box.appendChild(wrap);
    } else {
      box.appendChild(el('div', 'timer-digits'));
    }
    if (template === 'bar') {
      var track = el('div', 'timer-track');
      track.appendChild(el('div', 'timer-fill'));
      box.appendChild(track);
    }
    area.replaceChildren(box);
    drawn = t.id;
  }

  function draw() {
    if (!timer) return;
    if (drawn !== timer.id) build(timer);
    var ms = clock.valueNow(timer, offset);
    var box = area.firstElementChild;
    box.classList.toggle('paused', timer.state === 'paused');
    box.classList.toggle('ended', timer.state === 'ended' || (clock.counting(timer) && ms <= 0));
    box.querySelector('.timer-digits').textContent = clock.format(ms);
    var f = fraction(timer, ms);
    var fill = box.querySelector('.timer-fill');
    if (fill) fill.style.width = (f * 100) + '%';
    var arc = box.querySelector('.timer-ring-fill');
    if (arc) arc.style.strokeDashoffset = String(553 * (1 - f));
  }

  function take(t) {
    if (!mine(t)) return;
    offset = t.serverNow - Date.now();
    timer = t;
    draw();
  }

  LTTH.overlay.start({
    on: {
      'timer:all': function (m) { m.timers.forEach(take); },
      'timer:update': take,
      'timer:removed': function (m) { if (timer && m.id === timer.id) { timer = null; drawn = null; area.replaceChildren(); } }
    }
  });
  setInterval(draw, 200);
})();
