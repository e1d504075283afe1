#!/usr/bin/env bash
# Cold start and idle memory of the server in demo mode, on a fresh data directory (migrations + seeding included).
# Prints: "startup: cold start to /health/ready <ms> ms, idle RSS <MB> MB" (median of N runs; default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=${PARLEY_BENCH_PORT:-5097}
dotnet build src/Parley.Server -c Release -v quiet -nologo >/dev/null
dll="$(pwd)/src/Parley.Server/bin/Release/net10.0/Parley.Server.dll"
starts=(); rss=()
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  t0=$(date +%s%N)
  (cd src/Parley.Server && exec dotnet "$dll" --demo --Parley:DataDirectory="$data" --urls "http://127.0.0.1:$port" >"$data/log" 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; do
    sleep 0.02
    if (( ($(date +%s%N) - t0) > 60000000000 )); then echo "server did not become ready"; kill $pid; exit 1; fi
  done
  t1=$(date +%s%N)
  starts+=($(( (t1 - t0) / 1000000 )))
  sleep 10
  server=$(pgrep -f "Parley.Server.dll --demo --Parley:DataDirectory=$data" | head -1)
  rss+=($(( $(awk '/VmRSS/ {print $2}' /proc/$server/status) / 1024 )))
  kill "$server" 2>/dev/null || true; wait $pid 2>/dev/null || true
  rm -rf "$data"
  echo "run $i: ready in ${starts[-1]} ms, idle RSS ${rss[-1]} MB"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "startup: cold start to /health/ready $(median "${starts[@]}") ms, idle RSS $(median "${rss[@]}") MB"
