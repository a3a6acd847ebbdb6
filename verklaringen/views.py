from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView
from django.views.generic.edit import CreateView, UpdateView

from core.acties import ActieStap, ActieView
from core.forms import fout_in_formulier
from core.inzending import EenmaligeInzendingMixin
from core.mixins import KandidaatInzageMixin

from . import regels, services
from .constants import BorgingStatus, Niveau, ObservatieSoort
from .forms import (
    BewijsForm,
    EindbeoordelingForm,
    GedragsvoorbeeldForm,
    ObservatieForm,
    OntwikkeldoelForm,
    TerugsturenForm,
    UitreikenForm,
    WerkopdrachtForm,
)
from .models import Gedragsvoorbeeld, Ontwikkeldoel
from .selectors import (
    begeleiding_leerbedrijven,
    gedragsvoorbeeld_list,
    gedragsvoorbeelden_voor,
    niveau_label,
    traject_beoordeling,
    voortgang,
    werkopdracht_list,
)


def concept_basis(traject, user) -> int:
    """The newest observation `user` saved on the traject (0: none), from prefetched
    rows. observatie.js keeps a draft with the value it was started on, and drops it
    once this changed: the draft was saved (also when the answer never arrived)."""
    return max(
        (o.pk for o in traject.observaties.all() if o.door_id == user.pk), default=0
    )


class TrajectMixin:
    """Loads the traject from the scoped selector: out of scope is a 404."""

    def dispatch(self, request, *args, **kwargs):
        self.traject = get_object_or_404(
            traject_beoordeling(user=request.user), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)


class TrajectActie:
    """An action on one traject of the assessment (`core.acties`): the traject from
    the scoped selector, back to its progress page."""

    def get_scope(self):
        return traject_beoordeling(user=self.request.user)

    def get_object(self):
        self.traject = super().get_object()
        return self.traject

    def voortgang_url(self):
        return reverse("verklaringen:voortgang", args=[self.traject.pk])

    def get_success_url(self):
        return self.voortgang_url()


