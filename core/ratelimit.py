"""Who the client is behind the proxy, and counters per client in the shared cache.

Used by the login throttling (django-axes, AXES_CLIENT_IP_CALLABLE), the public
verification page and the password reset mails.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    """The client's address; behind a proxy the last entry of CLIENT_IP_HEADER, which
    the trusted proxy itself appended (earlier entries come from the client and can be
    forged). Without the setting (no proxy in front): REMOTE_ADDR."""
    header = settings.CLIENT_IP_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def tellen(sleutel: str, venster: int) -> int:
    """Add one to the counter `sleutel` (which lives `venster` seconds from its first
    count) and return the new count."""
    cache.add(sleutel, 0, venster)
    try:
        return cache.incr(sleutel)
    except ValueError:  # expired between add and incr
        cache.set(sleutel, 1, venster)
        return 1


def binnen_limiet(soort: str, *onderwerpen: str, limiet: int, venster: int) -> bool:
    """Count one attempt for every onderwerp (a client address, an e-mail address);
    False when any of them has had more than `limiet` attempts within `venster`
    seconds. The onderwerpen are hashed, so no e-mail address is kept in the cache."""
    uitkomst = True
    for onderwerp in onderwerpen:
        vingerafdruk = hashlib.sha256(onderwerp.encode()).hexdigest()
        if tellen(f"{soort}:{vingerafdruk}", venster) > limiet:
            uitkomst = False
    return uitkomst
