# Sourced by bench/run.sh and bench/circuits.sh: publishes the app, makes or completes the large data set, starts one
# instance on $PORT as a production host would run it (Release, the GC setting of docs/operations.md) and waits until it
# is ready. Sets ROOT, OUT, BASE and APP (the instance's process id); the caller's EXIT trap stops it.
ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
OUT=$ROOT/bench/.out
PORT=${PORT:-5099}
BASE=http://127.0.0.1:$PORT
mkdir -p "$OUT"

cd "$ROOT"
echo "==> Release-bygge"
dotnet publish src/SakraStader.Web -c Release -o "$OUT/app" -nologo -v quiet > /dev/null

export ASPNETCORE_ENVIRONMENT=Benchmark
# From the build's output, not a publish: the interactive pages' files come from the static web assets manifest.
export Hosting__AssetsFromBuild=true
export ConnectionStrings__Sqlite="Data Source=$OUT/large.db"
export Security__RequireHttps=false
export Serilog__MinimumLevel__Default=Warning
export Retention__Enabled=false  # the data set must stay as generated while it is measured
# The production setting for a host that hides its CPU caches (see docs/operations.md, "Garbage collector"): without
# it the GC picks a tiny gen0 budget on such a VM and collects every few requests.
export DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x4000000}
cd "$OUT/app"
# Generates the data set once; on a data set from an earlier version it only adds what is missing (and migrates).
echo "==> Stora datamängden (290 kommuner, fem år): genereras eller kompletteras vid behov"
dotnet SakraStader.Web.dll generate-bench-data --kommuner "${KOMMUNER:-290}" --years 5

dotnet SakraStader.Web.dll --urls "$BASE" > "$OUT/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 60); do curl -fs "$BASE/health/ready" > /dev/null && break; sleep 0.5; done

