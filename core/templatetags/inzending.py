from django import template
from django.utils.html import format_html

from core.inzending import VELD, nieuw_token

register = template.Library()


@register.simple_tag
def inzending_token():
    """A hidden field with a fresh one-time token: the form is saved once, however
    often it is sent (core.inzending)."""
    return format_html(
        '<input type="hidden" name="{}" value="{}">', VELD, nieuw_token()
    )
