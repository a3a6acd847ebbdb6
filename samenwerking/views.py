from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView
from django.views.generic.detail import SingleObjectMixin

from core.forms import fout_in_formulier
from core.inzending import EenmaligeInzendingMixin

from .constants import Vraagsoort
from .export import pdf_response, scan_document, scan_xlsx
from .forms import DelenForm, ScanForm
from .regels import is_eigen_regio, mag_scan_delen, mag_scan_invullen
from .selectors import (
    actieve_vragen,
    eigen_regio_list,
    fase_overzicht,
    gedeelde_scan_list,
    scan_leesbaar_list,
    scan_list,
    vorige_scan,
)
from .services import laatste_invoer, scan_delen, scan_opslaan


class OverzichtView(PermissionRequiredMixin, TemplateView):
    """Per own region: the stage per dimension now, the change since last time, and
    every version; below, the versions other regions share."""

    permission_required = "samenwerking.view_scan"
    template_name = "samenwerking/overzicht.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        versies = list(scan_list(user=user))
        regios = []
        for regio in eigen_regio_list(user=user):
            eigen = [s for s in versies if s.regio_id == regio.pk]
            laatste = eigen[0] if eigen else None
            vorige = eigen[1] if len(eigen) > 1 else None
            regios.append(
                {
                    "regio": regio,
                    "laatste": laatste,
                    "vorige": vorige,
                    "fases": fase_overzicht(laatste, vorige) if laatste else [],
                    "versies": eigen,
                    "mag_invullen": mag_scan_invullen(user, regio),
                }
            )
        return super().get_context_data(
            regios=regios, gedeeld=gedeelde_scan_list(user=user), **kwargs
        )


class ScanNieuwView(PermissionRequiredMixin, EenmaligeInzendingMixin, FormView):
    """Fill a new version, prefilled with the region's last one."""

    permission_required = "samenwerking.add_scan"
    template_name = "samenwerking/scan_form.html"
    form_class = ScanForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.has_permission():
            # Another region, or one the user may not fill: it does not exist here.
            self.regio = get_object_or_404(
                eigen_regio_list(user=request.user), code=kwargs["code"]
            )
            self.vorige = scan_list(user=request.user).filter(regio=self.regio).first()
            self.vragen = actieve_vragen()
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "vragen": self.vragen,
            "vorige": laatste_invoer(self.vorige),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(regio=self.regio, vorige=self.vorige, **kwargs)

    def form_valid(self, form):
        try:
            scan = scan_opslaan(
                regio=self.regio,
                door=self.request.user,
                vragen=self.vragen,
                invoer=form.invoer(),
            )
        except ValidationError as exc:
            fout_in_formulier(form, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Versie %(versie)d van de scan voor %(regio)s is opgeslagen.")
            % {"versie": scan.versie, "regio": self.regio},
        )
        return redirect(scan)


class ScanDetailView(PermissionRequiredMixin, DetailView):
    """One version: the stages with the change since the version before, the
    agreements, and (for the region's own coordinators) the share switch."""

    permission_required = "samenwerking.view_scan"
    template_name = "samenwerking/scan_detail.html"
    context_object_name = "scan"

    def get_queryset(self):
        return scan_leesbaar_list(user=self.request.user)

    def get_context_data(self, **kwargs):
        user = self.request.user
        scan = self.object
        vorige = vorige_scan(scan, user=user)
        return super().get_context_data(
            vorige=vorige,
            fases=fase_overzicht(scan, vorige),
            open_antwoorden=[
                a for a in scan.antwoorden.all() if a.soort == Vraagsoort.OPEN
            ],
            eigen=is_eigen_regio(user, scan.regio_id),
            mag_delen=mag_scan_delen(user, scan),
            delen_form=DelenForm(initial={"gedeeld": scan.gedeeld}),
            **kwargs,
        )


class ScanDelenView(PermissionRequiredMixin, SingleObjectMixin, View):
    """POST: share this version with the other regions, or stop sharing it."""

    permission_required = "samenwerking.change_scan"
    http_method_names = ["post"]

    def get_queryset(self):
        # Only the own region's versions: another region's is a 404, shared or not.
        return scan_list(user=self.request.user)

    def post(self, request, *args, **kwargs):
        scan = self.get_object()
        form = DelenForm(request.POST)
        form.is_valid()  # a checkbox: anything but "on" means off
        scan = scan_delen(
            scan=scan,
            door=request.user,
            gedeeld=form.cleaned_data.get("gedeeld", False),
        )
        if scan.gedeeld:
            messages.success(
                request,
                _("Versie %d is nu zichtbaar voor andere regio's.") % scan.versie,
            )
        else:
            messages.success(
                request, _("Versie %d is niet meer gedeeld.") % scan.versie
            )
        return redirect(scan)


class _ExportView(PermissionRequiredMixin, SingleObjectMixin, View):
    permission_required = "samenwerking.view_scan"
    http_method_names = ["get"]

    def get_queryset(self):
        return scan_leesbaar_list(user=self.request.user)

    def get(self, request, *args, **kwargs):
        scan = self.get_object()
        vorige = vorige_scan(scan, user=request.user)
        return self.antwoord(scan, vorige, fase_overzicht(scan, vorige))


class ScanPdfView(_ExportView):
    def antwoord(self, scan, vorige, fases):
        return pdf_response(scan_document(scan, vorige, fases))


class ScanXlsxView(_ExportView):
    def antwoord(self, scan, vorige, fases):
        return scan_xlsx(scan, fases)
