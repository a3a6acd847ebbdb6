from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache

from core.acties import ActieStap
from core.csv_export import toegang_vastleggen
from trajecten.selectors import traject_list

from . import regels, selectors, services
from .constants import DossierStatus


class DossierAanvragenView(ActieStap):
    """The button on the traject page: a new ZIP is made by the worker."""

    permission_required = "dossier.add_dossieraanvraag"
    gelukt = _("Het financieringsdossier wordt gemaakt. Even geduld.")

    def get_scope(self):
        return traject_list(user=self.request.user)

    def regel(self, user, obj):
        return regels.mag_dossier_maken(obj, user)

    def uitvoeren(self, form):
        services.dossier_aanvragen(traject=self.object, door=self.request.user)

    def get_success_url(self):
        return self.object.get_absolute_url() + "#dossier"


class _AanvraagMixin:
    """Scope (404 outside it), then the keyring (403)."""

    permission_required = "dossier.view_dossieraanvraag"

    def aanvraag(self, request, pk):
        aanvraag = get_object_or_404(
            selectors.aanvragen_zichtbaar(user=request.user), pk=pk
        )
        if not regels.mag_dossier_downloaden(aanvraag.traject, request.user):
            raise PermissionDenied
        return aanvraag


@method_decorator(never_cache, name="dispatch")
class DossierStatusView(_AanvraagMixin, View):
    """The panel's status part, polled by htmx until the link is there."""

    def get(self, request, pk):
        aanvraag = self.aanvraag(request, pk)
        return render(request, "dossier/partials/status.html", {"aanvraag": aanvraag})


@method_decorator(never_cache, name="dispatch")
class DossierDownloadView(_AanvraagMixin, View):
    """The ZIP, for the case managers; every download is an access entry on the
    traject."""

    def get(self, request, pk):
        aanvraag = self.aanvraag(request, pk)
        bestand = aanvraag.bestand
        if aanvraag.status != DossierStatus.KLAAR or not bestand.storage.exists(
            bestand.name
        ):
            raise Http404
        toegang_vastleggen(
            [aanvraag.traject], actor=request.user, via="financieringsdossier"
        )
        return FileResponse(
            bestand.open("rb"),
            as_attachment=True,
            content_type="application/zip",
            filename=f"financieringsdossier-traject-{aanvraag.traject_id}.zip",
        )
