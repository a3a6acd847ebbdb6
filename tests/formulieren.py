"""Submit forms as a browser does (django-webtest, CSRF check on).

A view test loads the page, takes the form that is in its HTML, fills the fields a
person would fill and submits it with the CSRF token the page carries. A form that a
browser could not submit (no token, a field missing from the HTML, a choice that is
not offered) fails the test, which Django's test client would never notice.
"""

from django.urls import reverse

LOGOUT = reverse("logout")
# The menus' logout forms (portal and admin) are never the form a test fills in.
UITLOGGEN = {LOGOUT, reverse("admin:logout")}


def formulier(pagina, actie: str | None = None):
    """The page's POST form a person fills in (never the menu's logout form).

    Without `actie` the page must hold exactly one such form; with it, the form that
    posts to that path is taken (pages with several action forms).
    """
    formulieren = [
        f
        for sleutel, f in pagina.forms.items()
        if isinstance(sleutel, int)
        and f.method.upper() == "POST"
        and f.action not in UITLOGGEN
        and (actie is None or f.action == actie)
    ]
    assert len(formulieren) == 1, (
        f"expected one POST form{f' to {actie}' if actie else ''} on the page, "
        f"found {len(formulieren)}: {[f.action for f in formulieren]}"
    )
    return formulieren[0]


def aanvinken(form, naam, waarden):
    """Tick exactly these boxes of a group of checkboxes (several inputs, one name)."""
    gekozen = {str(w) for w in waarden}
    vakjes = form.fields[naam]
    assert gekozen <= {v._value for v in vakjes}, "a value the page does not offer"
    for vakje in vakjes:
        vakje.checked = vakje._value in gekozen
    return form


def invullen(form, **waarden):
    """Fill fields by name; a value the HTML does not offer is forced in, as a
    hand-made request would send it (for the bad-input tests). A list or tuple
    ticks exactly those boxes of a group of checkboxes."""
    for naam, waarde in waarden.items():
        if isinstance(waarde, list | tuple) and len(form.fields.get(naam, [])) > 1:
            aanvinken(form, naam, waarde)
            continue
        veld = form[naam]
        if isinstance(waarde, bool) and hasattr(veld, "checked"):
            veld.checked = waarde
            continue
        try:
            veld.value = waarde
        except ValueError:
            veld.force_value(waarde)
    return form


def verzenden(pagina, actie: str | None = None, status=None, **waarden):
    """Fill the page's form and submit it; `status` as in WebTest (e.g. 200 for a
    form that comes back with errors, 302 for success)."""
    form = invullen(formulier(pagina, actie), **waarden)
    return form.submit(status=status)


def posten(app, url, data=None, user=None, status=None):
    """A hand-made POST with a valid CSRF token, for requests no page offers (a form
    of another region's case, a role that sees no form): the token comes from the
    home page's logout form, so the scope or role check answers, not the CSRF check."""
    thuis = app.get(reverse("home"), user=user)
    token = thuis.forms[
        next(
            k
            for k, f in thuis.forms.items()
            if isinstance(k, int) and f.action == LOGOUT
        )
    ]["csrfmiddlewaretoken"].value
    return app.post(
        url, {**(data or {}), "csrfmiddlewaretoken": token}, user=user, status=status
    )
