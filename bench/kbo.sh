#!/usr/bin/env bash
# The enterprise register's benchmark (issue 21): bench/kbo.sh [factor] [sqlite|postgres|both]
#   Generates a full KBO open-data extract of 2,000,000 x factor enterprises (about 1.5 names, 1.25 addresses and 10
#   activities each; factor 1 is the real size, 0.1 the default for a shared machine), loads it with the product's
#   RegisterLoader into an empty database of each provider and prints the rows read per second per provider and file.
# Environment: BENCH_PG (server, default Host=127.0.0.1;Port=5433;Username=postgres), BENCH_NOBUILD=1 to skip the build.
set -euo pipefail
cd "$(dirname "$0")/.."
factor=${1:-0.1}; db=${2:-both}
pg=${BENCH_PG:-"Host=127.0.0.1;Port=5433;Username=postgres"}
if [ -z "${BENCH_NOBUILD:-}" ]; then
  dotnet build bench/Clusterpact.Bench -c Release -nologo -v quiet -clp:ErrorsOnly
fi
dotnet bench/Clusterpact.Bench/bin/Release/net10.0/Clusterpact.Bench.dll kbo --factor "$factor" --db "$db" --pg "$pg"
