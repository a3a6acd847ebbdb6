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
