#!/usr/bin/env bash
# Bridged load (issue 8 "Proof"): callers reach agents and talk, RTP relayed both ways through Parley.
# Starts the Release Parley.Server in demo mode (fresh data directory, loopback, admission raised), provisions AGENTS
# agents through the API (bench/load/bridged-agents.py: users, agents with the support skill and a fixed phone URI
# sip:bN@127.0.0.61:UAS_PORT, signed in to routing; the Support queue's wrap-up set to None), starts a SIPp UAS on
# 127.0.0.61 that answers every agent's phone and echoes its RTP (-rtp_echo), and has SIPp callers
# (bench/load/ivr-uac.xml, from 127.0.0.51) call the demo number at RATE calls/s for SECS seconds: greeting, '2' by
# RFC 4733, the Support queue, then the ACD rings an agent's phone, SIPp's UAS answers and caller and agent talk until
# the caller hangs up at CALL_MS (counted from the IVR's answer). Concurrent bridged calls ≈ RATE × (CALL_MS/1000 − 5).
# Reports: failed calls (SIPp), records answered by an agent and queue→answer time (from the CDRs), peak concurrent,
# RTP loss over every closed media session (parley_media_rtp_packets_{received,lost}_total: caller→Parley and the
# agent phone's echo, which carries any Parley→agent loss on the wire too), the frames Parley itself dropped before
# sending (parley_media_outgoing_frames_dropped_total: its clock fell behind), Parley's send jitter, RSS and CPU.
# Loopback only, every process bounded in time.
# Issue 10's proof: RECORD=1 records every call (Parley:Calls:Record) and checks the files at the end
# (bench/load/recordings-check.py); MONITORS=N creates N supervisors whose phones are the same SIPp UAS, and at 60 % of
# the run each listens in on a different answered call (bench/load/monitor-calls.py).
#   [RECORD=1] [MONITORS=100] bench/load/bridged-load.sh [AGENTS=1000] [RATE=20] [SECS=90] [CALL_MS=55000] [SERVER_DIR=src/Parley.Server/bin/Release/net10.0]
set -euo pipefail
AGENTS=${1:-1000}
RATE=${2:-20}
SECS=${3:-90}
CALL_MS=${4:-55000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SERVER_DIR=${5:-$ROOT/src/Parley.Server/bin/Release/net10.0}
CALLER=127.0.0.51
PHONES=127.0.0.61
ADMIN_PASSWORD=Bench-Admin-Secret-1
RECORD=${RECORD:-0}
MONITORS=${MONITORS:-0}
OUT=$(mktemp -d /tmp/parley-bridged-load-XXXX)
free_port() { python3 -c 'import socket,sys; s=socket.socket(socket.AF_INET, getattr(socket, sys.argv[1])); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' "$1"; }
HTTP_PORT=$(free_port SOCK_STREAM)
UAS_PORT=$(free_port SOCK_DGRAM)
BASE="http://127.0.0.1:$HTTP_PORT"
BOUND=$(( SECS + CALL_MS / 1000 + 300 ))
command -v sipp >/dev/null || { echo "sipp missing (apt-get install sip-tester)"; exit 1; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server: $SERVER_DIR; $AGENTS agents; $RATE calls/s for $SECS s, calls of $CALL_MS ms; record $RECORD; monitors $MONITORS; output in $OUT"
[ "$RECORD" = 1 ] && SERVER_ARGS="${SERVER_ARGS:-} --Parley:Calls:Record=true"
(cd "$SERVER_DIR" && exec timeout "$BOUND" dotnet Parley.Server.dll --demo --Parley:DataDirectory="$OUT/data" \
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
curl -sf -c "$OUT/cookies" -H 'Content-Type: application/json' -d "{\"tenant\":\"demo\",\"userName\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/api/v1/auth/sign-in" >/dev/null
curl -sf -b "$OUT/cookies" -H 'Content-Type: application/json' -o /dev/null \
  -d "{\"name\":\"Load carrier\",\"allowedAddresses\":[\"$CALLER/32\"],\"maxConcurrentCalls\":10000,\"maxCallsPerSecond\":1000}" "$BASE/api/v1/trunks"
T_PROV=$(date +%s)
python3 "$ROOT/bench/load/bridged-agents.py" "$BASE" "$ADMIN_PASSWORD" "$AGENTS" "$PHONES" "$UAS_PORT" 4 "$MONITORS"
echo "provisioned in $(( $(date +%s) - T_PROV )) s"

# SIPp echoes every agent phone's RTP on one socket from one thread: give it 4 MB of receive buffer and a real-time class
# just below the one Parley's media threads ask for (FIFO 10), so the peer neither drops packets nor preempts Parley's
# clock (root only; PHONES_PREFIX= runs it as a normal process).
if [ "$(id -u)" -eq 0 ]; then
  OLD_RMEM=$(sysctl -n net.core.rmem_default)
  trap 'sysctl -qw net.core.rmem_default="$OLD_RMEM"' EXIT
  sysctl -qw net.core.rmem_default=4194304
  PHONES_PREFIX=${PHONES_PREFIX-chrt -f 5}
fi
(cd "$OUT" && exec timeout "$BOUND" ${PHONES_PREFIX:-} sipp -sn uas -i "$PHONES" -p "$UAS_PORT" -mi "$PHONES" -rtp_echo -mp "$(free_port SOCK_DGRAM)" \
  -nostdin -trace_screen -screen_file "$OUT/uas-screen.txt" > "$OUT/uas.log" 2>&1) &
UAS=$!

rss() { awk '/VmRSS/ {print int($2/1024)}' /proc/"$PID"/status 2>/dev/null || echo 0; }
cpu() { awk '{print $14 + $15}' /proc/"$PID"/stat; }
( while kill -0 "$PID" 2>/dev/null; do echo "$(date +%s) $(rss)" >> "$OUT/rss.txt"; sleep 1; done ) &
SAMPLER=$!
python3 "$ROOT/bench/load/caller-audio.py" "$OUT/caller.ulaw" 2
udp_errors() { awk '/^Udp:/ && ++n == 2 {print "RcvbufErrors " $6 ", SndbufErrors " $7 ", InErrors " $4}' /proc/net/snmp; }
UDP0=$(udp_errors)
# Receive-buffer drops per socket (last column of /proc/net/udp), summed by local address, near the end of the ramp:
# 127.0.0.1 = Parley's media sockets, PHONES = the agent phones' echo, CALLER = the callers (whose receive is not measured).
drops_by_address() { python3 -c '
import socket, struct, collections
d = collections.Counter()
for line in list(open("/proc/net/udp"))[1:]:
    f = line.split(); a = socket.inet_ntoa(struct.pack("<I", int(f[1].split(":")[0], 16))); d[a] += int(f[-1])
print(", ".join(f"{a} {n}" for a, n in sorted(d.items()) if n))'; }
( sleep $(( SECS - 5 )); echo "UDP socket drops by local address at $(( SECS - 5 )) s: $(drops_by_address)" > "$OUT/drops.txt" ) &
if [ "$MONITORS" -gt 0 ]; then
  ( timeout $(( SECS + 120 )) python3 "$ROOT/bench/load/monitor-calls.py" "$BASE" "$ADMIN_PASSWORD" "$MONITORS" $(( SECS * 6 / 10 )) > "$OUT/monitors.txt" 2>&1 ) &
fi
# The server's GC over the calls (allocation rate, collections, pause time), when dotnet-counters is installed
# (dotnet tool install -g dotnet-counters): GC pauses stop the media clock's threads too.
COUNTERS_TOOL=$(command -v dotnet-counters || echo "$HOME/.dotnet/tools/dotnet-counters")
if [ -x "$COUNTERS_TOOL" ]; then
  ( timeout $(( SECS + CALL_MS / 1000 + 30 )) "$COUNTERS_TOOL" collect -p "$PID" --refresh-interval 5 --format csv -o "$OUT/gc.csv" \
      --duration "00:00:$(( (SECS + CALL_MS / 1000) / 60 )):$(( (SECS + CALL_MS / 1000) % 60 ))" \
      --counters 'System.Runtime[dotnet.gc.collections,dotnet.gc.pause.time,dotnet.gc.heap.total_allocated]' > /dev/null 2>&1 ) &
fi
CPU0=$(cpu); T0=$(date +%s)
(cd "$OUT" && timeout $(( SECS + CALL_MS / 1000 + 120 )) sipp -sf "$ROOT/bench/load/ivr-uac.xml" "127.0.0.1:$SIP_PORT" -i "$CALLER" -mi "$CALLER" \
  -mp "$(free_port SOCK_DGRAM)" -r "$RATE" -m $(( RATE * SECS )) -l 5000 -d "$CALL_MS" -nostdin -trace_rtt -rtt_freq 1 \
  -trace_screen -screen_file "$OUT/screen.txt" >/dev/null 2>&1 || true)
CPU1=$(cpu); T1=$(date +%s)
sleep 3 # the agents' legs close after the callers' BYE
cat "$OUT/drops.txt" 2>/dev/null || true
echo "kernel UDP counters (all sockets) before: $UDP0; after: $(udp_errors)"
grep -E "Successful call|Failed call|Peak was" "$OUT/screen.txt" | tail -3 | sed 's/^/callers: /'
curl -s "$BASE/metrics" > "$OUT/metrics.txt"
grep -E '^parley_media_send_jitter|^parley_media_rtp_packets|^parley_media_outgoing_frames|^parley_sip_admission_refused_total' "$OUT/metrics.txt" || true
python3 - "$OUT/metrics.txt" <<'PY'
import sys
values = {}
for line in open(sys.argv[1]):
    if line.startswith(('parley_media_rtp_packets_', 'parley_media_outgoing_frames_dropped_total')):
        name, value = line.split()
        values[name] = float(value)
received, lost = values.get('parley_media_rtp_packets_received_total', 0), values.get('parley_media_rtp_packets_lost_total', 0)
if received + lost:
    print(f"RTP received by Parley over closed sessions: {received:.0f}, lost {lost:.0f} = {100 * lost / (received + lost):.4f} %")
# A relayed frame Parley drops before sending (its clock fell behind, or a sender runs fast) is loss the far end hears
# but no sequence number shows: count it against the frames Parley had to send.
sent, dropped = values.get('parley_media_rtp_packets_sent_total', 0), values.get('parley_media_outgoing_frames_dropped_total', 0)
if sent + dropped:
    print(f"frames Parley dropped before sending: {dropped:.0f} of {sent + dropped:.0f} = {100 * dropped / (sent + dropped):.4f} %")
    print(f"relayed loss (either kind): {100 * (lost + dropped) / (received + lost + sent + dropped):.4f} %")
PY
python3 - "$BASE" "$ADMIN_PASSWORD" <<'PY'
import http.cookiejar, json, sys, urllib.request, datetime
base, password = sys.argv[1], sys.argv[2]
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
opener.open(urllib.request.Request(base + "/api/v1/auth/sign-in", json.dumps({"tenant": "demo", "userName": "admin", "password": password}).encode(), {"Content-Type": "application/json"}), timeout=60)
records, cursor = [], None
while True:
    url = base + "/api/v1/calls?limit=200" + (f"&cursor={cursor}" if cursor else "")
    page = json.load(opener.open(url, timeout=60))
    records += page["items"]; cursor = page.get("nextCursor")
    if not cursor: break
at = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
answered = [r for r in records if r.get("answeredAt") and r.get("queuedAt")]
waits = sorted((at(r["answeredAt"]) - at(r["queuedAt"])).total_seconds() * 1000 for r in answered)
q = lambda p: waits[min(len(waits) - 1, int(p * len(waits)))]
print(f"call records: {len(records)}, queued: {sum(1 for r in records if r.get('queuedAt'))}, answered by an agent: {len(answered)}")
if waits:
    print(f"queued -> agent answered: p50 {q(0.5):.0f} ms, p99 {q(0.99):.0f} ms, max {waits[-1]:.0f} ms")
PY
grep -E "Successful call|Failed call" "$OUT/uas-screen.txt" | tail -2 | sed 's/^/agent phones: /' || true
cat "$OUT/monitors.txt" 2>/dev/null || true
if [ "$RECORD" = 1 ]; then
  sleep 2 # the last recordings are stored with their call records
  python3 "$ROOT/bench/load/recordings-check.py" "$BASE" "$ADMIN_PASSWORD" "$OUT/data/recordings"
  echo "recordings on disk: $(du -sh "$OUT/data/recordings" | cut -f1); server log: $(grep -c '\[6131\]' "$OUT/server.log" || true) recordings that could not be written"
fi
echo "server log: $(grep -c '\[6109\]' "$OUT/server.log" || true) lines of event 6109 (call failed)"
[ -f "$OUT/gc.csv" ] && python3 - "$OUT/gc.csv" <<'PY'
import collections, csv, sys
totals, samples = collections.Counter(), collections.Counter()
for row in csv.DictReader(open(sys.argv[1])):
    name = row["Counter Name"]
    key = "allocated" if "total_allocated" in name else "pause" if "pause.time" in name else name.split("generation=")[-1].rstrip("]")
    totals[key] += float(row["Mean/Increment"] or 0); samples[key] += 1
seconds = samples["allocated"] * 5 or 1
print(f"server GC over the calls ({seconds} s): allocated {totals['allocated'] / 1048576:.0f} MiB ({totals['allocated'] / 1048576 / seconds:.1f} MiB/s), "
      f"collections gen0 {totals['gen0']:.0f}, gen1 {totals['gen1']:.0f}, gen2 {totals['gen2']:.0f}, paused {totals['pause'] * 1000:.0f} ms ({totals['pause'] * 1000 / seconds:.1f} ms/s)")
PY
echo "server CPU: $(( (CPU1 - CPU0) * 100 / $(getconf CLK_TCK) / (T1 - T0 > 0 ? T1 - T0 : 1) )) % of one core over the run"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk 'NR==1 {first=$2} {if ($2>max) max=$2; last=$2} END {print "server RSS MiB: at start " first ", max " max ", at end " last}' "$OUT/rss.txt"
kill "$UAS" 2>/dev/null || true
kill -TERM "$SERVER" 2>/dev/null || true
wait "$SERVER" 2>/dev/null || true
kill "$SAMPLER" 2>/dev/null || true
