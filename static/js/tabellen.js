/*
 * A table wider than the screen scrolls inside its `.table-responsive` box. So that
 * keyboard users can scroll it too (WCAG 2.1.1), such a box gets a tab stop and a
 * name (the table's caption) while it scrolls; the attributes go again when the
 * screen is wide enough. Progressive enhancement: without script the box scrolls
 * with a mouse or a finger.
 */
(function () {
  "use strict";

  function bijwerken() {
    document.querySelectorAll(".table-responsive").forEach(function (doos) {
      var scrollt = doos.scrollWidth > doos.clientWidth + 1;
      if (scrollt && !doos.hasAttribute("tabindex")) {
        var caption = doos.querySelector("caption");
        doos.setAttribute("tabindex", "0");
        doos.setAttribute("role", "region");
        doos.setAttribute("aria-label", (caption ? caption.textContent.trim() : "Tabel") + " (schuift opzij)");
        doos.dataset.scrollDoos = "";
      } else if (!scrollt && doos.hasAttribute("data-scroll-doos")) {
        ["tabindex", "role", "aria-label", "data-scroll-doos"].forEach(function (a) {
          doos.removeAttribute(a);
        });
      }
    });
  }

  var wacht;
  function straks() {
    clearTimeout(wacht);
    wacht = setTimeout(bijwerken, 100);
  }

  document.addEventListener("DOMContentLoaded", bijwerken);
  window.addEventListener("resize", straks);
  document.addEventListener("htmx:afterSettle", straks);
})();
