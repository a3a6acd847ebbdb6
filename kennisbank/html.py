"""Sanitising of an item's formatted body with nh3 (a whitelist, not a blacklist)."""

import nh3

from .constants import TOEGESTANE_ATTRIBUTEN, TOEGESTANE_TAGS, TOEGESTANE_URL_SCHEMES


def opschonen(html: str) -> str:
    """Keep only the allowed tags and `href` on links; drop scripts, styles and on*.

    `clean_content_tags` removes script and style *with* their content; other unknown
    tags are removed but their text stays. Links get rel="noopener noreferrer".
    """
    return nh3.clean(
        html or "",
        tags=set(TOEGESTANE_TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(attrs) for tag, attrs in TOEGESTANE_ATTRIBUTEN.items()},
        url_schemes=set(TOEGESTANE_URL_SCHEMES),
        link_rel="noopener noreferrer",
    ).strip()
