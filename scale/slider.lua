-- wrk: scrub the slider over random windows (day/week/month/all) and views at zoom 8–12, as the map asks
-- /api/layers/events/density. Auth comes from the AUTH environment variable (Basic), read in run.sh.
local auth = os.getenv("AUTH")
local windows = { 1, 7, 30, 900 }
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + math.random(1000))
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

local function day(n)
  return os.date("!%Y-%m-%d", os.time({ year = 2018, month = 6, day = 1, hour = 0 }) + n * 86400)
end

request = function()
  local d = math.random(30, 720)
  local w = windows[math.random(#windows)]
  local z = math.random(8, 12)
  local span = 1280 / (256 * 2 ^ z) * 360
  local step = 360 / 2 ^ z / 4 * 8
  local lon = 35.9 + math.random() * 1.9
  local lat = 35.0 + math.random() * 1.6
  local function snap(v, o, up)
    local k = (v - o) / step
    return (up and math.ceil(k) or math.floor(k)) * step + o
  end
  local bbox = string.format("%.7f,%.7f,%.7f,%.7f", snap(lon - span, -180, false), snap(lat - span * 0.5, -90, false),
    snap(lon + span, -180, true), snap(lat + span * 0.5, -90, true))
  local from = day(math.max(0, d - w + 1))
  local path = "/api/layers/events/density?from=" .. from .. "&to=" .. day(d) .. "&zoom=" .. z .. "&bbox=" .. bbox
  return wrk.format("GET", path, { ["Authorization"] = auth, ["Accept-Encoding"] = "gzip" })
end

done = function(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for code, n in pairs(t:get("statuses")) do total[code] = (total[code] or 0) + n end
  end
  local parts = {}
  for code, n in pairs(total) do table.insert(parts, code .. ":" .. n) end
  table.sort(parts)
  io.write("STATUSES " .. table.concat(parts, " ") .. "\n")
  io.write(string.format("RESULT requests=%d errors_connect=%d errors_read=%d errors_write=%d errors_status=%d " ..
    "errors_timeout=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f rps=%.1f\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests / (summary.duration / 1e6)))
end
