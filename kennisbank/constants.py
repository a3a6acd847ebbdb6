from django.db import models
from django.utils.translation import gettext_lazy as _


class Soort(models.TextChoices):
    INSTRUMENT = "instrument", _("Instrument")
    REGELING = "regeling", _("Regeling of financiering")
    PRAKTIJKVOORBEELD = "praktijkvoorbeeld", _("Praktijkvoorbeeld")
    DOCUMENT = "document", _("Document")
    VRAAG = "vraag", _("Veelgestelde vraag")


class Bereik(models.TextChoices):
    LANDELIJK = "landelijk", _("Landelijk")
    REGIONAAL = "regionaal", _("Regionaal")


class Sector(models.TextChoices):
    """A copy of leerbedrijven.constants.Sector: the kennisbank sits below leerbedrijven
    and may not import it. Keep the values equal, so that a leerbedrijf's sector can be
    passed to `items_voor` as it is."""

    HORECA = "horeca", _("Horeca")
    GROEN = "groen", _("Groen")
    TECHNIEK = "techniek", _("Techniek")
    ZORG_EN_WELZIJN = "zorg_en_welzijn", _("Zorg en welzijn")
    LOGISTIEK = "logistiek", _("Logistiek")
    DETAILHANDEL = "detailhandel", _("Detailhandel")
    BOUW = "bouw", _("Bouw")
    SCHOONMAAK = "schoonmaak", _("Schoonmaak")
    PRODUCTIE = "productie", _("Productie")
    FACILITAIR = "facilitair", _("Facilitair")
    AGRARISCH = "agrarisch", _("Agrarisch")
    OVERIG = "overig", _("Overig")


# The only HTML an item's body keeps (see `html.opschonen`).
TOEGESTANE_TAGS = frozenset(
    {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4"}
)
TOEGESTANE_ATTRIBUTEN = {"a": {"href"}}
TOEGESTANE_URL_SCHEMES = frozenset({"http", "https", "mailto"})

# Uploaded documents: extension -> (content type, what must be inside the file).
MAX_BESTAND_MB = 10
BESTANDSSOORTEN = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
}
