"""The begeleidingsdocument (gedragsvoorbeelden, werkopdrachten) and the assessment of
a traject: 0-meting and observations, POP goals, eindbeoordeling and borging."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel
from core.pdf import PdfStatus
from core.validators import validate_niet_in_toekomst

from .constants import BewijsSoort, BorgingStatus, Niveau, ObservatieSoort


class BegeleidingItem(TimeStampedModel):
    """A piece of the begeleidingsdocument for one werkproces: general (no leerbedrijf) or
    a leerbedrijf's own version, which its trajecten then use."""

    werkproces = models.ForeignKey(
        "kwalificaties.Werkproces",
        models.PROTECT,
        related_name="+",
        verbose_name=_("werkproces"),
    )
    leerbedrijf = models.ForeignKey(
        "leerbedrijven.Leerbedrijf",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("leerbedrijf"),
        help_text=_("Leeg: algemeen, voor alle leerbedrijven."),
    )
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        abstract = True


class Gedragsvoorbeeld(BegeleidingItem):
    """Concrete, observable behaviour for a werkproces, in plain language (B1)."""

    tekst = models.CharField(_("gedragsvoorbeeld"), max_length=300)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["werkproces__code", "volgorde", "pk"]
        verbose_name = _("gedragsvoorbeeld")
        verbose_name_plural = _("gedragsvoorbeelden")

    def __str__(self):
        return self.tekst


class Werkopdracht(BegeleidingItem):
    """A small work assignment / instruction card for a werkproces."""

    titel = models.CharField(_("titel"), max_length=120)
    instructie = models.TextField(_("korte instructie"), max_length=600)

    class Meta:
        ordering = ["werkproces__code", "titel", "pk"]
        verbose_name = _("werkopdracht")
        verbose_name_plural = _("werkopdrachten")

    def __str__(self):
        return self.titel


class Observatie(models.Model):
    """One observation moment in a traject: the 0-meting or a tussenresultaat."""

    traject = models.ForeignKey(
        "trajecten.Traject", models.CASCADE, related_name="observaties"
    )
    datum = models.DateField(_("datum"), validators=[validate_niet_in_toekomst])
    soort = models.CharField(_("soort"), max_length=20, choices=ObservatieSoort)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("door"),
    )
    created = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        ordering = ["datum", "pk"]
        verbose_name = _("observatie")
        verbose_name_plural = _("observaties")
        constraints = [
            models.CheckConstraint(
                condition=Q(soort__in=ObservatieSoort.values),
                name="observatie_soort_geldig",
            ),
            models.UniqueConstraint(
                fields=["traject"],
                condition=Q(soort=ObservatieSoort.NULMETING),
                name="observatie_een_nulmeting",
                violation_error_message=_("Dit traject heeft al een 0-meting."),
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} {self.datum:%d-%m-%Y}"


class ObservatieScore(models.Model):
    observatie = models.ForeignKey(Observatie, models.CASCADE, related_name="scores")
    gedragsvoorbeeld = models.ForeignKey(
        Gedragsvoorbeeld, models.PROTECT, related_name="+"
    )
    niveau = models.CharField(_("niveau"), max_length=20, choices=Niveau)
    notitie = models.CharField(_("notitie"), max_length=200, blank=True)

    class Meta:
        ordering = ["gedragsvoorbeeld__volgorde", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(niveau__in=Niveau.values), name="score_niveau_geldig"
            ),
            models.UniqueConstraint(
                fields=["observatie", "gedragsvoorbeeld"], name="score_uniek"
            ),
        ]

    def __str__(self):
        return self.get_niveau_display()


class Ontwikkeldoel(TimeStampedModel):
    """A POP goal for one werkproces, agreed with the candidate; changes stay in the
    audit log."""

    traject = models.ForeignKey(
        "trajecten.Traject", models.CASCADE, related_name="ontwikkeldoelen"
    )
    werkproces = models.ForeignKey(
        "kwalificaties.Werkproces",
        models.PROTECT,
        related_name="+",
        verbose_name=_("werkproces"),
    )
    doel = models.TextField(_("doel"), max_length=500)
    afgesproken_op = models.DateField(
        _("afgesproken op"), validators=[validate_niet_in_toekomst]
    )
    bijgesteld_op = models.DateField(_("bijgesteld op"), null=True, blank=True)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["werkproces__code", "afgesproken_op", "pk"]
        verbose_name = _("ontwikkeldoel")
        verbose_name_plural = _("ontwikkeldoelen")

    def __str__(self):
        return self.doel


