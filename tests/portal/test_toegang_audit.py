"""Every page that shows one candidate's personal data writes an 'access' entry.

The audit trail must answer "who looked at this person's data". Below, every URL
pattern about candidates or trajecten is classified: AUDITED pages render personal
data of one candidate and are opened (GET) here as an allowed user, after which an
access entry must exist for that candidate (on the Kandidaat itself, or on the
traject, advies, agreement or verklaring of that candidate that the page is about).
NIET_GEAUDIT pages are listed with the reason they need no entry. A new URL pattern
whose route, name or view mentions a candidate or a traject fails
test_every_candidate_url_is_classified until it is put in one of the two.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db.models import Q
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import pytest
from auditlog.models import LogEntry

from organisaties.constants import Rol
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol
from tests.factories.trajecten import TrajectFactory
from tests.factories.uitkomsten import VervolgmetingFactory
from tests.factories.verklaringen import (
    OntwikkeldoelFactory,
    mbo_van,
    traject_met_opleider,
)
from tests.trajecten.test_advies import antwoorden
from tests.trajecten.test_traject import gestart, tekenen
from trajecten.constants import PdfStatus
from trajecten.models import Advies, OvereenkomstVersie, Traject
from trajecten.services import advies_vastleggen, overeenkomsten_genereren
from verklaringen.models import Praktijkverklaring

pytestmark = pytest.mark.django_db


# --- what each audited page needs: (user, url, kandidaat) ---


def _kandidaat(naam):
    def maak(consulent):
        k = KandidaatFactory(consulent=consulent)
        return consulent, reverse(naam, args=[k.pk]), k

    return maak


def _traject(naam, **traject_kwargs):
    def maak(consulent):
        t = TrajectFactory(kandidaat__consulent=consulent, **traject_kwargs)
        return consulent, reverse(naam, args=[t.pk]), t.kandidaat

    return maak


def _beoordeling(naam):
    """Pages of the progress file: the traject's consulent may observe there."""

    def maak(_consulent):
        t, _opleider = traject_met_opleider()
        return t.consulent, reverse(naam, args=[t.pk]), t.kandidaat

    return maak


def _versie(consulent):
    traject = gestart(consulent)
    overeenkomsten_genereren(traject=traject, door=consulent)  # no PDF task run
    versie = OvereenkomstVersie.objects.filter(overeenkomst__traject=traject).first()
    versie.pdf.save("overeenkomst.pdf", ContentFile(b"%PDF-1.4 proef"))
    versie.pdf_status = PdfStatus.KLAAR
    versie.save(update_fields=["pdf", "pdf_status"])
    return versie


def _overeenkomst_pdf(consulent):
    versie = _versie(consulent)
    url = reverse("trajecten:overeenkomst_pdf", args=[versie.pk])
    return consulent, url, versie.overeenkomst.traject.kandidaat


def _ondertekenen(consulent):
    versie = _versie(consulent)
    url = reverse("trajecten:ondertekenen", args=[versie.pk])
    return consulent, url, versie.overeenkomst.traject.kandidaat


def _ondertekening_bestand(consulent):
    versie = _versie(consulent)
    ondertekening = tekenen(versie, versie.overeenkomst.partijen[0], consulent)
    url = reverse("trajecten:ondertekening_bestand", args=[ondertekening.pk])
    return consulent, url, versie.overeenkomst.traject.kandidaat


def _advies_detail(consulent):
    mbo = medewerker_met_rol(
        Rol.MBO_MEDEWERKER, organisatie=OrganisatieFactory(mbo=True)
    )
    k = KandidaatFactory(consulent=consulent)
    advies = advies_vastleggen(
        kandidaat=k,
        door=consulent,
        mbo_medewerker=mbo,
        antwoorden=antwoorden(),
        besluit="praktijkverklaring",
        motivatie="Past.",
    )
    return consulent, advies.get_absolute_url(), k


