"""The Django admin at /beheer/ is scoped like the portal.

A functioneel beheerder of one region walks every registered admin model against
objects of another region: the changelist does not show them, their change, history
and delete pages do not open, a hand-made POST changes nothing. Scope itself (the
regions of an organisation, the organisation of a medewerker) is not self-service.
"""

from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django_celery_beat.models import IntervalSchedule, PeriodicTask

from organisaties.constants import Rol
from organisaties.models import Medewerker, Organisatie
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.kennisbank import ItemFactory
from tests.factories.leerbedrijven import (
    ContactmomentFactory,
    LeerbaanFactory,
    LeerbedrijfFactory,
    werkprocessen,
)
from tests.factories.organisaties import (
    MedewerkerFactory,
    OrganisatieFactory,
    medewerker_met_rol,
    regio,
)
from tests.factories.sso import SsoIdentiteitFactory, SsoKoppelingFactory
from tests.factories.verklaringen import GedragsvoorbeeldFactory
from tests.formulieren import formulier, posten
from tweestaps.models import Soort, TweedeStapAccount, TweedeStapGebeurtenis
from verklaringen.models import Werkopdracht

pytestmark = pytest.mark.django_db

ANDERE_REGIO = "AM01"

# Admin models without a region, on purpose. A new registration must be added to
# `GLOBAAL` with a reason or to `MAKEN` below, or `test_elk_admin_model_is_ingedeeld`
# fails.
GLOBAAL = {
    "auth.Group": "roles are synchronised from code; beheerders have no permission",
    "auditlog.LogEntry": "the full audit log is for superusers only",
    "django_celery_beat.PeriodicTask": "the installation's scheduled tasks",
    "django_celery_beat.ClockedSchedule": "schedules of the scheduled tasks",
    "django_celery_beat.CrontabSchedule": "schedules of the scheduled tasks",
    "django_celery_beat.SolarSchedule": "schedules of the scheduled tasks",
    "django_celery_beat.IntervalSchedule": "schedules of the scheduled tasks",
    "meldingen.Herinnering": "reminder rules hold for the whole installation",
    "core.VastePagina": "the public statements hold for the whole installation",
    "organisaties.Arbeidsmarktregio": "the 35 CBS regions (view only)",
    "kwalificaties.Kwalificatie": "the national qualification catalogue",
    "kwalificaties.Werkproces": "the national qualification catalogue",
    "kennisbank.Tag": "keywords shared by all regions' items",
    "trajecten.ChecklistVraag": "one national question set for the advice",
    "trajecten.TrajectInstellingen": "one row of settings for the installation",
    "bewaartermijnen.Bewaartermijnen": "one row of retention periods for the installation",
    "trajecten.PostcodeGebied": "national reference data: postcode centroids",
    "tweestaps.TweedeStapRegel": "the second login step per role, installation-wide",
}


def _leerbedrijf(andere):
    return LeerbedrijfFactory(
        regio=andere,
        organisatie=OrganisatieFactory(leerbedrijf=True, regios=[andere]),
    )


def _medewerker(andere):
    return MedewerkerFactory(
        organisatie=OrganisatieFactory(regios=[andere]), rollen=[Rol.CONSULENT]
    )


def _inlog(model):
    def maken(andere):
        return model.objects.create(
            username=_medewerker(andere).username,
            user_agent="test",
            ip_address="10.0.0.1",
            http_accept="*/*",
            path_info="/inloggen/",
            **(
                {"get_data": "", "post_data": "", "failures_since_start": 3}
                if model is AccessAttempt
                else {}
            ),
        )

    return maken


