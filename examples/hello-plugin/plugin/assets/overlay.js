// Connect as every LTTH page does, say hello, then listen to plugin:hello:<event>.
// A file of its own, not an inline script: LTTH's pages run under a CSP that allows scripts only from files.
fetch('/api/client-config').then(r => r.json()).then(c => {
  const socket = io('http://' + location.hostname + ':' + c.socketPort, { transports: ['websocket'] });
  const show = text => { document.getElementById('line').textContent = text; };   // text only, never HTML
  socket.on('connect', () => socket.emit('ltth:hello'));
  socket.on('plugin:hello:gift', g => show(g.user + ' sent ' + g.gift + ' (' + g.coins + ' coins)'));
  socket.on('plugin:hello:greeting', g => show(g.text));
});
