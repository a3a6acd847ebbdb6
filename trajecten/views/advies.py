from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, FormView, TemplateView

from core.inzending import EenmaligeInzendingMixin
from core.mixins import AuditedDetailMixin, KandidaatInzageMixin
from kandidaten.selectors import kandidaat_list
from kwalificaties.constants import Sector
from leerbedrijven.selectors import leerbedrijf_get_queryset
from trajecten.constants import Onderwerp
from trajecten.forms import AdviesForm, MatchingForm
from trajecten.matching import matches, sectoren_in_wens
from trajecten.selectors import (
    actueel_advies,
    advies_detail,
    mbo_medewerkers,
)
from trajecten.services import advies_vastleggen, advies_voorstel, checklist_vragen


class AdviesCreateView(
    PermissionRequiredMixin, KandidaatInzageMixin, EenmaligeInzendingMixin, FormView
):
    """The Checklist inclusief advies: 'berekenen' shows the suggestion, 'vastleggen' saves."""

    permission_required = "trajecten.add_advies"
    form_class = AdviesForm
    template_name = "trajecten/advies_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.kandidaat = get_object_or_404(
            kandidaat_list(user=request.user), pk=kwargs["pk"]
        )
        self.vorige = actueel_advies(kandidaat=self.kandidaat)
        return super().dispatch(request, *args, **kwargs)

    @property
    def beslissen(self) -> bool:
        return self.request.POST.get("actie") == "vastleggen"

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "vragen": checklist_vragen(met_leerbedrijf=True),
            "mbo_medewerkers": mbo_medewerkers(user=self.request.user),
            "leerbedrijven": leerbedrijf_get_queryset(user=self.request.user),
            "beslissen": self.beslissen,
        }

    def get_initial(self):
        # A new version starts from the answers of the previous one.
        if self.vorige is None:
            return {}
        initial = {
            "mbo_medewerker": self.vorige.mbo_medewerker_id,
            "kwalificatie": self.vorige.kwalificatie_id,
            "leerbedrijf": self.vorige.leerbedrijf_id,
        }
        for a in self.vorige.antwoorden.select_related("vraag"):
            initial[f"vraag_{a.vraag.code}"] = a.antwoord
            initial[f"toelichting_{a.vraag.code}"] = a.toelichting
        return initial

    def get_context_data(self, **kwargs):
        form = kwargs.get("form") or self.get_form()
        return super().get_context_data(
            kandidaat=self.kandidaat,
            vorige=self.vorige,
            kandidaatvragen=form.vraagvelden(Onderwerp.KANDIDAAT),
            leerbedrijfvragen=form.vraagvelden(Onderwerp.LEERBEDRIJF),
            **kwargs,
        )

    def form_valid(self, form):
        voorstel = advies_voorstel(antwoorden=form.gegeven_antwoorden())
        if not self.beslissen:
            form.data = form.data.copy()
            form.data.setdefault("besluit", voorstel.uitkomst)
            if not form.data.get("besluit"):
                form.data["besluit"] = voorstel.uitkomst
            return self.render_to_response(
                self.get_context_data(form=form, voorstel=voorstel)
            )
        try:
            advies = advies_vastleggen(
                kandidaat=self.kandidaat,
                door=self.request.user,
                mbo_medewerker=form.cleaned_data["mbo_medewerker"],
                kwalificatie=form.cleaned_data.get("kwalificatie"),
                leerbedrijf=form.cleaned_data.get("leerbedrijf"),
                antwoorden=form.gegeven_antwoorden(),
                besluit=form.cleaned_data["besluit"],
                motivatie=form.cleaned_data["motivatie"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Het advies is vastgelegd."))
        return redirect(advies)

    def form_invalid(self, form):
        voorstel = None
        if self.beslissen and not any(k.startswith("vraag_") for k in form.errors):
            voorstel = advies_voorstel(antwoorden=form.gegeven_antwoorden())
        return self.render_to_response(
            self.get_context_data(form=form, voorstel=voorstel)
        )


class AdviesDetailView(PermissionRequiredMixin, AuditedDetailMixin, DetailView):
    permission_required = "trajecten.view_advies"

    def get_queryset(self):
        return advies_detail(user=self.request.user)

    def get_context_data(self, **kwargs):
        versies = self.object.kandidaat.adviezen.select_related(
            "besloten_door"
        ).order_by("-versie")
        return super().get_context_data(versies=versies, **kwargs)


class MatchingView(PermissionRequiredMixin, KandidaatInzageMixin, TemplateView):
    """Leerbedrijven that fit a candidate: erkend, with a praktijkopleider and an open
    leerbaan for the kwalificatie, ranked by the wanted werkprocessen they offer, the
    candidate's wish sector and nearness (`trajecten.matching`)."""

    permission_required = "leerbedrijven.view_leerbedrijf"
    template_name = "trajecten/matching.html"

    def get_context_data(self, **kwargs):
        kandidaat = self.kandidaat = get_object_or_404(
            kandidaat_list(user=self.request.user), pk=self.kwargs["pk"]
        )
        advies = actueel_advies(kandidaat=kandidaat)
        initial = (
            {"kwalificatie": advies.kwalificatie_id}
            if advies and advies.kwalificatie_id
            else {}
        )
        form = MatchingForm(self.request.GET or None, initial=initial)
        resultaten = None
        if form.is_bound and form.is_valid():
            kwalificatie = form.cleaned_data["kwalificatie"]
            gewenst = list(form.cleaned_data["werkprocessen"]) or list(
                form.fields["werkprocessen"].queryset
            )
            resultaten = matches(
                user=self.request.user,
                kandidaat=kandidaat,
                kwalificatie=kwalificatie,
                werkprocessen=gewenst,
            )
            kwargs["aantal_gewenst"] = len(gewenst)
            kwargs["kwalificatie"] = kwalificatie
            kwargs["wens_sectoren"] = sorted(
                str(Sector(s).label) for s in sectoren_in_wens(kandidaat.wens_sector)
            )
        return super().get_context_data(
            kandidaat=kandidaat, form=form, resultaten=resultaten, **kwargs
        )
