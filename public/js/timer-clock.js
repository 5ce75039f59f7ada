/*
 * A timer as LTTH describes it (its value at a moment, the moment and its speed), counted on here: shared by the
 * Timers page and the timer overlay, which both show the time without LTTH sending it every second.
 */
(function (global) {
  'use strict';

  function counting(x) {
    return x.mode === 'countdown' || x.mode === 'loop' || x.mode === 'interval';
  }

  /** The value now; {@code offset} is LTTH's clock minus this page's. */
  function valueNow(x, offset) {
    if (x.state !== 'running') return x.valueMs;
    var moved = Math.max(0, Date.now() + offset - x.since) * x.rate;
    return counting(x) ? Math.max(0, x.valueMs - moved) : x.valueMs + moved;
  }

  /** 75 s as "1:15", 3725 s as "1:02:05" (a started second still shows, as LTTH's own text does). */
  function format(ms) {
    var total = Math.ceil(ms / 1000);
    var h = Math.floor(total / 3600);
    var m = Math.floor(total / 60) % 60;
    var s = total % 60;
    return (h > 0 ? h + ':' + (m < 10 ? '0' : '') : '') + m + ':' + (s < 10 ? '0' : '') + s;
  }

  global.LTTH = global.LTTH || {};
  global.LTTH.timerClock = { counting: counting, valueNow: valueNow, format: format };
})(window);
