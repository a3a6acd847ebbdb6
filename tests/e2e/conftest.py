from pathlib import Path
from urllib.parse import urlparse

from django.core.management import call_command

import pytest

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()


@pytest.fixture
def demo(transactional_db):
    """The demo region of `seed_demo`, committed so the live server sees it."""
    # Without the demo trajecten: their PDFs take seconds, and no browser test needs them.
    call_command("seed_demo", "--zonder-trajecten", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def bewaakte_page(page, live_server):
    """A page that records requests to other hosts and console errors (such as CSP)."""
    eigen_host = urlparse(live_server.url).netloc
    page.set_default_timeout(5000)
    page.vreemde_verzoeken = []
    page.console_fouten = []
    page.on(
        "request",
        lambda r: (
            urlparse(r.url).netloc not in (eigen_host, "")
            and page.vreemde_verzoeken.append(r.url)
        ),
    )
    page.on(
        "console", lambda m: m.type == "error" and page.console_fouten.append(m.text)
    )
    yield page
    assert page.vreemde_verzoeken == [], "a page loaded something from another host"
    assert page.console_fouten == [], "the browser reported errors (CSP?)"


def axe_violations(page) -> list[dict]:
    """Run axe-core's WCAG 2.1 A/AA rules on the current page."""
    page.evaluate(AXE)
    return page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
            return r.violations.map(v => ({id: v.id, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
        }"""
    )


def login(page, base_url, username, password="plpv-demo"):
    page.goto(base_url + "/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
