"""What the API sends: read-only representations. Input is checked by the UI's own
forms (`views`), so the rules and the Dutch messages have one source; the `*Invoer`
serializers only describe the request bodies in the OpenAPI document."""

from rest_framework import serializers

from kandidaten.forms import ContactmomentForm, KandidaatForm
from kandidaten.models import Contactmoment, Kandidaat
from kwalificaties.models import Kerntaak, Kwalificatie, Werkproces
from leerbedrijven.forms import LeerbedrijfForm
from leerbedrijven.models import Leerbedrijf
from trajecten.models import Plaatsing, Traject, TrajectStatuswijziging
from verklaringen.models import Praktijkverklaring


class Naam(serializers.Serializer):
    """A related object by id and name."""

    id = serializers.IntegerField()
    naam = serializers.CharField(source="__str__")


# --- kwalificaties ---
class WerkprocesSerializer(serializers.ModelSerializer):
    class Meta:
        model = Werkproces
        fields = ["id", "code", "titel"]


class KerntaakSerializer(serializers.ModelSerializer):
    werkprocessen = WerkprocesSerializer(many=True)

    class Meta:
        model = Kerntaak
        fields = ["id", "code", "titel", "werkprocessen"]


class KwalificatieSerializer(serializers.ModelSerializer):
    class Meta:
        model = Kwalificatie
        fields = [
            "id",
            "crebo",
            "naam",
            "niveau",
            "dossier",
            "geldig_van",
            "einde_instroom",
            "einde_opleiding",
        ]


class KwalificatieDetailSerializer(KwalificatieSerializer):
    kerntaken = KerntaakSerializer(many=True)

    class Meta(KwalificatieSerializer.Meta):
        fields = [*KwalificatieSerializer.Meta.fields, "kerntaken"]


# --- leerbedrijven ---
class LeerbedrijfSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="organisatie.naam")
    kvk_nummer = serializers.CharField(source="organisatie.kvk_nummer")
    regio = Naam()
    werkprocessen = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Leerbedrijf
        fields = [
            "id",
            "naam",
            "kvk_nummer",
            "regio",
            "sector",
            "soort",
            "status",
            "biedt_springplank",
            "biedt_duurzaam",
            "baancreatie",
            "werkprocessen",
            "toelichting",
            "versie",
        ]


class LeerbedrijfInvoer(serializers.Serializer):
    """The fields of the portal's form (`LeerbedrijfForm`); `versie` is required when
    changing (the version you read: a change by someone else in between is refused)."""

    naam = serializers.CharField(max_length=200)
    kvk_nummer = serializers.CharField(max_length=8)
    regio = serializers.IntegerField()
    sector = serializers.CharField()
    soort = serializers.CharField()
    biedt_springplank = serializers.BooleanField(required=False)
    biedt_duurzaam = serializers.BooleanField(required=False)
    baancreatie = serializers.CharField()
    werkprocessen = serializers.ListField(
        child=serializers.IntegerField(), required=False
    )
    toelichting = serializers.CharField(required=False, allow_blank=True)
    versie = serializers.IntegerField(required=False)

    class Meta:
        formulier = LeerbedrijfForm


# --- kandidaten ---
class KandidaatKortSerializer(serializers.ModelSerializer):
    """What a role without the full case file (the praktijkopleider) sees."""

    class Meta:
        model = Kandidaat
        fields = ["id", "voornaam", "achternaam", "fase"]


class KandidaatSerializer(serializers.ModelSerializer):
    organisatie = Naam()
    regio = Naam()
    consulent = Naam(allow_null=True)
    jobcoach = Naam(allow_null=True)
    laatste_contact = serializers.DateField(allow_null=True, read_only=True)
    volgende_actie = serializers.CharField(allow_null=True, read_only=True)
    volgende_actie_op = serializers.DateField(allow_null=True, read_only=True)

    class Meta:
        model = Kandidaat
        fields = [
            "id",
            *(
                v
                for v in KandidaatForm.Meta.fields
                if v not in ("consulent", "jobcoach", "regio")
            ),
            "regio",
            "organisatie",
            "consulent",
            "jobcoach",
            "fase",
            "laatste_contact",
            "volgende_actie",
            "volgende_actie_op",
            "versie",
        ]


