/*
 * The Viewers page: every viewer the profile has seen, found by name and ordered as chosen, with their totals, level,
 * VIP tier and the streamer's note; one viewer's history (their latest events and the manual corrections of their
 * XP, points and level); corrections; the VIP tiers; a CSV export. Names come from TikTok: textContent only.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var i18n = LTTH.i18n;
  var api = LTTH.api;
  var el = LTTH.el;
  var $ = function (id) { return document.getElementById(id); };
  var SORTS = ['recent', 'coins', 'xp', 'points', 'level', 'visits', 'chats', 'likes', 'gifts', 'firstSeen', 'name'];
  var COLUMNS = ['viewer', 'level', 'xp', 'points', 'coins', 'gifts', 'likes', 'chats', 'visits', 'watched', 'lastSeen'];
  var timer = null;
  var selected = null;     // the handle shown on the right
  var selectedId = null;   // and their TikTok uniqueId as the event log keeps it

  function when(ms) { return ms ? new Date(ms).toLocaleString(i18n.language()) : '–'; }

  function duration(ms) {
    var minutes = Math.floor(ms / 60000);
    return t('viewers.duration', { hours: i18n.number(Math.floor(minutes / 60)), minutes: i18n.number(minutes % 60) });
  }

  function query() {
    return 'q=' + encodeURIComponent($('viewers-search').value.trim()) + '&sort=' + $('viewers-sort').value;
  }

  function row(v) {
    var tr = el('tr');
    tr.setAttribute('data-handle', v.handle);
    tr.tabIndex = 0;
    tr.classList.toggle('table-active', v.handle === selected);
    var who = el('td');
    who.append(el('span', 'fw-semibold', v.nickname), el('span', 'text-body-secondary ms-1', '@' + v.handle));
    if (v.vip) who.appendChild(el('span', 'badge text-bg-info ms-1', t('viewers.vipBadge')));
    if (v.tier) who.appendChild(el('span', 'badge text-bg-warning ms-1', v.tier));
    var cells = [who, el('td', 'text-nowrap', t('levels.levelIs', { level: i18n.number(v.level), name: v.levelName }))];
    [v.xp, v.points, v.coins, v.gifts, v.likes, v.chats, v.visits].forEach(function (n) {
      cells.push(el('td', 'text-end', i18n.number(n)));
    });
    cells.push(el('td', 'text-end text-nowrap', duration(v.watchMs)), el('td', 'text-nowrap', when(v.lastSeen)));
    tr.append.apply(tr, cells);
    var open = function () { show(v.handle, v.uniqueId); };
    tr.addEventListener('click', open);
    tr.addEventListener('keydown', function (e) { if (e.key === 'Enter') open(); });
    return tr;
  }

  function load() {
    $('viewers-export').href = '/api/viewers.csv?' + query();
    return api('GET', '/api/viewers?limit=200&' + query()).then(function (r) {
      var list = $('viewers-list');
      list.replaceChildren.apply(list, r.viewers.map(row));
      if (!r.viewers.length) {
        var cell = el('td', 'text-body-secondary', t('viewers.none'));
        cell.colSpan = COLUMNS.length;
        list.appendChild(el('tr')).appendChild(cell);
      }
    }).catch(function (err) { LTTH.say(err.message); });
  }

  // ---- one viewer ------------------------------------------------------------------------------------------

  function show(handle, uniqueId) {
    selected = handle;
    selectedId = uniqueId;
    Array.prototype.forEach.call($('viewers-list').children, function (tr) {
      tr.classList.toggle('table-active', tr.getAttribute('data-handle') === handle);
    });
    var h = encodeURIComponent(handle);
    return Promise.all([api('GET', '/api/viewers/' + h),
      api('GET', '/api/events?limit=30&user=' + encodeURIComponent(uniqueId || handle)),
      api('GET', '/api/viewers/' + h + '/corrections')]).then(function (r) {
      if (selected !== handle) return;
      var v = r[0];
      var totals = v.totals || { nickname: handle, coins: 0, gifts: 0, likes: 0, chats: 0, visits: 0, watchMs: 0, firstSeen: 0, lastSeen: 0 };
      var xp = v.xp || { level: 1, levelName: '', xp: 0, points: 0, streakDays: 0 };
      $('viewer-name').textContent = totals.nickname;
      $('viewer-handle').textContent = '@' + handle;
      $('viewer-tier').textContent = v.tier || '';
      $('viewer-tier').hidden = !v.tier;
      $('viewer-vip').checked = v.vip;
      $('viewer-note').value = v.note;
      var dl = $('viewer-totals');
      dl.replaceChildren();
      [['level', t('levels.levelIs', { level: i18n.number(xp.level), name: xp.levelName })], ['xp', i18n.number(xp.xp)],
        ['points', i18n.number(xp.points)], ['streak', i18n.number(xp.streakDays)], ['coins', i18n.number(totals.coins)],
        ['gifts', i18n.number(totals.gifts)], ['likes', i18n.number(totals.likes)], ['chats', i18n.number(totals.chats)],
        ['visits', i18n.number(totals.visits)], ['watched', duration(totals.watchMs)], ['firstSeen', when(totals.firstSeen)],
        ['lastSeen', when(totals.lastSeen)]].forEach(function (p) {
        dl.append(el('dt', 'col-5 fw-normal text-body-secondary', t('viewers.col.' + p[0])), el('dd', 'col-7 mb-0', p[1]));
      });
      LTTH.history($('viewer-history'), r[1].events, when, t('viewers.noHistory'));
      var corrections = $('viewer-corrections');
      corrections.replaceChildren();
      if (!r[2].corrections.length) corrections.appendChild(el('li', 'text-body-secondary', t('viewers.noCorrections')));
      r[2].corrections.forEach(function (c) {
        var li = el('li');
        li.append(el('span', 'text-body-secondary me-1', when(c.at)),
          el('span', '', t('viewers.correction.' + c.what, { amount: i18n.number(c.amount), by: c.by })));
        corrections.appendChild(li);
      });
      $('viewer').classList.remove('d-none');
    }).catch(function (err) { LTTH.say(err.message); });
  }

  function changeFlags(body, said) {
    return api('PUT', '/api/viewers/' + encodeURIComponent(selected) + '/flags', body).then(function () {
      LTTH.say(t(said, { name: $('viewer-name').textContent }), true);
      load();
    });
  }

  function correct() {
    var what = $('viewer-correct-what').value;
    var amount = Number($('viewer-correct-amount').value);
    var h = encodeURIComponent(selected);
    var sent = what === 'points' ? api('POST', '/api/viewers/' + h + '/points', { add: amount })
      : api('POST', '/api/viewers/' + h + '/xp', what === 'level' ? { level: amount } : { add: amount });
    return sent.then(function () {
      LTTH.say(t('viewers.corrected', { name: $('viewer-name').textContent }), true);
      load();
      show(selected, selectedId);
    });
  }

  // ---- VIP tiers -----------------------------------------------------------------------------------------

  function threshold(name, value) {
    var input = el('input', 'form-control');
    input.type = 'number';
    input.min = '0';
    input.name = name;
    input.value = value;
    input.setAttribute('aria-label', t(name === 'coins' ? 'viewers.tierCoins' : 'viewers.tierVisits'));
    return input;
  }

  function tierRow(tier) {
    var row = el('div', 'input-group input-group-sm tier');
    var name = el('input', 'form-control');
    name.name = 'name';
    name.maxLength = 30;
    name.value = tier.name;
    name.setAttribute('aria-label', t('viewers.tierName'));
    name.placeholder = t('viewers.tierName');
    var coins = threshold('coins', tier.coins);
    var visits = threshold('visits', tier.visits);
    var remove = el('button', 'btn btn-outline-danger', '×');
    remove.type = 'button';
    remove.setAttribute('aria-label', t('viewers.removeTier'));
    remove.addEventListener('click', function () { row.remove(); });
    row.append(name, el('span', 'input-group-text', t('viewers.tierCoins')), coins,
      el('span', 'input-group-text', t('viewers.tierVisits')), visits, remove);
    return row;
  }

  function showTiers(r) {
    $('tiers-rows').replaceChildren.apply($('tiers-rows'), r.tiers.map(tierRow));
    $('tiers-error').textContent = '';
  }

  function saveTiers(e) {
    e.preventDefault();
    var tiers = Array.prototype.map.call(document.querySelectorAll('#tiers-rows .tier'), function (row) {
      return { name: row.querySelector('[name=name]').value, coins: Number(row.querySelector('[name=coins]').value),
        visits: Number(row.querySelector('[name=visits]').value) };
    });
    api('PUT', '/api/vip/tiers', { tiers: tiers }).then(function (r) {
      showTiers(r);
      LTTH.say(t('viewers.tiersSaved'), true);
      load();
    }).catch(function (err) { $('tiers-error').textContent = err.message; });
  }

  // ---- start -----------------------------------------------------------------------------------------------

  LTTH.i18n.init().then(function () {
    var sort = $('viewers-sort');
    SORTS.forEach(function (s) {
      var o = el('option', '', t('viewers.sort.' + s));
      o.value = s;
      sort.appendChild(o);
    });
    var head = $('viewers-head');
    COLUMNS.forEach(function (c, i) { head.appendChild(el('th', i > 1 && i < 10 ? 'text-end' : '', t('viewers.col.' + c))); });
    $('viewers-search').addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(load, 250); });
    sort.addEventListener('change', load);
    $('viewer-vip').addEventListener('change', function (e) {
      changeFlags({ vip: e.target.checked }, e.target.checked ? 'viewers.vipOn' : 'viewers.vipOff').catch(function (err) { LTTH.say(err.message); });
    });
    LTTH.submit($('viewer-note-form'), function () {
      return changeFlags({ note: $('viewer-note').value }, 'viewers.noteSaved');
    });
    LTTH.submit($('viewer-correct'), correct);
    $('tiers-add').addEventListener('click', function () { $('tiers-rows').appendChild(tierRow({ name: '', coins: 1000, visits: 0 })); });
    $('tiers').addEventListener('submit', saveTiers);
    api('GET', '/api/vip/tiers').then(showTiers).catch(function (err) { LTTH.say(err.message); });
    load();
  });
})();
