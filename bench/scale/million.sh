#!/usr/bin/env bash
# Memory of one instance with 1,000,000 items (issue 7's goal: under 1 GiB per instance), on a
# throwaway PostgreSQL on loopback. Bounded in time; not run by CI. Prints what it measured;
# exits 1 if a check failed.
#
#   [ITEMS=1000000] [WRK_SECONDS=120] [MEMORY_LIMIT_MIB=1024] bench/scale/million.sh
#
# Steps:
#   1. a database with the demo district (one start of Gongkai), then ITEMS published items added
#      by binary COPY (`Gongkai.Benchmarks seed-items`; the search benchmark's corpus, about 1,300
#      characters of text per item);
#   2. the instance started again with an empty index folder, inside a memory cgroup limited to
#      MEMORY_LIMIT_MIB when the machine lets us make one (cgroup v1 or v2, as root): the limit
#      counts everything the kernel charges the process, page cache of the index files included,
#      so the instance must work within it. It rebuilds its search index from the database and
#      is not ready (/readyz) until done: the rebuild's duration and rate are reported;
#   3. wrk for WRK_SECONDS on a mix of item pages (random ids), catalogue list pages (1–50),
#      searches (page and API, pages 1–3) and the home page, then each kind alone for 20 s: no 5xx;
#   4. memory, sampled every second throughout: the process's own memory (RssAnon: heap, stacks,
#      buffers), its resident total (VmRSS: also the index files it maps, which the kernel may
#      drop and re-read) and the cgroup's charge; whether the cgroup ever hit its limit.
#
# Needs: the .NET SDK, PostgreSQL 15 binaries (scripts/pg-throwaway), wrk, python3, curl; about
# 15 GB of free disk for 1,000,000 items (database and index).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO=$PWD
ITEMS=${ITEMS:-1000000}
WRK_SECONDS=${WRK_SECONDS:-120}
MEMORY_LIMIT_MIB=${MEMORY_LIMIT_MIB:-1024}
PORT=${PORT:-5195}
PG_BIN=${GONGKAI_PG_BIN:-/usr/lib/postgresql/15/bin}
PASSWORD=Bench2026pass
WORK=$(mktemp -d /tmp/gongkai-million.XXXXXX)
PID="" SAMPLER_PID="" CGROUP="" FAILED=0

