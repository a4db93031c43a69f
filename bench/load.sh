#!/usr/bin/env bash
# The load benchmark of issue 18: bench/load.sh [seconds per run] [runs]
#   Starts the Release product on the generated PostgreSQL data set (bench/generate.sh postgres FACTOR), signs in as
#   the demo programme officer (second factor off by configuration), runs wrk at 1 and 32 connections on each page
#   and API endpoint, and runs the hand-written SQL that gives the same answer with pgbench at the same number of
#   clients for the same time (the database's own speed under the same concurrency). Prints endpoint, connections,
#   p50, p95, p99 (ms), req/s (medians of the runs), the SQL's p50 and per-second rate (medians), and two ratios:
#   p50 / SQL p50 and SQL rate / req/s (issue 18: "each endpoint within 1.5x its own raw SQL query's time").
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
source bench/lib.sh
start_product_on_bench_db
trap 'stop_product; rm -f "${endpoints:-}" "${terms_file:-}" "${terms_used:-}" "${terms_used:-}.runs"' EXIT
sign_in_as_officer

# endpoint | the same answer by hand-written SQL (the same filter as the product's: a search of four digits or more also
# looks in the enterprise numbers, case-insensitively in the names). The organisation search looks for "Ferroplast", a
# brand the generator gives about 1 organisation in 2,050 (bench/Clusterpact.Bench/OrganisationNames.cs: 4 of the 11,817
# at factor 0.02), so it selects few rows as a search of a real register does; its SQL reads what the page shows (25 rows
# with their clusters today) and what the API's first window reads (50 rows and one to know there is a next).
# Its SQL finds the matching ids through the trigram index first, as the product does (decision 0021): asked in name order
# directly, PostgreSQL walks the name index and tests 141,667 names at EU size (200-400 ms) for 227 matches.
# "search=TERM" is a search whose every request asks another term (wrk-report.lua, WRK_TERMS): the first two words of an
# organisation's name ("ferroplast waterstof", "peeters bouw"), up to 50,000 distinct ones in the order of their md5, each
# matching a few organisations (54,197 such terms at the EU size). The runs go on through the list where the last stopped,
# so no term is asked twice while the list lasts, and a search's kept answer (decision 0020) is no help: this
# is the search's cost when nobody asked it before. Its SQL takes the term from the table bench_terms (written here, in
# the data set's database) by a random number, so the trigram index is asked another term each time too.
terms_file=$(mktemp); terms_used=$(mktemp); echo 0 > "$terms_used"
psql -X -q -h "$host" -p "${pgport:-5432}" -U "${user:-postgres}" -d "$name" -v ON_ERROR_STOP=1 >/dev/null <<'TERMS'
DROP TABLE IF EXISTS bench_terms;
CREATE TABLE bench_terms AS
  SELECT row_number() OVER (ORDER BY md5(t), t)::int AS i, t FROM (
    SELECT DISTINCT lower(split_part("Name", ' ', 1) || ' ' || split_part("Name", ' ', 2)) AS t FROM organisations WHERE "Name" LIKE '% %') n
  ORDER BY md5(t), t LIMIT 50000;
