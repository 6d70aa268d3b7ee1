-- wrk: Keycloak's refresh grant with the refresh tokens in TOKENS_FILE (one per line), taken in turn.
local tokens = {}
for line in io.lines(os.getenv("TOKENS_FILE")) do tokens[#tokens + 1] = line end
local n = 0
request = function()
  n = n + 1
  local body = "grant_type=refresh_token&client_id=bench&refresh_token=" .. tokens[(n % #tokens) + 1]
  return wrk.format("POST", "/realms/bench/protocol/openid-connect/token",
    { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
