"""Region-local fact tables for the dashboards (derived data, never edited by hand).

One row per candidate (`KandidaatFeit`) and per traject (`TrajectFeit`), plus the
few one-to-many details a dashboard table groups by (placements, valid verklaringen,
werkprocessen). Every row carries the candidate's region and the other columns the
population filter uses (organisation, consulent, jobcoach, intake date), indexed, so
a regional dashboard reads only its region's rows instead of national tables.

`rapportage.feiten` fills them: per candidate after every change (a Celery task
queued on commit by the signals in `rapportage.signalen`) and all at once by the
periodic rebuild that repairs drift. The references are plain ids (no database
constraint, nothing cascades): a deleted candidate's rows go with its next update
or the next rebuild, and a fact never blocks a delete in a lower app.
"""

from django.db import models


def _ref(model: str, **kwargs) -> models.ForeignKey:
    """A reference for joins only: no constraint, no cascade, no reverse accessor."""
    return models.ForeignKey(
        model,
        models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        **kwargs,
    )


class FeitFilter(models.Model):
    """The columns of the population filter, the same on every per-person table."""

    regio = _ref("organisaties.Arbeidsmarktregio", null=True)
    organisatie = _ref("organisaties.Organisatie", null=True)
    consulent_id = models.BigIntegerField(null=True)
    jobcoach_id = models.BigIntegerField(null=True)
    toestemming_op = models.DateField(null=True)  # the intake date

    class Meta:
        abstract = True


class KandidaatFeit(FeitFilter):
    """One candidate: intake figures and the first date of each stage."""

    kandidaat = models.OneToOneField(
        "kandidaten.Kandidaat",
        models.DO_NOTHING,
        primary_key=True,
        db_constraint=False,
        related_name="+",
    )
    bron = models.CharField(max_length=20)
    uitkering = models.CharField(max_length=20)
    startkwalificatie = models.CharField(max_length=20)
    arbeidsbeperking = models.BooleanField()
    statushouder = models.BooleanField()
    laaggeletterd = models.BooleanField()
    voortijdig_schoolverlater = models.BooleanField()
    pro_vso = models.BooleanField()
    eerste_advies = models.DateField(null=True)  # the local date of the first advice
    eerste_start = models.DateField(null=True)  # the earliest traject start
    eerste_verklaring = models.DateField(null=True)  # the earliest valid verklaring
    # The funnel over all of the candidate's trajecten (feiten.TRECHTER_VLAGGEN):
    # counted per candidate without COUNT(DISTINCT) over the trajecten.
    geplaatst = models.BooleanField(default=False, db_default=False)
    lopend = models.BooleanField(default=False, db_default=False)
    na_advies = models.BooleanField(default=False, db_default=False)
    zonder_advies = models.BooleanField(default=False, db_default=False)
    met_uitkomst = models.BooleanField(default=False, db_default=False)
    werk_6 = models.BooleanField(default=False, db_default=False)
    werk_12 = models.BooleanField(default=False, db_default=False)
    met_verklaring = models.BooleanField(default=False, db_default=False)
    werk = models.BooleanField(default=False, db_default=False)
    uitgevallen = models.BooleanField(default=False, db_default=False)

    class Meta:
        indexes = [
            models.Index(fields=["regio", "toestemming_op"], name="kfeit_regio_idx"),
            # Covering the funnel and the lead times per region (the comparison
            # of all regions): an index-only scan, already in region order.
            # Key columns, not INCLUDE, which SQLite (make run) does not have.
            models.Index(
                fields=[
                    "regio",
                    "toestemming_op",
                    "eerste_advies",
                    "eerste_start",
                    "eerste_verklaring",
                    "geplaatst",
                    "lopend",
                    "na_advies",
                    "zonder_advies",
                    "met_uitkomst",
                    "werk_6",
                    "werk_12",
                    "met_verklaring",
                    "werk",
                    "uitgevallen",
                ],
                name="kfeit_regio_trechter_idx",
            ),
            models.Index(fields=["consulent_id"], name="kfeit_consulent_idx"),
            models.Index(fields=["jobcoach_id"], name="kfeit_jobcoach_idx"),
        ]

    def __str__(self):
        return f"Feiten van kandidaat {self.pk}"


