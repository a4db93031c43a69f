#!/usr/bin/env bash
# The one test command. Installs what is missing (PostgreSQL, Chromium, nginx), starts a throwaway PostgreSQL,
# runs every suite (the web tests on SQLite and on PostgreSQL, the browser tests, the multi-node suite), stops what it
# started, and ends with
# "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
RESULTS="$ROOT/.test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- what the suites need from the machine --------------------------------------------------------
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
missing=()
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
ldconfig -p 2>/dev/null | grep -q libgdiplus || missing+=(libgdiplus)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
# the multi-node suite: nginx in front of two nodes, curl for its requests, sqlite3 for the SQLite backup check
{ command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } || missing+=(nginx)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null || { echo "apt-get install failed"; exit 1; }
fi

# --- a throwaway PostgreSQL on a free local port -----------------------------------------------------
PGBIN=$(pg_bin)
PGPORT=${CLUSTERPACT_PG_PORT:-5433}
while (echo > /dev/tcp/127.0.0.1/$PGPORT) 2>/dev/null; do PGPORT=$((PGPORT + 1)); done
PGDATA=$(mktemp -d /tmp/clusterpact-pg.XXXXXX)
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  chown postgres "$PGDATA"
fi
stop_pg() { run_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1; rm -rf "$PGDATA"; }
trap stop_pg EXIT
log "starting PostgreSQL on 127.0.0.1:$PGPORT"
run_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust >"$RESULTS/initdb.log" 2>&1 || { cat "$RESULTS/initdb.log"; exit 1; }
run_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
  -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
  || { cat "$PGDATA/server.log"; exit 1; }
export CLUSTERPACT_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres"

# --- build once, then run each suite -------------------------------------------------------------------
log "building"
dotnet build Clusterpact.sln -c Release -nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

crashed=0
suite() { # name, project, extra env...
  local name=$1 project=$2; shift 2
  log "suite $name"
  env "$@" dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$RESULTS/$name.trx" --logger "console;verbosity=minimal" || true
  [ -f "$RESULTS/$name.trx" ] || { echo "suite $name produced no results"; crashed=$((crashed + 1)); }
}
suite domain tests/Clusterpact.Domain.Tests
suite web-sqlite tests/Clusterpact.Web.Tests CLUSTERPACT_TEST_DB=sqlite
suite web-postgres tests/Clusterpact.Web.Tests CLUSTERPACT_TEST_DB=postgres
suite browser tests/Clusterpact.Browser.Tests
# Two nodes of the Release build behind nginx on this PostgreSQL (tests/nodes/run.sh; it stops and starts the server once).
log "suite nodes"
PGBIN="$PGBIN" PGDATA="$PGDATA" PGPORT="$PGPORT" bash tests/nodes/run.sh "$RESULTS/nodes.trx" || true
[ -f "$RESULTS/nodes.trx" ] || { echo "suite nodes produced no results"; crashed=$((crashed + 1)); }

passed=0; failed=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  printf '%-14s %4s passed, %s failed\n' "$(basename "$trx" .trx)" "${p:-0}" "${f:-0}"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
failed=$((failed + crashed))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
