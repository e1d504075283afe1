# Sourced by eng/cluster.sh and bench/cluster/*.sh: the pieces of a three-node Parley cluster on one machine, everything
# on loopback — a throwaway PostgreSQL cluster, redis-server, Parley nodes in cluster mode AdoNet and Kamailio's
# dispatcher in front of their SIP ports. The caller sets, before sourcing:
#   cluster_root   directory for PostgreSQL, Redis, Kamailio, the nodes' shared data directory and logs/
#   cluster_offset added to every port below (default 0)
# and may set cluster_rtp_base (default 20000 + offset; node n gets 4,000 ports from base + (n-1) × 4,000).
# Every process started is recorded in cluster_pids (node n's also in node_pid[n]); cluster_stop ends them all.

cluster_offset=${cluster_offset:-0}
cluster_rtp_base=${cluster_rtp_base:-$((20000 + cluster_offset))}
pg_port=$((15432 + cluster_offset))
redis_port=$((16379 + cluster_offset))
sip_front=$((5060 + cluster_offset))
nodes=(1 2 3)
http_port() { echo $((5080 + cluster_offset + $1)); }   # 5081, 5082, 5083
sip_port() { echo $((5070 + cluster_offset + $1)); }    # 5071, 5072, 5073
silo_port() { echo $((11110 + cluster_offset + $1)); }  # 11111, 11112, 11113
rtp_min() { echo $((cluster_rtp_base + ($1 - 1) * 4000)); }  # 20000-23998, 24000-27998, 28000-31998
rtp_max() { echo $((cluster_rtp_base + $1 * 4000 - 2)); }
node_url() { echo "http://127.0.0.1:$(http_port "$1")"; }
cluster_server_dir="$(pwd)/artifacts/server"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
cluster_pids=()
declare -A node_pid=()

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Every process this script started gets SIGTERM, then SIGKILL after $1 seconds (default 60); PostgreSQL stops last.
cluster_stop() {
  local grace=${1:-60}
  for pid in "${cluster_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 $((grace * 2))); do
    local alive=0
    for pid in "${cluster_pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ $alive -eq 0 ] && break
    sleep 0.5
  done
  for pid in "${cluster_pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  for pid in "${cluster_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -f "$cluster_root/postgres/PG_VERSION" ] && as_postgres "$pg_bin/pg_ctl" -D "$cluster_root/postgres" -m fast -w stop >/dev/null 2>&1 || true
}

wait_ready() {  # node number [seconds=120]: until its /health/ready answers 200
  local n=$1 tries=$(( ${2:-120} * 2 ))
  for _ in $(seq 1 "$tries"); do
    if curl -fs "$(node_url "$n")/health/ready" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "node-$n did not become ready; its log: $cluster_root/logs/node-$n.log" >&2
  tail -n 30 "$cluster_root/logs/node-$n.log" >&2
  return 1
}

cluster_publish() {  # the Release server, ReadyToRun, into artifacts/server
  dotnet publish src/Parley.Server -c Release -r linux-x64 --no-self-contained -p:PublishReadyToRun=true \
    -o "$cluster_server_dir" -v quiet -nologo
}

cluster_start_postgres() {
  mkdir -p "$cluster_root/logs"
  if [ ! -f "$cluster_root/postgres/PG_VERSION" ]; then
    mkdir -p "$cluster_root/postgres"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$cluster_root/postgres" "$cluster_root"
    as_postgres "$pg_bin/initdb" -D "$cluster_root/postgres" -U parley -A trust -E UTF8 >/dev/null
  fi
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$cluster_root" "$cluster_root/logs"
  as_postgres "$pg_bin/pg_ctl" -D "$cluster_root/postgres" -l "$cluster_root/logs/postgres.log" -w -t 60 \
    -o "-p $pg_port -k $cluster_root -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
  psql -h 127.0.0.1 -p "$pg_port" -U parley -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'parley'" | grep -q 1 \
    || psql -h 127.0.0.1 -p "$pg_port" -U parley -d postgres -qc "CREATE DATABASE parley"
  cluster_connection="Host=127.0.0.1;Port=$pg_port;Username=parley;Database=parley;Maximum Pool Size=60"
}

cluster_psql() { psql -h 127.0.0.1 -p "$pg_port" -U parley -d parley -v ON_ERROR_STOP=1 -qtA "$@"; }

cluster_start_redis() {
  mkdir -p "$cluster_root/redis" "$cluster_root/logs"
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$cluster_root/redis" --save 60 1 --appendonly no \
    >"$cluster_root/logs/redis.log" 2>&1 &
  cluster_pids+=($!)
}

# node number, extra arguments for the server. The log is appended to, so a restarted node keeps its earlier lines.
cluster_start_node() {
  local n=$1
  mkdir -p "$cluster_root/data" "$cluster_root/logs"
  (cd "$cluster_server_dir" && exec dotnet Parley.Server.dll --demo \
    --urls "http://127.0.0.1:$(http_port "$n")" \
    --Parley:NodeId="node-$n" \
    --Parley:PublicUrl="$(node_url 1)" \
    --Parley:DataDirectory="$cluster_root/data" \
    --Parley:Database:Provider=Postgres \
    --ConnectionStrings:Parley="$cluster_connection" \
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
    "${@:2}") >>"$cluster_root/logs/node-$n.log" 2>&1 &
  node_pid[$n]=$!
  cluster_pids+=($!)
}

# Kamailio's dispatcher (deploy/kamailio/kamailio.cfg) on 127.0.0.1:$sip_front over the nodes' SIP ports.
cluster_start_kamailio() {
  local dir="$cluster_root/kamailio"
  mkdir -p "$dir" "$cluster_root/logs"
  : >"$dir/dispatcher.list"
  for n in "${nodes[@]}"; do echo "1 sip:127.0.0.1:$(sip_port "$n") 0 0 node=node-$n" >>"$dir/dispatcher.list"; done
  sed -e "s|/etc/kamailio/parley-dispatcher.list|$dir/dispatcher.list|" \
      -e "s|^#!substdef \"!PARLEY_LISTEN!.*|#!substdef \"!PARLEY_LISTEN!udp:127.0.0.1:$sip_front!\"|" \
      deploy/kamailio/kamailio.cfg >"$dir/kamailio.cfg"
  kamailio -DD -E -f "$dir/kamailio.cfg" -Y "$dir" -P "$dir/kamailio.pid" >"$cluster_root/logs/kamailio.log" 2>&1 &
  cluster_pids+=($!)
}
