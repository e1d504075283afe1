#!/usr/bin/env bash
# Password guessing: wrong SIP digests per minute from one address. Starts the sip-uas bench command (the Parley.Sip stack
# with its registrar and digest authenticator, account bench@parley) on a free loopback port, then runs the sip-guess
# driver against it. Loopback only, every process bounded in time.
#   bench/load/sip-guess.sh [SECONDS=30] [WORKERS=8] [TARGET_BENCH_DLL=this tree's Release build]
# TARGET_BENCH_DLL lets the same driver measure another build (e.g. a worktree of an older commit).
set -euo pipefail
SECS=${1:-30}
WORKERS=${2:-8}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH="$ROOT/bench/Parley.Bench/bin/Release/net10.0/Parley.Bench.dll"
TARGET=${3:-$BENCH}
OUT=$(mktemp -d /tmp/parley-sip-guess-XXXX)
[ -f "$BENCH" ] || dotnet build -c Release "$ROOT/bench/Parley.Bench" >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "target: $TARGET"
timeout $(( SECS + 40 )) dotnet "$TARGET" sip-uas 0 $(( SECS + 20 )) bench:Bench-Right-2026 > "$OUT/uas.log" 2>&1 &
UAS=$!
PORT=
for _ in $(seq 1 150); do
  PORT=$(grep -oE 'UDP [0-9.]+:[0-9]+' "$OUT/uas.log" | head -1 | sed 's/.*://') || true
  [ -n "$PORT" ] && break
  sleep 0.2
done
[ -n "$PORT" ] || { echo "sip-uas did not start"; cat "$OUT/uas.log"; kill "$UAS" 2>/dev/null; exit 1; }
timeout $(( SECS + 30 )) dotnet "$BENCH" sip-guess "127.0.0.1:$PORT" bench parley "$SECS" "$WORKERS" | tee "$OUT/guess.log"
kill -TERM "$UAS" 2>/dev/null || true
wait "$UAS" 2>/dev/null || true
sed 's/^/target: /' "$OUT/uas.log" | grep -v bindings || true
