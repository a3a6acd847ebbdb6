"""Pages of the praktijkverklaring: issuing (from the progress page), the list, the
detail page with its PDF and revocation."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DetailView, ListView

from plpv_portal.core.csv_export import toegang_vastleggen
from plpv_portal.core.mixins import AuditedDetailMixin
from plpv_portal.core.pdf import PdfStatus

from . import services
from .forms import IntrekkenForm, UitreikenForm
from .selectors import verklaring_list
from .views import ActieView


class UitreikenView(ActieView):
    form_class = UitreikenForm
    gelukt = _("De praktijkverklaring is uitgereikt. De PDF wordt gemaakt.")

    def uitvoeren(self, data):
        self.verklaring = services.verklaring_uitreiken(
            traject=self.traject,
            door=self.request.user,
            verificatie_basis=settings.PORTAL_URL
            or self.request.build_absolute_uri("/"),
            **data,
        )

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        verklaring = getattr(self, "verklaring", None)
        return redirect(verklaring) if verklaring else response


class VerklaringListView(ListView):
    template_name = "verklaringen/verklaring_list.html"
    context_object_name = "verklaringen"
    paginate_by = 50

    def get_queryset(self):
        return verklaring_list(user=self.request.user).order_by("-uitgereikt_op", "-pk")


class VerklaringMixin:
    def get_queryset(self):
        return verklaring_list(user=self.request.user)


class VerklaringDetailView(VerklaringMixin, AuditedDetailMixin, DetailView):
    context_object_name = "verklaring"

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
        v = self.object
        return super().get_context_data(
            mag_intrekken=not v.is_ingetrokken
            and services.mag_borgen(v.traject, self.request.user),
            intrekken_form=IntrekkenForm(),
            pdf_bezig=v.pdf_status == PdfStatus.WACHTRIJ,
            **kwargs,
        )


class VerklaringPdfView(VerklaringMixin, View):
    """The PDF only for users who may see the traject; every download is audited."""

    def get(self, request, pk):
        verklaring = get_object_or_404(self.get_queryset(), pk=pk)
        if not verklaring.pdf:
            raise Http404
        toegang_vastleggen([verklaring], actor=request.user, via="pdf")
        return FileResponse(
            verklaring.pdf.open("rb"),
            content_type="application/pdf",
            filename=f"praktijkverklaring-{verklaring.nummer}.pdf",
        )


class VerklaringPdfOpnieuwView(VerklaringMixin, View):
    """Queue a PDF once more when the broker was away."""

    http_method_names = ["post"]

    def post(self, request, pk):
        verklaring = get_object_or_404(self.get_queryset(), pk=pk)
        services.pdf_opnieuw_in_wachtrij(verklaring)
        return redirect(verklaring)


class IntrekkenView(VerklaringMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        verklaring = get_object_or_404(self.get_queryset(), pk=pk)
        form = IntrekkenForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors.get("reden", [])))
            return redirect(verklaring)
        try:
            services.verklaring_intrekken(
                verklaring=verklaring, door=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(verklaring)
        messages.success(request, _("De praktijkverklaring is ingetrokken."))
        return redirect(verklaring)
