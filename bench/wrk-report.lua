-- Prints one line wrk's own summary lacks: p50 p95 p99 in ms and requests per second (bench/load.sh reads it).
-- With WRK_TERMS (a file of search terms, one a line), "TERM" in the path is another term at each request, from the
-- WRK_TERMS_START-th on (bench/load.sh carries it over from run to run): the threads take alternate terms, so no term is
-- asked twice while the list lasts.
local terms = {}
local file = os.getenv("WRK_TERMS")
if file and file ~= "" then
  -- Each byte but the unreserved ones percent-encoded, as a browser sends a typed term ("métal", "a & b").
  for line in io.lines(file) do terms[#terms + 1] = (line:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end)) end
end
local next_term = tonumber(os.getenv("WRK_TERMS_START") or "0") or 0

local threads = 0
setup = function(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

init = function(args)
  next_term = next_term + (offset or 0)
end

if #terms > 0 then
  request = function()
    local term = terms[(next_term % #terms) + 1]
    next_term = next_term + 2
    local from, to = wrk.path:find("TERM", 1, true)
    return wrk.format(nil, wrk.path:sub(1, from - 1) .. term .. wrk.path:sub(to + 1))
  end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.status + summary.errors.timeout + summary.errors.connect + summary.errors.read + summary.errors.write
  io.write(string.format("RESULT %.2f %.2f %.2f %.1f %d %d\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / seconds, summary.requests, errors))
end