ALTER TABLE bench_terms ADD PRIMARY KEY (i);
TERMS
psql -X -q -At -h "$host" -p "${pgport:-5432}" -U "${user:-postgres}" -d "$name" -c "SELECT t FROM bench_terms ORDER BY i" > "$terms_file"
term_count=$(wc -l < "$terms_file")
endpoints=$(mktemp)
cat > "$endpoints" <<'SQL'
/Dashboard|SELECT extract(year FROM "YearStart")::int y, sum("GrantedAid") FROM agreement_years GROUP BY 1; SELECT count(DISTINCT o."Id") FROM organisations o JOIN memberships m ON m."OrganisationId" = o."Id" WHERE m."From" <= DATE '2025-12-31' AND (m."Until" IS NULL OR m."Until" >= DATE '2025-12-31')
/Kpis|SELECT m."ClusterId", count(DISTINCT m."OrganisationId") FROM memberships m WHERE m."From" <= DATE '2025-12-31' AND (m."Until" IS NULL OR m."Until" >= DATE '2025-12-31') GROUP BY 1
/Kpis?kpi=extra-fte|SELECT r."ClusterId", v."Value" FROM annual_reports r JOIN report_values v ON v."ReportId" = r."Id" WHERE r."Year" = 2025 AND v."KpiCode" = 'extra-fte'
/Agreements|SELECT a."ClusterId", sum(y."GrantedAid") FROM support_agreements a JOIN agreement_years y ON y."AgreementId" = a."Id" WHERE y."YearStart" >= DATE '2026-01-01' GROUP BY 1
/Agreements/Deadlines|SELECT r."DueOn", c."Name", r."Year" FROM annual_reports r JOIN clusters c ON c."Id" = r."ClusterId" WHERE r."Status" IN ('Draft', 'Returned') AND r."DueOn" <= DATE '2026-12-31' ORDER BY r."DueOn", c."Name" LIMIT 25
/Organisations?search=Ferroplast|SELECT o."Id", o."Name", o."Kind", o."SizeClass", o."EnterpriseNumber", o."CountryCode", o."InternationallyActive", (SELECT count(DISTINCT m."ClusterId") FROM memberships m WHERE m."OrganisationId" = o."Id" AND m."From" <= CURRENT_DATE AND (m."Until" IS NULL OR m."Until" >= CURRENT_DATE)) FROM organisations o WHERE o."Id" = ANY(ARRAY(SELECT "Id" FROM organisations WHERE lower("Name") LIKE '%ferroplast%' LIMIT 1001)) ORDER BY o."Name" COLLATE "C", o."Id" LIMIT 25
/Clusters|SELECT "Id", "Name", "Type", "Status" FROM clusters ORDER BY "Name" LIMIT 25
/OpenData|SELECT p."Id", p."Aid" FROM projects p WHERE p."Aid" > 100000 ORDER BY p."Start" DESC LIMIT 25
/api/v1/open-data/awards|SELECT p."Id", p."Aid" FROM projects p WHERE p."Aid" > 100000 ORDER BY p."Start" DESC LIMIT 25
/api/v1/organisations?search=Ferroplast|SELECT o."Id", o."Name", o."Kind", o."SizeClass", o."EnterpriseNumber", o."CountryCode", o."InternationallyActive", (SELECT count(DISTINCT m."ClusterId") FROM memberships m WHERE m."OrganisationId" = o."Id" AND m."From" <= CURRENT_DATE AND (m."Until" IS NULL OR m."Until" >= CURRENT_DATE)) FROM organisations o WHERE o."Id" = ANY(ARRAY(SELECT "Id" FROM organisations WHERE lower("Name") LIKE '%ferroplast%' LIMIT 1001)) ORDER BY o."Name" COLLATE "C", o."Id" LIMIT 51
/Organisations?search=TERM|SELECT o."Id", o."Name", o."Kind", o."SizeClass", o."EnterpriseNumber", o."CountryCode", o."InternationallyActive", (SELECT count(DISTINCT m."ClusterId") FROM memberships m WHERE m."OrganisationId" = o."Id" AND m."From" <= CURRENT_DATE AND (m."Until" IS NULL OR m."Until" >= CURRENT_DATE)) FROM organisations o WHERE o."Id" = ANY(ARRAY(SELECT "Id" FROM organisations WHERE lower("Name") LIKE '%' || (SELECT t FROM bench_terms WHERE i = :i) || '%' LIMIT 1001)) ORDER BY o."Name" COLLATE "C", o."Id" LIMIT 25
/api/v1/organisations?search=TERM|SELECT o."Id", o."Name", o."Kind", o."SizeClass", o."EnterpriseNumber", o."CountryCode", o."InternationallyActive", (SELECT count(DISTINCT m."ClusterId") FROM memberships m WHERE m."OrganisationId" = o."Id" AND m."From" <= CURRENT_DATE AND (m."Until" IS NULL OR m."Until" >= CURRENT_DATE)) FROM organisations o WHERE o."Id" = ANY(ARRAY(SELECT "Id" FROM organisations WHERE lower("Name") LIKE '%' || (SELECT t FROM bench_terms WHERE i = :i) || '%' LIMIT 1001)) ORDER BY o."Name" COLLATE "C", o."Id" LIMIT 51
/api/v1/clusters|SELECT "Id", "Name", "Type", "Status" FROM clusters ORDER BY "Name" LIMIT 25
/AnswerPack|SELECT extract(year FROM "YearStart")::int y, sum("GrantedAid") FROM agreement_years WHERE "YearStart" >= DATE '2026-01-01' AND "YearStart" < DATE '2031-01-01' GROUP BY 1
/AnswerPack?handler=Pdf|SELECT extract(year FROM "YearStart")::int y, sum("GrantedAid") FROM agreement_years WHERE "YearStart" >= DATE '2026-01-01' AND "YearStart" < DATE '2031-01-01' GROUP BY 1
/AnswerPack?handler=Xlsx|SELECT extract(year FROM "YearStart")::int y, sum("GrantedAid") FROM agreement_years WHERE "YearStart" >= DATE '2026-01-01' AND "YearStart" < DATE '2031-01-01' GROUP BY 1
SQL

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
pgbench_bin=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1)
# The SQL at the same concurrency as wrk, for the same seconds: "p50_ms rate" from pgbench's per-transaction log.
sql_run() { # sql conns
  local dir script
  dir=$(mktemp -d); script="$dir/q.sql"
  { grep -q '= :i)' <<<"$1" && echo "\\set i random(1, $term_count)"; tr ';' '\n' <<<"$1" | sed '/^ *$/d; s/$/;/'; } > "$script"
  (cd "$dir" && "$pgbench_bin" -n -h "$host" -p "${pgport:-5432}" -U "${user:-postgres}" -f "$script" -c "$2" -j "$([ "$2" -gt 1 ] && echo 2 || echo 1)" \
    -T "$seconds" -l "$name" >/dev/null 2>&1) || true
  cat "$dir"/pgbench_log.* 2>/dev/null | awk -v s="$seconds" '{print $3 / 1000} END {print "N " NR / s}' > "$dir/t"
  printf '%s %s\n' "$(grep -v '^N' "$dir/t" | median)" "$(sed -n 's/^N //p' "$dir/t")"
  rm -rf "$dir"
}

