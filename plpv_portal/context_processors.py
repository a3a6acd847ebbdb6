from .menu import menu_voor


def navigatie(request):
    """The menu of the logged-in user, for the header of every page."""
    user = getattr(request, "user", None)
    return {"menu": menu_voor(user) if user is not None else []}
