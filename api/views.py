"""The endpoints of /api/v1/. Each reads through the UI's scoped selector (outside
the scope: 404), checks the role's permission as the UI's view does (403), and
writes through the UI's form (the rules and Dutch messages) and service."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
)
from rest_framework import exceptions, status
from rest_framework.exceptions import ErrorDetail
from rest_framework.response import Response

from core.csv_export import toegang_vastleggen
from kandidaten.filters import KandidaatFilter
from kandidaten.forms import ContactmomentForm, KandidaatForm
from kandidaten.selectors import kandidaat_detail, kandidaat_list
from kandidaten.services import contactmoment_create, kandidaat_intake
from kwalificaties.selectors import kwalificatie_list
from leerbedrijven import services as leerbedrijf_services
from leerbedrijven.filters import LeerbedrijfFilter
from leerbedrijven.forms import LeerbedrijfForm
from leerbedrijven.selectors import (
    leerbedrijf_detail,
    leerbedrijf_get_queryset,
    leerbedrijf_list,
)
from rapportage.forms import DashboardFilterForm
from rapportage.overzicht import Dashboard
from rapportage.populatie import dashboard_populatie, dashboard_scope_tekst, verwijzers
from rapportage.regels import mag_dashboard
from trajecten.selectors import traject_detail, traject_list
from verklaringen.selectors import verklaring_list

from . import serializers as s
from .basis import ApiView, UiFilterBackend, lijst_of_pagina
from .filters import KwalificatieFilter, TrajectFilter
from .idempotentie import idempotent

PROBLEEM = OpenApiResponse(description="Probleem (application/problem+json)")
FOUTEN = {
    401: PROBLEEM,
    403: PROBLEEM,
    404: PROBLEEM,
    429: PROBLEEM,
}
SCHRIJFFOUTEN = {**FOUTEN, 400: PROBLEEM, 409: PROBLEEM, 415: PROBLEEM}
VIA = "api"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "gelijktijdig_gewijzigd"


def formulier_controleren(form) -> None:
    """The UI's form decides what is valid; its Dutch messages become invalid-params."""
    if form.is_valid():
        return
    fouten = form.errors.get_json_data()
    raise exceptions.ValidationError(
        {
            veld: [ErrorDetail(f["message"], code=f["code"]) for f in lijst]
            for veld, lijst in fouten.items()
        }
    )


def dienst_uitvoeren(functie, **kwargs):
    """Call a service; its ValidationError is a 400, a stale version a 409."""
    try:
        return functie(**kwargs)
    except DjangoValidationError as exc:
        codes = (
            {e.code for e in exc.error_list}
            if not hasattr(exc, "error_dict")
            else set()
        )
        if "gelijktijdig_gewijzigd" in codes:
            raise Conflict(exc.messages[0]) from exc
        raise


def _gegevens(request) -> dict:
    if not isinstance(request.data, dict):
        raise exceptions.ParseError("Stuur één JSON-object.")
    return request.data


# --- kwalificaties ---
class KwalificatieLijst(ApiView):
    """The catalog: reference data, readable for every user."""

    serializer_class = s.KwalificatieSerializer
    filter_backends = [UiFilterBackend]
    filterset_class = KwalificatieFilter

    def get_queryset(self):
        return kwalificatie_list()

    @extend_schema(
        tags=["kwalificaties"],
        responses={200: s.KwalificatieSerializer(many=True), **FOUTEN},
    )
    def get(self, request):
        return lijst_of_pagina(self, self.get_queryset(), s.KwalificatieSerializer)


class KwalificatieDetail(ApiView):
    serializer_class = s.KwalificatieDetailSerializer

    def get_queryset(self):
        return kwalificatie_list().prefetch_related("kerntaken__werkprocessen")

    @extend_schema(
        tags=["kwalificaties"],
        responses={200: s.KwalificatieDetailSerializer, **FOUTEN},
    )
    def get(self, request, pk):
        kwalificatie = get_object_or_404(self.get_queryset(), pk=pk)
        return Response(s.KwalificatieDetailSerializer(kwalificatie).data)


# --- leerbedrijven ---
class LeerbedrijfLijst(ApiView):
    serializer_class = s.LeerbedrijfSerializer
    recht_lezen = ("leerbedrijven.view_leerbedrijf",)
    recht_schrijven = ("leerbedrijven.add_leerbedrijf",)
    filter_backends = [UiFilterBackend]
    filterset_class = LeerbedrijfFilter

    def get_queryset(self):
        return leerbedrijf_list(user=self.request.user).prefetch_related(
            "werkprocessen"
        )

    @extend_schema(
        tags=["leerbedrijven"],
        responses={200: s.LeerbedrijfSerializer(many=True), **FOUTEN},
    )
    def get(self, request):
        return lijst_of_pagina(self, self.get_queryset(), s.LeerbedrijfSerializer)

    @extend_schema(
        tags=["leerbedrijven"],
        request=s.LeerbedrijfInvoer,
        responses={201: s.LeerbedrijfSerializer, **SCHRIJFFOUTEN},
    )
    @idempotent
    def post(self, request):
        form = LeerbedrijfForm(data=_gegevens(request), user=request.user)
        formulier_controleren(form)
        leerbedrijf = dienst_uitvoeren(
            leerbedrijf_services.leerbedrijf_create,
            door=request.user,
            **form.service_kwargs(),
        )
        leerbedrijf = leerbedrijf_detail(user=request.user).get(pk=leerbedrijf.pk)
        return Response(
            s.LeerbedrijfSerializer(leerbedrijf).data,
            status=status.HTTP_201_CREATED,
            headers={"Location": reverse("api:leerbedrijf", args=[leerbedrijf.pk])},
        )


