from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from organisaties.constants import Rol
from tests.factories.leerbedrijven import werkprocessen
from tests.factories.organisaties import medewerker_met_rol
from tests.factories.trajecten import PlaatsingFactory, TrajectFactory
from verklaringen.constants import BewijsSoort, ObservatieSoort
from verklaringen.models import Gedragsvoorbeeld, Observatie, Ontwikkeldoel


class GedragsvoorbeeldFactory(DjangoModelFactory):
    werkproces = factory.LazyFunction(lambda: werkprocessen()[0])
    tekst = factory.Sequence(lambda n: f"Doet stap {n} goed.")
    volgorde = factory.Sequence(int)

    class Meta:
        model = Gedragsvoorbeeld


class ObservatieFactory(DjangoModelFactory):
    traject = factory.SubFactory(TrajectFactory, lopend=True)
    datum = factory.LazyFunction(timezone.localdate)
    soort = ObservatieSoort.TUSSENRESULTAAT
    door = factory.SelfAttribute("traject.consulent")

    class Meta:
        model = Observatie

    class Params:
        nulmeting = factory.Trait(soort=ObservatieSoort.NULMETING)


class OntwikkeldoelFactory(DjangoModelFactory):
    traject = factory.SubFactory(TrajectFactory, lopend=True)
    werkproces = factory.LazyAttribute(lambda o: o.traject.werkprocessen.first())
    doel = "Zelf de werkplek klaarzetten."
    afgesproken_op = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = Ontwikkeldoel


def traject_met_opleider(**traject_kwargs):
    """A traject (default lopend) with one placement whose praktijkopleider has an
    account; returns (traject, opleider_account)."""
    traject_kwargs.setdefault("lopend", True)
    traject = TrajectFactory(**traject_kwargs)
    plaatsing = PlaatsingFactory(traject=traject)
    account = medewerker_met_rol(
        Rol.PRAKTIJKOPLEIDER, organisatie=plaatsing.leerbedrijf.organisatie
    )
    plaatsing.praktijkopleider.account = account
    plaatsing.praktijkopleider.save()
    return traject, account


def alles_beoordelen(traject, opleider, beheerst=True):
    """An eindbeoordeling for every werkproces; `beheerst` is one value for all, or a
    list with one value per werkproces (ordered by code)."""
    from verklaringen.services import eindbeoordeling_vastleggen

    werkprocessen_ = list(traject.werkprocessen.order_by("code"))
    oordelen = (
        beheerst if isinstance(beheerst, list) else [beheerst] * len(werkprocessen_)
    )
    for w, oordeel in zip(werkprocessen_, oordelen, strict=True):
        eindbeoordeling_vastleggen(
            traject=traject,
            werkproces=w,
            door=opleider,
            beheerst=oordeel,
            datum=timezone.localdate(),
        )


def mbo_van(traject):
    return medewerker_met_rol(Rol.MBO_MEDEWERKER, organisatie=traject.mbo_instelling)


def goedgekeurd_traject(beheerst=True, **traject_kwargs):
    """A traject whose assessment is submitted and approved (status 'beoordeeld');
    returns (traject, opleider_account, mbo_medewerker)."""
    from verklaringen.services import beoordeling_goedkeuren, beoordeling_indienen

    traject, opleider = traject_met_opleider(**traject_kwargs)
    alles_beoordelen(traject, opleider, beheerst)
    beoordeling_indienen(traject=traject, door=opleider)
    mbo = mbo_van(traject)
    beoordeling_goedkeuren(traject=traject, door=mbo)
    return traject, opleider, mbo


# --- issued verklaringen (tests/verklaringen, tests/mijn) ---
VERIFICATIE_BASIS = "http://testserver"  # the public links point at the test server


def met_praktijkverklaring(**traject_kwargs):
    """A praktijkverklaring issued on a goedgekeurd_traject; returns (traject,
    mbo_medewerker, praktijkverklaring)."""
    from verklaringen.services import verklaring_uitreiken

    traject, _opleider, mbo = goedgekeurd_traject(**traject_kwargs)
    p = verklaring_uitreiken(
        traject=traject, door=mbo, plaats="Zwolle", verificatie_basis=VERIFICATIE_BASIS
    )
    return traject, mbo, p


def certificaat(traject, door, **kwargs):
    """Another proof (`Bewijs`) for the traject; by default a werknemersvaardigheden
    certificate of today by Werkbedrijf Oost."""
    from verklaringen.services import bewijs_toevoegen

    kwargs.setdefault("soort", BewijsSoort.WERKNEMERSVAARDIGHEDEN)
    kwargs.setdefault("uitgever", "Werkbedrijf Oost")
    kwargs.setdefault("datum", timezone.localdate())
    return bewijs_toevoegen(traject=traject, door=door, **kwargs)


def onderdelen(traject, door):
    """A werknemersvaardigheden certificate (one gedragsvoorbeeld) and an exam
    result; returns (gedragsvoorbeeld, [certificate, exam result])."""
    gv = GedragsvoorbeeldFactory(werkproces=traject.werkprocessen.first())
    cert = certificaat(traject, door, gedragsvoorbeelden=[gv])
    examen = certificaat(
        traject,
        door,
        soort=BewijsSoort.EXAMENRESULTAAT,
        uitgever="ROC Examenbureau",
        omschrijving="Nederlands 2F: voldoende",
    )
    return gv, [cert, examen]


def mbo_uitreiken(traject, door, praktijkverklaringen, bewijzen=(), **kwargs):
    """A mbo-verklaring issued by `door` with these parts."""
    from verklaringen.services import mbo_verklaring_uitreiken

    return mbo_verklaring_uitreiken(
        traject=traject,
        door=door,
        praktijkverklaringen=praktijkverklaringen,
        bewijzen=bewijzen,
        verificatie_basis=VERIFICATIE_BASIS,
        **kwargs,
    )


def met_onderdelen(**uitreiken_kwargs):
    """A mbo-verklaring with a praktijkverklaring and the two `onderdelen`; returns
    (mbo_verklaring, praktijkverklaring, mbo_medewerker, gedragsvoorbeeld)."""
    traject, mbo, p = met_praktijkverklaring()
    gv, bewijzen = onderdelen(traject, mbo)
    m = mbo_uitreiken(traject, mbo, [p], bewijzen, **uitreiken_kwargs)
    return m, p, mbo, gv
