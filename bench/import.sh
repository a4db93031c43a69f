#!/usr/bin/env bash
# The member-import benchmark of issue 18: bench/import.sh [rows...]   (default: 100000 1000000)
#   Writes a CSV and an xlsx member list of each size (valid enterprise numbers, 1% bad rows), then commits each into an
#   empty register on SQLite and on PostgreSQL through the import job's code path (MemberImportKind.CommitAsync), each run
#   in a process of its own, and prints one table: database, format, rows, commit seconds, rows/s, peak RSS, and the CPU
#   seconds the import process used (on a shared machine the wall time is mostly waiting; on PostgreSQL the server's
#   own work is not in the CPU column).
# Environment: BENCH_PG (server, default Host=127.0.0.1;Port=5433;Username=postgres), BENCH_RUNS (runs per cell, the
#   median is shown; default 1), BENCH_NOBUILD=1 to skip the build, BENCH_FILES (folder for the lists, default /tmp).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(100000 1000000)
pg=${BENCH_PG:-"Host=127.0.0.1;Port=5433;Username=postgres"}
runs=${BENCH_RUNS:-1}
files=${BENCH_FILES:-/tmp}
bench="dotnet bench/Clusterpact.Bench/bin/Release/net10.0/Clusterpact.Bench.dll"
if [ -z "${BENCH_NOBUILD:-}" ]; then
  dotnet build bench/Clusterpact.Bench -c Release -nologo -v quiet -clp:ErrorsOnly
fi
for n in "${sizes[@]}"; do
  for format in csv xlsx; do
    f="$files/clusterpact-members-$n.$format"
    [ -s "$f" ] || $bench import-file --rows "$n" --out "$f"
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo
echo "| database | file | rows | commit s | rows/s | peak RSS MB | import CPU s |"
echo "|---|---|---|---|---|---|---|"
for db in sqlite postgres; do
  for n in "${sizes[@]}"; do
    for format in csv xlsx; do
      results=()
      for _ in $(seq 1 "$runs"); do
        line=$($bench import --file "$files/clusterpact-members-$n.$format" --db "$db" --pg "$pg" | grep '^RESULT')
        results+=("$line")
      done
      # The median run by time.
      median=$(printf '%s\n' "${results[@]}" | sort -k5 -g | sed -n "$(( (runs + 1) / 2 ))p")
      read -r _ database fmt rows seconds rate rss cpu <<<"$median"
      printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$database" "$fmt" "$rows" "$seconds" "$rate" "$rss" "$cpu"
    done
  done
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
