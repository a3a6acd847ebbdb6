from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from core.acties import ActieView
from core.mixins import KandidaatInzageMixin

from .constants import EINDSTATUSSEN
from .forms import UitkomstForm, VervolgmetingForm
from .selectors import uitkomst_traject_list, vervolgmeting_list
from .services import uitkomst_vastleggen, vervolgmeting_vastleggen


class _VastleggenView(KandidaatInzageMixin, ActieView):
    """A form on one traject the user may see (404 otherwise) and change (403)."""

    permission_required = "trajecten.change_traject"

    def opslaan(self, data: dict) -> str:
        """Call the service; returns the success message."""
        raise NotImplementedError

    def uitvoeren(self, form):
        self.gelukt = self.opslaan(form.cleaned_data)

    def get_success_url(self):
        return self.traject.get_absolute_url()


class UitkomstView(_VastleggenView):
    form_class = UitkomstForm
    template_name = "uitkomsten/uitkomst_form.html"

    def get_scope(self):
        return uitkomst_traject_list(user=self.request.user)

    def get_object(self):
        self.traject = super().get_object()
        self.uitkomst = getattr(self.traject, "uitkomst", None)
        return self.traject

    def get(self, request, *args, **kwargs):
        if self.traject.status not in EINDSTATUSSEN:
            messages.error(
                request,
                _("Dit traject loopt nog. Een uitkomst leg je vast aan het einde."),
            )
            return redirect(self.traject)
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        u = self.uitkomst
        if u:
            return {
                "soort": u.soort,
                "datum": u.datum,
                "contractsoort": u.contractsoort,
                "uren_per_week": u.uren_per_week,
                "uitval_reden": u.uitval_reden,
                "toelichting": u.toelichting,
            }
        initial = {"datum": self.traject.einde}
        if self.traject.uitval_reden:
            initial.update(soort="uitgevallen", uitval_reden=self.traject.uitval_reden)
        return initial

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            traject=self.traject, uitkomst=self.uitkomst, **kwargs
        )

    def opslaan(self, data: dict) -> str:
        uitkomst_vastleggen(traject=self.traject, door=self.request.user, **data)
        return _("De uitkomst is vastgelegd. De nametingen staan gepland.")


class VervolgmetingView(_VastleggenView):
    form_class = VervolgmetingForm
    template_name = "uitkomsten/vervolgmeting_form.html"

    def get_scope(self):
        return vervolgmeting_list(user=self.request.user)

    def get_object(self):
        self.vervolgmeting = super().get_object()
        self.traject = self.vervolgmeting.traject
        return self.vervolgmeting

    def get_initial(self):
        m = self.vervolgmeting
        if m.gemeten_op is None:
            return super().get_initial()
        return {
            "situatie": m.situatie,
            "gemeten_op": m.gemeten_op,
            "contractsoort": m.contractsoort,
            "uren_per_week": m.uren_per_week,
            "toelichting": m.toelichting,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            traject=self.traject, vervolgmeting=self.vervolgmeting, **kwargs
        )

    def opslaan(self, data: dict) -> str:
        vervolgmeting_vastleggen(
            vervolgmeting=self.vervolgmeting, door=self.request.user, **data
        )
        return _("De nameting is vastgelegd.")
