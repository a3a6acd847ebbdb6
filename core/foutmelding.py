"""Optional error tracking with Sentry (or a Sentry-compatible service such as GlitchTip).

Off unless `SENTRY_DSN` is set. Personal data never leaves the portal: no request body,
cookies, headers or query string, no user name, e-mail or address (the user id stays, as
in the logs), no local variables of the stack frames, and exception messages and
breadcrumbs masked for BSN-like numbers. What remains is the error type, the stack
(file, function, line), the route name, the request id and the release.
"""

import re

from core.logboek import request_id_var

_BSN = re.compile(r"(?<!\d)\d{9}(?!\d)")
# Request fields Sentry may keep: the method and the URL without its query string.
_VERZOEK_TOEGESTAAN = ("method", "url")


def _maskeer(tekst):
    return _BSN.sub("*********", tekst) if isinstance(tekst, str) else tekst


def schoon_event(event, hint=None):
    """`before_send`: strip everything that can hold personal data from an event."""
    verzoek = event.get("request")
    if verzoek:
        schoon = {k: verzoek[k] for k in _VERZOEK_TOEGESTAAN if k in verzoek}
        if "url" in schoon:
            schoon["url"] = schoon["url"].split("?", 1)[0]
        event["request"] = schoon
    gebruiker = event.get("user")
    if gebruiker:
        event["user"] = {"id": gebruiker["id"]} if "id" in gebruiker else {}
    for uitzondering in (event.get("exception") or {}).get("values", []):
        uitzondering["value"] = _maskeer(uitzondering.get("value"))
        for frame in (uitzondering.get("stacktrace") or {}).get("frames", []):
            frame.pop("vars", None)
    if "logentry" in event:
        event["logentry"] = {
            k: _maskeer(v) for k, v in event["logentry"].items() if k != "params"
        }
    event.pop("extra", None)
    for kruimel in (event.get("breadcrumbs") or {}).get("values", []):
        kruimel["message"] = _maskeer(kruimel.get("message"))
        kruimel.pop("data", None)
    request_id = request_id_var.get()
    if request_id:
        event.setdefault("tags", {})["request_id"] = request_id
    return event


def schoon_kruimel(kruimel, hint=None):
    """`before_breadcrumb`: SQL and log breadcrumbs may carry values; keep the category."""
    if kruimel.get("category") in ("query", "django.db.backends"):
        return None
    return kruimel


def foutmelding_starten(dsn, *, omgeving="production", release=None):
    """Start Sentry for Django and Celery when a DSN is given; no-op otherwise."""
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=omgeving,
        release=release,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        before_send=schoon_event,
        before_breadcrumb=schoon_kruimel,
        traces_sample_rate=0,
    )
    return True
