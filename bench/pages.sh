#!/usr/bin/env bash
# Every page of the demo on SQLite under load (issue 18's goal: p95 <= 100 ms at 32 connections): bench/pages.sh [seconds] [connections]
#   Builds the Release product, starts it on a fresh SQLite database with the demo data (second factor off by
#   configuration, reminders off), then runs bench/pages.py: every page shape each demo role reaches, loaded with wrk.
# Environment: BENCH_PORT (default 5193), BENCH_NOBUILD=1 to skip the build, BENCH_ROLES (e.g. officer,manager),
#   BENCH_ONLY (a regular expression over the shapes, e.g. '^/(OpenData|Projects)'). Prints the product's CPU ms per request too.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-3}; conns=${2:-32}
port=${BENCH_PORT:-5193}
base=http://127.0.0.1:$port
data=$(mktemp -d)
[ -z "${BENCH_NOBUILD:-}" ] && dotnet build src/Clusterpact.Web -c Release -nologo -v quiet -clp:ErrorsOnly
(cd src/Clusterpact.Web && ASPNETCORE_ENVIRONMENT=Development Demo__Load=true ASPNETCORE_URLS=$base \
  ConnectionStrings__Sqlite="Data Source=$data/demo.db" Email__OutboxFolder="$data/outbox" Security__RequireTwoFactorForStaff=false \
  Reminders__Enabled=false Serilog__MinimumLevel__Default=Warning exec dotnet bin/Release/net10.0/Clusterpact.Web.dll >"$data/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 1; done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
status=0
python3 bench/pages.py "$base" --seconds "$seconds" --connections "$conns" --pid "$app" ${BENCH_ROLES:+--roles "$BENCH_ROLES"} ${BENCH_ONLY:+--only "$BENCH_ONLY"} || status=$?
echo "app peak RSS: $(awk '/VmHWM/ {print $2/1024 " MB"}' /proc/$app/status 2>/dev/null || echo '?')"
exit $status
