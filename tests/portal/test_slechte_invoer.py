"""Bad input never gives a 500: every form, filter and URL of the portal, per role.

The demo data (seed_demo) is loaded once for the module. Per demo login the test walks
the pages that login reaches from the home page (one page per route) and then:

- posts every choice, number, date and text field of every POST form with values
  the HTML does not offer: an id beyond the database's range, a choice that does not
  exist and a malformed value. The answer is the form again with a Dutch error next
  to that field (or, for an action form on a detail page, a redirect with an error
  message), and nothing in the database changed;
- sends the same values in every field of every GET form (the filters on list pages
  and dashboards), plus ?q=, ?page= and ?export= on those pages: never a 500, and a
  filter field that is in the page's form is refused or ignored, never used;
- asks every URL with a number in its path with a number beyond the database's range:
  a 404 (or the role's 403), never a 500.

Each form is checked once, by the first login whose walk reaches it; all problems
of one login are collected and reported together. The module also runs
on SQLite (scripts/test-stack.sh runs it a second time), where an out-of-range id
raised OverflowError.
"""

import hashlib
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from unittest import mock
from urllib.parse import urlencode, urlsplit

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, Max
from django.forms import BaseForm
from django.forms.formsets import BaseFormSet
from django.template.context import Context
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.converters import IntConverter
from django.urls.exceptions import Resolver404
from django.utils.html import escape

import pytest
from webtest.forms import Checkbox, File, Hidden, MultipleSelect, Radio, Select, Submit

from organisaties.models import Medewerker
from tests.formulieren import LOGOUT, invullen

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("weinig_contexten")]

# One login per role (seed_demo's second consulent sees the same forms as the first).
DEMO_LOGINS = ["jessica", "opleider", "mbo", "coordinator", "beheer"]

GROOT = "99999999999999999999"  # beyond every integer column (2**63 - 1 included)
NET_TE_GROOT = str(2**63)  # just beyond a 64-bit key
BESTAAT_NIET = "987654321"
SLECHT = {
    "keuze": [GROOT, BESTAAT_NIET, "1x", NET_TE_GROOT],
    "getal": [GROOT, "1x", "-" + GROOT],
    "datum": ["2025-02-30", "1x", "99999-12-31"],
    "tekst": ["a\x00b"],
}
QUERY_PARAMETERS = {
    "q": ["a\x00b", "%", "x" * 5000],
    "page": [GROOT, "-1", "1x"],
    "export": [GROOT, "1x"],
}
# Django's own messages in English: a form that shows one of these is not Dutch.
ENGELS = ["Select a valid choice", "Enter a ", "This field", "Ensure this value"]
# Pages the walk does not follow: the admin has its own forms, logout ends the walk.
NIET_VOLGEN = ("/beheer/", "/media/", "/static/", LOGOUT)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo data for the whole module, rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        # The agreements' PDFs are not what this test reads: skip the rendering.
        with mock.patch("weasyprint.HTML.write_pdf", return_value=b"%PDF-1.4\n"):
            call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def ingelogd(demo, app, request):
    gebruiker = Medewerker.objects.get(username=request.param)
    app.set_user(gebruiker)
    return app, gebruiker


# --- the walk --------------------------------------------------------------------


def _route(pad: str) -> str | None:
    try:
        return resolve(pad).route
    except Resolver404:
        return None


def _routes(resolver=None, voorvoegsel="") -> Iterator[tuple[str, URLPattern]]:
    """(route, pattern) of every URL of the portal outside the admin."""
    resolver = resolver or get_resolver()
    for patroon in resolver.url_patterns:
        route = voorvoegsel + str(patroon.pattern)
        if ("/" + route).startswith(NIET_VOLGEN):
            continue
        if isinstance(patroon, URLResolver):
            yield from _routes(patroon, route)
        else:
            yield route, patroon


