/*
 * What was typed in a form survives a session that expired while it was being filled in: each
 * form sent by POST keeps its fields in sessionStorage (this tab only) as it is sent. When the
 * session had expired, the server sends to sign-in and, once signed in, back to the form's page
 * with #kept in its address (docs/ERRORS.md): the fields are filled in again there. Any other
 * visit of the page forgets them. Passwords, files and hidden fields (the CSRF token) are never kept.
 *
 * A file field with data-max-bytes refuses a file over that size as soon as it is chosen, with the
 * server's own words (data-too-large): the form is not sent, rather than uploading megabytes to be refused.
 */
(function () {
  'use strict';
  var MARK = '#kept';

  function key(form, index) {
    return 'tadafor.form:' + location.pathname + ':' + index;
  }

  function kept(field) {
    return field.name && field.type !== 'password' && field.type !== 'file' && field.type !== 'hidden'
        && field.type !== 'submit' && field.type !== 'button';
  }

  var forms = Array.prototype.filter.call(document.forms, function (form) {
    return (form.getAttribute('method') || '').toLowerCase() === 'post' && !form.hasAttribute('data-forget');
  });
  var restoring = location.hash === MARK;

  forms.forEach(function (form, index) {
    var stored = sessionStorage.getItem(key(form, index));
    if (stored && restoring) {
      var values = JSON.parse(stored);
      Array.prototype.forEach.call(form.elements, function (field) {
        if (!kept(field) || !Object.prototype.hasOwnProperty.call(values, field.name)) {
          return;
        }
        if (field.type === 'checkbox' || field.type === 'radio') {
          field.checked = values[field.name].indexOf(field.value) >= 0;
        } else {
          field.value = values[field.name][0];
        }
      });
    }
    sessionStorage.removeItem(key(form, index));
    form.addEventListener('submit', function () {
      var values = {};
      Array.prototype.forEach.call(form.elements, function (field) {
        if (!kept(field) || (field.type === 'checkbox' || field.type === 'radio') && !field.checked) {
          return;
        }
        (values[field.name] = values[field.name] || []).push(field.value);
      });
      sessionStorage.setItem(key(form, index), JSON.stringify(values));
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('input[type=file][data-max-bytes]'), function (field) {
    field.addEventListener('change', function () {
      var limit = Number(field.getAttribute('data-max-bytes'));
      var tooLarge = Array.prototype.some.call(field.files, function (file) {
        return file.size > limit;
      });
      field.setCustomValidity(tooLarge ? field.getAttribute('data-too-large') : '');
      if (tooLarge) {
        field.reportValidity();
      }
    });
  });
  if (restoring) {
    history.replaceState(null, '', location.pathname + location.search);
  }
})();
