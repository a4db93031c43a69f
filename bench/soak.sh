#!/usr/bin/env bash
# Memory over time under load (issue 18: "app memory under 500 MB after an hour of the load benchmark at EU scale"):
#   bench/soak.sh [minutes] [connections]   (defaults: 60 minutes, 32 connections)
#   Starts the Release product on the generated PostgreSQL data set (bench/generate.sh postgres FACTOR) signed in as
#   the programme officer, first requests each page once in turn (every kept answer computed once, decision 0020; it
#   prints the seconds each first request took and the RSS after it), then for the given minutes runs wrk round the
#   pages and API endpoints, 10 s each, in turn. Each minute it prints the product's resident memory (RSS), the managed
#   heap after the last collection, the memory the GC has committed, and the requests served; at the end the RSS at the
#   start, after the first requests and at the end, its peak, and the largest heap and committed memory sampled.
#   RSS is read from /proc every BENCH_SAMPLE seconds (default 5), the GC figures by dotnet-counters (System.Runtime
#   meter) when it is installed (PATH or ~/.dotnet/tools), and with them the kept answers computed, evicted and refused
#   per use case (the product's Clusterpact meter): a kept answer computed more than once per change of its data is a defect.
# Environment: BENCH_PG, BENCH_DB as for generate.sh (the EU data set: BENCH_DB=clusterpact_eu, and "Command Timeout=300"
#   in BENCH_PG: a first computation there takes 10-70 s); BENCH_PORT (default 5194); BENCH_NOBUILD=1 to skip the build;
#   BENCH_APP, the product's dll (another build's copy, to compare before and after on one data set); BENCH_WARM=0 to
#   skip the first requests; BENCH_SAMPLE, seconds between samples.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-60}; conns=${2:-32}
pg=${BENCH_PG:-"Host=127.0.0.1;Port=5433;Username=postgres"}
name=${BENCH_DB:-clusterpact_bench}
port=${BENCH_PORT:-5194}
sample=${BENCH_SAMPLE:-5}
source bench/lib.sh
start_product_on_bench_db
samples=$(mktemp -d)
trap 'stop_product; kill ${sampler:-} ${counters:-} 2>/dev/null || true; rm -rf "$samples"' EXIT
paths=(/Dashboard /Kpis "/Kpis?kpi=extra-fte" /Agreements /Agreements/Deadlines "/Organisations?search=Ferroplast" /Clusters /OpenData
  "/OpenData?p=3&sort=Amount" /Projects /Calls /Evaluations /AnswerPack "/AnswerPack?handler=Pdf" "/AnswerPack?handler=Xlsx"
  /api/v1/open-data/awards /api/v1/clusters "/api/v1/organisations?search=ferro")

# RSS every few seconds (VmRSS; the kernel's VmHWM gives the peak), and the GC's own figures beside it.
(while kill -0 "$app" 2>/dev/null; do echo "$(date +%s) $(rss_mb "$app")" >> "$samples/rss"; sleep "$sample"; done) &
sampler=$!
counters_bin=$(command -v dotnet-counters || ls ~/.dotnet/tools/dotnet-counters 2>/dev/null || true)
if [ -n "$counters_bin" ]; then
  "$counters_bin" collect -p "$app" --refresh-interval "$sample" --format csv -o "$samples/gc.csv" \
    --counters 'System.Runtime[dotnet.gc.last_collection.heap.size,dotnet.gc.last_collection.memory.committed_size,dotnet.jit.compiled_methods],Microsoft.EntityFrameworkCore[microsoft.entityframeworkcore.compiled_query_cache_misses],Clusterpact' >/dev/null 2>&1 &
  counters=$!