def _verklaring(naam):
    def maak(_consulent):
        from tests.verklaringen.test_verklaring_views import uitgereikt

        v, _opleider, mbo = uitgereikt()
        v.pdf.save("verklaring.pdf", ContentFile(b"%PDF-1.4 proef"))
        return mbo, reverse(naam, args=[v.pk]), v.traject.kandidaat

    return maak


def _mbo_verklaring_uitreiken(_consulent):
    t, _opleider = traject_met_opleider()
    url = reverse("verklaringen:mbo_verklaring_uitreiken", args=[t.pk])
    return mbo_van(t), url, t.kandidaat


def _ontwikkeldoel_update(_consulent):
    t, _opleider = traject_met_opleider()
    doel = OntwikkeldoelFactory(traject=t)
    url = reverse("verklaringen:ontwikkeldoel_update", args=[t.pk, doel.pk])
    return t.consulent, url, t.kandidaat


def _vervolgmeting(consulent):
    meting = VervolgmetingFactory(te_laat=True, traject__kandidaat__consulent=consulent)
    url = reverse("uitkomsten:vervolgmeting_vastleggen", args=[meting.pk])
    return consulent, url, meting.traject.kandidaat


def _voortgang(soort):
    def maak(consulent):
        from tests.factories.voortgang import (
            VoortgangsgesprekFactory,
            lopende_plaatsing,
        )
        from voortgang.weken import maandag

        plaatsing = lopende_plaatsing(consulent=consulent)
        t, opleider = plaatsing.traject, plaatsing.praktijkopleider.account
        if soort == "plaatsing":
            return (
                consulent,
                reverse("voortgang:plaatsing", args=[plaatsing.pk]),
                t.kandidaat,
            )
        if soort == "week":
            week = maandag(plaatsing.startdatum).isoformat()
            url = reverse("voortgang:week", args=[plaatsing.pk, week])
            return opleider, url, t.kandidaat
        if soort == "gesprek":
            gesprek = VoortgangsgesprekFactory(traject=t)
            return consulent, gesprek.get_absolute_url(), t.kandidaat
        return consulent, reverse(f"voortgang:{soort}", args=[t.pk]), t.kandidaat

    return maak


