from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import (
    CreateView,
    DetailView,
    ListView,
    TemplateView,
    UpdateView,
)

from core.csv_export import CsvExportMixin
from core.inzending import EenmaligeInzendingMixin
from core.lijsten import datum_kort, detail_urls, keuze_labels
from core.mixins import (
    AuditedDetailMixin,
    FilteredListMixin,
    KandidaatInzageMixin,
)
from organisaties.constants import Rol

from .caseload import kolommen_vullen
from .constants import Fase
from .filters import KandidaatFilter
from .forms import ContactmomentForm, KandidaatForm
from .models import Kandidaat
from .panelen import panelen_voor
from .selectors import (
    caseload,
    caseload_pagina,
    caseload_per_consulent,
    kandidaat_detail,
    kandidaat_list,
    signalen,
)
from .services import contactmoment_create, kandidaat_intake, kandidaat_update


class KandidaatListView(
    PermissionRequiredMixin, CsvExportMixin, FilteredListMixin, ListView
):
    """The caseload: a consulent starts with their own candidates."""

    permission_required = ("kandidaten.view_kandidaat", "kandidaten.view_dossier")
    filterset_class = KandidaatFilter
    paginate_by = 50
    csv_naam = "kandidaten"
    csv_audit = True
    csv_kolommen = [
        "Voornaam",
        "Achternaam",
        "Geboortedatum",
        "Postcode",
        "Gemeente",
        "Fase",
        "Traject",
        "Leerbedrijf",
        "Consulent",
        "Laatste contact",
        "Volgende actie",
        "Actie op",
        "Signalen",
    ]

    # The sortable columns: (sort key, header, what the link says to a screen reader).
    kolommen = [
        ("naam", _("Naam"), _("Sorteer op naam")),
        ("fase", _("Fase"), _("Sorteer op fase")),
        ("laatste_contact", _("Laatste contact"), _("Sorteer op laatste contact")),
        ("volgende_actie", _("Volgende actie"), _("Sorteer op datum volgende actie")),
        ("urgentie", _("Signalen"), _("Sorteer op urgentie")),
    ]

    def get_base_queryset(self):
        qs, self.sortering = caseload(
            user=self.request.user, sort=self.request.GET.get("sort")
        )
        return qs

    def get_queryset(self):
        qs = super().get_queryset()
        # The page shows a few columns; the exports every one (csv_rij).
        return qs if self.request.GET.get("export") else caseload_pagina(qs)

    def get_filterset_kwargs(self):
        kwargs = {**super().get_filterset_kwargs(), "user": self.request.user}
        # A consulent starts on their own caseload; any filter field (even empty)
        # means they chose, also on page 2 and in the CSV export.
        gekozen = set(self.request.GET) & set(KandidaatFilter.base_filters)
        if not gekozen and Rol.CONSULENT in self.request.user.rollen:
            kwargs["data"] = {
                **self.request.GET.dict(),
                "consulent": str(self.request.user.pk),
            }
        return kwargs

    def paginate_queryset(self, queryset, page_size):
        # A page number that is no number or past the end (an old bookmark, a list
        # that got shorter) shows page 1 or the last page instead of an error.
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # One page, loaded once: the columns of higher apps are filled for its rows.
        kandidaten = list(context["object_list"])
        kolommen_vullen(kandidaten, user=self.request.user)
        detail_urls(kandidaten, "kandidaten:kandidaat_detail")
        fasen = keuze_labels(Fase.choices)
        for kandidaat in kandidaten:
            kandidaat.signalen = signalen(kandidaat)
            kandidaat.fase_label = fasen.get(kandidaat.fase, kandidaat.fase)
            kandidaat.laatste_contact_tekst = datum_kort(kandidaat.laatste_contact)
            kandidaat.volgende_actie_op_tekst = datum_kort(kandidaat.volgende_actie_op)
        context["object_list"] = context["page_obj"].object_list = kandidaten
        context["sortering"] = self.sortering
        context["kopjes"] = [self._kopje(*kolom) for kolom in self.kolommen]
        return context

    def _kopje(self, sleutel, label, uitleg) -> dict:
        """A column header: the link that sorts on it (again: the other way round)
        and, on the sorted column, its aria-sort. Signals start with the most urgent."""
        aflopend = self.sortering == f"-{sleutel}"
        actief = aflopend or self.sortering == sleutel
        if actief:
            volgende = sleutel if aflopend else f"-{sleutel}"
        else:
            volgende = f"-{sleutel}" if sleutel == "urgentie" else sleutel
        return {
            "label": label,
            "uitleg": uitleg,
            "sort": volgende,
            "aria_sort": ("descending" if aflopend else "ascending") if actief else "",
        }

    def csv_voorbereiden(self, objecten):
        kolommen_vullen(objecten, user=self.request.user)

    def csv_rij(self, k):
        return [
            k.voornaam,
            k.achternaam,
            k.geboortedatum,
            k.postcode,
            k.woonplaats,
            k.get_fase_display(),
            getattr(k, "huidig_traject_status", None),
            getattr(k, "huidig_leerbedrijf", None),
            k.consulent,
            k.laatste_contact,
            k.volgende_actie,
            k.volgende_actie_op,
            ", ".join(signalen(k)),
        ]


class KandidaatDetailView(PermissionRequiredMixin, AuditedDetailMixin, DetailView):
    permission_required = "kandidaten.view_kandidaat"

    def get_queryset(self):
        return kandidaat_detail(user=self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            signalen=signalen(self.object),
            panelen=panelen_voor(kandidaat=self.object, user=self.request.user),
            **kwargs,
        )


class KandidaatFormMixin:
    model = Kandidaat
    form_class = KandidaatForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}


class KandidaatCreateView(
    PermissionRequiredMixin, EenmaligeInzendingMixin, KandidaatFormMixin, CreateView
):
    permission_required = "kandidaten.add_kandidaat"

    def form_valid(self, form):
        try:
            self.object = kandidaat_intake(
                kandidaat=form.instance, door=self.request.user
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("%s is aangemeld.") % self.object)
        return redirect(self.object)


class KandidaatUpdateView(
    PermissionRequiredMixin, KandidaatInzageMixin, KandidaatFormMixin, UpdateView
):
    permission_required = "kandidaten.change_kandidaat"

    def inzage_kandidaat(self):
        return self.object

    def get_queryset(self):
        return kandidaat_list(user=self.request.user)

    def form_valid(self, form):
        try:
            kandidaat_update(
                kandidaat=form.instance,
                door=self.request.user,
                versie=form.cleaned_data.get("versie"),
                gewijzigd=form.gewijzigde_velden(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("De gegevens zijn opgeslagen."))
        return redirect(form.instance)


class ContactmomentCreateView(
    PermissionRequiredMixin, EenmaligeInzendingMixin, KandidaatInzageMixin, CreateView
):
    permission_required = "kandidaten.add_contactmoment"
    form_class = ContactmomentForm
    template_name = "kandidaten/contactmoment_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.kandidaat = get_object_or_404(
            kandidaat_list(user=request.user), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(kandidaat=self.kandidaat, **kwargs)

    def form_valid(self, form):
        contactmoment_create(
            contactmoment=form.instance,
            kandidaat=self.kandidaat,
            door=self.request.user,
        )
        messages.success(self.request, _("Het contactmoment is opgeslagen."))
        return redirect(self.kandidaat)


class TeamView(PermissionRequiredMixin, TemplateView):
    """The coordinator's team view: every consulent's caseload in the region."""

    permission_required = "kandidaten.view_team"
    template_name = "kandidaten/team.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            rijen=caseload_per_consulent(user=self.request.user), **kwargs
        )
