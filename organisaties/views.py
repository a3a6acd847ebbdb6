from django.contrib.auth.mixins import PermissionRequiredMixin
from django.views.generic import DetailView, ListView

from plpv_portal.core.mixins import AuditedDetailMixin, FilteredListMixin

from .filters import LogEntryFilter, OrganisatieFilter
from .selectors import (
    logentry_list,
    medewerker_list,
    organisatie_list,
    organisatie_medewerkers,
)


class OrganisatieListView(PermissionRequiredMixin, FilteredListMixin, ListView):
    permission_required = "organisaties.view_organisatie"
    filterset_class = OrganisatieFilter
    paginate_by = 25

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
