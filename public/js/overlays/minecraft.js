/*
 * The Minecraft bridge on stream: a pill saying whether the game is connected (?status=0 hides it), and each action
 * as it goes to the game, for ?seconds=5, at most ?limit=5 at once. Names come from TikTok: text only.
 */
(function () {
  'use strict';
  var t = function (k, v) { return LTTH.i18n.t(k, v); };
  var seconds = LTTH.overlay.number('seconds', 5, 2, 60);
  var limit = LTTH.overlay.number('limit', 5, 1, 10);
  var showStatus = LTTH.overlay.params.get('status') !== '0';
  var pill = document.getElementById('mc-status');
  var list = document.getElementById('mc-actions');

  function el(tag, className, text) {
    var e = document.createElement(tag);
    e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function status(s) {
    pill.hidden = !showStatus || !s.active;
    pill.setAttribute('data-connected', String(s.connected));
    pill.textContent = t(s.connected ? 'minecraft.overlay.connected' : 'minecraft.overlay.waiting');
  }

  function action(a) {
    var values = Object.keys(a.params || {}).map(function (k) { return a.params[k]; }).join(' · ');
    var card = el('div', 'mc-action');
    var text = el('div', 'mc-text');
    text.append(el('div', 'mc-who', a.user ? t('minecraft.overlay.by', { user: a.user }) : t('minecraft.overlay.game')),
      el('div', 'mc-what', values ? a.action + ': ' + values : a.action));
    card.append(el('div', 'mc-block'), text);
    list.prepend(card);
    while (list.children.length > limit) list.lastChild.remove();
    setTimeout(function () {
      card.classList.add('leaving');
      setTimeout(function () { card.remove(); }, 400);
    }, seconds * 1000);
  }

  LTTH.overlay.start({ types: [], on: { 'minecraft:status': status, 'minecraft:action': action } });
})();