# Pages that show one candidate's personal data: opening one is an access entry.
AUDITED = {
    # The API: a candidate, the candidates (each row sent is recorded), a traject.
    "api:kandidaat": _kandidaat("api:kandidaat"),
    "api:kandidaten": lambda consulent: (
        consulent,
        reverse("api:kandidaten"),
        KandidaatFactory(consulent=consulent),
    ),
    "api:traject": _traject("api:traject"),
    # The candidate's file: all personal data and contact moments.
    "kandidaten:kandidaat_detail": _kandidaat("kandidaten:kandidaat_detail"),
    # The edit form holds every personal field, filled in.
    "kandidaten:kandidaat_update": _kandidaat("kandidaten:kandidaat_update"),
    # The erasure request's confirmation names the candidate.
    "bewaartermijnen:anonimiseren": _kandidaat("bewaartermijnen:anonimiseren"),
    # The inzageverslag (PDF): everything the portal holds on the candidate.
    "inzageverslag": _kandidaat("inzageverslag"),
    # Names the candidate and shows the earlier contact moments.
    "kandidaten:contactmoment_create": _kandidaat("kandidaten:contactmoment_create"),
    # The Checklist inclusief advies: the candidate's situation, previous answers.
    "trajecten:advies_create": _kandidaat("trajecten:advies_create"),
    # A recorded advies with its answers about the candidate.
    "trajecten:advies_detail": _advies_detail,
    # Leerbedrijven for this candidate, from the candidate's wishes and advies.
    "trajecten:matching": _kandidaat("trajecten:matching"),
    # Start form: the candidate's name, advies and jobcoach.
    "trajecten:traject_start": _kandidaat("trajecten:traject_start"),
    # The traject page: candidate, placements, agreements, history.
    "trajecten:traject_detail": _traject("trajecten:traject_detail"),
    # Correction form: the traject's data of this candidate, filled in.
    "trajecten:traject_corrigeren": _traject("trajecten:traject_corrigeren"),
    # Sub-forms on the traject: they name the candidate.
    "trajecten:plaatsing_create": _traject("trajecten:plaatsing_create"),
    "trajecten:financiering_create": _traject("trajecten:financiering_create"),
    # Signing form of an agreement of this candidate.
    "trajecten:ondertekenen": _ondertekenen,
    # The agreement PDF and the signed copy: full personal data.
    "trajecten:overeenkomst_pdf": _overeenkomst_pdf,
    "trajecten:ondertekening_bestand": _ondertekening_bestand,
    # The praktijkverklaring and its PDF.
    "verklaringen:verklaring_detail": _verklaring("verklaringen:verklaring_detail"),
    "verklaringen:verklaring_pdf": _verklaring("verklaringen:verklaring_pdf"),
    # Progress file: observations, goals and assessment of the candidate.
    "verklaringen:voortgang": _beoordeling("verklaringen:voortgang"),
    "verklaringen:observatie": _beoordeling("verklaringen:observatie"),
    "verklaringen:ontwikkeldoel_update": _ontwikkeldoel_update,
    # Forms that name the candidate: another proof, the mbo-verklaring's parts.
    "verklaringen:bewijs_create": _beoordeling("verklaringen:bewijs_create"),
    "verklaringen:mbo_verklaring_uitreiken": _mbo_verklaring_uitreiken,
    # Outcome and follow-up forms: the candidate's work situation after the traject.
    "uitkomsten:uitkomst_vastleggen": _traject(
        "uitkomsten:uitkomst_vastleggen", afgesloten=True
    ),
    "uitkomsten:vervolgmeting_vastleggen": _vervolgmeting,
    # Attendance and progress meetings of the candidate.
    "voortgang:plaatsing": _voortgang("plaatsing"),
    "voortgang:week": _voortgang("week"),
    "voortgang:gesprek": _voortgang("gesprek"),
    "voortgang:gesprek_nieuw": _voortgang("gesprek_nieuw"),
    "voortgang:ritme": _voortgang("ritme"),
    # Giving the candidate access: the page names the candidate and their e-mail.
    "mijn_toegang:toegang": _kandidaat("mijn_toegang:toegang"),
}
# The candidate's own pages (/mijn/) have no staff actor: each records an access entry
# as the candidate (actor None, {"kandidaat": id}); tests/mijn/test_paginas.py.

# URL patterns about candidates or trajecten that need no access entry, and why.
NIET_GEAUDIT = {
    # The API: the list of trajecten names each candidate by id only.
    "api:trajecten": "names the candidate by id only; the candidate is read at api:kandidaat",
    "api:contactmomenten": "POST only",
    # Lists show names only; an export of a list is recorded per row (csv_audit).
    "kandidaten:kandidaat_list": "list; its export is audited per row",
    "trajecten:traject_list": "list; its export is audited per row",
    "verklaringen:verklaring_list": "list of names and numbers",
    "kandidaten:team": "counts per consulent, no candidate",
    # An empty form: no candidate yet.
    "kandidaten:kandidaat_create": "empty intake form",
    # The import shows back the file the user uploaded; writes are audited.
    "kandidaten:import_upload": "upload form, no data",
    "kandidaten:import_voorbeeld": "preview of the user's own upload",
    "kandidaten:import_bevestigen": "POST; the created candidates are audited",
    "kandidaten:import_sjabloon": "empty template",
    # POST-only steps: they change data (audited as changes) and redirect.
    "trajecten:traject_status": "POST only",
    "trajecten:overeenkomsten_genereren": "POST only",
    "verklaringen:verklaring_pdf_opnieuw": "POST only",
    "dossier:aanvragen": "POST only; the ZIP's download is audited (tests/dossier)",
    "verklaringen:verklaring_intrekken": "POST only",
    "verklaringen:uitreiken": "POST only",
    "verklaringen:ontwikkeldoel_create": "POST only",
    "verklaringen:eindbeoordeling": "POST only",
    "verklaringen:indienen": "POST only",
    "verklaringen:goedkeuren": "POST only",
    "verklaringen:terugsturen": "POST only",
    "mijn_toegang:link": "POST only; the new access is audited as a change",
    "mijn_toegang:code": "POST; the new access (the printed code) is audited",
    # Polled every few seconds by htmx inside the traject page, which is audited.
    "trajecten:overeenkomsten_paneel": "partial of the audited traject page",
}

