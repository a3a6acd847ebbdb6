"""Import of SBB's kwalificatiedossier XML ("Herziening dossiers 2026" shape).

What is read (see the README section "Officiële catalogus (SBB-XML)"):

    <sbb> / dossiers / dossier[@titel]
        basis / basistaken / basiskerntaken / kerntaak[@nr, @titel]
            basiswerkprocessen / werkproces[@nr, @titel] / werkprocesgedrag
        profielen / profiel[@titel, @niveau]          -> a Kwalificatie
            creboinformatie / crebo (text; @Geldig_vanaf, @Datum_einde_instroom,
                                     @Datum_einde_opleiding)
            profielkerntaken / kerntaak / profielwerkprocessen / werkproces

A profiel's kerntaken are the dossier's basiskerntaken plus its own. The shape is known
only from the XSD, not from a real file: where a file differs, the check names the
element (path with positions, e.g. /sbb/dossiers/dossier[2]/profielen/profiel[1]) and
says what it expected, in Dutch, instead of guessing. Elements it does not know are
listed as remarks (not errors) and skipped.

Safety: parsed as a stream (iterparse; each dossier is cleared once read) with
defusedxml, which refuses a DTD, entity declarations and external references; the size
is bounded (settings.CATALOGUS_XML_MAX_MB). Matching and writing are the CSV import's
(`importeren.vergelijken`, `importeren.opslaan`), in one transaction.
"""

import datetime
import re
from collections import Counter
from xml.etree.ElementTree import ParseError

from django.conf import settings
from django.db import transaction

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml import ElementTree as veilig

from .importeren import (
    KERNTAAK_RE,
    WERKPROCES_RE,
    Controle,
    opslaan,
    vergelijken,
)

BEKEND = {
    "sbb": {"domeinen", "sectorkamers", "competenties", "dossiers"},
    "dossier": {"dossiercrebos", "basis", "profielen", "kennisenvaardigheden"},
    "profiel": {"creboinformatie", "omschrijving", "profielkerntaken"},
    "kerntaak": {
        "complexiteit",
        "verantwoordelijkheid",
        "basiswerkprocessen",
        "profielwerkprocessen",
    },
    "werkproces": {
        "werkprocesomschrijving",
        "werkprocesresultaat",
        "werkprocesgedrag",
        "werkprocescompetenties",
    },
}
DATUMS = {
    "Geldig_vanaf": "geldig_van",
    "Datum_einde_instroom": "einde_instroom",
    "Datum_einde_opleiding": "einde_opleiding",
}


def max_bytes() -> int:
    return settings.CATALOGUS_XML_MAX_MB * 1024 * 1024


def lijkt_op_xml(naam: str, begin: bytes) -> bool:
    """An SBB XML rather than a CSV: by extension, else by its first character."""
    if naam.lower().endswith(".xml"):
        return True
    if naam.lower().endswith(".csv"):
        return False
    return begin.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


class TeGroot(Exception):
    pass


class _Begrensd:
    """A binary file that refuses to be read beyond `grens` bytes."""

    def __init__(self, bestand, grens: int):
        self.bestand, self.grens, self.gelezen = bestand, grens, 0

    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0:
            n = self.grens + 1 - self.gelezen
        data = self.bestand.read(n)
        self.gelezen += len(data)
        if self.gelezen > self.grens:
            raise TeGroot
        return data


def _tekst(element) -> str:
    """The element's text (with its children's), whitespace tidied per line."""
    if element is None:
        return ""
    regels = (" ".join(r.split()) for r in "".join(element.itertext()).splitlines())
    return "\n".join(r for r in regels if r)


def _naam(tag) -> str:
    return tag if isinstance(tag, str) else str(tag)


