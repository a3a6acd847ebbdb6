from django.utils.functional import SimpleLazyObject

from meldingen.services import ongelezen_aantal

from .menu import kopmenu, menu_voor


def navigatie(request):
    """The menu of the logged-in user and their unread notifications (the bell), for
    the header of every page. The count is one query, run only when a page shows it."""
    user = getattr(request, "user", None)
    if user is None:
        return {"menu": []}
    context = {"menu": menu_voor(user)}
    if user.is_authenticated:
        context["kopmenu"] = kopmenu(user, context["menu"])
        context["meldingen_ongelezen"] = SimpleLazyObject(
            lambda: ongelezen_aantal(user=user)
        )
    return context