def _pagina_s(app) -> Iterator[tuple[str, object]]:
    """(path, response) of the HTML pages the login opens: from the home page and
    every URL without a parameter, along the links on those pages. A route with
    forms (say a traject's page, whose actions depend on its status) is opened for
    other objects until four in a row show no form not seen before; a route without
    forms once."""
    bezocht: set[str] = set()
    droog: dict[str, int] = {}
    grens: dict[str, int] = {}
    vormen: set = set()
    wachtrij = [reverse("home")] + [
        "/" + route for route, p in _routes() if not p.pattern.converters
    ]
    while wachtrij:
        pad = wachtrij.pop(0)
        route = _route(pad)
        if route is None or pad in bezocht or pad.startswith(NIET_VOLGEN):
            continue
        if droog.get(route, 0) >= grens.get(route, 1):
            continue
        bezocht.add(pad)
        response = app.get(pad, expect_errors=True)
        assert response.status_int < 500, f"GET {pad}: {response.status}"
        if response.status_int != 200:
            droog[route] = droog.get(route, 0) + 1
            continue
        if response.content_type != "text/html":
            droog[route] = grens[route] = 0  # a download: once is enough
            continue
        vormen_hier = {
            (route, f.method, urlsplit(f.action).path, tuple(filter(None, f.fields)))
            for k, f in response.forms.items()
            if isinstance(k, int) and f.action != LOGOUT
        }
        if any(v[1].upper() == "POST" for v in vormen_hier):
            grens[route] = 4
        nieuw = vormen_hier - vormen
        vormen |= nieuw
        droog[route] = 0 if nieuw else droog.get(route, 0) + 1
        yield pad, response
        for link in response.html.find_all("a", href=True):
            delen = urlsplit(link["href"])
            if not delen.netloc and delen.path.startswith("/"):
                wachtrij.append(delen.path)


def _formulieren(response) -> list[BaseForm]:
    """The Django forms in the response's context, also those of a filter and of the
    panels other apps add to a page (a list of (template, context) pairs)."""
    context = response.context
    if context is None:
        return []
    # The forms of the first template that has any: the page's own template (or a
    # fragment it renders first); the templates it includes (a crispy field each)
    # only repeat them, and reading all of those costs minutes.
    contexten = context if isinstance(context, list) else [context]
    gevonden: list[BaseForm] = []

    def zoeken(waarde, diepte: int) -> None:
        if isinstance(waarde, BaseFormSet):
            gevonden.extend(waarde.forms)
        elif isinstance(waarde, BaseForm):
            gevonden.append(waarde)
        elif isinstance(getattr(waarde, "form", None), BaseForm):
            gevonden.append(waarde.form)  # a django-filter FilterSet
        elif diepte and isinstance(waarde, dict):
            for w in waarde.values():
                zoeken(w, diepte - 1)
        elif diepte and isinstance(waarde, list | tuple):
            for w in waarde:
                zoeken(w, diepte - 1)

    for c in contexten:
        zoeken(c.flatten() if isinstance(c, Context) else dict(c), 4)
        if gevonden:
            break
    return gevonden


def _veld(formulieren: list[BaseForm], naam: str, gebonden: bool):
    """The (form, field name) that renders the HTML field `naam`, if any."""
    for form in formulieren:
        if form.is_bound != gebonden:
            continue
        for veldnaam in form.fields:
            if form.add_prefix(veldnaam) == naam:
                return form, veldnaam
    return None


def _soort(velden) -> str | None:
    """Which bad values fit this HTML field (None: leave it alone)."""
    veld = velden[0]
    if isinstance(veld, File | Submit):
        return None
    if isinstance(veld, Select | MultipleSelect | Radio):
        return "keuze"
    if isinstance(veld, Checkbox):
        # A single checkbox is a yes/no; a group of them is a multiple choice.
        return "keuze" if len(velden) > 1 else None
    soort = (veld.attrs.get("type") or "text").lower()
    if soort == "number" or (isinstance(veld, Hidden) and veld.value.isdigit()):
        return "getal"
    if isinstance(veld, Hidden):
        return None
    if soort == "date":
        return "datum"
    return "tekst"


def _zetten(form, naam: str, waarde: str) -> None:
    velden = form.fields[naam]
    if isinstance(velden[0], Checkbox):
        for veld in velden:
            veld.checked = False
        velden[0].force_value(waarde)
        velden[0].checked = True
    elif isinstance(velden[0], MultipleSelect):
        velden[0].force_value([waarde])
    else:
        invullen(form, **{naam: waarde})


def _kopie(form):
    """A fresh copy of a form as the page rendered it."""
    return type(form)(form.response, form.text)


# --- "nothing changed" -------------------------------------------------------------


def _eigen_apps() -> set[str]:
    """The portal's own apps: those whose code lives in this checkout, not in the venv."""
    return {
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(settings.BASE_DIR)
        and ".venv" not in Path(config.path).parts
    }


