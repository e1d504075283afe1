#!/usr/bin/env bash
# Signalling load: SIPp's built-in uac scenario (INVITE/100/200/ACK/BYE/200, no media) at RATE calls/s for CALLS calls,
# first against Parley's UAS (bench command sip-uas: the Parley.Sip stack as the server hosts it), then against Kamailio
# as a stateless responder, in the same run. Loopback only, every process bounded in time.
#   bench/load/sip-signalling.sh [RATE=2000] [CALLS=40000]
set -euo pipefail
RATE=${1:-2000}
CALLS=${2:-40000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(mktemp -d /tmp/parley-sip-load-XXXX)
PARLEY_PORT=5090
KAMAILIO_PORT=5070
SECONDS_BOUND=$(( CALLS / RATE + 40 ))
BENCH="$ROOT/bench/Parley.Bench/bin/Release/net10.0/Parley.Bench.dll"

[ -f "$BENCH" ] || dotnet build -c Release "$ROOT/bench/Parley.Bench" >/dev/null
command -v sipp >/dev/null || { echo "sipp missing (apt-get install sip-tester)"; exit 1; }
command -v kamailio >/dev/null || { echo "kamailio missing (apt-get install kamailio)"; exit 1; }

cpu_of() { # total CPU seconds (user+sys) of the given pids
  local t=0; for p in "$@"; do [ -r /proc/$p/stat ] && t=$(( t + $(awk '{print $14+$15}' /proc/$p/stat) )); done
  echo "scale=2; $t / $(getconf CLK_TCK)" | bc
}

udp_drops() { awk '/^Udp:/ { n++ } /^Udp:/ && n == 2 { print $6 }' /proc/net/snmp; }   # RcvbufErrors, host-wide

run_sipp() { # name port localport [rate calls]
  local drops0; drops0=$(udp_drops)
  timeout $(( SECONDS_BOUND )) sipp -sn uac "127.0.0.1:$2" -i 127.0.0.1 -p "$3" -r "${4:-$RATE}" -rp 1000 -m "${5:-$CALLS}" -l 100000 \
    -nostdin -trace_stat -stf "$OUT/$1-stat.csv" -trace_screen -screen_file "$OUT/$1-screen.txt" >/dev/null 2>&1 || true
  grep -E "Successful call|Failed call|Call Rate" "$OUT/$1-screen.txt" | tail -3 | sed "s/^/$1: /"
  grep -E "Retrans|BYE -|INVITE -" "$OUT/$1-screen.txt" | tail -2 | sed "s/^/$1: /"
  sed -n '/Average Response Time Repartition/,/Average Call Length/p' "$OUT/$1-screen.txt" | tail -11 | sed "s/^/$1: /"
  echo "$1: UDP datagrams dropped for a full receive buffer (host-wide, during the run): $(( $(udp_drops) - drops0 ))"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "rate $RATE cps, $CALLS calls; output in $OUT"

# Parley, with the GC settings of src/Parley.Server/Parley.Server.csproj (workstation, concurrent) rather than the bench
# project's own (non-concurrent), so the figures are those of the server's SIP stack. Override with DOTNET_gc* to compare.
export DOTNET_gcServer=${DOTNET_gcServer:-0} DOTNET_gcConcurrent=${DOTNET_gcConcurrent:-1}
timeout $(( SECONDS_BOUND + 10 )) dotnet "$BENCH" sip-uas $PARLEY_PORT $(( SECONDS_BOUND )) > "$OUT/parley.log" 2>&1 &
PARLEY_PID=$!
sleep 3
PARLEY_PIDS=$(pgrep -g "$(ps -o pgid= $PARLEY_PID | xargs)" | xargs)
run_sipp parley-warmup $PARLEY_PORT 5073 1000 5000 >/dev/null   # JIT (tier-1 + PGO) before the measured run
CPU0=$(cpu_of $PARLEY_PIDS)
run_sipp parley $PARLEY_PORT 5071
CPU1=$(cpu_of $PARLEY_PIDS)
kill $PARLEY_PID 2>/dev/null || true; wait $PARLEY_PID 2>/dev/null || true
echo "parley: CPU $(echo "$CPU1 - $CPU0" | bc) s for $CALLS calls (pids $PARLEY_PIDS)"
grep -E "^sip-uas: " "$OUT/parley.log" | sed "s/^/parley: /" || true   # GC counts and pauses, thread pool, lock contention

# Kamailio (stateless responder), never on 5060, stopped afterwards (SIP_LOAD_ONLY=parley skips it while tuning)
[ "${SIP_LOAD_ONLY:-}" = parley ] && exit 0
timeout $(( SECONDS_BOUND + 10 )) kamailio -f "$ROOT/bench/load/kamailio-responder.cfg" -l "udp:127.0.0.1:$KAMAILIO_PORT" -DD -E -n 2 \
  -P "$OUT/kamailio.pid" -Y "$OUT" > "$OUT/kamailio.log" 2>&1 &
KAM_PID=$!
sleep 2
KAM_PIDS=$(pgrep -g "$(ps -o pgid= $KAM_PID | xargs)" kamailio | xargs || echo $KAM_PID)
run_sipp kamailio-warmup $KAMAILIO_PORT 5074 1000 5000 >/dev/null
KCPU0=$(cpu_of $KAM_PIDS)
run_sipp kamailio $KAMAILIO_PORT 5072
KCPU1=$(cpu_of $KAM_PIDS)
kill $KAM_PID 2>/dev/null || true; wait $KAM_PID 2>/dev/null || true
echo "kamailio: CPU $(echo "$KCPU1 - $KCPU0" | bc) s for $CALLS calls (pids $KAM_PIDS)"
