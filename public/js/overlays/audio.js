/*
 * The audio overlay: plays what LTTH sends (audio:play {id, channel: sound|speech, url, volume, text}) and says when a
 * clip has ended (audio:ended {id}), so the next one in LTTH's queue can follow. While speech plays, sounds go down to
 * the "duck" share of their volume. audio:config {volume, duck} is the master volume; audio:stop {id} skips a clip.
 * Nothing is shown in OBS; with ?preview=1 the page lists what plays (as text).
 */
(function () {
  'use strict';
  var overlay = LTTH.overlay;
  var config = { volume: 0.8, duck: 0.3 };
  var clips = {};           // id -> {audio, channel, volume}
  var connection = null;
  var list = document.getElementById('playing');

  function speaking() {
    return Object.keys(clips).some(function (id) { return clips[id].channel === 'speech'; });
  }

  /** Every clip's volume from its own, the master volume and (for sounds while speech plays) the ducking. */
  function levels() {
    var duck = speaking();
    Object.keys(clips).forEach(function (id) {
      var c = clips[id];
      var v = c.volume * config.volume * (c.channel === 'sound' && duck ? config.duck : 1);
      c.audio.volume = Math.max(0, Math.min(1, v));
    });
    document.body.setAttribute('data-ducking', duck ? 'yes' : 'no');
  }

  function done(id) {
    var c = clips[id];
    if (!c) return;
    delete clips[id];
    if (c.row) c.row.remove();
    if (connection) connection.emit('audio:ended', { id: id });
    levels();
  }

  function play(m) {
    var audio = new Audio(m.url);
    var c = { audio: audio, channel: m.channel, volume: typeof m.volume === 'number' ? m.volume : 1 };
    clips[m.id] = c;
    if (overlay.preview) {
      c.row = document.createElement('div');
      c.row.className = 'audio-row ' + m.channel;
      c.row.setAttribute('data-id', m.id);
      c.row.textContent = (m.channel === 'speech' ? '🗣 ' : '🔊 ') + (m.text || m.url);
      list.appendChild(c.row);
    }
    audio.addEventListener('ended', function () { done(m.id); });
    audio.addEventListener('error', function () { done(m.id); });
    levels();
    var started = audio.play();
    // A browser that refuses to play (no user gesture in a normal tab) must not hold up LTTH's queue.
    if (started && started.catch) started.catch(function () { done(m.id); });
  }

  function stop(m) {
    var c = clips[m.id];
    if (!c) return;
    c.audio.pause();
    done(m.id);
  }

  connection = null;
  overlay.start({
    on: {
      'audio:play': play,
      'audio:stop': stop,
      'audio:config': function (c) { config = c; levels(); }
    }
  }).then(function (c) { connection = c; });
})();
