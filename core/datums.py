"""Date arithmetic shared by the apps."""

import calendar
from datetime import date


def plus_maanden(datum: date, maanden: int) -> date:
    """`datum` moved `maanden` calendar months on (31 Jan + 1 = 28/29 Feb)."""
    jaar, maand = divmod(datum.month - 1 + maanden, 12)
    jaar, maand = datum.year + jaar, maand + 1
    return date(jaar, maand, min(datum.day, calendar.monthrange(jaar, maand)[1]))


def datum_tekst(datum: date | None) -> str:
    """A date as Dutch people write it (31-01-2026); empty for no date."""
    return f"{datum:%d-%m-%Y}" if datum else ""