class _Lezer:
    def __init__(self, controle: Controle):
        self.controle = controle
        self.onbekend: Counter = Counter()
        self.crebos: dict[str, str] = {}  # crebo -> path of its profiel
        self.titels: dict[str, str] = {}  # profiel titel -> path

    def fout(self, pad: str, tekst: str) -> None:
        self.controle.fouten.append(f"{pad}: {tekst}.")

    def kinderen_nagaan(self, element, soort: str, pad: str) -> None:
        for kind in element:
            if _naam(kind.tag) not in BEKEND[soort]:
                self.onbekend[f"{_algemeen(pad)}/{_naam(kind.tag)}"] += 1

    def attribuut(self, element, naam: str, pad: str, *, max_len: int) -> str:
        waarde = " ".join((element.get(naam) or "").split())
        if not waarde:
            self.fout(f"{pad}/@{naam}", f"attribuut {naam} ontbreekt of is leeg")
        elif len(waarde) > max_len:
            self.fout(f"{pad}/@{naam}", f"langer dan {max_len} tekens")
        return waarde

    def kerntaken(self, ouder, pad_deel: str, wp_deel: str, pad: str) -> list:
        """[(code, titel, [(code, titel, gedrag, pad)])] of `ouder`/`pad_deel`/kerntaak."""
        uitkomst = []
        for i, kt in enumerate(ouder.findall(f"{pad_deel}/kerntaak"), 1):
            kpad = f"{pad}/{pad_deel}/kerntaak[{i}]"
            self.kinderen_nagaan(kt, "kerntaak", kpad)
            code = self.attribuut(kt, "nr", kpad, max_len=20)
            if code and not KERNTAAK_RE.match(code):
                self.fout(
                    f"{kpad}/@nr", f"'{code}' lijkt niet op een kerntaak als B1-K1"
                )
            titel = self.attribuut(kt, "titel", kpad, max_len=200)
            werkprocessen = []
            for j, wp in enumerate(kt.findall(f"{wp_deel}/werkproces"), 1):
                wpad = f"{kpad}/{wp_deel}/werkproces[{j}]"
                self.kinderen_nagaan(wp, "werkproces", wpad)
                wcode = self.attribuut(wp, "nr", wpad, max_len=20)
                if wcode and not WERKPROCES_RE.match(wcode):
                    self.fout(
                        f"{wpad}/@nr",
                        f"'{wcode}' lijkt niet op een werkproces als B1-K1-W1",
                    )
                elif wcode and code and not wcode.startswith(code + "-"):
                    self.fout(f"{wpad}/@nr", f"{wcode} hoort niet bij kerntaak {code}")
                wtitel = self.attribuut(wp, "titel", wpad, max_len=300)
                gedrag = _tekst(wp.find("werkprocesgedrag"))
                werkprocessen.append((wcode, wtitel, gedrag, wpad))
            if not werkprocessen:
                self.fout(kpad, f"geen {wp_deel}/werkproces gevonden")
            uitkomst.append((code, titel, werkprocessen))
        return uitkomst

    def crebo(self, profiel, pad: str) -> tuple[str, dict]:
        crebos = profiel.findall("creboinformatie/crebo")
        if not crebos:
            self.fout(f"{pad}/creboinformatie/crebo", "crebo ontbreekt")
            return "", {}
        if len(crebos) > 1:
            self.fout(
                f"{pad}/creboinformatie",
                f"{len(crebos)} crebo's; het portaal verwacht er één per profiel",
            )
        element, cpad = crebos[0], f"{pad}/creboinformatie/crebo[1]"
        crebo = (element.text or "").strip()
        if not re.fullmatch(r"\d{5}", crebo):
            self.fout(cpad, f"crebo moet 5 cijfers zijn (gevonden: '{crebo[:20]}')")
        velden = {}
        for attribuut, veld in DATUMS.items():
            waarde = (element.get(attribuut) or "").strip()
            velden[veld] = None
            if not waarde:
                continue
            try:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", waarde):
                    raise ValueError
                velden[veld] = datetime.date.fromisoformat(waarde)
            except ValueError:
                self.fout(
                    f"{cpad}/@{attribuut}",
                    f"'{waarde[:30]}' is geen datum in de vorm JJJJ-MM-DD",
                )
        instroom, opleiding = velden["einde_instroom"], velden["einde_opleiding"]
        if instroom and opleiding and opleiding < instroom:
            self.fout(cpad, "Datum_einde_opleiding ligt vóór Datum_einde_instroom")
        return crebo, velden

    def dossier(self, dossier, pad: str) -> None:
        self.kinderen_nagaan(dossier, "dossier", pad)
        dossier_titel = " ".join((dossier.get("titel") or "").split())[:200]
        basis = self.kerntaken(
            dossier,
            "basis/basistaken/basiskerntaken",
            "basiswerkprocessen",
            pad,
        )
        profielen = dossier.findall("profielen/profiel")
        if not profielen:
            self.fout(f"{pad}/profielen/profiel", "geen profiel gevonden")
        for i, profiel in enumerate(profielen, 1):
            ppad = f"{pad}/profielen/profiel[{i}]"
            self.kinderen_nagaan(profiel, "profiel", ppad)
            voor = len(self.controle.fouten)
            titel = self.attribuut(profiel, "titel", ppad, max_len=200)
            niveau = (profiel.get("niveau") or "").strip()
            if niveau not in {"1", "2", "3", "4"}:
                self.fout(
                    f"{ppad}/@niveau",
                    f"niveau moet 1, 2, 3 of 4 zijn (gevonden: '{niveau[:20]}')",
                )
            crebo, velden = self.crebo(profiel, ppad)
            for waarde, gezien, wat in (
                (crebo, self.crebos, "crebo"),
                (titel, self.titels, "titel"),
            ):
                if waarde and waarde in gezien:
                    self.fout(ppad, f"{wat} '{waarde}' staat ook bij {gezien[waarde]}")
                gezien.setdefault(waarde, ppad)
            eigen = self.kerntaken(
                profiel, "profielkerntaken", "profielwerkprocessen", ppad
            )
            codes: dict[str, str] = {}
            rijen = []
            for kcode, ktitel, werkprocessen in basis + eigen:
                for wcode, wtitel, gedrag, wpad in werkprocessen:
                    if wcode in codes:
                        self.fout(wpad, f"{wcode} staat ook bij {codes[wcode]}")
                    codes.setdefault(wcode, wpad)
                    rijen.append(
                        {
                            "kwalificatie": titel,
                            "crebo": crebo,
                            "niveau": niveau,
                            "kerntaak_code": kcode,
                            "kerntaak_titel": ktitel,
                            "werkproces_code": wcode,
                            "werkproces_titel": wtitel,
                        }
                    )
                    if gedrag:
                        self.controle.gedrag[(crebo, titel, wcode)] = gedrag
            if not rijen:
                self.fout(ppad, "geen enkel werkproces (basis of profiel) gevonden")
            if len(self.controle.fouten) == voor:
                self.controle.rijen += rijen
                self.controle.kwalificatie_velden[(crebo, titel)] = {
                    **velden,
                    "dossier": dossier_titel,
                }


