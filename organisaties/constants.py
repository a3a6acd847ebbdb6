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


class Rol(models.TextChoices):
    """The roles a Medewerker can hold; each is a Django group of the same name."""

    CONSULENT = "consulent", _("Consulent")
    JOBCOACH = "jobcoach", _("Jobcoach")
    PRAKTIJKOPLEIDER = "praktijkopleider", _("Praktijkopleider")
    MBO_MEDEWERKER = "mbo_medewerker", _("Mbo-medewerker")
    REGIOCOORDINATOR = "regiocoordinator", _("Regiocoördinator")
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", _("Functioneel beheerder")


# Permissions per role, as "app_label.codename". Later apps add their own lines;
# `rollen.rollen_synchroniseren` applies this after every migrate.
ROL_PERMISSIES: dict[str, set[str]] = {
    Rol.CONSULENT: {
        "organisaties.view_organisatie",
        "organisaties.view_medewerker",
        "kandidaten.view_kandidaat",
        "kandidaten.add_kandidaat",
        "kandidaten.change_kandidaat",
        "kandidaten.add_contactmoment",
    },
    Rol.JOBCOACH: {
        "organisaties.view_organisatie",
        "organisaties.view_medewerker",
        "kandidaten.view_kandidaat",
        "kandidaten.add_contactmoment",
    },
    Rol.PRAKTIJKOPLEIDER: {
        "organisaties.view_organisatie",
    },
    Rol.MBO_MEDEWERKER: {
        "organisaties.view_organisatie",
        "organisaties.view_medewerker",
    },
    Rol.REGIOCOORDINATOR: {
        "organisaties.view_organisatie",
        "organisaties.view_medewerker",
        "organisaties.view_arbeidsmarktregio",
        "kandidaten.view_kandidaat",
        "kandidaten.view_team",
    },
    Rol.FUNCTIONEEL_BEHEERDER: {
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
    },
}