class Eindbeoordeling(TimeStampedModel):
    """The praktijkopleider's final judgement of one werkproces of the traject."""

    traject = models.ForeignKey(
        "trajecten.Traject", models.CASCADE, related_name="eindbeoordelingen"
    )
    werkproces = models.ForeignKey(
        "kwalificaties.Werkproces",
        models.PROTECT,
        related_name="+",
        verbose_name=_("werkproces"),
    )
    beheerst = models.BooleanField(_("beheerst"))
    datum = models.DateField(_("datum"), validators=[validate_niet_in_toekomst])
    motivatie = models.TextField(_("motivatie"), max_length=1000, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("door"),
    )

    class Meta:
        ordering = ["werkproces__code"]
        verbose_name = _("eindbeoordeling")
        verbose_name_plural = _("eindbeoordelingen")
        constraints = [
            models.UniqueConstraint(
                fields=["traject", "werkproces"], name="eindbeoordeling_uniek"
            )
        ]

    def __str__(self):
        return f"{self.werkproces.code}: {'beheerst' if self.beheerst else 'nog niet'}"


class Borging(models.Model):
    """One step of the mbo-instelling's review of the assessment; the newest row is
    the current state, older rows are its history."""

    traject = models.ForeignKey(
        "trajecten.Traject", models.CASCADE, related_name="borgingen"
    )
    status = models.CharField(_("status"), max_length=20, choices=BorgingStatus)
    opmerking = models.TextField(_("opmerking"), max_length=1000, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("door"),
    )
    op = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        ordering = ["-op", "-pk"]
        verbose_name = _("borging")
        verbose_name_plural = _("borgingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=BorgingStatus.values),
                name="borging_status_geldig",
            ),
            models.CheckConstraint(
                condition=~Q(status=BorgingStatus.TERUGGESTUURD) | ~Q(opmerking=""),
                name="borging_terug_heeft_opmerking",
            ),
        ]

    def __str__(self):
        return self.get_status_display()


class BasisNummerreeks(models.Model):
    """The last number a mbo-instelling issued in a year, of one kind of verklaring.
    Issuing locks this row, so numbers are unique and without gaps (a rolled-back
    issue rolls the counter back). A concrete series names its unique constraint."""

    mbo_instelling = models.ForeignKey(
        "organisaties.Organisatie", models.PROTECT, related_name="+"
    )
    jaar = models.PositiveSmallIntegerField()
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.jaar}: {self.laatste}"


class Nummerreeks(BasisNummerreeks):
    """The series of the praktijkverklaringen."""

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["mbo_instelling", "jaar"], name="nummerreeks_uniek"
            )
        ]


class UitgereikteVerklaring(TimeStampedModel):
    """What the praktijkverklaring and the mbo-verklaring share: issued by a
    mbo-instelling under a number of its series for the year, verifiable in public by
    a random `code` at `verificatie_url`, a PDF made by a task, revocable with a
    reason, and a signed credential with a place on the revocation status list.

    A concrete kind adds its `traject` (its own related name), `pdf` (its own path),
    `statuslijst` and `status_index` (optional on the praktijkverklaring, which
    predates the status list) and its parts; its constraints come from
    `uitgifte_constraints` under its own prefix."""

    # The kind in file names and messages: "praktijkverklaring", "mbo-verklaring".
    SOORT: str

    mbo_instelling = models.ForeignKey(
        "organisaties.Organisatie",
        models.PROTECT,
        related_name="+",
        verbose_name=_("mbo-instelling"),
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    volgnummer = models.PositiveIntegerField(_("volgnummer"))
    nummer = models.CharField(_("nummer"), max_length=40, unique=True)
    code = models.CharField(_("controlecode"), max_length=40, unique=True)
    # The public address of the verification page as it was when issued; the QR code
    # on the PDF points here.
    verificatie_url = models.URLField(_("controleadres"), max_length=300)
    uitgereikt_op = models.DateField(_("uitgereikt op"))
    uitgereikt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("uitgereikt door"),
    )
    pdf_status = models.CharField(
        _("PDF"), max_length=20, choices=PdfStatus, default=PdfStatus.WACHTRIJ
    )
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    intrekking_reden = models.TextField(
        _("reden van intrekking"), max_length=1000, blank=True
    )
    ingetrokken_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingetrokken door"),
    )
    # The verifiable credential (Open Badges 3.0, VC-JWT) signed when issued
    # (verklaringen/credential.py).
    credential = models.TextField(_("credential (VC-JWT)"), blank=True)

    class Meta:
        abstract = True
        ordering = ["-uitgereikt_op", "-pk"]

    def __str__(self):
        return self.nummer

    @property
    def is_ingetrokken(self) -> bool:
        return self.ingetrokken_op is not None

    @property
    def bestandsnaam(self) -> str:
        """The name (without extension) of its files: the PDF, its attachments and
        the credential downloads."""
        return f"{self.SOORT}-{self.nummer}"


