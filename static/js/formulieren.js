/*
 * Submit buttons switch off after the first click, so a double click sends a form
 * once. Progressive enhancement only: the server keeps a form from being saved
 * twice anyway (one-time token, core/inzending.py).
 *
 * - Only normal POST forms: GET forms (filters) and forms that htmx or other code
 *   handles (the submit event was cancelled) are left alone; `data-geen-bezig` on a
 *   form opts out.
 * - The buttons are disabled on the next tick, after the browser has built the form
 *   data: a disabled button's name/value would not be sent (forms with several
 *   buttons such as the advice checklist's "Bekijk het voorstel" / "Advies
 *   vastleggen"). A second submit before that is stopped by the `bezig` flag.
 * - The clicked button says "Bezig met opslaan…" (or its `data-bezig` text).
 * - Back button (page restored from the cache) or a navigation that never came
 *   (stopped, or a download): the buttons work again.
 */
(function () {
  "use strict";

  var HERSTEL_NA_MS = 15000;

  function knoppen(form) {
    return form.querySelectorAll('button[type="submit"], button:not([type]), input[type="submit"]');
  }

  function herstel(form) {
    delete form.dataset.bezig;
    knoppen(form).forEach(function (knop) {
      if (!knop.hasAttribute("data-bezig-aan")) {
        return;
      }
      knop.disabled = false;
      knop.removeAttribute("aria-disabled");
      knop.removeAttribute("data-bezig-aan");
      if (knop.dataset.tekstVoorBezig !== undefined) {
        if (knop.tagName === "INPUT") {
          knop.value = knop.dataset.tekstVoorBezig;
        } else {
          knop.textContent = knop.dataset.tekstVoorBezig;
        }
        delete knop.dataset.tekstVoorBezig;
      }
    });
  }

  function zetUit(form, submitter) {
    knoppen(form).forEach(function (knop) {
      if (knop.disabled) {
        return;
      }
      knop.setAttribute("data-bezig-aan", "");
      knop.disabled = true;
      knop.setAttribute("aria-disabled", "true");
    });
    if (submitter && submitter.hasAttribute("data-bezig-aan")) {
      var tekst = submitter.dataset.bezig || "Bezig met opslaan…";
      if (submitter.tagName === "INPUT") {
        submitter.dataset.tekstVoorBezig = submitter.value;
        submitter.value = tekst;
      } else {
        submitter.dataset.tekstVoorBezig = submitter.textContent;
        submitter.textContent = tekst;
      }
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || (form.getAttribute("method") || "").toLowerCase() !== "post") {
      return;
    }
    if (form.hasAttribute("data-geen-bezig")) {
      return;
    }
    if (form.dataset.bezig) {
      event.preventDefault(); // already on its way
      return;
    }
    if (event.defaultPrevented) {
      return; // htmx or other code sends this form itself
    }
    form.dataset.bezig = "1";
    var submitter = event.submitter || null;
    window.setTimeout(function () {
      zetUit(form, submitter);
    }, 0);
    window.setTimeout(function () {
      herstel(form);
    }, HERSTEL_NA_MS);
  });

  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-bezig]").forEach(herstel);
  });
})();
