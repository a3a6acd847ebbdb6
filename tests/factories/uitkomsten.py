import datetime

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from core.datums import plus_maanden
from tests.factories.trajecten import TrajectFactory
from trajecten.constants import TrajectStatus, UitvalReden
from trajecten.models import Traject, TrajectStatuswijziging
from uitkomsten.constants import Contractsoort, Situatie, UitkomstSoort
from uitkomsten.models import Uitkomst, Vervolgmeting


def verklaring_uitgereikt_op(traject: Traject, dag: datetime.date):
    """Write the history row of issuing the verklaring, dated `dag` (the end of the
    traject for the outcome rules)."""
    wijziging = TrajectStatuswijziging.objects.create(
        traject=traject,
        van=TrajectStatus.BEOORDEELD,
        naar=TrajectStatus.VERKLARING_UITGEREIKT,
        door=traject.consulent,
    )
    op = timezone.make_aware(datetime.datetime.combine(dag, datetime.time(12)))
    TrajectStatuswijziging.objects.filter(pk=wijziging.pk).update(op=op)
    return wijziging


def afgelopen_traject(
    *, einde: datetime.date, status=TrajectStatus.AFGESLOTEN, **kwargs
) -> Traject:
    """A traject that ended on `einde`: the verklaring was issued that day (for the
    statuses after it) or the candidate dropped out that day."""
    kwargs.setdefault("startdatum", einde - datetime.timedelta(days=270))
    kwargs.setdefault("geplande_einddatum", einde)
    if status == TrajectStatus.UITGEVALLEN:
        return TrajectFactory(uitgevallen=True, einddatum=einde, **kwargs)
    if status == TrajectStatus.AFGESLOTEN:
        # Closed some weeks after the verklaring (the nazorg).
        kwargs["einddatum"] = einde + datetime.timedelta(days=20)
    traject = TrajectFactory(status=status, **kwargs)
    verklaring_uitgereikt_op(traject, einde)
    return traject


class UitkomstFactory(DjangoModelFactory):
    traject = factory.SubFactory(TrajectFactory, afgesloten=True)
    soort = UitkomstSoort.WERK_LEERBEDRIJF
    datum = factory.LazyAttribute(lambda o: o.traject.einddatum or timezone.localdate())
    contractsoort = Contractsoort.TIJDELIJK
    uren_per_week = 24
    door = factory.SelfAttribute("traject.consulent")

    class Meta:
        model = Uitkomst

    class Params:
        werk_elders = factory.Trait(soort=UitkomstSoort.WERK_ELDERS)
        opleiding = factory.Trait(
            soort=UitkomstSoort.MBO_CERTIFICAAT, contractsoort="", uren_per_week=None
        )
        geen_vervolg = factory.Trait(
            soort=UitkomstSoort.GEEN_VERVOLG, contractsoort="", uren_per_week=None
        )
        uitgevallen = factory.Trait(
            traject=factory.SubFactory(TrajectFactory, uitgevallen=True),
            soort=UitkomstSoort.UITGEVALLEN,
            contractsoort="",
            uren_per_week=None,
            uitval_reden=UitvalReden.GEZONDHEID,
        )


class VervolgmetingFactory(DjangoModelFactory):
    """A planned follow-up; the traits fill it in or make it late."""

    traject = factory.SubFactory(TrajectFactory, afgesloten=True)
    maanden = 6
    gepland_op = factory.LazyAttribute(
        lambda o: plus_maanden(o.traject.einddatum or timezone.localdate(), o.maanden)
    )

    class Meta:
        model = Vervolgmeting
        skip_postgeneration_save = True

    class Params:
        te_laat = factory.Trait(
            gepland_op=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=30)
            )
        )
        gemeten = factory.Trait(
            gepland_op=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=10)
            ),
            gemeten_op=factory.LazyFunction(timezone.localdate),
            situatie=Situatie.WERK,
            contractsoort=Contractsoort.VAST,
            uren_per_week=32,
            door=factory.SelfAttribute("traject.consulent"),
        )
        niet_bereikt = factory.Trait(
            gepland_op=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=10)
            ),
            gemeten_op=factory.LazyFunction(timezone.localdate),
            situatie=Situatie.ONBEKEND,
            door=factory.SelfAttribute("traject.consulent"),
        )

    @factory.post_generation
    def uitkomst(self, create, extracted, **kwargs):
        """A follow-up exists because an outcome was recorded: make one unless the
        traject has it (or `uitkomst=False`)."""
        if (
            create
            and extracted is not False
            and not Uitkomst.objects.filter(traject=self.traject).exists()
        ):
            UitkomstFactory(traject=self.traject, **kwargs)
