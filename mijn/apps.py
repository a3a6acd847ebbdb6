from django.apps import AppConfig
from django.utils import timezone


def _toegang_paneel(*, kandidaat, user) -> dict:
    return {"mag": user.has_perm("kandidaten.change_kandidaat")}


class MijnConfig(AppConfig):
    """The candidate's own pages (`/mijn/`) and the one-time access to them: above
    uitkomsten (it reads kandidaten, trajecten, verklaringen, uitkomsten), below
    rapportage and the roof."""

    name = "mijn"
    verbose_name = "Mijn PLPV (kandidaat)"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from auditlog.registry import auditlog

        from kandidaten.panelen import Paneel, paneel_registreren
        from organisaties.audit import persoonsvelden_registreren

        from .models import Toegang
        from .sessie import staff_login_ontvanger

        # Who gave a candidate access, and when it was used or burned; never the hash.
        auditlog.register(Toegang, exclude_fields=["sleutel_hash"])
        # The hash of a random secret says nothing about the person; anonymising
        # ends every open link and code.
        persoonsvelden_registreren(
            Toegang,
            kandidaat="kandidaat",
            velden={"vervallen_op": lambda rij: rij.vervallen_op or timezone.now()},
            bewaard=["sleutel_hash"],
        )
        user_logged_in.connect(staff_login_ontvanger, dispatch_uid="mijn_staff_login")
        paneel_registreren(
            Paneel("mijn/partials/toegang_paneel.html", _toegang_paneel, 90)
        )
