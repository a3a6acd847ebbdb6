"""Read the dashboards and their exports from a read replica (DATABASE_REPLICA_URL).

Optional: without DATABASE_REPLICA_URL there is no "replica" database and nothing
changes. With it, a GET to one of the routes in DATABASE_REPLICA_ROUTES (the dashboards,
whose exports are the same views with `?export=`) reads from the streaming replica, so
the heavy aggregates do not compete with the primary's writes. Everything else reads
from the primary, and every write goes to the primary.

- `ReplicaMiddleware` marks the request from its view on; it sits after the login
  check, so the session and the user are read from the primary before the mark (a
  session saved a moment ago may not have reached the replica yet), and the session is
  saved after the mark is gone. Sessions and login attempts never come from the replica.
- `ReplicaRouter` sends the reads of a marked request to "replica". The figures may be
  a few seconds behind the primary, as the dashboards' cache already allows.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS

REPLICA = "replica"

_van_replica: ContextVar[bool] = ContextVar("van_replica", default=False)

# Tables that must be current within a request (a session saved by the request
# before), whatever the route.
NOOIT_VAN_REPLICA = {"sessions", "axes"}


def replica_ingesteld() -> bool:
    return REPLICA in settings.DATABASES


@contextmanager
def van_replica():
    """Reads inside this block go to the replica (when one is configured)."""
    token = _van_replica.set(True)
    try:
        yield
    finally:
        _van_replica.reset(token)


class ReplicaRouter:
    """Without a replica it has no opinion (None): Django's own routing."""

    def db_for_read(self, model, **hints):
        if (
            _van_replica.get()
            and replica_ingesteld()
            and model._meta.app_label not in NOOIT_VAN_REPLICA
        ):
            return REPLICA
        return DEFAULT_DB_ALIAS if replica_ingesteld() else None

    def db_for_write(self, model, **hints):
        # Explicitly the primary: an object read from the replica would otherwise be
        # saved back to where it came from.
        return DEFAULT_DB_ALIAS if replica_ingesteld() else None

    def allow_relation(self, obj1, obj2, **hints):
        # The same data, one copy a moment behind.
        return True if replica_ingesteld() else None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica follows the primary's migrations.
        return False if db == REPLICA else None


class ReplicaMiddleware:
    """Marks GET and HEAD requests to the routes of DATABASE_REPLICA_ROUTES (view
    names such as "rapportage:dashboard") as readers of the replica, from the view
    until the response is rendered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _van_replica.set(False)
        try:
            return self.get_response(request)
        finally:
            _van_replica.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            request.method in ("GET", "HEAD")
            and replica_ingesteld()
            and request.resolver_match.view_name in settings.DATABASE_REPLICA_ROUTES
        ):
            _van_replica.set(True)
