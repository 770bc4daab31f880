// Checks chosen evidence files against the limits before they are sent, so a clerk on a slow line learns at once
// that a file is too large or of the wrong type. The server checks again; this only saves a wasted upload.
(function () {
  'use strict';
  var input = document.getElementById('files');
  var notice = document.getElementById('files-notice');
  if (!input || !notice) {
    return;
  }
  var maxBytes = parseInt(input.getAttribute('data-max-bytes'), 10);
  var maxTotal = parseInt(input.getAttribute('data-max-total'), 10);
  var allowed = (input.getAttribute('data-extensions') || '').split(',');
  input.addEventListener('change', function () {
    var problems = [];
    var total = 0;
    Array.prototype.forEach.call(input.files, function (file) {
      var dot = file.name.lastIndexOf('.');
      var extension = dot < 0 ? '' : file.name.substring(dot + 1).toLowerCase();
      total += file.size;
      if (file.size > maxBytes) {
        problems.push(input.getAttribute('data-too-large').replace('{0}', file.name));
      }
      if (allowed.indexOf(extension) < 0) {
        problems.push(input.getAttribute('data-wrong-type').replace('{0}', file.name));
      }
    });
    if (total > maxTotal) {
      problems.push(input.getAttribute('data-too-much'));
    }
    notice.textContent = problems.join(' ');
    notice.hidden = problems.length === 0;
    input.setCustomValidity(problems.length === 0 ? '' : problems.join(' '));
  });
}());
