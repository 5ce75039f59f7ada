/*
 * Alerts, one at a time: LTTH decides the order and timing (alert:show), this page shows them. The text arrives
 * rendered, with TikTok's names already HTML-escaped by LTTH; media and sounds are the streamer's own. Sounds play
 * through the audio overlay (one volume for all of LTTH, quieter while TTS speaks); only the dashboard's preview
 * (?preview=1) plays them itself, so the streamer hears what they test.
 */
(function () {
  'use strict';
  var area = document.getElementById('alert-area');
  var current = null;

  function hide(box) {
    if (!box || !box.parentNode || box.classList.contains('leaving')) return;
    box.classList.add('leaving');
    if (box._audio) box._audio.pause();
    setTimeout(function () { if (box.parentNode) box.parentNode.removeChild(box); }, 600);
  }

  /** A picture that takes itself away when it cannot be loaded (a dead address must not show a broken image). */
  function image(src, className) {
    var img = document.createElement('img');
    if (className) img.className = className;
    img.alt = '';
    img.src = src;
    img.addEventListener('error', function () { img.remove(); });
    return img;
  }

  /** The sender's picture, or the first letter of their name on a coloured disc when TikTok sent none (or it fails). */
  function avatar(a) {
    var disc = document.createElement('div');
    disc.className = 'alert-avatar';
    var letter = Array.from((a.name || '?').trim())[0] || '?';
    disc.textContent = letter.toUpperCase();
    if (a.avatar) disc.appendChild(image(a.avatar));
    return disc;
  }

  function pictures(a) {
    var row = document.createElement('div');
    row.className = 'alert-pictures';
    if (a.name) row.appendChild(avatar(a));
    if (a.picture) row.appendChild(image(a.picture, 'alert-gift'));
    return row;
  }

  function show(a) {
    hide(current);
    var box = document.createElement('div');
    box.className = 'alert style-' + (a.style || 'clean') + ' ' + (a.animation || 'slide');
    box.setAttribute('data-type', a.type);
    box.setAttribute('data-alert', a.id);
    if (a.name || a.picture) box.appendChild(pictures(a));
    if (a.media) {
      var media = document.createElement(a.mediaKind === 'video' ? 'video' : 'img');
      media.className = 'alert-media';
      media.src = a.media;
      if (a.mediaKind === 'video') { media.autoplay = true; media.muted = !!a.sound; media.playsInline = true; }
      box.appendChild(media);
    }
    var text = document.createElement('div');
    text.className = 'alert-text shadow-text';
    LTTH.overlay.setServerHtml(text, a.html);
    box.appendChild(text);
    if (a.sound && LTTH.overlay.preview) {
      box._audio = new Audio(a.sound);
      box._audio.volume = Math.max(0, Math.min(1, a.volume));
      box._audio.play().catch(function () { /* the browser wants a click first: the alert still shows */ });
    }
    area.appendChild(box);
    current = box;
    box._timer = setTimeout(function () { hide(box); }, a.seconds * 1000);
    if (connection) connection.emit('alert:shown', { id: a.id });
  }

  var connection = null;

  LTTH.overlay.start({
    on: {
      'alert:show': show,
      'alert:skip': function (m) { if (current && current.getAttribute('data-alert') === m.id) hide(current); }
    }
  }).then(function (c) { connection = c; });
})();
