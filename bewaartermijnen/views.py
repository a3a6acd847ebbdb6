from django.contrib.auth.mixins import PermissionRequiredMixin
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from core.acties import ActieView
from core.mixins import KandidaatInzageMixin
from kandidaten.selectors import kandidaat_list

from .datums import maanden_erbij
from .forms import AnonimiserenForm
from .models import Bewaartermijnen
from .regels import RECHT, mag_anonimiseren
from .selectors import te_anonimiseren_list
from .services import kandidaat_anonimiseren


class BewaartermijnenView(PermissionRequiredMixin, TemplateView):
    """The retention periods (read-only; changed in the admin) and what the daily
    task will anonymise in the coming month, for the functioneel beheerder."""

    permission_required = "bewaartermijnen.view_bewaartermijnen"
    template_name = "bewaartermijnen/overzicht.html"

    def get_context_data(self, **kwargs):
        vandaag = timezone.localdate()
        tot = maanden_erbij(vandaag, 1)
        return super().get_context_data(
            termijnen=Bewaartermijnen.huidig(),
            tot=tot,
            rijen=te_anonimiseren_list(user=self.request.user, tot=tot),
            **kwargs,
        )


class AnonimiserenView(KandidaatInzageMixin, ActieView):
    """An erasure request: the candidate must be visible (404), the role and rule
    allow it (403); the page asks for the reason and a confirmation."""

    permission_required = RECHT
    form_class = AnonimiserenForm
    template_name = "bewaartermijnen/anonimiseren.html"
    gelukt = _("De persoonsgegevens van de kandidaat zijn geanonimiseerd.")

    def get_scope(self):
        return kandidaat_list(user=self.request.user)

    def get_object(self):
        self.kandidaat = super().get_object()
        return self.kandidaat

    def regel(self, user, obj):
        return mag_anonimiseren(user=user, kandidaat=obj)

    def get_context_data(self, **kwargs):
        return super().get_context_data(kandidaat=self.kandidaat, **kwargs)

    def uitvoeren(self, form):
        kandidaat_anonimiseren(
            kandidaat=self.kandidaat,
            door=self.request.user,
            reden=form.cleaned_data["reden"],
        )

    def get_success_url(self):
        return reverse("kandidaten:kandidaat_list")
