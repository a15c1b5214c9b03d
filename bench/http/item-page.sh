#!/usr/bin/env bash
# Item page throughput: Gongkai serving a warm item page vs nginx serving the same page saved as a
# static file, side by side in one run, same wrk settings, loopback only, bounded in time.
#
#   [ROUNDS=2] bench/http/item-page.sh [DURATION_SECONDS=20] [CONNECTIONS=32]
#
# The two servers are measured in alternation (Gongkai, nginx, Gongkai, nginx, ...) so that a
# change in the machine's load affects both; compare the two rows of one round.
#
# Needs: the .NET SDK, wrk and nginx (installed via apt if missing, as root). Not run by CI.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
DURATION=${1:-20}
CONNS=${2:-32}
ROUNDS=${ROUNDS:-2}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
THREADS=2
WORK=$(mktemp -d /tmp/gongkai-bench.XXXXXX)
APP_PORT=${APP_PORT:-5181}
NGINX_PORT=${NGINX_PORT:-5182}
APP_PID=""
NGINX_PID=""

cleanup() {
  [[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [[ -n $NGINX_PID ]] && kill "$NGINX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || need+=(nginx-light)
if ((${#need[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "publishing Gongkai (Release)…"
dotnet publish src/Gongkai -c Release -o "$WORK/app" --nologo -v quiet >/dev/null

# Start directly (not through a subshell) so that $! is the server itself.
Gongkai__DataPath="$WORK/data" Gongkai__DemoPassword=Bench2026pass GONGKAI_ADMIN_PASSWORD=Bench2026pass \
  Logging__LogLevel__Default=Warning \
  dotnet "$WORK/app/Gongkai.dll" --urls "http://127.0.0.1:$APP_PORT" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$APP_PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$APP_PORT/healthz" >/dev/null

PAGE=/items/1
mkdir -p "$WORK/static/items"
curl -fsS "http://127.0.0.1:$APP_PORT$PAGE" >"$WORK/static/items/1.html"
BYTES=$(wc -c <"$WORK/static/items/1.html")

cat >"$WORK/nginx.conf" <<CONF
worker_processes $THREADS;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/static;
    location /items/ { default_type "text/html; charset=utf-8"; try_files \$uri.html =404; }
  }
}
CONF
nginx -c "$WORK/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
sleep 1

run() { wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --latency "$1" | tee "$WORK/$2.txt" >/dev/null; awk '/Requests\/sec/ {print $2}' "$WORK/$2.txt"; }
p99() { awk '/ 99%/ {print $2}' "$WORK/$1.txt"; }
echo "warming up Gongkai…"
wrk -t"$THREADS" -c"$CONNS" -d5s "http://127.0.0.1:$APP_PORT$PAGE" >/dev/null
echo "Gongkai answers the warm page from: $(curl -fsS -D - -o /dev/null "http://127.0.0.1:$APP_PORT$PAGE" | awk -F': ' 'tolower($1)=="x-cache" {print $2}' | tr -d '\r')"
echo "measuring ${DURATION}s each, $THREADS wrk threads, $CONNS connections, page of $BYTES bytes, $ROUNDS rounds alternating"
printf '\n%-6s %-28s %12s %10s\n' "round" "server" "requests/s" "p99"
ERRORS=""
for round in $(seq 1 "$ROUNDS"); do
  APP_RPS=$(run "http://127.0.0.1:$APP_PORT$PAGE" "gongkai$round")
  NGINX_RPS=$(run "http://127.0.0.1:$NGINX_PORT$PAGE" "nginx$round")
  printf '%-6s %-28s %12s %10s\n' "$round" "Gongkai item page (warm)" "$APP_RPS" "$(p99 "gongkai$round")"
  printf '%-6s %-28s %12s %10s\n' "$round" "nginx, same page as a file" "$NGINX_RPS" "$(p99 "nginx$round")"
  awk -v a="$APP_RPS" -v n="$NGINX_RPS" -v r="$round" 'BEGIN { printf "%-6s ratio Gongkai/nginx: %.2f\n", r, a / n }'
  ERRORS+=$(grep -E "Non-2xx|Socket errors" "$WORK/gongkai$round.txt" || true)
done
RSS=$(ps -o rss= -p "$APP_PID" | awk '{printf "%.0f MiB", $1/1024}')
echo "Gongkai memory after the run: $RSS; cores: $(nproc); load average before: $LOAD_BEFORE"
[[ -n $ERRORS ]] && echo "Gongkai errors: $ERRORS"
exit 0
