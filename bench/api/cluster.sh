#!/usr/bin/env bash
# Interaction creations through a three-node cluster (issue 12: "for a cluster of three nodes on this machine, >= 80 % of
# one node's throughput with the same guarantees"): eng/cluster.sh starts PostgreSQL, Redis and three nodes on a port
# offset in a throwaway directory; an API client is made through node 1's admin API; the load driver spreads
# CONNECTIONS closed-loop clients over the three nodes' POST /api/v1/interactions for SECONDS. Afterwards every node is
# killed with SIGKILL and every acknowledged id is looked up in PostgreSQL. Compare with `DB=pg bench/api/run.sh`.
#   bench/api/cluster.sh [CONNECTIONS=32] [SECONDS=30] [WARMUP=5]
# Loopback only; ends by itself. Wrap it in `flock /tmp/parley-load.lock` when others measure on the same machine.
set -euo pipefail
CONNECTIONS=${1:-32}
SECONDS_=${2:-30}
WARMUP=${3:-5}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OFFSET=${PARLEY_CLUSTER_PORT_OFFSET:-700}
DIR=$(mktemp -d /tmp/parley-api-cluster-XXXX)
[ "$(id -u)" -eq 0 ] && chmod 755 "$DIR"
PG_PORT=$((15432 + OFFSET))
URLS="http://127.0.0.1:$((5081 + OFFSET)),http://127.0.0.1:$((5082 + OFFSET)),http://127.0.0.1:$((5083 + OFFSET))"
NODE1=${URLS%%,*}

dotnet build "$ROOT/bench/api" -c Release -v quiet -nologo >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg); three nodes on PostgreSQL; $(date -u +%FT%TZ)"
PARLEY_CLUSTER_DIR="$DIR" PARLEY_CLUSTER_PORT_OFFSET="$OFFSET" setsid timeout 900 "$ROOT/eng/cluster.sh" --Parley:RateLimits:Enabled=false \
  > "$DIR/cluster.out" 2>&1 &
CLUSTER=$!
trap 'kill -TERM -- -$CLUSTER 2>/dev/null || true; wait $CLUSTER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do grep -q "Parley cluster is running" "$DIR/cluster.out" && break; kill -0 $CLUSTER 2>/dev/null || break; sleep 1; done
grep -q "Parley cluster is running" "$DIR/cluster.out" || { echo "the cluster did not start:"; tail -20 "$DIR/cluster.out"; exit 1; }

PASSWORD=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["AdminPassword"])' "$DIR/data/demo-secrets.json")
curl -sf -c "$DIR/cookies" -H 'Content-Type: application/json' -d "{\"tenant\":\"demo\",\"userName\":\"admin\",\"password\":\"$PASSWORD\"}" \
  "$NODE1/api/v1/auth/sign-in" >/dev/null
CLIENT=$(curl -sf -b "$DIR/cookies" -H 'Content-Type: application/json' -d '{"name":"cluster write bench","permissions":["interactions.write","interactions.read"]}' \
  "$NODE1/api/v1/api-clients")
CLIENT_ID=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["client"]["clientId"])' "$CLIENT")
SECRET=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["clientSecret"])' "$CLIENT")
TOKEN=$(curl -sf -d grant_type=client_credentials --data-urlencode "client_id=$CLIENT_ID" --data-urlencode "client_secret=$SECRET" "$NODE1/connect/token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
QUEUE=$(curl -sf -b "$DIR/cookies" "$NODE1/api/v1/queues" | python3 -c 'import json,sys; d=json.load(sys.stdin); print((d["items"] if isinstance(d,dict) else d)[0]["id"])')

node_pids() { pgrep -f "Parley.Server.dll --demo .*--Parley:DataDirectory=$DIR/data" || true; }
cpu() { local t=0; for p in $(node_pids); do t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat"))); done; echo $t; }
CPU_BEFORE=$(cpu)
dotnet "$ROOT/bench/api/bin/Release/net10.0/Parley.Bench.Api.dll" "$URLS" "$TOKEN" "$QUEUE" "$CONNECTIONS" "$SECONDS_" "$DIR/acknowledged.txt" "$WARMUP"
CPU_AFTER=$(cpu)
RSS=0; for p in $(node_pids); do RSS=$((RSS + $(ps -o rss= -p "$p"))); done
echo "three nodes' CPU $(( (CPU_AFTER - CPU_BEFORE) / (SECONDS_ + WARMUP) ))% of one core on average, RSS $((RSS / 1024)) MB together, load $(cut -d' ' -f1-3 /proc/loadavg)"

for p in $(node_pids); do kill -9 "$p"; done
sleep 1
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U parley -d parley -v ON_ERROR_STOP=1 -qtA)
"${PSQL[@]}" -c "CREATE TEMP TABLE acked (id uuid)" -c "\\copy acked FROM '$DIR/acknowledged.txt'" \
  -c 'select count(*) from acked a where not exists (select 1 from "Interactions" i where i."Id" = a.id)' > "$DIR/missing.txt"
echo "after SIGKILL of every node: $(wc -l < "$DIR/acknowledged.txt") acknowledged, $(tail -1 "$DIR/missing.txt") of them missing from the database"
