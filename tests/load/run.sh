#!/usr/bin/env bash
# Scripted load against a real instance: the app on a fresh SQLite file with the demo data, a real
# sign-in, a real access token, and `hey` (apt-get install hey) on loopback. Bounded: each run lasts
# DURATION seconds with CONCURRENCY clients, then the app is stopped.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-5190}
DURATION=${DURATION:-10}
CONCURRENCY=${CONCURRENCY:-16}
BASE="http://127.0.0.1:$PORT"
work=$(mktemp -d)
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$work"' EXIT
command -v hey >/dev/null || { echo "hey is needed: apt-get install hey" >&2; exit 1; }

dotnet build src/ContractOutcomes.Web -c Release -v q -nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning Database__Path="$work/load.db" \
  dotnet src/ContractOutcomes.Web/bin/Release/net10.0/ContractOutcomes.Web.dll --urls "$BASE" --contentRoot "$PWD/src/ContractOutcomes.Web" >"$work/app.log" 2>&1 &
app=$!
started=$(date +%s.%N)
for _ in $(seq 1 240); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 0.25; done
echo "ready after $(echo "$(date +%s.%N) - $started" | bc) s (includes migrating and loading the demo data)"

jar="$work/cookies"
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
csrf=$(curl -fs -c "$jar" -b "$jar" "$BASE/Account/SignIn" | token_of)
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=priya.shah@example.org" \
  --data-urlencode "Input.Password=demo-commissioner-2026" --data-urlencode "__RequestVerificationToken=$csrf" "$BASE/Account/SignIn"
cookie=$(awk '$6 == "ContractOutcomes.Auth" {print $6 "=" $7}' "$jar")
csrf=$(curl -fs -c "$jar" -b "$jar" "$BASE/Account/Tokens" | token_of)
pat=$(curl -fs -c "$jar" -b "$jar" --data-urlencode "Input.Name=load" --data-urlencode "Input.ExpiresInDays=30" \
  --data-urlencode "__RequestVerificationToken=$csrf" "$BASE/Account/Tokens" | grep -o 'co_pat_[A-Za-z0-9_-]*' | head -1)
contract=$(curl -fs -H "Authorization: Bearer $pat" "$BASE/api/v1/contracts?search=WCC-CSC-2024-001" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)

run() {
  local name=$1; shift
  local out; out=$(hey -z "${DURATION}s" -c "$CONCURRENCY" "$@")
  printf '%-44s %8s req/s   p50 %6s s   p95 %6s s   p99 %6s s   %s\n' "$name" \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$out" | awk '/ 50% in/ {print $3}')" "$(echo "$out" | awk '/ 95% in/ {print $3}')" "$(echo "$out" | awk '/ 99% in/ {print $3}')" \
    "$(echo "$out" | grep -E '^\s+\[[0-9]+\]' | tr -s ' ' | tr '\n' ' ')"
}
run "GET /health" "$BASE/health"
run "GET /api/v1/contracts (token)" -H "Authorization: Bearer $pat" "$BASE/api/v1/contracts"
run "GET /api/v1/contracts/{id} (token)" -H "Authorization: Bearer $pat" "$BASE/api/v1/contracts/$contract"
run "GET /Contracts page (cookie)" -H "Cookie: $cookie" "$BASE/Contracts"
run "GET /Contracts/{id} page (cookie)" -H "Cookie: $cookie" "$BASE/Contracts/$contract"
# Returns: the reporting calendar, one accepted return (7 indicators with ratings, history), the review queue.
run "GET /api/v1/contracts/{id}/returns (token)" -H "Authorization: Bearer $pat" "$BASE/api/v1/contracts/$contract/returns"
run "GET /api/v1/.../returns/2025-26-Q4 (token)" -H "Authorization: Bearer $pat" "$BASE/api/v1/contracts/$contract/returns/2025-26-Q4"
run "GET /Contracts/{id}/Returns/2025-26-Q4 (cookie)" -H "Cookie: $cookie" "$BASE/Contracts/$contract/Returns/2025-26-Q4"
run "GET /Returns/Review page (cookie)" -H "Cookie: $cookie" "$BASE/Returns/Review"
