/* Loaded in the head of every dashboard page: applies the saved theme before the first paint, so there is no flash
   of the wrong one. A file, not an inline script, so that pages run under a CSP without 'unsafe-inline'. */
try { document.documentElement.setAttribute('data-bs-theme', localStorage.getItem('ltth.theme') || 'dark'); } catch (e) {}