def _stand() -> str:
    """A fingerprint of the portal's own tables: per table the number of rows, the
    highest id and the latest change (`updated_at`); a table without that column is
    fingerprinted row by row. Cheap enough to take before and after every submit."""
    h = hashlib.sha256()
    eigen = _eigen_apps()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label not in eigen:
            continue
        h.update(model._meta.label.encode())
        velden = {f.name for f in model._meta.concrete_fields}
        if "updated_at" in velden:
            stand = model.objects.aggregate(
                n=Count("pk"), hoogste=Max("pk"), laatst=Max("updated_at")
            )
        else:
            stand = list(model.objects.order_by("pk").values_list())
        h.update(repr(stand).encode())
    return h.hexdigest()


# --- the checks ----------------------------------------------------------------------


def _slechte_invullingen(form) -> Iterator[dict[str, str]]:
    """Per round one bad value in every field that takes one (a field with fewer bad
    values repeats its first); a round's errors are checked per field."""
    soorten = {
        naam: soort
        for naam, velden in form.fields.items()
        if naam not in (None, "csrfmiddlewaretoken")
        and (soort := _soort(velden)) is not None
    }
    rondes = max((len(SLECHT[s]) for s in soorten.values()), default=0)
    for i in range(rondes):
        yield {
            naam: SLECHT[soort][i] if i < len(SLECHT[soort]) else SLECHT[soort][0]
            for naam, soort in soorten.items()
        }


def _veldfout(response, naam: str, verborgen: bool) -> str | None:
    """What is wrong with the answer to a bad value in field `naam` (None: fine)."""
    gevonden = _veld(_formulieren(response), naam, gebonden=True)
    if gevonden is None:
        return "200 without the form"
    form, veldnaam = gevonden
    fouten = list(form.errors.get(veldnaam, []))
    if verborgen:
        # A hidden field shows no error of its own: the form says it at the top.
        fouten = list(form.non_field_errors()) if fouten else fouten
    if not fouten:
        return "accepted (no error on the field)"
    if not all(escape(f) in response.text for f in fouten):
        return f"error not on the page: {fouten}"
    if any(e in f for f in fouten for e in ENGELS):
        return f"error not in Dutch: {fouten}"
    return None


def _versturen(app, form, waarden: dict, bekend: set, problemen: list[str]) -> None:
    """Submit one round of bad values; add what went wrong to `problemen`."""
    wat = f"{form.action or form.response.request.path} " + " ".join(
        f"{n}={w[:24]!r}" for n, w in waarden.items()
    )
    kopie = _kopie(form)
    for naam, waarde in waarden.items():
        _zetten(kopie, naam, waarde)
    voor = _stand()
    try:
        response = kopie.submit(expect_errors=True)
    except Exception as exc:  # the test reports every 500 it finds
        problemen.append(f"{wat}: 500 ({type(exc).__name__}: {exc})")
        return
    if response.status_int >= 500:
        problemen.append(f"{wat}: {response.status}")
        return
    if not bekend:
        return  # no field of a Django form: the action may go on, as long as no 500
    if _stand() != voor:
        problemen.append(f"{wat}: saved ({response.status})")
    elif response.status_int == 200:
        for naam in waarden.keys() & bekend:
            verborgen = isinstance(kopie.fields[naam][0], Hidden)
            if fout := _veldfout(response, naam, verborgen):
                problemen.append(f"{wat}: {naam}: {fout}")
    elif response.status_int in (301, 302, 303):
        vervolg = response.follow(expect_errors=True)
        if "alert-danger" not in vervolg.text:
            problemen.append(f"{wat}: redirect without an error message")
    else:
        problemen.append(f"{wat}: {response.status}")


def _post_formulier(app, pad, pagina, form, problemen: list[str]) -> None:
    """Every round of bad values in one POST form of a page."""
    formulieren = _formulieren(pagina)
    # The fields a Django form on the page renders; others (a page number to go
    # back to) only must not give a 500.
    bekend = {
        naam
        for naam in form.fields
        if naam and _veld(formulieren, naam, gebonden=False)
    }
    for waarden in _slechte_invullingen(form):
        _versturen(app, form, waarden, bekend, problemen)


def _filter_genegeerd_of_geweigerd(response, waarden: dict) -> list[str]:
    """The filter fields that took a bad value (an ignored value is fine too)."""
    formulieren = _formulieren(response)
    namen = []
    for naam in waarden:
        gevonden = _veld(formulieren, naam, gebonden=True)
        if gevonden is None:
            continue
        form, veldnaam = gevonden
        genegeerd = form.cleaned_data.get(veldnaam) in (None, "", [], ())
        if not form.errors.get(veldnaam) and not genegeerd:
            namen.append(naam)
    return namen


