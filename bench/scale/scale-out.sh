#!/usr/bin/env bash
# Scale-out and fault test: one throwaway PostgreSQL, two Gongkai instances on loopback sharing it
# and one data folder (each with its own search index), nginx round-robin in front. Loopback only,
# bounded in time; not run by CI. Prints what it measured; exits 1 if a check failed.
#
#   [WRK_SECONDS=300] [SIDE_SECONDS=20] [SUBMISSIONS=1000] [CONCURRENCY=1000] [OUTAGE_SECONDS=20] \
#     bench/scale/scale-out.sh
#
# Phases:
#   1. consistency: an item published on A is searchable on A and B (within 2 s); an
#      application filed on A is found on B at once; a sign-in cookie from A works on B.
#   2. load: wrk on the main portal pages through nginx for WRK_SECONDS (no 5xx, p99), then the
#      item page on one instance (direct and behind nginx) vs both behind nginx, SIDE_SECONDS
#      each, in alternation.
#   3. crash: SUBMISSIONS concurrent applications to A, A killed with SIGKILL mid-way and
#      restarted: every 201 is in the database, none twice; A's search index catches up.
#   4. database restart: PostgreSQL stopped and started under load through nginx: only 200s and
#      503s (Chinese ProblemDetails/page), then 200s again, without restarting an instance.
#   5. index lag: LAG_RATE items per second published through A for LAG_SECONDS (create, submit,
#      approve) while B's search is polled for each and B's lag gauge sampled: every item found on
#      B, with the delay's p50/p95/max.
#
# Needs: the .NET SDK, PostgreSQL 15 binaries (scripts/pg-throwaway), nginx, wrk, python3, curl.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO=$PWD
WRK_SECONDS=${WRK_SECONDS:-300}
SIDE_SECONDS=${SIDE_SECONDS:-20}
SUBMISSIONS=${SUBMISSIONS:-1000}
CONCURRENCY=${CONCURRENCY:-1000}
OUTAGE_SECONDS=${OUTAGE_SECONDS:-20}
PORT_A=${PORT_A:-5191}
PORT_B=${PORT_B:-5192}
PORT_LB=${PORT_LB:-5190}
PORT_LB1=${PORT_LB1:-5193}
PG_BIN=${GONGKAI_PG_BIN:-/usr/lib/postgresql/15/bin}
PASSWORD=Bench2026pass
WORK=$(mktemp -d /tmp/gongkai-scale.XXXXXX)
A_PID="" B_PID="" NGINX_PID="" FAILED=0
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

