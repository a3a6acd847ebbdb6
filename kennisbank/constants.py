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
