import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

import pytest

from kandidaten.models import Gebeurtenis
from kwalificaties.models import Werkproces
from meldingen.models import Melding
from organisaties.constants import Rol
from tests.factories.leerbedrijven import werkprocessen
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol
from tests.factories.verklaringen import (
    alles_beoordelen,
    mbo_van,
    traject_met_opleider,
)
from trajecten.constants import TrajectStatus
from verklaringen.constants import BorgingStatus, Niveau, ObservatieSoort
from verklaringen.models import (
    Eindbeoordeling,
    Gedragsvoorbeeld,
    Observatie,
    ObservatieScore,
)
from verklaringen.selectors import gedragsvoorbeelden_voor, traject_beoordeling
from verklaringen.services import (
    beoordeling_goedkeuren,
    beoordeling_indienen,
    beoordeling_terugsturen,
    eindbeoordeling_vastleggen,
    observatie_vastleggen,
)

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate


def gv(werkproces_index=0):
    return Gedragsvoorbeeld.objects.filter(
        werkproces=werkprocessen()[werkproces_index], leerbedrijf__isnull=True
    ).first()


def vastleggen(traject, door, **kwargs):
    kwargs.setdefault("datum", VANDAAG())
    kwargs.setdefault("soort", ObservatieSoort.TUSSENRESULTAAT)
    kwargs.setdefault("scores", {gv().pk: (Niveau.MET_HULP, "Gaat goed")})
    return observatie_vastleggen(traject=traject, door=door, **kwargs)


def test_standaard_gedragsvoorbeelden_loaded_for_entree():
    for w in werkprocessen():
        aantal = Gedragsvoorbeeld.objects.filter(werkproces=w).count()
        assert 2 <= aantal <= 4


def test_observatie_vastleggen_saves_scores_and_timeline():
    traject, opleider = traject_met_opleider()
    obs = vastleggen(traject, opleider)
    assert obs.scores.get().niveau == Niveau.MET_HULP
    assert Gebeurtenis.objects.filter(kandidaat=traject.kandidaat).exists()


def test_observatie_vastleggen_refuses_werkproces_outside_traject():
    traject, opleider = traject_met_opleider()
    traject.werkprocessen.set(werkprocessen()[:1])
    buiten = gv(1)
    with pytest.raises(ValidationError) as exc:
        vastleggen(
            traject,
            opleider,
            scores={
                gv().pk: (Niveau.ZELFSTANDIG, ""),
                buiten.pk: (Niveau.MET_HULP, ""),
            },
        )
    assert "hoort niet bij dit traject" in str(exc.value)
    assert not Observatie.objects.exists()
    assert not ObservatieScore.objects.exists()


def test_observatie_vastleggen_refuses_future_date():
    traject, opleider = traject_met_opleider()
    with pytest.raises(ValidationError, match="toekomst"):
        vastleggen(traject, opleider, datum=VANDAAG() + datetime.timedelta(days=1))
    assert not Observatie.objects.exists()


def test_observatie_vastleggen_refuses_unknown_level():
    traject, opleider = traject_met_opleider()
    with pytest.raises(ValidationError, match="zelfstandig"):
        vastleggen(traject, opleider, scores={gv().pk: ("perfect", "")})
    assert not Observatie.objects.exists()


def test_observatie_vastleggen_refuses_traject_not_lopend():
    traject, opleider = traject_met_opleider(lopend=False, plaatsing_voorbereid=True)
    with pytest.raises(ValidationError, match="plaatsing voorbereid"):
        vastleggen(traject, opleider, soort=ObservatieSoort.NULMETING)


def test_nulmeting_allowed_when_getekend_but_tussenresultaat_not():
    traject, opleider = traject_met_opleider(lopend=False, getekend=True)
    vastleggen(traject, opleider, soort=ObservatieSoort.NULMETING)
    with pytest.raises(ValidationError):
        vastleggen(traject, opleider)


def test_observatie_vastleggen_only_one_nulmeting():
    traject, opleider = traject_met_opleider()
    vastleggen(traject, opleider, soort=ObservatieSoort.NULMETING)
    with pytest.raises(ValidationError, match="al een 0-meting"):
        vastleggen(traject, opleider, soort=ObservatieSoort.NULMETING)
    assert traject.observaties.count() == 1


def test_observatie_vastleggen_refuses_someone_outside_the_traject(mbo_medewerker):
    traject, _opleider = traject_met_opleider()
    with pytest.raises(PermissionDenied):
        vastleggen(traject, mbo_medewerker)


def test_consulent_may_record_observations():
    traject, _opleider = traject_met_opleider()
    assert vastleggen(traject, traject.consulent).pk


def test_leerbedrijf_own_gedragsvoorbeelden_replace_the_general_ones():
    traject, _opleider = traject_met_opleider()
    lb = traject.plaatsingen.get().leerbedrijf
    w = werkprocessen()[0]
    eigen = Gedragsvoorbeeld.objects.create(
        werkproces=w, tekst="Kneedt deeg", leerbedrijf=lb
    )
    per_wp = gedragsvoorbeelden_voor(
        traject_beoordeling(user=traject.consulent).get(pk=traject.pk)
    )
    assert per_wp[w.pk] == [eigen]
    assert per_wp[werkprocessen()[1].pk] == list(
        Gedragsvoorbeeld.objects.filter(werkproces=werkprocessen()[1]).order_by(
            "volgorde", "pk"
        )
    )


