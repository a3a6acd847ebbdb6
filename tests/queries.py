"""The house rule "a page's number of SQL queries does not grow with its rows", as a
test helper: render a page (or call an endpoint) with few rows and with many, and
compare the counts.

    weinig = queries(lambda: app.get(url, user=u))
    ...add rows...
    veel = queries(lambda: app.get(url, user=u))
    zelfde_aantal(weinig, veel)

`queries` renders once to warm what a first visit loads (the session, the content
types, cached settings) and counts the second rendering. On failure the message
lists the queries that only the larger page ran, so the per-row query is named.
"""

import re
from collections import Counter

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries(doen) -> list[str]:
    """The SQL of one call of `doen()`, after one call to warm up. A response must
    be the page itself (200), not a redirect to the login or an error page."""
    doen()
    with CaptureQueriesContext(connection) as vangst:
        antwoord = doen()
    status = getattr(antwoord, "status_code", None)
    assert status in (None, 200), f"the call answered {status}, not the page"
    return [q["sql"] for q in vangst.captured_queries]


def _vorm(sql: str) -> str:
    """The query without its values (ids, dates, savepoint names differ per call)."""
    sql = re.sub(r"'[^']*'", "?", sql)
    sql = re.sub(r'"s\d+_x\d+"', "?", sql)
    sql = re.sub(r"\b\d+\b", "?", sql)
    return re.sub(r"IN \(\?(, \?)*\)", "IN (...)", sql)


def _kort(sql: str) -> str:
    """The table and the condition: what a reader needs to find the per-row query."""
    van = sql.find(" FROM ")
    return sql[:300] if van < 0 else sql[:60] + " ..." + sql[van : van + 300]


def zelfde_aantal(weinig: list[str], veel: list[str]) -> None:
    """Assert the same number of queries; name the extra ones when not."""
    if len(weinig) == len(veel):
        return
    verschil = Counter(map(_vorm, veel))
    verschil.subtract(Counter(map(_vorm, weinig)))
    meer = [f"{n}x {_kort(sql)}" for sql, n in verschil.items() if n > 0]
    minder = [f"{-n}x {_kort(sql)}" for sql, n in verschil.items() if n < 0]
    raise AssertionError(
        f"{len(weinig)} queries with few rows, {len(veel)} with many; "
        "only with many:\n" + "\n".join(meer) + "\nonly with few:\n" + "\n".join(minder)
    )
