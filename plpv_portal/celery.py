"""The Celery app: broker, backend and schedule come from Django settings (CELERY_*)."""

import os

from celery import Celery

from core.logboek import koppel_celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plpv_portal.settings.dev")

app = Celery("plpv_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# The default app in every thread (Celery's Django fixup does so too when it is the
# first): core sends and schedules tasks through `celery.current_app`, so the ground
# floor never imports the roof.
app.set_default()
# Log lines of a task carry its task id.
koppel_celery()
