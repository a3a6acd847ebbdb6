from django.contrib.auth.backends import ModelBackend


class MedewerkerBackend(ModelBackend):
    """ModelBackend that loads the request's user with its organisation and roles.

    Every page shows both (header, menu, scoping), so one query serves them all.
    """

    def get_user(self, user_id):
        user = (
            self._default_manager()
            .select_related("organisatie")
            .prefetch_related("groups")
            .filter(pk=user_id)
            .first()
        )
        return user if self.user_can_authenticate(user) else None

    @staticmethod
    def _default_manager():
        from .models import Medewerker

        return Medewerker._default_manager
