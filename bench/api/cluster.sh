#!/usr/bin/env bash
# Interaction creations through a three-node cluster (issue 12: "for a cluster of three nodes on this machine, >= 80 % of
# one node's throughput with the same guarantees"): PostgreSQL, Redis and three nodes from eng/cluster-lib.sh in a
# throwaway directory; an API client made through node 1's admin API; the load driver spreads CONNECTIONS
# closed-loop clients over the three nodes' POST /api/v1/interactions for SECONDS after WARMUP. Afterwards every node
# is killed with SIGKILL and every acknowledged id is looked up in PostgreSQL. One node on PostgreSQL, for the
# comparison: `DB=pg bench/api/run.sh`.
#   bench/api/cluster.sh [CONNECTIONS=32] [SECONDS=30] [WARMUP=5]
# Compare at steady state: WARMUP=40 here and for the one node (after 5 s the three runtimes are still compiling).
# Loopback only (ports moved by PARLEY_BENCH_PORT_OFFSET, default 700); ends by itself. Wrap it in
# `flock /tmp/parley-load.lock` when others measure on the same machine.
set -euo pipefail
CONNECTIONS=${1:-32}
SECONDS_=${2:-30}
WARMUP=${3:-5}
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OUT=$(mktemp -d /tmp/parley-api-cluster-XXXX)
chmod 755 "$OUT"
cluster_root="$OUT/cluster"
cluster_offset=${PARLEY_BENCH_PORT_OFFSET:-700}
mkdir -p "$cluster_root"
source eng/cluster-lib.sh
PASSWORD=Bench-Admin-Secret-1

cluster_publish
dotnet build bench/api -c Release -v quiet -nologo >/dev/null
trap 'cluster_stop 30' EXIT INT TERM
cluster_start_postgres
cluster_start_redis
ARGS=(--Parley:Demo:AdminPassword="$PASSWORD" --Parley:RateLimits:Enabled=false)
cluster_start_node 1 "${ARGS[@]}"
wait_ready 1
cluster_start_node 2 "${ARGS[@]}"
cluster_start_node 3 "${ARGS[@]}"
wait_ready 2
wait_ready 3
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg); three nodes on PostgreSQL; $(date -u +%FT%TZ)"

NODE1=$(node_url 1)
curl -sf -c "$OUT/cookies" -H 'Content-Type: application/json' -d "{\"tenant\":\"demo\",\"userName\":\"admin\",\"password\":\"$PASSWORD\"}" \
  "$NODE1/api/v1/auth/sign-in" >/dev/null
CLIENT=$(curl -sf -b "$OUT/cookies" -H 'Content-Type: application/json' -d '{"name":"cluster write bench","permissions":["interactions.write","interactions.read"]}' \
  "$NODE1/api/v1/api-clients")
CLIENT_ID=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["client"]["clientId"])' "$CLIENT")
SECRET=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["clientSecret"])' "$CLIENT")
TOKEN=$(curl -sf -d grant_type=client_credentials --data-urlencode "client_id=$CLIENT_ID" --data-urlencode "client_secret=$SECRET" "$NODE1/connect/token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
QUEUE=$(curl -sf -b "$OUT/cookies" "$NODE1/api/v1/queues" | python3 -c 'import json,sys; d=json.load(sys.stdin); print((d["items"] if isinstance(d,dict) else d)[0]["id"])')

cpu() { local t=0; for n in 1 2 3; do t=$((t + $(awk '{print $14+$15}' "/proc/${node_pid[$n]}/stat"))); done; echo $t; }
CPU_BEFORE=$(cpu)
dotnet bench/api/bin/Release/net10.0/Parley.Bench.Api.dll "$(node_url 1),$(node_url 2),$(node_url 3)" "$TOKEN" "$QUEUE" \
  "$CONNECTIONS" "$SECONDS_" "$OUT/acknowledged.txt" "$WARMUP"
CPU_AFTER=$(cpu)
RSS=0; for n in 1 2 3; do RSS=$((RSS + $(ps -o rss= -p "${node_pid[$n]}"))); done
echo "three nodes' CPU $(( (CPU_AFTER - CPU_BEFORE) / (SECONDS_ + WARMUP) ))% of one core on average, RSS $((RSS / 1024)) MB together, load $(cut -d' ' -f1-3 /proc/loadavg)"

for n in 1 2 3; do kill -9 "${node_pid[$n]}"; done
chmod 644 "$OUT/acknowledged.txt"
MISSING=$(cluster_psql -c "CREATE TEMP TABLE acked (id uuid)" -c "\\copy acked FROM '$OUT/acknowledged.txt'" \
  -c 'select count(*) from acked a where not exists (select 1 from "Interactions" i where i."Id" = a.id)' | tail -1)
echo "after SIGKILL of every node: $(wc -l < "$OUT/acknowledged.txt") acknowledged, $MISSING of them missing from the database"
