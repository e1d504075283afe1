#!/usr/bin/env bash
# Media load with SIPp as the peer: Parley (bench command media-load --role sipp: Parley.Sip places the calls,
# Parley.Media runs one RTP session per call, 50 packets/s each) calls SIPp's built-in UAS, which answers with SDP and
# echoes every RTP packet back (-rtp_echo). Loss is the round trip; jitter is Parley's send lateness.
# Loopback only, every process bounded in time.
#   bench/load/media-sipp.sh [SESSIONS=2000] [SECONDS=14]
set -euo pipefail
SESSIONS=${1:-2000}
SECS=${2:-14}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH="$ROOT/bench/Parley.Bench/bin/Release/net10.0/Parley.Bench.dll"
OUT=$(mktemp -d /tmp/parley-media-sipp-XXXX)
SIP_PORT=5096
ECHO_PORT=6000
BOUND=$(( SECS + SESSIONS / 200 + 60 ))
command -v sipp >/dev/null || { echo "sipp missing: apt-get install -y sip-tester"; exit 1; }
[ -f "$BENCH" ] || dotnet build -c Release "$ROOT/bench/Parley.Bench" >/dev/null

cpu_of() { [ -r "/proc/$1/stat" ] && awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14+$15)/hz}' "/proc/$1/stat" || echo 0; }
udp_drops() { # drops counted by the kernel on SIPp's echo socket (last column of /proc/net/udp)
  awk -v port="$(printf ':%04X' "$ECHO_PORT")" '$2 ~ port"$" {print $NF}' /proc/net/udp | head -1
}

# SIPp echoes every stream of the run on ONE socket from ONE thread (100k packets/s each way at 2,000 sessions): give
# that socket 4 MB instead of the kernel's 208 KB default (about 2 ms of packets) and SIPp the same real-time class
# the Parley media threads ask for, so the peer is not the bottleneck being measured. Restored on exit; root only.
if [ "$(id -u)" -eq 0 ]; then
  OLD_RMEM=$(sysctl -n net.core.rmem_default)
  trap 'sysctl -qw net.core.rmem_default="$OLD_RMEM"' EXIT
  sysctl -qw net.core.rmem_default=4194304
  SIPP_PREFIX=${SIPP_PREFIX-chrt -f 10}
else
  echo "not root: SIPp runs with the default socket buffer and priority, so its echo may drop packets at 2,000 sessions"
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
timeout "$BOUND" ${SIPP_PREFIX:-} sipp -sn uas -i 127.0.0.1 -p "$SIP_PORT" -mi 127.0.0.1 -rtp_echo -mp "$ECHO_PORT" -m "$SESSIONS" \
  -nostdin -trace_screen -screen_file "$OUT/sipp-screen.txt" > "$OUT/sipp.log" 2>&1 &
SIPP=$!
sleep 1
SIPP_PID=$(pgrep -P "$SIPP" -x sipp || echo "$SIPP")
CPU0=$(cpu_of "$SIPP_PID")
timeout "$BOUND" dotnet "$BENCH" media-load --role sipp --sipp-port "$SIP_PORT" --sessions "$SESSIONS" \
  --warmup 3 --seconds "$SECS" --port-min 30000 --priority "${PRIORITY:-realtime}" --lanes "${LANES:-1}" | tee "$OUT/parley.log" || true
CPU1=$(cpu_of "$SIPP_PID")
echo "sipp: CPU $(echo "$CPU1 - $CPU0" | bc) s during the run, echo socket drops $(udp_drops || echo n/a)"
wait $SIPP || true
grep -E "Successful call|Failed call" "$OUT/sipp-screen.txt" | tail -2 | sed 's/^/sipp: /' || true
echo "output in $OUT"
