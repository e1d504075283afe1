# Sourced by bench/cluster/kill-node.sh and rolling-restart.sh: a fresh three-node cluster (eng/cluster-lib.sh) under a
# temporary directory, the bench's tenant set-up, the mixed load (SIPp through Kamailio to the demo IVR; web chats and
# API writes from bench/cluster's driver) and the checks afterwards. Loopback only; every process started here is ended
# by bench_cleanup (trapped on exit).
# Ports: PARLEY_BENCH_PORT_OFFSET (default 700) moves eng/cluster-lib.sh's ports: HTTP 5781-5783, SIP 5771-5773,
# Kamailio 5760, silos 11811-11813, PostgreSQL 16132, Redis 17079, RTP 20700-32698 (below the ephemeral range).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
OUT=$(mktemp -d /tmp/parley-cluster-bench-XXXX)
chmod 755 "$OUT"
cluster_root="$OUT/cluster"
cluster_offset=${PARLEY_BENCH_PORT_OFFSET:-700}
mkdir -p "$cluster_root"
source eng/cluster-lib.sh
CALLER=127.0.0.52
ORIGIN=https://bench.example
WIDGET=cluster-bench
ADMIN_PASSWORD=Bench-Admin-Secret-1
free_port() { python3 -c 'import socket,sys; s=socket.socket(socket.AF_INET, getattr(socket, sys.argv[1])); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' "$1"; }
SIPP_PORT=$(free_port SOCK_DGRAM)
SIPP_CONTROL=$(free_port SOCK_DGRAM)
SIPP_MEDIA=$(free_port SOCK_DGRAM)
bench_pids=()
# Settings for every node: no HTTP rate limits (one driver), admission above the offered rate, web chat budgets per
# address lifted (every visitor comes from 127.0.0.1), calls drained within a minute.
NODE_ARGS=(--Parley:Demo:AdminPassword="$ADMIN_PASSWORD" --Parley:RateLimits:Enabled=false
  --Parley:Sip:Admission:CallsPerSecond=200 --Parley:Sip:Admission:MaxConcurrentCalls=4000
  --Parley:WebChat:IpMessagesPerSecond=1000000 --Parley:WebChat:IpMessageBurst=1000000
  --Parley:WebChat:IpChatStartBurst=1000000 --Parley:WebChat:IpChatStartsPerMinute=1000000
  --Parley:WebChat:MaxConnectionsPerIp=1000000 --Parley:Cluster:DrainTimeout=00:01:00)

load_average() { cut -d' ' -f1-3 /proc/loadavg; }
now_ms() { date +%s%3N; }
log() { echo "[$(date -u +%T)] $*"; }

bench_cleanup() {
  trap - EXIT INT TERM
  [ -n "${SIPP_PID:-}" ] && kill -TERM "$SIPP_PID" 2>/dev/null || true
  for pid in "${bench_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${bench_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  cluster_stop 90
  log "stopped; output kept in $OUT (delete it when done)"
}

bench_start_cluster() {
  command -v sipp >/dev/null || { echo "sipp missing (apt-get install sip-tester)"; exit 1; }
  command -v kamailio >/dev/null || { echo "kamailio missing (apt-get install kamailio)"; exit 1; }
  log "building (server published ReadyToRun to artifacts/server; the driver in Release)"
  cluster_publish
  dotnet build bench/cluster -c Release -v quiet -nologo >/dev/null
  trap bench_cleanup EXIT INT TERM
  cluster_start_postgres
  cluster_start_redis
  cluster_start_node 1 "${NODE_ARGS[@]}"
  wait_ready 1
  cluster_start_node 2 "${NODE_ARGS[@]}"
  cluster_start_node 3 "${NODE_ARGS[@]}"
  wait_ready 2
  wait_ready 3
  cluster_start_kamailio
  log "cluster up: nodes $(node_url 1) $(node_url 2) $(node_url 3), Kamailio 127.0.0.1:$sip_front, PostgreSQL $pg_port; output in $OUT"
}

