from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DetailView, FormView, ListView
from django.views.generic.detail import SingleObjectMixin

from core.acties import ActieView
from core.csv_export import CsvExportMixin
from core.forms import fout_in_formulier
from core.inzending import EenmaligeInzendingMixin
from core.mixins import AuditedDetailMixin, FilteredListMixin
from core.workflow import TransitionNotAllowed

from . import forms, services
from .constants import LeerbedrijfStatus
from .filters import LeerbedrijfFilter
from .selectors import leerbedrijf_detail, leerbedrijf_get_queryset, leerbedrijf_list


def ja_nee(waarde: bool) -> str:
    return str(_("ja") if waarde else _("nee"))


class LeerbedrijfListView(
    PermissionRequiredMixin, CsvExportMixin, FilteredListMixin, ListView
):
    permission_required = "leerbedrijven.view_leerbedrijf"
    filterset_class = LeerbedrijfFilter
    paginate_by = 25
    csv_naam = "leerbedrijven"
    csv_kolommen = (
        "Naam",
        "KvK-nummer",
        "Regio",
        "Plaats",
        "Sector",
        "Soort",
        "Status",
        "Springplanklocatie",
        "Duurzame plaatsing",
        "Baancreatie",
        "Open leerbanen",
        "Open plaatsen",
        "Geldige erkenningen",
    )

    def get_base_queryset(self):
        return leerbedrijf_list(user=self.request.user)

    def csv_rij(self, leerbedrijf):
        plaatsen = sorted({v.plaats for v in leerbedrijf.vestigingen.all()})
        return (
            leerbedrijf.organisatie.naam,
            leerbedrijf.organisatie.kvk_nummer,
            leerbedrijf.regio.naam,
            ", ".join(plaatsen),
            leerbedrijf.get_sector_display(),
            leerbedrijf.get_soort_display(),
            leerbedrijf.get_status_display(),
            ja_nee(leerbedrijf.biedt_springplank),
            ja_nee(leerbedrijf.biedt_duurzaam),
            leerbedrijf.get_baancreatie_display(),
            leerbedrijf.aantal_open_leerbanen,
            leerbedrijf.aantal_open_plaatsen,
            leerbedrijf.aantal_erkend,
        )


class LeerbedrijfDetailView(PermissionRequiredMixin, AuditedDetailMixin, DetailView):
    permission_required = "leerbedrijven.view_leerbedrijf"

    def get_queryset(self):
        return leerbedrijf_detail(user=self.request.user)

    def get_context_data(self, **kwargs):
        status_form = forms.StatusForm(leerbedrijf=self.object)
        return super().get_context_data(status_form=status_form, **kwargs)


class LeerbedrijfCreateView(PermissionRequiredMixin, EenmaligeInzendingMixin, FormView):
    permission_required = "leerbedrijven.add_leerbedrijf"
    form_class = forms.LeerbedrijfForm
    template_name = "leerbedrijven/leerbedrijf_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        try:
            leerbedrijf = services.leerbedrijf_create(
                door=self.request.user, **form.service_kwargs()
            )
        except ValidationError as exc:
            fout_in_formulier(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Het leerbedrijf is vastgelegd."))
        return redirect(leerbedrijf)


class LeerbedrijfUpdateView(PermissionRequiredMixin, SingleObjectMixin, FormView):
    permission_required = "leerbedrijven.change_leerbedrijf"
    form_class = forms.LeerbedrijfForm
    template_name = "leerbedrijven/leerbedrijf_form.html"

    def get_queryset(self):
        return leerbedrijf_get_queryset(user=self.request.user)

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.object = self.get_object()  # 404 outside the user's scope
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        return {**kwargs, "instance": self.object, "user": self.request.user}

    def form_valid(self, form):
        try:
            services.leerbedrijf_update(
                leerbedrijf=self.object,
                door=self.request.user,
                versie=form.cleaned_data["versie"],
                **form.service_kwargs(),
            )
        except ValidationError as exc:
            fout_in_formulier(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("De gegevens zijn opgeslagen."))
        return redirect(self.object)


class LeerbedrijfStatusView(PermissionRequiredMixin, SingleObjectMixin, View):
    permission_required = "leerbedrijven.change_leerbedrijf"
    http_method_names = ["post"]

    def get_queryset(self):
        return leerbedrijf_get_queryset(user=self.request.user)

    def post(self, request, *args, **kwargs):
        leerbedrijf = self.get_object()
        form = forms.StatusForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Kies de nieuwe status."))
            return redirect(leerbedrijf)
        naar = form.cleaned_data["naar"]
        try:
            services.leerbedrijf_status_wijzigen(
                leerbedrijf=leerbedrijf,
                naar=naar,
                door=request.user,
                reden=form.cleaned_data["reden"],
            )
        except TransitionNotAllowed as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("De status is nu '%(status)s'.")
                % {"status": LeerbedrijfStatus(naar).label},
            )
        return redirect(leerbedrijf)


