/*
 * Last-event spotlights: one kind (?kind=follower) always on screen, or several cycling (?kinds=all, ?seconds=6 each).
 * LTTH sends what changed at most once a second (spotlight:update: the filled ones, and the kinds cleared by a new
 * stream), and everything when the page says hello, so the last follower is there again after a restart. Names and messages come from TikTok: text only.
 */
(function () {
  'use strict';
  var KINDS = ['follower', 'liker', 'chatter', 'sharer', 'gifter', 'subscriber', 'topGift', 'streak'];
  var p = LTTH.overlay.params;
  var t = function (k, v) { return LTTH.i18n.t(k, v); };
  var n = function (x) { return LTTH.i18n.number(x); };
  var area = document.getElementById('spotlight');
  var animation = ['slide', 'fade', 'pop', 'none'].indexOf(p.get('animation')) >= 0 ? p.get('animation') : 'slide';
  var position = ['top-left', 'top-right', 'bottom-left', 'bottom-right'].indexOf(p.get('position')) >= 0 ? p.get('position') : 'top-left';
  var wanted = p.get('kind') && KINDS.indexOf(p.get('kind')) >= 0 ? [p.get('kind')]
    : !p.get('kinds') || p.get('kinds') === 'all' ? KINDS
    : p.get('kinds').split(',').filter(function (k) { return KINDS.indexOf(k) >= 0; });
  var seconds = LTTH.overlay.number('seconds', 6, 2, 120);
  var state = {};     // kind -> spotlight, or null
  var shown = null;   // the kind on screen
  area.classList.add('at-' + position);

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function detail(s) {
    switch (s.kind) {
      case 'gifter': case 'topGift': case 'streak':
        return t('spotlight.detail.gift', { gift: s.gift, count: n(s.count), coins: n(s.coins) });
      case 'liker': return t('spotlight.detail.likes', { count: n(s.count) });
      case 'chatter': return s.comment;
      case 'subscriber': return t('spotlight.detail.months', { months: n(s.count) });
      default: return '';
    }
  }

  /** The sender's picture, or their first letter on a disc when TikTok sent none or it does not load. */
  function avatar(s) {
    var disc = el('div', 'spot-avatar', (Array.from((s.nickname || s.uniqueId || '?').trim())[0] || '?').toUpperCase());
    if (s.avatarUrl) {
      var img = el('img');
      img.alt = '';
      img.src = s.avatarUrl;
      img.addEventListener('error', function () { img.remove(); });
      disc.appendChild(img);
    }
    return disc;
  }

  function card(s) {
    var box = el('div', 'spotlight anim-' + animation);
    box.setAttribute('data-kind', s.kind);
    var text = el('div', 'spot-text');
    text.append(el('div', 'spot-label', t('spotlight.' + s.kind)), el('div', 'spot-name', s.nickname || s.uniqueId));
    var more = detail(s);
    if (more) text.appendChild(el('div', 'spot-detail', more));
    box.append(avatar(s), text);
    return box;
  }

  function show(kind) {
    shown = kind;
    area.replaceChildren();
    if (kind && state[kind]) area.appendChild(card(state[kind]));
  }

  /** The next kind someone is in, after the one on screen. */
  function next() {
    var filled = wanted.filter(function (k) { return state[k]; });
    if (!filled.length) return null;
    var at = filled.indexOf(shown);
    return filled[(at + 1) % filled.length];
  }

  function updated(m) {
    var changed = Object.keys(m.spotlights).concat(m.cleared);
    Object.keys(m.spotlights).forEach(function (k) { state[k] = m.spotlights[k]; });
    m.cleared.forEach(function (k) { state[k] = null; });
    if (wanted.length === 1) {
      if (changed.indexOf(wanted[0]) >= 0) show(wanted[0]);
    } else if (!shown || !state[shown]) {
      show(next());
    } else if (changed.indexOf(shown) >= 0) {
      show(shown);   // the one on screen changed: show the new one now
    }
  }

  LTTH.overlay.start({ on: { 'spotlight:update': updated } }).then(function () {
    if (wanted.length > 1) setInterval(function () { show(next()); }, seconds * 1000);
  });
})();
