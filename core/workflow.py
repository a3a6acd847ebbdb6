"""What every status workflow shares (the moves themselves live in each app's
`TRANSITIONS` and are made by its one transition service)."""


class TransitionNotAllowed(Exception):
    """A move the workflow does not allow, or whose conditions are not met.

    str() is the Dutch message for the page, written by the service that refuses."""
