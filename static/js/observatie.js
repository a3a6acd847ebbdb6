/*
 * The observation page on a phone (issue 14): what was tapped survives a dropped
 * connection, and the rest of a werkproces is filled in one tap. Progressive
 * enhancement only: without this script the page is a plain form that works.
 *
 * - Draft: every change is kept in localStorage, one key per traject and werkproces
 *   (`plpv-observatie:<user>:<traject>:<werkproces>`, plus `…:datum`), and put back
 *   when the page loads again; a notice says so and offers to wipe it.
 * - Cleared after a successful save: the page (and the progress page the save
 *   redirects to) carries `data-concept-basis`, the newest observation this user saved
 *   on the traject. A draft started on another basis has been saved since (also when
 *   the answer to the save never arrived) and is dropped. Drafts older than two days
 *   are dropped too: they hold notes about a person on a shared phone.
 * - One werkproces at a time (`<details name>`): opening the next one closes the one
 *   above it; the page scrolls so the opened one starts at the top.
 * - "De rest": per werkproces three buttons give every gedragsvoorbeeld that has no
 *   level yet the same level; what was already chosen stays.
 */
(function () {
  "use strict";

  var BEWAARTERMIJN_MS = 2 * 24 * 60 * 60 * 1000;

  var wortel = document.querySelector("[data-concept]");
  if (!wortel) {
    return;
  }
  var prefix = wortel.getAttribute("data-concept");
  var basis = wortel.getAttribute("data-concept-basis");

  var opslag = null;
  try {
    opslag = window.localStorage;
    opslag.getItem(prefix); // private mode may refuse
  } catch (e) {
    opslag = null;
  }

  function lees(sleutel) {
    try {
      return JSON.parse(opslag.getItem(sleutel));
    } catch (e) {
      return null;
    }
  }

  function eigenSleutels() {
    var uit = [];
    for (var i = 0; i < opslag.length; i++) {
      var sleutel = opslag.key(i);
      if (sleutel && sleutel.indexOf(prefix) === 0) {
        uit.push(sleutel);
      }
    }
    return uit;
  }

  function opruimen() {
    eigenSleutels().forEach(function (sleutel) {
      var concept = lees(sleutel);
      if (!concept || concept.basis !== basis || Date.now() - concept.tijd > BEWAARTERMIJN_MS) {
        opslag.removeItem(sleutel);
      }
    });
  }

  if (opslag) {
    opruimen();
  }
  var form = wortel.querySelector("form");
  if (!form) {
    return; // the progress page only clears
  }

  function werkprocessen() {
    return Array.prototype.slice.call(form.querySelectorAll("details[data-werkproces]"));
  }

  function teller(wp) {
    var vragen = wp.querySelectorAll("fieldset.observatie-vraag");
    var gekozen = wp.querySelectorAll("fieldset.observatie-vraag input[type=radio]:checked").length;
    var plek = wp.querySelector("[data-teller]");
    if (plek && vragen.length) {
      plek.textContent = gekozen + " van " + vragen.length + " ingevuld";
    }
  }

  function bewaar(wp) {
    if (!opslag) {
      return;
    }
    var velden = {};
    wp.querySelectorAll("input[type=radio]:checked").forEach(function (r) {
      velden[r.name] = r.value;
    });
    wp.querySelectorAll("input[type=text]").forEach(function (t) {
      if (t.value) {
        velden[t.name] = t.value;
      }
    });
    var sleutel = prefix + wp.getAttribute("data-werkproces");
    try {
      if (Object.keys(velden).length) {
        opslag.setItem(sleutel, JSON.stringify({ basis: basis, tijd: Date.now(), velden: velden }));
      } else {
        opslag.removeItem(sleutel);
      }
    } catch (e) {
      // storage full or refused: the form itself still works
    }
  }

  function bewaarDatum(veld) {
    if (!opslag) {
      return;
    }
    try {
      opslag.setItem(prefix + "datum", JSON.stringify({ basis: basis, tijd: Date.now(), velden: { datum: veld.value } }));
    } catch (e) {
      // see bewaar()
    }
  }

  function terugzetten(velden) {
    var gevonden = false;
    Object.keys(velden).forEach(function (naam) {
      var waarde = String(velden[naam]);
      form.querySelectorAll('input[name="' + naam.replace(/"/g, "") + '"]').forEach(function (veld) {
        if (veld.type === "radio") {
          if (veld.value === waarde && !veld.checked) {
            veld.checked = true;
            gevonden = true;
          }
        } else if (veld.value !== waarde) {
          veld.value = waarde;
          gevonden = true;
          var notitie = veld.closest("details.observatie-notitie");
          if (notitie) {
            notitie.open = true;
          }
        }
      });
    });
    return gevonden;
  }

  var melding = document.querySelector("[data-concept-melding]");
  var teruggezet = false;
  if (opslag) {
    var datum = lees(prefix + "datum");
    if (datum && datum.velden) {
      teruggezet = terugzetten(datum.velden) || teruggezet;
    }
    werkprocessen().forEach(function (wp) {
      var concept = lees(prefix + wp.getAttribute("data-werkproces"));
      if (concept && concept.velden && terugzetten(concept.velden)) {
        teruggezet = true;
      }
    });
  }
  if (teruggezet && melding) {
    melding.hidden = false;
  }

  werkprocessen().forEach(function (wp) {
    teller(wp);
    // Opening a werkproces closes the one above it: keep the opened one's top in view.
    wp.addEventListener("toggle", function () {
      if (wp.open && wp.getBoundingClientRect().top < 0) {
        wp.scrollIntoView({ block: "start" });
      }
    });
    var snel = wp.querySelector("[data-snel]");
    if (snel) {
      snel.hidden = false;
    }
  });

  form.addEventListener("change", function (event) {
    var wp = event.target.closest("details[data-werkproces]");
    if (wp) {
      teller(wp);
      bewaar(wp);
    } else if (event.target.name === "datum") {
      bewaarDatum(event.target);
    }
  });
  form.addEventListener("input", function (event) {
    var wp = event.target.closest("details[data-werkproces]");
    if (wp && event.target.type === "text") {
      bewaar(wp);
    }
  });

  form.addEventListener("click", function (event) {
    var knop = event.target.closest("[data-niveau]");
    if (!knop) {
      return;
    }
    var wp = knop.closest("details[data-werkproces]");
    var niveau = knop.getAttribute("data-niveau");
    wp.querySelectorAll("fieldset.observatie-vraag").forEach(function (vraag) {
      if (vraag.querySelector("input[type=radio]:checked")) {
        return; // what was chosen stays
      }
      var keuze = vraag.querySelector('input[type=radio][value="' + niveau + '"]');
      if (keuze) {
        keuze.checked = true;
      }
    });
    teller(wp);
    bewaar(wp);
  });

  var wissen = document.querySelector("[data-concept-wissen]");
  if (wissen) {
    wissen.addEventListener("click", function () {
      if (opslag) {
        eigenSleutels().forEach(function (sleutel) {
          opslag.removeItem(sleutel);
        });
      }
      form.reset();
      werkprocessen().forEach(teller);
      if (melding) {
        melding.hidden = true;
      }
      var eerste = form.querySelector("input, button");
      if (eerste) {
        eerste.focus();
      }
    });
  }
})();
