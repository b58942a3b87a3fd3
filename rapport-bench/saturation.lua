-- wrk script of rapport-bench/saturation.sh: drives one route in a closed loop, each request from a
-- random viewer (a member holding a token) about a random member (about themselves for the follower
-- and following lists, which others may not read by default), and counts what would make the
-- figure invalid. Arguments after wrk's "--": DATA ROUTE PHASE THREADS, where DATA is the Lua file
-- SaturationData wrote, PHASE is 0 for the warm-up and 1 for the measurement, THREADS is wrk's -t.
--
-- Write routes must change something with every request, or they measure a no-op:
-- - follow: a follow of a pair that is neither connected nor following, then, alternately, an
--   unfollow of a pair followed at least two seconds earlier (wrk does not say which request an
--   answer belongs to, so the wait stands in for the answer; a follow still unanswered would make
--   the unfollow answer "changed":false, which is counted).
-- - invite: an invitation to a member holding no token (so no one invites back, which would
--   connect the pair), then, alternately, the withdrawal of one whose answer came back.
-- A pair is used once per run, and every (route, phase, thread) draws its viewers from a slice of
-- its own: a withdrawn invitation bars the pair for 21 days, and a follow left over from the
-- warm-up would turn a later follow into a no-op.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

-- Globals, so that done() can read them from each thread.
non2xx, noops, empty, sample = 0, 0, 0, nil

local route, handles, tokens, auth, json, next_request
local LIST = "?limit=20"

