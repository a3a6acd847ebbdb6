from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import path, reverse
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

    def get_urls(self):
        # Django's "view on site" redirect answers for any object of any model, so it
        # would confirm that another region's object exists: scope it like the rest.
        return [
            path(
                "r/<int:content_type_id>/<path:object_id>/",
                self.admin_view(self.bekijken_op_site),
                name="view_on_site",
            )
            if getattr(url, "name", None) == "view_on_site"
            else url
            for url in super().get_urls()
        ]

    def bekijken_op_site(self, request, content_type_id, object_id):
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except ContentType.DoesNotExist:
            raise Http404 from None
        model_admin = self._registry.get(model)
        try:
            zichtbaar = model_admin is not None and (
                model_admin.get_queryset(request).filter(pk=object_id).exists()
            )
        except (ValueError, ValidationError):
            zichtbaar = False
        if not zichtbaar:
            raise Http404
        return shortcut(request, content_type_id, object_id)
