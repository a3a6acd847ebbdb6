"""Who may do what with which region's samenwerkingsscan: plain functions used by the
views, the templates' context and the services alike. Each rule checks the
permission (`samenwerking.rechten`) first, then the user's relation to the region."""


def is_eigen_regio(user, regio_id: int) -> bool:
    """The region is one the user's organisation works in (any region for a superuser)."""
    return user.is_superuser or regio_id in user.regio_ids


def mag_scan_invullen(user, regio) -> bool:
    """Fill a new version for `regio`: a coordinator of that region."""
    return user.has_perm("samenwerking.add_scan") and is_eigen_regio(user, regio.pk)


def mag_scan_delen(user, scan) -> bool:
    """Switch sharing of a version on or off: a coordinator of the scan's region."""
    return user.has_perm("samenwerking.change_scan") and is_eigen_regio(
        user, scan.regio_id
    )
