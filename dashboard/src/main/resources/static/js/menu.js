/* On a phone's width the menu hides behind its button (app.css); this opens and closes it. */
(function () {
  'use strict';
  var button = document.querySelector('.menu-button');
  if (!button) {
    return;
  }
  button.addEventListener('click', function () {
    var open = button.closest('header').classList.toggle('menu-open');
    button.setAttribute('aria-expanded', String(open));
  });
})();
