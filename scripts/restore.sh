#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh: the database (pg_restore --no-owner) and
# then the media folder. Meant for an empty database (a fresh stack, after `createdb`).
# Usage: scripts/restore.sh DIR [--overschrijven]
# Reads DATABASE_URL and MEDIA_ROOT from the environment. Refuses a database that
# already has tables, or a media folder that already has files, unless --overschrijven
# is given: then the dump's objects are dropped and recreated (pg_restore --clean) and
# the media files are unpacked over the folder. Exits non-zero on any failure.
set -euo pipefail

fail() { echo "restore.sh: $*" >&2; exit 1; }

dir=""
overschrijven=0
for arg in "$@"; do
  case "$arg" in
    --overschrijven) overschrijven=1 ;;
    -*) fail "unknown option $arg" ;;
    *) [ -z "$dir" ] || fail "one backup directory please"; dir=$arg ;;
  esac
done
[ -n "$dir" ] || fail "usage: scripts/restore.sh DIR [--overschrijven]"
[ -f "$dir/database.dump" ] || fail "$dir/database.dump not found"
[ -f "$dir/media.tar.gz" ] || fail "$dir/media.tar.gz not found"
[ -n "${DATABASE_URL:-}" ] || fail "DATABASE_URL is not set"
[ -n "${MEDIA_ROOT:-}" ] || fail "MEDIA_ROOT is not set"
command -v pg_restore >/dev/null || fail "pg_restore not found (install postgresql-client)"
command -v psql >/dev/null || fail "psql not found (install postgresql-client)"

db_url=$DATABASE_URL
case "$db_url" in
  postgres://* | postgresql://*) ;;
  pgsql://* | psql://*) db_url="postgresql://${db_url#*://}" ;;
  *) fail "DATABASE_URL is not a PostgreSQL URL" ;;
esac

if [ -f "$dir/SHA256SUMS" ]; then
  (cd "$dir" && sha256sum --check --quiet SHA256SUMS) || fail "checksums in $dir do not match"
fi

# Tables, views and sequences outside the system schemas: an empty database has none.
objecten=$(psql --no-password --no-psqlrc -tA --dbname="$db_url" -c "
  SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
    AND n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname NOT LIKE 'pg_toast%'") || fail "cannot connect to the database"
mkdir -p "$MEDIA_ROOT"
media_bestanden=$(find "$MEDIA_ROOT" -mindepth 1 | head -n 1)

if [ "$overschrijven" = 0 ]; then
  [ "$objecten" = 0 ] || fail "the database is not empty ($objecten tables/sequences); \
restore into a fresh database, or add --overschrijven to replace its contents"
  [ -z "$media_bestanden" ] || fail "MEDIA_ROOT $MEDIA_ROOT is not empty; \
add --overschrijven to unpack over it"
fi

clean=()
[ "$overschrijven" = 1 ] && clean=(--clean --if-exists)
pg_restore --no-owner --no-privileges --no-password --exit-on-error --single-transaction \
  "${clean[@]}" --dbname="$db_url" "$dir/database.dump" || fail "pg_restore failed"
echo "Database restored from $dir/database.dump"
tar -C "$MEDIA_ROOT" -xzf "$dir/media.tar.gz" --no-same-owner || fail "unpacking media failed"
echo "Media restored into $MEDIA_ROOT ($(find "$MEDIA_ROOT" -type f | wc -l) files)"
