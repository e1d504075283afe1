#!/usr/bin/env bash
# Starts the whole Parley platform on embedded defaults (SQLite under ./data, single-node Orleans, SIP on
# UDP/TCP 5060) with the demo tenant, HTTP on loopback. Extra arguments go to the server,
# e.g. --urls http://127.0.0.1:8080 or --Parley:Sip:Port=5070
set -euo pipefail
cd "$(dirname "$0")/.."
source eng/packages.sh
require_dotnet
require_packages tzdata espeak-ng libespeak-ng1 pocketsphinx libpocketsphinx3 pocketsphinx-en-us jq   # jq: the README reads the demo secrets file; time zones; speech: prompts (TTS) and spoken menus (ASR)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out="$(pwd)/artifacts/server"
echo "Building Parley (Release, ReadyToRun)…"
dotnet publish src/Parley.Server -c Release -r linux-x64 --no-self-contained -p:PublishReadyToRun=true -o "$out" -v quiet -nologo
data="$(pwd)/data"
cd "$out"
# Ctrl-C drains like a production stop, but a demo should not wait minutes for a forgotten call: 15 s at most (a later
# --Parley:Cluster:DrainTimeout=… on this command line wins).
exec dotnet Parley.Server.dll --demo --Parley:DataDirectory="$data" --Parley:Cluster:DrainTimeout=00:00:15 "$@"
