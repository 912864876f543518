-- wrk script for bench/load.sh: every request takes the next line of $LOAD_REQUESTS ("cookie<TAB>path"), so the
-- connections' requests are spread over all the signed-in users and their pages. Counts every answer that is not 200
-- (a redirect to the sign-in page would mean a user was signed out) and prints one line for the script to read.
local requests = {}
local threads = {}
local counter = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("LOAD_REQUESTS")) do
    local cookie, path = line:match("^(.-)\t(.*)$")
    table.insert(requests, { cookie = cookie, path = path })
  end
  counter = math.random(#requests)
  not200 = 0
end

function request()
  counter = counter % #requests + 1
  local r = requests[counter]
  return wrk.format("GET", r.path, { ["Cookie"] = r.cookie })
end

function response(status, headers, body)
  if status ~= 200 then
    not200 = not200 + 1
  end
end

function done(summary, latency, requests)
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write
  local not200 = 0
  for _, thread in ipairs(threads) do
    not200 = not200 + thread:get("not200")
  end
  -- requests/s, p50 ms, p99 ms, errors in all, then the errors by kind: timeouts (over 2 s), socket errors, not 200
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.timeout + socket + not200,
    summary.errors.timeout, socket, not200))
end
