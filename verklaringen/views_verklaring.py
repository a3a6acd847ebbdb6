"""Pages of the praktijkverklaring: issuing (from the progress page), the list, the
detail page with its PDF, credential and revocation; and the same pages of the
mbo-verklaring (a kind's view names its scoped selector, `SoortMixin`)."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DetailView, ListView

from core.acties import ActieStap, ActieView
from core.csv_export import toegang_vastleggen
from core.mixins import AuditedDetailMixin, KandidaatInzageMixin
from core.pdf import PdfStatus, pdf_antwoord

from . import credential as vc
from . import services
from .forms import (
    IntrekkenForm,
    MboVerklaringForm,
    MboVerklaringIntrekkenForm,
    UitreikenForm,
)
from .regels import mag_borgen
from .selectors import bewijs_list, mbo_verklaring_list, verklaring_list
from .verificatie import portaal_adres
from .views import TrajectActie, TrajectStap


class SoortMixin:
    """A page of one kind of verklaring: `selector` (the scoped selector of that
    kind) gives the ones the user may see."""

    selector = staticmethod(verklaring_list)

    def get_queryset(self):
        return self.selector(user=self.request.user)

    def get_verklaring(self, pk):
        return get_object_or_404(self.get_queryset(), pk=pk)


class UitreikenView(TrajectStap):
    form_class = UitreikenForm
    gelukt = _("De praktijkverklaring is uitgereikt. De PDF wordt gemaakt.")

    def uitvoeren(self, form):
        self.verklaring = services.verklaring_uitreiken(
            traject=self.traject,
            door=self.request.user,
            verificatie_basis=portaal_adres(self.request),
            **form.cleaned_data,
        )
        # The PDF was queued on commit: say whether the queue took it.
        self.verklaring.refresh_from_db(fields=["pdf_status"])
        if self.verklaring.pdf_status == PdfStatus.NIET_GESTART:
            self.gelukt = _(
                "De praktijkverklaring is uitgereikt. De PDF kon nu niet starten; "
                "het portaal probeert het later zelf opnieuw."
            )

    def get_success_url(self):
        verklaring = getattr(self, "verklaring", None)
        return verklaring.get_absolute_url() if verklaring else self.voortgang_url()


class VerklaringListView(ListView):
    template_name = "verklaringen/verklaring_list.html"
    context_object_name = "verklaringen"
    paginate_by = 50

    def get_queryset(self):
        return verklaring_list(user=self.request.user).order_by("-uitgereikt_op", "-pk")


class DetailMixin(SoortMixin, AuditedDetailMixin):
    """The detail page of a verklaring: whether the user may revoke it, and the form
    that does."""

    context_object_name = "verklaring"
    intrekken_form_class = IntrekkenForm

    def get_context_data(self, **kwargs):
        v = self.object
        return super().get_context_data(
            mag_intrekken=not v.is_ingetrokken
            and mag_borgen(v.traject, self.request.user),
            intrekken_form=self.intrekken_form_class(),
            **kwargs,
        )


class VerklaringDetailView(DetailMixin, DetailView):
    def get(self, request, *args, **kwargs):
        if request.htmx:
            # The poll for the PDF shows only its status, nothing about the person:
            # no access entry every two seconds.
            self.object = self.get_object()
            return self.render_to_response(self.get_context_data(object=self.object))
        return super().get(request, *args, **kwargs)

    def get_template_names(self):
        if self.request.htmx:
            return ["verklaringen/partials/verklaring_pdf.html"]
        return ["verklaringen/verklaring_detail.html"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            pdf_bezig=self.object.pdf_status == PdfStatus.WACHTRIJ, **kwargs
        )


class VerklaringPdfView(SoortMixin, View):
    """The PDF only for users who may see the traject; every download is audited."""

    def get(self, request, pk):
        verklaring = self.get_verklaring(pk)
        return pdf_antwoord(
            verklaring,
            verklaring.pdf,
            f"{verklaring.bestandsnaam}.pdf",
            user=request.user,
        )


def credential_antwoord(verklaring, vorm: str) -> HttpResponse:
    """The verifiable credential of either kind of verklaring as a download: `.jwt`
    (the signed VC-JWT) or `.json` (a VC 2.0 EnvelopedVerifiableCredential around
    it). An unknown form is a 404. The caller scopes and audits."""
    if vorm not in vc.VORMEN:
        raise Http404
    bestand = vc.download(verklaring, vorm)
    antwoord = HttpResponse(bestand.inhoud, content_type=bestand.soort)
    antwoord["Content-Disposition"] = f'attachment; filename="{bestand.bestandsnaam}"'
    return antwoord


class VerklaringCredentialView(SoortMixin, View):
    """The credential of a verklaring the user may see; every download is audited
    like the PDF."""

    def get(self, request, pk, vorm):
        verklaring = self.get_verklaring(pk)
        antwoord = credential_antwoord(verklaring, vorm)
        toegang_vastleggen([verklaring], actor=request.user, via="credential")
        return antwoord


class VerklaringPdfOpnieuwView(SoortMixin, View):
    """Queue a PDF once more when the broker was away."""

    http_method_names = ["post"]

    def post(self, request, pk):
        verklaring = self.get_verklaring(pk)
        services.pdf_opnieuw_in_wachtrij(verklaring)
        return redirect(verklaring)


class IntrekkenView(SoortMixin, ActieStap):
    """Revoke a verklaring; the service checks the rule (`regels.mag_borgen`)."""

    form_class = IntrekkenForm
    gelukt = _("De praktijkverklaring is ingetrokken.")

    def get_scope(self):
        return self.get_queryset()

    def uitvoeren(self, form):
        services.verklaring_intrekken(
            verklaring=self.object, door=self.request.user, **form.cleaned_data
        )


# --- the mbo-verklaring ---
class MboVerklaringUitreikenView(TrajectActie, KandidaatInzageMixin, ActieView):
    """Issue the mbo-verklaring: choose its parts; the mbo of the traject's school."""

    template_name = "verklaringen/mbo_verklaring_form.html"
    form_class = MboVerklaringForm
    gelukt = _("De mbo-verklaring is uitgereikt. De PDF wordt gemaakt.")

    def regel(self, user, traject):
        return mag_borgen(traject, user)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "praktijkverklaringen": self.traject.verklaringen.filter(
                ingetrokken_op__isnull=True
            ).order_by("uitgereikt_op", "pk"),
            "bewijzen": self.traject.bewijzen.order_by("datum", "pk"),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(traject=self.traject, **kwargs)

    def uitvoeren(self, form):
        self.verklaring = services.mbo_verklaring_uitreiken(
            traject=self.traject,
            door=self.request.user,
            verificatie_basis=portaal_adres(self.request),
            **form.cleaned_data,
        )

    def get_success_url(self):
        return self.verklaring.get_absolute_url()


