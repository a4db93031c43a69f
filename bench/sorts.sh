#!/usr/bin/env bash
# The sorted list pages of issue 18 ("Indexes for every filter and sort"): bench/sorts.sh [seconds]
#   Starts the Release product on a PostgreSQL data set (bench/generate.sh, or a copy of the EU-size one), signs in as the
#   demo programme officer, asks each page once (the register sorted by clusters computes its kept ranking then: 10-70 s at
#   the EU size; a page that does not answer in 120 s says so), then runs wrk at 4 connections for [seconds] (default 15)
#   on each and prints requests/s, p50, p99 and the requests that timed out (5 s) or failed.
# Environment: BENCH_PG, BENCH_DB as for generate.sh; BENCH_PORT (default 5194); BENCH_NOBUILD=1 to skip the build;
#   BENCH_APP, the product's dll (another build's copy to measure before and after on the same data set).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
pg=${BENCH_PG:-"Host=127.0.0.1;Port=5433;Username=postgres;Command Timeout=300"}
name=${BENCH_DB:-clusterpact_bench}
port=${BENCH_PORT:-5194}
source bench/lib.sh
start_product_on_bench_db
trap 'kill $app 2>/dev/null || true' EXIT
sign_in_as_officer

pages=(
  "/Organisations?sort=Clusters&desc=true"
  "/Organisations?sort=Clusters&desc=false&p=2"
  "/Organisations?sort=Clusters&desc=true&kind=Company&p=3"
  "/Organisations?sort=Size&desc=false&p=2"
  "/Organisations?sort=Size&desc=true&p=2"
  "/Organisations?sort=Kind&desc=true&p=2"
  "/Projects?sort=Type&desc=true&p=2"
  "/Projects?sort=Status&desc=false&p=2"
)
printf '%-52s %8s %8s %8s %9s %7s\n' page first_ms req/s p50_ms p99_ms errors
for path in "${pages[@]}"; do
  first=$(curl -s -o /dev/null -m 120 -w '%{http_code} %{time_total}' -H "Cookie: $cookie" "$base$path" || echo "000 120")
  [ "${first% *}" = 200 ] || first="${first% *}(status) ${first#* }"
  out=$(wrk -t2 -c4 -d"${seconds}s" --timeout 5s --latency -H "Cookie: $cookie" "$base$path")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Socket errors|Non-2xx/ {printf "%s ", $0}' <<<"$out")
  printf '%-52s %8s %8s %8s %9s %7s\n' "$path" "$(awk -v t="${first#* }" 'BEGIN {printf "%.0f", t * 1000}')" "$rps" "${p50:--}" "${p99:--}" "${errors:-0}"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
