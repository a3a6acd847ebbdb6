"""The outcome's step on the traject page's 'Volgende stap' line (see
trajecten/volgende_stap.py): once a traject has ended, the consulent records its
outcome before anything else. Registered from UitkomstenConfig.ready()."""

from django.utils.translation import gettext as _

from organisaties.constants import Rol
from trajecten.models import Traject
from trajecten.volgende_stap import VolgendeStap, stap_registreren

from .constants import EINDSTATUSSEN
from .models import Uitkomst
from .regels import mag_vastleggen


@stap_registreren(volgorde=20)
def uitkomst_stap(*, traject: Traject, user) -> VolgendeStap | None:
    if traject.status in EINDSTATUSSEN and not (
        Uitkomst.objects.filter(traject=traject).exists()
    ):
        return VolgendeStap(
            Rol.CONSULENT,
            _("legt de uitkomst vast"),
            "uitkomst",
            mag_vastleggen(user=user, traject=traject)
            and user.heeft_rol(Rol.CONSULENT),
        )
    return None
