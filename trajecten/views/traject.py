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
from core.lijsten import datum_kort, detail_urls, keuze_labels
from core.mixins import AuditedDetailMixin, KandidaatInzageMixin
from core.paginering import SleutelsEerstPaginator
from core.pdf import pdf_antwoord
from core.workflow import TransitionNotAllowed
from kandidaten.selectors import kandidaat_list
from leerbedrijven.selectors import leerbedrijf_get_queryset, praktijkopleider_list
from organisaties.constants import Rol
from organisaties.selectors import (
    mbo_instelling_list,
    medewerkers_in_regio,
    organisatie_list,
)
from trajecten.constants import (
    ACTIEVE_STATUSSEN,
    PARTIJEN,
    OvereenkomstSoort,
    Partij,
    PdfStatus,
    TrajectStatus,
)
from trajecten.forms import (
    CorrectieForm,
    FinancieringForm,
    OndertekeningForm,
    PlaatsingForm,
    StatusForm,
    TrajectForm,
)
from trajecten.models import Ondertekening
from trajecten.panelen import traject_secties_voor
from trajecten.regels import mag_traject_corrigeren
from trajecten.selectors import (
    actueel_advies,
    overeenkomst_versie_list,
    regeling_waarschuwingen,
    traject_detail,
    traject_list,
    traject_voorinvulling,
)
from trajecten.services import (
    advies_verplicht,
    financiering_toevoegen,
    ondertekening_vastleggen,
    ontbrekende_handtekeningen,
    overeenkomsten_genereren,
    plaatsing_toevoegen,
    traject_corrigeren,
    traject_starten,
    traject_status_wijzigen,
)
from trajecten.services.overeenkomsten import overeenkomst_gegevens, versie_verouderd
from trajecten.volgende_stap import volgende_stap


class TrajectListView(PermissionRequiredMixin, CsvExportMixin, ListView):
    permission_required = "trajecten.view_traject"
    paginate_by = 50
    paginator_class = SleutelsEerstPaginator
    csv_naam = "trajecten"
    csv_audit = True
    csv_kolommen = [
        "Kandidaat",
        "Kwalificatie",
        "Leerbedrijf",
        "Status",
        "Start",
        "Gepland einde",
    ]

    def get_queryset(self):
        qs = traject_list(user=self.request.user)
        status = self.request.GET.get("status")
        return qs.filter(status=status) if status in TrajectStatus.values else qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(statussen=TrajectStatus.choices, **kwargs)
        trajecten = list(context["object_list"])
        detail_urls(trajecten, "trajecten:traject_detail")
        statussen = keuze_labels(TrajectStatus.choices)
        for traject in trajecten:
            traject.status_label = statussen.get(traject.status, traject.status)
            traject.periode = (
                f"{datum_kort(traject.startdatum)} – "
                f"{datum_kort(traject.geplande_einddatum)}"
            )
        context["object_list"] = trajecten
        return context

    def csv_rij(self, t):
        leerbedrijven = ", ".join(str(p.leerbedrijf) for p in t.plaatsingen.all())
        return [
            t.kandidaat,
            t.kwalificatie.naam,
            leerbedrijven,
            t.get_status_display(),
            t.startdatum,
            t.geplande_einddatum,
        ]


class TrajectDetailView(PermissionRequiredMixin, AuditedDetailMixin, DetailView):
    permission_required = "trajecten.view_traject"

    def get_queryset(self):
        return traject_detail(user=self.request.user)

    def get_context_data(self, **kwargs):
        traject = self.object
        return super().get_context_data(
            status_form=kwargs.pop("status_form", None) or StatusForm(traject=traject),
            waarschuwingen=regeling_waarschuwingen(traject),
            volgende_stap=volgende_stap(traject=traject, user=self.request.user),
            secties=traject_secties_voor(traject=traject, user=self.request.user),
            mag_corrigeren=traject.status in ACTIEVE_STATUSSEN
            and mag_traject_corrigeren(user=self.request.user, traject=traject),
            **overeenkomsten_context(traject),
            **kwargs,
        )


