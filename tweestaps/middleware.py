"""Sends a logged-in user who still owes the second step to it, before any page.

After the password the session is logged in but not verified (django-otp's
`request.user.is_verified()`). Until the user has typed a code (or, without an app
and with a role that needs one, set up the app), every page answers with a redirect
to that step. Free: public pages (login_not_required: statements, health, the
verification page), logging out, and the second step's own pages. A session that
logged in through SSO (`session["sso"]`) counts as strong already.
"""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from . import services

VRIJ = {"logout", "admin:logout"}


def tweede_stap_vrij(view):
    """Mark a view that a user may open before the second step."""
    view.tweede_stap_vrij = True
    return view


def is_sterk(request) -> bool:
    return bool(request.session.get("sso"))


class TweedeStapMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            getattr(view_func, "login_required", True) is False
            or getattr(view_func, "tweede_stap_vrij", False)
            or request.resolver_match.view_name in VRIJ
        ):
            return None
        user = request.user
        if not user.is_authenticated or is_sterk(request) or user.is_verified():
            return None
        stap = services.nodig(request)
        if stap is None:
            return None
        doel = reverse(f"tweestaps:{stap}")
        return redirect(f"{doel}?{urlencode({'next': request.get_full_path()})}")
