/*
 * The quiz show. LTTH sends the question (quiz:question), once a second how many answered and what the jokers changed
 * (quiz:progress), the right answer and the leaderboard (quiz:result), and the end (quiz:end). The time bar runs here,
 * from the question's end and LTTH's clock. Questions come from packs streamers import, names from TikTok: text only.
 */
(function () {
  'use strict';
  var t = LTTH.i18n.t;
  var num = LTTH.i18n.number;
  var RESULTS_SECONDS = LTTH.overlay.number('results', 10, 3, 120);
  var $ = function (id) { return document.getElementById(id); };
  var q = null;
  var offset = 0;
  var hideTimer = null;
  var stats = { ready: false, questions: 0, results: 0, ended: 0, correct: null, removed: [] };

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function onQuestion(m) {
    clearTimeout(hideTimer);
    q = m;
    offset = m.now - Date.now();
    stats.questions++;
    stats.correct = null;
    stats.removed = [];
    $('quiz-count').textContent = t('games.quiz.count', { n: num(m.index + 1), total: num(m.total) });
    $('quiz-answered').textContent = '';
    $('quiz-question').textContent = m.question;
    $('quiz-answers').replaceChildren.apply($('quiz-answers'), m.answers.map(function (a, i) {
      var li = el('li');
      li.append(el('span', 'letter', String.fromCharCode(65 + i)), document.createTextNode(a));
      return li;
    }));
    $('quiz-right').hidden = true;
    $('quiz-board').hidden = true;
    $('quiz-time-bar').hidden = false;
    $('quiz').hidden = false;
    requestAnimationFrame(time);
  }

  function time() {
    if (!q || stats.correct !== null) return;
    var left = Math.max(0, q.endsAt - (Date.now() + offset));
    $('quiz-time').style.transform = 'scaleX(' + Math.min(1, left / (q.seconds * 1000)) + ')';
    if (left > 0) requestAnimationFrame(time);
  }

  function onProgress(p) {
    if (!q) return;
    q.endsAt = p.endsAt;
    offset = p.now - Date.now();
    $('quiz-answered').textContent = t('games.quiz.answered', { n: num(p.answered) });
    stats.removed = p.removed;
    var items = $('quiz-answers').children;
    p.removed.forEach(function (i) { if (items[i]) items[i].classList.add('gone'); });
    requestAnimationFrame(time);
  }

  function board(list) {
    $('quiz-board').replaceChildren.apply($('quiz-board'), list.slice(0, 5).map(function (s) {
      var li = el('li');
      li.append(el('span', '', s.nickname || s.handle), el('span', 'points', num(s.points)));
      return li;
    }));
    $('quiz-board').hidden = !list.length;
  }

  function onResult(r) {
    stats.results++;
    stats.correct = r.correct;
    var items = $('quiz-answers').children;
    for (var i = 0; i < items.length; i++) items[i].classList.add(i === r.correct ? 'correct' : 'wrong');
    $('quiz-time').style.transform = 'scaleX(0)';
    $('quiz-right').textContent = r.right.length
      ? t('games.quiz.first', { name: r.right[0].nickname || r.right[0].handle, points: num(r.right[0].points), more: num(r.right.length - 1) })
      : t('games.quiz.nobody');
    $('quiz-right').hidden = false;
    board(r.leaderboard);
  }

  function onEnd(e) {
    stats.ended++;
    $('quiz-count').textContent = t('games.quiz.over');
    $('quiz-question').textContent = e.winner ? t('games.quiz.winner', { name: e.winner }) : t('games.quiz.nobody');
    $('quiz-answers').replaceChildren();
    $('quiz-answered').textContent = '';
    $('quiz-time-bar').hidden = true;
    $('quiz-right').hidden = true;
    board(e.leaderboard);
    q = null;
    hideTimer = setTimeout(function () { $('quiz').hidden = true; }, RESULTS_SECONDS * 1000);
  }

  window.LTTH_QUIZ = {
    state: function () {
      return { ready: stats.ready, questions: stats.questions, results: stats.results, ended: stats.ended,
        correct: stats.correct, removed: stats.removed, shown: !$('quiz').hidden };
    }
  };
  LTTH.overlay.start({ on: { 'quiz:question': onQuestion, 'quiz:progress': onProgress, 'quiz:result': onResult, 'quiz:end': onEnd },
    connection: function (up) { stats.ready = up; } });
})();