# Region-bound admin models: how to make one in the other region.
MAKEN = {
    "organisaties.Organisatie": lambda andere: OrganisatieFactory(regios=[andere]),
    "organisaties.Medewerker": _medewerker,
    "axes.AccessAttempt": _inlog(AccessAttempt),
    "axes.AccessLog": _inlog(AccessLog),
    "axes.AccessFailureLog": _inlog(AccessFailureLog),
    "kennisbank.Item": lambda andere: ItemFactory(
        regio=andere, eigenaar=OrganisatieFactory(regios=[andere])
    ),
    "leerbedrijven.Leerbedrijf": _leerbedrijf,
    "leerbedrijven.Leerbaan": lambda andere: LeerbaanFactory(
        leerbedrijf=_leerbedrijf(andere)
    ),
    "leerbedrijven.Contactmoment": lambda andere: ContactmomentFactory(
        leerbedrijf=_leerbedrijf(andere), door=_medewerker(andere)
    ),
    "verklaringen.Gedragsvoorbeeld": lambda andere: GedragsvoorbeeldFactory(
        leerbedrijf=_leerbedrijf(andere)
    ),
    "sso.SsoKoppeling": lambda andere: SsoKoppelingFactory(
        organisatie=OrganisatieFactory(regios=[andere])
    ),
    "sso.SsoIdentiteit": lambda andere: SsoIdentiteitFactory(
        medewerker=_medewerker(andere)
    ),
    "verklaringen.Werkopdracht": lambda andere: Werkopdracht.objects.create(
        werkproces=werkprocessen()[0],
        leerbedrijf=_leerbedrijf(andere),
        titel="Kassa opmaken",
        instructie="Tel de kassa en schrijf het bedrag op.",
    ),
    "tweestaps.TweedeStapAccount": lambda andere: TweedeStapAccount.objects.get(
        pk=_medewerker(andere).pk
    ),
    "tweestaps.TweedeStapGebeurtenis": lambda andere: (
        TweedeStapGebeurtenis.objects.create(
            gebruiker=_medewerker(andere), soort=Soort.GEBLOKKEERD
        )
    ),
}


def _stand(obj):
    """Every stored value of `obj`, many-to-many included, to see that nothing changed."""
    obj = type(obj)._base_manager.get(pk=obj.pk)
    stand = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    for f in obj._meta.many_to_many:
        stand[f.name] = sorted(getattr(obj, f.name).values_list("pk", flat=True))
    return stand


def _url(obj, actie):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{actie}", args=[obj.pk])


def test_elk_admin_model_is_ingedeeld():
    geregistreerd = {m._meta.label for m in admin.site._registry}
    assert geregistreerd == set(GLOBAAL) | set(MAKEN)
    assert not set(GLOBAAL) & set(MAKEN)


@pytest.mark.parametrize("label", sorted(MAKEN))
def test_beheerder_bereikt_geen_object_van_een_andere_regio(app, beheerder, label):
    obj = MAKEN[label](regio(ANDERE_REGIO))
    opts = obj._meta
    voor = _stand(obj)

    lijst = app.get(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
        user=beheerder,
        expect_errors=True,
    )
    assert lijst.status_code in (200, 403)
    if lijst.status_code == 200:
        assert obj.pk not in lijst.context["cl"].queryset.values_list("pk", flat=True)
        assert _url(obj, "change") not in lijst.text

    for actie in ("change", "history", "delete"):
        pagina = app.get(_url(obj, actie), user=beheerder, expect_errors=True)
        # Django answers an object outside the queryset with a redirect to the index.
        assert pagina.status_code in (302, 403, 404), (actie, pagina.status_code)
        if pagina.status_code == 302:
            assert pagina.location == reverse("admin:index")

    data = {
        k: ("gewijzigd" if isinstance(v, str) else "" if v is None else str(v))
        for k, v in voor.items()
        if not isinstance(v, list)
    }
    for actie in ("change", "delete"):
        antwoord = posten(
            app, _url(obj, actie), {**data, "post": "yes"}, user=beheerder, status="*"
        )
        assert antwoord.status_code in (302, 403, 404)
    assert _stand(obj) == voor


def test_geen_lijst_noemt_een_organisatie_van_een_andere_regio(app, beheerder):
    """Filters and columns of every changelist: another region's names stay out."""
    andere = regio(ANDERE_REGIO)
    elders = OrganisatieFactory(naam="Zorggroep Elders", regios=[andere])
    MedewerkerFactory(organisatie=elders, last_name="Verweggen")
    LeerbedrijfFactory(regio=andere, organisatie=elders)
    ItemFactory(regio=andere, eigenaar=elders, titel="Regeling Elders")
    for model in admin.site._registry:
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        lijst = app.get(url, user=beheerder, expect_errors=True)
        assert lijst.status_code in (200, 403), url
        for naam in ("Zorggroep Elders", "Verweggen", "Regeling Elders"):
            assert naam not in lijst.text, (url, naam)


