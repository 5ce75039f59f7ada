/*
 * The header every dashboard page shares: connection state, username + Connect, the demo switch, language, theme
 * and the open profile. Pages hear the connection state through LTTH.shell.onStatus and report answers that carry
 * a new state (replays, profile switches) with LTTH.shell.setStatus.
 */
(function (global) {
  'use strict';
  var LTTH = global.LTTH;
  var t = LTTH.i18n.t;
  var api = LTTH.api;
  var $ = function (id) { return document.getElementById(id); };

  var BADGE = {
    live: 'text-bg-success', connecting: 'text-bg-warning', reconnecting: 'text-bg-warning',
    offline: 'text-bg-secondary', ended: 'text-bg-secondary', error: 'text-bg-danger', noSocket: 'text-bg-danger'
  };

  var status = null;
  var socketUp = false;
  var listeners = [];

  // Statuses come from HTTP answers and from the socket, in either order: never let an older one win.
  function setStatus(s) {
    if (!s) return;
    if (!status || !status.since || !s.since || s.since >= status.since) status = s;
    render();
  }

  function render() {
    var state = !socketUp ? 'noSocket' : (status ? status.state : 'offline');
    var badge = $('connection-badge');
    badge.className = 'badge ' + (BADGE[state] || 'text-bg-secondary');
    badge.setAttribute('data-state', state);
    var text = t('state.' + state);
    if (status && socketUp && status.username) text += ' @' + status.username;
    $('connection-text').textContent = text;
    badge.title = status ? explain(status) : '';
    // Which way into TikTok carries the LIVE; a switch to the relay says why.
    var path = socketUp && status && status.source === 'tiktok' && status.state !== 'offline' ? status.path : '';
    $('path-badge').classList.toggle('d-none', !path);
    $('path-badge').textContent = path ? t('connect.path.' + path) : '';
    $('path-badge').setAttribute('data-path', path || '');
    var detailed = socketUp && status && (['reconnecting', 'error', 'ended'].indexOf(status.state) >= 0
      || (status.state === 'live' && path === 'relay'));
    $('connection-detail').textContent = detailed ? explain(status) : '';
    $('connection-detail').setAttribute('data-problem', detailed && status.problem ? status.problem : '');
    var demo = !!(status && status.demo && status.state === 'live');
    $('source-badge').classList.toggle('d-none', !demo);
    $('demo-banner').classList.toggle('d-none', !demo);
    $('demo-switch').checked = demo;
    listeners.forEach(function (fn) { fn(socketUp ? status : null); });
  }

  /** What happened, in the page's language when the server named its text (the English words otherwise). */
  function explain(s) {
    return LTTH.i18n.sentence(s.text, s.retry, s.message);
  }

  function showError(message) {
    var box = $('username-error');
    box.textContent = message;
    box.classList.toggle('d-none', !message);
  }

  function setupConnect() {
    $('connect-form').addEventListener('submit', function (e) {
      e.preventDefault();
      showError('');
      var body = { username: $('username').value };
      if ($('room-id').value.trim()) body.roomId = $('room-id').value.trim();
      api('POST', '/api/connect', body).then(setStatus).catch(function (err) {
        showError(err.message);
        $('username').classList.toggle('is-invalid', err.field === 'username');
        if (err.body && err.body.profile) offerProfile(err.body.profile, err.body.profileExists);
      });
    });
    $('username').addEventListener('input', function () { $('username').classList.remove('is-invalid'); });
    $('disconnect-btn').addEventListener('click', function () {
      showError('');
      api('POST', '/api/disconnect').then(setStatus).catch(function (err) { showError(err.message); });
    });
    $('demo-switch').addEventListener('change', function (e) {
      api('POST', '/api/demo', { enabled: e.target.checked }).then(setStatus)
        .catch(function (err) { showError(err.message); });
    });
  }

  // Another account's LIVE belongs in its own profile: offer it, never switch silently.
  function offerProfile(name, exists) {
    var b = LTTH.el('button', 'btn btn-sm btn-light ms-2', t(exists ? 'connect.switchProfile' : 'connect.createProfile',
      { name: name }));
    b.type = 'button';
    b.id = 'profile-offer';
    b.addEventListener('click', function () {
      var create = exists ? Promise.resolve() : api('POST', '/api/profiles', { name: name });
      create.then(function () { return api('POST', '/api/profiles/switch', { name: name }); })
        .then(function () { location.reload(); })
        .catch(function (e) { showError(e.message); });
    });
    $('username-error').appendChild(b);
  }

  function renderNotices(list) {
    var box = $('notices');
    box.replaceChildren();
    (list || []).forEach(function (n) { box.appendChild(LTTH.el('div', 'alert alert-warning py-2 mb-0', n)); });
  }

  /** Language and theme are settings of the profile: the server renders them, so a new language reloads the page. */
  function setupAppearance() {
    $('language').addEventListener('change', function (e) {
      api('PUT', '/api/settings', { 'ui.language': e.target.value }).then(function () { location.reload(); })
        .catch(function (err) { showError(err.message); });
    });
    $('theme').addEventListener('change', function (e) {
      var theme = e.target.value;
      document.documentElement.setAttribute('data-bs-theme', theme);
      api('PUT', '/api/settings', { 'ui.theme': theme }).catch(function (err) { showError(err.message); });
    });
  }

  var answer = null;          // the last /api/status, which pages may read too (the Live page's stats)
  var answerListeners = [];

  function refresh() {
    api('GET', '/api/status').then(function (s) {
      answer = s;
      renderNotices(s.notices);
      setStatus(s.connection);
      answerListeners.forEach(function (fn) { fn(s); });
    }).catch(function () { /* the badge says LTTH is unreachable */ });
  }

  // The opt-in update check runs in the background after the start: ask again while it is still looking.
  var update = null;
  function readUpdate(triesLeft) {
    update = api('GET', '/api/update').then(function (u) {
      if (u.state === 'CHECKING' && triesLeft > 0) {
        return new Promise(function (resolve) { setTimeout(resolve, 2000); }).then(function () { return readUpdate(triesLeft - 1); });
      }
      return u;
    });
    return update;
  }
  function showUpdate(u) {
    var badge = $('update-badge');
    var newer = u.state === 'NEWER' && /^https:\/\//.test(u.url || '');
    badge.classList.toggle('d-none', !newer);
    if (!newer) return;
    badge.textContent = t('update.available', { version: u.latest });
    badge.href = u.url;
  }

  LTTH.i18n.init();
  readUpdate(8).then(showUpdate).catch(function () { /* no answer: nothing to show */ });
  setupConnect();
  setupAppearance();
  render();
  refresh();
  LTTH.connect({
    status: setStatus,
    connection: function (up) {
      socketUp = up;
      render();
      if (up) refresh();
    }
  });

  // OpenShock's emergency stop from every dashboard page: Shift+Escape (the page's button does the same).
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape' || !e.shiftKey) return;
    var told = function (text) { if (document.getElementById('message')) LTTH.say(text); };
    LTTH.api('POST', '/api/openshock/stop').then(function () { told(LTTH.i18n.t('openshock.stopped')); })
      .catch(function (err) { told(err.message); });
  });

  LTTH.shell = {
    /** fn(status) whenever the connection state changes; null while LTTH cannot be reached. */
    onStatus: function (fn) { listeners.push(fn); fn(socketUp ? status : null); },
    /** fn(answer) with the whole /api/status each time the header reads it: at the start and after a reconnect. */
    onRefresh: function (fn) { answerListeners.push(fn); if (answer) fn(answer); },
    setStatus: setStatus,
    showError: showError,
    /** The update check's state (a promise; askAgain after the setting changed). */
    update: function (askAgain) {
      if (askAgain) readUpdate(8).then(showUpdate).catch(function () {});
      return update;
    }
  };
})(window);
