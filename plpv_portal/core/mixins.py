from auditlog.signals import accessed


class AuditedDetailMixin:
    """Records every successful GET of a DetailView as an 'access' entry in the audit trail.

    The model must be registered with auditlog; the actor comes from AuditlogMiddleware.
    """

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        accessed.send(sender=self.object.__class__, instance=self.object)
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
