"""No page a role reaches scrolls sideways on a 360 px phone.

Per demo login the browser starts at the home page and follows every link it finds
(menu, lists, the candidate, traject and leerbedrijf pages and what they link to),
one page per URL pattern (the first candidate stands for all candidates), plus the
pages of test_formulieren_axe (trajecten in every state of the assessment, so the
eindbeoordeling and borging show). On each it checks
`document.documentElement.scrollWidth <= window.innerWidth` and names the widest
element that sticks out."""

import re
from urllib.parse import urljoin, urlparse

import pytest

from tests.e2e.conftest import TELEFOON, login
from tests.e2e.test_formulieren_axe import PAGINAS, ROLLEN, formulierdata

pytestmark = pytest.mark.e2e

# Not pages: downloads, the logout, the admin's own pages below its index (Django's
# admin has its own narrow-screen layout), links that leave the portal.
OVERSLAAN = re.compile(
    r"/uitloggen|/beheer/.+|pdf|/bestand|/download|/export|sjabloon|\.(csv|xlsx)$"
)
MAX_PAGINAS = 90
# What every role must have seen (when its menu offers it), so the crawl stays honest.
MOET = {
    "jessica": [
        "/kandidaten/N/",
        "/trajecten/N/",
        "/leerbedrijven/N/",
        "/rapportage/dashboard/",
    ],
    "hans": ["/kandidaten/N/", "/kandidaten/N/contactmoment/"],
    "opleider": ["/trajecten/N/", "/verklaringen/traject/N/voortgang/"],
    "mbo": ["/kandidaten/N/", "/verklaringen/traject/N/voortgang/"],
    "coordinator": ["/kandidaten/team/", "/rapportage/dashboard/", "/leerbedrijven/N/"],
    "beheer": ["/beheer/", "/organisaties/audittrail/", "/leerbedrijven/N/"],
}
ALLEN = ["/", "/meldingen/", "/kennisbank/", "/leerbedrijven/"]

METING = """() => {
    const breed = window.innerWidth, pagina = document.documentElement.scrollWidth;
    let dader = null;
    if (pagina > breed) {
        for (const el of document.querySelectorAll('body *')) {
            if (el.getBoundingClientRect().right <= breed + 1) continue;
            let binnen = false;  // inside a box that scrolls or clips: not the page's
            for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                const ox = getComputedStyle(p).overflowX;
                if (ox !== 'visible' || p.getBoundingClientRect().right > breed + 1) {
                    binnen = true; break;
                }
            }
            if (!binnen) {
                dader = el.tagName.toLowerCase() + '.' + [...el.classList].join('.') +
                    ' "' + (el.innerText || '').slice(0, 50).replace(/\\s+/g, ' ') + '"';
                break;
            }
        }
    }
    const links = [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'));
    return {breed, pagina, dader, links};
}"""


def patroon(pad: str) -> str:
    return re.sub(r"/\d+(?=/)", "/N", pad)


@pytest.mark.parametrize("gebruiker", list(MOET))
def test_no_page_scrolls_sideways_at_360_px(gebruiker, demo, page, live_server):
    data = formulierdata()
    page.set_default_timeout(15000)
    page.set_viewport_size(TELEFOON)
    login(page, live_server.url, gebruiker)
    host = urlparse(live_server.url).netloc

    # The form pages of this role (every state of the assessment), then the crawl.
    te_doen = ["/", *(PAGINAS[naam](data) for naam in ROLLEN[gebruiker])]
    vast = set(te_doen)
    gezien, te_breed = set(), {}
    while te_doen and len(gezien) < MAX_PAGINAS:
        pad = te_doen.pop(0)
        if pad in gezien or (
            pad not in vast and patroon(pad) in {patroon(p) for p in gezien}
        ):
            continue
        gezien.add(pad)
        try:
            antwoord = page.goto(live_server.url + pad)
        except Exception:  # noqa: BLE001 - a download (the browser refuses to navigate)
            continue
        if not antwoord or "text/html" not in antwoord.headers.get("content-type", ""):
            continue
        meting = page.evaluate(METING)
        if meting["pagina"] > meting["breed"]:
            te_breed[pad] = (meting["pagina"], meting["dader"])
        if urlparse(page.url).path.startswith("/beheer/"):
            continue  # the admin index counts; its links are the admin's own
        for href in meting["links"]:
            adres = urlparse(urljoin(page.url, href))
            if (
                adres.netloc == host
                and not adres.query
                and not OVERSLAAN.search(adres.path)
            ):
                te_doen.append(adres.path)

    assert te_breed == {}
    bezocht = {patroon(p) for p in gezien}
    assert [p for p in MOET[gebruiker] + ALLEN if p not in bezocht] == []
