/*
 * The Live page: stat tiles, live event feed, overlay URL, recordings and test events (the header is shell.js).
 * Everything that comes from TikTok is put into the page with textContent only.
 */
(function () {
  'use strict';
  var i18n = LTTH.i18n;
  var t = i18n.t;
  var $ = function (id) { return document.getElementById(id); };

  var FEED_TYPES = ['chat', 'gift', 'like', 'follow', 'share', 'subscribe', 'join', 'emote', 'question', 'viewers',
    'battle', 'liveGoal', 'treasureChest', 'poll', 'pin', 'superFan', 'giftSub', 'custom', 'history'];
  var MAX_EVENTS = 5000;   // kept in memory; only the visible rows exist in the DOM
  var ROW_HEIGHT = 30;     // must match .feed-row in dashboard.css

  var status = null;   // the connection state, from the header
  var stats = null;

  // ---- helpers -------------------------------------------------------------------------------------------

  var api = LTTH.api;

  var formatNumber = i18n.number;

  function formatDuration(ms) {
    var s = Math.max(0, Math.floor(ms / 1000));
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    return h + ':' + String(m).padStart(2, '0') + ':' + String(sec).padStart(2, '0');
  }

  // ---- stats ---------------------------------------------------------------------------------------------

  function renderStats() {
    if (!stats) return;
    $('stat-viewers').textContent = formatNumber(stats.viewers);
    $('stat-likes').textContent = formatNumber(stats.likes);
    $('stat-coins').textContent = formatNumber(stats.coins);
    $('stat-followers').textContent = formatNumber(stats.followers);
    $('stat-shares').textContent = formatNumber(stats.shares);
    $('stat-gifts').textContent = formatNumber(stats.gifts);
    tickClock();
  }

  function tickClock() {
    var live = status && status.state === 'live' && stats && stats.startedAt > 0;
    // Numbers of a stream that is not live (any more) are shown, but greyed and labelled as such.
    var notLive = !(status && status.state === 'live');
    $('stat-tiles').classList.toggle('not-live', notLive);
    $('stats-not-live').classList.toggle('d-none', !notLive);
    $('stat-time').textContent = live ? formatDuration(Date.now() - stats.startedAt) : '0:00:00';
  }

  // ---- live event feed (virtualised: thousands of events, a screenful of DOM rows) -----------------------

  var feed = (function () {
    var events = [];      // newest first
    var filter = 'all';
    var paused = false;
    var pending = [];
    var total = 0;
    var box = $('feed');
    var streaks = {};     // a running gift streak's row, by streak: its next step replaces it
    var loading = true;   // the last events from the event log come first; live ones wait until then
    var early = [];
    var loadedIds = {};

    function add(msg) {
      if (loading) { early.push(msg); return; }
      if (msg.data && loadedIds[msg.data.id]) return;   // arrived while the history was loading: shown already
      if (paused) { pending.push(msg); if (pending.length > MAX_EVENTS) pending.shift(); return; }
      push(msg);
    }

    /** One streak of one viewer's gift: TikTok's streak id (groupId) with the user and the gift. */
    function streakKey(msg) {
      var d = msg.data;
      if (msg.type !== 'gift' || !d || !d.streakable || !d.user) return null;
      return [d.user.userId || d.user.uniqueId, d.groupId, d.giftId].join(':');
    }

    /** A streak step replaces the row of its streak (x1, x2 ... x10 on one line); true when it did. */
    function continueStreak(msg, key) {
      var row = streaks[key];
      var index = row ? events.indexOf(row) : -1;
      if (index < 0) return false;
      events[index] = msg;
      if (msg.data['final']) delete streaks[key]; else streaks[key] = msg;
      schedule();
      return true;
    }

    function push(msg) {
      var key = streakKey(msg);
      if (key && continueStreak(msg, key)) return;
      if (key && !msg.data['final']) streaks[key] = msg;
      total++;
      events.unshift(msg);
      if (events.length > MAX_EVENTS) {
        var gone = events.pop();
        var goneKey = streakKey(gone);
        if (goneKey && streaks[goneKey] === gone) delete streaks[goneKey];
      }
      if (filter === 'all' || msg.type === filter) list.keepPlace();
      schedule();
    }

    var list = LTTH.virtualList({
      box: box, spacer: $('feed-spacer'), rowHeight: ROW_HEIGHT, makeRow: makeRow, fill: fill,
      items: function () { return filter === 'all' ? events : events.filter(function (m) { return m.type === filter; }); },
      drawn: function (view) {
        $('feed-count').textContent = t('feed.count', { shown: formatNumber(view.length), total: formatNumber(total) });
      }
    });
    var schedule = list.schedule;

    function makeRow() {
      var el = document.createElement('div');
      el.className = 'feed-row';
      var time = document.createElement('span'); time.className = 'feed-time';
      var type = document.createElement('span'); type.className = 'feed-type badge';
      var who = document.createElement('span'); who.className = 'feed-user';
      var text = document.createElement('span'); text.className = 'feed-text';
      el.append(time, type, who, text);
      return { el: el, time: time, type: type, who: who, text: text };
    }

    function fill(row, msg) {
      var d = LTTH.describe(msg);
      var ts = msg.data && msg.data.timestamp ? new Date(msg.data.timestamp) : new Date();
      row.time.textContent = ts.toLocaleTimeString(i18n.language());
      row.type.textContent = t('eventType.' + msg.type);
      row.type.setAttribute('data-type', msg.type);
      row.who.textContent = d.who;
      row.who.title = msg.data && msg.data.user ? '@' + msg.data.user.uniqueId : '';
      row.text.textContent = d.text;
      row.el.setAttribute('data-type', msg.type);
    }

    function buildFilters() {
      var group = $('feed-filters');
      ['all'].concat(FEED_TYPES).forEach(function (type) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'btn btn-outline-secondary' + (type === 'all' ? ' active' : '');
        b.textContent = t(type === 'all' ? 'feed.all' : 'eventType.' + type);
        b.setAttribute('data-filter', type);
        b.addEventListener('click', function () {
          filter = type;
          group.querySelectorAll('button').forEach(function (x) { x.classList.toggle('active', x === b); });
          box.scrollTop = 0;
          schedule();
        });
        group.appendChild(b);
      });
    }

    function setup() {
      buildFilters();
      $('feed-pause').addEventListener('click', function () {
        paused = !paused;
        $('feed-pause').setAttribute('data-i18n', paused ? 'feed.resume' : 'feed.pause');
        $('feed-pause').textContent = t(paused ? 'feed.resume' : 'feed.pause');
        if (!paused) { pending.forEach(push); pending = []; }
      });
      $('feed-clear').addEventListener('click', function () {
        events.length = 0; pending = []; total = 0; streaks = {}; box.scrollTop = 0;
        list.redraw();
      });
      schedule();
      loadHistory();
    }

    /** The last 100 stored events, oldest first, so the feed is not empty each time the page opens. */
    function loadHistory() {
      api('GET', '/api/events?limit=100').then(function (page) {
        page.events.slice().reverse().forEach(function (row) {
          loadedIds[row.id] = true;
          push({ type: row.type, data: row.data });
        });
      }).catch(function () { /* no history: the live events still come */ }).then(function () {
        loading = false;
        early.forEach(add);
        early = [];
      });
    }

    return {
      setup: setup,
      add: add
    };
  })();

  // ---- overlay URL, test events, simulator speed ----------------------------------------------------------

  function setupOverlayCard() {
    var url = location.origin + '/overlay.html';
    $('overlay-url').value = url;
    $('overlay-open').href = url;
    LTTH.copyButton($('overlay-copy'), $('overlay-url'));
  }

  var TEST_BODIES = {
    chat: function (u) { return { type: 'chat', user: u, comment: 'Hello from the test button 👋' }; },
    gift: function (u) { return { type: 'gift', user: u, giftName: 'Rose', coins: 1, count: 5 }; },
    follow: function (u) { return { type: 'follow', user: u }; },
    like: function (u) { return { type: 'like', user: u, count: 15 }; },
    share: function (u) { return { type: 'share', user: u }; },
    subscribe: function (u) { return { type: 'subscribe', user: u, months: 1 }; }
  };

  function setupTests() {
    document.querySelectorAll('[data-test]').forEach(function (button) {
      button.addEventListener('click', function () {
        var user = $('test-user').value.trim() || 'test_user';
        var result = $('test-result');
        api('POST', '/api/events/simulate', TEST_BODIES[button.getAttribute('data-test')](user)).then(function () {
          result.className = 'small mt-2 text-success';
          result.textContent = t('test.sent');
        }).catch(function (err) {
          result.className = 'small mt-2 text-danger';
          result.textContent = err.message;
        });
      });
    });
    var rate = $('sim-rate');
    var timer = null;
    rate.addEventListener('input', function () {
      $('sim-rate-value').textContent = rate.value;
      clearTimeout(timer);
      timer = setTimeout(function () { api('POST', '/api/simulator', { rate: Number(rate.value) }); }, 200);
    });
    api('GET', '/api/simulator').then(function (s) {
      rate.value = Math.round(s.rate);
      $('sim-rate-value').textContent = rate.value;
    }).catch(function () { /* shown by the connection badge */ });
  }

  // ---- recordings ----------------------------------------------------------------------------------------

  function loadRecordings() {
    return api('GET', '/api/recordings').then(function (data) {
      var list = $('recording-list');
      list.replaceChildren();
      if (!data.recordings.length) {
        var empty = document.createElement('li');
        empty.className = 'list-group-item text-body-secondary';
        empty.textContent = t('recordings.none');
        list.appendChild(empty);
      }
      data.recordings.forEach(function (r) {
        var li = document.createElement('li');
        li.className = 'list-group-item d-flex align-items-center gap-1 flex-wrap';
        li.setAttribute('data-recording', r.name);
        var label = document.createElement('span');
        label.className = 'me-auto text-truncate';
        label.textContent = '@' + r.username + ' · ' + new Date(r.modifiedAt).toLocaleString(i18n.language());
        label.title = r.name;
        li.appendChild(label);
        [[1, '1x'], [10, '10x'], [0, t('recordings.full')]].forEach(function (option) {
          var b = document.createElement('button');
          b.type = 'button';
          b.className = 'btn btn-sm btn-outline-primary';
          b.setAttribute('data-speed', option[0]);
          b.textContent = option[1];
          b.addEventListener('click', function () {
            api('POST', '/api/replay', { name: r.name, speed: option[0] }).then(LTTH.shell.setStatus)
              .catch(function (e) { LTTH.shell.showError(e.message); });
          });
          li.appendChild(b);
        });
        list.appendChild(li);
      });
    }).catch(function () { /* shown by the connection badge */ });
  }

  // ---- start ---------------------------------------------------------------------------------------------

  i18n.init().then(function () {
    feed.setup();
    setupOverlayCard();
    setupTests();
    loadRecordings();
    setInterval(tickClock, 1000);
    LTTH.shell.onStatus(function (s) { status = s; tickClock(); });
    LTTH.shell.onRefresh(function (answer) { stats = answer.stats; renderStats(); });
    LTTH.connect({
      event: feed.add,
      stats: function (s) { stats = s; renderStats(); }
    });
  });
})();
