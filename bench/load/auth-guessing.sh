#!/usr/bin/env bash
# Wrong OAuth client secrets and sign-in passwords answered per minute from one address (loopback), against the
# server published from a source tree (default: this one; pass another checkout to measure "before").
#   [PARLEY_SERVER_DIR=dir] bench/load/auth-guessing.sh [source-tree] [seconds-per-scenario] [workers]
# For each scenario (secrets, account, spray) starts the server in demo mode on an ephemeral loopback port with a
# fresh data directory, runs `Parley.Bench auth-guessing` against it for the given time and stops the server, so one
# scenario's failures do not spend the next one's budget.
set -euo pipefail
cd "$(dirname "$0")/../.."
tree=$(cd "${1:-.}" && pwd); seconds=${2:-60}; workers=${3:-8}
# PARLEY_SERVER_DIR: an already published server of that tree (else it is published to a temp directory).
out=${PARLEY_SERVER_DIR:-$(mktemp -d)/server}
[[ -f "$out/Parley.Server.dll" ]] || dotnet publish "$tree/src/Parley.Server" -c Release -o "$out" -v quiet -nologo >/dev/null
dotnet build bench/Parley.Bench -c Release -v quiet -nologo >/dev/null
echo "server from $tree ($(git -C "$tree" rev-parse --short HEAD)), $seconds s per scenario, $workers workers"
pid=""; data=""
trap '[[ -n "$pid" ]] && { kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; }; [[ -n "$data" ]] && rm -rf "$data"' EXIT
for scenario in secrets account spray; do
  data=$(mktemp -d)
  (cd "$out" && exec timeout $((seconds + 120)) dotnet Parley.Server.dll --demo --Parley:DataDirectory="$data" \
    --urls "http://127.0.0.1:0" --Parley:Sip:Address=127.0.0.1 --Parley:Sip:Port=0 --Parley:Media:BindAddress=127.0.0.1 >"$data/log" 2>&1) &
  pid=$!
  url=""
  for _ in $(seq 1 600); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$data/log" | head -1 || true)
    [[ -n "$url" ]] && curl -sf -o /dev/null "$url/health/ready" && break
    sleep 0.1
  done
  [[ -n "$url" ]] || { echo "server did not start" >&2; cat "$data/log" >&2; exit 1; }
  dotnet bench/Parley.Bench/bin/Release/net10.0/Parley.Bench.dll auth-guessing "$url" "$seconds" "$workers" "$scenario" | grep -v '^auth-guessing:'
  echo "  server log lines during the run: $(wc -l <"$data/log")"
  kill $pid; wait $pid 2>/dev/null || true; pid=""
  rm -rf "$data"; data=""
done
