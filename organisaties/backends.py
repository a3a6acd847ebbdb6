from django.contrib.auth.backends import ModelBackend


class MedewerkerBackend(ModelBackend):
    """ModelBackend that loads the request's user with its organisation and roles, and
    answers permission checks from the roles without a query.

    Every page shows both (header, menu, scoping), so one query serves them all. A
    medewerker's permissions are those of their roles: the role matrix every app
    declares in `rechten.py` (organisaties.rollen), which is also exactly what the
    roles' groups hold in the database (synchronised after every migrate). ModelBackend
    asked the database twice per request for them (the group permissions and the
    person's own); the portal gives no one permissions of their own (no form or admin
    field offers them), so only the roles count. tests/organisaties/test_backends.py
    compares the answer with ModelBackend's for every role.
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

    def get_user_permissions(self, user_obj, obj=None):
        return frozenset()

    def get_group_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return frozenset()
        from .rollen import rechten_van_rollen

        return rechten_van_rollen(user_obj.rollen)  # kept per process: not copied

    def get_all_permissions(self, user_obj, obj=None):
        return self.get_group_permissions(user_obj, obj)

    @staticmethod
    def _default_manager():
        from .models import Medewerker

        return Medewerker._default_manager
