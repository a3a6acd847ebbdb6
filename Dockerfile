FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=plpv_portal.settings.production

# WeasyPrint needs Pango and fonts; curl serves the health checks; postgresql-client
# (15, as the db service) gives scripts/backup.sh and restore.sh pg_dump and pg_restore.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
       libharfbuzz0b fonts-dejavu-core curl postgresql-client \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 plpv
WORKDIR /app

COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir . && rm -rf build *.egg-info

COPY --chown=plpv:plpv . .
# collectstatic only reads files; these values never reach a running container.
RUN SECRET_KEY=build-only ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.db \
    SECURITY_CONTACT=build-only CACHE_URL=redis://build-only CELERY_BROKER_URL=redis://build-only \
    python manage.py collectstatic --noinput -v0 \
    && mkdir -p /app/media && chown plpv:plpv /app/media

USER plpv
EXPOSE 8000
CMD ["gunicorn", "plpv_portal.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3"]
