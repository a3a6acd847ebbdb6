from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisatieType(models.TextChoices):
    GEMEENTE = "gemeente", _("Gemeente")
    UWV = "uwv", _("UWV")
    MBO_INSTELLING = "mbo_instelling", _("Mbo-instelling")
    LEERBEDRIJF = "leerbedrijf", _("Leerbedrijf / werkgever")
    ONTWIKKELBEDRIJF = "ontwikkelbedrijf", _("Ontwikkelbedrijf / sw-bedrijf")
    REINTEGRATIEBEDRIJF = "reintegratiebedrijf", _("Re-integratiebedrijf")
    LEERWERKLOKET = "leerwerkloket", _("Leerwerkloket / werkgeversservicepunt")
    OVERIG = "overig", _("Overig")


class Expertise(models.TextChoices):
    """What a contact in the regional network is the person to ask about."""

    AMBASSADEUR = "ambassadeur", _("Ambassadeur praktijkleren")
    LEERWERKLOKET = "leerwerkloket", _("Adviseur leerwerkloket")
    WERKGEVERSADVISEUR = "werkgeversadviseur", _("Werkgeversadviseur / accountmanager")
    JOBCOACH = "jobcoach", _("Jobcoach")
    SBB = "sbb", _("Adviseur SBB")
    MBO = "mbo", _("Adviseur mbo-instelling")
    KLANTMANAGER = "klantmanager", _("Klantmanager / consulent")
    FINANCIERING = "financiering", _("Financiering en regelingen")
    ANDERS = "anders", _("Anders")


class Rol(models.TextChoices):
    """The roles a Medewerker can hold; each is a Django group of the same name."""

    CONSULENT = "consulent", _("Consulent")
    JOBCOACH = "jobcoach", _("Jobcoach")
    PRAKTIJKOPLEIDER = "praktijkopleider", _("Praktijkopleider")
    MBO_MEDEWERKER = "mbo_medewerker", _("Mbo-medewerker")
    REGIOCOORDINATOR = "regiocoordinator", _("Regiocoördinator")
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", _("Functioneel beheerder")


# leerbedrijven: every role reads; the roles that recruit employers add and change.
_LEERBEDRIJVEN_MODELLEN = (
    "leerbedrijf",
    "vestiging",
    "contactpersoon",
    "erkenning",
    "leerbaan",
    "contactmoment",
)
LEERBEDRIJVEN_LEZEN = {
    f"leerbedrijven.view_{model}"
    for model in (*_LEERBEDRIJVEN_MODELLEN, "leerbedrijfstatuswijziging")
}
LEERBEDRIJVEN_WIJZIGEN = {
    f"leerbedrijven.{actie}_{model}"
    for actie in ("add", "change")
    for model in _LEERBEDRIJVEN_MODELLEN
}

