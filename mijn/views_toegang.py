"""The consulent's side: give a candidate access to their own pages, by a one-time
link by e-mail or a printed one-time code. For whoever may change the candidate,
within their scope (another's candidate: 404)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from kandidaten.models import Kandidaat

from . import services
from .constants import ToegangSoort
from .models import Toegang

RECHT = "kandidaten.change_kandidaat"


def _kandidaat(request, pk: int) -> Kandidaat:
    return get_object_or_404(Kandidaat.objects.zichtbaar_voor(request.user), pk=pk)


def _basis(request) -> str:
    return settings.PORTAL_URL or request.build_absolute_uri("/")


@require_GET
@permission_required(RECHT, raise_exception=True)
def toegang(request, pk: int):
    """The page with both ways; shows the candidate's name and e-mail address, so
    opening it is recorded as an access on the candidate."""
    from auditlog.models import LogEntry

    kandidaat = _kandidaat(request, pk)
    LogEntry.objects.log_create(
        kandidaat, force_log=True, action=LogEntry.Action.ACCESS
    )
    open_ = Toegang.objects.bruikbaar().filter(kandidaat=kandidaat).order_by("soort")
    return render(
        request,
        "mijn/toegang.html",
        {
            "kandidaat": kandidaat,
            "open_toegangen": list(open_),
            "link_uren": settings.MIJN_LINK_GELDIG_UREN,
            "code_dagen": settings.MIJN_CODE_GELDIG_DAGEN,
        },
    )


@require_POST
@permission_required(RECHT, raise_exception=True)
def link_versturen(request, pk: int):
    kandidaat = _kandidaat(request, pk)
    try:
        services.toegang_link_versturen(
            kandidaat=kandidaat, door=request.user, basis_url=_basis(request)
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("mijn_toegang:toegang", pk=kandidaat.pk)
    messages.success(
        request,
        f"De link is verstuurd naar {kandidaat.email}. "
        f"Hij werkt {settings.MIJN_LINK_GELDIG_UREN} uur en één keer.",
    )
    return redirect(kandidaat)


@never_cache
@require_POST
@permission_required(RECHT, raise_exception=True)
def code_afdrukken(request, pk: int):
    """Make a code and show it once on a page to print (it is not stored)."""
    kandidaat = _kandidaat(request, pk)
    nieuw = services.toegang_code_maken(kandidaat=kandidaat, door=request.user)
    return render(
        request,
        "mijn/code_afdruk.html",
        {
            "kandidaat": kandidaat,
            "code": services.code_opmaken(nieuw.sleutel),
            "adres": _basis(request).rstrip("/") + reverse("mijn:code"),
            "geldig_tot": timezone.localtime(nieuw.toegang.geldig_tot),
            "soort": ToegangSoort.CODE,
        },
    )
