#!/usr/bin/env bash
# Reports over the database, as a supervisor feels them (issue 11 "Proof": a month of 1,000,000 contacts in < 1 s).
# Starts the Release Parley.Server in demo mode on SQLite (fresh data directory, loopback), writes ROWS queued calls of
# the demo tenant spread over November 2026 straight into CallRecords with sqlite3 (answered or abandoned, waits and
# talk times varied, two queues), then times GET /api/v1/reports/{kind} for the whole month through HTTP with the
# supervisor's cookie: RUNS runs per kind after one warm-up, median and max. Loopback only; the server is bounded in time.
#   bench/reports/report-db.sh [ROWS=1000000] [RUNS=5] [SERVER_DIR=src/Parley.Server/bin/Release/net10.0]
set -euo pipefail
ROWS=${1:-1000000}
RUNS=${2:-5}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SERVER_DIR=${3:-$ROOT/src/Parley.Server/bin/Release/net10.0}
PASSWORD=Bench-Supervisor-Secret-1
OUT=$(mktemp -d /tmp/parley-report-db-XXXX)
command -v sqlite3 >/dev/null || { echo "sqlite3 missing (apt-get install sqlite3)"; exit 1; }
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "rows $ROWS, runs $RUNS, output in $OUT"
(cd "$SERVER_DIR" && exec timeout 1800 dotnet Parley.Server.dll --demo --Parley:DataDirectory="$OUT/data" --urls "$BASE" \
  --Parley:Sip:Address=127.0.0.1 --Parley:Sip:Port=0 --Parley:Media:BindAddress=127.0.0.1 --Parley:Demo:SupervisorPassword="$PASSWORD" \
  --Parley:RateLimits:Enabled=false > "$OUT/server.log" 2>&1) &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 900); do curl -sf -o /dev/null "$BASE/health/ready" && break; sleep 0.1; done
DB=$(ls "$OUT"/data/*.db | head -1)
TENANT=$(sqlite3 "$DB" "select Id from Tenants where Slug='demo'")
QUEUES=$(sqlite3 "$DB" "select group_concat(Id, ' ') from Queues where TenantId='$TENANT'")
read -r Q1 Q2 _ <<< "$QUEUES"
AGENT=$(sqlite3 "$DB" "select Id from Agents where TenantId='$TENANT' limit 1")
# EF's DateTimeOffsetToBinaryConverter for UTC: (ticks / 1000) << 11, ticks = (unix seconds + 62135596800) × 10^7.
T0=$(date -u -d 2026-11-01 +%s)
T_SEED=$(date +%s)
sqlite3 "$DB" <<SQL
PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $ROWS - 1),
c AS (SELECT i, $T0 + (i * 2592000 / $ROWS) AS at, (i % 7 <> 0) AS answered, 5 + (i * 7919) % 90 AS wait, 60 + (i * 104729) % 400 AS talk FROM n)
INSERT INTO CallRecords (Id, TenantId, NodeId, Direction, SipCallId, ArrivedAt, QueuedAt, AnsweredAt, EndedAt, QueueId, AgentId, Disposition, HoldMs, HoldCount)
SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))),
  '$TENANT', 'bench', 'Inbound', 'bench-' || i,
  ((at + 62135596800) * 10000) << 11,
  ((at + 10 + 62135596800) * 10000) << 11,
  CASE WHEN answered THEN ((at + 10 + wait + 62135596800) * 10000) << 11 END,
  ((at + 10 + wait + CASE WHEN answered THEN talk ELSE 0 END + 62135596800) * 10000) << 11,
  CASE WHEN i % 3 = 0 THEN '$Q2' ELSE '$Q1' END, CASE WHEN answered THEN '$AGENT' END,
  CASE WHEN answered THEN 'Answered' ELSE 'AbandonedInQueue' END, (i % 5) * 1000, 0
FROM c;
SQL
echo "seeded $(sqlite3 "$DB" "select count(*) from CallRecords where TenantId='$TENANT'") calls in $(( $(date +%s) - T_SEED )) s; database $(du -h "$DB" | cut -f1)"
curl -sf -c "$OUT/cookies" -H 'Content-Type: application/json' -d "{\"tenant\":\"demo\",\"userName\":\"supervisor\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/sign-in" >/dev/null
RANGE="from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z"
for query in "queue?$RANGE&interval=hour" "queue?$RANGE&interval=day" "queues?$RANGE" "abandon?$RANGE" "agents?$RANGE" "queue?$RANGE&interval=day&format=xlsx"; do
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