def uitgifte_constraints(voorvoegsel: str) -> list:
    """The constraints every kind of issued verklaring has, named
    `<voorvoegsel>_...`: a number once per series, a revocation has a reason, a
    finished PDF has a file, an index on a status list once."""
    return [
        models.UniqueConstraint(
            fields=["mbo_instelling", "jaar", "volgnummer"],
            name=f"{voorvoegsel}_nummer_uniek",
        ),
        models.CheckConstraint(
            condition=Q(ingetrokken_op__isnull=True) | ~Q(intrekking_reden=""),
            name=f"{voorvoegsel}_intrekking_heeft_reden",
        ),
        models.CheckConstraint(
            condition=~Q(pdf_status=PdfStatus.KLAAR) | ~Q(pdf=""),
            name=f"{voorvoegsel}_klaar_heeft_pdf",
        ),
        models.UniqueConstraint(
            fields=["statuslijst", "status_index"],
            name=f"{voorvoegsel}_status_index_uniek",
        ),
    ]


def _verklaring_pdf_pad(verklaring, filename):
    return f"verklaringen/{verklaring.traject_id}/{verklaring.bestandsnaam}.pdf"


class Praktijkverklaring(UitgereikteVerklaring):
    """A praktijkverklaring issued by the mbo-instelling for the werkprocessen the
    candidate mastered in a traject; verifiable in public by its `code`."""

    SOORT = "praktijkverklaring"

    traject = models.ForeignKey(
        "trajecten.Traject", models.PROTECT, related_name="verklaringen"
    )
    werkprocessen = models.ManyToManyField(
        "kwalificaties.Werkproces",
        related_name="+",
        verbose_name=_("beheerste werkprocessen"),
    )
    periode_van = models.DateField(_("periode van"))
    periode_tot = models.DateField(_("periode tot"))
    plaats = models.CharField(_("plaats van uitreiking"), max_length=100)
    pdf = models.FileField(_("PDF"), upload_to=_verklaring_pdf_pad, blank=True)
    # Its place on the revocation status list; empty on a verklaring from before the
    # status list until its credential is made.
    statuslijst = models.ForeignKey(
        "verklaringen.Statuslijst",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("statuslijst"),
    )
    status_index = models.PositiveIntegerField(
        _("index op de statuslijst"), null=True, blank=True
    )

    class Meta(UitgereikteVerklaring.Meta):
        verbose_name = _("praktijkverklaring")
        verbose_name_plural = _("praktijkverklaringen")
        # The list reads its page of rows in this order.
        indexes = [
            models.Index(fields=["-uitgereikt_op", "-id"], name="verklaring_lijst_idx")
        ]
        constraints = [
            *uitgifte_constraints("verklaring"),
            models.CheckConstraint(
                condition=Q(periode_tot__gte=models.F("periode_van")),
                name="verklaring_periode_geldig",
            ),
            models.CheckConstraint(
                condition=Q(statuslijst__isnull=True, status_index__isnull=True)
                | Q(statuslijst__isnull=False, status_index__isnull=False),
                name="verklaring_status_index_volledig",
            ),
            models.CheckConstraint(
                condition=Q(credential="") | Q(status_index__isnull=False),
                name="verklaring_credential_heeft_status",
            ),
        ]

    def get_absolute_url(self):
        return reverse("verklaringen:verklaring_detail", args=[self.pk])


class Ondertekeningssleutel(models.Model):
    """A key of this installation that signs the praktijkverklaringen as verifiable
    credentials (ES256). The newest key signs; every key stays published in the JWKS
    (`/.well-known/jwks.json`), so a credential signed by an older key stays
    verifiable. The private key is stored encrypted (`core.crypto`,
    CREDENTIAL_SLEUTEL); the public key is public."""

    kid = models.CharField(_("sleutel-id"), max_length=64, unique=True)
    publiek = models.JSONField(_("publieke sleutel (JWK)"))
    prive = models.BinaryField(_("private sleutel, versleuteld"))
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["-aangemaakt_op", "-pk"]
        verbose_name = _("ondertekeningssleutel")
        verbose_name_plural = _("ondertekeningssleutels")

    def __str__(self):
        return self.kid


