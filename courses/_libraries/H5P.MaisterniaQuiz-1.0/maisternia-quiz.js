/*
 * H5P.MaisterniaQuiz 1.0 — the portal's own scored content type (the H5P hub is not reachable from
 * the portal's machines, so demo courses and tests use this one). Renders single-choice questions
 * as native radio groups (keyboard and screen readers work without extra code), checks them, and
 * reports through H5P's xAPI: "answered" for each question and "completed" with the total score.
 *
 * content.json: { title, intro?, questions: [{ text, answers: [{ text, correct }], feedback? }],
 *                 passPercentage, l10n: { check, retry, result, correct, incorrect, question, passed, failed, unanswered } }
 */
var H5P = H5P || {};

H5P.MaisterniaQuiz = (function ($, EventDispatcher) {
  'use strict';

  var counter = 0;

  function text(value) {
    return document.createTextNode(value == null ? '' : String(value));
  }

  function format(template, values) {
    return String(template || '').replace(/:(\w+)/g, function (m, key) {
      return values[key] !== undefined ? values[key] : m;
    });
  }

  function MaisterniaQuiz(params, contentId, extras) {
    EventDispatcher.call(this);
    this.params = params || {};
    this.contentId = contentId;
    this.extras = extras || {};
    this.questions = (this.params.questions || []).filter(function (q) {
      return q && q.text && q.answers && q.answers.length > 1;
    });
    this.l10n = $.extend(
      {
        check: 'Check',
        retry: 'Try again',
        result: 'You scored :score of :total.',
        correct: 'Correct.',
        incorrect: 'Incorrect.',
        question: 'Question :n of :total',
        passed: 'Passed.',
        failed: 'Not passed yet.',
        unanswered: 'Answer every question first.'
      },
      this.params.l10n || {}
    );
    this.passPercentage = typeof this.params.passPercentage === 'number' ? this.params.passPercentage : 70;
    this.uid = 'mq-' + contentId + '-' + ++counter;
    this.answered = false;
    this.score = 0;
  }

  MaisterniaQuiz.prototype = Object.create(EventDispatcher.prototype);
  MaisterniaQuiz.prototype.constructor = MaisterniaQuiz;

  MaisterniaQuiz.prototype.attach = function ($container) {
    var self = this;
    var root = $container.get(0);
    root.classList.add('h5p-maisternia-quiz');
    root.textContent = '';
    this.root = root;
    this.setActivityStarted();

    if (this.params.title) {
      var title = document.createElement('p');
      title.className = 'mq-title';
      title.appendChild(text(this.params.title));
      root.appendChild(title);
    }
    if (this.params.intro) {
      var intro = document.createElement('p');
      intro.className = 'mq-intro';
      intro.appendChild(text(this.params.intro));
      root.appendChild(intro);
    }

    this.fieldsets = [];
    this.questions.forEach(function (q, qi) {
      var fs = document.createElement('fieldset');
      fs.className = 'mq-question';
      var legend = document.createElement('legend');
      var counterEl = document.createElement('span');
      counterEl.className = 'mq-counter';
      counterEl.appendChild(text(format(self.l10n.question, { n: qi + 1, total: self.questions.length })));
      legend.appendChild(counterEl);
      legend.appendChild(text(' ' + q.text));
      fs.appendChild(legend);
      q.answers.forEach(function (a, ai) {
        var id = self.uid + '-q' + qi + '-a' + ai;
        var row = document.createElement('div');
        row.className = 'mq-option';
        var input = document.createElement('input');
        input.type = 'radio';
        input.name = self.uid + '-q' + qi;
        input.id = id;
        input.value = String(ai);
        var label = document.createElement('label');
        label.htmlFor = id;
        label.appendChild(text(a.text));
        row.appendChild(input);
        row.appendChild(label);
        fs.appendChild(row);
      });
      var feedback = document.createElement('p');
      feedback.className = 'mq-feedback';
      feedback.hidden = true;
      fs.appendChild(feedback);
      root.appendChild(fs);
      self.fieldsets.push(fs);
    });

    var actions = document.createElement('div');
    actions.className = 'mq-actions';
    this.checkButton = document.createElement('button');
    this.checkButton.type = 'button';
    this.checkButton.className = 'mq-button mq-check';
    this.checkButton.appendChild(text(this.l10n.check));
    this.checkButton.addEventListener('click', function () {
      self.check();
    });
    this.retryButton = document.createElement('button');
    this.retryButton.type = 'button';
    this.retryButton.className = 'mq-button mq-retry';
    this.retryButton.hidden = true;
    this.retryButton.appendChild(text(this.l10n.retry));
    this.retryButton.addEventListener('click', function () {
      self.resetTask();
      var first = self.root.querySelector('input');
      if (first) first.focus();
    });
    actions.appendChild(this.checkButton);
    actions.appendChild(this.retryButton);
    root.appendChild(actions);

    this.status = document.createElement('p');
    this.status.className = 'mq-status';
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    root.appendChild(this.status);
    this.trigger('resize');
  };

  MaisterniaQuiz.prototype.selected = function (qi) {
    var checked = this.fieldsets[qi].querySelector('input:checked');
    return checked ? Number(checked.value) : -1;
  };

  MaisterniaQuiz.prototype.check = function () {
    var self = this;
    var choices = this.questions.map(function (q, qi) {
      return self.selected(qi);
    });
    if (choices.indexOf(-1) !== -1) {
      this.status.textContent = this.l10n.unanswered;
      var firstEmpty = this.fieldsets[choices.indexOf(-1)].querySelector('input');
      if (firstEmpty) firstEmpty.focus();
      return;
    }
    var score = 0;
    choices.forEach(function (choice, qi) {
      var q = self.questions[qi];
      var ok = !!(q.answers[choice] && q.answers[choice].correct);
      if (ok) score++;
      var fs = self.fieldsets[qi];
      fs.classList.toggle('mq-right', ok);
      fs.classList.toggle('mq-wrong', !ok);
      var feedback = fs.querySelector('.mq-feedback');
      feedback.hidden = false;
      feedback.textContent = (ok ? self.l10n.correct : self.l10n.incorrect) + (q.feedback ? ' ' + q.feedback : '');
      Array.prototype.forEach.call(fs.querySelectorAll('input'), function (input) {
        input.disabled = true;
      });
      self.triggerAnswered(qi, choice, ok);
    });
    this.score = score;
    this.answered = true;
    var total = this.questions.length;
    var passed = total > 0 && (score / total) * 100 >= this.passPercentage;
    this.status.textContent = format(this.l10n.result, { score: score, total: total }) + ' ' + (passed ? this.l10n.passed : this.l10n.failed);
    this.checkButton.hidden = true;
    this.retryButton.hidden = false;
    this.triggerXAPIScored(score, total, 'completed', true, passed);
    this.retryButton.focus();
    this.trigger('resize');
  };

  /** One "answered" statement per question, as a choice interaction of this content. */
  MaisterniaQuiz.prototype.triggerAnswered = function (qi, choice, ok) {
    var q = this.questions[qi];
    var event = this.createXAPIEventTemplate('answered');
    var statement = event.data.statement;
    statement.object.id = statement.object.id + (statement.object.id.indexOf('?') === -1 ? '?' : '&') + 'question=' + (qi + 1);
    statement.object.definition = {
      name: { 'uk': q.text },
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      interactionType: 'choice',
      choices: q.answers.map(function (a, ai) {
        return { id: 'a' + ai, description: { 'uk': a.text } };
      }),
      correctResponsesPattern: q.answers
        .map(function (a, ai) {
          return a.correct ? 'a' + ai : null;
        })
        .filter(function (v) {
          return v !== null;
        })
    };
    statement.result = { response: 'a' + choice, success: ok, completion: true, score: { min: 0, max: 1, raw: ok ? 1 : 0, scaled: ok ? 1 : 0 } };
    this.trigger(event);
  };

  MaisterniaQuiz.prototype.resetTask = function () {
    this.answered = false;
    this.score = 0;
    (this.fieldsets || []).forEach(function (fs) {
      fs.classList.remove('mq-right', 'mq-wrong');
      var feedback = fs.querySelector('.mq-feedback');
      feedback.hidden = true;
      feedback.textContent = '';
      Array.prototype.forEach.call(fs.querySelectorAll('input'), function (input) {
        input.disabled = false;
        input.checked = false;
      });
    });
    if (this.status) this.status.textContent = '';
    if (this.checkButton) this.checkButton.hidden = false;
    if (this.retryButton) this.retryButton.hidden = true;
    this.trigger('resize');
  };

  // H5P's question contract, so the content also works inside other H5P content.
  MaisterniaQuiz.prototype.getScore = function () {
    return this.score;
  };
  MaisterniaQuiz.prototype.getMaxScore = function () {
    return this.questions.length;
  };
  MaisterniaQuiz.prototype.getAnswerGiven = function () {
    return this.answered;
  };
  MaisterniaQuiz.prototype.showSolutions = function () {};
  MaisterniaQuiz.prototype.getTitle = function () {
    return this.params.title || 'Maisternia Quiz';
  };

  return MaisterniaQuiz;
})(H5P.jQuery, H5P.EventDispatcher);
