"""The notifications page (/meldingen/): every user reads only their own."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from .services import melding_list, meldingen_gelezen


def _terug_naar_lijst(request) -> HttpResponseRedirect:
    # Back to the page of the list the form was on.
    pagina = request.POST.get("page", "")
    url = reverse("meldingen:melding_list")
    return redirect(f"{url}?page={pagina}" if pagina.isdigit() else url)


class MeldingListView(ListView):
    template_name = "meldingen/melding_list.html"
    context_object_name = "meldingen"
    paginate_by = 25

    def get_queryset(self):
        return melding_list(user=self.request.user)


class MeldingOpenenView(View):
    """Follow a notification's link and mark it read (idempotent)."""

    http_method_names = ["get"]

    def get(self, request, pk):
        melding = get_object_or_404(melding_list(user=request.user), pk=pk)
        meldingen_gelezen(user=request.user, ids=[melding.pk])
        veilig = url_has_allowed_host_and_scheme(
            melding.url, allowed_hosts={request.get_host()}
        )
        if melding.url and veilig:
            return redirect(melding.url)
        return redirect("meldingen:melding_list")


class MeldingGelezenView(View):
    http_method_names = ["post"]

    def post(self, request, pk):
        melding = get_object_or_404(melding_list(user=request.user), pk=pk)
        meldingen_gelezen(user=request.user, ids=[melding.pk])
        messages.success(request, _("De melding is gelezen."))
        return _terug_naar_lijst(request)


class AllesGelezenView(View):
    http_method_names = ["post"]

    def post(self, request):
        aantal = meldingen_gelezen(user=request.user)
        if aantal:
            messages.success(request, _("Alle meldingen zijn gelezen."))
        return _terug_naar_lijst(request)
