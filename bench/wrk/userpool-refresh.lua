-- wrk: POST /api/refresh with the refresh tokens in TOKENS_FILE (one per line), taken in turn.
local tokens = {}
for line in io.lines(os.getenv("TOKENS_FILE")) do tokens[#tokens + 1] = line end
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"refreshToken":"%s"}', tokens[(n % #tokens) + 1])
  return wrk.format("POST", "/api/refresh", { ["Content-Type"] = "application/json" }, body)
end