def overeenkomsten_context(traject) -> dict:
    """The agreements panel: newest version per agreement, signatures, what is missing."""
    rijen = []
    for overeenkomst in traject.overeenkomsten.all():
        versies = list(overeenkomst.versies.all())
        laatste = versies[0] if versies else None
        getekend = (
            {o.partij: o for o in laatste.ondertekeningen.all()} if laatste else {}
        )
        rijen.append(
            {
                "overeenkomst": overeenkomst,
                "laatste": laatste,
                "oude_versies": versies[1:],
                "partijen": [
                    (p, Partij(p).label, getekend.get(p))
                    for p in PARTIJEN[overeenkomst.soort]
                ],
            }
        )
    bezig = any(
        r["laatste"] and r["laatste"].pdf_status == PdfStatus.WACHTRIJ for r in rijen
    )
    # The same fingerprint check that blocks the start: data changed (a correction,
    # a new placement) since the newest version means a new version and signatures.
    verouderd = []
    if traject.status in ACTIEVE_STATUSSEN and any(r["laatste"] for r in rijen):
        gegevens = overeenkomst_gegevens(traject=traject)
        verouderd = [
            r["overeenkomst"].get_soort_display()
            for r in rijen
            if r["laatste"]
            and versie_verouderd(
                versie=r["laatste"], soort=r["overeenkomst"].soort, gegevens=gegevens
            )
        ]
    return {"overeenkomsten": rijen, "pdf_bezig": bezig, "verouderd": verouderd}


class OvereenkomstenPaneelView(TrajectDetailView):
    """The agreements panel alone, polled by htmx while a PDF is being made."""

    template_name = "trajecten/partials/overeenkomsten.html"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return self.render_to_response(
            {"traject": self.object, **overeenkomsten_context(self.object)}
        )


class TrajectStartView(
    PermissionRequiredMixin, KandidaatInzageMixin, EenmaligeInzendingMixin, FormView
):
    """Start a traject for a candidate. Without an advice the form asks why (or the
    page refuses, when the beheerder made the advice required). From a match the
    form comes prefilled (`?leerbedrijf=&kwalificatie=&werkprocessen=&leerbaan=`)."""

    permission_required = "trajecten.add_traject"
    form_class = TrajectForm
    template_name = "trajecten/traject_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.kandidaat = get_object_or_404(
            kandidaat_list(user=request.user), pk=kwargs["pk"]
        )
        self.advies = actueel_advies(kandidaat=self.kandidaat)
        self.geblokkeerd = self.advies is None and advies_verplicht()
        self.vanuit_match = (
            traject_voorinvulling(user=request.user, vraag=request.GET)
            if request.method == "GET"
            else None
        )
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.geblokkeerd:  # no page offers the form then; the service refuses too
            return self.render_to_response(self.get_context_data())
        return super().post(request, *args, **kwargs)

    def get_initial(self):
        initial = {"jobcoach": self.kandidaat.jobcoach_id}
        if self.advies:
            initial.update(
                kwalificatie=self.advies.kwalificatie_id,
                mbo_instelling=self.advies.mbo_instelling_id,
                leerbedrijf=self.advies.leerbedrijf_id,
            )
        if self.vanuit_match:
            initial.update(self.vanuit_match.initial())
        return initial

    def get_form_kwargs(self):
        user = self.request.user
        return {
            **super().get_form_kwargs(),
            "leerbedrijven": leerbedrijf_get_queryset(user=user),
            "praktijkopleiders": praktijkopleider_list(user=user),
            "mbo_instellingen": mbo_instelling_list(user=user),
            "jobcoaches": medewerkers_in_regio(user=user, rol=Rol.JOBCOACH),
            "zonder_advies": self.advies is None,
        }

    def get_form(self, form_class=None):
        return None if self.geblokkeerd else super().get_form(form_class)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            kandidaat=self.kandidaat,
            advies=self.advies,
            geblokkeerd=self.geblokkeerd,
            vanuit_match=self.vanuit_match,
            **kwargs,
        )

    def form_valid(self, form):
        traject = form.save(commit=False)
        traject.kandidaat, traject.advies = self.kandidaat, self.advies
        traject.consulent = self.kandidaat.consulent
        traject.zonder_advies_reden = form.cleaned_data.get("zonder_advies_reden", "")
        try:
            traject = traject_starten(
                traject=traject,
                werkprocessen=list(form.cleaned_data["werkprocessen"]),
                plaatsing=form.plaatsing(),
                door=self.request.user,
            )
        except ValidationError as exc:
            fout_in_formulier(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Het traject is gestart."))
        return redirect(traject)


class TrajectObjectMixin(PermissionRequiredMixin, SingleObjectMixin):
    """A POST or sub-form on one traject the user may see (404 otherwise)."""

    def get_queryset(self):
        return traject_list(user=self.request.user)


class TrajectStatusView(TrajectObjectMixin, View):
    permission_required = "trajecten.change_traject"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        traject = self.get_object()
        form = StatusForm(request.POST, traject=traject)
        if not form.is_valid():
            for fouten in form.errors.values():
                messages.error(request, " ".join(fouten))
            return redirect(traject)
        try:
            traject_status_wijzigen(
                traject=traject,
                naar=form.cleaned_data["naar"],
                door=request.user,
                reden=form.cleaned_data["reden"],
                uitval_reden=form.cleaned_data["uitval_reden"],
            )
            messages.success(request, _("De status is gewijzigd."))
        except TransitionNotAllowed as exc:
            messages.error(request, str(exc))
        return redirect(traject)


class OvereenkomstenGenererenView(TrajectObjectMixin, View):
    permission_required = "trajecten.change_traject"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        traject = self.get_object()
        versies = overeenkomsten_genereren(traject=traject, door=request.user)
        # The PDFs were queued on commit: read back whether the queue took them.
        for versie in versies:
            versie.refresh_from_db(fields=["pdf_status"])
        mislukt = [v for v in versies if v.pdf_status == PdfStatus.NIET_GESTART]
        if mislukt:
            messages.warning(
                request,
                _(
                    "De overeenkomsten zijn opgeslagen, maar de PDF's konden nu niet "
                    "starten. Er is niets verloren: het portaal probeert het later zelf "
                    "opnieuw."
                ),
            )
        else:
            messages.success(request, _("De overeenkomsten worden gemaakt."))
        return redirect(traject)


class TrajectSubFormView(KandidaatInzageMixin, ActieView):
    """Add a placement or a financing to a traject (`core.acties`: the traject 404
    outside the scope, then `change_traject` 403)."""

    permission_required = "trajecten.change_traject"
    template_name = "trajecten/subform.html"
    titel = ""
    gelukt = _("Opgeslagen.")

    def get_scope(self):
        return traject_list(user=self.request.user)

    def inzage_kandidaat(self):
        return self.object.kandidaat

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object, traject=self.object, titel=self.titel, **kwargs
        )

    def uitvoeren(self, form):
        self.opslaan(form)

    def opslaan(self, form):
        raise NotImplementedError


