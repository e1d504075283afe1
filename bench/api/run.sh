#!/usr/bin/env bash
# Interaction creations as an API client feels them (issue 12 "The durable write path"): the Release server in demo
# mode on loopback (SQLite, or PostgreSQL on a throwaway cluster with DB=pg), an API client made through the admin API,
# a client-credentials token, then CONNECTIONS closed-loop clients on POST /api/v1/interactions for SECONDS. Afterwards
# the server is killed with SIGKILL and every acknowledged id is looked up in the database: "stored before acknowledged".
#   [DB=sqlite|pg] [PG_EXTRA=";Max Auto Prepare=0"] [PG_CONF="-c commit_delay=10"] [PG_STATEMENTS=1] bench/api/run.sh [CONNECTIONS=32] [SECONDS=30] [WARMUP=5]
# PG_CONF adds server settings to the throwaway cluster; PG_STATEMENTS=1 loads pg_stat_statements and prints the busiest
# statements (calls, total and mean time) before the SIGKILL.
# Loopback only; ends by itself. Wrap it in `flock /tmp/parley-load.lock` when others measure on the same machine.
set -euo pipefail
CONNECTIONS=${1:-32}
SECONDS_=${2:-30}
WARMUP=${3:-5}
DB=${DB:-sqlite}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(mktemp -d /tmp/parley-api-XXXX)
SERVER_DIR=${SERVER_DIR:-$ROOT/src/Parley.Server/bin/Release/net10.0}
PASSWORD=Bench-Admin-Secret-1
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

dotnet build "$ROOT/src/Parley.Server" -c Release -v quiet -nologo >/dev/null
dotnet build "$ROOT/bench/api" -c Release -v quiet -nologo >/dev/null

DATABASE_ARGS=()
PG_STOP=true
if [ "$DB" = pg ]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL missing (apt-get install postgresql)"; exit 1; }
  as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$OUT"
  PG_PORT=$(free_port)
  as_postgres "$PG_BIN/initdb" -D "$OUT/pg" -U parley -A trust -E UTF8 >/dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$OUT/pg" -l "$OUT/pg.log" -w -t 60 -o "-p $PG_PORT -k $OUT -c listen_addresses=127.0.0.1 ${PG_CONF:-} ${PG_STATEMENTS:+-c shared_preload_libraries=pg_stat_statements}" start >/dev/null
  PG_STOP='as_postgres "$PG_BIN/pg_ctl" -D "$OUT/pg" -m fast -w stop >/dev/null 2>&1 || true'
  PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U parley -v ON_ERROR_STOP=1 -qtA)
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE parley"
  PSQL+=(-d parley)
  [ -n "${PG_STATEMENTS:-}" ] && "${PSQL[@]}" -c "CREATE EXTENSION pg_stat_statements"
  [ "$(id -u)" -eq 0 ] && chmod 777 "$OUT"
  DATABASE_ARGS=(--Parley:Database:Provider=Postgres "--ConnectionStrings:Parley=Host=127.0.0.1;Port=$PG_PORT;Username=parley;Database=parley${PG_EXTRA:-}")
fi

BASE="http://127.0.0.1:$(free_port)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg); database $DB; $(date -u +%FT%TZ)"
(cd "$SERVER_DIR" && exec timeout 900 dotnet Parley.Server.dll --demo --Parley:DataDirectory="$OUT/data" --urls "$BASE" \
  --Parley:Sip:Address=127.0.0.1 --Parley:Sip:Port=0 --Parley:Media:BindAddress=127.0.0.1 --Parley:Demo:AdminPassword="$PASSWORD" \
  --Parley:RateLimits:Enabled=false "${DATABASE_ARGS[@]}" > "$OUT/server.log" 2>&1) &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; eval "$PG_STOP"' EXIT
for _ in $(seq 1 900); do curl -sf -o /dev/null "$BASE/health/ready" && break; sleep 0.1; done
curl -sf -o /dev/null "$BASE/health/ready" || { echo "the server did not start:"; tail -20 "$OUT/server.log"; exit 1; }

