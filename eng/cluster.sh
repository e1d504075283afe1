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

root="${PARLEY_CLUSTER_DIR:-$(pwd)/cluster-data}"
offset="${PARLEY_CLUSTER_PORT_OFFSET:-0}"
pg_port=$((15432 + offset))
redis_port=$((16379 + offset))
sip_front=$((5060 + offset))
nodes=(1 2 3)
http_port() { echo $((5080 + offset + $1)); }   # 5081, 5082, 5083
sip_port() { echo $((5070 + offset + $1)); }    # 5071, 5072, 5073
silo_port() { echo $((11110 + offset + $1)); }  # 11111, 11112, 11113
rtp_min() { echo $((20000 + offset + ($1 - 1) * 4000)); }  # 20000-23998, 24000-27998, 28000-31998
rtp_max() { echo $((20000 + offset + $1 * 4000 - 2)); }
mkdir -p "$root/logs" "$root/data" "$root/redis"
pids=()

stop_all() {
  trap - EXIT INT TERM
  echo "Stopping the cluster…"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  as_postgres "$pg_bin/pg_ctl" -D "$root/postgres" -m fast -w stop >/dev/null 2>&1 || true
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

wait_ready() {  # url, name, log
  for _ in $(seq 1 240); do
    if curl -fs "$1/health/ready" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "$2 did not become ready; its log: $3" >&2
  tail -n 30 "$3" >&2
  exit 1
}

echo "Building Parley (Release, ReadyToRun)…"
out="$(pwd)/artifacts/server"
dotnet publish src/Parley.Server -c Release -r linux-x64 --no-self-contained -p:PublishReadyToRun=true -o "$out" -v quiet -nologo

# PostgreSQL: one throwaway cluster owned by the postgres user when run as root, like the tests' PostgresCluster.
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
trap stop_all EXIT INT TERM
if [ ! -f "$root/postgres/PG_VERSION" ]; then
  mkdir -p "$root/postgres"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$root/postgres" "$root"
  as_postgres "$pg_bin/initdb" -D "$root/postgres" -U parley -A trust -E UTF8 >/dev/null
fi
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$root" "$root/logs"
as_postgres "$pg_bin/pg_ctl" -D "$root/postgres" -l "$root/logs/postgres.log" -w -t 60 \
  -o "-p $pg_port -k $root -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
psql -h 127.0.0.1 -p "$pg_port" -U parley -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'parley'" | grep -q 1 \
  || psql -h 127.0.0.1 -p "$pg_port" -U parley -d postgres -qc "CREATE DATABASE parley"
connection="Host=127.0.0.1;Port=$pg_port;Username=parley;Database=parley;Maximum Pool Size=60"
echo "PostgreSQL on 127.0.0.1:$pg_port (data in $root/postgres)"

redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$root/redis" --save 60 1 --appendonly no \
  >"$root/logs/redis.log" 2>&1 &
pids+=($!)
echo "Redis on 127.0.0.1:$redis_port"

start_node() {
  local n=$1
  (cd "$out" && exec dotnet Parley.Server.dll --demo \
    --urls "http://127.0.0.1:$(http_port "$n")" \
    --Parley:NodeId="node-$n" \
    --Parley:DataDirectory="$root/data" \
    --Parley:Database:Provider=Postgres \
    --ConnectionStrings:Parley="$connection" \
    --Parley:Cluster:Mode=AdoNet \
    --Parley:Cluster:AdvertisedAddress=127.0.0.1 \
    --Parley:Cluster:SiloPort="$(silo_port "$n")" \
    --Parley:Redis="127.0.0.1:$redis_port" \
    --Parley:Sip:Address=127.0.0.1 \
    --Parley:Sip:Port="$(sip_port "$n")" \
    --Parley:Sip:Defence:ProxyAddresses:0=127.0.0.1 \
    --Parley:Media:BindAddress=127.0.0.1 \
    --Parley:Media:RtpPortMin="$(rtp_min "$n")" \
    --Parley:Media:RtpPortMax="$(rtp_max "$n")" \
    "${@:2}") >"$root/logs/node-$n.log" 2>&1 &
  pids+=($!)
}

# Node 1 first: it migrates the database and seeds the demo tenant and the shared secrets; then the others join.
start_node 1 "$@"
wait_ready "http://127.0.0.1:$(http_port 1)" node-1 "$root/logs/node-1.log"
start_node 2 "$@"
start_node 3 "$@"
wait_ready "http://127.0.0.1:$(http_port 2)" node-2 "$root/logs/node-2.log"
wait_ready "http://127.0.0.1:$(http_port 3)" node-3 "$root/logs/node-3.log"

sip_target="127.0.0.1:$(sip_port 1) (node 1; $(sip_port 2) and $(sip_port 3) are nodes 2 and 3)"
if command -v kamailio >/dev/null 2>&1; then
  kamailio_dir="$root/kamailio"
  mkdir -p "$kamailio_dir"
  : >"$kamailio_dir/dispatcher.list"
  for n in "${nodes[@]}"; do echo "1 sip:127.0.0.1:$(sip_port "$n") 0 0 node=node-$n" >>"$kamailio_dir/dispatcher.list"; done
  sed -e "s|/etc/kamailio/parley-dispatcher.list|$kamailio_dir/dispatcher.list|" \
      -e "s|^#!substdef \"!PARLEY_LISTEN!.*|#!substdef \"!PARLEY_LISTEN!udp:127.0.0.1:$sip_front!\"|" \
      deploy/kamailio/kamailio.cfg >"$kamailio_dir/kamailio.cfg"
  kamailio -DD -E -f "$kamailio_dir/kamailio.cfg" -Y "$kamailio_dir" -P "$kamailio_dir/kamailio.pid" \
    >"$root/logs/kamailio.log" 2>&1 &
  pids+=($!)
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
wait -n "${pids[@]}" || true
echo "A process of the cluster exited; stopping the rest." >&2
