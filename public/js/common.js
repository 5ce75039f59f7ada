/* Helpers every dashboard page uses: JSON requests with LTTH's error shape, elements with text, the message box. */
(function (global) {
  'use strict';

  /**
   * A request to LTTH's API. body: an object (sent as JSON), FormData (sent as is) or nothing. Resolves with the JSON
   * answer; rejects with an Error carrying the server's message, the field at fault (err.field) and the whole answer
   * (err.body).
   */
  function api(method, path, body) {
    var options = { method: method };
    if (body instanceof FormData) {
      options.body = body;
    } else if (body !== undefined) {
      options.headers = { 'Content-Type': 'application/json' };
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) {
          var err = new Error(json.error || ('HTTP ' + r.status));
          err.field = json.field;
          err.body = json;
          throw err;
        }
        return json;
      });
    });
  }

  /** An element with a class and text; never HTML. */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** Shows a message in the page's #message box: green when ok, red otherwise. */
  function say(text, ok) {
    var box = document.getElementById('message');
    box.className = 'alert ' + (ok ? 'alert-success' : 'alert-danger');
    box.textContent = text;
  }

  global.LTTH = global.LTTH || {};
  global.LTTH.api = api;
  global.LTTH.el = el;
  global.LTTH.say = say;
})(window);
