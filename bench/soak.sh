#!/usr/bin/env bash
# Memory over time under load (issue 18: "app memory under 500 MB after an hour of the load benchmark at EU scale"):
#   bench/soak.sh [minutes] [connections]   (defaults: 60 minutes, 32 connections)
#   Starts the Release product on the generated PostgreSQL data set (bench/generate.sh postgres FACTOR) signed in as
#   the programme officer, and for the given minutes runs wrk round the main pages and API endpoints, 10 s each, in
#   turn. Each minute it prints the product's resident memory (RSS) and the requests served; at the end, the peak RSS.
# Environment: BENCH_PG, BENCH_DB as for generate.sh; BENCH_PORT (default 5194); BENCH_NOBUILD=1 to skip the build.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-60}; conns=${2:-32}
pg=${BENCH_PG:-"Host=127.0.0.1;Port=5433;Username=postgres"}
name=${BENCH_DB:-clusterpact_bench}
port=${BENCH_PORT:-5194}
source bench/lib.sh
start_product_on_bench_db
trap stop_product EXIT
sign_in_as_officer
paths=(/Dashboard /Kpis /Agreements "/Organisations?search=Ferroplast" /Clusters /OpenData "/OpenData?p=3&sort=Amount" /Projects
  /Calls /Evaluations /AnswerPack /api/v1/open-data/awards /api/v1/clusters "/api/v1/organisations?search=ferro" /Kpis?kpi=extra-fte)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; start RSS $(rss_mb $app) MB"
printf '%7s %9s %10s\n' minute rss_mb requests
end=$(( $(date +%s) + minutes * 60 )); next=$(( $(date +%s) + 60 )); minute=0; served=0; i=0
while [ "$(date +%s)" -lt "$end" ]; do
  path=${paths[$(( i % ${#paths[@]} ))]}; i=$((i + 1))
  n=$(wrk -t2 -c"$conns" -d10s --timeout 30s -s bench/wrk-report.lua -H "Cookie: $cookie" "$base$path" | sed -n 's/^RESULT //p' | awk '{print $5}')
  served=$((served + ${n:-0}))
  if [ "$(date +%s)" -ge "$next" ]; then minute=$((minute + 1)); next=$((next + 60)); printf '%7s %9s %10s\n' "$minute" "$(rss_mb $app)" "$served"; fi
done
echo "after $minutes minutes: RSS $(rss_mb $app) MB, peak RSS $(peak_rss_mb $app) MB, $served requests"
