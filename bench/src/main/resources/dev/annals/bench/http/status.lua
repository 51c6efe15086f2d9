-- Counts every response whose status is not the expected one (wrk only counts non-2xx/3xx),
-- and prints the run's figures in one line the harness parses.
-- Arguments (after --): expected status, run id (8 hex digits), then the append mode's tenant.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  expected = tonumber(args[1])
  run = args[2]
  unexpected = 0
  first_unexpected = ""
end

function response(status, headers, body)
  if status ~= expected then
    unexpected = unexpected + 1
    if first_unexpected == "" then
      first_unexpected = status .. " " .. string.sub(body or "", 1, 200)
    end
  end
end

function done(summary, latency, requests)
  local bad, first = 0, ""
  for _, t in ipairs(threads) do
    bad = bad + t:get("unexpected")
    if first == "" then first = t:get("first_unexpected") end
  end
  local e = summary.errors
  io.write(string.format(
    "annals-wrk requests=%d duration_us=%d p50_us=%d p99_us=%d unexpected=%d socket_errors=%d first=%s\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), bad,
    e.connect + e.read + e.write + e.timeout, string.gsub(first, "%s", " ")))
end
