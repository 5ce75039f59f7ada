/*
 * The chat panel: the live chat as a virtualised list (only the visible rows exist, so a hundred messages a second
 * cost one render per frame), a search, marks for moderators, subscribers, top gifters and VIPs, and per viewer the
 * streamer's actions: skip or mute their TTS, block or allow their chat commands, VIP, their profile.
 * Names and messages come from TikTok: they are put into the page with textContent only.
 */
(function () {
  'use strict';
  var i18n = LTTH.i18n;
  var t = i18n.t;
  var api = LTTH.api;
  var el = LTTH.el;
  var $ = function (id) { return document.getElementById(id); };

  var MAX_MESSAGES = 5000;
  var ROW_HEIGHT = 30;   // .feed-row in dashboard.css
  var messages = [];     // newest first
  var pending = [];      // arrived while paused
  var loading = true;    // the stored chat comes first; live messages wait until then
  var early = [];
  var loadedIds = {};
  var paused = false;
  var total = 0;
  var query = '';
  var flags = {};        // handle -> the streamer's decisions
  var topGifters = {};   // userId -> true, the ten who gave most
  var selected = null;   // the chat message whose viewer the card shows
  var box = $('chat');
  var clock = new Intl.DateTimeFormat(i18n.language(), { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  function handle(user) {
    return String(user.uniqueId || '').toLowerCase().replace(/^@/, '');
  }

  function flagsOf(user) {
    return flags[handle(user)] || { vip: false, commands: 'default', ttsMutedUntil: 0 };
  }

  function muted(f) {
    return f.ttsMutedUntil > Date.now();
  }

  // ---- the list ------------------------------------------------------------------------------------------

  function add(msg) {
    if (!msg.data || !msg.data.user) return;
    if (loading) { early.push(msg); return; }
    if (loadedIds[msg.data.id]) return;   // arrived while the stored chat was loading: shown already
    if (paused) { pending.unshift(msg); if (pending.length > MAX_MESSAGES) pending.pop(); return; }
    push(msg);
  }

  function push(msg) {
    total++;
    messages.unshift(msg);
    if (messages.length > MAX_MESSAGES) messages.pop();
    if (matches(msg)) list.keepPlace();
    list.schedule();
  }

  function matches(msg) {
    if (!query) return true;
    var u = msg.data.user;
    return (u.nickname || '').toLowerCase().indexOf(query) >= 0 || handle(u).indexOf(query) >= 0
      || (msg.data.comment || '').toLowerCase().indexOf(query) >= 0;
  }

  var list = LTTH.virtualList({
    box: box, spacer: $('chat-spacer'), rowHeight: ROW_HEIGHT, makeRow: makeRow, fill: fill,
    items: function () { return query ? messages.filter(matches) : messages; },
    drawn: function (view) {
      $('chat-count').textContent = t('chat.count', { shown: i18n.number(view.length), total: i18n.number(total) });
    }
  });

  function makeRow() {
    var row = { el: el('div', 'feed-row'), time: el('span', 'feed-time'), marks: el('span', 'chat-marks'),
      who: el('span', 'feed-user'), text: el('span', 'feed-text') };
    row.el.append(row.time, row.marks, row.who, row.text);
    row.el.addEventListener('click', function () { if (row.item) select(row.item); });
    return row;
  }

  /** The marks before a name: what TikTok says of the viewer, and what the streamer decided. */
  function marks(user, f) {
    var out = [];
    if (user.moderator) out.push(['mod', 'bg-success']);
    if (user.subscriber) out.push(['sub', 'bg-primary']);
    if (topGifters[user.id]) out.push(['top', 'bg-warning text-dark']);
    if (f.vip) out.push(['vip', 'bg-warning-subtle text-warning-emphasis']);
    if (muted(f)) out.push(['muted', 'bg-secondary']);
    if (f.commands === 'blocked') out.push(['blocked', 'bg-danger']);
    return out;
  }

  function fill(row, msg) {
    var d = msg.data;
    var f = flagsOf(d.user);
    var m = marks(d.user, f);
    row.time.textContent = clock.format(new Date(d.timestamp));
    row.marks.replaceChildren.apply(row.marks, m.map(function (x) {
      var b = el('span', 'badge chat-mark ' + x[1], t('chat.mark.' + x[0]));
      b.setAttribute('data-mark', x[0]);
      return b;
    }));
    row.who.textContent = d.user.nickname || d.user.uniqueId;
    row.who.title = '@' + d.user.uniqueId;
    row.text.textContent = d.comment;
    row.text.title = d.comment;
    row.el.setAttribute('data-handle', handle(d.user));
    row.el.setAttribute('data-vip', String(f.vip));
    row.el.setAttribute('data-muted', String(muted(f)));
    row.el.classList.toggle('selected', selected === msg);
  }

  // ---- the viewer card -------------------------------------------------------------------------------------

  function select(msg) {
    selected = msg;
    $('viewer-none').classList.add('d-none');
    $('viewer-card').classList.remove('d-none');
    $('viewer-profile').classList.add('d-none');
    showViewer();
    showXp();
    list.redraw();
  }

  function showViewer() {
    if (!selected) return;
    var user = selected.data.user;
    var f = flagsOf(user);
    $('viewer-name').textContent = user.nickname || user.uniqueId;
    $('viewer-handle').textContent = '@' + user.uniqueId;
    $('viewer-last').textContent = selected.data.comment;
    $('viewer-badges').replaceChildren.apply($('viewer-badges'), marks(user, f).map(function (x) {
      return el('span', 'badge ' + x[1], t('chat.mark.' + x[0]));
    }));
    $('viewer-mute').classList.toggle('d-none', muted(f));
    $('viewer-unmute').classList.toggle('d-none', !muted(f));
    $('viewer-unmute').textContent = muted(f) ? t('chat.unmuteAt', { time: clock.format(new Date(f.ttsMutedUntil)) }) : '';
    $('viewer-commands').querySelectorAll('button').forEach(function (b) {
      b.classList.toggle('active', b.getAttribute('data-commands') === f.commands);
      b.setAttribute('aria-pressed', String(b.getAttribute('data-commands') === f.commands));
    });
    $('viewer-vip').checked = f.vip;
  }

  /** The selected viewer's level, XP and points (they change with every message: read when the card opens). */
  function showXp() {
    var wanted = selected;
    var user = selected.data.user;
    api('GET', '/api/viewers/' + encodeURIComponent(handle(user))).then(function (v) {
      if (selected !== wanted) return;
      $('viewer-xp').textContent = v.xp ? t('chat.xp', { level: i18n.number(v.xp.level), name: v.xp.levelName,
        xp: i18n.number(v.xp.xp), points: i18n.number(v.xp.points) }) : t('chat.noXp');
    }).catch(function () { $('viewer-xp').textContent = ''; });
  }

  function change(body, said) {
    var user = selected.data.user;
    return api('PUT', '/api/viewers/' + encodeURIComponent(handle(user)) + '/flags', body).then(function (f) {
      flagChanged(f);
      LTTH.say(t(said, { name: user.nickname || user.uniqueId }), true);
    }).catch(function (err) { LTTH.say(err.message); });
  }

  /** Kept unless the page already holds a newer decision: a change's broadcast can arrive after a later change. */
  function flagChanged(f) {
    if (flags[f.handle] && flags[f.handle].revision > f.revision) return;
    flags[f.handle] = f;
    showViewer();
    list.redraw();
  }

  function openProfile() {
    var user = selected.data.user;
    var wanted = selected;
    Promise.all([api('GET', '/api/viewers/' + encodeURIComponent(handle(user))),
      api('GET', '/api/events?limit=20&user=' + encodeURIComponent(user.uniqueId))]).then(function (r) {
      if (selected !== wanted) return;
      var totals = r[0].totals || { coins: 0, gifts: 0, likes: 0, chats: 0, firstSeen: 0, lastSeen: 0 };
      var dl = $('viewer-totals');
      dl.replaceChildren();
      [['coins', i18n.number(totals.coins)], ['gifts', i18n.number(totals.gifts)], ['likes', i18n.number(totals.likes)],
        ['chats', i18n.number(totals.chats)],
        ['firstSeen', totals.firstSeen ? new Date(totals.firstSeen).toLocaleString(i18n.language()) : '–'],
        ['lastSeen', totals.lastSeen ? new Date(totals.lastSeen).toLocaleString(i18n.language()) : '–']].forEach(function (p) {
        dl.append(el('dt', 'col-6 fw-normal text-body-secondary', t('chat.total.' + p[0])), el('dd', 'col-6 mb-0', p[1]));
      });
      LTTH.history($('viewer-history'), r[1].events, function (ms) { return clock.format(new Date(ms)); }, t('chat.noHistory'));
      $('viewer-profile').classList.remove('d-none');
    }).catch(function (err) { LTTH.say(err.message); });
  }

  // ---- start -----------------------------------------------------------------------------------------------

  function loadHistory() {
    return api('GET', '/api/events?type=chat&limit=200').then(function (page) {
      page.events.slice().reverse().forEach(function (row) {
        loadedIds[row.id] = true;
        push({ type: 'chat', data: row.data });
      });
    }).catch(function () { /* no history: the live chat still comes */ }).then(function () {
      loading = false;
      early.forEach(add);
      early = [];
    });
  }

  function loadMarks() {
    api('GET', '/api/viewers/flags').then(function (r) {
      var listed = {};
      r.viewers.forEach(function (f) { listed[f.handle] = f; });
      // Decisions no longer in force are gone from the list; what changed since it was read stays.
      Object.keys(flags).forEach(function (h) {
        if (!listed[h] && flags[h].revision <= r.revision) delete flags[h];
      });
      r.viewers.forEach(function (f) {
        if (!flags[f.handle] || flags[f.handle].revision <= f.revision) flags[f.handle] = f;
      });
      list.redraw();
      showViewer();
    }).catch(function () { /* marks come with the next change */ });
    api('GET', '/api/users/top?by=coins&limit=10').then(function (r) {
      topGifters = {};
      r.users.forEach(function (u) { topGifters[u.userId] = true; });
      list.redraw();
    }).catch(function () { /* no marks for top gifters this minute */ });
  }

  i18n.init().then(function () {
    $('chat-search').addEventListener('input', function () {
      query = this.value.trim().toLowerCase();
      box.scrollTop = 0;
      list.schedule();
    });
    $('chat-pause').addEventListener('click', function () {
      paused = !paused;
      this.setAttribute('data-i18n', paused ? 'feed.resume' : 'feed.pause');
      this.textContent = t(paused ? 'feed.resume' : 'feed.pause');
      if (!paused) { pending.reverse().forEach(push); pending = []; }
    });
    $('viewer-skip-tts').addEventListener('click', function () {
      var user = selected.data.user;
      api('POST', '/api/tts/users/' + encodeURIComponent(handle(user)) + '/skip').then(function (r) {
        LTTH.say(t('chat.skipped', { name: user.nickname || user.uniqueId, count: r.skipped }), true);
      }).catch(function (err) { LTTH.say(err.message); });
    });
    $('viewer-mute').addEventListener('click', function () {
      change({ ttsMuteMinutes: Number($('viewer-mute-minutes').value) }, 'chat.muted');
    });
    $('viewer-unmute').addEventListener('click', function () { change({ ttsMuteMinutes: 0 }, 'chat.unmuted'); });
    $('viewer-commands').querySelectorAll('button').forEach(function (b) {
      b.addEventListener('click', function () {
        change({ commands: b.getAttribute('data-commands') }, 'chat.commandsSaved.' + b.getAttribute('data-commands'));
      });
    });
    $('viewer-vip').addEventListener('change', function () {
      change({ vip: this.checked }, this.checked ? 'chat.vipOn' : 'chat.vipOff');
    });
    $('viewer-open').addEventListener('click', openProfile);
    $('viewer-give').addEventListener('submit', function (e) {
      e.preventDefault();
      var user = selected.data.user;
      api('POST', '/api/viewers/' + encodeURIComponent(handle(user)) + '/points',
        { add: Number($('viewer-give-points').value) }).then(function (v) {
        LTTH.say(t('levels.given', { name: user.nickname || user.uniqueId, points: i18n.number(v.points) }), true);
        showXp();
      }).catch(function (err) { LTTH.say(err.message); });
    });
    loadMarks();
    setInterval(loadMarks, 60000);   // top gifters change as the stream goes on
    // A mute runs out on its own: the marks on screen (and the card) follow within half a minute.
    setInterval(function () { list.redraw(); showViewer(); }, 30000);
    LTTH.connect({ types: ['chat'], event: add, on: { 'viewers:flags': flagChanged } });
    loadHistory();
    list.schedule();
  });
})();
