"""The regional dashboard and the comparison of regions: aggregates only, no names."""

import hashlib

from django.conf import settings
from django.contrib.auth.mixins import UserPassesTestMixin
from django.core.cache import cache
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.generic import TemplateView

from core.csv_export import csv_response, xlsx_response

from .forms import DashboardFilterForm
from .html import secties_html
from .overzicht import Dashboard
from .populatie import (
    Populatie,
    dashboard_populatie,
    dashboard_scope_tekst,
    vergelijking_regios,
    verwijzers,
)
from .regels import mag_dashboard, mag_vergelijking
from .vergelijking import Vergelijking

EXPORTS = {"csv": csv_response, "xlsx": xlsx_response}


class OverzichtView(UserPassesTestMixin, TemplateView):
    """Filter form → figures (only for a valid filter) → page or one table exported.

    A role that may not use the page gets a 403 (the page exists for everyone).
    The export holds only the suppressed figures of the page, no personal data, so
    it is not recorded per object in the audit trail.
    """

    raise_exception = True
    export_prefix = ""

    def maak_form(self) -> DashboardFilterForm:
        raise NotImplementedError

    def maak_overzicht(self, filter: dict):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        self.form = self.maak_form()
        self.overzicht = None
        if self.form.is_valid():
            self.overzicht = self.maak_overzicht(self.form.filter())
            maak = EXPORTS.get(request.GET.get("export", ""))
            if maak is not None:
                tabel = self.overzicht.tabel(request.GET.get("tabel", ""))
                if tabel is None:
                    raise Http404("Deze tabel bestaat niet.")
                return maak(
                    f"{self.export_prefix}-{tabel.sleutel}",
                    tabel.export_kolommen(),
                    tabel.export_rijen(),
                )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        fragmenten = self.fragmenten() if self.overzicht else {}
        return super().get_context_data(
            form=self.form,
            kop_html=fragmenten.get("kop"),
            secties_html=fragmenten.get("secties"),
            **kwargs,
        )

    def fragmenten(self) -> dict[str, str]:
        """The figures as HTML: "kop" (headline figures and the index of the
        sections, above the filter) and "secties" (the tables). Cached for
        DASHBOARD_CACHE_SECONDEN per population (scope + filter): at national scale
        the aggregates take about half a second, and steering does not need them to
        the minute. The page says when they were computed."""
        sleutel = (
            "dashboard:"
            + hashlib.sha256(
                # The query string too: the fragment's export links repeat it.
                f"{self.export_prefix}:{self.overzicht.sleutel()}:"
                f"{self.request.GET.urlencode()}".encode()
            ).hexdigest()
        )
        fragmenten = cache.get(sleutel)
        if fragmenten is None:
            secties = self.overzicht.secties()
            nu = timezone.localtime()
            maak_kerncijfers = getattr(self.overzicht, "kerncijfers", None)
            fragmenten = {
                "kop": render_to_string(
                    "rapportage/dashboard/_kop.html",
                    {
                        "kerncijfers": maak_kerncijfers(nu.date())
                        if maak_kerncijfers
                        else [],
                        "secties": secties,
                    },
                    request=self.request,
                ),
                # In Python: the same HTML as "rapportage/dashboard/_secties.html".
                "secties": secties_html(
                    secties,
                    self.request.GET,
                    berekend_op=nu,
                    ververs_minuten=settings.DASHBOARD_CACHE_SECONDEN // 60,
                ),
            }
            cache.set(sleutel, fragmenten, settings.DASHBOARD_CACHE_SECONDEN)
        return fragmenten


class DashboardView(OverzichtView):
    template_name = "rapportage/dashboard/dashboard.html"
    export_prefix = "dashboard"

    def test_func(self):
        return mag_dashboard(self.request.user)

    def maak_form(self):
        self.populatie = dashboard_populatie(user=self.request.user)
        return DashboardFilterForm(
            self.request.GET, organisaties=verwijzers(populatie=self.populatie)
        )

    def maak_overzicht(self, filter):
        return Dashboard(self.populatie.gefilterd(**filter))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            scope=dashboard_scope_tekst(user=self.request.user), **kwargs
        )


class VergelijkingView(OverzichtView):
    template_name = "rapportage/dashboard/vergelijking.html"
    export_prefix = "regios"

    def test_func(self):
        return mag_vergelijking(self.request.user)

    def maak_form(self):
        self.regios = list(vergelijking_regios(user=self.request.user))
        return DashboardFilterForm(self.request.GET)

    def maak_overzicht(self, filter):
        populatie = Populatie(regio_ids=tuple(r.pk for r in self.regios))
        return Vergelijking(populatie.gefilterd(**filter), self.regios)

    def get_context_data(self, **kwargs):
        return super().get_context_data(regios=self.regios, **kwargs)