ONDERWERPEN = ("kandida", "traject")


def url_patronen(resolver=None, route="", namespace=""):
    """(route, full name, view) of every URL pattern outside the admin."""
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLResolver):
            ns = ":".join(filter(None, [namespace, p.namespace]))
            yield from url_patronen(p, route + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            view = getattr(p.callback, "view_class", p.callback)
            naam = ":".join(filter(None, [namespace, p.name]))
            yield route + str(p.pattern), naam, f"{view.__module__}.{view.__name__}"


def test_every_candidate_url_is_classified():
    patronen = [p for p in url_patronen() if not p[0].startswith("beheer/")]
    namen = {naam for _route, naam, _view in patronen}
    over_kandidaten = {
        naam
        for route, naam, view in patronen
        if any(w in f"{route} {naam} {view}".lower() for w in ONDERWERPEN)
    }
    assert not set(AUDITED) & set(NIET_GEAUDIT)
    assert over_kandidaten - set(AUDITED) - set(NIET_GEAUDIT) == set()
    # No stale entries: every classified name is still a URL.
    assert (set(AUDITED) | set(NIET_GEAUDIT)) - namen == set()


def toegang_tot(kandidaat):
    """Access entries on the candidate or on an object of the candidate."""
    trajecten = Traject.objects.filter(kandidaat=kandidaat)
    objecten = {
        kandidaat.__class__: [kandidaat.pk],
        Traject: trajecten.values_list("pk", flat=True),
        Advies: Advies.objects.filter(kandidaat=kandidaat).values_list("pk", flat=True),
        OvereenkomstVersie: OvereenkomstVersie.objects.filter(
            overeenkomst__traject__in=trajecten
        ).values_list("pk", flat=True),
        Praktijkverklaring: Praktijkverklaring.objects.filter(
            traject__in=trajecten
        ).values_list("pk", flat=True),
    }
    from trajecten.models import Ondertekening

    objecten[Ondertekening] = Ondertekening.objects.filter(
        versie__overeenkomst__traject__in=trajecten
    ).values_list("pk", flat=True)
    waar = Q()
    for model, pks in objecten.items():
        waar |= Q(
            content_type=ContentType.objects.get_for_model(model),
            object_pk__in=[str(pk) for pk in pks],
        )
    return LogEntry.objects.filter(waar, action=LogEntry.Action.ACCESS)


@pytest.mark.parametrize("naam", sorted(AUDITED))
def test_opening_a_page_with_personal_data_is_recorded(client, consulent, naam):
    user, url, kandidaat = AUDITED[naam](consulent)
    LogEntry.objects.filter(action=LogEntry.Action.ACCESS).delete()
    client.force_login(user)

    response = client.get(url)

    assert response.status_code == 200, (naam, url)
    entries = toegang_tot(kandidaat)
    assert entries.exists(), f"{naam}: no access entry for the candidate"
    assert {e.actor for e in entries} == {user}


def test_a_redirect_instead_of_the_page_is_not_recorded(client, consulent):
    # The outcome form of a running traject sends the user back without showing it.
    traject = TrajectFactory(lopend=True, kandidaat__consulent=consulent)
    client.force_login(consulent)
    url = reverse("uitkomsten:uitkomst_vastleggen", args=[traject.pk])
    assert client.get(url).status_code == 302
    assert not toegang_tot(traject.kandidaat).exists()