curl -sf -c "$OUT/cookies" -H 'Content-Type: application/json' -d "{\"tenant\":\"demo\",\"userName\":\"admin\",\"password\":\"$PASSWORD\"}" \
  "$BASE/api/v1/auth/sign-in" >/dev/null
CLIENT=$(curl -sf -b "$OUT/cookies" -H 'Content-Type: application/json' -d '{"name":"write bench","permissions":["interactions.write","interactions.read"]}' \
  "$BASE/api/v1/api-clients")
CLIENT_ID=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["client"]["clientId"])' "$CLIENT")
SECRET=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["clientSecret"])' "$CLIENT")
TOKEN=$(curl -sf -d grant_type=client_credentials --data-urlencode "client_id=$CLIENT_ID" --data-urlencode "client_secret=$SECRET" "$BASE/connect/token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
QUEUE=$(curl -sf -b "$OUT/cookies" "$BASE/api/v1/queues" | python3 -c 'import json,sys; d=json.load(sys.stdin); print((d["items"] if isinstance(d,dict) else d)[0]["id"])')

CPU_BEFORE=$(awk '{print $14+$15}' "/proc/$(pgrep -n -f "Parley.Server.dll --demo --Parley:DataDirectory=$OUT/data")/stat")
dotnet "$ROOT/bench/api/bin/Release/net10.0/Parley.Bench.Api.dll" "$BASE" "$TOKEN" "$QUEUE" "$CONNECTIONS" "$SECONDS_" "$OUT/acknowledged.txt" "$WARMUP"
PID=$(pgrep -n -f "Parley.Server.dll --demo --Parley:DataDirectory=$OUT/data")
CPU_AFTER=$(awk '{print $14+$15}' "/proc/$PID/stat")
echo "server CPU $(( (CPU_AFTER - CPU_BEFORE) / (SECONDS_ + WARMUP) ))% of one core on average, RSS $(( $(ps -o rss= -p "$PID") / 1024 )) MB, load $(cut -d' ' -f1-3 /proc/loadavg)"

if [ -n "${PG_STATEMENTS:-}" ]; then
  "${PSQL[@]}" -F ' | ' -c "select calls, round(total_exec_time::numeric, 0) as ms, round(mean_exec_time::numeric, 3) as mean_ms, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) from pg_stat_statements order by total_exec_time desc limit 8"
  "${PSQL[@]}" -F ' | ' -c "select calls, round(total_exec_time::numeric, 0) as ms, round(mean_exec_time::numeric, 3) as mean_ms, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) from pg_stat_statements order by calls desc limit 15"
  "${PSQL[@]}" -F ' | ' -c "select xact_commit, xact_rollback from pg_stat_database where datname = 'parley'"
fi
kill -9 "$PID"; wait "$SERVER" 2>/dev/null || true
ACKED=$(wc -l < "$OUT/acknowledged.txt")
if [ "$DB" = pg ]; then
  "${PSQL[@]}" -c "CREATE TABLE acked (id uuid)" -c "\\copy acked FROM '$OUT/acknowledged.txt'"
  MISSING=$("${PSQL[@]}" -c 'select count(*) from acked a where not exists (select 1 from "Interactions" i where i."Id" = a.id)')
else
  # SQLite stores Guids as upper-case text.
  tr 'a-f' 'A-F' < "$OUT/acknowledged.txt" > "$OUT/acknowledged-upper.txt"
  MISSING=$(sqlite3 "$OUT/data/parley.db" ".mode csv" "CREATE TEMP TABLE acked (id TEXT)" ".import $OUT/acknowledged-upper.txt acked" \
    'select count(*) from acked a where not exists (select 1 from "Interactions" i where i."Id" = a.id)')
fi
echo "after SIGKILL: $ACKED acknowledged, $MISSING of them missing from the database"
