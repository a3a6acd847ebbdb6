"""One action on one object: the base of the views that change a case through a form.

Every such view runs the same five steps, in this order:

1. **Scope.** `get_object()` takes the object from the scoped selector `get_scope()`;
   outside the user's scope it is a 404, before any other check, so the answer does
   not tell whether the object exists.
2. **Keyring.** `permission_required` (codenames the role holds, `<app>/rechten.py`)
   and `regel(user, object)` (the object rule, `<app>/regels.py`): 403 when either
   says no. Views whose service checks the rule itself leave `regel` alone.
3. **Form.** `niet_nu()` may still refuse when the object's state does not allow the
   action (a message and a redirect); else GET renders `template_name` with the form
   and POST validates it.
4. **Service.** `uitvoeren(form)` calls the service; a ValidationError from it is put
   next to its field (`fout_in_formulier`) and the form comes back.
5. **Done.** The success message `gelukt` and a redirect to `get_success_url()` (by
   default the object's own page).

`ActieStap` is the POST-only variant for a button or a small form on an overview page
(the progress page of a traject): errors become messages and every answer is a
redirect back to that page.

Put `EenmaligeInzendingMixin` and `KandidaatInzageMixin` before these classes: the
scope and keyring checks run in `dispatch()`, before the token is used.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import FormView

from .forms import fout_in_formulier


class ActieView(AccessMixin, FormView):
    permission_required: str | tuple[str, ...] = ()
    pk_url_kwarg = "pk"
    form_class = forms.Form  # a step without fields: always valid
    gelukt = ""

    # --- 1. scope ---
    def get_scope(self):
        """The queryset of objects the user may see (a scoped selector)."""
        raise NotImplementedError

    def get_object(self):
        return get_object_or_404(self.get_scope(), pk=self.kwargs[self.pk_url_kwarg])

    # --- 2. keyring ---
    def get_permission_required(self) -> tuple[str, ...]:
        perms = self.permission_required
        return (perms,) if isinstance(perms, str) else tuple(perms)

    def has_permission(self) -> bool:
        return self.request.user.has_perms(self.get_permission_required())

    def regel(self, user, obj) -> bool:
        """The object rule (a function of `<app>.regels`); by default only the keyring."""
        return True

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.object = self.get_object()
        if not self.has_permission() or not self.regel(request.user, self.object):
            raise PermissionDenied
        return self.niet_nu() or super().dispatch(request, *args, **kwargs)

    def niet_nu(self):
        """None, or the answer when the object's state does not allow the action now
        (e.g. a message and a redirect for a finished traject)."""
        return None

    # --- 3.-5. form, service, done ---
    def uitvoeren(self, form) -> None:
        """Call the service with the form's data."""
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.uitvoeren(form)
        except ValidationError as exc:
            return self.service_fout(form, exc)
        messages.success(self.request, self.gelukt)
        return redirect(self.get_success_url())

    def service_fout(self, form, exc: ValidationError):
        fout_in_formulier(form, exc)
        return self.form_invalid(form)

    def get_success_url(self) -> str:
        return self.object.get_absolute_url()


class ActieStap(ActieView):
    """A POST-only step: form or service errors become messages, and success and
    failure alike redirect back to `get_success_url()`. `mislukt` tells which."""

    http_method_names = ["post"]
    mislukt = False

    def form_invalid(self, form):
        self.mislukt = True
        for veld, fouten in form.errors.items():
            label = form.fields[veld].label if veld in form.fields else ""
            messages.error(self.request, f"{label}: {' '.join(fouten)}".strip(": "))
        return redirect(self.get_success_url())

    def service_fout(self, form, exc: ValidationError):
        self.mislukt = True
        messages.error(self.request, " ".join(exc.messages))
        return redirect(self.get_success_url())
