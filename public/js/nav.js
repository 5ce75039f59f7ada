/* The side navigation of every dashboard page; a new page adds its entry here. */
(function (global) {
  'use strict';
  var PAGES = [
    { href: '/dashboard.html#live', key: 'nav.live' },
    { href: '/overlays.html', key: 'nav.overlays' },
    { href: '/alerts.html', key: 'nav.alerts' },
    { href: '/goals.html', key: 'nav.goals' },
    { href: '/dashboard.html#test', key: 'nav.test' },
    { href: '/dashboard.html#recordings', key: 'nav.recordings' },
    { href: '/flows.html', key: 'nav.flows' },
    { href: '/soundboard.html', key: 'nav.soundboard' },
    { href: '/tts.html', key: 'nav.tts' },
    { href: '/obs.html', key: 'nav.obs' },
    { href: '/multicam.html', key: 'nav.multicam' },
    { href: '/osc.html', key: 'nav.osc' },
    { href: '/vdoninja.html', key: 'nav.vdoninja' },
    { href: '/profiles.html', key: 'nav.profiles' },
    { href: '/plugins.html', key: 'nav.plugins' },
    { href: '/health.html', key: 'nav.health' }
  ];

  function build(container) {
    var here = location.pathname;
    PAGES.forEach(function (p, i) {
      var li = document.createElement('li');
      li.className = 'nav-item';
      var a = document.createElement('a');
      var path = p.href.split('#')[0];
      var active = path === here && (here !== '/dashboard.html' || i === 0);
      a.className = 'nav-link' + (active ? ' active' : '');
      a.href = p.href;
      a.setAttribute('data-i18n', p.key);
      li.appendChild(a);
      container.appendChild(li);
    });
  }

  global.LTTH = global.LTTH || {};
  global.LTTH.nav = { build: build };
})(window);
