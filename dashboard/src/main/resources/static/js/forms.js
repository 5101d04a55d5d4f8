/*
 * What was typed in a form survives a session that expired while it was being filled in: each
 * form sent by POST keeps its fields in sessionStorage (this tab only) as it is sent. When the
 * session had expired, the server sends to sign-in and, once signed in, back to the form's page
 * with #kept in its address (docs/ERRORS.md): the fields are filled in again there. Any other
 * visit of the page forgets them. Passwords, files and hidden fields (the CSRF token) are never kept.
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
  if (restoring) {
    history.replaceState(null, '', location.pathname + location.search);
  }
})();