printf '%-52s %5s %8s %8s %8s %8s %8s %8s %7s %7s\n' endpoint conns p50_ms p95_ms p99_ms req_s sql_p50 sql_s p50/sql sql/req
while IFS='|' read -r path sql; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base${path/TERM/ferroplast}")
  vary=$([[ $path == *TERM* ]] && echo "$terms_file" || true)
  [ "$code" = 200 ] || { printf '%-52s answered %s\n' "$path" "$code"; continue; }
  for conns in 1 32; do
    results=$(for _ in $(seq 1 "$runs"); do
      WRK_TERMS=$vary WRK_TERMS_START=$(cat "$terms_used") wrk -t$([ "$conns" -gt 1 ] && echo 2 || echo 1) -c$conns -d${seconds}s --timeout 30s -s bench/wrk-report.lua -H "Cookie: $cookie" "$base$path" | sed -n 's/^RESULT //p' | tee -a "$terms_used.runs"
      # The terms this run asked (one a request; a tenth more for threads that served unequal numbers): the next run starts after them.
      if [ -n "$vary" ]; then tail -1 "$terms_used.runs" | awk -v u="$(cat "$terms_used")" '{printf "%d\n", u + $5 * 1.1 + 2}' > "$terms_used"; fi
    done)
    p50=$(awk '{print $1}' <<<"$results" | median); p95=$(awk '{print $2}' <<<"$results" | median)
    p99=$(awk '{print $3}' <<<"$results" | median); rps=$(awk '{print $4}' <<<"$results" | median)
    errors=$(awk '{s+=$6} END {print s}' <<<"$results")
    sqls=$(for _ in $(seq 1 "$runs"); do sql_run "$sql" "$conns"; done)
    sqlp50=$(awk '{print $1}' <<<"$sqls" | median); sqlrate=$(awk '{print $2}' <<<"$sqls" | median)
    ratio=$(awk -v a="$p50" -v b="$sqlp50" 'BEGIN {printf (b > 0 ? "%.2f" : "-"), a / b}')
    rates=$(awk -v a="$sqlrate" -v b="$rps" 'BEGIN {printf (b > 0 ? "%.2f" : "-"), a / b}')
    printf '%-52s %5s %8s %8s %8s %8s %8.2f %8.0f %7s %7s%s\n' "$path" "$conns" "$p50" "$p95" "$p99" "$rps" "$sqlp50" "$sqlrate" "$ratio" "$rates" \
      "$([ "$errors" -gt 0 ] && echo " ($errors errors)")"
  done
done < <(grep -iE "^[^|]*(${BENCH_ONLY:-.})" "$endpoints")
echo "app peak RSS: $(peak_rss_mb $app) MB"
