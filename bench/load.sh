#!/usr/bin/env bash
# Load test of the release server on loopback with wrk, on SQLite and then on PostgreSQL.
#
#   bench/load.sh                      # both backends, 10,000 posts, 10 s per endpoint
#   SCALE=1000000 BACKENDS=sqlite DURATION=5 ONLY="health thread50 list" bench/load.sh
#
# Each backend: a fresh database built by `kindred demo --scale $SCALE`, the server started with the
# posting and bulk-read limits off (KINDRED_POSTS_PER_MINUTE=0 and KINDRED_READS_PER_MINUTE=0, so
# post creation and signed-in reading measure the server and not the limits), then every endpoint in turn at $CONNECTIONS connections, each beside the trivial
# endpoint (/healthz) measured in the same run. Prints one Markdown table row per endpoint:
# requests/s, p50, p99, and the ratio to /healthz; and resident memory idle and under load.
#
# Settings (environment): SCALE, BACKENDS ("sqlite postgres"), DURATION (s), CONNECTIONS (64),
# THREADS (wrk threads, 2), ONLY (a subset of: health thread50 thread50member thread50json
# thread50jsonmember thread500 thread500member thread500json thread5000member list listmember listjson
# list1000 list1000member list1000json login post; thread5000member and list1000* need SCALE >= 10000:
# the group of 1,000 threads, 50 a page), STATS=0 (build without planner statistics: no ANALYZE),
# PG (server URL without a database), PGSSLMODE (libpq's; `disable` unless set: a server beside
# its database, as in docker-compose.yml, talks plain TCP, and TLS on loopback would measure the
# encryption; set PGSSLMODE=prefer for the runs before 2026-12-05's fourth session), KINDRED_BIN,
# KEEP=1 (reuse the database built before for the same backend and scale).
set -euo pipefail

