/*
 * The Games page: the wheels of fortune (segments with text, colour, weight and prize: text, points, sound, flow), which
 * gift spins which wheel, and a Spin button per wheel; the plinko board (rows, bets, each slot's multiplier and weight
 * with its chance in percent, which gifts drop a ball) and a Drop button. Where a spin or a ball lands is decided by
 * LTTH; the overlays show it.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var n = LTTH.i18n.number;
  var api = LTTH.api;
  var el = LTTH.el;
  var say = LTTH.say;
  var $ = function (id) { return document.getElementById(id); };
  var form = $('wheel-form');
  var uid = 0;

  function field(name, type, value, labelKey, cls) {
    var wrap = el('div', cls);
    var input = el('input', type === 'color' ? 'form-control form-control-sm form-control-color' : 'form-control form-control-sm');
    input.type = type;
    input.name = name;
    input.id = 'w' + (uid++);
    input.value = value === undefined || value === null ? '' : value;
    var label = el('label', 'form-label mb-0', t(labelKey));
    label.htmlFor = input.id;
    wrap.append(label, input);
    return wrap;
  }

  function removeButton(labelKey, target) {
    var b = el('button', 'btn btn-outline-danger btn-sm', '×');
    b.type = 'button';
    b.setAttribute('aria-label', t(labelKey));
    b.addEventListener('click', function () { target().remove(); });
    return b;
  }

  function segmentRow(s) {
    var row = el('div', 'row g-2 align-items-end segment');
    var buttons = el('div', 'col-md-1');
    buttons.appendChild(removeButton('games.wheel.removeSegment', function () { return row; }));
    row.append(field('text', 'text', s.text, 'games.wheel.segment', 'col-md-2'),
      field('colour', 'color', s.colour, 'games.wheel.colour', 'col-md-1'),
      field('weight', 'number', s.weight, 'games.wheel.weight', 'col-md-1'),
      field('prize', 'text', s.prize.text, 'games.wheel.prize', 'col-md-2'),
      field('points', 'number', s.prize.points, 'games.wheel.points', 'col-md-1'),
      field('sound', 'text', s.prize.sound, 'games.wheel.sound', 'col-md-2'),
      field('flow', 'text', s.prize.flow, 'games.wheel.flow', 'col-md-2'), buttons);
    return row;
  }

  function wheelCard(w) {
    var card = el('fieldset', 'border rounded p-2 wheel');
    card.setAttribute('data-id', w.id || '');
    var head = el('div', 'row g-2 align-items-end mb-2');
    var spin = el('button', 'btn btn-primary btn-sm', t('games.wheel.spin'));
    spin.type = 'button';
    spin.setAttribute('data-spin', w.id || '');
    spin.disabled = !w.id;   // a new wheel spins once saved
    spin.addEventListener('click', function () {
      api('POST', '/api/games/wheel/start', { wheel: w.id }).then(function () {
        say(t('games.wheel.spinning', { name: w.name }), true);
        refreshState();
      }).catch(function (err) { say(err.message); });
    });
    var buttons = el('div', 'col-md-3 d-flex gap-1');
    buttons.append(spin, removeButton('games.wheel.removeWheel', function () { return card; }));
    head.append(field('name', 'text', w.name, 'games.wheel.name', 'col-md-4'),
      field('spinSeconds', 'number', w.spinSeconds, 'games.wheel.spinSeconds', 'col-md-2'), buttons);
    var segments = el('div', 'd-flex flex-column gap-1 segments');
    w.segments.forEach(function (s) { segments.appendChild(segmentRow(s)); });
    var add = el('button', 'btn btn-outline-secondary btn-sm mt-1 align-self-start', t('games.wheel.addSegment'));
    add.type = 'button';
    add.addEventListener('click', function () {
      segments.appendChild(segmentRow({ text: '', colour: '#4dabf7', weight: 10, prize: { text: '', points: 0, sound: '', flow: '' } }));
    });
    card.append(head, segments, add);
    return card;
  }

  function wheelChoices() {
    return Array.prototype.map.call(document.querySelectorAll('#wheels .wheel'), function (c) {
      return { id: c.getAttribute('data-id'), name: c.querySelector('[name=name]').value };
    }).filter(function (w) { return w.id; });
  }

  function ruleRow(r) {
    var row = el('div', 'row g-2 align-items-end rule');
    var gift = field('gift', 'text', r.gift, 'games.wheel.ruleGift', 'col-md-4');
    gift.querySelector('input').setAttribute('list', 'pick-gifts');
    var wrap = el('div', 'col-md-4');
    var select = el('select', 'form-select form-select-sm');
    select.name = 'wheel';
    select.id = 'w' + (uid++);
    wheelChoices().forEach(function (w) {
      var o = el('option', '', w.name);
      o.value = w.id;
      o.selected = w.id === r.wheel;
      select.appendChild(o);
    });
    var label = el('label', 'form-label mb-0', t('games.wheel.ruleWheel'));
    label.htmlFor = select.id;
    wrap.append(label, select);
    var buttons = el('div', 'col-md-1');
    buttons.appendChild(removeButton('games.wheel.removeRule', function () { return row; }));
    row.append(gift, field('minCoins', 'number', r.minCoins, 'games.wheel.ruleMinCoins', 'col-md-3'), wrap, buttons);
    return row;
  }

  function show(c) {
    $('wheels').replaceChildren.apply($('wheels'), c.wheels.map(wheelCard));
    $('wheel-rules').replaceChildren.apply($('wheel-rules'), c.rules.map(ruleRow));
    $('wheel-queueMax').value = c.queueMax;
  }

  function collect() {
    var wheels = Array.prototype.map.call(document.querySelectorAll('#wheels .wheel'), function (card) {
      var v = function (scope, name) { return scope.querySelector('[name=' + name + ']').value.trim(); };
      var w = { name: v(card, 'name'), spinSeconds: Number(v(card, 'spinSeconds') || 6) };
      if (card.getAttribute('data-id')) w.id = card.getAttribute('data-id');
      w.segments = Array.prototype.map.call(card.querySelectorAll('.segment'), function (row) {
        return { text: v(row, 'text'), colour: v(row, 'colour'), weight: Number(v(row, 'weight') || 1),
          prize: { text: v(row, 'prize'), points: Number(v(row, 'points') || 0), sound: v(row, 'sound'), flow: v(row, 'flow') } };
      });
      return w;
    });
    var rules = Array.prototype.map.call(document.querySelectorAll('#wheel-rules .rule'), function (row) {
      return { gift: row.querySelector('[name=gift]').value.trim(), minCoins: Number(row.querySelector('[name=minCoins]').value || 0),
        wheel: row.querySelector('[name=wheel]').value };
    });
    return { wheels: wheels, rules: rules, queueMax: Number($('wheel-queueMax').value || 20) };
  }

  // ---- plinko ------------------------------------------------------------------------------------------------

  var plinko = $('plinko-form');

  function slotRows(slots) {
    $('plinko-slots').replaceChildren.apply($('plinko-slots'), slots.map(function (s, i) {
      var tr = el('tr', 'slot');
      var cell = function (name, value, step) {
        var td = el('td');
        var input = el('input', 'form-control form-control-sm');
        input.type = 'number';
        input.name = name;
        input.step = step;
        input.min = '0';
        input.value = value;
        input.setAttribute('aria-label', t('games.plinko.' + name) + ' ' + (i + 1));
        input.addEventListener('input', showChances);
        td.appendChild(input);
        return td;
      };
      tr.append(el('td', '', String(i + 1)), cell('multiplier', s.multiplier, 'any'), cell('weight', s.weight, '1'), el('td', 'chance'));
      return tr;
    }));
    showChances();
  }

  /** Each slot's chance as the weights give it, as the viewers' odds are. */
  function showChances() {
    var rows = Array.prototype.slice.call(document.querySelectorAll('#plinko-slots .slot'));
    var total = rows.reduce(function (sum, r) { return sum + Number(r.querySelector('[name=weight]').value || 0); }, 0);
    rows.forEach(function (r) {
      var w = Number(r.querySelector('[name=weight]').value || 0);
      r.querySelector('.chance').textContent = total > 0 ? n(Math.round(w / total * 10000) / 100) + ' %' : '–';
    });
  }

  /** More or fewer rows: one slot more than rows, the new ones copying the outermost. */
  function resizeSlots() {
    var rows = Number($('plinko-rows').value);
    if (!(rows >= 6 && rows <= 16)) return;
    var slots = collectPlinko().slots;
    while (slots.length < rows + 1) slots.push({ multiplier: slots.length ? slots[slots.length - 1].multiplier : 1, weight: 1 });
    slots.length = rows + 1;
    slotRows(slots);
  }

  function plinkoRule(r) {
    var row = el('div', 'row g-2 align-items-end rule');
    var gift = field('gift', 'text', r.gift, 'games.wheel.ruleGift', 'col-md-5');
    gift.querySelector('input').setAttribute('list', 'pick-gifts');
    var buttons = el('div', 'col-md-1');
    buttons.appendChild(removeButton('games.wheel.removeRule', function () { return row; }));
    row.append(gift, field('minCoins', 'number', r.minCoins, 'games.wheel.ruleMinCoins', 'col-md-3'), buttons);
    return row;
  }

  function showPlinko(c) {
    $('plinko-rows').value = c.rows;
    $('plinko-minBet').value = c.minBet;
    $('plinko-maxBet').value = c.maxBet;
    $('plinko-parallel').value = c.parallel;
    slotRows(c.slots);
    $('plinko-rules').replaceChildren.apply($('plinko-rules'), c.rules.map(plinkoRule));
  }

  function collectPlinko() {
    return {
      rows: Number($('plinko-rows').value), minBet: Number($('plinko-minBet').value), maxBet: Number($('plinko-maxBet').value),
      parallel: Number($('plinko-parallel').value),
      slots: Array.prototype.map.call(document.querySelectorAll('#plinko-slots .slot'), function (r) {
        return { multiplier: Number(r.querySelector('[name=multiplier]').value || 0), weight: Number(r.querySelector('[name=weight]').value || 0) };
      }),
      rules: Array.prototype.map.call(document.querySelectorAll('#plinko-rules .rule'), function (r) {
        return { gift: r.querySelector('[name=gift]').value.trim(), minCoins: Number(r.querySelector('[name=minCoins]').value || 0) };
      })
    };
  }

  // ---- coin battle --------------------------------------------------------------------------------------------

  var battle = $('battle-form');
  var BATTLE_NUMBERS = ['seconds', 'winnerPoints', 'lateSeconds', 'extendSeconds', 'maxExtensions', 'multiplierFactor', 'multiplierSeconds'];

  function showBattle(c) {
    BATTLE_NUMBERS.forEach(function (name) { $('battle-' + name).value = c[name]; });
    $('battle-mode').value = c.mode;
    $('battle-assign').value = c.assign;
    $('battle-multiplierGift').value = c.multiplierGift;
    for (var i = 0; i < 2; i++) {
      $('battle-team' + i).value = c.teams[i].name;
      $('battle-colour' + i).value = c.teams[i].colour;
    }
  }

  function collectBattle() {
    var c = { mode: $('battle-mode').value, assign: $('battle-assign').value, multiplierGift: $('battle-multiplierGift').value.trim(),
      teams: [0, 1].map(function (i) { return { name: $('battle-team' + i).value.trim(), colour: $('battle-colour' + i).value }; }) };
    BATTLE_NUMBERS.forEach(function (name) { c[name] = Number($('battle-' + name).value); });
    return c;
  }

  function showHistory() {
    api('GET', '/api/games/coinbattle/history').then(function (d) {
      $('battle-history').replaceChildren.apply($('battle-history'), d.matches.slice(0, 10).map(function (m) {
        return el('li', '', t('games.battle.past', { date: new Date(m.endedAt).toLocaleString(LTTH.i18n.language()),
          mode: t('games.battle.' + m.mode), winner: m.result.winnerName || '–', players: n(m.result.standings.players.length) }));
      }));
    }).catch(function () {});
  }

  /** A button that posts to a game's API, says so in the message bar and shows the new state. */
  function actionButton(id, path, body, said) {
    $(id).addEventListener('click', function () {
      api('POST', path, body ? body() : {}).then(function () {
        say(t(said), true);
        refreshState();
        showHistory();
      }).catch(function (err) { say(err.message); });
    });
  }

  // ---- quiz show ------------------------------------------------------------------------------------------------

  var quiz = $('quiz-form');
  var QUIZ_NUMBERS = ['questions', 'seconds', 'pauseSeconds', 'firstPoints', 'step', 'least', 'timeSeconds'];

  function showPacks(selected) {
    return api('GET', '/api/games/quiz/packs').then(function (d) {
      var auto = el('option', '', t('games.quiz.packAuto'));
      auto.value = '';
      $('quiz-pack').replaceChildren.apply($('quiz-pack'), [auto].concat(d.packs.map(function (p) {
        var o = el('option', '', t('games.quiz.packLabel', { name: p.name, language: p.language || '–', n: n(p.questions) }));
        o.value = p.id;
        return o;
      })));
      $('quiz-pack').value = selected || '';
    });
  }

  function showQuiz(c) {
    QUIZ_NUMBERS.forEach(function (name) { $('quiz-' + name).value = c[name]; });
    $('quiz-fiftyGift').value = c.fiftyGift;
    $('quiz-timeGift').value = c.timeGift;
    $('quiz-speak').checked = c.speak;
    return showPacks(c.pack);
  }

  function collectQuiz() {
    var c = { pack: $('quiz-pack').value, fiftyGift: $('quiz-fiftyGift').value.trim(), timeGift: $('quiz-timeGift').value.trim(),
      speak: $('quiz-speak').checked };
    QUIZ_NUMBERS.forEach(function (name) { c[name] = Number($('quiz-' + name).value); });
    return c;
  }

  /** A pack file: read here, checked by LTTH question by question. */
  function importPack() {
    var file = $('quiz-import').files[0];
    if (!file) return;
    file.text().then(function (text) {
      var json;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw new Error(t('games.quiz.notJson'));
      }
      return api('POST', '/api/games/quiz/packs', json);
    }).then(function (p) {
      say(t('games.quiz.imported', { name: p.name, n: n(p.questions) }), true);
      return showPacks($('quiz-pack').value);
    }).catch(function (err) { say(err.message); });
  }

  function refreshState() {
    api('GET', '/api/games').then(function (d) {
      d.games.forEach(function (g) {
        var s = g.state;
        var target = $(g.id + '-state');
        if (!target) return;
        if (!g.active) target.textContent = t('games.off');
        else if (!s.last) target.textContent = t('games.none', { waiting: n(s.waiting) });
        else if (g.id === 'coinbattle' || g.id === 'quiz') {   // a match or a quiz has a winner, not a prize
          target.textContent = s.last.winnerName ? t('games.lastWinner', { name: s.last.winnerName }) : t('games.lastNobody');
        } else {
          target.textContent = t('games.last', { prize: g.id === 'wheel' ? s.last.prize || s.last.details.segment : s.last.prize,
            name: s.last.winnerName || t('games.streamer'), waiting: n(s.waiting) });
        }
      });
    }).catch(function () {});
  }

  LTTH.i18n.init().then(function () {
    LTTH.submit(form, function () {
      return api('PUT', '/api/games/wheel/config', collect()).then(function (c) {
        show(c);
        say(t('games.saved'), true);
      });
    });
    $('wheel-add').addEventListener('click', function () {
      $('wheels').appendChild(wheelCard({ id: '', name: '', spinSeconds: 6, segments: [
        { text: '', colour: '#4dabf7', weight: 10, prize: { text: '', points: 0, sound: '', flow: '' } },
        { text: '', colour: '#f783ac', weight: 10, prize: { text: '', points: 0, sound: '', flow: '' } }] }));
    });
    $('wheel-add-rule').addEventListener('click', function () {
      $('wheel-rules').appendChild(ruleRow({ gift: '', minCoins: 0, wheel: '' }));
    });
    api('GET', '/api/gifts').then(function (r) {
      $('pick-gifts').replaceChildren.apply($('pick-gifts'), r.gifts.map(function (g) {
        var o = el('option', '', t('alerts.giftCoins', { coins: g.coins }));
        o.value = g.name;
        return o;
      }));
    }, function () {});
    api('GET', '/api/games/wheel/config').then(show).catch(function (err) { say(err.message); });
    LTTH.submit(plinko, function () {
      return api('PUT', '/api/games/plinko/config', collectPlinko()).then(function (c) {
        showPlinko(c);
        say(t('games.saved'), true);
      });
    });
    $('plinko-rows').addEventListener('change', resizeSlots);
    $('plinko-add-rule').addEventListener('click', function () { $('plinko-rules').appendChild(plinkoRule({ gift: '', minCoins: 0 })); });
    $('plinko-drop').addEventListener('click', function () {
      api('POST', '/api/games/plinko/start', {}).then(function () {
        say(t('games.plinko.dropped'), true);
        refreshState();
      }).catch(function (err) { say(err.message); });
    });
    api('GET', '/api/games/plinko/config').then(showPlinko).catch(function (err) { say(err.message); });
    LTTH.submit(battle, function () {
      return api('PUT', '/api/games/coinbattle/config', collectBattle()).then(function (c) {
        showBattle(c);
        say(t('games.saved'), true);
      });
    });
    actionButton('battle-start', '/api/games/coinbattle/start', null, 'games.battle.started');
    actionButton('battle-stop', '/api/games/coinbattle/stop', null, 'games.battle.stopped');
    actionButton('battle-multiply', '/api/games/coinbattle/multiplier', function () {
      return { factor: Number($('battle-multiplierFactor').value), seconds: Number($('battle-multiplierSeconds').value) };
    }, 'games.battle.multiplied');
    api('GET', '/api/games/coinbattle/config').then(showBattle).catch(function (err) { say(err.message); });
    showHistory();
    LTTH.submit(quiz, function () {
      return api('PUT', '/api/games/quiz/config', collectQuiz()).then(function (c) {
        say(t('games.saved'), true);
        return showQuiz(c);
      });
    });
    actionButton('quiz-start', '/api/games/quiz/start', null, 'games.quiz.started');
    actionButton('quiz-stop', '/api/games/quiz/stop', null, 'games.quiz.stopping');
    actionButton('quiz-fifty', '/api/games/quiz/joker', function () { return { kind: 'fifty' }; }, 'games.quiz.jokerUsed');
    actionButton('quiz-time', '/api/games/quiz/joker', function () { return { kind: 'time' }; }, 'games.quiz.jokerUsed');
    $('quiz-import').addEventListener('change', importPack);
    api('GET', '/api/games/quiz/config').then(showQuiz).catch(function (err) { say(err.message); });
    refreshState();
    setInterval(refreshState, 3000);
  });
})();
