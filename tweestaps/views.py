"""The second step's pages: type a code, set up the app, the recovery codes."""

from base64 import b32encode

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

import segno

from . import services
from .forms import CodeForm
from .middleware import is_sterk, tweede_stap_vrij


def _volgende(request) -> str:
    doel = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        doel, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return doel
    return reverse(settings.LOGIN_REDIRECT_URL)


def _klaar(request) -> bool:
    """Nothing left to do: SSO, already verified, or no second step for this user."""
    user = request.user
    return is_sterk(request) or user.is_verified() or services.nodig(request) is None


def _geblokkeerd(request):
    return render(
        request,
        "tweestaps/geblokkeerd.html",
        {"minuten": settings.TWEEDE_STAP_BLOKKADE_SECONDEN // 60},
        status=429,
    )


@tweede_stap_vrij
@require_http_methods(["GET", "POST"])
def controleren(request):
    """/inloggen/tweede-stap/: the code from the app (or a recovery code)."""
    user = request.user
    app = services.app_verversen(request)
    if _klaar(request):
        return redirect(_volgende(request))
    if not app:
        return redirect(reverse("tweestaps:instellen") + "?" + request.GET.urlencode())
    if services.is_geblokkeerd(user):
        return _geblokkeerd(request)
    form = CodeForm(
        request.POST or None,
        controle=lambda code: services.controleren(request, code),
        help_text=_(
            "De 6 cijfers die de app op je telefoon nu toont. Telefoon kwijt? Vul "
            "een van je herstelcodes in."
        ),
    )
    if request.method == "POST" and form.is_valid():
        return redirect(_volgende(request))
    return render(
        request,
        "tweestaps/controleren.html",
        {"form": form, "next": _volgende(request)},
    )


def _sleutel_in_groepjes(device) -> str:
    sleutel = b32encode(device.bin_key).decode()
    return " ".join(sleutel[i : i + 4] for i in range(0, len(sleutel), 4))


@tweede_stap_vrij
@require_http_methods(["GET", "POST"])
def instellen(request):
    """/inloggen/tweede-stap/instellen/: set up the app with the QR code or the key."""
    user = request.user
    if is_sterk(request):
        return redirect(_volgende(request))
    if services.app_verversen(request):
        if user.is_verified():
            return redirect("tweestaps:herstelcodes")
        return redirect(
            reverse("tweestaps:controleren") + "?" + request.GET.urlencode()
        )
    device = services.nieuwe_app(request)
    form = CodeForm(
        request.POST or None,
        controle=lambda code: services.instellen(request, code),
        help_text=_("De 6 cijfers die de app nu toont."),
        foutmelding=_(
            "Deze code klopt niet. Vul de code in die de app nu toont; de code "
            "verandert elke 30 seconden."
        ),
    )
    if request.method == "POST" and form.is_valid():
        return redirect(
            reverse("tweestaps:herstelcodes")
            + "?"
            + urlencode({"next": _volgende(request)})
        )
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "tweestaps/instellen.html",
        {
            "form": form,
            "next": _volgende(request),
            "qr_svg": qr.svg_inline(
                scale=5, border=2, omitsize=False, title=_("QR-code")
            ),
            "sleutel": _sleutel_in_groepjes(device),
            "verplicht": services.is_verplicht(user),
        },
    )


@tweede_stap_vrij
@require_http_methods(["GET", "POST"])
def herstelcodes(request):
    """/inloggen/tweede-stap/herstelcodes/: the new codes, shown once; make new ones."""
    user = request.user
    if not services.heeft_app(user):
        return redirect("tweestaps:instellen")
    if not user.is_verified():
        return redirect("tweestaps:controleren")
    if request.method == "POST":
        services.herstelcodes_maken(request)
        return redirect("tweestaps:herstelcodes")
    codes = request.session.pop(services.SESSIE_HERSTELCODES, None)
    return render(
        request,
        "tweestaps/herstelcodes.html",
        {
            "codes": codes,
            "over": services.herstelcodes_over(user),
            "next": _volgende(request),
        },
    )
