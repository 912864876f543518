#!/usr/bin/env bash
# What open circuits cost one instance (issue 17 item 11, issue 19 item 4), on the large data set: Chromium pages on the
# interactive app, each a person on their own measure's page over its own circuit. Prints the instance's live managed
# heap and resident memory with 0, 50, 100 and 200 open pages (and per circuit), then, with 50 and 200 pages at work
# (read 5-15 s, type into the description, leave the field so that it saves, now and then open another measure), the
# latency of typing and of the save as the page sees it (p50, p99). bench/README.md has the method and the figures.
# A benchmark, not a test: run it by hand on a quiet machine.
#   bench/circuits.sh
#   STEPS="0 100 300" ACTIVE_STEPS="300" ACTIVE_SECONDS=120 bench/circuits.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
dotnet tool restore > /dev/null
echo "==> Mätklienten"
dotnet build bench/CircuitLoad -c Release -o bench/.out/circuitload -nologo -v quiet > /dev/null
command -v chromium > /dev/null || { [ "$(id -u)" = 0 ] && S= || S=sudo; $S apt-get update -qq && $S env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null; }

source "$ROOT/bench/app.sh"
trap 'kill $APP 2> /dev/null || true' EXIT

echo "==> $(nproc) kärnor; en instans (pid $APP)"
GCDUMP="${GCDUMP:-bash $ROOT/bench/heap.sh}" dotnet "$ROOT/bench/.out/circuitload/CircuitLoad.dll" "$BASE" "$APP"
PEAK=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$APP/status")
echo "toppminne: $PEAK MB"
