"""Who may anonymise a candidate on request: plain functions used by the view, the
candidate page's panel and the service alike."""

RECHT = "bewaartermijnen.anonimiseren"


def mag_anonimiseren(*, user, kandidaat) -> bool:
    """A consulent or regiocoördinator (the permission) honours an erasure request
    for a candidate they may see and that is not anonymised yet. The functioneel
    beheerder does not: they manage the system and do not see candidates."""
    from kandidaten.models import Kandidaat

    return (
        user.has_perm(RECHT)
        and kandidaat.geanonimiseerd_op is None
        and Kandidaat.objects.zichtbaar_voor(user).filter(pk=kandidaat.pk).exists()
    )
