#!/usr/bin/env bash
# Password guessing against the real server: starts Parley.Server in demo mode (fresh data directory, HTTP and SIP on
# loopback, free ports), then runs the sip-guess driver with wrong digests for the demo account agent1@demo.sip.parley.
# Loopback only, every process bounded in time. Prints the server's fail2ban line(s) (event 4003) if any.
#   bench/load/sip-guess-server.sh [SECONDS=30] [WORKERS=8] [SERVER_DIR=src/Parley.Server/bin/Release/net10.0]
# SERVER_DIR lets the same driver measure another build (e.g. a worktree of an older commit).
set -euo pipefail
SECS=${1:-30}
WORKERS=${2:-8}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH="$ROOT/bench/Parley.Bench/bin/Release/net10.0/Parley.Bench.dll"
SERVER_DIR=${3:-$ROOT/src/Parley.Server/bin/Release/net10.0}
DATA=$(mktemp -d /tmp/parley-sip-guess-server-XXXX)
HTTP_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
[ -f "$BENCH" ] || dotnet build -c Release "$ROOT/bench/Parley.Bench" >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server: $SERVER_DIR"
(cd "$SERVER_DIR" && exec timeout $(( SECS + 120 )) dotnet Parley.Server.dll --demo --Parley:DataDirectory="$DATA" \
  --urls "http://127.0.0.1:$HTTP_PORT" --Parley:Sip:Address=127.0.0.1 --Parley:Sip:Port=0 > "$DATA/log" 2>&1) &
SERVER=$!
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT/health/ready" && break
  sleep 0.1
done
SIP_PORT=$(grep -oE 'SIP UDP listening on 127.0.0.1:[0-9]+' "$DATA/log" | head -1 | sed 's/.*://')
[ -n "$SIP_PORT" ] || { echo "server did not start"; tail -5 "$DATA/log"; kill "$SERVER"; exit 1; }
timeout $(( SECS + 30 )) dotnet "$BENCH" sip-guess "127.0.0.1:$SIP_PORT" agent1 demo.sip.parley "$SECS" "$WORKERS"
echo "server: $(grep -c '"EventId":3001' "$DATA/log") lines of event 3001 (one per checked failure)"
grep '"EventId":4003' "$DATA/log" | head -3 | sed 's/^/server: /' || true
curl -s "http://127.0.0.1:$HTTP_PORT/metrics" | grep '^parley_sip_auth' | sed 's/^/server: /' || true
kill -TERM "$SERVER" 2>/dev/null || true
wait "$SERVER" 2>/dev/null || true
rm -rf "$DATA"
