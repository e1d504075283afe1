#!/usr/bin/env bash
# Starts the whole Parley platform on embedded defaults (SQLite under ./data, single-node Orleans) with the demo
# tenant, listening on loopback. Extra arguments go to the server, e.g. --urls http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
source eng/packages.sh
require_dotnet
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Parley.Server -c Release -v quiet -nologo
cd src/Parley.Server
exec dotnet bin/Release/net10.0/Parley.Server.dll --demo --Parley:DataDirectory="$(pwd)/../../data" "$@"
