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
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
totp() { # RFC 6238 (SHA-1, 30 s, 6 digits) of a base32 secret
  python3 -c 'import base64,hmac,struct,sys,time
k=base64.b32decode(sys.argv[1]+"="*(-len(sys.argv[1])%8)); h=hmac.digest(k,struct.pack(">Q",int(time.time())//30),"sha1")
o=h[-1]&15; print("%06d"%((struct.unpack(">I",h[o:o+4])[0]&0x7fffffff)%1000000))' "$1"; }
PASSWORD='schemathesis-pass-1'
# An admin with two-factor sign-in on, so that the moderation and admin operations run their
# real code rather than stopping at 403; and a group, a thread and a reply to find.
printf '%s\n' "$PASSWORD" | DATABASE_URL="sqlite://$WORK/kindred.db" "$BIN" user create --username fuzzadmin --role admin --password-stdin >/dev/null
TOKEN="$(api POST /auth/login "{\"username\":\"fuzzadmin\",\"password\":\"$PASSWORD\"}" | json '["access_token"]')"
SECRET="$(api POST /me/2fa '' "$TOKEN" | json '["secret"]')"
api POST /me/2fa/confirm "{\"totp\":\"$(totp "$SECRET")\"}" "$TOKEN" >/dev/null
api POST /groups '{"slug":"lupus","name":"Lupus","description":"SLE","visibility":"public"}' "$TOKEN" >/dev/null
api POST /groups/lupus/membership '' "$TOKEN" >/dev/null
THREAD="$(api POST /groups/lupus/threads '{"title":"Fatigue","body":"Tired **all** the time"}' "$TOKEN" | json '["thread"]["id"]')"
api POST "/threads/$THREAD/posts" '{"body":"Same here"}' "$TOKEN" >/dev/null
api POST /auth/register "{\"username\":\"member1\",\"password\":\"$PASSWORD\"}" >/dev/null

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
