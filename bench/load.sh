#!/usr/bin/env bash
# The load benchmark of issue 18: bench/load.sh [seconds per run] [runs]
#   Starts the Release product on the generated PostgreSQL data set (bench/generate.sh postgres FACTOR), signs in as
#   the demo programme officer (second factor off by configuration), runs wrk at 1 and 32 connections on each page
#   and API endpoint, times one hand-written SQL query giving the same answer (psql, median of 5), and prints
#   endpoint, connections, p50, p95, p99 (ms), req/s (medians of the runs), SQL ms and the ratio p50 / SQL.
# Environment: BENCH_PG, BENCH_DB as for generate.sh; BENCH_PORT (default 5192); BENCH_NOBUILD=1 to skip the build;
#   BENCH_ONLY, a grep -E pattern on the endpoints to run (e.g. 'Dashboard|open-?data'); BENCH_APP, the product's dll
#   (default the Release build; another build's copy to measure before and after on the same data set).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}; runs=${2:-3}
pg=${BENCH_PG:-"Host=127.0.0.1;Port=5433;Username=postgres"}
name=${BENCH_DB:-clusterpact_bench}
port=${BENCH_PORT:-5192}
host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$pg"); pgport=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$pg"); user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$pg")
psql_bench() { psql -X -q -h "$host" -p "${pgport:-5432}" -U "${user:-postgres}" -d "$name" "$@"; }
source bench/lib.sh
start_product_on_bench_db
trap 'kill $app 2>/dev/null || true; rm -f "${endpoints:-}"' EXIT
sign_in_as_officer

# endpoint | the same answer by one hand-written SQL query
endpoints=$(mktemp)
cat > "$endpoints" <<'SQL'
/Dashboard|SELECT extract(year FROM "YearStart")::int y, sum("GrantedAid") FROM agreement_years GROUP BY 1; SELECT count(DISTINCT o."Id") FROM organisations o JOIN memberships m ON m."OrganisationId" = o."Id" WHERE m."From" <= DATE '2025-12-31' AND (m."Until" IS NULL OR m."Until" >= DATE '2025-12-31')
/Kpis|SELECT m."ClusterId", count(DISTINCT m."OrganisationId") FROM memberships m WHERE m."From" <= DATE '2025-12-31' AND (m."Until" IS NULL OR m."Until" >= DATE '2025-12-31') GROUP BY 1
/Kpis?kpi=extra-fte|SELECT r."ClusterId", v."Value" FROM annual_reports r JOIN report_values v ON v."ReportId" = r."Id" WHERE r."Year" = 2025 AND v."KpiCode" = 'extra-fte'
/Agreements|SELECT a."ClusterId", sum(y."GrantedAid") FROM support_agreements a JOIN agreement_years y ON y."AgreementId" = a."Id" WHERE y."YearStart" >= DATE '2026-01-01' GROUP BY 1
/Organisations?search=Bench+organisatie+0420|SELECT "Id", "Name" FROM organisations WHERE "Name" LIKE '%Bench organisatie 0420%' ORDER BY "Name" COLLATE "C", "Id" LIMIT 25
/Clusters|SELECT "Id", "Name", "Type", "Status" FROM clusters ORDER BY "Name" LIMIT 25
/OpenData|SELECT p."Id", p."Aid" FROM projects p WHERE p."Aid" > 100000 ORDER BY p."Start" DESC LIMIT 25
/api/v1/open-data/awards|SELECT p."Id", p."Aid" FROM projects p WHERE p."Aid" > 100000 ORDER BY p."Start" DESC LIMIT 25
/api/v1/organisations?search=Bench+organisatie+0420|SELECT "Id", "Name" FROM organisations WHERE "Name" LIKE '%Bench organisatie 0420%' ORDER BY "Name" COLLATE "C", "Id" LIMIT 25
/api/v1/clusters|SELECT "Id", "Name", "Type", "Status" FROM clusters ORDER BY "Name" LIMIT 25
/AnswerPack|SELECT extract(year FROM "YearStart")::int y, sum("GrantedAid") FROM agreement_years WHERE "YearStart" >= DATE '2026-01-01' AND "YearStart" < DATE '2031-01-01' GROUP BY 1
/AnswerPack?handler=Pdf|SELECT extract(year FROM "YearStart")::int y, sum("GrantedAid") FROM agreement_years WHERE "YearStart" >= DATE '2026-01-01' AND "YearStart" < DATE '2031-01-01' GROUP BY 1
/AnswerPack?handler=Xlsx|SELECT extract(year FROM "YearStart")::int y, sum("GrantedAid") FROM agreement_years WHERE "YearStart" >= DATE '2026-01-01' AND "YearStart" < DATE '2031-01-01' GROUP BY 1
SQL

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
sql_ms() { # median of 5 runs of the query, in ms, as psql's \timing measures it (one session)
  { echo '\timing on'; for _ in 1 2 3 4 5 6; do echo "$1;"; done; } | psql_bench -o /dev/null 2>&1 | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -5 | median
}

printf '%-52s %5s %9s %9s %9s %9s %9s %8s\n' endpoint conns p50_ms p95_ms p99_ms req_s sql_ms ratio
while IFS='|' read -r path sql; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$path")
  [ "$code" = 200 ] || { printf '%-52s answered %s\n' "$path" "$code"; continue; }
  sqlms=$(sql_ms "$sql")
  for conns in 1 32; do
    results=$(for _ in $(seq 1 "$runs"); do
      wrk -t$([ "$conns" -gt 1 ] && echo 2 || echo 1) -c$conns -d${seconds}s --timeout 30s -s bench/wrk-report.lua -H "Cookie: $cookie" "$base$path" | sed -n 's/^RESULT //p'
    done)
    p50=$(awk '{print $1}' <<<"$results" | median); p95=$(awk '{print $2}' <<<"$results" | median)
    p99=$(awk '{print $3}' <<<"$results" | median); rps=$(awk '{print $4}' <<<"$results" | median)
    errors=$(awk '{s+=$6} END {print s}' <<<"$results")
    ratio=$(awk -v a="$p50" -v b="$sqlms" 'BEGIN {printf (b > 0 ? "%.1f" : "-"), a / b}')
    printf '%-52s %5s %9s %9s %9s %9s %9s %8s%s\n' "$path" "$conns" "$p50" "$p95" "$p99" "$rps" "$sqlms" "$ratio" "$([ "$errors" -gt 0 ] && echo " ($errors errors)")"
  done
done < <(grep -iE "^[^|]*(${BENCH_ONLY:-.})" "$endpoints")
echo "app peak RSS: $(peak_rss_mb $app) MB"