class Statuslijst(models.Model):
    """A W3C Bitstring Status List (purpose 'revocation'): bit i is 1 when the
    verklaring with index i on this list is revoked. Issuing takes the next index
    under this row's lock; revoking sets the bit in the same transaction as the
    verklaring's `ingetrokken_op`. The public verification page and the signed
    status list credential both read these bits."""

    bits = models.BinaryField(_("bits"))
    volgende_index = models.PositiveIntegerField(_("volgende index"), default=0)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("statuslijst")
        verbose_name_plural = _("statuslijsten")

    def __str__(self):
        return f"Statuslijst {self.pk}"


def _bewijs_pad(bewijs, filename):
    return f"bewijzen/{bewijs.traject_id}/bewijs-{bewijs.soort}.pdf"


class Bewijs(TimeStampedModel):
    """Another proof of the candidate beside the praktijkverklaring (a certificate, a
    diploma, an exam result), recorded on the traject by the consulent or the
    mbo-medewerker of its mbo-instelling; a part of the mbo-verklaring."""

    traject = models.ForeignKey(
        "trajecten.Traject", models.CASCADE, related_name="bewijzen"
    )
    soort = models.CharField(_("soort"), max_length=30, choices=BewijsSoort)
    uitgever = models.CharField(_("uitgegeven door"), max_length=200)
    datum = models.DateField(_("datum"), validators=[validate_niet_in_toekomst])
    omschrijving = models.TextField(_("omschrijving"), max_length=1000, blank=True)
    document = models.FileField(_("document (PDF)"), upload_to=_bewijs_pad, blank=True)
    gedragsvoorbeelden = models.ManyToManyField(
        Gedragsvoorbeeld,
        blank=True,
        related_name="+",
        verbose_name=_("gedragsvoorbeelden"),
        help_text=_("Alleen bij een certificaat werknemersvaardigheden."),
    )
    toegevoegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("toegevoegd door"),
    )

    class Meta:
        ordering = ["-datum", "-pk"]
        verbose_name = _("bewijs")
        verbose_name_plural = _("bewijzen")
        constraints = [
            models.CheckConstraint(
                condition=Q(soort__in=BewijsSoort.values), name="bewijs_soort_geldig"
            ),
            models.CheckConstraint(
                condition=~Q(uitgever=""), name="bewijs_heeft_uitgever"
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} ({self.uitgever})"


class MboNummerreeks(BasisNummerreeks):
    """The series of the mbo-verklaringen: a series of its own."""

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["mbo_instelling", "jaar"], name="mbo_nummerreeks_uniek"
            )
        ]


def _mbo_verklaring_pdf_pad(verklaring, filename):
    # A name of its own: migration 0008 refers to it.
    return _verklaring_pdf_pad(verklaring, filename)


class MboVerklaring(UitgereikteVerklaring):
    """The mbo-verklaring as a whole, issued by the traject's mbo-instelling: the
    candidate's valid praktijkverklaringen, chosen other proofs and exam results, in
    one PDF; verifiable in public by its `code` and revocable like the
    praktijkverklaring (its bit on the same status list)."""

    SOORT = "mbo-verklaring"

    traject = models.ForeignKey(
        "trajecten.Traject", models.PROTECT, related_name="mbo_verklaringen"
    )
    praktijkverklaringen = models.ManyToManyField(
        Praktijkverklaring, related_name="+", verbose_name=_("praktijkverklaringen")
    )
    bewijzen = models.ManyToManyField(
        Bewijs, blank=True, related_name="+", verbose_name=_("andere bewijzen")
    )
    pdf = models.FileField(_("PDF"), upload_to=_mbo_verklaring_pdf_pad, blank=True)
    # Its place on the revocation status list, taken when it is issued.
    statuslijst = models.ForeignKey(
        "verklaringen.Statuslijst",
        models.PROTECT,
        related_name="+",
        verbose_name=_("statuslijst"),
    )
    status_index = models.PositiveIntegerField(_("index op de statuslijst"))

    class Meta(UitgereikteVerklaring.Meta):
        verbose_name = _("mbo-verklaring")
        verbose_name_plural = _("mbo-verklaringen")
        constraints = uitgifte_constraints("mbo_verklaring")

    def get_absolute_url(self):
        return reverse("verklaringen:mbo_verklaring_detail", args=[self.pk])
