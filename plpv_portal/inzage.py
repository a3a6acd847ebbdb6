"""The inzageverslag (art. 15 AVG): everything the portal holds on one candidate, the
documents, and who viewed or changed the file when, as a PDF in plain Dutch.

It lives on the roof because it reads every floor (kandidaten, trajecten,
verklaringen, uitkomsten); kandidaten may not import those. The PDF is rendered
while the consulent waits (a few pages, seconds) and not stored: a stored copy
would be one more place with the candidate's data to protect and to erase.

Who viewed or changed the file shows the organisation and the role, not the
staff member's name: that is what art. 15 asks (the recipients, or categories of
them) and it keeps the staff's names out of a document that leaves the portal.
The role is the one the person holds now (the audit trail stores the actor, not
their role at the time). Views on one day by one organisation and role are
counted in one row, so a busy file stays readable. That table (`inzage_lijst`)
lives in `mijn`, one floor lower: the candidate's own pages show it too.
"""

from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from auditlog.models import LogEntry

from kandidaten.models import Kandidaat
from mijn.inzage import inzage_lijst
from uitkomsten.models import Uitkomst


def verslag_context(kandidaat: Kandidaat) -> dict:
    trajecten = list(
        kandidaat.trajecten.select_related("kwalificatie", "mbo_instelling")
        .prefetch_related(
            "plaatsingen__leerbedrijf__organisatie",
            "overeenkomsten__versies__ondertekeningen",
            "observaties__scores",
            "eindbeoordelingen__werkproces",
            "verklaringen",
            "vervolgmetingen",
        )
        .order_by("startdatum", "pk")
    )
    for traject in trajecten:
        traject.de_uitkomst = Uitkomst.objects.filter(traject=traject).first()
    return {
        "k": kandidaat,
        "voettekst": f"Inzageverslag {kandidaat}",
        "gemaakt_op": timezone.localdate(),
        "contactmomenten": kandidaat.contactmomenten.select_related(
            "door__organisatie"
        ).order_by("-datum", "-pk"),
        "adviezen": kandidaat.adviezen.select_related(
            "kwalificatie", "besloten_door__organisatie"
        )
        .prefetch_related("antwoorden")
        .order_by("-versie"),
        "trajecten": trajecten,
        "inzages": inzage_lijst(kandidaat),
    }


def verslag_vastleggen(kandidaat: Kandidaat) -> None:
    """Making the report is itself an access to the whole file: one audit entry,
    marked as the inzageverslag (the actor comes from auditlog's context)."""
    LogEntry.objects.log_create(
        kandidaat,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        additional_data={"inzageverslag": True},
    )


@never_cache
@require_GET
@permission_required("kandidaten.change_kandidaat", raise_exception=True)
def inzageverslag(request, pk: int):
    """The PDF for the candidate's own consulent (and colleagues who may change the
    candidate); a candidate outside the user's scope is 404."""
    from weasyprint import HTML

    kandidaat = get_object_or_404(
        Kandidaat.objects.zichtbaar_voor(request.user).select_related(
            "regio", "organisatie", "consulent", "jobcoach"
        ),
        pk=pk,
    )
    verslag_vastleggen(kandidaat)
    html = render_to_string("pdf/inzageverslag.html", verslag_context(kandidaat))
    response = HttpResponse(
        HTML(string=html).write_pdf(), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="inzageverslag-{kandidaat.pk}.pdf"'
    )
    return response