class LeerbedrijfDetail(ApiView):
    serializer_class = s.LeerbedrijfSerializer
    recht_lezen = ("leerbedrijven.view_leerbedrijf",)
    recht_schrijven = ("leerbedrijven.change_leerbedrijf",)

    def get_queryset(self):
        return leerbedrijf_detail(user=self.request.user)

    @extend_schema(
        tags=["leerbedrijven"], responses={200: s.LeerbedrijfSerializer, **FOUTEN}
    )
    def get(self, request, pk):
        leerbedrijf = get_object_or_404(self.get_queryset(), pk=pk)
        return Response(s.LeerbedrijfSerializer(leerbedrijf).data)

    @extend_schema(
        tags=["leerbedrijven"],
        request=s.LeerbedrijfInvoer,
        responses={200: s.LeerbedrijfSerializer, **SCHRIJFFOUTEN},
    )
    def put(self, request, pk):
        leerbedrijf = get_object_or_404(
            leerbedrijf_get_queryset(user=request.user), pk=pk
        )
        form = LeerbedrijfForm(
            data=_gegevens(request), instance=leerbedrijf, user=request.user
        )
        formulier_controleren(form)
        dienst_uitvoeren(
            leerbedrijf_services.leerbedrijf_update,
            leerbedrijf=leerbedrijf,
            door=request.user,
            versie=form.cleaned_data["versie"],
            **form.service_kwargs(),
        )
        leerbedrijf = self.get_queryset().get(pk=pk)
        return Response(s.LeerbedrijfSerializer(leerbedrijf).data)


# --- kandidaten ---
class KandidaatLijst(ApiView):
    """The caseload (the whole scope; `consulent` narrows it). Every candidate sent
    is recorded in the audit trail as viewed, like a CSV export of the list."""

    serializer_class = s.KandidaatSerializer
    recht_lezen = ("kandidaten.view_kandidaat", "kandidaten.view_dossier")
    recht_schrijven = ("kandidaten.add_kandidaat",)
    filter_backends = [UiFilterBackend]
    filterset_class = KandidaatFilter
    filterset_met_user = True

    def get_queryset(self):
        return kandidaat_list(user=self.request.user).select_related(
            "regio", "jobcoach"
        )

    @extend_schema(
        tags=["kandidaten"], responses={200: s.KandidaatSerializer(many=True), **FOUTEN}
    )
    def get(self, request):
        return lijst_of_pagina(
            self,
            self.get_queryset(),
            s.KandidaatSerializer,
            na_lezen=lambda objecten: toegang_vastleggen(
                objecten, actor=request.user, via=VIA
            ),
        )

    @extend_schema(
        tags=["kandidaten"],
        request=s.KandidaatInvoer,
        responses={201: s.KandidaatSerializer, **SCHRIJFFOUTEN},
    )
    @idempotent
    def post(self, request):
        form = KandidaatForm(data=_gegevens(request), user=request.user)
        formulier_controleren(form)
        kandidaat = dienst_uitvoeren(
            kandidaat_intake, kandidaat=form.instance, door=request.user
        )
        kandidaat = kandidaat_detail(user=request.user).get(pk=kandidaat.pk)
        return Response(
            s.KandidaatSerializer(kandidaat).data,
            status=status.HTTP_201_CREATED,
            headers={"Location": reverse("api:kandidaat", args=[kandidaat.pk])},
        )


class KandidaatDetail(ApiView):
    """One candidate; a role without the full case file (`kandidaten.view_dossier`,
    the praktijkopleider) gets the name and phase only, as on the page. Each read is
    recorded in the audit trail."""

    serializer_class = s.KandidaatSerializer
    recht_lezen = ("kandidaten.view_kandidaat",)

    def get_queryset(self):
        return kandidaat_detail(user=self.request.user)

    @extend_schema(
        tags=["kandidaten"],
        responses={
            200: PolymorphicProxySerializer(
                component_name="KandidaatOfKort",
                serializers=[s.KandidaatSerializer, s.KandidaatKortSerializer],
                resource_type_field_name=None,
            ),
            **FOUTEN,
        },
    )
    def get(self, request, pk):
        kandidaat = get_object_or_404(self.get_queryset(), pk=pk)
        toegang_vastleggen([kandidaat], actor=request.user, via=VIA)
        if request.user.has_perm("kandidaten.view_dossier"):
            return Response(s.KandidaatSerializer(kandidaat).data)
        return Response(s.KandidaatKortSerializer(kandidaat).data)


