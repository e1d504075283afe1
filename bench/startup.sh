#!/usr/bin/env bash
# Cold start and idle memory of the server in demo mode, published ReadyToRun exactly as eng/demo.sh runs it.
#   first start: fresh data directory (migrations + demo seeding included)
#   restart:     a new process on the data directory of the first start (the usual cold start of a node)
# Last line: "startup: first start <ms> ms, restart <ms> ms to /health/ready, idle RSS <MB> MB" (medians of N runs).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=${PARLEY_BENCH_PORT:-5097}
out="$(pwd)/artifacts/server"
dotnet publish src/Parley.Server -c Release -r linux-x64 --no-self-contained -p:PublishReadyToRun=true -o "$out" -v quiet -nologo >/dev/null

start_server() { # data-dir → sets $ms (to ready) and $pid
  local t0; t0=$(date +%s%N)
  (cd "$out" && exec dotnet Parley.Server.dll --demo --Parley:DataDirectory="$1" --urls "http://127.0.0.1:$port" --Parley:Sip:Port=0 >>"$1/log" 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; do
    sleep 0.02
    if (( ($(date +%s%N) - t0) > 60000000000 )); then echo "server did not become ready" >&2; kill $pid; exit 1; fi
  done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}

firsts=(); restarts=(); rss=()
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start_server "$data"; first=$ms; kill $pid; wait $pid 2>/dev/null || true
  start_server "$data"; restart=$ms
  sleep 10
  rss+=($(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )))
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$data"
  firsts+=("$first"); restarts+=("$restart")
  echo "run $i: first start ${first} ms, restart ${restart} ms, idle RSS ${rss[-1]} MB"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "startup: first start $(median "${firsts[@]}") ms, restart $(median "${restarts[@]}") ms to /health/ready, idle RSS $(median "${rss[@]}") MB"
