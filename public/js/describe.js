/*
 * Turns a tiktok:event message into what a person reads: who, and what happened. Returns plain strings; callers
 * must put them into the page with textContent, never as HTML (names and comments come from TikTok).
 */
(function (global) {
  'use strict';
  var t = function (k, v) { return global.LTTH.i18n.t(k, v); };

  function who(user) {
    if (!user) return '';
    return user.nickname || user.uniqueId || '';
  }

  function scores(teams) {
    return (teams || []).map(function (team) { return team.score; }).join(' : ');
  }

  function pollOptions(options) {
    return (options || []).map(function (o) { return o.text + ' (' + o.votes + ')'; }).join(', ');
  }

  /** A custom event's fields as "scene: Intro, count: 3", numbers in the page's language. */
  function customFields(fields) {
    return Object.keys(fields || {}).map(function (k) {
      var v = fields[k];
      return k + ': ' + (typeof v === 'number' ? global.LTTH.i18n.number(v) : String(v));
    }).join(', ');
  }

  function describe(msg) {
    var d = msg.data || {};
    switch (msg.type) {
      case 'chat': return { who: who(d.user), text: d.comment };
      case 'gift':
        return {
          who: who(d.user),
          text: t(d['final'] ? 'event.gift' : 'event.giftStreak', { gift: d.giftName, count: d.repeatCount, coins: d.coins })
        };
      case 'like': return { who: who(d.user), text: t('event.like', { count: d.likeCount }) };
      case 'follow': return { who: who(d.user), text: t('event.follow') };
      case 'share': return { who: who(d.user), text: t('event.share') };
      case 'subscribe': return { who: who(d.user), text: t('event.subscribe', { months: d.months }) };
      case 'join': return { who: who(d.user), text: t('event.join') };
      case 'viewers': return { who: '', text: t('event.viewers', { count: d.viewerCount }) };
      case 'emote': return { who: who(d.user), text: t('event.emote', { emote: d.emoteId }) };
      case 'question': return { who: who(d.user), text: t('event.question', { question: d.question }) };
      case 'streamEnd': return { who: '', text: t('event.streamEnd', { reason: d.reason }) };
      case 'battle': return { who: '', text: t('event.battle.' + d.phase, { scores: scores(d.teams) }) };
      case 'liveGoal': return { who: '', text: t('event.liveGoal', { goal: d.description, progress: d.progress, target: d.target }) };
      case 'treasureChest':
        return { who: d.senderName || '', text: t(d.superFan ? 'event.superFanBox' : 'event.treasureChest', { diamonds: d.diamonds, people: d.people }) };
      case 'custom': return { who: d.name, text: t('event.custom', { source: t('input.way.' + d.source), fields: customFields(d.fields) }) };
      case 'poll': return { who: '', text: t('event.poll.' + d.phase, { title: d.title, options: pollOptions(d.options) }) };
      case 'pin': return { who: who(d.user), text: t(d.pinned ? 'event.pin' : 'event.unpin', { comment: d.comment }) };
      case 'superFan': return { who: who(d.user), text: t(d.kind === 'joined' ? 'event.superFanJoined' : 'event.superFan') };
      case 'giftSub': return { who: who(d.user), text: t('event.giftSub', { count: d.count }) };
      case 'history':
        var past = describe({ type: d.eventType, data: d.event || {} });
        return { who: past.who, text: t('event.history', { text: past.text }) };
      case 'connection': return { who: '', text: t('event.connection', { state: t('state.' + d.state), message: global.LTTH.i18n.sentence(d.text, d.retry, d.message) }) };
      default: return { who: '', text: msg.type };
    }
  }

  /**
   * A viewer's latest events (GET /api/events rows) as lines of list {@code ul}: the time as {@code time(ms)} gives it,
   * and what happened; {@code empty} when there are none.
   */
  function history(ul, rows, time, empty) {
    ul.replaceChildren();
    if (!rows.length) ul.appendChild(global.LTTH.el('li', 'text-body-secondary', empty));
    rows.forEach(function (row) {
      var d = describe({ type: row.type, data: row.data });
      var li = global.LTTH.el('li', 'text-truncate');
      li.append(global.LTTH.el('span', 'text-body-secondary me-1', time(row.timestamp)), global.LTTH.el('span', '', d.text));
      li.title = d.text;
      ul.appendChild(li);
    });
  }

  global.LTTH = global.LTTH || {};
  global.LTTH.describe = describe;
  global.LTTH.history = history;
})(window);
