/*
 * Goals as bars, rings, counters, pills, bands or thermometers. goal.html shows the goal ?id=, goals.html all goals
 * (or ?ids=a,b). LTTH sends goal:all on connect, goal:update on change, goal:reached when one is reached and goal:removed. A goal set to
 * "hide" when reached celebrates, then fades out. Labels are the streamer's templates, shown as text.
 */
(function () {
  'use strict';
  var box = document.getElementById('goals');
  var single = box.getAttribute('data-mode') === 'goal';
  var wanted = (LTTH.overlay.params.get(single ? 'id' : 'ids') || '').split(',').filter(Boolean);
  var views = {};

  function wants(goal) {
    return wanted.length === 0 ? !single : wanted.indexOf(goal.id) >= 0;
  }

  function label(goal) {
    var n = LTTH.i18n.number;
    var values = {
      name: goal.name, current: n(goal.current), target: n(goal.currentTarget), percent: Math.floor(goal.percent),
      remaining: n(Math.max(0, goal.currentTarget - goal.current))
    };
    return goal.label.replace(/\{(name|current|target|percent|remaining)\}/g, function (m, k) { return values[k]; });
  }

  function part(parent, className, html) {
    var e = document.createElement('div');
    e.className = className;
    if (html) e.innerHTML = html;   // fixed markup only: the goal's values go in as text
    parent.appendChild(e);
    return e;
  }

  /**
   * The goal in one of its templates: bar, ring, counter, pill (a compact card with the percent), band (a wide strip
   * with the name and numbers inside) or thermometer (a vertical tube). All have a label; update() fills what is there.
   */
  function build(goal) {
    var view = document.createElement('div');
    var kind = goal.style.kind;
    view.className = 'goal goal-' + kind;
    view.setAttribute('data-goal', goal.id);
    part(view, 'goal-label shadow-text');
    if (kind === 'ring') {
      part(view, 'goal-ring', '<svg viewBox="0 0 120 120"><circle class="track" cx="60" cy="60" r="52" fill="none" stroke-width="14"/>'
        + '<circle class="arc" cx="60" cy="60" r="52" fill="none" stroke-width="14" stroke-linecap="round"'
        + ' stroke-dasharray="326.73" stroke-dashoffset="326.73"/></svg><div class="goal-percent shadow-text"></div>');
    } else if (kind === 'counter') {
      part(view, 'goal-counter goal-numbers shadow-text');
    } else if (kind === 'pill') {
      part(view, 'goal-percent');
      part(view, 'goal-bar', '<div class="goal-fill"></div>');
      part(view, 'goal-numbers');
    } else if (kind === 'thermometer') {
      var tube = part(view, 'goal-tube', '<div class="goal-fill"></div>');
      part(tube, 'goal-percent shadow-text');
      part(view, 'goal-numbers shadow-text');
    } else {
      // bar, and band: the same parts, the band draws the label inside the strip
      part(view, 'goal-bar', '<div class="goal-fill"></div><div class="goal-numbers shadow-text"></div>');
    }
    view._kind = kind;
    return view;
  }

  function update(goal) {
    var view = views[goal.id];
    if (!wants(goal)) { remove(goal.id); return; }
    if (view && view._kind !== goal.style.kind) { remove(goal.id); view = null; }
    if (!view) { view = views[goal.id] = build(goal); box.appendChild(view); }
    view.style.setProperty('--color', goal.style.color);
    view.style.setProperty('--bg', goal.style.background);
    view.style.setProperty('--text', goal.style.textColor);
    view.setAttribute('data-current', goal.current);
    view.setAttribute('data-target', goal.currentTarget);
    view.querySelector('.goal-label').textContent = label(goal);
    var percent = Math.min(100, goal.percent);
    var set = function (selector, text) { var e = view.querySelector(selector); if (e) e.textContent = text; };
    set('.goal-numbers', LTTH.i18n.number(goal.current) + ' / ' + LTTH.i18n.number(goal.currentTarget));
    set('.goal-percent', Math.floor(goal.percent) + '%');
    var fill = view.querySelector('.goal-fill');
    if (fill) fill.style[view._kind === 'thermometer' ? 'height' : 'width'] = percent + '%';
    var arc = view.querySelector('.arc');
    if (arc) arc.setAttribute('stroke-dashoffset', String(326.73 * (1 - percent / 100)));
    var hidden = goal.reached && goal.onReached === 'hide';
    if (!hidden) view.classList.remove('gone');
    if (hidden && !view._hiding) {
      view._hiding = setTimeout(function () { view.classList.add('gone'); view._hiding = null; }, view._celebrating ? 3000 : 0);
    }
  }

  function reached(goal) {
    update(goal);
    var view = views[goal.id];
    if (!view) return;
    view._celebrating = true;
    view.classList.remove('reached');
    void view.offsetWidth;   // restarts the animation
    view.classList.add('reached');
    setTimeout(function () { view._celebrating = false; view.classList.remove('reached'); }, 3000);
    if (goal.onReached === 'hide') {
      clearTimeout(view._hiding);
      view._hiding = setTimeout(function () { view.classList.add('gone'); view._hiding = null; }, 3000);
    }
  }

  function remove(id) {
    var view = views[id];
    if (view && view.parentNode) view.parentNode.removeChild(view);
    delete views[id];
  }

  LTTH.overlay.start({
    on: {
      'goal:all': function (m) {
        Object.keys(views).forEach(remove);
        m.goals.forEach(update);
      },
      'goal:update': update,
      'goal:reached': reached,
      'goal:removed': function (m) { remove(m.id); }
    }
  });
})();
