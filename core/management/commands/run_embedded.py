"""`manage.py run_embedded [addrport]`: runserver plus the scheduled jobs, for the
embedded default (`make run`). See core/planner.py."""

from django.conf import settings
from django.contrib.staticfiles.management.commands.runserver import (
    Command as RunserverCommand,
)
from django.core.management.base import CommandError

from core.planner import planner_starten


class Command(RunserverCommand):
    help = (
        "runserver that also runs the beat schedule (reminders, PDF restarts, session "
        "clean-up) in-process; only for the embedded default without a broker."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--planner-interval",
            type=float,
            default=60.0,
            help="Seconds between two checks of the schedule (default 60).",
        )

    def handle(self, *args, **options):
        if not getattr(settings, "EMBEDDED_SCHEDULER", False):
            raise CommandError(
                "run_embedded is refused here: these settings do not enable the "
                "embedded scheduler (settings.dev does); run `celery beat` instead."
            )
        if settings.CELERY_BROKER_URL:
            raise CommandError(
                "A Celery broker is configured: run `make worker` and `make beat` and "
                "use runserver, so that the schedule does not run twice."
            )
        super().handle(*args, **options)

    def inner_run(self, *args, **options):
        # Called in the process that serves (the autoreloader's child), once per
        # (re)start: the scheduler lives and dies with it.
        planner_starten(interval=options["planner_interval"])
        self.stdout.write("Geplande taken (herinneringen, PDF's, sessies) lopen mee.")
        super().inner_run(*args, **options)
