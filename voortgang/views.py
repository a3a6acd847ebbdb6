from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from core.acties import ActieStap, ActieView
from core.forms import fout_in_formulier
from core.inzending import EenmaligeInzendingMixin
from core.mixins import KandidaatInzageMixin

from . import regels, selectors, services
from .forms import (
    CorrectieForm,
    GesprekForm,
    OpPapierForm,
    RitmeForm,
    WeekForm,
    actie_formulieren,
)
from .models import Aanwezigheid
from .weken import iso_week


def week_url(plaatsing, week: date) -> str:
    return reverse("voortgang:week", args=[plaatsing.pk, week.isoformat()])


class UrenView(PermissionRequiredMixin, TemplateView):
    """The praktijkopleider's weeks to confirm, over all his placements: one tap
    per week."""

    permission_required = "voortgang.add_aanwezigheid"
    template_name = "voortgang/uren.html"

    def get_context_data(self, **kwargs):
        vandaag = timezone.localdate()
        rijen = selectors.open_weken_opleider(user=self.request.user, vandaag=vandaag)
        return super().get_context_data(
            plaatsingen=[
                (
                    p,
                    [
                        (w, w + timedelta(days=6), iso_week(w), week_url(p, w))
                        for w in reversed(weken)
                    ],
                )
                for p, weken in rijen
            ],
            **kwargs,
        )


class PlaatsingWekenView(KandidaatInzageMixin, PermissionRequiredMixin, TemplateView):
    """Every week of one placement with its hours, totals against plan."""

    permission_required = "voortgang.view_aanwezigheid"
    template_name = "voortgang/plaatsing_weken.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.plaatsing = get_object_or_404(
                selectors.plaatsing_list(user=request.user), pk=kwargs["pk"]
            )
            self.traject = self.plaatsing.traject
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        weken, totalen = selectors.plaatsing_weken(
            self.plaatsing, vandaag=timezone.localdate()
        )
        return super().get_context_data(
            plaatsing=self.plaatsing,
            traject=self.traject,
            weken=[(w, week_url(self.plaatsing, w.maandag)) for w in weken],
            totalen=totalen,
            mag_bevestigen=regels.mag_bevestigen(self.plaatsing, self.request.user),
            gepland=services.gepland_uren(self.plaatsing),
            **kwargs,
        )


class WeekView(KandidaatInzageMixin, EenmaligeInzendingMixin, ActieView):
    """One week of one placement: confirm it (the praktijkopleider) or, once
    confirmed, correct it with a reason (praktijkopleider or consulent). A double
    tap on the one-tap button sends the same token twice: the second answer is the
    first one's page, not an error."""

    template_name = "voortgang/week_form.html"

    def get_scope(self):
        return selectors.plaatsing_list(user=self.request.user)

    def get_object(self):
        plaatsing = super().get_object()
        self.traject = plaatsing.traject
        try:
            self.week = date.fromisoformat(self.kwargs["week"])
        except ValueError as exc:
            raise Http404 from exc
        self.aanwezigheid = (
            Aanwezigheid.objects.filter(plaatsing=plaatsing, week=self.week)
            .prefetch_related("correcties__door")
            .select_related("bevestigd_door")
            .first()
        )
        return plaatsing

    def regel(self, user, obj):
        if self.aanwezigheid:
            return regels.mag_corrigeren(obj, user)
        return regels.mag_bevestigen(obj, user)

    def get_form_class(self):
        return CorrectieForm if self.aanwezigheid else WeekForm

    def get_initial(self):
        a = self.aanwezigheid
        if a:
            return {
                "gewerkt_uren": a.gewerkt_uren,
                "afwezigheid_reden": a.afwezigheid_reden,
                "toelichting": a.toelichting,
                "versie": a.versie,
            }
        return {"gewerkt_uren": services.gepland_uren(self.object)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            plaatsing=self.object,
            traject=self.traject,
            week=self.week,
            week_code=iso_week(self.week),
            aanwezigheid=self.aanwezigheid,
            gepland=self.aanwezigheid.gepland_uren
            if self.aanwezigheid
            else services.gepland_uren(self.object),
            **kwargs,
        )

    def uitvoeren(self, form):
        data = form.cleaned_data
        if self.aanwezigheid:
            services.aanwezigheid_corrigeren(
                aanwezigheid=self.aanwezigheid,
                gewerkt_uren=data["gewerkt_uren"],
                afwezigheid_reden=data["afwezigheid_reden"],
                toelichting=data["toelichting"],
                reden=data["reden"],
                versie=data["versie"],
                door=self.request.user,
            )
            self.gelukt = _("De week is gecorrigeerd.")
        else:
            services.aanwezigheid_bevestigen(
                plaatsing=self.object,
                week=self.week,
                gewerkt_uren=data["gewerkt_uren"],
                afwezigheid_reden=data["afwezigheid_reden"],
                toelichting=data["toelichting"],
                door=self.request.user,
            )
            self.gelukt = _("Week %s is bevestigd.") % iso_week(self.week)

    def get_success_url(self):
        volgende = self.request.POST.get("volgende", "")
        if volgende == "uren":
            return reverse("voortgang:uren")
        return reverse("voortgang:plaatsing", args=[self.object.pk])


