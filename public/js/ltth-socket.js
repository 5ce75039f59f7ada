/*
 * The one connection every LTTH page uses to hear live events (see SocketEvents.java for the protocol).
 * Once connected it says ltth:hello with what this page listens to (from its handlers); from then on the server
 * sends only that:
 *   tiktok:event  {type, data}   live events (only the types in handlers.types, when given; likes merged)
 *   tiktok:stats  {...}          totals, at most once a second
 *   tiktok:status {...}          connection state of the live source (always)
 * Overlays (handlers.ack) answer the events that carry an ack number, so the app can show their latency.
 * Websocket only. It keeps reconnecting after an app restart, and re-reads the Socket.IO port from the app in
 * case the restart had to pick another one.
 */
(function (global) {
  'use strict';

  function fetchConfig() {
    return fetch('/api/client-config', { cache: 'no-store' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  }

  /**
   * handlers: { event(msg), types: ['gift', ...], stats(s), status(s), connection(isConnected), on: {otherEvent: fn},
   * ack: true }; all optional. connection(true) comes once the server has greeted this page, i.e. from when on live
   * events arrive.
   * Returns an object with close().
   */
  function connect(handlers) {
    var socket = null;
    var port = null;
    var closed = false;
    var failures = 0;
    var greeted = false;

    /** The Socket.IO events this page listens to: the server sends nothing else. */
    function subscription() {
      var names = ['tiktok:status'];
      if (handlers.event) {
        if (handlers.types) handlers.types.forEach(function (t) { names.push('tiktok:event:' + t); });
        else names.push('tiktok:event');
      }
      if (handlers.stats) names.push('tiktok:stats');
      return names.concat(Object.keys(handlers.on || {}));
    }

    function call(name, arg) {
      if (typeof handlers[name] === 'function') handlers[name](arg);
    }

    function open(config) {
      if (closed) return;
      port = config.socketPort;
      socket = global.io('http://' + location.hostname + ':' + port, {
        transports: ['websocket'],
        reconnectionDelay: 500,
        reconnectionDelayMax: 3000
      });
      // Connected means greeted: only after the server has taken our hello do broadcasts reach us.
      socket.on('connect', function () {
        failures = 0;
        socket.emit('ltth:hello', { subscribe: subscription() });
      });
      socket.on('disconnect', function () { greeted = false; call('connection', false); });
      socket.on('connect_error', function () {
        call('connection', false);
        // After a few failures, ask the app whether the port moved; if so, start over on the new one.
        if (++failures % 5 === 0) {
          fetchConfig().then(function (c) {
            if (c.socketPort !== port) { socket.close(); open(c); }
          }).catch(function () { /* the app is still down; socket.io keeps retrying */ });
        }
      });
      socket.on('tiktok:event', function (m) {
        call('event', m);
        if (handlers.ack && m.ack) socket.emit('ltth:ack', { ack: m.ack });
      });
      socket.on('tiktok:stats', function (s) { call('stats', s); });
      Object.keys(handlers.on || {}).forEach(function (name) { socket.on(name, handlers.on[name]); });
      socket.on('tiktok:status', function (s) {
        if (!greeted) { greeted = true; call('connection', true); }
        call('status', s);
      });
    }

    function start() {
      fetchConfig().then(open).catch(function () {
        call('connection', false);
        if (!closed) setTimeout(start, 2000);
      });
    }

    start();
    return {
      close: function () { closed = true; if (socket) socket.close(); },
      /** Sends to the app, if connected (the audio overlay reports what it has played). */
      emit: function (name, data) { if (socket && socket.connected) socket.emit(name, data); }
    };
  }

  global.LTTH = global.LTTH || {};
  global.LTTH.connect = connect;
})(window);
