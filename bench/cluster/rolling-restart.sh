#!/usr/bin/env bash
# Rolling restart of all three nodes under load (issue 12, "Drain and rolling restart"). Starts a fresh cluster on
# loopback (eng/cluster-lib.sh), runs the same mixed load as kill-node.sh (SIPp through Kamailio to the demo IVR, web
# chats that reconnect elsewhere and re-send what was not acknowledged, closed-loop API writers), and after WARM seconds
# restarts node 1, 2, 3 in turn: SIGTERM, wait until the process has exited (it drains: Kamailio's probes get 503, live
# calls finish, Parley:Cluster:DrainTimeout = 60 s here), start it again, wait until /health/ready answers and Kamailio
# has taken it back (two good OPTIONS probes), then the next. AFTER seconds later the load stops and the checks run: no
# SIPp call failed, every call record closed, every acknowledged interaction and chat message in PostgreSQL.
#   flock /tmp/parley-load.lock bench/cluster/rolling-restart.sh [RATE=10] [CALL_MS=15000] [CHATS=300] [CHAT_MS=5000] [API=12] [WARM=20] [AFTER=15]
# Ends by itself (every wait bounded) and stops everything it started; output in /tmp/parley-cluster-bench-*.
RATE=${1:-10}
CALL_MS=${2:-15000}
CHATS=${3:-300}
CHAT_MS=${4:-5000}
API=${5:-12}
WARM=${6:-20}
AFTER=${7:-15}
source "$(dirname "$0")/lib.sh"

echo "rolling restart under mixed load: $(date -u +%FT%TZ), $(nproc) cores, load $(load_average); $RATE calls/s of $CALL_MS ms, $CHATS chats (1 message / $CHAT_MS ms), $API API writers"
bench_start_cluster
bench_setup_tenant
MAX=600
bench_start_calls "$RATE" "$CALL_MS" $(( RATE * MAX ))
bench_start_web "$API" "$CHATS" "$CHAT_MS" "$MAX"
sleep "$WARM"
for n in "${nodes[@]}"; do
  log "load $(load_average); SIGTERM node-$n (pid ${node_pid[$n]}), open call records on it: $(cluster_psql -c "SELECT count(*) FROM \"CallRecords\" WHERE \"NodeId\" = 'node-$n' AND \"EndedAt\" IS NULL")"
  t0=$(date +%s%3N)
  kill -TERM "${node_pid[$n]}"
  for _ in $(seq 1 200); do kill -0 "${node_pid[$n]}" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "${node_pid[$n]}" 2>/dev/null; then log "node-$n still running 100 s after SIGTERM; SIGKILL"; kill -KILL "${node_pid[$n]}"; fi
  wait "${node_pid[$n]}" 2>/dev/null || true
  t1=$(date +%s%3N)
  cluster_start_node "$n" "${NODE_ARGS[@]}"
  wait_ready "$n" 120
  t2=$(date +%s%3N)
  # Kamailio takes a node back after two good probes 5 s apart (deploy/kamailio/kamailio.cfg).
  for _ in $(seq 1 60); do
    kamcmd -s "unix:$cluster_root/kamailio/kamailio_ctl" dispatcher.list 2>/dev/null \
      | grep -A1 "URI: sip:127.0.0.1:$(sip_port "$n")$" | grep -q "FLAGS: AP" && break
    sleep 0.5
  done
  t3=$(date +%s%3N)
  log "node-$n: drained and exited $(( (t1 - t0) / 1000 )).$(( (t1 - t0) % 1000 / 100 )) s after SIGTERM; ready again $(( (t2 - t1) / 1000 )).$(( (t2 - t1) % 1000 / 100 )) s after start; active in Kamailio $(( (t3 - t2) / 1000 )).$(( (t3 - t2) % 1000 / 100 )) s later"
  grep -h -E '\[540[1-3]\]' "$cluster_root/logs/node-$n.log" | tail -2 | cut -c1-200 || true
done
sleep "$AFTER"
log "load: $(load_average); stopping the load"
bench_stop_web
bench_stop_calls
bench_wait_load $(( CALL_MS / 1000 + 60 ))
sleep 3
bench_check