# The bench's tenant set-up, through node 1's API as the demo admin: a trunk for the SIPp caller, an API client for the
# writers, a chat queue without a wait limit and a widget for it.
bench_setup_tenant() {
  local base cookies="$OUT/cookies" client
  base=$(node_url 1)
  curl -sf -c "$cookies" -H 'Content-Type: application/json' -o /dev/null \
    -d "{\"tenant\":\"demo\",\"userName\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" "$base/api/v1/auth/sign-in"
  curl -sf -b "$cookies" -H 'Content-Type: application/json' -o /dev/null \
    -d "{\"name\":\"Cluster bench carrier\",\"allowedAddresses\":[\"$CALLER/32\"],\"maxConcurrentCalls\":10000,\"maxCallsPerSecond\":1000}" "$base/api/v1/trunks"
  client=$(curl -sf -b "$cookies" -H 'Content-Type: application/json' \
    -d '{"name":"cluster bench","permissions":["interactions.write","interactions.read"]}' "$base/api/v1/api-clients")
  local id secret
  id=$(jq -r .client.clientId <<<"$client")
  secret=$(jq -r .clientSecret <<<"$client")
  TOKEN=$(curl -sf -d grant_type=client_credentials --data-urlencode "client_id=$id" --data-urlencode "client_secret=$secret" \
    "$base/connect/token" | jq -r .access_token)
  API_QUEUE=$(curl -sf -b "$cookies" "$base/api/v1/queues" | jq -r '(if type == "object" then .items else . end)[0].id')
  CHAT_QUEUE=$(curl -sf -b "$cookies" -H 'Content-Type: application/json' \
    -d '{"name":"Cluster bench chat","channels":["Chat"]}' "$base/api/v1/queues" | jq -r .id)
  curl -sf -b "$cookies" -H 'Content-Type: application/json' -o /dev/null \
    -d "{\"name\":\"Cluster bench\",\"key\":\"$WIDGET\",\"allowedOrigins\":[\"$ORIGIN\"],\"queueId\":\"$CHAT_QUEUE\",\"title\":\"Bench\"}" \
    "$base/api/v1/webchat/widgets"
}

# SIPp through Kamailio: RATE calls/s to the demo IVR number until told to stop (or MAX_CALLS), each CALL_MS long.
bench_start_calls() {  # rate call-ms max-calls
  python3 bench/load/caller-audio.py "$OUT/caller.ulaw" 2
  (cd "$OUT" && exec timeout 900 sipp -sf "$ROOT/bench/load/ivr-uac.xml" "127.0.0.1:$sip_front" -i "$CALLER" -p "$SIPP_PORT" \
    -mi "$CALLER" -mp "$SIPP_MEDIA" -cp "$SIPP_CONTROL" -r "$1" -d "$2" -m "$3" -l 5000 -nostdin \
    -trace_logs -trace_rtt -rtt_freq 1 -trace_screen -screen_file "$OUT/sipp-screen.txt" >/dev/null 2>"$OUT/sipp.err") &
  SIPP_PID=$!
  bench_pids+=($SIPP_PID)
}

# Stops new calls; SIPp ends once the live ones are over ('q' on its control port).
bench_stop_calls() { echo q | python3 -c "import socket,sys; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'q', ('127.0.0.1', int(sys.argv[1])))" "$SIPP_CONTROL"; }

bench_start_web() {  # api-connections chats chat-interval-ms max-seconds
  local urls
  urls="$(node_url 1),$(node_url 2),$(node_url 3)"
  timeout $(( $4 + 120 )) dotnet bench/cluster/bin/Release/net10.0/Parley.Bench.Cluster.dll "$urls" "$TOKEN" "$API_QUEUE" "$WIDGET" "$ORIGIN" \
    "$1" "$2" "$3" "$4" "$OUT" >"$OUT/driver.txt" 2>&1 &
  WEB_PID=$!
  bench_pids+=($WEB_PID)
}

bench_stop_web() { touch "$OUT/stop"; }