def _get_verzoek(app, pad, waarden: dict, filterveld: bool, problemen: list[str]):
    """One GET with bad values in the query string."""
    wat = f"GET {pad}?" + " ".join(f"{n}={w[:24]!r}" for n, w in waarden.items())
    try:
        response = app.get(f"{pad}?{urlencode(waarden)}", expect_errors=True)
    except Exception as exc:  # the test reports every 500 it finds
        problemen.append(f"{wat}: 500 ({type(exc).__name__}: {exc})")
        return
    if response.status_int >= 500:
        problemen.append(f"{wat}: {response.status}")
    elif "page" in waarden and response.status_int == 404:
        pass  # Django's answer to a page that does not exist (in Dutch)
    elif response.status_int != 200:
        problemen.append(f"{wat}: {response.status}")
    elif filterveld:
        problemen.extend(
            f"{wat}: {naam}: the filter took the value"
            for naam in _filter_genegeerd_of_geweigerd(response, waarden)
        )


@pytest.fixture(scope="module")
def gedaan() -> set:
    """The forms already checked: each once, by the first login whose walk reaches
    it (the logins share most forms; a form only one role has is checked then)."""
    return set()


@pytest.mark.parametrize("ingelogd", DEMO_LOGINS, indirect=True)
def test_every_form_and_filter_refuses_bad_values(ingelogd, gedaan):
    app, _gebruiker = ingelogd
    problemen: list[str] = []
    for pad, pagina in _pagina_s(app):
        for sleutel, form in pagina.forms.items():
            if not isinstance(sleutel, int):
                continue
            actie = urlsplit(form.action).path or pad
            if actie == LOGOUT or actie.startswith(NIET_VOLGEN):
                continue
            soort = (
                form.method.upper(),
                _route(actie),
                tuple(filter(None, form.fields)),
            )
            if soort in gedaan:
                continue
            gedaan.add(soort)
            if soort[0] == "POST":
                _post_formulier(app, pad, pagina, form, problemen)
                continue
            for waarden in _slechte_invullingen(form):
                _get_verzoek(app, actie, waarden, True, problemen)
            if ("GET", _route(actie)) not in gedaan:
                # ?q=, ?page= and ?export= on the pages with a filter or search.
                gedaan.add(("GET", _route(actie)))
                for naam, waarden in QUERY_PARAMETERS.items():
                    for w in waarden:
                        _get_verzoek(app, actie, {naam: w}, False, problemen)
    assert gedaan
    assert not problemen, "\n".join(problemen)


def _routes_met_getal() -> Iterator[str]:
    """Every URL with a number in its path, filled with an id out of range."""
    for route, patroon in _routes():
        converters = patroon.pattern.converters
        if any(isinstance(c, IntConverter) for c in converters.values()):
            pad = route
            for naam in converters:
                pad = pad.replace(f"<int:{naam}>", GROOT)
            yield "/" + pad


def test_an_id_beyond_the_database_range_in_the_path_gives_a_404(demo, app):
    paden = list(_routes_met_getal())
    assert paden
    problemen: list[str] = []
    for login in DEMO_LOGINS:
        gebruiker = Medewerker.objects.get(username=login)
        app.set_user(gebruiker)
        thuis = app.get(reverse("home"))
        token = next(
            f["csrfmiddlewaretoken"].value
            for k, f in thuis.forms.items()
            if isinstance(k, int) and f.action == LOGOUT
        )
        for pad in paden:
            view = getattr(resolve(pad).func, "view_class", None)
            methoden = ["GET", "POST"] if hasattr(view, "post") else ["GET"]
            for methode in methoden:
                try:
                    if methode == "GET":
                        response = app.get(pad, expect_errors=True)
                    else:
                        response = app.post(
                            pad, {"csrfmiddlewaretoken": token}, expect_errors=True
                        )
                except Exception as exc:  # the test reports every 500 it finds
                    problemen.append(
                        f"{login}: {methode} {pad}: 500 ({type(exc).__name__}: {exc})"
                    )
                    continue
                if response.status_int not in (403, 404, 405):
                    problemen.append(f"{login}: {methode} {pad}: {response.status}")
    assert not problemen, "\n".join(problemen)
