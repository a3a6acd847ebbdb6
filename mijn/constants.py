from django.db import models
from django.utils.translation import gettext_lazy as _


class ToegangSoort(models.TextChoices):
    LINK = "link", _("Link per e-mail")
    CODE = "code", _("Code op papier")


# The session keys of a candidate's session (never a Django `User` login).
SESSIE_KANDIDAAT = "mijn_kandidaat_id"
SESSIE_LAATST = "mijn_laatst"
# A link opened but not yet confirmed with the date of birth: the token's row id.
SESSIE_TOEGANG = "mijn_toegang_id"

# Characters of a printed code: no 0/O, 1/I/L, 5/S, 2/Z, 8/B that a person mixes up.
CODE_TEKENS = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTE = 12