# Waits for SIPp and the driver to finish (at most $1 seconds), then prints their summaries.
bench_wait_load() {
  local until=$(( $(date +%s) + ${1:-120} ))
  while { kill -0 "$SIPP_PID" 2>/dev/null || kill -0 "$WEB_PID" 2>/dev/null; } && [ "$(date +%s)" -lt "$until" ]; do sleep 1; done
  kill -TERM "$SIPP_PID" 2>/dev/null || true
  wait "$WEB_PID" 2>/dev/null || true
  wait "$SIPP_PID" 2>/dev/null || true
  cat "$OUT/driver.txt"
  grep -E "Successful call|Failed call|Peak was" "$OUT/sipp-screen.txt" | tail -3 || true
}

# The node whose log says it activated the demo tenant's routing grain last and has not deactivated it since (event 6001/6002).
grain_host() {
  for n in "${nodes[@]}"; do
    local a d
    a=$(grep -c 'Routing of tenant .* activated' "$cluster_root/logs/node-$n.log" || true)
    d=$(grep -c 'Routing of tenant .* deactivated' "$cluster_root/logs/node-$n.log" || true)
    if [ "$a" -gt "$d" ]; then echo "$n"; fi
  done | head -1
}

# Every acknowledged id looked up in PostgreSQL, SIPp's calls matched with the call records (bench/cluster/check.py).
bench_check() {  # [killed node number] [kill time, unix ms]
  cluster_psql -F ',' -c "SELECT \"SipCallId\", \"NodeId\", coalesce(\"ReleaseCause\", ''), coalesce(\"Disposition\", ''),
      coalesce((extract(epoch from \"ArrivedAt\") * 1000)::bigint, 0), coalesce((extract(epoch from \"EndedAt\") * 1000)::bigint, 0),
      coalesce(\"InteractionId\"::text, '') FROM \"CallRecords\"" >"$OUT/call-records.csv"
  cluster_psql -c "CREATE TABLE bench_acked (id uuid)" -c "\\copy bench_acked FROM '$OUT/interactions.txt'"
  cluster_psql -c "CREATE TABLE bench_chats (id uuid, acked bigint, sent bigint)" -c "\\copy bench_chats FROM '$OUT/chats.csv' WITH (FORMAT csv)"
  {
    echo "interactions_missing=$(cluster_psql -c 'SELECT count(*) FROM bench_acked a WHERE NOT EXISTS (SELECT 1 FROM "Interactions" i WHERE i."Id" = a.id)')"
    echo "interactions_without_history=$(cluster_psql -c 'SELECT count(*) FROM bench_acked a WHERE NOT EXISTS (SELECT 1 FROM "RoutingHistory" h WHERE h."InteractionId" = a.id)')"
    echo "chats_missing=$(cluster_psql -c 'SELECT count(*) FROM bench_chats c WHERE NOT EXISTS (SELECT 1 FROM "ChatConversations" v WHERE v."Id" = c.id)')"
    echo "chat_messages_acked=$(cluster_psql -c 'SELECT coalesce(sum(acked), 0) FROM bench_chats')"
    echo "chat_messages_missing=$(cluster_psql -c "SELECT coalesce(sum(c.acked - (SELECT count(*) FROM \"ChatMessages\" m WHERE m.\"ConversationId\" = c.id AND m.\"Direction\" = 'customer' AND m.\"Seq\" <= c.acked)), 0) FROM bench_chats c")"
    echo "chat_messages_stored_beyond_ack=$(cluster_psql -c "SELECT count(*) FROM bench_chats c JOIN \"ChatMessages\" m ON m.\"ConversationId\" = c.id AND m.\"Direction\" = 'customer' AND m.\"Seq\" > c.acked")"
    echo "chat_interactions_without_history=$(cluster_psql -c 'SELECT count(*) FROM bench_chats c JOIN "ChatConversations" v ON v."Id" = c.id WHERE NOT EXISTS (SELECT 1 FROM "RoutingHistory" h WHERE h."InteractionId" = v."InteractionId")')"
    echo "call_interactions_without_history=$(cluster_psql -c 'SELECT count(*) FROM "CallRecords" r WHERE r."InteractionId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "RoutingHistory" h WHERE h."InteractionId" = r."InteractionId")')"
  } >"$OUT/db-checks.txt"
  python3 bench/cluster/check.py "$OUT" "${1:-}" "${2:-}"
}
