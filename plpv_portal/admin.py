from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class PlpvAdminSite(admin.AdminSite):
    """The Django admin at /beheer/, open only to functioneel beheerders."""

    site_header = _("PLPV-portaal: beheer")
    site_title = _("PLPV-portaal beheer")
    index_title = _("Beheer")

    def has_permission(self, request):
        user = request.user
        return user.is_active and user.is_authenticated and user.is_beheerder

    def login(self, request, extra_context=None):
        # One login page for the whole portal; the admin has no login of its own.
        if request.user.is_authenticated:
            raise PermissionDenied  # logged in, but not a functioneel beheerder
        return redirect_to_login(
            request.GET.get(REDIRECT_FIELD_NAME, reverse("admin:index")),
            login_url=reverse("login"),
        )
