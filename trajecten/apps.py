from django.apps import AppConfig
from django.apps import apps as django_apps
from django.db.models.signals import post_migrate


def _advies_paneel(*, kandidaat, user) -> dict:
    from .selectors import actueel_advies

    return {"advies": actueel_advies(kandidaat=kandidaat)}


def _vragen_na_migrate(sender, **kwargs):
    # Restores the standard questions after a test database flush; never touches a
    # question set that holds data.
    from .checklist import standaardvragen_laden
    from .models import ChecklistVraag

    if not ChecklistVraag.objects.exists():
        standaardvragen_laden(ChecklistVraag)


def _instellingen_na_migrate(sender, apps=None, using="default", **kwargs):
    # The one row of settings the beheerder changes in the admin (defaults), also
    # after a test database flush; skipped while migrated back before its table.
    from .models.instellingen import ENIGE_RIJ

    try:
        model = (apps or django_apps).get_model("trajecten", "TrajectInstellingen")
    except LookupError:
        return
    model.objects.using(using).get_or_create(pk=ENIGE_RIJ)


def _traject_paneel(*, kandidaat, user) -> dict:
    from .selectors import traject_list

    return {"trajecten": list(traject_list(user=user).filter(kandidaat=kandidaat))}


def _caseload_traject(kandidaten, *, user):
    # The caseload's columns (kandidaten.caseload) for one page of candidates: the
    # status of each one's newest traject the user may see and the leerbedrijf of that
    # traject's newest placement. One query for the page, whatever its length; a
    # candidate has few trajecten, the newest is picked here (portable, no DISTINCT ON).
    from django.db.models import OuterRef, Subquery

    from .constants import TrajectStatus
    from .models import Plaatsing, Traject

    nieuwste_plaatsing = Plaatsing.objects.filter(traject=OuterRef("pk")).order_by(
        "-startdatum", "-pk"
    )
    trajecten = (
        Traject.objects.zichtbaar_voor(user)
        .filter(kandidaat__in=[k.pk for k in kandidaten])
        .annotate(
            leerbedrijf_naam=Subquery(
                nieuwste_plaatsing.values("leerbedrijf__organisatie__naam")[:1]
            )
        )
        .order_by("kandidaat_id", "-startdatum", "-pk")
        .values_list("kandidaat_id", "status", "leerbedrijf_naam")
    )
    huidig = {}
    for kandidaat_id, status, leerbedrijf in trajecten:
        huidig.setdefault(kandidaat_id, (status, leerbedrijf))
    labels = {waarde: str(label) for waarde, label in TrajectStatus.choices}
    for kandidaat in kandidaten:
        status, leerbedrijf = huidig.get(kandidaat.pk, (None, None))
        kandidaat.huidig_traject_status = status and labels.get(status)
        kandidaat.huidig_leerbedrijf = leerbedrijf


def _traject_namen(pks: list[int], *, user) -> dict[int, str]:
    # The headings of the notification groups per traject (meldingen.onderwerpen):
    # only the trajecten the user may still see name their candidate.
    from django.utils.translation import gettext as _

    from .models import Traject

    trajecten = (
        Traject.objects.zichtbaar_voor(user)
        .filter(pk__in=pks)
        .select_related("kandidaat", "kwalificatie")
    )
    return {t.pk: _("Traject van %s") % t for t in trajecten}


def _meldingen_registreren():
    # The kinds of notification a person chooses the delivery of, and the traject as
    # the subject that groups every notification linking to its page.
    from django.utils.translation import gettext_lazy as _

    from meldingen.onderwerpen import onderwerp_registreren
    from meldingen.soorten import soort_registreren

    soort_registreren(
        "ondertekeningen",
        _("Handtekeningen en overeenkomsten"),
        oorzaken=["ondertekend", "overeenkomst_ongetekend"],
        volgorde=10,
    )
    soort_registreren(
        "trajectstatus",
        _("Nieuwe status of correctie van een traject"),
        oorzaken=["traject_status", "traject_correctie"],
        volgorde=20,
    )
    onderwerp_registreren(
        "traject", namen=_traject_namen, urls={"trajecten:traject_detail": "pk"}
    )


class TrajectenConfig(AppConfig):
    name = "trajecten"
    verbose_name = "Trajecten"

    def ready(self):
        from auditlog.registry import auditlog

        from kandidaten.caseload import kolommen_registreren
        from kandidaten.models import Kandidaat
        from kandidaten.panelen import Paneel, paneel_registreren
        from organisaties.audit import persoonsgegevens_registreren
        from organisaties.scoping import zichtbaarheid_uitbreiden

        from .models import (
            Advies,
            AdviesAntwoord,
            ChecklistVraag,
            Financiering,
            Ondertekening,
            Plaatsing,
            Traject,
            TrajectInstellingen,
        )

        for model in (
            Advies,
            AdviesAntwoord,
            Traject,
            Plaatsing,
            Financiering,
            Ondertekening,
        ):
            auditlog.register(model)
        persoonsgegevens_registreren(Advies, AdviesAntwoord, Traject, Ondertekening)
        from . import persoonsgegevens  # noqa: F401  (the personal fields)

        auditlog.register(ChecklistVraag)
        auditlog.register(TrajectInstellingen)
        # The mbo-instelling that gave the advice or runs a traject follows the
        # candidate from then on, and so does the praktijkopleider of a placement.
        zichtbaarheid_uitbreiden(
            Kandidaat,
            organisaties=("adviezen__mbo_instelling", "trajecten__mbo_instelling"),
            personen=(
                "adviezen__mbo_medewerker",
                "trajecten__plaatsingen__praktijkopleider__account",
            ),
        )
        post_migrate.connect(
            _vragen_na_migrate, sender=self, dispatch_uid="checklist_vragen"
        )
        post_migrate.connect(
            _instellingen_na_migrate, sender=self, dispatch_uid="traject_instellingen"
        )
        paneel_registreren(
            Paneel("trajecten/partials/advies_paneel.html", _advies_paneel, 10)
        )
        paneel_registreren(
            Paneel("trajecten/partials/traject_paneel.html", _traject_paneel, 20)
        )
        kolommen_registreren(_caseload_traject)
        from . import herinneringen  # noqa: F401  (registers the reminder rules)

        _meldingen_registreren()
