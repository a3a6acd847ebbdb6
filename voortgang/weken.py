"""ISO weeks as their Monday: the weeks of a placement that can be confirmed."""

from datetime import date, timedelta

from django.utils.translation import gettext as _

WEEK = timedelta(days=7)


def maandag(dag: date) -> date:
    return dag - timedelta(days=dag.weekday())


def iso_week(week: date) -> str:
    jaar, nummer, _dag = week.isocalendar()
    return f"{jaar}-W{nummer:02d}"


def weken_van(plaatsing, *, vandaag: date, tot: date | None = None) -> list[date]:
    """The Mondays of the weeks of `plaatsing` that have begun by `vandaag` (the
    current week included: a praktijkopleider confirms on Friday), up to `tot`."""
    laatste = min(maandag(plaatsing.einddatum), maandag(tot or vandaag))
    week, weken = maandag(plaatsing.startdatum), []
    while week <= laatste:
        weken.append(week)
        week += WEEK
    return weken


def week_fout(plaatsing, week: date, *, vandaag: date) -> str | None:
    """Why `week` cannot be confirmed for `plaatsing` (None: it can)."""
    if week.weekday() != 0:
        return _("Kies een week (de maandag van die week).")
    if week > maandag(vandaag):
        return _(
            "Deze week is nog niet begonnen. Bevestig een week als hij voorbij is."
        )
    if week + timedelta(days=6) < plaatsing.startdatum or week > plaatsing.einddatum:
        return _("Deze week valt buiten de plaatsing (%(van)s tot en met %(tot)s).") % {
            "van": f"{plaatsing.startdatum:%d-%m-%Y}",
            "tot": f"{plaatsing.einddatum:%d-%m-%Y}",
        }
    return None
