#!/usr/bin/env bash
# UI-event latency with many active users on one instance (issue 19 item 4: a UI event that saves a field p99 under
# 100 ms with 200 active users; the largest number of active users one instance holds so), on the large data set,
# without a browser: bench/CircuitClient speaks the Blazor Server circuit protocol itself (SignalR over WebSockets,
# the "blazorpack" protocol, render batches applied to a light tree), so that the client costs the instance's cores
# little (Chromium pages, bench/circuits.sh, took 85 % of them). Each user is a person on their own measure's page in
# Bänkstad, on the Beskrivning tab, over their own circuit: reads 5-15 s, types a few words into the description,
# leaves the field so that it saves; every fourth round opens another measure (a new page and circuit). Users join at
# RAMP a second and keep working; at each step (USERS) the client measures a window of WINDOW_SECONDS: typing (sent -> the
# render batch that shows "Inte sparat ännu") and leaving the field (sent -> "Sparat"), p50/p99 in ms, errors, the
# instance's CPU (100 % = one core; the machine has $(nproc)) and resident memory. It prints the largest step whose
# save p99 was under 100 ms with no errors. The client runs niced on the same machine; its own CPU is the last column.
# A benchmark, not a test: run it by hand on a quiet machine.
#   bench/latency.sh
#   USERS="200 1000" WINDOW_SECONDS=120 RAMP=50 bench/latency.sh
#   THINK_SECONDS=5-15 MOVE_EVERY=0 bench/latency.sh      # nobody moves to another measure (no page loads)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PORT=${PORT:-5199}
echo "==> Mätklienten"
nice dotnet build bench/CircuitClient -c Release -o bench/.out/circuitclient -nologo -v quiet > /dev/null

source "$ROOT/bench/app.sh"
trap 'kill $APP 2> /dev/null || true' EXIT

# Bänkstad's measures still open (planned or under way), from the data set: one per user, no two write the same text.
KOMMUN=${KOMMUN:-bankstad}
export KOMMUN
if command -v sqlite3 > /dev/null; then
  export MEASURES_FILE=$OUT/latency-measures.txt
  sqlite3 "$OUT/large.db" "SELECT lower(a.Id) FROM Atgarder a JOIN Kommuner k ON k.Id = a.KommunId WHERE k.Slug = '$KOMMUN' AND a.Status IN (0, 1) ORDER BY a.Id" > "$MEASURES_FILE"
fi  # otherwise the client reads them from the overdue list

echo "==> $(nproc) kärnor; en instans (pid $APP)"
export USERS=${USERS:-200 500 1000 2000 3000 5000}
nice -n 5 dotnet "$ROOT/bench/.out/circuitclient/CircuitClient.dll" "$BASE" "$APP"
PEAK=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$APP/status")
echo "toppminne: $PEAK MB"
