// Copy buttons of the citation blocks. A same-origin file (the pages' CSP allows script-src 'self' and no inline
// script); without it the buttons stay hidden and the text in <details> can be selected by hand. No network.
(function () {
  'use strict';
  function copy(text, button) {
    var done = function () {
      var label = button.textContent;
      button.textContent = 'Copied';
      setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text) && done(); });
    } else if (fallback(text)) {
      done();
    }
  }
  function fallback(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }
  var buttons = document.querySelectorAll('button.copy[data-copy]');
  for (var i = 0; i < buttons.length; i++) {
    (function (button) {
      var target = document.getElementById(button.getAttribute('data-copy'));
      if (!target) { return; }
      button.hidden = false;
      button.addEventListener('click', function () { copy(target.textContent, button); });
    })(buttons[i]);
  }
})();