class OnderdeelView(EenmaligeInzendingMixin, ActieView):
    """Add, or with `onderdeel_pk` edit, one child row of a visible leerbedrijf
    (`core.acties`: the leerbedrijf and the row 404 outside the scope, then the
    permission to add or to change the row 403).

    Subclasses name the form, the service, the reverse relation, the permissions and
    the texts.
    """

    template_name = "leerbedrijven/onderdeel_form.html"
    model_naam = ""  # the service's keyword for the row, e.g. "erkenning"
    relatie = ""  # reverse relation on Leerbedrijf, e.g. "erkenningen"
    recht_nieuw = recht_wijzigen = ""  # e.g. "leerbedrijven.add_erkenning"
    titel_nieuw = titel_wijzigen = ""

    def get_scope(self):
        return leerbedrijf_get_queryset(user=self.request.user)

    def get_object(self):
        leerbedrijf = super().get_object()
        self.onderdeel = None
        if "onderdeel_pk" in self.kwargs:
            rijen = getattr(leerbedrijf, self.relatie).all()
            self.onderdeel = get_object_or_404(rijen, pk=self.kwargs["onderdeel_pk"])
        return leerbedrijf

    def get_permission_required(self):
        return (self.recht_wijzigen if self.onderdeel else self.recht_nieuw,)

    def get_form_kwargs(self):
        kwargs = {**super().get_form_kwargs(), "leerbedrijf": self.object}
        if self.onderdeel is not None:
            kwargs["instance"] = self.onderdeel
        return kwargs

    def get_context_data(self, **kwargs):
        titel = self.titel_wijzigen if self.onderdeel else self.titel_nieuw
        return super().get_context_data(
            object=self.object, leerbedrijf=self.object, titel=titel, **kwargs
        )

    def uitvoeren(self, form):
        kwargs = {"leerbedrijf": self.object, **form.service_kwargs()}
        if self.onderdeel is not None:
            kwargs[self.model_naam] = self.onderdeel
        self.opslaan(**kwargs)

    def opslaan(self, **kwargs):
        raise NotImplementedError


class ContactmomentToevoegenView(OnderdeelView):
    form_class = forms.ContactmomentForm
    model_naam, relatie = "contactmoment", "contactmomenten"
    recht_nieuw = "leerbedrijven.add_contactmoment"  # a log: never edited here
    titel_nieuw = _("Contactmoment vastleggen")
    gelukt = _("Het contactmoment is vastgelegd.")

    def opslaan(self, **kwargs):
        return services.contactmoment_create(door=self.request.user, **kwargs)


class ErkenningView(OnderdeelView):
    form_class = forms.ErkenningForm
    model_naam, relatie = "erkenning", "erkenningen"
    recht_nieuw = "leerbedrijven.add_erkenning"
    recht_wijzigen = "leerbedrijven.change_erkenning"
    titel_nieuw, titel_wijzigen = _("Erkenning toevoegen"), _("Erkenning wijzigen")
    gelukt = _("De erkenning is opgeslagen.")

    def opslaan(self, **kwargs):
        return services.erkenning_opslaan(**kwargs)


class LeerbaanView(OnderdeelView):
    form_class = forms.LeerbaanForm
    model_naam, relatie = "leerbaan", "leerbanen"
    recht_nieuw = "leerbedrijven.add_leerbaan"
    recht_wijzigen = "leerbedrijven.change_leerbaan"
    titel_nieuw, titel_wijzigen = _("Leerbaan toevoegen"), _("Leerbaan wijzigen")
    gelukt = _("De leerbaan is opgeslagen.")

    def opslaan(self, **kwargs):
        return services.leerbaan_opslaan(**kwargs)


class ContactpersoonView(OnderdeelView):
    form_class = forms.ContactpersoonForm
    model_naam, relatie = "contactpersoon", "contactpersonen"
    recht_nieuw = "leerbedrijven.add_contactpersoon"
    recht_wijzigen = "leerbedrijven.change_contactpersoon"
    titel_nieuw = _("Contactpersoon toevoegen")
    titel_wijzigen = _("Contactpersoon wijzigen")
    gelukt = _("De contactpersoon is opgeslagen.")

    def opslaan(self, **kwargs):
        return services.contactpersoon_opslaan(**kwargs)


class VestigingView(OnderdeelView):
    form_class = forms.VestigingForm
    model_naam, relatie = "vestiging", "vestigingen"
    recht_nieuw = "leerbedrijven.add_vestiging"
    recht_wijzigen = "leerbedrijven.change_vestiging"
    titel_nieuw, titel_wijzigen = _("Vestiging toevoegen"), _("Vestiging wijzigen")
    gelukt = _("De vestiging is opgeslagen.")

    def opslaan(self, **kwargs):
        return services.vestiging_opslaan(**kwargs)
