/*
 * Alerts, one at a time: LTTH decides the order and timing (alert:show), this page shows them. The text arrives
 * rendered, with TikTok's names already HTML-escaped by LTTH; media and sounds are the streamer's own.
 */
(function () {
  'use strict';
  var area = document.getElementById('alert-area');
  var current = null;

  function hide(box) {
    if (!box || !box.parentNode) return;
    box.classList.add('leaving');
    if (box._audio) box._audio.pause();
    setTimeout(function () { if (box.parentNode) box.parentNode.removeChild(box); }, 500);
  }

  function show(a) {
    hide(current);
    var box = document.createElement('div');
    box.className = 'alert ' + (a.animation || 'slide');
    box.setAttribute('data-type', a.type);
    box.setAttribute('data-alert', a.id);
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
    if (a.sound) {
      box._audio = new Audio(a.sound);
      box._audio.volume = Math.max(0, Math.min(1, a.volume));
      box._audio.play().catch(function () { /* autoplay blocked outside OBS: the alert still shows */ });
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
