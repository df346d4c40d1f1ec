#!/usr/bin/env bash
# Runs schemathesis (PyPI) against a running Kindred: the debug binary on a fresh SQLite database,
# a registered member's bearer token, the served OpenAPI document. Fails on any 5xx and on any
# answer that breaks the document's schemas. Bounded: a few examples per operation and a time
# limit. Usage: tests/hostile/schemathesis.sh [--max-examples N]   (KINDRED_BIN to pick a binary)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="${KINDRED_BIN:-$PWD/target/debug/kindred}"
MAX_EXAMPLES="${MAX_EXAMPLES:-8}"
TIME_LIMIT="${TIME_LIMIT:-150}"
[ "${1:-}" = "--max-examples" ] && MAX_EXAMPLES="$2"

command -v schemathesis >/dev/null || python3 -m pip install -q schemathesis
[ -x "$BIN" ] || cargo build -q

WORK="$(mktemp -d)"
LOG="$WORK/server.log"
cleanup() {
  [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# No posting limit (schemathesis posts a lot); a 1-hour token so the run never outlives it.
DATABASE_URL="sqlite://$WORK/kindred.db" KINDRED_BIND=127.0.0.1:0 KINDRED_POSTS_PER_MINUTE=0 \
  KINDRED_ACCESS_TOKEN_MINUTES=60 KINDRED_LOG=warn "$BIN" serve >"$LOG" 2>&1 &
SERVER=$!
for _ in $(seq 100); do
  grep -q 'kindred listening on' "$LOG" && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 0.1
done
BASE="$(grep -o 'http://[0-9.:]*' "$LOG" | head -n 1)"
echo "server at $BASE"

api() { curl -sS -X "$1" "$BASE/api/v1$2" -H 'Content-Type: application/json' ${3:+-d "$3"} ${4:+-H "Authorization: Bearer $4"}; }
PASSWORD='schemathesis-pass-1'
api POST /auth/register "{\"username\":\"fuzzer\",\"password\":\"$PASSWORD\"}" >/dev/null
TOKEN="$(api POST /auth/login "{\"username\":\"fuzzer\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
# Something to find: an admin-made group is not possible without 2FA here, so the member works
# with what the API lets a member do; ids in paths are mostly unknown (404), which is the point.

set +e
timeout --kill-after=10 "$TIME_LIMIT" schemathesis run "$BASE/api/v1/openapi.json" \
  --url "$BASE" \
  -H "Authorization: Bearer $TOKEN" \
  --checks not_a_server_error,response_schema_conformance \
  --max-examples "$MAX_EXAMPLES" \
  --phases examples,coverage,fuzzing \
  --seed 1 \
  --no-color \
  --request-timeout 10 \
  --suppress-health-check all \
  --warnings off
STATUS=$?
set -e
if grep -qiE 'panicked|request failed' "$LOG"; then
  echo "the server logged failures:"; grep -iE 'panicked|request failed' "$LOG" | head -20
  STATUS=1
fi
[ $STATUS -eq 124 ] && echo "schemathesis did not finish within ${TIME_LIMIT}s"
exit $STATUS
