#!/usr/bin/env bash
# Prints the live managed heap of a .NET process in bytes, after a full collection (dotnet-gcdump forces one).
#   bench/heap.sh PID
set -euo pipefail
cd "$(dirname "$0")/.."
DUMP=$(mktemp --suffix=.gcdump)
trap 'rm -f "$DUMP"' EXIT
dotnet dotnet-gcdump collect -p "$1" -o "$DUMP" > /dev/null
dotnet dotnet-gcdump report "$DUMP" | awk '/GC Heap bytes/ { gsub(/,/, "", $1); print $1; exit }'
