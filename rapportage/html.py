"""The dashboards' sections as HTML, written in Python.

The same HTML (compared as parsed HTML in tests/rapportage/test_html.py) as the
templates `rapportage/dashboard/_secties.html` with `_tabel.html`, `_grafiek.html`
and `_cijfers.html`, which stay as its definition. A dashboard has some 1,500
cells, bars and labels: through the template engine (a variable lookup, a
localisation and an escape per value) that was a third of an empty-cache request.
"""

from django.http import QueryDict
from django.utils.dateformat import format as datum_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .tabellen import Grafiek, Rij, Tabel


def _cellen(rij: Rij) -> str:
    return "".join(
        f'<td class="text-end{" onderdrukt" if cel.onderdrukt else ""}">'
        f"{escape(cel.tekst)}</td>"
        for cel in rij.cellen
    )


def _grafiek(g: Grafiek) -> str:
    delen = [
        '<figure class="dashboard-grafiek">'
        f'<svg viewBox="0 0 600 {g.hoogte}" role="img" '
        f'aria-labelledby="{escape(g.id)}-titel">'
        f'<title id="{escape(g.id)}-titel">Staafdiagram: {escape(g.titel)}. '
        "De getallen staan in de tabel.</title>"
    ]
    for s in g.staven:
        delen.append(
            f'<text x="{g.label_einde}" y="{s.tekst_y}" class="label">'
            f"{escape(s.label)}</text>"
        )
        if s.breedte:
            delen.append(
                f'<rect x="{g.staaf_begin}" y="{s.y}" width="{s.breedte}" '
                f'height="{g.staaf_hoogte}" class="staaf"/>'
            )
        delen.append(
            f'<text x="{s.waarde_x}" y="{s.tekst_y}" '
            f'class="waarde{" onderdrukt" if s.onderdrukt else ""}">'
            f"{escape(s.tekst)}</text>"
        )
    delen.append(
        f'<line x1="{g.staaf_begin}" y1="0" x2="{g.staaf_begin}" y2="{g.hoogte}" '
        'class="as"/></svg>'
        f"<figcaption>{escape(g.titel)}</figcaption></figure>"
    )
    return "".join(delen)


def _querystring(get: QueryDict, **waarden) -> str:
    """As `{% querystring %}` with these values set."""
    params = get.copy()
    for sleutel, waarde in waarden.items():
        params[sleutel] = waarde
    return escape(f"?{params.urlencode()}")


def _cijfers(t: Tabel, get: QueryDict) -> str:
    kop = escape(t.kop_id)
    titel = escape(t.titel)
    delen = [
        f'<div class="table-responsive" tabindex="0" role="region" '
        f'aria-labelledby="{kop}">'
        '<table class="table table-sm dashboard-cijfers">'
        f"<caption>Tabel: {titel}</caption>"
        f'<thead><tr><th scope="col">{escape(t.rij_kop)}</th>',
        *(f'<th scope="col" class="text-end">{escape(k)}</th>' for k in t.kolommen),
        "</tr></thead><tbody>",
    ]
    delen.extend(
        f'<tr><th scope="row">{escape(rij.label)}</th>{_cellen(rij)}</tr>'
        for rij in t.rijen
    )
    if not t.rijen:
        delen.append(
            f'<tr><td colspan="{len(t.kolommen) + 1}">Nog geen gegevens.</td></tr>'
        )
    delen.append("</tbody>")
    if t.totaal:
        delen.append(
            f'<tfoot><tr><th scope="row">{escape(t.totaal.label)}</th>'
            f"{_cellen(t.totaal)}</tr></tfoot>"
        )
    sleutel = t.sleutel
    delen.append(
        "</table></div>"
        '<p class="small">'
        f'<a href="{_querystring(get, export="csv", tabel=sleutel)}">Download als CSV'
        f'<span class="visually-hidden">: {titel}</span></a> · '
        f'<a href="{_querystring(get, export="xlsx", tabel=sleutel)}">'
        f'Download als Excel<span class="visually-hidden">: {titel}</span></a></p>'
    )
    return "".join(delen)


def tabel_html(t: Tabel, get: QueryDict) -> str:
    """`_tabel.html`."""
    delen = [
        '<div class="dashboard-tabel mb-4">'
        f'<h3 class="h5" id="{escape(t.kop_id)}">{escape(t.titel)}</h3>'
    ]
    if t.uitleg:
        delen.append(
            f'<p class="small text-body-secondary mb-2">{escape(t.uitleg)}</p>'
        )
    if t.breed:
        delen.append('<div class="row g-3">')
        delen.extend(f'<div class="col-lg-6">{_grafiek(g)}</div>' for g in t.grafieken)
        delen.append("</div>")
        delen.append(_cijfers(t, get))
    else:
        delen.append('<div class="row g-3">')
        if t.grafieken:
            grafieken = "".join(_grafiek(g) for g in t.grafieken)
            delen.append(f'<div class="col-lg-5">{grafieken}</div>')
        breedte = "col-lg-7" if t.grafieken else "col-12"
        delen.append(f'<div class="{breedte}">{_cijfers(t, get)}</div></div>')
    delen.append("</div>")
    return "".join(delen)


def secties_html(
    secties, get: QueryDict, *, berekend_op, ververs_minuten
) -> SafeString:
    """`_secties.html`: the sections with their tables."""
    delen = [
        '<p class="small text-body-secondary mt-3">Berekend om '
        f"{datum_format(berekend_op, 'H:i')} uur. De cijfers worden hoogstens elke "
        f"{ververs_minuten} minuten opnieuw berekend.</p>"
    ]
    for nummer, sectie in enumerate(secties, start=1):
        delen.append(
            f'<section class="mt-4" aria-labelledby="sectie-{nummer}">'
            f'<h2 class="h3 border-bottom pb-1" id="sectie-{nummer}">'
            f"{escape(sectie.titel)}</h2>"
        )
        delen.extend(tabel_html(t, get) for t in sectie.tabellen)
        delen.append("</section>")
    return mark_safe("".join(delen))  # noqa: S308 (every value above is escaped)
