#!/usr/bin/env bash
# kill -9 of one node of three under mixed load (issue 12, "Failure and maintenance"). Starts a fresh cluster on loopback
# (eng/cluster-lib.sh: PostgreSQL, Redis, three nodes, Kamailio's dispatcher), then at once: SIPp calls through Kamailio to
# the demo IVR (+15550100: greeting, '2', the Support queue until CALL_MS, BYE), CHATS web chats (one message every
# CHAT_MS each, reconnecting to another node and re-sending what was not acknowledged, as the widget does) and API
# writers (closed loop, POST /api/v1/interactions, moving to the next node on a failure). After KILL_AT seconds it
# sends SIGKILL to the node hosting the demo tenant's routing grain; the load runs on until SECS, then every
# acknowledged interaction and chat message is looked up in PostgreSQL, SIPp's calls are matched with the call records
# (failed calls must all have been on the killed node; the killed node's live calls closed with node_failure) and the
# time until the tenant answers again on a survivor is printed (bench/cluster/check.py).
#   flock /tmp/parley-load.lock bench/cluster/kill-node.sh [RATE=10] [SECS=90] [KILL_AT=40] [CALL_MS=15000] [CHATS=300] [CHAT_MS=5000] [API=12]
# Ends by itself (every step bounded) and stops everything it started; output in /tmp/parley-cluster-bench-*.
RATE=${1:-10}
SECS=${2:-90}
KILL_AT=${3:-40}
CALL_MS=${4:-15000}
CHATS=${5:-300}
CHAT_MS=${6:-5000}
API=${7:-12}
source "$(dirname "$0")/lib.sh"

echo "kill -9 under mixed load: $(date -u +%FT%TZ), $(nproc) cores, load $(load_average); $RATE calls/s of $CALL_MS ms, $CHATS chats (1 message / $CHAT_MS ms), $API API writers, $SECS s, kill at $KILL_AT s"
bench_start_cluster
bench_setup_tenant
bench_start_calls "$RATE" "$CALL_MS" $(( RATE * SECS ))
bench_start_web "$API" "$CHATS" "$CHAT_MS" "$SECS"
START=$(date +%s)
sleep "$KILL_AT"
VICTIM=$(grain_host)
[ -n "$VICTIM" ] || { log "no node logged the tenant grain's activation; killing node-2"; VICTIM=2; }
log "load before the kill: $(load_average); the demo tenant's routing grain is on node-$VICTIM"
KILL_MS=$(now_ms)
kill -KILL "${node_pid[$VICTIM]}"
log "SIGKILL node-$VICTIM (pid ${node_pid[$VICTIM]})"
sleep $(( SECS - ($(date +%s) - START) ))
log "load: $(load_average); stopping the load"
bench_stop_web
bench_stop_calls
bench_wait_load $(( CALL_MS / 1000 + 60 ))
sleep 5  # the survivors close what the dead node left within seconds; give them a margin
for n in "${nodes[@]}"; do
  [ "$n" = "$VICTIM" ] && continue
  grep -h -E 'Routing of tenant .* activated|node_failure|closed .* calls? of' "$cluster_root/logs/node-$n.log" | tail -3 | sed "s/^/node-$n: /" | cut -c1-240 || true
done
bench_check "$VICTIM" "$KILL_MS"