@pytest.mark.parametrize("label", sorted(MAKEN))
def test_keuzelijsten_bieden_niets_van_een_andere_regio(app, beheerder, label):
    """Every relation field of an own-region object's form (inlines included) leaves
    out the other region: a forced id fails validation, as the field's queryset is
    what the form checks."""
    andere = regio(ANDERE_REGIO)
    elders = _medewerker(andere)
    lokaas = [
        andere,
        elders,
        elders.organisatie,
        _leerbedrijf(andere),
        ItemFactory(regio=andere, eigenaar=elders.organisatie),
    ]
    obj = MAKEN[label](regio())
    opts = obj._meta
    toevoegen = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    for url in (_url(obj, "change"), toevoegen):
        pagina = app.get(url, user=beheerder, expect_errors=True)
        if pagina.status_code == 403:  # a beheerder cannot open or add these
            assert url == toevoegen or label not in MET_REGIO_KEUZES
            continue
        forms = [pagina.context["adminform"].form]
        for inline in pagina.context["inline_admin_formsets"]:
            forms += [*inline.formset.forms, inline.formset.empty_form]
        gecontroleerd = 0
        for form in forms:
            for naam, veld in form.fields.items():
                qs = getattr(veld, "queryset", None)
                for aas in lokaas:
                    if qs is not None and qs.model is type(aas):
                        gecontroleerd += 1
                        assert not qs.filter(pk=aas.pk).exists(), (url, naam, aas)
        assert gecontroleerd or url == toevoegen or label not in MET_REGIO_KEUZES


# The admins whose change forms relate to a region-bound model; the others have none
# (an organisation's regions and an account's organisation are read-only on change).
MET_REGIO_KEUZES = {
    "kennisbank.Item",
    "leerbedrijven.Leerbedrijf",
    "leerbedrijven.Leerbaan",
    "leerbedrijven.Contactmoment",
    "verklaringen.Gedragsvoorbeeld",
    "verklaringen.Werkopdracht",
}


def test_beheerder_voegt_eigen_organisatie_niet_aan_een_andere_regio_toe(
    app, beheerder
):
    """The attack: add your own organisation to another region, then open its cases."""
    eigen = beheerder.organisatie
    andere = regio(ANDERE_REGIO)
    coordinator = medewerker_met_rol(Rol.REGIOCOORDINATOR, organisatie=eigen)
    kandidaat = KandidaatFactory(
        regio=andere, consulent=_medewerker(andere), voornaam="Anders"
    )
    url = _url(eigen, "change")

    # The rendered form has no regions field: it is read-only for a beheerder.
    pagina = app.get(url, user=beheerder)
    form = formulier(pagina, actie="")
    assert "regios" not in form.fields
    assert "Twente" in pagina.text  # shown, not editable
    form["naam"] = "Gemeente Testdorp (nieuw)"
    form.submit(status=302)

    # A hand-made POST with the field forced in is ignored.
    posten(
        app,
        url,
        {"naam": "Gemeente Testdorp", "type": eigen.type, "regios": [andere.pk]},
        user=beheerder,
        status=302,
    )
    eigen.refresh_from_db()
    assert eigen.naam == "Gemeente Testdorp"
    assert list(eigen.regios.all()) == [regio()]
    app.get(
        reverse("kandidaten:kandidaat_detail", args=[kandidaat.pk]),
        user=coordinator,
        status=404,
    )


def test_superuser_wijzigt_de_regios_van_een_organisatie(app, superuser, gemeente):
    pagina = app.get(_url(gemeente, "change"), user=superuser)
    form = formulier(pagina, actie="")
    form["regios"] = [str(regio().pk), str(regio(ANDERE_REGIO).pk)]
    form.submit(status=302)
    assert set(gemeente.regios.all()) == {regio(), regio(ANDERE_REGIO)}