cleanup() {
  for pid in $A_PID $B_PID $NGINX_PID; do kill "$pid" 2>/dev/null || true; done
  for pid in $A_PID $B_PID; do wait "$pid" 2>/dev/null || true; done
  "$REPO/scripts/pg-throwaway" stop "$WORK/pg.env" || true
  rm -rf "$WORK"
}
trap cleanup EXIT
check() { if eval "$2"; then echo "  ok    $1"; else echo "  FAIL  $1"; FAILED=1; fi; }
as_pg() { if [[ $EUID -eq 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

echo "== setup (cores: $(nproc), load average: $LOAD_BEFORE)"
dotnet publish src/Gongkai -c Release -o "$WORK/app" --nologo -v quiet >/dev/null
"$REPO/scripts/pg-throwaway" start "$WORK/pg.env"
# shellcheck disable=SC1091
source "$WORK/pg.env"
PSQL=("$PG_BIN/psql" -qAt "$PG_THROWAWAY_URL")
"${PSQL[@]}" -c "CREATE DATABASE gongkai TEMPLATE template0 ENCODING 'UTF8'"
CONN="Host=127.0.0.1;Port=$PG_THROWAWAY_PORT;Username=postgres;Password=$PG_THROWAWAY_PASSWORD;Database=gongkai;Timeout=5;Maximum Pool Size=60"
DB=("$PG_BIN/psql" -qAt "${PG_THROWAWAY_URL%/postgres}/gongkai")

# Start directly (no subshell), so that the pid is the server's own.
start_instance() { # name port -> sets ${name}_PID
  Gongkai__Database__Provider=PostgreSQL ConnectionStrings__Gongkai="$CONN" \
  Gongkai__DataPath="$WORK/data" Gongkai__IndexPath="$WORK/index-$1" \
  Gongkai__DemoPassword=$PASSWORD GONGKAI_ADMIN_PASSWORD=$PASSWORD \
  Gongkai__Applications__SubmissionsPerHour=1000000 Gongkai__Applications__LookupsPerMinute=1000000 \
  Gongkai__TokenRequestsPerMinute=1000 Logging__LogLevel__Default=Warning \
    dotnet "$WORK/app/Gongkai.dll" --urls "http://127.0.0.1:$2" >>"$WORK/$1.log" 2>&1 &
  printf -v "${1}_PID" %s "$!"
}
wait_ready() { # port
  for _ in $(seq 1 240); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/readyz") == 200 ]] && return 0
    sleep 0.25
  done
  echo "instance on $1 not ready"; return 1
}
start_instance A $PORT_A; wait_ready $PORT_A
start_instance B $PORT_B; wait_ready $PORT_B

cat >"$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  upstream gongkai { server 127.0.0.1:$PORT_A; server 127.0.0.1:$PORT_B; keepalive 64; }
  upstream only_a { server 127.0.0.1:$PORT_A; keepalive 64; }
  # The same proxy in front of one instance: separates the cost of the extra hop from the second instance.
  server {
    listen 127.0.0.1:$PORT_LB1;
    location / { proxy_pass http://only_a; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host; }
  }
  server {
    listen 127.0.0.1:$PORT_LB;
    location / {
      proxy_pass http://gongkai;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Request-Id \$request_id;
    }
  }
}
CONF
nginx -c "$WORK/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
sleep 1
A="http://127.0.0.1:$PORT_A" B="http://127.0.0.1:$PORT_B" LB="http://127.0.0.1:$PORT_LB"
token() { curl -fsS "$1/api/auth/token" -H 'Content-Type: application/json' -d "{\"userName\":\"admin\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'; }
now_ms() { date +%s%3N; }

echo "== 1. consistency across instances"
TOKEN=$(token "$A")
WORD="扩容测试$(date +%s%N | tail -c 7)"
ID=$(curl -fsS "$A/api/items" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"title\":\"${WORD}公告\",\"department\":\"jyj\",\"writtenOn\":\"2026-11-20\",\"category\":\"jc-ywjy\",\"body\":\"<p>${WORD}。</p>\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
curl -fsS -o /dev/null -X POST "$A/api/items/$ID/submit" -H "Authorization: Bearer $TOKEN"
curl -fsS -o /dev/null "$A/api/items/$ID/approve" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{}'
T0=$(now_ms)
QUERY=$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))" "$WORD")
found_in() { # base [t0] -> ms since t0 until the search finds the item (or "never" after 10 s)
  local start=${2:-$(now_ms)}
  while (( $(now_ms) - start < 10000 )); do
    curl -fsS "$1/api/items?q=$QUERY" | grep -q "\"id\":$ID[,}]" && { echo $(( $(now_ms) - start )); return; }
    sleep 0.05
  done
  echo never
}
# Both instances are polled at once, from the moment the approval returned.
found_in "$A" "$T0" >"$WORK/seen-a" &
SEEN_A_PID=$!
found_in "$B" "$T0" >"$WORK/seen-b"
wait "$SEEN_A_PID"
SEEN_A=$(cat "$WORK/seen-a") SEEN_B=$(cat "$WORK/seen-b")
echo "  item $ID published on A: searchable on A after ${SEEN_A} ms, on B after ${SEEN_B} ms"
check "published item searchable on A within 2 s" "[[ $SEEN_A != never && $SEEN_A -le 2000 ]]"
check "published item searchable on B within 2 s" "[[ $SEEN_B != never && $SEEN_B -le 2000 ]]"
FILED=$(curl -fsS "$A/api/applications" -H 'Content-Type: application/json' -d '{"applicantType":"natural-person","name":"赵六","idNumber":"110101198807086666","contact":"13698765432","description":"扩容测试：道路维修计划","department":"jtj","deliveryForm":"电子邮件发送"}')
CODE=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["trackingCode"])' "$FILED")
KEY=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["accessKey"])' "$FILED")
check "application $CODE filed on A is tracked on B at once" "[[ \$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Access-Key: $KEY' '$B/api/applications/$CODE') == 200 ]]"
check "a token issued by A is accepted by B" "curl -fsS -H 'Authorization: Bearer $TOKEN' '$B/api/admin/applications?status=open' | grep -q '$CODE'"

echo "== 2. load through nginx (${WRK_SECONDS}s on the main pages, 2 threads, 64 connections)"
cat >"$WORK/pages.lua" <<'LUA'
local paths = { "/", "/items", "/items/1", "/items/2", "/apply", "/departments", "/items?p=2", "/guide" }
local i = 0
request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end
LUA
for p in / /items /items/1 /items/2 /apply /departments "/items?p=2" /guide; do
  printf '  %-12s %s\n' "$p" "$(curl -s -o /dev/null -w '%{http_code}' "$LB$p")"
done
wrk -t2 -c64 -d"${WRK_SECONDS}s" --latency -s "$WORK/pages.lua" "$LB" >"$WORK/wrk-pages.txt"
grep -E "Requests/sec| 50%| 99%|Non-2xx|Socket errors" "$WORK/wrk-pages.txt" | sed 's/^/  /'
check "no non-2xx/3xx answers under load" "! grep -q Non-2xx '$WORK/wrk-pages.txt'"

echo "== 2b. item page: one instance (direct, behind nginx) vs two behind nginx, ${SIDE_SECONDS}s each, alternating"
side() { wrk -t2 -c32 -d"${SIDE_SECONDS}s" --latency "$1/items/1" >"$WORK/$2.txt"; printf '  %-26s %10s req/s  p99 %s  %s\n' "$2" "$(awk '/Requests\/sec/ {print $2}' "$WORK/$2.txt")" "$(awk '/ 99%/ {print $2}' "$WORK/$2.txt")" "$(grep -E 'Non-2xx' "$WORK/$2.txt" || true)"; }
wrk -t2 -c32 -d3s "$A/items/1" >/dev/null; wrk -t2 -c32 -d3s "$LB/items/1" >/dev/null  # warm both caches
for round in 1 2; do
  side "$A" "one-instance-direct-r$round"
  side "http://127.0.0.1:$PORT_LB1" "one-instance-nginx-r$round"
  side "$LB" "two-instances-nginx-r$round"
done
echo "  memory: A $(ps -o rss= -p "$A_PID" | awk '{printf "%.0f MiB", $1/1024}'), B $(ps -o rss= -p "$B_PID" | awk '{printf "%.0f MiB", $1/1024}')"

echo "== 3. ${SUBMISSIONS} concurrent submissions to A (concurrency ${CONCURRENCY}), SIGKILL mid-way, restart"
RUN="kill$(date +%s)"
echo 0 >"$WORK/progress"
python3 bench/scale/submit.py "$A" "$SUBMISSIONS" "$CONCURRENCY" "$RUN" "$WORK/progress" "$WORK/results" &
SUBMIT_PID=$!
KILL_AT=$(( SUBMISSIONS / 3 ))
for _ in $(seq 1 2400); do
  DONE=$(cat "$WORK/progress" 2>/dev/null || true)
  (( ${DONE:-0} >= KILL_AT )) && break
  sleep 0.05
done
kill -KILL "$A_PID"; wait "$A_PID" 2>/dev/null || true
echo "  A killed (SIGKILL) after $(cat "$WORK/progress") answers"
start_instance A $PORT_A; wait_ready $PORT_A
echo "  A restarted"
wait "$SUBMIT_PID"
awk '{print $2}' "$WORK/results" | sort | uniq -c | awk '{printf "  status %s: %s\n", $2, $1}'
awk '$2 == 201 {print $3}' "$WORK/results" | sort >"$WORK/created"
"${DB[@]}" -c "SELECT \"TrackingCode\" FROM \"Applications\" WHERE \"Description\" LIKE '$RUN-%'" | sort >"$WORK/stored"
DUPLICATES=$("${DB[@]}" -c "SELECT count(*) FROM (SELECT \"Description\" FROM \"Applications\" WHERE \"Description\" LIKE '$RUN-%' GROUP BY 1 HAVING count(*) > 1) d")
MISSING=$(comm -23 "$WORK/created" "$WORK/stored" | wc -l)
echo "  201 answers: $(wc -l <"$WORK/created"); stored: $(wc -l <"$WORK/stored"); 201 but missing: $MISSING; stored twice: $DUPLICATES"
check "every 201 is stored" "[[ $MISSING -eq 0 && \$(wc -l <'$WORK/created') -gt 0 ]]"
check "no submission stored twice" "[[ $DUPLICATES -eq 0 ]]"
LAG=never
for _ in $(seq 1 100); do
  LAG=$(curl -fsS "$A/metrics" | awk '/^gongkai_search_index_lag_entries / {print $2}')
  [[ $LAG == 0 ]] && break; sleep 0.1
done
check "A's search index caught up after the crash (lag $LAG)" "[[ $LAG == 0 ]]"
check "item $ID still searchable on A after the crash" "[[ \$(found_in '$A') != never ]]"

echo "== 4. PostgreSQL restarted under load through nginx (${OUTAGE_SECONDS}s, 32 clients)"
B_BEFORE=$B_PID A_BEFORE=$A_PID
python3 bench/scale/load.py "$OUTAGE_SECONDS" 32 "$WORK/outage" "$LB/items" "$LB/api/items/$ID" "$LB/" &
LOAD_PID=$!
sleep $(( OUTAGE_SECONDS / 4 ))
as_pg "$PG_BIN/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -m fast -w stop >/dev/null
echo "  PostgreSQL stopped at ~$(( OUTAGE_SECONDS / 4 ))s"
sleep $(( OUTAGE_SECONDS / 4 ))
as_pg "$PG_BIN/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -l "$PG_THROWAWAY_DIR/postgres.log" -o "-p $PG_THROWAWAY_PORT" -w start >/dev/null
echo "  PostgreSQL started at ~$(( OUTAGE_SECONDS / 2 ))s"
wait "$LOAD_PID"
sed 's/^/  second /' "$WORK/outage"
OTHER=$(awk '{for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] != 200 && kv[1] != 503) n += kv[2] }} END {print n + 0}' "$WORK/outage")
LAST=$(tail -3 "$WORK/outage" | awk '{for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] != 200) n += kv[2] }} END {print n + 0}')
check "only 200 and 503 during the outage ($OTHER others)" "[[ $OTHER -eq 0 ]]"
check "all 200 again in the last 3 seconds, same processes" "[[ $LAST -eq 0 && $A_PID == $A_BEFORE && $B_PID == $B_BEFORE ]] && kill -0 $A_PID && kill -0 $B_PID"
curl -s "$LB/api/items/$ID" -o /dev/null
echo "== 5. B's index lag under sustained writes through A (${LAG_RATE:-5} items/s for ${LAG_SECONDS:-60}s)"
if python3 bench/scale/lag.py "${LAG_SECONDS:-60}" "${LAG_RATE:-5}" "$A" "$B" "$(token "$A")" >"$WORK/lag.txt"; then LAG_OK=1; else LAG_OK=0; fi
sed 's/^/  /' "$WORK/lag.txt"
check "every item published on A was found on B" "[[ $LAG_OK == 1 ]]"
echo "== done (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
exit $FAILED
