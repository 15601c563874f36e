-- wrk script: single POST /observations, a new uuid and point per request (the token comes from BENCH_TOKEN).
-- Each wrk thread has its own Lua state: the uuid is made of the run's start, the thread's number and a counter,
-- so no two requests of a run share one (a replayed uuid would be a 200, not a 201).
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local counter = 0
local started = os.time()
local observedAt = os.date("!%Y-%m-%dT%H:%M:%SZ", started - 300)

function init(args)
  math.randomseed(started * 100 + id)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
end

function request()
  counter = counter + 1
  local uuid = string.format("%08x-%04x-4%03x-8%03x-%012x", started % 4294967296, id, math.random(0, 4095),
    math.random(0, 4095), counter)
  local body = string.format('{"uuid":"%s","scientificName":"Ardea cinerea","count":%d,"observedAt":"%s",'
    .. '"location":{"lat":%.5f,"lon":%.5f,"accuracyM":8},"countyCode":"410811","method":"SIGHTING","notes":"bench"}',
    uuid, math.random(1, 5), observedAt, 35 + math.random() * 0.3, 113 + math.random() * 0.3)
  return wrk.format(nil, nil, nil, body)
end
