"""The candidate's own pages (`/mijn/`) and the way in: a one-time link or code,
confirmed with the date of birth. See services.py for the flow and sessie.py for
how a candidate's session is kept apart from staff sessions.

An unknown, used, burned, replaced or expired link or code gets one plain page
("link verlopen"), the same for all of them. Every failure (such a link or code,
a wrong date of birth) counts against the client's address in the shared cache;
past MIJN_LIMIET the address is refused for a while (429)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from auditlog.context import set_extra_data

from core.ratelimit import client_ip, tellen
from verklaringen.views_verklaring import credential_antwoord
from voortgang.services import gesprek_door_kandidaat_getekend

from . import audit, selectors, services
from .constants import SESSIE_TOEGANG, ToegangSoort
from .forms import CodeForm, GeboortedatumForm
from .inzage import inzage_lijst
from .sessie import kandidaat_inloggen, kandidaat_uitloggen, kandidaat_vereist


# --- the way in ---
def _sleutel(request) -> str:
    return f"mijn-mislukt:{client_ip(request)}"


def _te_vaak(request) -> bool:
    limiet, _venster = settings.MIJN_LIMIET
    return cache.get(_sleutel(request), 0) >= limiet


def _mislukt(request) -> None:
    tellen(_sleutel(request), settings.MIJN_LIMIET[1])


def _te_vaak_pagina(request):
    minuten = settings.MIJN_LIMIET[1] // 60
    return render(request, "mijn/te_vaak.html", {"minuten": minuten}, status=429)


def _verlopen(request, *, tellen_als_fout=True):
    if tellen_als_fout:
        _mislukt(request)
    request.session.pop(SESSIE_TOEGANG, None)
    return render(request, "mijn/verlopen.html", status=404)


def _bevestigd(request, toegang_id: int, geboortedatum):
    """Log the candidate in, or count the failure. Returns the redirect, or None
    when the date of birth was wrong and the access still usable."""
    kandidaat = services.toegang_bevestigen(
        toegang_id=toegang_id, geboortedatum=geboortedatum
    )
    if kandidaat is not None:
        kandidaat_inloggen(request, kandidaat)
        return redirect("mijn:overzicht")
    _mislukt(request)
    return None


@login_not_required
@never_cache
@require_GET
def link(request, sleutel: str):
    """The link from the e-mail: remembered in the session, then the date of birth
    (opening the link does not use it up: mail scanners open links too)."""
    if _te_vaak(request):
        return _te_vaak_pagina(request)
    toegang = services.toegang_vinden(sleutel=sleutel, soort=ToegangSoort.LINK)
    if toegang is None:
        return _verlopen(request)
    request.session[SESSIE_TOEGANG] = toegang.pk
    return redirect("mijn:bevestigen")  # the token leaves the address bar


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def bevestigen(request):
    if _te_vaak(request):
        return _te_vaak_pagina(request)
    toegang_id = request.session.get(SESSIE_TOEGANG)
    if toegang_id is None:
        return _verlopen(request, tellen_als_fout=False)
    form = GeboortedatumForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        gelukt = _bevestigd(request, toegang_id, form.cleaned_data["geboortedatum"])
        if gelukt:
            return gelukt
        if services.toegang_bruikbaar(toegang_id) is False:
            return _verlopen(request, tellen_als_fout=False)
        form.add_error("geboortedatum", services.FOUTE_GEBOORTEDATUM)
    return render(request, "mijn/bevestigen.html", {"form": form})


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def code(request):
    """Type the printed code and the date of birth on one page."""
    if _te_vaak(request):
        return _te_vaak_pagina(request)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        toegang = services.toegang_vinden(
            sleutel=form.cleaned_data["code"], soort=ToegangSoort.CODE
        )
        if toegang is None:
            return _verlopen(request)
        gelukt = _bevestigd(request, toegang.pk, form.cleaned_data["geboortedatum"])
        if gelukt:
            return gelukt
        if services.toegang_bruikbaar(toegang.pk) is False:
            return _verlopen(request, tellen_als_fout=False)
        form.add_error("geboortedatum", services.FOUTE_GEBOORTEDATUM)
    return render(request, "mijn/code.html", {"form": form})


@login_not_required
@require_POST
def uitloggen(request):
    kandidaat_uitloggen(request)
    return redirect("mijn:uitgelogd")


@login_not_required
@never_cache
@require_GET
def uitgelogd(request):
    return render(request, "mijn/uitgelogd.html")


# --- the candidate's pages ---
def _pagina(request, template: str, context: dict):
    return render(request, template, {"ingelogd": True, **context})


@kandidaat_vereist
@require_GET
def overzicht(request):
    """My traject, who helps me, my next meeting."""
    kandidaat = request.kandidaat
    traject = selectors.mijn_traject(kandidaat=kandidaat)
    audit.inzage_vastleggen(kandidaat, kandidaat_id=kandidaat.pk, pagina="overzicht")
    plaatsingen = list(traject.plaatsingen.all()) if traject else []
    return _pagina(
        request,
        "mijn/overzicht.html",
        {
            "kandidaat": kandidaat,
            "traject": traject,
            "plaatsing": plaatsingen[-1] if plaatsingen else None,
            "consulent": traject.consulent if traject else kandidaat.consulent,
            "jobcoach": traject.jobcoach if traject else kandidaat.jobcoach,
            "gesprekken": selectors.mijn_gesprekken(traject=traject),
        },
    )


@kandidaat_vereist
@require_POST
def gesprek_tekenen(request, pk: int):
    """I sign a progress meeting of my own traject (another's: 404). The entry in
    the audit trail names me, as on my pages."""
    gesprek = selectors.mijn_gesprek(kandidaat=request.kandidaat, pk=pk)
    extra = {"additional_data": audit.als_kandidaat(request.kandidaat.pk)}
    try:
        with set_extra_data(extra):
            gesprek_door_kandidaat_getekend(
                gesprek=gesprek, kandidaat=request.kandidaat
            )
    except ValidationError as exc:
        messages.info(request, " ".join(exc.messages))
    else:
        messages.success(request, "Je hebt het gesprek getekend. Dank je wel!")
    return redirect("mijn:overzicht")


@kandidaat_vereist
@require_GET
def wat_ik_kan(request):
    kandidaat = request.kandidaat
    traject = selectors.mijn_traject(kandidaat=kandidaat)
    audit.inzage_vastleggen(kandidaat, kandidaat_id=kandidaat.pk, pagina="wat-ik-kan")
    return _pagina(
        request,
        "mijn/wat_ik_kan.html",
        {
            "traject": traject,
            "werkprocessen": selectors.wat_ik_kan(traject) if traject else [],
        },
    )


@kandidaat_vereist
@require_GET
def verklaringen(request):
    """My praktijkverklaringen and mbo-verklaringen: the PDF, the credential and the
    public verification link of each."""
    kandidaat = request.kandidaat
    audit.inzage_vastleggen(kandidaat, kandidaat_id=kandidaat.pk, pagina="verklaringen")
    return _pagina(
        request,
        "mijn/verklaringen.html",
        {
            "verklaringen": list(selectors.mijn_verklaringen(kandidaat=kandidaat)),
            "mbo_verklaringen": list(
                selectors.mijn_mbo_verklaringen(kandidaat=kandidaat)
            ),
        },
    )


# The candidate's two kinds of verklaring (the `soort` each download URL passes):
# the selector that keeps them to my own, and the start of the file's name.
MIJN_VERKLARINGEN = {
    "praktijkverklaring": selectors.mijn_verklaringen,
    "mbo-verklaring": selectors.mijn_mbo_verklaringen,
}


def _mijn_verklaring(request, soort: str, pk: int):
    """One of my own verklaringen of `soort` (another candidate's: 404)."""
    mijn = MIJN_VERKLARINGEN[soort](kandidaat=request.kandidaat)
    return get_object_or_404(mijn, pk=pk)


@kandidaat_vereist
@require_GET
def verklaring_pdf(request, pk: int, soort: str):
    """The PDF of one of my own praktijkverklaringen or mbo-verklaringen (another
    candidate's: 404), audited as my read."""
    verklaring = _mijn_verklaring(request, soort, pk)
    if not verklaring.pdf:
        raise Http404
    audit.inzage_vastleggen(verklaring, kandidaat_id=request.kandidaat.pk, via_pdf=True)
    return FileResponse(
        verklaring.pdf.open("rb"),
        as_attachment=True,
        content_type="application/pdf",
        filename=f"{soort}-{verklaring.nummer}.pdf",
    )


@kandidaat_vereist
@require_GET
def verklaring_credential(request, pk: int, vorm: str, soort: str):
    """The credential (.jwt or .json) of one of my own praktijkverklaringen or
    mbo-verklaringen (another's: 404), audited as my read."""
    verklaring = _mijn_verklaring(request, soort, pk)
    antwoord = credential_antwoord(verklaring, vorm)
    audit.inzage_vastleggen(
        verklaring, kandidaat_id=request.kandidaat.pk, via_credential=True
    )
    return antwoord


@kandidaat_vereist
@require_GET
def privacy(request):
    """My consent and who looked at my file (organisations and roles only)."""
    kandidaat = request.kandidaat
    # The list is read before this visit is recorded: it shows the earlier ones.
    inzages = inzage_lijst(kandidaat)
    audit.inzage_vastleggen(kandidaat, kandidaat_id=kandidaat.pk, pagina="privacy")
    return _pagina(
        request,
        "mijn/privacy.html",
        {
            "kandidaat": kandidaat,
            "toestemming_door": selectors.toestemming_organisatie(kandidaat=kandidaat),
            "inzages": inzages,
        },
    )
