#!/usr/bin/env bash
# Runs the whole Parley test suite and ends with one line: "N passed, N failed".
# Installs the system packages the tests use (PostgreSQL for the throwaway test cluster, redis-server for the SignalR backplane tests, SIPp and baresip
# as real SIP peers, Chromium for the web app's Playwright tests) when run as root; otherwise prints the apt-get line to run.
set -uo pipefail
cd "$(dirname "$0")/.."
source eng/packages.sh
require_dotnet
require_packages postgresql redis-server sip-tester baresip-core tzdata espeak-ng libespeak-ng1 pocketsphinx libpocketsphinx3 pocketsphinx-en-us chromium

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="$(mktemp -d "${TMPDIR:-/tmp}/parley-tests.XXXXXX")"
trap 'rm -rf "$results"' EXIT

if ! dotnet build Parley.slnx -c Release -v quiet -nologo; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test Parley.slnx -c Release --no-build --logger "trx" --results-directory "$results"
status=$?

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