class KandidaatInvoer(serializers.ModelSerializer):
    """The intake form's fields (`KandidaatForm`); `toestemming` must be true."""

    toestemming = serializers.BooleanField()

    class Meta:
        model = Kandidaat
        fields = [*KandidaatForm.Meta.fields, "toestemming"]


class ContactmomentSerializer(serializers.ModelSerializer):
    door = Naam()

    class Meta:
        model = Contactmoment
        fields = ["id", "kandidaat", *ContactmomentForm.Meta.fields, "door"]


class ContactmomentInvoer(serializers.ModelSerializer):
    class Meta:
        model = Contactmoment
        fields = ContactmomentForm.Meta.fields


# --- trajecten ---
class PlaatsingSerializer(serializers.ModelSerializer):
    leerbedrijf = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Plaatsing
        fields = ["id", "leerbedrijf", "routefase", "startdatum", "einddatum"]


class StatuswijzigingSerializer(serializers.ModelSerializer):
    door = Naam()

    class Meta:
        model = TrajectStatuswijziging
        fields = ["van", "naar", "op", "reden", "door"]


class TrajectSerializer(serializers.ModelSerializer):
    """A traject names its kandidaat by id only: the candidate's data is read (and
    the reading recorded) at /kandidaten/{id}."""

    kwalificatie = Naam()
    mbo_instelling = Naam()
    plaatsingen = PlaatsingSerializer(many=True)

    class Meta:
        model = Traject
        fields = [
            "id",
            "kandidaat",
            "kwalificatie",
            "mbo_instelling",
            "status",
            "startdatum",
            "geplande_einddatum",
            "einddatum",
            "uren_per_week",
            "plaatsingstype",
            "plaatsingen",
        ]


class TrajectDetailSerializer(TrajectSerializer):
    werkprocessen = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    statusgeschiedenis = StatuswijzigingSerializer(
        source="statuswijzigingen", many=True
    )

    class Meta(TrajectSerializer.Meta):
        fields = [
            *TrajectSerializer.Meta.fields,
            "uitval_reden",
            "werkprocessen",
            "statusgeschiedenis",
        ]


# --- verklaringen ---
class VerklaringSerializer(serializers.ModelSerializer):
    traject = serializers.PrimaryKeyRelatedField(read_only=True)
    mbo_instelling = Naam()
    kwalificatie = Naam(source="traject.kwalificatie")
    werkprocessen = WerkprocesSerializer(many=True)
    ingetrokken = serializers.SerializerMethodField()

    class Meta:
        model = Praktijkverklaring
        fields = [
            "id",
            "nummer",
            "traject",
            "kwalificatie",
            "mbo_instelling",
            "periode_van",
            "periode_tot",
            "uitgereikt_op",
            "plaats",
            "werkprocessen",
            "verificatie_url",
            "ingetrokken",
            "ingetrokken_op",
        ]

    def get_ingetrokken(self, obj) -> bool:
        return obj.ingetrokken_op is not None


# --- dashboard ---
class CelSerializer(serializers.Serializer):
    """One figure after small-number suppression: `waarde` is null when it may not be
    shown; `tekst` is what the page shows ("<5", "verborgen")."""

    waarde = serializers.FloatField(allow_null=True)
    tekst = serializers.CharField()
    onderdrukt = serializers.BooleanField()


class RijSerializer(serializers.Serializer):
    label = serializers.CharField()
    cellen = CelSerializer(many=True)


class TabelSerializer(serializers.Serializer):
    sleutel = serializers.CharField()
    titel = serializers.CharField()
    rij_kop = serializers.CharField()
    kolommen = serializers.ListField(child=serializers.CharField())
    rijen = RijSerializer(many=True)
    totaal = RijSerializer(allow_null=True)
    uitleg = serializers.CharField()


class KerncijferSerializer(serializers.Serializer):
    sleutel = serializers.CharField()
    label = serializers.CharField()
    cel = CelSerializer()
    uitleg = serializers.CharField()


class DashboardSerializer(serializers.Serializer):
    scope = serializers.CharField()
    kerncijfers = KerncijferSerializer(many=True)
    tabellen = TabelSerializer(many=True)
