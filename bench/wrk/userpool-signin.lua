-- wrk: POST /api/signin for USERS accounts taken in turn (PREFIX-1@example.com … PREFIX-N@example.com),
-- so no account ever has more password checks in flight than its lockout admits.
local users = tonumber(os.getenv("USERS") or "8")
local prefix = os.getenv("PREFIX") or "load"
local password = os.getenv("PASSWORD")
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"email":"%s-%d@example.com","password":"%s"}', prefix, (n % users) + 1, password)
  return wrk.format("POST", "/api/signin", { ["Content-Type"] = "application/json" }, body)
end
