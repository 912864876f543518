#!/usr/bin/env bash
# Runs every test suite: unit, component and integration tests on SQLite; the integration tests again on a real
# PostgreSQL server; the browser tests in Debian's Chromium; three instances behind nginx (scripts/multi-instance.sh).
# Installs what is missing first (Debian packages: chromium, chromium-l10n, postgresql, libreoffice-writer-nogui, python3-uno,
# fonts-dejavu-core, poppler-utils, fonts-crosextra-carlito, nginx, redis-server; npm: axe-core; .NET tools: smtp4dev).
# Ends with one line "N passed, N failed, N skipped" and exits non-zero on any failure. Screenshots land in
# artifacts/screenshots, test reports in artifacts/test-results.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ARTIFACTS=$ROOT/artifacts
RESULTS=$ARTIFACTS/test-results
rm -rf "$RESULTS" "$ARTIFACTS/screenshots"
mkdir -p "$RESULTS" "$ARTIFACTS/screenshots"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Debian packages the suites need.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Chromium's Swedish: the browser tests run it in Swedish, as the kommuner's users do (13:30, not 01:30 PM).
[ -f /usr/lib/chromium/locales/sv.pak ] || missing+=(chromium-l10n)
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || missing+=(postgresql)
# LibreOffice opens the annual report's Word document in a test, as a reader's office suite would.
[ -x /usr/bin/soffice ] || missing+=(libreoffice-writer-nogui)
# pdftotext and pdfinfo read back the PDF that LibreOffice makes of a Word document (page numbers, unbroken words).
[ -x /usr/bin/pdftotext ] || missing+=(poppler-utils)
# Python's bridge to LibreOffice: the app keeps one LibreOffice running and hands it each document (a PDF in a fraction
# of a second instead of a fresh start's 3–5 s; Features/Documents/PdfConverter.cs).
/usr/bin/python3 -c "import uno" 2> /dev/null || missing+=(python3-uno)
# DejaVu Sans writes the area map's labels in the documents' map picture (Features/Lagesbilder/AreaMapImage.cs).
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ] || missing+=(fonts-dejavu-core)
# Carlito has Calibri's metrics: LibreOffice lays out the documents (set in Calibri) as Word does on a kansli's computer.
[ -f /usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf ] || missing+=(fonts-crosextra-carlito)
# nginx balances the multi-instance test's three app instances.
[ -x /usr/sbin/nginx ] || missing+=(nginx)
# Redis carries the change feed between the multi-instance test's instances.
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Installerar ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null || exit 1
fi

# 2. npm packages for the browser tests.
if [ ! -f node_modules/axe-core/axe.min.js ]; then
  echo "==> npm ci"
  npm ci --no-audit --no-fund --loglevel=error || exit 1
fi

# 3. .NET local tools (dotnet-tools.json): smtp4dev, the SMTP server the mail tests deliver to.
dotnet tool restore > /dev/null || exit 1

# 4. A throw-away PostgreSQL cluster on loopback.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDATA=$(mktemp -d /tmp/sakrastader-pg.XXXXXX)
PGPORT=${SAKRASTADER_PGPORT:-$((20000 + RANDOM % 20000))}
pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$PGDATA"
stop_pg() { pg "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop > /dev/null 2>&1; rm -rf "$PGDATA"; }
trap stop_pg EXIT
echo "==> Startar PostgreSQL på 127.0.0.1:$PGPORT"
pg "$PGBIN/initdb" -D "$PGDATA" --auth=trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync > /dev/null || exit 1
pg "$PGBIN/pg_ctl" -D "$PGDATA" -w -l "$PGDATA/server.log" \
  -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start > /dev/null || { cat "$PGDATA/server.log"; exit 1; }

# 5. Build once, then run the suites.
echo "==> Bygger"
dotnet build SakraStader.sln -c Release -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

failed_runs=0
run_suite() { # name project [dotnet test args...]
  local name=$1 project=$2; shift 2
  echo "==> $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS" "$@" \
    || failed_runs=$((failed_runs + 1))
}
# The tests' clock (tests/SakraStader.Tests/Support/TestClock.cs) starts at a fixed Swedish time, a different one per
# suite so that every run covers a December without EST meeting, New Year's night and New Year's Eve late;
# scripts/test-dates.sh runs the suites at every date the suite must hold on. SAKRASTADER_TEST_CLOCK overrides all three.
SAKRASTADER_TEST_CLOCK=${SAKRASTADER_TEST_CLOCK:-2026-12-02T10:00} \
  run_suite sqlite tests/SakraStader.Tests --filter "Category!=MultiInstance"
SAKRASTADER_TEST_CLOCK=${SAKRASTADER_TEST_CLOCK:-2027-01-01T00:30} \
SAKRASTADER_TEST_DB=postgres SAKRASTADER_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres" \
  run_suite postgres tests/SakraStader.Tests --filter "Category=Integration"
SAKRASTADER_TEST_CLOCK=${SAKRASTADER_TEST_CLOCK:-2026-12-31T23:30} \
  run_suite browser tests/SakraStader.BrowserTests --filter "Category!=MultiInstance"
# Three instances behind nginx on this PostgreSQL; one is killed, the database is stopped and started (last: it
# restarts the server the suites above used).
echo "==> multi-instance"
export PGBIN PGDATA PGPORT RESULTS
export -f pg
bash scripts/multi-instance.sh || failed_runs=$((failed_runs + 1))

# 5. One plain summary line from the TRX reports.
passed=0; failed=0; skipped=0; reports=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  reports=$((reports + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | grep -o "$1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ "$reports" -lt 4 ] || [ "$failed_runs" -gt 0 ] && [ "$failed" -eq 0 ]; then
  failed=$((failed + failed_runs + 4 - reports))
fi
# The failed tests' names and messages last, where a CI log's tail shows them.
if [ "$failed" -gt 0 ] && command -v python3 > /dev/null; then
  python3 - "$RESULTS"/*.trx <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in sys.argv[1:]:
    for r in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
        if r.get("outcome") != "Passed":
            message = r.findtext(".//t:ErrorInfo/t:Message", default="", namespaces=ns).strip()
            stack = r.findtext(".//t:ErrorInfo/t:StackTrace", default="", namespaces=ns).strip().splitlines()
            print(f"FAILED [{path.rsplit('/', 1)[-1]}] {r.get('testName')}: {message[:1500]}")
            for line in [l for l in stack if "SakraStader" in l][:4]:
                print("    " + line.strip()[:300])
PY
fi
echo "Screenshots: $ARTIFACTS/screenshots"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$skipped" -eq 0 ]