class TrajectFeit(FeitFilter):
    """One traject, with its candidate's filter columns copied."""

    traject = models.OneToOneField(
        "trajecten.Traject",
        models.DO_NOTHING,
        primary_key=True,
        db_constraint=False,
        related_name="+",
    )
    kandidaat = models.ForeignKey(
        KandidaatFeit,
        models.DO_NOTHING,
        db_constraint=False,
        related_name="trajecten",
    )
    kwalificatie = _ref("kwalificaties.Kwalificatie", null=True)
    mbo_instelling = _ref("organisaties.Organisatie", null=True)
    startdatum = models.DateField()
    status = models.CharField(max_length=30)
    uitval_reden = models.CharField(max_length=20, blank=True)
    met_advies = models.BooleanField()  # started after an advice
    gestart = models.BooleanField()  # has run (lopend) at some point
    verklaring_op = models.DateField(null=True)  # earliest valid verklaring
    # None: no outcome recorded (the empty string is no outcome kind either).
    uitkomst = models.CharField(max_length=30, null=True)  # noqa: DJ001
    werk_6 = models.BooleanField()  # in work at the 6-month follow-up
    werk_12 = models.BooleanField()

    class Meta:
        indexes = [
            models.Index(fields=["regio", "toestemming_op"], name="tfeit_regio_idx"),
            models.Index(fields=["consulent_id"], name="tfeit_consulent_idx"),
            models.Index(fields=["jobcoach_id"], name="tfeit_jobcoach_idx"),
        ]

    def __str__(self):
        return f"Feiten van traject {self.pk}"


class TrajectDetail(models.Model):
    """A row that belongs to one traject's facts (filtered through the traject).

    It carries the region too (the traject's, always equal): a regional dashboard
    then reads its region's detail rows through an index that starts with the
    region, instead of every detail row of the country joined to its trajecten."""

    kandidaat_id = models.BigIntegerField(db_index=True)  # to replace per candidate
    regio = _ref("organisaties.Arbeidsmarktregio", null=True, db_index=False)

    class Meta:
        abstract = True


class PlaatsingFeit(TrajectDetail):
    """A leerbedrijf where the traject has (had) a placement; once per leerbedrijf."""

    traject = models.ForeignKey(
        TrajectFeit, models.DO_NOTHING, db_constraint=False, related_name="plaatsingen"
    )
    leerbedrijf = _ref("leerbedrijven.Leerbedrijf")

    class Meta:
        indexes = [
            models.Index(
                fields=["regio", "traject", "leerbedrijf", "kandidaat_id"],
                name="pfeit_regio_idx",
            ),
        ]

    def __str__(self):
        return f"Plaatsing bij {self.leerbedrijf_id}"


class VerklaringFeit(TrajectDetail):
    """A valid (not withdrawn) praktijkverklaring of the traject."""

    traject = models.ForeignKey(
        TrajectFeit, models.DO_NOTHING, db_constraint=False, related_name="verklaringen"
    )
    uitgereikt_op = models.DateField()

    class Meta:
        indexes = [
            models.Index(
                fields=["regio", "traject", "uitgereikt_op", "kandidaat_id"],
                name="vfeit_regio_idx",
            ),
        ]

    def __str__(self):
        return f"Verklaring van {self.uitgereikt_op}"


class WerkprocesFeit(TrajectDetail):
    """A werkproces chosen in the traject and/or in one of its valid verklaringen."""

    traject = models.ForeignKey(
        TrajectFeit,
        models.DO_NOTHING,
        db_constraint=False,
        related_name="werkprocessen",
    )
    werkproces = _ref("kwalificaties.Werkproces")
    gekozen = models.BooleanField()
    verklaard = models.BooleanField()

    class Meta:
        indexes = [
            # Covering (every column a key column: SQLite has no INCLUDE): the
            # per-werkproces counts read the index only.
            models.Index(
                fields=[
                    "regio",
                    "werkproces",
                    "kandidaat_id",
                    "traject",
                    "gekozen",
                    "verklaard",
                ],
                name="wfeit_regio_idx",
            ),
        ]

    def __str__(self):
        return f"Werkproces {self.werkproces_id}"
