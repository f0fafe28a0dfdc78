-- wrk script for bench/load.sh: 50 connections scrub the time slider over random windows and viewports of the
-- Idlib demo (events for a week or a month ending at the date, control areas and posts at the date), and about
-- one request in WRITE_EVERY adds an event (HTTP Basic as an analyst; reads are anonymous). Counts answers by status per thread.
local B64 = os.getenv("LOAD_AUTH") or ""
local WRITE_EVERY = tonumber(os.getenv("WRITE_EVERY") or "200")
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + id * 7919)
  statuses = {}
  n = 0
end

local START = os.time({year = 2018, month = 4, day = 1, hour = 12})
local DAYS = 820

local function day(offset)
  return os.date("!%Y-%m-%d", START + offset * 86400)
end

local function bbox()
  local w = 0.15 + math.random() * 0.9
  local h = 0.1 + math.random() * 0.6
  local lon = 36.0 + math.random() * 1.2
  local lat = 35.2 + math.random() * 1.0
  return string.format("%.4f,%.4f,%.4f,%.4f", lon, lat, lon + w, lat + h)
end

function request()
  n = n + 1
  local d = math.random(0, DAYS)
  if WRITE_EVERY > 0 and n % WRITE_EVERY == 0 then
    local body = string.format('{"type":"Feature","geometry":{"type":"Point","coordinates":[%.5f,%.5f]},'
      .. '"properties":{"validFrom":"%s","title":"load test write","loadtest":"%d-%d"}}',
      36.3 + math.random() * 0.8, 35.3 + math.random() * 0.8, day(d), id, n)
    return wrk.format("POST", "/api/layers/events/features?reason=load%20test",
      {["Content-Type"] = "application/geo+json", ["Authorization"] = "Basic " .. B64}, body)
  end
  local r = math.random()
  local path
  if r < 0.5 then
    local win = math.random() < 0.7 and 7 or 30
    path = string.format("/api/layers/events/features?from=%s&to=%s&bbox=%s", day(d - win), day(d), bbox())
  elseif r < 0.8 then
    path = string.format("/api/layers/control/features?at=%s&bbox=%s", day(d), bbox())
  else
    path = string.format("/api/layers/posts/features?at=%s", day(d))
  end
  return wrk.format("GET", path) -- reads are anonymous (the map page's session costs no password check either)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for k, v in pairs(s) do total[k] = (total[k] or 0) + v end
  end
  io.write("STATUS")
  for k, v in pairs(total) do io.write(string.format(" %d=%d", k, v)) end
  io.write("\n")
  io.write(string.format("LATENCY_MS p50=%.1f p95=%.1f p99=%.1f max=%.1f\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("REQUESTS %d in %.1f s; socket errors connect=%d read=%d write=%d timeout=%d; non-2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, summary.errors.status))
end
