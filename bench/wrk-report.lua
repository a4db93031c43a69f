-- Prints one line wrk's own summary lacks: p50 p95 p99 in ms and requests per second (bench/load.sh reads it).
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.status + summary.errors.timeout + summary.errors.connect + summary.errors.read + summary.errors.write
  io.write(string.format("RESULT %.2f %.2f %.2f %.1f %d %d\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / seconds, summary.requests, errors))
end