class TrajectCorrigerenView(KandidaatInzageMixin, ActieView):
    """Correct period, hours, werkprocessen, placement dates and funding of an active
    traject, with a reason; only for whom `regels.mag_traject_corrigeren` allows (403)."""

    permission_required = "trajecten.change_traject"
    form_class = CorrectieForm
    template_name = "trajecten/correctie_form.html"

    def get_scope(self):
        return traject_list(user=self.request.user)

    def regel(self, user, traject):
        return mag_traject_corrigeren(user=user, traject=traject)

    def niet_nu(self):
        if self.object.status in ACTIEVE_STATUSSEN:
            return None
        messages.error(
            self.request,
            _("Dit traject is %s. Een afgelopen traject kun je niet meer corrigeren.")
            % self.object.get_status_display().lower(),
        )
        return redirect(self.object)

    def inzage_kandidaat(self):
        return self.object.kandidaat

    def get_form_kwargs(self):
        traject = self.object
        return {
            **super().get_form_kwargs(),
            "traject": traject,
            "plaatsingen": list(
                traject.plaatsingen.select_related("leerbedrijf__organisatie")
            ),
            "financieringen": list(traject.financieringen.select_related("betaler")),
            "betalers": organisatie_list(user=self.request.user),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(traject=self.object, **kwargs)

    gelukt = _("De correctie is opgeslagen.")

    def uitvoeren(self, form):
        resultaat = traject_corrigeren(
            traject=self.object,
            door=self.request.user,
            invoer=form.invoer(),
            reden=form.cleaned_data["reden"],
            versie=form.cleaned_data["versie"],
            overlap_bedoeld=form.cleaned_data.get("overlap_bedoeld", False),
        )
        if resultaat.verouderde_overeenkomsten:
            self.waarschuwing = _(
                "Deze overeenkomsten kloppen niet meer met het traject: %s. Maak een "
                "nieuwe versie met de knop 'Overeenkomsten maken'. Daarna moeten "
                "alle partijen de nieuwe versie opnieuw tekenen."
            ) % ", ".join(
                str(OvereenkomstSoort(s).label)
                for s in resultaat.verouderde_overeenkomsten
            )

    def form_valid(self, form):
        self.waarschuwing = None
        response = super().form_valid(form)
        if self.waarschuwing:
            messages.warning(self.request, self.waarschuwing)
        return response


class PlaatsingToevoegenView(EenmaligeInzendingMixin, TrajectSubFormView):
    form_class = PlaatsingForm
    titel = _("Plaatsing toevoegen")

    def get_form_kwargs(self):
        user = self.request.user
        return {
            **super().get_form_kwargs(),
            "traject": self.object,
            "leerbedrijven": leerbedrijf_get_queryset(user=user),
            "praktijkopleiders": praktijkopleider_list(user=user),
        }

    def opslaan(self, form):
        plaatsing_toevoegen(
            traject=self.object,
            plaatsing=form.instance,
            door=self.request.user,
            overlap_bedoeld=form.cleaned_data.get("overlap_bedoeld", False),
        )


class FinancieringToevoegenView(EenmaligeInzendingMixin, TrajectSubFormView):
    form_class = FinancieringForm
    titel = _("Financiering toevoegen")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "betalers": organisatie_list(user=self.request.user),
        }

    def opslaan(self, form):
        financiering_toevoegen(
            traject=self.object, financiering=form.instance, door=self.request.user
        )


