#!/usr/bin/env bash
# Chat load: bench/chat/run.sh SESSIONS [STEADY-S] [RAMP-PER-S] [AGENTS] [CAPACITY] [EXTRA] [LIMIT] [INTERVAL-MS]
# Builds the driver (Release), raises the open-file limit as far as the hard limit allows (each session is one socket
# in the driver and one in the server), and runs it; loopback only, ends by itself. Wrap it in
# `flock /tmp/parley-load.lock` when others measure on the same machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build bench/chat -c Release -v quiet -nologo >/dev/null
ulimit -n "$(ulimit -Hn)"
echo "open files: $(ulimit -n); ephemeral ports: $(cat /proc/sys/net/ipv4/ip_local_port_range | tr '\t' '-'); $(date -u +%FT%TZ)"
exec timeout 330 dotnet bench/chat/bin/Release/net10.0/Parley.Bench.Chat.dll "$@"