cleanup() {
  [[ -n $SAMPLER_PID ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  [[ -n $PID ]] && { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
  "$REPO/scripts/pg-throwaway" stop "$WORK/pg.env" || true
  [[ -n $CGROUP ]] && rmdir "$CGROUP" 2>/dev/null || true
  cp "$WORK/gongkai.log" /tmp/gongkai-million-last.log 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
check() { if eval "$2"; then echo "  ok    $1"; else echo "  FAIL  $1"; FAILED=1; fi; }

echo "== setup (cores: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg), $(free -m | awk '/Mem:/ {print $2}') MiB of memory)"
dotnet publish src/Gongkai -c Release -o "$WORK/app" --nologo -v quiet >/dev/null
dotnet build bench/Gongkai.Benchmarks -c Release -o "$WORK/bench" --nologo -v quiet >/dev/null
"$REPO/scripts/pg-throwaway" start "$WORK/pg.env"
# shellcheck disable=SC1091
source "$WORK/pg.env"
"$PG_BIN/psql" -qAt "$PG_THROWAWAY_URL" -c "CREATE DATABASE gongkai TEMPLATE template0 ENCODING 'UTF8'"
CONN="Host=127.0.0.1;Port=$PG_THROWAWAY_PORT;Username=postgres;Password=$PG_THROWAWAY_PASSWORD;Database=gongkai;Timeout=30"

# A memory cgroup for the instance, v2 or v1; none if the machine does not let us make one.
if [[ -w /sys/fs/cgroup/cgroup.subtree_control ]] && grep -qw memory /sys/fs/cgroup/cgroup.controllers 2>/dev/null; then
  CGROUP=/sys/fs/cgroup/gongkai-million-$$
  mkdir "$CGROUP" && echo $((MEMORY_LIMIT_MIB << 20)) >"$CGROUP/memory.max" || CGROUP=""
  CG_USAGE=memory.current CG_LIMIT_HITS="memory.events"
elif [[ -w /sys/fs/cgroup/memory ]]; then
  CGROUP=/sys/fs/cgroup/memory/gongkai-million-$$
  mkdir "$CGROUP" && echo $((MEMORY_LIMIT_MIB << 20)) >"$CGROUP/memory.limit_in_bytes" || CGROUP=""
  CG_USAGE=memory.usage_in_bytes CG_LIMIT_HITS="memory.failcnt"
fi

# Start directly (no subshell of our own), so that the pid is the server's: sh puts itself into
# the cgroup and execs dotnet.
start_instance() {
  Gongkai__Database__Provider=PostgreSQL ConnectionStrings__Gongkai="$CONN" \
  Gongkai__DataPath="$WORK/data" Gongkai__IndexPath="$WORK/index" \
  Gongkai__DemoPassword=$PASSWORD GONGKAI_ADMIN_PASSWORD=$PASSWORD \
  Logging__LogLevel__Default=Warning CGROUP_PROCS="${CGROUP:+$CGROUP/cgroup.procs}" \
    env Logging__LogLevel__Gongkai.Features.Search=Information sh -c '[ -n "$CGROUP_PROCS" ] && echo $$ >"$CGROUP_PROCS"; exec dotnet "$0/Gongkai.dll" --urls "http://127.0.0.1:$1"' \
    "$WORK/app" "$PORT" >>"$WORK/gongkai.log" 2>&1 &
  PID=$!
}
wait_ready() { # seconds
  for _ in $(seq 1 "$1"); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz") == 200 ]] && return 0
    kill -0 "$PID" 2>/dev/null || { echo "  instance exited"; tail -5 "$WORK/gongkai.log"; return 1; }
    sleep 1
  done
  echo "  instance not ready after $1 s"; return 1
}
stop_instance() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }

echo "== 1. database: demo district, then $ITEMS items"
start_instance; wait_ready 120; stop_instance
GONGKAI_BENCH_POSTGRES="$CONN;Command Timeout=600" dotnet "$WORK/bench/Gongkai.Benchmarks.dll" seed-items "$ITEMS" | tail -1
echo "  database size: $("$PG_BIN/psql" -qAt "${PG_THROWAWAY_URL%/postgres}/gongkai" -c "SELECT pg_size_pretty(pg_database_size('gongkai'))")"
rm -rf "$WORK/index"

echo "== 2. instance with an empty index${CGROUP:+ (cgroup limit $MEMORY_LIMIT_MIB MiB)}: rebuild"
sample() { # every second: epoch RssAnon VmRSS (KiB) and the cgroup's charge (bytes)
  while kill -0 "$PID" 2>/dev/null; do
    printf '%s %s %s %s\n' "$(date +%s)" \
      "$(awk '/^RssAnon:/ {print $2}' "/proc/$PID/status" 2>/dev/null || echo 0)" \
      "$(awk '/^VmRSS:/ {print $2}' "/proc/$PID/status" 2>/dev/null || echo 0)" \
      "$( [[ -n $CGROUP ]] && cat "$CGROUP/$CG_USAGE" || echo 0)" >>"$WORK/memory"
    sleep 1
  done
}
STARTED=$(date +%s)
start_instance
sample & SAMPLER_PID=$!
wait_ready $(( ITEMS / 100 + 300 ))
READY=$(date +%s)
REBUILD_S=$(( READY - STARTED ))
echo "  ready after ${REBUILD_S} s ($(( ITEMS / (REBUILD_S > 0 ? REBUILD_S : 1) )) items/s, start-up included)"
echo "  index folder: $(du -sh "$WORK/index" | cut -f1)"
peak() { awk -v c="$1" -v from="$2" '$1 >= from && $c > m {m = $c} END {printf "%.0f", m / 1024}' "$WORK/memory"; }
echo "  during the rebuild: own memory (RssAnon) peak $(peak 2 0) MiB, resident (VmRSS) peak $(peak 3 0) MiB"

echo "== 3. load: wrk ${WRK_SECONDS}s, 2 threads, 32 connections, on a mix of pages"
cat >"$WORK/mix.lua" <<LUA
local items = $ITEMS
local queries = { "%E4%BD%8E%E4%BF%9D", "%E6%8B%86%E8%BF%81", "%E6%9C%80%E4%BD%8E%E7%94%9F%E6%B4%BB%E4%BF%9D%E9%9A%9C",
  "%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80", "%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C", "%E5%85%BB%E8%80%81%E6%9C%8D%E5%8A%A1" }
local class = os.getenv("CLASS") or "mix"
local i = 0
local function item() return "/items/" .. math.random(1, items) end
local function list() return "/items?p=" .. math.random(1, 50) end
local function search() return "/search?q=" .. queries[math.random(#queries)] .. "&page=" .. math.random(1, 3) end
local function api() return "/api/items?q=" .. queries[math.random(#queries)] .. "&page=" .. math.random(1, 3) end
request = function()
  i = i + 1
  local path
  if class == "item" then path = item()
  elseif class == "list" then path = list()
  elseif class == "search" then path = search()
  elseif class == "api" then path = api()
  else
    local k = i % 10
    if k < 5 then path = item() elseif k < 7 then path = search() elseif k == 7 then path = api()
    elseif k == 8 then path = list() else path = "/" end
  end
  return wrk.format("GET", path)
end
LUA
BASE="http://127.0.0.1:$PORT"
for p in "/items/$ITEMS" "/search?q=%E4%BD%8E%E4%BF%9D" "/api/items?q=%E6%8B%86%E8%BF%81" "/items?p=1000" /; do
  printf '  %-40s %s\n' "$p" "$(curl -s -o /dev/null -w '%{http_code} %{time_total}s' "$BASE$p")"
done
LOAD_FROM=$(date +%s)
wrk -t2 -c32 -d"${WRK_SECONDS}s" --latency -s "$WORK/mix.lua" "$BASE" >"$WORK/wrk.txt"
grep -E "Requests/sec| 50%| 90%| 99%|Non-2xx|Socket errors" "$WORK/wrk.txt" | sed 's/^/  /'
check "no non-2xx answers under load" "! grep -q Non-2xx '$WORK/wrk.txt'"
echo "  each kind alone, 20 s, 2 threads, 8 connections:"
for class in item list search api; do
  CLASS=$class wrk -t2 -c8 -d20s --latency -s "$WORK/mix.lua" "$BASE" >"$WORK/wrk-$class.txt"
  printf '  %-7s %8s req/s  p50 %-9s p99 %-9s %s\n' "$class" "$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-$class.txt")" \
    "$(awk '/ 50%/ {print $2}' "$WORK/wrk-$class.txt")" "$(awk '/ 99%/ {print $2}' "$WORK/wrk-$class.txt")" "$(grep -E 'Non-2xx' "$WORK/wrk-$class.txt" || true)"
  check "no non-2xx answers ($class)" "! grep -q Non-2xx '$WORK/wrk-$class.txt'"
done
check "the instance is still running" "kill -0 $PID"

echo "== 4. memory"
OWN_PEAK=$(peak 2 0) RSS_PEAK=$(peak 3 0)
echo "  own memory (RssAnon): peak $OWN_PEAK MiB overall, $(peak 2 "$LOAD_FROM") MiB under load, $(awk '/^RssAnon:/ {printf "%.0f", $2/1024}' "/proc/$PID/status") MiB now"
echo "  resident (VmRSS, mapped index files included): peak $RSS_PEAK MiB, $(awk '/^VmRSS:/ {printf "%.0f", $2/1024}' "/proc/$PID/status") MiB now"
echo "  .NET GC heap now:$(curl -fsS "$BASE/metrics" | awk '/^dotnet_gc_heap_bytes/ {printf " %.0f MiB", $2/1048576}')"
if [[ -n $CGROUP ]]; then
  echo "  cgroup charge (page cache included): peak $(awk '$4 > m {m = $4} END {printf "%.0f", m / 1048576}' "$WORK/memory") MiB of $MEMORY_LIMIT_MIB; $CG_LIMIT_HITS: $(tr '\n' ' ' <"$CGROUP/$CG_LIMIT_HITS")"
  check "ran within a $MEMORY_LIMIT_MIB MiB cgroup limit (not killed)" "kill -0 $PID"
fi
check "own memory under 1 GiB throughout" "(( OWN_PEAK < 1024 ))"
exit $FAILED