class OndertekeningView(
    PermissionRequiredMixin, KandidaatInzageMixin, EenmaligeInzendingMixin, FormView
):
    """Record a party's signature on the newest version of an agreement."""

    permission_required = "trajecten.add_ondertekening"
    form_class = OndertekeningForm
    template_name = "trajecten/subform.html"

    def dispatch(self, request, *args, **kwargs):
        self.versie = get_object_or_404(
            overeenkomst_versie_list(user=request.user), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def inzage_kandidaat(self):
        return self.versie.overeenkomst.traject.kandidaat

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "partijen": PARTIJEN[self.versie.overeenkomst.soort],
        }

    def get_initial(self):
        return {"partij": self.request.GET.get("partij")}

    def get_context_data(self, **kwargs):
        titel = _("%(ovk)s versie %(n)s tekenen") % {
            "ovk": self.versie.overeenkomst.get_soort_display(),
            "n": self.versie.nummer,
        }
        return super().get_context_data(
            traject=self.versie.overeenkomst.traject,
            titel=titel,
            multipart=True,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            ondertekening_vastleggen(
                versie=self.versie, door=self.request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            fout_in_formulier(form, exc)
            return self.form_invalid(form)
        traject = self.versie.overeenkomst.traject
        if not ontbrekende_handtekeningen(traject=traject):
            messages.success(self.request, _("Alle overeenkomsten zijn getekend."))
        else:
            messages.success(self.request, _("De handtekening is vastgelegd."))
        return redirect(traject)


class OvereenkomstPdfView(PermissionRequiredMixin, View):
    """Serve an agreement PDF only to users who may see the traject (media is not
    public); every download is an access entry in the audit trail."""

    permission_required = "trajecten.view_traject"

    def get(self, request, pk):
        versie = get_object_or_404(overeenkomst_versie_list(user=request.user), pk=pk)
        naam = f"{versie.overeenkomst.get_soort_display()} v{versie.nummer}.pdf"
        return pdf_antwoord(versie, versie.pdf, naam, user=request.user)


class OndertekeningBestandView(PermissionRequiredMixin, View):
    """The uploaded signed copy, under the same scope check and audit as the PDF."""

    permission_required = "trajecten.view_traject"

    def get(self, request, pk):
        ondertekening = get_object_or_404(
            Ondertekening.objects.filter(
                versie__in=overeenkomst_versie_list(user=request.user)
            ).exclude(bestand=""),
            pk=pk,
        )
        return pdf_antwoord(
            ondertekening,
            ondertekening.bestand,
            f"getekend-{ondertekening.partij}.pdf",
            user=request.user,
        )
