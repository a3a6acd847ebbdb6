"""Calendar arithmetic for retention periods (months and years, not days)."""

import calendar
from datetime import date


def maanden_erbij(datum: date, maanden: int) -> date:
    """`datum` plus (or minus, for a negative number) whole months; the 31st becomes
    the month's last day where the month is shorter."""
    index = datum.year * 12 + datum.month - 1 + maanden
    jaar, maand = divmod(index, 12)
    dag = min(datum.day, calendar.monthrange(jaar, maand + 1)[1])
    return date(jaar, maand + 1, dag)
