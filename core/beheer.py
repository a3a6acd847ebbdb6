"""Building blocks the apps' Django admins (beheer) share."""


class AlleenLezen:
    """An admin that shows its rows and changes none: nothing is added, changed or
    deleted through it (what it shows is written elsewhere)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
