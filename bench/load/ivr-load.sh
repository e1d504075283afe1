#!/usr/bin/env bash
# IVR load (issue 8 "Proof"): starts the Release Parley.Server in demo mode (fresh data directory, HTTP and SIP on
# loopback, free ports; node admission raised to RATE+50 calls/s and 4,000 concurrent calls so that admission refuses
# nothing), creates a trunk for 127.0.0.51 through the API (as the demo admin) and has SIPp (bench/load/ivr-uac.xml)
# call the demo number +15550100 from 127.0.0.51 at RATE calls/s for SECS seconds. Each call: greeting (Parley's RTP
# out), the caller's own PCMU all call long (SIPp rtp_stream of bench/load/caller-audio.py's tone, RTP in), '2' by
# RFC 4733 after 3 s, then the Support queue (announcement, music) until CALL_MS, BYE.
# Reports failed calls, INVITE->200 (SIPp response time 1, every call traced), peak concurrent calls, the server's
# send jitter (parley_media_send_jitter_seconds on /metrics), its RSS and CPU. Loopback only, every process bounded.
#   bench/load/ivr-load.sh [RATE=200] [SECS=180] [CALL_MS=10000] [SERVER_DIR=src/Parley.Server/bin/Release/net10.0]
#   SERVER_ARGS="--Parley:Media:RtpPortMax=10999" bench/load/ivr-load.sh ...   (extra server settings, e.g. a small port range)
set -euo pipefail
RATE=${1:-200}
SECS=${2:-180}
CALL_MS=${3:-10000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SERVER_DIR=${4:-$ROOT/src/Parley.Server/bin/Release/net10.0}
CALLER=127.0.0.51
ADMIN_PASSWORD=Bench-Admin-Secret-1
OUT=$(mktemp -d /tmp/parley-ivr-load-XXXX)
free_port() { python3 -c 'import socket,sys; s=socket.socket(socket.AF_INET, getattr(socket, sys.argv[1])); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' "$1"; }
HTTP_PORT=$(free_port SOCK_STREAM)
BASE="http://127.0.0.1:$HTTP_PORT"
command -v sipp >/dev/null || { echo "sipp missing (apt-get install sip-tester)"; exit 1; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server: $SERVER_DIR; $RATE calls/s for $SECS s, calls of $CALL_MS ms; output in $OUT"
(cd "$SERVER_DIR" && exec timeout $(( SECS + CALL_MS / 1000 + 240 )) dotnet Parley.Server.dll --demo --Parley:DataDirectory="$OUT/data" \
  --urls "$BASE" --Parley:Sip:Address=127.0.0.1 --Parley:Sip:Port=0 --Parley:Media:BindAddress=127.0.0.1 \
  --Parley:Demo:AdminPassword="$ADMIN_PASSWORD" --Parley:RateLimits:Enabled=false \
  --Parley:Sip:Admission:CallsPerSecond=$(( RATE + 50 )) --Parley:Sip:Admission:MaxConcurrentCalls=4000 ${SERVER_ARGS:-} > "$OUT/server.log" 2>&1) &
SERVER=$!
for _ in $(seq 1 900); do
  curl -sf -o /dev/null "$BASE/health/ready" && break
  sleep 0.1
done
SIP_PORT=$(grep -oE 'SIP UDP listening on 127.0.0.1:[0-9]+' "$OUT/server.log" | head -1 | sed 's/.*://')
[ -n "$SIP_PORT" ] || { echo "server did not start"; tail -5 "$OUT/server.log"; kill "$SERVER"; exit 1; }
PID=$(pgrep -n -f "^dotnet Parley.Server.dll --demo --Parley:DataDirectory=$OUT/data")
curl -sf -c "$OUT/cookies" -H 'Content-Type: application/json' -d "{\"tenant\":\"demo\",\"userName\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/api/v1/auth/sign-in"
curl -sf -b "$OUT/cookies" -H 'Content-Type: application/json' -o /dev/null \
  -d "{\"name\":\"Load carrier\",\"allowedAddresses\":[\"$CALLER/32\"],\"maxConcurrentCalls\":10000,\"maxCallsPerSecond\":1000}" "$BASE/api/v1/trunks"
rss() { awk '/VmRSS/ {print int($2/1024)}' /proc/"$PID"/status 2>/dev/null || echo 0; }
cpu() { awk '{print $14 + $15}' /proc/"$PID"/stat; }
( while kill -0 "$PID" 2>/dev/null; do echo "$(date +%s) $(rss)" >> "$OUT/rss.txt"; sleep 1; done ) &
SAMPLER=$!
python3 "$ROOT/bench/load/caller-audio.py" "$OUT/caller.ulaw" 2
CPU0=$(cpu); T0=$(date +%s)
(cd "$OUT" && timeout $(( SECS + CALL_MS / 1000 + 60 )) sipp -sf "$ROOT/bench/load/ivr-uac.xml" "127.0.0.1:$SIP_PORT" -i "$CALLER" -mi "$CALLER" \
  -mp "$(free_port SOCK_DGRAM)" -r "$RATE" -m $(( RATE * SECS )) -l 5000 -d "$CALL_MS" -nostdin -trace_rtt -rtt_freq 1 \
  -trace_screen -screen_file "$OUT/screen.txt" -trace_stat -stf "$OUT/stat.csv" >/dev/null 2>&1 || true)
CPU1=$(cpu); T1=$(date +%s)
mv "$OUT"/ivr-uac_*_rtt.csv "$OUT/rtt.csv" 2>/dev/null || true
grep -E "Successful call|Failed call|Peak was" "$OUT/screen.txt" | tail -3
grep -E -- "---------->|<----------" "$OUT/screen.txt" | head -12
python3 - "$OUT/rtt.csv" <<'PY'
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
    print(f"INVITE->200 over {len(values)} calls: p50 {q(0.5):.2f} ms, p99 {q(0.99):.2f} ms, max {values[-1]:.2f} ms")
PY
curl -s "$BASE/metrics" | grep -E '^parley_media_send_jitter|^parley_sip_admission_(admitted|refused)_total|^parley_calls_refused_media_ports_total|^parley_media_(sessions_refused_total|port_pairs)' || true
curl -s -b "$OUT/cookies" "$BASE/api/v1/calls?limit=200" | python3 -c 'import json,sys,collections; c=collections.Counter((i["disposition"], i["queueId"] is not None) for i in json.load(sys.stdin)["items"]); print("last 200 call records (disposition, reached a queue):", dict(c))' || true
echo "server log: $(grep -c '\[6109\]' "$OUT/server.log" || true) lines of event 6109 (call failed), $(grep -c 'No free RTP port' "$OUT/server.log" || true) 'No free RTP port' lines"
echo "server CPU: $(( (CPU1 - CPU0) * 100 / $(getconf CLK_TCK) / (T1 - T0 > 0 ? T1 - T0 : 1) )) % of one core over the run"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk 'NR==1 {first=$2} {if ($2>max) max=$2; last=$2} END {print "server RSS MiB: at start " first ", max " max ", at end " last}' "$OUT/rss.txt"
kill -TERM "$SERVER" 2>/dev/null || true
wait "$SERVER" 2>/dev/null || true
kill "$SAMPLER" 2>/dev/null || true
