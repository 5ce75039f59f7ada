fetch('/api/plugins/hello/stats').then(r => r.json()).then(s => {
  document.getElementById('gifts').textContent = s.gifts;
  document.getElementById('coins').textContent = s.coins;
  document.getElementById('greeting').textContent = s.greeting;
});
