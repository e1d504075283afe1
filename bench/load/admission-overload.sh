#!/usr/bin/env bash
# Admission overload: starts Parley.Server in demo mode (fresh data directory, HTTP and SIP on loopback, free ports) with
# Parley:Sip:Admission:CallsPerSecond=RATE, then SIPp (bench/load/admission-uac.xml) calls the public echo test at
# FACTOR x RATE for SECS seconds, each admitted call held CALL_MS and hung up with BYE; refused calls get 503 and are
# acknowledged. Then a recovery run at RATE/2 for 10 s must see no 503. Reports admitted/failed/refused calls, time to
# 503 (SIPp response time 1, every call traced), the server's RSS (sampled each second) and its admission metrics.
# The echo test's own cap (Parley:Voice:Echo:MaxConcurrentCalls, 100) is raised so that only admission refuses.
# Loopback only, every process bounded in time.
#   bench/load/admission-overload.sh [RATE=50] [FACTOR=3] [SECS=30] [CALL_MS=2000] [SERVER_DIR=src/Parley.Server/bin/Release/net10.0]
set -euo pipefail
RATE=${1:-50}
FACTOR=${2:-3}
SECS=${3:-30}
CALL_MS=${4:-2000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SERVER_DIR=${5:-$ROOT/src/Parley.Server/bin/Release/net10.0}
OUT=$(mktemp -d /tmp/parley-admission-XXXX)
free_port() { python3 -c 'import socket,sys; s=socket.socket(socket.AF_INET, getattr(socket, sys.argv[1])); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' "$1"; }
HTTP_PORT=$(free_port SOCK_STREAM)
command -v sipp >/dev/null || { echo "sipp missing (apt-get install sip-tester)"; exit 1; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server: $SERVER_DIR; admission $RATE cps, offered $(( RATE * FACTOR )) cps for $SECS s, calls of $CALL_MS ms; output in $OUT"
(cd "$SERVER_DIR" && exec timeout $(( SECS + 180 )) dotnet Parley.Server.dll --demo --Parley:DataDirectory="$OUT/data" \
  --urls "http://127.0.0.1:$HTTP_PORT" --Parley:Sip:Address=127.0.0.1 --Parley:Sip:Port=0 \
  --Parley:Sip:Admission:CallsPerSecond="$RATE" --Parley:Media:BindAddress=127.0.0.1 \
  --Parley:Voice:Echo:MaxConcurrentCalls=10000 > "$OUT/server.log" 2>&1) &
SERVER=$!
for _ in $(seq 1 900); do
  curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT/health/ready" && break
  sleep 0.1
done
SIP_PORT=$(grep -oE 'SIP UDP listening on 127.0.0.1:[0-9]+' "$OUT/server.log" | head -1 | sed 's/.*://')
[ -n "$SIP_PORT" ] || { echo "server did not start"; tail -5 "$OUT/server.log"; kill "$SERVER"; exit 1; }
PID=$(pgrep -n -f "^dotnet Parley.Server.dll --demo --Parley:DataDirectory=$OUT/data")
rss() { awk '/VmRSS/ {print int($2/1024)}' /proc/"$PID"/status 2>/dev/null || echo 0; }
( while kill -0 "$PID" 2>/dev/null; do echo "$(date +%s) $(rss)" >> "$OUT/rss.txt"; sleep 1; done ) &
SAMPLER=$!
metrics() { curl -s "http://127.0.0.1:$HTTP_PORT/metrics" | grep -E '^parley_sip_admission' | sed "s/^/$1: /"; }

run() { # name rate seconds
  local calls=$(( $2 * $3 ))
  (cd "$OUT" && timeout $(( $3 + 60 )) sipp -sf "$ROOT/bench/load/admission-uac.xml" -s echo "127.0.0.1:$SIP_PORT" -i 127.0.0.1 \
    -mp "$(free_port SOCK_DGRAM)" -r "$2" -m "$calls" -l 100000 -d "$CALL_MS" -nostdin -trace_rtt -rtt_freq 1 \
    -trace_screen -screen_file "$OUT/$1-screen.txt" -trace_stat -stf "$OUT/$1-stat.csv" >/dev/null 2>&1 || true)
  mv "$OUT"/admission-uac_*_rtt.csv "$OUT/$1-rtt.csv" 2>/dev/null || true
  grep -E "Successful call|Failed call" "$OUT/$1-screen.txt" | tail -2 | sed "s/^/$1: /"
  grep -E -- "---------->|<----------" "$OUT/$1-screen.txt" | head -12 | sed "s/^/$1: /"
  python3 - "$OUT/$1-rtt.csv" "$1" <<'PY'
import sys
values = []
try:
    for line in open(sys.argv[1]):
        parts = line.strip().split(';')
        if len(parts) >= 3 and parts[2] == '1':
            values.append(float(parts[1]))
except FileNotFoundError:
    pass
values.sort()
if values:
    q = lambda p: values[min(len(values) - 1, int(p * len(values)))]
    print(f"{sys.argv[2]}: INVITE->503 over {len(values)} refusals: p50 {q(0.5):.2f} ms, p99 {q(0.99):.2f} ms, max {values[-1]:.2f} ms")
else:
    print(f"{sys.argv[2]}: no 503")
PY
}

run overload $(( RATE * FACTOR )) "$SECS"
metrics overload
run recovery $(( RATE / 2 )) 10
metrics recovery
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk 'NR==1 {first=$2} {if ($2>max) max=$2; last=$2} END {print "server RSS MiB: at start " first ", max " max ", at end " last}' "$OUT/rss.txt"
kill -TERM "$SERVER" 2>/dev/null || true
wait "$SERVER" 2>/dev/null || true
kill "$SAMPLER" 2>/dev/null || true
grep -c '"EventId":4004' "$OUT/server.log" | sed 's/^/server: event 4004 lines: /' || true
