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
   * ack: true, overlay: true }; all optional. connection(true) comes once the server has greeted this page, i.e. from when on live
   * events arrive.
   * A page has one connection: the header and the page's own script each call connect() and share it (a later call
   * says hello again with what it adds). Returns an object with close() and emit().
   */
  var shared = null;

  function connect(handlers) {
    if (!shared) shared = open();
    shared.add(handlers);
    return shared.api;
  }

  function open() {
    var sets = [];
    var socket = null;
    var port = null;
    var closed = false;
    var failures = 0;
    var greeted = false;

    /** The Socket.IO events this page listens to: the server sends nothing else. */
    function subscription() {
      var names = ['tiktok:status'];
      sets.forEach(function (h) {
        if (h.event) {
          if (h.types) h.types.forEach(function (t) { names.push('tiktok:event:' + t); });
          else names.push('tiktok:event');
        }
        if (h.stats) names.push('tiktok:stats');
        names = names.concat(Object.keys(h.on || {}));
      });
      return names.filter(function (n, i) { return names.indexOf(n) === i; });
    }

    /** What this page listens to, and whether it is an overlay in OBS (the first-run list counts those). */
    function hello() {
      return { subscribe: subscription(), overlay: sets.some(function (h) { return h.overlay; }) };
    }

    function call(name, arg) {
      sets.forEach(function (h) { if (typeof h[name] === 'function') h[name](arg); });
    }

    function listen(h) {
      Object.keys(h.on || {}).forEach(function (name) { socket.on(name, h.on[name]); });
    }

    function start(config) {
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
        socket.emit('ltth:hello', hello());
      });
      socket.on('disconnect', function () { greeted = false; call('connection', false); });
      socket.on('connect_error', function () {
        call('connection', false);
        // After a few failures, ask the app whether the port moved; if so, start over on the new one.
        if (++failures % 5 === 0) {
          fetchConfig().then(function (c) {
            if (c.socketPort !== port) { socket.close(); start(c); }
          }).catch(function () { /* the app is still down; socket.io keeps retrying */ });
        }
      });
      socket.on('tiktok:event', function (m) {
        call('event', m);
        if (m.ack && sets.some(function (h) { return h.ack; })) socket.emit('ltth:ack', { ack: m.ack });
      });
      socket.on('tiktok:stats', function (s) { call('stats', s); });
      sets.forEach(listen);
      socket.on('tiktok:status', function (s) {
        if (!greeted) { greeted = true; call('connection', true); }
        call('status', s);
      });
    }

    function begin() {
      fetchConfig().then(start).catch(function () {
        call('connection', false);
        if (!closed) setTimeout(begin, 2000);
      });
    }

    begin();
    return {
      add: function (h) {
        sets.push(h);
        if (!socket) return;
        listen(h);
        if (socket.connected) socket.emit('ltth:hello', hello());
        if (greeted && typeof h.connection === 'function') h.connection(true);
      },
      api: {
        close: function () { closed = true; if (socket) socket.close(); },
        /** Sends to the app, if connected (the audio overlay reports what it has played). */
        emit: function (name, data) { if (socket && socket.connected) socket.emit(name, data); }
      }
    };
  }

  global.LTTH = global.LTTH || {};
  global.LTTH.connect = connect;
})(window);
