"""Which candidates a dashboard counts: the user's scope plus the filter.

The dashboards count in the database, so the scope is a plain filter on the
candidate's own columns instead of the general `zichtbaar_voor` rule (whose OR of
subqueries would slow every GROUP BY down). It is a subset of that rule:

- superuser: every candidate (rule 1);
- regiocoördinator: every candidate in the regions of their organisation (rule 2);
- consulent and jobcoach: their own caseload, the candidates of whom they are the
  consulent or the jobcoach (rule 4);
- functioneel beheerder (comparison page only): the regions of their organisation,
  shown per region and never per candidate.

The period filters on the intake date: the day the candidate gave consent at the
intake (`Kandidaat.toestemming_op`), which an import also carries for older cases.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet

from kandidaten.models import Kandidaat
from organisaties.constants import Rol
from organisaties.models import Arbeidsmarktregio, Organisatie
from trajecten.models import Traject

from .models import TrajectFeit


@dataclass(frozen=True)
class Populatie:
    """The candidates counted: a scope and the filter, as Q objects per model."""

    regio_ids: tuple[int, ...] | None = None  # None: every region
    persoon_id: int | None = None  # the caseload of this medewerker
    van: date | None = None
    tot: date | None = None
    organisatie_id: int | None = None
    kwalificatie_id: int | None = None

    def gefilterd(self, **filter) -> "Populatie":
        velden = ("van", "tot", "organisatie_id", "kwalificatie_id")
        return Populatie(
            regio_ids=self.regio_ids,
            persoon_id=self.persoon_id,
            **{veld: filter.get(veld) for veld in velden},
        )

    def _kandidaat_velden(self, pad: str) -> Q:
        q = Q()
        if self.regio_ids is not None:
            q &= Q(**{f"{pad}regio_id__in": list(self.regio_ids)})
        if self.persoon_id is not None:
            q &= Q(**{f"{pad}consulent_id": self.persoon_id}) | Q(
                **{f"{pad}jobcoach_id": self.persoon_id}
            )
        if self.van is not None:
            q &= Q(**{f"{pad}toestemming_op__gte": self.van})
        if self.tot is not None:
            q &= Q(**{f"{pad}toestemming_op__lte": self.tot})
        if self.organisatie_id is not None:
            q &= Q(**{f"{pad}organisatie_id": self.organisatie_id})
        return q

    def kandidaat_q(self, pad: str = "") -> Q:
        """Candidates, seen from the model reached through `pad` ("kandidaat__", ...).

        With a kwalificatie: only candidates with a traject in that kwalificatie.
        """
        q = self._kandidaat_velden(pad)
        if self.kwalificatie_id is not None:
            kandidaat = OuterRef(pad.removesuffix("__") or "pk")
            q &= Q(
                Exists(
                    Traject.objects.filter(
                        kandidaat=kandidaat, kwalificatie_id=self.kwalificatie_id
                    )
                )
            )
        return q

    # --- the same populations on the fact tables (rapportage.models) ---
    def _feit_velden(self, pad: str) -> Q:
        """The filter columns that every fact table carries (the candidate's)."""
        return self._kandidaat_velden(pad)

    def kandidaat_feit_q(self, pad: str = "") -> Q:
        """KandidaatFeit rows (seen through `pad`); with a kwalificatie only those
        with a traject in it."""
        q = self._feit_velden(pad)
        if self.kwalificatie_id is not None:
            q &= Q(
                Exists(
                    TrajectFeit.objects.filter(
                        kandidaat=OuterRef(pad.removesuffix("__") or "pk"),
                        kwalificatie_id=self.kwalificatie_id,
                    )
                )
            )
        return q

    def traject_feit_q(self, pad: str = "") -> Q:
        """TrajectFeit rows (seen through `pad`); with a kwalificatie only those in it."""
        q = self._feit_velden(pad)
        if self.kwalificatie_id is not None:
            q &= Q(**{f"{pad}kwalificatie_id": self.kwalificatie_id})
        return q

    def detail_feit_q(self) -> Q:
        """Detail rows of TrajectFeit (PlaatsingFeit, VerklaringFeit,
        WerkprocesFeit): filtered on their own region column, so that an index
        that starts with the region serves them, and through their traject for
        the rest of the filter (no join at all for a plain set of regions)."""
        q = Q()
        if self.regio_ids is not None:
            q &= Q(regio_id__in=list(self.regio_ids))
        if self == Populatie(regio_ids=self.regio_ids):
            return q
        return q & self.traject_feit_q("traject__")

    def traject_q(self, pad: str = "") -> Q:
        """Trajecten of the candidates; with a kwalificatie only those in it."""
        q = self._kandidaat_velden(f"{pad}kandidaat__")
        if self.kwalificatie_id is not None:
            q &= Q(**{f"{pad}kwalificatie_id": self.kwalificatie_id})
        return q


def _eigen_regio_ids(user) -> tuple[int, ...]:
    if not user.organisatie_id:
        return ()
    return tuple(
        Arbeidsmarktregio.objects.filter(organisaties=user.organisatie_id)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def dashboard_populatie(*, user) -> Populatie:
    """The candidates of `user`'s dashboard, before the filter."""
    if user.is_superuser:
        return Populatie()
    if user.heeft_rol(Rol.REGIOCOORDINATOR):
        return Populatie(regio_ids=_eigen_regio_ids(user))
    if user.heeft_rol(Rol.CONSULENT, Rol.JOBCOACH):
        return Populatie(persoon_id=user.pk)
    return Populatie(regio_ids=())  # nobody: the views refuse these users anyway


def dashboard_scope_tekst(*, user) -> str:
    """One plain sentence on what the dashboard counts, for the page."""
    if user.is_superuser:
        return "Alle kandidaten in alle regio's van deze installatie."
    if user.heeft_rol(Rol.REGIOCOORDINATOR):
        namen = ", ".join(
            Arbeidsmarktregio.objects.filter(
                organisaties=user.organisatie_id
            ).values_list("naam", flat=True)
        )
        return f"Alle kandidaten in jouw regio: {namen}."
    return "Jouw caseload: de kandidaten van wie jij de consulent of jobcoach bent."


def vergelijking_regios(*, user) -> QuerySet[Arbeidsmarktregio]:
    """The regions a functioneel beheerder manages; for a superuser every region in
    which an organisation of this installation works."""
    if user.is_superuser:
        return Arbeidsmarktregio.objects.filter(
            pk__in=Organisatie.regios.through.objects.values("arbeidsmarktregio")
        ).order_by("naam")
    if not user.organisatie_id:
        return Arbeidsmarktregio.objects.none()
    return Arbeidsmarktregio.objects.filter(organisaties=user.organisatie_id).order_by(
        "naam"
    )


def verwijzers(*, populatie: Populatie) -> QuerySet[Organisatie]:
    """The referring organisations of the candidates in scope: the filter's choices."""
    return Organisatie.objects.filter(
        pk__in=Kandidaat.objects.filter(populatie.kandidaat_q()).values("organisatie")
    ).order_by("naam")
