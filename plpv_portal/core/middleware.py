"""Middleware of the portal itself."""


class GeenCacheVoorIngelogdMiddleware:
    """Every response to a logged-in user, pages, exports and file downloads alike, gets
    `Cache-Control: no-store, private`: personal data must not stay behind in a browser
    cache or a shared proxy.

    A response that sets Cache-Control itself keeps its own policy (the public
    verification page uses never_cache). Static files never get here: WhiteNoise, which
    comes before this middleware, answers them itself.
    """

    WAARDE = "no-store, private"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not response.has_header("Cache-Control")
        ):
            response["Cache-Control"] = self.WAARDE
        return response
