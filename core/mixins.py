from auditlog.signals import accessed


class AuditedDetailMixin:
    """Records every successful GET of a DetailView as an 'access' entry in the audit trail.

    The model must be registered with auditlog; the actor comes from AuditlogMiddleware.
    """

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        accessed.send(sender=self.object.__class__, instance=self.object)
        return response


class KandidaatInzageMixin:
    """Records every successful GET of a page that shows one candidate's personal data
    (an edit form, the progress page, matching, ...) as an 'access' entry on that
    Kandidaat in the audit trail, as opening the candidate's detail page does.

    `inzage_kandidaat()` names the candidate: by default `self.kandidaat`, else the
    kandidaat of `self.traject`; views that hold neither override it. A redirect or
    an error page shows nothing, so it is not recorded. tests/portal/
    test_toegang_audit.py lists which pages must use this.
    """

    def inzage_kandidaat(self):
        kandidaat = getattr(self, "kandidaat", None)
        if kandidaat is None:
            kandidaat = self.traject.kandidaat
        return kandidaat

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if response.status_code == 200:
            kandidaat = self.inzage_kandidaat()
            accessed.send(sender=kandidaat.__class__, instance=kandidaat)
        return response


class FilteredListMixin:
    """ListView with a django-filter FilterSet on a scoped selector."""

    filterset_class = None

    def get_base_queryset(self):
        raise NotImplementedError

    def get_filterset_kwargs(self) -> dict:
        return {"data": self.request.GET or None, "queryset": self.get_base_queryset()}

    def get_queryset(self):
        self.filterset = self.filterset_class(**self.get_filterset_kwargs())
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter=self.filterset, **kwargs)