def test_beheerder_kiest_bij_een_nieuwe_organisatie_alleen_eigen_regios(app, beheerder):
    pagina = app.get(reverse("admin:organisaties_organisatie_add"), user=beheerder)
    form = formulier(pagina, actie="")
    aangeboden = {waarde for waarde, *_ in form["regios"].options}
    assert aangeboden == {str(regio().pk)}
    form["naam"] = "Gemeente Elders"
    form["type"] = beheerder.organisatie.type
    form["regios"].force_value([str(regio(ANDERE_REGIO).pk)])
    antwoord = form.submit(status=200)
    assert "regios" in antwoord.context["adminform"].form.errors
    assert not Organisatie.objects.filter(naam="Gemeente Elders").exists()


def test_beheerder_verplaatst_geen_medewerker_en_maakt_niemand_superuser(
    app, beheerder, consulent
):
    andere_org = OrganisatieFactory(regios=[regio(ANDERE_REGIO)])
    url = _url(consulent, "change")
    pagina = app.get(url, user=beheerder)
    form = formulier(pagina, actie="")
    assert "organisatie" not in form.fields
    assert "is_superuser" not in form.fields
    assert "is_staff" not in form.fields
    aangeboden = {int(w) for w, *_ in form["groups"].options}
    assert aangeboden == set(
        Group.objects.filter(name__in=Rol.values).values_list("pk", flat=True)
    )

    extra = Group.objects.create(name="alles")
    posten(
        app,
        url,
        {
            "username": consulent.username,
            "first_name": consulent.first_name,
            "last_name": consulent.last_name,
            "email": consulent.email,
            "organisatie": andere_org.pk,
            "groups": [g.pk for g in consulent.groups.all()],
            "is_active": "on",
            "is_superuser": "on",
            "is_staff": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
        },
        user=beheerder,
        status=302,
    )
    consulent.refresh_from_db()
    assert consulent.organisatie.naam == "Gemeente Testdorp"
    assert not consulent.is_superuser
    assert not consulent.is_staff

    # A group that is not a role is refused.
    pagina = app.get(url, user=beheerder)
    form = formulier(pagina, actie="")
    form["groups"].force_value([str(extra.pk)])
    antwoord = form.submit(status=200)
    assert "groups" in antwoord.context["adminform"].form.errors
    assert not consulent.groups.filter(pk=extra.pk).exists()


def test_beheerder_maakt_geen_account_in_een_organisatie_buiten_de_eigen_regios(
    app, beheerder
):
    elders = OrganisatieFactory(naam="Elders", regios=[regio(ANDERE_REGIO)])
    gedeeld = OrganisatieFactory(naam="Gedeeld", regios=[regio(), regio(ANDERE_REGIO)])
    pagina = app.get(reverse("admin:organisaties_medewerker_add"), user=beheerder)
    form = formulier(pagina, actie="")
    aangeboden = {w for w, *_ in form["organisatie"].options if w}
    assert str(beheerder.organisatie_id) in aangeboden
    assert str(elders.pk) not in aangeboden
    assert str(gedeeld.pk) not in aangeboden
    form["username"] = "nieuwkomer"
    form["password1"] = form["password2"] = "een-lang-wachtwoord-42"
    form["organisatie"].force_value(str(gedeeld.pk))
    antwoord = form.submit(status=200)
    assert "organisatie" in antwoord.context["adminform"].form.errors
    assert not Medewerker.objects.filter(username="nieuwkomer").exists()


