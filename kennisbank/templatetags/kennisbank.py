"""`{% kennisbank_links %}`: context links into the kennisbank from any page.

Higher apps use it without a change to their views; it reads `items_voor` for the
logged-in user (one query) and renders `kennisbank/partials/items_links.html`.
"""

from django import template

from kennisbank.selectors import items_voor

register = template.Library()


@register.inclusion_tag("kennisbank/partials/items_links.html", takes_context=True)
def kennisbank_links(context, soort=None, sector=None, titel=None, limit=5):
    request = context.get("request")
    user = getattr(request, "user", None)
    items = (
        items_voor(user=user, soort=soort, sector=sector or None, limit=limit)
        if user is not None and user.is_authenticated
        else []
    )
    return {"items": items, "titel": titel}