SCALE=${SCALE:-10000}
BACKENDS=${BACKENDS:-"sqlite postgres"}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
ONLY=${ONLY:-"health thread50 thread50member thread50json thread50jsonmember thread500 thread500member thread500json thread5000member list listmember listjson list1000 list1000member list1000json login post"}
STATS=${STATS:-1}
if [ "$STATS" = 0 ]; then NOSTATS=--no-statistics; TAG=-nostats; else NOSTATS=; TAG=; fi
PG=${PG:-postgres://postgres@127.0.0.1:5432}
export PGSSLMODE=${PGSSLMODE:-disable}
WORK=${WORK:-/tmp/kindred-bench}
SECRET=bench-secret-0123456789abcdef0123456789abcdef
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")

if ! command -v wrk >/dev/null; then
  echo "installing wrk" >&2
  apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
if [ -z "${KINDRED_BIN:-}" ]; then
  (cd "$ROOT" && cargo build --release >&2)
  KINDRED_BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/kindred
fi
mkdir -p "$WORK"

rss_mb() { ps -o rss= -p "$1" | awk '{printf "%.0f", $1/1024}'; }

# wrk output → "req/s p50 p99" (latencies in ms)
parse() {
  awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    /Socket errors/ { err = $0 }
    END { printf "%.0f %.1f %.1f %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }'
}

run_wrk() { # name url [lua]
  local name=$1 url=$2 lua=${3:-}
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency)
  [ -n "$lua" ] && args+=(-s "$lua")
  wrk "${args[@]}" "$url" > "$WORK/$name.wrk" 2>&1
  parse < "$WORK/$name.wrk"
}

for backend in $BACKENDS; do
  case $backend in
    sqlite)
      DB_FILE=$WORK/sqlite-$SCALE$TAG.db
      URL=sqlite://$DB_FILE ;;
    postgres)
      URL=$PG/kindred_bench ;;
    *) echo "unknown backend $backend" >&2; exit 2 ;;
  esac
  INFO=$WORK/$backend-$SCALE$TAG.info
  if [ "${KEEP:-0}" != 1 ] || [ ! -s "$INFO" ]; then
    if [ "$backend" = sqlite ]; then
      rm -f "$DB_FILE" "$DB_FILE"-wal "$DB_FILE"-shm
    else
      psql -q "$PG/postgres" -c "DROP DATABASE IF EXISTS kindred_bench WITH (FORCE)" -c "CREATE DATABASE kindred_bench"
    fi
    echo "building $SCALE posts on $backend" >&2
    start=$(date +%s.%N)
    DATABASE_URL=$URL KINDRED_SECRET=$SECRET KINDRED_LOG=warn "$KINDRED_BIN" demo --scale "$SCALE" $NOSTATS | tee "$INFO" >&2
    echo "build took $(echo "$(date +%s.%N) - $start" | bc) s" >&2
  fi
  T50=$(awk '/thread of 50 posts/ {print $NF; exit}' "$INFO")
  TPOST=$(awk '/thread of 50 posts/ {id=$NF} END {print id}' "$INFO")
  T500=$(awk '/thread of 500 posts/ {print $NF}' "$INFO")
  T5000=$(awk '/thread of 5000 posts/ {print $NF}' "$INFO")
  GROUP=$(awk '/benchmark group/ {print $NF}' "$INFO")
  LIST1000=$(awk '/group of 1000 threads/ {print $NF}' "$INFO")
  PASSWORD=$(awk '/signs in with the password/ {print $NF}' "$INFO")

  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  BASE=http://127.0.0.1:$PORT
  DATABASE_URL=$URL KINDRED_SECRET=$SECRET KINDRED_BIND=127.0.0.1:$PORT KINDRED_LOG=warn \
    KINDRED_POSTS_PER_MINUTE=0 KINDRED_READS_PER_MINUTE=0 "$KINDRED_BIN" serve > "$WORK/server-$backend.log" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true' EXIT
  for _ in $(seq 100); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 0.1; done
  sleep 1
  IDLE=$(rss_mb $SERVER)

  TOKEN=$(curl -sf -H 'content-type: application/json' \
    -d "{\"username\":\"member00001\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/login" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  # A member's browser session (sign-in form, CSRF cookie and token), for the signed-in pages:
  # those are never served from the anonymous cache.
  JAR=$WORK/jar-$backend
  rm -f "$JAR"
  CSRF=$(curl -sf -c "$JAR" "$BASE/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
  curl -sf -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "csrf_token=$CSRF" \
    --data-urlencode "username=member00001" --data-urlencode "password=$PASSWORD" "$BASE/login"
  SESSION=$(awk '$6 == "kindred_session" {print $7}' "$JAR")
  [ -n "$SESSION" ] || { echo "could not sign in through the form" >&2; exit 1; }
  cat > "$WORK/session.lua" <<EOF
wrk.headers["Cookie"] = "kindred_session=$SESSION"
EOF
  cat > "$WORK/bearer.lua" <<EOF
wrk.headers["Authorization"] = "Bearer $TOKEN"
EOF
  cat > "$WORK/login.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"username":"member00001","password":"$PASSWORD"}'
EOF
  cat > "$WORK/post.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.body = '{"body":"Thank you all for the kind replies, it really helps to read them."}'
EOF

  echo
  echo "### $backend, $SCALE posts, $CONNECTIONS connections, ${DURATION} s each"
  echo
  echo "| endpoint | req/s | p50 ms | p99 ms | non-2xx | ratio to /healthz |"
  echo "| --- | --- | --- | --- | --- | --- |"
  read -r CEIL P50 P99 BAD < <(run_wrk health "$BASE/healthz")
  echo "| \`GET /healthz\` (ceiling) | $CEIL | $P50 | $P99 | $BAD | 100 % |"
  PEAK=$IDLE
  row() { # name label url [lua]
    local name=$1 label=$2 url=$3 lua=${4:-}
    case " $ONLY " in *" $name "*) ;; *) return ;; esac
    ( sleep $((DURATION / 2)); rss_mb $SERVER > "$WORK/rss-$name" ) &
    local sampler=$!
    read -r RPS P50 P99 BAD < <(run_wrk "$name" "$url" "$lua")
    wait $sampler
    local rss; rss=$(cat "$WORK/rss-$name"); [ "$rss" -gt "$PEAK" ] && PEAK=$rss
    echo "| $label | $RPS | $P50 | $P99 | $BAD | $(awk -v a="$RPS" -v b="$CEIL" 'BEGIN {printf "%.1f %%", 100*a/b}') |"
  }
  row thread50 "\`GET /threads/{id}\` 50 posts, HTML, anonymous" "$BASE/threads/$T50"
  row thread50member "\`GET /threads/{id}\` 50 posts, HTML, signed in" "$BASE/threads/$T50" "$WORK/session.lua"
  row thread50json "\`GET /api/v1/threads/{id}\` 50 posts, JSON, anonymous" "$BASE/api/v1/threads/$T50"
  row thread50jsonmember "\`GET /api/v1/threads/{id}\` 50 posts, JSON, token" "$BASE/api/v1/threads/$T50" "$WORK/bearer.lua"
  row thread500 "\`GET /threads/{id}\` 500 posts, HTML, anonymous" "$BASE/threads/$T500"
  row thread500member "\`GET /threads/{id}\` 500 posts, HTML, signed in" "$BASE/threads/$T500" "$WORK/session.lua"
  row thread500json "\`GET /api/v1/threads/{id}\` 500 posts, JSON, anonymous" "$BASE/api/v1/threads/$T500"
  [ -n "$T5000" ] && row thread5000member "\`GET /threads/{id}\` 5,000 posts (first page), HTML, signed in" "$BASE/threads/$T5000" "$WORK/session.lua"
  row list "\`GET /groups/{slug}\` thread list, HTML" "$BASE/groups/$GROUP"
  row listmember "\`GET /groups/{slug}\` thread list, HTML, signed in" "$BASE/groups/$GROUP" "$WORK/session.lua"
  row listjson "\`GET /api/v1/groups/{slug}/threads\` thread list, JSON" "$BASE/api/v1/groups/$GROUP/threads"
  if [ -n "$LIST1000" ]; then
    row list1000 "\`GET /groups/{slug}?limit=50\` 1,000 threads, 50 a page, HTML" "$BASE/groups/$LIST1000?limit=50"
    row list1000member "\`GET /groups/{slug}?limit=50\` 1,000 threads, 50 a page, HTML, signed in" "$BASE/groups/$LIST1000?limit=50" "$WORK/session.lua"
    row list1000json "\`GET /api/v1/groups/{slug}/threads?limit=50\` 1,000 threads, JSON" "$BASE/api/v1/groups/$LIST1000/threads?limit=50"
  fi
  row login "\`POST /api/v1/auth/login\` (argon2)" "$BASE/api/v1/auth/login" "$WORK/login.lua"
  row post "\`POST /api/v1/threads/{id}/posts\` (create a post)" "$BASE/api/v1/threads/$TPOST/posts" "$WORK/post.lua"
  echo
  echo "Resident memory: $IDLE MB idle, $PEAK MB at most under load."
  kill $SERVER; wait $SERVER 2>/dev/null || true
  trap - EXIT
done
