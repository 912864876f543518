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
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  for _, thread in ipairs(threads) do
    errors = errors + thread:get("not200")
  end
  io.write(string.format("RESULT %.0f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