fi
# After the counters: the sign-in's check of the session requests the dashboard, its first computation.
sign_in_as_officer
# The managed heap after the last collection (all generations, each as last reported, MB) and the GC's committed memory
# (MB): as last sampled (gc_mb), or the largest sampled (gc_max_mb).
gc_figures() { # heap|committed -> "last largest"
  [ -s "$samples/gc.csv" ] || { echo '? ?'; return; }
  awk -F, -v what="$1" '(what == "heap" && $3 ~ /heap.size/) || (what == "committed" && $3 ~ /committed_size/) {
      last[$3] = $5; t = 0; for (k in last) t += last[k]; if (t > m) m = t }
    END {printf "%.0f %.0f", t / 1048576, m / 1048576}' "$samples/gc.csv"
}
# The kept answers computed, evicted and refused (the product's meter, decision 0020), by use case (and reason): "name=count ...".
kept_answers() { # computed|evicted|refused
  [ -s "$samples/gc.csv" ] || { echo '?'; return; }
  # A counter's tags are in its name, separated by commas as the fields are: the value is the last field.
  awk -F, -v what="clusterpact.read_models.$1 " 'index($3, what) == 1 {
      k = $3; for (i = 4; i <= NF - 2; i++) k = k "," $i
      sub(/^[^[]*\[/, "", k); sub(/\]$/, "", k); gsub(/use_case=|reason=/, "", k); n[k] += $NF }
    END {for (k in n) if (n[k] > 0) printf "%s=%d ", k, n[k]}' "$samples/gc.csv"
}
gc_mb() { gc_figures "$1" | cut -d' ' -f1; }
# Methods the JIT compiled and queries EF compiled since the start (counters: the rates summed): both level off once every
# request shape has run; a count that keeps rising under the same requests is code memory that keeps growing.
compiled() { # jit|ef
  [ -s "$samples/gc.csv" ] || { echo '?'; return; }
  awk -F, -v what="$1" '(what == "jit" && $3 ~ /jit.compiled_methods/) || (what == "ef" && $3 ~ /compiled_query_cache_misses/) {n += $NF}
    END {printf "%.0f", n}' "$samples/gc.csv"
}
# The runtime's code and type data (JIT code and loader heaps, mapped twice for W^X as /memfd:doublemapper), resident MB.
code_mb() { awk '/^[0-9a-f]+-[0-9a-f]+ / {d = ($0 ~ /doublemapper/)} d && /^Rss:/ {n += $2} END {printf "%.0f", n / 1024}' "/proc/$1/smaps" 2>/dev/null || echo '?'; }
gc_max_mb() { gc_figures "$1" | cut -d' ' -f2; }

start_rss=$(rss_mb "$app")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; database $name; start RSS $start_rss MB"
if [ "${BENCH_WARM:-1}" != 0 ]; then
  printf '%-40s %6s %9s %9s\n' "first request" status seconds rss_mb
  for path in "${paths[@]}"; do
    out=$(curl -s -o /dev/null -m 900 -w '%{http_code} %{time_total}' -H "Cookie: $cookie" "$base$path" || true)
    printf '%-40s %6s %9s %9s\n' "$path" "${out% *}" "${out#* }" "$(rss_mb "$app")"
  done
fi
warm_rss=$(rss_mb "$app")
echo "after the first requests: RSS $warm_rss MB, peak RSS $(peak_rss_mb "$app") MB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%7s %9s %9s %12s %10s %8s %9s %8s %12s\n' minute rss_mb peak_mb gc_heap_mb gc_committed code_mb jit_methods ef_queries requests
end=$(( $(date +%s) + minutes * 60 )); next=$(( $(date +%s) + 60 )); minute=0; served=0; i=0; signins=0
while [ "$(date +%s)" -lt "$end" ]; do
  path=${paths[$(( i % ${#paths[@]} ))]}; i=$((i + 1))
  # wrk does not keep the cookie a response renews, so the session ends after its idle timeout (Sessions:IdleTimeout,
  # 30 minutes) and every page after it would be a redirect to the sign-in page: sign in again when it has ended.
  if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/Dashboard")" != 200 ]; then
    sign_in_as_officer; signins=$((signins + 1))
  fi
  n=$(wrk -t2 -c"$conns" -d10s --timeout 30s -s bench/wrk-report.lua -H "Cookie: $cookie" "$base$path" | sed -n 's/^RESULT //p' | awk '{print $5}')
  served=$((served + ${n:-0}))
  if [ "$(date +%s)" -ge "$next" ]; then
    minute=$((minute + 1)); next=$((next + 60))
    printf '%7s %9s %9s %12s %10s %8s %9s %8s %12s\n' "$minute" "$(rss_mb "$app")" "$(peak_rss_mb "$app")" "$(gc_mb heap)" "$(gc_mb committed)" \
      "$(code_mb "$app")" "$(compiled jit)" "$(compiled ef)" "$served"
  fi
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "RSS MB: start $start_rss, after the first requests $warm_rss, end $(rss_mb "$app"), peak $(peak_rss_mb "$app")" \
  "(largest sampled $(awk '$2 > m {m = $2} END {print m}' "$samples/rss")); GC heap MB: end $(gc_mb heap), largest $(gc_max_mb heap);" \
  "GC committed MB: end $(gc_mb committed), largest $(gc_max_mb committed); $served requests in $minutes minutes; signed in again $signins times"
echo "kept answers computed: $(kept_answers computed)"
echo "kept answers evicted: $(kept_answers evicted)"
echo "kept answers refused: $(kept_answers refused)"
