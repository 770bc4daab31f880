// The step page (/steps/{id}): a field the Camunda Form shows only for one choice (the reason of a return) follows
// that choice; a refused submission brings its errors into view and focus. Without script every field shows and the
// server ignores those the choice hides.
(function () {
  'use strict';
  var form = document.getElementById('step-form');
  if (form) {
    var follow = function () {
      form.querySelectorAll('.field[data-when-key]').forEach(function (field) {
        var chosen = form.querySelector('[name="' + field.dataset.whenKey + '"]:checked')
          || form.querySelector('select[name="' + field.dataset.whenKey + '"]');
        field.hidden = !chosen || chosen.value !== field.dataset.whenValue;
      });
    };
    form.addEventListener('change', follow);
    follow();
  }
  var summary = document.getElementById('error-summary');
  if (summary) {
    var first = document.querySelector('[autofocus]');
    if (first && !first.closest('[hidden]')) {
      first.scrollIntoView({ block: 'center' });
      first.focus();
    } else {
      summary.scrollIntoView({ block: 'start' });
      summary.focus();
    }
  }
})();
