from django import template
from django.template.defaultfilters import stringfilter

register = template.Library()


@register.filter
@stringfilter
def midden_in_zin(waarde: str) -> str:
    """A label as it reads in the middle of a sentence: its first letter in lower
    case ("Mbo-instelling" -> "mbo-instelling"), but names and abbreviations as
    written ("Gemeente of UWV" -> "gemeente of UWV", "UWV" stays "UWV").

    Use it instead of `|lower`, which also turns "UWV" into "uwv"."""
    if not waarde:
        return waarde
    eerste = waarde.split(maxsplit=1)[0]
    if sum(1 for letter in eerste if letter.isupper()) > 1:
        return waarde  # an abbreviation such as UWV, WIA, BBL: as written
    return waarde[0].lower() + waarde[1:]
