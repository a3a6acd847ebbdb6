"""The plumbing every endpoint shares: base view, permission by role, pagination,
throttling per client or user, the UI's FilterSets, the audit trail's actor."""

from django.contrib.auth.decorators import login_not_required

from auditlog.context import auditlog_value
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from .beleid import RolRecht

API_VERSIE = "1.0.0"


class UiFilterBackend(DjangoFilterBackend):
    """Applies the UI's own FilterSet; those that take the user (for scoped choices)
    get it."""

    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        if getattr(view, "filterset_met_user", False):
            kwargs["user"] = request.user
        return kwargs


def actor_zetten(user) -> None:
    """The audit trail's actor for this request. AuditlogMiddleware took it from the
    session before the view ran; a token client is known only now."""
    try:
        context = auditlog_value.get()
    except LookupError:
        return
    if user is not None and user.is_authenticated:
        context["actor"] = user


class ApiView(GenericAPIView):
    """Base of every endpoint: authentication by token or session, the role's
    permission, the rate limit, `API-Version` on every answer."""

    permission_classes = [RolRecht]
    recht_lezen: tuple[str, ...] = ()

    @classmethod
    def as_view(cls, **initkwargs):
        # The API answers 401 itself (problem+json), not with a redirect to the login
        # page: LoginRequiredMiddleware steps aside, DRF checks who is calling.
        return login_not_required(super().as_view(**initkwargs))

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        actor_zetten(request.user)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["API-Version"] = API_VERSIE
        # Personal data stays out of caches, also for a token client (the portal's
        # middleware does the same for every logged-in user).
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = "no-store, private"
        return response


class NietGevondenView(ApiView):
    """Any other path under /api/v1/: a 404 as problem+json."""

    permission_classes = []
    authentication_classes = []
    throttle_classes = []
    schema = None  # not part of the OpenAPI document

    def get(self, request, *args, **kwargs):
        raise NotFound("Dit adres bestaat niet in de API.")

    post = put = patch = delete = get


def lijst_of_pagina(view: GenericAPIView, queryset, serializer_class, na_lezen=None):
    """The filtered, paginated list answer; `na_lezen(objecten)` sees the rows sent."""
    queryset = view.filter_queryset(queryset)
    pagina = view.paginate_queryset(queryset)
    objecten = list(pagina if pagina is not None else queryset)
    if na_lezen is not None:
        na_lezen(objecten)
    data = serializer_class(
        objecten, many=True, context=view.get_serializer_context()
    ).data
    if pagina is not None:
        return view.get_paginated_response(data)
    return Response(data)
