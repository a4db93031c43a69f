#!/usr/bin/env bash
# The data set of issue 18, deterministic: bench/generate.sh postgres|sqlite [factor] [seed]
#   factor 1 is the EU size (3,000 clusters, 500,000 organisations, 2,000,000 memberships, ...), 0.01 about the demo's
#   order ("region"). The product creates the schema and the demo data (its users: officer@clusterpact.demo), then the
#   generator adds the data set: binary COPY into PostgreSQL, prepared inserts in one transaction into SQLite.
# Environment: BENCH_PG (server, default Host=127.0.0.1;Port=5433;Username=postgres), BENCH_DB (database name,
#   default clusterpact_bench), BENCH_SQLITE (file, default /tmp/clusterpact-bench.db), BENCH_NOBUILD=1 to skip builds.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-postgres}; factor=${2:-1}; seed=${3:-18}
pg=${BENCH_PG:-"Host=127.0.0.1;Port=5433;Username=postgres"}
name=${BENCH_DB:-clusterpact_bench}
sqlite=${BENCH_SQLITE:-/tmp/clusterpact-bench.db}
port=${BENCH_SETUP_PORT:-5191}
if [ -z "${BENCH_NOBUILD:-}" ]; then
  dotnet build bench/Clusterpact.Bench -c Release -nologo -v quiet -clp:ErrorsOnly
fi
if [ "$db" = postgres ]; then
  host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$pg"); pgport=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$pg"); user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$pg")
  psql -X -q -h "$host" -p "${pgport:-5432}" -U "${user:-postgres}" -d postgres -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" -c "CREATE DATABASE $name"
  conn="$pg;Database=$name"
  export Database__Provider=PostgreSQL ConnectionStrings__PostgreSQL="$conn"
else
  rm -f "$sqlite" "$sqlite-wal" "$sqlite-shm"
  conn="Data Source=$sqlite"
  export Database__Provider=Sqlite ConnectionStrings__Sqlite="$conn"
fi
# 1. The product migrates and loads its demo data, then stops.
(cd src/Clusterpact.Web && ASPNETCORE_ENVIRONMENT=Development Demo__Load=true Reminders__Enabled=false ASPNETCORE_URLS=http://127.0.0.1:$port \
  exec dotnet bin/Release/net10.0/Clusterpact.Web.dll >/tmp/clusterpact-bench-setup.log 2>&1) &
app=$!
for _ in $(seq 1 300); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 $app 2>/dev/null || { echo "the product did not start:"; tail -20 /tmp/clusterpact-bench-setup.log; exit 1; }
  sleep 1
done
kill $app; wait $app 2>/dev/null || true
# 2. The data set.
dotnet bench/Clusterpact.Bench/bin/Release/net10.0/Clusterpact.Bench.dll generate --db "$db" --connection "$conn" --factor "$factor" --seed "$seed"
