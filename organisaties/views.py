from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import CreateView, DetailView, ListView, UpdateView
from django.views.generic.detail import SingleObjectMixin

from core.csv_export import CsvExportMixin
from core.inzending import EenmaligeInzendingMixin
from core.mixins import AuditedDetailMixin, FilteredListMixin

from .audit import is_persoonsgegeven
from .filters import LogEntryFilter, NetwerkcontactFilter, OrganisatieFilter
from .forms import NetwerkcontactForm
from .selectors import (
    controle_grens,
    logentry_list,
    medewerker_list,
    netwerkcontact_list,
    organisatie_list,
    organisatie_medewerkers,
)
from .services import netwerkcontact_gecontroleerd, netwerkcontact_opslaan


class OrganisatieListView(
    PermissionRequiredMixin, CsvExportMixin, FilteredListMixin, ListView
):
    permission_required = "organisaties.view_organisatie"
    filterset_class = OrganisatieFilter
    paginate_by = 25
    csv_naam = "organisaties"
    csv_kolommen = [
        "Naam",
        "Soort",
        "Regio's",
        "KvK-nummer",
        "BRIN-code",
        "Medewerkers",
    ]

    def csv_rij(self, o):
        regios = ", ".join(r.naam for r in o.regios.all())
        return [
            o.naam,
            o.get_type_display(),
            regios,
            o.kvk_nummer,
            o.brin_code,
            o.aantal_medewerkers,
        ]

    def get_base_queryset(self):
        return organisatie_list(user=self.request.user)


class OrganisatieDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "organisaties.view_organisatie"

    def get_queryset(self):
        return organisatie_list(user=self.request.user)

    def get_context_data(self, **kwargs):
        medewerkers = organisatie_medewerkers(
            user=self.request.user, organisatie=self.object
        )
        return super().get_context_data(medewerkers=medewerkers, **kwargs)


class MedewerkerListView(PermissionRequiredMixin, ListView):
    permission_required = "organisaties.view_medewerker"
    paginate_by = 50

    def get_queryset(self):
        return medewerker_list(user=self.request.user)


class MedewerkerDetailView(PermissionRequiredMixin, AuditedDetailMixin, DetailView):
    permission_required = "organisaties.view_medewerker"

    def get_queryset(self):
        return medewerker_list(user=self.request.user)


class AuditTrailView(PermissionRequiredMixin, FilteredListMixin, ListView):
    permission_required = "auditlog.view_logentry"
    filterset_class = LogEntryFilter
    template_name = "organisaties/audittrail.html"
    paginate_by = 50

    def get_base_queryset(self):
        return logentry_list(user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for entry in context["object_list"]:
            entry.afgeschermd = is_persoonsgegeven(entry.content_type)
        return context


class NetwerkListView(
    PermissionRequiredMixin, CsvExportMixin, FilteredListMixin, ListView
):
    """Netwerk in beeld: the region's contact persons, with when each was last checked."""

    permission_required = "organisaties.view_netwerkcontact"
    filterset_class = NetwerkcontactFilter
    template_name = "organisaties/netwerk.html"
    paginate_by = 50
    csv_naam = "netwerk"
    csv_kolommen = [
        "Naam",
        "Organisatie",
        "Rol of expertise",
        "Waarvoor",
        "Telefoon",
        "E-mail",
        "Gecontroleerd op",
    ]

    def get_base_queryset(self):
        return netwerkcontact_list(user=self.request.user)

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            controle_grens=controle_grens(),
            controle_maanden=settings.NETWERK_CONTROLE_MAANDEN,
            **kwargs,
        )

    def csv_rij(self, c):
        return [
            c.naam,
            c.organisatie,
            c.get_expertise_display(),
            c.toelichting,
            c.telefoon,
            c.email,
            c.gecontroleerd_op,
        ]


class NetwerkcontactFormMixin(PermissionRequiredMixin):
    form_class = NetwerkcontactForm
    template_name = "organisaties/netwerkcontact_form.html"

    def get_queryset(self):
        return netwerkcontact_list(user=self.request.user)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        try:
            netwerkcontact_opslaan(contact=form.instance, door=self.request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(
            self.request, _("%s is opgeslagen in het netwerk.") % form.instance.naam
        )
        return redirect("organisaties:netwerk")


class NetwerkcontactCreateView(
    NetwerkcontactFormMixin, EenmaligeInzendingMixin, CreateView
):
    permission_required = "organisaties.add_netwerkcontact"


class NetwerkcontactUpdateView(NetwerkcontactFormMixin, UpdateView):
    permission_required = "organisaties.change_netwerkcontact"


class NetwerkcontactControleView(PermissionRequiredMixin, SingleObjectMixin, View):
    """POST: the entry is still correct today."""

    permission_required = "organisaties.change_netwerkcontact"
    http_method_names = ["post"]

    def get_queryset(self):
        return netwerkcontact_list(user=self.request.user)

    def post(self, request, *args, **kwargs):
        contact = self.get_object()
        netwerkcontact_gecontroleerd(contact=contact, door=request.user)
        messages.success(request, _("%s is gecontroleerd.") % contact.naam)
        return redirect("organisaties:netwerk")