class ContactmomentLijst(ApiView):
    serializer_class = s.ContactmomentSerializer
    recht_schrijven = ("kandidaten.add_contactmoment",)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # The scope before the Idempotency-Key: a replay never answers for a
        # candidate the user may no longer see.
        self.kandidaat = get_object_or_404(
            kandidaat_list(user=request.user), pk=kwargs["pk"]
        )

    @extend_schema(
        tags=["kandidaten"],
        request=s.ContactmomentInvoer,
        responses={201: s.ContactmomentSerializer, **SCHRIJFFOUTEN},
    )
    @idempotent
    def post(self, request, pk):
        kandidaat = self.kandidaat
        form = ContactmomentForm(data=_gegevens(request))
        formulier_controleren(form)
        contactmoment = dienst_uitvoeren(
            contactmoment_create,
            contactmoment=form.instance,
            kandidaat=kandidaat,
            door=request.user,
        )
        return Response(
            s.ContactmomentSerializer(contactmoment).data,
            status=status.HTTP_201_CREATED,
        )


# --- trajecten ---
class TrajectLijst(ApiView):
    serializer_class = s.TrajectSerializer
    recht_lezen = ("trajecten.view_traject",)
    filter_backends = [UiFilterBackend]
    filterset_class = TrajectFilter

    def get_queryset(self):
        return traject_list(user=self.request.user)

    @extend_schema(
        tags=["trajecten"], responses={200: s.TrajectSerializer(many=True), **FOUTEN}
    )
    def get(self, request):
        return lijst_of_pagina(self, self.get_queryset(), s.TrajectSerializer)


class TrajectDetail(ApiView):
    """One traject with its status history; recorded as viewed, like its page."""

    serializer_class = s.TrajectDetailSerializer
    recht_lezen = ("trajecten.view_traject",)

    def get_queryset(self):
        return traject_detail(user=self.request.user)

    @extend_schema(
        tags=["trajecten"], responses={200: s.TrajectDetailSerializer, **FOUTEN}
    )
    def get(self, request, pk):
        traject = get_object_or_404(self.get_queryset(), pk=pk)
        toegang_vastleggen([traject], actor=request.user, via=VIA)
        return Response(s.TrajectDetailSerializer(traject).data)


# --- verklaringen ---
class VerklaringLijst(ApiView):
    """The verklaringen of the trajecten the user may see (as the list page: no role
    permission of its own)."""

    serializer_class = s.VerklaringSerializer

    def get_queryset(self):
        return verklaring_list(user=self.request.user).order_by("-uitgereikt_op", "-pk")

    @extend_schema(
        tags=["verklaringen"],
        responses={200: s.VerklaringSerializer(many=True), **FOUTEN},
    )
    def get(self, request):
        return lijst_of_pagina(self, self.get_queryset(), s.VerklaringSerializer)


class VerklaringDetail(ApiView):
    serializer_class = s.VerklaringSerializer

    def get_queryset(self):
        return verklaring_list(user=self.request.user)

    @extend_schema(
        tags=["verklaringen"], responses={200: s.VerklaringSerializer, **FOUTEN}
    )
    def get(self, request, pk):
        verklaring = get_object_or_404(self.get_queryset(), pk=pk)
        toegang_vastleggen([verklaring], actor=request.user, via=VIA)
        return Response(s.VerklaringSerializer(verklaring).data)


# --- dashboard ---
class DashboardCijfers(ApiView):
    """The dashboard's figures for the user's population, filtered like the page
    (`van`, `tot`, `organisatie`, `kwalificatie`), with the same small-number
    suppression: a figure under 5 has `waarde` null and `tekst` "<5"."""

    serializer_class = s.DashboardSerializer

    @extend_schema(
        tags=["dashboard"],
        parameters=[
            OpenApiParameter("van", OpenApiTypes.DATE, description="Intake vanaf"),
            OpenApiParameter("tot", OpenApiTypes.DATE, description="Intake tot en met"),
            OpenApiParameter(
                "organisatie", OpenApiTypes.INT, description="Verwijzende organisatie"
            ),
            OpenApiParameter("kwalificatie", OpenApiTypes.INT),
        ],
        responses={200: s.DashboardSerializer, **FOUTEN, 400: PROBLEEM},
    )
    def get(self, request):
        if not mag_dashboard(request.user):
            raise exceptions.PermissionDenied()
        populatie = dashboard_populatie(user=request.user)
        form = DashboardFilterForm(
            request.query_params, organisaties=verwijzers(populatie=populatie)
        )
        formulier_controleren(form)
        dashboard = Dashboard(populatie.gefilterd(**form.filter()))
        data = {
            "scope": dashboard_scope_tekst(user=request.user),
            "kerncijfers": dashboard.kerncijfers(timezone.localdate()),
            "tabellen": [t for sectie in dashboard.secties() for t in sectie.tabellen],
        }
        return Response(s.DashboardSerializer(data).data)
