#!/usr/bin/env bash
# Starts a three-node Parley cluster on this machine, everything on loopback, from Debian packages:
#   - a throwaway PostgreSQL cluster under $PARLEY_CLUSTER_DIR/postgres (Parley's records, Orleans' membership),
#   - redis-server (the SignalR backplane),
#   - three Parley nodes in cluster mode AdoNet, each on its own HTTP, SIP, silo and RTP ports, sharing one data
#     directory (keys, demo secrets, tenants' files) and the demo tenant,
#   - Kamailio's dispatcher on 127.0.0.1:5060 in front of the nodes' SIP ports, when kamailio is installed.
# Prints where to point a browser and a softphone; Ctrl-C stops everything it started. State is kept between runs
# (delete $PARLEY_CLUSTER_DIR to start afresh). Extra arguments go to every node, e.g. --Parley:Logging:Format=Json
# PARLEY_CLUSTER_PORT_OFFSET (default 0) moves every port below by that much, to run beside other servers.
set -euo pipefail
cd "$(dirname "$0")/.."
source eng/packages.sh
require_dotnet
require_packages postgresql redis-server curl jq tzdata espeak-ng libespeak-ng1 pocketsphinx libpocketsphinx3 pocketsphinx-en-us
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

cluster_root="${PARLEY_CLUSTER_DIR:-$(pwd)/cluster-data}"
cluster_offset="${PARLEY_CLUSTER_PORT_OFFSET:-0}"
root=$cluster_root
source eng/cluster-lib.sh

stop_all() {
  local status=$?
  trap - EXIT INT TERM
  echo "Stopping the cluster…"
  cluster_stop 400  # a draining node may take Parley:Cluster:DrainTimeout (5 min) + 20 s
  exit "$status"  # also ends the watch loop below when a signal interrupted it
}

echo "Building Parley (Release, ReadyToRun)…"
cluster_publish

# PostgreSQL: one throwaway cluster owned by the postgres user when run as root, like the tests' PostgresCluster.
trap stop_all EXIT INT TERM
cluster_start_postgres
echo "PostgreSQL on 127.0.0.1:$pg_port (data in $root/postgres)"
cluster_start_redis
echo "Redis on 127.0.0.1:$redis_port"

# Node 1 first: it migrates the database and seeds the demo tenant and the shared secrets; then the others join.
cluster_start_node 1 "$@"
wait_ready 1 || exit 1
cluster_start_node 2 "$@"
cluster_start_node 3 "$@"
wait_ready 2 || exit 1
wait_ready 3 || exit 1

sip_target="127.0.0.1:$(sip_port 1) (node 1; $(sip_port 2) and $(sip_port 3) are nodes 2 and 3)"
if command -v kamailio >/dev/null 2>&1; then
  cluster_start_kamailio
  sip_target="127.0.0.1:$sip_front (Kamailio's dispatcher over the three nodes)"
fi

secrets="$root/data/demo-secrets.json"
cat <<EOF

Parley cluster is running: three nodes, one demo tenant. Logs in $root/logs; Ctrl-C stops everything.

  Browser   http://127.0.0.1:$(http_port 1)  http://127.0.0.1:$(http_port 2)  http://127.0.0.1:$(http_port 3)  (any node; tenant demo)
            admin / $(jq -r .AdminPassword "$secrets")   supervisor / $(jq -r .SupervisorPassword "$secrets")   agent1..agent3 / $(jq -r .AgentPassword "$secrets")
  Softphone register to $sip_target
            user agent1 (or agent2, agent3), domain demo.sip.parley, password $(jq -r .SipPassword "$secrets")
            call +15550100 for the demo IVR
  API       client demo-api, secret $(jq -r .ApiClientSecret "$secrets")
  Cluster   silos 127.0.0.1:$(silo_port 1)-$(silo_port 3), membership in PostgreSQL 127.0.0.1:$pg_port/parley, Redis 127.0.0.1:$redis_port
EOF
# A node that exits (kill -9 one to watch the others take over, or a crash) leaves the rest running; PostgreSQL, Redis
# or Kamailio exiting stops everything, as does Ctrl-C.
while true; do
  wait -n "${cluster_pids[@]}" || true
  infrastructure_down=0
  for pid in "${cluster_pids[@]}"; do
    is_node=0
    for n in "${!node_pid[@]}"; do [ "${node_pid[$n]}" = "$pid" ] && is_node=1; done
    if ! kill -0 "$pid" 2>/dev/null; then
      if [ "$is_node" = 1 ]; then
        for n in "${!node_pid[@]}"; do
          if [ "${node_pid[$n]}" = "$pid" ]; then
            echo "Node $n (pid $pid) exited; the other nodes keep serving (log: $root/logs/node-$n.log). Ctrl-C stops everything." >&2
            unset "node_pid[$n]"
          fi
        done
      else
        infrastructure_down=1
      fi
    fi
  done
  alive=()
  for pid in "${cluster_pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
  if [ "$infrastructure_down" = 1 ] || [ "${#node_pid[@]}" -eq 0 ]; then
    echo "A process the cluster needs exited; stopping the rest." >&2
    break
  fi
  cluster_pids=("${alive[@]}")
done