local function random_handle()
  return handles[math.random(#handles)]
end

local function reads(path_of)
  return function()
    return wrk.format("GET", path_of(), auth[math.random(#auth)])
  end
end

local function degrees_bodies(count, size)
  local bodies = {}
  for b = 1, count do
    local names = {}
    for i = 1, size do
      names[i] = '"' .. random_handle() .. '"'
    end
    bodies[b] = '{"handles":[' .. table.concat(names, ",") .. "]}"
  end
  return bodies
end

-- This thread's writers (token indices) and a source of fresh (writer, target) pairs.
local function pairs_source(data, slice, slices)
  local holder, writers, targets, connected, used = {}, {}, {}, {}, {}
  for k, h in ipairs(data.holders) do
    holder[h] = k
    if (k - 1) % slices == slice then
      table.insert(writers, k)
      local set = {}
      for index in data.connected[k]:gmatch("%d+") do
        set[tonumber(index)] = true
      end
      connected[k] = set
    end
  end
  for index = 1, #handles do
    if not holder[index] then
      table.insert(targets, index)
    end
  end
  local function fresh()
    while true do
      local v, t = writers[math.random(#writers)], targets[math.random(#targets)]
      local key = v * 1048576 + t
      if not connected[v][t] and not used[key] then
        used[key] = true
        return v, t
      end
    end
  end
  return fresh, holder
end

local function follows(fresh)
  local queue, head, tail, n = {}, 1, 0, 0
  return function()
    n = n + 1
    local oldest = queue[head]
    -- os.time() counts whole seconds: a difference of 3 is at least two seconds.
    if n % 2 == 0 and oldest and os.time() - oldest[3] >= 3 then
      queue[head] = nil
      head = head + 1
      return wrk.format("DELETE", "/v1/me/following/" .. handles[oldest[2]], auth[oldest[1]])
    end
    local v, t = fresh()
    -- wrk builds the first thread's first request once to check the script and never sends it: an
    -- unfollow of that pair would change nothing, so no thread's first follow is undone.
    if n > 1 then
      tail = tail + 1
      queue[tail] = { v, t, os.time() }
    end
    return wrk.format("PUT", "/v1/me/following/" .. handles[t], auth[v])
  end
end

-- Invitations answered as sent, waiting for their withdrawal: { token index, invitation id }.
local sent, sent_head, sent_tail, holder_of_handle = {}, 1, 0, {}

local function invitations(fresh)
  local n = 0
  return function()
    n = n + 1
    local oldest = sent[sent_head]
    if n % 2 == 0 and oldest then
      sent[sent_head] = nil
      sent_head = sent_head + 1
      return wrk.format("POST", "/v1/invitations/" .. oldest[2] .. "/withdraw", auth[oldest[1]])
    end
    local v, t = fresh()
    return wrk.format("POST", "/v1/invitations", json[v], '{"to":"' .. handles[t] .. '"}')
  end
end

function init(args)
  local data = dofile(args[1])
  route = args[2]
  local phase, nthreads = tonumber(args[3]), tonumber(args[4])
  math.randomseed(os.time() * 1000 + id * 10 + phase)
  handles, tokens, auth, json = data.handles, data.tokens, {}, {}
  for k, token in ipairs(tokens) do
    auth[k] = { ["Authorization"] = "Bearer " .. token }
    json[k] = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
  end
  local member = function(suffix)
    return reads(function() return "/v1/members/" .. random_handle() .. suffix end)
  end
  -- Follower and following lists are their member's own by default (P5): each viewer reads theirs.
  local own = function(suffix)
    return function()
      local k = math.random(#auth)
      return wrk.format("GET", "/v1/members/" .. handles[data.holders[k]] .. suffix, auth[k])
    end
  end
  local constant = function(path)
    return reads(function() return path end)
  end
  local write_routes = { follow = 0, invite = 1 }
  if write_routes[route] then
    local slice = (write_routes[route] * 2 + phase) * nthreads + id
    local fresh, holder = pairs_source(data, slice, 4 * nthreads)
    for index, k in pairs(holder) do
      holder_of_handle[handles[index]] = k
    end
    next_request = route == "follow" and follows(fresh) or invitations(fresh)
  elseif route == "degrees" or route == "degrees20" then
    -- 20: the degree badges of a page of search results; 1,000: the most one batch may name.
    local bodies = degrees_bodies(32, route == "degrees" and 1000 or 20)
    next_request = function()
      return wrk.format("POST", "/v1/me/degrees", json[math.random(#json)], bodies[math.random(#bodies)])
    end
  elseif route == "health" then
    next_request = function() return wrk.format("GET", "/health") end
  else
    next_request = ({
      limits = constant("/v1/me/limits"),
      profile = member(""),
      connections = member("/connections" .. LIST),
      followers = own("/followers" .. LIST),
      following = own("/following" .. LIST),
      mutual = member("/mutual-connections" .. LIST),
      network = constant("/v1/me/network"),
      suggestions = constant("/v1/me/suggestions" .. LIST),
    })[route]
    assert(next_request, "no route " .. tostring(route))
  end
end

function request()
  return next_request()
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    sample = sample or (status .. " " .. body:sub(1, 300))
    return
  end
  if route == "follow" then
    if body:find('"changed":false', 1, true) then
      noops = noops + 1
      sample = sample or (status .. " " .. body:sub(1, 300))
    end
  elseif route == "invite" then
    if status == 201 then
      local invitation, from = body:match('"id":"(%d+)"'), body:match('"from":"([^"]+)"')
      sent_tail = sent_tail + 1
      sent[sent_tail] = { holder_of_handle[from], invitation }
    elseif not body:find('"state":"withdrawn"', 1, true) then
      noops = noops + 1 -- an invitation that connected at once, or a withdrawal that did not withdraw
      sample = sample or (status .. " " .. body:sub(1, 300))
    end
  elseif body:find('"items":[]', 1, true) then
    empty = empty + 1
  end
end

function done(summary, latency, requests)
  local bad, noop, none = 0, 0, 0
  local first = nil
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
    noop = noop + thread:get("noops")
    none = none + thread:get("empty")
    first = first or thread:get("sample")
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.1f p50=%.3f p90=%.3f p99=%.3f max=%.3f non2xx=%d noop=%d empty=%d socket=%d\n",
    summary.requests, summary.requests / summary.duration * 1e6, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, bad, noop, none,
    e.connect + e.read + e.write + e.timeout))
  if first then
    io.write("SAMPLE " .. first .. "\n")
  end
end
