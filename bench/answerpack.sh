#!/usr/bin/env bash
# The answer pack's computed time (issue 18: "Answer pack page <= 200 ms, its PDF and workbook <= 2 s"): bench/answerpack.sh [runs]
#   Starts the Release product on the generated PostgreSQL data set (bench/generate.sh postgres FACTOR), signs in as the
#   demo programme officer and times, with curl: the first answer pack after the start, then [runs] (default 5) pages,
#   PDFs and workbooks that are each computed (not kept): each asks another day before today (?On=), so its kept answer
#   (decision 0020) is not there yet, without changing the data. Prints each time and the medians, and the kept page.
# Environment: BENCH_PG, BENCH_DB as for generate.sh; BENCH_PORT (default 5193); BENCH_NOBUILD=1 to skip the build;
#   BENCH_APP, the product's dll (another build's copy to measure before and after on the same data set).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
pg=${BENCH_PG:-"Host=127.0.0.1;Port=5433;Username=postgres"}
name=${BENCH_DB:-clusterpact_bench}
port=${BENCH_PORT:-5193}
source bench/lib.sh
start_product_on_bench_db
trap 'kill $app 2>/dev/null || true' EXIT
sign_in_as_officer

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# ms to answer a path; fails on anything but 200.
timed() {
  local out
  out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Cookie: $cookie" "$base$1")
  [ "${out% *}" = 200 ] || { echo "$1 answered ${out% *}" >&2; exit 1; }
  awk -v t="${out#* }" 'BEGIN {printf "%.0f\n", t * 1000}'
}
day() { date -u -d "-$1 days" +%F; }

printf '%-28s %8s   %s\n' what median_ms "each (ms)"
printf '%-28s %8s\n' "first page after start" "$(timed /AnswerPack)"
back=0 # days before today asked so far: each request asks a day of its own
for what in page pdf workbook; do
  handler=$(case $what in pdf) echo '&handler=Pdf' ;; workbook) echo '&handler=Xlsx' ;; esac)
  times=$(for i in $(seq 1 "$runs"); do timed "/AnswerPack?On=$(day $((back + i)))$handler"; done)
  back=$((back + runs))
  printf '%-28s %8s   %s\n' "computed $what" "$(median <<<"$times")" "$(tr '\n' ' ' <<<"$times")"
done
kept=$(for _ in $(seq 1 "$runs"); do timed /AnswerPack; done)
printf '%-28s %8s   %s\n' "kept page" "$(median <<<"$kept")" "$(tr '\n' ' ' <<<"$kept")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
