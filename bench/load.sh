#!/usr/bin/env bash
# Load figure for scale-out (issue 8): USERS signed-in users (members of as many kommuner, each reading their own
# kommun's overview, lägesbilder, a fixed lägesbild, incidents, plans and meetings) against one instance, then against
# three instances behind nginx, on PostgreSQL with the large data set. Prints requests/s, p50 and p99 latency, errors
# (anything but 200, or a failed connection) and peak memory per instance for both, the scaling ratio, and the core
# count. A benchmark, not a test: on two cores three instances share the same two cores with nginx and wrk, so expect
# overhead rather than gain; the figure is for larger hosts.
# Then the single instance again with 5 % saves in the mix (bench/CircuitClient, see below).
#   bench/load.sh                        # 64 users, 20 s each
#   USERS=128 DURATION=30s WARMUP=60s bench/load.sh
# The PostgreSQL cluster (bench/.out/pg) and its data set are made once and kept; delete the folder to start over.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/bench/.out
USERS=${USERS:-64}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-30s}  # the runtime's tiered compilation needs this long to reach steady speed (bench/README.md)
PGPORT=${PGPORT:-5498}
SINGLE_PORT=5190
LB_PORT=5200
PORTS=(5201 5202 5203)
mkdir -p "$OUT"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v wrk > /dev/null || missing+=(wrk)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
fi

WORK=$(mktemp -d /tmp/sakrastader-load.XXXXXX)
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDATA=$OUT/pg
pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2> /dev/null
  pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop > /dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "==> PostgreSQL (bench/.out/pg, port $PGPORT)"
if [ ! -f "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"; [ "$(id -u)" = 0 ] && chown postgres "$PGDATA"
  pg "$PGBIN/initdb" -D "$PGDATA" --auth=trust -U postgres -E UTF8 > /dev/null
fi
pg "$PGBIN/pg_ctl" -D "$PGDATA" -w -l "$PGDATA/server.log" \
  -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=256MB" start > /dev/null

echo "==> Release-bygge"
dotnet publish src/SakraStader.Web -c Release -o "$OUT/app" -nologo -v quiet > /dev/null
dotnet build bench/CircuitClient -c Release -o "$OUT/circuitclient" -nologo -v quiet > /dev/null
export ASPNETCORE_ENVIRONMENT=Benchmark
# From the build's output, not a publish: the interactive pages' files come from the static web assets manifest.
export Hosting__AssetsFromBuild=true
export Database__Provider=Postgres
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=sakrastader_bench;Maximum Pool Size=100"
export Security__RequireHttps=false Security__TrustForwardedHeaders=true Security__SignInAttemptsPerMinute=100000
export Serilog__MinimumLevel__Default=Warning Retention__Enabled=false
# As in production on a host that hides its CPU caches (docs/operations.md, "Garbage collector").
export DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x4000000}
cd "$OUT/app"
echo "==> Stora datamängden i PostgreSQL: genereras första gången (tar en stund), kompletteras annars"
dotnet SakraStader.Web.dll generate-bench-data --kommuner 290 --years 5

start_instance() { # port
  dotnet SakraStader.Web.dll --urls "http://127.0.0.1:$1" > "$WORK/app-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$1/health/ready" > /dev/null && return 0; sleep 0.5; done
  echo "Instansen på $1 kom inte igång"; cat "$WORK/app-$1.log"; exit 1
}
stop_instances() { for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; done; pids=(); }
peak_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

echo "==> $USERS användare loggar in (medlemmar i var sin kommun)"
start_instance $SINGLE_PORT
BASE=http://127.0.0.1:$SINGLE_PORT
: > "$WORK/requests.tsv"
for i in $(seq 1 "$USERS"); do
  slug=$(printf "testkommun-%03d" "$i")
  cookie=$(bash "$ROOT/bench/sign-in.sh" "$BASE" "user1.k$i@bench.sakrastader.se")
  fixed=$(curl -fs -H "Cookie: $cookie" "$BASE/$slug/lagesbilder" | grep -o "/$slug/lagesbilder/[0-9a-f-]\{36\}" | uniq | sed -n 2p)
  [ -n "$fixed" ] || { echo "user1.k$i kom inte in på /$slug/lagesbilder"; exit 1; }
  for path in "/$slug" "/$slug/lagesbilder" "$fixed" "/$slug/handelser" "/$slug/atgardsplaner" "/$slug/moten"; do
    printf '%s\t%s\n' "$cookie" "$path" >> "$WORK/requests.tsv"
  done