def _algemeen(pad: str) -> str:
    """A path without positions, to count the same unknown element once."""
    return re.sub(r"\[\d+\]", "", pad)


def _lezen(bestand, controle: Controle) -> None:
    lezer = _Lezer(controle)
    diepte, dossiers, in_dossiers = 0, 0, False
    for gebeurtenis, element in veilig.iterparse(
        bestand,
        events=("start", "end"),
        forbid_dtd=True,
        forbid_entities=True,
        forbid_external=True,
    ):
        tag = _naam(element.tag)
        if gebeurtenis == "start":
            diepte += 1
            if diepte == 1 and tag != "sbb":
                controle.fouten.append(
                    f"/{tag}: het hoofdelement is <{tag}>; verwacht is <sbb> zonder "
                    "namespace (de vorm van de XSD 'Herziening dossiers 2026'). Dit "
                    "bestand heeft een andere vorm; er is niets gelezen."
                )
                return
            if diepte == 2:
                in_dossiers = tag == "dossiers"
                if tag not in BEKEND["sbb"]:
                    lezer.onbekend[f"/sbb/{tag}"] += 1
            continue
        diepte -= 1
        if diepte == 2 and in_dossiers:
            if tag == "dossier":
                dossiers += 1
                lezer.dossier(element, f"/sbb/dossiers/dossier[{dossiers}]")
            else:
                lezer.onbekend[f"/sbb/dossiers/{tag}"] += 1
            element.clear()  # streamed: a read dossier is dropped
        elif diepte == 1:
            element.clear()
    if not dossiers:
        controle.fouten.append(
            "/sbb/dossiers/dossier: geen enkel dossier gevonden; verwacht is "
            "<sbb><dossiers><dossier ...>."
        )
    for pad, aantal in sorted(lezer.onbekend.items()):
        controle.opmerkingen.append(
            f"{pad}: onbekend element ({aantal} keer), overgeslagen."
        )


def xml_controleren(bestand, *, grootte: int | None = None) -> Controle:
    """Read and check an SBB XML (a binary file); counts what an import would change.
    Never writes. `grootte`: the size when known (refused before reading)."""
    controle = Controle()
    grens = max_bytes()
    te_groot = (
        f"Het bestand is groter dan {settings.CATALOGUS_XML_MAX_MB} MB. Dat is meer "
        "dan het portaal inleest (instelling CATALOGUS_XML_MAX_MB)."
    )
    if grootte is not None and grootte > grens:
        controle.fouten.append(te_groot)
        return controle
    try:
        _lezen(_Begrensd(bestand, grens), controle)
    except TeGroot:
        controle.fouten = [te_groot]
    except DTDForbidden:
        controle.fouten = [
            "Het bestand bevat een DTD (<!DOCTYPE ...>). Die weigert het portaal om "
            "veiligheidsredenen; een kwalificatiedossier van SBB heeft er geen nodig."
        ]
    except EntitiesForbidden:
        controle.fouten = [
            "Het bestand bevat entity-declaraties (<!ENTITY ...>). Die weigert het "
            "portaal om veiligheidsredenen."
        ]
    except DefusedXmlException:
        controle.fouten = [
            "Het bestand verwijst naar een ander bestand of adres. Dat weigert het "
            "portaal om veiligheidsredenen."
        ]
    except ParseError as exc:
        regel, kolom = getattr(exc, "position", (0, 0))
        controle.fouten = [
            f"Het bestand is geen geldige XML (regel {regel}, kolom {kolom}). Is het "
            "wel het XML-bestand van SBB, volledig gedownload?"
        ]
    if controle.goed:
        vergelijken(controle)
    return controle


@transaction.atomic
def xml_importeren(bestand, *, grootte: int | None = None) -> Controle:
    """Check, then import in one transaction; imports nothing when there is an error."""
    controle = xml_controleren(bestand, grootte=grootte)
    if controle.goed:
        opslaan(controle)
    return controle
