/* Goals: the list with live progress and quick controls, a form to create or edit one, and a live preview. */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var $ = function (id) { return document.getElementById(id); };
  var el = LTTH.el;
  var say = LTTH.say;
  var form = $('goal-form');
  var goals = [];

  function button(label, css, onClick) {
    var b = el('button', 'btn btn-sm ' + css, label);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function act(path, body) {
    return LTTH.api('POST', path, body).then(load).catch(function (e) { say(e.message); });
  }

  function row(g) {
    var box = el('div', 'border rounded p-2 d-flex flex-wrap align-items-center gap-2');
    box.setAttribute('data-goal', g.id);
    var head = el('div', 'me-auto');
    head.appendChild(el('strong', '', g.name));
    head.appendChild(el('span', 'text-body-secondary small ms-2', t('goals.metric.' + g.metric) + ' · ' + t('goals.onReached.' + g.onReached)));
    var progress = el('div', 'progress mt-1');
    progress.style.height = '8px';
    var fill = el('div', 'progress-bar');
    fill.style.width = g.percent + '%';
    progress.appendChild(fill);
    head.appendChild(progress);
    var numbers = el('span', 'font-monospace goal-numbers', g.current + ' / ' + g.currentTarget);
    box.append(head, numbers);
    var amount = el('input', 'form-control form-control-sm');
    amount.type = 'number';
    amount.style.width = '6rem';
    amount.value = 1;
    amount.setAttribute('aria-label', t('goals.amount'));
    box.appendChild(amount);
    box.appendChild(button(t('goals.add'), 'btn-outline-primary', function () {
      act('/api/goals/' + g.id + '/add', { amount: Number(amount.value) });
    }));
    box.appendChild(button(t('goals.set'), 'btn-outline-primary', function () {
      act('/api/goals/' + g.id + '/set', { value: Number(amount.value) });
    }));
    box.appendChild(button(t('goals.reset'), 'btn-outline-secondary', function () { act('/api/goals/' + g.id + '/reset'); }));
    box.appendChild(button(t('goals.edit'), 'btn-outline-secondary', function () { edit(g); }));
    box.appendChild(button(t('common.delete'), 'btn-outline-danger', function () {
      if (!confirm(t('goals.confirmDelete', { name: g.name }))) return;
      LTTH.api('DELETE', '/api/goals/' + g.id).then(load).catch(function (e) { say(e.message); });
    }));
    return box;
  }

  function set(name, value) {
    var input = form.elements[name];
    if (input.type === 'checkbox') input.checked = value; else input.value = value;
  }

  function edit(g) {
    set('id', g.id);
    ['name', 'metric', 'target', 'label', 'onReached', 'raiseBy', 'resetOnNewStream'].forEach(function (k) { set(k, g[k]); });
    ['kind', 'color', 'background', 'textColor'].forEach(function (k) {
      set('style.' + k, k === 'kind' ? g.style[k] : g.style[k].slice(0, 7));
    });
    $('form-title').textContent = t('goals.editing', { name: g.name });
    form.scrollIntoView({ behavior: 'instant' });
  }

  function clearForm() {
    form.reset();
    set('id', '');
    $('form-title').textContent = t('goals.new');
    LTTH.fieldErrors(form, null);
  }

  function read() {
    var body = { style: {} };
    Array.prototype.forEach.call(form.elements, function (e) {
      if (!e.name || e.name === 'id') return;
      var value = e.type === 'checkbox' ? e.checked : e.type === 'number' ? Number(e.value) : e.value;
      if (e.name.indexOf('style.') === 0) body.style[e.name.slice(6)] = value; else body[e.name] = value;
    });
    return body;
  }

  function options(select, values, prefix) {
    select.textContent = '';
    values.forEach(function (v) {
      var o = el('option', '', t(prefix + v));
      o.value = v;
      select.appendChild(o);
    });
  }

  function load() {
    return LTTH.api('GET', '/api/goals').then(function (r) {
      goals = r.goals;
      if (!form.elements.metric.options.length) {
        options(form.elements.metric, r.metrics, 'goals.metric.');
        options(form.elements.onReached, r.onReached, 'goals.onReached.');
        options(form.elements['style.kind'], r.kinds, 'goals.kind.');
      }
      var list = $('goal-list');
      list.textContent = '';
      goals.forEach(function (g) { list.appendChild(row(g)); });
      $('goal-empty').hidden = goals.length > 0;
    });
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var id = form.elements.id.value;
    LTTH.api(id ? 'PUT' : 'POST', id ? '/api/goals/' + id : '/api/goals', read()).then(function (g) {
      say(t('goals.saved', { name: g.name }), true);
      clearForm();
      return load();
    }).catch(function (e) { if (!LTTH.fieldErrors(form, e)) say(e.message); });
  });
  $('form-cancel').addEventListener('click', clearForm);

  LTTH.i18n.init().then(function () {
    LTTH.preview($('preview'), '/overlays/goals.html');
    setInterval(function () { load().catch(function () {}); }, 2000);
    return load();
  }).catch(function (e) { say(e.message); });
})();
