/* The quiz of a SCORM package, scored in the browser by the rule of quizzes/scoring.py:
   a question scores only when exactly its right options are chosen, unless it gives partial
   credit (each right option earns 1/right, each wrong one takes 1/wrong away, never below 0);
   the percentage is rounded down. Fractions are kept exact so "passed" and the percentage
   never disagree. The result goes to the SCO frame (sco.js), which reports it to the LMS. */
(function (root) {
  "use strict";

  function gcd(a, b) {
    while (b) {
      var t = b;
      b = a % b;
      a = t;
    }
    return a;
  }

  function add(x, y) {
    var num = x[0] * y[1] + y[0] * x[1];
    var den = x[1] * y[1];
    var d = gcd(Math.abs(num), den) || 1;
    return [num / d, den / d];
  }

  function credit(question, chosen) {
    var right = 0;
    var wrong = 0;
    chosen.forEach(function (id) {
      if (question.correct.indexOf(id) >= 0) right += 1;
      else wrong += 1;
    });
    if (!question.partial) return [right === question.correct.length && !wrong ? 1 : 0, 1];
    var wrongOptions = question.options.length - question.correct.length;
    if (!wrongOptions) return [right, question.correct.length];
    var num = right * wrongOptions - wrong * question.correct.length;
    return [Math.max(0, num), question.correct.length * wrongOptions];
  }

  /* answers: {question id: [option ids]} -> {percent, passed} */
  function score(key, questions, answers) {
    var points = [0, 1];
    var maxPoints = 0;
    questions.forEach(function (question) {
      var share = credit(question, answers[question.id] || []);
      points = add(points, [share[0] * question.points, share[1]]);
      maxPoints += question.points;
    });
    var percent = maxPoints ? Math.floor((100 * points[0]) / (points[1] * maxPoints)) : 0;
    return { percent: percent, passed: percent >= key.passMark };
  }

  function shuffled(items) {
    var copy = Array.prototype.slice.call(items);
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return copy;
  }

  /* The questions one attempt asks, in authored order: all, or a fresh draw from the pool. */
  function draw(key) {
    if (!key.draw || key.draw >= key.questions.length) return key.questions.slice();
    var kept = shuffled(key.questions).slice(0, key.draw);
    return key.questions.filter(function (question) {
      return kept.indexOf(question) >= 0;
    });
  }

  /* The order the site shows: questions and options shuffled as the quiz says (never the
     true/false pair). */
  function arrange(form, key) {
    var list = form.querySelector(".questions");
    if (key.shuffleQuestions) {
      shuffled(list.children).forEach(function (item) {
        list.appendChild(item);
      });
    }
    if (!key.shuffleOptions) return;
    key.questions.forEach(function (question) {
      if (question.fixedOrder) return;
      var fieldset = form.querySelector('[data-question="answer-' + question.id + '"] fieldset');
      shuffled(fieldset.querySelectorAll(".option")).forEach(function (option) {
        fieldset.appendChild(option);
      });
    });
  }

  function start(document) {
    var key = JSON.parse(document.getElementById("quiz-key").textContent);
    var form = document.getElementById("quiz");
    var result = document.getElementById("quiz-result");
    var missing = document.getElementById("quiz-missing");
    var again = document.getElementById("quiz-again");
    var asked = draw(key);
    arrange(form, key);
    key.questions.forEach(function (question) {
      var item = form.querySelector('[data-question="answer-' + question.id + '"]');
      item.hidden = asked.indexOf(question) < 0;
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var answers = {};
      var unanswered = asked.filter(function (question) {
        var boxes = form.querySelectorAll('[name="answer-' + question.id + '"]:checked');
        answers[question.id] = Array.prototype.map.call(boxes, function (box) {
          return box.value;
        });
        return !answers[question.id].length;
      });
      missing.hidden = unanswered.length === 0;
      if (unanswered.length) return;
      var outcome = score(key, asked, answers);
      var heading = result.querySelector(".score");
      heading.textContent = outcome.passed ? heading.dataset.passed : heading.dataset.failed;
      var line = result.querySelector("[data-template]");
      line.textContent = line.dataset.template.replace("{score}", outcome.percent);
      result.className = "result result--" + (outcome.passed ? "passed" : "failed");
      result.hidden = false;
      again.hidden = outcome.passed;
      form.hidden = true;
      result.focus();
      var sco = root.parent && root.parent !== root && root.parent.CIPSco;
      if (sco) sco.quizSubmitted(outcome.percent, outcome.passed);
    });
    again.addEventListener("click", function () {
      root.location.reload();
    });
  }

  var api = { score: score, credit: credit };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else if (root.document) root.document.addEventListener("DOMContentLoaded", function () {
    start(root.document);
  });
})(typeof window !== "undefined" ? window : globalThis);
