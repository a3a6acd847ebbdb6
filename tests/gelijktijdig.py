"""Test steps run at the same moment, each in its own thread and database connection
(for the tests that two requests or services racing lose nothing)."""

import threading

from django.db import connections


def gelijktijdig(*opdrachten) -> list:
    """Run the callables at the same moment, each in its own thread (and so its own
    database connection, closed afterwards). Returns what each returned, or the
    exception it raised, in the order they finished."""
    uitkomsten = []
    start = threading.Barrier(len(opdrachten))

    def draai(opdracht):
        start.wait()
        try:
            uitkomsten.append(opdracht())
        except Exception as exc:  # noqa: BLE001  (the caller checks it)
            uitkomsten.append(exc)
        finally:
            connections.close_all()

    draden = [threading.Thread(target=draai, args=(o,)) for o in opdrachten]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    return uitkomsten
