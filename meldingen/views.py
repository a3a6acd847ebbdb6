"""The notifications page (/meldingen/): every user reads only their own."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView

from .forms import VoorkeurenForm
from .onderwerpen import onderwerp_namen
from .services import (
    LOS,
    groep_gelezen,
    groep_list,
    groepen_inhoud,
    melding_groepen,
    melding_list,
    meldingen_gelezen,
    voorkeuren,
    voorkeuren_opslaan,
)

# A group on the list shows its newest notifications; "Toon alle" shows the rest.
PER_GROEP = 3


def _terug_naar_lijst(request) -> HttpResponseRedirect:
    # Back to the page of the list the form was on.
    pagina = request.POST.get("page", "")
    url = reverse("meldingen:melding_list")
    groep = request.POST.get("terug_groep", "")
    if groep:
        url = f"{url}?{urlencode({'groep': groep})}"
        return redirect(f"{url}&page={pagina}" if pagina.isdigit() else url)
    return redirect(f"{url}?page={pagina}" if pagina.isdigit() else url)


class MeldingListView(ListView):
    """The user's notifications grouped per subject (a traject), newest group first;
    `?groep=<key>` lists every notification of one group."""

    template_name = "meldingen/melding_list.html"
    context_object_name = "groepen"
    paginate_by = 25

    def get_queryset(self):
        self.groep = self.request.GET.get("groep", "")
        if self.groep:
            return groep_list(user=self.request.user, groep=self.groep)
        return melding_groepen(user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if self.groep:
            meldingen = list(context["groepen"])
            if not meldingen:
                raise Http404
            namen = onderwerp_namen([self.groep], user=user)
            context |= {
                "groep": self.groep,
                "groep_naam": namen.get(self.groep, meldingen[0].titel),
                "meldingen": meldingen,
            }
            return context
        groepen = list(context["groepen"])
        sleutels = [g["groep"] for g in groepen]
        inhoud = groepen_inhoud(user=user, groepen=sleutels, per_groep=PER_GROEP)
        namen = onderwerp_namen(
            (s for s in sleutels if not s.startswith(LOS)), user=user
        )
        for groep in groepen:
            groep["meldingen"] = inhoud[groep["groep"]]
            # A subject nobody names (its app registered no `namen`): the newest title.
            los = groep["groep"].startswith(LOS)
            groep["naam"] = (
                ""
                if los
                else namen.get(groep["groep"]) or (groep["meldingen"][0].titel)
            )
            groep["meer"] = groep["aantal"] - len(groep["meldingen"])
        context["groepen"] = groepen
        return context


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


class GroepGelezenView(View):
    """Mark every notification of one group read."""

    http_method_names = ["post"]

    def post(self, request):
        aantal = groep_gelezen(user=request.user, groep=request.POST.get("groep", ""))
        if aantal:
            messages.success(request, _("De meldingen in deze groep zijn gelezen."))
        return _terug_naar_lijst(request)


class VoorkeurenView(FormView):
    """Per kind of notification: only in the portal, at once by e-mail or in the
    daily digest."""

    template_name = "meldingen/voorkeuren.html"
    form_class = VoorkeurenForm

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {
            "huidig": voorkeuren(user=self.request.user)
        }

    def form_valid(self, form):
        try:
            voorkeuren_opslaan(user=self.request.user, keuzes=form.cleaned_data)
        except ValidationError as exc:
            for veld, fouten in exc.message_dict.items():
                form.add_error(veld if veld in form.fields else None, fouten)
            return self.form_invalid(form)
        messages.success(self.request, _("Je keuzes zijn opgeslagen."))
        return redirect("meldingen:voorkeuren")