class GesprekNieuwView(KandidaatInzageMixin, EenmaligeInzendingMixin, ActieView):
    template_name = "voortgang/gesprek_form.html"
    form_class = GesprekForm
    permission_required = "voortgang.add_voortgangsgesprek"
    gelukt = _("Het voortgangsgesprek is vastgelegd. Vraag de anderen om te tekenen.")

    def get_scope(self):
        return selectors.traject_list(user=self.request.user)

    def get_object(self):
        self.traject = super().get_object()
        self.eigenaren = services.gesprek_eigenaren(self.traject)
        return self.traject

    def regel(self, user, obj):
        return regels.mag_gesprek_vastleggen(obj, user)

    def get_initial(self):
        return {"datum": timezone.localdate()}

    def acties_formset(self):
        data = self.request.POST if self.request.method == "POST" else None
        return actie_formulieren(data, eigenaren=self.eigenaren)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("acties", self.acties_formset())
        return super().get_context_data(traject=self.traject, **kwargs)

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        acties = self.acties_formset()
        # Every form validated (no short-circuit), so each shows its own errors.
        if not all([form.is_valid(), *(a.is_valid() for a in acties)]):
            return self.render_to_response(
                self.get_context_data(form=form, acties=acties)
            )
        try:
            self.gesprek = services.gesprek_vastleggen(
                traject=self.traject,
                door=request.user,
                acties=[
                    f.cleaned_data for f in acties if f.cleaned_data.get("omschrijving")
                ],
                **form.cleaned_data,
            )
        except ValidationError as exc:
            fout_in_formulier(form, exc)
            return self.render_to_response(
                self.get_context_data(form=form, acties=acties)
            )
        messages.success(request, self.gelukt)
        return redirect(self.gesprek)


class GesprekView(KandidaatInzageMixin, PermissionRequiredMixin, TemplateView):
    permission_required = "voortgang.view_voortgangsgesprek"
    template_name = "voortgang/gesprek_detail.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.gesprek = get_object_or_404(
                selectors.gesprek_detail(user=request.user), pk=kwargs["pk"]
            )
            self.traject = self.gesprek.traject
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        gesprek = self.gesprek
        getekend = {o.partij: o for o in gesprek.ondertekeningen.all()}
        partij = regels.partij_van(self.traject, user)
        return super().get_context_data(
            gesprek=gesprek,
            traject=self.traject,
            getekend=getekend,
            ondertekeningen=list(getekend.values()),
            kan_tekenen=regels.mag_ondertekenen(self.traject, user)
            and partij not in getekend,
            mag_op_papier=regels.mag_op_papier_vastleggen(self.traject, user)
            and "kandidaat" not in getekend,
            papier_form=OpPapierForm(initial={"getekend_op": gesprek.datum}),
            acties=[
                (a, not a.afgerond_op and regels.mag_actie_afronden(a, user))
                for a in gesprek.acties.all()
            ],
            **kwargs,
        )


class _GesprekStap(KandidaatInzageMixin, ActieStap):
    def get_scope(self):
        return selectors.gesprek_detail(user=self.request.user)

    def get_object(self):
        gesprek = super().get_object()
        self.traject = gesprek.traject
        return gesprek


class OndertekenenView(_GesprekStap):
    # The service refuses a user who is not a party, with a message.
    permission_required = "voortgang.view_voortgangsgesprek"
    gelukt = _("Je hebt het gesprek getekend.")

    def uitvoeren(self, form):
        services.gesprek_ondertekenen(gesprek=self.object, door=self.request.user)


class OpPapierView(_GesprekStap):
    form_class = OpPapierForm
    permission_required = "voortgang.add_gesprekondertekening"
    gelukt = _("Vastgelegd: de kandidaat heeft op papier getekend.")

    def regel(self, user, obj):
        return regels.mag_op_papier_vastleggen(obj.traject, user)

    def uitvoeren(self, form):
        services.gesprek_op_papier_getekend(
            gesprek=self.object,
            door=self.request.user,
            getekend_op=form.cleaned_data["getekend_op"],
        )


class ActieAfrondenView(KandidaatInzageMixin, ActieStap):
    permission_required = "voortgang.change_gesprekactie"
    gelukt = _("De actie is afgerond.")

    def get_scope(self):
        return selectors.actie_list(user=self.request.user)

    def get_object(self):
        actie = super().get_object()
        self.traject = actie.gesprek.traject
        return actie

    def regel(self, user, obj):
        return regels.mag_actie_afronden(obj, user)

    def uitvoeren(self, form):
        services.actie_afronden(actie=self.object, door=self.request.user)

    def get_success_url(self):
        return self.object.gesprek.get_absolute_url()


class RitmeView(KandidaatInzageMixin, ActieView):
    form_class = RitmeForm
    template_name = "voortgang/ritme_form.html"
    permission_required = "voortgang.change_gespreksritme"
    gelukt = _("Het ritme van de voortgangsgesprekken is aangepast.")

    def get_scope(self):
        return selectors.traject_list(user=self.request.user)

    def get_object(self):
        self.traject = super().get_object()
        return self.traject

    def regel(self, user, obj):
        return regels.mag_ritme_instellen(obj, user)

    def get_initial(self):
        return {"weken": selectors.gesprek_weken(self.traject)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(traject=self.traject, **kwargs)

    def uitvoeren(self, form):
        services.gespreksritme_instellen(
            traject=self.object,
            weken=form.cleaned_data["weken"],
            door=self.request.user,
        )

    def get_success_url(self):
        return self.traject.get_absolute_url() + "#kop-voortgang"
