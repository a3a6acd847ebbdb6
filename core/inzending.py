"""Idempotent submits: a create form is saved once, however often it is sent.

Every create form carries a fresh random token (`{% inzending_token %}`, hidden field
`inzending`). The view (`EenmaligeInzendingMixin`) inserts the token row in the same
transaction as the create. The unique constraint does the work under concurrency: a
second request with the same token waits at its insert until the first transaction
ends, then fails with IntegrityError; its work is not done and it is redirected to the
first request's result. A token of a failed attempt (the form came back with errors)
is removed again, so correcting the form and sending it once more still saves.

A POST without a (well-formed) token is handled as before: a page opened before this
change or a hand-made request must keep working, and it is no less safe than before;
only the double-submit protection is missing for it. A token of another user is
refused (400): it can only come from a hand-made request.
"""

import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.db import IntegrityError, models, transaction
from django.http.response import HttpResponseRedirectBase
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

VELD = "inzending"
BEWAARTERMIJN = timedelta(days=1)
_VORM = re.compile(r"[A-Za-z0-9_-]{20,64}")
AL_VERSTUURD = _("Dit formulier was al verstuurd; het is één keer opgeslagen.")


class Inzending(models.Model):
    """One successfully saved form submission, by its one-time token."""

    token = models.CharField(_("token"), max_length=64, unique=True)
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="+",
        verbose_name=_("medewerker"),
    )
    aangemaakt = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    resultaat_url = models.CharField(_("resultaat"), max_length=500, blank=True)

    class Meta:
        app_label = "core"
        verbose_name = _("inzending")
        verbose_name_plural = _("inzendingen")
        indexes = [models.Index(fields=["aangemaakt"], name="inzending_aangemaakt_idx")]

    def __str__(self):
        return self.token


def nieuw_token() -> str:
    return secrets.token_urlsafe(24)


def token_uit(request) -> str | None:
    """The submitted token, or None when there is none or it is not one of ours."""
    token = request.POST.get(VELD, "")
    return token if _VORM.fullmatch(token) else None


def inzendingen_opruimen() -> int:
    """Forget tokens older than a day; returns how many were removed."""
    verwijderd, _ = Inzending.objects.filter(
        aangemaakt__lt=timezone.now() - BEWAARTERMIJN
    ).delete()
    return verwijderd


class EenmaligeInzendingMixin:
    """For a create view: the same token saves once; a repeat is redirected to the
    first result with a message. Wraps `post()`, so put it before the class that
    defines `post()` (FormView, CreateView, ActieView, ...) and keep scope checks in
    `dispatch()`: they run before the token is used."""

    def post(self, request, *args, **kwargs):
        token = token_uit(request)
        if token is None:
            return super().post(request, *args, **kwargs)
        with transaction.atomic():
            try:
                with transaction.atomic():
                    inzending = Inzending.objects.create(
                        token=token, medewerker=request.user
                    )
            except IntegrityError:
                return self.al_verstuurd(token)
            response = super().post(request, *args, **kwargs)
            if self.inzending_opgeslagen(response):
                inzending.resultaat_url = response["Location"][:500]
                inzending.save(update_fields=["resultaat_url"])
            else:
                # The form came back with errors: nothing was saved, the token stays free.
                inzending.delete()
        return response

    def inzending_opgeslagen(self, response) -> bool:
        """Whether the form was saved: by default, a redirect (errors re-render)."""
        return isinstance(response, HttpResponseRedirectBase)

    def al_verstuurd(self, token):
        eerder = Inzending.objects.filter(token=token).first()
        if eerder is None or eerder.medewerker_id != self.request.user.pk:
            raise SuspiciousOperation("Inzending-token van een andere gebruiker.")
        messages.info(self.request, AL_VERSTUURD)
        return redirect(eerder.resultaat_url or "home")