done
export LOAD_REQUESTS=$WORK/requests.tsv

run_load() { # base-url -> "rps p50 p99 errors timeouts socket-errors not-200"
  wrk -t2 -c"$USERS" -d"$WARMUP" -s "$ROOT/bench/load.lua" "$1" > /dev/null
  wrk -t2 -c"$USERS" -d"$DURATION" -s "$ROOT/bench/load.lua" "$1" | awk '/^RESULT/ { print $2, $3, $4, $5, $6, $7, $8 }'
}

echo "==> En instans"
read -r S_RPS S_P50 S_P99 S_ERR S_TIMEOUT S_SOCKET S_STATUS < <(run_load "$BASE")

# The same instance with saves in the mix (issue 19 item 5). A save in the app is a UI event over the page's circuit,
# not an HTTP request, so wrk cannot make one: bench/CircuitClient's load mode runs USERS people without pause, each
# reading 19 pages (GET, the same kind of pages as above, in Bänkstad) and then saving a measure's description over
# their circuit (type, leave the field, timed until it shows "Sparat"): 5 % saves.
echo "==> En instans, 5 % sparningar ($USERS användare, bench/CircuitClient)"
export MEASURES_FILE=$WORK/measures.txt
PGHOST=127.0.0.1 PGPORT=$PGPORT PGUSER=postgres "$PGBIN/psql" -d sakrastader_bench -Atc \
  "SELECT lower(a.\"Id\"::text) FROM \"Atgarder\" a JOIN \"Kommuner\" k ON k.\"Id\" = a.\"KommunId\" WHERE k.\"Slug\" = 'bankstad' AND a.\"Status\" IN (0, 1) ORDER BY 1" \
  > "$MEASURES_FILE" 2> /dev/null || true
[ -s "$MEASURES_FILE" ] || unset MEASURES_FILE  # the client then reads them from the overdue list
MODE=load USERS=$USERS WARMUP_SECONDS=${WARMUP%s} DURATION_SECONDS=${DURATION%s} \
  nice -n 5 dotnet "$OUT/circuitclient/CircuitClient.dll" "$BASE" "${pids[0]}" > "$WORK/writes.txt" 2>&1 || true
W_LINE=$(awk '/^RESULT/ { sub(/^RESULT /, ""); print }' "$WORK/writes.txt")
[ -n "$W_LINE" ] || { echo "Mätklienten gav inget resultat:"; cat "$WORK/writes.txt"; exit 1; }
S_MEM=$(peak_mb "${pids[0]}")
stop_instances

echo "==> Tre instanser bakom nginx"
for port in "${PORTS[@]}"; do start_instance "$port"; done
bash "$ROOT/scripts/nginx-local.sh" "$WORK" $LB_PORT "${PORTS[@]}"
read -r M_RPS M_P50 M_P99 M_ERR M_TIMEOUT M_SOCKET M_STATUS < <(run_load "http://127.0.0.1:$LB_PORT")
M_MEM=$(for pid in "${pids[@]}"; do printf '%s ' "$(peak_mb "$pid")"; done)
stop_instances

echo
echo "$(nproc) kärnor, $USERS inloggade användare (anslutningar), $DURATION, sidblandning: översikt, lägesbilder, fastställd lägesbild, händelser, åtgärdsplaner, möten"
printf "%-24s %9s %9s %9s %6s  %s\n" uppsättning "req/s" "p50 ms" "p99 ms" fel "toppminne per instans (MB)"
printf "%-24s %9s %9s %9s %6s  %s\n" "en instans" "$S_RPS" "$S_P50" "$S_P99" "$S_ERR" "$S_MEM"
printf "%-24s %9s %9s %9s %6s  %s\n" "tre instanser + nginx" "$M_RPS" "$M_P50" "$M_P99" "$M_ERR" "$M_MEM"
echo "fel: en instans $S_TIMEOUT över 2 s, $S_SOCKET anslutningsfel, $S_STATUS svar som inte var 200; tre instanser $M_TIMEOUT, $M_SOCKET, $M_STATUS"
awk -v m="$M_RPS" -v s="$S_RPS" 'BEGIN { printf "skalningskvot (tre / en): %.2f\n", m / s }'
echo
echo "en instans med 5 % sparningar ($USERS användare utan paus; läsningar som ovan, sparningar över kretsen):"
echo "anrop/s | läsa p50/p99 ms | spara p50/p99 ms | alla p50/p99 ms | andel sparningar | fel | serverns CPU % | RSS MB"
echo "$W_LINE"
grep "^    fel:" "$WORK/writes.txt" || true
