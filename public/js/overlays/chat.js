/*
 * Chat with badges: moderator, subscriber, and top gifter (the three biggest gifters of this stream, from
 * leaderboard:update), and the viewer's level while the xp plugin is on (xp:levels, once a second: a line gets its level
 * badge when it arrives, the next lines of that viewer at once). Everything from TikTok is shown as text. ?max=20 lines.
 */
(function () {
  'use strict';
  var max = LTTH.overlay.number('max', 20, 1, 100);
  var chat = document.getElementById('chat');
  var topGifters = [];
  var levels = {};   // @handle (lower case) -> level, as xp:levels told
  var t = function (k) { return LTTH.i18n.t(k); };

  function badge(cls, text) {
    var b = document.createElement('span');
    b.className = 'badge ' + cls;
    b.textContent = text;
    return b;
  }

  function add(msg) {
    if (msg.type !== 'chat') return;
    var d = msg.data;
    var line = document.createElement('div');
    line.className = 'line shadow-text';
    line.setAttribute('data-handle', (d.user.uniqueId || '').toLowerCase());
    if (d.user.moderator) line.appendChild(badge('badge-mod', t('chat.mod')));
    if (d.user.subscriber) line.appendChild(badge('badge-sub', t('chat.sub')));
    if (topGifters.indexOf(d.user.id) >= 0) line.appendChild(badge('badge-top', t('chat.top')));
    var name = document.createElement('span');
    name.className = 'name';
    name.textContent = d.user.nickname || d.user.uniqueId;
    var text = document.createElement('span');
    text.className = 'text';
    text.textContent = d.comment;
    if (levels[line.getAttribute('data-handle')]) line.appendChild(levelBadge(levels[line.getAttribute('data-handle')]));
    line.append(name, text);
    chat.appendChild(line);
    // At most ?max lines, and only as many as fit the stage: long messages push the oldest out, never off screen.
    while (chat.children.length > max || (chat.children.length > 1 && chat.scrollHeight > chat.clientHeight)) {
      chat.removeChild(chat.firstElementChild);
    }
  }

  function levelBadge(level) {
    return badge('badge-level', LTTH.i18n.t('xp.o.badge', { level: LTTH.i18n.number(level) }));
  }

  function levelsArrived(m) {
    Object.keys(m.viewers).forEach(function (handle) {
      var level = m.viewers[handle].level;
      levels[handle] = level;
      Array.prototype.forEach.call(chat.children, function (line) {
        if (line.getAttribute('data-handle') !== handle) return;
        var old = line.querySelector('.badge-level');
        if (old) old.textContent = levelBadge(level).textContent;
        else line.insertBefore(levelBadge(level), line.querySelector('.name'));
      });
    });
  }

  LTTH.overlay.start({
    types: ['chat'],
    event: add,
    on: {
      'xp:levels': levelsArrived,
      'leaderboard:update': function (m) {
        topGifters = (m.boards.gifters || []).slice(0, 3).map(function (r) { return r.userId; });
      }
    }
  });
})();
