/*
 * The flow editor: a list of flows, an editor with pickers for trigger, conditions and actions, validation messages
 * next to the field the server names, a test button and the live run log. Values are put in with textContent.
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
  var CONDITION_KINDS = ['field', 'minCoins', 'gift', 'user', 'userIs', 'teamLevelAtLeast', 'chance', 'timeBetween'];
  // Each action's fields: [name, kind, label of a select's empty choice]; kind is text, number, or select:a,b,c
  var ACTIONS = {
    overlayText: [['text', 'text'], ['seconds', 'number']], overlayImage: [['url', 'text'], ['seconds', 'number']],
    overlayVideo: [['url', 'text'], ['seconds', 'number']], overlayEvent: [['event', 'text']],
    webhook: [['url', 'text'], ['method', 'select:POST,GET,PUT'], ['body', 'text']],
    variable: [['name', 'text'], ['op', 'select:set,add'], ['value', 'text']], wait: [['seconds', 'number']],
    runFlow: [['flow', 'text']], log: [['line', 'text'], ['file', 'text']], plugin: [['action', 'text']],
    tts: [['text', 'text']], alert: [['text', 'text']], sound: [['sound', 'text']],
    obsScene: [['scene', 'text'], ['connection', 'text']],
    obsSource: [['scene', 'text'], ['source', 'text'], ['visible', 'select:show,hide,toggle']],
    obsFilter: [['source', 'text'], ['filter', 'text'], ['enabled', 'select:on,off,toggle']],
    osc: [['preset', 'select:,wave,celebrate,dance,hearts,confetti,emote0,emote1,emote2,emote3,emote4,emote5,emote6,emote7,chatbox', 'flows.noPreset'],
      ['address', 'text'], ['args', 'text'], ['text', 'text']],
    goal: [['goal', 'text'], ['value', 'number']]
  };

  var current = null;   // the flow being edited, as the server has it
  var pluginTriggers = [];

  var request = LTTH.api;
  var say = LTTH.say;
  var el = LTTH.el;

  /**
   * An input (or select) with the JSON path the server uses in its errors, and a place for the message. A select's
   * empty choice reads as emptyKey says ("any state" unless given).
   */
  function input(kind, path, value, placeholder, label, emptyKey) {
    var wrap = el('div', 'flex-grow-1');
    if (label) wrap.appendChild(el('label', 'form-label small text-body-secondary mb-0 d-block', label));
    var field;
    if (kind.indexOf('select:') === 0 || Array.isArray(kind)) {
      field = el('select', 'form-select form-select-sm');
      (Array.isArray(kind) ? kind : kind.slice(7).split(',')).forEach(function (o) {
        var option = el('option', '', o === '' ? t(emptyKey || 'flows.any.state') : o);
        option.value = o;
        field.appendChild(option);
      });
    } else {
      field = el('input', 'form-control form-control-sm');
      field.type = kind === 'number' ? 'number' : kind === 'time' ? 'time' : 'text';
      if (placeholder) field.placeholder = placeholder;
    }
    field.setAttribute('data-path', path);
    // A structured webhook body (an object) is edited as its JSON text; saved as text, its placeholders are still
    // filled JSON-escaped.
    if (value !== undefined && value !== null) field.value = typeof value === 'object' ? JSON.stringify(value) : String(value);
    if (label) field.setAttribute('aria-label', label);
    wrap.append(field, el('div', 'invalid-feedback'));
    return wrap;
  }

  function valueOf(wrap, kind) {
    var v = wrap.querySelector('[data-path]').value;
    if (kind === 'number') return v === '' ? undefined : Number(v);
    return v;
  }

  // ---- trigger -------------------------------------------------------------------------------------------

  function renderTrigger(trigger) {
    var box = $('trigger-fields');
    box.replaceChildren();
    var type = $('trigger-type').value;
    var row = el('div', 'd-flex gap-2');
    if (type === 'event') row.appendChild(input(EVENTS, 'trigger.event', trigger.event || 'gift'));
    if (type === 'connection') row.appendChild(input(STATES, 'trigger.state', trigger.state || ''));
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
    if (type === 'webhook') {
      row.appendChild(el('div', 'small text-body-secondary', trigger.token
        ? 'POST ' + location.origin + '/api/flows/hooks/' + trigger.token : t('flows.webhookAfterSave')));
    }
    if (type === 'plugin') {
      row.appendChild(pluginTriggers.length ? input(pluginTriggers, 'trigger.trigger', trigger.trigger)
        : el('div', 'small text-body-secondary', t('flows.noPluginTriggers')));
    }
    box.appendChild(row);
  }

  function triggerJson() {
    var type = $('trigger-type').value;
    var tr = { type: type };
    var get = function (path) { var f = document.querySelector('[data-path="' + path + '"]'); return f ? f.value : ''; };
    if (type === 'event') tr.event = get('trigger.event');
    if (type === 'connection' && get('trigger.state')) tr.state = get('trigger.state');
    if (type === 'timer') {
      if (get('trigger.at')) {
        tr.at = get('trigger.at');
        tr.days = Array.prototype.filter.call(document.querySelectorAll('#trigger-fields .day'), function (b) { return b.checked; })
          .map(function (b) { return b.value; });
      } else {
        tr.everySeconds = Number(get('trigger.everySeconds'));
      }
    }
    if (type === 'webhook' && current && current.trigger.token) tr.token = current.trigger.token;
    if (type === 'plugin') tr.trigger = get('trigger.trigger');
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

  /** Any condition JSON as a group the editor can show: {mode, not, items}. */
  function toGroup(c) {
    if (!c || !Object.keys(c).length) return { mode: 'all', not: false, items: [] };
    if (c.not !== undefined) {
      var inner = isGroup(c.not) && c.not.not === undefined ? toGroup(c.not) : { mode: 'all', items: [c.not] };
      inner.not = true;
      return inner;
    }
    if (c.all !== undefined || c.any !== undefined) return { mode: c.any !== undefined ? 'any' : 'all', not: false, items: c.any || c.all };
    return { mode: 'all', not: false, items: [c] };
  }

  function removeButton(target) {
    var remove = el('button', 'btn btn-sm btn-outline-danger', '×');
    remove.type = 'button';
    remove.title = t('flows.remove');
    remove.addEventListener('click', function () { target.remove(); renumber(); });
    return remove;
  }

  function conditionRow(c) {
    var row = el('div', 'd-flex gap-2 align-items-end condition-row');
    var kind = leafKind(c);
    var kindSelect = input(CONDITION_KINDS, 'kind', kind);
    kindSelect.classList.remove('flex-grow-1');
    kindSelect.querySelector('select').classList.add('condition-kind');
    row.appendChild(kindSelect);
    var inputs = el('div', 'd-flex gap-2 flex-grow-1 condition-inputs');
    row.append(inputs, removeButton(row));
    function fill(k, c) {
      inputs.replaceChildren();
      if (k === 'field') {
        var value = Array.isArray(c.value) ? c.value.join(', ') : c.value;
        inputs.append(input(FIELDS, 'field', c.field || 'coins', null, t('flows.field.field')),
          input(OPS, 'op', c.op || '>=', null, t('flows.field.op')), input('text', 'value', value, null, t('flows.field.value')));
      } else if (k === 'userIs') {
        inputs.appendChild(input(['follower', 'subscriber', 'moderator', 'topGifter'], 'userIs', c.userIs));
      } else if (k === 'timeBetween') {
        inputs.append(input('time', 'timeBetween[0]', (c.timeBetween || [])[0]), input('time', 'timeBetween[1]', (c.timeBetween || [])[1]));
      } else {
        inputs.appendChild(input(k === 'user' || k === 'gift' ? 'text' : 'number', k, Array.isArray(c[k]) ? c[k].join(', ') : c[k]));
      }
      renumber();
    }
    kindSelect.querySelector('select').addEventListener('change', function (e) { fill(e.target.value, {}); });
    fill(kind, c);
    return row;
  }

  function groupBox(group, root) {
    var box = el('div', 'condition-group d-flex flex-column gap-2' + (root ? '' : ' border rounded p-2'));
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
    return (box.groupNot.checked ? path + '.not' : path) + '.' + box.groupMode.value;
  }

  /** Fields know where they are only through their paths: renumber after anything was added, removed or changed. */
  function renumber() {
    var root = $('conditions').firstChild;
    if (root) (function walk(box, path) {
      var list = listPath(box, path);
      Array.prototype.forEach.call(box.querySelector(':scope > .group-children').children, function (child, i) {
        var at = list + '[' + i + ']';
        if (child.classList.contains('condition-group')) { walk(child, at); return; }
        child.querySelectorAll('.condition-inputs [data-path]').forEach(function (f) {
          var leaf = f.getAttribute('data-leaf') || f.getAttribute('data-path');
          f.setAttribute('data-leaf', leaf);
          f.setAttribute('data-path', at + '.' + leaf);
        });
      });
    })(root, 'conditions');
    document.querySelectorAll('#actions .action-row').forEach(function (row, i) {
      row.querySelectorAll('[data-path]').forEach(function (f) {
        var leaf = f.getAttribute('data-leaf') || f.getAttribute('data-path');
        f.setAttribute('data-leaf', leaf);
        f.setAttribute('data-path', 'actions[' + i + '].' + leaf);
      });
    });
  }

  function leafJson(row) {
    var kind = row.querySelector('.condition-kind').value;
    var fields = {};
    row.querySelectorAll('.condition-inputs [data-leaf]').forEach(function (f) { fields[f.getAttribute('data-leaf')] = f.value; });
    var num = function (v) { return v === '' || isNaN(Number(v)) ? v : Number(v); };
    var list = function (v) { return v.split(',').map(function (x) { return x.trim(); }).filter(Boolean); };
    if (kind === 'field') {
      if (fields.op === 'exists') return { field: fields.field, op: 'exists' };
      var inList = fields.op === 'in' || fields.op === 'notIn';
      return { field: fields.field, op: fields.op, value: inList ? list(fields.value).map(num) : num(fields.value) };
    }
    if (kind === 'timeBetween') return { timeBetween: [fields['timeBetween[0]'], fields['timeBetween[1]']] };
    var c = {};
    c[kind] = kind === 'gift' ? fields[kind] : kind === 'user' ? (fields[kind].indexOf(',') >= 0 ? list(fields[kind]) : fields[kind])
      : num(fields[kind]);
    return c;
  }

  function groupJson(box) {
    var items = Array.prototype.map.call(box.querySelector(':scope > .group-children').children, function (child) {
      return child.classList.contains('condition-group') ? groupJson(child) : leafJson(child);
    });
    var json = {};
    json[box.groupMode.value] = items;
    return box.groupNot.checked ? { not: json } : json;
  }

  function conditionsJson() {
    return groupJson($('conditions').firstChild);
  }

  // ---- actions -------------------------------------------------------------------------------------------

  function actionRow(a) {
    var row = el('div', 'd-flex gap-2 align-items-end action-row');
    var typeSelect = input(Object.keys(ACTIONS), 'type', a.type || 'overlayText');
    typeSelect.classList.remove('flex-grow-1');
    row.appendChild(typeSelect);
    var inputs = el('div', 'd-flex gap-2 flex-grow-1 action-inputs');
    row.append(inputs, removeButton(row));
    function fill(type, a) {
      inputs.replaceChildren();
      ACTIONS[type].forEach(function (f) { inputs.appendChild(input(f[1], f[0], a[f[0]], f[0], t('flows.field.' + f[0]), f[2])); });
      renumber();
    }
    typeSelect.querySelector('select').addEventListener('change', function (e) { fill(e.target.value, {}); });
    fill(a.type || 'overlayText', a);
    return row;
  }

  function actionsJson() {
    var list = [];
    document.querySelectorAll('#actions .action-row').forEach(function (row) {
      var type = row.querySelector('select').value;
      var a = { type: type };
      ACTIONS[type].forEach(function (f, i) {
        var v = valueOf(row.querySelectorAll('.action-inputs > div')[i], f[1]);
        if (v !== undefined && v !== '') a[f[0]] = v;
      });
      if (type === 'variable' && a.op === 'add' && a.value !== undefined) a.value = Number(a.value);
      list.push(a);
    });
    return list;
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
    $('cooldown').value = flow && flow.cooldownSeconds || '';
    $('user-cooldown').value = flow && flow.userCooldownSeconds || '';
    $('rate').value = flow && flow.maxRunsPerMinute || '';
    $('action-mode').value = flow && flow.mode === 'random' ? 'random' : 'all';
    $('flow-queue').value = flow && flow.queue || 'default';
    $('actions').replaceChildren();
    (flow ? flow.actions : [{ type: 'overlayText', text: t('flows.defaultText'), seconds: 5 }])
      .forEach(function (a) { $('actions').appendChild(actionRow(a)); });
    $('delete-flow').disabled = !(flow && flow.id);
    renumber();
  }

  function flowJson() {
    var json = {
      name: $('flow-name').value, enabled: $('flow-enabled').checked, trigger: triggerJson(),
      conditions: conditionsJson(), mode: $('action-mode').value, queue: $('flow-queue').value.trim() || 'default',
      actions: actionsJson()
    };
    [['cooldown', 'cooldownSeconds'], ['user-cooldown', 'userCooldownSeconds'], ['rate', 'maxRunsPerMinute']].forEach(function (p) {
      if ($(p[0]).value !== '') json[p[1]] = Number($(p[0]).value);
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
      list.appendChild(el('li', 'test-step', s.action + ' · ' + s.outcome + ' · ' + s.millis + ' ms · ' + s.result));
    });
    box.appendChild(list);
  }

  // ---- list and log ----------------------------------------------------------------------------------------

  function summary(f) {
    var tr = f.trigger;
    return tr.type === 'event' ? tr.event : tr.type === 'timer' ? (tr.at || tr.everySeconds + ' s') : tr.type;
  }

  function loadList() {
    return request('GET', '/api/flows').then(function (data) {
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
    request('GET', '/api/plugins').then(function (p) {
      pluginTriggers = p.flowTriggers.map(function (tr) { return tr.pluginId + '.' + tr.id; });
    }).catch(function () {}).then(function () { edit(null); });
    loadList();
    request('GET', '/api/flows/log').then(function (data) { data.runs.slice().reverse().forEach(logRun); });
    loadQueues();
    LTTH.connect({ on: { 'flow:run': function (run) { logRun(run); refreshQueuesSoon(); } } });
  });
})();