class MboVerklaringDetailView(DetailMixin, DetailView):
    template_name = "verklaringen/mbo_verklaring_detail.html"
    selector = staticmethod(mbo_verklaring_list)
    intrekken_form_class = MboVerklaringIntrekkenForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **services.mbo_verklaring_onderdelen(self.object), **kwargs
        )


class MboVerklaringPdfView(VerklaringPdfView):
    selector = staticmethod(mbo_verklaring_list)


class MboVerklaringCredentialView(VerklaringCredentialView):
    selector = staticmethod(mbo_verklaring_list)


class MboVerklaringIntrekkenView(IntrekkenView):
    form_class = MboVerklaringIntrekkenForm
    gelukt = _("De mbo-verklaring is ingetrokken.")
    selector = staticmethod(mbo_verklaring_list)

    def uitvoeren(self, form):
        services.mbo_verklaring_intrekken(
            verklaring=self.object, door=self.request.user, **form.cleaned_data
        )


class BewijsDocumentView(View):
    """A proof's PDF only for users who may see the traject; every download is
    audited."""

    def get(self, request, pk):
        bewijs = get_object_or_404(bewijs_list(user=request.user), pk=pk)
        return pdf_antwoord(
            bewijs, bewijs.document, f"bewijs-{bewijs.pk}.pdf", user=request.user
        )
