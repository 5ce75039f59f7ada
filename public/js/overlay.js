/*
 * The OBS overlay: gifts, follows and chats as cards that slide in and fade out. A gift streak is one card that
 * counts up, not one card per streak message. Names and comments are shown with textContent only.
 */
(function () {
  'use strict';
  var SHOWN = { gift: 8000, follow: 6000, chat: 7000 };
  var MAX_CARDS = 6;
  var cards = document.getElementById('cards');
  var streakCards = {};

  function show(msg) {
    if (!SHOWN[msg.type]) return;
    var d = LTTH.describe(msg);
    var key = msg.type === 'gift' ? LTTH.overlay.streakKey(msg.data) : null;
    var card = key && streakCards[key];
    if (!card) {
      card = document.createElement('div');
      card.className = 'card';
      card.setAttribute('data-type', msg.type);
      var who = document.createElement('span'); who.className = 'who';
      var what = document.createElement('span'); what.className = 'what';
      card.append(who, what);
      cards.appendChild(card);
      if (key) { streakCards[key] = card; card.setAttribute('data-streak', key); }
    }
    card.querySelector('.who').textContent = d.who;
    card.querySelector('.what').textContent = d.text;
    trim();
    clearTimeout(card._timer);
    card._timer = setTimeout(function () { leave(card); }, SHOWN[msg.type]);
  }

  function leave(card) {
    card.classList.add('leaving');
    setTimeout(function () { remove(card); }, 500);
  }

  /** At most MAX_CARDS, and only as many as fit the stage: the oldest go first, nothing is drawn off screen. */
  function trim() {
    while (cards.children.length > MAX_CARDS || (cards.children.length > 1 && cards.scrollHeight > cards.clientHeight)) {
      remove(cards.firstElementChild);
    }
  }

  function remove(card) {
    if (!card || !card.parentNode) return;
    clearTimeout(card._timer);
    var key = card.getAttribute('data-streak');
    if (key && streakCards[key] === card) delete streakCards[key];
    card.parentNode.removeChild(card);
  }

  // Output of flows: text (already rendered with TikTok's values HTML-escaped by LTTH), an image or a video.
  function flowOverlay(m) {
    var card = document.createElement('div');
    card.className = 'card flow-card';
    card.setAttribute('data-type', 'flow');
    if (m.kind === 'text') {
      var what = document.createElement('span');
      what.className = 'what';
      LTTH.overlay.setServerHtml(what, m.html);
      card.appendChild(what);
    } else {
      var media = document.createElement(m.kind === 'video' ? 'video' : 'img');
      media.src = m.url;
      media.className = 'flow-media';
      if (m.kind === 'video') { media.autoplay = true; media.muted = true; }
      media.addEventListener(m.kind === 'video' ? 'loadedmetadata' : 'load', trim);   // its height is known now
      card.appendChild(media);
    }
    cards.appendChild(card);
    trim();
    card._timer = setTimeout(function () { leave(card); }, Math.max(1, Number(m.seconds) || 5) * 1000);
  }

  LTTH.overlay.start({ types: Object.keys(SHOWN), event: show, on: { 'flow:overlay': flowOverlay } });
})();
