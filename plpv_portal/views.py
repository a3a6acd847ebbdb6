import time

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from core.tasks import WORKER_GEZIEN
from organisaties.constants import Rol
from verklaringen.selectors import opleider_werklijst

from .menu import menu_voor
from .vandaag import vandaag_voor


class HomeView(TemplateView):
    """The start page: a greeting, "Vandaag" (what waits for the user: for a
    consulent the caseload's signals, agreements, observations and follow-ups; for
    everyone the actions with leerbedrijven they planned; see vandaag.py), for a
    praktijkopleider the candidates placed with him and what waits for him, and the
    menu of the user's roles."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        user, vandaag = self.request.user, timezone.localdate()
        opleider = {}
        if user.heeft_rol(Rol.PRAKTIJKOPLEIDER):
            opleider["opleider_kaarten"] = opleider_werklijst(
                user=user, vandaag=vandaag
            )
        return super().get_context_data(
            menu_items=menu_voor(user),
            vandaag=vandaag_voor(user, vandaag=vandaag),
            **opleider,
            **kwargs,
        )


def _database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "error"
    return "ok"


def _broker_status() -> str | None:
    """ "ok"/"error" for a configured broker; None when tasks run in-process."""
    if settings.CELERY_TASK_ALWAYS_EAGER or not settings.CELERY_BROKER_URL:
        return None
    from kombu import Connection

    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:  # kombu raises transport-specific errors  # noqa: BLE001
        return "error"
    return "ok"


def _cache_status() -> str:
    sleutel = "plpv:health:probe"
    try:
        cache.set(sleutel, "ok", timeout=10)
        return "ok" if cache.get(sleutel) == "ok" else "error"
    except Exception:  # a cache backend raises its own errors  # noqa: BLE001
        return "error"


def _worker_status() -> str:
    """ "ok" when a worker ran a scheduled task in the last WORKER_STIL_SECONDEN,
    "stil" when it did not since, "onbekend" when none was seen yet (a fresh start)."""
    gezien = cache.get(WORKER_GEZIEN)
    if gezien is None:
        return "onbekend"
    return "ok" if time.time() - gezien < settings.WORKER_STIL_SECONDEN else "stil"


@login_not_required
@never_cache
@require_GET
def health(request):
    """200 when the database, the cache (and the broker, when configured) answer; 503
    otherwise. With a broker it also says whether a worker was seen lately: for the
    monitoring, not for the load balancer (the portal serves pages without a worker),
    so it does not change the status code."""
    status = {"database": _database_status(), "cache": _cache_status()}
    broker = _broker_status()
    if broker is not None:
        status["broker"] = broker
    healthy = all(v == "ok" for v in status.values())
    if broker is not None:
        status["worker"] = _worker_status()
    status["status"] = "ok" if healthy else "error"
    return JsonResponse(status, status=200 if healthy else 503)


def csrf_failure(request, reason=""):
    """A Dutch page for an expired or missing CSRF token."""
    return render(request, "403_csrf.html", status=403)
