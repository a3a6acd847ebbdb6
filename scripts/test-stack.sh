#!/usr/bin/env bash
# Start a throwaway PostgreSQL and Redis from the system's binaries, run the checks and
# the whole pytest suite against them, and stop everything again, also on failure.
# Usage: scripts/test-stack.sh [--skip-checks] [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

SKIP_CHECKS=0
if [ "${1:-}" = "--skip-checks" ]; then SKIP_CHECKS=1; shift; fi

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
missing=()
[ -n "$PGBIN" ] && [ -x "$PGBIN/pg_ctl" ] || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Missing system packages. Install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]} fonts-dejavu libpango-1.0-0 libpangoft2-1.0-0" >&2
  exit 2
fi

RUNDIR=$(mktemp -d /tmp/plpv-test.XXXXXX)
free_port() { "$BIN/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  set +e
  [ -f "$RUNDIR/redis.pid" ] && kill "$(cat "$RUNDIR/redis.pid")" 2>/dev/null
  [ -f "$RUNDIR/replica/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$RUNDIR/replica" -m fast -w stop >/dev/null
  [ -f "$RUNDIR/pg/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$RUNDIR/pg" -m fast -w stop >/dev/null
  rm -rf "$RUNDIR"
}
trap cleanup EXIT INT TERM

PGPORT=$(free_port)
REDISPORT=$(free_port)
[ "$(id -u)" = 0 ] && chown postgres:postgres "$RUNDIR"
as_pg "$PGBIN/initdb" -D "$RUNDIR/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$RUNDIR/pg" -l "$RUNDIR/pg/server.log" -w -o \
  "-p $PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$RUNDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null
"$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres plpv
redis-server --port "$REDISPORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --pidfile "$RUNDIR/redis.pid" --logfile "$RUNDIR/redis.log" --dir "$RUNDIR" >/dev/null
echo "PostgreSQL on 127.0.0.1:$PGPORT, Redis on 127.0.0.1:$REDISPORT"

export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/plpv"

# A streaming replica of that PostgreSQL for the read-replica test (tests/portal/test_replica.py):
# with the whole suite or when that test is asked for (`-m replica`, its path). Where it cannot
# start, the test is skipped.
if [ $# -eq 0 ] || [[ " $* " == *replica* ]]; then
  REPLICAPORT=$(free_port)
  if as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PGPORT" -U postgres -D "$RUNDIR/replica" -R -X stream >"$RUNDIR/replica-basebackup.log" 2>&1 \
    && as_pg "$PGBIN/pg_ctl" -D "$RUNDIR/replica" -l "$RUNDIR/replica.log" -w -o \
      "-p $REPLICAPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$RUNDIR -c hot_standby=on -c fsync=off" \
      start >/dev/null; then
    export DATABASE_REPLICA_URL="postgres://postgres@127.0.0.1:$REPLICAPORT/plpv"
    echo "Streaming replica on 127.0.0.1:$REPLICAPORT"
  else
    echo "No streaming replica could start (the replica test is skipped):" >&2
    tail -n 5 "$RUNDIR/replica-basebackup.log" "$RUNDIR/replica.log" 2>/dev/null >&2 || true
  fi
fi
export CELERY_BROKER_URL="redis://127.0.0.1:$REDISPORT/0"
export CELERY_RESULT_BACKEND="redis://127.0.0.1:$REDISPORT/1"

if [ $SKIP_CHECKS = 0 ]; then
  echo "== ruff"
  "$BIN/ruff" check .
  "$BIN/ruff" format --check .
  echo "== import-linter (the floors: pyproject.toml [tool.importlinter])"
  "$BIN/lint-imports" --no-logo
  echo "== migrations"
  DJANGO_SETTINGS_MODULE=plpv_portal.settings.test "$BIN/python" manage.py makemigrations --check --dry-run
  echo "== check --deploy (production settings)"
  SECRET_KEY=$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(50))') \
  ALLOWED_HOSTS=plpv.example.nl SECURITY_CONTACT=mailto:security@example.nl CACHE_URL="redis://127.0.0.1:$REDISPORT/2" \
  DJANGO_SETTINGS_MODULE=plpv_portal.settings.production \
    "$BIN/python" manage.py check --deploy --fail-level WARNING
  if command -v docker-compose >/dev/null; then
    echo "== docker-compose config"
    SECRET_KEY=x ALLOWED_HOSTS=x SECURITY_CONTACT=x POSTGRES_PASSWORD=x PORTAL_URL=https://x docker-compose -f docker-compose.yml config -q
  fi
fi

echo "== pytest"
status=0
"$BIN/pytest" "$@" || status=$?

# The bad-input test also runs on SQLite, the database of `make run`: there an id
# beyond the database's range raised OverflowError where PostgreSQL did not. With
# the whole suite (no arguments) or when that module is asked for by name.
SLECHTE_INVOER=tests/portal/test_slechte_invoer.py
if [ $# -eq 0 ] || [[ " $* " == *test_slechte_invoer* ]]; then
  echo "== pytest on SQLite: $SLECHTE_INVOER"
  DATABASE_URL="sqlite:///$RUNDIR/slechte-invoer.sqlite3" ALLOW_NON_POSTGRES_TESTS=1 \
    "$BIN/pytest" -p no:cacheprovider "$SLECHTE_INVOER" || status=$?
fi
exit $status
