#!/usr/bin/env bash
# Back up the portal: the PostgreSQL database (pg_dump, custom format) and the media
# folder (uploaded files, tar.gz) into one new timestamped directory.
# Usage: scripts/backup.sh [PARENT_DIR]     (default: $BACKUP_DIR, else ./backups)
# Reads DATABASE_URL (postgres://user:password@host:port/name) and MEDIA_ROOT from the
# environment. Exits non-zero on any failure and then leaves no half-written backup.
# Restore with scripts/restore.sh DIR.
set -euo pipefail

fail() { echo "backup.sh: $*" >&2; exit 1; }

[ -n "${DATABASE_URL:-}" ] || fail "DATABASE_URL is not set"
[ -n "${MEDIA_ROOT:-}" ] || fail "MEDIA_ROOT is not set"
[ -d "$MEDIA_ROOT" ] || fail "MEDIA_ROOT $MEDIA_ROOT is not a directory"
command -v pg_dump >/dev/null || fail "pg_dump not found (install postgresql-client)"

# libpq understands postgres:// and postgresql://; Django-environ also allows these aliases.
db_url=$DATABASE_URL
case "$db_url" in
  postgres://* | postgresql://*) ;;
  pgsql://* | psql://*) db_url="postgresql://${db_url#*://}" ;;
  *) fail "DATABASE_URL is not a PostgreSQL URL" ;;
esac

parent=${1:-${BACKUP_DIR:-backups}}
mkdir -p "$parent"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="$parent/plpv-$stamp"
[ ! -e "$target" ] || fail "$target already exists"
work="$target.onvolledig"

cleanup() { rm -rf "$work"; }
trap cleanup EXIT

mkdir "$work"
pg_dump --format=custom --no-password --file="$work/database.dump" --dbname="$db_url" \
  || fail "pg_dump failed"
tar -C "$MEDIA_ROOT" -czf "$work/media.tar.gz" . || fail "tar of $MEDIA_ROOT failed"
{
  echo "created_utc=$stamp"
  echo "pg_dump=$(pg_dump --version)"
  echo "media_files=$(find "$MEDIA_ROOT" -type f | wc -l)"
} >"$work/MANIFEST"
(cd "$work" && sha256sum database.dump media.tar.gz >SHA256SUMS) || fail "checksums failed"
mv "$work" "$target"
trap - EXIT

echo "Backup written to $target:"
(cd "$target" && ls -l database.dump media.tar.gz MANIFEST SHA256SUMS | awk '{print "  " $5 "\t" $9}')
