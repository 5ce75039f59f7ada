/*
 * The OBS overlay: gifts, follows and chats as cards that slide in and fade out. A gift streak is one card that
 * counts up, not one card per streak message. Names and comments are shown with textContent only.
 */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var scale = Math.min(4, Math.max(0.25, parseFloat(params.get('scale')) || 1));
  var preview = params.get('preview') === '1';
  var SHOWN = { gift: 8000, follow: 6000, chat: 7000 };
  var MAX_CARDS = 6;
  var cards = document.getElementById('cards');
  var streakCards = {};

  document.getElementById('stage').style.transform = 'scale(' + scale + ')';
  // In preview (dashboard) the marker says when the overlay is not connected; on stream it never shows.
  document.getElementById('offline').hidden = !preview;

  function streakKey(d) {
    return [d.user && d.user.id, d.giftId, d.groupId].join('|');
  }

  function show(msg) {
    if (!SHOWN[msg.type]) return;
    var d = LTTH.describe(msg);
    var key = msg.type === 'gift' ? streakKey(msg.data) : null;
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
      while (cards.children.length > MAX_CARDS) remove(cards.firstElementChild);
    }
    card.querySelector('.who').textContent = d.who;
    card.querySelector('.what').textContent = d.text;
    clearTimeout(card._timer);
    card._timer = setTimeout(function () { leave(card); }, SHOWN[msg.type]);
  }

  function leave(card) {
    card.classList.add('leaving');
    setTimeout(function () { remove(card); }, 500);
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
      what.innerHTML = m.html;
      card.appendChild(what);
    } else {
      var media = document.createElement(m.kind === 'video' ? 'video' : 'img');
      media.src = m.url;
      media.className = 'flow-media';
      if (m.kind === 'video') { media.autoplay = true; media.muted = true; }
      card.appendChild(media);
    }
    cards.appendChild(card);
    while (cards.children.length > MAX_CARDS) remove(cards.firstElementChild);
    card._timer = setTimeout(function () { leave(card); }, Math.max(1, Number(m.seconds) || 5) * 1000);
  }

  LTTH.i18n.init().then(function () {
    LTTH.connect({
      event: show,
      on: { 'flow:overlay': flowOverlay },
      connection: function (up) { document.getElementById('offline').hidden = up || !preview; }
    });
  });
})();
