"""The OpenAPI document and its documentation page (Swagger UI from the vendored
drf-spectacular-sidecar files: no CDN). The page's script is a separate file and its
styles a static stylesheet, so it runs under the portal's CSP without exceptions."""

from django.contrib.auth.decorators import login_not_required
from django.utils.decorators import method_decorator

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from .basis import API_VERSIE


class VersieMixin:
    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["API-Version"] = API_VERSIE
        return response


@method_decorator(login_not_required, name="dispatch")
class SchemaView(VersieMixin, SpectacularAPIView):
    """The API's description is public (as the code is); the data is not."""


@method_decorator(login_not_required, name="dispatch")
class DocsView(VersieMixin, SpectacularSwaggerSplitView):
    template_name = "api/docs.html"
    title = "PLPV-portaal API"
