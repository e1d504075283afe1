# Shared by report-db.sh (SQLite) and report-pg.sh (PostgreSQL): start the Release server in demo mode on loopback,
# wait for the month to close into quarter-hour aggregates, and time the reports through HTTP. Sourced, not run.
# Needs ROOT, OUT, RUNS; sets BASE, SERVER.
PASSWORD=Bench-Supervisor-Secret-1
SERVER_DIR=${SERVER_DIR:-$ROOT/src/Parley.Server/bin/Release/net10.0}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_server EXTRA_ARGS... : the server (bounded to 30 min) with aggregates closed every 2 s.
start_server() {
  BASE="http://127.0.0.1:$(free_port)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "rows $ROWS, runs $RUNS, output in $OUT"
  (cd "$SERVER_DIR" && exec timeout 1800 dotnet Parley.Server.dll --demo --Parley:DataDirectory="$OUT/data" --urls "$BASE" \
    --Parley:Sip:Address=127.0.0.1 --Parley:Sip:Port=0 --Parley:Media:BindAddress=127.0.0.1 --Parley:Demo:SupervisorPassword="$PASSWORD" \
    --Parley:RateLimits:Enabled=false --Parley:Reports:CloseInterval=00:00:02 "$@" > "$OUT/server.log" 2>&1) &
  SERVER=$!
  for _ in $(seq 1 900); do curl -sf -o /dev/null "$BASE/health/ready" && return 0; sleep 0.1; done
  echo "the server did not start:"; tail -20 "$OUT/server.log"; exit 1
}

# wait_closed COMMAND : polls COMMAND (prints how many closes reach 2026-12-01) until it is above zero, at most 10 min.
wait_closed() {
  local started closed
  started=$(date +%s)
  for _ in $(seq 1 600); do
    closed=$("$@" 2>/dev/null || echo 0)
    [ "${closed:-0}" -gt 0 ] && { echo "month closed into quarter-hour aggregates in $(( $(date +%s) - started )) s"; return 0; }
    sleep 1
  done
  echo "the month did not close in 10 min"; tail -5 "$OUT/server.log"; exit 1
}

# time_reports : each report over November (on quarter hours: aggregates) and two shifted by a second (raw records).
time_reports() {
  curl -sf -c "$OUT/cookies" -H 'Content-Type: application/json' -d "{\"tenant\":\"demo\",\"userName\":\"supervisor\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/sign-in" >/dev/null
  local range="from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z" raw="from=2026-11-01T00:00:01Z&to=2026-12-01T00:00:00Z" query times offered
  for query in "queue?$range&interval=hour" "queue?$range&interval=day" "queues?$range" "abandon?$range" "agents?$range" "dispositions?$range" \
      "queue?$range&interval=day&format=xlsx" "ivr?$range" "ivr-paths?$range" "queue?$raw&interval=day" "queues?$raw" "agents?$raw" "ivr?$raw"; do
    curl -sf -b "$OUT/cookies" -o "$OUT/warm" "$BASE/api/v1/reports/$query" || { echo "$query failed"; tail -5 "$OUT/server.log"; exit 1; }
    times=()
    for _ in $(seq 1 "$RUNS"); do
      times+=("$(curl -sf -b "$OUT/cookies" -o "$OUT/body" -w '%{time_total}' "$BASE/api/v1/reports/$query")")
    done
    offered=$(python3 -c 'import json,sys
try: print(json.load(open(sys.argv[1])).get("summary",{}).get("offered","-"))
except Exception: print("-")' "$OUT/body")
    printf '%-48s median %6.3f s  max %6.3f s  offered %s  (%s bytes)\n' "$query" \
      "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" \
      "$(printf '%s\n' "${times[@]}" | sort -n | tail -1)" "$offered" "$(stat -c %s "$OUT/body")"
  done
  echo "server RSS $(( $(ps -o rss= -p "$(pgrep -n -f "Parley.Server.dll --demo --Parley:DataDirectory=$OUT/data")") / 1024 )) MB"
}