# Permissions per role, as "app_label.codename". Later apps add their own lines;
# `rollen.rollen_synchroniseren` applies this after every migrate.
ROL_PERMISSIES: dict[str, set[str]] = {
    Rol.CONSULENT: {
        "verklaringen.view_gedragsvoorbeeld",
        "verklaringen.view_werkopdracht",
        "verklaringen.view_observatie",
        "verklaringen.view_ontwikkeldoel",
        "verklaringen.view_eindbeoordeling",
        "verklaringen.view_borging",
        "verklaringen.add_observatie",
        "verklaringen.add_ontwikkeldoel",
        "verklaringen.change_ontwikkeldoel",
        "organisaties.view_netwerkcontact",
        "kennisbank.view_item",
        "organisaties.view_organisatie",
        "organisaties.view_medewerker",
        "kandidaten.view_kandidaat",
        "kandidaten.view_dossier",
        "kandidaten.add_kandidaat",
        "kandidaten.change_kandidaat",
        "kandidaten.add_contactmoment",
        "trajecten.view_advies",
        "trajecten.add_advies",
        "trajecten.view_traject",
        "trajecten.add_traject",
        "trajecten.change_traject",
        "trajecten.add_ondertekening",
        *LEERBEDRIJVEN_LEZEN,
        *LEERBEDRIJVEN_WIJZIGEN,
    },
    Rol.JOBCOACH: {
        "verklaringen.view_gedragsvoorbeeld",
        "verklaringen.view_werkopdracht",
        "verklaringen.view_observatie",
        "verklaringen.view_ontwikkeldoel",
        "verklaringen.view_eindbeoordeling",
        "verklaringen.view_borging",
        "verklaringen.add_observatie",
        "verklaringen.add_ontwikkeldoel",
        "verklaringen.change_ontwikkeldoel",
        "organisaties.view_netwerkcontact",
        "kennisbank.view_item",
        "organisaties.view_organisatie",
        "organisaties.view_medewerker",
        "kandidaten.view_kandidaat",
        "kandidaten.view_dossier",
        "kandidaten.add_contactmoment",
        "trajecten.view_advies",
        "trajecten.view_traject",
        *LEERBEDRIJVEN_LEZEN,
        *LEERBEDRIJVEN_WIJZIGEN,
    },
    # The company's own praktijkopleider does not read the recruiters' notes about it.
    Rol.PRAKTIJKOPLEIDER: {
        "verklaringen.view_gedragsvoorbeeld",
        "verklaringen.view_werkopdracht",
        "verklaringen.view_observatie",
        "verklaringen.view_ontwikkeldoel",
        "verklaringen.view_eindbeoordeling",
        "verklaringen.view_borging",
        "verklaringen.add_gedragsvoorbeeld",
        "verklaringen.change_gedragsvoorbeeld",
        "verklaringen.add_werkopdracht",
        "verklaringen.change_werkopdracht",
        "verklaringen.add_observatie",
        "verklaringen.add_ontwikkeldoel",
        "verklaringen.change_ontwikkeldoel",
        "verklaringen.add_eindbeoordeling",
        "verklaringen.change_eindbeoordeling",
        "trajecten.view_traject",
        "trajecten.add_ondertekening",
        "kandidaten.view_kandidaat",
        "organisaties.view_netwerkcontact",
        "kennisbank.view_item",
        "organisaties.view_organisatie",
        *(
            LEERBEDRIJVEN_LEZEN
            - {
                "leerbedrijven.view_contactmoment",
                "leerbedrijven.view_leerbedrijfstatuswijziging",
            }
        ),
    },
    Rol.MBO_MEDEWERKER: {
        "verklaringen.view_gedragsvoorbeeld",
        "verklaringen.view_werkopdracht",
        "verklaringen.view_observatie",
        "verklaringen.view_ontwikkeldoel",
        "verklaringen.view_eindbeoordeling",
        "verklaringen.view_borging",
        "verklaringen.add_gedragsvoorbeeld",
        "verklaringen.change_gedragsvoorbeeld",
        "verklaringen.add_werkopdracht",
        "verklaringen.change_werkopdracht",
        "verklaringen.add_borging",
        "organisaties.view_netwerkcontact",
        "kennisbank.view_item",
        "organisaties.view_organisatie",
        "organisaties.view_medewerker",
        "kandidaten.view_kandidaat",
        "kandidaten.view_dossier",
        "trajecten.view_advies",
        "trajecten.add_advies",
        "trajecten.view_traject",
        "trajecten.change_traject",
        "trajecten.add_ondertekening",
        *LEERBEDRIJVEN_LEZEN,
    },
    Rol.REGIOCOORDINATOR: {
        "verklaringen.view_gedragsvoorbeeld",
        "verklaringen.view_werkopdracht",
        "verklaringen.view_observatie",
        "verklaringen.view_ontwikkeldoel",
        "verklaringen.view_eindbeoordeling",
        "verklaringen.view_borging",
        "organisaties.view_netwerkcontact",
        "kennisbank.view_item",
        "kennisbank.add_item",
        "kennisbank.change_item",
        "organisaties.add_netwerkcontact",
        "organisaties.change_netwerkcontact",
        "organisaties.view_organisatie",
        "organisaties.view_medewerker",
        "organisaties.view_arbeidsmarktregio",
        "kandidaten.view_kandidaat",
        "kandidaten.view_dossier",
        "kandidaten.view_team",
        "trajecten.view_advies",
        "trajecten.view_traject",
        *LEERBEDRIJVEN_LEZEN,
        *LEERBEDRIJVEN_WIJZIGEN,
    },
    Rol.FUNCTIONEEL_BEHEERDER: {
        "verklaringen.view_gedragsvoorbeeld",
        "verklaringen.view_werkopdracht",
        "verklaringen.add_gedragsvoorbeeld",
        "verklaringen.change_gedragsvoorbeeld",
        "verklaringen.add_werkopdracht",
        "verklaringen.change_werkopdracht",
        "organisaties.view_netwerkcontact",
        "kennisbank.view_item",
        "kennisbank.add_item",
        "kennisbank.change_item",
        "organisaties.add_netwerkcontact",
        "organisaties.change_netwerkcontact",
        "organisaties.view_arbeidsmarktregio",
        "organisaties.view_organisatie",
        "organisaties.add_organisatie",
        "organisaties.change_organisatie",
        "organisaties.view_medewerker",
        "organisaties.add_medewerker",
        "organisaties.change_medewerker",
        "kwalificaties.view_kwalificatie",
        "kwalificaties.add_kwalificatie",
        "kwalificaties.change_kwalificatie",
        "kwalificaties.view_werkproces",
        "kwalificaties.add_werkproces",
        "kwalificaties.change_werkproces",
        "auditlog.view_logentry",
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        "axes.view_accessfailurelog",
        "django_celery_beat.view_periodictask",
        "django_celery_beat.change_periodictask",
        "trajecten.view_checklistvraag",
        "trajecten.add_checklistvraag",
        "trajecten.change_checklistvraag",
        "meldingen.view_herinnering",
        "meldingen.change_herinnering",
        *LEERBEDRIJVEN_LEZEN,
        *LEERBEDRIJVEN_WIJZIGEN,
    },
}