def test_eindbeoordeling_replaces_old_one_until_submitted():
    traject, opleider = traject_met_opleider()
    w = werkprocessen()[0]
    eindbeoordeling_vastleggen(
        traject=traject, werkproces=w, door=opleider, beheerst=False, datum=VANDAAG()
    )
    eindbeoordeling_vastleggen(
        traject=traject, werkproces=w, door=opleider, beheerst=True, datum=VANDAAG()
    )
    assert Eindbeoordeling.objects.get(traject=traject, werkproces=w).beheerst
    alles_beoordelen(traject, opleider)
    beoordeling_indienen(traject=traject, door=opleider)
    with pytest.raises(ValidationError):
        eindbeoordeling_vastleggen(
            traject=traject,
            werkproces=w,
            door=opleider,
            beheerst=False,
            datum=VANDAAG(),
        )


def test_eindbeoordeling_only_by_praktijkopleider():
    traject, _opleider = traject_met_opleider()
    with pytest.raises(PermissionDenied):
        eindbeoordeling_vastleggen(
            traject=traject,
            werkproces=werkprocessen()[0],
            door=traject.consulent,
            beheerst=True,
            datum=VANDAAG(),
        )


def test_beoordeling_indienen_needs_every_werkproces():
    traject, opleider = traject_met_opleider()
    eindbeoordeling_vastleggen(
        traject=traject,
        werkproces=werkprocessen()[0],
        door=opleider,
        beheerst=True,
        datum=VANDAAG(),
    )
    with pytest.raises(ValidationError, match="B1-K1-W2"):
        beoordeling_indienen(traject=traject, door=opleider)
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.LOPEND


def test_indienen_goedkeuren_moves_status_and_notifies_team_not_actor():
    traject, opleider = traject_met_opleider()
    alles_beoordelen(traject, opleider)
    beoordeling_indienen(traject=traject, door=opleider)
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.BEOORDEELD
    assert traject.statuswijzigingen.filter(naar=TrajectStatus.BEOORDEELD).exists()
    assert Melding.objects.filter(
        ontvanger=traject.consulent, oorzaak__startswith="borging:"
    ).exists()
    assert not Melding.objects.filter(ontvanger=opleider).exists()
    mbo = mbo_van(traject)
    borging = beoordeling_goedkeuren(traject=traject, door=mbo)
    assert borging.status == BorgingStatus.GOEDGEKEURD
    assert not Melding.objects.filter(ontvanger=mbo).exists()
    assert Melding.objects.filter(
        ontvanger=opleider, oorzaak=f"borging:{borging.pk}"
    ).exists()
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.BEOORDEELD


def test_goedkeuren_refused_for_mbo_of_another_instelling():
    traject, opleider = traject_met_opleider()
    alles_beoordelen(traject, opleider)
    beoordeling_indienen(traject=traject, door=opleider)
    ander = medewerker_met_rol(
        Rol.MBO_MEDEWERKER, organisatie=OrganisatieFactory(mbo=True)
    )
    with pytest.raises(PermissionDenied):
        beoordeling_goedkeuren(traject=traject, door=ander)
    with pytest.raises(PermissionDenied):
        beoordeling_goedkeuren(traject=traject, door=traject.consulent)


def test_goedkeuren_needs_a_submitted_assessment():
    traject, _opleider = traject_met_opleider()
    with pytest.raises(ValidationError, match="geen ingediende"):
        beoordeling_goedkeuren(traject=traject, door=mbo_van(traject))


def test_terugsturen_needs_remark_and_moves_back_to_lopend():
    traject, opleider = traject_met_opleider()
    alles_beoordelen(traject, opleider)
    beoordeling_indienen(traject=traject, door=opleider)
    mbo = mbo_van(traject)
    with pytest.raises(ValidationError, match="Schrijf op"):
        beoordeling_terugsturen(traject=traject, door=mbo, opmerking="  ")
    beoordeling_terugsturen(traject=traject, door=mbo, opmerking="Motiveer W3.")
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.LOPEND
    assert list(traject.statuswijzigingen.values_list("naar", flat=True)[:2]) == [
        TrajectStatus.LOPEND,
        TrajectStatus.BEOORDEELD,
    ]
    # Returned: the praktijkopleider may correct again.
    eindbeoordeling_vastleggen(
        traject=traject,
        werkproces=Werkproces.objects.get(pk=werkprocessen()[2].pk),
        door=opleider,
        beheerst=False,
        datum=VANDAAG(),
        motivatie="Nog oefenen.",
    )


def test_a_praktijkopleider_cannot_take_over_a_general_gedragsvoorbeeld():
    from leerbedrijven.models import Leerbedrijf
    from verklaringen.models import Gedragsvoorbeeld
    from verklaringen.services import gedragsvoorbeeld_opslaan

    traject, opleider = traject_met_opleider()
    algemeen = Gedragsvoorbeeld.objects.filter(leerbedrijf__isnull=True).first()
    eigen = traject.plaatsingen.get().leerbedrijf
    algemeen.leerbedrijf = eigen
    algemeen.actief = False
    with pytest.raises(PermissionDenied):
        gedragsvoorbeeld_opslaan(
            gedragsvoorbeeld=algemeen,
            door=opleider,
            leerbedrijven=Leerbedrijf.objects.filter(pk=eigen.pk),
        )
    algemeen.refresh_from_db()
    assert algemeen.leerbedrijf_id is None
    assert algemeen.actief
