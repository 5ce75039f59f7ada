/* The latest gifts; a streak is one line that counts up, then stays as the finished count. ?max=6 lines. */
(function () {
  'use strict';
  var max = LTTH.overlay.number('max', 6, 1, 30);
  var feed = document.getElementById('gifts');
  var lines = {};

  function add(msg) {
    if (msg.type !== 'gift') return;
    var d = msg.data;
    var key = LTTH.overlay.streakKey(d);
    var line = lines[key];
    if (!line || !line.parentNode) {
      line = lines[key] = document.createElement('div');
      line.className = 'gift-line shadow-text';
      // TikTok's picture of the gift (the demo's are LTTH's own drawings); a wrapped present when there is none.
      var img = document.createElement('img');
      img.src = d.imageUrl && /^(https?:\/\/|\/img\/)/.test(d.imageUrl) ? d.imageUrl : '/img/gifts/gift.svg';
      img.alt = '';
      img.className = 'gift-icon';
      img.addEventListener('error', function () { img.src = '/img/gifts/gift.svg'; }, { once: true });
      line.appendChild(img);
      var name = document.createElement('span'); name.className = 'name';
      var what = document.createElement('span'); what.className = 'what';
      line.append(name, what);
      feed.appendChild(line);
      while (feed.children.length > max) {
        var gone = feed.firstElementChild;
        feed.removeChild(gone);
      }
    }
    var text = LTTH.describe(msg);
    line.querySelector('.name').textContent = text.who;
    line.querySelector('.what').textContent = text.text;
    line.classList.toggle('done', !!d['final']);
    if (d['final']) delete lines[key];
  }

  LTTH.overlay.start({ types: ['gift'], event: add });
})();
