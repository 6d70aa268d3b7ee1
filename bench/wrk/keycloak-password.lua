-- wrk: Keycloak's password grant (ID, access and refresh token) for USERS accounts taken in turn.
local users = tonumber(os.getenv("USERS") or "8")
local prefix = os.getenv("PREFIX") or "load"
local password = os.getenv("PASSWORD")
local n = 0
request = function()
  n = n + 1
  local body = string.format("grant_type=password&client_id=bench&scope=openid&username=%s-%d&password=%s",
    prefix, (n % users) + 1, password)
  return wrk.format("POST", "/realms/bench/protocol/openid-connect/token",
    { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
