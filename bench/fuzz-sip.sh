#!/usr/bin/env bash
# Fuzz the Parley.Sip message parser for a bounded time.
#   bench/fuzz-sip.sh [SECONDS]      (default 60)
# Uses AFL (afl-fuzz + the sharpfuzz instrumenter) when both are installed, otherwise the harness's built-in
# mutation fuzzer. Crashing inputs land in tests/Parley.Sip.Tests/Fuzz/corpus/crash-*.sip and then replay as
# ordinary tests (FuzzCorpusReplayTests) — commit them together with the fix.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"
CORPUS=tests/Parley.Sip.Tests/Fuzz/corpus
dotnet build -c Release bench/Parley.Fuzz -o .tmp/fuzz >/dev/null

if command -v afl-fuzz >/dev/null && command -v sharpfuzz >/dev/null; then
  sharpfuzz .tmp/fuzz/Parley.Sip.dll
  rm -rf .tmp/fuzz-findings
  AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 timeout "$SECONDS_TO_RUN" \
    afl-fuzz -i "$CORPUS" -o .tmp/fuzz-findings -t 5000 -m none -- dotnet .tmp/fuzz/Parley.Fuzz.dll afl || true
  for f in .tmp/fuzz-findings/default/crashes/id* .tmp/fuzz-findings/default/hangs/id*; do
    [ -e "$f" ] || continue
    cp "$f" "$CORPUS/crash-afl-$(sha256sum "$f" | cut -c1-16).sip"
  done
else
  dotnet .tmp/fuzz/Parley.Fuzz.dll mutate "$CORPUS" "$SECONDS_TO_RUN"
fi
