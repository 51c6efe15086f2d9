
-- Append mode: every request appends one event to a stream of its own, with an event id of its
-- own, both made of the run id, the thread and a counter (unique without randomness).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local counter = 0

function request()
  counter = counter + 1
  local body = string.format(
    '{"expectedVersion":"no_stream","events":[{"eventId":"%s-%04x-4000-8000-%012x","type":"%s","data":%s}]}',
    run, id, counter, EVENT_TYPE, DATA)
  return wrk.format(nil, string.format(PATH, run, id, counter), nil, body)
end
