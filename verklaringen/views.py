from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView
from django.views.generic.edit import CreateView, UpdateView

from core.forms import fout_in_formulier
from core.inzending import EenmaligeInzendingMixin
from core.mixins import KandidaatInzageMixin
from organisaties.constants import Rol

from . import services
from .constants import BorgingStatus, ObservatieSoort
from .forms import (
    EindbeoordelingForm,
    GedragsvoorbeeldForm,
    ObservatieForm,
    OntwikkeldoelForm,
    TerugsturenForm,
    UitreikenForm,
    WerkopdrachtForm,
)
from .models import Ontwikkeldoel
from .selectors import (
    begeleiding_leerbedrijven,
    gedragsvoorbeeld_list,
    gedragsvoorbeelden_voor,
    niveau_label,
    traject_beoordeling,
    voortgang,
    werkopdracht_list,
)


class TrajectMixin:
    """Loads the traject from the scoped selector: out of scope is a 404."""

    def dispatch(self, request, *args, **kwargs):
        self.traject = get_object_or_404(
            traject_beoordeling(user=request.user), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def voortgang_url(self):
        return reverse("verklaringen:voortgang", args=[self.traject.pk])


class ObservatieView(
    TrajectMixin, KandidaatInzageMixin, EenmaligeInzendingMixin, FormView
):
    template_name = "verklaringen/observatie_form.html"
    form_class = ObservatieForm

    def get_form_kwargs(self):
        if not services.mag_observeren(self.traject, self.request.user):
            raise PermissionDenied
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
        return super().get_context_data(
            traject=self.traject, soort=ObservatieSoort(self.soort()), **kwargs
        )

    def form_valid(self, form):
        try:
            services.observatie_vastleggen(
                traject=self.traject,
                door=self.request.user,
                datum=form.cleaned_data["datum"],
                soort=self.soort(),
                scores=form.scores(),
            )
        except ValidationError as exc:
            fout_in_formulier(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("De observatie is opgeslagen."))
        return redirect(self.voortgang_url())


class VoortgangView(TrajectMixin, KandidaatInzageMixin, TemplateView):
    template_name = "verklaringen/voortgang.html"

    def get_context_data(self, **kwargs):
        t, user = self.traject, self.request.user
        borgingen = list(t.borgingen.all())
        borging = borgingen[0] if borgingen else None
        mag_borgen = services.mag_borgen(t, user)
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
            mag_observeren=services.mag_observeren(t, user),
            mag_beoordelen=services.mag_beoordelen(t, user),
            mag_borgen=mag_borgen,
            is_ingediend=borging is not None
            and borging.status == BorgingStatus.INGEDIEND,
            doel_form=OntwikkeldoelForm(traject=t),
            beoordeling_form=EindbeoordelingForm(traject=t),
            terug_form=TerugsturenForm(),
            mag_uitreiken=mag_borgen and services.beoordeling_goedgekeurd(t, borging),
            beheerst=services.beheerste_werkprocessen(t),
            uitreiken_form=UitreikenForm(),
            **kwargs,
        )


class ActieMixin(View):
    """POST-only step: form → service (`uitvoeren`) → message → redirect to
    `terug_url()`; a form or service error becomes an error message."""

    http_method_names = ["post"]
    form_class = None
    gelukt = ""

    def form_kwargs(self):
        return {}

    def post(self, request, *args, **kwargs):
        form = (
            self.form_class(request.POST, **self.form_kwargs())
            if self.form_class
            else None
        )
        self.mislukt = False
        if form is not None and not form.is_valid():
            self.mislukt = True
            for veld, fouten in form.errors.items():
                label = form.fields[veld].label if veld in form.fields else ""
                messages.error(request, f"{label}: {' '.join(fouten)}".strip(": "))
            return redirect(self.terug_url())
        try:
            self.uitvoeren(form.cleaned_data if form else {})
            messages.success(request, self.gelukt)
        except ValidationError as exc:
            self.mislukt = True
            messages.error(request, " ".join(exc.messages))
        return redirect(self.terug_url())


class ActieView(TrajectMixin, ActieMixin):
    """A step on the progress page of a traject."""

    def form_kwargs(self):
        return {"traject": self.traject}

    def terug_url(self):
        return self.voortgang_url()


class OntwikkeldoelCreateView(EenmaligeInzendingMixin, ActieView):
    form_class = OntwikkeldoelForm
    gelukt = _("Het ontwikkeldoel is opgeslagen.")

    def inzending_opgeslagen(self, response) -> bool:
        return not self.mislukt  # errors redirect back too

    def uitvoeren(self, data):
        services.ontwikkeldoel_opslaan(
            doel=Ontwikkeldoel(traject=self.traject, **data),
            door=self.request.user,
        )


class OntwikkeldoelUpdateView(TrajectMixin, KandidaatInzageMixin, FormView):
    template_name = "verklaringen/ontwikkeldoel_form.html"
    form_class = OntwikkeldoelForm

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

    def form_valid(self, form):
        try:
            services.ontwikkeldoel_opslaan(doel=form.instance, door=self.request.user)
        except ValidationError as exc:
            fout_in_formulier(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Het ontwikkeldoel is bijgesteld."))
        return redirect(self.voortgang_url())


class EindbeoordelingView(ActieView):
    form_class = EindbeoordelingForm
    gelukt = _("De eindbeoordeling is opgeslagen.")

    def uitvoeren(self, data):
        services.eindbeoordeling_vastleggen(
            traject=self.traject, door=self.request.user, **data
        )


class IndienenView(ActieView):
    gelukt = _("De beoordeling is ingediend bij de mbo-instelling.")

    def uitvoeren(self, data):
        services.beoordeling_indienen(traject=self.traject, door=self.request.user)


class GoedkeurenView(ActieView):
    gelukt = _("De beoordeling is goedgekeurd.")

    def uitvoeren(self, data):
        services.beoordeling_goedkeuren(traject=self.traject, door=self.request.user)


class TerugsturenView(ActieView):
    form_class = TerugsturenForm
    gelukt = _("De beoordeling is teruggestuurd.")

    def form_kwargs(self):
        return {}

    def uitvoeren(self, data):
        services.beoordeling_terugsturen(
            traject=self.traject, door=self.request.user, **data
        )


# --- begeleidingsdocument ---
class BegeleidingListView(PermissionRequiredMixin, ListView):
    permission_required = "verklaringen.view_gedragsvoorbeeld"
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
            "algemeen_toegestaan": user.is_superuser
            or user.heeft_rol(Rol.MBO_MEDEWERKER, Rol.FUNCTIONEEL_BEHEERDER),
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