class ObservatieView(
    TrajectActie, KandidaatInzageMixin, EenmaligeInzendingMixin, ActieView
):
    template_name = "verklaringen/observatie_form.html"
    form_class = ObservatieForm
    gelukt = _("De observatie is opgeslagen.")

    def regel(self, user, traject):
        return regels.mag_observeren(traject, user)

    def get_form_kwargs(self):
        per_wp = gedragsvoorbeelden_voor(self.traject)
        groepen = [(w, per_wp[w.pk]) for w in self.traject.werkprocessen.all()]
        return {**super().get_form_kwargs(), "groepen": groepen}

    def soort(self):
        heeft_nulmeting = any(
            o.soort == ObservatieSoort.NULMETING for o in self.traject.observaties.all()
        )
        return (
            ObservatieSoort.TUSSENRESULTAAT
            if heeft_nulmeting
            else ObservatieSoort.NULMETING
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        # One werkproces open at a time: the first with an error, else the first.
        fout = [
            any(niveau.errors or notitie.errors for _gv, niveau, notitie in rijen)
            for _wp, rijen in form.groepen
        ]
        open_ = fout.index(True) if any(fout) else 0
        return {
            **context,
            "traject": self.traject,
            "soort": ObservatieSoort(self.soort()),
            "groepen": [
                (wp, rijen, i == open_) for i, (wp, rijen) in enumerate(form.groepen)
            ],
            "niveaus": Niveau.choices,
            "concept_basis": concept_basis(self.traject, self.request.user),
        }

    def uitvoeren(self, form):
        services.observatie_vastleggen(
            traject=self.traject,
            door=self.request.user,
            datum=form.cleaned_data["datum"],
            soort=self.soort(),
            scores=form.scores(),
        )


class VoortgangView(
    TrajectMixin, PermissionRequiredMixin, KandidaatInzageMixin, TemplateView
):
    """The progress page: observations, POP goals, judgements and the borging, so it
    needs the view permission of each (after the scope: out of scope stays a 404)."""

    template_name = "verklaringen/voortgang.html"
    permission_required = (
        "verklaringen.view_observatie",
        "verklaringen.view_ontwikkeldoel",
        "verklaringen.view_eindbeoordeling",
        "verklaringen.view_borging",
        "verklaringen.view_bewijs",
    )

    def get_context_data(self, **kwargs):
        t, user = self.traject, self.request.user
        borgingen = list(t.borgingen.all())
        borging = borgingen[0] if borgingen else None
        mag_borgen = regels.mag_borgen(t, user)
        reeksen = voortgang(t)
        return super().get_context_data(
            traject=t,
            reeksen=reeksen,
            tabel=[
                (obs, [niveau_label(r.punten[i][1]) for r in reeksen])
                for i, obs in enumerate(t.observaties.all())
            ],
            borging=borging,
            borgingen=borgingen,
            mag_observeren=regels.mag_observeren(t, user),
            mag_doel_toevoegen=regels.mag_doel_toevoegen(t, user),
            mag_doel_bijstellen=regels.mag_doel_bijstellen(t, user),
            mag_beoordelen=regels.mag_beoordelen(t, user),
            mag_bewijs_toevoegen=regels.mag_bewijs_toevoegen(t, user),
            bewijzen=t.bewijzen.prefetch_related("gedragsvoorbeelden__werkproces"),
            mag_borgen=mag_borgen,
            is_ingediend=borging is not None
            and borging.status == BorgingStatus.INGEDIEND,
            doel_form=OntwikkeldoelForm(traject=t),
            beoordeling_form=EindbeoordelingForm(traject=t),
            terug_form=TerugsturenForm(),
            mag_uitreiken=mag_borgen and services.beoordeling_goedgekeurd(t, borging),
            beheerst=services.beheerste_werkprocessen(t),
            uitreiken_form=UitreikenForm(),
            concept_basis=concept_basis(t, user),
            **kwargs,
        )


class TrajectStap(TrajectActie, ActieStap):
    """A step on the progress page of a traject; its service checks the rule."""

    form_met_traject = False  # whether the form takes the traject

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.form_met_traject:
            kwargs["traject"] = self.traject
        return kwargs


class OntwikkeldoelCreateView(EenmaligeInzendingMixin, TrajectStap):
    form_class = OntwikkeldoelForm
    form_met_traject = True
    gelukt = _("Het ontwikkeldoel is opgeslagen.")

    def inzending_opgeslagen(self, response) -> bool:
        return not self.mislukt  # errors redirect back too

    def uitvoeren(self, form):
        services.ontwikkeldoel_opslaan(
            doel=Ontwikkeldoel(traject=self.traject, **form.cleaned_data),
            door=self.request.user,
        )


class OntwikkeldoelUpdateView(TrajectActie, KandidaatInzageMixin, ActieView):
    template_name = "verklaringen/ontwikkeldoel_form.html"
    form_class = OntwikkeldoelForm
    gelukt = _("Het ontwikkeldoel is bijgesteld.")

    def get_form_kwargs(self):
        self.doel = get_object_or_404(
            self.traject.ontwikkeldoelen.all(), pk=self.kwargs["doel"]
        )
        return {
            **super().get_form_kwargs(),
            "traject": self.traject,
            "instance": self.doel,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(traject=self.traject, **kwargs)

    def uitvoeren(self, form):
        services.ontwikkeldoel_opslaan(doel=form.instance, door=self.request.user)


class EindbeoordelingView(TrajectStap):
    form_class = EindbeoordelingForm
    form_met_traject = True
    gelukt = _("De eindbeoordeling is opgeslagen.")

    def uitvoeren(self, form):
        services.eindbeoordeling_vastleggen(
            traject=self.traject, door=self.request.user, **form.cleaned_data
        )


class IndienenView(TrajectStap):
    gelukt = _("De beoordeling is ingediend bij de mbo-instelling.")

    def uitvoeren(self, form):
        services.beoordeling_indienen(traject=self.traject, door=self.request.user)


class GoedkeurenView(TrajectStap):
    gelukt = _("De beoordeling is goedgekeurd.")

    def uitvoeren(self, form):
        services.beoordeling_goedkeuren(traject=self.traject, door=self.request.user)


class TerugsturenView(TrajectStap):
    form_class = TerugsturenForm
    gelukt = _("De beoordeling is teruggestuurd.")

    def uitvoeren(self, form):
        services.beoordeling_terugsturen(
            traject=self.traject, door=self.request.user, **form.cleaned_data
        )


class BewijsCreateView(
    TrajectActie, KandidaatInzageMixin, EenmaligeInzendingMixin, ActieView
):
    """Record another proof (certificate, diploma, exam result) on the traject."""

    template_name = "verklaringen/bewijs_form.html"
    form_class = BewijsForm
    gelukt = _("Het bewijs is toegevoegd.")

    def regel(self, user, traject):
        return regels.mag_bewijs_toevoegen(traject, user)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "gedragsvoorbeelden": Gedragsvoorbeeld.objects.filter(
                werkproces__in=self.traject.werkprocessen.all(), actief=True
            ).select_related("werkproces"),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(traject=self.traject, **kwargs)

    def uitvoeren(self, form):
        services.bewijs_toevoegen(
            traject=self.traject,
            door=self.request.user,
            soort=form.cleaned_data["soort"],
            uitgever=form.cleaned_data["uitgever"],
            datum=form.cleaned_data["datum"],
            omschrijving=form.cleaned_data.get("omschrijving", ""),
            document=form.cleaned_data.get("document") or None,
            gedragsvoorbeelden=form.cleaned_data.get("gedragsvoorbeelden") or (),
        )


# --- begeleidingsdocument ---
class BegeleidingListView(PermissionRequiredMixin, ListView):
    """Both halves of the begeleidingsdocument: gedragsvoorbeelden and werkopdrachten."""

    permission_required = (
        "verklaringen.view_gedragsvoorbeeld",
        "verklaringen.view_werkopdracht",
    )
    template_name = "verklaringen/begeleiding_list.html"

    def get_queryset(self):
        return gedragsvoorbeeld_list(user=self.request.user).order_by(
            "werkproces__kerntaak__kwalificatie__naam",
            "werkproces__code",
            "leerbedrijf",
            "volgorde",
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            werkopdrachten=werkopdracht_list(user=self.request.user).order_by(
                "werkproces__code", "titel"
            ),
            **kwargs,
        )


class BegeleidingFormMixin(PermissionRequiredMixin):
    template_name = "verklaringen/begeleiding_form.html"
    success_url = reverse_lazy("verklaringen:begeleiding")

    def get_form_kwargs(self):
        user = self.request.user
        return {
            **super().get_form_kwargs(),
            "leerbedrijven": begeleiding_leerbedrijven(user=user),
            "algemeen_toegestaan": regels.mag_algemene_begeleiding(user),
        }

    def form_valid(self, form):
        try:
            self.opslaan(
                form.instance,
                door=self.request.user,
                leerbedrijven=begeleiding_leerbedrijven(user=self.request.user),
            )
        except ValidationError as exc:
            fout_in_formulier(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Opgeslagen."))
        return redirect(self.success_url)


class GedragsvoorbeeldFormMixin(BegeleidingFormMixin):
    form_class = GedragsvoorbeeldForm

    def opslaan(self, obj, **kw):
        return services.gedragsvoorbeeld_opslaan(gedragsvoorbeeld=obj, **kw)


class WerkopdrachtFormMixin(BegeleidingFormMixin):
    form_class = WerkopdrachtForm

    def opslaan(self, obj, **kw):
        return services.werkopdracht_opslaan(werkopdracht=obj, **kw)


class GedragsvoorbeeldCreateView(
    GedragsvoorbeeldFormMixin, EenmaligeInzendingMixin, CreateView
):
    permission_required = "verklaringen.add_gedragsvoorbeeld"


class GedragsvoorbeeldUpdateView(GedragsvoorbeeldFormMixin, UpdateView):
    permission_required = "verklaringen.change_gedragsvoorbeeld"

    def get_queryset(self):
        return gedragsvoorbeeld_list(user=self.request.user)


class WerkopdrachtCreateView(
    WerkopdrachtFormMixin, EenmaligeInzendingMixin, CreateView
):
    permission_required = "verklaringen.add_werkopdracht"


class WerkopdrachtUpdateView(WerkopdrachtFormMixin, UpdateView):
    permission_required = "verklaringen.change_werkopdracht"

    def get_queryset(self):
        return werkopdracht_list(user=self.request.user)
