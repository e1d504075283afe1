#!/usr/bin/env bash
# Media load: N concurrent echo MediaSessions (the engine process) against N RTP callers in a second process (the
# media-load driver of bench/Parley.Bench/Media), each sending 50 packets/s; loopback only, bounded in time.
#   bench/load/media-echo.sh [SESSIONS=2000] [SECONDS=14]
set -euo pipefail
SESSIONS=${1:-2000}
SECS=${2:-14}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH="$ROOT/bench/Parley.Bench/bin/Release/net10.0/Parley.Bench.dll"
OUT=$(mktemp -d /tmp/parley-media-load-XXXX)
[ -f "$BENCH" ] || dotnet build -c Release "$ROOT/bench/Parley.Bench" >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
timeout $(( SECS + 60 )) dotnet "$BENCH" media-load --role engine --sessions "$SESSIONS" --warmup 6 --seconds "$SECS" --priority realtime --ports-file "$OUT/ports.txt" > "$OUT/engine.log" 2>&1 &
ENGINE=$!
for _ in $(seq 1 100); do [ -s "$OUT/ports.txt" ] && break; sleep 0.2; done
timeout $(( SECS + 60 )) dotnet "$BENCH" media-load --role callers --ports-file "$OUT/ports.txt" --warmup 3 --seconds "$SECS" --port-min 30000 --priority realtime > "$OUT/callers.log" 2>&1 || true
wait $ENGINE || true
echo "--- engine"; cat "$OUT/engine.log"
echo "--- callers"; cat "$OUT/callers.log"
