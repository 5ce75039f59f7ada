/*
 * The flow editor: a list of flows, an editor with pickers for trigger, conditions and actions, validation messages
 * next to the field the server names, a test button and the live run log. Values are put in with textContent.
 *
 * Nothing is lost by opening and saving a flow: every field the engine reads has its input, a value the editor shows
 * unchanged is saved exactly as it came (number, text, true/false, object), and fields the editor does not know
 * (a newer LTTH's, a plugin's) are kept.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var $ = function (id) { return document.getElementById(id); };
  var EVENTS = ['gift', 'chat', 'follow', 'share', 'like', 'subscribe', 'join', 'viewers', 'emote', 'question', 'streamEnd',
    'battle', 'liveGoal', 'treasureChest', 'poll', 'pin', 'superFan', 'giftSub'];
  var STATES = ['', 'connecting', 'live', 'reconnecting', 'offline', 'ended', 'error'];
  var FIELDS = ['coins', 'giftName', 'giftCount', 'comment', 'username', 'nickname', 'likeCount', 'totalLikes',
    'viewerCount', 'followerRole', 'teamLevel', 'question', 'months', 'phase', 'topScore', 'progress', 'target',
    'diamonds', 'people', 'title', 'leader', 'subCount'];
  var OPS = ['==', '!=', '>=', '>', '<=', '<', 'contains', 'notContains', 'startsWith', 'endsWith', 'regex', 'in', 'notIn', 'exists'];
  var DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
  var CONDITION_KINDS = ['field', 'minCoins', 'gift', 'user', 'userIs', 'teamLevelAtLeast', 'chance', 'timeBetween', 'command'];
  var OSC_PRESETS = ['', 'wave', 'celebrate', 'dance', 'hearts', 'confetti', 'emote0', 'emote1', 'emote2', 'emote3', 'emote4',
    'emote5', 'emote6', 'emote7', 'chatbox'];

  /** One input of an action: what the engine reads (name), how it is edited (kind), its choices and their labels. */
  function f(name, kind, choices, labels, empty) {
    return { name: name, kind: kind, choices: choices, labels: labels, empty: empty };
  }
  var CONNECTION = f('connection', 'obsConnection');
  // Each action's full field set, as FlowActions and FlowEngine read it. kinds: text, number, json, select, and the
  // pickers sound, voice, goal, scene, source, flow, obsConnection.
  var ACTIONS = {
    alert: [f('text', 'text'), f('seconds', 'number'), f('sound', 'sound'), f('media', 'text')],
    sound: [f('sound', 'sound')],
    tts: [f('text', 'text'), f('voice', 'voice')],
    overlayText: [f('text', 'text'), f('seconds', 'number')],
    overlayImage: [f('url', 'text'), f('seconds', 'number')],
    overlayVideo: [f('url', 'text'), f('seconds', 'number')],
    overlayEvent: [f('event', 'text'), f('data', 'json')],
    goal: [f('goal', 'goal'), f('op', 'select', ['add', 'set', 'reset'], 'flows.choice.', 'add'), f('value', 'text')],
    obsScene: [f('scene', 'scene'), CONNECTION],
    obsSource: [f('scene', 'scene'), f('source', 'source'), f('visible', 'select', ['show', 'hide', 'toggle'], 'flows.choice.'), CONNECTION],
    obsFilter: [f('source', 'source'), f('filter', 'text'), f('enabled', 'select', ['on', 'off', 'toggle'], 'flows.choice.'), CONNECTION],
    osc: [f('preset', 'select', OSC_PRESETS, 'osc.preset.', ''), f('address', 'text'), f('args', 'text'), f('text', 'text')],
    webhook: [f('url', 'text'), f('method', 'select', ['POST', 'GET', 'PUT'], null, 'POST'), f('body', 'json'),
      f('contentType', 'text'), f('timeoutSeconds', 'number')],
    variable: [f('name', 'text'), f('op', 'select', ['set', 'add'], 'flows.choice.', 'set'), f('value', 'text')],
    wait: [f('seconds', 'number')],
    runFlow: [f('flow', 'flow')],
    log: [f('line', 'text'), f('file', 'text')],
    plugin: [f('action', 'text'), f('input', 'json')],
    addXp: [f('value', 'text'), f('user', 'text')],
    addPoints: [f('value', 'text'), f('user', 'text')],
    setLevel: [f('value', 'text'), f('user', 'text')],
    timerAdd: [f('timer', 'timer'), f('seconds', 'text')],
    timerSet: [f('timer', 'timer'), f('seconds', 'text')],
    timerPause: [f('timer', 'timer')],
    timerStart: [f('timer', 'timer')],
    effect: [f('effect', 'select', ['rain', 'snow', 'storm', 'fog', 'sunbeam', 'glitch', 'fireworks', 'flame'], 'effects.name.', 'fireworks'),
      f('seconds', 'text'), f('intensity', 'number'), f('count', 'text')],
    gameStart: [f('game', 'select', ['wheel', 'plinko', 'coinbattle', 'quiz'], 'games.name.', 'wheel'), f('wheel', 'text'), f('stake', 'text'), f('seconds', 'text')],
    emojiRain: [f('op', 'select', ['start', 'preset', 'burst', 'clear'], 'effects.op.', 'start'),
      f('preset', 'select', ['gentle', 'storm', 'celebration'], 'effects.preset.', ''), f('seconds', 'text'), f('count', 'text'),
      f('emoji', 'text')],
    streamerbot: [f('action', 'text'), f('args', 'json')],
    minecraft: [f('action', 'text'), f('params', 'json')],
    openshock: [f('pattern', 'text'), f('command', 'select', ['vibrate', 'shock', 'sound'], 'openshock.type.', 'vibrate'),
      f('intensity', 'number'), f('durationMs', 'number'), f('shocker', 'text')]
  };
  var PICKER_LISTS = { sound: 'pick-sounds', timer: 'pick-timers', goal: 'pick-goals', scene: 'pick-scenes', source: 'pick-sources', gift: 'pick-gifts' };

  var current = null;   // the flow being edited, as the server has it
  var pluginTriggers = [];
  var voices = [];
  var flows = [];
  var goals = [];

  var request = LTTH.api;
  var say = LTTH.say;
  var el = LTTH.el;

  /** How a stored value reads in an input: objects as JSON, nothing as empty. */
  function textOf(v) {
    if (v === undefined || v === null) return '';
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }

  /**
   * The value to save: the stored one while the input still shows it (so 5 stays a number, "5" text, true a
   * boolean, and a missing field missing when the input shows its default), otherwise what was typed, as fromText
   * reads it; undefined (left out) when emptied.
   */
  function keep(stored, text, fromText, fallback) {
    if (text === textOf(stored) || (stored === undefined && fallback !== undefined && text === fallback)) return stored;
    if (text === '') return undefined;
    return fromText ? fromText(text) : text;
  }

  function copy(o) {
    return o ? JSON.parse(JSON.stringify(o)) : {};
  }

  function setOrDelete(target, key, value) {
    if (value === undefined) delete target[key]; else target[key] = value;
  }

  var asNumber = function (v) { return v === '' || isNaN(Number(v)) ? v : Number(v); };
  var asJson = function (v) { try { return JSON.parse(v); } catch (e) { return v; } };

  /**
   * An input (or select) with the JSON path the server uses in its errors, and a place for the message. A select's
   * choices read as labels (a locale prefix) says; its empty choice as emptyKey; a stored value it does not offer is
   * added as a choice of its own, so it is not lost.
   */
  function input(kind, path, value, placeholder, label, emptyKey, labels) {
    var wrap = el('div', 'flex-grow-1');
    if (label) wrap.appendChild(el('label', 'form-label small text-body-secondary mb-0 d-block', label));
    var field;
    if (Array.isArray(kind)) {
      field = el('select', 'form-select form-select-sm');
      var choices = kind.slice();
      if (value !== undefined && value !== null && choices.indexOf(textOf(value)) < 0) choices.push(textOf(value));
      choices.forEach(function (o) {
        var known = kind.indexOf(o) >= 0;
        var option = el('option', '', o === '' ? t(emptyKey || 'flows.any.state') : labels && known ? t(labels + o) : o);
        option.value = o;
        field.appendChild(option);
      });
    } else {
      field = el('input', 'form-control form-control-sm');
      field.type = kind === 'number' ? 'number' : kind === 'time' ? 'time' : 'text';
      if (PICKER_LISTS[kind]) field.setAttribute('list', PICKER_LISTS[kind]);
      if (placeholder) field.placeholder = placeholder;
    }
    field.setAttribute('data-path', path);
    // A structured value (a webhook's body, an event's data) is edited as its JSON text.
    if (value !== undefined && value !== null) field.value = textOf(value);
    if (label) field.setAttribute('aria-label', label);
    wrap.append(field, el('div', 'invalid-feedback'));
    return wrap;
  }

  /** A voice, a flow or an OBS connection: chosen from what LTTH has, the stored one kept even if it is gone. */
  function pickerChoices(kind) {
    if (kind === 'voice') return [''].concat(voices.map(function (v) { return v.id; }));
    if (kind === 'flow') return flows.map(function (x) { return x.id; });
    return null;
  }

  function actionInput(spec, value) {
    var label = t('flows.field.' + spec.name);
    if (spec.kind === 'select') return input(spec.choices, spec.name, value === undefined ? spec.empty : value, null, label, 'flows.noPreset', spec.labels);
    var choices = pickerChoices(spec.kind);
    if (choices) {
      var wrap = input(choices, spec.name, value === undefined ? '' : value, null, label, 'flows.defaultVoice');
      // Voices and flows read by their names; the stored id stays the value.
      wrap.querySelectorAll('option').forEach(function (o) {
        var voice = voices.filter(function (v) { return v.id === o.value; })[0];
        var flow = flows.filter(function (x) { return x.id === o.value; })[0];
        if (voice) o.textContent = voice.name + ' (' + voice.engine + ', ' + voice.language + ')';
        if (flow) o.textContent = flow.name;
      });
      return wrap;
    }
    var box = input(spec.kind, spec.name, value, spec.kind === 'obsConnection' ? t('flows.field.connection') : spec.name, label);
    if (spec.kind === 'sound') {
      var sound = box.querySelector('input');
      var group = el('div', 'input-group input-group-sm');
      sound.parentNode.insertBefore(group, sound);
      group.append(sound, LTTH.listenButton(function () { return sound.value; }));
    }
    if (spec.kind === 'scene') box.querySelector('input').addEventListener('change', function (e) { loadSources(e.target.value); });
    return box;
  }

  /** The value of an action's input, to save: see keep. */
  function actionValue(spec, field, stored) {
    var text = field.value;
    if (spec.kind === 'number') return keep(stored, text, Number);
    if (spec.kind === 'json') return keep(stored, text, asJson);
    if (spec.kind === 'select') return keep(stored, text, null, spec.empty);
    return keep(stored, text, null, spec.kind === 'voice' || spec.kind === 'obsConnection' ? '' : undefined);
  }

  // ---- trigger -------------------------------------------------------------------------------------------

  function renderTrigger(trigger) {
    var box = $('trigger-fields');
    box.replaceChildren();
    box.stored = trigger;
    var type = $('trigger-type').value;
    var row = el('div', 'd-flex gap-2');
    if (type === 'event') row.appendChild(input(EVENTS, 'trigger.event', trigger.event || 'gift', null, null, null, 'eventType.'));
    if (type === 'connection') row.appendChild(input(STATES, 'trigger.state', trigger.state || '', null, null, null, 'state.'));
    if (type === 'goal') {
      row.appendChild(input([''].concat(goals.map(function (g) { return g.id; })), 'trigger.goal', trigger.goal || '',
        null, t('flows.field.goal'), 'flows.anyGoal'));
      row.querySelectorAll('[data-path="trigger.goal"] option').forEach(function (o) {
        var goal = goals.filter(function (g) { return g.id === o.value; })[0];
        if (goal) o.textContent = goal.name;
      });
      row.appendChild(input(['reached', 'progress'], 'trigger.on', trigger.on || 'reached', null, t('flows.field.on'), null, 'flows.goalOn.'));
    }
    if (type === 'timer') {
      row.appendChild(input('number', 'trigger.everySeconds', trigger.everySeconds, t('flows.everySeconds')));
      row.appendChild(input('time', 'trigger.at', trigger.at, t('flows.at')));
      var days = el('div', 'd-flex flex-wrap gap-2 small align-items-center');
      days.setAttribute('data-path', 'trigger.days');
      DAYS.forEach(function (d) {
        var label = el('label', 'form-check-label d-flex gap-1 align-items-center');
        var check = el('input', 'form-check-input day');
        check.type = 'checkbox';
        check.value = d;
        check.checked = !trigger.days || trigger.days.indexOf(d) >= 0;
        label.append(check, document.createTextNode(t('flows.day.' + d)));
        days.appendChild(label);
      });
      box.appendChild(row);
      box.appendChild(days);
      return;
    }
    if (type === 'xp') {
      row.appendChild(input(['levelUp', 'xpGained', 'dailyBonus', 'streak'], 'trigger.on', trigger.on || 'levelUp', null,
        t('flows.field.on'), null, 'flows.xpOn.'));
    }
    if (type === 'timerEnded') {
      row.appendChild(input('text', 'trigger.timer', trigger.timer, t('flows.anyTimer'), t('flows.field.timer')));
    }
    if (type === 'gameStarted' || type === 'gameEnded') {
      row.appendChild(input(['', 'wheel', 'plinko', 'coinbattle', 'quiz'], 'trigger.game', trigger.game || '', null, t('flows.field.game'), 'flows.anyGame', 'games.name.'));
    }
    if (type === 'command') {
      row.appendChild(input('text', 'trigger.name', trigger.name, 'hug', t('flows.field.commandName')));
      row.appendChild(el('div', 'small text-body-secondary align-self-end', t('flows.commandHelp')));
    }
    if (type === 'custom') {
      row.appendChild(input('text', 'trigger.name', trigger.name, 'deck.scene', t('flows.field.customName')));
      row.appendChild(el('div', 'small text-body-secondary align-self-end', t('flows.customHelp')));
    }
    if (type === 'webhook') {
      row.appendChild(el('div', 'small text-body-secondary', trigger.token
        ? 'POST ' + location.origin + '/api/flows/hooks/' + trigger.token : t('flows.webhookAfterSave')));
    }
    if (type === 'plugin') {
      var known = pluginTriggers.slice();
      row.appendChild(known.length || trigger.trigger ? input(known, 'trigger.trigger', trigger.trigger)
        : el('div', 'small text-body-secondary', t('flows.noPluginTriggers')));
    }
    box.appendChild(row);
  }

  function triggerJson() {
    var type = $('trigger-type').value;
    var stored = $('trigger-fields').stored || {};
    var tr = stored.type === type ? copy(stored) : { type: type };
    var get = function (path) { var x = document.querySelector('[data-path="' + path + '"]'); return x ? x.value : ''; };
    if (type === 'event') tr.event = get('trigger.event');
    if (type === 'connection') setOrDelete(tr, 'state', keep(tr.state, get('trigger.state')));
    if (type === 'goal') {
      setOrDelete(tr, 'goal', keep(tr.goal, get('trigger.goal'), null, ''));
      setOrDelete(tr, 'on', keep(tr.on, get('trigger.on'), null, 'reached'));
    }
    if (type === 'timer') {
      if (get('trigger.at')) {
        tr.at = get('trigger.at');
        delete tr.everySeconds;
        var days = Array.prototype.filter.call(document.querySelectorAll('#trigger-fields .day'), function (b) { return b.checked; })
          .map(function (b) { return b.value; });
        setOrDelete(tr, 'days', tr.days === undefined && days.length === DAYS.length ? undefined : days);
      } else {
        tr.everySeconds = keep(tr.everySeconds, get('trigger.everySeconds'), Number);
        delete tr.at;
        delete tr.days;
      }
    }
    if (type === 'plugin') tr.trigger = get('trigger.trigger');
    if (type === 'custom' || type === 'command') setOrDelete(tr, 'name', keep(tr.name, get('trigger.name').trim(), null, ''));
    if (type === 'xp') setOrDelete(tr, 'on', keep(tr.on, get('trigger.on'), null, 'levelUp'));
    if (type === 'timerEnded') setOrDelete(tr, 'timer', keep(tr.timer, get('trigger.timer').trim(), null, ''));
    if (type === 'gameStarted' || type === 'gameEnded') setOrDelete(tr, 'game', keep(tr.game, get('trigger.game'), null, ''));
    return tr;
  }

  // ---- conditions ----------------------------------------------------------------------------------------
  // The conditions are a tree: a group holds conditions and further groups, all or any of which must hold, or (NOT)
  // none. The JSON is {"all": [...]}, {"any": [...]} or {"not": {...}} around them, exactly as the server reads it.

  function leafKind(c) {
    return c.field !== undefined ? 'field' : CONDITION_KINDS.filter(function (k) { return c[k] !== undefined; })[0] || 'field';
  }

  function isGroup(c) {
    return c && (c.all !== undefined || c.any !== undefined || c.not !== undefined);
  }

  /**
   * Any condition JSON as a group the editor can show: {mode, not, items, written}. written remembers a shorter way
   * it was written ("one": a single condition, "notOne": {"not": one condition}), so that it is saved that way.
   */
  function toGroup(c) {
    if (!c || !Object.keys(c).length) return { mode: 'all', not: false, items: [], written: c ? 'empty' : 'none' };
    if (c.not !== undefined) {
      if (isGroup(c.not) && c.not.not === undefined) {
        var inner = toGroup(c.not);
        inner.not = true;
        return inner;
      }
      return { mode: 'all', not: true, items: [c.not], written: 'notOne' };
    }
    if (c.all !== undefined || c.any !== undefined) return { mode: c.any !== undefined ? 'any' : 'all', not: false, items: c.any || c.all };
    return { mode: 'all', not: false, items: [c], written: 'one' };
  }

  function removeButton(target) {
    var remove = el('button', 'btn btn-sm btn-outline-danger', '×');
    remove.type = 'button';
    remove.title = t('flows.remove');
    remove.addEventListener('click', function () { target.remove(); renumber(); });
    return remove;
  }

  /** The gift's picture from the catalog next to a gift name, as it is typed. */
  function giftPicture(field) {
    var img = el('img', 'flow-gift-picture');
    img.alt = '';
    function show() {
      var gift = giftCatalog.filter(function (g) { return g.name.toLowerCase() === field.value.trim().toLowerCase(); })[0];
      img.hidden = !(gift && gift.imageUrl);
      if (gift && gift.imageUrl) img.src = gift.imageUrl;
    }
    field.addEventListener('input', show);
    show();
    return img;
  }

  function conditionRow(c) {
    var row = el('div', 'd-flex gap-2 align-items-end condition-row');
    row.stored = c;
    var kind = leafKind(c);
    var kindSelect = input(CONDITION_KINDS, 'kind', kind, null, null, null, 'flows.condition.');
    kindSelect.classList.remove('flex-grow-1');
    kindSelect.querySelector('select').classList.add('condition-kind');
    row.appendChild(kindSelect);
    var inputs = el('div', 'd-flex gap-2 flex-grow-1 condition-inputs align-items-end');
    row.append(inputs, removeButton(row));
    function fill(k, c) {
      inputs.replaceChildren();
      if (k === 'field') {
        var value = Array.isArray(c.value) ? c.value.join(', ') : c.value;
        inputs.append(input(FIELDS, 'field', c.field || 'coins', null, t('flows.field.field'), null, 'flows.eventField.'),
          // A stored comparison without "op" means "==" to the engine; a new one starts at ">=".
          input(OPS, 'op', c.op || (c.field !== undefined ? '==' : '>='), null, t('flows.field.op'), null, 'flows.op.'),
          input('text', 'value', value, null, t('flows.field.value')));
      } else if (k === 'userIs') {
        inputs.appendChild(input(['follower', 'subscriber', 'moderator', 'topGifter', 'vip'], 'userIs', c.userIs, null, null, null, 'flows.userIs.'));
      } else if (k === 'timeBetween') {
        inputs.append(input('time', 'timeBetween[0]', (c.timeBetween || [])[0]), input('time', 'timeBetween[1]', (c.timeBetween || [])[1]));
      } else if (k === 'gift') {
        var gift = input('gift', 'gift', c.gift, t('flows.condition.gift'));
        inputs.append(gift, giftPicture(gift.querySelector('input')));
      } else {
        inputs.appendChild(input(k === 'user' || k === 'command' ? 'text' : 'number', k, Array.isArray(c[k]) ? c[k].join(', ') : c[k]));
      }
      renumber();
    }
    kindSelect.querySelector('select').addEventListener('change', function (e) { row.stored = {}; fill(e.target.value, {}); });
    fill(kind, c);
    return row;
  }

  function groupBox(group, root) {
    var box = el('div', 'condition-group d-flex flex-column gap-2' + (root ? '' : ' border rounded p-2'));
    box.written = group.written;
    var head = el('div', 'd-flex gap-2 align-items-center flex-wrap');
    var notLabel = el('label', 'form-check-label d-flex gap-1 align-items-center small');
    var not = el('input', 'form-check-input group-not');
    not.type = 'checkbox';
    not.checked = !!group.not;
    notLabel.append(not, document.createTextNode(t('flows.not')));
    var mode = el('select', 'form-select form-select-sm w-auto group-mode');
    [['all', 'flows.all'], ['any', 'flows.any']].forEach(function (o) {
      var option = el('option', '', t(o[1]));
      option.value = o[0];
      mode.appendChild(option);
    });
    mode.value = group.mode;
    var addCondition = el('button', 'btn btn-sm btn-outline-secondary add-condition', t('flows.addCondition'));
    var addGroup = el('button', 'btn btn-sm btn-outline-secondary add-group', t('flows.addGroup'));
    addCondition.type = addGroup.type = 'button';
    if (root) {
      addCondition.id = 'add-condition';
      mode.id = 'condition-mode';
    }
    head.append(notLabel, mode, addCondition, addGroup);
    if (!root) head.appendChild(removeButton(box));
    var children = el('div', 'group-children d-flex flex-column gap-2' + (root ? '' : ' ps-3'));
    box.append(head, children);
    box.groupNot = not;
    box.groupMode = mode;
    group.items.forEach(function (c) { children.appendChild(isGroup(c) ? groupBox(toGroup(c), false) : conditionRow(c)); });
    not.addEventListener('change', renumber);
    mode.addEventListener('change', renumber);
    addCondition.addEventListener('click', function () { children.appendChild(conditionRow({ minCoins: 100 })); renumber(); });
    addGroup.addEventListener('click', function () {
      children.appendChild(groupBox({ mode: 'any', not: false, items: [{ minCoins: 100 }] }, false));
      renumber();
    });
    return box;
  }

  /** The path of a group's list, as the server names it in its errors: conditions.not.any[2]... */
  function listPath(box, path) {
    if (box.written === 'one' && isShort(box, false)) return path;
    if (box.written === 'notOne' && isShort(box, true)) return path + '.not';
    return (box.groupNot.checked ? path + '.not' : path) + '.' + box.groupMode.value;
  }

  /** Still the one condition (or NOT one condition) it was written as: saved in that short form again. */
  function isShort(box, not) {
    var children = box.querySelector(':scope > .group-children').children;
    return box.groupNot.checked === not && box.groupMode.value === 'all' && children.length === 1
      && !children[0].classList.contains('condition-group');
  }

  /** Fields know where they are only through their paths: renumber after anything was added, removed or changed. */
  function renumber() {
    var root = $('conditions').firstChild;
    if (root) (function walk(box, path) {
      var list = listPath(box, path);
      var short = list === path || list === path + '.not';
      Array.prototype.forEach.call(box.querySelector(':scope > .group-children').children, function (child, i) {
        var at = short ? list : list + '[' + i + ']';
        if (child.classList.contains('condition-group')) { walk(child, at); return; }
        child.querySelectorAll('.condition-inputs [data-path]').forEach(function (x) {
          var leaf = x.getAttribute('data-leaf') || x.getAttribute('data-path');
          x.setAttribute('data-leaf', leaf);
          x.setAttribute('data-path', at + '.' + leaf);
        });
      });
    })(root, 'conditions');
    document.querySelectorAll('#actions .action-row').forEach(function (row, i) {
      row.querySelectorAll('.action-inputs [data-path], .action-type [data-path]').forEach(function (x) {
        var leaf = x.getAttribute('data-leaf') || x.getAttribute('data-path');
        x.setAttribute('data-leaf', leaf);
        x.setAttribute('data-path', 'actions[' + i + '].' + leaf);
      });
    });
  }

  function leafJson(row) {
    var kind = row.querySelector('.condition-kind').value;
    var stored = row.stored || {};
    var c = leafKind(stored) === kind ? copy(stored) : {};
    var fields = {};
    row.querySelectorAll('.condition-inputs [data-leaf]').forEach(function (x) { fields[x.getAttribute('data-leaf')] = x.value; });
    var list = function (v) { return v.split(',').map(function (x) { return x.trim(); }).filter(Boolean); };
    var shown = function (v) { return Array.isArray(v) ? v.join(', ') : textOf(v); };
    var value = function (storedValue, text, read) { return text === shown(storedValue) ? storedValue : read(text); };
    if (kind === 'field') {
      c.field = fields.field;
      setOrDelete(c, 'op', keep(c.op, fields.op, null, '=='));
      if (fields.op === 'exists') { delete c.value; return c; }
      var inList = fields.op === 'in' || fields.op === 'notIn';
      c.value = value(c.value, fields.value, function (v) { return inList ? list(v).map(asNumber) : asNumber(v); });
      return c;
    }
    if (kind === 'timeBetween') {
      var between = [fields['timeBetween[0]'], fields['timeBetween[1]']];
      c.timeBetween = value(c.timeBetween, between.join(', '), function () { return between; });
      return c;
    }
    c[kind] = value(c[kind], fields[kind], function (v) {
      if (kind === 'gift' || kind === 'command') return v;
      if (kind === 'user') return v.indexOf(',') >= 0 ? list(v) : v;
      return asNumber(v);
    });
    return c;
  }

  function groupJson(box) {
    var items = Array.prototype.map.call(box.querySelector(':scope > .group-children').children, function (child) {
      return child.classList.contains('condition-group') ? groupJson(child) : leafJson(child);
    });
    if (box.written === 'one' && isShort(box, false)) return items[0];
    if (box.written === 'notOne' && isShort(box, true)) return { not: items[0] };
    var json = {};
    json[box.groupMode.value] = items;
    return box.groupNot.checked ? { not: json } : json;
  }

  /** undefined when the flow had no conditions and still has none: left out, as it came. */
  function conditionsJson() {
    var root = $('conditions').firstChild;
    var json = groupJson(root);
    var empty = !root.groupNot.checked && root.groupMode.value === 'all' && json.all && !json.all.length;
    return empty && root.written === 'none' ? undefined : json;
  }

  // ---- actions -------------------------------------------------------------------------------------------

  function actionRow(a) {
    var row = el('div', 'd-flex gap-2 align-items-end action-row');
    row.stored = a;
    var typeSelect = input(Object.keys(ACTIONS), 'type', a.type || 'overlayText', null, null, null, 'flows.action.');
    typeSelect.classList.remove('flex-grow-1');
    typeSelect.classList.add('action-type');
    row.appendChild(typeSelect);
    var inputs = el('div', 'd-flex flex-wrap gap-2 flex-grow-1 action-inputs');
    row.append(inputs, removeButton(row));
    function fill(type, a) {
      inputs.replaceChildren();
      (ACTIONS[type] || []).forEach(function (spec) { inputs.appendChild(actionInput(spec, a[spec.name])); });
      renumber();
    }
    typeSelect.querySelector('select').addEventListener('change', function (e) { fill(e.target.value, {}); });
    fill(a.type || 'overlayText', a);
    return row;
  }

  function actionsJson() {
    var list = [];
    document.querySelectorAll('#actions .action-row').forEach(function (row) {
      var type = row.querySelector('.action-type select').value;
      var stored = row.stored && row.stored.type === type ? row.stored : { type: type };
      var a = copy(stored);
      (ACTIONS[type] || []).forEach(function (spec) {
        var field = row.querySelector('.action-inputs [data-leaf="' + spec.name + '"]');
        if (field) setOrDelete(a, spec.name, actionValue(spec, field, stored[spec.name]));
      });
      if (type === 'variable' && a.op === 'add' && typeof a.value === 'string') a.value = asNumber(a.value);
      list.push(a);
    });
    return list;
  }

  // ---- pickers -------------------------------------------------------------------------------------------

  var giftCatalog = [];

  function fillList(id, values) {
    $(id).replaceChildren.apply($(id), values.map(function (v) {
      var o = el('option', '', v.label || '');
      o.value = v.value;
      return o;
    }));
  }

  /** Choices from the rest of LTTH; each is optional (OBS may be off): a field can always be typed. */
  function loadPickers() {
    var quiet = function () {};
    return Promise.all([
      request('GET', '/api/gifts').then(function (r) {
        giftCatalog = r.gifts;
        fillList('pick-gifts', r.gifts.map(function (g) { return { value: g.name, label: t('alerts.giftCoins', { coins: g.coins }) }; }));
      }, quiet),
      request('GET', '/api/goals').then(function (r) {
        goals = r.goals;
        fillList('pick-goals', r.goals.map(function (g) { return { value: g.name }; }));
      }, quiet),
      request('GET', '/api/timers').then(function (r) {
        fillList('pick-timers', r.timers.map(function (x) { return { value: x.name }; }));
      }, quiet),
      request('GET', '/api/tts/voices').then(function (r) { voices = r.voices; }, quiet),
      Promise.all([request('GET', '/api/alerts').catch(quiet), request('GET', '/api/soundboard/config').catch(quiet)]).then(function (r) {
        var sounds = ((r[0] && r[0].sounds) || []).map(function (url) {
          return { value: url, label: t('alerts.builtInSound.' + url.replace(/^.*\/|\.wav$/g, '')) };
        });
        ((r[1] && r[1].buttons) || []).forEach(function (b) { sounds.push({ value: b.sound, label: b.name }); });
        fillList('pick-sounds', sounds);
      }),
      request('GET', '/api/obs/scenes').then(function (r) {
        fillList('pick-scenes', r.scenes.map(function (s) { return { value: s }; }));
      }, quiet)
    ]);
  }

  function loadSources(scene) {
    if (!scene) return;
    request('GET', '/api/obs/sources?scene=' + encodeURIComponent(scene)).then(function (r) {
      fillList('pick-sources', r.sources.map(function (s) { return { value: s.source }; }));
    }, function () {});
  }

  // ---- the editor ----------------------------------------------------------------------------------------

  function edit(flow) {
    current = flow;
    clearErrors();
    $('warnings').textContent = '';
    $('test-result').replaceChildren();
    $('editor-id').textContent = flow && flow.id ? flow.id : t('flows.unsaved');
    $('flow-name').value = flow ? flow.name : '';
    $('flow-enabled').checked = !flow || flow.enabled !== false;
    var trigger = flow ? flow.trigger : { type: 'event', event: 'gift' };
    $('trigger-type').value = trigger.type;
    renderTrigger(trigger);
    $('conditions').replaceChildren(groupBox(toGroup(flow && flow.conditions), true));
    $('cooldown').value = textOf(flow && flow.cooldownSeconds);
    $('user-cooldown').value = textOf(flow && flow.userCooldownSeconds);
    $('rate').value = textOf(flow && flow.maxRunsPerMinute);
    $('action-mode').value = flow && flow.mode === 'random' ? 'random' : 'all';
    $('flow-queue').value = flow && flow.queue || 'default';
    $('actions').replaceChildren();
    (flow ? flow.actions : [{ type: 'overlayText', text: t('flows.defaultText'), seconds: 5 }])
      .forEach(function (a) { $('actions').appendChild(actionRow(a)); });
    $('delete-flow').disabled = !(flow && flow.id);
    var scene = document.querySelector('#actions [data-leaf="scene"]');
    if (scene) loadSources(scene.value);
    renumber();
  }

  /** The flow as saved: what it was (fields this editor does not know included), with what the editor shows. */
  function flowJson() {
    var json = copy(current);
    json.name = $('flow-name').value;
    json.enabled = keep(json.enabled, String($('flow-enabled').checked), function (v) { return v === 'true'; }, 'true');
    if (json.enabled === undefined) delete json.enabled;
    json.trigger = triggerJson();
    setOrDelete(json, 'conditions', conditionsJson());
    setOrDelete(json, 'mode', keep(json.mode, $('action-mode').value, null, 'all'));
    setOrDelete(json, 'queue', keep(json.queue, $('flow-queue').value.trim(), null, 'default'));
    json.actions = actionsJson();
    [['cooldown', 'cooldownSeconds'], ['user-cooldown', 'userCooldownSeconds'], ['rate', 'maxRunsPerMinute']].forEach(function (p) {
      setOrDelete(json, p[1], keep(json[p[1]], $(p[0]).value, Number));
    });
    return json;
  }

  function clearErrors() {
    document.querySelectorAll('#editor .is-invalid').forEach(function (f) { f.classList.remove('is-invalid'); });
    document.querySelectorAll('#editor [data-path-prefix]').forEach(function (f) { f.textContent = ''; });
  }

  /** Shows the server's message next to the field it names (or the nearest group of fields). */
  function showError(err) {
    var field = err.field && document.querySelector('#editor [data-path="' + err.field + '"]');
    if (field) {
      field.classList.add('is-invalid');
      field.nextElementSibling.textContent = err.message;
      field.focus();
      return;
    }
    var prefix = err.field && Array.prototype.filter.call(document.querySelectorAll('#editor [data-path-prefix]'),
      function (p) { return err.field.indexOf(p.getAttribute('data-path-prefix')) === 0; })[0];
    if (prefix) prefix.textContent = err.message; else say(err.message);
  }

  function save() {
    clearErrors();
    var json = flowJson();
    var call = current && current.id ? request('PUT', '/api/flows/' + encodeURIComponent(current.id), json)
      : request('POST', '/api/flows', json);
    return call.then(function (answer) {
      current = answer.flow;
      $('editor-id').textContent = current.id;
      $('warnings').textContent = answer.warnings.map(function (w) { return w.field + ': ' + w.message; }).join(' · ');
      $('delete-flow').disabled = false;
      renderTrigger(current.trigger);
      say(t('flows.saved', { name: current.name }), true);
      loadList();
      loadQueues();
      return current;
    }, function (err) { showError(err); throw err; });
  }

  function showTest(run) {
    var box = $('test-result');
    box.replaceChildren(el('div', 'fw-semibold test-status', t('flows.result', { status: run.status })));
    var list = el('ul', 'mb-0');
    run.steps.forEach(function (s) {
      var action = LTTH.i18n.has('flows.action.' + s.action) ? t('flows.action.' + s.action) : s.action;
      list.appendChild(el('li', 'test-step', action + ' · ' + s.outcome + ' · ' + s.millis + ' ms · ' + s.result));
    });
    box.appendChild(list);
  }

  // ---- list and log ----------------------------------------------------------------------------------------

  function summary(f) {
    var tr = f.trigger;
    return tr.type === 'event' ? t('eventType.' + tr.event) : tr.type === 'timer' ? (tr.at || tr.everySeconds + ' s')
      : (tr.type === 'custom' || tr.type === 'command') && tr.name ? t('flows.trigger.' + tr.type) + ': ' + tr.name
      : t('flows.trigger.' + tr.type);
  }

  function loadList() {
    return request('GET', '/api/flows').then(function (data) {
      flows = data.flows;
      var list = $('flow-list');
      list.replaceChildren();
      if (!data.flows.length) list.appendChild(el('li', 'list-group-item small text-body-secondary', t('flows.none')));
      data.flows.forEach(function (f) {
        var li = el('li', 'list-group-item d-flex align-items-center gap-2');
        li.setAttribute('data-flow', f.id);
        var name = el('a', 'me-auto', f.name);
        name.href = '#';
        name.addEventListener('click', function (e) { e.preventDefault(); edit(f); });
        li.append(name, el('span', 'badge text-bg-secondary', summary(f)));
        var toggle = el('input', 'form-check-input');
        toggle.type = 'checkbox';
        toggle.checked = f.enabled !== false;
        toggle.title = t('flows.enabled');
        toggle.addEventListener('change', function () {
          request('POST', '/api/flows/' + encodeURIComponent(f.id) + (toggle.checked ? '/enable' : '/disable')).then(loadList);
        });
        var run = el('button', 'btn btn-sm btn-outline-primary', '▶');
        run.type = 'button';
        run.title = t('flows.run');
        run.addEventListener('click', function () { request('POST', '/api/flows/' + encodeURIComponent(f.id) + '/run'); });
        li.append(toggle, run);
        list.appendChild(li);
      });
    });
  }

  // ---- queues --------------------------------------------------------------------------------------------

  function queueRow(q) {
    var li = el('li', 'list-group-item d-flex flex-wrap align-items-center gap-2 small');
    li.setAttribute('data-queue', q.name);
    var mode = input(['serial', 'parallel'], 'mode', q.mode);
    var length = input('number', 'maxLength', q.maxLength, null, t('flows.queue.maxLength'));
    var overflow = input(['skip-new', 'drop-oldest'], 'overflow', q.overflow);
    [mode, overflow].forEach(function (w) {
      w.querySelectorAll('option').forEach(function (o) { o.textContent = t('flows.queue.' + o.value); });
    });
    length.querySelector('input').min = 1;
    var saveButton = el('button', 'btn btn-sm btn-outline-primary queue-save', t('flows.queue.save'));
    saveButton.type = 'button';
    saveButton.addEventListener('click', function () {
      li.querySelectorAll('.is-invalid').forEach(function (f) { f.classList.remove('is-invalid'); });
      request('PUT', '/api/flows/queues/' + encodeURIComponent(q.name), {
        mode: mode.querySelector('select').value, maxLength: Number(length.querySelector('input').value),
        overflow: overflow.querySelector('select').value
      }).then(function () { say(t('flows.queue.saved', { name: q.name }), true); loadQueues(); }, function (err) {
        var field = err.field && li.querySelector('[data-path="' + err.field + '"]');
        if (!field) { say(err.message); return; }
        field.classList.add('is-invalid');
        field.nextElementSibling.textContent = err.message;
      });
    });
    li.append(el('strong', 'w-100', q.name), mode, length, overflow,
      el('span', 'badge text-bg-secondary queue-state', t('flows.queue.state', { waiting: q.waiting, running: q.running })), saveButton);
    if (q.configured) {
      var reset = el('button', 'btn btn-sm btn-outline-secondary', t('flows.queue.reset'));
      reset.type = 'button';
      reset.addEventListener('click', function () {
        request('DELETE', '/api/flows/queues/' + encodeURIComponent(q.name)).then(loadQueues);
      });
      li.appendChild(reset);
    }
    return li;
  }

  function loadQueues() {
    return request('GET', '/api/flows/queues').then(function (data) {
      $('queue-list').replaceChildren.apply($('queue-list'), data.queues.map(queueRow));
      $('queue-names').replaceChildren.apply($('queue-names'), data.queues.map(function (q) {
        var o = el('option');
        o.value = q.name;
        return o;
      }));
    });
  }

  /** Runs come in bursts: the queue view is refreshed at most twice a second. */
  var queueRefresh = null;
  function refreshQueuesSoon() {
    if (queueRefresh) return;
    queueRefresh = setTimeout(function () { queueRefresh = null; loadQueues(); }, 500);
  }

  function logRun(run) {
    var list = $('run-log');
    var li = el('li', 'list-group-item');
    li.appendChild(el('div', 'fw-semibold', new Date(run.startedAt).toLocaleTimeString(LTTH.i18n.language()) + ' ' + run.flowName));
    li.appendChild(el('div', 'text-body-secondary', run.trigger + ' → ' + run.status + ' (' + run.steps.length + ' ' + t('flows.steps') + ')'));
    list.insertBefore(li, list.firstChild);
    while (list.children.length > 100) list.removeChild(list.lastChild);
  }

  // ---- start ---------------------------------------------------------------------------------------------

  LTTH.i18n.init().then(function () {
    $('trigger-type').addEventListener('change', function () { renderTrigger({}); });
    $('add-action').addEventListener('click', function () {
      $('actions').appendChild(actionRow({ type: 'overlayText' }));
      renumber();
    });
    $('new-flow').addEventListener('click', function () { edit(null); });
    $('editor').addEventListener('submit', function (e) { e.preventDefault(); save().catch(function () {}); });
    $('test-flow').addEventListener('click', function () {
      save().then(function (f) { return request('POST', '/api/flows/' + encodeURIComponent(f.id) + '/test', {}); })
        .then(showTest).catch(function () {});
    });
    $('delete-flow').addEventListener('click', function () {
      if (!current || !current.id || !window.confirm(t('flows.deleteConfirm', { name: current.name }))) return;
      request('DELETE', '/api/flows/' + encodeURIComponent(current.id)).then(function () { edit(null); loadList(); });
    });
    Promise.all([request('GET', '/api/plugins').then(function (p) {
      pluginTriggers = p.flowTriggers.map(function (tr) { return tr.pluginId + '.' + tr.id; });
    }).catch(function () {}), loadPickers(), loadList()]).then(function () { edit(null); });
    request('GET', '/api/flows/log').then(function (data) { data.runs.slice().reverse().forEach(logRun); });
    loadQueues();
    LTTH.connect({ on: { 'flow:run': function (run) { logRun(run); refreshQueuesSoon(); } } });
  });
})();
