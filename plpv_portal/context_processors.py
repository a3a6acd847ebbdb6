from django.contrib.auth import get_user_model
from django.utils.functional import SimpleLazyObject

from api.selectors import heeft_clients
from meldingen.services import ongelezen_aantal_expressie

from .menu import kopmenu, menu_voor


def _kop(user) -> dict:
    """What the header asks of the database, in one query: the unread notifications
    (the bell) and whether the user has an API client that is not revoked (the user
    menu's "API-sleutels")."""
    rijen = list(
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(ongelezen=ongelezen_aantal_expressie(), api=heeft_clients())
        .order_by()
        .values("ongelezen", "api")
    )
    return rijen[0] if rijen else {"ongelezen": 0, "api": False}


def navigatie(request):
    """The menu of the logged-in user, their unread notifications (the bell) and the
    link to their API keys, for the header of every page. The count and the link are
    one query, run only when a page shows them."""
    user = getattr(request, "user", None)
    if user is None:
        return {"menu": []}
    context = {"menu": menu_voor(user)}
    if user.is_authenticated:
        context["kopmenu"] = kopmenu(user, context["menu"])
        kop = SimpleLazyObject(lambda: _kop(user))
        context["meldingen_ongelezen"] = SimpleLazyObject(lambda: kop["ongelezen"])
        context["api_sleutels"] = SimpleLazyObject(lambda: kop["api"])
    return context
