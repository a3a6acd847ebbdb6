"""The medewerker's own page for API keys: a client a beheerder made for you waits
here until you pick up its key, once, logged in as yourself."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from . import selectors, services
from .models import ApiClient


@require_http_methods(["GET", "POST"])
def sleutels(request):
    """GET: your clients. POST `client`: pick up that one's key (shown on this answer
    only). Another person's client, or one already picked up, is a 404."""
    user = request.user
    token = opgehaald = None
    if request.method == "POST":
        pk = request.POST.get("client", "")
        if not (pk.isascii() and pk.isdigit()) or len(pk) > 18:
            raise Http404
        client = get_object_or_404(selectors.clients_om_op_te_halen(user), pk=pk)
        try:
            token = services.apiclient_ophalen(client=client, door=user)
        except PermissionDenied:
            # Picked up a moment ago in another tab.
            raise Http404 from None
        opgehaald = client
    return render(
        request,
        "api/sleutels.html",
        {
            "clients": ApiClient.objects.filter(medewerker=user).order_by(
                "ingetrokken_op", "naam", "pk"
            ),
            "token": token,
            "opgehaald": opgehaald,
        },
    )
