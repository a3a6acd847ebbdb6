"""Subjects of notifications: what the notifications page groups them by.

A subject is a short key such as "traject:12". `melding_versturen` takes it from its
caller (`onderwerp=`) or derives it from the notification's link: an app registers
which of its URL names show a subject of which kind, and a function that names its
subjects for the page's group headings (one query per kind per page). Nearly every
notification links to the page of what it is about (a traject's notifications link to
the traject), so no caller has to pass anything. A notification without a subject is
a group of its own.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

NamenFunctie = Callable[..., dict[int, str]]

_NAMEN: dict[str, NamenFunctie] = {}
_URLS: dict[str, tuple[str, str]] = {}


def onderwerp_registreren(
    soort: str,
    *,
    namen: NamenFunctie | None = None,
    urls: dict[str, str] | None = None,
) -> None:
    """Register subjects of kind `soort`: `namen(pks, user=user)` gives the heading of
    each subject the user may still see (for the pks the user has notifications about;
    a subject left out gets the newest notification's title); `urls` maps a URL name (such as
    "trajecten:traject_detail") to the URL argument that holds the subject's pk."""
    if namen is not None:
        _NAMEN[soort] = namen
    for url_naam, argument in (urls or {}).items():
        _URLS[url_naam] = (soort, argument)


def onderwerp_uit_url(url: str) -> str | None:
    """The subject key of a link to a registered page, or None."""
    if not url or not _URLS:
        return None
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return None
    soort, argument = _URLS.get(match.view_name, (None, None))
    pk = match.kwargs.get(argument) if soort else None
    return f"{soort}:{pk}" if pk is not None else None


def onderwerp_namen(sleutels: Iterable[str], *, user) -> dict[str, str]:
    """The heading of each subject key whose kind registered a `namen` function, as
    far as `user` may see the subject."""
    per_soort: dict[str, list[int]] = defaultdict(list)
    for sleutel in sleutels:
        soort, _, pk = (sleutel or "").partition(":")
        if soort in _NAMEN and pk.isdigit():
            per_soort[soort].append(int(pk))
    uitkomst = {}
    for soort, pks in per_soort.items():
        for pk, naam in _NAMEN[soort](pks, user=user).items():
            uitkomst[f"{soort}:{pk}"] = naam
    return uitkomst
