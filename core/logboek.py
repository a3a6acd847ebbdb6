"""Structured logs: a request id, the user id and the Celery task id on every line.

`RequestIdMiddleware` takes the request id from `X-Request-ID` (when it looks like one)
or makes one, returns it as a response header and writes one line per request. The
`ContextFilter` puts `request_id`, `user_id` and `task_id` on every log record of that
request or task; `JsonFormatter` writes one JSON object per line (production).

No personal data: a line carries ids, never names, and only a fixed set of fields (an
`extra=` with a name does not reach the output). As a safety net the formatter masks
anything that looks like a BSN (nine digits) in the message.
"""

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

request_id_var = contextvars.ContextVar("request_id", default=None)
user_id_var = contextvars.ContextVar("user_id", default=None)
task_id_var = contextvars.ContextVar("task_id", default=None)


_GELDIG_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
_BSN = re.compile(r"(?<!\d)\d{9}(?!\d)")
_velden = ("request_id", "user_id", "task_id")
logger = logging.getLogger("plpv.verzoek")


class ContextFilter(logging.Filter):
    """Put the current request id, user id and task id on the record ("-" when none)."""

    def filter(self, record):
        for veld, var in zip(
            _velden, (request_id_var, user_id_var, task_id_var), strict=True
        ):
            if not hasattr(record, veld):
                waarde = var.get()
                setattr(record, veld, "-" if waarde is None else waarde)
        # Django's "Not Found: /path/" names the path: log its route instead.
        verzoek = getattr(record, "request", None)
        if (
            record.name.startswith("django.request")
            and verzoek is not None
            and isinstance(record.args, tuple)
            and len(record.args) == 2
        ):
            record.args = (record.args[0], _route(verzoek))
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line with a fixed set of fields."""

    # Fields a caller may pass with `extra=` that are known to hold no personal data.
    EXTRA = ("method", "path", "status", "duration_ms", "task")

    def format(self, record):
        regel = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": _BSN.sub("[bsn]", record.getMessage()),
        }
        for veld in _velden:
            waarde = getattr(record, veld, None)
            if waarde not in (None, "-"):
                regel[veld] = waarde
        for veld in self.EXTRA:
            if hasattr(record, veld):
                regel[veld] = getattr(record, veld)
        if record.exc_info:
            regel["exception"] = _BSN.sub(
                "[bsn]", self.formatException(record.exc_info)
            )
        return json.dumps(regel, ensure_ascii=False, default=str)


def _route(request) -> str:
    """The URL pattern that answered (`/verificatie/<str:code>/`), or "(geen route)"
    for a path no pattern matched (a 404): the values in a path are never logged."""
    match = getattr(request, "resolver_match", None)
    return f"/{match.route}" if match and match.route else "(geen route)"


def _gebruiker_id(request):
    gebruiker = getattr(request, "user", None)
    if gebruiker is not None and gebruiker.is_authenticated:
        return gebruiker.pk
    return None


class RequestIdMiddleware:
    """First in the chain: a request id for every line logged during the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        binnen = request.headers.get("X-Request-ID", "")
        request_id = binnen if _GELDIG_ID.match(binnen) else uuid.uuid4().hex
        request.request_id = request_id
        tokens = (request_id_var.set(request_id), user_id_var.set(None))
        begin = time.monotonic()
        try:
            response = self.get_response(request)
            user_id_var.set(_gebruiker_id(request))
            response["X-Request-ID"] = request_id
            # The route, not the path: a path can itself be a secret (a password
            # reset token, a verification code).
            pad = _route(request)
            logger.info(
                "%s %s %s",
                request.method,
                pad,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": pad,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - begin) * 1000),
                },
            )
            return response
        finally:
            user_id_var.reset(tokens[1])
            request_id_var.reset(tokens[0])

    def process_view(self, request, view_func, view_args, view_kwargs):
        # All other middleware ran: the user is known for the lines the view logs.
        user_id_var.set(_gebruiker_id(request))


def _taak_begint(task_id=None, task=None, **kwargs):
    task_id_var.set(task_id)


def _taak_eindigt(**kwargs):
    task_id_var.set(None)


def koppel_celery():
    """Give every log line of a Celery task its task id (called by the Celery app)."""
    from celery.signals import task_postrun, task_prerun

    task_prerun.connect(_taak_begint, weak=False, dispatch_uid="plpv-logboek-start")
    task_postrun.connect(_taak_eindigt, weak=False, dispatch_uid="plpv-logboek-einde")