def test_medewerker_van_een_organisatie_in_twee_regios_is_alleen_te_bekijken(
    app, beheerder
):
    """Roles for them would reach into the other region: the superuser decides."""
    gedeeld = OrganisatieFactory(regios=[regio(), regio(ANDERE_REGIO)])
    collega = medewerker_met_rol(Rol.CONSULENT, organisatie=gedeeld)
    url = _url(collega, "change")
    pagina = app.get(url, user=beheerder)
    assert collega.username in pagina.text
    assert all("groups" not in f.fields for f in pagina.forms.values())
    beheer = Group.objects.get(name=Rol.FUNCTIONEEL_BEHEERDER)
    posten(
        app,
        url,
        {"username": collega.username, "groups": [beheer.pk], "is_active": "on"},
        user=beheerder,
        status=403,
    )
    assert not collega.groups.filter(pk=beheer.pk).exists()
    wachtwoord = reverse("admin:auth_user_password_change", args=[collega.pk])
    app.get(wachtwoord, user=beheerder, status=403)
    app.get(_url(gedeeld, "change"), user=beheerder)  # viewable
    posten(
        app,
        _url(gedeeld, "change"),
        {"naam": "Overgenomen", "type": gedeeld.type},
        user=beheerder,
        status=403,
    )
    gedeeld.refresh_from_db()
    assert gedeeld.naam != "Overgenomen"


def test_beheerder_verhuist_een_leerbedrijf_niet_naar_een_andere_regio(app, beheerder):
    leerbedrijf = LeerbedrijfFactory()
    pagina = app.get(_url(leerbedrijf, "change"), user=beheerder)
    form = formulier(pagina, actie="")
    assert {w for w, *_ in form["regio"].options if w} == {str(regio().pk)}
    form["regio"].force_value(str(regio(ANDERE_REGIO).pk))
    antwoord = form.submit(status=200)
    assert "regio" in antwoord.context["adminform"].form.errors
    leerbedrijf.refresh_from_db()
    assert leerbedrijf.regio == regio()


def test_beheerder_hangt_een_gedragsvoorbeeld_niet_aan_een_leerbedrijf_elders(
    app, beheerder
):
    eigen = GedragsvoorbeeldFactory(leerbedrijf=LeerbedrijfFactory())
    elders = _leerbedrijf(regio(ANDERE_REGIO))
    pagina = app.get(_url(eigen, "change"), user=beheerder)
    form = formulier(pagina, actie="")
    form["leerbedrijf"] = str(elders.pk)  # a raw-id field: any number can be typed
    antwoord = form.submit(status=200)
    assert "leerbedrijf" in antwoord.context["adminform"].form.errors
    eigen.refresh_from_db()
    assert eigen.leerbedrijf != elders


def test_beheerder_zet_een_geplande_taak_aan_of_uit_maar_kiest_geen_taak(
    app, beheerder, superuser
):
    """With the task and its arguments a beheerder could run anything for any region."""
    taak = PeriodicTask.objects.create(
        name="Herinneringen",
        task="meldingen.tasks.herinneringen_versturen",
        interval=IntervalSchedule.objects.create(every=1, period="days"),
        args="[]",
        kwargs="{}",
    )
    url = _url(taak, "change")
    form = formulier(app.get(url, user=beheerder), actie="")
    assert "task" not in form.fields
    assert "kwargs" not in form.fields
    form["enabled"] = False
    form.submit(status=302)
    taak.refresh_from_db()
    assert not taak.enabled

    posten(
        app,
        url,
        {"enabled": "on", "task": "iets.anders", "kwargs": '{"regio": 1}'},
        user=beheerder,
        status=302,
    )
    taak.refresh_from_db()
    assert taak.enabled
    assert taak.task == "meldingen.tasks.herinneringen_versturen"
    assert taak.kwargs == "{}"

    lijst = app.get(
        reverse("admin:django_celery_beat_periodictask_changelist"), user=beheerder
    )
    assert "run_tasks" not in lijst.text
    form = formulier(app.get(url, user=superuser), actie="")
    assert "task" in form.fields


def test_bekijken_op_site_bevestigt_geen_object_van_een_andere_regio(app, beheerder):
    andere = regio(ANDERE_REGIO)
    elders = OrganisatieFactory(regios=[andere])
    kandidaat = KandidaatFactory(regio=andere, consulent=_medewerker(andere))

    def url(obj):
        ct = ContentType.objects.get_for_model(obj)
        return reverse("admin:view_on_site", args=[ct.pk, obj.pk])

    app.get(url(elders), user=beheerder, status=404)
    app.get(url(kandidaat), user=beheerder, status=404)
    eigen = app.get(url(beheerder.organisatie), user=beheerder, status=302)
    assert eigen.location.endswith(beheerder.organisatie.get_absolute_url())
