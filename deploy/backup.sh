#!/usr/bin/env bash
# Backs up a Clusterpact database while the nodes run, and counts a database's rows per table to check a restored copy
# (docs/operations.md, "Backups"). PostgreSQL: pg_dump's custom format, a consistent snapshot; the connection comes from
# libpq's variables (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass). SQLite: SQLite's online backup (sqlite3 .backup),
# which copies a consistent database while the application reads and writes, then checks the copy's integrity.
#   deploy/backup.sh postgres <database> <file.dump>
#   deploy/backup.sh sqlite <data/clusterpact.db> <copy.db>
#   deploy/backup.sh counts postgres <database>     one "table rows" line per table, sorted by table
#   deploy/backup.sh counts sqlite <file.db>
# The PostgreSQL client programs are taken from $PGBIN when it is set, otherwise from the PATH.
set -euo pipefail
pg() { "${PGBIN:+$PGBIN/}$1" "${@:2}"; }
usage() { sed -n '2,10p' "$0" >&2; exit 2; }
[ $# -ge 3 ] || usage
case "$1" in
  postgres)
    pg pg_dump -Fc -f "$3" "$2"
    pg pg_restore --list "$3" >/dev/null   # the archive is complete and readable
    echo "backup of $2 written to $3 ($(du -k "$3" | cut -f1) kB)" ;;
  sqlite)
    [ -f "$2" ] || { echo "no database at $2" >&2; exit 1; }
    rm -f "$3"
    sqlite3 "$2" ".timeout 30000" ".backup '$3'"
    check=$(sqlite3 "$3" "PRAGMA integrity_check;")
    [ "$check" = ok ] || { echo "the copy is damaged: $check" >&2; exit 1; }
    echo "backup of $2 written to $3 ($(du -k "$3" | cut -f1) kB), integrity ok" ;;
  counts)
    case "$2" in
      postgres)
        for t in $(pg psql -d "$3" -At -c "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"); do
          echo "$t $(pg psql -d "$3" -At -c "SELECT count(*) FROM $t")"
        done ;;
      sqlite)
        for t in $(sqlite3 "$3" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1"); do
          echo "$t $(sqlite3 "$3" ".timeout 30000" "SELECT count(*) FROM \"$t\"")"
        done ;;
      *) usage ;;
    esac ;;
  *) usage ;;
esac
