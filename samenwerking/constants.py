from django.db import models
from django.utils.translation import gettext_lazy as _

# The five stages of the maturity table (West-Brabant / PTC Groep), lowest first.
EERSTE_FASE, LAATSTE_FASE = 1, 5


class Vraagsoort(models.TextChoices):
    FASE = "fase", _("Fase: kies een van de vijf stappen")
    OPEN = "open", _("Open vraag: de regio schrijft het antwoord")


class Richting(models.TextChoices):
    """How a dimension moved since the previous version."""

    HOGER = "hoger", _("Hoger")
    LAGER = "lager", _("Lager")
    GELIJK = "gelijk", _("Gelijk")
    NIEUW = "nieuw", _("Eerste keer ingevuld")
