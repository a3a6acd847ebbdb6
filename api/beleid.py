"""The policies DRF's settings name (imported while DRF loads, so this module does
not import DRF's views): permission by role, throttling per client or user,
pagination with the total."""

from django.conf import settings

from rest_framework import permissions
from rest_framework.pagination import PageNumberPagination
from rest_framework.throttling import SimpleRateThrottle

from .models import ApiClient


class RolRecht(permissions.BasePermission):
    """The role's permissions (`<app>/rechten.py`), as the UI's views check them:
    `recht_lezen` for GET, `recht_schrijven` for writes (tuples of codenames).
    Scope and object rules come after, in the view (404 / 403)."""

    def has_permission(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return False
        if request.method in permissions.SAFE_METHODS:
            nodig = getattr(view, "recht_lezen", ())
        else:
            nodig = getattr(view, "recht_schrijven", None)
            if nodig is None:
                return False
        return request.user.has_perms(nodig)


class ApiLimiet(SimpleRateThrottle):
    """At most API_LIMIET requests per client (token) or user (session), counted in
    the shared cache, so all web processes count together."""

    scope = "api"

    def get_rate(self):
        return settings.API_LIMIET

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiClient):
            ident = f"client-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"medewerker-{request.user.pk}"
        else:
            ident = f"adres-{self.get_ident(request)}"
        return f"api-limiet:{ident}"


class Paginering(PageNumberPagination):
    """Pages of `pageSize` rows (default 50, at most 200) with the total in the body
    (`count`) and in the `X-Total-Count` header."""

    page_size = 50
    page_size_query_param = "pageSize"
    max_page_size = 200

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response["X-Total-Count"] = str(self.page.paginator.count)
        return response

    def get_paginated_response_schema(self, schema):
        """DRF's schema, in OpenAPI 3.1's words: a link that may be absent is
        `["string", "null"]` (3.1 has no `nullable`)."""
        antwoord = super().get_paginated_response_schema(schema)
        for link in ("next", "previous"):
            eigenschap = antwoord["properties"][link]
            if eigenschap.pop("nullable", False):
                eigenschap["type"] = [eigenschap["type"], "null"]
        return antwoord
