from django.db import models
from django.utils.translation import gettext_lazy as _


class ObservatieSoort(models.TextChoices):
    NULMETING = "nulmeting", _("0-meting")
    TUSSENRESULTAAT = "tussenresultaat", _("Tussenresultaat")


class Niveau(models.TextChoices):
    """The three-step scale of the begeleidingsdocument (seed 003)."""

    NOG_NIET = "nog_niet", _("Nog niet")
    MET_HULP = "met_hulp", _("Met hulp")
    ZELFSTANDIG = "zelfstandig", _("Zelfstandig")


# The level as a number, for the progress chart (0 = nog niet ... 2 = zelfstandig).
NIVEAU_WAARDE: dict[str, int] = {
    Niveau.NOG_NIET: 0,
    Niveau.MET_HULP: 1,
    Niveau.ZELFSTANDIG: 2,
}


class BorgingStatus(models.TextChoices):
    INGEDIEND = "ingediend", _("Ingediend")
    GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd")
    TERUGGESTUURD = "teruggestuurd", _("Teruggestuurd")


class BewijsSoort(models.TextChoices):
    """The other proofs of the mbo-verklaring, beside the praktijkverklaring."""

    WERKNEMERSVAARDIGHEDEN = (
        "werknemersvaardigheden",
        _("Certificaat werknemersvaardigheden"),
    )
    BRANCHECERTIFICAAT = "branchecertificaat", _("Branchecertificaat")
    MBO_CERTIFICAAT = "mbo_certificaat", _("Mbo-certificaat")
    DIPLOMA = "diploma", _("Diploma")
    EXAMENRESULTAAT = "examenresultaat", _("Examenresultaat")
