-- Scenario (a) for wrk (bench/run.sh, NEW_DRIVER=wrk): the load generator's "new" requests — a fresh
-- Idempotency-Key and a fresh telegramUserId per request, the seed's example purchase — from a C client that
-- costs ~0.04 ms of CPU per request, so the two shared cores go to the service and Postgres, as pgbench's
-- client leaves them to Postgres. Arguments: API key, channel id, a run-unique numeric base.
-- At the end one line "WRKJSON {...}" carries the counts and the latency percentiles (µs) for LoadGen.
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  api_key = args[1]
  channel = args[2]
  base = tonumber(args[3]) + tid * 100000000
  n = 0
  s200, s201, s4xx, s5xx = 0, 0, 0, 0
end

function request()
  n = n + 1
  local user = string.format("%d", base + n)
  local body = '{"telegramUserId":' .. user .. ',"channelId":"' .. channel
      .. '","eventType":"Purchase","value":49.0,"currency":"USD"}'
  return wrk.format("POST", "/api/v1/events/conversion", {
    ["Authorization"] = "Bearer " .. api_key,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "bench-wrk-" .. user,
  }, body)
end

function response(status, headers, body)
  if status == 201 then
    s201 = s201 + 1
  elseif status == 200 then
    s200 = s200 + 1
  elseif status >= 500 then
    s5xx = s5xx + 1
  else
    s4xx = s4xx + 1
  end
end

function done(summary, latency, requests)
  local c = {s200 = 0, s201 = 0, s4xx = 0, s5xx = 0}
  for _, t in ipairs(threads) do
    for k, _ in pairs(c) do
      c[k] = c[k] + t:get(k)
    end
  end
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests":%d,"durationUs":%d,"s200":%d,"s201":%d,"s4xx":%d,"s5xx":%d,'
      .. '"errConnect":%d,"errRead":%d,"errWrite":%d,"errTimeout":%d,'
      .. '"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d,"mean":%.1f}\n',
      summary.requests, summary.duration, c.s200, c.s201, c.s4xx, c.s5xx, e.connect, e.read, e.write, e.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
      latency.max, latency.mean))
end
