#!/usr/bin/env bash
# The multi-instance and fault test (called by scripts/test.sh after its PostgreSQL is up and the solution is built):
# three app instances on loopback ports, started together on an empty database (migrations and demo data run once),
# nginx balancing round-robin between them (circuits over WebSockets), and the MultiInstance test driving people in
# Chromium pages through nginx while one instance is killed and PostgreSQL is stopped and started; then another
# instance is killed in the middle of an import's commit. The instances share a Redis server (the change feed that
# keeps "Att göra" live across instances); it is stopped and started too.
# Needs: PGBIN, PGDATA, PGPORT, RESULTS; `pg` as in test.sh.
#   scripts/multi-instance.sh            # exit status is the test's
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
: "${PGBIN:?}" "${PGDATA:?}" "${PGPORT:?}" "${RESULTS:?}"
WORK=$(mktemp -d /tmp/sakrastader-multi.XXXXXX)
chmod 777 "$WORK"
APP="$ROOT/src/SakraStader.Web/bin/Release/net10.0/SakraStader.Web.dll"
DB="sakrastader_multi_$$"
CONN="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=$DB;Timeout=3;Command Timeout=15"
LB_PORT=$((PGPORT + 1000))
PORTS=($((LB_PORT + 1)) $((LB_PORT + 2)) $((LB_PORT + 3)))
REDIS_PORT=$((LB_PORT + 10))
pids=()
cleanup() {
  redis-cli -p "$REDIS_PORT" shutdown nosave > /dev/null 2>&1
  [ -f "$WORK/pids" ] && while read -r pid; do kill "$pid" 2> /dev/null; done < "$WORK/pids"
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2> /dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

REDIS_START="redis-server --port $REDIS_PORT --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --dir $WORK --logfile $WORK/redis.log"
bash -c "$REDIS_START" > /dev/null || { echo "Redis startade inte"; exit 1; }
for _ in $(seq 1 40); do redis-cli -p "$REDIS_PORT" ping 2> /dev/null | grep -q PONG && break; sleep 0.25; done

# One instance on a port, started in the background; prints its process id and notes it for the clean-up. The test
# starts instances again with it (the rolling restart).
cat > "$WORK/start-instance.sh" <<START
port=\$1
ASPNETCORE_ENVIRONMENT=MultiInstance ASPNETCORE_URLS="http://127.0.0.1:\$port" Instance__Name="\$port" Hosting__AssetsFromBuild=true \\
Database__Provider=Postgres ConnectionStrings__Postgres="$CONN" Demo__Seed=true Redis__Configuration="127.0.0.1:$REDIS_PORT" \\
Security__RequireHttps=false Security__TrustForwardedHeaders=true Serilog__MinimumLevel__Default=Warning \\
Documents__StartLibreOfficeEarly=false \\
  dotnet "$APP" --contentRoot "$ROOT/src/SakraStader.Web" \\
    --Serilog:MinimumLevel:Override:SakraStader.Infrastructure.CircuitLogging=Information \\
    --Serilog:MinimumLevel:Override:SakraStader.Infrastructure.CircuitHandOver=Information \\
    --Serilog:MinimumLevel:Override:SakraStader.Features.Commands.Operations=Debug \\
    --Serilog:MinimumLevel:Override:Microsoft.AspNetCore.Components.Server=Information >> "$WORK/app-\$port.log" 2>&1 < /dev/null &
echo \$! >> "$WORK/pids"
echo \$!
START

echo "==> Tre instanser startar samtidigt på en tom databas ($DB)"
for port in "${PORTS[@]}"; do
  pids+=("$(bash "$WORK/start-instance.sh" "$port")")
done
for port in "${PORTS[@]}"; do
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health/ready" > /dev/null && break; sleep 0.5; done
  if ! curl -fs "http://127.0.0.1:$port/health/ready" > /dev/null; then
    echo "Instansen på $port kom inte igång:"; cat "$WORK/app-$port.log"; exit 1
  fi
done
kommuner=$(pg "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d "$DB" -Atc 'SELECT count(*) FROM "Kommuner"')
migrations=$(pg "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d "$DB" -Atc 'SELECT count(*) - count(DISTINCT "MigrationId") FROM "__EFMigrationsHistory"')
echo "    demokommuner: $kommuner, dubbla migreringar: $migrations"
if [ "$kommuner" != 5 ] || [ "$migrations" != 0 ]; then echo "Start-up work ran more than once"; exit 1; fi

bash scripts/nginx-local.sh "$WORK" "$LB_PORT" "${PORTS[@]}" || exit 1

echo "==> Användare genom nginx; en instans dödas, databasen stoppas och startas"
pg_ctl_cmd() { if [ "$(id -u)" = 0 ]; then echo "runuser -u postgres -- $PGBIN/pg_ctl -D $PGDATA"; else echo "$PGBIN/pg_ctl -D $PGDATA"; fi; }
SAKRASTADER_LB_URL="http://127.0.0.1:$LB_PORT" \
SAKRASTADER_INSTANCE_PIDS=$(IFS=,; echo "${pids[*]}") \
SAKRASTADER_INSTANCE_START="bash $WORK/start-instance.sh" \
SAKRASTADER_INSTANCE_URLS=$(IFS=,; for port in "${PORTS[@]}"; do printf 'http://127.0.0.1:%s,' "$port"; done) \
SAKRASTADER_MULTI_DB="$CONN" \
SAKRASTADER_REDIS_STOP="redis-cli -p $REDIS_PORT shutdown nosave" \
SAKRASTADER_REDIS_START="$REDIS_START" \
SAKRASTADER_PG_STOP="$(pg_ctl_cmd) -m fast -w stop" \
SAKRASTADER_PG_START="$(pg_ctl_cmd) -w -l $PGDATA/server.log -o \"-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start" \
  dotnet test tests/SakraStader.BrowserTests -c Release --no-build --nologo --filter "Category=MultiInstance" \
    --logger "trx;LogFileName=multi-instance.trx" --logger "console;verbosity=detailed" --results-directory "$RESULTS"
status=$?
if [ $status -ne 0 ]; then
  mkdir -p "$RESULTS/multi-instance-logs" && cp "$WORK"/app-*.log "$WORK/nginx-error.log" "$RESULTS/multi-instance-logs/" 2> /dev/null
  # The logs go with the test reports; the console keeps the failure itself in view (scripts/test.sh ends with it).
  echo "Instansernas och nginx loggar: $RESULTS/multi-instance-logs"
  for port in "${PORTS[@]}"; do echo "--- app $port: fel och varningar"; grep -E '"Level":"(Error|Fatal)"' "$WORK/app-$port.log" | tail -n 5 | cut -c1-600; done
fi
exit $status
